//! Command glue: parses the command line, loads the bank, runs one command, prints its output.

mod browse;
mod eval;
mod history;
mod output;
mod quiz;
mod report;
mod score;
mod validate;

use std::path::Path;

use anyhow::{Context, Result};
use clap::Parser;

use crate::bank::{self, Bank, BankSource, Question};
use crate::cli::{Cli, ColorChoice, Command, Global, QuizArgs, ReportFormat};
use crate::quiz::plan::PlanError;
use crate::report::Format;

/// How a command ended, beyond plain success.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Success,
    /// The command ran and found problems (validate): exit 1.
    ProblemsFound,
    /// The user pressed Ctrl-C: exit 130.
    Interrupted,
}

impl Outcome {
    pub fn exit_code(self) -> u8 {
        match self {
            Outcome::Success => 0,
            Outcome::ProblemsFound => 1,
            Outcome::Interrupted => 130,
        }
    }
}

/// Runs the command line of this process.
pub fn run() -> Result<Outcome> {
    let cli = Cli::parse();
    set_colors(cli.global.color);
    match cli.command.unwrap_or_else(|| Command::Quiz(QuizArgs::defaults())) {
        Command::Quiz(args) => quiz::run(&load_bank(&cli.global)?, &cli.global, &args),
        Command::Topics => browse::topics(&load_bank(&cli.global)?, &history::topic_averages()),
        Command::Report(args) => report::report(&args),
        Command::Stats(args) => report::stats_command(&args),
        Command::List(filter) => browse::list(&load_bank(&cli.global)?, &filter),
        Command::Show { id } => browse::show(&load_bank(&cli.global)?, &id, cli.global.verbose),
        Command::Score { id, answer, format } => score::run(&load_bank(&cli.global)?, &id, answer, format),
        Command::Validate { paths } => validate::run(&cli.global, &paths),
        Command::Eval { file, format } => eval::run(&cli.global, &file, format),
    }
}

fn source(global: &Global) -> BankSource {
    if global.bank.is_empty() { BankSource::Builtin } else { BankSource::Paths(global.bank.clone()) }
}

/// How a report names the bank: "built-in", or the paths given.
fn bank_description(global: &Global) -> String {
    if global.bank.is_empty() {
        "built-in".into()
    } else {
        global.bank.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
    }
}

impl From<ReportFormat> for Format {
    fn from(format: ReportFormat) -> Format {
        match format {
            ReportFormat::Text => Format::Text,
            ReportFormat::Md => Format::Markdown,
            ReportFormat::Json => Format::Json,
            ReportFormat::Csv => Format::Csv,
            ReportFormat::Html => Format::Html,
        }
    }
}

/// The format asked for, else the one `path`'s extension names.
fn report_format(path: &Path, asked: Option<ReportFormat>) -> Result<Format> {
    asked.map(Format::from).or_else(|| Format::from_path(path)).ok_or_else(|| {
        anyhow::anyhow!(
            "cannot tell the report format from `{}`; name it .md, .json, .csv, .html or .txt, or give the format",
            path.display()
        )
    })
}

fn load_bank(global: &Global) -> Result<Bank> {
    bank::load(&source(global)).context("cannot load the question bank")
}

/// The question with this id, or an error naming the closest id.
fn find_question<'a>(bank: &'a Bank, id: &str) -> Result<&'a Question> {
    Ok(bank.question(id).ok_or_else(|| PlanError::unknown_id(bank, id))?)
}

/// Colour on or off for both streams; `auto` leaves console's own checks (tty, `TERM=dumb`) and
/// adds `NO_COLOR`.
fn set_colors(choice: ColorChoice) {
    let enabled = match choice {
        ColorChoice::Always => Some(true),
        ColorChoice::Never => Some(false),
        ColorChoice::Auto if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) => Some(false),
        ColorChoice::Auto => None,
    };
    if let Some(enabled) = enabled {
        console::set_colors_enabled(enabled);
        console::set_colors_enabled_stderr(enabled);
    }
}
