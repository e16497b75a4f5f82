//! The one helper of the integration tests: the binary with a clean environment, run to the end
//! (`cli`, `cli_in`), spawned with a pipe for stdin (`spawn_piped`) or in a pseudo-terminal (`pty`).

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command as StdCommand, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::{Duration, Instant};

use assert_cmd::Command;

/// What one run of the binary printed, and how it ended.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// How long any wait for a program's output or exit may take before the test fails. Only a
/// failing test waits this long; a loaded machine (a browser test alongside) can be slow.
pub const PATIENCE: Duration = Duration::from_secs(90);

/// Every command of the binary, as `--help` lists them.
pub const COMMANDS: [&str; 12] = [
    "quiz",
    "topics",
    "list",
    "show",
    "score",
    "validate",
    "eval",
    "report",
    "stats",
    "completions",
    "man",
    "schema",
];

/// The binary's path, built by Cargo for this test binary.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_rehearse")
}

/// Applies the clean environment every test runs in: no bank from the environment, no colour, a
/// private home of its own (so no run sees another's history; tests of the history pass theirs),
/// the package root as working directory (where `tests/fixtures/...` resolve).
fn clean(cmd: &mut StdCommand) {
    static RUNS: AtomicUsize = AtomicUsize::new(0);
    let home = format!("{}-{}", std::process::id(), RUNS.fetch_add(1, Ordering::Relaxed));
    cmd.env_remove("REHEARSE_BANK")
        .env_remove("COLUMNS")
        .env("NO_COLOR", "1")
        .env("REHEARSE_HOME", Path::new(env!("CARGO_TARGET_TMPDIR")).join("integration-home").join(home))
        .current_dir(env!("CARGO_MANIFEST_DIR"));
}

/// The binary, ready for `assert_cmd`, with the clean environment and a generous timeout.
pub fn rehearse() -> Command {
    let mut std = StdCommand::new(bin());
    clean(&mut std);
    let mut cmd = Command::from_std(std);
    cmd.timeout(PATIENCE);
    cmd
}

/// Runs `args` in `dir` (relative paths in messages then stay short and exact).
pub fn cli_in(dir: &Path, args: &[&str]) -> Run {
    finish(rehearse().current_dir(dir).args(args))
}

/// Runs `args` from the package root.
pub fn cli(args: &[&str]) -> Run {
    finish(rehearse().args(args))
}

/// Runs `cmd` to the end and checks it did not panic.
pub fn finish(cmd: &mut Command) -> Run {
    let output = cmd.output().expect("the binary runs");
    let run = Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    };
    assert!(!run.stderr.contains("panicked"), "the binary panicked: {run:#?}");
    assert!(!run.stderr.contains("RUST_BACKTRACE"), "the binary printed a backtrace hint: {run:#?}");
    run
}

/// Asserts a usage/input error: exit 2, nothing on stdout, exactly one `error: ` line on stderr.
pub fn assert_error(run: &Run, expected_stderr: &str) {
    assert_eq!(run.code, Some(2), "{run:#?}");
    assert_eq!(run.stdout, "", "{run:#?}");
    assert_eq!(run.stderr, format!("{expected_stderr}\n"), "{run:#?}");
    assert!(expected_stderr.starts_with("error: "), "bad expectation: {expected_stderr}");
}

/// A running `rehearse` whose stdin the test writes at its own pace, and whose stdout it can wait
/// on: tests wait for output, never sleep.
pub struct Piped {
    pub child: Child,
    pub stdin: Option<ChildStdin>,
    chunks: Receiver<Vec<u8>>,
    seen: Vec<u8>,
}

/// Spawns `rehearse args` with piped stdin, stdout and stderr.
pub fn spawn_piped(args: &[&str]) -> Piped {
    spawn_piped_with(args, &[])
}

/// [`spawn_piped`] with extra environment variables.
pub fn spawn_piped_with(args: &[&str], env: &[(&str, &Path)]) -> Piped {
    let mut cmd = StdCommand::new(bin());
    clean(&mut cmd);
    for (key, value) in env {
        cmd.env(key, value);
    }
    cmd.args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawns");
    let stdin = child.stdin.take();
    let mut stdout = child.stdout.take().expect("piped stdout");
    let (sender, chunks) = mpsc::channel();
    thread::spawn(move || {
        let mut buffer = [0; 4096];
        while let Ok(n @ 1..) = stdout.read(&mut buffer) {
            if sender.send(buffer[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    Piped { child, stdin, chunks, seen: Vec::new() }
}

impl Piped {
    /// Writes `bytes` to the program's stdin.
    pub fn send(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin still open");
        stdin.write_all(bytes).expect("writes to stdin");
        stdin.flush().expect("flushes stdin");
    }

    /// Blocks until stdout so far contains `needle` (panics after a minute, with what was seen).
    pub fn wait_for(&mut self, needle: &str) {
        let limit = Instant::now() + PATIENCE;
        while !String::from_utf8_lossy(&self.seen).contains(needle) {
            let left = limit.saturating_duration_since(Instant::now());
            match self.chunks.recv_timeout(left) {
                Ok(chunk) => self.seen.extend(chunk),
                Err(error) => {
                    panic!("{error}: never saw {needle:?}; stdout:\n{}", String::from_utf8_lossy(&self.seen))
                }
            }
        }
    }

    /// Sends `signal` (e.g. "INT") to the program.
    #[cfg(unix)]
    pub fn kill(&self, signal: &str) {
        let status =
            StdCommand::new("kill").args([&format!("-{signal}"), &self.child.id().to_string()]).status();
        assert!(status.expect("kill runs").success());
    }

    /// Closes stdin, waits for the exit, and returns the whole run.
    pub fn finish(mut self) -> Run {
        drop(self.stdin.take());
        let mut stderr = String::new();
        if let Some(mut err) = self.child.stderr.take() {
            err.read_to_string(&mut stderr).expect("reads stderr");
        }
        let status = self.child.wait().expect("waits");
        while let Ok(chunk) = self.chunks.recv() {
            self.seen.extend(chunk);
        }
        let run =
            Run { code: status.code(), stdout: String::from_utf8_lossy(&self.seen).into_owned(), stderr };
        assert!(!run.stderr.contains("panicked"), "the binary panicked: {run:#?}");
        run
    }
}

/// `rehearse args` in a pseudo-terminal, with every expectation bounded by a timeout.
#[cfg(unix)]
pub fn pty(args: &[&str]) -> expectrl::session::OsSession {
    pty_with(args, &[])
}

/// `sh -c script` in a pseudo-terminal, with the clean environment (for redirections and for
/// looking at the terminal after rehearse ends).
#[cfg(unix)]
pub fn pty_sh(script: &str) -> expectrl::session::OsSession {
    pty_program("sh", &["-c", script])
}

/// Any `program args` in a pseudo-terminal, with the clean environment.
#[cfg(unix)]
pub fn pty_program(program: &str, args: &[&str]) -> expectrl::session::OsSession {
    let mut cmd = StdCommand::new(program);
    clean(&mut cmd);
    cmd.args(args).env("TERM", "xterm");
    let mut session = expectrl::Session::spawn(cmd).expect("spawns in a pty");
    session.set_expect_timeout(Some(PATIENCE));
    session
}

/// [`pty`] with extra environment variables.
#[cfg(unix)]
pub fn pty_with(args: &[&str], env: &[(&str, &str)]) -> expectrl::session::OsSession {
    let mut cmd = StdCommand::new(bin());
    clean(&mut cmd);
    cmd.args(args).env("TERM", "xterm");
    for (key, value) in env {
        cmd.env(key, value);
    }
    let mut session = expectrl::Session::spawn(cmd).expect("spawns in a pty");
    session.set_expect_timeout(Some(PATIENCE));
    session
}

/// `rehearse args` on a pseudo-terminal of the test's own, not its controlling terminal: unlike
/// expectrl's, this terminal can hang up (its master end closed) while the program runs on.
#[cfg(unix)]
pub struct OwnPty {
    pub child: Child,
    master: Option<std::fs::File>,
    seen: Vec<u8>,
    /// How much of `seen` the last [`OwnPty::wait_for`] consumed.
    read_to: usize,
}

/// Spawns `rehearse args` on a new 80×24 pseudo-terminal.
#[cfg(unix)]
pub fn own_pty(args: &[&str]) -> OwnPty {
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::OpenOptionsExt;
    use std::os::unix::process::CommandExt;

    use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
    use rustix::termios::{Winsize, tcsetwinsize};

    let master = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC).expect("opens a pty");
    grantpt(&master).expect("grants the pty");
    unlockpt(&master).expect("unlocks the pty");
    let name = ptsname(&master, Vec::new()).expect("names the pty");
    let terminal = std::fs::File::options()
        .read(true)
        .write(true)
        .custom_flags(rustix::fs::OFlags::NOCTTY.bits().cast_signed())
        .open(std::ffi::OsStr::from_bytes(name.as_bytes()))
        .expect("opens the pty's terminal end");
    let size = Winsize { ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0 };
    tcsetwinsize(&terminal, size).expect("sizes the pty");
    let mut cmd = StdCommand::new(bin());
    clean(&mut cmd);
    // A process group of its own, whose parent (this test) is outside it: a shell's job, never an
    // orphaned group, so Ctrl-Z stops it wherever the tests run.
    cmd.process_group(0);
    cmd.args(args)
        .env("TERM", "xterm")
        .stdin(terminal.try_clone().expect("dups the terminal"))
        .stdout(terminal.try_clone().expect("dups the terminal"))
        .stderr(terminal);
    let child = cmd.spawn().expect("spawns on the pty");
    OwnPty { child, master: Some(master.into()), seen: Vec::new(), read_to: 0 }
}

#[cfg(unix)]
impl OwnPty {
    /// Types `bytes` at the terminal.
    pub fn send(&mut self, bytes: &[u8]) {
        self.master.as_mut().expect("the terminal is up").write_all(bytes).expect("types");
    }

    /// Blocks until the output after the last match contains `needle` (panics after a minute).
    pub fn wait_for(&mut self, needle: &str) {
        use rustix::event::{PollFd, PollFlags, Timespec, poll};

        let limit = Instant::now() + PATIENCE;
        loop {
            let unread = String::from_utf8_lossy(&self.seen[self.read_to..]).into_owned();
            if let Some(at) = unread.find(needle) {
                self.read_to += unread[..at + needle.len()].len();
                return;
            }
            assert!(Instant::now() < limit, "never saw {needle:?}; the terminal showed:\n{unread}");
            let master = self.master.as_mut().expect("the terminal is up");
            let mut ready = [PollFd::new(&*master, PollFlags::IN)];
            let second = Timespec { tv_sec: 1, tv_nsec: 0 };
            if poll(&mut ready, Some(&second)).expect("polls the pty") > 0 {
                let mut buffer = [0; 4096];
                let n = master.read(&mut buffer).expect("reads the pty");
                self.seen.extend_from_slice(&buffer[..n]);
            }
        }
    }

    /// Closes the terminal, as closing its window or dropping its ssh connection does.
    pub fn hang_up(&mut self) {
        self.master = None;
    }

    /// Waits for the program to end (a minute at most; then it is killed and the test fails).
    pub fn wait_exit(&mut self) -> std::process::ExitStatus {
        let limit = Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().expect("waits") {
                return status;
            }
            if Instant::now() > limit {
                let _ = self.child.kill();
                let state =
                    std::fs::read_to_string(format!("/proc/{}/stat", self.child.id())).unwrap_or_default();
                let _ = self.child.kill();
                panic!("still running a minute after its terminal hung up: {state}");
            }
            thread::sleep(Duration::from_millis(20));
        }
    }
}
