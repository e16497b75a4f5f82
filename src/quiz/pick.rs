//! Choosing questions with the history in mind: exactly the ids asked for, review order (due
//! first, then the weakest, then unseen), and a preference for questions not asked recently.

use std::collections::BTreeMap;
use std::time::SystemTime;

use super::plan::PlanError;
use crate::bank::{Bank, Question};
use crate::history::schedule::Card;

/// The questions with these ids, in this order (repeats dropped); an unknown id is an error.
pub fn by_ids<'a>(bank: &'a Bank, ids: &[String]) -> Result<Vec<&'a Question>, PlanError> {
    let mut chosen: Vec<&Question> = Vec::new();
    for id in ids {
        let question = bank.question(id).ok_or_else(|| PlanError::unknown_id(bank, id))?;
        if !chosen.iter().any(|q| q.id == question.id) {
            chosen.push(question);
        }
    }
    Ok(chosen)
}

/// Review order: questions due for review (the least likely to be recalled first), then the other
/// answered ones by their last score (weakest first), then those never answered, in the order given.
pub fn review_order<'a>(
    questions: Vec<&'a Question>,
    cards: &BTreeMap<String, Card>,
    now: SystemTime,
) -> Vec<&'a Question> {
    let mut ranked: Vec<(u8, f64, usize, &Question)> = questions
        .into_iter()
        .enumerate()
        .map(|(index, question)| match cards.get(&question.id) {
            Some(card) if card.is_due(now) => (0, card.retrievability(now), index, question),
            Some(card) => (1, f64::from(card.last_score), index, question),
            None => (2, 0.0, index, question),
        })
        .collect();
    ranked.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)).then(a.2.cmp(&b.2)));
    ranked.into_iter().map(|(_, _, _, q)| q).collect()
}

/// Questions never asked keep their (shuffled) order and come first; then those asked longest
/// ago. `ago` is how many sessions ago each question was last asked.
pub fn prefer_not_recent<'a>(
    mut questions: Vec<&'a Question>,
    ago: &BTreeMap<String, usize>,
) -> Vec<&'a Question> {
    questions.sort_by_key(|q| ago.get(&q.id).map_or((0, 0), |sessions| (1, usize::MAX - sessions)));
    questions
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::bank::{Difficulty, Point, Topic};

    fn bank() -> Bank {
        let question = |id: &str| Question {
            id: id.into(),
            topic: "http".into(),
            difficulty: Difficulty::Easy,
            prompt: id.into(),
            answer: "answer".into(),
            points: vec![Point::term("x")],
            contrast: Vec::new(),
            wrong: Vec::new(),
            hint: None,
        };
        Bank::new(
            vec![Topic { name: "http".into(), title: "HTTP".into() }],
            ["a", "b", "c", "d", "e"].map(question).to_vec(),
        )
    }

    fn ids(questions: &[&Question]) -> Vec<String> {
        questions.iter().map(|q| q.id.clone()).collect()
    }

    #[test]
    fn ids_are_asked_exactly_in_order() {
        let bank = bank();
        let chosen = by_ids(&bank, &["c".into(), "a".into(), "c".into()]).unwrap();
        assert_eq!(ids(&chosen), ["c", "a"]);
        let error = by_ids(&bank, &["zz".into()]).unwrap_err();
        assert_eq!(error.to_string(), "no question with id `zz`; run `rehearse list` to see the ids");
    }

    #[test]
    fn review_asks_due_then_weakest_then_unseen() {
        let bank = bank();
        let start = SystemTime::UNIX_EPOCH;
        let now = start + Duration::from_secs(2 * 86_400);
        let cards: BTreeMap<String, Card> = [
            ("a", Card::first(start, 95)), // easy: due in ~15 days
            ("b", Card::first(start, 10)), // again: due after ~0.4 days
            ("c", Card::first(start, 45)), // hard: due after ~1.2 days, recalled better than b
            ("d", Card::first(start, 70)), // good: due after ~3.2 days
        ]
        .into_iter()
        .map(|(id, card)| (id.to_string(), card))
        .collect();
        let order = review_order(bank.questions.iter().collect(), &cards, now);
        assert_eq!(ids(&order), ["b", "c", "d", "a", "e"]);
    }

    #[test]
    fn recently_asked_questions_go_last() {
        let bank = bank();
        let ago: BTreeMap<String, usize> =
            [("a", 0), ("b", 3), ("d", 1)].map(|(k, v)| (k.to_string(), v)).into();
        let order = prefer_not_recent(bank.questions.iter().collect(), &ago);
        assert_eq!(ids(&order), ["c", "e", "b", "d", "a"]);
    }
}
