//! The practice history: every session is appended, answer by answer, to `history.jsonl` in the
//! user's data directory, and read back into sessions for `report`, `stats`, `topics` and review.
//!
//! Each line is one JSON [`Entry`]: a session's start (its settings and planned questions), one
//! line per question as it is answered, skipped or timed out, and its end. So a `kill -9` loses at
//! most the answer in progress, and a session without an end line is shown as interrupted.

pub mod schedule;
pub mod stats;
mod store;

use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::quiz::session::Status;
use crate::report::{QuestionResult, Report, SessionInfo};
pub use store::{History, Loaded};

/// One line of the history file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Entry {
    /// A session began; `planned` are its questions, all still unanswered.
    Start { session: SessionInfo, planned: Vec<QuestionResult> },
    /// One question of session `session` is done.
    Answer { session: String, answer: QuestionResult },
    /// Session `session` ended normally or by Ctrl-C.
    End {
        session: String,
        interrupted: bool,
        #[serde(with = "crate::report::secs")]
        elapsed: Duration,
    },
}

/// A session read back from the history.
#[derive(Debug, Clone, PartialEq)]
pub struct Recorded {
    pub info: SessionInfo,
    /// Planned questions, replaced by what became of them in the order they were done.
    pub answers: Vec<QuestionResult>,
    /// Whether the end line was written; a session without one was killed or crashed.
    pub finished: bool,
    pub interrupted: bool,
    pub elapsed: Duration,
}

impl Recorded {
    pub fn report(&self) -> Report {
        Report::new(self.info.clone(), self.answers.clone(), self.interrupted || !self.finished, self.elapsed)
    }

    /// The questions that were actually asked (answered, skipped or timed out).
    pub fn asked(&self) -> impl Iterator<Item = &QuestionResult> {
        self.answers.iter().filter(|a| a.status != Status::Unanswered)
    }
}

/// Groups entries into sessions, in the order they started. Answer lines whose start line was
/// lost still make a session, with what can be known of it.
pub fn sessions(entries: impl IntoIterator<Item = Entry>) -> Vec<Recorded> {
    let mut sessions: Vec<Recorded> = Vec::new();
    for entry in entries {
        match entry {
            Entry::Start { session, planned } => sessions.push(Recorded {
                info: session,
                answers: planned,
                finished: false,
                interrupted: false,
                elapsed: Duration::ZERO,
            }),
            Entry::Answer { session, answer } => {
                let recorded = find_or_add(&mut sessions, &session);
                recorded.elapsed += answer.time_taken;
                match recorded.answers.iter().position(|a| a.id == answer.id) {
                    Some(i) => recorded.answers[i] = answer,
                    None => recorded.answers.push(answer),
                }
            }
            Entry::End { session, interrupted, elapsed } => {
                let recorded = find_or_add(&mut sessions, &session);
                recorded.finished = true;
                recorded.interrupted = interrupted;
                recorded.elapsed = elapsed;
            }
        }
    }
    sessions
}

fn find_or_add<'a>(sessions: &'a mut Vec<Recorded>, id: &str) -> &'a mut Recorded {
    let index = sessions.iter().rposition(|s| s.info.id == id).unwrap_or_else(|| {
        sessions.push(Recorded {
            info: SessionInfo {
                id: id.to_string(),
                started_at: "unknown".into(),
                bank: "unknown".into(),
                topics: Vec::new(),
                difficulty: None,
                seed: None,
                time_limit: None,
                per_question_limit: None,
                pass_mark: 60,
                mode: "quiz".into(),
            },
            answers: Vec::new(),
            finished: false,
            interrupted: false,
            elapsed: Duration::ZERO,
        });
        sessions.len() - 1
    });
    &mut sessions[index]
}

/// A new session id: the start time (UTC, to the second) and four random hex digits, so ids sort
/// by time and two sessions started in the same second still differ.
pub fn new_session_id(started_at_rfc3339: &str, random: u16) -> String {
    let digits: String = started_at_rfc3339.chars().filter(char::is_ascii_digit).take(14).collect();
    let (date, time) = digits.split_at(digits.len().min(8));
    format!("{date}-{time}-{random:04x}")
}

#[cfg(test)]
mod tests;
