//! Bounded reads of the files a user names (banks, answers, graded rows): regular files only,
//! and never more than a limit, however large the file says it is.

use std::fs::File;
use std::io::{self, BufRead, Read};
use std::path::Path;

/// Why a named file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// A FIFO would block forever and a device (`/dev/zero`) never ends.
    #[error("not a regular file; give a saved file, not a pipe or device")]
    NotAFile,
    /// `size` is what the file reports, when that alone was enough to refuse it.
    #[error("the file is too large ({}the limit is {} KiB)", size.map_or(String::new(), |s| format!("{} KiB; ", s / 1024)), limit / 1024)]
    TooLarge { size: Option<u64>, limit: u64 },
    #[error(transparent)]
    Io(#[from] io::Error),
}

/// The bytes of the regular file at `path`, refused past `limit` bytes (counted as read, since
/// the size a file reports can be wrong).
pub fn read_file(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile);
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge { size: Some(meta.len()), limit });
    }
    let file = File::open(path)?;
    // Check again on the open file: the path may have been swapped since.
    if !file.metadata()?.is_file() {
        return Err(ReadError::NotAFile);
    }
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { size: None, limit });
    }
    Ok(bytes)
}

/// The next line of `reader` without its `\n`, at most `cap` bytes: a longer line is cut there
/// and the rest becomes the next line, so memory stays bounded even on endless input. `None` at
/// the end of input.
pub fn read_line_capped(reader: &mut impl BufRead, cap: usize) -> io::Result<Option<Vec<u8>>> {
    let mut line = Vec::new();
    loop {
        let buffer = match reader.fill_buf() {
            Ok(buffer) => buffer,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buffer.is_empty() {
            return Ok((!line.is_empty()).then_some(line));
        }
        let room = cap - line.len();
        // One byte past the room, so that a line of exactly `cap` bytes keeps its newline.
        let window = &buffer[..buffer.len().min(room + 1)];
        if let Some(end) = window.iter().position(|b| *b == b'\n') {
            line.extend_from_slice(&window[..end]);
            reader.consume(end + 1);
            return Ok(Some(line));
        }
        let taken = window.len().min(room);
        line.extend_from_slice(&window[..taken]);
        reader.consume(taken);
        if line.len() >= cap {
            return Ok(Some(line));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_cut_at_the_cap() {
        let mut input = io::Cursor::new(b"abcdefgh\nijklm\n\nk".to_vec());
        let mut lines = Vec::new();
        while let Some(line) = read_line_capped(&mut input, 5).unwrap() {
            lines.push(String::from_utf8(line).unwrap());
        }
        assert_eq!(lines, ["abcde", "fgh", "ijklm", "", "k"]);
    }

    #[test]
    fn devices_and_oversized_files_are_refused() {
        assert!(matches!(read_file(Path::new("/dev/zero"), 10), Err(ReadError::NotAFile)));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, "0123456789").unwrap();
        assert!(matches!(read_file(&path, 9), Err(ReadError::TooLarge { size: Some(10), limit: 9 })));
        assert_eq!(read_file(&path, 10).unwrap().len(), 10);
    }
}
