//! "Did you mean …?" suggestions for mistyped names (fields, topics, question ids, sessions).

/// Names longer than this get no suggestion: ids and field names are short, and comparing a
/// 100,000-character name with every id of a large bank would take minutes.
const MAX_NAME_CHARS: usize = 100;

/// The candidate closest to `name`, when it is close enough to be a likely typo.
pub fn closest<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    if name.len() > 4 * MAX_NAME_CHARS || name.chars().count() > MAX_NAME_CHARS {
        return None;
    }
    candidates
        .iter()
        .map(|c| (strsim::jaro_winkler(name, c), *c))
        .filter(|(similarity, _)| *similarity >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// " (did you mean `x`?)" for the closest candidate, or nothing: appended to an error message.
pub fn did_you_mean(name: &str, candidates: &[&str]) -> String {
    closest(name, candidates).map_or_else(String::new, |c| format!(" (did you mean `{c}`?)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_only_close_names() {
        let names = ["answer", "prompt", "points"];
        assert_eq!(closest("answr", &names), Some("answer"));
        assert_eq!(closest("pionts", &names), Some("points"));
        assert_eq!(closest("zebra", &names), None);
        assert_eq!(closest(&"answer".repeat(20), &names), None, "long names get no suggestion");
        assert_eq!(did_you_mean("answr", &names), " (did you mean `answer`?)");
        assert_eq!(did_you_mean("zebra", &names), "");
    }
}
