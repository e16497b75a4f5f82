//! End-to-end tests of the question bank through the binary: the built-in bank, browsing it
//! (`topics`, `list`, `show`), loading banks from disk, and `validate` on broken and hostile files.

use std::fmt::Write as _;
use std::fs;
use std::path::PathBuf;

use rehearse::bank::{Bank, Difficulty, MAX_FILE_BYTES, load_builtin};
use tempfile::TempDir;

use crate::util::{Run, assert_error, cli, cli_in, finish, rehearse};

/// A temporary folder holding `files` (name, bytes).
fn dir_with(files: &[(&str, &[u8])]) -> TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (name, bytes) in files {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }
    dir
}

/// Validates the single file `bank.yaml` holding `text`.
fn validate_text(text: &[u8]) -> Run {
    let dir = dir_with(&[("bank.yaml", text)]);
    cli_in(dir.path(), &["validate", "bank.yaml"])
}

/// Asserts that `validate` found exactly `problems` (in order) in one file and exited 1.
fn assert_problems(run: &Run, problems: &[&str]) {
    let summary = match problems.len() {
        1 => "1 problem in 1 of 1 file".to_string(),
        n => format!("{n} problems in 1 of 1 file"),
    };
    let mut expected: Vec<&str> = problems.to_vec();
    expected.push(&summary);
    assert_eq!(run.stdout.lines().collect::<Vec<_>>(), expected, "{run:#?}");
    assert_eq!(run.stderr, "", "{run:#?}");
    assert_eq!(run.code, Some(1), "{run:#?}");
}

fn fixture(name: &str) -> String {
    format!("tests/fixtures/banks/{name}")
}

/// One parsed line of `rehearse list`.
struct Listed {
    id: String,
    topic: String,
    difficulty: String,
}

fn listed(stdout: &str) -> Vec<Listed> {
    stdout
        .lines()
        .map(|line| {
            let mut words = line.split_whitespace();
            let mut next = || words.next().unwrap_or_else(|| panic!("short list line: {line:?}")).to_string();
            Listed { id: next(), topic: next(), difficulty: next() }
        })
        .collect()
}

fn ids_where(bank: &Bank, keep: impl Fn(&rehearse::bank::Question) -> bool) -> Vec<String> {
    bank.questions.iter().filter(|q| keep(q)).map(|q| q.id.clone()).collect()
}

const BUILTIN_TOPICS: [&str; 5] = ["fundamentals", "http", "security", "design", "troubleshooting"];

/// Sentences of a model answer: text ending in `.`, `?` or `!` before whitespace or the end.
fn sentences(text: &str) -> usize {
    let chars: Vec<char> = text.trim().chars().collect();
    (0..chars.len())
        .filter(|&i| {
            matches!(chars[i], '.' | '?' | '!') && chars.get(i + 1).is_none_or(|c| c.is_whitespace())
        })
        .count()
}

// ---------------------------------------------------------------------------------------------
// The built-in bank

#[test]
fn validate_without_paths_checks_the_builtin_bank() {
    let bank = load_builtin();
    let run = cli(&["validate"]);
    assert_eq!(run.stdout, format!("ok: 5 files, 5 topics, {} questions\n", bank.questions.len()));
    assert_eq!(run.stderr, "");
    assert_eq!(run.code, Some(0));
}

#[test]
fn builtin_bank_has_five_full_topics() {
    let bank = load_builtin();
    assert_eq!(bank.topic_names(), BUILTIN_TOPICS);
    assert!(bank.questions.len() >= 75, "only {} questions", bank.questions.len());
    for topic in BUILTIN_TOPICS {
        let questions: Vec<_> = bank.questions_in(topic).collect();
        assert!(questions.len() >= 15, "{topic}: only {} questions", questions.len());
        for difficulty in Difficulty::ALL {
            assert!(
                questions.iter().any(|q| q.difficulty == difficulty),
                "{topic} has no {difficulty} question"
            );
        }
    }
}

#[test]
fn every_builtin_question_has_points_a_hint_and_a_short_answer() {
    for q in &load_builtin().questions {
        let counted = q.points.iter().filter(|p| !p.bonus).count();
        assert!((3..=8).contains(&counted), "{}: {counted} points besides bonus ones", q.id);
        assert!(q.hint.as_deref().is_some_and(|h| !h.trim().is_empty()), "{}: no hint", q.id);
        let count = sentences(&q.answer);
        assert!((2..=6).contains(&count), "{}: the answer has {count} sentences", q.id);
        assert!(BUILTIN_TOPICS.contains(&q.topic.as_str()), "{}: topic {}", q.id, q.topic);
    }
}

#[test]
fn topics_lists_each_builtin_topic_with_its_counts() {
    let bank = load_builtin();
    let run = cli(&["topics"]);
    assert_eq!(run.code, Some(0), "{run:#?}");
    assert_eq!(run.stderr, "");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), BUILTIN_TOPICS.len() + 2, "{}", run.stdout);
    let header: Vec<&str> = lines[0].split_whitespace().collect();
    assert_eq!(header, ["topic", "easy", "medium", "hard", "total", "title"]);
    for (line, topic) in lines[1..=BUILTIN_TOPICS.len()].iter().zip(BUILTIN_TOPICS) {
        let words: Vec<&str> = line.split_whitespace().collect();
        let count =
            |d: Difficulty| bank.questions_in(topic).filter(|q| q.difficulty == d).count().to_string();
        let total = bank.questions_in(topic).count();
        let expected = [
            topic.to_string(),
            count(Difficulty::Easy),
            count(Difficulty::Medium),
            count(Difficulty::Hard),
            total.to_string(),
        ];
        assert_eq!(words[..5], expected, "{line}");
        assert!(total >= 15, "{line}");
        let title = &bank.topics.iter().find(|t| t.name == topic).unwrap().title;
        assert!(line.ends_with(&format!("  {title}")), "{line}");
    }
    assert_eq!(lines[6], format!("{} questions in 5 topics", bank.questions.len()));
}

// ---------------------------------------------------------------------------------------------
// list and show

#[test]
fn list_filters_by_topic_and_difficulty() {
    let bank = load_builtin();
    let cases: [(&[&str], Vec<String>); 4] = [
        (&["list", "--topic", "http"], ids_where(&bank, |q| q.topic == "http")),
        (
            &["list", "-t", "http,security"],
            ids_where(&bank, |q| ["http", "security"].contains(&q.topic.as_str())),
        ),
        (
            &["list", "-t", "http", "-t", "security"],
            ids_where(&bank, |q| q.topic == "http" || q.topic == "security"),
        ),
        (&["list", "--difficulty", "hard"], ids_where(&bank, |q| q.difficulty == Difficulty::Hard)),
    ];
    for (args, expected) in cases {
        let run = cli(args);
        assert_eq!(run.code, Some(0), "{args:?}: {run:#?}");
        assert_eq!(run.stderr, "", "{args:?}");
        let rows = listed(&run.stdout);
        assert_eq!(rows.iter().map(|r| r.id.clone()).collect::<Vec<_>>(), expected, "{args:?}");
        for row in &rows {
            let q = bank.question(&row.id).unwrap();
            assert_eq!(
                (row.topic.as_str(), row.difficulty.as_str()),
                (q.topic.as_str(), q.difficulty.name())
            );
        }
    }
}

#[test]
fn list_prints_the_prompt_of_each_question() {
    let run = cli(&["list", "-t", "http", "-d", "medium"]);
    let bank = load_builtin();
    for line in run.stdout.lines() {
        let id = line.split_whitespace().next().unwrap();
        assert!(line.ends_with(&format!("  {}", bank.question(id).unwrap().prompt)), "{line}");
    }
    assert!(run.stdout.contains("http-put-vs-patch"), "{}", run.stdout);
}

#[test]
fn list_aligns_the_prompt_column() {
    let run = cli(&["list", "--topic", "http"]);
    let bank = load_builtin();
    let starts: Vec<usize> = run
        .stdout
        .lines()
        .map(|line| {
            let id = line.split_whitespace().next().unwrap();
            line.len() - bank.question(id).unwrap().prompt.len()
        })
        .collect();
    assert!(starts.windows(2).all(|w| w[0] == w[1]), "prompt columns start at {starts:?}:\n{}", run.stdout);
}

#[test]
fn show_prints_prompt_model_answer_key_points_and_hint() {
    let bank = load_builtin();
    let q = bank.question("http-put-vs-patch").unwrap();
    let run = cli(&["show", "http-put-vs-patch"]);
    assert_eq!(run.code, Some(0), "{run:#?}");
    assert_eq!(run.stderr, "");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines[0], "http-put-vs-patch · http · medium");
    assert_eq!(lines[1], "");
    assert_eq!(lines[2], q.prompt);
    for heading in ["Model answer", "Key points"] {
        assert!(lines.contains(&heading), "no {heading:?} line in:\n{}", run.stdout);
    }
    let first_point = &q.points[0];
    let about = first_point.about.as_ref().map_or_else(String::new, |term| format!(", about {term}"));
    let point_line = format!(
        "  - {} (weight {}{about}): {}",
        first_point.display(),
        first_point.weight,
        first_point.alternatives.join(" | ")
    );
    assert_eq!(first_point.about.as_deref(), Some("PUT"), "the example is a point about one contrasted term");
    assert!(lines.contains(&point_line.as_str()), "no {point_line:?} in:\n{}", run.stdout);
    assert_eq!(lines.last().copied(), Some(format!("Hint: {}", q.hint.as_deref().unwrap()).as_str()));
    let answer_start: String = q.answer.split_whitespace().take(6).collect::<Vec<_>>().join(" ");
    assert!(run.stdout.contains(&format!("  {answer_start}")), "model answer missing:\n{}", run.stdout);
}

#[test]
fn usage_errors_exit_2_with_one_clear_line() {
    let cases: [(&[&str], &str); 3] = [
        (
            &["show", "http-put-vs-pach"],
            "error: no question with id `http-put-vs-pach` (did you mean `http-put-vs-patch`?)",
        ),
        (&["show", "zzz"], "error: no question with id `zzz`; run `rehearse list` to see the ids"),
        (
            &["list", "--topic", "htp"],
            "error: unknown topic `htp` (did you mean `http`?); topics: fundamentals, http, security, design, troubleshooting",
        ),
    ];
    for (args, expected) in cases {
        assert_error(&cli(args), expected);
    }
}

#[test]
fn a_bad_difficulty_is_rejected_by_the_argument_parser() {
    let run = cli(&["list", "--difficulty", "extreme"]);
    assert_eq!(run.code, Some(2), "{run:#?}");
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.starts_with("error: invalid value 'extreme' for '--difficulty <DIFFICULTY>'\n"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("[possible values: easy, medium, hard]"), "{}", run.stderr);
}

// ---------------------------------------------------------------------------------------------
// validate: one problem of each kind, each at its exact FILE:LINE:COL

/// A valid question to splice into test banks (4-space indented, under `questions:`).
const GOOD_QUESTION: &str = "  - id: good\n    difficulty: easy\n    prompt: Fine?\n    answer: Yes.\n";

/// A problem case: what it shows, the file text, and the exact problem lines `validate` prints.
type Case = (&'static str, String, Vec<&'static str>);

/// A bank with [`GOOD_QUESTION`] followed by `question`.
fn with_question(question: &str) -> String {
    format!("topic: demo\nquestions:\n{GOOD_QUESTION}{question}")
}

/// Problems inside questions and points.
fn question_cases() -> Vec<Case> {
    vec![
        (
            "prompt of the wrong type",
            with_question("  - id: b\n    difficulty: easy\n    prompt: [1, 2]\n    answer: A.\n"),
            vec!["bank.yaml:9:13: `prompt` must be text, found a list"],
        ),
        (
            "misspelt field",
            with_question("  - id: b\n    difficulty: easy\n    prompt: P?\n    answr: A.\n"),
            vec![
                "bank.yaml:7:5: missing `answer` in question",
                "bank.yaml:10:5: unknown field `answr` in a question (did you mean `answer`?); expected one of: id, difficulty, prompt, answer, points, hint, contrast, wrong",
            ],
        ),
        (
            "missing prompt",
            with_question("  - id: b\n    difficulty: easy\n    answer: A.\n"),
            vec!["bank.yaml:7:5: missing `prompt` in question"],
        ),
        (
            "missing answer",
            with_question("  - id: b\n    difficulty: easy\n    prompt: P?\n"),
            vec!["bank.yaml:7:5: missing `answer` in question"],
        ),
        (
            "empty points",
            with_question(
                "  - id: b\n    difficulty: easy\n    prompt: P?\n    answer: A.\n    points: []\n",
            ),
            vec![
                "bank.yaml:11:13: `points` is empty: list the key points, or leave the field out to derive them",
            ],
        ),
        (
            "zero weight",
            with_question(
                "  - id: b\n    difficulty: easy\n    prompt: P?\n    answer: A.\n    points:\n      - any: [x]\n        weight: 0\n",
            ),
            vec!["bank.yaml:13:17: weight must be at least 1 (a zero-weight point counts for nothing)"],
        ),
        (
            "empty alternative",
            with_question(
                "  - id: b\n    difficulty: easy\n    prompt: P?\n    answer: A.\n    points:\n      - any: [\"\"]\n",
            ),
            vec!["bank.yaml:12:15: empty alternative: every entry of `any` must be a term"],
        ),
        (
            "no alternatives",
            with_question(
                "  - id: b\n    difficulty: easy\n    prompt: P?\n    answer: A.\n    points:\n      - any: []\n",
            ),
            vec!["bank.yaml:12:14: `any` must be a non-empty list of terms"],
        ),
        (
            "duplicate id in one file",
            with_question("  - id: good\n    difficulty: hard\n    prompt: Again?\n    answer: Again.\n"),
            vec![
                "bank.yaml:7:5: duplicate id `good` (first defined at bank.yaml:3:5); ids must be unique across all banks",
            ],
        ),
        (
            "a point about a term the question does not contrast",
            with_question(
                "  - id: b\n    difficulty: easy\n    prompt: P?\n    answer: A.\n    contrast: [PUT, PATCH]\n    points:\n      - any: [replaces]\n        about: POST\n",
            ),
            vec!["bank.yaml:14:16: `about: POST` is not one of the contrasted terms: PUT, PATCH"],
        ),
        (
            "an empty list of contrary words",
            with_question(
                "  - id: b\n    difficulty: easy\n    prompt: P?\n    answer: A.\n    points:\n      - any: [removing a field]\n        contrary: []\n",
            ),
            vec!["bank.yaml:13:19: expected a term or a non-empty list of terms"],
        ),
        (
            "a contrast of one term",
            with_question(
                "  - id: b\n    difficulty: easy\n    prompt: P?\n    answer: A.\n    contrast: [PUT]\n",
            ),
            vec!["bank.yaml:11:15: `contrast` needs at least two terms to contrast"],
        ),
        (
            "a wrong claim without its correction",
            with_question(
                "  - id: b\n    difficulty: easy\n    prompt: P?\n    answer: A.\n    wrong:\n      - any: [POST is idempotent]\n        labl: x\n",
            ),
            vec![
                "bank.yaml:12:9: missing `correction` in wrong claim",
                "bank.yaml:13:9: unknown field `labl` in a wrong claim (did you mean `label`?); expected one of: any, label, correction",
            ],
        ),
        (
            "unknown difficulty",
            with_question("  - id: b\n    difficulty: Easy\n    prompt: P?\n    answer: A.\n"),
            vec!["bank.yaml:8:17: unknown difficulty `Easy`; expected easy, medium or hard"],
        ),
    ]
}

/// Syntax errors and files that are not banks.
fn file_cases() -> Vec<Case> {
    vec![
        (
            "unclosed flow list",
            "topic: demo\nquestions:\n  - id: a\n    prompt: [1, 2\n".into(),
            vec!["bank.yaml:5:1: not valid YAML: did not find expected ',' or ']'"],
        ),
        (
            "bad indentation",
            "topic: demo\nfoo: 1\n  bar: 2\n".into(),
            vec!["bank.yaml:3:6: not valid YAML: mapping values are not allowed in this context"],
        ),
        (
            "a list, not a bank",
            "- topic: demo\n- questions: []\n".into(),
            vec!["bank.yaml:1:1: not a question bank: expected a mapping with `topic:` and `questions:`"],
        ),
        (
            "a scalar, not a bank",
            "just some words\n".into(),
            vec!["bank.yaml:1:1: not a question bank: expected a mapping with `topic:` and `questions:`"],
        ),
        (
            "missing topic",
            format!("title: No topic\nquestions:\n{GOOD_QUESTION}"),
            vec!["bank.yaml:1:1: missing `topic` in the bank"],
        ),
        (
            "missing questions",
            "topic: demo\n".into(),
            vec!["bank.yaml:1:1: missing `questions:` (a list of questions)"],
        ),
    ]
}

#[test]
fn validate_reports_each_kind_of_problem_at_its_place() {
    let cases = file_cases().into_iter().chain(question_cases());
    for (what, text, problems) in cases {
        let run = validate_text(text.as_bytes());
        assert_eq!(run.code, Some(1), "{what}: {run:#?}");
        assert_problems(&run, &problems);
    }
}

#[test]
fn validate_reports_every_problem_of_a_file_in_one_run() {
    let text = "\
topic: Demo
questions:
  - id: a
    difficulty: easy
    prompt: [1, 2]
    answr: Something.
    points: []
  - id: b
    difficulty: medium
    prompt: Hi?
    answer: Hello.
    points:
      - any: [x]
        weight: 0
      - any: [\"\"]
      - any: []
";
    assert_problems(
        &validate_text(text.as_bytes()),
        &[
            "bank.yaml:1:8: `topic` must be a lowercase name of letters, digits and dashes",
            "bank.yaml:3:5: missing `answer` in question",
            "bank.yaml:5:13: `prompt` must be text, found a list",
            "bank.yaml:6:5: unknown field `answr` in a question (did you mean `answer`?); expected one of: id, difficulty, prompt, answer, points, hint, contrast, wrong",
            "bank.yaml:7:13: `points` is empty: list the key points, or leave the field out to derive them",
            "bank.yaml:14:17: weight must be at least 1 (a zero-weight point counts for nothing)",
            "bank.yaml:15:15: empty alternative: every entry of `any` must be a term",
            "bank.yaml:16:14: `any` must be a non-empty list of terms",
        ],
    );
}

#[test]
fn duplicate_ids_across_files_name_the_first_place() {
    let first = format!("topic: one\nquestions:\n{GOOD_QUESTION}");
    let second = format!(
        "topic: two\ntitle: Two\nquestions:\n  - id: other\n    difficulty: hard\n    prompt: P?\n    answer: A.\n{GOOD_QUESTION}"
    );
    let dir = dir_with(&[("a.yaml", first.as_bytes()), ("b.yaml", second.as_bytes())]);
    let run = cli_in(dir.path(), &["validate", "a.yaml", "b.yaml"]);
    assert_eq!(
        run.stdout,
        "b.yaml:8:5: duplicate id `good` (first defined at a.yaml:3:5); ids must be unique across all banks\n\
         1 problem in 1 of 2 files\n"
    );
    assert_eq!(run.code, Some(1), "{run:#?}");

    let run = cli_in(dir.path(), &["--bank", "a.yaml", "--bank", "b.yaml", "topics"]);
    assert_error(
        &run,
        "error: cannot load the question bank: b.yaml:8:5: duplicate id `good` (first defined at a.yaml:3:5); ids must be unique across all banks",
    );
}

#[test]
fn validate_counts_files_and_failing_files() {
    let good = format!("topic: demo\nquestions:\n{GOOD_QUESTION}");
    let dir = dir_with(&[("good.yaml", good.as_bytes()), ("bad.yaml", b"topic: other\n")]);
    let run = cli_in(dir.path(), &["validate", "good.yaml", "bad.yaml"]);
    assert_eq!(
        run.stdout,
        "bad.yaml:1:1: missing `questions:` (a list of questions)\n1 problem in 1 of 2 files\n"
    );
    assert_eq!(run.code, Some(1));
}

// ---------------------------------------------------------------------------------------------
// Banks from disk

const VALID_TOPICS: &str = "\
topic  easy medium hard total  title
git       1      1    1     3  Version control with git
";

#[test]
fn a_bank_from_disk_replaces_the_builtin_one() {
    for run in [
        cli(&["--bank", &fixture("valid.yaml"), "topics"]),
        finish(rehearse().env("REHEARSE_BANK", fixture("valid.yaml")).arg("topics")),
    ] {
        assert_eq!(run.code, Some(0), "{run:#?}");
        assert_eq!(run.stderr, "");
        assert!(run.stdout.starts_with(VALID_TOPICS), "{}", run.stdout);
        assert_eq!(run.stdout.lines().count(), 3, "{}", run.stdout);
    }
    let shown = cli(&["--bank", &fixture("valid.yaml"), "list"]);
    let ids: Vec<String> = listed(&shown.stdout).into_iter().map(|l| l.id).collect();
    assert_eq!(ids, ["git-rebase-vs-merge", "git-staging-area", "git-bisect"]);
    assert_error(
        &cli(&["--bank", &fixture("valid.yaml"), "show", "http-put-vs-patch"]),
        "error: no question with id `http-put-vs-patch`; run `rehearse list` to see the ids",
    );
}

#[test]
fn topics_summary_uses_the_singular_for_one_topic() {
    let run = cli(&["--bank", &fixture("valid.yaml"), "topics"]);
    assert_eq!(run.stdout, format!("{VALID_TOPICS}3 questions in 1 topic\n"));
}

#[test]
fn validate_uses_the_bank_from_the_environment_and_the_flag() {
    let from_env = finish(rehearse().env("REHEARSE_BANK", fixture("valid.yaml")).arg("validate"));
    let from_flag = cli(&["--bank", &fixture("valid.yaml"), "validate"]);
    let explicit = cli(&["validate", &fixture("valid.yaml")]);
    for run in [from_env, from_flag, explicit] {
        assert_eq!(run.stdout, "ok: 1 file, 1 topic, 3 questions\n", "{run:#?}");
        assert_eq!(run.code, Some(0));
    }
}

#[test]
fn a_folder_of_yaml_and_yml_files_loads_and_other_files_are_ignored() {
    let run = cli(&["--bank", &fixture("folder"), "topics"]);
    assert_eq!(run.code, Some(0), "{run:#?}");
    let topics: Vec<&str> =
        run.stdout.lines().skip(1).take(2).map(|l| l.split_whitespace().next().unwrap()).collect();
    assert_eq!(topics, ["shell", "sql"], "files load in name order:\n{}", run.stdout);
    assert_eq!(run.stdout.lines().last(), Some("4 questions in 2 topics"));

    let run = cli(&["validate", &fixture("folder"), &fixture("valid.yaml")]);
    assert_eq!(run.stdout, "ok: 3 files, 3 topics, 7 questions\n");
    assert_eq!(run.code, Some(0));

    let run = cli(&["--bank", &fixture("folder"), "--bank", &fixture("valid.yaml"), "list", "-t", "git,sql"]);
    assert_eq!(run.code, Some(0), "{run:#?}");
    assert_eq!(run.stdout.lines().count(), 5);
}

#[test]
fn a_folder_without_banks_is_an_error() {
    let dir = dir_with(&[
        ("empty/notes.txt", b"topic: not-a-bank\n"),
        ("empty/sub.yaml/inner.yaml", b"topic: x\n"),
    ]);
    assert_error(
        &cli_in(dir.path(), &["--bank", "empty", "topics"]),
        "error: cannot load the question bank: empty holds no bank files (*.yaml or *.yml)",
    );
    assert_error(
        &cli_in(dir.path(), &["validate", "empty"]),
        "error: empty holds no bank files (*.yaml or *.yml)",
    );
}

#[test]
fn a_missing_path_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    for args in [&["--bank", "nope.yaml", "topics"][..], &["validate", "nope.yaml"]] {
        let run = cli_in(dir.path(), args);
        assert_eq!(run.code, Some(2), "{run:#?}");
        assert_eq!(run.stdout, "");
        assert_eq!(run.stderr.lines().count(), 1, "{run:#?}");
        assert!(run.stderr.starts_with("error: "), "{run:#?}");
        assert!(run.stderr.contains("cannot read nope.yaml: "), "{run:#?}");
    }
}

#[test]
fn a_missing_path_names_its_cause_once() {
    let dir = tempfile::tempdir().unwrap();
    let cause = fs::metadata(dir.path().join("nope.yaml")).unwrap_err();
    assert_error(
        &cli_in(dir.path(), &["validate", "nope.yaml"]),
        &format!("error: cannot read nope.yaml: {cause}"),
    );
    assert_error(
        &cli_in(dir.path(), &["--bank", "nope.yaml", "topics"]),
        &format!("error: cannot load the question bank: cannot read nope.yaml: {cause}"),
    );
}

#[test]
fn a_broken_bank_given_with_bank_stops_with_its_first_problem() {
    assert_error(
        &cli(&["--bank", &fixture("broken.yaml"), "topics"]),
        "error: cannot load the question bank: tests/fixtures/banks/broken.yaml:10:17: weight must be at least 1 \
         (a zero-weight point counts for nothing) (and 1 more; run `rehearse validate` to see them all)",
    );
    let run = cli(&["validate", &fixture("broken.yaml")]);
    assert_eq!(run.code, Some(1));
    assert!(run.stdout.ends_with("\n2 problems in 1 of 1 file\n"), "{}", run.stdout);
}

// ---------------------------------------------------------------------------------------------
// Hostile files: no panic, no hang, one clear problem

/// `depth` levels of anchors, each a list of nine aliases of the level below ("billion laughs").
fn alias_bomb(depth: usize) -> String {
    let mut text = String::from("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for level in 1..=depth {
        let aliases = vec![format!("*a{}", level - 1); 9].join(", ");
        writeln!(text, "a{level}: &a{level} [{aliases}]").unwrap();
    }
    text + &format!("topic: bomb\nquestions: *a{depth}\n")
}

const DEEP: &str = "nesting deeper than 64 levels; no bank or answers file needs that many";

#[test]
fn hostile_files_get_one_clear_problem() {
    let png: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0";
    let cases: Vec<(&str, Vec<u8>, String)> = vec![
        ("binary garbage", png.to_vec(), "1:1: invalid UTF-8: save the file as UTF-8".into()),
        (
            "control bytes",
            b"\x01\x02\x03garbage\x04".to_vec(),
            "1:1: not valid YAML: control characters are not allowed".into(),
        ),
        (
            "Latin-1 text",
            b"topic: demo\ntitle: Caf\xc3\xa9 \xff\n".to_vec(),
            "2:13: invalid UTF-8: save the file as UTF-8".into(),
        ),
        ("empty file", Vec::new(), "1:1: empty file: a bank needs `topic:` and `questions:`".into()),
        (
            "blank file",
            b"  \n\n\t\n".to_vec(),
            "1:1: empty file: a bank needs `topic:` and `questions:`".into(),
        ),
        ("10,000 brackets", vec![b'['; 10_000], format!("1:65: {DEEP}")),
        (
            "deep questions",
            format!("topic: deep\nquestions: {}{}\n", "[".repeat(10_000), "]".repeat(10_000)).into_bytes(),
            format!("2:76: {DEEP}"),
        ),
        (
            "alias bomb",
            alias_bomb(9).into_bytes(),
            "1:1: aliases expand this file past 16 M characters; repeat less, or write the text out".into(),
        ),
    ];
    for (what, bytes, problem) in cases {
        let dir = dir_with(&[("hostile.yaml", &bytes)]);
        let run = cli_in(dir.path(), &["validate", "hostile.yaml"]);
        assert_eq!(run.code, Some(1), "{what}: {run:#?}");
        assert_eq!(run.stdout, format!("hostile.yaml:{problem}\n1 problem in 1 of 1 file\n"), "{what}");
        assert_eq!(run.stderr, "", "{what}");
        let run = cli_in(dir.path(), &["--bank", "hostile.yaml", "topics"]);
        assert_error(&run, &format!("error: cannot load the question bank: hostile.yaml:{problem}"));
    }
}

#[test]
fn a_file_over_the_size_limit_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let big = fs::File::create(dir.path().join("big.yaml")).unwrap();
    big.set_len(50 * 1024 * 1024).unwrap(); // sparse: instant to make, and it must not be read
    drop(big);
    let started = std::time::Instant::now();
    let run = cli_in(dir.path(), &["validate", "big.yaml"]);
    let problem = format!(
        "big.yaml:1:1: file is too large for a bank (51200 KiB; the limit is {} KiB)",
        MAX_FILE_BYTES / 1024
    );
    assert_eq!(run.stdout, format!("{problem}\n1 problem in 1 of 1 file\n"));
    assert_eq!(run.code, Some(1));
    assert!(started.elapsed() < std::time::Duration::from_secs(10), "took {:?}", started.elapsed());
    assert_error(
        &cli_in(dir.path(), &["--bank", "big.yaml", "topics"]),
        &format!("error: cannot load the question bank: {problem}"),
    );
}

#[test]
fn nul_bytes_are_a_clear_problem() {
    let run = validate_text(b"topic: demo\nquestions:\n  - id: a\0b\n");
    assert_eq!(run.code, Some(1), "{run:#?}");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{run:#?}");
    assert!(lines[0].starts_with("bank.yaml:"), "{run:#?}");
    assert!(lines[0].contains(": not valid YAML: control characters are not allowed"), "{run:#?}");
}

#[test]
fn nul_bytes_are_located_at_the_byte() {
    let run = validate_text(b"topic: demo\nquestions:\n  - id: a\0b\n");
    assert_eq!(
        run.stdout,
        "bank.yaml:3:10: not valid YAML: control characters are not allowed\n1 problem in 1 of 1 file\n"
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let text = format!("\u{feff}topic: demo\nquestions:\n{GOOD_QUESTION}");
    let run = validate_text(text.as_bytes());
    assert_eq!(run.stdout, "ok: 1 file, 1 topic, 1 question\n");
    assert_eq!(run.code, Some(0));
}

#[test]
fn windows_line_endings_keep_exact_positions() {
    let text = "topic: demo\r\nquestions:\r\n  - id: a\r\n    difficulty: easy\r\n    prompt: P?\r\n    answr: A.\r\n";
    assert_problems(
        &validate_text(text.as_bytes()),
        &[
            "bank.yaml:3:5: missing `answer` in question",
            "bank.yaml:6:5: unknown field `answr` in a question (did you mean `answer`?); expected one of: id, difficulty, prompt, answer, points, hint, contrast, wrong",
        ],
    );
}

#[test]
fn paths_that_cannot_be_read_as_files_are_errors() {
    let good = format!("topic: demo\nquestions:\n{GOOD_QUESTION}");
    let dir = dir_with(&[("good.yaml", good.as_bytes()), ("x.yaml/inner.txt", b"not a bank")]);
    // A folder named like a bank file is taken as a folder, and holds no banks.
    assert_error(
        &cli_in(dir.path(), &["validate", "x.yaml"]),
        "error: x.yaml holds no bank files (*.yaml or *.yml)",
    );
    // A path through a file fails for every user, root included.
    let run = cli_in(dir.path(), &["validate", "good.yaml/x.yaml"]);
    assert_eq!(run.code, Some(2), "{run:#?}");
    assert!(run.stderr.starts_with("error: cannot read good.yaml/x.yaml: "), "{run:#?}");
    assert_eq!(run.stderr.lines().count(), 1);
    // A folder named x.yaml inside a bank folder is skipped, not read as a file.
    let dir = dir_with(&[("bank/good.yaml", good.as_bytes()), ("bank/x.yaml/inner.yaml", good.as_bytes())]);
    let run = cli_in(dir.path(), &["validate", "bank"]);
    assert_eq!(run.stdout, "ok: 1 file, 1 topic, 1 question\n", "{run:#?}");
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("loop.yaml", dir.path().join("loop.yaml")).unwrap();
    let run = cli_in(dir.path(), &["validate", "loop.yaml"]);
    assert_eq!(run.code, Some(2), "{run:#?}");
    assert!(run.stderr.starts_with("error: cannot read loop.yaml: "), "{run:#?}");
    assert_eq!(run.stderr.lines().count(), 1);
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_a_problem_not_a_crash() {
    use std::os::unix::fs::PermissionsExt;
    let dir = dir_with(&[("locked.yaml", b"topic: demo\n")]);
    let path: PathBuf = dir.path().join("locked.yaml");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    let run = cli_in(dir.path(), &["validate", "locked.yaml"]);
    assert_eq!(run.code, Some(1), "{run:#?}");
    match fs::read(&path) {
        Err(cause) => assert_eq!(
            run.stdout,
            format!("locked.yaml:1:1: cannot read: {cause}\n1 problem in 1 of 1 file\n")
        ),
        // Root reads it anyway: then it is checked like any other file (it has no questions).
        Ok(_) => assert!(run.stdout.starts_with("locked.yaml:1:1: ") && !run.stdout.contains("cannot read")),
    }
}

#[test]
fn validate_warns_of_generic_phrasings_and_revealing_hints_without_failing() {
    let text = with_question(
        "  - id: b\n    difficulty: easy\n    prompt: Which methods are idempotent?\n    answer: GET, PUT and DELETE are idempotent.\n    points:\n      - any: [idempotent, each item]\n    hint: GET, PUT and DELETE are the idempotent ones.\n",
    );
    let run = validate_text(text.as_bytes());
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{run:#?}");
    assert_eq!(
        lines[0],
        "bank.yaml:12:27: warning: `each item` comes down to the one generic word `item`, which nearly any answer uses; name the claim"
    );
    // The hint's exact score depends on the scorer's weights; that it is flagged does not.
    assert!(lines[1].starts_with("bank.yaml:13:11: warning: the hint alone scores "), "{run:#?}");
    assert!(lines[1].ends_with(" (over 20): it gives the answer away; nudge instead"), "{run:#?}");
    assert_eq!(lines[2], "ok: 1 file, 1 topic, 2 questions (2 warnings)");
    assert_eq!(run.code, Some(0));
}
