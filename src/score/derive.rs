//! Key points derived from a model answer when a question lists none.
//!
//! Every distinct content word of the answer becomes a point, weighted by how informative it is
//! across the bank (inverse document frequency). Words that merely repeat the question are
//! demoted, since echoing the prompt shows no knowledge; question words the model answer leaves
//! out are added with a small weight, since using them shows the answer is at least on topic.
//!
//! Derived points are single words lifted out of their sentences, so they carry no polarity: the
//! negation in "the compiler does not create one" belongs to the claim, not to the word "create".
//! Polarity is judged only on points an author wrote (measured: judging it on derived words cost
//! 0.02 of Pearson r on the development set, see `docs/scoring.md`).

use std::collections::{HashMap, HashSet};

use super::normalise::{Token, tokens};
use super::{Criterion, Pattern};

/// How much a model-answer word that repeats the question counts.
const ECHO_WEIGHT: f64 = 0.3;
/// How much a question word that the model answer does not use counts.
const TOPIC_WEIGHT: f64 = 0.1;

/// Document frequencies of stems over a set of model answers (the bank's, or an eval file's).
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    documents: usize,
    frequency: HashMap<String, usize>,
}

impl Vocabulary {
    /// Counts, for every stem, how many of `documents` use it.
    pub fn from_documents<'a>(documents: impl IntoIterator<Item = &'a str>) -> Vocabulary {
        let mut vocabulary = Vocabulary::default();
        for document in documents {
            vocabulary.documents += 1;
            let stems: HashSet<String> =
                tokens(document, false).words.into_iter().map(|t| t.stem.into_string()).collect();
            for stem in stems {
                *vocabulary.frequency.entry(stem).or_default() += 1;
            }
        }
        vocabulary
    }

    /// Smoothed inverse document frequency, square-rooted: rare words weigh more, no word weighs
    /// nothing. The root damps the spread because document frequencies over a few dozen model
    /// answers are noisy (measured: full IDF was 0.002 of Pearson r below its root, and uniform
    /// weights no worse than the root, on the development set).
    pub fn weight(&self, stem: &str) -> f64 {
        let n = self.documents as f64;
        let df = self.frequency.get(stem).copied().unwrap_or(0) as f64;
        (((n + 1.0) / (df + 1.0)).ln() + 1.0).sqrt()
    }
}

/// One criterion per distinct content word of `answer`, then of `prompt`. With `polar`, a word
/// keeps the polarity it has in the model answer, so that an answer denying it does not get it.
pub(super) fn criteria(prompt: &str, answer: &str, vocabulary: &Vocabulary, polar: bool) -> Vec<Criterion> {
    let prompt_words = distinct(tokens(prompt, false).words);
    let answer_words = distinct(tokens(answer, false).words);
    let in_prompt: HashSet<&str> = prompt_words.iter().map(|t| t.stem.as_str()).collect();
    let in_answer: HashSet<&str> = answer_words.iter().map(|t| t.stem.as_str()).collect();
    let from_answer = answer_words.iter().map(|t| {
        let share = if in_prompt.contains(t.stem.as_str()) { ECHO_WEIGHT } else { 1.0 };
        criterion(t, share, vocabulary, polar)
    });
    let from_prompt = prompt_words
        .iter()
        .filter(|t| !in_answer.contains(t.stem.as_str()))
        .map(|t| criterion(t, TOPIC_WEIGHT, vocabulary, false));
    from_answer.chain(from_prompt).collect()
}

fn distinct(words: Vec<Token>) -> Vec<Token> {
    let mut seen = HashSet::new();
    words.into_iter().filter(|t| seen.insert(t.stem.clone())).collect()
}

fn criterion(word: &Token, share: f64, vocabulary: &Vocabulary, polar: bool) -> Criterion {
    let negative = polar.then_some(word.negated);
    let word = Token { negated: false, ..word.clone() };
    Criterion {
        label: word.word.to_string(),
        weight: vocabulary.weight(&word.stem) * share,
        patterns: vec![Pattern { negative, words: vec![word] }],
        opposites: Vec::new(),
        contraries: Vec::new(),
        about: None,
        bonus: false,
    }
}
