//! The report as CSV: a header row, then one row per question (RFC 4180 quoting by the `csv`
//! crate); lists of points are joined with "; ", durations are seconds.

use super::Report;
use crate::render::seconds;

const HEADER: [&str; 17] = [
    "session",
    "started_at",
    "question",
    "topic",
    "difficulty",
    "status",
    "score",
    "timed_out",
    "seconds",
    "prompt",
    "answer",
    "covered",
    "missed",
    "contradicted",
    "wrong_claims",
    "model_answer",
    "bank",
];

pub fn render(report: &Report) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(HEADER).expect("writing to memory cannot fail");
    let s = &report.session;
    for a in &report.answers {
        let status = serde_json::to_value(a.status).expect("a status serialises");
        let row = [
            s.id.clone(),
            s.started_at.clone(),
            a.id.clone(),
            a.topic.clone(),
            a.difficulty.clone(),
            status.as_str().unwrap_or_default().to_string(),
            a.score.map(|x| x.to_string()).unwrap_or_default(),
            a.timed_out().to_string(),
            seconds(a.time_taken).to_string(),
            a.prompt.clone(),
            a.answer.clone(),
            a.covered.join("; "),
            a.missed.join("; "),
            a.contradicted.join("; "),
            a.wrong_claims.join("; "),
            a.model_answer.clone(),
            s.bank.clone(),
        ];
        writer.write_record(row).expect("writing to memory cannot fail");
    }
    writer.into_inner().expect("writing to memory cannot fail")
}
