//! Command glue: parses the command line, loads the bank, runs one command, prints its output.

mod browse;
mod eval;
mod quiz;
mod score;
mod validate;

use anyhow::{Context, Result};
use clap::Parser;

use crate::bank::{self, Bank, BankSource, Question};
use crate::cli::{Cli, ColorChoice, Command, Global, QuizArgs};
use crate::score::Vocabulary;
use crate::suggest::closest;

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
        Command::Topics => browse::topics(&load_bank(&cli.global)?),
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

fn load_bank(global: &Global) -> Result<Bank> {
    bank::load(&source(global)).context("cannot load the question bank")
}

/// The bank's vocabulary when one of `asked` derives its points from its answer; otherwise an
/// empty one, since questions with explicit points never use it (and building it means
/// normalising every answer of the bank).
fn vocabulary_for<'a>(bank: &Bank, asked: impl IntoIterator<Item = &'a Question>) -> Vocabulary {
    if asked.into_iter().any(|q| q.points.is_empty()) {
        Vocabulary::from_documents(bank.questions.iter().map(|q| q.answer.as_str()))
    } else {
        Vocabulary::default()
    }
}

/// "1 file", "3 files".
fn plural(count: usize, noun: &str) -> String {
    if count == 1 { format!("1 {noun}") } else { format!("{count} {noun}s") }
}

/// The question with this id, or an error naming the closest id.
fn find_question<'a>(bank: &'a Bank, id: &str) -> Result<&'a Question> {
    bank.question(id).ok_or_else(|| {
        let ids: Vec<&str> = bank.questions.iter().map(|q| q.id.as_str()).collect();
        match closest(id, &ids) {
            Some(near) => anyhow::anyhow!("no question with id `{id}`; did you mean `{near}`?"),
            None => {
                anyhow::anyhow!("no question with id `{id}`; run `rehearse list` to see the ids")
            }
        }
    })
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
