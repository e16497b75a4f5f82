//! The command line: every command, flag and help text (clap derive; `///` docs are the help).
// Doc comments here are user-facing help text, not rustdoc: no Markdown backticks.
#![allow(clippy::doc_markdown)]

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::bank::Difficulty;
use crate::quiz::plan::Filter;

/// Practise technical interview answers in the terminal.
///
/// Questions come one at a time; each free-text answer is scored by the key points it covers
/// (tolerant of typos, word forms and word order, strict about negation), with feedback on what
/// was covered and missed, and a summary of weak topics at the end.
#[derive(Debug, Parser)]
#[command(name = "rehearse", version, about, long_about, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options every command takes.
#[derive(Debug, Args)]
pub struct Global {
    /// Load questions from this bank file or folder of .yaml files instead of the built-in bank
    /// (repeatable)
    #[arg(long, global = true, value_name = "PATH", env = "REHEARSE_BANK")]
    pub bank: Vec<PathBuf>,

    /// When to use colour (NO_COLOR and TERM=dumb are honoured by `auto`)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Print less: no question headers, per-answer feedback or transcript lines
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Print more: every alternative of each key point (show), each row's score (eval)
    #[arg(short, long, global = true)]
    pub verbose: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Practise: answer questions one at a time and get feedback (the default command)
    Quiz(QuizArgs),
    /// Topics with their question counts by difficulty and, from the history, your average
    Topics,
    /// Questions (id, topic, difficulty, prompt), filtered like quiz
    List(FilterArgs),
    /// One question: prompt, model answer, key points and hint
    Show {
        /// The question id (see `rehearse list`)
        id: String,
    },
    /// Score one answer to a question and print the feedback
    Score {
        /// The question id (see `rehearse list`)
        id: String,
        /// The answer; read from standard input when absent
        answer: Option<String>,
        /// Output format
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Check bank files; prints every problem as FILE:LINE:COL: message and exits 1 if any
    Validate {
        /// Bank files or folders (default: the loaded bank)
        paths: Vec<PathBuf>,
    },
    /// Measure how well the scorer agrees with human grades (JSON lines of graded answers)
    Eval {
        /// Graded answers: one JSON object a line with answer, grade and max_grade, and either
        /// question and reference_answer(s) or a bank question_id
        file: PathBuf,
        /// Output format
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Render a recorded session's report again (default: the last session)
    Report(ReportArgs),
    /// Progress over your sessions: per-topic trends, time practised, weakest questions, reviews due
    Stats(StatsArgs),
    /// Print a shell completion script, e.g. rehearse completions bash >
    /// ~/.local/share/bash-completion/completions/rehearse
    Completions {
        /// The shell to complete for
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. rehearse man > ~/.local/share/man/man1/rehearse.1
    Man,
    /// Print the JSON Schema of the bank format, for an editor's YAML language server
    Schema,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Which session: a session id (or its start), or -1 for the last, -2 for the one before, ...
    #[arg(allow_hyphen_values = true, value_name = "SESSION")]
    pub session: Option<String>,
    /// Output format (default: from the --output extension, else text)
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,
    /// Write to this file instead of standard output
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Replace the --output file if it exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = StatsFormat::Text)]
    pub format: StatsFormat,
    /// Write to this file instead of standard output
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Replace the --output file if it exists
    #[arg(long)]
    pub force: bool,
}

/// A report format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Text,
    #[value(alias = "markdown")]
    Md,
    Json,
    Csv,
    #[value(alias = "htm")]
    Html,
}

/// A stats format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    Text,
    Json,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Text,
    Json,
}

/// Which questions to take.
#[derive(Debug, Clone, Default, Args)]
pub struct FilterArgs {
    /// Only these topics (repeatable, or comma-separated)
    #[arg(short, long = "topic", value_name = "TOPIC", value_delimiter = ',')]
    pub topics: Vec<String>,

    /// Only questions of this difficulty
    #[arg(short, long, value_enum)]
    pub difficulty: Option<Difficulty>,
}

impl From<FilterArgs> for Filter {
    fn from(args: FilterArgs) -> Filter {
        Filter { topics: args.topics, difficulty: args.difficulty }
    }
}

#[derive(Debug, Args)]
pub struct QuizArgs {
    #[command(flatten)]
    pub filter: FilterArgs,

    /// How many questions to ask
    #[arg(short = 'n', long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..))]
    pub count: u32,

    /// Time limit for the whole session, e.g. 15m, 90s, 1h30m
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub time: Option<Duration>,

    /// Time limit for each question, e.g. 2m, 90s
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub per_question: Option<Duration>,

    /// Seed for the question order: the same seed asks the same questions in the same order
    #[arg(long)]
    pub seed: Option<u64>,

    /// Exam mode: hold all feedback until the end
    #[arg(long)]
    pub exam: bool,

    /// Topics averaging below this score (0-100) are reported as weak
    #[arg(long, default_value_t = 60, value_name = "PCT", value_parser = clap::value_parser!(u8).range(0..=100))]
    pub pass_mark: u8,

    /// Answers from a YAML or JSON file mapping question id to answer (no prompts)
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,

    /// Ask what is due for review first, then your weakest questions, then unseen ones
    #[arg(long, conflicts_with = "ids")]
    pub review: bool,

    /// Ask exactly these questions, in this order (comma-separated ids)
    #[arg(long, value_name = "ID,...", value_delimiter = ',', conflicts_with_all = ["topics", "difficulty"])]
    pub ids: Vec<String>,

    #[command(flatten)]
    pub export: ExportArgs,

    /// Do not record this session in the history (nor read it)
    #[arg(long)]
    pub no_history: bool,
}

/// Where the session's report goes.
#[derive(Debug, Default, Args)]
pub struct ExportArgs {
    /// Write the session's report to this file when it ends (format from the extension)
    #[arg(short = 'o', long, value_name = "PATH")]
    pub report: Option<PathBuf>,

    /// The report's format, when the file name does not say
    #[arg(long, value_enum, value_name = "FORMAT", requires = "report")]
    pub report_format: Option<ReportFormat>,

    /// Replace the report file if it exists
    #[arg(long, requires = "report")]
    pub force: bool,
}

impl QuizArgs {
    /// The options of a bare `rehearse` (no command): clap's own defaults, so they cannot drift.
    pub fn defaults() -> QuizArgs {
        let command = QuizArgs::augment_args(clap::Command::new("quiz"));
        QuizArgs::from_arg_matches(&command.get_matches_from(["quiz"])).expect("the defaults parse")
    }
}

impl ValueEnum for Difficulty {
    fn value_variants<'a>() -> &'a [Self] {
        &Difficulty::ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.name()))
    }
}

/// A positive duration in humantime form ("90s", "15m", "1h30m").
fn parse_duration(text: &str) -> Result<Duration, String> {
    let duration = humantime::parse_duration(text.trim())
        .map_err(|e| format!("{e}; use a duration like 90s, 15m or 1h30m"))?;
    if duration.is_zero() {
        return Err("a time limit must be more than zero; use a duration like 90s or 15m".into());
    }
    Ok(duration)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }

    #[test]
    fn a_bare_command_line_is_a_default_quiz() {
        let defaults = QuizArgs::defaults();
        assert_eq!((defaults.count, defaults.pass_mark, defaults.exam), (10, 60, false));
    }

    #[test]
    fn durations_must_be_positive_and_well_formed() {
        assert_eq!(parse_duration("90s"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("1h30m"), Ok(Duration::from_secs(5400)));
        for bad in ["0s", "-5m", "soon", ""] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn report_takes_a_negative_session_index() {
        let cli = Cli::try_parse_from(["rehearse", "report", "-2", "--format", "md"]).unwrap();
        let Some(Command::Report(args)) = cli.command else { panic!("not report") };
        assert_eq!((args.session.as_deref(), args.format), (Some("-2"), Some(ReportFormat::Md)));
    }

    #[test]
    fn ids_exclude_filters_and_review() {
        assert!(Cli::try_parse_from(["rehearse", "quiz", "--ids", "a,b", "-t", "http"]).is_err());
        assert!(Cli::try_parse_from(["rehearse", "quiz", "--ids", "a", "--review"]).is_err());
        let cli = Cli::try_parse_from(["rehearse", "quiz", "--ids", "a,b", "--ids", "c"]).unwrap();
        let Some(Command::Quiz(args)) = cli.command else { panic!("not quiz") };
        assert_eq!(args.ids, ["a", "b", "c"]);
    }

    #[test]
    fn topics_accept_repeats_and_comma_lists() {
        let cli =
            Cli::try_parse_from(["rehearse", "list", "-t", "http,security", "--topic", "design"]).unwrap();
        let Some(Command::List(filter)) = cli.command else { panic!("not list") };
        assert_eq!(filter.topics, ["http", "security", "design"]);
    }
}
