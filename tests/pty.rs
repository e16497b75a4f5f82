//! The real interactive prompt in a pseudo-terminal: typing, editing, commands, timer, Ctrl-C.
#![cfg(unix)]

use expectrl::{ControlCode, Expect};

use crate::util::pty as spawn;

#[test]
fn an_interactive_session_from_typing_to_ctrl_c() {
    // With seed 1 the http questions come as: head-options, 429-rate-limit, 400-vs-422, ...
    let mut s = spawn(&["quiz", "-t", "http", "-n", "4", "--seed", "1", "--per-question", "4s"]);
    s.expect("Question 1/4 · http · easy").unwrap();
    s.expect("›").unwrap();

    // A typo ("idempotnet") and a stray "x" removed with backspace: the feedback shows the edited word.
    s.send("HEAD returns headers but no body; OPTIONS lists the allowed methods, used as CORS preflight; both idempotnetx").unwrap();
    s.send([0x7f]).unwrap();
    s.send("\r").unwrap();
    s.expect("Score").unwrap();
    s.expect("(you wrote: idempotnet)").unwrap();
    s.expect("Model answer").unwrap();

    // Wait for the prompt: keys sent before raw mode is on can be lost.
    s.expect("Question 2/4").unwrap();
    s.expect("›").unwrap();
    s.send(":hint\r").unwrap();
    s.expect("Hint:").unwrap();
    s.send(":skip\r").unwrap();
    s.expect("Skipped.").unwrap();
    s.expect("Model answer").unwrap(); // what a skip still teaches

    // Typed but never submitted: the limit submits it.
    s.expect("Question 3/4").unwrap();
    s.expect("›").unwrap();
    s.send("400 means the JSON is malformed").unwrap();
    s.expect("Time is up: your answer so far was submitted.").unwrap();
    s.expect("(you wrote: malformed)").unwrap();

    s.expect("Question 4/4").unwrap();
    s.expect("›").unwrap();
    s.send(ControlCode::EndOfText).unwrap();
    s.expect("Session summary (interrupted)").unwrap();
    s.expect("1 answered · 1 skipped · 1 timed out · 1 unanswered").unwrap();
    let status = s.get_process().wait().unwrap();
    assert!(format!("{status:?}").ends_with(", 130)"), "{status:?}");
}
