//! The real interactive prompt in a pseudo-terminal: typing, editing, commands, timer, Ctrl-C.
#![cfg(unix)]

use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::{ControlCode, Expect};

use crate::util::{PATIENCE, bin, own_pty, pty as spawn, pty_program, pty_sh};

/// Runs `rehearse args` under `sh` in a pty, then prints its exit code and the terminal's settings,
/// so a test can see how the terminal was left.
fn spawn_then_stty(args: &str) -> expectrl::session::OsSession {
    let script = format!(
        "before=$(stty -g); {} {args}; echo \"EXIT=$?\"; [ \"$(stty -g)\" = \"$before\" ] && echo RESTORED",
        bin()
    );
    pty_sh(&script)
}

/// The pid of the one child of `parent` (rehearse under `sh`), waiting until it exists.
fn child_of(parent: u32) -> u32 {
    wait_until(|| {
        let children = std::fs::read_to_string(format!("/proc/{parent}/task/{parent}/children")).ok()?;
        children.split_whitespace().next()?.parse().ok()
    })
}

/// Polls `check` until it gives a value (within [`PATIENCE`]): for states no output announces.
fn wait_until<T>(mut check: impl FnMut() -> Option<T>) -> T {
    let limit = Instant::now() + PATIENCE;
    loop {
        if let Some(value) = check() {
            return value;
        }
        assert!(Instant::now() < limit, "the state never came");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn kill(signal: &str, pid: u32) {
    assert!(Command::new("kill").args([&format!("-{signal}"), &pid.to_string()]).status().unwrap().success());
}

fn exit_code(s: &expectrl::session::OsSession) -> String {
    format!("{:?}", s.get_process().wait().unwrap())
}

/// Everything the program writes until it ends.
fn rest(s: &mut expectrl::session::OsSession) -> String {
    let found = s.expect(expectrl::Eof).unwrap();
    let mut text = String::from_utf8_lossy(found.before()).to_string();
    for m in found.matches() {
        text += &String::from_utf8_lossy(m);
    }
    text
}

#[test]
fn an_interactive_session_from_typing_to_ctrl_c() {
    // With seed 1 the http questions come as: head-options, 429-rate-limit, 400-vs-422, ...
    // No time limit here: typing and scoring take what they take on a loaded machine.
    let mut s = spawn(&["quiz", "-t", "http", "-n", "3", "--seed", "1"]);
    s.expect("Question 1/3 · http · easy").unwrap();
    s.expect("›").unwrap();

    // A typo ("idempotnet") and a stray "x" removed with backspace: the feedback shows the edited word.
    s.send("HEAD returns headers but no body; OPTIONS lists the allowed methods, used as CORS preflight; both idempotnetx").unwrap();
    s.send([0x7f]).unwrap();
    s.send("\r").unwrap();
    s.expect("Score").unwrap();
    s.expect("(you wrote: idempotnet)").unwrap();
    s.expect("Model answer").unwrap();

    // Wait for the prompt: keys sent before raw mode is on can be lost.
    s.expect("Question 2/3").unwrap();
    s.expect("›").unwrap();
    s.send(":hint\r").unwrap();
    s.expect("Hint:").unwrap();
    s.expect("›").unwrap();
    s.send(":skip\r").unwrap();
    s.expect("Skipped.").unwrap();
    s.expect("Model answer").unwrap(); // what a skip still teaches

    s.expect("Question 3/3").unwrap();
    s.expect("›").unwrap();
    s.send(ControlCode::EndOfText).unwrap();
    s.expect("Session summary (interrupted)").unwrap();
    s.expect("1 answered · 1 skipped · 0 timed out · 1 unanswered").unwrap();
    let status = s.get_process().wait().unwrap();
    assert!(format!("{status:?}").ends_with(", 130)"), "{status:?}");
}

#[test]
fn the_time_limit_submits_what_was_typed() {
    // The limit must outlast one prompt round trip under load; the test waits for it once.
    let mut s =
        spawn(&["quiz", "-t", "http", "-n", "1", "--seed", "1", "--per-question", "6s", "--no-history"]);
    s.expect("Question 1/1").unwrap();
    s.expect("›").unwrap();
    s.send("HEAD returns the headrs only").unwrap();
    s.expect("Time is up: your answer so far was submitted.").unwrap();
    s.expect("(you wrote: headrs").unwrap();
    s.expect("0 answered · 0 skipped · 1 timed out · 0 unanswered").unwrap();
}

#[test]
fn p1_an_enter_typed_ahead_arrives_as_a_line_feed_and_still_submits() {
    let mut s = spawn(&["quiz", "-t", "http", "-n", "2", "--seed", "1", "--no-history"]);
    s.expect("›").unwrap();
    // Typed while the terminal was between prompts, Enter reaches raw mode as \n (Ctrl-J).
    s.send(":skip\n").unwrap();
    s.expect("Skipped.").unwrap();
    s.expect("Question 2/2").unwrap();
    s.expect("›").unwrap();
    s.send(":quit\r").unwrap();
    s.expect("Session summary").unwrap();
}

#[test]
fn p2_quiet_still_shows_the_question() {
    let mut s = spawn(&["-q", "quiz", "-t", "http", "-n", "1", "--seed", "1", "--no-history"]);
    s.expect("What are the HEAD and OPTIONS methods used for?").unwrap();
    s.expect("›").unwrap();
    s.send(":quit\r").unwrap();
    s.expect("Session summary").unwrap();
}

#[test]
fn p4_the_topic_picker_ends_quietly_with_130_on_esc_and_ctrl_c() {
    for key in [&b"\x1b"[..], &b"\x03"[..]] {
        let mut s = spawn(&["quiz", "--no-history"]);
        s.expect("Topics (space toggles, Enter starts, Esc quits)").unwrap();
        s.send(key).unwrap();
        let rest = rest(&mut s);
        assert!(!rest.contains("error"), "{rest}");
        assert!(exit_code(&s).ends_with(", 130)"), "{key:?}");
    }
}

#[test]
fn p4_the_picker_confirms_in_whole_words_and_a_single_topic_needs_none() {
    let mut s = spawn(&["quiz", "-n", "1", "--seed", "1", "--no-history"]);
    s.expect("Topics (space toggles").unwrap();
    s.send("\r").unwrap();
    s.expect("Topics: fundamentals, http, security, design,").unwrap();
    s.expect("›").unwrap();
    s.send(":quit\r").unwrap();
    s.expect("Session summary").unwrap();
    let bank = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/banks/valid.yaml");
    let mut s = spawn(&["--bank", bank, "quiz", "-n", "1", "--no-history"]);
    s.expect("Question 1/1").unwrap();
    s.expect("›").unwrap();
    s.send(":quit\r").unwrap();
    s.expect("Session summary").unwrap();
}

#[test]
fn row9_a_signal_in_the_picker_ends_with_130_and_shows_the_cursor() {
    for signal in ["TERM", "INT"] {
        let mut s = spawn(&["quiz", "--no-history"]);
        s.expect("Topics (space toggles").unwrap();
        kill(signal, s.get_process().pid().as_raw().try_into().unwrap());
        let rest = rest(&mut s);
        assert!(rest.contains("\x1b[?25h"), "cursor shown ({signal}): {rest:?}");
        assert!(exit_code(&s).ends_with(", 130)"), "{signal}");
    }
}

#[test]
fn p5_prompts_go_to_the_terminal_and_the_summary_to_a_redirected_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.txt");
    let mut s = pty_sh(&format!("{} quiz -t http -n 1 --seed 1 --no-history > {}", bin(), out.display()));
    s.expect("What are the HEAD and OPTIONS methods used for?").unwrap();
    s.expect("›").unwrap();
    s.send("HEAD returns headers only\r").unwrap();
    s.expect("Score").unwrap();
    s.expect(expectrl::Eof).unwrap();
    let file = std::fs::read_to_string(&out).unwrap();
    assert!(file.contains("Session summary") && !file.contains("HEAD and OPTIONS methods"), "{file}");
    assert!(!file.contains('\u{1b}'), "no escape codes in the file: {file:?}");
}

#[test]
fn p10_list_at_a_terminal_cuts_prompts_to_the_width() {
    // The script waits for a line, so the pty's own size is set before it narrows it.
    let mut s = pty_sh(&format!("read go; stty cols 60; {} list -t http", bin()));
    s.send("go\r").unwrap();
    let text = rest(&mut s);
    assert!(text.contains('…'), "{text}");
    assert!(text.lines().all(|l| console::measure_text_width(l.trim_end_matches('\r')) <= 60), "{text}");
}

#[test]
fn row4_a_long_answer_typed_key_by_key_is_not_redrawn_per_key() {
    let mut s = spawn(&["quiz", "-t", "http", "-n", "1", "--seed", "1", "--no-history"]);
    s.expect("›").unwrap();
    // 16,500 characters as keys (no bracketed paste), in chunks of 510, each waited for on screen:
    // a pty drops input that arrives faster than any program reads it.
    let words: Vec<String> = (0..2750).map(|i| format!("w{i:04} ")).collect();
    let mut drawn = 0;
    for chunk in words.chunks(85) {
        s.send(chunk.concat()).unwrap();
        let shown = s.expect(chunk.last().unwrap().trim()).unwrap();
        drawn += shown.before().len() + shown.get(0).unwrap().len();
    }
    s.send("\r").unwrap();
    drawn += s.expect("Score").unwrap().before().len();
    // The whole answer redrawn per key would be ~136 MB; incremental drawing is about its length.
    assert!(drawn < 1_000_000, "{drawn} bytes drawn");
}

#[test]
fn row10_kill_term_hup_or_quit_at_the_prompt_restores_the_terminal() {
    for signal in ["TERM", "HUP", "QUIT"] {
        let mut s = spawn_then_stty("quiz -t http -n 2 --seed 1 --no-history");
        s.expect("›").unwrap();
        let rehearse = child_of(s.get_process().pid().as_raw().try_into().unwrap());
        kill(signal, rehearse);
        s.expect("EXIT=130").unwrap();
        s.expect("RESTORED").unwrap();
    }
}

#[test]
fn row11_kill_int_from_outside_ends_the_prompt_at_once_with_the_summary() {
    let mut s = spawn_then_stty("quiz -t http -n 2 --seed 1 --no-history");
    s.expect("›").unwrap();
    s.send("half an answer").unwrap();
    let rehearse = child_of(s.get_process().pid().as_raw().try_into().unwrap());
    kill("INT", rehearse);
    s.expect("Session summary (interrupted)").unwrap();
    s.expect("EXIT=130").unwrap();
    s.expect("RESTORED").unwrap();
}

#[test]
fn row19_resizes_esc_then_f1_and_ctrl_z_are_handled() {
    let mut s = spawn(&["quiz", "-t", "http", "-n", "3", "--seed", "1", "--no-history"]);
    s.expect("›").unwrap();
    // Resized to 20 and then 5 columns mid-answer: the answer is kept whole. Each step waits for
    // the echo of the one before, so the resize always lands mid-answer, however loaded the machine.
    s.send("HEAD returns ").unwrap();
    s.expect("returns").unwrap();
    s.get_process_mut().set_window_size(20, 24).unwrap();
    s.send("headers ").unwrap();
    s.expect("headers").unwrap();
    s.get_process_mut().set_window_size(5, 24).unwrap();
    s.send("only\r").unwrap();
    s.expect("Score").unwrap();
    s.expect("Question 2/3").unwrap();
    s.get_process_mut().set_window_size(80, 24).unwrap();
    s.expect("›").unwrap();
    // Esc, then F1 (Esc O P): no stray "OP" in the line, so `:skip` is still a command.
    s.send("\x1b").unwrap();
    s.send("\x1bOP:skip\r").unwrap();
    s.expect("Skipped.").unwrap();
    s.expect("Question 3/3").unwrap();
    s.expect("›").unwrap();
    s.send(":quit\r").unwrap();
    s.expect("Session summary").unwrap();
}

#[test]
fn row19_ctrl_z_suspends_as_a_shell_expects() {
    // An interactive bash has job control: a stopped job ends `$?` with 148 (128 + SIGTSTP).
    let script = format!("{} quiz -t http -n 1 --seed 1 --no-history; echo EXIT=$?", bin());
    let mut s = pty_program("bash", &["--norc", "--noprofile", "-i", "-c", &script]);
    s.expect("›").unwrap();
    let rehearse = child_of(s.get_process().pid().as_raw().try_into().unwrap());
    s.send("\x1a").unwrap();
    s.expect("EXIT=148").unwrap();
    // The stopped quiz outlives the shell: end it, so that no test leaves a process behind (a
    // quiz continued after its terminal hangs up spins inside crossterm's poll, a known bug).
    kill("KILL", rehearse);
}

#[test]
fn row19_a_terminal_that_hangs_up_ends_the_quiz_and_keeps_the_report() {
    // Closed at the prompt, and closed while the quiz was stopped by Ctrl-Z and then continued
    // (no signal tells it then): either way the quiz ends rather than spin on the dead terminal.
    for suspended in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let report = dir.path().join("report.json");
        let mut quiz =
            own_pty(&["quiz", "-t", "http", "-n", "2", "--seed", "1", "--report", report.to_str().unwrap()]);
        quiz.wait_for("›");
        quiz.send(b"HEAD returns only the headers\r");
        quiz.wait_for("Question 2/2");
        quiz.wait_for("›");
        let pid = quiz.child.id();
        if suspended {
            quiz.send(b"\x1a");
            wait_until(|| stopped(pid).then_some(()));
        }
        quiz.hang_up();
        if suspended {
            kill("CONT", pid);
        }
        let status = quiz.wait_exit();
        assert!(!status.success(), "{status:?}");
        let report = std::fs::read_to_string(&report).expect("the report was written");
        assert!(report.contains("\"interrupted\": true"), "{report}");
        assert!(report.contains("\"answered\": 1,"), "{report}");
    }
}

/// Whether process `pid` is stopped (state `T` in `/proc/PID/stat`).
fn stopped(pid: u32) -> bool {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    stat.rsplit(')').next().is_some_and(|rest| rest.trim_start().starts_with('T'))
}
