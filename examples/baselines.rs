//! Compares the scorer with two baselines on a graded file: naive stemmed overlap with the model
//! answer (the share of its content words the answer uses, square-rooted) and the model answer's
//! derived points alone. `docs/scoring.md` reports all three.
//!
//! `cargo run --release --example baselines -- tests/fixtures/blind-graded.jsonl [BANK]`

use std::path::PathBuf;
use std::process::ExitCode;

use rehearse::bank::{Bank, BankSource, load};
use rehearse::eval::baseline::naive_overlap;
use rehearse::eval::{GradedAnswer, Scored, agreement, parse_rows, score_rows};
use rehearse::score::{Rubric, Vocabulary};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: baselines GRADED.jsonl [BANK]");
        return ExitCode::from(2);
    };
    let source = args.next().map_or(BankSource::Builtin, |bank| BankSource::Paths(vec![PathBuf::from(bank)]));
    let bank = load(&source).expect("a loadable bank");
    let text = std::fs::read_to_string(&path).expect("readable graded file");
    let rows = parse_rows(&text).expect("valid graded rows");
    let vocabulary = Vocabulary::from_documents(bank.questions.iter().map(|q| q.answer.as_str()));
    let naive: Vec<Scored> =
        rows.iter().map(|(_, row)| scored(row, naive_overlap(&reference(row, &bank), &row.answer))).collect();
    let derived: Vec<Scored> = rows
        .iter()
        .map(|(_, row)| {
            let rubric =
                Rubric::derived(row.question.as_deref().unwrap_or(""), &reference(row, &bank), &vocabulary);
            scored(row, f64::from(rubric.assess(&row.answer).score) / 100.0)
        })
        .collect();
    let full = score_rows(&rows, &bank).expect("rows the bank can score");
    for (name, scores) in [("naive overlap", &naive), ("derived points", &derived), ("rehearse", &full)] {
        let a = agreement(scores);
        println!(
            "{name:<15} pearson {:.3}  spearman {:.3}",
            a.pearson.unwrap_or(0.0),
            a.spearman.unwrap_or(0.0)
        );
    }
    ExitCode::SUCCESS
}

fn reference(row: &GradedAnswer, bank: &Bank) -> String {
    row.reference_answer.clone().unwrap_or_else(|| {
        let id = row.question_id.as_deref().unwrap_or("");
        bank.question(id).map(|q| q.answer.clone()).unwrap_or_default()
    })
}

fn scored(row: &GradedAnswer, score: f64) -> Scored {
    Scored {
        id: String::new(),
        kind: row.kind.clone(),
        score,
        grade: row.grade / row.max_grade,
        flagged: false,
    }
}
