//! Turns one file's YAML tree into topics and questions, collecting every problem with its place.

use serde_yaml::{Mapping, Value};

use super::spans::{Place, join};
use super::{Contrast, Difficulty, Point, Question, Topic, WrongClaim, shown};
use crate::render::did_you_mean;

/// A problem at a place in the file being parsed. Places are paths, turned into lines and columns
/// only when there is a problem to report, so a clean file never pays for a position index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub at: Place,
    pub message: String,
}

/// What one bank file holds (as far as it could be read) and what is wrong with it.
#[derive(Debug, Default)]
pub struct ParsedFile {
    pub topic: Option<Topic>,
    /// Each question with its path in the file (`questions[3]`).
    pub questions: Vec<(Question, String)>,
    pub problems: Vec<Problem>,
}

pub(super) const BANK_FIELDS: [&str; 3] = ["topic", "title", "questions"];
pub(super) const QUESTION_FIELDS: [&str; 8] =
    ["id", "difficulty", "prompt", "answer", "points", "hint", "contrast", "wrong"];
pub(super) const POINT_FIELDS: [&str; 6] = ["any", "weight", "label", "about", "bonus", "contrary"];
pub(super) const WRONG_FIELDS: [&str; 3] = ["any", "label", "correction"];

struct Reader {
    problems: Vec<Problem>,
}

/// Reads a bank from its YAML tree.
pub fn parse(root: &Value) -> ParsedFile {
    let mut reader = Reader { problems: Vec::new() };
    let Some(map) = root.as_mapping() else {
        reader.problem("", "not a question bank: expected a mapping with `topic:` and `questions:`");
        return ParsedFile { problems: reader.problems, ..ParsedFile::default() };
    };
    reader.unknown_fields(map, "", &BANK_FIELDS, "a bank");
    let topic = reader.topic(map);
    let questions = match map.get("questions") {
        None => {
            reader.problem("", "missing `questions:` (a list of questions)");
            Vec::new()
        }
        Some(Value::Sequence(items)) if items.is_empty() => {
            reader.problem("questions", "`questions` is empty: a bank needs at least one question");
            Vec::new()
        }
        Some(Value::Sequence(items)) => {
            let name = topic.as_ref().map_or("", |t| t.name.as_str());
            items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| reader.question(item, &format!("questions[{i}]"), name))
                .collect()
        }
        Some(_) => {
            reader.problem("questions", "`questions` must be a list");
            Vec::new()
        }
    };
    ParsedFile { topic, questions, problems: reader.problems }
}

impl Reader {
    fn problem(&mut self, path: &str, message: impl Into<String>) {
        self.problems.push(Problem { at: Place::Value(path.to_string()), message: message.into() });
    }

    fn unknown_fields(&mut self, map: &Mapping, path: &str, known: &[&str], what: &str) {
        for key in map.keys() {
            let name = key.as_str().map_or_else(|| format!("{key:?}"), str::to_string);
            if known.contains(&name.as_str()) {
                continue;
            }
            let at = Place::Key(join(path, &name));
            let message = if name == "<<" {
                // YAML 1.1 merge keys are not applied by the reader; say so rather than "unknown".
                "merge keys (`<<`) are not supported in banks; write the fields out".to_string()
            } else {
                let hint = did_you_mean(&name, known);
                format!(
                    "unknown field `{}` in {what}{hint}; expected one of: {}",
                    shown(&name),
                    known.join(", ")
                )
            };
            self.problems.push(Problem { at, message });
        }
    }

    fn topic(&mut self, map: &Mapping) -> Option<Topic> {
        let name = self.text(map, "", "topic", true)?;
        if !name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
            self.problem("topic", "`topic` must be a lowercase name of letters, digits and dashes");
            return None;
        }
        let title = self.text(map, "", "title", false).unwrap_or_else(|| name.clone());
        Some(Topic { name, title })
    }

    /// A required or optional non-empty string field.
    fn text(&mut self, map: &Mapping, path: &str, field: &str, required: bool) -> Option<String> {
        let here = join(path, field);
        match map.get(field) {
            None | Some(Value::Null) if required => {
                let what = match path {
                    "" => "the bank",
                    p if p.contains(".wrong[") => "wrong claim",
                    _ => "question",
                };
                self.problem(path, format!("missing `{field}` in {what}"));
                None
            }
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if s.trim().is_empty() => {
                self.problem(&here, format!("`{field}` is empty"));
                None
            }
            Some(Value::String(s)) => Some(s.trim().to_string()),
            Some(other) => {
                self.problem(&here, format!("`{field}` must be text, found {}", kind(other)));
                None
            }
        }
    }

    fn question(&mut self, item: &Value, path: &str, topic: &str) -> Option<(Question, String)> {
        let Some(map) = item.as_mapping() else {
            self.problem(
                path,
                format!("a question must be a mapping with id, prompt and answer, found {}", kind(item)),
            );
            return None;
        };
        self.unknown_fields(map, path, &QUESTION_FIELDS, "a question");
        let id = self.id(map, path);
        let difficulty = self.difficulty(map, path);
        let prompt = self.text(map, path, "prompt", true);
        let answer = self.text(map, path, "answer", true);
        let hint = self.text(map, path, "hint", false);
        let points = self.points(map, path);
        let contrast = self.contrast(map, path);
        let wrong = self.wrong_claims(map, path);
        if let (Some(points), Some(contrast)) = (&points, &contrast) {
            self.check_about(points, contrast, path);
        }
        let question = Question {
            id: id?,
            topic: topic.to_string(),
            difficulty: difficulty?,
            prompt: prompt?,
            answer: answer?,
            points: points?,
            hint,
            contrast: contrast?,
            wrong: wrong?,
        };
        Some((question, path.to_string()))
    }

    /// The id: required text, without control characters (an id is echoed in many places).
    fn id(&mut self, map: &Mapping, path: &str) -> Option<String> {
        let id = self.text(map, path, "id", true)?;
        if id.chars().any(char::is_control) {
            self.problem(
                &join(path, "id"),
                "`id` contains control characters; use letters, digits and dashes",
            );
            return None;
        }
        Some(id)
    }

    fn difficulty(&mut self, map: &Mapping, path: &str) -> Option<Difficulty> {
        let text = self.text(map, path, "difficulty", true)?;
        let found = Difficulty::parse(&text);
        if found.is_none() {
            self.problem(
                &join(path, "difficulty"),
                format!("unknown difficulty `{}`; expected easy, medium or hard", shown(&text)),
            );
        }
        found
    }

    fn points(&mut self, map: &Mapping, path: &str) -> Option<Vec<Point>> {
        let here = join(path, "points");
        match map.get("points") {
            None | Some(Value::Null) => Some(Vec::new()),
            Some(Value::Sequence(items)) if items.is_empty() => {
                self.problem(
                    &here,
                    "`points` is empty: list the key points, or leave the field out to derive them",
                );
                None
            }
            Some(Value::Sequence(items)) => {
                let points: Vec<Option<Point>> =
                    items.iter().enumerate().map(|(i, p)| self.point(p, &format!("{here}[{i}]"))).collect();
                points.into_iter().collect()
            }
            Some(other) => {
                self.problem(&here, format!("`points` must be a list, found {}", kind(other)));
                None
            }
        }
    }

    fn point(&mut self, item: &Value, path: &str) -> Option<Point> {
        match item {
            Value::Mapping(map) => self.point_map(map, path),
            Value::Null => {
                self.problem(path, "empty point");
                None
            }
            other => match scalar_text(other) {
                Some(text) if text.trim().is_empty() => {
                    self.problem(path, "empty point");
                    None
                }
                Some(text) => Some(Point::term(text.trim())),
                None => {
                    self.problem(
                        path,
                        format!("a point must be a term or a mapping with `any:`, found {}", kind(other)),
                    );
                    None
                }
            },
        }
    }

    fn point_map(&mut self, map: &Mapping, path: &str) -> Option<Point> {
        self.unknown_fields(map, path, &POINT_FIELDS, "a point");
        let alternatives = self.alternatives(map, path);
        let weight = self.weight(map, path);
        let label = self.text(map, path, "label", false);
        let about = self.text(map, path, "about", false);
        let bonus = self.flag(map, path, "bonus")?;
        let contrary = match map.get("contrary") {
            None => Vec::new(),
            Some(value) => self.terms(value, &join(path, "contrary"))?,
        };
        Some(Point { alternatives: alternatives?, weight: weight?, label, about, bonus, contrary })
    }

    fn flag(&mut self, map: &Mapping, path: &str, field: &str) -> Option<bool> {
        match map.get(field) {
            None => Some(false),
            Some(Value::Bool(b)) => Some(*b),
            Some(other) => {
                let found = kind(other);
                self.problem(&join(path, field), format!("`{field}` must be true or false, found {found}"));
                None
            }
        }
    }

    /// `contrast: [PUT, PATCH]`, or a mapping from each term to the words that name it
    /// (`{"401": ["401", unauthorized], "403": ["403", forbidden]}`).
    fn contrast(&mut self, map: &Mapping, path: &str) -> Option<Vec<Contrast>> {
        let here = join(path, "contrast");
        let sides: Vec<Contrast> = match map.get("contrast") {
            None | Some(Value::Null) => return Some(Vec::new()),
            Some(Value::Sequence(items)) => {
                let names: Vec<Option<String>> = items.iter().map(scalar_text).collect();
                if names.iter().any(|n| n.as_deref().is_none_or(|n| n.trim().is_empty())) {
                    self.problem(&here, "every entry of `contrast` must be a term");
                    return None;
                }
                names
                    .into_iter()
                    .flatten()
                    .map(|n| Contrast { alternatives: vec![n.clone()], name: n })
                    .collect()
            }
            Some(Value::Mapping(sides)) => {
                let mut all = Vec::new();
                for (key, value) in sides {
                    let name = scalar_text(key).unwrap_or_default();
                    let alternatives = self.terms(value, &join(&here, &name));
                    all.push(Contrast { name, alternatives: alternatives? });
                }
                all
            }
            Some(other) => {
                let found = kind(other);
                self.problem(
                    &here,
                    format!("`contrast` must be a list of terms or a mapping, found {found}"),
                );
                return None;
            }
        };
        if sides.len() < 2 {
            self.problem(&here, "`contrast` needs at least two terms to contrast");
            return None;
        }
        Some(sides)
    }

    fn check_about(&mut self, points: &[Point], contrast: &[Contrast], path: &str) {
        for (i, point) in points.iter().enumerate() {
            let Some(about) = &point.about else { continue };
            if !contrast.iter().any(|c| &c.name == about) {
                let names: Vec<&str> = contrast.iter().map(|c| c.name.as_str()).collect();
                let message = if names.is_empty() {
                    format!("`about: {about}` needs the question to list its contrasted terms in `contrast`")
                } else {
                    format!("`about: {about}` is not one of the contrasted terms: {}", names.join(", "))
                };
                self.problem(&format!("{path}.points[{i}].about"), message);
            }
        }
    }

    fn wrong_claims(&mut self, map: &Mapping, path: &str) -> Option<Vec<WrongClaim>> {
        let here = join(path, "wrong");
        match map.get("wrong") {
            None | Some(Value::Null) => Some(Vec::new()),
            Some(Value::Sequence(items)) => {
                let claims: Vec<Option<WrongClaim>> = items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| self.wrong_claim(item, &format!("{here}[{i}]")))
                    .collect();
                claims.into_iter().collect()
            }
            Some(other) => {
                let found = kind(other);
                self.problem(&here, format!("`wrong` must be a list of wrong claims, found {found}"));
                None
            }
        }
    }

    fn wrong_claim(&mut self, item: &Value, path: &str) -> Option<WrongClaim> {
        let Some(map) = item.as_mapping() else {
            self.problem(path, "a wrong claim must be a mapping with `any:` and `correction:`");
            return None;
        };
        self.unknown_fields(map, path, &WRONG_FIELDS, "a wrong claim");
        let alternatives = self.alternatives(map, path);
        let label = self.text(map, path, "label", false);
        let correction = self.text(map, path, "correction", true);
        let alternatives = alternatives?;
        let label = label.unwrap_or_else(|| alternatives[0].clone());
        Some(WrongClaim { alternatives, label, correction: correction? })
    }

    /// A term, or a non-empty list of terms.
    fn terms(&mut self, value: &Value, path: &str) -> Option<Vec<String>> {
        let items = match value {
            Value::Sequence(items) => items.iter().map(scalar_text).collect(),
            other => vec![scalar_text(other)],
        };
        let terms: Vec<String> = items.iter().flatten().map(|t| t.trim().to_string()).collect();
        if terms.is_empty() || items.len() != terms.len() || terms.iter().any(String::is_empty) {
            self.problem(path, "expected a term or a non-empty list of terms");
            return None;
        }
        Some(terms)
    }

    fn alternatives(&mut self, map: &Mapping, path: &str) -> Option<Vec<String>> {
        let here = join(path, "any");
        let Some(items) = map.get("any") else {
            self.problem(path, "missing `any:` (the list of alternative phrasings) in point");
            return None;
        };
        let Some(items) = items.as_sequence().filter(|items| !items.is_empty()) else {
            self.problem(&here, "`any` must be a non-empty list of terms");
            return None;
        };
        let mut all = Vec::new();
        for (i, item) in items.iter().enumerate() {
            match scalar_text(item) {
                Some(text) if !text.trim().is_empty() => all.push(text.trim().to_string()),
                _ => self.problem(
                    &format!("{here}[{i}]"),
                    "empty alternative: every entry of `any` must be a term",
                ),
            }
        }
        (all.len() == items.len()).then_some(all)
    }

    fn weight(&mut self, map: &Mapping, path: &str) -> Option<u32> {
        let Some(value) = map.get("weight") else {
            return Some(1);
        };
        match value.as_u64() {
            Some(0) => {
                self.problem(
                    &join(path, "weight"),
                    "weight must be at least 1 (a zero-weight point counts for nothing)",
                );
                None
            }
            Some(w) if w <= 100 => Some(w as u32),
            _ => {
                // Say what was found: `1e23` reads as a float, `"2"` as text.
                let found = scalar_text(value).map_or_else(|| kind(value).to_string(), |t| shown(&t));
                let message = format!("weight must be a whole number from 1 to 100, found {found}");
                self.problem(&join(path, "weight"), message);
                None
            }
        }
    }
}

/// Text of a scalar that reads naturally as a term (strings, numbers like `401`, booleans).
fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "nothing",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Sequence(_) => "a list",
        Value::Mapping(_) => "a mapping",
        Value::Tagged(_) => "a tagged value",
    }
}
