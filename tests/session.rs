//! Issue 9 (the session and the command line as a new user finds them) and the session rows of
//! issue 10's hostile-input table, through the binary without a terminal. The terminal cases are
//! in `pty.rs`.

use std::io::Read;
use std::process::{Command as StdCommand, Stdio};

use serde_json::Value;

use crate::util::{COMMANDS, Run, bin, cli, cli_in, finish, rehearse, spawn_piped};

fn json(run: &Run) -> Value {
    assert_eq!(run.code, Some(0), "{run:#?}");
    assert_eq!(run.stdout.lines().count(), 1, "one JSON document a line: {run:#?}");
    serde_json::from_str(&run.stdout).expect("valid JSON")
}

fn keys(value: &Value) -> Vec<&str> {
    value.as_object().expect("an object").keys().map(String::as_str).collect()
}

/// A folder holding `answers.yaml` with `text`.
fn answers(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("answers.yaml"), text).unwrap();
    dir
}

#[test]
fn p3_an_answers_file_is_the_session_in_file_order_narrowed_by_filters() {
    let dir = answers(
        "sec-tls-in-transit: TLS encrypts traffic\nhttp-put-vs-patch: PUT replaces the resource\n\
         http-404-vs-409: 404 is not found\n",
    );
    let run = cli_in(dir.path(), &["quiz", "--answers", "answers.yaml"]);
    assert_eq!(run.code, Some(0), "{run:#?}");
    let asked: Vec<&str> = run.stdout.lines().filter(|l| l.starts_with("Question ")).collect();
    assert_eq!(asked.len(), 3, "{run:#?}");
    assert!(asked[0].contains("· security ·") && asked[1].contains("· http ·"), "{asked:?}");
    assert!(run.stdout.contains("3 answered · 0 skipped · 0 timed out · 0 unanswered"), "{run:#?}");
    let run = cli_in(dir.path(), &["quiz", "--answers", "answers.yaml", "-t", "http", "-n", "1"]);
    assert!(run.stdout.contains("Question 1/1 · http"), "{run:#?}");
    assert!(run.stdout.contains("1 answered · 0 skipped · 0 timed out · 0 unanswered"), "{run:#?}");
}

#[test]
fn p3_an_unknown_id_in_an_answers_file_is_an_error_naming_the_closest() {
    let dir = answers("http-put-vs-pach: PUT replaces\n");
    let run = cli_in(dir.path(), &["quiz", "--answers", "answers.yaml"]);
    crate::util::assert_error(
        &run,
        "error: in answers.yaml: no question with id `http-put-vs-pach` (did you mean `http-put-vs-patch`?)",
    );
}

#[test]
fn row16_a_repeated_or_null_id_or_answer_is_an_error() {
    let cases = [
        ("a: one\na: two\n", "error: answers.yaml: `a` is answered twice; keep one answer per question"),
        ("~: an answer\n", "error: answers.yaml: a question id is null; every id must be text"),
        (
            "http-put-vs-patch: ~\n",
            "error: answers.yaml: the answer to `http-put-vs-patch` is null; write it as text, or leave the id out",
        ),
        (
            r#"{"a": "x", "a": "y"}"#,
            "error: answers.yaml: `a` is answered twice; keep one answer per question",
        ),
    ];
    for (text, expected) in cases {
        let dir = answers(text);
        crate::util::assert_error(&cli_in(dir.path(), &["quiz", "--answers", "answers.yaml"]), expected);
    }
}

#[test]
fn row12_an_unknown_answers_id_is_echoed_inert() {
    let dir = answers("\"\\e[2J\\a\": \"x\"\n");
    let run = cli_in(dir.path(), &["quiz", "--answers", "answers.yaml"]);
    assert_eq!(run.code, Some(2), "{run:#?}");
    assert!(!run.stderr.contains('\u{1b}') && !run.stderr.contains('\u{7}'), "{run:#?}");
}

#[test]
fn p6_time_running_out_with_nothing_typed_says_no_answer_and_the_header_names_the_limit() {
    let mut child = spawn_piped(&["quiz", "-t", "http", "-n", "1", "--seed", "5", "--per-question", "1s"]);
    // Nothing is sent: the limit alone ends the question, and with it the session.
    child.wait_for("Session summary");
    let run = child.finish();
    assert_eq!(run.code, Some(0), "{run:#?}");
    assert!(
        run.stdout.contains("1 question · seed 5 (rerun with --seed 5 -t http -n 1) · 1s a question"),
        "{run:#?}"
    );
    assert!(run.stdout.contains("Time is up: no answer."), "{run:#?}");
    assert!(!run.stdout.contains("your answer so far"), "{run:#?}");
}

#[test]
fn p7_a_fresh_seed_is_short_enough_to_retype() {
    for _ in 0..5 {
        let run = finish(rehearse().args(["quiz", "-n", "1", "--no-history"]).write_stdin(""));
        let seed: u64 = run
            .stdout
            .split("seed ")
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no seed: {run:#?}"));
        assert!((1..100_000).contains(&seed), "{seed}");
    }
}

#[test]
fn p8_help_has_global_options_examples_and_the_prompt_commands() {
    let run = cli(&["--help"]);
    assert!(run.stdout.contains("Global options:\n"), "{}", run.stdout);
    assert!(run.stdout.contains("Examples:\n"), "{}", run.stdout);
    for command in COMMANDS {
        let run = cli(&[command, "--help"]);
        assert_eq!(run.code, Some(0), "{run:#?}");
        assert!(run.stdout.contains("Examples:\n"), "{command}: {}", run.stdout);
        assert!(run.stdout.contains("Global options:\n"), "{command}: {}", run.stdout);
    }
    let quiz = cli(&["quiz", "--help"]).stdout;
    for command in [":hint", ":skip", ":quit"] {
        assert!(quiz.contains(command), "{quiz}");
    }
    let verbose = quiz.lines().find(|l| l.contains("--verbose")).expect("-v listed");
    assert!(!verbose.contains("eval") && !verbose.contains("show"), "{verbose}");
}

#[test]
fn p9_topics_list_and_show_speak_json_with_the_field_names_of_score() {
    let score = json(&cli(&["score", "http-put-vs-patch", "--format", "json", "PUT replaces"]));
    let show = json(&cli(&["show", "http-put-vs-patch", "--format", "json"]));
    for key in ["id", "points"] {
        assert!(keys(&score).contains(&key) && keys(&show).contains(&key), "{key}");
    }
    assert_eq!(show["id"], score["id"]);
    assert!(show["points"][0]["label"].is_string() && score["points"][0]["label"].is_string());
    let list = json(&cli(&["list", "-t", "http", "--format", "json"]));
    assert_eq!(keys(&list[0]), ["difficulty", "id", "prompt", "topic"]);
    let topics = json(&cli(&["topics", "--format", "json"]));
    assert_eq!(topics.as_array().unwrap().len(), 5);
    assert_eq!(topics[1]["topic"], "http");
}

#[test]
fn p10_the_summary_fits_80_columns_without_breaking_a_phrase() {
    let answers = "GET is safe\n\nPUT replaces\n";
    let run = finish(
        rehearse().args(["quiz", "-t", "http,security", "-n", "3", "--seed", "4"]).write_stdin(answers),
    );
    let summary = &run.stdout[run.stdout.find("Session summary").expect("a summary")..];
    // The re-ask line is a command to copy whole, so it is left long.
    for line in summary.lines().filter(|l| !l.starts_with("Re-ask")) {
        assert!(console::measure_text_width(line) <= 80, "{line:?}");
    }
    assert!(summary.lines().any(|l| l.trim_start().starts_with("2 answered · 1 skipped")), "{summary}");
}

#[test]
fn p10_a_piped_list_keeps_the_whole_prompt() {
    let run = cli(&["list", "-t", "http"]);
    assert!(!run.stdout.contains('…'), "{}", run.stdout);
    assert!(run.stdout.lines().any(|l| l.len() > 100), "some prompts are long: {}", run.stdout);
}

#[test]
fn p11_topics_match_whatever_their_case_and_durations_suggest_quiz_sized_examples() {
    let run = cli(&["list", "-t", "HTTP,Security"]);
    assert_eq!(run.code, Some(0), "{run:#?}");
    assert!(run.stdout.lines().all(|l| l.contains(" http ") || l.contains(" security ")), "{run:#?}");
    let run = finish(rehearse().args(["quiz", "--time", "5x"]).write_stdin(""));
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("like 90s, 15m or 1h30m") && !run.stderr.contains("5ms"), "{run:#?}");
}

#[test]
fn row1_huge_durations_are_usage_errors() {
    for args in [
        ["--time", "300000000000years"],
        ["--per-question", "300000000000years"],
        ["--time", "18446744073709551615s"],
        ["--per-question", "25h"],
    ] {
        let run = finish(rehearse().arg("quiz").args(["-n", "1"]).args(args).write_stdin("x\n"));
        assert_eq!(run.code, Some(2), "{args:?}: {run:#?}");
        assert!(run.stderr.starts_with("error: invalid value"), "{run:#?}");
    }
}

#[test]
fn p12_eval_verbose_prints_each_row_and_what_the_figures_mean_on_stdout() {
    let run = cli(&["eval", "tests/fixtures/graded-answers.jsonl", "-v"]);
    assert_eq!(run.code, Some(0), "{run:#?}");
    assert_eq!(run.stderr, "");
    assert!(run.stdout.lines().any(|l| l.starts_with("http-put-vs-patch.strong ")), "{}", run.stdout);
    assert!(run.stdout.contains("about r = 0.59 on the Mohler data"), "{}", run.stdout);
    let json = json(&cli(&["eval", "tests/fixtures/graded-answers.jsonl", "-v", "--format", "json"]));
    let rows = json["rows"].as_array().expect("rows");
    assert_eq!(rows.len() as u64, json["n"].as_u64().unwrap());
    assert_eq!(keys(&rows[0]), ["flagged", "grade", "id", "score"]);
}

#[test]
fn row12_control_characters_in_bank_text_and_answers_are_shown_inert() {
    let dir = tempfile::tempdir().unwrap();
    let bank = "topic: evil\ntitle: \"Evil \\e]0;pwned\\a title\"\nquestions:\n  - id: evil-one\n    \
                difficulty: easy\n    prompt: \"Say \\e[2J hi\\r\\a?\"\n    answer: \"Hi \\e[31m there.\"\n    \
                points:\n      - any: [hi]\n        label: \"greets \\e[5m\"\n    hint: \"\\a wave\"\n";
    std::fs::write(dir.path().join("evil.yaml"), bank).unwrap();
    let bank_args = ["--color", "never", "--bank", "evil.yaml"];
    let mut runs = Vec::new();
    for args in [&["topics"][..], &["list"], &["show", "evil-one"], &["score", "evil-one", "hi \u{1b}[2J"]] {
        runs.push(cli_in(dir.path(), &[&bank_args[..], args].concat()));
    }
    runs.push(finish(
        rehearse()
            .current_dir(dir.path())
            .args(bank_args)
            .args(["quiz", "--seed", "1"])
            .write_stdin("hi \u{1b}[2J\u{7}\r\n"),
    ));
    for run in runs {
        assert_eq!(run.code, Some(0), "{run:#?}");
        for raw in ['\u{1b}', '\u{7}', '\r'] {
            assert!(!run.stdout.contains(raw), "{raw:?} written raw: {run:#?}");
        }
        assert!(run.stdout.contains('\u{241b}') || run.stdout.contains('\u{2407}'), "shown inert: {run:#?}");
    }
}

#[test]
fn row13_validate_into_a_closed_pipe_still_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.yaml"), "topic: x\nquestions: 5\n").unwrap();
    let mut child = StdCommand::new(bin())
        .args(["validate", "bad.yaml"])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // `| head -0`: the reader is gone before the first line
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    assert_eq!(child.wait().unwrap().code(), Some(1), "{stderr}");
    assert_eq!(stderr, "");
}

#[test]
fn row14_score_with_nothing_on_stdin_is_an_error() {
    let output =
        StdCommand::new(bin()).args(["score", "http-put-vs-patch"]).stdin(Stdio::null()).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: no answer on standard input; pass the answer as an argument, or \"\" for an empty one\n"
    );
}

#[test]
fn row19_a_folder_as_stdin_is_an_error_and_a_huge_answer_is_echoed_short() {
    let folder = std::fs::File::open(env!("CARGO_MANIFEST_DIR")).unwrap();
    let output =
        StdCommand::new(bin()).args(["quiz", "-n", "1", "--no-history"]).stdin(folder).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).starts_with("error: standard input is a folder"));
    let answer = format!("{}\n", "idempotent ".repeat(10_000));
    let run = finish(rehearse().args(["quiz", "-n", "1", "--seed", "1", "--no-history"]).write_stdin(answer));
    let echoed = run.stdout.lines().find(|l| l.starts_with("› ")).expect("the answer echoed");
    assert!(echoed.chars().count() < 600 && echoed.ends_with("characters)"), "{echoed}");
}
