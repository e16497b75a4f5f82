//! Everyday phrasings of technical terms: an answer that says "keep a copy and reuse it" has said
//! "cache" to anyone but a word matcher.
//!
//! Candidates who explain a concept without its name use other words than the points do. The
//! thesaurus (`thesaurus.txt`) lists, for technical terms, the plain phrases that name them; where
//! an answer uses one, the term becomes another name of the phrase's last word in the answer's
//! index, with that word's place and polarity, so that points phrased with the term match it (and
//! a denied "not keep a copy" contradicts them). Phrases match word for word after normalising, with
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

/// The terms of the plain phrases in `words`, each with the position of its phrase's last word:
/// extra names for that word in the answer's index. They take no place of their own, so the
/// distances between the answer's words, which phrase matching limits, stay as written.
pub fn aliases(words: &[Token]) -> Vec<(&'static str, usize)> {
    let thesaurus: &'static FxHashMap<String, Vec<Entry>> = &THESAURUS;
    let mut found = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let Some(entries) = thesaurus.get(word.stem.as_str()) else { continue };
        for entry in entries {
            if let Some(last) = find(&entry.phrase, words, i) {
                found.extend(entry.term.iter().map(|t| (t.stem.as_str(), last)));
            }
        }
    }
    // Two phrasings of one term in the same words ("keep a copy", "keeps a copy") name it once.
    found.sort_unstable();
    found.dedup();
    found
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

    /// The terms an answer names in plain words: `(stem, denied, the word it names)`.
    fn named(text: &str) -> Vec<(String, bool, String)> {
        let words = tokens(text, false).words;
        aliases(&words)
            .into_iter()
            .map(|(stem, at)| (stem.to_string(), words[at].negated, words[at].word.to_string()))
            .collect()
    }

    #[test]
    fn a_plain_phrase_names_its_term_at_its_last_word() {
        assert_eq!(
            named("Browsers keep a local copy of the response"),
            [("cach".to_string(), false, "copy".to_string())]
        );
    }

    #[test]
    fn the_term_keeps_the_phrase_polarity_and_stays_in_its_sentence() {
        assert!(
            named("It must not keep a copy, it fetches again")
                .iter()
                .any(|(stem, denied, _)| stem == "cach" && *denied)
        );
        assert!(named("Keep the key. A copy is sent").is_empty(), "a phrase does not span a sentence");
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
        let words = named("keep it, and a copy goes elsewhere");
        assert!(words.iter().all(|w| w.0 != "cach"));
    }

    #[test]
    fn everyday_words_reach_the_technical_terms() {
        let said = |text: &str, stem: &str| named(text).iter().any(|w| w.0 == stem);
        assert!(said("wait a bit and double the wait each time", "exponenti"));
        assert!(said("the login details are wrong", "credenti"));
        assert!(said("send it over an encrypted connection", "https"));
        assert!(!said("send it over a connection", "https"));
    }
}
