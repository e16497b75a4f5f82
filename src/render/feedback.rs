//! Feedback on one answer as terminal text: score bar, covered, missed and contradicted points,
//! then the model answer.

use std::fmt::Write;

use console::style;

use super::{BAR_WIDTH, bar, indented, score_style};
use crate::bank::Question;
use crate::inert::inert;
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
    if let Some(other) = &assessment.answers_instead {
        let _ = writeln!(out, "{}", style("This reads as an answer to another question:").yellow().bold());
        let _ = writeln!(
            out,
            "{}",
            indented(&inert(&format!("{} ({})", other.prompt.trim(), other.id)), width, 2)
        );
    }
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
        out.push_str(&model_answer(question, width));
    }
    out
}

/// The model answer under its heading, indented and wrapped to `width`.
pub fn model_answer(question: &Question, width: usize) -> String {
    format!("{}\n{}\n", style("Model answer").bold(), indented(&question.answer, width.saturating_sub(2), 2))
}
