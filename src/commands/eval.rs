//! `eval FILE.jsonl`: prints the scorer's agreement with human grades.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

use super::{Exit, source};
use crate::bank::{self, BankSource};
use crate::cli::{Global, OutputFormat};
use crate::eval::{agreement, parse_rows, score_rows};
use crate::inert::inert_line;

/// What the figures mean, for a reader who has not met them.
const MEANING: &str = "\
pearson and spearman run from -1 to 1 (1: the scorer ranks answers exactly as the graders do);
for scale, two human graders agree with each other at about r = 0.59 on the Mohler data.";

pub fn run(global: &Global, file: &Path, format: OutputFormat, out: &mut dyn Write) -> Result<Exit> {
    let text = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let text = String::from_utf8(text).with_context(|| format!("{} is not UTF-8 text", file.display()))?;
    let rows = parse_rows(&text).with_context(|| format!("in {}", file.display()))?;
    // Rows that name a bank question need the bank; rows with their own references do not.
    let needs_bank = rows.iter().any(|(_, r)| r.reference_answer.is_none() && r.reference_answers.is_empty());
    let bank = if needs_bank || source(global) != BankSource::Builtin {
        bank::load(&source(global)).context("cannot load the question bank")?
    } else {
        bank::Bank::default()
    };
    let scored = score_rows(&rows, &bank).with_context(|| format!("in {}", file.display()))?;
    let result = agreement(&scored);
    match format {
        OutputFormat::Json => {
            let mut json = serde_json::to_value(&result)?;
            if global.verbose {
                let rows: Vec<_> = scored
                    .iter()
                    .map(|r| serde_json::json!({"id": r.id, "score": r.score, "grade": r.grade}))
                    .collect();
                json["rows"] = serde_json::Value::Array(rows);
            }
            writeln!(out, "{json}")?;
        }
        OutputFormat::Text => {
            if global.verbose {
                writeln!(out, "{:<32}  score  grade", "row")?;
                for row in &scored {
                    writeln!(out, "{:<32}  {:.2}   {:.2}", inert_line(&row.id), row.score, row.grade)?;
                }
                writeln!(out)?;
            }
            let show = |v: Option<f64>| v.map_or_else(|| "n/a".to_string(), |v| format!("{v:.3}"));
            writeln!(out, "n         {}", result.n)?;
            writeln!(out, "pearson   {}", show(result.pearson))?;
            writeln!(out, "spearman  {}", show(result.spearman))?;
            if result.auc.is_some() {
                writeln!(out, "auc       {}", show(result.auc))?;
            }
            if global.verbose {
                writeln!(out, "{MEANING}")?;
            }
        }
    }
    Ok(Exit::Success)
}
