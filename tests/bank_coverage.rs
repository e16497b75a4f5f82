//! Every concept of the REST interview guide the bank is drawn from is asked about by a question.

use rehearse::bank::load_builtin;

/// (concept, a question that asks about it, words its prompt and model answer must contain).
const CONCEPTS: &[(&str, &str, &[&str])] = &[
    ("REST and its constraints", "rest-constraints-list", &["stateless", "cache", "layered", "uniform"]),
    ("what a REST API is", "rest-what-is-rest", &["resource", "HTTP"]),
    ("statelessness", "rest-statelessness", &["session"]),
    ("representations", "rest-representations", &["JSON"]),
    ("client-server separation", "rest-client-server", &["client", "server"]),
    ("each HTTP method", "http-crud-methods", &["GET", "POST", "PUT", "PATCH", "DELETE"]),
    ("PUT vs PATCH", "http-put-vs-patch", &["PUT", "PATCH"]),
    ("idempotency and retries", "http-safe-idempotent", &["idempotent", "retr"]),
    ("200, 201 and 204", "http-success-codes", &["200", "201", "204"]),
    ("401 vs 403", "http-401-vs-403", &["401", "403"]),
    ("400 vs 401 diagnosis", "trouble-400-vs-401", &["400", "401"]),
    ("404", "http-404-vs-409", &["404"]),
    ("500", "http-5xx-codes", &["500"]),
    ("API keys", "sec-api-key-placement", &["API key", "header", "query"]),
    ("bearer tokens", "sec-bearer-token", &["Authorization", "Bearer"]),
    ("OAuth 2.0 delegated access", "sec-oauth-delegated-access", &["OAuth", "password"]),
    ("OAuth scopes", "sec-oauth-scopes", &["scope"]),
    ("TLS in transit", "sec-tls-in-transit", &["TLS", "HTTPS"]),
    ("encryption at rest", "sec-encryption-at-rest", &["encrypt"]),
    ("key rotation", "sec-key-rotation", &["rotat"]),
    ("resource naming", "design-resource-urls", &["/contacts", "plural"]),
    ("versioning", "design-versioning-strategies", &["/v1", "header"]),
    ("deprecation", "design-deprecation", &["deprecat", "migrat"]),
    ("offset and cursor pagination", "design-pagination", &["offset", "cursor"]),
    ("filtering and sorting", "design-filter-sort", &["filter", "sort"]),
    ("incremental sync", "design-incremental-sync", &["changed", "since"]),
    (
        "rate limits, 429, limit headers, backoff",
        "design-rate-limit-responses",
        &["429", "Remaining", "backoff"],
    ),
    ("webhooks", "design-webhooks-vs-polling", &["callback", "POST", "poll"]),
    ("webhook signatures", "sec-webhook-signatures", &["HMAC", "signature"]),
    ("the troubleshooting steps", "trouble-debugging-process", &["curl", "headers", "scope", "log"]),
    ("the expired-token nightly sync", "trouble-nightly-sync-401", &["401", "refresh", "expire"]),
];

#[test]
fn every_concept_of_the_guide_has_a_question() {
    let bank = load_builtin();
    let mut missing = Vec::new();
    for (concept, id, words) in CONCEPTS {
        let Some(question) = bank.question(id) else {
            missing.push(format!("{concept}: no question {id}"));
            continue;
        };
        let text = format!("{} {}", question.prompt, question.answer).to_lowercase();
        for word in *words {
            if !text.contains(&word.to_lowercase()) {
                missing.push(format!("{concept}: {id} never mentions {word:?}"));
            }
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
}
