//! Loads the bank: the built-in one (checked at build time, embedded ready to use) or files and
//! folders from disk, read with bounds and checked by [`check`](super::check).

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use super::check::{CheckReport, SourceFile, check_files, decode};
use super::{Bank, Diagnostic, Error, Question, builtin};
use crate::input::{self, ReadError};
use crate::score::tokens;

/// Bank files larger than this are refused: a real bank is a few hundred KiB.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// Where the questions come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BankSource {
    /// The bank embedded in the binary.
    Builtin,
    /// Files or folders of `.yaml`/`.yml` files on disk, replacing the built-in bank.
    Paths(Vec<PathBuf>),
}

/// Loads the bank, failing on the first problem (with a count of the others).
pub fn load(source: &BankSource) -> Result<Bank, Error> {
    if *source == BankSource::Builtin {
        return Ok(load_builtin());
    }
    let report = check(source)?;
    match report.diagnostics.first() {
        Some(first) => Err(Error::Invalid { first: first.clone(), count: report.diagnostics.len() }),
        None => Ok(report.bank),
    }
}

/// The built-in bank, as the build script checked and serialized it.
pub fn load_builtin() -> Bank {
    builtin::bank()
}

/// Reads and checks every file of `source`, collecting all problems.
pub fn check(source: &BankSource) -> Result<CheckReport, Error> {
    check_with(source, &|_| {})
}

/// [`check`], calling `tick` with the number of files as each one is checked (for a progress bar).
pub fn check_with(source: &BankSource, tick: &(dyn Fn(usize) + Sync)) -> Result<CheckReport, Error> {
    match source {
        BankSource::Builtin => {
            let bank = load_builtin();
            Ok(CheckReport {
                files: builtin::FILE_COUNT,
                questions: bank.questions.len(),
                bank,
                ..CheckReport::default()
            })
        }
        BankSource::Paths(paths) => {
            let (files, repeated) = read_paths(paths)?;
            let mut report = check_files(&files, &lint, &|| tick(files.len()));
            report.repeated = repeated;
            Ok(report)
        }
    }
}

/// Checks one bank file given as bytes, as `validate` would (for tests and tools).
pub fn check_text(name: &str, bytes: Vec<u8>) -> CheckReport {
    let file = SourceFile { name: name.to_string(), text: decode(name, bytes) };
    check_files(&[file], &lint, &|| {})
}

/// Checks that need the scorer: a point the normaliser reduces to nothing can never match.
pub fn lint(question: &Question) -> Vec<(String, String)> {
    let mut problems = Vec::new();
    for (i, point) in question.points.iter().enumerate() {
        for (j, alternative) in point.alternatives.iter().enumerate() {
            if tokens(alternative, true).0.is_empty() {
                let place = if point.alternatives.len() == 1 && point.label.is_none() {
                    format!("points[{i}]")
                } else {
                    format!("points[{i}].any[{j}]")
                };
                let message = "this point has no words the scorer can match (only punctuation or words like \
                               `not`); write the idea in words";
                problems.push((place, message.to_string()));
            }
        }
    }
    problems
}

/// Every bank file named by `paths`, each once, with the names of those named more than once.
fn read_paths(paths: &[PathBuf]) -> Result<(Vec<SourceFile>, Vec<String>), Error> {
    let mut files = Vec::new();
    let mut seen = HashSet::new();
    let mut repeated = Vec::new();
    for path in paths {
        if path.as_os_str().is_empty() {
            return Err(Error::EmptyPath);
        }
        let meta = fs::metadata(path).map_err(|source| Error::Read { path: path.clone(), source })?;
        let found = if meta.is_dir() {
            let mut found = bank_files_in(path)?;
            if found.is_empty() {
                return Err(Error::EmptyFolder { path: path.clone() });
            }
            found.sort();
            found
        } else {
            vec![path.clone()]
        };
        for file in found {
            let identity = fs::canonicalize(&file).unwrap_or_else(|_| file.clone());
            if seen.insert(identity) {
                files.push(read_file(&file));
            } else {
                repeated.push(file.display().to_string());
            }
        }
    }
    Ok((files, repeated))
}

fn bank_files_in(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let entries = fs::read_dir(dir).map_err(|source| Error::Read { path: dir.to_path_buf(), source })?;
    let mut found = Vec::new();
    for entry in entries {
        let path = entry.map_err(|source| Error::Read { path: dir.to_path_buf(), source })?.path();
        let is_yaml = path.extension().is_some_and(|e| e == "yaml" || e == "yml");
        if is_yaml && path.is_file() {
            found.push(path);
        }
    }
    Ok(found)
}

fn read_file(path: &Path) -> SourceFile {
    let name = path.display().to_string();
    let at_start = |message: String| Diagnostic { file: name.clone(), line: 1, column: 1, message };
    let text = match input::read_file(path, MAX_FILE_BYTES) {
        Err(ReadError::TooLarge { size, limit }) => {
            let size = size.map_or(String::new(), |s| format!("{} KiB; ", s / 1024));
            Err(at_start(format!("file is too large for a bank ({size}the limit is {} KiB)", limit / 1024)))
        }
        Err(e) => Err(at_start(format!("cannot read: {e}"))),
        Ok(bytes) => decode(&name, bytes),
    };
    SourceFile { name, text }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_bank_is_the_yaml_bank() {
        let files: Vec<SourceFile> = builtin::yaml::FILES
            .iter()
            .map(|(name, text)| SourceFile { name: (*name).to_string(), text: Ok((*text).to_string()) })
            .collect();
        let report = check_files(&files, &lint, &|| {});
        assert_eq!(report.diagnostics, []);
        assert_eq!(report.files, builtin::FILE_COUNT);
        assert!(report.bank == load_builtin(), "the embedded bank differs from questions/*.yaml");
    }

    #[test]
    fn points_without_words_are_flagged() {
        let question = |alternatives: &[&str]| Question {
            points: vec![super::super::Point {
                alternatives: alternatives.iter().map(|a| (*a).to_string()).collect(),
                ..super::super::Point::term("x")
            }],
            ..load_builtin().questions[0].clone()
        };
        assert_eq!(lint(&question(&["!!!"]))[0].0, "points[0]");
        assert_eq!(lint(&question(&["idempotent", "not"]))[0].0, "points[0].any[1]");
        assert_eq!(lint(&question(&["the"])), []);
    }
}
