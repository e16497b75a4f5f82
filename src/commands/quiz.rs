//! `quiz`: picks the questions, runs the session in the terminal or from a script, sums up.
//!
//! At a terminal the menu, prompts and feedback go to the terminal (even when stdout is
//! redirected) and the summary to stdout; a scripted session writes everything to stdout.

use std::fmt::Write as _;
use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::time::Duration;

use anyhow::{Context, Result};

use super::{Exit, plural};
use crate::bank::{Bank, Question};
use crate::cli::{Global, QuizArgs};
use crate::inert;
use crate::quiz::picker::{PickError, confirmation, pick_topics};
use crate::quiz::plan::{Filter, from_ids, order, select};
use crate::quiz::script::{AnswerFile, Lines};
use crate::quiz::session::{self, Responder, Settings, Shown};
use crate::quiz::terminal::Terminal;
use crate::quiz::timer::{Limits, SystemClock};
use crate::quiz::{feedback, interrupt};
use crate::report::{Report, text};
use crate::score::Vocabulary;

/// How many questions a session asks unless told.
const DEFAULT_COUNT: usize = 10;

/// The questions of a session, where their answers come from, and what to say first.
struct Plan<'a> {
    questions: Vec<&'a Question>,
    responder: Box<dyn Responder>,
    intro: Vec<String>,
}

pub fn run(bank: &Bank, global: &Global, args: &QuizArgs, out: &mut dyn Write) -> Result<Exit> {
    interrupt::install();
    let interactive = args.answers.is_none() && io::stdin().is_terminal();
    let limits = Limits { session: args.time, per_question: args.per_question };
    let filter = Filter::from(args.filter.clone());
    let plan = if let Some(path) = &args.answers {
        from_file(bank, path, &filter, args.count)?
    } else {
        let Some(filter) = filter_or_pick(bank, filter, interactive)? else {
            return Ok(Exit::Interrupted);
        };
        shuffled(bank, &filter, args, interactive)?
    };
    let shown: Vec<Question> = plan.questions.iter().map(|q| inert::question(q)).collect();
    let questions: Vec<&Question> = shown.iter().collect();
    let mut responder = plan.responder;
    let mut terminal = interactive.then(screen);
    let screen: &mut dyn Write = match terminal.as_mut() {
        Some(terminal) => terminal.as_mut(),
        None => &mut *out,
    };
    if !global.quiet {
        for (index, line) in plan.intro.iter().enumerate() {
            let note = if index + 1 == plan.intro.len() { limits_note(limits) } else { String::new() };
            writeln!(screen, "{line}{note}")?;
        }
        if interactive {
            writeln!(
                screen,
                "Type your answer and press Enter. :hint for a hint, :skip to skip, :quit to stop."
            )?;
        }
    }
    let vocabulary = Vocabulary::from_documents(bank.questions.iter().map(|q| q.answer.as_str()));
    let settings = Settings {
        limits,
        exam: args.exam,
        shown: Shown {
            prompts: interactive || !global.quiet,
            feedback: !global.quiet,
            echo: !interactive && !global.quiet,
        },
    };
    let finished = session::run(&questions, &vocabulary, responder.as_mut(), &SystemClock, settings, screen)?;
    let interrupted = finished.interrupted;
    if args.exam {
        write_exam_feedback(out, &questions, &finished.records)?;
    }
    let report = Report::new(finished, args.pass_mark);
    write!(out, "{}", text::render(&report, args.exam))?;
    Ok(if interrupted { Exit::Interrupted } else { Exit::Success })
}

/// The filter to use: as given, or with the topics chosen in the picker (a bare `quiz` at a
/// terminal). `None` when the candidate backed out of the picker.
fn filter_or_pick(bank: &Bank, mut filter: Filter, interactive: bool) -> Result<Option<Filter>> {
    if !filter.topics.is_empty() || !interactive {
        return Ok(Some(filter));
    }
    let term = console::Term::stderr();
    match pick_topics(bank, &term) {
        Ok(topics) if topics.is_empty() => {}
        Ok(topics) => {
            let width = usize::from(term.size().1).clamp(20, 100);
            term.write_line(&confirmation(&topics, width))?;
            filter.topics = topics;
        }
        Err(PickError::Cancelled) => {
            let _ = term.show_cursor();
            return Ok(None);
        }
        Err(error) => return Err(error.into()),
    }
    Ok(Some(filter))
}

/// A seeded shuffle of the matching questions, answered at the terminal or line by line.
fn shuffled<'a>(bank: &'a Bank, filter: &Filter, args: &QuizArgs, interactive: bool) -> Result<Plan<'a>> {
    let matching = select(bank, filter)?;
    let count = args.count.map_or(DEFAULT_COUNT, |n| n as usize);
    let available = matching.len();
    // Short enough to read off the screen and type again.
    let seed = args.seed.unwrap_or_else(|| rand::random_range(1..100_000));
    let questions = order(matching, seed, count);
    let mut intro = Vec::new();
    if available < count {
        intro.push(format!("Only {available} questions match; asking all of them."));
    }
    intro.push(format!("{} · seed {seed} (rerun with --seed {seed})", plural(questions.len(), "question")));
    let responder: Box<dyn Responder> = if interactive {
        Box::new(Terminal::new(screen()))
    } else {
        refuse_a_folder_on_stdin()?;
        Box::new(Lines::new(io::stdin()))
    };
    Ok(Plan { questions, responder, intro })
}

/// The file's questions in the file's order, narrowed by the filters and `--count`.
fn from_file<'a>(bank: &'a Bank, path: &Path, filter: &Filter, count: Option<u32>) -> Result<Plan<'a>> {
    let file = AnswerFile::load(path)?;
    let mut questions =
        from_ids(bank, file.ids(), filter).with_context(|| format!("in {}", path.display()))?;
    if let Some(count) = count {
        questions.truncate(count as usize);
    }
    let intro = vec![format!("{} from {}", plural(questions.len(), "question"), path.display())];
    Ok(Plan { questions, responder: Box::new(file), intro })
}

/// The terminal to draw prompts on: stdout, or the terminal itself when stdout is redirected.
fn screen() -> Box<dyn Write> {
    if io::stdout().is_terminal() {
        return Box::new(io::stdout());
    }
    match std::fs::OpenOptions::new().write(true).open("/dev/tty") {
        Ok(tty) => Box::new(tty),
        Err(_) => Box::new(io::stderr()),
    }
}

/// ` · 15m for the session · 2m a question`, or nothing without limits.
fn limits_note(limits: Limits) -> String {
    let mut note = String::new();
    if let Some(session) = limits.session {
        let _ = write!(note, " · {} for the session", short(session));
    }
    if let Some(each) = limits.per_question {
        let _ = write!(note, " · {} a question", short(each));
    }
    note
}

fn short(duration: Duration) -> String {
    humantime::format_duration(duration).to_string().replace(' ', "")
}

/// `quiz < folder` reads nothing useful: say so rather than end with no summary.
fn refuse_a_folder_on_stdin() -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        let stdin = std::fs::File::from(io::stdin().as_fd().try_clone_to_owned()?);
        if stdin.metadata().is_ok_and(|m| m.is_dir()) {
            anyhow::bail!("standard input is a folder; pipe the answers one a line, or use --answers FILE");
        }
    }
    Ok(())
}

/// Exam mode: the feedback held back during the session, question by question.
fn write_exam_feedback(
    out: &mut dyn Write,
    questions: &[&Question],
    records: &[session::Record],
) -> io::Result<()> {
    for (question, record) in questions.iter().zip(records) {
        let Some(assessment) = &record.assessment else {
            continue;
        };
        writeln!(out, "\n{} · {}", console::style(&question.id).bold(), question.topic)?;
        write!(out, "{}", feedback::render(question, assessment, true))?;
    }
    Ok(())
}
