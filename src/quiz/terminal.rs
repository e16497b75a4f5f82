//! The interactive answer prompt: a raw-mode line editor with a live countdown.
//!
//! crossterm reads keys with a timeout, so the countdown ticks and a deadline submits what was
//! typed without a reader thread left behind to steal the next prompt's input. tui-input keeps
//! the editing state (cursor, word moves, Ctrl-U); this module only draws it and wraps lines.

use std::io::{self, Write};
use std::sync::Once;
use std::time::{Duration, Instant};

use console::style;
use crossterm::event::{
    self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyCode, KeyEventKind, KeyModifiers,
};
use crossterm::{cursor, execute, queue, terminal};
use tui_input::backend::crossterm::EventHandler;
use tui_input::{Input, InputRequest};

use super::interrupt;
use super::script::command_or_answer;
use super::session::{Reply, Responder};
use super::timer::{Deadline, Urgency};
use crate::bank::Question;
use crate::render::countdown;
use crate::score::MAX_TEXT_BYTES;

/// How often the prompt wakes to redraw the countdown.
const TICK: Duration = Duration::from_millis(200);

/// Answers typed at the terminal.
#[derive(Debug, Default)]
pub struct Terminal;

/// How one line of editing ended.
enum Edit {
    Submitted(String),
    TimedOut(String),
    Interrupted,
}

impl Responder for Terminal {
    fn reply(&mut self, question: &Question, deadline: Option<Deadline>) -> io::Result<Reply> {
        loop {
            if interrupt::requested() {
                return Ok(Reply::Interrupted);
            }
            let line = match edit_line(deadline)? {
                Edit::Submitted(line) => line,
                Edit::TimedOut(line) => return Ok(Reply::TimedOut(line)),
                Edit::Interrupted => return Ok(Reply::Interrupted),
            };
            if line.trim() == ":hint" {
                let hint = question.hint.as_deref().unwrap_or("No hint for this one.");
                println!("{} {hint}", style("Hint:").bold().yellow());
                continue;
            }
            return Ok(command_or_answer(&line));
        }
    }
}

/// Raw mode for as long as this lives; dropping it (or a panic) restores the terminal.
struct RawMode;

impl RawMode {
    fn enable() -> io::Result<RawMode> {
        static HOOK: Once = Once::new();
        HOOK.call_once(|| {
            let previous = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                restore();
                previous(info);
            }));
        });
        terminal::enable_raw_mode()?;
        execute!(io::stdout(), EnableBracketedPaste)?;
        Ok(RawMode)
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        restore();
    }
}

fn restore() {
    let _ = execute!(io::stdout(), DisableBracketedPaste, cursor::Show);
    let _ = terminal::disable_raw_mode();
}

/// Reads one line, redrawing the countdown until Enter, the deadline, or Ctrl-C.
fn edit_line(deadline: Option<Deadline>) -> io::Result<Edit> {
    let _raw = RawMode::enable()?;
    let mut out = io::stdout();
    let mut input = Input::default();
    let mut view = View::default();
    let mut drawn = String::new();
    loop {
        let now = Instant::now();
        if deadline.is_some_and(|d| d.passed(now)) {
            view.finish(&mut out)?;
            return Ok(Edit::TimedOut(input.value().to_string()));
        }
        let prefix = prefix(deadline, now);
        if drawn != format!("{prefix}{}|{}", input.value(), input.cursor()) {
            view.draw(&mut out, &prefix, &input)?;
            drawn = format!("{prefix}{}|{}", input.value(), input.cursor());
        }
        if !event::poll(TICK)? {
            continue;
        }
        match event::read()? {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
                match key.code {
                    KeyCode::Enter => {
                        view.finish(&mut out)?;
                        return Ok(Edit::Submitted(input.value().to_string()));
                    }
                    KeyCode::Char('c') if ctrl => {
                        view.finish(&mut out)?;
                        return Ok(Edit::Interrupted);
                    }
                    KeyCode::Char('d') if ctrl && input.value().is_empty() => {
                        view.finish(&mut out)?;
                        return Ok(Edit::Submitted(":quit".into()));
                    }
                    KeyCode::Char(c) if c.is_control() => {}
                    _ => {
                        input.handle_event(&Event::Key(key));
                    }
                }
            }
            Event::Paste(text) => paste(&mut input, &text),
            _ => {}
        }
    }
}

/// Inserts pasted text, newlines and tabs as spaces, other control characters dropped.
fn paste(input: &mut Input, text: &str) {
    for c in text.chars() {
        if input.value().len() >= MAX_TEXT_BYTES {
            break;
        }
        let c = if c.is_whitespace() { ' ' } else { c };
        if !c.is_control() {
            input.handle(InputRequest::InsertChar(c));
        }
    }
}

/// `[02:13] › ` coloured by urgency, or `› ` without a limit.
fn prefix(deadline: Option<Deadline>, now: Instant) -> String {
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

/// Where the drawn prompt is, so it can be redrawn in place across wrapped lines.
#[derive(Default)]
struct View {
    /// The row of the cursor, counted from the prompt's first row.
    cursor_row: u16,
    /// The row the text ends on.
    end_row: u16,
}

impl View {
    fn draw(&mut self, out: &mut impl Write, prefix: &str, input: &Input) -> io::Result<()> {
        let width = usize::from(terminal::size().map_or(80, |(w, _)| w).max(10));
        if self.cursor_row > 0 {
            queue!(out, cursor::MoveUp(self.cursor_row))?;
        }
        queue!(out, cursor::MoveToColumn(0), terminal::Clear(terminal::ClearType::FromCursorDown))?;
        write!(out, "{prefix}{}", input.value())?;
        let prefix_width = console::measure_text_width(prefix);
        let end = prefix_width + console::measure_text_width(input.value());
        if end > 0 && end.is_multiple_of(width) {
            // The terminal holds the cursor at the last column until the next character: move it
            // down now so the row arithmetic below holds.
            write!(out, " \r")?;
        }
        let at = prefix_width + input.visual_cursor();
        let (end_row, row, column) = (to_u16(end / width), to_u16(at / width), to_u16(at % width));
        if end_row > row {
            queue!(out, cursor::MoveUp(end_row - row))?;
        }
        queue!(out, cursor::MoveToColumn(column))?;
        self.cursor_row = row;
        self.end_row = end_row;
        out.flush()
    }

    /// Moves below the prompt so what follows starts on a fresh line.
    fn finish(&self, out: &mut impl Write) -> io::Result<()> {
        if self.end_row > self.cursor_row {
            queue!(out, cursor::MoveDown(self.end_row - self.cursor_row))?;
        }
        write!(out, "\r\n")?;
        out.flush()
    }
}

fn to_u16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}
