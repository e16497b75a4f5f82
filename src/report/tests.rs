//! Every renderer on one fixed report: insta snapshots, plus the properties a snapshot cannot
//! state (valid JSON with seconds, parseable CSV, escaped HTML).

use std::path::Path;
use std::time::Duration;

use super::fixture::report;
use super::{Format, csv, html, json, markdown, progress, text};

#[test]
fn text_summary_snapshot() {
    console::set_colors_enabled(false);
    insta::assert_snapshot!(text::render(&report(), true));
}

#[test]
fn text_export_snapshot() {
    console::set_colors_enabled(false);
    insta::assert_snapshot!(String::from_utf8(Format::Text.render(&report(), 60)).unwrap());
}

#[test]
fn markdown_snapshot() {
    insta::assert_snapshot!(markdown::render(&report()));
}

#[test]
fn json_snapshot() {
    insta::assert_snapshot!(String::from_utf8(json::render(&report())).unwrap());
}

#[test]
fn csv_snapshot() {
    insta::assert_snapshot!(String::from_utf8(csv::render(&report())).unwrap());
}

#[test]
fn html_snapshot() {
    insta::assert_snapshot!(html::render(&report()));
}

#[test]
fn json_has_a_version_and_durations_in_seconds() {
    let value: serde_json::Value = serde_json::from_slice(&json::render(&report())).unwrap();
    assert_eq!(value["schema_version"], 1);
    assert_eq!(value["elapsed"], 245.0);
    assert_eq!(value["session"]["time_limit"], 900.0);
    assert_eq!(value["answers"][1]["time_taken"], 120.0);
    assert_eq!(value["answers"][1]["status"], "timed_out");
    assert_eq!(value["answers"][1]["contradicted"][0], "POST is not idempotent");
    assert_eq!(value["answers"][1]["wrong_claims"][0], "POST is safe to retry");
    assert_eq!(value["weak"][0]["topic"], "security");
}

#[test]
fn csv_has_a_header_and_one_row_per_question() {
    let bytes = csv::render(&report());
    let mut reader = ::csv::Reader::from_reader(bytes.as_slice());
    let header = reader.headers().unwrap().clone();
    assert_eq!(&header[2], "question");
    let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 5);
    let answer = header.iter().position(|h| h == "answer").unwrap();
    assert_eq!(&rows[0][answer], "PUT replaces the whole resource, PATCH changes \"some\" fields | partial.");
    assert_eq!(&rows[1][answer], "POST is idempotent,\nso retry it", "quotes, commas and newlines survive");
    assert_eq!(&rows[1][header.iter().position(|h| h == "timed_out").unwrap()], "true");
}

#[test]
fn html_escapes_every_text_and_is_self_contained() {
    let page = html::render(&report());
    assert!(!page.contains("<script>"), "an answer's markup must show as text");
    assert!(page.contains("&lt;script&gt;"));
    assert!(
        !page.contains("http://")
            || page.matches("http://").all(|_| page.contains("xmlns=\"http://www.w3.org/2000/svg\""))
    );
    assert!(!page.contains("src="), "no external resources");
    assert_eq!(page.matches("class=\"topic-row\"").count(), 2);
    assert_eq!(page.matches("class=\"topic-bar\"").count(), 2);
}

#[test]
fn the_format_follows_the_extension() {
    for (name, format) in [
        ("a.md", Some(Format::Markdown)),
        ("a.JSON", Some(Format::Json)),
        ("a.csv", Some(Format::Csv)),
        ("a.htm", Some(Format::Html)),
        ("a.txt", Some(Format::Text)),
        ("a.pdf", None),
        ("a", None),
    ] {
        assert_eq!(Format::from_path(Path::new(name)), format, "{name}");
    }
}

#[test]
fn weak_ids_are_the_questions_under_the_pass_mark() {
    assert_eq!(report().weak_ids(), ["http-idempotent-methods", "security-xss", "security-cors"]);
}

/// Two recorded sessions of the fixture, a week apart, the second one better.
fn progress_fixture() -> crate::history::stats::Stats {
    use crate::history::{Entry, sessions};
    let mut entries = Vec::new();
    for (id, at, bump) in [("s1", "2026-11-20T08:00:00Z", 0), ("s2", "2026-11-27T08:00:00Z", 20)] {
        let mut info = report().session;
        info.id = id.into();
        info.started_at = at.into();
        entries.push(Entry::Start { session: info, planned: Vec::new() });
        for mut answer in report().answers.into_iter().filter(|a| a.score.is_some()) {
            answer.score = answer.score.map(|s| s.saturating_add(bump).min(100));
            entries.push(Entry::Answer { session: id.into(), answer });
        }
        entries.push(Entry::End {
            session: id.into(),
            interrupted: false,
            elapsed: Duration::from_secs(245),
        });
    }
    let now = humantime::parse_rfc3339("2026-11-28T08:00:00Z").unwrap();
    crate::history::stats::stats(&sessions(entries), now)
}

#[test]
fn progress_text_snapshot() {
    console::set_colors_enabled(false);
    insta::assert_snapshot!(progress::text(&progress_fixture(), 80));
}

#[test]
fn progress_json_snapshot() {
    insta::assert_snapshot!(String::from_utf8(progress::json(&progress_fixture())).unwrap());
}

#[test]
fn progress_html_snapshot() {
    insta::assert_snapshot!(progress::html(&progress_fixture()));
}
