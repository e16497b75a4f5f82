//! An answers file: a YAML or JSON map of question id to answer text, read in file order. Ids
//! must be text and appear once; every answer is text.

use std::collections::HashMap;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use serde::de::{Deserializer, MapAccess, Visitor};
use serde_yaml::Value;

use super::session::{Reply, Responder};
use super::timer::{Clock, Deadline};
use crate::bank::Question;
use crate::inert::{inert, inert_line};
use crate::input::{ReadError, read_file};
use crate::score::MAX_TEXT_BYTES;

/// The most an answers file may hold: one full answer for many questions.
const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// Why an answers file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum AnswerFileError {
    #[error("cannot read answers from {}", path.display())]
    Read { path: PathBuf, source: ReadError },
    #[error("{} is not UTF-8 text", path.display())]
    NotUtf8 { path: PathBuf },
    #[error("{} is not a usable answers file: {message}", path.display())]
    Unusable { path: PathBuf, message: String },
    #[error("{} is not a map of question id to answer text (YAML or JSON): {message}", path.display())]
    NotAMap { path: PathBuf, message: String },
    #[error("{}: a question id is {kind}; every id must be text", path.display())]
    BadId { path: PathBuf, kind: &'static str },
    #[error("{}: `{id}` is answered twice; keep one answer per question", path.display())]
    Duplicate { path: PathBuf, id: String },
    #[error("{}: the answer to `{id}` is {kind}; write it as text, or leave the id out", path.display())]
    BadAnswer { path: PathBuf, id: String, kind: &'static str },
}

/// Answers by question id, in the order the file gives them.
#[derive(Debug, Default)]
pub struct AnswerFile {
    order: Vec<String>,
    answers: HashMap<String, String>,
}

impl AnswerFile {
    pub fn load(path: &Path) -> Result<AnswerFile, AnswerFileError> {
        let bytes = read_file(path, MAX_FILE_BYTES)
            .map_err(|source| AnswerFileError::Read { path: path.to_path_buf(), source })?;
        let text =
            String::from_utf8(bytes).map_err(|_| AnswerFileError::NotUtf8 { path: path.to_path_buf() })?;
        // Deep nesting and alias bombs are refused before a parser sees them.
        crate::bank::check_yaml(&text)
            .map_err(|message| AnswerFileError::Unusable { path: path.to_path_buf(), message })?;
        AnswerFile::parse(&text, path)
    }

    /// Reads the text of an answers file; `path` only names it in errors.
    pub fn parse(text: &str, path: &Path) -> Result<AnswerFile, AnswerFileError> {
        // YAML is a superset of JSON, so one parser reads both.
        let entries = serde_yaml::Deserializer::from_str(text)
            .deserialize_map(EntriesVisitor)
            .map_err(|e| AnswerFileError::NotAMap { path: path.to_path_buf(), message: e.to_string() })?;
        let mut file = AnswerFile::default();
        for (key, value) in entries {
            let id = match key {
                Value::String(id) => id,
                other => return Err(AnswerFileError::BadId { path: path.to_path_buf(), kind: kind(&other) }),
            };
            let answer = match value {
                Value::String(answer) => answer,
                other => {
                    let (path, id) = (path.to_path_buf(), inert_line(&id));
                    return Err(AnswerFileError::BadAnswer { path, id, kind: kind(&other) });
                }
            };
            if file.answers.contains_key(&id) {
                return Err(AnswerFileError::Duplicate { path: path.to_path_buf(), id: inert_line(&id) });
            }
            file.order.push(id.clone());
            file.answers.insert(id, answer);
        }
        Ok(file)
    }

    /// The ids, in file order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.order.iter().map(String::as_str)
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a true/false value",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Sequence(_) => "a list",
        Value::Mapping(_) => "a map",
        Value::Tagged(_) => "a tagged value",
    }
}

/// The map's entries as they come, duplicates included (a map type would drop them).
struct EntriesVisitor;

impl<'de> Visitor<'de> for EntriesVisitor {
    type Value = Vec<(Value, Value)>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a map of question id to answer text")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry::<Value, Value>()? {
            entries.push(entry);
        }
        Ok(entries)
    }
}

impl Responder for AnswerFile {
    fn reply(&mut self, question: &Question, _: Option<Deadline>, _: &dyn Clock) -> io::Result<Reply> {
        Ok(match self.answers.get(&question.id) {
            Some(answer) if !answer.trim().is_empty() => {
                let cut = (0..=answer.len().min(MAX_TEXT_BYTES)).rev().find(|&i| answer.is_char_boundary(i));
                Reply::Answer(inert(&answer[..cut.unwrap_or(0)]))
            }
            _ => Reply::Skip,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<AnswerFile, String> {
        AnswerFile::parse(text, Path::new("a.yaml")).map_err(|e| e.to_string())
    }

    #[test]
    fn ids_keep_the_file_order_in_yaml_and_json() {
        let file = parse("b: two\na: one\nc: three\n").unwrap();
        assert_eq!(file.ids().collect::<Vec<_>>(), ["b", "a", "c"]);
        let file = parse(r#"{"z": "last", "y": "first"}"#).unwrap();
        assert_eq!(file.ids().collect::<Vec<_>>(), ["z", "y"]);
    }

    #[test]
    fn duplicates_and_nulls_are_errors() {
        assert_eq!(
            parse("a: one\na: two\n").unwrap_err(),
            "a.yaml: `a` is answered twice; keep one answer per question"
        );
        assert_eq!(
            parse("a: ~\n").unwrap_err(),
            "a.yaml: the answer to `a` is null; write it as text, or leave the id out"
        );
        assert_eq!(
            parse("~: an answer\n").unwrap_err(),
            "a.yaml: a question id is null; every id must be text"
        );
        assert_eq!(
            parse("7: an answer\n").unwrap_err(),
            "a.yaml: a question id is a number; every id must be text"
        );
        assert!(
            parse("- a\n- b\n").unwrap_err().starts_with("a.yaml is not a map of question id to answer text")
        );
    }
}
