//! `docs/errors.md` is true: every row's command, run from the package root, exits with the
//! documented code and prints the documented first line on stderr (the only line, except for
//! clap's usage errors, which add a usage hint).

use std::path::Path;

use crate::util::{finish, rehearse};

/// One row of the table: environment, arguments, exit code, first line of stderr.
struct Row {
    env: Vec<(String, String)>,
    args: Vec<String>,
    code: i32,
    stderr: String,
}

/// The text inside a ``` `` code `` ``` cell.
fn code(cell: &str) -> Option<&str> {
    cell.trim().strip_prefix("`` ")?.strip_suffix(" ``")
}

/// Splits a command line on spaces, keeping "double-quoted" words whole.
fn words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            c => word.push(c),
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

fn rows(doc: &str) -> Vec<Row> {
    let mut rows = Vec::new();
    for line in doc.lines().filter(|l| l.starts_with("| ``")) {
        let cells: Vec<&str> = line.trim_matches('|').split(" | ").collect();
        assert_eq!(cells.len(), 3, "a row has command, exit and message: {line}");
        let command = code(cells[0]).unwrap_or_else(|| panic!("command cell: {line}"));
        let mut env = Vec::new();
        let mut args = Vec::new();
        for word in words(command) {
            match word.split_once('=') {
                Some((name, value))
                    if args.is_empty() && name.chars().all(|c| c.is_ascii_uppercase() || c == '_') =>
                {
                    env.push((name.to_string(), value.to_string()));
                }
                _ => args.push(word),
            }
        }
        assert_eq!(args.first().map(String::as_str), Some("rehearse"), "{line}");
        args.remove(0);
        let code_cell = cells[1].trim().parse().unwrap_or_else(|_| panic!("exit cell: {line}"));
        let stderr = code(cells[2]).unwrap_or_else(|| panic!("message cell: {line}")).to_string();
        rows.push(Row { env, args, code: code_cell, stderr });
    }
    rows
}

#[test]
fn every_documented_error_is_what_the_binary_prints() {
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/errors.md")).unwrap();
    let rows = rows(&doc);
    assert!(rows.len() >= 20, "only {} rows", rows.len());
    for row in rows {
        let mut cmd = rehearse();
        cmd.args(&row.args).write_stdin("");
        for (name, value) in &row.env {
            cmd.env(name, value);
        }
        let run = finish(&mut cmd);
        let what = format!("rehearse {}", row.args.join(" "));
        assert_eq!(run.code, Some(row.code), "{what}: {run:#?}");
        assert_eq!(run.stderr.lines().next().unwrap_or(""), row.stderr, "{what}");
        let usage_error = run.stderr.contains("\nUsage: ") || run.stderr.contains("For more information");
        if row.code == 2 && !usage_error {
            assert_eq!(run.stderr.lines().count(), 1, "{what}: one line only: {run:#?}");
            assert_eq!(run.stdout, "", "{what}");
        }
    }
}
