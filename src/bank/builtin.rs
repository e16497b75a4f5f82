//! The bank built into the binary: checked by `build.rs` and embedded as JSON, so that start-up
//! reads it back with no YAML parsing and no position index.

use super::Bank;

/// The bank as the build script serialized it.
const JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/builtin-bank.json"));

/// The built-in bank. The build checked it, so a failure here is a build defect.
pub fn bank() -> Bank {
    serde_json::from_str(JSON).expect("the build script embeds a valid bank")
}

// FILE_COUNT, and (for tests) the YAML text of each file.
include!(concat!(env!("OUT_DIR"), "/builtin-files.rs"));
