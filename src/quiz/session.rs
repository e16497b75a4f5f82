//! Runs a session: asks each planned question through a [`Responder`], scores, and records.

use std::io::{self, Write};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::timer::{Clock, Deadline, Limits};
use crate::bank::{Difficulty, Question};
use crate::inert::inert_line;
use crate::render::feedback;
use crate::score::{Assessment, Examiner};

/// What became of a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Answered,
    /// Time ran out; what was typed so far was scored.
    TimedOut,
    Skipped,
    /// Never asked: the session ended first.
    Unanswered,
}

/// One question of a finished session.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Record {
    pub id: String,
    pub topic: String,
    pub difficulty: Difficulty,
    pub prompt: String,
    pub answer: String,
    pub status: Status,
    /// Present for answered and timed-out questions.
    pub assessment: Option<Assessment>,
    pub elapsed: Duration,
}

impl Record {
    /// The score that counts for averages: skipped is 0, unanswered does not count.
    pub fn counted_score(&self) -> Option<u8> {
        match self.status {
            Status::Unanswered => None,
            Status::Skipped => Some(0),
            Status::Answered | Status::TimedOut => Some(self.assessment.as_ref().map_or(0, |a| a.score)),
        }
    }
}

/// What the candidate did with a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    Answer(String),
    TimedOut(String),
    Skip,
    /// `:quit`: end the session here.
    Quit,
    /// Ctrl-C: end the session here, exit 130.
    Interrupted,
    /// No more input (scripted sessions).
    EndOfInput,
}

/// Where answers come from: the terminal, stdin lines or an answers file.
pub trait Responder {
    /// Gets the reply to `question`, giving up at `deadline` with what was typed so far.
    /// Gets the reply to `question`, giving up at `deadline` (by `clock`) with what was typed so far.
    fn reply(
        &mut self,
        question: &Question,
        deadline: Option<Deadline>,
        clock: &dyn Clock,
    ) -> io::Result<Reply>;
}

/// How a session is run.
#[derive(Debug, Clone, Copy, Default)]
pub struct Settings {
    pub limits: Limits,
    /// Hold feedback until the end.
    pub exam: bool,
    pub shown: Shown,
    /// The width text is wrapped to.
    pub width: usize,
}

/// What the session prints as it goes.
#[derive(Debug, Clone, Copy, Default)]
pub struct Shown {
    /// Each question's header and prompt (always for a person at the terminal).
    pub prompts: bool,
    /// Feedback and "Skipped." (off for `-q`).
    pub feedback: bool,
    /// Each answer after its question (scripted sessions, so the output reads as a transcript).
    pub echo: bool,
}

/// A finished session.
#[derive(Debug, Clone, PartialEq)]
pub struct FinishedSession {
    pub records: Vec<Record>,
    pub interrupted: bool,
    pub elapsed: Duration,
}

/// Asks `questions` in order, printing headers and feedback to `out`; `on_record` sees each
/// question as soon as it is answered, skipped or timed out (the history keeps it from there).
pub fn run(
    questions: &[&Question],
    examiner: &Examiner<'_>,
    responder: &mut dyn Responder,
    clock: &dyn Clock,
    settings: Settings,
    out: &mut dyn Write,
    on_record: &mut dyn FnMut(&Question, &Record),
) -> io::Result<FinishedSession> {
    let started = clock.now();
    let session_end = settings.limits.session_end(started);
    let mut records = Vec::with_capacity(questions.len());
    let mut interrupted = false;
    for (index, question) in questions.iter().enumerate() {
        if session_end.is_some_and(|end| clock.now() >= end) {
            writeln!(out, "Time is up for the session.")?;
            break;
        }
        if settings.shown.prompts {
            write_header(out, question, (index, questions.len()), settings.width)?;
        }
        let asked = clock.now();
        let reply = responder.reply(question, settings.limits.deadline(asked, session_end), clock)?;
        let elapsed = clock.now().saturating_duration_since(asked);
        let (status, answer) = match reply {
            Reply::Answer(text) => {
                if settings.shown.echo {
                    writeln!(out, "› {}", echoed(&text))?;
                }
                (Status::Answered, text)
            }
            Reply::TimedOut(text) => (Status::TimedOut, text),
            Reply::Skip => {
                if settings.shown.feedback {
                    writeln!(out, "Skipped.")?;
                }
                // The model answer is where a skipped question still teaches something.
                if settings.shown.feedback && !settings.exam {
                    write!(out, "{}", feedback::model_answer(question, settings.width))?;
                }
                (Status::Skipped, String::new())
            }
            Reply::Quit | Reply::EndOfInput => break,
            Reply::Interrupted => {
                interrupted = true;
                break;
            }
        };
        let assessment = (status != Status::Skipped).then(|| examiner.assess(question, &answer));
        let record = record(question, answer, status, assessment, elapsed);
        // Recorded before the feedback is shown: from here on the answer survives a crash.
        on_record(question, &record);
        if let (Some(assessment), true) = (&record.assessment, settings.shown.feedback && !settings.exam) {
            if status == Status::TimedOut {
                let what = if record.answer.trim().is_empty() {
                    "Time is up: no answer."
                } else {
                    "Time is up: your answer so far was submitted."
                };
                writeln!(out, "{}", console::style(what).yellow())?;
            }
            write!(out, "{}", feedback::render(question, assessment, true, settings.width))?;
        }
        records.push(record);
    }
    for question in &questions[records.len()..] {
        records.push(record(question, String::new(), Status::Unanswered, None, Duration::ZERO));
    }
    Ok(FinishedSession { records, interrupted, elapsed: clock.now().saturating_duration_since(started) })
}

/// An answer as the transcript shows it: inert, and cut short past a screenful.
fn echoed(answer: &str) -> String {
    const SHOWN: usize = 500;
    let line = inert_line(answer);
    match line.char_indices().nth(SHOWN) {
        Some((cut, _)) => format!("{}… ({} characters)", &line[..cut], line.chars().count()),
        None => line,
    }
}

fn write_header(
    out: &mut dyn Write,
    question: &Question,
    (index, total): (usize, usize),
    width: usize,
) -> io::Result<()> {
    let header = format!("Question {}/{total} · {} · {}", index + 1, question.topic, question.difficulty);
    writeln!(out, "\n{}", console::style(header).bold().cyan())?;
    writeln!(out, "{}", textwrap::fill(&question.prompt, width))
}

fn record(
    question: &Question,
    answer: String,
    status: Status,
    assessment: Option<Assessment>,
    elapsed: Duration,
) -> Record {
    Record {
        id: question.id.clone(),
        topic: question.topic.clone(),
        difficulty: question.difficulty,
        prompt: question.prompt.clone(),
        answer,
        status,
        assessment,
        elapsed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::Point;
    use crate::quiz::timer::tests::FakeClock;

    /// Replies from a script, advancing the fake clock by a set time per reply.
    struct Scripted<'a> {
        replies: Vec<Reply>,
        clock: &'a FakeClock,
        think: Duration,
        deadlines: Vec<Option<Duration>>,
    }

    impl Responder for Scripted<'_> {
        fn reply(&mut self, _: &Question, deadline: Option<Deadline>, _: &dyn Clock) -> io::Result<Reply> {
            self.deadlines.push(deadline.map(|d| d.span));
            self.clock.advance(self.think);
            Ok(if self.replies.is_empty() { Reply::EndOfInput } else { self.replies.remove(0) })
        }
    }

    fn question(id: &str) -> Question {
        Question {
            id: id.into(),
            topic: "http".into(),
            difficulty: Difficulty::Easy,
            prompt: "Which methods are idempotent?".into(),
            answer: "GET and PUT.".into(),
            points: vec![Point::term("GET"), Point::term("PUT")],
            hint: None,
            contrast: Vec::new(),
            wrong: Vec::new(),
        }
    }

    fn session(replies: Vec<Reply>, limits: Limits, think: u64) -> (FinishedSession, Vec<Option<Duration>>) {
        let questions = [question("a"), question("b"), question("c")];
        let refs: Vec<&Question> = questions.iter().collect();
        let clock = FakeClock::default();
        let mut responder =
            Scripted { replies, clock: &clock, think: Duration::from_secs(think), deadlines: vec![] };
        let shown = Shown { prompts: true, feedback: true, echo: false };
        let settings = Settings { limits, exam: false, shown, width: 80 };
        let mut out = Vec::new();
        let mut seen = Vec::new();
        let examiner = Examiner::new(&questions);
        let outcome = run(&refs, &examiner, &mut responder, &clock, settings, &mut out, &mut |_, r| {
            seen.push(r.id.clone());
        })
        .unwrap();
        let asked: Vec<String> =
            outcome.records.iter().filter(|r| r.status != Status::Unanswered).map(|r| r.id.clone()).collect();
        assert_eq!(seen, asked, "every asked question is seen as it is recorded, and only those");
        (outcome, responder.deadlines)
    }

    fn statuses(outcome: &FinishedSession) -> Vec<Status> {
        outcome.records.iter().map(|r| r.status).collect()
    }

    #[test]
    fn records_answers_skips_and_the_unasked() {
        let (outcome, _) = session(vec![Reply::Answer("GET".into()), Reply::Skip], Limits::default(), 5);
        assert_eq!(statuses(&outcome), [Status::Answered, Status::Skipped, Status::Unanswered]);
        let questions = [question("a")];
        let expected = Examiner::new(&questions).assess(&questions[0], "GET").score;
        assert!(expected > 0, "half the points covered scores something");
        assert_eq!(outcome.records[0].counted_score(), Some(expected));
        assert_eq!(outcome.records[0].elapsed, Duration::from_secs(5));
        assert_eq!(outcome.records[2].counted_score(), None);
        assert!(!outcome.interrupted);
    }

    #[test]
    fn the_session_limit_ends_the_session() {
        let limits =
            Limits { session: Some(Duration::from_secs(50)), per_question: Some(Duration::from_secs(30)) };
        let replies =
            vec![Reply::Answer("GET PUT".into()), Reply::TimedOut("GET".into()), Reply::Answer("x".into())];
        let (outcome, deadlines) = session(replies, limits, 30);
        assert_eq!(statuses(&outcome), [Status::Answered, Status::TimedOut, Status::Unanswered]);
        assert_eq!(deadlines, [Some(Duration::from_secs(30)), Some(Duration::from_secs(20))]);
    }

    #[test]
    fn an_interrupt_ends_the_session_and_is_reported() {
        let (outcome, _) =
            session(vec![Reply::Answer("PUT".into()), Reply::Interrupted], Limits::default(), 1);
        assert!(outcome.interrupted);
        assert_eq!(statuses(&outcome), [Status::Answered, Status::Unanswered, Status::Unanswered]);
    }
}
