//! The JSON Schema of the bank file format (`rehearse schema`), for editors' YAML language servers.
//!
//! These types describe a file as it is written (a point may be a bare term, `contrast` a list or
//! a mapping); they are never built. The reader in `parse` is what enforces the format, and a test
//! checks that both name the same fields.
// Doc comments here become the schema's descriptions, shown by editors: no Markdown backticks.
#![allow(clippy::doc_markdown, dead_code)]

use std::collections::BTreeMap;

use schemars::JsonSchema;

/// A rehearse question bank: one topic and its questions.
#[derive(JsonSchema)]
#[schemars(title = "rehearse question bank", deny_unknown_fields)]
struct BankFile {
    /// The topic's short name: lowercase letters, digits and dashes.
    #[schemars(regex(pattern = r"^[a-z0-9-]+$"))]
    topic: String,
    /// The topic's title, shown by rehearse topics (default: the topic's name).
    title: Option<String>,
    /// The questions of this topic; ids are unique across all loaded banks.
    #[schemars(length(min = 1))]
    questions: Vec<QuestionEntry>,
}

/// One interview question.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct QuestionEntry {
    /// A unique id, e.g. http-idempotent-methods.
    id: String,
    /// How hard the question is.
    difficulty: Level,
    /// The question as asked.
    prompt: String,
    /// The model answer, shown after scoring.
    answer: String,
    /// What a good answer covers; derived from the answer when absent.
    #[schemars(length(min = 1))]
    points: Option<Vec<PointEntry>>,
    /// A nudge shown on :hint.
    hint: Option<String>,
    /// In a comparison question, the terms contrasted (PUT vs PATCH): a list of at least two terms,
    /// or a mapping from each term to the words that name it.
    contrast: Option<ContrastEntry>,
    /// Wrong claims interviewers hear, each with its correction; a matched one costs more than a
    /// missed point.
    wrong: Option<Vec<WrongEntry>>,
}

#[derive(JsonSchema)]
#[serde(rename_all = "lowercase")]
enum Level {
    Easy,
    Medium,
    Hard,
}

/// A term or phrase (numbers such as 401 are read as terms).
#[derive(JsonSchema)]
#[serde(untagged)]
enum Term {
    Text(String),
    Number(f64),
    Flag(bool),
}

/// A key point: a term or phrase, or alternatives with a weight and a label.
#[derive(JsonSchema)]
#[serde(untagged)]
enum PointEntry {
    Term(Term),
    Detailed(DetailedPoint),
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct DetailedPoint {
    /// Alternative phrasings; any one of them covers the point.
    #[schemars(length(min = 1))]
    any: Vec<Term>,
    /// How much the point counts (default 1).
    #[schemars(range(min = 1, max = 100))]
    weight: Option<u32>,
    /// How the point is shown to the candidate (default: its first alternative).
    label: Option<String>,
    /// In a comparison question, the contrasted term this claim is about.
    about: Option<String>,
    /// Depth beyond a good answer: credited when covered, never missed.
    bonus: Option<bool>,
    /// Words that state the claim the other way round; said plainly in the clause of a phrasing,
    /// they contradict the point.
    contrary: Option<TermOrTerms>,
}

#[derive(JsonSchema)]
#[serde(untagged)]
enum ContrastEntry {
    Terms(Vec<Term>),
    Named(BTreeMap<String, TermOrTerms>),
}

#[derive(JsonSchema)]
#[serde(untagged)]
enum TermOrTerms {
    One(Term),
    Many(Vec<Term>),
}

/// A wrong claim and its correction.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct WrongEntry {
    /// Phrasings that state the wrong claim.
    #[schemars(length(min = 1))]
    any: Vec<Term>,
    /// How the claim is shown (default: its first phrasing).
    label: Option<String>,
    /// What is true instead.
    correction: String,
}

/// The schema as pretty-printed JSON.
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(BankFile);
    serde_json::to_string_pretty(&schema).expect("a schema serializes")
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::super::parse::{BANK_FIELDS, POINT_FIELDS, QUESTION_FIELDS, WRONG_FIELDS};
    use super::*;

    fn fields(schema: &Value) -> Vec<String> {
        let mut names: Vec<String> = schema["properties"].as_object().unwrap().keys().cloned().collect();
        names.sort();
        names
    }

    fn sorted(names: &[&str]) -> Vec<String> {
        let mut names: Vec<String> = names.iter().map(ToString::to_string).collect();
        names.sort();
        names
    }

    #[test]
    fn the_schema_names_the_fields_the_reader_accepts() {
        let schema: Value = serde_json::from_str(&schema_json()).unwrap();
        let defs = &schema["$defs"];
        assert_eq!(fields(&schema), sorted(&BANK_FIELDS));
        assert_eq!(fields(&defs["QuestionEntry"]), sorted(&QUESTION_FIELDS));
        assert_eq!(fields(&defs["DetailedPoint"]), sorted(&POINT_FIELDS));
        assert_eq!(fields(&defs["WrongEntry"]), sorted(&WRONG_FIELDS));
        let required = |s: &Value| s["required"].as_array().unwrap().len();
        assert_eq!((required(&schema), required(&defs["QuestionEntry"])), (2, 4));
        assert_eq!(schema["additionalProperties"], Value::Bool(false));
    }
}
