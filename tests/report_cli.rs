//! Exports, `report`, `stats`, `topics` averages, `--review`, `--ids` and the history behind them,
//! end to end. Every test has a history home of its own.

use std::path::Path;

use predicates::prelude::*;
use serde_json::Value;

use crate::util::{Run, assert_error, finish, rehearse, spawn_piped_with};

/// `rehearse args` with `stdin`, recording into `home`.
fn run_in(home: &Path, args: &[&str], stdin: &str) -> Run {
    finish(rehearse().env("REHEARSE_HOME", home).args(args).write_stdin(stdin))
}

/// A scripted http session of three questions with seed 6: PUT vs PATCH answered, the next skipped,
/// the third answered with markup.
fn session(home: &Path, extra: &[&str]) -> Run {
    let mut args = vec!["quiz", "-t", "http", "-n", "3", "--seed", "6"];
    args.extend_from_slice(extra);
    let stdin =
        "PUT replaces the whole resource, PATCH changes some fields\n\n<script>alert(1)</script> backoff\n";
    run_in(home, &args, stdin)
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

#[test]
fn every_format_is_exported_from_its_extension() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path();
    for (name, must_contain) in [
        ("r.md", "# Rehearse session report"),
        ("r.json", "\"schema_version\": 1"),
        ("r.csv", "session,started_at,question,topic"),
        ("r.html", "<svg id=\"topic-chart\""),
        ("r.txt", "Session summary"),
    ] {
        let path = dir.join(name);
        let run = session(dir, &["-o", path.to_str().unwrap()]);
        assert_eq!(run.code, Some(0), "{run:#?}");
        assert!(run.stdout.contains(&format!("Report written to {}", path.display())), "{run:#?}");
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(must_contain), "{name}: {text}");
    }
    let report = json(&std::fs::read_to_string(dir.join("r.json")).unwrap());
    assert_eq!(report["answers"][0]["id"], "http-put-vs-patch");
    assert!(report["answers"][0]["time_taken"].is_number(), "durations are seconds");
    assert_eq!(report["answers"][1]["status"], "skipped");
    let html = std::fs::read_to_string(dir.join("r.html")).unwrap();
    assert!(html.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;") && !html.contains("<script>"));
    // --report-format wins over the extension.
    let path = dir.join("r.data");
    let run = session(dir, &["-o", path.to_str().unwrap(), "--report-format", "csv"]);
    assert_eq!(run.code, Some(0), "{run:#?}");
    assert!(std::fs::read_to_string(&path).unwrap().starts_with("session,"));
    assert!(
        !std::fs::read_dir(dir).unwrap().any(|e| e.unwrap().file_name().to_string_lossy().ends_with(".tmp"))
    );
}

#[test]
fn an_existing_report_is_replaced_only_with_force() {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("report.md");
    std::fs::write(&path, "keep me").unwrap();
    let target = path.to_str().unwrap();
    let run = session(home.path(), &["-o", target]);
    assert_error(&run, &format!("error: `{target}` already exists; pass --force to replace it"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "keep me");
    let run = session(home.path(), &["-o", target, "--force"]);
    assert_eq!(run.code, Some(0), "{run:#?}");
    assert!(std::fs::read_to_string(&path).unwrap().starts_with("# Rehearse session report"));
}

#[test]
fn a_bad_report_path_is_refused_before_the_first_question() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("file");
    std::fs::write(&file, "").unwrap();
    // A folder under a regular file cannot exist, even for root.
    let under_file = file.join("report.md");
    let run = session(home.path(), &["-o", under_file.to_str().unwrap()]);
    assert_error(
        &run,
        &format!("error: cannot write `{}`: `{}` is not a folder", under_file.display(), file.display()),
    );
    let missing = home.path().join("no").join("report.md");
    let run = session(home.path(), &["-o", missing.to_str().unwrap()]);
    assert_error(
        &run,
        &format!(
            "error: cannot write `{}`: the folder `{}` does not exist",
            missing.display(),
            home.path().join("no").display()
        ),
    );
    let run = session(home.path(), &["-o", "report.pdf"]);
    assert_error(
        &run,
        "error: cannot tell the report format from `report.pdf`; name it .md, .json, .csv, .html or .txt, or give the format",
    );
    assert!(!home.path().join("history.jsonl").exists(), "nothing was asked, nothing recorded");
}

#[cfg(unix)]
#[test]
fn an_interrupted_session_still_writes_its_report() {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("partial.json");
    let args = ["quiz", "-t", "http", "-n", "3", "--seed", "6", "-o", path.to_str().unwrap()];
    let mut child = spawn_piped_with(&args, &[("REHEARSE_HOME", home.path())]);
    child.wait_for("Question 1/3");
    child.send(b"PUT replaces the whole resource\n");
    child.wait_for("Question 2/3");
    child.kill("INT");
    // Stdin stays open until the summary shows, so only the signal can have ended the session.
    child.wait_for("Session summary (interrupted)");
    let run = child.finish();
    assert_eq!(run.code, Some(130), "{run:#?}");
    let report = json(&std::fs::read_to_string(&path).unwrap());
    assert_eq!(report["interrupted"], true);
    assert_eq!(report["counts"]["answered"], 1);
    assert_eq!(report["counts"]["unanswered"], 2);
}

#[test]
fn report_renders_a_recorded_session_again() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path();
    let run = run_in(dir, &["report"], "");
    assert_error(&run, "error: no recorded sessions yet; run `rehearse quiz` first");
    assert_eq!(session(dir, &[]).code, Some(0));
    assert_eq!(run_in(dir, &["quiz", "--ids", "http-put-vs-patch"], "PUT replaces it\n").code, Some(0));
    let last = run_in(dir, &["report", "--format", "json"], "");
    assert_eq!(last.code, Some(0), "{last:#?}");
    let last = json(&last.stdout);
    assert_eq!(last["session"]["mode"], "ids");
    let first = json(&run_in(dir, &["report", "-2", "--format", "json"], "").stdout);
    assert_eq!(first["session"]["seed"], 6);
    assert_eq!(first["answers"].as_array().unwrap().len(), 3);
    let id = first["session"]["id"].as_str().unwrap();
    let by_id = run_in(dir, &["report", id, "--format", "md"], "");
    assert!(by_id.stdout.starts_with("# Rehearse session report"), "{by_id:#?}");
    let out = dir.join("again.html");
    let run = run_in(dir, &["report", "-2", "--output", out.to_str().unwrap()], "");
    assert_eq!((run.code, run.stdout.as_str()), (Some(0), ""), "{run:#?}");
    assert!(std::fs::read_to_string(&out).unwrap().contains("<svg"));
    assert_error(
        &run_in(dir, &["report", "-3"], ""),
        "error: there are 2 recorded sessions; `-3` is out of range",
    );
}

#[test]
fn stats_and_topics_show_progress_from_the_history() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path();
    assert_eq!(
        run_in(dir, &["stats"], "").stdout,
        "No sessions recorded yet; run `rehearse quiz` to start.\n"
    );
    assert!(!run_in(dir, &["topics"], "").stdout.contains("yours"));
    assert_eq!(session(dir, &[]).code, Some(0));
    assert_eq!(session(dir, &[]).code, Some(0));
    let text = run_in(dir, &["stats"], "");
    assert_eq!(text.code, Some(0), "{text:#?}");
    assert!(text.stdout.starts_with("2 sessions · 3 questions practised"), "{}", text.stdout);
    assert!(text.stdout.contains("Weakest questions"), "{}", text.stdout);
    let stats = json(&run_in(dir, &["stats", "--format", "json"], "").stdout);
    assert_eq!(stats["schema_version"], 1);
    assert_eq!(stats["topics"][0]["topic"], "http");
    assert_eq!(stats["topics"][0]["averages"].as_array().unwrap().len(), 2);
    assert_eq!(stats["weakest"].as_array().unwrap().len(), 3);
    assert!(run_in(dir, &["stats", "--format", "html"], "").stdout.contains("<polyline"));
    let topics = run_in(dir, &["topics"], "").stdout;
    let http = topics.lines().find(|l| l.starts_with("http")).unwrap();
    let average = stats["topics"][0]["overall"].as_f64().unwrap().round();
    assert!(http.contains(&format!(" {average} ")), "{topics}");
    assert!(topics.lines().next().unwrap().contains("yours"), "{topics}");
}

#[test]
fn ids_ask_exactly_those_and_end_with_the_command_for_the_weak_ones() {
    let home = tempfile::tempdir().unwrap();
    let run = run_in(home.path(), &["quiz", "--ids", "http-safe-idempotent,http-put-vs-patch"], "\n\n");
    assert_eq!(run.code, Some(0), "{run:#?}");
    let asked: Vec<&str> = run.stdout.lines().filter(|l| l.starts_with("Question ")).collect();
    assert_eq!(asked.len(), 2);
    assert!(run.stdout.contains("2 questions · rerun with --ids http-safe-idempotent,http-put-vs-patch"));
    assert!(
        run.stdout
            .trim_end()
            .ends_with("Re-ask the weak ones: rehearse quiz --ids http-safe-idempotent,http-put-vs-patch"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("Skipped.\nModel answer"), "a skip shows the model answer: {}", run.stdout);
    let run = run_in(home.path(), &["quiz", "--ids", "http-put-vs-pach"], "");
    assert_error(&run, "error: no question with id `http-put-vs-pach` (did you mean `http-put-vs-patch`?)");
}

/// History lines for one finished session started at `at`, with these (id, score) answers.
fn recorded(session: &str, at: &str, answers: &[(&str, u8)]) -> String {
    let mut lines = vec![format!(
        r#"{{"kind":"start","session":{{"id":"{session}","started_at":"{at}","bank":"built-in","pass_mark":60}},"planned":[]}}"#
    )];
    for (id, score) in answers {
        lines.push(format!(
            r#"{{"kind":"answer","session":"{session}","answer":{{"id":"{id}","topic":"http","difficulty":"medium","prompt":"?","answer":"x","status":"answered","score":{score},"model_answer":"m","time_taken":10.5}}}}"#
        ));
    }
    lines.push(format!(r#"{{"kind":"end","session":"{session}","interrupted":false,"elapsed":30}}"#));
    lines.join("\n") + "\n"
}

#[test]
fn review_asks_due_questions_then_the_weakest_then_unseen_ones() {
    let home = tempfile::tempdir().unwrap();
    let mut history =
        recorded("old", "2020-01-01T00:00:00Z", &[("http-put-vs-patch", 90), ("http-429-rate-limit", 10)]);
    // Answered "now" as far as the schedule can tell: not due, but weak.
    history.push_str(&recorded("new", "2999-01-01T00:00:00Z", &[("http-redirects", 20)]));
    std::fs::write(home.path().join("history.jsonl"), history).unwrap();
    let run = run_in(home.path(), &["quiz", "--review", "-t", "http", "-n", "4", "--seed", "1"], "");
    assert_eq!(run.code, Some(0), "{run:#?}");
    let asked_order = run_in(home.path(), &["report", "--format", "json"], "");
    let report = json(&asked_order.stdout);
    let ids: Vec<&str> =
        report["answers"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(&ids[..3], ["http-429-rate-limit", "http-put-vs-patch", "http-redirects"], "{ids:?}");
    assert!(!["http-429-rate-limit", "http-put-vs-patch", "http-redirects"].contains(&ids[3]));
    assert_eq!(report["session"]["mode"], "review");
    let rerun = "4 questions · chosen from your history (rerun with --ids http-429-rate-limit,http-put-vs-patch,http-redirects,";
    assert!(run.stdout.contains(rerun), "{}", run.stdout);
}

#[test]
fn a_session_without_a_seed_prefers_questions_not_asked_recently() {
    let home = tempfile::tempdir().unwrap();
    let ids = run_in(home.path(), &["list", "-t", "http"], "").stdout;
    let ids: Vec<&str> = ids.lines().map(|l| l.split_whitespace().next().unwrap()).collect();
    let (fresh, asked) = ids.split_at(2);
    let answers: Vec<(&str, u8)> = asked.iter().map(|id| (*id, 50)).collect();
    std::fs::write(home.path().join("history.jsonl"), recorded("s", "2020-01-01T00:00:00Z", &answers))
        .unwrap();
    let run = run_in(home.path(), &["quiz", "-t", "http", "-n", "2"], "");
    assert_eq!(run.code, Some(0), "{run:#?}");
    let report = json(&run_in(home.path(), &["report", "--format", "json"], "").stdout);
    let mut picked: Vec<&str> =
        report["answers"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect();
    picked.sort_unstable();
    let mut fresh = fresh.to_vec();
    fresh.sort_unstable();
    assert_eq!(picked, fresh);
}

#[test]
fn no_history_records_nothing() {
    let home = tempfile::tempdir().unwrap();
    assert_eq!(session(home.path(), &["--no-history"]).code, Some(0));
    assert!(!home.path().join("history.jsonl").exists());
}

#[test]
fn a_missing_data_folder_is_created() {
    let home = tempfile::tempdir().unwrap();
    let deep = home.path().join("a").join("b");
    assert_eq!(session(&deep, &[]).code, Some(0));
    let report = run_in(&deep, &["report", "--format", "json"], "");
    assert_eq!(report.stderr, "");
    assert_eq!(json(&report.stdout)["counts"]["answered"], 2);
}

#[test]
fn damaged_lines_are_reported_with_their_number_and_skipped() {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("history.jsonl");
    let good = recorded("s1", "2020-01-01T00:00:00Z", &[("http-put-vs-patch", 70)]);
    let mut lines: Vec<&str> = good.lines().collect();
    lines.insert(1, "{\"kind\":\"answer\",\"sess");
    let mut text = lines.join("\n") + "\n";
    text.push_str("{\"kind\":\"start\",\"session\":{\"id\":\"s2\"");
    std::fs::write(&path, &text).unwrap();
    let run = run_in(home.path(), &["report", "s1", "--format", "json"], "");
    assert_eq!(run.code, Some(0), "{run:#?}");
    let warnings: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(warnings.len(), 2, "{run:#?}");
    assert!(warnings[0].starts_with(&format!("warning: {}:2: damaged line skipped (", path.display())));
    assert!(warnings[1].starts_with(&format!("warning: {}:5: damaged line skipped (", path.display())));
    assert_eq!(json(&run.stdout)["counts"]["answered"], 1);
    // A new session goes on a line of its own after the cut one, and the file is never rewritten.
    assert_eq!(session(home.path(), &[]).code, Some(0));
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(after.starts_with(&text), "damaged lines are kept as they were");
    let stats = run_in(home.path(), &["stats", "--format", "json"], "");
    assert_eq!(json(&stats.stdout)["sessions"], 2, "{stats:#?}");
    assert!(predicate::str::contains(":5: damaged line skipped").eval(&stats.stderr));
}

#[cfg(unix)]
#[test]
fn kill_9_mid_session_loses_only_the_answer_in_progress() {
    let home = tempfile::tempdir().unwrap();
    let args = ["quiz", "-t", "http", "-n", "4", "--seed", "6"];
    let mut child = spawn_piped_with(&args, &[("REHEARSE_HOME", home.path())]);
    child.wait_for("Question 1/4");
    child.send(b"PUT replaces the whole resource\n");
    child.wait_for("Question 2/4");
    child.send(b"\n");
    child.wait_for("Question 3/4");
    child.send(b"half an ans");
    child.kill("KILL");
    let run = child.finish();
    assert_eq!(run.code, None, "killed by a signal");
    let report = run_in(home.path(), &["report", "--format", "json"], "");
    assert_eq!(report.stderr, "", "no damaged line");
    let report = json(&report.stdout);
    assert_eq!(report["interrupted"], true, "a session without its end line was cut short");
    assert_eq!(
        (report["counts"]["answered"].as_u64(), report["counts"]["skipped"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(report["counts"]["unanswered"], 2);
}

#[cfg(unix)]
#[test]
fn two_sessions_at_once_keep_every_line() {
    let home = tempfile::tempdir().unwrap();
    let env = [("REHEARSE_HOME", home.path())];
    let mut a = spawn_piped_with(&["quiz", "-t", "http", "-n", "3", "--seed", "1"], &env);
    let mut b = spawn_piped_with(&["quiz", "-t", "security", "-n", "3", "--seed", "2"], &env);
    for n in 1..=3 {
        a.wait_for(&format!("Question {n}/3"));
        b.wait_for(&format!("Question {n}/3"));
        a.send(b"an answer from a\n");
        b.send(b"an answer from b\n");
    }
    assert_eq!(a.finish().code, Some(0));
    assert_eq!(b.finish().code, Some(0));
    let stats = run_in(home.path(), &["stats", "--format", "json"], "");
    assert_eq!(stats.stderr, "", "no damaged line");
    let stats = json(&stats.stdout);
    assert_eq!(stats["sessions"], 2);
    assert_eq!(stats["questions_practised"], 6);
    let text = std::fs::read_to_string(home.path().join("history.jsonl")).unwrap();
    assert_eq!(text.lines().filter(|l| !l.is_empty()).count(), 2 * (1 + 3 + 1));
}
