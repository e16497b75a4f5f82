//! The report as terminal text: overall bar, per-topic table, weak topics; the full export adds
//! every answer with its points and the model answer.

use std::fmt::Write;

use console::style;

use super::{QuestionResult, Report};
use crate::quiz::session::Status;
use crate::render::style::{rounded, score_label};
use crate::render::{BAR_WIDTH, bar, elapsed, indented, plural};

/// The end-of-session summary; `with_answers` adds each question's score (exam mode, where no
/// feedback was shown along the way).
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
    // The counts get a line of their own: after the bar they would wrap mid-phrase at 80 columns.
    let _ = writeln!(out, "Overall  {}  {}", bar(rounded(overall), BAR_WIDTH), score_label(overall));
    let _ = writeln!(out, "         {counts}");
    write_topics(&mut out, report);
    if with_answers {
        let _ = writeln!(out, "\n{}", style("Answers").bold());
        for answer in &report.answers {
            let score = answer.score.map_or_else(|| "  -".to_string(), |s| format!("{s:>3}"));
            let _ = writeln!(out, "  {score}  {}{}", answer.id, status_note(answer.status));
        }
    }
    out
}

/// The whole report as text (for `report --format text` and `.txt` exports): the session's
/// settings, the summary, then every answer, wrapped to `width`.
pub fn render_full(report: &Report, width: usize) -> String {
    let s = &report.session;
    let mut out = format!("Session {} · {} · bank {}\n", s.id, s.started_at, s.bank);
    let _ = writeln!(out, "{}", settings_line(report));
    out.push_str(&render(report, false));
    for (index, answer) in report.answers.iter().enumerate() {
        write_answer(&mut out, index, answer, width);
    }
    out
}

/// "topics http, security · seed 7 · 15m per session · pass mark 60".
pub fn settings_line(report: &Report) -> String {
    let s = &report.session;
    let mut parts = Vec::new();
    parts.push(if s.topics.is_empty() {
        "all topics".to_string()
    } else {
        format!("topics {}", s.topics.join(", "))
    });
    if let Some(d) = &s.difficulty {
        parts.push(format!("difficulty {d}"));
    }
    if let Some(seed) = s.seed {
        parts.push(format!("seed {seed}"));
    }
    if let Some(limit) = s.time_limit {
        parts.push(format!("{} per session", elapsed(limit)));
    }
    if let Some(limit) = s.per_question_limit {
        parts.push(format!("{} per question", elapsed(limit)));
    }
    parts.push(format!("pass mark {}", s.pass_mark));
    parts.push(plural(report.answers.len(), "question"));
    parts.join(" · ")
}

fn write_topics(out: &mut String, report: &Report) {
    let width = report.topics.iter().map(|t| t.topic.len()).max().unwrap_or(5);
    let _ = writeln!(out, "\n{}", style("By topic").bold());
    for topic in &report.topics {
        let _ = writeln!(
            out,
            "  {:width$}  {}  {}   {}",
            topic.topic,
            bar(rounded(topic.average), BAR_WIDTH),
            score_label(topic.average),
            plural(topic.questions.len(), "question")
        );
    }
    let pass = report.session.pass_mark;
    if report.weak.is_empty() {
        let _ = writeln!(out, "\nNo weak topics: every topic reached the pass mark of {pass}.");
        return;
    }
    let _ = writeln!(out, "\n{}", style(format!("Weak topics (below {pass})")).bold().red());
    for topic in &report.weak {
        let pulled: Vec<String> = topic
            .questions
            .iter()
            .filter(|q| q.score < pass)
            .map(|q| format!("{} ({})", q.id, q.score))
            .collect();
        let _ =
            writeln!(out, "  {:width$}  {}  {}", topic.topic, score_label(topic.average), pulled.join(", "));
    }
}

fn write_answer(out: &mut String, index: usize, answer: &QuestionResult, width: usize) {
    let score = answer.score.map_or_else(|| "-".to_string(), |s| format!("{s}/100"));
    let _ = writeln!(
        out,
        "\n{}. {} · {} · {} · {score}{} · {}",
        index + 1,
        answer.id,
        answer.topic,
        answer.difficulty,
        status_note(answer.status),
        elapsed(answer.time_taken)
    );
    let _ = writeln!(out, "{}", indented(&answer.prompt, width, 2));
    if !answer.answer.is_empty() {
        let _ = writeln!(out, "  Answer\n{}", indented(&answer.answer, width, 4));
    }
    for (heading, labels) in answer.verdict_lists() {
        if !labels.is_empty() {
            let _ = writeln!(out, "  {heading}: {}", labels.join("; "));
        }
    }
    let _ = writeln!(out, "  Model answer\n{}", indented(&answer.model_answer, width, 4));
}

fn status_note(status: Status) -> &'static str {
    match status {
        Status::Answered => "",
        Status::TimedOut => " (timed out)",
        Status::Skipped => " (skipped)",
        Status::Unanswered => " (unanswered)",
    }
}
