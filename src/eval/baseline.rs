//! The baseline every claim about the scorer is compared with: naive stemmed overlap.

use std::collections::HashSet;

use crate::score::tokens;

/// The share of the reference's distinct content stems that the answer uses, square-rooted (the
/// reference point of `shared/asag/README.md`), 0–1.
pub fn naive_overlap(reference: &str, answer: &str) -> f64 {
    let stems = |text: &str| -> HashSet<String> {
        tokens(text, false).words.into_iter().map(|t| t.stem.into_string()).collect()
    };
    let (model, given) = (stems(reference), stems(answer));
    if model.is_empty() {
        return 0.0;
    }
    (model.intersection(&given).count() as f64 / model.len() as f64).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_is_the_rooted_share_of_reference_stems() {
        assert!(
            (naive_overlap("PUT replaces resources", "it replaced the resource") - (2.0f64 / 3.0).sqrt())
                .abs()
                < 1e-9
        );
        assert!(naive_overlap("", "anything").abs() < f64::EPSILON);
        assert!((naive_overlap("idempotent", "idempotent") - 1.0).abs() < f64::EPSILON);
    }
}
