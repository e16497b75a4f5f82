//! Writing a file the user named (a report, stats): refused up front if it exists without
//! `--force` or cannot be created, then written atomically (a temporary file renamed into place).

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use tempfile::NamedTempFile;

/// A file to be written later, already checked: its folder takes new files, and it does not exist
/// unless replacing it was allowed.
#[derive(Debug)]
pub struct Target {
    path: PathBuf,
    temp: NamedTempFile,
    force: bool,
}

impl Target {
    /// Checks `path` now, so a bad path fails before any work is done.
    pub fn prepare(path: &Path, force: bool) -> Result<Target> {
        if path.is_dir() {
            bail!("`{}` is a folder; give a file name for the report", path.display());
        }
        if path.exists() && !force {
            bail!("`{}` already exists; pass --force to replace it", path.display());
        }
        let dir = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        if !dir.exists() {
            bail!("cannot write `{}`: the folder `{}` does not exist", path.display(), dir.display());
        }
        if !dir.is_dir() {
            bail!("cannot write `{}`: `{}` is not a folder", path.display(), dir.display());
        }
        let temp = tempfile::Builder::new()
            .prefix(".rehearse-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(|e| plain(&e))
            .with_context(|| format!("cannot write `{}`", path.display()))?;
        Ok(Target { path: path.to_path_buf(), temp, force })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes `bytes` to the temporary file and renames it over the target.
    pub fn write(mut self, bytes: &[u8]) -> Result<()> {
        let context = || format!("cannot write `{}`", self.path.display());
        self.temp.write_all(bytes).with_context(context)?;
        // The temporary file is private (0600); a report is an ordinary file for the user to share.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::Permissions::from_mode(0o644);
            self.temp.as_file().set_permissions(mode).with_context(context)?;
        }
        self.temp.as_file().sync_all().with_context(context)?;
        let path = self.path.clone();
        let result = if self.force { self.temp.persist(&path) } else { self.temp.persist_noclobber(&path) };
        result.map_err(|e| plain(&e.error)).with_context(|| format!("cannot write `{}`", path.display()))?;
        Ok(())
    }
}

/// The OS error without tempfile's note of the temporary file's (random) name, which would only
/// confuse: the user named the target, not the temporary file.
fn plain(error: &std::io::Error) -> std::io::Error {
    error.raw_os_error().map_or_else(|| std::io::Error::from(error.kind()), std::io::Error::from_raw_os_error)
}
