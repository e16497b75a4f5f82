//! Measures the scorer against human grades: graded rows in, agreement statistics out.

pub mod metrics;

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::bank::Bank;
use crate::score::{Rubric, Vocabulary};

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
}

/// A row's score next to its grade, both on a 0–1 scale.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    pub id: String,
    pub score: f64,
    pub grade: f64,
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
    let references: HashSet<&str> = rows.iter().flat_map(|(_, r)| references_of(r)).collect();
    let file_vocabulary = Vocabulary::from_documents(references.iter().copied());
    let bank_vocabulary = Vocabulary::from_documents(bank.questions.iter().map(|q| q.answer.as_str()));
    let mut rubrics: HashMap<(String, String), Vec<Rubric>> = HashMap::new();
    let mut scored = Vec::with_capacity(rows.len());
    for (line, row) in rows {
        let prompt = row.question.clone().unwrap_or_default();
        let refs: Vec<&str> = references_of(row).collect();
        let key = (row.question_id.clone().unwrap_or_default(), refs.join("\n"));
        if !rubrics.contains_key(&key) {
            let compiled = if refs.is_empty() {
                let id = row.question_id.clone().unwrap_or_default();
                let question = bank.question(&id).ok_or(RowError::NoReference { line: *line, id })?;
                vec![Rubric::for_question(question, &bank_vocabulary)]
            } else {
                refs.iter().map(|r| Rubric::derived(&prompt, r, &file_vocabulary)).collect()
            };
            rubrics.insert(key.clone(), compiled);
        }
        let best = rubrics[&key].iter().map(|r| r.assess(&row.answer).score).max().unwrap_or(0);
        scored.push(Scored {
            id: row.id.clone().unwrap_or_else(|| format!("line {line}")),
            score: f64::from(best) / 100.0,
            grade: row.grade / row.max_grade,
        });
        tick();
    }
    Ok(scored)
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
    }
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
