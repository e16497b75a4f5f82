//! `quiz`: the practice session.

use anyhow::Result;

use super::Outcome;
use crate::bank::Bank;
use crate::cli::{Global, QuizArgs};

pub fn run(_bank: &Bank, _global: &Global, _args: &QuizArgs) -> Result<Outcome> {
    anyhow::bail!("the quiz is not built yet")
}
