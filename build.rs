//! Build script: checks the built-in question bank with the library's own bank checker and embeds
//! it serialized, so the binary never parses YAML (or builds a position index) for it.
//!
//! A problem in `questions/*.yaml` fails the build with every diagnostic, as `rehearse validate`
//! would print them. The bank model derives serde both ways, so whatever fields it gains are
//! carried into the binary without changes here.

// The bank modules are shared with the library; the build uses only part of them.
#![allow(dead_code)]

#[path = "src/bank/check.rs"]
mod check;
#[path = "src/bank/fast.rs"]
mod fast;
#[path = "src/bank/guard.rs"]
mod guard;
#[path = "src/bank/model.rs"]
mod model;
#[path = "src/bank/parse.rs"]
mod parse;
#[path = "src/bank/spans.rs"]
mod spans;
#[path = "src/render/suggest.rs"]
mod suggest;

/// `parse.rs` reaches "did you mean" through `crate::render`, as it does in the library.
mod render {
    pub use super::suggest::did_you_mean;
}

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

use check::{SourceFile, check_files, decode};
use model::{Bank, Contrast, Diagnostic, Difficulty, Point, Question, Topic, WrongClaim, shown};

/// The built-in bank files, in the order their topics are listed.
const FILES: [&str; 5] = [
    "questions/fundamentals.yaml",
    "questions/http.yaml",
    "questions/security.yaml",
    "questions/design.yaml",
    "questions/troubleshooting.yaml",
];

fn main() {
    println!("cargo::rerun-if-changed=questions");
    println!("cargo::rerun-if-changed=src/bank");
    println!("cargo::rerun-if-changed=src/render/suggest.rs");
    let root = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&root);
    check_the_list_is_complete(root);
    let files: Vec<SourceFile> = FILES
        .iter()
        .map(|name| {
            let bytes = fs::read(root.join(name)).unwrap_or_else(|e| panic!("cannot read {name}: {e}"));
            SourceFile { name: (*name).to_string(), text: decode(name, bytes) }
        })
        .collect();
    let report = check_files(&files, &|_| Vec::new(), &|| {});
    if !report.diagnostics.is_empty() {
        let all: Vec<String> = report.diagnostics.iter().map(ToString::to_string).collect();
        panic!("the built-in bank has problems:\n{}", all.join("\n"));
    }
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let json = serde_json::to_string(&report.bank).expect("a bank serializes");
    fs::write(Path::new(&out).join("builtin-bank.json"), json).expect("OUT_DIR is writable");
    fs::write(Path::new(&out).join("builtin-files.rs"), files_module(root)).expect("OUT_DIR is writable");
}

/// Every `questions/*.yaml` must be listed in [`FILES`], so that a new file is not left out.
fn check_the_list_is_complete(root: &Path) {
    let entries = fs::read_dir(root.join("questions")).expect("questions/ exists");
    for entry in entries {
        let path = entry.expect("questions/ is readable").path();
        let name = format!("questions/{}", path.file_name().unwrap_or_default().to_string_lossy());
        let is_yaml =
            path.extension().is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"));
        assert!(!is_yaml || FILES.contains(&name.as_str()), "{name} is not listed in build.rs FILES");
    }
}

/// Rust source naming the built-in files, with their YAML text for the tests only.
fn files_module(root: &Path) -> String {
    let mut source = format!("pub const FILE_COUNT: usize = {};\n", FILES.len());
    source.push_str("#[cfg(test)]\npub mod yaml {\n    pub const FILES: [(&str, &str); FILE_COUNT] = [\n");
    for name in FILES {
        let path = root.join(name);
        let _ = writeln!(source, "        ({name:?}, include_str!({:?})),", path.display().to_string());
    }
    source.push_str("    ];\n    use super::FILE_COUNT;\n}\n");
    source
}
