//! Measures the scorer against human grades: graded rows in, agreement statistics out.

pub mod baseline;
pub mod metrics;

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::bank::Bank;
use crate::score::{Evidence, Examiner, Rubric, Vocabulary, Weights};

/// One graded answer (the format of `shared/asag/README.md`).
#[derive(Debug, Clone, Deserialize)]
pub struct GradedAnswer {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub question_id: Option<String>,
    #[serde(default)]
    pub question: Option<String>,
    #[serde(default)]
    pub reference_answer: Option<String>,
    #[serde(default)]
    pub reference_answers: Vec<String>,
    pub answer: String,
    pub grade: f64,
    pub max_grade: f64,
    /// What sort of answer the row is (strong, swap, buzzwords, …), when the file says.
    #[serde(default)]
    pub kind: Option<String>,
}

/// Why a row cannot be evaluated.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum RowError {
    #[error("line {line}: not a graded answer: {reason}")]
    Malformed { line: usize, reason: String },
    #[error("line {line}: grade must be between 0 and max_grade (a positive number)")]
    BadGrade { line: usize },
    #[error("line {line}: no reference answer, and `{id}` is not a question of the loaded bank")]
    NoReference { line: usize, id: String },
}

/// Agreement of the scorer with the human grades.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Agreement {
    pub n: usize,
    pub pearson: Option<f64>,
    pub spearman: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auc: Option<f64>,
    /// Mean score and mean grade per kind of answer, when rows carry a `kind`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub by_kind: Vec<KindMeans>,
}

/// How one kind of answer fared on average, score and grade both on a 0–1 scale.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KindMeans {
    pub kind: String,
    pub n: usize,
    pub score: f64,
    pub grade: f64,
    /// The lowest score of the kind.
    pub min_score: f64,
    /// The share of the kind's rows whose feedback shows an error: a contradicted or swapped
    /// point, or a wrong claim.
    pub flagged: f64,
}

/// A row's score next to its grade, both on a 0–1 scale.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    pub id: String,
    pub kind: Option<String>,
    pub score: f64,
    pub grade: f64,
    /// Whether the feedback shows an error (a contradicted or swapped point, or a wrong claim).
    pub flagged: bool,
}

/// Parses JSON lines; blank lines are skipped, a malformed row is an error naming its line.
pub fn parse_rows(text: &str) -> Result<Vec<(usize, GradedAnswer)>, RowError> {
    let mut rows = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line_number = index + 1;
        if line.trim().is_empty() {
            continue;
        }
        let row: GradedAnswer = serde_json::from_str(line)
            .map_err(|e| RowError::Malformed { line: line_number, reason: e.to_string() })?;
        let valid =
            row.max_grade.is_finite() && row.max_grade > 0.0 && (0.0..=row.max_grade).contains(&row.grade);
        if !valid {
            return Err(RowError::BadGrade { line: line_number });
        }
        rows.push((line_number, row));
    }
    Ok(rows)
}

/// Scores every row: against its own reference answers (best of them) when it has some, else
/// against the bank question it names.
pub fn score_rows(rows: &[(usize, GradedAnswer)], bank: &Bank) -> Result<Vec<Scored>, RowError> {
    score_rows_with(rows, bank, &mut || {})
}

/// [`score_rows`], calling `tick` after each row (for a progress bar).
pub fn score_rows_with(
    rows: &[(usize, GradedAnswer)],
    bank: &Bank,
    tick: &mut dyn FnMut(),
) -> Result<Vec<Scored>, RowError> {
    let evidence = evidence_rows(rows, bank, tick)?;
    Ok(evidence.iter().map(RowEvidence::fitted).collect())
}

/// A row with the evidence of its answer against each of its rubrics, so that the score's
/// weights can be varied without scoring again (`examples/fit_weights.rs`).
#[derive(Debug, Clone)]
pub struct RowEvidence {
    pub id: String,
    pub kind: Option<String>,
    pub grade: f64,
    pub evidence: Vec<Evidence>,
}

impl RowEvidence {
    /// The row's score under `weights`: the best over its rubrics.
    pub fn scored(&self, weights: &Weights) -> Scored {
        self.best(|e| e.score(weights))
    }

    /// The row's score under the fitted weights, as `rehearse` scores it.
    pub fn fitted(&self) -> Scored {
        self.best(Evidence::fitted_score)
    }

    fn best(&self, score: impl Fn(&Evidence) -> u8) -> Scored {
        let best = self.evidence.iter().max_by_key(|e| score(e));
        Scored {
            id: self.id.clone(),
            kind: self.kind.clone(),
            score: f64::from(best.map_or(0, &score)) / 100.0,
            grade: self.grade,
            flagged: best.is_some_and(|e| !e.contradicted.is_empty() || e.wrong_claims > 0),
        }
    }
}

/// The evidence of every row against its rubrics (see [`score_rows`]), calling `tick` after each.
pub fn evidence_rows(
    rows: &[(usize, GradedAnswer)],
    bank: &Bank,
    tick: &mut dyn FnMut(),
) -> Result<Vec<RowEvidence>, RowError> {
    let references: HashSet<&str> = rows.iter().flat_map(|(_, r)| references_of(r)).collect();
    let file_vocabulary = Vocabulary::from_documents(references.iter().copied());
    let examiner = Examiner::new(&bank.questions);
    let mut rubrics: HashMap<(String, String), Vec<Rubric>> = HashMap::new();
    let mut out = Vec::with_capacity(rows.len());
    for (line, row) in rows {
        let prompt = row.question.clone().unwrap_or_default();
        let refs: Vec<&str> = references_of(row).collect();
        let evidence = if refs.is_empty() {
            let id = row.question_id.clone().unwrap_or_default();
            let question = bank.question(&id).ok_or(RowError::NoReference { line: *line, id })?;
            vec![examiner.judge(question, &row.answer).1]
        } else {
            let key = (row.question_id.clone().unwrap_or_default(), refs.join("\n"));
            let compiled = rubrics.entry(key).or_insert_with(|| {
                refs.iter().map(|r| Rubric::derived(&prompt, r, &file_vocabulary)).collect()
            });
            compiled.iter().map(|r| r.judge(&row.answer).1).collect()
        };
        out.push(RowEvidence {
            id: row.id.clone().unwrap_or_else(|| format!("line {line}")),
            kind: row.kind.clone(),
            grade: row.grade / row.max_grade,
            evidence,
        });
        tick();
    }
    Ok(out)
}

fn references_of(row: &GradedAnswer) -> impl Iterator<Item = &str> {
    row.reference_answer
        .iter()
        .chain(&row.reference_answers)
        .map(String::as_str)
        .filter(|r| !r.trim().is_empty())
}

/// n, Pearson, Spearman, and AUC when every grade is exactly 0 or 1.
pub fn agreement(scored: &[Scored]) -> Agreement {
    let predicted: Vec<f64> = scored.iter().map(|s| s.score).collect();
    let grades: Vec<f64> = scored.iter().map(|s| s.grade).collect();
    // Grades are read from text, so a 0/1 grade is exactly 0.0 or 1.0.
    #[allow(clippy::float_cmp)]
    let is_binary = !grades.is_empty() && grades.iter().all(|g| *g == 0.0 || *g == 1.0);
    let passed: Vec<bool> = grades.iter().map(|g| *g >= 1.0).collect();
    Agreement {
        n: scored.len(),
        pearson: metrics::pearson(&predicted, &grades),
        spearman: metrics::spearman(&predicted, &grades),
        auc: if is_binary { metrics::auc(&predicted, &passed) } else { None },
        by_kind: by_kind(scored),
    }
}

/// Mean score and grade per kind, kinds in first-seen order.
fn by_kind(scored: &[Scored]) -> Vec<KindMeans> {
    let mut kinds: Vec<KindMeans> = Vec::new();
    for row in scored {
        let Some(kind) = &row.kind else { continue };
        let index = kinds.iter().position(|k| &k.kind == kind).unwrap_or_else(|| {
            kinds.push(KindMeans {
                kind: kind.clone(),
                n: 0,
                score: 0.0,
                grade: 0.0,
                min_score: 1.0,
                flagged: 0.0,
            });
            kinds.len() - 1
        });
        let entry = &mut kinds[index];
        entry.n += 1;
        entry.score += row.score;
        entry.grade += row.grade;
        entry.min_score = entry.min_score.min(row.score);
        entry.flagged += f64::from(u8::from(row.flagged));
    }
    for entry in &mut kinds {
        entry.score /= entry.n as f64;
        entry.grade /= entry.n as f64;
        entry.flagged /= entry.n as f64;
    }
    kinds
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_malformed_row_names_its_line() {
        let text =
            "{\"answer\": \"a\", \"grade\": 1, \"max_grade\": 5, \"reference_answer\": \"b\"}\n\n{oops\n";
        assert!(matches!(parse_rows(text), Err(RowError::Malformed { line: 3, .. })));
        let text = "{\"answer\": \"a\", \"grade\": 6, \"max_grade\": 5}\n";
        assert_eq!(parse_rows(text).unwrap_err(), RowError::BadGrade { line: 1 });
    }

    #[test]
    fn rows_are_scored_against_their_references() {
        let text = concat!(
            "{\"question\": \"Why use TLS?\", \"reference_answer\": \"It encrypts traffic and authenticates the server.\", \"answer\": \"It encrypts traffic and proves the server identity by authenticating it.\", \"grade\": 5, \"max_grade\": 5}\n",
            "{\"question\": \"Why use TLS?\", \"reference_answer\": \"It encrypts traffic and authenticates the server.\", \"answer\": \"I like turtles.\", \"grade\": 0, \"max_grade\": 5}\n",
        );
        let scored = score_rows(&parse_rows(text).unwrap(), &Bank::default()).unwrap();
        assert!(scored[0].score > 0.8 && scored[1].score == 0.0, "{scored:?}");
        let agreement = agreement(&scored);
        assert_eq!(agreement.n, 2);
        assert_eq!(agreement.auc, Some(1.0));
        assert!(agreement.by_kind.is_empty());
    }

    #[test]
    fn means_are_reported_per_kind_in_first_seen_order() {
        let row = |kind: &str, score, grade| Scored {
            id: String::new(),
            kind: Some(kind.into()),
            score,
            grade,
            flagged: kind == "swap" && score < 0.3,
        };
        let scored = [row("swap", 0.2, 0.0), row("strong", 0.9, 1.0), row("swap", 0.4, 0.2)];
        let kinds = agreement(&scored).by_kind;
        assert_eq!(
            kinds.iter().map(|k| k.flagged).collect::<Vec<_>>(),
            [0.5, 0.0],
            "one swap in two shows its error"
        );
        let summary: Vec<(&str, usize, f64, f64, f64)> =
            kinds.iter().map(|k| (k.kind.as_str(), k.n, k.score, k.grade, k.min_score)).collect();
        let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
        assert_eq!(summary.len(), 2);
        assert_eq!((summary[0].0, summary[0].1), ("swap", 2));
        assert!(close(summary[0].2, 0.3) && close(summary[0].3, 0.1) && close(summary[0].4, 0.2));
        assert_eq!((summary[1].0, summary[1].1), ("strong", 1));
    }

    #[test]
    fn a_row_without_reference_needs_a_bank_question() {
        let rows =
            parse_rows("{\"question_id\": \"nope\", \"answer\": \"a\", \"grade\": 1, \"max_grade\": 1}")
                .unwrap();
        assert_eq!(
            score_rows(&rows, &Bank::default()).unwrap_err(),
            RowError::NoReference { line: 1, id: "nope".into() }
        );
    }
}
