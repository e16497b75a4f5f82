//! Scoring answers to a bank's questions: each against its own rubric, and against its
//! neighbours' (the other questions of its topic) to tell an answer to one of them.

use std::cell::OnceCell;

use serde::Serialize;

use super::matcher::Answer;
use super::{Assessment, Evidence, Rubric, Vocabulary, thesaurus, tokens};
use crate::bank::Question;

/// Another question that an answer reads as an answer to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Elsewhere {
    pub id: String,
    pub prompt: String,
}

/// The rubrics of a bank's questions, compiled when first needed.
pub struct Examiner<'b> {
    questions: &'b [Question],
    /// How rare each word is across the bank's answers, for questions without points of their
    /// own (built only for them: it means normalising every answer of the bank).
    vocabulary: OnceCell<Vocabulary>,
    no_vocabulary: Vocabulary,
    rubrics: Vec<OnceCell<Rubric>>,
    /// Neighbours' rubrics without their wrong claims, for relevance alone.
    relevance_rubrics: Vec<OnceCell<Rubric>>,
}

impl<'b> Examiner<'b> {
    /// An examiner of `questions` (the whole bank: neighbours are looked up among them).
    pub fn new(questions: &'b [Question]) -> Examiner<'b> {
        Examiner {
            questions,
            vocabulary: OnceCell::new(),
            no_vocabulary: Vocabulary::default(),
            rubrics: questions.iter().map(|_| OnceCell::new()).collect(),
            relevance_rubrics: questions.iter().map(|_| OnceCell::new()).collect(),
        }
    }

    /// Scores `answer` to `question`.
    pub fn assess(&self, question: &Question, answer: &str) -> Assessment {
        self.judge(question, answer).0
    }

    /// Scores `answer` to `question`, with the evidence the score was computed from. An answer
    /// far more relevant to a neighbouring question than to its own earns little and names
    /// that question: a good answer to another question is not an answer to this one (measured
    /// in `docs/scoring.md`).
    pub fn judge(&self, question: &Question, answer: &str) -> (Assessment, Evidence) {
        let text = tokens(answer, false);
        let aliases = thesaurus::aliases(&text.words);
        let index = Answer::with_aliases(&text.words, &aliases);
        let Some(own) = self.questions.iter().position(|q| q.id == question.id) else {
            return Rubric::for_question(question, self.vocabulary(question)).judge_words(&text, &index);
        };
        let (mut assessment, mut evidence) = self.rubric(own).judge_words(&text, &index);
        if !evidence.may_answer_elsewhere() {
            return (assessment, evidence);
        }
        let relevance = evidence.relevance();
        let likeliest = (0..self.questions.len())
            .filter(|&other| other != own && self.questions[other].topic == question.topic)
            .map(|other| (other, self.relevance_rubric(other).relevance(&text, &index)))
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((other, elsewhere)) = likeliest.filter(|&(_, r)| r > relevance) {
            evidence.elsewhere = elsewhere - relevance;
            assessment.score = evidence.fitted_score();
            if evidence.answers_elsewhere() {
                let other = &self.questions[other];
                assessment.answers_instead =
                    Some(Elsewhere { id: other.id.clone(), prompt: other.prompt.clone() });
            }
        }
        (assessment, evidence)
    }

    fn rubric(&self, index: usize) -> &Rubric {
        let question = &self.questions[index];
        self.rubrics[index].get_or_init(|| Rubric::for_question(question, self.vocabulary(question)))
    }

    /// A neighbour's rubric for relevance: its full rubric if compiled already, else one without
    /// wrong claims.
    fn relevance_rubric(&self, index: usize) -> &Rubric {
        if let Some(full) = self.rubrics[index].get() {
            return full;
        }
        let question = &self.questions[index];
        self.relevance_rubrics[index]
            .get_or_init(|| Rubric::for_relevance(question, self.vocabulary(question)))
    }

    fn vocabulary(&self, question: &Question) -> &Vocabulary {
        if question.points.is_empty() {
            self.vocabulary
                .get_or_init(|| Vocabulary::from_documents(self.questions.iter().map(|q| q.answer.as_str())))
        } else {
            &self.no_vocabulary
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::{Difficulty, Point};

    fn question(id: &str, topic: &str, points: &[&str], answer: &str) -> Question {
        Question {
            id: id.into(),
            topic: topic.into(),
            difficulty: Difficulty::Easy,
            prompt: format!("Question {id}?"),
            answer: answer.into(),
            points: points.iter().map(|p| Point::term(*p)).collect(),
            hint: None,
            contrast: Vec::new(),
            wrong: Vec::new(),
        }
    }

    /// The question's own rubric, with no neighbours judged.
    fn by_rubric_alone(question: &Question, answer: &str) -> Assessment {
        Rubric::for_question(question, &Vocabulary::default()).assess(answer)
    }

    fn bank() -> [Question; 3] {
        [
            question(
                "timeouts",
                "trouble",
                &["connect timeout", "read timeout", "retry with backoff"],
                "A connect timeout means no connection; a read timeout means no reply in time. Retry with backoff.",
            ),
            question(
                "rate-limits",
                "trouble",
                &["429 too many requests", "retry-after header", "retry with backoff"],
                "A 429 means too many requests; wait as the Retry-After header says, and retry with backoff.",
            ),
            question(
                "caching",
                "http",
                &["cache-control header", "max-age", "etag revalidation"],
                "Cache-Control max-age says how long a copy is fresh; an ETag lets it be revalidated.",
            ),
        ]
    }

    const ON_RATE_LIMITS: &str = "A 429 Too Many Requests says we sent too much; wait as long as the Retry-After header says, then retry with backoff.";

    #[test]
    fn an_answer_to_a_neighbouring_question_earns_little_and_names_it() {
        let questions = bank();
        let examiner = Examiner::new(&questions);
        let alone = by_rubric_alone(&questions[0], ON_RATE_LIMITS);
        assert!(alone.score > 0, "it shares a point with the question: {alone:?}");
        let judged = examiner.assess(&questions[0], ON_RATE_LIMITS);
        assert!(judged.score < alone.score / 2, "{judged:?}");
        assert_eq!(judged.answers_instead.map(|q| q.id), Some("rate-limits".to_string()));
        // Answered where it belongs, it is scored as before.
        let own = examiner.assess(&questions[1], ON_RATE_LIMITS);
        assert_eq!(own.answers_instead, None);
        assert_eq!(own.score, by_rubric_alone(&questions[1], ON_RATE_LIMITS).score);
    }

    #[test]
    fn only_questions_of_the_same_topic_are_neighbours() {
        let questions = bank();
        let examiner = Examiner::new(&questions);
        let answer = "Set Cache-Control with a max-age, and an ETag for revalidation; retry with backoff.";
        let judged = examiner.assess(&questions[0], answer);
        assert_eq!(judged.answers_instead, None, "{judged:?}");
        assert_eq!(judged.score, by_rubric_alone(&questions[0], answer).score);
    }

    #[test]
    fn an_answer_that_inverts_its_own_question_is_still_about_it() {
        let questions = bank();
        let examiner = Examiner::new(&questions);
        let answer = "A connect timeout is not about the connection and a read timeout is not about the reply; never retry with backoff.";
        let judged = examiner.assess(&questions[0], answer);
        assert_eq!(judged.answers_instead, None, "{judged:?}");
    }

    #[test]
    fn a_question_outside_the_bank_is_scored_alone() {
        let questions = bank();
        let examiner = Examiner::new(&questions[..1]);
        let judged = examiner.assess(&questions[1], ON_RATE_LIMITS);
        assert_eq!(judged.answers_instead, None);
        assert!(judged.score > 50, "{judged:?}");
    }

    #[test]
    fn a_neighbour_judged_for_relevance_keeps_its_wrong_claims_as_a_question() {
        let mut questions = bank();
        questions[1].wrong = vec![crate::bank::WrongClaim {
            alternatives: vec!["retry a 429 at once".into()],
            label: "Retry a 429 at once".into(),
            correction: "Wait as Retry-After says.".into(),
        }];
        let examiner = Examiner::new(&questions);
        // Judging an answer to the first question compiles the second for relevance only.
        assert!(examiner.assess(&questions[0], ON_RATE_LIMITS).answers_instead.is_some());
        let wrong = "A 429 means too many requests: retry a 429 at once, it is fine.";
        assert_eq!(examiner.assess(&questions[1], wrong).wrong.len(), 1);
    }
}
