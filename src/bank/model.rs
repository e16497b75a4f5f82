//! The bank's data model: topics, questions, key points, and located problems.
//!
//! Serde both ways: the build script checks the built-in bank and embeds it serialized, and the
//! binary reads it back without parsing YAML. A new field needs `#[serde(default)]` when it is
//! optional, so that the embedded form round-trips (checked by a test).

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// How hard a question is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub alternatives: Vec<String>,
    pub weight: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// In a comparison question, the contrasted term this claim is about: the same claim made of
    /// a rival term contradicts the point.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
    /// Depth beyond a good answer: credited when covered, never missed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub bonus: bool,
    /// Words that state the claim the other way round ("fine" for "removing a field breaks
    /// clients"): said plainly in the clause of a phrasing, they contradict the point.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contrary: Vec<String>,
}

impl Point {
    /// A point with a single term and weight 1.
    pub fn term(text: impl Into<String>) -> Point {
        Point {
            alternatives: vec![text.into()],
            weight: 1,
            label: None,
            about: None,
            bonus: false,
            contrary: Vec::new(),
        }
    }

    /// How the point is shown to a candidate: its label, else its first alternative.
    pub fn display(&self) -> &str {
        self.label.as_deref().unwrap_or(&self.alternatives[0])
    }
}

/// One side of a comparison question ("PUT" in PUT vs PATCH) and the words that name it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contrast {
    pub name: String,
    pub alternatives: Vec<String>,
}

/// A misconception interviewers hear, with the phrasings that state it and its correction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WrongClaim {
    pub alternatives: Vec<String>,
    pub label: String,
    pub correction: String,
}

/// One interview question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub topic: String,
    pub difficulty: Difficulty,
    pub prompt: String,
    pub answer: String,
    /// Explicit key points; empty when they are to be derived from `answer`.
    pub points: Vec<Point>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// The terms a comparison question contrasts; empty for other questions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contrast: Vec<Contrast>,
    /// Misconceptions that cost more than a missed point.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub wrong: Vec<WrongClaim>,
}

/// A topic as declared by a bank file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Topic {
    pub name: String,
    pub title: String,
}

/// All loaded questions, in file order, with their topics in first-seen order.
///
/// Lookups by id go through a hash index built on first use. The fields stay public for reading;
/// a lookup double-checks the id it finds, so a bank changed after its first lookup still answers
/// correctly (by a scan).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Bank {
    pub topics: Vec<Topic>,
    pub questions: Vec<Question>,
    #[serde(skip)]
    index: OnceLock<HashMap<String, usize>>,
}

impl PartialEq for Bank {
    fn eq(&self, other: &Bank) -> bool {
        self.topics == other.topics && self.questions == other.questions
    }
}

impl Bank {
    pub fn new(topics: Vec<Topic>, questions: Vec<Question>) -> Bank {
        Bank { topics, questions, index: OnceLock::new() }
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        let index = self
            .index
            .get_or_init(|| self.questions.iter().enumerate().map(|(i, q)| (q.id.clone(), i)).collect());
        match index.get(id).and_then(|&i| self.questions.get(i)) {
            Some(question) if question.id == id => Some(question),
            _ => self.questions.iter().find(|q| q.id == id),
        }
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
        // A hostile bank can put escape sequences in any name or key; never echo them raw.
        write!(f, "{}:{}:{}: {}", inert(&self.file), self.line, self.column, inert(&self.message))
    }
}

/// `text` with control characters (ESC, BEL, CR, …) shown as escapes, so that printing it cannot
/// drive the terminal.
pub fn inert(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.chars()
            .map(|c| if c.is_control() { c.escape_default().to_string() } else { c.to_string() })
            .collect(),
    )
}

/// Names echoed in messages are cut to this many characters (a hostile key can be 100 KB).
const MAX_ECHO: usize = 60;

/// `text` as it may be echoed in a message: inert, and cut to [`MAX_ECHO`] characters.
pub fn shown(text: &str) -> String {
    let text = inert(text);
    match text.char_indices().nth(MAX_ECHO) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.into_owned(),
    }
}
