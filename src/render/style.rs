//! Score bars, sparklines and the colour of a score.

use console::{Style, style};

/// Width of a score bar in cells, wherever one is drawn.
pub const BAR_WIDTH: usize = 20;

/// A bar of `score` (0–100) in `width` cells, coloured by how good it is.
pub fn bar(score: u8, width: usize) -> String {
    let filled = ((usize::from(score.min(100)) * width + 50) / 100).min(width);
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

/// A score (0–100, may be fractional) rounded for display.
pub fn rounded(score: f64) -> u8 {
    score.round().clamp(0.0, 100.0) as u8
}

/// " 73/100", coloured and bold.
pub fn score_label(score: f64) -> String {
    let rounded = rounded(score);
    score_style(rounded).bold().apply_to(format!("{rounded:>3}/100")).to_string()
}

/// Scores 0–100 as a line of eighth-blocks, one cell each ("▁▃▆█"): a trend at a glance.
pub fn sparkline(scores: &[f64]) -> String {
    const LEVELS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    scores.iter().map(|s| LEVELS[(usize::from(rounded(*s)) * (LEVELS.len() - 1) + 50) / 100]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_fill_in_proportion() {
        console::set_colors_enabled(false);
        assert_eq!(bar(0, 10), "░░░░░░░░░░");
        assert_eq!(bar(50, 10), "█████░░░░░");
        assert_eq!(bar(100, 4), "████");
        assert_eq!(bar(255, 4), "████", "out-of-range scores are capped");
    }

    #[test]
    fn sparklines_map_scores_to_eighths() {
        assert_eq!(sparkline(&[0.0, 50.0, 100.0]), "▁▅█");
        assert_eq!(sparkline(&[]), "");
    }

    #[test]
    fn colours_follow_thresholds() {
        for (score, expected) in
            [(100, Style::new().green()), (79, Style::new().yellow()), (49, Style::new().red())]
        {
            assert_eq!(score_style(score), expected);
        }
    }
}
