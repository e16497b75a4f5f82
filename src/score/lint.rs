//! Checks of a question's content that need the scorer: phrasings that can never match or that
//! match almost anything, phrasings that flag the question's own true statements, and hints that
//! give the answer away.

use super::lexicon::is_generic_stem;
use super::normalise::tokens;
use super::{Rubric, Verdict, Vocabulary};
use crate::bank::{Finding, Question};

/// A hint pasted alone as the answer must score at most this: it nudges, it does not answer.
pub const MAX_HINT_SCORE: u8 = 20;

/// Every finding about `question`'s phrasings and hint.
pub fn lint(question: &Question) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (i, point) in question.points.iter().enumerate() {
        let single =
            point.alternatives.len() == 1 && point.label.is_none() && point.about.is_none() && !point.bonus;
        for (j, alternative) in point.alternatives.iter().enumerate() {
            let below = if single { format!("points[{i}]") } else { format!("points[{i}].any[{j}]") };
            findings.extend(phrasing(alternative, &below));
        }
        for (j, word) in point.contrary.iter().enumerate() {
            // One generic word is what a contrary word is ("fine"); only function words never match.
            if tokens(word, false).words.is_empty() {
                findings.push(Finding {
                    below: format!("points[{i}].contrary[{j}]"),
                    message: format!(
                        "`{word}` is made only of function words, which the scorer drops from answers, so it never matches; write the verdict in a content word"
                    ),
                    warning: true,
                });
            }
        }
    }
    for (i, claim) in question.wrong.iter().enumerate() {
        for (j, alternative) in claim.alternatives.iter().enumerate() {
            let below = format!("wrong[{i}].any[{j}]");
            let finding = phrasing(alternative, &below).or_else(|| {
                (tokens(alternative, false).words.len() < 2).then(|| Finding {
                    below,
                    message: format!(
                        "`{alternative}` is one word once function words go; a wrong claim needs two to be a claim, so it is ignored"
                    ),
                    warning: true,
                })
            });
            findings.extend(finding);
        }
    }
    let rubric = Rubric::for_question(question, &Vocabulary::default());
    findings.extend(self_contradictions(question, &rubric));
    if let Some(hint) = &question.hint {
        let score = rubric.assess(hint).score;
        if score > MAX_HINT_SCORE {
            findings.push(Finding {
                below: "hint".into(),
                message: format!(
                    "the hint alone scores {score} (over {MAX_HINT_SCORE}): it gives the answer away; nudge instead"
                ),
                warning: true,
            });
        }
    }
    findings
}

/// The question's own true statements, each sentence of its model answer, its point labels and
/// its corrections, must not be flagged by its points or wrong claims: a phrasing that flags them
/// will flag correct answers too.
fn self_contradictions(question: &Question, rubric: &Rubric) -> Vec<Finding> {
    let sentences = question.answer.split_inclusive(['.', ';']).map(|s| ("answer".to_string(), s));
    let labels = question
        .points
        .iter()
        .enumerate()
        .filter_map(|(i, p)| Some((format!("points[{i}].label"), p.label.as_deref()?)));
    let corrections = question
        .wrong
        .iter()
        .enumerate()
        .map(|(i, w)| (format!("wrong[{i}].correction"), w.correction.as_str()));
    sentences
        .chain(labels)
        .chain(corrections)
        .filter_map(|(below, text)| {
            let assessment = rubric.assess(text);
            let flagged = assessment
                .with_verdict(Verdict::Contradicted)
                .map(|p| format!("contradicts `{}`", p.label))
                .chain(assessment.wrong.iter().map(|w| format!("states the wrong claim `{}`", w.label)))
                .collect::<Vec<_>>();
            (!flagged.is_empty()).then(|| Finding {
                below,
                message: format!(
                    "`{}` is true, but the question's own phrasings flag it: it {}; narrow them, or correct answers will be flagged too",
                    text.trim(),
                    flagged.join(", and it ")
                ),
                warning: true,
            })
        })
        .collect()
}

/// A phrasing with no matchable words is an error; one that comes down to a single generic or
/// function word is a warning.
fn phrasing(text: &str, below: &str) -> Option<Finding> {
    let content = tokens(text, false).words;
    let finding = |message: String, warning| Some(Finding { below: below.to_string(), message, warning });
    if content.is_empty() {
        if tokens(text, true).words.is_empty() {
            let message = "this phrasing has no words the scorer can match (only punctuation or words like \
                           `not`); write the idea in words";
            return finding(message.into(), false);
        }
        return finding(
            format!("`{text}` is made only of function words, which nearly every answer uses"),
            true,
        );
    }
    if let [word] = content.as_slice()
        && is_generic_stem(&word.stem)
    {
        return finding(
            format!(
                "`{text}` comes down to the one generic word `{}`, which nearly any answer uses; name the claim",
                word.word
            ),
            true,
        );
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::{Difficulty, Point};

    fn question(alternatives: &[&str], hint: &str) -> Question {
        Question {
            id: "q".into(),
            topic: "http".into(),
            difficulty: Difficulty::Easy,
            prompt: "Which methods are idempotent?".into(),
            answer: "GET, PUT and DELETE are idempotent; POST is not.".into(),
            points: vec![Point {
                alternatives: alternatives.iter().map(|a| (*a).to_string()).collect(),
                ..Point::term("x")
            }],
            hint: Some(hint.into()),
            contrast: Vec::new(),
            wrong: Vec::new(),
        }
    }

    fn found(alternatives: &[&str], hint: &str) -> Vec<(String, bool)> {
        lint(&question(alternatives, hint)).into_iter().map(|f| (f.below, f.warning)).collect()
    }

    #[test]
    fn contrary_words_made_only_of_function_words_are_warnings() {
        let mut q = question(&["removing a field"], "Think of old clients.");
        q.points[0].contrary = vec!["fine".into(), "it is".into()];
        let found: Vec<String> = lint(&q).into_iter().map(|f| f.below).collect();
        assert_eq!(found, ["points[0].contrary[1]"]);
    }

    #[test]
    fn phrasings_without_words_are_errors() {
        assert_eq!(found(&["!!!"], "Think of retries."), [("points[0]".into(), false)]);
        assert_eq!(found(&["idempotent", "not"], "Think of retries."), [("points[0].any[1]".into(), false)]);
    }

    #[test]
    fn phrasings_that_come_down_to_one_generic_word_are_warnings() {
        assert_eq!(found(&["the"], "Think of retries."), [("points[0]".into(), true)]);
        assert_eq!(
            found(&["idempotent", "each item"], "Think of retries."),
            [("points[0].any[1]".into(), true)]
        );
        assert_eq!(found(&["all the information"], "Think of retries."), [("points[0]".into(), true)]);
        assert_eq!(found(&["idempotent", "safe to retry"], "Think of retries."), []);
    }

    #[test]
    fn a_phrasing_that_flags_the_question_own_true_statements_is_a_warning() {
        let mut q = question(&["idempotent"], "Think of retries.");
        q.wrong = vec![crate::bank::WrongClaim {
            alternatives: vec!["PUT and DELETE are idempotent".into()],
            label: "Only GET is idempotent".into(),
            correction: "GET, PUT and DELETE are all idempotent.".into(),
        }];
        let found: Vec<String> = lint(&q).into_iter().filter(|f| f.warning).map(|f| f.below).collect();
        assert_eq!(found, ["answer", "wrong[0].correction"], "the model answer and the correction are true");
        q.wrong[0].alternatives = vec!["only GET is idempotent".into()];
        assert!(lint(&q).is_empty());
    }

    #[test]
    fn a_hint_that_answers_the_question_is_a_warning() {
        assert_eq!(found(&["idempotent"], "Idempotent methods, that is."), [("hint".into(), true)]);
    }
}
