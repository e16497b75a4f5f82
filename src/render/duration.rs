//! Durations as people read them: countdowns ("01:30"), summaries ("4m 05s") and exports (seconds).

use std::time::Duration;

/// `mm:ss`, or `h:mm:ss` from an hour; rounded up so "00:00" means time is up.
pub fn countdown(left: Duration) -> String {
    let secs = left.as_secs() + u64::from(left.subsec_nanos() > 0);
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 { format!("{h}:{m:02}:{s:02}") } else { format!("{m:02}:{s:02}") }
}

/// A short human duration for summaries: "4m 05s", "12s".
pub fn elapsed(duration: Duration) -> String {
    let secs = duration.as_secs();
    match (secs / 3600, secs / 60 % 60, secs % 60) {
        (0, 0, s) => format!("{s}s"),
        (0, m, s) => format!("{m}m {s:02}s"),
        (h, m, _) => format!("{h}h {m:02}m"),
    }
}

/// Seconds as a number rounded to milliseconds, for machine-readable exports (JSON, CSV): a
/// reader wants `12.5`, never serde's `{secs, nanos}`.
pub fn seconds(duration: Duration) -> f64 {
    (duration.as_secs_f64() * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countdowns_round_up() {
        assert_eq!(countdown(Duration::from_secs(120)), "02:00");
        assert_eq!(countdown(Duration::from_millis(400)), "00:01");
        assert_eq!(countdown(Duration::from_secs(3723)), "1:02:03");
    }

    #[test]
    fn elapsed_reads_naturally() {
        assert_eq!(elapsed(Duration::from_secs(12)), "12s");
        assert_eq!(elapsed(Duration::from_secs(245)), "4m 05s");
        assert_eq!(elapsed(Duration::from_secs(3900)), "1h 05m");
    }

    #[test]
    fn seconds_keep_milliseconds() {
        assert_eq!(seconds(Duration::from_millis(12_345)).to_string(), "12.345");
        assert_eq!(seconds(Duration::from_nanos(1_999_999)).to_string(), "0.002");
        assert_eq!(seconds(Duration::ZERO).to_string(), "0");
    }
}
