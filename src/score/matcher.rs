//! Finds the words of one phrasing in an answer: word forms, typos, nearby words, one sentence.

use super::normalise::{Kind, Token};

/// Words shorter than this match only exactly (`PUT` is not `POST`); from here one typo is allowed.
const ONE_TYPO_FROM: usize = 6;
/// From this length two typos are allowed.
const TWO_TYPOS_FROM: usize = 12;
/// How many extra words may stand between two words of a phrase.
const GAP_PER_WORD: usize = 2;
/// How many words of a relative clause set off between two words of a wrong claim are passed
/// over.
const RELATIVE_CLAUSE_WORDS: usize = 6;

/// How many word lengths either side of a word's own are searched for typos: the budget, plus a
/// little for stems whose words differ in suffix length.
const LENGTH_SLACK: usize = 3;
/// Words are bucketed by length up to this; longer ones share the last bucket.
const LENGTH_BUCKETS: usize = 32;

/// An answer's words, indexed so that finding a word costs a lookup, not a scan: positions sorted
/// by stem, and long words sorted by first letter and length for typo matching (two allocations
/// per answer). Without the index a long hostile answer against a long rubric is quadratic in
/// edit distances.
pub struct Answer<'a> {
    pub words: &'a [Token],
    /// `(stem, position)`, sorted.
    by_stem: Vec<(&'a str, usize)>,
    /// `((first byte, length bucket), position)` of words long enough to carry a typo, sorted.
    long_words: Vec<((u8, usize), usize)>,
}

impl<'a> Answer<'a> {
    #[cfg(test)]
    pub fn new(words: &'a [Token]) -> Answer<'a> {
        Answer::with_aliases(words, &[])
    }

    /// The index with extra names for some words (`(stem, position)`: the thesaurus's terms for
    /// the plain phrases the answer uses). An alias matches exactly, never as a typo.
    pub fn with_aliases(words: &'a [Token], aliases: &[(&'a str, usize)]) -> Answer<'a> {
        let mut by_stem: Vec<(&str, usize)> = words
            .iter()
            .enumerate()
            .map(|(i, w)| (w.stem.as_str(), i))
            .chain(aliases.iter().copied())
            .collect();
        by_stem.sort_unstable();
        let mut long_words: Vec<((u8, usize), usize)> = words
            .iter()
            .enumerate()
            .filter(|(_, w)| w.kind == Kind::Word && w.word.len() >= ONE_TYPO_FROM)
            .map(|(i, w)| (bucket(&w.word, w.word.len()), i))
            .collect();
        long_words.sort_unstable();
        Answer { words, by_stem, long_words }
    }

    /// Positions of the answer's words that are `word`: the same stem, or a likely typo of it.
    pub fn positions(&self, word: &Token) -> Vec<usize> {
        let mut found = Vec::new();
        let mut typos = false;
        self.scan(word, |i, typo| {
            found.push(i);
            typos |= typo;
            false
        });
        if typos {
            found.sort_unstable();
            found.dedup();
        }
        found
    }

    /// Calls `visit(position, is_typo)` for each answer word that is `word` (same stem first, then
    /// likely typos, unordered), until it returns true; returns whether it did. No allocation.
    pub fn scan(&self, word: &Token, mut visit: impl FnMut(usize, bool) -> bool) -> bool {
        let stem = word.stem.as_str();
        let from = self.by_stem.partition_point(|(s, _)| *s < stem);
        for &(_, i) in self.by_stem[from..].iter().take_while(|(s, _)| *s == stem) {
            if visit(i, false) {
                return true;
            }
        }
        if word.kind != Kind::Word || word.word.len() < ONE_TYPO_FROM - 1 {
            return false;
        }
        let length = word.word.len();
        for l in length.saturating_sub(LENGTH_SLACK).max(ONE_TYPO_FROM)..=length + LENGTH_SLACK {
            let key = bucket(&word.word, l);
            let from = self.long_words.partition_point(|(k, _)| *k < key);
            for &(_, i) in self.long_words[from..].iter().take_while(|(k, _)| *k == key) {
                let other = &self.words[i];
                let typo = other.stem != word.stem
                    && (near_miss(&word.word, &other.word) || near_miss(&word.stem, &other.stem));
                if typo && visit(i, true) {
                    return true;
                }
            }
        }
        false
    }
}

/// The typo bucket of a word of this length starting like `word`.
fn bucket(word: &str, length: usize) -> (u8, usize) {
    (word.as_bytes()[0], length.min(LENGTH_BUCKETS))
}

/// The positions of each word of `pattern` in the answer; `None` as soon as one is absent (most
/// phrasings of a rubric are absent from any one answer, and an absent word allocates nothing).
fn candidates(pattern: &[Token], answer: &Answer<'_>) -> Option<Vec<Vec<usize>>> {
    pattern.iter().map(|word| Some(answer.positions(word)).filter(|found| !found.is_empty())).collect()
}

/// Every place where all words of `pattern` occur inside one sentence of the answer, within a
/// short span: the positions of the matching answer words, sorted, one list per place.
pub fn occurrences(pattern: &[Token], answer: &Answer<'_>) -> Vec<Vec<usize>> {
    let Some(candidates) = candidates(pattern, answer) else {
        return Vec::new();
    };
    let Some(rarest) = candidates.iter().min_by_key(|c| c.len()) else {
        return Vec::new();
    };
    let reach = (pattern.len() - 1) * (GAP_PER_WORD + 1);
    let mut found: Vec<Vec<usize>> = Vec::new();
    for &anchor in rarest {
        if let Some(place) = window(pattern, &candidates, answer.words, anchor, reach)
            && !found.contains(&place)
        {
            found.push(place);
        }
    }
    found
}

/// Every place where the words of `pattern` occur in their order, each within a short gap of the
/// one before and in the same statement as the one before unless the pattern's own words cross a
/// statement there (a phrasing that itself spans "so" may span it in the answer at the same
/// place, but never a sentence's end): the stricter matching a costly wrong
/// claim needs ("trust all
/// certificates to fix" is not "fix the trust list … the certificate chain").
pub fn ordered_occurrences(pattern: &[Token], answer: &Answer<'_>) -> Vec<Vec<usize>> {
    let Some(candidates) = candidates(pattern, answer) else {
        return Vec::new();
    };
    let Some((first, rest)) = candidates.split_first() else {
        return Vec::new();
    };
    first
        .iter()
        .filter_map(|&start| {
            let mut place = vec![start];
            for (k, (word, positions)) in pattern[1..].iter().zip(rest).enumerate() {
                let last = place[place.len() - 1];
                // A break may fall only where the phrasing has one: "PUT and DELETE should never
                // be retried" is not "retry GET, PUT or DELETE, but never retry a POST".
                let breaks = word.statement - pattern[k].statement;
                let next = positions.iter().copied().find(|&i| {
                    (if word.glued {
                        follows(last, i)
                    } else {
                        i > last && within_gap(answer.words, last, i)
                    }) && answer.words[i].statement - answer.words[last].statement <= breaks
                        && answer.words[i].sentence == answer.words[start].sentence
                })?;
                place.push(next);
            }
            Some(place)
        })
        .collect()
}

/// Whether at most [`GAP_PER_WORD`] words stand between `last` and `next`, not counting a
/// relative clause ("the plain method, where the challenge equals the verifier, is as secure").
fn within_gap(words: &[Token], last: usize, next: usize) -> bool {
    next - last <= GAP_PER_WORD + 1
        || (next - last <= GAP_PER_WORD + 1 + RELATIVE_CLAUSE_WORDS
            && words[last + 1..next].iter().filter(|w| !w.mood.relative).count() <= GAP_PER_WORD)
}

/// For each pattern word, the candidate nearest `anchor` in the anchor's sentence, if all fit in
/// `reach`.
fn window(
    pattern: &[Token],
    candidates: &[Vec<usize>],
    words: &[Token],
    anchor: usize,
    reach: usize,
) -> Option<Vec<usize>> {
    let sentence = words[anchor].sentence;
    let mut chosen: Vec<usize> = Vec::with_capacity(candidates.len());
    for (word, positions) in pattern.iter().zip(candidates) {
        let nearest = positions
            .iter()
            .copied()
            .filter(|&i| i.abs_diff(anchor) <= reach && words[i].sentence == sentence)
            .filter(|&i| !word.glued || chosen.last().is_some_and(|&before| follows(before, i)))
            .min_by_key(|&i| i.abs_diff(anchor))?;
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

/// Whether the word at `next` stands right after the one at `before`, as the halves of a compound
/// must (`long-lived`); a thesaurus term names its phrase at one place, so both may stand there.
fn follows(before: usize, next: usize) -> bool {
    next == before + 1 || next == before
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

    fn found(point: &str, answer: &str) -> Vec<Vec<String>> {
        let point = tokens(point, false).words;
        let answer = tokens(answer, false).words;
        let index = Answer::new(&answer);
        occurrences(&point, &index)
            .into_iter()
            .map(|place| place.into_iter().map(|i| answer[i].word.to_string()).collect())
            .collect()
    }

    fn agrees(point: &str, answer: &str) -> bool {
        !found(point, answer).is_empty()
    }

    /// Whether the stricter, ordered matching of wrong claims finds `point` in `answer`.
    fn ordered(point: &str, answer: &str) -> bool {
        let point = tokens(point, false).words;
        let answer = tokens(answer, false).words;
        !ordered_occurrences(&point, &Answer::new(&answer)).is_empty()
    }

    #[test]
    fn a_relative_clause_between_the_words_of_a_claim_is_passed_over() {
        let claim = "plain is as secure as S256";
        assert!(ordered(
            claim,
            "The plain method, where the challenge equals the verifier, is as secure as S256."
        ));
        assert!(ordered(claim, "Plain, which some libraries default to, is as secure as S256."));
        // Not words of another kind, nor a longer clause.
        assert!(!ordered(
            claim,
            "The plain method sends the challenge equal to the verifier, secure as S256."
        ));
        assert!(!ordered(
            claim,
            "Plain, which sends the challenge equal to the verifier in the first request to the authorization \
             server of the provider, is as secure as S256."
        ));
    }

    #[test]
    fn the_halves_of_a_compound_stand_together() {
        assert!(agrees("long-lived", "refresh tokens are long lived"));
        assert!(agrees("long-lived", "refresh tokens are long-lived"));
        assert!(!agrees("long-lived", "it lived on, for a long time"));
        assert!(agrees("long lived", "it lived on, for a long time"));
        assert!(ordered("a read-only method", "GET is a read-only method"));
        assert!(!ordered("a read-only method", "read a file only with this method"));
    }

    #[test]
    fn word_forms_and_typos_of_long_words_match() {
        for (point, answer) in [
            ("retry", "the client retries"),
            ("idempotent", "PUT is idempotant"),
            ("authorization", "check the authoriztion header"),
            ("pagination", "use paginaton"),
            ("encryption at rest", "encrpytion of data at rest"),
            ("retries", "it retrys"),
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
            assert!(!agrees(point, answer), "{point} !~ {answer}");
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
    fn a_phrase_never_spans_a_sentence_break() {
        assert!(!agrees("idempotent PUT", "PATCH is idempotent. PUT replaces the resource."));
        assert!(!agrees("idempotent PUT", "PATCH is idempotent; PUT replaces it"));
        assert_eq!(
            found("idempotent PUT", "PUT is idempotent. PUT is safe to retry."),
            [["put", "idempotent"]]
        );
    }

    #[test]
    fn ordered_matching_keeps_the_order_and_the_statement() {
        assert!(ordered("trust all certificates", "we trust all the certificates"));
        assert!(!ordered("trust all certificates to fix", "fix the trust list or the certificate chain"));
        assert!(!ordered("disable verification", "verification, once you disable it"));
        assert!(!ordered("POST idempotent", "POST creates duplicates because PUT is idempotent"));
        assert!(ordered("hard-code it so it is always there", "hard-code it so it is always there"));
        assert!(ordered("hard-code it so it is always there", "hard-code it, it is always there"));
        // A phrasing's own break ("and") lets the answer break there, not elsewhere.
        let phrasing = "PUT and DELETE should never be retried";
        assert!(ordered(phrasing, "PUT and DELETE should never be retried"));
        assert!(!ordered(phrasing, "retry GET, PUT or DELETE, but never retry a POST"));
    }

    #[test]
    fn every_place_is_found_once() {
        assert_eq!(found("idempotent", "PUT is idempotent, DELETE is idempotent").len(), 2);
    }

    #[test]
    fn typos_are_found_through_the_index_in_a_long_answer() {
        // 5,000 distinct long words against the same words with one letter changed: with a scan
        // this is 25 million edit distances; with the index, a few per word.
        let mut seed = 7u64;
        let mut letter = || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            char::from(b'a' + ((seed >> 33) % 26) as u8)
        };
        let words: Vec<String> = (0..5_000).map(|_| (0..12).map(|_| letter()).collect()).collect();
        let answer = tokens(&words.join(" "), false).words;
        let index = Answer::new(&answer);
        let typo = |w: &str| format!("{}z", &w[..w.len() - 1]);
        let hits = words.iter().filter(|w| !index.positions(&tokens(&typo(w), false).words[0]).is_empty());
        assert_eq!(hits.count(), words.len());
    }
}
