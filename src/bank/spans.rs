//! Where each node of a YAML file starts, by its path (`questions[2].points[0].weight`).
//!
//! The typed model is read from `serde_yaml`'s `Value`, which forgets positions; this index,
//! built from a second, event-level parse, gives every validation message its line and column.
//! It is built only for a file that has problems to report.

use std::collections::{HashMap, HashSet};

use saphyr_parser::{Event, Parser};

/// A 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Location {
    pub line: usize,
    pub column: usize,
}

/// Where a problem is, before it is located: the value at a path, or the key of that entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    Value(String),
    Key(String),
    /// Already located (syntax errors come with their position).
    At(Location),
}

/// Start positions of values and of mapping keys, by path.
#[derive(Debug, Default)]
pub struct SpanIndex {
    values: HashMap<String, Location>,
    keys: HashMap<String, Location>,
}

/// Nesting deeper than this is not indexed (the YAML reader rejects it before us anyway).
const MAX_DEPTH: usize = 64;

/// Paths longer than this are not indexed below: a 100 KB key over a 10,000-item list would
/// otherwise be copied into every item's path. Problems below fall back to the nearest ancestor.
const MAX_PATH: usize = 512;

enum Frame {
    Map {
        path: String,
        key: Option<String>,
    },
    Seq {
        path: String,
        next: usize,
    },
    /// A collection under a path too long to index: its contents are skipped.
    Skipped,
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
                Event::SequenceStart(..) | Event::MappingStart(..)
                    if path.as_ref().is_none_or(|p| p.len() > MAX_PATH) =>
                {
                    stack.push(Frame::Skipped);
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
            Some(Frame::Skipped) => return None,
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
                    // A long key is stored once; only the paths below it are not indexed.
                    self.keys.insert(join(path, &name), at);
                    *key = Some(name);
                    return None;
                }
            }
        };
        if path.len() <= MAX_PATH {
            self.values.insert(path.clone(), at);
        }
        Some(path)
    }

    /// Where `place` starts.
    pub fn locate(&self, place: &Place) -> Location {
        match place {
            Place::Value(path) => self.value(path),
            Place::Key(path) => self.key(path),
            Place::At(at) => *at,
        }
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

/// Where the first key that repeats an earlier key of the same mapping starts (the YAML reader
/// reports duplicate keys without a position).
pub fn duplicate_key(text: &str) -> Option<Location> {
    // One set of keys per open mapping, `None` for sequences; `expect_key` per mapping level.
    let mut stack: Vec<Option<(HashSet<String>, bool)>> = Vec::new();
    for event in Parser::new_from_str(text) {
        let Ok((event, span)) = event else { return None };
        let is_key = matches!(stack.last(), Some(Some((_, true))));
        if let Some(Some((keys, expect_key))) = stack.last_mut() {
            *expect_key = !*expect_key;
            if is_key
                && let Event::Scalar(name, ..) = &event
                && !keys.insert(name.to_string())
            {
                return Some(Location { line: span.start.line(), column: span.start.col() + 1 });
            }
        }
        match event {
            Event::MappingStart(..) if stack.len() < MAX_DEPTH => stack.push(Some((HashSet::new(), true))),
            Event::SequenceStart(..) if stack.len() < MAX_DEPTH => stack.push(None),
            Event::MappingStart(..) | Event::SequenceStart(..) => return None,
            Event::MappingEnd | Event::SequenceEnd => {
                stack.pop();
            }
            _ => {}
        }
    }
    None
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
    fn a_repeated_key_is_located() {
        assert_eq!(duplicate_key("a: 1\nb:\n  c: 2\n  c: 3\n"), Some(Location { line: 4, column: 3 }));
        assert_eq!(duplicate_key("a: [{x: 1}, {x: 2}]\nb: 1\n"), None);
    }

    #[test]
    fn long_keys_are_not_copied_into_every_path() {
        let key = "k".repeat(10_000);
        let text = format!("{key}:\n{}", "  - x\n".repeat(1000));
        let index = SpanIndex::build(&text);
        assert!(index.values.len() < 10, "{}", index.values.len());
        assert_eq!(index.key(&key), Location { line: 1, column: 1 });
    }

    #[test]
    fn unknown_paths_fall_back_to_the_nearest_ancestor() {
        let index = SpanIndex::build("questions:\n  - id: a\n");
        assert_eq!(index.value("questions[0].points[3]"), Location { line: 2, column: 5 });
        assert_eq!(index.value("nowhere"), Location { line: 1, column: 1 });
    }
}
