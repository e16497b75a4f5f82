//! Feedback on one answer as terminal text: score bar, covered, missed and contradicted points.

use std::fmt::Write;

use console::{Style, style};

use crate::bank::Question;
use crate::score::{Assessment, Verdict};

/// Width of the score bar in cells.
const BAR_WIDTH: usize = 20;

/// The width to wrap text to: the terminal's, up to 80 columns.
pub fn text_width() -> usize {
    console::Term::stdout().size_checked().map_or(80, |(_, columns)| usize::from(columns).clamp(20, 80))
}

/// A bar of `score` (0–100) in `width` cells, coloured by how good it is.
pub fn bar(score: u8, width: usize) -> String {
    let filled = (usize::from(score) * width + 50) / 100;
    let colour = score_style(score);
    format!("{}{}", colour.apply_to("█".repeat(filled)), style("░".repeat(width - filled)).dim())
}

/// Green from 80, yellow from 50, red below.
pub fn score_style(score: u8) -> Style {
    match score {
        80.. => Style::new().green(),
        50..=79 => Style::new().yellow(),
        _ => Style::new().red(),
    }
}

/// The feedback block; `with_model_answer` appends the model answer.
pub fn render(question: &Question, assessment: &Assessment, with_model_answer: bool) -> String {
    let mut out = String::new();
    let score = assessment.score;
    let _ = writeln!(
        out,
        "Score {} {}",
        bar(score, BAR_WIDTH),
        score_style(score).bold().apply_to(format!("{score:>3}/100"))
    );
    for (verdict, mark, heading) in [
        (Verdict::Covered, style("✓").green(), "Covered"),
        (Verdict::Contradicted, style("✗").red(), "Contradicted"),
        (Verdict::Missed, style("·").yellow(), "Missed"),
    ] {
        let points: Vec<_> = assessment.with_verdict(verdict).collect();
        if points.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{}", style(heading).bold());
        for point in points {
            let _ = write!(out, "  {mark} {}", point.label);
            if !point.matched.is_empty() {
                let _ = write!(out, " {}", style(format!("(you wrote: {})", point.matched.join(" "))).dim());
            }
            let _ = writeln!(out);
        }
    }
    if with_model_answer {
        let _ = writeln!(out, "{}", style("Model answer").bold());
        let _ =
            writeln!(out, "{}", textwrap::indent(&textwrap::fill(&question.answer, text_width() - 4), "  "));
    }
    out
}
