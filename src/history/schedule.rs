//! Review scheduling in the style of FSRS (the Free Spaced Repetition Scheduler, version 5):
//! each question carries a memory *stability* (days until recall drops to 90%) and a *difficulty*
//! (1–10), updated by every answer's score; a question is due when its interval has passed.
//!
//! Why not the `fsrs` crate: see `docs/review.md` (it measures the crate's build cost). The
//! formulas and default weights below are FSRS-5's, so schedules match FSRS for the same grades:
//! - grade from score: below 40 Again (1), below 60 Hard (2), below 85 Good (3), else Easy (4);
//! - retrievability after `t` days: `R = (1 + F·t/S)^D` with `D = -0.5`, `F = 19/81` (so R = 0.9
//!   at t = S), and the next interval for 90% retention is `S` days;
//! - first answer: `S = w[G-1]`, `D = w4 - e^(w5·(G-1)) + 1`;
//! - later answers: difficulty moves by `-w6·(G-3)`, damped near 10 and reverted towards the
//!   easy default by `w7`; stability grows after a recall (more when it was hard to recall, less
//!   for a difficult question) and shrinks after a lapse.

use std::time::{Duration, SystemTime};

/// FSRS-5's default weights.
const W: [f64; 19] = [
    0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575, 0.1192, 1.01925, 1.9395,
    0.11, 0.29605, 2.2698, 0.2315, 2.9898, 0.51655, 0.6621,
];
const DECAY: f64 = -0.5;
const FACTOR: f64 = 19.0 / 81.0;
const DAY: f64 = 86_400.0;

/// How well a question was recalled, from its score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Grade {
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

impl Grade {
    pub fn from_score(score: u8) -> Grade {
        match score {
            0..40 => Grade::Again,
            40..60 => Grade::Hard,
            60..85 => Grade::Good,
            _ => Grade::Easy,
        }
    }

    fn value(self) -> f64 {
        f64::from(self as u8)
    }
}

/// What the schedule knows of one question.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Card {
    /// Days until recall probability falls to 90%.
    pub stability: f64,
    /// 1 (easy) to 10 (hard).
    pub difficulty: f64,
    pub last_review: SystemTime,
    pub last_score: u8,
    pub reviews: usize,
}

impl Card {
    /// The card after its first answer.
    pub fn first(at: SystemTime, score: u8) -> Card {
        let grade = Grade::from_score(score);
        Card {
            stability: W[grade as usize - 1],
            difficulty: initial_difficulty(grade),
            last_review: at,
            last_score: score,
            reviews: 1,
        }
    }

    /// The card after another answer at `at`.
    #[must_use]
    pub fn review(self, at: SystemTime, score: u8) -> Card {
        let grade = Grade::from_score(score);
        let days = days_between(self.last_review, at);
        let recall = retrievability(days, self.stability);
        let stability = if grade == Grade::Again {
            lapse_stability(self.difficulty, self.stability, recall).min(self.stability)
        } else {
            recall_stability(self.difficulty, self.stability, recall, grade)
        };
        Card {
            stability: stability.max(0.01),
            difficulty: next_difficulty(self.difficulty, grade),
            last_review: at.max(self.last_review),
            last_score: score,
            reviews: self.reviews + 1,
        }
    }

    /// When recall is expected to fall to 90%.
    pub fn due(&self) -> SystemTime {
        self.last_review + Duration::from_secs_f64(self.stability * DAY)
    }

    pub fn is_due(&self, now: SystemTime) -> bool {
        now >= self.due()
    }

    /// The probability of recalling the answer at `now`.
    pub fn retrievability(&self, now: SystemTime) -> f64 {
        retrievability(days_between(self.last_review, now), self.stability)
    }
}

/// The card of a question from its answers' `(time, score)`, oldest first; `None` if never answered.
pub fn card(answers: &[(SystemTime, u8)]) -> Option<Card> {
    let (first, rest) = answers.split_first()?;
    Some(rest.iter().fold(Card::first(first.0, first.1), |card, (at, score)| card.review(*at, *score)))
}

fn days_between(from: SystemTime, to: SystemTime) -> f64 {
    to.duration_since(from).map_or(0.0, |d| d.as_secs_f64() / DAY)
}

fn retrievability(days: f64, stability: f64) -> f64 {
    (1.0 + FACTOR * days / stability).powf(DECAY)
}

fn initial_difficulty(grade: Grade) -> f64 {
    (W[4] - (W[5] * (grade.value() - 1.0)).exp() + 1.0).clamp(1.0, 10.0)
}

fn next_difficulty(difficulty: f64, grade: Grade) -> f64 {
    let delta = -W[6] * (grade.value() - 3.0);
    let damped = difficulty + delta * (10.0 - difficulty) / 9.0;
    (W[7] * initial_difficulty(Grade::Easy) + (1.0 - W[7]) * damped).clamp(1.0, 10.0)
}

fn recall_stability(difficulty: f64, stability: f64, recall: f64, grade: Grade) -> f64 {
    let hard = if grade == Grade::Hard { W[15] } else { 1.0 };
    let easy = if grade == Grade::Easy { W[16] } else { 1.0 };
    let growth =
        W[8].exp() * (11.0 - difficulty) * stability.powf(-W[9]) * ((W[10] * (1.0 - recall)).exp() - 1.0);
    stability * (growth * hard * easy + 1.0)
}

fn lapse_stability(difficulty: f64, stability: f64, recall: f64) -> f64 {
    W[11] * difficulty.powf(-W[12]) * ((stability + 1.0).powf(W[13]) - 1.0) * (W[14] * (1.0 - recall)).exp()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(n: f64) -> SystemTime {
        SystemTime::UNIX_EPOCH + Duration::from_secs_f64(n * DAY)
    }

    #[test]
    fn scores_map_to_grades() {
        use Grade::{Again, Easy, Good, Hard};
        let grades: Vec<Grade> = [0, 39, 40, 59, 60, 84, 85, 100].map(Grade::from_score).to_vec();
        assert_eq!(grades, [Again, Again, Hard, Hard, Good, Good, Easy, Easy]);
    }

    #[test]
    fn a_first_answer_uses_fsrs_initial_values() {
        let card = Card::first(day(0.0), 70);
        assert!((card.stability - 3.173).abs() < 1e-9);
        assert!((card.difficulty - (7.1949 - 0.5345f64.mul_add(2.0, 0.0).exp() + 1.0)).abs() < 1e-9);
        assert!(!card.is_due(day(3.0)));
        assert!(card.is_due(day(3.2)));
    }

    #[test]
    fn recall_is_ninety_percent_after_stability_days() {
        let card = Card::first(day(0.0), 90);
        assert!((card.retrievability(card.due()) - 0.9).abs() < 1e-6);
        assert!((card.retrievability(day(0.0)) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn good_answers_stretch_the_interval_and_a_lapse_shrinks_it() {
        let first = Card::first(day(0.0), 70);
        let recalled = first.review(day(3.0), 70);
        assert!(recalled.stability > first.stability * 2.0, "{recalled:?}");
        let lapsed = recalled.review(day(20.0), 10);
        assert!(lapsed.stability < recalled.stability, "{lapsed:?}");
        assert!(lapsed.difficulty > recalled.difficulty, "a lapse makes the question harder");
        let easy = first.review(day(3.0), 95);
        assert!(easy.stability > recalled.stability, "easy grows more than good");
        assert!(easy.difficulty < recalled.difficulty);
    }

    #[test]
    fn difficulty_stays_in_range() {
        let mut card = Card::first(day(0.0), 0);
        for i in 1..50 {
            card = card.review(day(f64::from(i)), 0);
            assert!((1.0..=10.0).contains(&card.difficulty));
            assert!(card.stability > 0.0);
        }
        assert_eq!(card.reviews, 50);
    }

    #[test]
    fn a_card_folds_every_answer_in_order() {
        assert_eq!(card(&[]), None);
        let answers = [(day(0.0), 50), (day(1.0), 80), (day(5.0), 90)];
        let folded = card(&answers).unwrap();
        assert_eq!(folded, Card::first(day(0.0), 50).review(day(1.0), 80).review(day(5.0), 90));
        assert_eq!(folded.last_score, 90);
    }
}
