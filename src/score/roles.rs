//! Who a claim is about in a comparison question: finds the contrasted terms an answer names and
//! attributes each matched claim to the term its clause is about.

use super::Pattern;
use super::matcher::{Answer, ordered_occurrences};
use super::normalise::{Kind, Mood};

/// One contrasted term of a question ("PUT" in PUT vs PATCH), compiled.
#[derive(Debug, Clone)]
pub struct Side {
    pub name: String,
    pub patterns: Vec<Pattern>,
}

/// Where an answer names a contrasted term: `(word position, side index)`, in answer order.
pub fn mentions(sides: &[Side], answer: &Answer<'_>) -> Vec<(usize, usize)> {
    let mut found: Vec<(usize, usize)> = names(sides, answer).map(|(place, side)| (place[0], side)).collect();
    found.sort_unstable();
    found.dedup();
    // Terms glued into one word name the pair, not either side ("client-server means …"); codes
    // so glued name either ("502/503 mean an upstream failed").
    let glued = |at: usize| answer.words[at].glued && answer.words[at].kind != Kind::Code;
    let paired: Vec<usize> = found
        .windows(2)
        .filter(|pair| pair[0].1 != pair[1].1 && pair[1].0 == pair[0].0 + 1 && glued(pair[1].0))
        .flat_map(|pair| [pair[0].0, pair[1].0])
        .collect();
    found.retain(|(at, _)| !paired.contains(at));
    found
}

/// Each place where the answer names a contrasted term, with the term's side. A term is a name:
/// its words stand together and in order ("refresh token", not "refresh the access token";
/// "connect timeout", not "timeout … connected").
fn names<'s>(sides: &'s [Side], answer: &'s Answer<'_>) -> impl Iterator<Item = (Vec<usize>, usize)> + 's {
    sides.iter().enumerate().flat_map(move |(side, term)| {
        term.patterns.iter().flat_map(move |pattern| {
            ordered_occurrences(&pattern.words, answer)
                .into_iter()
                .filter(|place| place[place.len() - 1] - place[0] + 1 == pattern.words.len())
                .map(move |place| (place, side))
        })
    })
}

/// How many clauses of the answer say something of a contrasted term: name it and hold another
/// content word ("4xx client error", "PUT replaces it"), which a term alone ("PUT, PATCH") does not.
/// Quadratic in the answer's length: for short answers only.
pub fn clauses_about_terms(sides: &[Side], answer: &Answer<'_>) -> usize {
    let named: Vec<usize> = names(sides, answer).flat_map(|(place, _)| place).collect();
    let words = answer.words;
    let mut clauses: Vec<u32> = named
        .iter()
        .map(|&at| words[at].clause)
        .filter(|&clause| words.iter().enumerate().any(|(i, w)| w.clause == clause && !named.contains(&i)))
        .collect();
    clauses.sort_unstable();
    clauses.dedup();
    clauses.len()
}

/// How sure an attribution is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Certainty {
    /// The term is named in the claim's own clause: sure enough to call a swap.
    Clause,
    /// The term is named elsewhere in the claim's sentence ("in exchange you lose what HTTP gives
    /// REST for free: … caching disappears" is not about REST): good enough to credit a claim.
    Sentence,
    /// The term was named in an earlier sentence ("PUT … . It replaces …"): a guess at what
    /// "it" means, too weak to call a swap on.
    Earlier,
}

/// The side a claim found at `place` is about, for a point about side `own`: `own` when its clause
/// names it at all ("502/503 tend to be an overloaded upstream" holds for both), else the first
/// term named in its clause (the clause's subject: "a URL is the kind of URI that …" is about the
/// URL) unless that term comes after the claim and the sentence named another before it (then
/// it is the claim's object), else the nearest named earlier in its sentence, else later in its sentence, else the
/// last one named before it; `None` when the answer names no term that could be meant.
pub fn subject(
    mentions: &[(usize, usize)],
    answer: &Answer<'_>,
    place: &[usize],
    own: usize,
) -> Option<(usize, Certainty)> {
    let words = answer.words;
    let (start, end) = (place[0], place[place.len() - 1]);
    let clause = words[start].clause;
    let sentence = words[start].sentence;
    // A term inside the claim's own words is its object, not its subject ("the refresh token gets
    // a new access token").
    // Nor is a term named inside a condition the subject of a claim outside it ("kept out of
    // shared caches unless a directive such as public allows it" is not about public).
    // Nor is a term it is compared with ("the same as 301 but keeps the method").
    // Nor is a term named as what is not meant ("PUT, unlike PATCH, replaces the resource").
    let Mood { conditional, compared, rejecting, .. } = words[start].mood;
    let all_mentions = mentions;
    let outside: Vec<(usize, usize)> = mentions
        .iter()
        .copied()
        .filter(|&(at, _)| {
            let mood = words[at].mood;
            !place.contains(&at)
                && (conditional || !mood.conditional)
                && (compared || !mood.compared)
                && (rejecting || !mood.rejecting)
        })
        .collect();
    let mentions = outside.as_slice();
    let before = |&&(at, _): &&(usize, usize)| at <= end;
    let in_clause = |&&(at, _): &&(usize, usize)| words[at].clause == clause;
    let in_sentence = |&&(at, _): &&(usize, usize)| words[at].sentence == sentence;
    // A claim whose words run over a comma is the point's own when any of its clauses names the
    // point's term ("GET reads contacts, POST creates one").
    if mentions
        .iter()
        .any(|&(at, side)| side == own && place.iter().any(|&i| words[i].clause == words[at].clause))
    {
        return Some((own, Certainty::Clause));
    }
    // Terms joined by "and" right before the clause's first term share its claim ("SOAP and gRPC
    // offer stricter contracts"), although "and" ends a clause; a comma does not join them ("like
    // PUT, PATCH replaces the whole resource").
    if let Some(&(first, _)) = mentions.iter().find(in_clause)
        && mentions.iter().any(|&(at, side)| {
            side == own
                && at + 1 == first
                && words[at].sentence == sentence
                && words[at].statement < words[first].statement
        })
    {
        return Some((own, Certainty::Clause));
    }
    if let Some(&(at, side)) = mentions.iter().find(in_clause) {
        // A term named only after the claim, when the sentence named another before it, is the
        // claim's object: "Refresh token: long-lived, only sent to the auth server to get new
        // access tokens" says nothing of where access tokens go.
        let object = at > end && mentions.iter().any(|m| in_sentence(&m) && m.0 < start);
        if !object {
            return Some((side, Certainty::Clause));
        }
    }
    // A main clause that names no term is about the term that opens its sentence's opening
    // condition ("when authentication fails, you get 403" says 403 of authentication).
    if !words[start].mood.conditional
        && let Some(&(_, side)) = all_mentions.iter().rfind(|&&(at, _)| {
            at < start
                && words[at].sentence == sentence
                && words[at].mood.conditional
                && (at == 0 || words[at - 1].clause != words[at].clause)
        })
        && words[..start]
            .iter()
            .rev()
            .take_while(|w| w.sentence == sentence)
            .all(|w| w.mood.conditional || w.clause == clause)
    {
        return Some((side, Certainty::Clause));
    }
    // A clause opened by "which" is about the last term the clause before it named ("no-store,
    // which lets the cache keep a copy").
    if words[start].mood.relative
        && let Some(&(_, side)) = mentions
            .iter()
            .rfind(|&&(at, _)| words[at].clause + 1 == clause && words[at].sentence == sentence)
    {
        return Some((side, Certainty::Clause));
    }
    // A clause opened by "it" is about the term that opened the clause before it, when that
    // clause named no other and did not deny it ("authentication comes first, it's the identity
    // step"; "use PUT, not PATCH, it …" is not shown to be about PATCH).
    let opens_clause = |at: usize| at == 0 || words[at - 1].clause != words[at].clause;
    let previous_clause = || mentions.iter().filter(|m| words[m.0].clause + 1 == clause && in_sentence(m));
    if words[start].mood.anaphoric
        && let Some(&(at, side)) = previous_clause().next()
        && opens_clause(at)
        && !words[at].negated
        && previous_clause().all(|other| other.1 == side)
    {
        return Some((side, Certainty::Clause));
    }
    let here = mentions
        .iter()
        .rfind(|m| in_sentence(m) && before(m))
        .or_else(|| mentions.iter().filter(in_sentence).find(|m| m.0 > end));
    if let Some(&(_, side)) = here {
        return Some((side, Certainty::Sentence));
    }
    mentions.iter().rfind(|m| m.0 < start).map(|&(_, side)| (side, Certainty::Earlier))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::matcher::occurrences;
    use crate::score::normalise::tokens;
    use crate::score::pattern;

    fn sides() -> Vec<Side> {
        ["PUT", "PATCH"]
            .iter()
            .map(|name| Side { name: (*name).to_string(), patterns: vec![pattern(name).unwrap()] })
            .collect()
    }

    /// The side and certainty named for the first place where `claim` is found in `answer`, as
    /// if the claim were about a third term, so that the attribution itself is seen.
    fn attribution(claim: &str, answer: &str) -> Option<(usize, Certainty)> {
        attribution_for(claim, answer, usize::MAX)
    }

    /// The side and certainty found for `claim` in `answer`, for a point about side `own`.
    fn attribution_for(claim: &str, answer: &str, own: usize) -> Option<(usize, Certainty)> {
        let words = tokens(answer, false).words;
        let index = Answer::new(&words);
        let named = mentions(&sides(), &index);
        let place = occurrences(&pattern(claim).unwrap().words, &index).into_iter().next()?;
        subject(&named, &index, &place, own)
    }

    /// The name of the side named for `claim` in `answer`.
    fn about(claim: &str, answer: &str) -> Option<String> {
        attribution(claim, answer).map(|(side, _)| sides()[side].name.clone())
    }

    #[test]
    fn a_clause_says_something_of_a_term_when_it_holds_more_than_the_term() {
        let count = |answer: &str| {
            let words = tokens(answer, false).words;
            clauses_about_terms(&sides(), &Answer::new(&words))
        };
        assert_eq!(count("PUT replaces, PATCH partial update"), 2);
        assert_eq!(count("PUT, PATCH, idempotent, partial"), 0);
        assert_eq!(count("PUT replaces it, and so does PUT"), 1);
    }

    #[test]
    fn a_claim_is_about_the_term_of_its_clause() {
        let table = [
            ("replaces whole resource", "PUT replaces the whole resource, PATCH changes part of it", "PUT"),
            ("changes part", "PUT replaces the whole resource, PATCH changes part of it", "PATCH"),
            ("replaces whole resource", "PATCH replaces the whole resource and PUT changes part", "PATCH"),
            ("changes part", "PATCH replaces the whole resource and PUT changes part", "PUT"),
            ("replaces whole resource", "Unlike PATCH, PUT replaces the whole resource", "PUT"),
            ("replaces whole resource", "The whole resource is replaced by PUT", "PUT"),
            (
                "replaces whole resource",
                "With PUT you send everything. It replaces the whole resource.",
                "PUT",
            ),
            ("replaces whole resource", "PUT, which is idempotent, replaces the whole resource", "PUT"),
            ("tells where", "A PUT is the kind of PATCH that also tells you where", "PUT"),
            ("sends a PATCH", "PUT is used, and it sends a PATCH", "PUT"),
            ("sends PATCH", "The PUT lives long and is used to send a PATCH", "PUT"),
            (
                "sends whole resource",
                "PUT: idempotent, it sends the whole resource instead of a PATCH",
                "PUT",
            ),
        ];
        for (claim, answer, expected) in table {
            assert_eq!(about(claim, answer).as_deref(), Some(expected), "{claim} in {answer}");
        }
    }

    #[test]
    fn terms_glued_into_one_word_name_the_pair_not_either_side() {
        let claim = "replaces whole resource";
        assert_eq!(attribution(claim, "In a PUT-PATCH API it replaces the whole resource"), None);
        assert_eq!(
            about(claim, "In a PUT, PATCH API it replaces the whole resource").as_deref(),
            Some("PATCH")
        );
    }

    #[test]
    fn a_main_clause_without_a_term_is_about_the_term_opening_its_condition() {
        let claim = "replaces whole resource";
        let sure = Some((1, Certainty::Clause));
        assert_eq!(attribution(claim, "When PATCH is used, it replaces the whole resource"), sure);
        assert_eq!(attribution(claim, "If PATCH fails, the server replaces the whole resource"), sure);
        // Not when the condition opens with something else ("when you update it with PUT").
        assert_ne!(
            attribution(claim, "PUT is one. When you use PATCH, the server replaces the whole resource"),
            sure
        );
        // Nor when the main clause names its own term.
        assert_eq!(
            attribution(claim, "When PATCH is used, PUT replaces the whole resource"),
            Some((0, Certainty::Clause))
        );
    }

    #[test]
    fn a_which_clause_is_about_the_term_before_it() {
        let certainty = |answer: &str| attribution("replaces whole resource", answer);
        // Sure enough to call a swap on: the which-clause says it of PATCH.
        assert_eq!(
            certainty("Use PUT here, not PATCH, which replaces the whole resource"),
            Some((1, Certainty::Clause))
        );
        // Without "which" the clause is not shown to be about PATCH.
        assert_eq!(
            certainty("Use PUT here, not PATCH, it replaces the whole resource"),
            Some((1, Certainty::Sentence))
        );
    }

    #[test]
    fn a_claim_of_both_terms_holds_for_each() {
        // "and" ends a clause, but terms it joins just before the claim's clause share the claim.
        for answer in ["PATCH or PUT replaces the whole resource", "PATCH and PUT replace the whole resource"]
        {
            let words = tokens(answer, false).words;
            let index = Answer::new(&words);
            let sides = sides();
            let named = mentions(&sides, &index);
            let place = occurrences(&pattern("replace whole resource").unwrap().words, &index).remove(0);
            assert_eq!(subject(&named, &index, &place, 0), Some((0, Certainty::Clause)), "{answer}");
            assert_eq!(subject(&named, &index, &place, 1), Some((1, Certainty::Clause)), "{answer}");
        }
    }

    #[test]
    fn commas_and_unlike_decide_which_term_a_claim_is_about() {
        let put = |answer: &str| attribution_for("replaces whole resource", answer, 0);
        // "and" joins two terms into one subject; a comma does not.
        assert_eq!(put("PATCH and PUT replace the whole resource"), Some((0, Certainty::Clause)));
        assert_eq!(put("Like PUT, PATCH replaces the whole resource"), Some((1, Certainty::Clause)));
        // A claim that runs over a comma is the point's own when one of its clauses names it.
        assert_eq!(put("PATCH edits the resource, PUT replaces it whole"), Some((0, Certainty::Clause)));
        // What "unlike" names is not what the claim is about.
        assert_eq!(put("PUT, unlike PATCH, replaces the whole resource"), Some((0, Certainty::Sentence)));
    }

    #[test]
    fn a_term_named_in_a_condition_is_not_the_claim_subject() {
        assert_eq!(
            about("replaced whole resource", "The whole resource is replaced unless PATCH is used"),
            None
        );
        assert_eq!(
            about("replaced whole resource", "PUT: the whole resource is replaced unless PATCH is used")
                .as_deref(),
            Some("PUT")
        );
    }

    #[test]
    fn a_term_the_subject_is_compared_with_is_not_the_claim_subject() {
        let table = [
            ("keeps body", "PUT is the same as PATCH but keeps the body", "PUT"),
            ("keeps body", "PUT, the same as PATCH and POST but keeps the body", "PUT"),
            ("keeps body", "PUT works just like PATCH, only it keeps the body", "PUT"),
            ("keeps body", "PUT keeps the body more often than PATCH", "PUT"),
            ("keeps body", "PATCH is similar to PUT but keeps the body", "PATCH"),
            ("keeps body", "PATCH keeps the body the way PUT does", "PATCH"),
            ("keeps body", "PATCH keeps the body as opposed to PUT", "PATCH"),
            ("keeps body", "The way PUT works, it keeps the body", "PUT"),
            // Without a comparison the term before the claim is its subject.
            ("keeps body", "PUT is old and PATCH keeps the body", "PATCH"),
        ];
        for (claim, answer, expected) in table {
            assert_eq!(about(claim, answer).as_deref(), Some(expected), "{claim} in {answer}");
        }
        // What a claim is set against is not its subject either.
        assert_eq!(about("keeps body", "It keeps the body in contrast to PUT"), None);
        assert_eq!(about("keeps body", "It keeps the body compared with PUT"), None);
    }

    #[test]
    fn a_clause_opened_by_it_is_about_the_one_term_its_sentence_named() {
        let certainty = |answer: &str| attribution("replaces whole resource", answer);
        assert_eq!(
            certainty("PATCH comes later, it replaces the whole resource"),
            Some((1, Certainty::Clause))
        );
        // Without the pronoun, or with both terms named before it, the clause is not shown to
        // be about PATCH.
        assert_eq!(
            certainty("PATCH comes later, replaces the whole resource"),
            Some((1, Certainty::Sentence))
        );
        assert_eq!(
            certainty("PATCH comes after PUT, it replaces the whole resource"),
            Some((0, Certainty::Sentence))
        );
    }

    #[test]
    fn no_term_named_means_no_subject() {
        assert_eq!(about("replaces whole resource", "It replaces the whole resource"), None);
    }
}
