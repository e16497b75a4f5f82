//! Signals (Ctrl-C, `kill -INT/-TERM/-HUP/-QUIT`): a handler thread raises a flag that the answer
//! sources poll, so a session still ends with its summary, the terminal restored, and exit 130.
//! While a prompt blocks without polling (the topic picker), the handler restores the terminal
//! itself and exits 130 at once.

use std::io::Write;
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, Once};
use std::thread;

use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;

static GLOBAL: AtomicBool = AtomicBool::new(false);

/// The terminal settings (`stty -g`) to put back if a signal ends a blocking prompt.
static BLOCKING: Mutex<Option<String>> = Mutex::new(None);

/// A Ctrl-C flag: the process's own, or a private one for tests.
#[derive(Debug, Clone, Copy)]
pub struct Interrupt(&'static AtomicBool);

impl Interrupt {
    /// The flag that this process's signals raise.
    pub fn global() -> Interrupt {
        Interrupt(&GLOBAL)
    }

    /// A flag of its own, raised only by [`Interrupt::raise`] (for tests).
    #[cfg(test)]
    pub fn private() -> Interrupt {
        Interrupt(Box::leak(Box::new(AtomicBool::new(false))))
    }

    pub fn raise(self) {
        self.0.store(true, Ordering::SeqCst);
    }

    pub fn requested(self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

/// Routes SIGINT, SIGTERM, SIGHUP and SIGQUIT to the flag for the rest of the process.
pub fn install() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let Ok(mut signals) = Signals::new([SIGINT, SIGTERM, SIGHUP, SIGQUIT]) else {
            return;
        };
        thread::spawn(move || {
            for _ in signals.forever() {
                Interrupt::global().raise();
                let blocking = BLOCKING.lock().map(|b| b.clone()).unwrap_or_default();
                if let Some(settings) = blocking {
                    restore_and_exit(&settings);
                }
            }
        });
    });
}

/// Whether a signal asked the process to stop.
pub fn requested() -> bool {
    Interrupt::global().requested()
}

/// Runs `prompt`, a prompt that blocks on a key without polling the flag: a signal meanwhile
/// puts the terminal back as it was and exits 130 straight from the handler thread.
pub fn while_blocking<T>(prompt: impl FnOnce() -> T) -> T {
    let settings = saved_tty_settings();
    if let Ok(mut blocking) = BLOCKING.lock() {
        *blocking = Some(settings);
    }
    let result = prompt();
    if let Ok(mut blocking) = BLOCKING.lock() {
        *blocking = None;
    }
    result
}

/// `stty -g` of the terminal on stdin ("" when there is none).
fn saved_tty_settings() -> String {
    Command::new("stty")
        .arg("-g")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default()
}

fn restore_and_exit(settings: &str) -> ! {
    if !settings.is_empty() {
        let _ = Command::new("stty").arg(settings).status();
    }
    let _ = console::Term::stderr().show_cursor();
    let _ = writeln!(std::io::stderr());
    std::process::exit(130);
}
