//! Progress bars for long commands (`eval`, `validate`): on stderr in a terminal, else nothing.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A bar over `steps` steps, hidden when stderr is not a terminal or there are fewer than
/// `at_least` steps (quick enough to need none).
pub fn bar(steps: usize, at_least: usize, what: &str) -> ProgressBar {
    if steps < at_least {
        return ProgressBar::hidden();
    }
    // indicatif's stderr target draws nothing when stderr is not a terminal (piped, redirected).
    let bar = ProgressBar::with_draw_target(Some(steps as u64), ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template("{msg} {wide_bar} {pos}/{len}")
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar.set_message(what.to_string());
    bar
}
