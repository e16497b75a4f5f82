//! Scoring speed: one ~40-word answer against a six-point rubric, and rubric compilation.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rehearse::bank::Point;
use rehearse::score::{Rubric, tokens};

const ANSWER: &str = "GET and PUT are idempotent, as is DELETE, so a client can safely retry them after a \
timeout. POST isn't idempotent: a retried POST may create duplicate records unless the server \
supports an idempotency key that lets it recognise the repeated request and return the original result.";

fn rubric() -> Rubric {
    let point = |alternatives: &[&str], weight| Point {
        alternatives: alternatives.iter().map(ToString::to_string).collect(),
        weight,
        label: None,
        about: None,
        bonus: false,
    };
    Rubric::from_points(&[
        point(&["GET"], 1),
        point(&["PUT"], 1),
        point(&["DELETE"], 1),
        point(&["POST is not idempotent", "POST can create duplicates"], 2),
        point(&["safe to retry", "retries", "resend"], 2),
        point(&["idempotency key", "Idempotency-Key header", "deduplicate"], 2),
    ])
}

fn scoring(c: &mut Criterion) {
    let compiled = rubric();
    let mut group = c.benchmark_group("score");
    group.throughput(Throughput::Elements(1));
    group.bench_function("40-word answer, 6 points", |b| b.iter(|| compiled.assess(black_box(ANSWER))));
    group.bench_function("normalise the answer only", |b| b.iter(|| tokens(black_box(ANSWER), false)));
    group.finish();
    c.bench_function("compile 6-point rubric", |b| b.iter(rubric));
}

criterion_group!(benches, scoring);
criterion_main!(benches);
