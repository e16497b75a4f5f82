//! History: reading back sessions, damaged lines, and appends that never lose or mix lines.

use std::time::Duration;

use super::store::parse;
use super::*;
use crate::report::fixture;

fn start(id: &str) -> Entry {
    let mut session = fixture::report().session;
    session.id = id.into();
    let planned = fixture::report()
        .answers
        .into_iter()
        .map(|mut a| {
            a.status = Status::Unanswered;
            a.score = None;
            a
        })
        .collect();
    Entry::Start { session, planned }
}

fn answer(id: &str, index: usize) -> Entry {
    Entry::Answer { session: id.into(), answer: fixture::report().answers[index].clone() }
}

fn end(id: &str) -> Entry {
    Entry::End { session: id.into(), interrupted: false, elapsed: Duration::from_secs(245) }
}

fn lines(entries: &[Entry]) -> String {
    entries.iter().map(|e| serde_json::to_string(e).unwrap() + "\n").collect()
}

#[test]
fn a_whole_session_reads_back_as_its_report() {
    let text =
        lines(&[start("s1"), answer("s1", 0), answer("s1", 1), answer("s1", 2), answer("s1", 3), end("s1")]);
    let loaded = parse(text.as_bytes());
    assert!(loaded.damaged.is_empty());
    assert_eq!(loaded.sessions.len(), 1);
    let mut expected = fixture::report();
    expected.session.id = "s1".into();
    assert_eq!(loaded.sessions[0].report(), expected);
}

#[test]
fn a_session_without_its_end_is_interrupted_and_keeps_its_answers() {
    let loaded = parse(lines(&[start("s1"), answer("s1", 0), answer("s1", 2)]).as_bytes());
    let session = &loaded.sessions[0];
    assert!(!session.finished);
    assert_eq!(session.asked().count(), 2);
    let report = session.report();
    assert!(report.interrupted);
    assert_eq!(report.counts.unanswered, 3);
    assert_eq!(report.elapsed, Duration::from_secs(42 + 65), "time used is the answers' time");
}

#[test]
fn a_truncated_last_line_is_reported_and_skipped() {
    let mut text = lines(&[start("s1"), answer("s1", 0)]);
    let partial = serde_json::to_string(&answer("s1", 1)).unwrap();
    text.push_str(&partial[..partial.len() / 2]);
    let loaded = parse(text.as_bytes());
    assert_eq!(loaded.damaged.len(), 1);
    assert_eq!(loaded.damaged[0].line, 3);
    assert_eq!(loaded.sessions[0].asked().count(), 1);
}

#[test]
fn a_corrupt_middle_line_is_reported_and_the_rest_is_read() {
    let mut text = lines(&[start("s1"), answer("s1", 0)]);
    text.push_str("{\"kind\":\"answer\",\"session\":\"s1\",\"answer\":{\"id\":42}}\n");
    text.push_str("\u{0}\u{0}garbage\n");
    text.push_str(&lines(&[answer("s1", 2), end("s1"), start("s2"), answer("s2", 1)]));
    let loaded = parse(text.as_bytes());
    assert_eq!(loaded.damaged.iter().map(|d| d.line).collect::<Vec<_>>(), [3, 4]);
    assert_eq!(loaded.sessions.len(), 2);
    assert_eq!(loaded.sessions[0].asked().count(), 2);
    assert!(loaded.sessions[0].finished);
    assert_eq!(loaded.sessions[1].asked().count(), 1);
}

#[test]
fn answers_whose_start_was_lost_still_make_a_session() {
    let loaded = parse(lines(&[answer("lost", 0), end("lost")]).as_bytes());
    assert_eq!(loaded.sessions.len(), 1);
    assert_eq!(loaded.sessions[0].info.id, "lost");
    assert_eq!(loaded.sessions[0].asked().count(), 1);
}

#[test]
fn appends_create_a_missing_folder_and_survive_a_cut_line() {
    let dir = tempfile::tempdir().unwrap();
    let history = History::in_dir(&dir.path().join("not").join("yet"));
    assert_eq!(history.load().unwrap(), Loaded::default(), "no file is an empty history");
    history.append(&start("s1")).unwrap();
    // A crash left half a line behind: the next append starts on a line of its own.
    std::fs::OpenOptions::new()
        .append(true)
        .open(history.path())
        .and_then(|mut f| std::io::Write::write_all(&mut f, b"{\"kind\":\"ans"))
        .unwrap();
    history.append(&answer("s1", 0)).unwrap();
    history.append(&end("s1")).unwrap();
    let loaded = history.load().unwrap();
    assert_eq!(loaded.damaged.len(), 1);
    assert_eq!(loaded.damaged[0].line, 2);
    assert_eq!(loaded.sessions[0].asked().count(), 1);
    assert!(loaded.sessions[0].finished);
}

#[test]
fn two_writers_at_once_lose_and_mix_no_line() {
    let dir = tempfile::tempdir().unwrap();
    let history = History::in_dir(dir.path());
    std::thread::scope(|scope| {
        for writer in ["a", "b"] {
            let history = history.clone();
            scope.spawn(move || {
                history.append(&start(writer)).unwrap();
                for i in 0..50 {
                    history.append(&answer(writer, i % 4)).unwrap();
                }
                history.append(&end(writer)).unwrap();
            });
        }
    });
    let text = std::fs::read_to_string(history.path()).unwrap();
    // Empty lines may appear (a writer that sees another's line half-written starts its own on a
    // fresh line); they are skipped when read. Every real line must be whole.
    let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 2 * 52);
    assert!(lines.iter().all(|l| serde_json::from_str::<Entry>(l).is_ok()));
    let loaded = history.load().unwrap();
    assert!(loaded.damaged.is_empty(), "{:?}", loaded.damaged);
    assert_eq!(loaded.sessions.len(), 2);
    assert!(loaded.sessions.iter().all(|s| s.finished));
}

#[test]
fn session_ids_sort_by_time() {
    assert_eq!(new_session_id("2026-11-27T08:21:00Z", 0xab), "20261127-082100-00ab");
}
