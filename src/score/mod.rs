//! Scoring a free-text answer by the claims it makes: pure, deterministic, no I/O.
//!
//! A question's points, contrasted terms and wrong claims are compiled once into a [`Rubric`];
//! [`Rubric::assess`] then scores any number of answers. See `docs/scoring.md` for the algorithm
//! and its measured agreement.

mod derive;
mod examiner;
mod lexicon;
mod lint;
mod matcher;
mod normalise;
mod roles;
mod segment;
mod thesaurus;
mod verdict;

use serde::Serialize;

use crate::bank::{Contrast, Point, Question, WrongClaim};
pub use derive::Vocabulary;
pub use examiner::{Elsewhere, Examiner};
pub use lint::{MAX_HINT_SCORE, lint};
use matcher::Answer;
pub use normalise::{MAX_TEXT_BYTES, Tokens, tokens};
use roles::Side;
pub use verdict::{Evidence, Weights};

/// Whether words derived from a model answer keep its polarity when they are the only points.
const POLAR_DERIVED: bool = false;
/// The same for the model-answer words blended with a question's own points.
const POLAR_MODEL: bool = true;

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
    /// The plain phrasings with one word swapped for its opposite ("long-lived access token" for
    /// "short-lived access token"): stated, they invert the point.
    opposites: Vec<Pattern>,
    /// Words that state the claim the other way round ("fine" for "removing a field breaks
    /// clients"): said plainly in a phrasing's clause, they contradict the point.
    contraries: Vec<Pattern>,
    /// The contrasted term (index into [`Rubric::sides`]) the claim is about.
    about: Option<usize>,
    bonus: bool,
}

/// A wrong claim ready for matching.
#[derive(Debug, Clone)]
struct Misconception {
    label: String,
    correction: String,
    patterns: Vec<Pattern>,
}

/// A question's key points, compiled for scoring.
#[derive(Debug, Clone)]
pub struct Rubric {
    criteria: Vec<Criterion>,
    sides: Vec<Side>,
    wrong: Vec<Misconception>,
    /// Points derived from the model answer, blended in so that a correct answer in other words
    /// than the points' still earns credit; empty when `criteria` are themselves derived.
    model: Vec<Criterion>,
    /// Whether `criteria` were derived from a model answer.
    derived: bool,
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
    /// The contrasted term the point is about, in a comparison question.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
    /// When contradicted by a swap: the rival term the answer made the claim of.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub said_of: Option<String>,
    /// A depth point: counted when covered, never missed.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub bonus: bool,
}

/// A wrong claim the answer makes, with its correction.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WrongResult {
    pub label: String,
    pub correction: String,
    pub matched: Vec<String>,
}

/// The score of one answer and what it covered, missed, contradicted and got wrong.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    /// 0–100.
    pub score: u8,
    pub points: Vec<PointResult>,
    pub wrong: Vec<WrongResult>,
    /// Another question of the topic the answer reads as an answer to, when it fits that one far
    /// better than its own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answers_instead: Option<Elsewhere>,
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
            let criteria = derive::criteria(&question.prompt, &question.answer, vocabulary, POLAR_DERIVED);
            return Rubric {
                criteria,
                sides: Vec::new(),
                wrong: compile_wrong(&question.wrong),
                model: Vec::new(),
                derived: true,
            };
        }
        // The blended model words weigh the same: measured as good as weighting them by rarity
        // across the bank, and it needs no pass over the bank (see `docs/scoring.md`).
        let model = derive::criteria(&question.prompt, &question.answer, &Vocabulary::default(), POLAR_MODEL);
        Rubric { model, ..Rubric::compile(&question.points, &question.contrast, &question.wrong) }
    }

    /// The rubric of a bank question without its wrong claims, which relevance does not look for
    /// ([`Rubric::relevance`]): a neighbour is compiled only to tell an answer to it, and its
    /// wrong claims are most of its phrasings.
    pub fn for_relevance(question: &Question, vocabulary: &Vocabulary) -> Rubric {
        let unwrong = Question { wrong: Vec::new(), ..question.clone() };
        Rubric::for_question(&unwrong, vocabulary)
    }

    /// Compiles explicit key points alone (no contrast, no wrong claims, no model answer).
    pub fn from_points(points: &[Point]) -> Rubric {
        Rubric::compile(points, &[], &[])
    }

    fn compile(points: &[Point], contrast: &[Contrast], wrong: &[WrongClaim]) -> Rubric {
        let sides: Vec<Side> = contrast
            .iter()
            .map(|c| Side {
                name: c.name.clone(),
                patterns: c.alternatives.iter().filter_map(|a| pattern(a)).collect(),
            })
            .collect();
        let criteria = points
            .iter()
            .map(|point| {
                let patterns: Vec<Pattern> = point.alternatives.iter().filter_map(|a| pattern(a)).collect();
                Criterion {
                    label: point.display().to_string(),
                    weight: f64::from(point.weight),
                    opposites: opposites(&patterns),
                    contraries: point.contrary.iter().filter_map(|a| pattern(a)).collect(),
                    patterns,
                    about: point.about.as_ref().and_then(|name| sides.iter().position(|s| &s.name == name)),
                    bonus: point.bonus,
                }
            })
            .filter(|c| !c.patterns.is_empty())
            .collect();
        Rubric { criteria, sides, wrong: compile_wrong(wrong), model: Vec::new(), derived: false }
    }

    /// Points derived from a model answer (see [`derive`]).
    pub fn derived(prompt: &str, answer: &str, vocabulary: &Vocabulary) -> Rubric {
        Rubric {
            criteria: derive::criteria(prompt, answer, vocabulary, POLAR_DERIVED),
            sides: Vec::new(),
            wrong: Vec::new(),
            model: Vec::new(),
            derived: true,
        }
    }

    /// Scores `answer` against the rubric.
    pub fn assess(&self, answer: &str) -> Assessment {
        self.judge(answer).0
    }

    /// Scores `answer`, with the evidence the score was computed from (to fit the weights).
    pub fn judge(&self, answer: &str) -> (Assessment, Evidence) {
        let text = tokens(answer, false);
        let aliases = thesaurus::aliases(&text.words);
        self.judge_words(&text, &Answer::with_aliases(&text.words, &aliases))
    }

    /// [`Rubric::judge`] of an answer already normalised and indexed, to judge it against
    /// several rubrics.
    fn judge_words(&self, text: &Tokens, index: &Answer<'_>) -> (Assessment, Evidence) {
        let (points, mut evidence) = self.judge_points(text, index);
        let mentions = if self.wrong.is_empty() { Vec::new() } else { roles::mentions(&self.sides, index) };
        let wrong: Vec<WrongResult> =
            self.wrong.iter().filter_map(|w| verdict::wrong_claim(w, &mentions, index)).collect();
        evidence.wrong_claims = wrong.len();
        (Assessment { score: evidence.fitted_score(), points, wrong, answers_instead: None }, evidence)
    }

    /// How much the answer speaks to this rubric's question ([`Evidence::relevance`]), which
    /// wrong claims do not change: they are not looked for.
    fn relevance(&self, text: &Tokens, index: &Answer<'_>) -> f64 {
        self.judge_points(text, index).1.relevance()
    }

    /// The verdicts on the points and the evidence of the score, before wrong claims.
    fn judge_points(&self, text: &Tokens, index: &Answer<'_>) -> (Vec<PointResult>, Evidence) {
        let mentions = roles::mentions(&self.sides, index);
        let points: Vec<PointResult> =
            self.criteria.iter().map(|c| verdict::judge(c, &self.sides, &mentions, index)).collect();
        let model = (!self.model.is_empty()).then(|| verdict::model_coverage(&self.model, index));
        // A short note that says something of the contrasted terms states facts in shorthand (a
        // note is a few dozen words at most, so counting its clauses costs little).
        let note = text.is_note() && {
            let about_terms = roles::clauses_about_terms(&self.sides, index);
            about_terms >= 2 && 2 * about_terms >= text.items()
        };
        let evidence = Evidence::new(&points, model, 0, text, note, self.derived);
        (points, evidence)
    }
}

fn compile_wrong(wrong: &[WrongClaim]) -> Vec<Misconception> {
    wrong
        .iter()
        .map(|w| Misconception {
            label: w.label.clone(),
            correction: w.correction.clone(),
            // A claim takes two words at least: one word alone is vocabulary, and a wrong claim
            // costs too much to fire on vocabulary (`validate` warns about such phrasings).
            patterns: w
                .alternatives
                .iter()
                .filter_map(|a| pattern(a))
                .filter(|p| p.words.len() >= 2)
                .collect(),
        })
        .filter(|w| !w.patterns.is_empty())
        .collect()
}

/// Each plain phrasing of three words or more with one word swapped for an opposite. With fewer,
/// the other words cannot say what the claim is about: "long-lived" for refresh tokens is not
/// inverted by "a short-lived code" (measured in `docs/scoring.md`).
fn opposites(patterns: &[Pattern]) -> Vec<Pattern> {
    let mut out = Vec::new();
    for pattern in patterns.iter().filter(|p| p.negative == Some(false) && p.words.len() >= 3) {
        for (i, word) in pattern.words.iter().enumerate() {
            for stem in lexicon::opposite_stems(&word.stem) {
                let mut words = pattern.words.clone();
                words[i].stem = stem.into();
                words[i].word = stem.into();
                // A phrasing that already holds the opposite word ("short-lived, not long-lived")
                // would contradict itself.
                if !pattern.words.iter().any(|w| w.stem == *stem) {
                    out.push(Pattern { words, negative: Some(false) });
                }
            }
        }
    }
    out
}

/// Normalises one alternative; a phrase made only of stop words keeps them.
fn pattern(text: &str) -> Option<Pattern> {
    let mut words = tokens(text, false).words;
    if words.is_empty() {
        words = tokens(text, true).words;
    }
    let negative = Some(words.iter().any(|w| w.negated));
    (!words.is_empty()).then_some(Pattern { words, negative })
}
