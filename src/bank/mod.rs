//! The question bank: its model, loading from the built-in files or disk, and validation.

mod builtin;
mod check;
mod fast;
mod guard;
mod load;
mod model;
mod parse;
mod schema;
mod spans;

use std::path::PathBuf;

pub use check::{CheckReport, Finding};
pub use guard::MAX_NESTING;
pub use load::{BankSource, MAX_FILE_BYTES, check, check_text, check_with, lint, load, load_builtin};
pub use model::{Bank, Contrast, Diagnostic, Difficulty, Point, Question, Topic, WrongClaim, inert, shown};
pub use schema::schema_json;

/// Refuses YAML text built to be slow or huge to read (deep nesting, aliases that expand without
/// bound), with a message saying where; used for every YAML the user gives, not only banks.
pub fn check_yaml(text: &str) -> Result<(), String> {
    guard::check(text).map_err(|(at, message)| format!("line {} column {}: {message}", at.line, at.column))
}

/// Why a bank could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read {}", path.display())]
    Read { path: PathBuf, source: std::io::Error },
    #[error("an empty bank path (is REHEARSE_BANK set to nothing?); give a bank file or folder")]
    EmptyPath,
    #[error("{} holds no bank files (*.yaml or *.yml)", path.display())]
    EmptyFolder { path: PathBuf },
    #[error("{first}{}", more_problems(*.count))]
    Invalid { first: Diagnostic, count: usize },
}

fn more_problems(count: usize) -> String {
    if count > 1 {
        format!(" (and {} more; run `rehearse validate` to see them all)", count - 1)
    } else {
        String::new()
    }
}
