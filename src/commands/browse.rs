//! `topics`, `list` and `show`: browsing the loaded bank, as text or JSON (the field names of
//! `score --format json`: `id`, `topic`, `difficulty`, `prompt`, `points`, `label`, `weight`).

use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Write};

use anyhow::Result;
use console::style;
use serde_json::json;

use super::{Exit, find_question};
use crate::bank::{Bank, Difficulty, Question};
use crate::cli::OutputFormat;
use crate::inert::{self, inert_line};
use crate::quiz::plan::{Filter, select};
use crate::render::style::rounded;
use crate::render::{indented, plural, terminal_width};

/// The topics table; `averages` (from the history) adds the candidate's average per topic.
pub fn topics(
    bank: &Bank,
    averages: &BTreeMap<String, f64>,
    format: OutputFormat,
    out: &mut dyn Write,
) -> Result<Exit> {
    let counts = |name: &str| {
        let count = |d: Difficulty| bank.questions_in(name).filter(|q| q.difficulty == d).count();
        (count(Difficulty::Easy), count(Difficulty::Medium), count(Difficulty::Hard))
    };
    if format == OutputFormat::Json {
        let topics: Vec<_> = bank
            .topics
            .iter()
            .map(|t| {
                let (easy, medium, hard) = counts(&t.name);
                json!({"topic": t.name, "title": t.title, "easy": easy, "medium": medium, "hard": hard,
                       "total": easy + medium + hard, "average": averages.get(&t.name)})
            })
            .collect();
        writeln!(out, "{}", serde_json::Value::Array(topics))?;
        return Ok(Exit::Success);
    }
    let width = bank.topics.iter().map(|t| t.name.len()).max().unwrap_or(5).max(5);
    let yours = if averages.is_empty() { String::new() } else { format!(" {:>5}", "yours") };
    writeln!(
        out,
        "{:width$}  {:>4} {:>6} {:>4} {:>5}{yours}  title",
        "topic", "easy", "medium", "hard", "total"
    )?;
    for topic in &bank.topics {
        let (easy, medium, hard) = counts(&topic.name);
        let total = easy + medium + hard;
        let yours = match averages.get(&topic.name) {
            _ if averages.is_empty() => String::new(),
            Some(average) => format!(" {:>5}", rounded(*average)),
            None => format!(" {:>5}", "-"),
        };
        let (name, title) = (inert_line(&topic.name), inert_line(&topic.title));
        writeln!(out, "{name:width$}  {easy:>4} {medium:>6} {hard:>4} {total:>5}{yours}  {title}")?;
    }
    writeln!(out, "{} in {}", plural(bank.questions.len(), "question"), plural(bank.topics.len(), "topic"))?;
    Ok(Exit::Success)
}

/// One line per question; at a terminal the prompt is cut to the width rather than wrapped.
pub fn list(bank: &Bank, filter: &Filter, format: OutputFormat, out: &mut dyn Write) -> Result<Exit> {
    let questions = select(bank, filter)?;
    if format == OutputFormat::Json {
        let rows: Vec<_> = questions
            .iter()
            .map(|q| json!({"id": q.id, "topic": q.topic, "difficulty": q.difficulty, "prompt": q.prompt}))
            .collect();
        writeln!(out, "{}", serde_json::Value::Array(rows))?;
        return Ok(Exit::Success);
    }
    let columns = io::stdout()
        .is_terminal()
        .then(|| console::Term::stdout().size_checked().map(|(_, w)| usize::from(w)))
        .flatten();
    let id_width = questions.iter().map(|q| q.id.len()).max().unwrap_or(2);
    let topic_width = questions.iter().map(|q| q.topic.len()).max().unwrap_or(5);
    for q in questions {
        let q = inert::question(q);
        let line = format!("{:id_width$}  {:topic_width$}  {:6}  {}", q.id, q.topic, q.difficulty, q.prompt);
        let line = line.replace('\n', " ");
        match columns {
            Some(width) => writeln!(out, "{}", console::truncate_str(&line, width.max(8), "…"))?,
            None => writeln!(out, "{line}")?,
        }
    }
    Ok(Exit::Success)
}

pub fn show(bank: &Bank, id: &str, verbose: bool, format: OutputFormat, out: &mut dyn Write) -> Result<Exit> {
    let q = find_question(bank, id)?;
    if format == OutputFormat::Json {
        writeln!(out, "{}", show_json(q))?;
        return Ok(Exit::Success);
    }
    let q = inert::question(q);
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

/// A question as JSON: JSON escapes control characters itself, so the text is given as it is.
fn show_json(q: &Question) -> serde_json::Value {
    let points: Vec<_> = q
        .points
        .iter()
        .map(|p| json!({"label": p.display(), "weight": p.weight, "alternatives": p.alternatives}))
        .collect();
    json!({
        "id": q.id,
        "topic": q.topic,
        "difficulty": q.difficulty,
        "prompt": q.prompt,
        "answer": q.answer,
        "points": points,
        "hint": q.hint,
    })
}
