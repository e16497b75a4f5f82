//! Property tests at the input boundaries: arbitrary bytes and YAML-shaped documents into the bank
//! loader and validator, arbitrary lines into eval's reader and the answers file. No input may
//! panic; nasty cases found are kept in `tests/corpus/` and replayed by `the_corpus_stays_handled`.

use std::fs;
use std::path::Path;

use proptest::prelude::*;
use rehearse::bank::check_text;
use rehearse::eval::parse_rows;

use crate::util::{cli_in, rehearse};

const VALID: &str = "topic: demo\nquestions:\n  - id: a\n    difficulty: easy\n    prompt: What is REST?\n    \
                     answer: An architectural style.\n    points:\n      - any: [style, constraints]\n        \
                     weight: 2\n    hint: Think of Fielding.\n";

/// Pieces of YAML syntax and of the bank format, joined at random into YAML-shaped documents.
const FRAGMENTS: &[&str] = &[
    "topic: ",
    "title: ",
    "questions:",
    "  - id: ",
    "    difficulty: ",
    "    prompt: ",
    "    answer: ",
    "    points:",
    "      - any: [",
    "]",
    "        weight: ",
    "label: ",
    "hint: ",
    "contrast: [PUT, PATCH]",
    "wrong:",
    "correction: ",
    "about: ",
    "bonus: true",
    "contrary: [fine]",
    "- ",
    "[",
    "{",
    "}",
    ",",
    ": ",
    "&a ",
    "*a",
    "<<: ",
    "\"",
    "'",
    "|\n",
    ">\n",
    "# c",
    "\t",
    "\n",
    "  ",
    "1e23",
    "~",
    "null",
    "0",
    "-1",
    "easy",
    "http",
    "\u{1b}[2J",
    "\u{7}",
    "\0",
    "\u{feff}",
    "é",
    "!!binary ",
    "!tag ",
    "? ",
    "---\n",
    "...\n",
    "%YAML 1.2\n",
];

fn yaml_shaped() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![prop::sample::select(FRAGMENTS).prop_map(String::from), "[a-z ]{0,6}"],
        0..80,
    )
    .prop_map(|parts| parts.concat())
}

/// A valid bank with a few fragments spliced in at random places.
fn mutated_bank() -> impl Strategy<Value = String> {
    prop::collection::vec((0..VALID.len(), prop::sample::select(FRAGMENTS)), 1..6).prop_map(|edits| {
        let mut text = VALID.to_string();
        for (at, piece) in edits {
            let at = (0..=at.min(text.len())).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
            text.insert_str(at, piece);
        }
        text
    })
}

/// The checks every report must pass, whatever the input.
fn assert_sane(bytes: Vec<u8>) -> Result<(), TestCaseError> {
    let report = check_text("b.yaml", bytes);
    for diagnostic in &report.diagnostics {
        prop_assert!(diagnostic.line >= 1 && diagnostic.column >= 1, "{diagnostic:?}");
        let shown = diagnostic.to_string();
        prop_assert!(!shown.chars().any(char::is_control), "raw control character in {shown:?}");
    }
    if report.diagnostics.is_empty() {
        prop_assert!(!report.bank.questions.is_empty());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_are_checked_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        assert_sane(bytes)?;
    }

    #[test]
    fn yaml_shaped_documents_are_checked_without_panic(text in yaml_shaped()) {
        assert_sane(text.into_bytes())?;
    }

    #[test]
    fn mutated_banks_are_checked_without_panic(text in mutated_bank()) {
        assert_sane(text.into_bytes())?;
    }

    #[test]
    fn eval_reads_any_lines_without_panic(lines in prop::collection::vec(prop_oneof![
        "\\PC{0,40}",
        Just("{\"answer\": \"a\", \"grade\": 1, \"max_grade\": 2, \"reference_answer\": \"b\"}".to_string()),
        Just("{\"answer\": \"a\", \"grade\": 1e308, \"max_grade\": 1e-308}".to_string()),
        Just("{\"answer\": \"a\", \"grade\": -0.0, \"max_grade\": 0}".to_string()),
    ], 0..8)) {
        if let Ok(rows) = parse_rows(&lines.join("\n")) {
            for (_, row) in rows {
                prop_assert!(row.max_grade > 0.0 && (0.0..=row.max_grade).contains(&row.grade));
            }
        }
    }
}

proptest! {
    // Each case runs the binary, so fewer of them.
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn answers_files_of_any_shape_end_cleanly(text in yaml_shaped()) {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("answers.yaml"), &text).unwrap();
        let run = cli_in(dir.path(), &["quiz", "--answers", "answers.yaml", "-n", "2", "--seed", "1", "-q"]);
        prop_assert!(matches!(run.code, Some(0 | 2)), "{run:#?}");
        if run.code == Some(2) {
            prop_assert_eq!(run.stderr.lines().count(), 1, "{:#?}", run);
        }
    }
}

/// Replays every file of `tests/corpus/`: banks through the checker and `validate`, answers files
/// through `quiz --answers`, graded rows through `eval`.
#[test]
fn the_corpus_stays_handled() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let files = |dir: &str| {
        let mut paths: Vec<_> = fs::read_dir(corpus.join(dir)).unwrap().map(|e| e.unwrap().path()).collect();
        paths.sort();
        paths
    };
    for path in files("banks") {
        assert_sane(fs::read(&path).unwrap()).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let run = crate::util::finish(rehearse().arg("validate").arg(&path));
        assert_eq!(run.code, Some(1), "{}: every corpus bank is broken: {run:#?}", path.display());
    }
    for path in files("answers") {
        let run = crate::util::finish(
            rehearse().args(["quiz", "-n", "1", "-q", "--seed", "1", "--answers"]).arg(&path),
        );
        assert!(matches!(run.code, Some(0 | 2)), "{}: {run:#?}", path.display());
    }
    for path in files("eval") {
        let run = crate::util::finish(rehearse().arg("eval").arg(&path));
        assert!(matches!(run.code, Some(0 | 2)), "{}: {run:#?}", path.display());
        assert!(!run.stdout.contains("inf") && !run.stdout.contains("NaN"), "{}: {run:#?}", path.display());
    }
}
