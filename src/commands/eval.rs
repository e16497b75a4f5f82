//! `eval FILE.jsonl`: prints the scorer's agreement with human grades.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

use super::{Exit, progress, source};
use crate::bank::{self, BankSource};
use crate::cli::{Global, OutputFormat};
use crate::eval::{agreement, parse_rows, score_rows_with};
use crate::inert::inert_line;
use crate::input::read_file;

/// What the figures mean, for a reader who has not met them.
const MEANING: &str = "\
pearson and spearman run from -1 to 1 (1: the scorer ranks answers exactly as the graders do);
for scale, two human graders agree with each other at about r = 0.59 on the Mohler data;
flagged: the share of a kind's rows whose feedback shows an error (a contradicted or swapped
point, or a wrong claim).";

/// Graded-answer files larger than this are refused (100,000 rows are about 50 MiB).
const MAX_EVAL_BYTES: u64 = 256 * 1024 * 1024;

pub fn run(
    global: &Global,
    file: &Path,
    format: OutputFormat,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Exit> {
    let text = read_file(file, MAX_EVAL_BYTES).with_context(|| format!("cannot read {}", file.display()))?;
    let text = String::from_utf8(text).with_context(|| format!("{} is not UTF-8 text", file.display()))?;
    let rows = parse_rows(&text).with_context(|| format!("in {}", file.display()))?;
    // Rows that name a bank question need the bank; rows with their own references do not.
    let needs_bank = rows.iter().any(|(_, r)| r.reference_answer.is_none() && r.reference_answers.is_empty());
    let bank = if needs_bank || source(global) != BankSource::Builtin {
        bank::load(&source(global)).context("cannot load the question bank")?
    } else {
        bank::Bank::default()
    };
    let bar = progress::bar(rows.len(), 500, "scoring");
    let scored = score_rows_with(&rows, &bank, &mut || bar.inc(1))
        .with_context(|| format!("in {}", file.display()))?;
    bar.finish_and_clear();
    let result = agreement(&scored);
    let _ = err;
    match format {
        OutputFormat::Json => {
            let mut json = serde_json::to_value(&result)?;
            if global.verbose {
                let rows: Vec<_> = scored
                    .iter()
                    .map(|r| serde_json::json!({"id": r.id, "score": r.score, "grade": r.grade, "flagged": r.flagged}))
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
            if !result.by_kind.is_empty() {
                writeln!(
                    out,
                    "\n{:<12} {:>4} {:>6} {:>6} {:>6} {:>8}",
                    "kind", "n", "score", "grade", "min", "flagged"
                )?;
                for kind in &result.by_kind {
                    let (score, grade, min, flagged) = (
                        kind.score * 100.0,
                        kind.grade * 100.0,
                        kind.min_score * 100.0,
                        kind.flagged * 100.0,
                    );
                    writeln!(
                        out,
                        "{:<12} {:>4} {score:>6.0} {grade:>6.0} {min:>6.0} {flagged:>7.0}%",
                        inert_line(&kind.kind),
                        kind.n
                    )?;
                }
            }
            if global.verbose {
                writeln!(out, "{MEANING}")?;
            }
        }
    }
    Ok(Exit::Success)
}
