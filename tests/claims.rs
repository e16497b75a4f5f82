//! The scorer judges claims, not vocabulary: the examples of a new user's trial, end to end
//! through `rehearse score --format json`, and the blind-written sets against the targets.

use serde_json::Value;

use crate::util::cli;

/// The JSON assessment of `answer` to question `id`.
fn assess(id: &str, answer: &str) -> Value {
    let run = cli(&["score", id, answer, "--format", "json"]);
    assert_eq!(run.code, Some(0), "{run:#?}");
    serde_json::from_str(&run.stdout).expect("one JSON object")
}

fn score(assessment: &Value) -> u64 {
    assessment["score"].as_u64().expect("a score")
}

/// The points with this verdict, as (label, `said_of`).
fn points(assessment: &Value, verdict: &str) -> Vec<(String, Option<String>)> {
    assessment["points"]
        .as_array()
        .expect("points")
        .iter()
        .filter(|p| p["verdict"] == verdict)
        .map(|p| (p["label"].as_str().unwrap().to_string(), p["said_of"].as_str().map(str::to_string)))
        .collect()
}

fn wrong_claims(assessment: &Value) -> Vec<String> {
    assessment["wrong"]
        .as_array()
        .expect("wrong")
        .iter()
        .map(|w| w["label"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_privative_word_states_a_fact_it_does_not_deny_one() {
    let a = assess("trouble-403-new-feature", "The token lacks the scope for the new object type.");
    assert!(score(&a) >= 30, "{a:#}");
    assert!(points(&a, "contradicted").is_empty(), "{a:#}");
}

#[test]
fn reversed_idempotency_contradicts_both_points() {
    let a = assess(
        "http-put-vs-patch",
        "PUT is not idempotent and PATCH is idempotent. PUT replaces the whole resource, PATCH is partial.",
    );
    assert!(score(&a) <= 45, "{a:#}");
    let contradicted = points(&a, "contradicted");
    assert!(contradicted.len() >= 2, "both idempotency points contradicted: {a:#}");
}

#[test]
fn swapped_roles_are_contradicted_and_named() {
    let a = assess(
        "http-put-vs-patch",
        "PATCH replaces the whole resource and PUT only changes the fields you send.",
    );
    assert!(score(&a) <= 30, "{a:#}");
    let swapped: Vec<_> =
        points(&a, "contradicted").into_iter().filter(|(_, said_of)| said_of.is_some()).collect();
    assert!(swapped.len() >= 2, "both roles swapped: {a:#}");
}

#[test]
fn keyword_salad_scores_low() {
    let a =
        assess("http-put-vs-patch", "replace omitted partial PUT idempotent PATCH not idempotent JSON Patch");
    assert!(score(&a) <= 30, "{a:#}");
}

#[test]
fn a_wrong_claim_is_shown_and_costs_more_than_a_missed_point() {
    let a = assess(
        "sec-storing-secrets",
        "Hard-code them in the source code so they are always available; environment variables are not secure.",
    );
    assert!(score(&a) <= 20, "{a:#}");
    assert!(!wrong_claims(&a).is_empty(), "{a:#}");
    let run = cli(&[
        "score",
        "sec-storing-secrets",
        "Hard-code them in the source code so they are always available.",
    ]);
    assert!(run.stdout.contains("Wrong"), "the feedback names the wrong claim: {run:#?}");
}

#[test]
fn a_short_note_about_the_contrasted_terms_is_not_a_term_list() {
    let note = assess(
        "http-status-classes",
        "1xx informational, 2xx success, 3xx redirect, 4xx client error, 5xx server error.",
    );
    assert!(score(&note) >= 65, "{note:#}");
    let list = assess(
        "http-status-classes",
        "2xx, 3xx, 4xx, 5xx, status classes, HTTP status codes, client error, server error",
    );
    assert!(score(&list) <= 30, "{list:#}");
}

#[test]
fn a_sentence_framing_a_long_list_of_the_right_terms_earns_less_than_the_terms_stated() {
    let list = assess(
        "trouble-sync-429",
        "For this I would think about the usual toolkit: throttling, backoff, Retry-After, \
         concurrency control, batching, jitter, queueing, resilience and checkpointing, which is \
         the standard playbook.",
    );
    let stated = assess(
        "trouble-sync-429",
        "Throttle the job, back off exponentially, wait as long as Retry-After says, limit \
         concurrency, use batch endpoints and checkpoint progress.",
    );
    assert!(score(&list) <= 50, "{list:#}");
    assert!(score(&stated) >= score(&list) + 30, "{stated:#}\n{list:#}");
}

#[test]
fn terms_padded_with_hollow_phrases_earn_less_than_the_same_terms_stated_plainly() {
    let padded = assess(
        "http-optimistic-concurrency",
        "Optimistic concurrency is leveraged here: ETags and If-Match play a key role, and 412 is \
         key to a robust data integrity posture.",
    );
    let plain = assess(
        "http-optimistic-concurrency",
        "Optimistic concurrency is used here: ETags and If-Match are sent, and 412 comes back when \
         the data changed.",
    );
    assert!(score(&padded) <= 45, "{padded:#}");
    assert!(score(&plain) >= score(&padded) + 30, "{plain:#}\n{padded:#}");
}

#[test]
fn a_denial_inside_a_condition_states_no_wrong_claim() {
    let advice = assess(
        "design-rate-limit-responses",
        "Answer 429 and respect Retry-After; when there's no header, back off exponentially with jitter.",
    );
    assert!(wrong_claims(&advice).is_empty(), "{advice:#}");
    let wrong = assess("design-rate-limit-responses", "Answer 429 with no Retry-After header.");
    assert_eq!(wrong_claims(&wrong), ["Keep the limits hidden from clients"], "{wrong:#}");
}

#[test]
fn a_good_answer_to_a_neighbouring_question_scores_low_and_names_that_question() {
    let answer = "An expired or missing token gets 401 Unauthorized with a WWW-Authenticate header, and the \
                  client should refresh its credentials and retry. A valid token without permission for the \
                  resource gets 403 Forbidden, and retrying with the same credentials will not help.";
    let own = assess("http-401-vs-403", answer);
    assert!(score(&own) >= 70, "{own:#}");
    assert!(own["answers_instead"].is_null(), "{own:#}");
    // Asked what the status classes mean, it answers the neighbouring question, and is told so.
    let elsewhere = assess("http-status-classes", answer);
    assert!(score(&elsewhere) <= 15, "{elsewhere:#}");
    assert_eq!(elsewhere["answers_instead"]["id"], "http-401-vs-403", "{elsewhere:#}");
}
