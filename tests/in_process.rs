//! The library entry `run(args, stdout, stderr)` called in-process, as the binary calls it.

use rehearse::{Exit, run};

/// Runs `args` (without the program name) in-process; returns the exit and both streams.
fn run_in_process(args: &[&str]) -> (Exit, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let exit = run(std::iter::once("rehearse").chain(args.iter().copied()), &mut out, &mut err);
    (exit, String::from_utf8(out).unwrap(), String::from_utf8(err).unwrap())
}

#[test]
fn a_command_writes_to_the_given_stdout() {
    let (exit, out, err) = run_in_process(&["--color", "never", "list", "-t", "http", "-d", "easy"]);
    assert_eq!((exit, exit.code(), err.as_str()), (Exit::Success, 0, ""));
    assert!(out.lines().count() >= 2, "{out}");
    assert!(out.lines().all(|line| line.contains(" http ")), "{out}");
}

#[test]
fn errors_go_to_the_given_stderr_as_one_line() {
    let (exit, out, err) = run_in_process(&["--color", "never", "show", "http-put-vs-pach"]);
    assert_eq!((exit, exit.code(), out.as_str()), (Exit::Failed, 2, ""));
    assert_eq!(err, "error: no question with id `http-put-vs-pach` (did you mean `http-put-vs-patch`?)\n");
}

#[test]
fn help_goes_to_stdout_and_usage_errors_to_stderr() {
    let (exit, out, err) = run_in_process(&["--help"]);
    assert_eq!((exit, err.as_str()), (Exit::Success, ""));
    assert!(out.contains("Usage: rehearse"), "{out}");
    let (exit, out, err) = run_in_process(&["list", "--no-such-flag"]);
    assert_eq!((exit, out.as_str()), (Exit::Failed, ""));
    assert!(err.starts_with("error: unexpected argument '--no-such-flag'"), "{err}");
}

#[test]
fn a_scripted_answers_file_session_runs_in_process() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("answers.yaml");
    std::fs::write(&path, "http-put-vs-patch: PUT replaces the whole resource\n").unwrap();
    // In-process there is no private REHEARSE_HOME: keep the user's history out of it.
    let args = [
        "--color",
        "never",
        "quiz",
        "-t",
        "http",
        "-n",
        "100",
        "--no-history",
        "--answers",
        path.to_str().unwrap(),
    ];
    let (exit, out, err) = run_in_process(&args);
    assert_eq!((exit, err.as_str()), (Exit::Success, ""), "{out}");
    assert!(out.contains("Session summary"), "{out}");
}
