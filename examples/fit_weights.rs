//! Fits the score's weights to graded answers: a grid search that prints the best weights by
//! agreement (Pearson + Spearman) and the mean score per kind under them.
//!
//! Fit on a tuning set, never on the set you report:
//! `cargo run --release --example fit_weights -- tests/fixtures/blind-tune.jsonl`

use std::process::ExitCode;

use rehearse::bank::{BankSource, load};
use rehearse::eval::{RowEvidence, agreement, evidence_rows, parse_rows};
use rehearse::score::Weights;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: fit_weights GRADED.jsonl");
        return ExitCode::from(2);
    };
    let text = std::fs::read_to_string(&path).expect("readable graded file");
    let rows = parse_rows(&text).expect("valid graded rows");
    let bank = load(&BankSource::Builtin).expect("the built-in bank");
    let evidence = evidence_rows(&rows, &bank).expect("rows of the bank's questions");
    let mut best: Vec<(f64, Weights)> = candidates().map(|w| (fitness(&evidence, &w), w)).collect();
    best.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (fit, weights) in best.iter().take(5) {
        println!("{fit:.4}  {weights:?}");
    }
    report("default", &evidence, &Weights::default());
    report("best", &evidence, &best[0].1);
    ExitCode::SUCCESS
}

fn candidates() -> impl Iterator<Item = Weights> {
    let steps =
        |from: f64, to: f64, n: usize| (0..n).map(move |i| from + (to - from) * i as f64 / (n - 1) as f64);
    steps(0.3, 0.8, 6).flat_map(move |curve| {
        steps(0.3, 1.0, 8).flat_map(move |blend| {
            steps(0.1, 0.5, 5).flat_map(move |contradiction| {
                steps(0.2, 0.6, 3).flat_map(move |wrong_claim| {
                    steps(0.1, 0.4, 4).flat_map(move |statement_share| {
                        steps(0.2, 1.0, 5).map(move |statement_floor| Weights {
                            curve,
                            blend,
                            contradiction,
                            wrong_claim,
                            statement_share,
                            statement_floor,
                        })
                    })
                })
            })
        })
    })
}

fn fitness(rows: &[RowEvidence], weights: &Weights) -> f64 {
    let scored: Vec<_> = rows.iter().map(|r| r.scored(weights)).collect();
    let a = agreement(&scored);
    a.pearson.unwrap_or(0.0) + a.spearman.unwrap_or(0.0)
}

fn report(name: &str, rows: &[RowEvidence], weights: &Weights) {
    let scored: Vec<_> = rows.iter().map(|r| r.scored(weights)).collect();
    let a = agreement(&scored);
    println!("\n{name}: pearson {:.3} spearman {:.3}", a.pearson.unwrap_or(0.0), a.spearman.unwrap_or(0.0));
    for k in &a.by_kind {
        println!(
            "  {:<11} {:>3}  score {:>3.0}  grade {:>3.0}  min {:>3.0}",
            k.kind,
            k.n,
            k.score * 100.0,
            k.grade * 100.0,
            k.min_score * 100.0
        );
    }
}
