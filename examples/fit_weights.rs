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
      steps(0.0, 0.2, 5).flat_map(move |threshold| {
        steps(0.3, 1.0, 8).flat_map(move |blend| {
            steps(0.1, 0.5, 5).flat_map(move |contradiction| {
                steps(0.2, 0.6, 3).flat_map(move |wrong_claim| {
                    steps(0.1, 0.4, 4).flat_map(move |statement_share| {
                        steps(0.2, 1.0, 5).map(move |statement_floor| Weights {
                            curve,
                            threshold,
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
    })
}

/// Mean score targets per kind (issue 7): `(kind, at most, at least)`, on a 0–100 scale.
const TARGETS: [(&str, f64, f64); 9] = [
    ("swap", 35.0, 0.0),
    ("negated", 55.0, 0.0),
    ("buzzwords", 40.0, 0.0),
    ("offtopic", 15.0, 0.0),
    ("vague", 15.0, 0.0),
    ("paraphrase", 100.0, 65.0),
    ("terse", 100.0, 65.0),
    ("strong", 100.0, 85.0),
    ("typos", 100.0, 80.0),
];

/// Agreement (Pearson + Spearman), less 0.01 for every point a kind's mean misses its target by.
fn fitness(rows: &[RowEvidence], weights: &Weights) -> f64 {
    let scored: Vec<_> = rows.iter().map(|r| r.scored(weights)).collect();
    let a = agreement(&scored);
    let missed: f64 = a
        .by_kind
        .iter()
        .filter_map(|k| TARGETS.iter().find(|t| t.0 == k.kind).map(|t| (k.score * 100.0, t)))
        .map(|(mean, (_, most, least))| (mean - most).max(0.0) + (least - mean).max(0.0))
        .sum();
    a.pearson.unwrap_or(0.0) + a.spearman.unwrap_or(0.0) - 0.01 * missed
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
