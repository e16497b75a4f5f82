//! Checks a set of bank files (names and decoded text) into a bank and located diagnostics.
//!
//! Pure: no I/O, so the build script runs the same checks over the built-in bank. A clean file
//! is read once, by the YAML reader straight into the bank's types (`fast`); only a file with
//! problems is read into a YAML tree and indexed for line and column.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde_yaml::Value;

use super::parse::{ParsedFile, Problem, parse};
use super::spans::{Location, Place, SpanIndex, duplicate_key};
use super::{Bank, Diagnostic, Question};
use super::{fast, guard};

/// One bank file: its name (for messages) and its text, or why it could not be read.
pub struct SourceFile {
    pub name: String,
    pub text: Result<String, Diagnostic>,
}

/// What checking a set of files found.
#[derive(Debug, Default)]
pub struct CheckReport {
    pub files: usize,
    pub questions: usize,
    pub diagnostics: Vec<Diagnostic>,
    /// Doubtful but legal content (a phrasing that comes down to one generic word, a hint that
    /// answers the question): reported, never failing.
    pub warnings: Vec<Diagnostic>,
    pub bank: Bank,
    /// Files named more than once (by different paths or overlapping folders), checked once.
    pub repeated: Vec<String>,
}

/// Extra checks of one question; the library uses it for checks that need the scorer, which the
/// build script does not compile.
pub type Lint<'a> = &'a (dyn Fn(&Question) -> Vec<Finding> + Sync);

/// What a lint found in a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The path below the question (`points[2].any[0]`, `hint`).
    pub below: String,
    pub message: String,
    /// A warning is reported but does not fail the check.
    pub warning: bool,
}

/// One file after parsing: what it holds, its warnings, and its position index once something
/// needed it.
struct Checked<'a> {
    file: &'a SourceFile,
    parsed: ParsedFile,
    warnings: Vec<Problem>,
    spans: OnceLock<SpanIndex>,
}

impl Checked<'_> {
    fn locate(&self, place: &Place, message: String) -> Diagnostic {
        let at = if let Place::At(at) = place {
            *at
        } else {
            let text = self.file.text.as_deref().unwrap_or_default();
            self.spans.get_or_init(|| SpanIndex::build(strip_bom(text))).locate(place)
        };
        Diagnostic { file: self.file.name.clone(), line: at.line, column: at.column, message }
    }
}

/// Parses every file (in parallel when there are several), then checks ids across them.
/// `tick` is called as each file is parsed (for a progress bar).
pub fn check_files(files: &[SourceFile], lint: Lint<'_>, tick: &(dyn Fn() + Sync)) -> CheckReport {
    let parsed = parallel_map(files, |file| {
        let parsed = parse_file(file, lint);
        tick();
        parsed
    });
    let mut questions = Vec::with_capacity(files.len());
    let checked: Vec<Checked> = files
        .iter()
        .zip(parsed)
        .map(|(file, (mut parsed, warnings))| {
            questions.push(std::mem::take(&mut parsed.questions));
            Checked { file, parsed, warnings, spans: OnceLock::new() }
        })
        .collect();
    merge(&checked, questions)
}

/// One file's questions and problems, with those that `lint` finds, and its warnings.
fn parse_file(file: &SourceFile, lint: Lint<'_>) -> (ParsedFile, Vec<Problem>) {
    let Ok(text) = &file.text else { return (ParsedFile::default(), Vec::new()) };
    let mut parsed = parse_text(text);
    let mut warnings = Vec::new();
    for (question, path) in &parsed.questions {
        for finding in lint(question) {
            let problem =
                Problem { at: Place::Value(format!("{path}.{}", finding.below)), message: finding.message };
            if finding.warning {
                warnings.push(problem);
            } else {
                parsed.problems.push(problem);
            }
        }
    }
    (parsed, warnings)
}

/// Collects topics, questions and diagnostics in file order; a repeated id is a problem.
fn merge(checked: &[Checked], questions_by_file: Vec<Vec<(Question, String)>>) -> CheckReport {
    let mut report = CheckReport { files: checked.len(), ..CheckReport::default() };
    let (mut topics, mut questions) = (Vec::new(), Vec::new());
    let mut seen: HashMap<String, (usize, String)> = HashMap::new();
    for ((index, file), file_questions) in checked.iter().enumerate().zip(questions_by_file) {
        if let Err(diagnostic) = &file.file.text {
            report.diagnostics.push(diagnostic.clone());
            continue;
        }
        let mut diagnostics: Vec<Diagnostic> =
            file.parsed.problems.iter().map(|p| file.locate(&p.at, p.message.clone())).collect();
        diagnostics.sort_by_key(|d| (d.line, d.column));
        report.diagnostics.extend(diagnostics);
        let mut warnings: Vec<Diagnostic> =
            file.warnings.iter().map(|p| file.locate(&p.at, p.message.clone())).collect();
        warnings.sort_by_key(|d| (d.line, d.column));
        report.warnings.extend(warnings);
        if let Some(topic) = &file.parsed.topic
            && !topics.iter().any(|t: &super::Topic| t.name == topic.name)
        {
            topics.push(topic.clone());
        }
        for (question, path) in file_questions {
            report.questions += 1;
            if let Some((first_file, first_path)) = seen.get(question.id.as_str()) {
                let first = checked[*first_file].locate(&Place::Value(first_path.clone()), String::new());
                let message = format!(
                    "duplicate id `{}` (first defined at {}:{}:{}); ids must be unique across all banks",
                    question.id, first.file, first.line, first.column
                );
                report.diagnostics.push(file.locate(&Place::Value(path), message));
                continue;
            }
            seen.insert(question.id.clone(), (index, path));
            questions.push(question);
        }
    }
    report.bank = Bank::new(topics, questions);
    report
}

/// `f` over every item, spread over the machine's cores, results in order.
fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let workers = std::thread::available_parallelism().map_or(1, usize::from).min(items.len());
    if workers <= 1 {
        return items.iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(workers);
    std::thread::scope(|scope| {
        let handles: Vec<_> =
            items.chunks(chunk).map(|part| scope.spawn(|| part.iter().map(&f).collect::<Vec<R>>())).collect();
        handles.into_iter().flat_map(|h| h.join().expect("a bank parser thread does not panic")).collect()
    })
}

fn strip_bom(text: &str) -> &str {
    // Editors on Windows often save UTF-8 with a byte-order mark; it is not part of the YAML.
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Parses one file's text; syntax errors and non-bank shapes become problems.
pub fn parse_text(text: &str) -> ParsedFile {
    let text = strip_bom(text);
    let problem = |at: Location, message: String| ParsedFile {
        problems: vec![Problem { at: Place::At(at), message }],
        ..ParsedFile::default()
    };
    if text.trim().is_empty() {
        return problem(
            Location { line: 1, column: 1 },
            "empty file: a bank needs `topic:` and `questions:`".into(),
        );
    }
    if let Err((at, message)) = guard::check(text) {
        return problem(at, message);
    }
    fast::read(text).unwrap_or_else(|| parse_slow(text))
}

/// The full reader: the YAML as a `Value` tree, every problem with its place.
pub(super) fn parse_slow(text: &str) -> ParsedFile {
    let problem = |at: Location, message: String| ParsedFile {
        problems: vec![Problem { at: Place::At(at), message }],
        ..ParsedFile::default()
    };
    match serde_yaml::from_str::<Value>(text) {
        Ok(root) => parse(&root),
        Err(e) => {
            let (message, at) = locate_yaml_error(text, &e);
            problem(at, format!("not valid YAML: {message}"))
        }
    }
}

/// The message of a YAML error without its position suffix, and that position. `serde_yaml`
/// appends " at line L column C", or for some scanner errors only " at position N" (a character
/// index), which we turn into a line and column; duplicate keys come without a position.
fn locate_yaml_error(text: &str, error: &serde_yaml::Error) -> (String, Location) {
    let message = error.to_string();
    if let Some(cut) = message.rfind(" at position ")
        && let Ok(index) = message[cut + " at position ".len()..].trim().parse::<usize>()
    {
        return (message[..cut].to_string(), location_of_char(text, index));
    }
    let cut = message.find(" at line ").unwrap_or(message.len());
    // A duplicate key is reported at the start of its document; find the key itself.
    let duplicate = message.contains("duplicate entry").then(|| duplicate_key(text)).flatten();
    let at = match (duplicate, error.location()) {
        (Some(at), _) => at,
        (None, Some(l)) => Location { line: l.line(), column: l.column() },
        (None, None) => Location { line: 1, column: 1 },
    };
    (message[..cut].to_string(), at)
}

/// The 1-based line and column of the character at `index`.
fn location_of_char(text: &str, index: usize) -> Location {
    let before: String = text.chars().take(index).collect();
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Location { line, column }
}

/// UTF-8 text, or a diagnostic saying how the bytes are encoded instead.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    let at = |line, column, message: &str| Diagnostic {
        file: name.to_string(),
        line,
        column,
        message: message.to_string(),
    };
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) || looks_like_utf16(&bytes) {
        return Err(at(1, 1, "the file is UTF-16 text: save it as UTF-8"));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.split(|b| *b == b'\n').count();
        let line_start = valid.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&valid[line_start..]).chars().count() + 1;
        at(line, column, "invalid UTF-8: save the file as UTF-8")
    })
}

/// UTF-16 without a byte-order mark: ASCII text with a zero byte beside every character.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64) & !1];
    let zeros = |offset: usize| head.iter().skip(offset).step_by(2).filter(|b| **b == 0).count();
    let half = head.len() / 2;
    half >= 2 && (zeros(0) == half || zeros(1) == half)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_is_named_as_such() {
        let utf16: Vec<u8> = "topic: t\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let error = decode("b.yaml", utf16).unwrap_err();
        assert_eq!(error.message, "the file is UTF-16 text: save it as UTF-8");
        assert_eq!(decode("b.yaml", b"a: \xff".to_vec()).unwrap_err().column, 4);
    }

    #[test]
    fn a_duplicate_key_is_located() {
        let parsed = parse_text("topic: a\ntopic: b\nquestions: []\n");
        assert_eq!(parsed.problems[0].at, Place::At(Location { line: 2, column: 1 }));
        assert!(parsed.problems[0].message.contains("duplicate entry"), "{:?}", parsed.problems);
    }
}
