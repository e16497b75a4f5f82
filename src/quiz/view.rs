//! Drawing the answer prompt in place across wrapped rows: in full when the line changes, and
//! only the new characters when typing appends at the end (so a long answer is not redrawn per key).

use std::io::{self, Write};

use crossterm::{cursor, queue, terminal};
use tui_input::Input;

/// What is on screen, so the next draw can redraw in place or just append.
#[derive(Debug, Default)]
pub struct View {
    /// The row of the cursor, counted from the prompt's first row.
    cursor_row: u16,
    /// The row the text ends on.
    end_row: u16,
    /// The cell the text ends at, counted from the prompt's start.
    end: usize,
    /// What was last drawn (`None` before the first draw).
    drawn: Option<Drawn>,
}

/// The prompt as last drawn.
#[derive(Debug)]
struct Drawn {
    prefix: String,
    value: String,
    /// The cursor, in characters.
    cursor: usize,
    /// The length of `value` in characters.
    chars: usize,
    width: usize,
}

impl View {
    /// Draws `prefix` and the input at `width` columns, unless that is what is already shown.
    pub fn draw(&mut self, out: &mut dyn Write, prefix: &str, input: &Input, width: usize) -> io::Result<()> {
        let value = input.value();
        let appended = match &self.drawn {
            Some(d)
                if d.prefix == prefix
                    && d.width == width
                    && d.cursor == d.chars
                    && value.starts_with(&d.value) =>
            {
                let tail = &value[d.value.len()..];
                if tail.is_empty() && input.cursor() == d.cursor {
                    return Ok(());
                }
                // Appended at the end, with the cursor still at the end.
                (input.cursor() == d.chars + tail.chars().count()).then_some(tail)
            }
            _ => None,
        };
        match (appended, self.drawn.as_mut()) {
            (Some(tail), Some(drawn)) if !tail.is_empty() => {
                drawn.value.push_str(tail);
                drawn.chars = input.cursor();
                drawn.cursor = input.cursor();
                self.append(out, tail, width)?;
            }
            _ => {
                self.redraw(out, prefix, input, width)?;
                let chars = value.chars().count();
                let value = value.to_string();
                self.drawn =
                    Some(Drawn { prefix: prefix.to_string(), value, cursor: input.cursor(), chars, width });
            }
        }
        out.flush()
    }

    /// Typing at the end: the cursor is already there, so only the new text is written.
    fn append(&mut self, out: &mut dyn Write, tail: &str, width: usize) -> io::Result<()> {
        write!(out, "{tail}")?;
        // Only the new text is measured: measuring the whole line per key would be quadratic.
        let end = self.end + console::measure_text_width(tail);
        wrap_at_edge(out, end, width)?;
        self.end = end;
        self.end_row = to_u16(end / width);
        self.cursor_row = self.end_row;
        Ok(())
    }

    fn redraw(
        &mut self,
        mut out: &mut dyn Write,
        prefix: &str,
        input: &Input,
        width: usize,
    ) -> io::Result<()> {
        if self.cursor_row > 0 {
            queue!(&mut out, cursor::MoveUp(self.cursor_row))?;
        }
        queue!(&mut out, cursor::MoveToColumn(0), terminal::Clear(terminal::ClearType::FromCursorDown))?;
        write!(out, "{prefix}{}", input.value())?;
        let prefix_width = console::measure_text_width(prefix);
        let end = prefix_width + console::measure_text_width(input.value());
        wrap_at_edge(out, end, width)?;
        let at = prefix_width + input.visual_cursor();
        let (end_row, row, column) = (to_u16(end / width), to_u16(at / width), to_u16(at % width));
        if end_row > row {
            queue!(&mut out, cursor::MoveUp(end_row - row))?;
        }
        queue!(&mut out, cursor::MoveToColumn(column))?;
        self.cursor_row = row;
        self.end_row = end_row;
        self.end = end;
        Ok(())
    }

    /// Moves below the prompt so what follows starts on a fresh line.
    pub fn finish(&mut self, mut out: &mut dyn Write) -> io::Result<()> {
        if self.end_row > self.cursor_row {
            queue!(&mut out, cursor::MoveDown(self.end_row - self.cursor_row))?;
        }
        write!(out, "\r\n")?;
        *self = View::default();
        out.flush()
    }
}

/// The terminal holds the cursor at the last column until the next character: move it down now
/// so the row arithmetic holds.
fn wrap_at_edge(out: &mut dyn Write, end: usize, width: usize) -> io::Result<()> {
    if end > 0 && end.is_multiple_of(width) {
        write!(out, " \r")?;
    }
    Ok(())
}

fn to_u16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use tui_input::InputRequest;

    use super::*;

    #[test]
    fn typing_at_the_end_writes_only_the_new_characters() {
        let (mut view, mut input, mut out) = (View::default(), Input::default(), Vec::new());
        for _ in 0..10_000 {
            input.handle(InputRequest::InsertChar('a'));
            view.draw(&mut out, "› ", &input, 80).unwrap();
        }
        // One full draw, then one byte per key plus a nudge at each of the 125 row ends.
        assert!(out.len() < 10_000 + 125 * 2 + 100, "{} bytes written", out.len());
        assert_eq!(view.end_row, to_u16((2 + 10_000) / 80));
        assert_eq!(view.cursor_row, view.end_row);
    }

    #[test]
    fn an_edit_in_the_middle_redraws_and_nothing_changed_draws_nothing() {
        let (mut view, mut out) = (View::default(), Vec::new());
        let mut input = Input::default().with_value("GET PUT".into());
        view.draw(&mut out, "› ", &input, 80).unwrap();
        let first = out.len();
        view.draw(&mut out, "› ", &input, 80).unwrap();
        assert_eq!(out.len(), first, "an unchanged line is not drawn again");
        input.handle(InputRequest::GoToStart);
        input.handle(InputRequest::InsertChar('x'));
        view.draw(&mut out, "› ", &input, 80).unwrap();
        assert!(String::from_utf8_lossy(&out[first..]).contains("› xGET PUT"));
    }

    #[test]
    fn a_narrow_terminal_keeps_the_row_arithmetic() {
        let (mut view, mut out) = (View::default(), Vec::new());
        let input = Input::default().with_value("abcdefgh".into());
        view.draw(&mut out, "[00:10] › ", &input, 5).unwrap();
        assert_eq!((view.cursor_row, view.end_row), (3, 3), "18 cells at 5 columns end on row 3");
        view.finish(&mut out).unwrap();
        assert_eq!((view.cursor_row, view.end_row), (0, 0));
    }
}
