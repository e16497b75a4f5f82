//! Key points derived from a model answer when a question lists none.
//!
//! Every distinct content word of the answer becomes a point, weighted by how informative it is
//! across the bank (inverse document frequency); words that merely repeat the question are demoted,
//! since a candidate echoing the prompt shows no knowledge.

use std::collections::{HashMap, HashSet};

use super::normalise::tokens;
use super::{Criterion, Pattern};

/// How much a point that repeats a word of the question still counts.
const ECHO_WEIGHT: f64 = 0.3;

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
            let stems: HashSet<String> = tokens(document, false).0.into_iter().map(|t| t.stem).collect();
            for stem in stems {
                *vocabulary.frequency.entry(stem).or_default() += 1;
            }
        }
        vocabulary
    }

    /// Smoothed inverse document frequency: rare words weigh more, no word weighs nothing.
    pub fn weight(&self, stem: &str) -> f64 {
        let n = self.documents as f64;
        let df = self.frequency.get(stem).copied().unwrap_or(0) as f64;
        ((n + 1.0) / (df + 1.0)).ln() + 1.0
    }
}

/// One criterion per distinct content word of `answer`.
pub(super) fn criteria(prompt: &str, answer: &str, vocabulary: &Vocabulary) -> Vec<Criterion> {
    let echoed: HashSet<String> = tokens(prompt, false).0.into_iter().map(|t| t.stem).collect();
    let mut seen = HashSet::new();
    let xq: f64 = std::env::var("XQ").ok().and_then(|v| v.parse().ok()).unwrap_or(0.0);
    let answer_toks = tokens(answer, false).0;
    let mut extra: Vec<Criterion> = Vec::new();
    if xq > 0.0 {
        let ans: HashSet<String> = answer_toks.iter().map(|t| t.stem.clone()).collect();
        let mut seen2 = HashSet::new();
        for t in tokens(prompt, false).0 {
            if !ans.contains(&t.stem) && seen2.insert(t.stem.clone()) {
                extra.push(Criterion { label: t.word.clone(), weight: vocabulary.weight(&t.stem) * xq, patterns: vec![Pattern { negative: false, words: vec![t] }] });
            }
        }
    }
    let mut v: Vec<Criterion> = answer_toks
        .into_iter()
        .filter(|t| seen.insert(t.stem.clone()))
        .map(|t| {
            let echo = if echoed.contains(&t.stem) { std::env::var("XE").ok().and_then(|v| v.parse().ok()).unwrap_or(ECHO_WEIGHT) } else { 1.0 };
            Criterion {
                label: t.word.clone(),
                weight: vocabulary.weight(&t.stem).powf(std::env::var("XI").ok().and_then(|v| v.parse().ok()).unwrap_or(1.0)) * echo,
                patterns: vec![Pattern { negative: t.negated, words: vec![t] }],
            }
        })
        .collect();
    v.extend(extra);
    v
}
