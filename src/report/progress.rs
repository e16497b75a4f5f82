//! Progress over sessions (`rehearse stats`) as terminal text, JSON or an HTML page with a chart.

use std::fmt::Write;
use std::sync::LazyLock;

use console::style;
use minijinja::value::Serde;
use minijinja::{Environment, Value, context};
use serde::Serialize;

use super::html::{ROW, bars, environment};
use super::json::SCHEMA_VERSION;
use crate::history::stats::Stats;
use crate::render::style::{rounded, score_label};
use crate::render::{BAR_WIDTH, bar, elapsed, plural, sparkline};

const TEMPLATE: &str = "progress.html";

static ENVIRONMENT: LazyLock<Environment<'static>> = LazyLock::new(|| {
    let mut env = environment();
    env.add_template(TEMPLATE, include_str!("progress.html")).expect("the stats template parses");
    env.add_filter("score", |score: f64| rounded(score));
    env
});

/// The terminal view: per topic a bar of the overall average and a sparkline of the trend.
pub fn text(stats: &Stats, width: usize) -> String {
    let mut out = String::new();
    if stats.sessions == 0 {
        return "No sessions recorded yet; run `rehearse quiz` to start.\n".into();
    }
    let _ = writeln!(
        out,
        "{} · {} practised · {} · {} due for review",
        plural(stats.sessions, "session"),
        plural(stats.questions_practised, "question"),
        elapsed(stats.time_practised),
        stats.due
    );
    let name_width = stats.topics.iter().map(|t| t.topic.len()).max().unwrap_or(5);
    // Room left for the trend after the name, bar and score columns.
    let trend_room = width.saturating_sub(name_width + BAR_WIDTH + 14).max(5);
    let _ = writeln!(out, "\n{}", style("By topic (trend oldest → newest)").bold());
    for topic in &stats.topics {
        let recent = &topic.averages[topic.averages.len().saturating_sub(trend_room)..];
        let _ = writeln!(
            out,
            "  {:name_width$}  {}  {}  {}",
            topic.topic,
            bar(rounded(topic.overall), BAR_WIDTH),
            score_label(topic.overall),
            sparkline(recent)
        );
    }
    if !stats.weakest.is_empty() {
        let _ = writeln!(out, "\n{}", style("Weakest questions").bold());
        for q in &stats.weakest {
            let _ = writeln!(
                out,
                "  {}  {} ({}, {}, last {})",
                score_label(q.average),
                q.id,
                q.topic,
                plural(q.attempts, "attempt"),
                q.last_score
            );
        }
    }
    if stats.due > 0 {
        let _ = writeln!(out, "\n{} due: rehearse quiz --review", plural(stats.due, "question"));
    }
    out
}

#[derive(Serialize)]
struct Versioned<'a> {
    schema_version: u32,
    #[serde(flatten)]
    stats: &'a Stats,
}

pub fn json(stats: &Stats) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(&Versioned { schema_version: SCHEMA_VERSION, stats })
        .expect("stats always serialise");
    bytes.push(b'\n');
    bytes
}

/// A self-contained page: bars of each topic's average and a line chart of its trend.
pub fn html(stats: &Stats) -> String {
    let topics: Vec<(String, f64)> = stats.topics.iter().map(|t| (t.topic.clone(), t.overall)).collect();
    let bars = bars(&topics);
    let trends: Vec<String> = stats.topics.iter().map(|t| polyline(&t.averages)).collect();
    ENVIRONMENT
        .get_template(TEMPLATE)
        .expect("the template is registered")
        .render(context! {
            stats => Value::from(Serde(stats)),
            time_practised => elapsed(stats.time_practised),
            bars => Value::from(Serde(&bars)),
            trends => trends,
            chart_height => bars.len() * ROW,
        })
        .expect("the stats template renders any stats")
}

/// SVG polyline points for scores 0–100 in a 120×24 box.
fn polyline(scores: &[f64]) -> String {
    let step = if scores.len() > 1 { 120.0 / (scores.len() - 1) as f64 } else { 0.0 };
    scores
        .iter()
        .enumerate()
        .map(|(i, s)| format!("{:.1},{:.1}", i as f64 * step, 24.0 - s.clamp(0.0, 100.0) * 0.24))
        .collect::<Vec<_>>()
        .join(" ")
}
