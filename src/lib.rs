//! rehearse: practise technical interview answers, scored by key-point coverage.
//!
//! The binary only calls [`run`]; everything else is a library: `bank` (questions), `score`
//! (the scorer), `quiz` (sessions), `eval` (agreement with human grades), `commands` (glue).

pub mod bank;
pub mod cli;
mod commands;
pub mod eval;
pub mod history;
pub mod quiz;
pub mod render;
pub mod report;
pub mod score;

pub use commands::{Outcome, run};
