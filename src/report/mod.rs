//! The end-of-session report: overall score, per-topic averages and weak topics, built from the
//! session's records (pure), and rendered by one module per format.

pub mod text;

use std::time::Duration;

use serde::Serialize;

use crate::quiz::session::{FinishedSession, Record, Status};

/// What a session amounted to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Mean of the counted scores (skipped counts 0; unanswered does not count); `None` if nothing
    /// was asked.
    pub overall: Option<f64>,
    pub counts: Counts,
    pub topics: Vec<TopicScore>,
    /// Topics under the pass mark, weakest first.
    pub weak: Vec<TopicScore>,
    pub pass_mark: u8,
    pub interrupted: bool,
    pub elapsed: Duration,
    pub records: Vec<Record>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub answered: usize,
    pub skipped: usize,
    pub timed_out: usize,
    pub unanswered: usize,
}

/// A topic's average, with its questions' scores lowest first (the ones that pulled it down).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicScore {
    pub topic: String,
    pub average: f64,
    pub questions: Vec<(String, u8)>,
}

impl Report {
    pub fn new(outcome: FinishedSession, pass_mark: u8) -> Report {
        let records = outcome.records;
        let mut counts = Counts::default();
        for record in &records {
            match record.status {
                Status::Answered => counts.answered += 1,
                Status::Skipped => counts.skipped += 1,
                Status::TimedOut => counts.timed_out += 1,
                Status::Unanswered => counts.unanswered += 1,
            }
        }
        let scores: Vec<f64> = records.iter().filter_map(Record::counted_score).map(f64::from).collect();
        let overall = (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64);
        let topics = topic_scores(&records);
        let mut weak: Vec<TopicScore> =
            topics.iter().filter(|t| t.average < f64::from(pass_mark)).cloned().collect();
        weak.sort_by(|a, b| a.average.total_cmp(&b.average).then_with(|| a.topic.cmp(&b.topic)));
        Report {
            overall,
            counts,
            topics,
            weak,
            pass_mark,
            interrupted: outcome.interrupted,
            elapsed: outcome.elapsed,
            records,
        }
    }
}

/// Averages per topic, in the order topics were first asked.
fn topic_scores(records: &[Record]) -> Vec<TopicScore> {
    let mut topics: Vec<TopicScore> = Vec::new();
    for record in records {
        let Some(score) = record.counted_score() else {
            continue;
        };
        let index = topics.iter().position(|t| t.topic == record.topic).unwrap_or_else(|| {
            topics.push(TopicScore { topic: record.topic.clone(), average: 0.0, questions: Vec::new() });
            topics.len() - 1
        });
        topics[index].questions.push((record.id.clone(), score));
    }
    for topic in &mut topics {
        topic.average =
            topic.questions.iter().map(|(_, s)| f64::from(*s)).sum::<f64>() / topic.questions.len() as f64;
        topic.questions.sort_by_key(|(id, score)| (*score, id.clone()));
    }
    topics
}
