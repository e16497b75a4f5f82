//! The report as terminal text: overall bar, per-topic table, weak topics.

use std::fmt::Write;

use console::style;

use super::Report;
use crate::quiz::feedback::{bar, score_style};
use crate::quiz::session::Status;
use crate::quiz::timer::elapsed;

const BAR_WIDTH: usize = 20;

/// Renders the summary; `with_answers` adds each question's score (exam mode, where no feedback
/// was shown along the way).
pub fn render(report: &Report, with_answers: bool) -> String {
    let mut out = String::new();
    let title = if report.interrupted { "Session summary (interrupted)" } else { "Session summary" };
    let _ = writeln!(out, "\n{}", style(title).bold().underlined());
    let c = report.counts;
    let counts = format!(
        "{} answered · {} skipped · {} timed out · {} unanswered · {}",
        c.answered,
        c.skipped,
        c.timed_out,
        c.unanswered,
        elapsed(report.elapsed)
    );
    let Some(overall) = report.overall else {
        let _ = writeln!(out, "No questions were answered ({counts}).");
        return out;
    };
    let _ = writeln!(out, "Overall  {}  {}   {counts}", bar(rounded(overall), BAR_WIDTH), number(overall));
    let width = report.topics.iter().map(|t| t.topic.len()).max().unwrap_or(5);
    let _ = writeln!(out, "\n{}", style("By topic").bold());
    for topic in &report.topics {
        let n = topic.questions.len();
        let questions = if n == 1 { "1 question".to_string() } else { format!("{n} questions") };
        let _ = writeln!(
            out,
            "  {:width$}  {}  {}   {questions}",
            topic.topic,
            bar(rounded(topic.average), BAR_WIDTH),
            number(topic.average)
        );
    }
    if report.weak.is_empty() {
        let _ = writeln!(out, "\nNo weak topics: every topic reached the pass mark of {}.", report.pass_mark);
    } else {
        let _ =
            writeln!(out, "\n{}", style(format!("Weak topics (below {})", report.pass_mark)).bold().red());
        for topic in &report.weak {
            let pulled: Vec<String> = topic
                .questions
                .iter()
                .filter(|(_, s)| *s < report.pass_mark)
                .map(|(id, s)| format!("{id} ({s})"))
                .collect();
            let _ =
                writeln!(out, "  {:width$}  {}  {}", topic.topic, number(topic.average), pulled.join(", "));
        }
    }
    if with_answers {
        let _ = writeln!(out, "\n{}", style("Answers").bold());
        for record in &report.records {
            let score = record.counted_score().map_or_else(|| "  -".to_string(), |s| format!("{s:>3}"));
            let status = match record.status {
                Status::Answered => "",
                Status::TimedOut => " (timed out)",
                Status::Skipped => " (skipped)",
                Status::Unanswered => " (unanswered)",
            };
            let _ = writeln!(out, "  {score}  {}{status}", record.id);
        }
    }
    out
}

fn rounded(score: f64) -> u8 {
    score.round().clamp(0.0, 100.0) as u8
}

fn number(score: f64) -> String {
    let rounded = rounded(score);
    score_style(rounded).bold().apply_to(format!("{rounded:>3}/100")).to_string()
}
