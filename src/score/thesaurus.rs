//! Everyday phrasings of technical terms: an answer that says "keep a copy and reuse it" has said
//! "cache" to anyone but a word matcher.
//!
//! Candidates who explain a concept without its name use other words than the points do. The
//! thesaurus (`thesaurus.txt`) lists, for technical terms, the plain phrases that name them; where
//! an answer uses one, the term is added to the answer's words right after the phrase, in the same
//! clause and with the phrase's polarity, so that points phrased with the term match it (and a
//! denied "not keep a copy" contradicts them). Phrases match word for word after normalising, with
//! no typo tolerance: a near miss of a near miss is too far.

use std::collections::HashMap;
use std::sync::LazyLock;

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

/// The entries by the stem their phrase starts with.
static THESAURUS: LazyLock<HashMap<String, Vec<Entry>>> = LazyLock::new(|| parse(ENTRIES));

fn parse(text: &str) -> HashMap<String, Vec<Entry>> {
    let mut by_first: HashMap<String, Vec<Entry>> = HashMap::new();
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
            if let Some(last) = find(&entry.phrase, &words, i) {
                let negated = words[i..=last].iter().any(|w| w.negated);
                let said = words[i..=last].iter().map(|w| w.word.as_str()).collect::<Vec<_>>().join(" ");
                // The term stands where the phrase ends, shown as the words the answer used.
                let added = entry
                    .term
                    .iter()
                    .map(|t| Token {
                        word: said.clone(),
                        stem: t.stem.clone(),
                        kind: t.kind,
                        negated,
                        ..words[last].clone()
                    })
                    .collect();
                pending.push((last, added));
            }
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
    use crate::score::lexicon::is_generic_stem;

    fn stems(words: &[Token]) -> Vec<(&str, bool)> {
        words.iter().map(|w| (w.stem.as_str(), w.negated)).collect()
    }

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
                } else if words.len() == 1 && is_generic_stem(&words[0].stem) {
                    problems.push(format!("`{term}: {phrase}` is one generic word"));
                }
            }
        }
        assert!(problems.is_empty(), "{problems:#?}");
    }

    #[test]
    fn a_plain_phrase_adds_its_term_after_it() {
        let words = expand(tokens("the client keeps a copy of the reply", false).words);
        let at = words.iter().position(|w| w.stem == "copi").unwrap();
        assert_eq!(words[at + 1].stem, "cach");
        assert!(!words[at + 1].negated);
    }

    #[test]
    fn a_denied_phrase_adds_a_denied_term() {
        let words = expand(tokens("the browser must not keep a copy", false).words);
        assert!(stems(&words).contains(&("cach", true)));
    }

    #[test]
    fn a_phrase_split_by_a_clause_break_does_not_match() {
        let words = expand(tokens("keep it, and a copy goes elsewhere", false).words);
        assert!(words.iter().all(|w| w.stem != "cach"));
    }

    #[test]
    fn everyday_words_reach_the_technical_terms() {
        let said = |text: &str, stem: &str| expand(tokens(text, false).words).iter().any(|w| w.stem == stem);
        assert!(said("wait a bit and double the wait each time", "exponenti"));
        assert!(said("the login details are wrong", "credenti"));
        assert!(said("send it over an encrypted connection", "https"));
        assert!(!said("send it over a connection", "https"));
    }
}
