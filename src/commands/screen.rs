//! Where a session meets the terminal: the screen prompts are drawn on, the limits named in the
//! header, and a stdin that cannot hold answers.

use std::fmt::Write as _;
use std::io::{self, IsTerminal, Write};
use std::time::Duration;

use anyhow::Result;

use crate::quiz::timer::Limits;

/// The terminal to draw prompts on: stdout, or the terminal itself when stdout is redirected.
pub fn screen() -> Box<dyn Write> {
    if io::stdout().is_terminal() {
        return Box::new(io::stdout());
    }
    match std::fs::OpenOptions::new().write(true).open("/dev/tty") {
        Ok(tty) => Box::new(tty),
        Err(_) => Box::new(io::stderr()),
    }
}

/// ` · 15m for the session · 2m a question`, or nothing without limits.
pub fn limits_note(limits: Limits) -> String {
    let mut note = String::new();
    if let Some(session) = limits.session {
        let _ = write!(note, " · {} for the session", short(session));
    }
    if let Some(each) = limits.per_question {
        let _ = write!(note, " · {} a question", short(each));
    }
    note
}

fn short(duration: Duration) -> String {
    humantime::format_duration(duration).to_string().replace(' ', "")
}

/// `quiz < folder` reads nothing useful: say so rather than end with no summary.
pub fn refuse_a_folder_on_stdin() -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        let stdin = std::fs::File::from(io::stdin().as_fd().try_clone_to_owned()?);
        if stdin.metadata().is_ok_and(|m| m.is_dir()) {
            anyhow::bail!("standard input is a folder; pipe the answers one a line, or use --answers FILE");
        }
    }
    Ok(())
}
