//! Answers without a terminal: one line of stdin per question, or a file of answers by id.

use std::collections::HashMap;
use std::io::{self, BufRead};
use std::path::Path;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};

use super::interrupt;
use super::session::{Reply, Responder};
use super::timer::Deadline;
use crate::bank::Question;
use crate::input::{read_file, read_line_capped};
use crate::score::MAX_TEXT_BYTES;

/// Answers files larger than this are refused: even 100 long answers are far smaller.
const MAX_ANSWERS_BYTES: u64 = 4 * 1024 * 1024;

/// How long a wait for a line lasts before the Ctrl-C flag is checked again.
const WAIT_SLICE: Duration = Duration::from_millis(100);

/// Answers read line by line from any reader, in question order. An empty line skips; the end of
/// input ends the session. A reader thread lets a time limit expire while a line is awaited.
pub struct Lines {
    lines: Receiver<io::Result<String>>,
    /// Lines still to come that belong to questions which already timed out.
    late: usize,
}

impl Lines {
    pub fn new(mut reader: impl BufRead + Send + 'static) -> Lines {
        // A small bounded channel: endless input (`< /dev/zero`) waits here instead of filling memory.
        let (sender, lines) = mpsc::sync_channel(4);
        thread::spawn(move || {
            loop {
                let line = match read_line_capped(&mut reader, MAX_TEXT_BYTES) {
                    Ok(None) => break,
                    Ok(Some(bytes)) => Ok(decode_line(&bytes)),
                    Err(e) => Err(e),
                };
                let failed = line.is_err();
                if sender.send(line).is_err() || failed {
                    break;
                }
            }
        });
        Lines { lines, late: 0 }
    }

    fn next_line(&mut self, deadline: Option<Deadline>) -> io::Result<Option<String>> {
        loop {
            if interrupt::requested() {
                return Err(io::ErrorKind::Interrupted.into());
            }
            // Wait in short slices so that Ctrl-C is noticed while no line comes.
            let slice = deadline
                .map_or(WAIT_SLICE, |d| d.at.saturating_duration_since(Instant::now()).min(WAIT_SLICE));
            match self.lines.recv_timeout(slice) {
                Err(RecvTimeoutError::Timeout) if !deadline.is_some_and(|d| d.passed(Instant::now())) => {}
                Ok(line) if self.late > 0 => {
                    self.late -= 1;
                    line?;
                }
                Ok(line) => return line.map(Some),
                Err(RecvTimeoutError::Disconnected) => return Ok(None),
                Err(RecvTimeoutError::Timeout) => {
                    self.late += 1;
                    return Err(io::ErrorKind::TimedOut.into());
                }
            }
        }
    }
}

/// A line as text: invalid UTF-8 replaced, the line ending cut (lengths are cut as it is read).
fn decode_line(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    text.trim_end_matches(['\r', '\n']).to_string()
}

impl Responder for Lines {
    fn reply(&mut self, _question: &Question, deadline: Option<Deadline>) -> io::Result<Reply> {
        match self.next_line(deadline) {
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

/// Answers looked up by question id in a YAML or JSON map; a question without one is skipped.
pub struct AnswerFile {
    answers: HashMap<String, String>,
}

impl AnswerFile {
    pub fn load(path: &Path) -> Result<AnswerFile> {
        let bytes = read_file(path, MAX_ANSWERS_BYTES)
            .with_context(|| format!("cannot read answers from {}", path.display()))?;
        let text =
            String::from_utf8(bytes).with_context(|| format!("{} is not UTF-8 text", path.display()))?;
        if let Err(message) = crate::bank::check_yaml(&text) {
            anyhow::bail!("{} is not a usable answers file: {message}", path.display());
        }
        // YAML is a superset of JSON, so one parser reads both.
        let answers: HashMap<String, String> = serde_yaml::from_str(&text).with_context(|| {
            format!("{} is not a map of question id to answer text (YAML or JSON)", path.display())
        })?;
        Ok(AnswerFile { answers })
    }

    /// Ids in the file that the loaded bank does not have.
    pub fn unknown_ids<'a>(&'a self, known: &'a [&Question]) -> impl Iterator<Item = &'a str> + 'a {
        let known: std::collections::HashSet<&str> = known.iter().map(|q| q.id.as_str()).collect();
        self.answers.keys().map(String::as_str).filter(move |id| !known.contains(id))
    }
}

impl Responder for AnswerFile {
    fn reply(&mut self, question: &Question, _deadline: Option<Deadline>) -> io::Result<Reply> {
        Ok(match self.answers.get(&question.id) {
            Some(answer) if !answer.trim().is_empty() => Reply::Answer(answer.clone()),
            _ => Reply::Skip,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use super::*;
    use crate::bank::{Difficulty, Question};

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

    #[test]
    fn lines_become_replies_in_order() {
        let mut lines = Lines::new(Cursor::new(b"GET and PUT\r\n\n:quit\n".to_vec()));
        let q = question();
        assert_eq!(lines.reply(&q, None).unwrap(), Reply::Answer("GET and PUT".into()));
        assert_eq!(lines.reply(&q, None).unwrap(), Reply::Skip);
        assert_eq!(lines.reply(&q, None).unwrap(), Reply::Quit);
        assert_eq!(lines.reply(&q, None).unwrap(), Reply::EndOfInput);
    }

    #[test]
    fn invalid_utf8_and_control_characters_do_not_break_a_line() {
        let mut lines = Lines::new(Cursor::new(b"caf\xff \x1b[2J\x07ok\n".to_vec()));
        let Reply::Answer(text) = lines.reply(&question(), None).unwrap() else { panic!("not an answer") };
        assert!(text.starts_with("caf\u{fffd}"), "{text:?}");
    }
}
