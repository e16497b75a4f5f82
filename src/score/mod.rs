//! Scoring a free-text answer by the key points it covers: pure, deterministic, no I/O.
//!
//! A question's points are compiled once into a [`Rubric`]; [`Rubric::assess`] then scores any
//! number of answers. See `docs/scoring.md` for the algorithm and its measured agreement.

mod derive;
mod lexicon;
mod matcher;
mod normalise;
mod segment;

use serde::Serialize;

use crate::bank::{Point, Question};
pub use derive::Vocabulary;
use matcher::Found;
pub use normalise::{MAX_TEXT_BYTES, Tokens, tokens};

/// The exponent of the score curve: coverage is raised to this power before scaling to 0–100.
/// Below 1 it lifts partial answers, as human graders do (see `docs/scoring.md`).
const CURVE: f64 = 0.45;

/// One phrasing of a point, normalised.
#[derive(Debug, Clone)]
struct Pattern {
    words: Vec<normalise::Token>,
    /// Whether the phrase states a negation; `None` when polarity is not judged (derived points).
    negative: Option<bool>,
}

/// A key point ready for matching.
#[derive(Debug, Clone)]
struct Criterion {
    label: String,
    weight: f64,
    patterns: Vec<Pattern>,
}

/// A question's key points, compiled for scoring.
#[derive(Debug, Clone)]
pub struct Rubric {
    criteria: Vec<Criterion>,
}

/// Whether an answer covered a point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Covered,
    Missed,
    Contradicted,
}

/// How one point fared, with the answer's words that matched it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PointResult {
    pub label: String,
    pub weight: f64,
    pub verdict: Verdict,
    pub matched: Vec<String>,
}

/// The score of one answer and what it covered, missed and contradicted.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    /// 0–100.
    pub score: u8,
    pub points: Vec<PointResult>,
}

impl Assessment {
    pub fn with_verdict(&self, verdict: Verdict) -> impl Iterator<Item = &PointResult> {
        self.points.iter().filter(move |p| p.verdict == verdict)
    }
}

impl Rubric {
    /// The rubric of a bank question: its explicit points, else points derived from its answer.
    pub fn for_question(question: &Question, vocabulary: &Vocabulary) -> Rubric {
        if question.points.is_empty() {
            Rubric::derived(&question.prompt, &question.answer, vocabulary)
        } else {
            Rubric::from_points(&question.points)
        }
    }

    /// Compiles explicit key points.
    pub fn from_points(points: &[Point]) -> Rubric {
        let criteria = points
            .iter()
            .map(|point| Criterion {
                label: point.display().to_string(),
                weight: f64::from(point.weight),
                patterns: point.alternatives.iter().filter_map(|a| pattern(a)).collect(),
            })
            .filter(|c| !c.patterns.is_empty())
            .collect();
        Rubric { criteria }
    }

    /// Points derived from a model answer (see [`derive`]).
    pub fn derived(prompt: &str, answer: &str, vocabulary: &Vocabulary) -> Rubric {
        Rubric { criteria: derive::criteria(prompt, answer, vocabulary) }
    }

    /// Scores `answer` against the rubric.
    pub fn assess(&self, answer: &str) -> Assessment {
        let words = tokens(answer, false).0;
        let points: Vec<PointResult> = self.criteria.iter().map(|c| judge(c, &words)).collect();
        Assessment { score: score_of(&points), points }
    }
}

/// Normalises one alternative; a phrase made only of stop words keeps them.
fn pattern(text: &str) -> Option<Pattern> {
    let mut words = tokens(text, false).0;
    if words.is_empty() {
        words = tokens(text, true).0;
    }
    let negative = Some(words.iter().any(|w| w.negated));
    (!words.is_empty()).then_some(Pattern { words, negative })
}

fn judge(criterion: &Criterion, answer: &[normalise::Token]) -> PointResult {
    let mut verdict = Verdict::Missed;
    let mut matched = Vec::new();
    for pattern in &criterion.patterns {
        match matcher::find(&pattern.words, pattern.negative, answer) {
            Found::Agrees(words) => {
                verdict = Verdict::Covered;
                matched = words;
                break;
            }
            Found::Contradicts(words) if verdict == Verdict::Missed => {
                verdict = Verdict::Contradicted;
                matched = words;
            }
            _ => {}
        }
    }
    PointResult { label: criterion.label.clone(), weight: criterion.weight, verdict, matched }
}

/// Covered weight over all weight, where a contradicted point also counts against the answer.
fn score_of(points: &[PointResult]) -> u8 {
    let weight_of = |v: Verdict| points.iter().filter(|p| p.verdict == v).map(|p| p.weight).sum::<f64>();
    let total: f64 = points.iter().map(|p| p.weight).sum::<f64>() + weight_of(Verdict::Contradicted);
    if total <= 0.0 {
        return 0;
    }
    let coverage = weight_of(Verdict::Covered) / total;
    (100.0 * coverage.powf(CURVE)).round().clamp(0.0, 100.0) as u8
}
