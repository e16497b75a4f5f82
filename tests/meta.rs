//! `completions`, `man` and `schema`: each prints something its consumer accepts.

use std::process::Command as StdCommand;

use crate::util::{COMMANDS, cli};

#[test]
fn completions_are_printed_for_every_shell() {
    for (shell, marker) in [
        ("bash", "complete -F _rehearse"),
        ("zsh", "#compdef rehearse"),
        ("fish", "complete -c rehearse"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let run = cli(&["completions", shell]);
        assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""), "{shell}");
        assert!(run.stdout.contains(marker), "{shell}: {}", &run.stdout[..run.stdout.len().min(300)]);
        assert!(run.stdout.contains("validate") && run.stdout.contains("bank"), "{shell}");
    }
    assert_eq!(cli(&["completions", "tcsh"]).code, Some(2));
}

#[test]
fn bash_accepts_the_bash_completions() {
    let run = cli(&["completions", "bash"]);
    let Ok(status) = StdCommand::new("bash").args(["-n", "-c", &run.stdout]).status() else {
        return; // no bash on this machine: the marker test above still runs
    };
    assert!(status.success(), "bash -n rejected the script");
}

#[test]
fn the_man_page_is_roff_naming_every_command() {
    let run = cli(&["man"]);
    assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""));
    assert!(run.stdout.starts_with(".ie \\n(.g .ds Aq"), "{}", &run.stdout[..200]);
    assert!(run.stdout.contains(".TH rehearse 1"), "no title header");
    // The man page documents every command but itself.
    for command in COMMANDS.into_iter().filter(|c| *c != "man") {
        assert!(run.stdout.contains(&format!("rehearse\\-{command}")), "{command} missing");
    }
}

#[test]
fn the_schema_describes_the_bank_format() {
    let run = cli(&["schema"]);
    assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""));
    let schema: serde_json::Value = serde_json::from_str(&run.stdout).expect("the schema is JSON");
    assert_eq!(schema["title"], "rehearse question bank");
    assert!(schema["$schema"].as_str().is_some_and(|s| s.contains("json-schema.org")), "{schema}");
    assert_eq!(schema["required"], serde_json::json!(["topic", "questions"]));
    let difficulty = &schema["$defs"]["Level"]["enum"];
    assert_eq!(difficulty, &serde_json::json!(["easy", "medium", "hard"]));
}

#[test]
fn long_commands_show_no_progress_bar_when_piped() {
    // Enough files and rows for a bar in a terminal; here stderr is a pipe, so nothing shows.
    let dir = tempfile::tempdir().unwrap();
    for i in 0..30 {
        let text = format!(
            "topic: t{i}\nquestions:\n  - id: q{i}\n    difficulty: easy\n    prompt: p\n    answer: GET is safe\n"
        );
        std::fs::write(dir.path().join(format!("t{i}.yaml")), text).unwrap();
    }
    let row =
        "{\"reference_answer\": \"GET is safe\", \"answer\": \"GET\", \"grade\": 1, \"max_grade\": 2}\n";
    std::fs::write(dir.path().join("rows.jsonl"), row.repeat(600)).unwrap();
    let run = crate::util::cli_in(dir.path(), &["validate", "."]);
    assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""), "{run:#?}");
    let run = crate::util::cli_in(dir.path(), &["eval", "rows.jsonl"]);
    assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""), "{run:#?}");
}
