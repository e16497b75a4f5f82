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
#[command(name = "rehearse", version, about, long_about, max_term_width = 100, after_help = EXAMPLES)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,

    #[command(subcommand)]
    pub command: Option<Command>,
}

const EXAMPLES: &str = "\
Examples:
  rehearse                          pick topics, then ten questions
  rehearse quiz -t http --time 15m  ten HTTP questions in 15 minutes
  rehearse list -t security         the security questions
  rehearse score http-put-vs-patch \"PUT replaces, PATCH changes part\"";

const QUIZ_EXAMPLES: &str = "\
At the answer prompt:
  :hint   show the question's hint
  :skip   skip the question (an empty line skips too)
  :quit   end the session (Ctrl-D on an empty line too); Ctrl-C ends it at once
  Enter submits; Ctrl-U clears the line; a paste may span lines.

Examples:
  rehearse quiz -t http,security -d hard -n 5
  rehearse quiz --time 15m --per-question 2m
  rehearse quiz --seed 4821                 the same questions in the same order again
  rehearse quiz --answers answers.yaml -q   score a file of answers by question id";

const TOPICS_EXAMPLES: &str = "Examples:\n  rehearse topics\n  rehearse topics --format json";
const LIST_EXAMPLES: &str = "Examples:\n  rehearse list -t http -d easy\n  rehearse list --format json";
const SHOW_EXAMPLES: &str =
    "Examples:\n  rehearse show http-put-vs-patch\n  rehearse show http-put-vs-patch -v --format json";
const SCORE_EXAMPLES: &str = "\
Examples:
  rehearse score http-put-vs-patch \"PUT replaces the resource; PATCH changes part of it\"
  echo \"PUT is idempotent\" | rehearse score http-put-vs-patch --format json";
const VALIDATE_EXAMPLES: &str =
    "Examples:\n  rehearse validate my-bank/\n  rehearse --bank my-bank/ validate";
const EVAL_EXAMPLES: &str =
    "Examples:\n  rehearse eval graded.jsonl\n  rehearse eval graded.jsonl -v --format json";

/// The heading global options are listed under in every command's help.
const GLOBAL: &str = "Global options";

/// Options every command takes.
#[derive(Debug, Args)]
pub struct Global {
    /// Load questions from this bank file or folder of .yaml files instead of the built-in bank
    /// (repeatable)
    #[arg(long, global = true, value_name = "PATH", env = "REHEARSE_BANK", help_heading = GLOBAL)]
    pub bank: Vec<PathBuf>,

    /// When to use colour (NO_COLOR and TERM=dumb are honoured by `auto`)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN", help_heading = GLOBAL)]
    pub color: ColorChoice,

    /// Print less: no feedback, transcript or session header (prompts still show)
    #[arg(short, long, global = true, conflicts_with = "verbose", help_heading = GLOBAL)]
    pub quiet: bool,

    /// Print more detail
    #[arg(short, long, global = true, help_heading = GLOBAL)]
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
    #[command(after_help = QUIZ_EXAMPLES)]
    Quiz(QuizArgs),
    /// Topics with their question counts by difficulty and, from the history, your average
    #[command(after_help = TOPICS_EXAMPLES)]
    Topics {
        #[command(flatten)]
        format: FormatArg,
    },
    /// Questions (id, topic, difficulty, prompt), filtered like quiz
    #[command(after_help = LIST_EXAMPLES)]
    List {
        #[command(flatten)]
        filter: FilterArgs,
        #[command(flatten)]
        format: FormatArg,
    },
    /// One question: prompt, model answer, key points and hint (-v: every alternative of a point)
    #[command(after_help = SHOW_EXAMPLES)]
    Show {
        /// The question id (see `rehearse list`)
        id: String,
        #[command(flatten)]
        format: FormatArg,
    },
    /// Score one answer to a question and print the feedback
    #[command(after_help = SCORE_EXAMPLES)]
    Score {
        /// The question id (see `rehearse list`)
        id: String,
        /// The answer; read from standard input when absent
        answer: Option<String>,
        #[command(flatten)]
        format: FormatArg,
    },
    /// Check bank files; prints every problem as FILE:LINE:COL: message and exits 1 if any
    #[command(after_help = VALIDATE_EXAMPLES)]
    Validate {
        /// Bank files or folders (default: the loaded bank)
        paths: Vec<PathBuf>,
    },
    /// Measure how well the scorer agrees with human grades (JSON lines of graded answers; rows
    /// with a `kind` get per-kind means and the share flagged with an error; -v: each row's score)
    #[command(after_help = EVAL_EXAMPLES)]
    Eval {
        /// Graded answers: one JSON object a line with answer, grade and max_grade, and either
        /// question and reference_answer(s) or a bank question_id
        file: PathBuf,
        #[command(flatten)]
        format: FormatArg,
    },
    /// Render a recorded session's report again (default: the last session)
    #[command(after_help = "Examples:\n  rehearse report\n  rehearse report -2 --format md --output last.md")]
    Report(ReportArgs),
    /// Progress over your sessions: per-topic trends, time practised, weakest questions, reviews due
    #[command(
        after_help = "Examples:\n  rehearse stats\n  rehearse stats --format html --output progress.html"
    )]
    Stats(StatsArgs),
    /// Print a shell completion script, e.g. rehearse completions bash >
    /// ~/.local/share/bash-completion/completions/rehearse
    #[command(
        after_help = "Examples:\n  rehearse completions bash > ~/.local/share/bash-completion/completions/rehearse\n  rehearse completions zsh > ~/.zfunc/_rehearse"
    )]
    Completions {
        /// The shell to complete for
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. rehearse man > ~/.local/share/man/man1/rehearse.1
    #[command(after_help = "Examples:\n  rehearse man > ~/.local/share/man/man1/rehearse.1")]
    Man,
    /// Print the JSON Schema of the bank format, for an editor's YAML language server
    #[command(after_help = "Examples:\n  rehearse schema > rehearse-bank.schema.json")]
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

/// `--format text|json`, one flag name for every command that prints data.
#[derive(Debug, Clone, Copy, Args)]
pub struct FormatArg {
    /// Output format
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
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

    /// How many questions to ask [default: 10; with --answers, all of the file's]
    #[arg(short = 'n', long, value_parser = clap::value_parser!(u32).range(1..))]
    pub count: Option<u32>,

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

    /// Answers from a YAML or JSON file mapping question id to answer: the session is the file's
    /// questions in its order (no prompts)
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

/// The longest time limit: a day is more than any practice session needs, and keeps deadline
/// arithmetic far from overflow.
const MAX_LIMIT: Duration = Duration::from_secs(24 * 60 * 60);

/// A positive duration of at most a day in humantime form ("90s", "15m", "1h30m").
fn parse_duration(text: &str) -> Result<Duration, String> {
    let duration = humantime::parse_duration(text.trim())
        .map_err(|_| "not a duration; use a number and a unit, like 90s, 15m or 1h30m".to_string())?;
    if duration.is_zero() {
        return Err("a time limit must be more than zero; use a duration like 90s or 15m".into());
    }
    if duration > MAX_LIMIT {
        return Err("a time limit can be at most 24h; use a duration like 90s, 15m or 1h30m".into());
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
        assert_eq!((defaults.count, defaults.pass_mark, defaults.exam), (None, 60, false));
    }

    #[test]
    fn durations_must_be_positive_and_well_formed() {
        assert_eq!(parse_duration("90s"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("1h30m"), Ok(Duration::from_secs(5400)));
        assert_eq!(parse_duration("24h"), Ok(MAX_LIMIT));
        for bad in ["0s", "-5m", "soon", "", "25h", "300000000000years", "18446744073709551615s"] {
            let error = parse_duration(bad).unwrap_err();
            assert!(error.contains("90s") && !error.contains("ms"), "{bad}: {error}");
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
        let Some(Command::List { filter, .. }) = cli.command else { panic!("not list") };
        assert_eq!(filter.topics, ["http", "security", "design"]);
    }
}
