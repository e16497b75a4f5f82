//! Command glue: parses the command line, loads the bank, runs one command, prints its output.
//! Clap's types stop here: the library below sees only its own types.

mod browse;
mod eval;
mod history;
mod meta;
mod output;
mod progress;
mod quiz;
mod report;
mod score;
mod screen;
mod validate;

use std::ffi::OsString;
use std::io::{self, Write};
use std::path::Path;

use anyhow::{Context, Result};
use clap::Parser;

use crate::bank::{self, Bank, BankSource, Question};
use crate::cli::{Cli, ColorChoice, Command, Global, QuizArgs, ReportFormat};
use crate::quiz::plan::PlanError;
use crate::report::Format;

/// How the process ends: the exit status of a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Success,
    /// The command ran and found problems (validate): exit 1.
    ProblemsFound,
    /// Usage, input or I/O error, already reported as one `error: …` line: exit 2.
    Failed,
    /// The user pressed Ctrl-C: exit 130.
    Interrupted,
}

impl Exit {
    pub fn code(self) -> u8 {
        match self {
            Exit::Success => 0,
            Exit::ProblemsFound => 1,
            Exit::Failed => 2,
            Exit::Interrupted => 130,
        }
    }
}

/// Runs one command line (`args` includes the program name, as `std::env::args_os` does),
/// writing its output to `stdout` and its errors to `stderr`, and says how it ended.
pub fn run<I, T>(args: I, stdout: &mut dyn Write, stderr: &mut dyn Write) -> Exit
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) if empty_bank_variable() && error.to_string().contains("'--bank <PATH>'") => {
            let _ = writeln!(
                stderr,
                "error: REHEARSE_BANK is set but empty; unset it, or set it to a bank file or folder"
            );
            return Exit::Failed;
        }
        Err(error) => return clap_exit(&error, stdout, stderr),
    };
    set_colors(cli.global.color);
    match dispatch(cli, stdout, stderr) {
        Ok(exit) => exit,
        Err(error) if is_broken_pipe(&error) => Exit::Success,
        Err(error) => {
            let _ = writeln!(stderr, "error: {error:#}");
            Exit::Failed
        }
    }
}

fn dispatch(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> Result<Exit> {
    let global = cli.global;
    match cli.command.unwrap_or_else(|| Command::Quiz(QuizArgs::defaults())) {
        Command::Quiz(args) => quiz::run(&load_bank(&global)?, &global, &args, out, err),
        Command::Topics { format } => {
            browse::topics(&load_bank(&global)?, &history::topic_averages(err), format.format, out)
        }
        Command::Report(args) => report::report(&args, out, err),
        Command::Stats(args) => report::stats_command(&args, out, err),
        Command::List { filter, format } => {
            browse::list(&load_bank(&global)?, &filter.into(), format.format, out)
        }
        Command::Show { id, format } => {
            browse::show(&load_bank(&global)?, &id, global.verbose, format.format, out)
        }
        Command::Score { id, answer, format } => {
            score::run(&load_bank(&global)?, &id, answer, format.format, out, err)
        }
        Command::Validate { paths } => validate::run(&global, &paths, out, err),
        Command::Eval { file, format } => eval::run(&global, &file, format.format, out, err),
        Command::Completions { shell } => meta::completions(shell, out),
        Command::Man => meta::man(out),
        Command::Schema => meta::schema(out),
    }
}

/// Whether `REHEARSE_BANK` is set to nothing (clap would blame a `--bank` the user never typed).
fn empty_bank_variable() -> bool {
    std::env::var_os("REHEARSE_BANK").is_some_and(|v| v.is_empty())
}

/// `--help` and `--version` go to stdout with exit 0; usage errors to stderr with exit 2.
fn clap_exit(error: &clap::Error, stdout: &mut dyn Write, stderr: &mut dyn Write) -> Exit {
    let text = error.render();
    if error.use_stderr() {
        let _ = write!(stderr, "{text}");
        Exit::Failed
    } else {
        let _ = write!(stdout, "{text}");
        Exit::Success
    }
}

/// `rehearse list | head` closes our stdout early; that is not an error.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().filter_map(|e| e.downcast_ref::<io::Error>()).any(|e| e.kind() == io::ErrorKind::BrokenPipe)
}

fn source(global: &Global) -> BankSource {
    if global.bank.is_empty() { BankSource::Builtin } else { BankSource::Paths(global.bank.clone()) }
}

fn load_bank(global: &Global) -> Result<Bank> {
    bank::load(&source(global)).context("cannot load the question bank")
}

/// The question with this id, or an error naming the closest id.
fn find_question<'a>(bank: &'a Bank, id: &str) -> Result<&'a Question> {
    Ok(bank.question(id).ok_or_else(|| PlanError::unknown_id(bank, id))?)
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
