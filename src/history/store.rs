//! The history file on disk: where it lives, appending one line at a time, and reading it back
//! with damaged lines reported and skipped.
//!
//! Appends are one `write` of a whole line to a file opened with `O_APPEND`, so two sessions
//! writing at once never interleave inside a line or overwrite each other's lines; each line is
//! flushed to disk before the session moves on.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use etcetera::BaseStrategy;

use super::{Entry, Recorded, sessions};

/// The environment variable that moves the history (and all of rehearse's data) elsewhere.
pub const HOME_VAR: &str = "REHEARSE_HOME";
/// The history's file name inside the data directory.
pub const FILE_NAME: &str = "history.jsonl";

#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
    #[error("cannot find a data directory for the history ({0}); set REHEARSE_HOME or use --no-history")]
    NoDataDir(String),
    #[error("cannot create the history folder {}: {source}", .path.display())]
    CreateDir { path: PathBuf, source: io::Error },
    #[error("cannot write the history file {}: {source}", .path.display())]
    Write { path: PathBuf, source: io::Error },
    #[error("cannot read the history file {}: {source}", .path.display())]
    Read { path: PathBuf, source: io::Error },
}

/// A line of the history that could not be read; it is skipped, and left in the file as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damage {
    /// 1-based.
    pub line: usize,
    pub message: String,
}

/// What reading the history found.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Loaded {
    pub sessions: Vec<Recorded>,
    pub damaged: Vec<Damage>,
}

/// The history file of one data directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct History {
    path: PathBuf,
}

impl History {
    /// The history in `dir`.
    pub fn in_dir(dir: &Path) -> History {
        History { path: dir.join(FILE_NAME) }
    }

    /// The user's history: in `$REHEARSE_HOME` when set, else the XDG data directory
    /// (`~/.local/share/rehearse`).
    pub fn locate() -> Result<History, HistoryError> {
        if let Some(home) = std::env::var_os(HOME_VAR).filter(|v| !v.is_empty()) {
            return Ok(History::in_dir(Path::new(&home)));
        }
        let strategy =
            etcetera::choose_base_strategy().map_err(|e| HistoryError::NoDataDir(e.to_string()))?;
        Ok(History::in_dir(&strategy.data_dir().join("rehearse")))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends one entry as one line, creating the folder and file if needed, and syncs it.
    pub fn append(&self, entry: &Entry) -> Result<(), HistoryError> {
        let write_error = |source| HistoryError::Write { path: self.path.clone(), source };
        if let Some(dir) = self.path.parent() {
            fs::create_dir_all(dir)
                .map_err(|source| HistoryError::CreateDir { path: dir.to_path_buf(), source })?;
        }
        let mut file =
            OpenOptions::new().append(true).create(true).read(true).open(&self.path).map_err(write_error)?;
        let mut line = Vec::with_capacity(512);
        // A line cut short by a crash must not swallow the start of ours. (Seeing another
        // session's line half-written only costs an empty line, which reading skips.)
        if !ends_with_newline(&mut file).map_err(write_error)? {
            line.push(b'\n');
        }
        serde_json::to_writer(&mut line, entry).expect("an entry always serialises");
        line.push(b'\n');
        // One write call: with O_APPEND the kernel places the whole line at the end atomically.
        file.write_all(&line).map_err(write_error)?;
        file.sync_data().map_err(write_error)
    }

    /// Reads every session; a missing file is an empty history.
    pub fn load(&self) -> Result<Loaded, HistoryError> {
        let bytes = match fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Loaded::default()),
            Err(source) => return Err(HistoryError::Read { path: self.path.clone(), source }),
        };
        Ok(parse(&bytes))
    }
}

/// Parses the file's bytes: every line that is not a valid entry is reported and skipped.
pub fn parse(bytes: &[u8]) -> Loaded {
    let mut entries = Vec::new();
    let mut damaged = Vec::new();
    for (index, line) in bytes.split(|b| *b == b'\n').enumerate() {
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match serde_json::from_slice::<Entry>(line) {
            Ok(entry) => entries.push(entry),
            Err(e) => damaged.push(Damage { line: index + 1, message: e.to_string() }),
        }
    }
    Loaded { sessions: sessions(entries), damaged }
}

/// Whether the file is empty or ends with a newline.
fn ends_with_newline(file: &mut File) -> io::Result<bool> {
    let length = file.metadata()?.len();
    if length == 0 {
        return Ok(true);
    }
    file.seek(SeekFrom::Start(length - 1))?;
    let mut last = [0u8; 1];
    file.read_exact(&mut last)?;
    Ok(last[0] == b'\n')
}
