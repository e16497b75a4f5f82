//! Answers without a terminal: one line of stdin per question, or a file of answers by id.

use std::io::{self, Read};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::Duration;

use super::interrupt::Interrupt;
use super::session::{Reply, Responder};
use super::timer::{Clock, Deadline};
use crate::bank::Question;
use crate::inert::inert;
use crate::input::read_line_capped;
use crate::score::MAX_TEXT_BYTES;

pub use super::answers::AnswerFile;

/// How long a wait for a line lasts before the Ctrl-C flag is checked again.
const WAIT_SLICE: Duration = Duration::from_millis(100);

/// Answers read line by line from any reader, in question order. An empty line skips; the end of
/// input ends the session. A reader thread lets a time limit expire while a line is awaited.
pub struct Lines {
    received: Receiver<io::Result<String>>,
    /// Lines still to come that belong to questions which already timed out.
    late: usize,
    interrupt: Interrupt,
}

impl Lines {
    pub fn new(reader: impl Read + Send + 'static) -> Lines {
        Lines::with_interrupt(reader, Interrupt::global())
    }

    /// Lines that watch `interrupt` rather than the process's own flag.
    pub fn with_interrupt(reader: impl Read + Send + 'static, interrupt: Interrupt) -> Lines {
        // A small bounded channel: endless input (`< /dev/zero`) waits here instead of filling memory.
        let (sender, received) = mpsc::sync_channel(4);
        thread::spawn(move || {
            let mut reader = io::BufReader::new(reader);
            loop {
                let line =
                    read_line_capped(&mut reader, MAX_TEXT_BYTES).map(|bytes| bytes.map(|b| decode_line(&b)));
                let line = match line {
                    Ok(Some(line)) => Ok(line),
                    Ok(None) => break,
                    Err(error) => Err(error),
                };
                let failed = line.is_err();
                if sender.send(line).is_err() || failed {
                    break;
                }
            }
        });
        Lines { received, late: 0, interrupt }
    }

    fn next_line(&mut self, deadline: Option<Deadline>, clock: &dyn Clock) -> io::Result<Option<String>> {
        loop {
            if self.interrupt.requested() {
                return Err(io::ErrorKind::Interrupted.into());
            }
            // A line that comes after the deadline belongs to this question, however soon after.
            if deadline.is_some_and(|d| d.passed(clock.now())) {
                self.late += 1;
                return Err(io::ErrorKind::TimedOut.into());
            }
            // Wait in short slices so that Ctrl-C and the clock are looked at again.
            let slice = deadline.map_or(WAIT_SLICE, |d| d.remaining(clock.now()).min(WAIT_SLICE));
            match self.received.recv_timeout(slice) {
                Err(RecvTimeoutError::Timeout) => {}
                Ok(line) if self.late > 0 => {
                    self.late -= 1;
                    line?;
                }
                Ok(line) => return line.map(Some),
                Err(RecvTimeoutError::Disconnected) => return Ok(None),
            }
        }
    }
}

/// A line as text: invalid UTF-8 replaced, the line ending cut, control characters made inert.
fn decode_line(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    inert(text.trim_end_matches(['\r', '\n']))
}

impl Responder for Lines {
    fn reply(
        &mut self,
        _question: &Question,
        deadline: Option<Deadline>,
        clock: &dyn Clock,
    ) -> io::Result<Reply> {
        match self.next_line(deadline, clock) {
            Ok(None) => Ok(Reply::EndOfInput),
            Ok(Some(line)) => Ok(command_or_answer(&line)),
            Err(e) if e.kind() == io::ErrorKind::TimedOut => Ok(Reply::TimedOut(String::new())),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => Ok(Reply::Interrupted),
            Err(e) => Err(e),
        }
    }
}

/// `:skip`, `:quit`, an empty line (skip), or an answer.
pub fn command_or_answer(line: &str) -> Reply {
    match line.trim() {
        "" | ":skip" => Reply::Skip,
        ":quit" => Reply::Quit,
        _ => Reply::Answer(line.trim().to_string()),
    }
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use super::*;
    use crate::bank::{Difficulty, Question};
    use crate::quiz::timer::Limits;
    use crate::quiz::timer::tests::FakeClock;

    fn question() -> Question {
        Question {
            id: "q".into(),
            topic: "t".into(),
            difficulty: Difficulty::Easy,
            prompt: "p".into(),
            answer: "a".into(),
            points: vec![],
            hint: None,
            contrast: Vec::new(),
            wrong: Vec::new(),
        }
    }

    fn reply(lines: &mut Lines, deadline: Option<Deadline>, clock: &FakeClock) -> Reply {
        lines.reply(&question(), deadline, clock).unwrap()
    }

    #[test]
    fn lines_become_replies_in_order() {
        let clock = FakeClock::default();
        let mut lines = Lines::new(Cursor::new(b"GET and PUT\r\n\n:quit\n".to_vec()));
        assert_eq!(reply(&mut lines, None, &clock), Reply::Answer("GET and PUT".into()));
        assert_eq!(reply(&mut lines, None, &clock), Reply::Skip);
        assert_eq!(reply(&mut lines, None, &clock), Reply::Quit);
        assert_eq!(reply(&mut lines, None, &clock), Reply::EndOfInput);
    }

    #[test]
    fn invalid_utf8_and_control_characters_do_not_break_a_line() {
        let clock = FakeClock::default();
        let mut lines = Lines::new(Cursor::new(b"caf\xff \x1b[2J\x07ok\n".to_vec()));
        let Reply::Answer(text) = reply(&mut lines, None, &clock) else { panic!("not an answer") };
        assert_eq!(text, "caf\u{fffd} \u{241b}[2J\u{2407}ok");
    }

    #[test]
    fn a_line_after_the_deadline_belongs_to_the_question_that_timed_out() {
        let clock = FakeClock::default();
        let limits = Limits { per_question: Some(Duration::from_secs(1)), session: None };
        // Both lines are already waiting: the first still counts as late for question 1.
        let mut lines = Lines::new(Cursor::new(b"too late\nGET is safe\n".to_vec()));
        let first = limits.deadline(clock.now(), None);
        clock.advance(Duration::from_secs(2));
        assert_eq!(reply(&mut lines, first, &clock), Reply::TimedOut(String::new()));
        let second = limits.deadline(clock.now(), None);
        assert_eq!(reply(&mut lines, second, &clock), Reply::Answer("GET is safe".into()));
        assert_eq!(reply(&mut lines, second, &clock), Reply::EndOfInput);
    }

    #[test]
    fn ctrl_c_ends_the_wait_for_a_line() {
        let clock = FakeClock::default();
        let interrupt = Interrupt::private();
        let (reader, _writer) = std::io::pipe().unwrap();
        let mut lines = Lines::with_interrupt(reader, interrupt);
        interrupt.raise();
        assert_eq!(reply(&mut lines, None, &clock), Reply::Interrupted);
    }

    #[test]
    fn a_huge_line_is_cut_as_it_is_read() {
        let clock = FakeClock::default();
        let mut input = vec![b'a'; 3 * MAX_TEXT_BYTES];
        input.extend_from_slice(b"\nnext\n");
        let mut lines = Lines::new(Cursor::new(input));
        let Reply::Answer(text) = reply(&mut lines, None, &clock) else { panic!("not an answer") };
        assert_eq!(text.len(), MAX_TEXT_BYTES, "a long line is cut into answers of the cap");
    }
}
