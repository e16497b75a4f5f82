//! Finds one alternative of a key point in an answer: word forms, typos, nearby words, negation.

use super::normalise::{Kind, Token};

/// Words shorter than this match only exactly (`PUT` is not `POST`); from here one typo is allowed.
const ONE_TYPO_FROM: usize = 6;
/// From this length two typos are allowed.
const TWO_TYPOS_FROM: usize = 12;
/// How many extra words may stand between two words of a phrase.
const GAP_PER_WORD: usize = 2;

/// How one alternative of a point fared against an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    Absent,
    /// Found with the point's own polarity; the answer's matching words.
    Agrees(Vec<String>),
    /// Found, but the answer negates what the point asserts (or asserts what it negates).
    Contradicts(Vec<String>),
}

/// Looks for the phrase `pattern` among `answer`'s words. `negative` says whether the phrase states
/// a negation; with `None` any occurrence agrees.
pub fn find(pattern: &[Token], negative: Option<bool>, answer: &[Token]) -> Found {
    let Some(rarest) =
        (0..pattern.len()).min_by_key(|&j| answer.iter().filter(|a| same_word(&pattern[j], a)).count())
    else {
        return Found::Absent;
    };
    let reach = (pattern.len() - 1) * (GAP_PER_WORD + 1);
    let mut contradiction = None;
    for anchor in (0..answer.len()).filter(|&i| same_word(&pattern[rarest], &answer[i])) {
        let Some(chosen) = window(pattern, answer, anchor, reach) else {
            continue;
        };
        let matched: Vec<String> = chosen.iter().map(|&i| answer[i].word.clone()).collect();
        if negative.is_none_or(|negative| chosen.iter().any(|&i| answer[i].negated) == negative) {
            return Found::Agrees(matched);
        }
        contradiction.get_or_insert(matched);
    }
    contradiction.map_or(Found::Absent, Found::Contradicts)
}

/// For each pattern word, the matching answer position nearest `anchor`, if all fit in `reach`.
fn window(pattern: &[Token], answer: &[Token], anchor: usize, reach: usize) -> Option<Vec<usize>> {
    let low = anchor.saturating_sub(reach);
    let high = (anchor + reach).min(answer.len().saturating_sub(1));
    let mut chosen = Vec::with_capacity(pattern.len());
    for word in pattern {
        let nearest =
            (low..=high).filter(|&i| same_word(word, &answer[i])).min_by_key(|&i| i.abs_diff(anchor))?;
        chosen.push(nearest);
    }
    let first = *chosen.iter().min()?;
    let last = *chosen.iter().max()?;
    (last - first <= reach).then(|| {
        chosen.sort_unstable();
        chosen.dedup();
        chosen
    })
}

/// Same stem, or (for longer ordinary words) a likely typo of the same word.
pub fn same_word(point: &Token, answer: &Token) -> bool {
    if point.stem == answer.stem {
        return true;
    }
    if point.kind == Kind::Code || answer.kind == Kind::Code {
        return false;
    }
    near_miss(&point.word, &answer.word) || near_miss(&point.stem, &answer.stem)
}

/// Within the typo budget for the words' length; the first letter must agree (typos rarely hit it).
fn near_miss(a: &str, b: &str) -> bool {
    let shorter = a.len().min(b.len());
    if shorter < ONE_TYPO_FROM || a.as_bytes()[0] != b.as_bytes()[0] {
        return false;
    }
    let budget = if shorter >= TWO_TYPOS_FROM { 2 } else { 1 };
    a.len().abs_diff(b.len()) <= budget
        && letter_mask(a).symmetric_difference_size(letter_mask(b)) <= 2 * budget
        && strsim::osa_distance(a, b) <= budget
}

/// Which letters a-z a word uses: a cheap filter before the edit distance.
#[derive(Clone, Copy)]
struct LetterMask(u32);

fn letter_mask(word: &str) -> LetterMask {
    LetterMask(word.bytes().filter(u8::is_ascii_lowercase).fold(0, |m, b| m | 1 << (b - b'a')))
}

impl LetterMask {
    fn symmetric_difference_size(self, other: LetterMask) -> usize {
        (self.0 ^ other.0).count_ones() as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::normalise::tokens;

    fn found(point: &str, answer: &str) -> Found {
        let point = tokens(point, false).0;
        let negative = point.iter().any(|t| t.negated);
        find(&point, Some(negative), &tokens(answer, false).0)
    }

    fn agrees(point: &str, answer: &str) -> bool {
        matches!(found(point, answer), Found::Agrees(_))
    }

    #[test]
    fn word_forms_and_typos_of_long_words_match() {
        for (point, answer) in [
            ("retry", "the client retries"),
            ("idempotent", "PUT is idempotant"),
            ("authorization", "check the authoriztion header"),
            ("pagination", "use paginaton"),
            ("encryption at rest", "encrpytion of data at rest"),
        ] {
            assert!(agrees(point, answer), "{point} ~ {answer}");
        }
    }

    #[test]
    fn short_words_numbers_and_codes_match_exactly() {
        for (point, answer) in [
            ("PUT", "use POST"),
            ("401", "it returns 403"),
            ("2xx", "a 3xx status"),
            ("token", "the request was taken"),
            ("collection", "open a connection"),
        ] {
            assert_eq!(found(point, answer), Found::Absent, "{point} !~ {answer}");
        }
    }

    #[test]
    fn phrases_match_with_small_gaps_in_any_order() {
        assert!(agrees(
            "POST can create duplicate records",
            "POST requests may create a few duplicates of records"
        ));
        assert!(agrees("cursor pagination", "pagination based on a cursor"));
        assert!(!agrees(
            "cursor pagination",
            "a cursor is used by the database engine when the results need pagination"
        ));
    }

    #[test]
    fn negation_contradicts_in_both_directions() {
        assert_eq!(
            found("POST is not idempotent", "POST isn't idempotent"),
            Found::Agrees(vec!["post".into(), "idempotent".into()])
        );
        assert!(matches!(found("POST is not idempotent", "POST is idempotent"), Found::Contradicts(_)));
        assert!(matches!(found("PUT is idempotent", "PUT is not idempotent"), Found::Contradicts(_)));
        assert!(matches!(found("stateless", "the server is never stateless"), Found::Contradicts(_)));
    }

    #[test]
    fn an_agreeing_mention_outweighs_a_contradicting_one() {
        assert!(agrees("idempotent", "PUT is idempotent, POST is not idempotent"));
    }
}
