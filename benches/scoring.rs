//! Scoring speed: one ~40-word answer against a six-point rubric and against a built-in
//! comparison question (points, contrasted terms, wrong claims, model-answer blend), a long
//! hostile answer, rubric compilation, and a whole examination (the answer's own question and
//! its neighbours, as `quiz` and `score` run it).

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rehearse::bank::{Point, load_builtin};
use rehearse::score::{Examiner, Rubric, Vocabulary, tokens};

const ANSWER: &str = "GET and PUT are idempotent, as is DELETE, so a client can safely retry them after a \
timeout. POST isn't idempotent: a retried POST may create duplicate records unless the server \
supports an idempotency key that lets it recognise the repeated request and return the original result.";

fn rubric() -> Rubric {
    let point = |alternatives: &[&str], weight| Point {
        alternatives: alternatives.iter().map(ToString::to_string).collect(),
        weight,
        label: None,
        ..Point::term("")
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

/// 5,000 distinct twelve-letter words: the hostile case typo matching must not make quadratic.
fn hostile_answer() -> String {
    let mut seed = 7u64;
    let mut letter = || {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        char::from(b'a' + ((seed >> 33) % 26) as u8)
    };
    (0..5_000).map(|_| (0..12).map(|_| letter()).collect::<String>()).collect::<Vec<_>>().join(" ")
}

fn scoring(c: &mut Criterion) {
    let compiled = rubric();
    let bank = load_builtin();
    let vocabulary = Vocabulary::from_documents(bank.questions.iter().map(|q| q.answer.as_str()));
    let question = bank.question("http-put-vs-patch").expect("a built-in comparison question");
    let real = Rubric::for_question(question, &vocabulary);
    let hostile = hostile_answer();
    let against_itself = Rubric::derived("", &hostile, &vocabulary);
    // The same words, each with its last letter changed: every one a typo to look up.
    let typos: Vec<String> = hostile.split(' ').map(|w| format!("{}q", &w[..w.len() - 1])).collect();
    let typos = typos.join(" ");
    let mut group = c.benchmark_group("score");
    group.throughput(Throughput::Elements(1));
    group.bench_function("40-word answer, 6 points", |b| b.iter(|| compiled.assess(black_box(ANSWER))));
    group.bench_function("40-word answer, http-put-vs-patch", |b| b.iter(|| real.assess(black_box(ANSWER))));
    group.sample_size(10);
    group.bench_function("5,000 typos against a 5,000-word model answer", |b| {
        b.iter(|| against_itself.assess(black_box(&typos)));
    });
    let examiner = Examiner::new(&bank.questions);
    let retries = bank.question("trouble-timeouts").expect("a built-in question");
    group.bench_function("40-word answer, examined with its neighbours (trouble-timeouts)", |b| {
        b.iter(|| examiner.assess(retries, black_box(ANSWER)));
    });
    group.sample_size(100);
    group.bench_function("normalise the answer only", |b| b.iter(|| tokens(black_box(ANSWER), false)));
    group.finish();
    c.bench_function("compile 6-point rubric", |b| b.iter(rubric));
}

criterion_group!(benches, scoring);
criterion_main!(benches);
