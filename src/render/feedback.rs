//! Feedback on one answer as terminal text: score bar, covered, missed and contradicted points,
//! then the model answer.

use std::fmt::Write;

use console::style;

use super::{BAR_WIDTH, bar, indented, score_style};
use crate::bank::Question;
use crate::score::{Assessment, Verdict};

/// The feedback block, wrapped to `width`; `with_model_answer` appends the model answer.
pub fn render(question: &Question, assessment: &Assessment, with_model_answer: bool, width: usize) -> String {
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
        out.push_str(&model_answer(question, width));
    }
    out
}

/// The model answer under its heading, indented and wrapped to `width`.
pub fn model_answer(question: &Question, width: usize) -> String {
    format!("{}\n{}\n", style("Model answer").bold(), indented(&question.answer, width.saturating_sub(2), 2))
}
