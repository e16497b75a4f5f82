//! Progress over sessions, computed purely from the history: per-topic trends, time practised,
//! the weakest questions, and each question's review schedule.

use std::collections::BTreeMap;
use std::time::{Duration, SystemTime};

use serde::Serialize;

use super::Recorded;
use super::schedule::{Card, card};

/// How a topic went, session by session.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicTrend {
    pub topic: String,
    /// The topic's average in each session that asked it, oldest first.
    pub averages: Vec<f64>,
    /// The average over every answer ever given in the topic.
    pub overall: f64,
    /// Distinct questions asked.
    pub questions: usize,
}

/// One question's record across sessions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionStat {
    pub id: String,
    pub topic: String,
    pub attempts: usize,
    pub average: f64,
    pub last_score: u8,
}

/// Progress over the whole history.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    pub sessions: usize,
    pub questions_practised: usize,
    #[serde(with = "crate::report::secs")]
    pub time_practised: Duration,
    pub topics: Vec<TopicTrend>,
    /// The five lowest averages, weakest first.
    pub weakest: Vec<QuestionStat>,
    /// Questions whose review is due now.
    pub due: usize,
}

/// How many weakest questions `stats` lists.
pub const WEAKEST: usize = 5;

pub fn stats(sessions: &[Recorded], now: SystemTime) -> Stats {
    let mut topics: Vec<TopicTrend> = Vec::new();
    for session in sessions {
        for topic in session.report().topics {
            let index = topics.iter().position(|t| t.topic == topic.topic).unwrap_or_else(|| {
                topics.push(TopicTrend {
                    topic: topic.topic.clone(),
                    averages: vec![],
                    overall: 0.0,
                    questions: 0,
                });
                topics.len() - 1
            });
            topics[index].averages.push(topic.average);
        }
    }
    let questions = question_stats(sessions);
    for topic in &mut topics {
        let mine: Vec<&QuestionStat> = questions.values().filter(|q| q.topic == topic.topic).collect();
        let attempts: usize = mine.iter().map(|q| q.attempts).sum();
        topic.questions = mine.len();
        topic.overall =
            mine.iter().map(|q| q.average * q.attempts as f64).sum::<f64>() / attempts.max(1) as f64;
    }
    topics.sort_by(|a, b| a.topic.cmp(&b.topic));
    let mut weakest: Vec<QuestionStat> = questions.values().cloned().collect();
    weakest.sort_by(|a, b| a.average.total_cmp(&b.average).then_with(|| a.id.cmp(&b.id)));
    weakest.truncate(WEAKEST);
    Stats {
        sessions: sessions.len(),
        questions_practised: questions.len(),
        time_practised: sessions.iter().map(|s| s.elapsed).sum(),
        topics,
        weakest,
        due: cards(sessions).values().filter(|c| c.is_due(now)).count(),
    }
}

/// Every answered question's record, by id.
pub fn question_stats(sessions: &[Recorded]) -> BTreeMap<String, QuestionStat> {
    let mut questions: BTreeMap<String, QuestionStat> = BTreeMap::new();
    for answer in sessions.iter().flat_map(Recorded::asked) {
        let Some(score) = answer.score else { continue };
        let stat = questions.entry(answer.id.clone()).or_insert_with(|| QuestionStat {
            id: answer.id.clone(),
            topic: answer.topic.clone(),
            attempts: 0,
            average: 0.0,
            last_score: score,
        });
        stat.average = (stat.average * stat.attempts as f64 + f64::from(score)) / (stat.attempts + 1) as f64;
        stat.attempts += 1;
        stat.last_score = score;
    }
    questions
}

/// Each question's review card, from its answers in session order.
pub fn cards(sessions: &[Recorded]) -> BTreeMap<String, Card> {
    let mut answers: BTreeMap<String, Vec<(SystemTime, u8)>> = BTreeMap::new();
    for session in sessions {
        let Ok(started) = humantime::parse_rfc3339_weak(&session.info.started_at) else { continue };
        for answer in session.asked() {
            if let Some(score) = answer.score {
                answers.entry(answer.id.clone()).or_default().push((started, score));
            }
        }
    }
    answers.iter().filter_map(|(id, list)| Some((id.clone(), card(list)?))).collect()
}

/// Per topic, the average of every answer in the history (for `topics`).
pub fn topic_averages(sessions: &[Recorded]) -> BTreeMap<String, f64> {
    stats(sessions, SystemTime::UNIX_EPOCH).topics.into_iter().map(|t| (t.topic, t.overall)).collect()
}

/// For each question id, how many sessions ago it was last asked (0 = the latest session).
pub fn recency(sessions: &[Recorded]) -> BTreeMap<String, usize> {
    let mut ago = BTreeMap::new();
    for (age, session) in sessions.iter().rev().enumerate() {
        for answer in session.asked() {
            ago.entry(answer.id.clone()).or_insert(age);
        }
    }
    ago
}
