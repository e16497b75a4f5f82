//! Time limits: an injectable clock, deadlines for a question and a session, and the countdown.

use std::time::{Duration, Instant};

/// The source of "now", injected so tests never sleep.
pub trait Clock {
    fn now(&self) -> Instant;
}

/// The real clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Instant {
        Instant::now()
    }
}

/// The time limits of a session.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Limits {
    pub session: Option<Duration>,
    pub per_question: Option<Duration>,
}

/// When a question must be answered by: the earlier of its own limit and the session's end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadline {
    pub at: Instant,
    /// The whole span the countdown started from, for colouring by the share left.
    pub span: Duration,
}

/// How close the end is, for the countdown's colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Urgency {
    Calm,
    Soon,
    Now,
}

impl Limits {
    /// The session's end, counted from its start.
    pub fn session_end(&self, started: Instant) -> Option<Instant> {
        self.session.and_then(|d| started.checked_add(d))
    }

    /// The deadline of a question asked at `now`, or `None` without limits.
    pub fn deadline(&self, now: Instant, session_end: Option<Instant>) -> Option<Deadline> {
        let own = self.per_question.and_then(|d| now.checked_add(d));
        let at = match (own, session_end) {
            (Some(a), Some(b)) => a.min(b),
            (a, b) => a.or(b)?,
        };
        Some(Deadline { at, span: at.saturating_duration_since(now) })
    }
}

impl Deadline {
    pub fn remaining(&self, now: Instant) -> Duration {
        self.at.saturating_duration_since(now)
    }

    pub fn passed(&self, now: Instant) -> bool {
        now >= self.at
    }

    /// Yellow in the last quarter (or 30 s), red in the last tenth (or 10 s).
    pub fn urgency(&self, now: Instant) -> Urgency {
        let left = self.remaining(now);
        if left <= Duration::from_secs(10).min(self.span / 4) || left <= self.span / 10 {
            Urgency::Now
        } else if left <= Duration::from_secs(30).max(self.span / 4) {
            Urgency::Soon
        } else {
            Urgency::Calm
        }
    }
}

#[cfg(test)]
pub mod tests {
    use std::cell::Cell;
    use std::sync::LazyLock;

    use super::*;
    use crate::render::countdown;

    /// Where every fake clock starts.
    static EPOCH: LazyLock<Instant> = LazyLock::new(Instant::now);

    /// A clock that only moves when told to.
    #[derive(Default)]
    pub struct FakeClock {
        offset: Cell<Duration>,
    }

    impl FakeClock {
        pub fn advance(&self, by: Duration) {
            self.offset.set(self.offset.get() + by);
        }
    }

    impl Clock for FakeClock {
        fn now(&self) -> Instant {
            *EPOCH + self.offset.get()
        }
    }

    #[test]
    fn a_question_deadline_is_the_earlier_of_both_limits() {
        let clock = FakeClock::default();
        let limits =
            Limits { session: Some(Duration::from_secs(100)), per_question: Some(Duration::from_secs(30)) };
        let end = limits.session_end(clock.now());
        assert_eq!(limits.deadline(clock.now(), end).unwrap().span, Duration::from_secs(30));
        clock.advance(Duration::from_secs(90));
        let late = limits.deadline(clock.now(), end).unwrap();
        assert_eq!(late.span, Duration::from_secs(10));
        clock.advance(Duration::from_secs(10));
        assert!(late.passed(clock.now()));
        assert_eq!(Limits::default().deadline(clock.now(), None), None);
    }

    #[test]
    fn the_countdown_turns_yellow_then_red() {
        let clock = FakeClock::default();
        let deadline = Limits { per_question: Some(Duration::from_secs(120)), session: None }
            .deadline(clock.now(), None)
            .unwrap();
        let mut seen = Vec::new();
        for _ in 0..120 {
            seen.push((countdown(deadline.remaining(clock.now())), deadline.urgency(clock.now())));
            clock.advance(Duration::from_secs(1));
        }
        assert_eq!(seen[0], ("02:00".to_string(), Urgency::Calm));
        assert_eq!(seen[90], ("00:30".to_string(), Urgency::Soon));
        assert_eq!(seen[111], ("00:09".to_string(), Urgency::Now));
    }
}
