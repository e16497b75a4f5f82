//! The report as JSON, schema version 1 (documented in `docs/report-schema.md`): stable field
//! names, durations in seconds, scores 0–100.

use serde::Serialize;

use super::Report;

/// Bumped whenever a field is renamed or removed or changes meaning; adding a field is not a
/// change of version.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Versioned<'a> {
    schema_version: u32,
    #[serde(flatten)]
    report: &'a Report,
}

pub fn render(report: &Report) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(&Versioned { schema_version: SCHEMA_VERSION, report })
        .expect("a report always serialises: plain data, string keys");
    bytes.push(b'\n');
    bytes
}
