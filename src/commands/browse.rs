//! `topics`, `list` and `show`: browsing the loaded bank.

use std::collections::BTreeMap;
use std::io::Write;

use anyhow::Result;
use console::style;

use super::{Exit, find_question};
use crate::bank::{Bank, Difficulty};
use crate::quiz::plan::{Filter, select};
use crate::render::style::rounded;
use crate::render::{indented, plural, terminal_width};

/// The topics table; `averages` (from the history) adds the candidate's average per topic.
pub fn topics(bank: &Bank, averages: &BTreeMap<String, f64>, out: &mut dyn Write) -> Result<Exit> {
    let width = bank.topics.iter().map(|t| t.name.len()).max().unwrap_or(5).max(5);
    let yours = if averages.is_empty() { String::new() } else { format!(" {:>5}", "yours") };
    writeln!(
        out,
        "{:width$}  {:>4} {:>6} {:>4} {:>5}{yours}  title",
        "topic", "easy", "medium", "hard", "total"
    )?;
    for topic in &bank.topics {
        let count = |d: Difficulty| bank.questions_in(&topic.name).filter(|q| q.difficulty == d).count();
        let total = bank.questions_in(&topic.name).count();
        let (easy, medium, hard) =
            (count(Difficulty::Easy), count(Difficulty::Medium), count(Difficulty::Hard));
        let yours = match averages.get(&topic.name) {
            _ if averages.is_empty() => String::new(),
            Some(average) => format!(" {:>5}", rounded(*average)),
            None => format!(" {:>5}", "-"),
        };
        writeln!(
            out,
            "{:width$}  {easy:>4} {medium:>6} {hard:>4} {total:>5}{yours}  {}",
            topic.name, topic.title
        )?;
    }
    writeln!(out, "{} in {}", plural(bank.questions.len(), "question"), plural(bank.topics.len(), "topic"))?;
    Ok(Exit::Success)
}

pub fn list(bank: &Bank, filter: &Filter, out: &mut dyn Write) -> Result<Exit> {
    let questions = select(bank, filter)?;
    let id_width = questions.iter().map(|q| q.id.len()).max().unwrap_or(2);
    let topic_width = questions.iter().map(|q| q.topic.len()).max().unwrap_or(5);
    for q in questions {
        writeln!(out, "{:id_width$}  {:topic_width$}  {:6}  {}", q.id, q.topic, q.difficulty, q.prompt)?;
    }
    Ok(Exit::Success)
}

pub fn show(bank: &Bank, id: &str, verbose: bool, out: &mut dyn Write) -> Result<Exit> {
    let q = find_question(bank, id)?;
    writeln!(out, "{} · {} · {}", style(&q.id).bold(), q.topic, q.difficulty)?;
    let width = terminal_width();
    writeln!(out, "\n{}\n", textwrap::fill(&q.prompt, width))?;
    writeln!(out, "{}", style("Model answer").bold())?;
    writeln!(out, "{}\n", indented(&q.answer, width, 2))?;
    writeln!(out, "{}", style("Key points").bold())?;
    if q.points.is_empty() {
        writeln!(out, "  (derived from the model answer)")?;
    }
    for point in &q.points {
        write!(out, "  - {} (weight {})", point.display(), point.weight)?;
        if verbose || point.label.is_some() {
            write!(out, ": {}", point.alternatives.join(" | "))?;
        }
        writeln!(out)?;
    }
    if let Some(hint) = &q.hint {
        writeln!(out, "\n{} {}", style("Hint:").bold(), hint)?;
    }
    Ok(Exit::Success)
}
