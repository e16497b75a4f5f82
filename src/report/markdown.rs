//! The report as Markdown for a code-hosting site: headings, tables, and every bank or answer text
//! escaped so it reads as written (a `|` does not break a table, a `<script>` stays text).

use std::fmt::Write;

use super::{QuestionResult, Report};
use crate::quiz::session::Status;
use crate::render::elapsed;
use crate::render::style::rounded;

pub fn render(report: &Report) -> String {
    let s = &report.session;
    let mut out = String::from("# Rehearse session report\n\n");
    let _ = writeln!(out, "| | |\n|---|---|");
    let mut row = |key: &str, value: String| {
        let _ = writeln!(out, "| {key} | {value} |");
    };
    row("Session", format!("`{}`", code(&s.id)));
    row("Started", text(&s.started_at));
    row("Bank", text(&s.bank));
    row("Topics", if s.topics.is_empty() { "all".into() } else { text(&s.topics.join(", ")) });
    row("Difficulty", s.difficulty.as_deref().map_or_else(|| "all".into(), text));
    row("Seed", s.seed.map_or_else(|| "-".into(), |seed| seed.to_string()));
    row("Time limit", limit(s.time_limit, s.per_question_limit));
    row("Time used", elapsed(report.elapsed));
    row("Pass mark", s.pass_mark.to_string());
    let c = report.counts;
    let overall = report.overall.map_or_else(|| "-".into(), |o| format!("**{}/100**", rounded(o)));
    row("Overall", overall);
    row(
        "Questions",
        format!(
            "{} answered · {} skipped · {} timed out · {} unanswered{}",
            c.answered,
            c.skipped,
            c.timed_out,
            c.unanswered,
            if report.interrupted { " (interrupted)" } else { "" }
        ),
    );
    write_topics(&mut out, report);
    out.push_str("\n## Answers\n");
    for (index, answer) in report.answers.iter().enumerate() {
        write_answer(&mut out, index, answer);
    }
    out
}

fn limit(session: Option<std::time::Duration>, question: Option<std::time::Duration>) -> String {
    match (session, question) {
        (None, None) => "none".into(),
        (Some(s), None) => format!("{} per session", elapsed(s)),
        (None, Some(q)) => format!("{} per question", elapsed(q)),
        (Some(s), Some(q)) => format!("{} per session, {} per question", elapsed(s), elapsed(q)),
    }
}

fn write_topics(out: &mut String, report: &Report) {
    if report.topics.is_empty() {
        return;
    }
    out.push_str("\n## By topic\n\n| Topic | Average | Questions |\n|---|---:|---:|\n");
    for topic in &report.topics {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            text(&topic.topic),
            rounded(topic.average),
            topic.questions.len()
        );
    }
    let pass = report.session.pass_mark;
    if report.weak.is_empty() {
        let _ = writeln!(out, "\nNo weak topics: every topic reached the pass mark of {pass}.");
        return;
    }
    let _ = writeln!(out, "\n## Weak topics (below {pass})\n");
    for topic in &report.weak {
        let questions: Vec<String> = topic
            .questions
            .iter()
            .filter(|q| q.score < pass)
            .map(|q| format!("`{}` ({})", code(&q.id), q.score))
            .collect();
        let _ = writeln!(
            out,
            "- **{}** {}: {}",
            text(&topic.topic),
            rounded(topic.average),
            questions.join(", ")
        );
    }
}

fn write_answer(out: &mut String, index: usize, answer: &QuestionResult) {
    let score = answer.score.map_or_else(|| "-".into(), |s| format!("{s}/100"));
    let status = match answer.status {
        Status::Answered => "",
        Status::TimedOut => " · timed out",
        Status::Skipped => " · skipped",
        Status::Unanswered => " · not asked",
    };
    let _ = writeln!(
        out,
        "\n### {}. `{}` · {score}{status}\n\n{} · {} · {}\n",
        index + 1,
        code(&answer.id),
        text(&answer.topic),
        text(&answer.difficulty),
        elapsed(answer.time_taken)
    );
    let _ = writeln!(out, "> {}\n", text(&answer.prompt));
    if !answer.answer.is_empty() {
        let _ = writeln!(out, "**Answer:** {}\n", text(&answer.answer));
    }
    let mut listed = false;
    for (heading, labels) in answer.verdict_lists() {
        if !labels.is_empty() {
            let items: Vec<String> = labels.iter().map(|l| text(l)).collect();
            let _ = writeln!(out, "- {heading}: {}", items.join("; "));
            listed = true;
        }
    }
    if listed {
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "<details><summary>Model answer</summary>\n\n{}\n\n</details>",
        text(&answer.model_answer)
    );
}

/// Text for a Markdown paragraph or table cell: one line, with Markdown and HTML syntax escaped.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// Text inside a code span: backticks cannot be escaped there, so they are replaced.
fn code(value: &str) -> String {
    value.replace('`', "'").replace(['\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::text;

    #[test]
    fn markdown_and_html_syntax_is_escaped() {
        assert_eq!(text("a | b"), "a \\| b");
        assert_eq!(text("<script>x</script>"), "&lt;script&gt;x&lt;/script&gt;");
        assert_eq!(text("**bold**\nnext"), "\\*\\*bold\\*\\* next");
    }
}
