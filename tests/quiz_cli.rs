//! End-to-end scripted sessions: `rehearse quiz` fed through stdin or `--answers`, no terminal.

use predicates::prelude::*;

use crate::util::{rehearse, spawn_piped};

fn stdout_of(args: &[&str], stdin: &str) -> String {
    let output = rehearse().args(args).write_stdin(stdin).output().expect("runs");
    assert_eq!(output.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("utf-8")
}

/// The question ids in the order the session asked them.
fn asked(stdout: &str) -> Vec<String> {
    stdout.lines().filter(|l| l.starts_with("Question ")).map(str::to_string).collect()
}

/// The summary with its elapsed time (the one part that varies between runs) blanked.
fn summary(stdout: &str) -> String {
    let start = stdout.find("Session summary").expect("a summary");
    stdout[start..]
        .lines()
        .map(|line| match line.rfind(" · ") {
            Some(cut) if line.contains(" unanswered · ") => format!("{} · <time>", &line[..cut]),
            _ => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_same_seed_asks_the_same_questions_in_the_same_order() {
    let args = ["quiz", "--seed", "7", "-n", "5"];
    let empty = stdout_of(&args, "");
    assert_eq!(asked(&empty).len(), 1, "end of input at the first question ends the session");
    assert!(
        empty.contains("No questions were answered (0 answered · 0 skipped · 0 timed out · 5 unanswered"),
        "{empty}"
    );
    let one = stdout_of(&args, "a\nb\nc\nd\ne\n");
    let two = stdout_of(&args, "a\nb\nc\nd\ne\n");
    assert_eq!(asked(&one).len(), 5);
    assert_eq!(asked(&one), asked(&two));
    let other = stdout_of(&["quiz", "--seed", "8", "-n", "5"], "a\nb\nc\nd\ne\n");
    assert_ne!(asked(&one), asked(&other));
}

#[test]
fn filters_choose_the_questions() {
    let out = stdout_of(
        &["quiz", "-t", "security,http", "-d", "hard", "-n", "50", "--seed", "1"],
        &"x\n".repeat(50),
    );
    let headers = asked(&out);
    assert!(!headers.is_empty());
    assert!(
        headers
            .iter()
            .all(|h| h.ends_with("· hard") && (h.contains("· security ·") || h.contains("· http ·"))),
        "{headers:?}"
    );
    assert!(out.contains("Only 8 questions match; asking all of them."), "{out}");
}

#[test]
fn skips_and_an_early_end_of_input_are_counted() {
    let out =
        stdout_of(&["quiz", "-t", "http", "-n", "4", "--seed", "3"], "GET PUT DELETE are idempotent\n\n");
    assert!(out.contains("Skipped."), "{out}");
    assert!(out.contains("1 answered · 1 skipped · 0 timed out · 2 unanswered"), "{out}");
}

#[test]
fn answers_come_from_a_file_by_question_id() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("answers.yaml");
    let answers = "http-put-vs-patch: PUT replaces the whole resource, PATCH changes only some fields; PUT is idempotent.\n";
    std::fs::write(&path, answers).unwrap();
    let out = stdout_of(
        &["quiz", "-t", "http", "-n", "16", "--seed", "1", "--answers", path.to_str().unwrap()],
        "",
    );
    assert!(out.contains("1 answered · 0 skipped · 0 timed out · 0 unanswered"), "{out}");
    let json = dir.path().join("answers.json");
    std::fs::write(&json, r#"{"http-put-vs-patch": "PUT replaces the whole resource"}"#).unwrap();
    let out = stdout_of(&["quiz", "--answers", json.to_str().unwrap()], "");
    assert!(out.contains("1 answered · 0 skipped · 0 timed out · 0 unanswered"), "{out}");
}

#[test]
fn weak_topics_are_listed_weakest_first() {
    let answers = "\n".repeat(0)
        + "GET retrieves and POST creates; PUT replaces and DELETE removes\nno idea\nno idea\nno idea\n";
    let out =
        stdout_of(&["quiz", "-t", "http,security", "-n", "4", "--seed", "11", "--pass-mark", "90"], &answers);
    let summary = summary(&out);
    let weak = summary.split("Weak topics (below 90)").nth(1).expect("weak topics listed");
    // Each weak line is "  topic  NN/100  ids…": the averages must not go up.
    let averages: Vec<u32> = weak
        .lines()
        .filter_map(|line| line.split_whitespace().nth(1)?.strip_suffix("/100")?.parse().ok())
        .collect();
    assert!(averages.len() >= 2, "two weak topics expected: {summary}");
    assert!(averages.windows(2).all(|w| w[0] <= w[1]), "not weakest first: {summary}");
}

#[test]
fn a_seeded_session_summary_is_stable() {
    // Seed 42 asks http-404-vs-409, then http-put-vs-patch, then http-cache-control.
    let answers = "404 means there is no resource at that URI; 409 means the request conflicts with the \
                   current state, like a duplicate email\n\nI am not sure\n";
    let out = stdout_of(&["quiz", "-t", "http", "-n", "3", "--seed", "42"], answers);
    insta::assert_snapshot!(summary(&out));
}

#[test]
fn a_per_question_limit_expires_on_a_late_line() {
    let mut child = spawn_piped(&["quiz", "-t", "http", "-n", "2", "--seed", "5", "--per-question", "1s"]);
    // Question 2 is asked only once question 1 has timed out: the first line is then late.
    child.wait_for("Question 2/2");
    child.send(b"too late\nGET is safe\n");
    let run = child.finish();
    assert_eq!(run.code, Some(0), "{run:#?}");
    assert!(run.stdout.contains("Time is up"), "{run:#?}");
    assert!(run.stdout.contains("1 answered · 0 skipped · 1 timed out · 0 unanswered"), "{run:#?}");
}

#[test]
fn bad_filters_and_limits_are_usage_errors() {
    let cases: [(&[&str], &str); 6] = [
        (
            &["quiz", "-t", "htp"],
            "error: unknown topic `htp` (did you mean `http`?); topics: fundamentals, http, security, design, troubleshooting\n",
        ),
        (&["quiz", "-d", "extreme"], "invalid value 'extreme'"),
        (&["quiz", "--time", "0s"], "a time limit must be more than zero"),
        (
            &["quiz", "--per-question", "soon"],
            "not a duration; use a number and a unit, like 90s, 15m or 1h30m",
        ),
        (&["quiz", "-n", "0"], "invalid value '0'"),
        (
            &["quiz", "--answers", "/nonexistent/answers.yaml"],
            "error: cannot read answers from /nonexistent/answers.yaml",
        ),
    ];
    for (args, message) in cases {
        rehearse().args(args).write_stdin("").assert().code(2).stderr(predicate::str::contains(message));
    }
}

#[test]
fn a_filter_that_leaves_nothing_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let bank = dir.path().join("bank.yaml");
    let text = "topic: tiny\nquestions:\n  - id: tiny-one\n    difficulty: easy\n    prompt: Say hi.\n    answer: Hi there.\n";
    std::fs::write(&bank, text).unwrap();
    rehearse()
        .args(["--bank", bank.to_str().unwrap(), "quiz", "-d", "hard"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr("error: no questions match difficulty hard; try fewer filters\n");
}

#[test]
fn scripted_output_has_no_escape_codes() {
    let out = rehearse()
        .args(["quiz", "-n", "2", "--seed", "2"])
        .env_remove("NO_COLOR")
        .write_stdin("GET\nPUT\n")
        .output()
        .unwrap();
    assert!(!out.stdout.contains(&0x1b), "{}", String::from_utf8_lossy(&out.stdout));
}

#[test]
#[cfg(unix)]
fn ctrl_c_while_waiting_for_a_line_still_prints_the_summary() {
    let mut child = spawn_piped(&["quiz", "-t", "http", "-n", "3", "--seed", "5"]);
    child.send(b"GET is safe\n");
    child.wait_for("Question 2/3");
    child.kill("INT");
    // Stdin stays open until the summary shows, so only the signal can have ended the session.
    child.wait_for("Session summary (interrupted)");
    let run = child.finish();
    assert_eq!(run.code, Some(130), "{run:#?}");
    assert!(run.stdout.contains("Session summary (interrupted)"), "{run:#?}");
    assert!(run.stdout.contains("1 answered · 0 skipped · 0 timed out · 2 unanswered"), "{run:#?}");
}

#[test]
fn exam_mode_holds_feedback_until_the_end() {
    let out = stdout_of(
        &["quiz", "-t", "http", "-n", "2", "--seed", "6", "--exam"],
        "PUT replaces the resource\nno idea\n",
    );
    let last_question = out.find("Question 2/2").expect("both asked");
    let first_score = out.find("Score ").expect("feedback at the end");
    assert!(first_score > last_question, "feedback came before the last question:\n{out}");
    assert!(out.contains("http-put-vs-patch"), "{out}");
}

#[test]
fn a_malformed_answers_file_is_one_error_line_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("answers.yaml");
    std::fs::write(&path, "http-put-vs-patch: [1, 2]\n").unwrap();
    rehearse()
        .args(["quiz", "--answers", path.to_str().unwrap()])
        .write_stdin("")
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with(format!(
            "error: {}: the answer to `http-put-vs-patch` is a list; write it as text",
            path.display()
        )))
        .stderr(predicate::function(|e: &str| e.lines().count() == 1));
}
