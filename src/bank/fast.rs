//! The fast path for a clean bank file: serde straight into the bank's types, with no `Value`
//! tree, no paths and no positions.
//!
//! It accepts only files that the full reader (`parse`) would accept without a problem, and gives
//! up (`None`) at the first doubt: anything unusual (numbers as terms, contrasts, wrong claims,
//! `about:`, `bonus:`, `contrary:`, an unknown field, an empty text) goes to the full reader,
//! which says what is wrong or reads the richer form. A property test checks that whatever this path reads, the
//! full reader reads the same.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};

use super::parse::ParsedFile;
use super::{Difficulty, Point, Question, Topic};

/// Reads `text` if it is a plain, clean bank file; `None` sends it to the full reader.
pub fn read(text: &str) -> Option<ParsedFile> {
    let raw: RawBank = serde_yaml::from_str(text).ok()?;
    let name = clean(raw.topic)?;
    if !name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
        return None;
    }
    let title = match raw.title {
        Some(title) => clean(title)?,
        None => name.clone(),
    };
    if raw.questions.is_empty() {
        return None;
    }
    let mut questions = Vec::with_capacity(raw.questions.len());
    for (i, q) in raw.questions.into_iter().enumerate() {
        questions.push((question(q, &name)?, format!("questions[{i}]")));
    }
    Some(ParsedFile { topic: Some(Topic { name, title }), questions, problems: Vec::new() })
}

fn question(raw: RawQuestion, topic: &str) -> Option<Question> {
    if raw.contrast.0 || raw.wrong.0 {
        return None;
    }
    let id = clean(raw.id)?;
    if id.chars().any(char::is_control) {
        return None;
    }
    let points = match raw.points {
        None => Vec::new(),
        Some(points) if points.is_empty() => return None,
        Some(points) => points.into_iter().map(point).collect::<Option<Vec<Point>>>()?,
    };
    Some(Question {
        id,
        topic: topic.to_string(),
        difficulty: Difficulty::parse(&clean(raw.difficulty)?)?,
        prompt: clean(raw.prompt)?,
        answer: clean(raw.answer)?,
        points,
        hint: raw.hint.map(clean).map_or(Some(None), |h| h.map(Some))?,
        contrast: Vec::new(),
        wrong: Vec::new(),
    })
}

fn point(raw: RawPoint) -> Option<Point> {
    match raw {
        RawPoint::Term(text) => Some(Point::term(clean(text)?)),
        RawPoint::Detailed(detail) => {
            if detail.about.0 || detail.bonus.0 || detail.contrary.0 || detail.any.is_empty() {
                return None;
            }
            let alternatives = detail.any.into_iter().map(clean).collect::<Option<Vec<String>>>()?;
            let label = detail.label.map(clean).map_or(Some(None), |l| l.map(Some))?;
            Some(Point { alternatives, weight: detail.weight.0?, label, ..Point::term("") })
        }
    }
}

/// Trimmed text, `None` when empty (the full reader reports an empty field).
fn clean(text: Text) -> Option<String> {
    let text = text.0;
    let trimmed = text.trim();
    if trimmed.is_empty() {
        None
    } else if trimmed.len() == text.len() {
        Some(text) // the usual case: no copy
    } else {
        Some(trimmed.to_string())
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBank {
    topic: Text,
    #[serde(default)]
    title: Option<Text>,
    questions: Vec<RawQuestion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: Text,
    difficulty: Text,
    prompt: Text,
    answer: Text,
    #[serde(default)]
    points: Option<Vec<RawPoint>>,
    #[serde(default)]
    hint: Option<Text>,
    #[serde(default)]
    contrast: Present,
    #[serde(default)]
    wrong: Present,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DetailedPoint {
    any: Vec<Text>,
    #[serde(default)]
    weight: Weight,
    #[serde(default)]
    label: Option<Text>,
    #[serde(default)]
    about: Present,
    #[serde(default)]
    bonus: Present,
    #[serde(default)]
    contrary: Present,
}

/// A point as written: a term, or a mapping with `any:`.
enum RawPoint {
    Term(Text),
    Detailed(DetailedPoint),
}

impl<'de> Deserialize<'de> for RawPoint {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PointVisitor;
        impl<'de> Visitor<'de> for PointVisitor {
            type Value = RawPoint;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a term or a mapping with `any:`")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<RawPoint, E> {
                Ok(RawPoint::Term(Text(text.to_string())))
            }
            fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<RawPoint, M::Error> {
                let detail = DetailedPoint::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(RawPoint::Detailed(detail))
            }
        }
        deserializer.deserialize_any(PointVisitor)
    }
}

/// A YAML string, and nothing else: a number, boolean, null or tagged value is not text here
/// (the full reader decides what to make of it).
struct Text(String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl Visitor<'_> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("text")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Text, E> {
                Ok(Text(text.to_string()))
            }
            fn visit_string<E: de::Error>(self, text: String) -> Result<Text, E> {
                Ok(Text(text))
            }
        }
        deserializer.deserialize_any(TextVisitor)
    }
}

/// A weight from 1 to 100; `None` inside for anything else (null included), which gives up.
struct Weight(Option<u32>);

impl Default for Weight {
    fn default() -> Weight {
        Weight(Some(1))
    }
}

impl<'de> Deserialize<'de> for Weight {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct WeightVisitor;
        impl Visitor<'_> for WeightVisitor {
            type Value = Weight;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a whole number from 1 to 100")
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<Weight, E> {
                Ok(Weight((1..=100).contains(&n).then_some(n as u32)))
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<Weight, E> {
                Ok(Weight((1..=100).contains(&n).then_some(n as u32)))
            }
        }
        deserializer.deserialize_any(WeightVisitor)
    }
}

/// Whether a field is there at all, whatever its value (even null): a field this path leaves to
/// the full reader.
#[derive(Default)]
struct Present(bool);

impl<'de> Deserialize<'de> for Present {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        IgnoredAny::deserialize(deserializer)?;
        Ok(Present(true))
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::bank::check::parse_slow;

    const CLEAN: &str = "topic: demo\ntitle: Demo\nquestions:\n  - id: a\n    difficulty: easy\n    \
                         prompt: What is REST?\n    answer: A style.\n    points:\n      - style\n      \
                         - any: [constraints, rules]\n        weight: 2\n        label: Constraints\n    \
                         hint: Fielding.\n  - id: b\n    difficulty: hard\n    prompt: Why?\n    answer: Because.\n";

    /// Edits that keep a file readable but test the edges of what the fast path accepts.
    const EDITS: &[&str] = &[
        "401",
        "~",
        "null",
        "\"\"",
        "' '",
        "true",
        "!!str 5",
        "!custom x",
        "[]",
        "{}",
        "0",
        "101",
        "-3",
        "1.5",
        "2",
        "\"2\"",
        "\u{1b}x",
        "  ",
        "<<: {x: 1}",
        "about: x",
        "bonus: true",
        "contrary: fine",
        "contrast: [a, b]",
        "\n    wrong: []",
        "label: ",
        "any: []",
        "any: [x, ~]",
        "- ",
        "HTTP",
        "Easy",
        "medium",
    ];

    fn same_as_slow(text: &str) -> Result<(), TestCaseError> {
        if let Some(fast) = read(text) {
            let slow = parse_slow(text);
            prop_assert_eq!(
                &slow.problems,
                &Vec::new(),
                "fast read what the full reader rejects: {:?}",
                text
            );
            prop_assert_eq!(&fast.topic, &slow.topic, "{:?}", text);
            prop_assert_eq!(&fast.questions, &slow.questions, "{:?}", text);
        }
        Ok(())
    }

    #[test]
    fn a_clean_file_takes_the_fast_path() {
        let fast = read(CLEAN).expect("a plain bank is read fast");
        assert_eq!(fast.questions.len(), 2);
        same_as_slow(CLEAN).unwrap();
    }

    #[test]
    fn anything_unusual_goes_to_the_full_reader() {
        for (from, to) in [
            ("      - style\n", "      - 401\n"),
            ("weight: 2", "weight: ~"),
            ("weight: 2", "weight: 101"),
            ("weight: 2", "weight: \"2\""),
            ("hint: Fielding.", "hint: \"  \""),
            ("hint: Fielding.", "hint: Fielding.\n    contrast: [a, b]"),
            ("title: Demo", "title: Demo\nextra: 1"),
            ("id: a", "id: \"a\\e\""),
            ("id: a", "id: 5"),
            ("difficulty: easy", "difficulty: Easy"),
            ("label: Constraints", "label: Constraints\n        bonus: false"),
        ] {
            let text = CLEAN.replacen(from, to, 1);
            assert!(read(&text).is_none(), "{to}");
            same_as_slow(&text).unwrap();
        }
        let with_null_hint = CLEAN.replacen("hint: Fielding.", "hint: ~", 1);
        assert!(read(&with_null_hint).is_some());
        same_as_slow(&with_null_hint).unwrap();
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        #[test]
        fn the_fast_path_reads_only_what_the_full_reader_reads_the_same(
            edits in prop::collection::vec((0..CLEAN.len(), prop::sample::select(EDITS), any::<bool>()), 1..4)
        ) {
            let mut text = CLEAN.to_string();
            for (at, edit, replace_value) in edits {
                let at = (0..=at.min(text.len())).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
                if replace_value {
                    // Replace the rest of the line after the next ": " with the edit.
                    if let Some(colon) = text[at..].find(": ").map(|c| c + at + 2) {
                        let end = text[colon..].find('\n').map_or(text.len(), |e| e + colon);
                        text.replace_range(colon..end, edit);
                        continue;
                    }
                }
                text.insert_str(at, edit);
            }
            same_as_slow(&text)?;
        }
    }
}
