//! Writes a large, valid bank for benchmarks: `cargo run --example gen_bank -- DIR [QUESTIONS] [FILES]`
//! (default 10,000 questions in 100 files). The text is deterministic, so runs compare.

use std::fmt::Write as _;
use std::path::PathBuf;

const WORDS: [&str; 24] = [
    "resource",
    "client",
    "server",
    "cache",
    "token",
    "request",
    "response",
    "header",
    "status",
    "method",
    "payload",
    "schema",
    "version",
    "retry",
    "timeout",
    "gateway",
    "session",
    "cookie",
    "query",
    "index",
    "latency",
    "throughput",
    "replica",
    "consistency",
];

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().expect("usage: gen_bank DIR [QUESTIONS] [FILES]"));
    let questions: usize = args.next().map_or(10_000, |n| n.parse().expect("QUESTIONS is a number"));
    let files: usize = args.next().map_or(100, |n| n.parse().expect("FILES is a number"));
    std::fs::create_dir_all(&dir).expect("the folder can be made");
    for file in 0..files {
        let per_file = questions / files + usize::from(file < questions % files);
        let text = bank_file(file, per_file);
        std::fs::write(dir.join(format!("topic-{file:03}.yaml")), text).expect("the file can be written");
    }
    println!("{questions} questions in {files} files under {}", dir.display());
}

/// One topic's file with `count` questions, each shaped like a built-in one.
fn bank_file(file: usize, count: usize) -> String {
    let word = |i: usize| WORDS[i % WORDS.len()];
    let mut text = format!("topic: topic-{file:03}\ntitle: Generated topic {file}\nquestions:\n");
    for q in 0..count {
        let n = file * 1000 + q;
        let (a, b, c) = (word(n), word(n / 3 + 5), word(n / 7 + 11));
        let difficulty = ["easy", "medium", "hard"][n % 3];
        let _ = write!(
            text,
            "  - id: gen-{file:03}-{q:04}\n    difficulty: {difficulty}\n    prompt: How does the {a} relate to the {b} when a {c} \
             changes, and what would you check first in question {n}?\n    answer: >\n      The {a} carries the state \
             the {b} depends on. When the {c} changes, the {a} must be revalidated, the {b} refreshed, and any \
             {c} held by a client dropped. Check the {a} first, because a stale {a} explains most symptoms; then \
             the {b}, then the {c}.\n    points:\n      - {a}\n      - any: [revalidate the {a}, refresh the {b}]\n        \
             weight: 2\n        label: revalidate and refresh\n      - any: [stale {a}, outdated {a}]\n      - check the {c} last\n    \
             hint: Think about what the {b} reads from the {a}.\n"
        );
    }
    text
}
