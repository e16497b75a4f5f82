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
        // A bonus point is depth beyond a good answer: shown when covered, never as missed.
        let points: Vec<_> =
            assessment.with_verdict(verdict).filter(|p| !(p.bonus && verdict == Verdict::Missed)).collect();
        if points.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{}", style(heading).bold());
        for point in points {
            let bonus = if point.bonus { " (bonus)" } else { "" };
            let _ = write!(out, "  {mark} {}{bonus}", point.label);
            let evidence = match (&point.said_of, &point.about) {
                (Some(rival), Some(about)) => format!("(you said this of {rival}; it holds for {about})"),
                _ if point.matched.is_empty() => String::new(),
                _ => format!("(you wrote: {})", point.matched.join(" ")),
            };
            if !evidence.is_empty() {
                let _ = write!(out, " {}", style(evidence).dim());
            }
            let _ = writeln!(out);
        }
    }
    if !assessment.wrong.is_empty() {
        let _ = writeln!(out, "{}", style("Wrong").bold());
        for claim in &assessment.wrong {
            let _ = writeln!(
                out,
                "  {} {} {}",
                style("✗").red(),
                claim.label,
                style(format!("(you wrote: {})", claim.matched.join(" "))).dim()
            );
            let _ = writeln!(out, "    {}", claim.correction);
        }
    }
    if with_model_answer {
        let _ = writeln!(out, "{}", style("Model answer").bold());
        let _ =
            writeln!(out, "{}", textwrap::indent(&textwrap::fill(&question.answer, text_width() - 4), "  "));
    }
    out
}
