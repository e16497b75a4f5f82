//! Which questions a session asks, and in what order: filters and a seeded, portable shuffle.

use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;

use crate::bank::{Bank, Difficulty, Question};
use crate::render::did_you_mean;

/// Why no plan could be made.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PlanError {
    #[error("unknown topic `{topic}`{suggestion}; topics: {}", .valid.join(", "))]
    UnknownTopic { topic: String, suggestion: String, valid: Vec<String> },
    #[error("no questions match{}", describe(.topics, *.difficulty))]
    NothingMatches { topics: Vec<String>, difficulty: Option<Difficulty> },
    #[error("no question with id `{id}`{}", if .suggestion.is_empty() { "; run `rehearse list` to see the ids" } else { .suggestion })]
    UnknownId { id: String, suggestion: String },
}

impl PlanError {
    /// `id` is not in `bank`: the error names the closest id, or says where to see them.
    pub fn unknown_id(bank: &Bank, id: &str) -> PlanError {
        let known: Vec<&str> = bank.questions.iter().map(|q| q.id.as_str()).collect();
        // A hostile id can be 100 KB of escape sequences: echo it cut and inert.
        PlanError::UnknownId { id: crate::bank::shown(id), suggestion: did_you_mean(id, &known) }
    }
}

/// The question with this id, or an error naming the closest id.
pub fn find<'a>(bank: &'a Bank, id: &str) -> Result<&'a Question, PlanError> {
    bank.question(id).ok_or_else(|| PlanError::unknown_id(bank, id))
}

/// The questions of an answers file in its order, narrowed by `filter`; an id the bank does not
/// have is an error.
pub fn from_ids<'a, 'i>(
    bank: &'a Bank,
    ids: impl IntoIterator<Item = &'i str>,
    filter: &Filter,
) -> Result<Vec<&'a Question>, PlanError> {
    let allowed = select(bank, filter)?;
    let mut chosen = Vec::new();
    for id in ids {
        let question = find(bank, id)?;
        if allowed.iter().any(|q| q.id == question.id) {
            chosen.push(question);
        }
    }
    if chosen.is_empty() {
        return Err(PlanError::NothingMatches {
            topics: filter.topics.clone(),
            difficulty: filter.difficulty,
        });
    }
    Ok(chosen)
}

fn describe(topics: &[String], difficulty: Option<Difficulty>) -> String {
    let mut parts = Vec::new();
    if !topics.is_empty() {
        parts.push(format!("topic {}", topics.join(", ")));
    }
    if let Some(d) = difficulty {
        parts.push(format!("difficulty {d}"));
    }
    if parts.is_empty() { String::new() } else { format!(" {}; try fewer filters", parts.join(" and ")) }
}

/// The question filters of `list` and `quiz`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub topics: Vec<String>,
    pub difficulty: Option<Difficulty>,
}

/// The questions matching `filter`, in bank order; unknown topics and empty results are errors.
/// Topic names match whatever their case (`-t HTTP`).
pub fn select<'a>(bank: &'a Bank, filter: &Filter) -> Result<Vec<&'a Question>, PlanError> {
    let names = bank.topic_names();
    let mut topics = Vec::new();
    for topic in &filter.topics {
        match names.iter().find(|n| n.to_lowercase() == topic.to_lowercase()) {
            Some(name) => topics.push(*name),
            None => {
                return Err(PlanError::UnknownTopic {
                    topic: crate::bank::shown(topic),
                    suggestion: did_you_mean(&topic.to_lowercase(), &names),
                    valid: names.iter().map(|n| crate::bank::shown(n)).collect(),
                });
            }
        }
    }
    let chosen: Vec<&Question> = bank
        .questions
        .iter()
        .filter(|q| topics.is_empty() || topics.contains(&q.topic.as_str()))
        .filter(|q| filter.difficulty.is_none_or(|d| q.difficulty == d))
        .collect();
    if chosen.is_empty() {
        return Err(PlanError::NothingMatches {
            topics: filter.topics.clone(),
            difficulty: filter.difficulty,
        });
    }
    Ok(chosen)
}

/// Shuffles with `ChaCha8` (the same on every platform and rand version) and keeps `count`.
pub fn order(mut questions: Vec<&Question>, seed: u64, count: usize) -> Vec<&Question> {
    questions.shuffle(&mut ChaCha8Rng::seed_from_u64(seed));
    questions.truncate(count);
    questions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::{Point, Topic};

    fn bank() -> Bank {
        let question = |id: &str, topic: &str, difficulty| Question {
            id: id.into(),
            topic: topic.into(),
            difficulty,
            prompt: format!("prompt {id}"),
            answer: "answer".into(),
            points: vec![Point::term("x")],
            hint: None,
            contrast: Vec::new(),
            wrong: Vec::new(),
        };
        Bank::new(
            ["http", "security"].map(|n| Topic { name: n.into(), title: n.into() }).to_vec(),
            (0..10)
                .map(|i| {
                    let topic = if i % 2 == 0 { "http" } else { "security" };
                    let difficulty = if i < 5 { Difficulty::Easy } else { Difficulty::Hard };
                    question(&format!("q{i}"), topic, difficulty)
                })
                .collect(),
        )
    }

    fn ids(questions: &[&Question]) -> Vec<String> {
        questions.iter().map(|q| q.id.clone()).collect()
    }

    #[test]
    fn filters_by_topic_and_difficulty() {
        let bank = bank();
        let filter = Filter { topics: vec!["http".into()], difficulty: Some(Difficulty::Hard) };
        assert_eq!(ids(&select(&bank, &filter).unwrap()), ["q6", "q8"]);
    }

    #[test]
    fn topics_match_whatever_their_case() {
        let bank = bank();
        let filter = Filter { topics: vec!["HTTP".into()], difficulty: Some(Difficulty::Hard) };
        assert_eq!(ids(&select(&bank, &filter).unwrap()), ["q6", "q8"]);
    }

    #[test]
    fn an_answers_file_sets_the_questions_and_their_order() {
        let bank = bank();
        let all = Filter::default();
        assert_eq!(ids(&from_ids(&bank, ["q3", "q0", "q8"], &all).unwrap()), ["q3", "q0", "q8"]);
        let http = Filter { topics: vec!["http".into()], difficulty: None };
        assert_eq!(ids(&from_ids(&bank, ["q3", "q0", "q8"], &http).unwrap()), ["q0", "q8"]);
        let error = from_ids(&bank, ["q3", "q11"], &all).unwrap_err();
        assert_eq!(error.to_string(), "no question with id `q11` (did you mean `q1`?)");
    }

    #[test]
    fn unknown_topic_names_the_closest_and_all_valid_ones() {
        let error = select(&bank(), &Filter { topics: vec!["htp".into()], difficulty: None }).unwrap_err();
        assert_eq!(error.to_string(), "unknown topic `htp` (did you mean `http`?); topics: http, security");
    }

    #[test]
    fn an_empty_selection_is_an_error() {
        let bank = Bank::new(bank().topics, vec![]);
        let error = select(&bank, &Filter::default()).unwrap_err();
        assert_eq!(error.to_string(), "no questions match");
    }

    #[test]
    fn a_seed_pins_the_order() {
        let bank = bank();
        let all = select(&bank, &Filter::default()).unwrap();
        let first = order(all.clone(), 42, 5);
        assert_eq!(first.len(), 5);
        assert_eq!(ids(&first), ids(&order(all.clone(), 42, 5)));
        assert_ne!(ids(&first), ids(&order(all.clone(), 43, 5)));
        // Pinned: ChaCha8 is portable, so this order must never change.
        assert_eq!(ids(&order(all, 7, 10)), PINNED_SEED_7);
    }

    const PINNED_SEED_7: [&str; 10] = ["q0", "q7", "q5", "q2", "q9", "q1", "q6", "q8", "q3", "q4"];
}
