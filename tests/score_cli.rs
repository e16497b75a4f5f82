//! End-to-end `score` and `eval`: output formats, stdin, and bad input with exact exit codes.

use predicates::prelude::*;
use serde_json::Value;

use crate::util::rehearse;

fn json_of(output: &[u8]) -> Value {
    let text = String::from_utf8(output.to_vec()).expect("utf-8");
    assert_eq!(text.lines().count(), 1, "exactly one JSON line: {text}");
    serde_json::from_str(&text).expect("valid JSON")
}

#[test]
fn score_prints_feedback_for_an_answer_argument() {
    rehearse()
        .args([
            "score",
            "http-put-vs-patch",
            "PUT replaces the whole resource; PATCH changes only some fields",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Score").and(predicate::str::contains("Covered")))
        .stdout(predicate::str::contains("Missed").and(predicate::str::contains("Model answer")));
}

#[test]
fn score_reads_stdin_and_tolerates_bytes_that_are_not_utf8() {
    rehearse()
        .args(["score", "http-put-vs-patch"])
        .write_stdin(b"PUT replaces \xff\xfe the whole resource\n".to_vec())
        .assert()
        .code(0)
        .stdout(predicate::str::contains("(you wrote: replaces resource)"));
}

#[test]
fn score_as_json_lists_every_point_with_its_verdict() {
    let output = rehearse()
        .args(["score", "http-put-vs-patch", "--format", "json", "PUT is not idempotent"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let json = json_of(&output.stdout);
    assert_eq!(json["id"], "http-put-vs-patch");
    assert!(json["score"].as_u64().unwrap() <= 100);
    let verdicts: Vec<&str> =
        json["points"].as_array().unwrap().iter().map(|p| p["verdict"].as_str().unwrap()).collect();
    assert!(verdicts.contains(&"contradicted"), "{json}");
}

#[test]
fn an_empty_answer_scores_zero_with_feedback() {
    rehearse()
        .args(["score", "http-put-vs-patch", ""])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("  0/100").and(predicate::str::contains("Missed")));
}

#[test]
fn score_names_the_closest_id_for_an_unknown_one() {
    rehearse()
        .args(["score", "http-put-vs-pach", "x"])
        .assert()
        .code(2)
        .stderr("error: no question with id `http-put-vs-pach` (did you mean `http-put-vs-patch`?)\n");
}

#[test]
fn eval_of_the_bank_fixture_prints_one_json_object() {
    let output = rehearse()
        .args(["eval", "tests/fixtures/graded-answers.jsonl", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let json = json_of(&output.stdout);
    let keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["by_kind", "n", "pearson", "spearman"], "no auc: the grades are not all 0 or 1");
    assert!(json["n"].as_u64().unwrap() >= 400);
    assert!(json["spearman"].as_f64().unwrap() >= 0.85, "{json}");
}

#[test]
fn eval_adds_auc_when_grades_are_zero_or_one() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("binary.jsonl");
    let rows = [
        r#"{"question_id": "http-put-vs-patch", "answer": "PUT replaces the whole resource, PATCH changes part of it", "grade": 1, "max_grade": 1}"#,
        r#"{"question_id": "http-put-vs-patch", "answer": "no idea", "grade": 0, "max_grade": 1}"#,
        r#"{"question": "Why TLS?", "reference_answer": "It encrypts traffic.", "answer": "encryption of traffic", "grade": 1, "max_grade": 1}"#,
    ];
    std::fs::write(&file, rows.join("\n")).unwrap();
    let output = rehearse().args(["eval", file.to_str().unwrap(), "--format", "json"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let json = json_of(&output.stdout);
    assert_eq!(json["n"], 3);
    assert_eq!(json["auc"], 1.0);
}

#[test]
fn eval_names_the_line_of_a_malformed_row() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.jsonl");
    let good = r#"{"question_id": "http-put-vs-patch", "answer": "x", "grade": 1, "max_grade": 5}"#;
    std::fs::write(&file, format!("{good}\n{{\"answer\": 5}}\n")).unwrap();
    rehearse().args(["eval", file.to_str().unwrap()]).assert().code(2).stderr(predicate::str::starts_with(
        format!("error: in {}: line 2: not a graded answer: ", file.display()),
    ));
    std::fs::write(&file, format!("{good}\n{}\n", good.replace("http-put-vs-patch", "nope"))).unwrap();
    rehearse().args(["eval", file.to_str().unwrap()]).assert().code(2).stderr(predicate::str::contains(
        "line 2: no reference answer, and `nope` is not a question of the loaded bank",
    ));
}
