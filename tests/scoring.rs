//! The scorer against the bank's own graded answers, and its properties for any input.

use std::collections::HashMap;

use proptest::prelude::*;
use rehearse::bank::Bank;
use rehearse::bank::load_builtin;
use rehearse::eval::{agreement, parse_rows, score_rows};
use rehearse::score::{Rubric, Verdict, Vocabulary};
use std::sync::LazyLock;

static BANK: LazyLock<Bank> = LazyLock::new(load_builtin);

const GRADED: &str = include_str!("fixtures/graded-answers.jsonl");

/// (question id, kind) → score 0–100, for every row of the fixture.
fn fixture_scores() -> HashMap<(String, String), f64> {
    let bank = load_builtin();
    let rows = parse_rows(GRADED).expect("the fixture parses");
    let scored = score_rows(&rows, &bank).expect("every row names a bank question");
    scored
        .into_iter()
        .map(|s| {
            let (question, kind) = s.id.rsplit_once('.').expect("ids are <question>.<kind>");
            ((question.to_string(), kind.to_string()), s.score * 100.0)
        })
        .collect()
}

#[test]
fn every_built_in_question_has_five_graded_answers() {
    let scores = fixture_scores();
    for question in &load_builtin().questions {
        for kind in ["strong", "partial", "wrong", "typo", "negation"] {
            assert!(
                scores.contains_key(&(question.id.clone(), kind.into())),
                "{} has no {kind} answer",
                question.id
            );
        }
    }
}

#[test]
fn the_scorer_agrees_with_the_graded_answers() {
    let bank = load_builtin();
    let scored = score_rows(&parse_rows(GRADED).unwrap(), &bank).unwrap();
    let result = agreement(&scored);
    assert!(result.n >= 4 * bank.questions.len());
    let rho = result.spearman.unwrap();
    assert!(rho >= 0.85, "Spearman rho {rho:.3} is below 0.85");
}

#[test]
fn strong_answers_score_high_and_wrong_answers_low() {
    let mut failures = Vec::new();
    for ((question, kind), score) in fixture_scores() {
        match kind.as_str() {
            "strong" | "typo" if score < 70.0 => failures.push(format!("{question}.{kind} scored {score}")),
            "wrong" if score > 30.0 => failures.push(format!("{question}.{kind} scored {score}")),
            _ => {}
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn negation_traps_score_below_the_correct_answer() {
    let scores = fixture_scores();
    let mut failures = Vec::new();
    for question in &load_builtin().questions {
        let strong = scores[&(question.id.clone(), "strong".into())];
        let trap = scores[&(question.id.clone(), "negation".into())];
        if trap >= strong {
            failures.push(format!("{}: trap {trap} >= strong {strong}", question.id));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn every_model_answer_covers_its_own_points() {
    let bank = load_builtin();
    let vocabulary = Vocabulary::from_documents(bank.questions.iter().map(|q| q.answer.as_str()));
    let mut failures = Vec::new();
    for question in &bank.questions {
        let assessment = Rubric::for_question(question, &vocabulary).assess(&question.answer);
        // A bonus point is depth beyond a good answer: the model answer may leave it out, but
        // must never contradict it.
        let wrong = |p: &&rehearse::score::PointResult| {
            p.verdict == Verdict::Contradicted || (p.verdict == Verdict::Missed && !p.bonus)
        };
        for point in assessment.points.iter().filter(wrong) {
            failures.push(format!("{}: {:?} {}", question.id, point.verdict, point.label));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

fn any_question() -> impl Strategy<Value = usize> {
    0..BANK.questions.len()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_text_is_scored_the_same_every_time(answer in any::<String>(), index in any_question()) {
        let question = &BANK.questions[index];
        let rubric = Rubric::for_question(question, &Vocabulary::default());
        prop_assert_eq!(rubric.assess(&answer), rubric.assess(&answer));
    }

    #[test]
    fn adding_the_model_answer_never_lowers_a_score(answer in "[a-zA-Z0-9 ,.'!?-]{0,200}", index in any_question()) {
        let question = &BANK.questions[index];
        let rubric = Rubric::for_question(question, &Vocabulary::default());
        let alone = rubric.assess(&answer).score;
        let with_model = rubric.assess(&format!("{answer}. {}", question.answer)).score;
        prop_assert!(with_model >= alone, "{alone} -> {with_model}");
    }
}

#[test]
fn hostile_answers_are_scored_without_panic() {
    let bank = load_builtin();
    let rubric = Rubric::for_question(&bank.questions[0], &Vocabulary::default());
    let megabyte = "idempotent retry ".repeat(64 * 1024);
    for answer in ["", "!!!???", "🎉🔥💯", "\u{1b}[2J\u{7}\u{0}\r"] {
        assert_eq!(rubric.assess(answer).score, 0, "{answer:?}");
    }
    assert_eq!(rubric.assess(&megabyte), rubric.assess(&megabyte));
    assert_eq!(rubric.assess("").score, 0);
}

/// Answers written blind to ten REST questions that have only a model answer (no points), with
/// negation and swap traps among them.
const DERIVED_BANK: &str = "tests/fixtures/derived/bank.yaml";
const DERIVED_GRADED: &str = include_str!("fixtures/derived/blind-graded.jsonl");

#[test]
fn derived_points_rank_answers_better_than_naive_overlap() {
    use rehearse::bank::{BankSource, load};
    use rehearse::eval::Scored;
    use rehearse::eval::baseline::naive_overlap;

    let bank = load(&BankSource::Paths(vec![DERIVED_BANK.into()])).expect("the derived-only bank loads");
    assert!(bank.questions.iter().all(|q| q.points.is_empty()), "a bank of model answers only");
    let rows = parse_rows(DERIVED_GRADED).unwrap();
    let naive: Vec<Scored> = rows
        .iter()
        .map(|(_, row)| {
            let question = bank.question(row.question_id.as_deref().unwrap()).unwrap();
            let score = naive_overlap(&question.answer, &row.answer);
            Scored { id: String::new(), kind: None, score, grade: row.grade / row.max_grade, flagged: false }
        })
        .collect();
    let ours = agreement(&score_rows(&rows, &bank).unwrap()).spearman.unwrap();
    let baseline = agreement(&naive).spearman.unwrap();
    assert!(ours > baseline, "derived points rho {ours:.3} vs naive overlap {baseline:.3}");
}
