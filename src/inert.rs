//! Text from banks, answers files and typed answers made inert for a terminal: control characters
//! (ESC, BEL, CR, …) are shown as visible symbols instead of being obeyed, whatever `--color` says.

use std::borrow::Cow;

use crate::bank::{Point, Question};

/// `text` with every control character but newline and tab replaced by a visible stand-in.
pub fn inert(text: &str) -> String {
    replace(text, |c| c == '\n' || c == '\t').into_owned()
}

/// `text` for one line (ids, topics, an echoed answer): newlines and tabs are shown too.
pub fn inert_line(text: &str) -> String {
    replace(text, |_| false).into_owned()
}

fn replace(text: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(|c| c.is_control() && !keep(c)) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(|c| if c.is_control() && !keep(c) { stand_in(c) } else { c }).collect())
}

/// The Unicode control picture of a C0 character or DEL (␛ for ESC), else the replacement mark.
fn stand_in(c: char) -> char {
    match u32::from(c) {
        code @ 0..=0x1f => char::from_u32(0x2400 + code).unwrap_or('\u{fffd}'),
        0x7f => '\u{2421}',
        _ => '\u{fffd}',
    }
}

/// Inert copies of a bank's questions (see [`question`]).
pub fn questions(questions: &[Question]) -> Vec<Question> {
    questions.iter().map(question).collect()
}

/// A copy of `question` whose shown text is inert (scoring reads the same words).
pub fn question(question: &Question) -> Question {
    let mut q = question.clone();
    q.id = inert_line(&q.id);
    q.topic = inert_line(&q.topic);
    q.prompt = inert(&q.prompt);
    q.answer = inert(&q.answer);
    q.hint = q.hint.as_deref().map(inert);
    q.points = q.points.iter().map(point).collect();
    for contrast in &mut q.contrast {
        contrast.name = inert_line(&contrast.name);
    }
    for wrong in &mut q.wrong {
        wrong.label = inert_line(&wrong.label);
        wrong.correction = inert(&wrong.correction);
    }
    q
}

fn point(point: &Point) -> Point {
    Point {
        alternatives: point.alternatives.iter().map(|a| inert_line(a)).collect(),
        label: point.label.as_deref().map(inert_line),
        ..point.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_become_visible() {
        assert_eq!(
            inert("a\u{1b}[2J\u{7}b\rc\u{7f}\u{9b}"),
            "a\u{241b}[2J\u{2407}b\u{240d}c\u{2421}\u{fffd}"
        );
        assert_eq!(inert("two\nlines\tok"), "two\nlines\tok");
        assert_eq!(inert_line("two\nlines"), "two\u{240a}lines");
        assert!(matches!(replace("plain", |_| false), Cow::Borrowed(_)));
    }
}
