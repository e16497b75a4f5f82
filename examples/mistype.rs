//! Mistypes correct answers as a hurried candidate would, to measure how often typing slips make
//! the scorer flag an error the candidate did not make (`docs/scoring.md`).
//!
//! `cargo run --example mistype -- GRADED.jsonl SEED > mistyped.jsonl`, then `rehearse eval` it
//! and compare its `flagged` column with the same rows unchanged. Keeps the strong and
//! paraphrase rows, lower-cases them, drops apostrophes and mistypes a quarter of the words of
//! four letters or more (a letter dropped, doubled, replaced, or swapped with the next one).

use std::io::Write;
use std::process::ExitCode;

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::Value;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [path, seed] = args.as_slice() else {
        eprintln!("usage: mistype GRADED.jsonl SEED");
        return ExitCode::from(2);
    };
    let (Ok(text), Ok(seed)) = (std::fs::read_to_string(path), seed.parse::<u64>()) else {
        eprintln!("error: cannot read {path}, or {seed} is not a number");
        return ExitCode::from(2);
    };
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut out = std::io::stdout().lock();
    for (number, line) in text.lines().enumerate() {
        let Ok(mut row) = serde_json::from_str::<Value>(line) else {
            eprintln!("warning: {path}:{}: not a JSON object, skipped", number + 1);
            continue;
        };
        if !matches!(row["kind"].as_str(), Some("strong" | "paraphrase")) {
            continue;
        }
        let answer = row["answer"].as_str().unwrap_or_default().to_lowercase().replace('\'', "");
        row["answer"] = Value::from(mistype(&answer, &mut rng));
        row["kind"] = Value::from("mistyped");
        if writeln!(out, "{row}").is_err() {
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

/// The text with a quarter of its longer words mistyped; everything between words kept.
fn mistype(text: &str, rng: &mut ChaCha8Rng) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut word = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_alphabetic() {
            word.push(c);
            continue;
        }
        if word.len() >= 4 && rng.random_bool(0.25) {
            out.push_str(&slip(&word, rng));
        } else {
            out.push_str(&word);
        }
        word.clear();
        out.push(c);
    }
    out.pop();
    out
}

/// One slip inside an ASCII word, never at its first letter.
fn slip(word: &str, rng: &mut ChaCha8Rng) -> String {
    let mut letters: Vec<u8> = word.bytes().collect();
    let at = rng.random_range(1..letters.len() - 1);
    match rng.random_range(0..4) {
        0 => {
            letters.remove(at);
        }
        1 => letters.insert(at, letters[at]),
        2 => letters[at] = b"aeiourstn"[rng.random_range(0..9)],
        _ => letters.swap(at, at + 1),
    }
    String::from_utf8(letters).unwrap_or_else(|_| word.to_string())
}
