//! Regression tests of the hostile-input trial (issue 10's table, rows 2, 5–8, 12, 15, 17, 18):
//! each input that once hung, ate memory, or blamed the wrong cause, now gets one clear answer.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::process::Command as StdCommand;

use crate::util::{Run, assert_error, bin, cli_in, finish, rehearse};

const QUESTION: &str =
    "    difficulty: easy\n    prompt: What is REST?\n    answer: An architectural style.\n";

/// A bank file with one question `id`, and `extra` lines appended to the question.
fn bank(id: &str, extra: &str) -> String {
    format!("topic: demo\nquestions:\n  - id: {id}\n{QUESTION}{extra}")
}

fn dir_with(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        fs::write(dir.path().join(name), bytes).unwrap();
    }
    dir
}

fn validate(dir: &Path, args: &[&str]) -> Run {
    cli_in(dir, &[&["validate"], args].concat())
}

fn mkfifo(path: &Path) {
    let status = StdCommand::new("mkfifo").arg(path).status().expect("mkfifo runs");
    assert!(status.success());
}

#[test]
fn row2_deep_nesting_is_refused_at_once_in_banks_and_answers_files() {
    let deep = format!("hint: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    let dir = dir_with(&[("b.yaml", bank("a", &deep).as_bytes()), ("answers.yaml", deep.as_bytes())]);
    let run = validate(dir.path(), &["b.yaml"]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stdout.starts_with("b.yaml:7:71: nesting deeper than 64 levels; no bank or answers file needs"),
        "{run:#?}"
    );
    let run = cli_in(dir.path(), &["quiz", "--answers", "answers.yaml", "-n", "1"]);
    assert_error(
        &run,
        "error: answers.yaml is not a usable answers file: line 1 column 71: nesting deeper than 64 levels; \
         no bank or answers file needs that many",
    );
}

#[test]
fn row5_a_huge_unknown_id_is_reported_without_a_search() {
    let id = "x".repeat(100_000);
    let run = finish(rehearse().args(["show", &id]));
    let shown = format!("{}…", "x".repeat(60));
    assert_error(&run, &format!("error: no question with id `{shown}`; run `rehearse list` to see the ids"));
}

#[test]
fn row6_pipes_are_refused_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    mkfifo(&dir.path().join("fifo.yaml"));
    let run = validate(dir.path(), &["fifo.yaml"]);
    assert_eq!(
        run.stdout,
        "fifo.yaml:1:1: cannot read: not a regular file; give a saved file, not a pipe or device\n\
         1 problem in 1 of 1 file\n"
    );
    let run = cli_in(dir.path(), &["--bank", "fifo.yaml", "topics"]);
    assert_error(
        &run,
        "error: cannot load the question bank: fifo.yaml:1:1: cannot read: not a regular file; give a saved \
         file, not a pipe or device",
    );
    let run = cli_in(dir.path(), &["quiz", "--answers", "fifo.yaml"]);
    assert_error(
        &run,
        "error: cannot read answers from fifo.yaml: not a regular file; give a saved file, not a pipe or device",
    );
    let run = cli_in(dir.path(), &["eval", "fifo.yaml"]);
    assert_error(
        &run,
        "error: cannot read fifo.yaml: not a regular file; give a saved file, not a pipe or device",
    );
}

#[test]
fn row7_endless_devices_are_refused_and_endless_stdin_stays_bounded() {
    let not_a_file = "not a regular file; give a saved file, not a pipe or device";
    let run = finish(rehearse().args(["validate", "/dev/zero"]));
    assert_eq!(run.stdout, format!("/dev/zero:1:1: cannot read: {not_a_file}\n1 problem in 1 of 1 file\n"));
    let run = finish(rehearse().env("REHEARSE_BANK", "/dev/zero").arg("topics"));
    assert_error(
        &run,
        &format!("error: cannot load the question bank: /dev/zero:1:1: cannot read: {not_a_file}"),
    );
    assert_error(
        &finish(rehearse().args(["eval", "/dev/zero"])),
        &format!("error: cannot read /dev/zero: {not_a_file}"),
    );
    let run = finish(rehearse().args(["quiz", "-n", "1", "--answers", "/dev/zero"]));
    assert_error(&run, &format!("error: cannot read answers from /dev/zero: {not_a_file}"));
    // Endless stdin without a newline: each 64 KiB becomes one answer, and the session ends.
    let zero = fs::File::open("/dev/zero").unwrap();
    let output = StdCommand::new(bin())
        .args(["quiz", "-n", "2", "--seed", "1", "-q"])
        .env("REHEARSE_HOME", Path::new(env!("CARGO_TARGET_TMPDIR")).join("integration-home"))
        .stdin(zero)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
}

#[test]
fn row8_a_long_key_over_a_long_list_and_big_aliases_stay_small() {
    let key = "k".repeat(100_000);
    let mut text = bank("a", "");
    // An explicit key (`? `): a plain key may not be longer than 1024 characters.
    writeln!(text, "? {key}\n:").unwrap();
    text.push_str(&"  - item\n".repeat(10_000));
    let big = "x".repeat(2_000_000);
    let aliases = format!("topic: demo\nbig: &big {big}\nquestions: [{}]\n", vec!["*big"; 3000].join(", "));
    let dir = dir_with(&[("key.yaml", text.as_bytes()), ("alias.yaml", aliases.as_bytes())]);
    let run = validate(dir.path(), &["key.yaml"]);
    let shown = format!("{}…", "k".repeat(60));
    assert_eq!(
        run.stdout,
        format!(
            "key.yaml:7:3: unknown field `{shown}` in a bank; expected one of: topic, title, questions\n\
             1 problem in 1 of 1 file\n"
        )
    );
    let run = validate(dir.path(), &["alias.yaml"]);
    assert_eq!(
        run.stdout,
        "alias.yaml:1:1: aliases expand this file past 16 M characters; repeat less, or write the text out\n\
         1 problem in 1 of 1 file\n"
    );
}

#[test]
fn row12_control_characters_in_an_id_are_an_error_and_never_echoed() {
    let text = bank("\"bad\\e[2Jid\\a\"", "    answr: typo\n");
    let dir = dir_with(&[("b.yaml", text.as_bytes())]);
    let run = validate(dir.path(), &["b.yaml"]);
    assert!(!run.stdout.contains('\u{1b}') && !run.stdout.contains('\u{7}'), "{run:#?}");
    assert_eq!(
        run.stdout,
        "b.yaml:3:9: `id` contains control characters; use letters, digits and dashes\n\
         b.yaml:7:5: unknown field `answr` in a question (did you mean `answer`?); expected one of: id, \
         difficulty, prompt, answer, points, hint, contrast, wrong\n2 problems in 1 of 1 file\n"
    );
}

#[test]
fn row15_points_the_scorer_cannot_match_are_flagged() {
    let points = "    points:\n      - \"!!!\"\n      - any: [idempotent, not]\n      - the\n";
    let dir = dir_with(&[("b.yaml", bank("a", points).as_bytes())]);
    let run = validate(dir.path(), &["b.yaml"]);
    let message = "this point has no words the scorer can match (only punctuation or words like `not`); \
                   write the idea in words";
    assert_eq!(
        run.stdout,
        format!("b.yaml:8:9: {message}\nb.yaml:9:27: {message}\n2 problems in 1 of 1 file\n")
    );
    assert_eq!(run.code, Some(1));
}

#[test]
fn row17_tiny_grades_give_a_finite_correlation() {
    let rows = concat!(
        "{\"reference_answer\": \"GET and PUT are idempotent\", \"answer\": \"GET\", \"grade\": 4e-162, \"max_grade\": 1}\n",
        "{\"reference_answer\": \"GET and PUT are idempotent\", \"answer\": \"no idea\", \"grade\": 0, \"max_grade\": 1}\n",
    );
    let dir = dir_with(&[("rows.jsonl", rows.as_bytes())]);
    let run = cli_in(dir.path(), &["eval", "rows.jsonl"]);
    assert_eq!(run.code, Some(0), "{run:#?}");
    assert!(!run.stdout.contains("inf") && !run.stdout.contains("NaN"), "{}", run.stdout);
}

#[test]
fn row18_messages_name_the_real_cause() {
    let run = finish(rehearse().env("REHEARSE_BANK", "").arg("topics"));
    assert_error(&run, "error: REHEARSE_BANK is set but empty; unset it, or set it to a bank file or folder");

    let utf16: Vec<u8> = bank("a", "").encode_utf16().flat_map(u16::to_le_bytes).collect();
    let merge = "topic: demo\nbase: &base\n  difficulty: easy\nquestions:\n  - id: a\n    <<: *base\n    prompt: p\n    answer: a\n";
    let weight = bank("a", "    points:\n      - any: [x]\n        weight: 1e23\n");
    let duplicate = format!("{}    prompt: again\n", bank("a", ""));
    let dir = dir_with(&[
        ("b.yaml", bank("a", "").as_bytes()),
        ("utf16.yaml", &utf16),
        ("merge.yaml", merge.as_bytes()),
        ("weight.yaml", weight.as_bytes()),
        ("dup.yaml", duplicate.as_bytes()),
    ]);
    let run = validate(dir.path(), &["b.yaml", "./b.yaml"]);
    assert_eq!(
        (run.stdout.as_str(), run.stderr.as_str()),
        ("ok: 1 file, 1 topic, 1 question\n", "note: ./b.yaml is named more than once; it is checked once\n")
    );
    let expectations = [
        ("utf16.yaml", "utf16.yaml:1:1: the file is UTF-16 text: save it as UTF-8"),
        (
            "merge.yaml",
            "merge.yaml:2:1: unknown field `base` in a bank; expected one of: topic, title, questions\n\
                        merge.yaml:5:5: missing `difficulty` in question\n\
                        merge.yaml:6:5: merge keys (`<<`) are not supported in banks; write the fields out",
        ),
        ("weight.yaml", "weight.yaml:9:17: weight must be a whole number from 1 to 100, found 1e23"),
        ("dup.yaml", "dup.yaml:7:5: not valid YAML: questions[0]: duplicate entry with key \"prompt\""),
    ];
    for (file, expected) in expectations {
        let run = validate(dir.path(), &[file]);
        assert_eq!(
            run.stdout.lines().filter(|l| l.contains(".yaml:")).collect::<Vec<_>>().join("\n"),
            expected
        );
    }
}
