//! The topic picker shown by a bare `quiz` at a terminal: every topic preselected, Enter starts.

use std::io;

use console::Term;
use dialoguer::MultiSelect;
use dialoguer::theme::ColorfulTheme;

use super::interrupt;
use crate::bank::Bank;
use crate::inert::inert_line;

/// How the picker ended without a choice.
#[derive(Debug, thiserror::Error)]
pub enum PickError {
    /// Esc, `q` or Ctrl-C: the candidate changed their mind (exit 130, quietly).
    #[error("no topic chosen")]
    Cancelled,
    #[error("no topic chosen; pick at least one with space, or pass --topic")]
    NoneChosen,
    #[error("cannot show the topic menu")]
    Terminal(#[source] io::Error),
}

/// The topics to ask about, chosen on `term` (the terminal on stderr, so a redirected stdout does
/// not swallow the menu). A bank with a single topic needs no choice.
pub fn pick_topics(bank: &Bank, term: &Term) -> Result<Vec<String>, PickError> {
    let names = bank.topic_names();
    if names.len() <= 1 {
        return Ok(Vec::new());
    }
    let labels: Vec<String> =
        bank.topics.iter().map(|t| format!("{} — {}", inert_line(&t.name), inert_line(&t.title))).collect();
    let chosen = interrupt::while_blocking(|| {
        MultiSelect::with_theme(&ColorfulTheme::default())
            .with_prompt("Topics (space toggles, Enter starts, Esc quits)")
            .items(&labels)
            .defaults(&vec![true; labels.len()])
            // The theme's own confirmation line lists every label and wraps mid-word: ours is short.
            .report(false)
            .interact_on_opt(term)
    });
    match chosen {
        Ok(Some(indices)) if !indices.is_empty() => {
            Ok(indices.into_iter().map(|i| names[i].to_string()).collect())
        }
        Ok(Some(_)) => Err(PickError::NoneChosen),
        Ok(None) => Err(PickError::Cancelled),
        Err(dialoguer::Error::IO(error)) if error.kind() == io::ErrorKind::Interrupted => {
            Err(PickError::Cancelled)
        }
        Err(dialoguer::Error::IO(error)) => Err(PickError::Terminal(error)),
    }
}

/// The line that confirms the choice, wrapped at whole words to `width`.
pub fn confirmation(topics: &[String], width: usize) -> String {
    textwrap::fill(
        &format!("Topics: {}", topics.iter().map(|t| inert_line(t)).collect::<Vec<_>>().join(", ")),
        width,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_confirmation_wraps_at_whole_words() {
        let topics: Vec<String> =
            ["fundamentals", "http", "security", "design", "troubleshooting"].map(String::from).to_vec();
        let text = confirmation(&topics, 30);
        assert_eq!(text, "Topics: fundamentals,\nhttp, security, design,\ntroubleshooting");
    }

    #[test]
    fn a_single_topic_needs_no_picker() {
        let bank =
            Bank::new(vec![crate::bank::Topic { name: "only".into(), title: "Only".into() }], Vec::new());
        assert_eq!(pick_topics(&bank, &Term::stderr()).unwrap(), Vec::<String>::new());
    }
}
