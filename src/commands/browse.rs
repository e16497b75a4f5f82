//! `topics`, `list` and `show`: browsing the loaded bank.

use std::io::Write;

use anyhow::Result;
use console::style;

use super::{Exit, find_question, plural};
use crate::bank::{Bank, Difficulty};
use crate::quiz::feedback::text_width;
use crate::quiz::plan::{Filter, select};

pub fn topics(bank: &Bank, out: &mut dyn Write) -> Result<Exit> {
    let width = bank.topics.iter().map(|t| t.name.len()).max().unwrap_or(5).max(5);
    writeln!(out, "{:width$}  {:>4} {:>6} {:>4} {:>5}  title", "topic", "easy", "medium", "hard", "total")?;
    for topic in &bank.topics {
        let count = |d: Difficulty| bank.questions_in(&topic.name).filter(|q| q.difficulty == d).count();
        let total = bank.questions_in(&topic.name).count();
        let (easy, medium, hard) =
            (count(Difficulty::Easy), count(Difficulty::Medium), count(Difficulty::Hard));
        writeln!(out, "{:width$}  {easy:>4} {medium:>6} {hard:>4} {total:>5}  {}", topic.name, topic.title)?;
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
    writeln!(out, "\n{}\n", textwrap::fill(&q.prompt, text_width()))?;
    writeln!(out, "{}", style("Model answer").bold())?;
    writeln!(out, "{}\n", textwrap::indent(&textwrap::fill(&q.answer, text_width() - 2), "  "))?;
    writeln!(out, "{}", style("Key points").bold())?;
    if q.points.is_empty() {
        writeln!(out, "  (derived from the model answer)")?;
    }
    for point in &q.points {
        let about = point.about.as_ref().map_or_else(String::new, |term| format!(", about {term}"));
        let bonus = if point.bonus { ", bonus" } else { "" };
        write!(out, "  - {} (weight {}{about}{bonus})", point.display(), point.weight)?;
        if verbose || point.label.is_some() {
            write!(out, ": {}", point.alternatives.join(" | "))?;
        }
        writeln!(out)?;
    }
    if verbose && !q.contrast.is_empty() {
        writeln!(out, "\n{}", style("Contrasted terms").bold())?;
        for side in &q.contrast {
            writeln!(out, "  - {}: {}", side.name, side.alternatives.join(" | "))?;
        }
    }
    if verbose && !q.wrong.is_empty() {
        writeln!(out, "\n{}", style("Wrong claims").bold())?;
        for claim in &q.wrong {
            writeln!(out, "  ✗ {}: {}", claim.label, claim.alternatives.join(" | "))?;
            writeln!(out, "    {}", claim.correction)?;
        }
    }
    if let Some(hint) = &q.hint {
        writeln!(out, "\n{} {}", style("Hint:").bold(), hint)?;
    }
    Ok(Exit::Success)
}
