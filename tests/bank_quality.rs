//! The built-in bank's content against the scorer: phrasings that can match, hints that nudge
//! without answering, and filler that earns nothing. (Reversed answers are measured with
//! `rehearse eval tests/fixtures/blind-reversed.jsonl`; see `docs/scoring.md`.)

use rehearse::bank::load_builtin;
use rehearse::score::{Rubric, Vocabulary, lint};

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
