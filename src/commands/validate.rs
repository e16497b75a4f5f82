//! `validate`: every problem of the given bank files as `FILE:LINE:COL: message`.

use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::Result;

use super::{Exit, progress, source};
use crate::bank::{self, BankSource};
use crate::cli::Global;
use crate::render::plural;

pub fn run(global: &Global, paths: &[PathBuf], out: &mut dyn Write, err: &mut dyn Write) -> Result<Exit> {
    let source = if paths.is_empty() { source(global) } else { BankSource::Paths(paths.to_vec()) };
    let bar = std::sync::OnceLock::new();
    let report = bank::check_with(&source, &|files| {
        bar.get_or_init(|| progress::bar(files, 20, "checking")).inc(1);
    })?;
    if let Some(bar) = bar.get() {
        bar.finish_and_clear();
    }
    for repeated in &report.repeated {
        writeln!(err, "note: {} is named more than once; it is checked once", bank::shown(repeated))?;
    }
    let exit = if report.diagnostics.is_empty() { Exit::Success } else { Exit::ProblemsFound };
    match write_report(&report, out) {
        // `validate | head -1`: the reader left early, but the problems are still there.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(exit),
        result => result.map(|()| exit).map_err(Into::into),
    }
}

fn write_report(report: &bank::CheckReport, out: &mut dyn Write) -> io::Result<()> {
    let warnings = report
        .warnings
        .iter()
        .map(|w| bank::Diagnostic { message: format!("warning: {}", w.message), ..w.clone() });
    let mut all: Vec<bank::Diagnostic> = report.diagnostics.iter().cloned().chain(warnings).collect();
    all.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    for diagnostic in &all {
        writeln!(out, "{diagnostic}")?;
    }
    let files = plural(report.files, "file");
    if report.diagnostics.is_empty() {
        let topics = plural(report.bank.topics.len(), "topic");
        let warnings = match report.warnings.len() {
            0 => String::new(),
            n => format!(" ({})", plural(n, "warning")),
        };
        writeln!(out, "ok: {files}, {topics}, {}{warnings}", plural(report.questions, "question"))
    } else {
        let problems = plural(report.diagnostics.len(), "problem");
        let mut failing: Vec<&str> = report.diagnostics.iter().map(|d| d.file.as_str()).collect();
        failing.dedup();
        writeln!(out, "{problems} in {} of {files}", failing.len())
    }
}
