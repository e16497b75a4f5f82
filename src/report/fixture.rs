//! One fixed report, for the renderers' snapshots: every status, every kind of point, and text
//! that each format must escape.

use std::time::Duration;

use super::{QuestionResult, Report, SessionInfo};
use crate::quiz::session::Status;

fn answer(id: &str, topic: &str, status: Status, score: Option<u8>, text: &str, secs: u64) -> QuestionResult {
    QuestionResult {
        id: id.into(),
        topic: topic.into(),
        difficulty: "medium".into(),
        prompt: format!("Prompt of {id}?"),
        answer: text.into(),
        status,
        score,
        covered: Vec::new(),
        missed: Vec::new(),
        contradicted: Vec::new(),
        wrong_claims: Vec::new(),
        model_answer: format!("The model answer of {id}."),
        time_taken: Duration::from_secs(secs),
    }
}

pub fn report() -> Report {
    let session = SessionInfo {
        id: "20261127-082100-00ab".into(),
        started_at: "2026-11-27T08:21:00Z".into(),
        bank: "built-in".into(),
        topics: vec!["http".into(), "security".into()],
        difficulty: None,
        seed: Some(7),
        time_limit: Some(Duration::from_secs(900)),
        per_question_limit: Some(Duration::from_secs(120)),
        pass_mark: 60,
        mode: "quiz".into(),
    };
    let mut put = answer(
        "http-put-vs-patch",
        "http",
        Status::Answered,
        Some(77),
        "PUT replaces the whole resource, PATCH changes \"some\" fields | partial.",
        42,
    );
    put.covered = vec!["PUT replaces the whole resource".into(), "PATCH applies a partial change".into()];
    put.missed = vec!["Patch document formats (JSON Merge Patch, JSON Patch)".into()];
    let mut idempotent = answer(
        "http-idempotent-methods",
        "http",
        Status::TimedOut,
        Some(30),
        "POST is idempotent,\nso retry it",
        120,
    );
    idempotent.covered = vec!["retries".into()];
    idempotent.contradicted = vec!["POST is not idempotent".into()];
    idempotent.wrong_claims = vec!["POST is safe to retry".into()];
    let mut xss = answer(
        "security-xss",
        "security",
        Status::Answered,
        Some(12),
        "<script>alert('x')</script> & escape it",
        65,
    );
    xss.missed = vec!["Escape output".into(), "Content-Security-Policy".into()];
    let skipped = answer("security-cors", "security", Status::Skipped, Some(0), "", 3);
    let unasked = answer("security-csrf", "security", Status::Unanswered, None, "", 0);
    Report::new(session, vec![put, idempotent, xss, skipped, unasked], false, Duration::from_secs(245))
}
