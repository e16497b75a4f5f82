//! `score ID [ANSWER]`: scores one answer and prints the feedback, as text or JSON.

use std::io::{self, IsTerminal, Read, Write};

use anyhow::{Context, Result};

use super::{Exit, find_question};
use crate::bank::Bank;
use crate::cli::OutputFormat;
use crate::inert::{self, inert};
use crate::render::{feedback, terminal_width};
use crate::score::{Examiner, MAX_TEXT_BYTES};

pub fn run(
    bank: &Bank,
    id: &str,
    answer: Option<String>,
    format: OutputFormat,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Exit> {
    let question = find_question(bank, id)?;
    let answer = match answer {
        Some(answer) => answer,
        None => read_stdin(err)?,
    };
    // Control characters are shown inert in the feedback (the words scored are the same).
    let scored = inert::questions(&bank.questions);
    let shown = inert::question(question);
    let assessment = Examiner::new(&scored).assess(&shown, &inert(&answer));
    match format {
        OutputFormat::Json => {
            let json = serde_json::json!({
                "id": question.id,
                "score": assessment.score,
                "points": assessment.points,
                "wrong": assessment.wrong,
                "answers_instead": assessment.answers_instead,
            });
            writeln!(out, "{json}")?;
        }
        OutputFormat::Text => {
            out.write_all(feedback::render(&shown, &assessment, true, terminal_width()).as_bytes())?;
        }
    }
    Ok(Exit::Success)
}

/// The answer from standard input; bytes that are not UTF-8 are replaced, not fatal.
fn read_stdin(err: &mut dyn Write) -> Result<String> {
    let stdin = io::stdin();
    if stdin.is_terminal() {
        writeln!(err, "Type the answer, then Ctrl-D:")?;
    }
    let mut bytes = Vec::new();
    stdin
        .lock()
        .take(4 * MAX_TEXT_BYTES as u64)
        .read_to_end(&mut bytes)
        .context("cannot read the answer from standard input")?;
    // Nothing at all (`<&-` or an empty pipe) is a mistake; an empty answer is `score ID ""`.
    if bytes.is_empty() {
        anyhow::bail!(
            "no answer on standard input; pass the answer as an argument, or \"\" for an empty one"
        );
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
