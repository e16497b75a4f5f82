//! Reads bank files (built-in or from disk), guards against hostile input, and checks ids across files.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde_yaml::Value;

use super::parse::{ParsedFile, parse};
use super::spans::{Location, SpanIndex};
use super::{Bank, Diagnostic, Error, builtin};

/// Bank files larger than this are refused before parsing: a real bank is a few hundred KiB.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// Where the questions come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BankSource {
    /// The bank embedded in the binary.
    Builtin,
    /// Files or folders of `.yaml`/`.yml` files on disk, replacing the built-in bank.
    Paths(Vec<PathBuf>),
}

/// One bank file's name (for messages) and text.
struct BankFile {
    name: String,
    text: Result<String, Diagnostic>,
}

/// What checking a set of files found.
#[derive(Debug, Default)]
pub struct CheckReport {
    pub files: usize,
    pub questions: usize,
    pub diagnostics: Vec<Diagnostic>,
    pub bank: Bank,
}

/// Loads the bank, failing on the first problem (with a count of the others).
pub fn load(source: &BankSource) -> Result<Bank, Error> {
    let report = check(source)?;
    match report.diagnostics.first() {
        Some(first) => Err(Error::Invalid { first: first.clone(), count: report.diagnostics.len() }),
        None => Ok(report.bank),
    }
}

/// The built-in bank. It is checked by the test suite, so a problem here is a build defect.
pub fn load_builtin() -> Bank {
    load(&BankSource::Builtin).expect("the built-in bank is valid (checked by tests)")
}

/// Reads and checks every file of `source`, collecting all problems.
pub fn check(source: &BankSource) -> Result<CheckReport, Error> {
    let files = match source {
        BankSource::Builtin => builtin::FILES
            .iter()
            .map(|(name, text)| BankFile { name: (*name).to_string(), text: Ok((*text).to_string()) })
            .collect(),
        BankSource::Paths(paths) => read_paths(paths)?,
    };
    Ok(check_files(files))
}

fn read_paths(paths: &[PathBuf]) -> Result<Vec<BankFile>, Error> {
    let mut files = Vec::new();
    for path in paths {
        let meta = fs::metadata(path).map_err(|source| Error::Read { path: path.clone(), source })?;
        if meta.is_dir() {
            let mut found = bank_files_in(path)?;
            if found.is_empty() {
                return Err(Error::EmptyFolder { path: path.clone() });
            }
            found.sort();
            files.extend(found.iter().map(|p| read_file(p)));
        } else {
            files.push(read_file(path));
        }
    }
    Ok(files)
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

fn read_file(path: &Path) -> BankFile {
    let name = path.display().to_string();
    let at_start = |message: String| Diagnostic { file: name.clone(), line: 1, column: 1, message };
    let text = match fs::metadata(path) {
        Err(e) => Err(at_start(format!("cannot read: {e}"))),
        Ok(meta) if meta.len() > MAX_FILE_BYTES => Err(at_start(format!(
            "file is too large for a bank ({} KiB; the limit is {} KiB)",
            meta.len() / 1024,
            MAX_FILE_BYTES / 1024
        ))),
        Ok(_) => match fs::read(path) {
            Err(e) => Err(at_start(format!("cannot read: {e}"))),
            Ok(bytes) => decode(&name, bytes),
        },
    };
    BankFile { name, text }
}

/// UTF-8 text, or a diagnostic at the first invalid byte.
fn decode(name: &str, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.split(|b| *b == b'\n').count();
        let line_start = valid.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&valid[line_start..]).chars().count() + 1;
        Diagnostic {
            file: name.to_string(),
            line,
            column,
            message: "invalid UTF-8: save the file as UTF-8".into(),
        }
    })
}

fn check_files(files: Vec<BankFile>) -> CheckReport {
    let mut report = CheckReport { files: files.len(), ..CheckReport::default() };
    let mut seen: HashMap<String, Diagnostic> = HashMap::new();
    for file in files {
        let parsed = match &file.text {
            Ok(text) => parse_text(text),
            Err(diagnostic) => {
                report.diagnostics.push(diagnostic.clone());
                continue;
            }
        };
        let locate = |at: Location, message: String| Diagnostic {
            file: file.name.clone(),
            line: at.line,
            column: at.column,
            message,
        };
        let mut problems = parsed.problems;
        problems.sort_by_key(|p| (p.at.line, p.at.column));
        report.diagnostics.extend(problems.into_iter().map(|p| locate(p.at, p.message)));
        if let Some(topic) = parsed.topic
            && !report.bank.topics.iter().any(|t| t.name == topic.name)
        {
            report.bank.topics.push(topic);
        }
        for (question, at) in parsed.questions {
            report.questions += 1;
            let here = locate(at, String::new());
            if let Some(first) = seen.get(&question.id) {
                let message = format!(
                    "duplicate id `{}` (first defined at {}:{}:{}); ids must be unique across all banks",
                    question.id, first.file, first.line, first.column
                );
                report.diagnostics.push(Diagnostic { message, ..here });
                continue;
            }
            seen.insert(question.id.clone(), here);
            report.bank.questions.push(question);
        }
    }
    report
}

/// Parses one file's text; syntax errors and non-bank shapes become problems.
fn parse_text(text: &str) -> ParsedFile {
    // Editors on Windows often save UTF-8 with a byte-order mark; it is not part of the YAML.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let problem = |at: Location, message: String| ParsedFile {
        problems: vec![super::parse::Problem { at, message }],
        ..ParsedFile::default()
    };
    if text.trim().is_empty() {
        return problem(
            Location { line: 1, column: 1 },
            "empty file: a bank needs `topic:` and `questions:`".into(),
        );
    }
    match serde_yaml::from_str::<Value>(text) {
        Ok(root) => parse(&root, &SpanIndex::build(text)),
        Err(e) => {
            let (message, at) = locate_yaml_error(text, &e);
            problem(at, format!("not valid YAML: {message}"))
        }
    }
}

/// The message of a YAML error without its position suffix, and that position. `serde_yaml`
/// appends " at line L column C", or for some scanner errors only " at position N" (a character
/// index), which we turn into a line and column.
fn locate_yaml_error(text: &str, error: &serde_yaml::Error) -> (String, Location) {
    let message = error.to_string();
    if let Some(cut) = message.rfind(" at position ")
        && let Ok(index) = message[cut + " at position ".len()..].trim().parse::<usize>()
    {
        return (message[..cut].to_string(), location_of_char(text, index));
    }
    let cut = message.find(" at line ").unwrap_or(message.len());
    let at = error
        .location()
        .map_or(Location { line: 1, column: 1 }, |l| Location { line: l.line(), column: l.column() });
    (message[..cut].to_string(), at)
}

/// The 1-based line and column of the character at `index`.
fn location_of_char(text: &str, index: usize) -> Location {
    let before: String = text.chars().take(index).collect();
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Location { line, column }
}
