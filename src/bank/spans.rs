//! Where each node of a YAML file starts, by its path (`questions[2].points[0].weight`).
//!
//! The typed model is read from `serde_yaml`'s `Value`, which forgets positions; this index,
//! built from a second, event-level parse, gives every validation message its line and column.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser};

/// A 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Location {
    pub line: usize,
    pub column: usize,
}

/// Start positions of values and of mapping keys, by path.
#[derive(Debug, Default)]
pub struct SpanIndex {
    values: HashMap<String, Location>,
    keys: HashMap<String, Location>,
}

/// Nesting deeper than this is not indexed (the YAML reader rejects it before us anyway).
const MAX_DEPTH: usize = 64;

enum Frame {
    Map { path: String, key: Option<String> },
    Seq { path: String, next: usize },
}

impl SpanIndex {
    /// Indexes `text`; a document the event parser cannot read yields an empty index.
    pub fn build(text: &str) -> SpanIndex {
        let mut index = SpanIndex::default();
        let mut stack: Vec<Frame> = Vec::new();
        for event in Parser::new_from_str(text) {
            let Ok((event, span)) = event else { break };
            let at = Location { line: span.start.line(), column: span.start.col() + 1 };
            let is_node = matches!(
                event,
                Event::Scalar(..) | Event::Alias(_) | Event::SequenceStart(..) | Event::MappingStart(..)
            );
            let path = if is_node { index.place(&mut stack, &event, at) } else { None };
            match event {
                Event::SequenceStart(..) | Event::MappingStart(..) if stack.len() >= MAX_DEPTH => {
                    break;
                }
                Event::SequenceStart(..) => {
                    stack.push(Frame::Seq { path: path.unwrap_or_default(), next: 0 });
                }
                Event::MappingStart(..) => {
                    stack.push(Frame::Map { path: path.unwrap_or_default(), key: None });
                }
                Event::SequenceEnd | Event::MappingEnd => {
                    stack.pop();
                }
                _ => {}
            }
        }
        index
    }

    /// Records a node's position; returns its path, or `None` when the node is a mapping key.
    fn place(&mut self, stack: &mut [Frame], event: &Event, at: Location) -> Option<String> {
        let path = match stack.last_mut() {
            None => String::new(),
            Some(Frame::Seq { path, next }) => {
                *next += 1;
                format!("{path}[{}]", *next - 1)
            }
            Some(Frame::Map { path, key }) => {
                if let Some(key) = key.take() {
                    join(path, &key)
                } else {
                    let name = if let Event::Scalar(text, ..) = event {
                        text.to_string()
                    } else {
                        String::from("?")
                    };
                    self.keys.insert(join(path, &name), at);
                    *key = Some(name);
                    return None;
                }
            }
        };
        self.values.insert(path.clone(), at);
        Some(path)
    }

    /// Where the value at `path` starts, else where its nearest indexed ancestor starts.
    pub fn value(&self, path: &str) -> Location {
        let mut path = path;
        loop {
            if let Some(at) = self.values.get(path) {
                return *at;
            }
            match path.rfind(['.', '[']) {
                Some(cut) => path = &path[..cut],
                None => {
                    return self.values.get("").copied().unwrap_or(Location { line: 1, column: 1 });
                }
            }
        }
    }

    /// Where the key of the entry at `path` starts (falls back to the value's position).
    pub fn key(&self, path: &str) -> Location {
        self.keys.get(path).copied().unwrap_or_else(|| self.value(path))
    }
}

/// The path of entry `key` inside the mapping at `path`.
pub fn join(path: &str, key: &str) -> String {
    if path.is_empty() { key.to_string() } else { format!("{path}.{key}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_values_and_keys_by_path() {
        let text = "topic: http\nquestions:\n  - id: a\n    points:\n      - GET\n      - any: [x]\n        weight: 0\n";
        let index = SpanIndex::build(text);
        assert_eq!(index.value("topic"), Location { line: 1, column: 8 });
        assert_eq!(index.key("questions"), Location { line: 2, column: 1 });
        assert_eq!(index.value("questions[0].id"), Location { line: 3, column: 9 });
        assert_eq!(index.value("questions[0].points[0]"), Location { line: 5, column: 9 });
        assert_eq!(index.value("questions[0].points[1].weight"), Location { line: 7, column: 17 });
        assert_eq!(index.key("questions[0].points[1].weight"), Location { line: 7, column: 9 });
    }

    #[test]
    fn unknown_paths_fall_back_to_the_nearest_ancestor() {
        let index = SpanIndex::build("questions:\n  - id: a\n");
        assert_eq!(index.value("questions[0].points[3]"), Location { line: 2, column: 5 });
        assert_eq!(index.value("nowhere"), Location { line: 1, column: 1 });
    }
}
