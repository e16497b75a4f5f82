//! The bank files built into the binary, one per topic, embedded at compile time.

/// (display name, YAML text) of each built-in bank file.
pub const FILES: [(&str, &str); 5] = [
    ("questions/fundamentals.yaml", include_str!("../../questions/fundamentals.yaml")),
    ("questions/http.yaml", include_str!("../../questions/http.yaml")),
    ("questions/security.yaml", include_str!("../../questions/security.yaml")),
    ("questions/design.yaml", include_str!("../../questions/design.yaml")),
    ("questions/troubleshooting.yaml", include_str!("../../questions/troubleshooting.yaml")),
];
