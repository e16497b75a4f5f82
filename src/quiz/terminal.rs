//! The interactive answer prompt: raw-mode line editing on the terminal with a live countdown.
//!
//! crossterm reads keys with a timeout, so the countdown ticks, a deadline submits what was typed,
//! and a signal or a hung-up terminal ends the prompt, without a reader thread left behind to steal
//! the next prompt's input. [`LineEditor`] holds the editing state; this module reads keys and
//! draws.

use std::io::{self, Write};
use std::process::Command;
use std::sync::Once;
use std::time::Duration;

use console::style;
use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste};
use crossterm::{cursor, execute, terminal};
use rustix::event::{PollFd, PollFlags, Timespec, poll};

use super::editor::{Action, LineEditor};
use super::interrupt;
use super::script::command_or_answer;
use super::session::{Reply, Responder};
use super::timer::{Clock, Deadline, Urgency};
use super::view::View;
use crate::bank::Question;
use crate::inert::inert;
use crate::render::countdown;

/// How often the prompt wakes to redraw the countdown and check for signals.
const TICK: Duration = Duration::from_millis(200);

/// Answers typed at the terminal; the prompt and hints are drawn on `screen` (the terminal, even
/// when stdout is redirected).
pub struct Terminal {
    screen: Box<dyn Write>,
}

impl Terminal {
    pub fn new(screen: Box<dyn Write>) -> Terminal {
        Terminal { screen }
    }
}

/// How one line of editing ended.
enum Edit {
    Submitted(String),
    TimedOut(String),
    Interrupted,
}

impl Responder for Terminal {
    fn reply(
        &mut self,
        question: &Question,
        deadline: Option<Deadline>,
        clock: &dyn Clock,
    ) -> io::Result<Reply> {
        loop {
            let line = match edit_line(&mut *self.screen, deadline, clock)? {
                Edit::Submitted(line) => line,
                Edit::TimedOut(line) => return Ok(Reply::TimedOut(line)),
                Edit::Interrupted => return Ok(Reply::Interrupted),
            };
            if line.trim() == ":hint" {
                let hint = question.hint.as_deref().map_or_else(|| "No hint for this one.".into(), inert);
                writeln!(self.screen, "{} {hint}", style("Hint:").bold().yellow())?;
                continue;
            }
            return Ok(command_or_answer(&line));
        }
    }
}

/// Raw mode for as long as this lives; dropping it (or a panic) restores the terminal's mode.
struct RawMode;

impl RawMode {
    fn enable() -> io::Result<RawMode> {
        static HOOK: Once = Once::new();
        HOOK.call_once(|| {
            let previous = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                let _ = terminal::disable_raw_mode();
                previous(info);
            }));
        });
        terminal::enable_raw_mode()?;
        Ok(RawMode)
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        let _ = terminal::disable_raw_mode();
    }
}

/// Reads one line in raw mode with bracketed paste, and puts both back however it ends.
fn edit_line(mut out: &mut dyn Write, deadline: Option<Deadline>, clock: &dyn Clock) -> io::Result<Edit> {
    let raw = RawMode::enable()?;
    execute!(&mut out, EnableBracketedPaste)?;
    let edit = match edit(out, deadline, clock, raw) {
        // Reading a closed terminal fails: the session ends as a hang-up signal would end it.
        Err(_) if hung_up(Duration::ZERO) => Ok(Edit::Interrupted),
        edit => edit,
    };
    let _ = execute!(&mut out, DisableBracketedPaste, cursor::Show);
    edit
}

/// Edits until Enter, the deadline, or a signal, redrawing the countdown.
fn edit(
    out: &mut dyn Write,
    deadline: Option<Deadline>,
    clock: &dyn Clock,
    raw: RawMode,
) -> io::Result<Edit> {
    let mut raw = Some(raw);
    let mut editor = LineEditor::default();
    let mut view = View::default();
    loop {
        let now = clock.now();
        if interrupt::requested() {
            view.finish(out)?;
            return Ok(Edit::Interrupted);
        }
        if deadline.is_some_and(|d| d.passed(now)) {
            view.finish(out)?;
            return Ok(Edit::TimedOut(editor.value().to_string()));
        }
        view.draw(out, &prefix(deadline, now), editor.input(), width())?;
        // A terminal closed while the quiz was stopped (Ctrl-Z) sends no signal when it goes on.
        if hung_up(TICK) {
            // Nothing to tidy on a terminal that is gone.
            let _ = view.finish(out);
            return Ok(Edit::Interrupted);
        }
        if !event::poll(Duration::ZERO)? {
            continue;
        }
        // Apply every event already waiting before drawing again: a fast typist or a terminal
        // that sends a long answer as keys costs one redraw per burst, not one per key.
        loop {
            let end = match editor.handle(&event::read()?) {
                Action::Continue => None,
                Action::Submit(line) => Some(Edit::Submitted(line)),
                Action::Interrupt => Some(Edit::Interrupted),
                Action::Quit => Some(Edit::Submitted(":quit".into())),
                Action::Suspend => {
                    view.finish(out)?;
                    drop(raw.take());
                    suspend();
                    raw = Some(RawMode::enable()?);
                    view = View::default();
                    None
                }
                // Wrapped rows reflow unpredictably on a resize: draw anew on a fresh line.
                Action::Resized => {
                    view.finish(out)?;
                    view = View::default();
                    None
                }
            };
            if let Some(end) = end {
                view.finish(out)?;
                return Ok(end);
            }
            if hung_up(Duration::ZERO) || !event::poll(Duration::ZERO)? {
                break;
            }
        }
        editor.end_of_burst();
    }
}

/// Ctrl-Z: stops the process as the shell's job control expects (raw mode has turned the key
/// into plain input); it goes on here after `fg`.
fn suspend() {
    let _ = Command::new("kill").args(["-TSTP", &std::process::id().to_string()]).status();
}

/// Waits up to `wait` for keys, and tells whether the terminal they come from has hung up (its
/// window closed, its connection dropped). Asked before every read: on a hung-up terminal,
/// crossterm's reader loops forever on the end of file, deaf to signals.
fn hung_up(wait: Duration) -> bool {
    let stdin = io::stdin();
    let mut terminal = [PollFd::new(&stdin, PollFlags::IN)];
    let wait = Timespec::try_from(wait).unwrap_or_default();
    let gone = PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL;
    poll(&mut terminal, Some(&wait)).is_ok_and(|_| terminal[0].revents().intersects(gone))
}

/// The terminal's width in columns.
fn width() -> usize {
    usize::from(terminal::size().map_or(80, |(w, _)| w).max(1))
}

/// `[02:13] › ` coloured by urgency, or `› ` without a limit.
fn prefix(deadline: Option<Deadline>, now: std::time::Instant) -> String {
    let arrow = style("›").bold().to_string();
    let Some(deadline) = deadline else {
        return format!("{arrow} ");
    };
    let clock = format!("[{}]", countdown(deadline.remaining(now)));
    let clock = match deadline.urgency(now) {
        Urgency::Calm => style(clock).dim(),
        Urgency::Soon => style(clock).yellow(),
        Urgency::Now => style(clock).red().bold(),
    };
    format!("{clock} {arrow} ")
}
