//! The answer line's editing state, pure: which key does what, the typed and pasted input capped,
//! and the stray bytes of escape sequences dropped. The terminal layer only feeds it events.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use tui_input::backend::crossterm::EventHandler;
use tui_input::{Input, InputRequest};

use crate::score::MAX_TEXT_BYTES;

/// What the caller should do after an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Keep editing (and redraw if the line changed).
    Continue,
    /// Enter: submit the line.
    Submit(String),
    /// Ctrl-C.
    Interrupt,
    /// Ctrl-D on an empty line.
    Quit,
    /// Ctrl-Z: suspend the process.
    Suspend,
    /// The terminal was resized: start a fresh prompt line.
    Resized,
}

/// Where the editor is in a possible escape sequence whose bytes arrived as keys.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Escape {
    #[default]
    None,
    /// Esc was pressed.
    Started,
    /// Esc then `O` or `[`: the rest of a function key's sequence follows.
    Sequence,
}

/// The line being typed.
#[derive(Debug, Default)]
pub struct LineEditor {
    input: Input,
    /// Characters typed at the end and not yet given to `input`, whose insert costs the whole
    /// line's length: a burst of typing is added in one go.
    pending: String,
    /// The length of the line in characters, `pending` included.
    chars: usize,
    escape: Escape,
}

impl LineEditor {
    pub fn value(&mut self) -> &str {
        self.input().value()
    }

    /// The editing state, with everything typed so far.
    pub fn input(&mut self) -> &Input {
        if !self.pending.is_empty() {
            let value = format!("{}{}", self.input.value(), self.pending);
            self.input = Input::new(value);
            self.pending.clear();
        }
        &self.input
    }

    fn bytes(&self) -> usize {
        self.input.value().len() + self.pending.len()
    }

    /// Applies one terminal event.
    pub fn handle(&mut self, event: &Event) -> Action {
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => self.key(*key),
            Event::Paste(text) => {
                self.escape = Escape::None;
                self.paste(text);
                Action::Continue
            }
            Event::Resize(..) => Action::Resized,
            _ => Action::Continue,
        }
    }

    /// A burst of events has been read: an Esc with nothing after it stands alone, but a
    /// function key's sequence already begun (Esc `O`) may end in the next burst on a busy
    /// machine.
    pub fn end_of_burst(&mut self) {
        if matches!(self.escape, Escape::Started) {
            self.escape = Escape::None;
        }
        self.input();
    }

    fn key(&mut self, key: KeyEvent) -> Action {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if self.swallowed_by_escape(key.code) {
            return Action::Continue;
        }
        match key.code {
            // A typed-ahead Enter reaches raw mode as a line feed, which reads as Ctrl-J.
            KeyCode::Enter => Action::Submit(self.value().to_string()),
            KeyCode::Char('j' | 'm') if ctrl => Action::Submit(self.value().to_string()),
            KeyCode::Char('c') if ctrl => Action::Interrupt,
            KeyCode::Char('d') if ctrl && self.value().is_empty() => Action::Quit,
            KeyCode::Char('z') if ctrl => Action::Suspend,
            KeyCode::Esc => {
                self.escape = Escape::Started;
                Action::Continue
            }
            KeyCode::Char(c) if c.is_control() => Action::Continue,
            KeyCode::Char(c) if !ctrl && !key.modifiers.contains(KeyModifiers::ALT) => {
                self.insert(c);
                Action::Continue
            }
            _ => {
                self.input();
                self.input.handle_event(&Event::Key(key));
                self.chars = self.input.value().chars().count();
                Action::Continue
            }
        }
    }

    /// Esc `O` `P` (F1 read as separate keys) and the like: the letters are not text.
    fn swallowed_by_escape(&mut self, code: KeyCode) -> bool {
        match (self.escape, code) {
            (Escape::Started, KeyCode::Char('O' | '[')) => {
                self.escape = Escape::Sequence;
                true
            }
            (Escape::Sequence, KeyCode::Char(c)) if c.is_ascii_digit() || c == ';' => true,
            (Escape::Sequence, KeyCode::Char(_)) => {
                self.escape = Escape::None;
                true
            }
            _ => {
                self.escape = Escape::None;
                false
            }
        }
    }

    /// Typed text is capped like pasted text.
    fn insert(&mut self, c: char) -> bool {
        if self.bytes() + c.len_utf8() > MAX_TEXT_BYTES {
            return false;
        }
        // Pending text only ever sits at the end, where the cursor then is.
        if !self.pending.is_empty() || self.input.cursor() == self.chars {
            self.pending.push(c);
        } else {
            self.input();
            self.input.handle(InputRequest::InsertChar(c));
        }
        self.chars += 1;
        true
    }

    /// Inserts pasted text, newlines and tabs as spaces, other control characters dropped.
    fn paste(&mut self, text: &str) {
        for c in text.chars() {
            let c = if c.is_whitespace() { ' ' } else { c };
            if !c.is_control() && !self.insert(c) {
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, modifiers))
    }

    fn typed(editor: &mut LineEditor, text: &str) {
        for c in text.chars() {
            assert_eq!(editor.handle(&key(KeyCode::Char(c), KeyModifiers::NONE)), Action::Continue);
        }
    }

    #[test]
    fn enter_and_a_typed_ahead_line_feed_both_submit() {
        let mut editor = LineEditor::default();
        typed(&mut editor, "GET");
        assert_eq!(editor.handle(&key(KeyCode::Enter, KeyModifiers::NONE)), Action::Submit("GET".into()));
        assert_eq!(
            editor.handle(&key(KeyCode::Char('j'), KeyModifiers::CONTROL)),
            Action::Submit("GET".into())
        );
    }

    #[test]
    fn control_keys_end_suspend_or_quit() {
        let mut editor = LineEditor::default();
        assert_eq!(editor.handle(&key(KeyCode::Char('c'), KeyModifiers::CONTROL)), Action::Interrupt);
        assert_eq!(editor.handle(&key(KeyCode::Char('z'), KeyModifiers::CONTROL)), Action::Suspend);
        assert_eq!(editor.handle(&key(KeyCode::Char('d'), KeyModifiers::CONTROL)), Action::Quit);
        typed(&mut editor, "x");
        assert_eq!(editor.handle(&key(KeyCode::Char('d'), KeyModifiers::CONTROL)), Action::Continue);
        assert_eq!(editor.handle(&Event::Resize(20, 5)), Action::Resized);
    }

    #[test]
    fn typed_input_is_capped_like_a_paste() {
        let mut editor = LineEditor::default();
        typed(&mut editor, &"a".repeat(MAX_TEXT_BYTES + 10));
        assert_eq!(editor.value().len(), MAX_TEXT_BYTES);
        let mut pasted = LineEditor::default();
        pasted.handle(&Event::Paste("b\n".repeat(MAX_TEXT_BYTES)));
        assert_eq!(pasted.value().len(), MAX_TEXT_BYTES);
        assert!(pasted.value().starts_with("b b "));
    }

    #[test]
    fn esc_then_a_function_key_inserts_nothing() {
        let mut editor = LineEditor::default();
        typed(&mut editor, "ok ");
        for event in [key(KeyCode::Esc, KeyModifiers::NONE), key(KeyCode::Esc, KeyModifiers::NONE)] {
            editor.handle(&event);
        }
        typed(&mut editor, "OP");
        typed(&mut editor, "[15~");
        editor.end_of_burst();
        typed(&mut editor, "done");
        assert_eq!(editor.value(), "ok [15~done", "only the first sequence follows an Esc");
        let mut editor = LineEditor::default();
        editor.handle(&key(KeyCode::Esc, KeyModifiers::NONE));
        typed(&mut editor, "OPx");
        assert_eq!(editor.value(), "x");
    }

    #[test]
    fn a_function_key_split_over_two_bursts_inserts_nothing() {
        let mut editor = LineEditor::default();
        editor.handle(&key(KeyCode::Esc, KeyModifiers::NONE));
        typed(&mut editor, "O");
        editor.end_of_burst();
        typed(&mut editor, "P:skip");
        assert_eq!(editor.value(), ":skip");
        // An Esc alone at the end of a burst still stands alone.
        let mut editor = LineEditor::default();
        editor.handle(&key(KeyCode::Esc, KeyModifiers::NONE));
        editor.end_of_burst();
        typed(&mut editor, "OP");
        assert_eq!(editor.value(), "OP");
    }
}
