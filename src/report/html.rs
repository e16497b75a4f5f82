//! The report as one self-contained HTML page: inline CSS, an inline SVG chart of topic scores,
//! no scripts, no network. Rendered by minijinja with HTML auto-escaping, so every bank or answer
//! text shows as text (an answer with `<script>` is escaped, never run).

use std::sync::LazyLock;
use std::time::Duration;

use minijinja::value::Serde;
use minijinja::{Environment, Value, context};
use serde::Serialize;

use super::{Report, TopicScore};
use crate::render::elapsed;
use crate::render::style::rounded;

/// The template's name ends in `.html`, which turns on minijinja's HTML auto-escaping.
const TEMPLATE: &str = "report.html";

static ENVIRONMENT: LazyLock<Environment<'static>> = LazyLock::new(|| {
    let mut env = environment();
    env.add_template(TEMPLATE, include_str!("report.html")).expect("the report template parses");
    env.add_filter("duration", |secs: f64| elapsed(Duration::from_secs_f64(secs.max(0.0))));
    env.add_filter("score", |score: f64| rounded(score));
    env
});

/// A template environment whose block tags leave no blank lines behind, with the shared topic
/// chart.
pub(super) fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    let syntax = minijinja::syntax::SyntaxConfig::builder().trim_blocks(true).lstrip_blocks(true).build();
    env.set_syntax(syntax.expect("the default delimiters are valid"));
    env.add_template("topic-chart.html", include_str!("topic-chart.html"))
        .expect("the chart template parses");
    env
}

/// One bar of the chart, laid out here so the template only places it.
#[derive(Debug, Serialize)]
pub struct Bar {
    pub label: String,
    pub y: usize,
    pub width: f64,
    pub score: u8,
    /// "good", "fair" or "poor": the colour class.
    pub grade: &'static str,
}

/// Height of one chart row in SVG units.
pub const ROW: usize = 28;
/// Width of a 100-point bar in SVG units.
pub const SCALE: f64 = 3.0;

/// Bars for `topics`, one row each.
pub fn bars(topics: &[(String, f64)]) -> Vec<Bar> {
    topics
        .iter()
        .enumerate()
        .map(|(i, (label, average))| {
            let score = rounded(*average);
            Bar {
                label: label.clone(),
                y: i * ROW,
                width: f64::from(score) * SCALE,
                score,
                grade: grade(score),
            }
        })
        .collect()
}

/// The colour class of a score, with the terminal's thresholds.
pub fn grade(score: u8) -> &'static str {
    match score {
        80.. => "good",
        50..=79 => "fair",
        _ => "poor",
    }
}

pub fn render(report: &Report) -> String {
    let topics: Vec<(String, f64)> =
        report.topics.iter().map(|t: &TopicScore| (t.topic.clone(), t.average)).collect();
    let bars = bars(&topics);
    let template = ENVIRONMENT.get_template(TEMPLATE).expect("the template is registered");
    template
        .render(context! {
            report => Value::from(Serde(report)),
            overall => report.overall.map(rounded),
            bars => Value::from(Serde(&bars)),
            chart_height => bars.len() * ROW,
            pass_x => 130.0 + f64::from(report.session.pass_mark) * SCALE,
            weak_ids => Value::from(Serde(report.weak_ids())),
        })
        .expect("the report template renders any report")
}
