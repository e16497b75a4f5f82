//! Presentation, in one place: bars and colours, text widths, plurals, durations and "did you
//! mean" suggestions. Everything here is pure and takes the width as a parameter; only
//! [`terminal_width`] looks at the terminal, and only the command layer calls it.

pub mod duration;
pub mod feedback;
pub mod style;
pub mod suggest;

pub use duration::{countdown, elapsed, seconds};
pub use style::{BAR_WIDTH, bar, score_style, sparkline};
pub use suggest::did_you_mean;

/// The narrowest width text is wrapped to, so a tiny terminal still gets readable lines.
pub const MIN_WIDTH: usize = 20;
/// The widest: long lines are hard to read even on a wide terminal.
pub const MAX_WIDTH: usize = 80;

/// The width to wrap text to: the terminal's, clamped to 20–80 columns; 80 when not a terminal.
pub fn terminal_width() -> usize {
    console::Term::stdout()
        .size_checked()
        .map_or(MAX_WIDTH, |(_, columns)| usize::from(columns).clamp(MIN_WIDTH, MAX_WIDTH))
}

/// "1 file", "3 files".
pub fn plural(count: usize, noun: &str) -> String {
    if count == 1 { format!("1 {noun}") } else { format!("{count} {noun}s") }
}

/// `text` wrapped to `width` columns, each line indented by `indent` spaces (counted in the width).
pub fn indented(text: &str, width: usize, indent: usize) -> String {
    let pad = " ".repeat(indent);
    textwrap::indent(&textwrap::fill(text, width.saturating_sub(indent).max(MIN_WIDTH)), &pad)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_read_naturally() {
        assert_eq!(plural(0, "question"), "0 questions");
        assert_eq!(plural(1, "question"), "1 question");
        assert_eq!(plural(2, "topic"), "2 topics");
    }

    #[test]
    fn indented_text_stays_within_the_width() {
        let text = "one two three four five six seven eight nine ten eleven twelve";
        let out = indented(text, 30, 4);
        assert!(out.lines().all(|l| l.starts_with("    ") && l.chars().count() <= 30), "{out}");
    }
}
