//! The question bank: its model, loading from the built-in files or disk, and validation.

mod builtin;
mod load;
mod parse;
mod spans;

use std::fmt;
use std::path::PathBuf;

use serde::Serialize;

pub use load::{BankSource, CheckReport, MAX_FILE_BYTES, check, load, load_builtin};

/// How hard a question is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

impl Difficulty {
    pub const ALL: [Difficulty; 3] = [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard];

    pub fn name(self) -> &'static str {
        match self {
            Difficulty::Easy => "easy",
            Difficulty::Medium => "medium",
            Difficulty::Hard => "hard",
        }
    }

    pub fn parse(text: &str) -> Option<Difficulty> {
        Self::ALL.into_iter().find(|d| d.name() == text)
    }
}

impl fmt::Display for Difficulty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}

/// One key point a good answer covers: alternative phrasings, a weight and a display label.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Point {
    pub alternatives: Vec<String>,
    pub weight: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// In a comparison question, the contrasted term this claim is about: the same claim made of
    /// a rival term contradicts the point.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
    /// Depth beyond a good answer: credited when covered, never missed.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub bonus: bool,
}

impl Point {
    /// A point with a single term and weight 1.
    pub fn term(text: impl Into<String>) -> Point {
        Point { alternatives: vec![text.into()], weight: 1, label: None, about: None, bonus: false }
    }

    /// How the point is shown to a candidate: its label, else its first alternative.
    pub fn display(&self) -> &str {
        self.label.as_deref().unwrap_or(&self.alternatives[0])
    }
}

/// One side of a comparison question ("PUT" in PUT vs PATCH) and the words that name it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contrast {
    pub name: String,
    pub alternatives: Vec<String>,
}

/// A misconception interviewers hear, with the phrasings that state it and its correction.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WrongClaim {
    pub alternatives: Vec<String>,
    pub label: String,
    pub correction: String,
}

/// One interview question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Question {
    pub id: String,
    pub topic: String,
    pub difficulty: Difficulty,
    pub prompt: String,
    pub answer: String,
    /// Explicit key points; empty when they are to be derived from `answer`.
    pub points: Vec<Point>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// The terms a comparison question contrasts; empty for other questions.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub contrast: Vec<Contrast>,
    /// Misconceptions that cost more than a missed point.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub wrong: Vec<WrongClaim>,
}

/// A topic as declared by a bank file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Topic {
    pub name: String,
    pub title: String,
}

/// All loaded questions, in file order, with their topics in first-seen order.
#[derive(Debug, Clone, Default)]
pub struct Bank {
    pub topics: Vec<Topic>,
    pub questions: Vec<Question>,
}

impl Bank {
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    pub fn topic_names(&self) -> Vec<&str> {
        self.topics.iter().map(|t| t.name.as_str()).collect()
    }

    pub fn questions_in<'a>(&'a self, topic: &'a str) -> impl Iterator<Item = &'a Question> + 'a {
        self.questions.iter().filter(move |q| q.topic == topic)
    }
}

/// One problem found in a bank file, located by line and column (both 1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: {}", self.file, self.line, self.column, self.message)
    }
}

/// Why a bank could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read {}", path.display())]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{} holds no bank files (*.yaml or *.yml)", path.display())]
    EmptyFolder { path: PathBuf },
    #[error("{first}{}", more_problems(*.count))]
    Invalid { first: Diagnostic, count: usize },
}

fn more_problems(count: usize) -> String {
    if count > 1 {
        format!(" (and {} more; run `rehearse validate` to see them all)", count - 1)
    } else {
        String::new()
    }
}
