//! Ctrl-C outside the raw-mode prompt (while waiting for a piped line, or between questions):
//! the signal handler only raises a flag, which the answer sources check, so the session still
//! ends with its summary and exit code 130 instead of dying mid-output.

use std::sync::atomic::{AtomicBool, Ordering};

static REQUESTED: AtomicBool = AtomicBool::new(false);

/// Routes SIGINT to the flag for the rest of the process (a second install is a no-op).
pub fn install() {
    let _ = ctrlc::set_handler(|| REQUESTED.store(true, Ordering::SeqCst));
}

/// Whether Ctrl-C was pressed.
pub fn requested() -> bool {
    REQUESTED.load(Ordering::SeqCst)
}
