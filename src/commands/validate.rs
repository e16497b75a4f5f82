//! `validate`: every problem of the given bank files as `FILE:LINE:COL: message`.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;

use super::{Exit, source};
use crate::bank::{self, BankSource};
use crate::cli::Global;
use crate::render::plural;

pub fn run(global: &Global, paths: &[PathBuf], out: &mut dyn Write) -> Result<Exit> {
    let source = if paths.is_empty() { source(global) } else { BankSource::Paths(paths.to_vec()) };
    let report = bank::check(&source)?;
    let mut all: Vec<(&bank::Diagnostic, &str)> = report.diagnostics.iter().map(|d| (d, "")).collect();
    all.extend(report.warnings.iter().map(|d| (d, "warning: ")));
    all.sort_by(|a, b| (&a.0.file, a.0.line, a.0.column).cmp(&(&b.0.file, b.0.line, b.0.column)));
    for (diagnostic, severity) in all {
        let bank::Diagnostic { file, line, column, message } = diagnostic;
        writeln!(out, "{file}:{line}:{column}: {severity}{message}")?;
    }
    let files = plural(report.files, "file");
    if report.diagnostics.is_empty() {
        let topics = plural(report.bank.topics.len(), "topic");
        let warnings = match report.warnings.len() {
            0 => String::new(),
            n => format!(" ({})", plural(n, "warning")),
        };
        writeln!(out, "ok: {files}, {topics}, {}{warnings}", plural(report.questions, "question"))?;
        Ok(Exit::Success)
    } else {
        let problems = plural(report.diagnostics.len(), "problem");
        let mut failing: Vec<&str> = report.diagnostics.iter().map(|d| d.file.as_str()).collect();
        failing.dedup();
        writeln!(out, "{problems} in {} of {files}", failing.len())?;
        Ok(Exit::ProblemsFound)
    }
}
