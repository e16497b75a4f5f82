//! The report model: what a session was (its settings) and what it amounted to (scores, weak
//! topics, each answer). Built purely from answers, so a live session and one read back from the
//! history make the same report.

use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::bank::Question;
use crate::quiz::session::{Record, Status};
use crate::score::Verdict;

/// How a session was run: everything needed to understand or repeat it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionInfo {
    /// Unique per session; `rehearse report ID` finds it.
    pub id: String,
    /// Wall-clock start, RFC 3339 (UTC).
    pub started_at: String,
    /// Where the questions came from: "built-in" or the bank paths.
    pub bank: String,
    /// Topic filter (empty: every topic).
    #[serde(default)]
    pub topics: Vec<String>,
    #[serde(default)]
    pub difficulty: Option<String>,
    #[serde(default)]
    pub seed: Option<u64>,
    /// Whole-session time limit.
    #[serde(default, with = "secs_opt")]
    pub time_limit: Option<Duration>,
    #[serde(default, with = "secs_opt")]
    pub per_question_limit: Option<Duration>,
    pub pass_mark: u8,
    /// "quiz", "review" or "ids": how the questions were chosen.
    #[serde(default = "default_mode")]
    pub mode: String,
}

fn default_mode() -> String {
    "quiz".into()
}

/// One question of the session and what became of it; self-contained (the prompt and model
/// answer are copied) so a report can be rendered again after the bank changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionResult {
    pub id: String,
    pub topic: String,
    pub difficulty: String,
    pub prompt: String,
    /// What the candidate wrote (empty when skipped or not asked).
    pub answer: String,
    pub status: Status,
    /// 0–100; `None` when the question was not asked.
    pub score: Option<u8>,
    #[serde(default)]
    pub covered: Vec<String>,
    #[serde(default)]
    pub missed: Vec<String>,
    #[serde(default)]
    pub contradicted: Vec<String>,
    /// Wrong claims the answer made (a known misconception matched).
    #[serde(default)]
    pub wrong_claims: Vec<String>,
    pub model_answer: String,
    #[serde(with = "secs")]
    pub time_taken: Duration,
}

impl QuestionResult {
    /// The report's view of one recorded question.
    pub fn new(question: &Question, record: &Record) -> QuestionResult {
        // A bonus point is depth beyond a good answer: listed when covered, never as missed.
        let labels = |verdict| {
            record.assessment.as_ref().map_or_else(Vec::new, |a| {
                a.with_verdict(verdict)
                    .filter(|p| !(p.bonus && verdict == Verdict::Missed))
                    .map(|p| p.label.clone())
                    .collect::<Vec<_>>()
            })
        };
        QuestionResult {
            id: record.id.clone(),
            topic: record.topic.clone(),
            difficulty: record.difficulty.to_string(),
            prompt: record.prompt.clone(),
            answer: record.answer.clone(),
            status: record.status,
            score: record.counted_score(),
            covered: labels(Verdict::Covered),
            missed: labels(Verdict::Missed),
            contradicted: labels(Verdict::Contradicted),
            wrong_claims: record
                .assessment
                .as_ref()
                .map_or_else(Vec::new, |a| a.wrong.iter().map(|w| w.label.clone()).collect()),
            model_answer: question.answer.clone(),
            time_taken: record.elapsed,
        }
    }

    /// The point lists under their headings, in the order every renderer shows them.
    pub fn verdict_lists(&self) -> [(&'static str, &[String]); 4] {
        [
            ("Covered", &self.covered),
            ("Missed", &self.missed),
            ("Contradicted", &self.contradicted),
            ("Wrong claims", &self.wrong_claims),
        ]
    }

    pub fn timed_out(&self) -> bool {
        self.status == Status::TimedOut
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub answered: usize,
    pub skipped: usize,
    pub timed_out: usize,
    pub unanswered: usize,
}

/// A question's score within a topic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuestionScore {
    pub id: String,
    pub score: u8,
}

/// A topic's average, with its questions' scores lowest first (the ones that pulled it down).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicScore {
    pub topic: String,
    pub average: f64,
    pub questions: Vec<QuestionScore>,
}

/// What a session amounted to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub session: SessionInfo,
    /// Mean of the counted scores (skipped counts 0; unanswered does not count); `None` if nothing
    /// was asked.
    pub overall: Option<f64>,
    pub counts: Counts,
    /// Per-topic averages, in the order topics were first asked.
    pub topics: Vec<TopicScore>,
    /// Topics under the pass mark, weakest first.
    pub weak: Vec<TopicScore>,
    /// Ctrl-C ended the session, or it never finished (the process was killed).
    pub interrupted: bool,
    /// Time used.
    #[serde(with = "secs")]
    pub elapsed: Duration,
    pub answers: Vec<QuestionResult>,
}

impl Report {
    pub fn new(
        session: SessionInfo,
        answers: Vec<QuestionResult>,
        interrupted: bool,
        elapsed: Duration,
    ) -> Report {
        let mut counts = Counts::default();
        for answer in &answers {
            match answer.status {
                Status::Answered => counts.answered += 1,
                Status::Skipped => counts.skipped += 1,
                Status::TimedOut => counts.timed_out += 1,
                Status::Unanswered => counts.unanswered += 1,
            }
        }
        let scores: Vec<f64> = answers.iter().filter_map(|a| a.score).map(f64::from).collect();
        let overall = (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64);
        let topics = topic_scores(&answers);
        let mut weak: Vec<TopicScore> =
            topics.iter().filter(|t| t.average < f64::from(session.pass_mark)).cloned().collect();
        weak.sort_by(|a, b| a.average.total_cmp(&b.average).then_with(|| a.topic.cmp(&b.topic)));
        Report { session, overall, counts, topics, weak, interrupted, elapsed, answers }
    }

    /// Ids of the questions scored under the pass mark, in the order asked: the ones to re-ask.
    pub fn weak_ids(&self) -> Vec<&str> {
        let pass = self.session.pass_mark;
        self.answers.iter().filter(|a| a.score.is_some_and(|s| s < pass)).map(|a| a.id.as_str()).collect()
    }
}

/// Averages per topic, in the order topics were first asked.
fn topic_scores(answers: &[QuestionResult]) -> Vec<TopicScore> {
    let mut topics: Vec<TopicScore> = Vec::new();
    for answer in answers {
        let Some(score) = answer.score else {
            continue;
        };
        let index = topics.iter().position(|t| t.topic == answer.topic).unwrap_or_else(|| {
            topics.push(TopicScore { topic: answer.topic.clone(), average: 0.0, questions: Vec::new() });
            topics.len() - 1
        });
        topics[index].questions.push(QuestionScore { id: answer.id.clone(), score });
    }
    for topic in &mut topics {
        topic.average =
            topic.questions.iter().map(|q| f64::from(q.score)).sum::<f64>() / topic.questions.len() as f64;
        topic.questions.sort_by(|a, b| (a.score, &a.id).cmp(&(b.score, &b.id)));
    }
    topics
}

/// Durations as a number of seconds (never serde's `{secs, nanos}`).
pub(crate) mod secs {
    use std::time::Duration;

    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(duration: &Duration, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(crate::render::seconds(*duration))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Duration, D::Error> {
        let secs = f64::deserialize(deserializer)?;
        Duration::try_from_secs_f64(secs).map_err(serde::de::Error::custom)
    }
}

/// Optional durations as seconds or `null`.
pub(crate) mod secs_opt {
    use std::time::Duration;

    use serde::{Deserialize, Deserializer, Serializer};

    #[allow(clippy::ref_option)] // serde's `with` hands us `&Option<T>`.
    pub fn serialize<S: Serializer>(duration: &Option<Duration>, serializer: S) -> Result<S::Ok, S::Error> {
        match duration {
            Some(d) => serializer.serialize_some(&crate::render::seconds(*d)),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Duration>, D::Error> {
        Option::<f64>::deserialize(deserializer)?
            .map(|secs| Duration::try_from_secs_f64(secs).map_err(serde::de::Error::custom))
            .transpose()
    }
}
