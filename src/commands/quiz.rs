//! `quiz`: picks the questions, runs the session in the terminal or from a script, sums up.

use std::io::{self, IsTerminal, Write};

use anyhow::{Context, Result, bail};
use dialoguer::MultiSelect;
use dialoguer::theme::ColorfulTheme;

use super::{Exit, plural};
use crate::bank::{Bank, Question};
use crate::cli::{Global, QuizArgs};
use crate::quiz::plan::{Filter, order, select};
use crate::quiz::script::{AnswerFile, Lines};
use crate::quiz::session::{self, Responder, Settings};
use crate::quiz::terminal::Terminal;
use crate::quiz::timer::{Limits, SystemClock};
use crate::quiz::{feedback, interrupt};
use crate::report::{Report, text};

pub fn run(
    bank: &Bank,
    global: &Global,
    args: QuizArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Exit> {
    let interactive = args.answers.is_none() && io::stdin().is_terminal() && io::stdout().is_terminal();
    interrupt::install();
    let mut filter = Filter::from(args.filter);
    if filter.topics.is_empty() && interactive {
        match pick_topics(bank) {
            Ok(topics) => filter.topics = topics,
            Err(_) if interrupt::requested() => {
                let _ = console::Term::stdout().show_cursor();
                return Ok(Exit::Interrupted);
            }
            Err(error) => return Err(error),
        }
    }
    let matching = select(bank, &filter)?;
    let available = matching.len();
    let seed = args.seed.unwrap_or_else(rand::random);
    let questions = order(matching, seed, args.count as usize);
    // Read the answers file (if any) before printing anything, so a bad file is just one error line.
    let mut responder = responder(args.answers.as_deref(), &questions, interactive, err)?;
    if !global.quiet {
        if available < args.count as usize {
            writeln!(out, "Only {available} questions match; asking all of them.")?;
        }
        writeln!(out, "{} · seed {seed} (rerun with --seed {seed})", plural(questions.len(), "question"))?;
    }
    if interactive && !global.quiet {
        writeln!(out, "Type your answer and press Enter. :hint for a hint, :skip to skip, :quit to stop.")?;
    }
    let vocabulary = super::vocabulary_for(bank, questions.iter().copied());
    let settings = Settings {
        limits: Limits { session: args.time, per_question: args.per_question },
        exam: args.exam,
        chatty: !global.quiet,
        echo: !interactive && !global.quiet,
    };
    let outcome = session::run(&questions, &vocabulary, responder.as_mut(), &SystemClock, settings, out)?;
    let interrupted = outcome.interrupted;
    if args.exam {
        write_exam_feedback(out, &questions, &outcome.records)?;
    }
    let report = Report::new(outcome, args.pass_mark);
    write!(out, "{}", text::render(&report, args.exam))?;
    Ok(if interrupted { Exit::Interrupted } else { Exit::Success })
}

/// Where the answers come from: the answers file, the terminal, or lines of stdin.
fn responder(
    answers: Option<&std::path::Path>,
    questions: &[&Question],
    interactive: bool,
    err: &mut dyn Write,
) -> Result<Box<dyn Responder>> {
    Ok(match answers {
        Some(path) => Box::new(answer_file(path, questions, err)?),
        None if interactive => Box::new(Terminal),
        None => Box::new(Lines::new(io::BufReader::new(io::stdin()))),
    })
}

/// Without `--topic` in a terminal: every topic preselected, Enter starts.
fn pick_topics(bank: &Bank) -> Result<Vec<String>> {
    let names = bank.topic_names();
    let labels: Vec<String> = bank.topics.iter().map(|t| format!("{} — {}", t.name, t.title)).collect();
    let chosen = MultiSelect::with_theme(&ColorfulTheme::default())
        .with_prompt("Topics (space toggles, Enter starts)")
        .items(&labels)
        .defaults(&vec![true; labels.len()])
        .interact_opt()
        .context("cannot show the topic menu")?;
    match chosen {
        Some(indices) if !indices.is_empty() => {
            Ok(indices.into_iter().map(|i| names[i].to_string()).collect())
        }
        _ => bail!("no topic chosen; pick at least one, or pass --topic"),
    }
}

fn answer_file(path: &std::path::Path, questions: &[&Question], err: &mut dyn Write) -> Result<AnswerFile> {
    let file = AnswerFile::load(path)?;
    let unknown: Vec<&str> = file.unknown_ids(questions).collect();
    if !unknown.is_empty() {
        writeln!(
            err,
            "note: {} answers are for questions not in this session: {}",
            unknown.len(),
            unknown.join(", ")
        )?;
    }
    Ok(file)
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
