//! Everyday phrasings of technical terms: an answer that says "keep a copy and reuse it" has said
//! "cache" to anyone but a word matcher.
//!
//! Candidates who explain a concept without its name use other words than the points do. The
//! thesaurus (`thesaurus.txt`) lists, for technical terms, the plain phrases that name them; where
//! an answer uses one, the term is added to the answer's words right after the phrase, in the same
//! clause and with the phrase's polarity, so that points phrased with the term match it (and a
//! denied "not keep a copy" contradicts them). Phrases match word for word after normalising, with
//! no typo tolerance: a near miss of a near miss is too far.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::normalise::{Token, tokens};

/// The entries, one per line: `term: phrase, phrase, …`; `#` starts a comment.
const ENTRIES: &str = include_str!("thesaurus.txt");

/// How many other words may stand between two words of a phrase ("keep a local copy").
const GAP: usize = 1;

/// One plain phrase and the term it names, both normalised.
struct Entry {
    phrase: Vec<Token>,
    term: Vec<Token>,
}

/// The entries by the stem their phrase starts with (looked up for every word of every answer).
static THESAURUS: LazyLock<FxHashMap<String, Vec<Entry>>> = LazyLock::new(|| parse(ENTRIES));

fn parse(text: &str) -> FxHashMap<String, Vec<Entry>> {
    let mut by_first: FxHashMap<String, Vec<Entry>> = FxHashMap::default();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let Some((term, phrases)) = line.split_once(':') else { continue };
        let term = tokens(term, false).words;
        for phrase in phrases.split(',') {
            let phrase = tokens(phrase, false).words;
            if let (Some(first), false) = (phrase.first(), term.is_empty()) {
                by_first
                    .entry(String::from(first.stem.as_str()))
                    .or_default()
                    .push(Entry { phrase, term: term.clone() });
            }
        }
    }
    by_first
}

/// `words` with the term of every plain phrase they contain added after the phrase.
pub fn expand(words: Vec<Token>) -> Vec<Token> {
    let thesaurus = &*THESAURUS;
    let mut pending: Vec<(usize, Vec<Token>)> = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let Some(entries) = thesaurus.get(word.stem.as_str()) else { continue };
        for entry in entries {
            let Some(last) = find(&entry.phrase, &words, i) else { continue };
            // Two phrasings of one term in the same words ("keep a copy", "keeps a copy") add it once.
            let same =
                |added: &Vec<Token>| added.iter().map(|t| &t.stem).eq(entry.term.iter().map(|t| &t.stem));
            if pending.iter().any(|(at, added)| *at == last && same(added)) {
                continue;
            }
            let negated = words[i..=last].iter().any(|w| w.negated);
            let said = words[i..=last].iter().map(|w| w.word.as_str()).collect::<Vec<_>>().join(" ");
            // The term stands where the phrase ends, shown as the words the answer used.
            let added = entry
                .term
                .iter()
                .map(|t| Token {
                    word: said.as_str().into(),
                    stem: t.stem.clone(),
                    kind: t.kind,
                    negated,
                    ..words[last].clone()
                })
                .collect();
            pending.push((last, added));
        }
    }
    if pending.is_empty() {
        return words;
    }
    pending.sort_by_key(|(last, _)| *last);
    let mut expanded = Vec::with_capacity(words.len() + pending.len());
    let mut next = pending.into_iter().peekable();
    for (i, word) in words.into_iter().enumerate() {
        expanded.push(word);
        while let Some((_, added)) = next.next_if(|(last, _)| *last == i) {
            expanded.extend(added);
        }
    }
    expanded
}

/// Where the phrase starting at `start` ends, if the words from `start` on are the phrase (each
/// word within [`GAP`] of the one before, all in one clause).
fn find(phrase: &[Token], words: &[Token], start: usize) -> Option<usize> {
    let clause = words[start].clause;
    let mut at = start;
    for word in &phrase[1..] {
        at = (at + 1..=at + 1 + GAP)
            .take_while(|&j| j < words.len() && words[j].clause == clause)
            .find(|&j| words[j].stem == word.stem)?;
    }
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expanded(text: &str) -> Vec<(String, String, bool)> {
        expand(tokens(text, false).words)
            .into_iter()
            .map(|t| (String::from(t.word.as_str()), String::from(t.stem.as_str()), t.negated))
            .collect()
    }

    #[test]
    fn a_plain_phrase_adds_its_term_after_it_shown_as_written() {
        let words = expanded("Browsers keep a local copy of the response");
        let stems: Vec<&str> = words.iter().map(|w| w.1.as_str()).collect();
        assert_eq!(stems, ["browser", "keep", "local", "copi", "cach", "respons"]);
        assert_eq!(words[4].0, "keep local copy", "feedback shows the candidate's words");
    }

    #[test]
    fn the_term_keeps_the_phrase_polarity_and_clause() {
        let words = expanded("It must not keep a copy, it fetches again");
        let cache = words.iter().find(|w| w.1 == "cach").expect("the term is added");
        assert!(cache.2, "a denied phrase adds a denied term");
        let text = tokens("Keep the key. A copy is sent", false).words;
        assert_eq!(expand(text.clone()), text, "a phrase does not span a sentence");
    }

    #[test]
    fn every_entry_has_words_to_match() {
        for (first, entries) in THESAURUS.iter() {
            for entry in entries {
                assert!(!entry.term.is_empty() && entry.phrase[0].stem.as_str() == first.as_str());
            }
        }
        assert!(THESAURUS.values().map(Vec::len).sum::<usize>() >= 2);
    }

    use crate::score::lexicon::is_generic_stem;

    #[test]
    fn every_phrase_keeps_a_specific_word() {
        // A phrase of stop words only is silently dropped, one generic word alone would add its
        // term to nearly every answer, and a phrase with a negation cue adds a denied term.
        let mut problems = Vec::new();
        for line in ENTRIES.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let (term, phrases) = line.split_once(':').expect("an entry has a colon");
            let term_words = tokens(term, false).words;
            if term_words.is_empty() || term_words.iter().any(|w| w.negated) {
                // A term's own polarity is not carried ("no-cache" would add a plain "cache").
                problems.push(format!("term `{term}` is empty or denied"));
            }
            for phrase in phrases.split(',').map(str::trim) {
                let words = tokens(phrase, false).words;
                if words.is_empty() {
                    problems.push(format!("`{term}: {phrase}` is only stop words"));
                } else if words.iter().any(|w| w.negated) {
                    problems.push(format!("`{term}: {phrase}` is denied"));
                } else if words.len() == 1 && is_generic_stem(words[0].stem.as_str()) {
                    problems.push(format!("`{term}: {phrase}` is one generic word"));
                }
            }
        }
        assert!(problems.is_empty(), "{problems:#?}");
    }

    #[test]
    fn a_phrase_split_by_a_clause_break_does_not_match() {
        let words = expanded("keep it, and a copy goes elsewhere");
        assert!(words.iter().all(|w| w.1 != "cach"));
    }

    #[test]
    fn everyday_words_reach_the_technical_terms() {
        let said = |text: &str, stem: &str| expanded(text).iter().any(|w| w.1 == stem);
        assert!(said("wait a bit and double the wait each time", "exponenti"));
        assert!(said("the login details are wrong", "credenti"));
        assert!(said("send it over an encrypted connection", "https"));
        assert!(!said("send it over a connection", "https"));
    }
}
