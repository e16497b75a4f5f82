//! The built-in bank's content against the scorer: phrasings that can match, hints that nudge
//! without answering, filler that earns nothing, and reversed answers that cannot pass.

use rehearse::bank::load_builtin;
use rehearse::eval::parse_rows;
use rehearse::score::{Rubric, Verdict, Vocabulary, lint};

/// Answers written blind (from the prompts alone) that swap or invert the key fact of the
/// questions a fact-check found rewarding reversed answers.
const REVERSED: &str = include_str!("fixtures/blind-reversed.jsonl");

fn vocabulary() -> Vocabulary {
    Vocabulary::from_documents(load_builtin().questions.iter().map(|q| q.answer.as_str()))
}

#[test]
fn every_phrasing_can_match_and_names_a_claim_and_every_hint_nudges() {
    // `lint` is what `validate` reports: phrasings with no matchable word or that come down to a
    // single stop-listed or generic word, and hints that score over 20 pasted alone.
    let findings: Vec<String> = load_builtin()
        .questions
        .iter()
        .flat_map(|q| lint(q).into_iter().map(move |f| format!("{} {}: {}", q.id, f.below, f.message)))
        .collect();
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn filler_earns_nothing_anywhere() {
    let vocabulary = vocabulary();
    let filler = [
        "Good question, I would follow best practices.",
        "It depends on the use case; I would make it secure, scalable and easy to maintain.",
        "I would look at the documentation and use industry standards.",
    ];
    let mut failures = Vec::new();
    for question in &load_builtin().questions {
        let rubric = Rubric::for_question(question, &vocabulary);
        for text in filler {
            let score = rubric.assess(text).score;
            if score > 10 {
                failures.push(format!("{}: {score} for {text:?}", question.id));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn reversed_answers_score_low_and_show_what_is_wrong() {
    let bank = load_builtin();
    let vocabulary = vocabulary();
    let mut failures = Vec::new();
    for (_, row) in parse_rows(REVERSED).expect("the reversed set parses") {
        let id = row.question_id.as_deref().expect("rows name their question");
        let question = bank.question(id).expect("a built-in question");
        let assessment = Rubric::for_question(question, &vocabulary).assess(&row.answer);
        let flagged =
            !assessment.wrong.is_empty() || assessment.with_verdict(Verdict::Contradicted).next().is_some();
        if assessment.score > 35 || !flagged {
            failures.push(format!(
                "{}: {} (flagged: {flagged})",
                row.id.unwrap_or_default(),
                assessment.score
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
