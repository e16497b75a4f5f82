//! `quiz`: picks the questions, runs the session in the terminal or from a script, sums up,
//! records the session in the history and exports its report.
//!
//! At a terminal the menu, prompts and feedback go to the terminal (even when stdout is
//! redirected) and the summary to stdout; a scripted session writes everything to stdout.

use std::fmt::Write as _;
use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::time::SystemTime;

use anyhow::{Context, Result};

use super::history::{HistoryLog, open_history};
use super::output::Target;
use super::screen::{limits_note, refuse_a_folder_on_stdin, screen};
use super::{Exit, bank_description, report_format};
use crate::bank::{Bank, Question};
use crate::cli::{Global, QuizArgs};
use crate::history::stats::{cards, recency};
use crate::history::{Entry, Recorded, new_session_id};
use crate::inert;
use crate::quiz::interrupt;
use crate::quiz::pick::{by_ids, prefer_not_recent, review_order};
use crate::quiz::picker::{PickError, confirmation, pick_topics};
use crate::quiz::plan::{Filter, from_ids, order, select};
use crate::quiz::script::{AnswerFile, Lines};
use crate::quiz::session::{self, FinishedSession, Responder, Settings, Shown, Status};
use crate::quiz::terminal::Terminal;
use crate::quiz::timer::{Limits, SystemClock};
use crate::render::{feedback, plural, terminal_width};
use crate::report::{Format, QuestionResult, Report, SessionInfo, text};
use crate::score::Examiner;

/// The questions of a session and how they were chosen.
struct Plan<'a> {
    questions: Vec<&'a Question>,
    /// How many questions matched the filters.
    available: usize,
    info: SessionInfo,
    /// The command that asks these questions again.
    rerun: String,
    /// The answers, when they come from a file.
    answers: Option<AnswerFile>,
}

/// How many questions a session asks unless told.
const DEFAULT_COUNT: usize = 10;

pub fn run(
    bank: &Bank,
    global: &Global,
    args: &QuizArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Exit> {
    let interactive = args.answers.is_none() && io::stdin().is_terminal();
    // A report file that cannot be written is refused before the first question, not after.
    let export = match &args.export.report {
        Some(path) => {
            Some((report_format(path, args.export.report_format)?, Target::prepare(path, args.export.force)?))
        }
        None => None,
    };
    interrupt::install();
    let mut history = if args.no_history { None } else { open_history(err) };
    let past = history.as_ref().map_or(&[][..], |h| h.sessions.as_slice());
    // The answers file (if any) is read here, before anything is printed, so a bad file is just
    // one error line.
    let Some(mut plan) = plan(bank, global, args, past, interactive)? else {
        let _ = console::Term::stderr().show_cursor();
        return Ok(Exit::Interrupted);
    };
    // Bank text is shown inert: a control character in a prompt cannot drive the terminal.
    let shown: Vec<Question> = plan.questions.iter().map(|q| inert::question(q)).collect();
    let answers = plan.answers.take();
    let plan = Plan { questions: shown.iter().collect(), ..plan };
    let mut responder = responder(answers, interactive)?;
    let settings = Settings {
        limits: Limits { session: args.time, per_question: args.per_question },
        exam: args.exam,
        shown: Shown {
            prompts: interactive || !global.quiet,
            feedback: !global.quiet,
            echo: !interactive && !global.quiet,
        },
        width: terminal_width(),
    };
    let mut terminal = interactive.then(screen);
    let screen: &mut dyn Write = match terminal.as_mut() {
        Some(terminal) => terminal.as_mut(),
        None => &mut *out,
    };
    if !global.quiet {
        write_intro(screen, args, &plan, interactive)?;
    }
    let finished = ask(bank, &plan, responder.as_mut(), settings, history.as_mut(), screen)?;
    if let Some(warning) = history.as_ref().and_then(|h| h.warning.as_ref()) {
        writeln!(err, "{warning}")?;
    }
    let interrupted = finished.interrupted;
    sum_up(out, plan, &finished, args, global.quiet, export, settings.width)?;
    Ok(if interrupted { Exit::Interrupted } else { Exit::Success })
}

fn write_intro(out: &mut dyn Write, args: &QuizArgs, plan: &Plan, interactive: bool) -> io::Result<()> {
    let count = args.count.map_or(DEFAULT_COUNT, |n| n as usize);
    if plan.available < plan.questions.len().max(count) && args.ids.is_empty() && plan.info.mode != "answers"
    {
        writeln!(out, "Only {} questions match; asking all of them.", plan.available)?;
    }
    let limits = limits_note(Limits { session: args.time, per_question: args.per_question });
    writeln!(out, "{} · {}{limits}", plural(plan.questions.len(), "question"), plan.rerun)?;
    if interactive {
        writeln!(out, "Type your answer and press Enter. :hint for a hint, :skip to skip, :quit to stop.")?;
    }
    Ok(())
}

/// Runs the session, recording its start, every question as it is done, and its end.
fn ask(
    bank: &Bank,
    plan: &Plan,
    responder: &mut dyn Responder,
    settings: Settings,
    mut history: Option<&mut HistoryLog>,
    out: &mut dyn Write,
) -> Result<FinishedSession> {
    let session = &plan.info.id;
    if let Some(log) = history.as_deref_mut() {
        let planned = plan.questions.iter().map(|q| unanswered(q)).collect();
        log.append(&Entry::Start { session: plan.info.clone(), planned });
    }
    // Scored against inert copies too, so the feedback's labels and corrections are shown inert.
    let scored = inert::questions(&bank.questions);
    let examiner = Examiner::new(&scored);
    let mut record_answer = |question: &Question, record: &session::Record| {
        if let Some(log) = history.as_deref_mut() {
            let answer = QuestionResult::new(question, record);
            log.append(&Entry::Answer { session: session.clone(), answer });
        }
    };
    let finished =
        session::run(&plan.questions, &examiner, responder, &SystemClock, settings, out, &mut record_answer)?;
    if let Some(log) = history {
        let (interrupted, elapsed) = (finished.interrupted, finished.elapsed);
        log.append(&Entry::End { session: session.clone(), interrupted, elapsed });
    }
    Ok(finished)
}

/// After the session: held-back feedback (exam), the summary, the command that re-asks the weak
/// questions, and the exported report.
fn sum_up(
    out: &mut dyn Write,
    plan: Plan,
    finished: &FinishedSession,
    args: &QuizArgs,
    quiet: bool,
    export: Option<(Format, Target)>,
    width: usize,
) -> Result<()> {
    if args.exam {
        write_exam_feedback(out, &plan.questions, &finished.records, width)?;
    }
    let answers =
        plan.questions.iter().zip(&finished.records).map(|(q, r)| QuestionResult::new(q, r)).collect();
    let report = Report::new(plan.info, answers, finished.interrupted, finished.elapsed);
    // The file first: it is kept even when the summary cannot be shown (a terminal that hung up).
    let written = match export {
        Some((format, target)) => {
            let path = target.path().display().to_string();
            target.write(&format.render(&report, width))?;
            Some(path)
        }
        None => None,
    };
    write!(out, "{}", text::render(&report, args.exam))?;
    let weak = report.weak_ids();
    if !weak.is_empty() && !quiet {
        writeln!(out, "\nRe-ask the weak ones: rehearse quiz --ids {}", weak.join(","))?;
    }
    if let Some(path) = written.filter(|_| !quiet) {
        writeln!(out, "Report written to {path}")?;
    }
    Ok(())
}

/// Chooses the questions: `--ids` exactly, `--review` by the schedule, else filtered and shuffled
/// by the seed, preferring questions not asked recently. `None` when the picker was cancelled.
fn plan<'a>(
    bank: &'a Bank,
    global: &Global,
    args: &QuizArgs,
    past: &[Recorded],
    interactive: bool,
) -> Result<Option<Plan<'a>>> {
    let mut filter = Filter::from(args.filter.clone());
    let mut info = session_info(global, args);
    if let Some(path) = &args.answers {
        return from_file(bank, path, &filter, args.count, info).map(Some);
    }
    if !args.ids.is_empty() {
        let questions = by_ids(bank, &args.ids)?;
        info.mode = "ids".into();
        let rerun = format!("rerun with --ids {}", args.ids.join(","));
        return Ok(Some(Plan { available: questions.len(), questions, info, rerun, answers: None }));
    }
    if filter.topics.is_empty() && interactive && !args.review {
        let Some(topics) = choose_topics(bank)? else {
            return Ok(None);
        };
        filter.topics = topics;
    }
    let matching = select(bank, &filter)?;
    let available = matching.len();
    // Short enough to read off the screen and type again.
    let seed = args.seed.unwrap_or_else(|| rand::random_range(1..100_000));
    let count = args.count.map_or(DEFAULT_COUNT, |n| n as usize);
    let shuffled = order(matching, seed, usize::MAX);
    let mut questions = if args.review {
        info.mode = "review".into();
        review_order(shuffled.clone(), &cards(past), SystemTime::now())
    } else if args.seed.is_none() {
        // An explicit seed reproduces a session exactly; only a fresh one steers by the history.
        prefer_not_recent(shuffled.clone(), &recency(past))
    } else {
        shuffled.clone()
    };
    questions.truncate(count);
    let ids: Vec<&str> = questions.iter().map(|q| q.id.as_str()).collect();
    let seeded: Vec<&str> = shuffled.iter().take(count).map(|q| q.id.as_str()).collect();
    let rerun = if ids == seeded && !args.review {
        format!("seed {seed} (rerun with {})", rerun_flags(seed, &filter, args.count))
    } else {
        format!("chosen from your history (rerun with --ids {})", ids.join(","))
    };
    info.seed = Some(seed);
    info.topics.clone_from(&filter.topics);
    Ok(Some(Plan { questions, available, info, rerun, answers: None }))
}

/// `--answers FILE`: the file's questions in the file's order, narrowed by the filters and
/// `--count`; an id the bank does not have is an error.
fn from_file<'a>(
    bank: &'a Bank,
    path: &Path,
    filter: &Filter,
    count: Option<u32>,
    mut info: SessionInfo,
) -> Result<Plan<'a>> {
    let file = AnswerFile::load(path)?;
    let mut questions =
        from_ids(bank, file.ids(), filter).with_context(|| format!("in {}", path.display()))?;
    if let Some(count) = count {
        questions.truncate(count as usize);
    }
    info.mode = "answers".into();
    let rerun = format!("answers from {}", path.display());
    Ok(Plan { available: questions.len(), questions, info, rerun, answers: Some(file) })
}

/// The topic picker of a bare `quiz` at a terminal: the chosen topics (none: all, when the bank
/// has a single topic), or `None` when the candidate backed out.
fn choose_topics(bank: &Bank) -> Result<Option<Vec<String>>> {
    let term = console::Term::stderr();
    match pick_topics(bank, &term) {
        Ok(topics) => {
            if !topics.is_empty() {
                let width = usize::from(term.size().1).clamp(20, 100);
                term.write_line(&confirmation(&topics, width))?;
            }
            // Every topic is no filter at all: the rerun line stays short.
            let all = topics.len() == bank.topics.len();
            Ok(Some(if all { Vec::new() } else { topics }))
        }
        Err(PickError::Cancelled) => Ok(None),
        Err(error) => Err(error.into()),
    }
}

/// `--seed 6 -t http,security -d hard -n 5`: the flags that ask the same questions again,
/// including the topics picked in the menu.
fn rerun_flags(seed: u64, filter: &Filter, count: Option<u32>) -> String {
    let mut flags = format!("--seed {seed}");
    if !filter.topics.is_empty() {
        let _ = write!(flags, " -t {}", filter.topics.join(","));
    }
    if let Some(difficulty) = filter.difficulty {
        let _ = write!(flags, " -d {difficulty}");
    }
    if let Some(count) = count.filter(|&n| n as usize != DEFAULT_COUNT) {
        let _ = write!(flags, " -n {count}");
    }
    flags
}

fn session_info(global: &Global, args: &QuizArgs) -> SessionInfo {
    let started_at = humantime::format_rfc3339_seconds(SystemTime::now()).to_string();
    SessionInfo {
        id: new_session_id(&started_at, rand::random()),
        started_at,
        bank: bank_description(global),
        topics: args.filter.topics.clone(),
        difficulty: args.filter.difficulty.map(|d| d.to_string()),
        seed: args.seed,
        time_limit: args.time,
        per_question_limit: args.per_question,
        pass_mark: args.pass_mark,
        mode: "quiz".into(),
    }
}

/// A planned question before it is asked.
fn unanswered(question: &Question) -> QuestionResult {
    let record = session::Record {
        id: question.id.clone(),
        topic: question.topic.clone(),
        difficulty: question.difficulty,
        prompt: question.prompt.clone(),
        answer: String::new(),
        status: Status::Unanswered,
        assessment: None,
        elapsed: std::time::Duration::ZERO,
    };
    QuestionResult::new(question, &record)
}

/// Where the answers come from: the answers file, the terminal, or lines of stdin.
fn responder(answers: Option<AnswerFile>, interactive: bool) -> Result<Box<dyn Responder>> {
    Ok(match answers {
        Some(file) => Box::new(file),
        None if interactive => Box::new(Terminal::new(screen())),
        None => {
            refuse_a_folder_on_stdin()?;
            Box::new(Lines::new(io::stdin()))
        }
    })
}

/// Exam mode: the feedback held back during the session, question by question.
fn write_exam_feedback(
    out: &mut dyn Write,
    questions: &[&Question],
    records: &[session::Record],
    width: usize,
) -> io::Result<()> {
    for (question, record) in questions.iter().zip(records) {
        let Some(assessment) = &record.assessment else {
            continue;
        };
        writeln!(out, "\n{} · {}", console::style(&question.id).bold(), question.topic)?;
        write!(out, "{}", feedback::render(question, assessment, true, width))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::Difficulty;

    #[test]
    fn the_rerun_line_names_the_picked_topics_and_filters() {
        let filter =
            Filter { topics: vec!["http".into(), "security".into()], difficulty: Some(Difficulty::Hard) };
        assert_eq!(rerun_flags(6, &filter, Some(5)), "--seed 6 -t http,security -d hard -n 5");
        assert_eq!(rerun_flags(6, &Filter::default(), Some(10)), "--seed 6");
        assert_eq!(rerun_flags(6, &Filter::default(), None), "--seed 6");
    }
}
