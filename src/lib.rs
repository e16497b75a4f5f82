//! rehearse: practise technical interview answers, scored by key-point coverage.
//!
//! The binary only calls [`run`]; everything else is a library: `bank` (questions), `score`
//! (the scorer), `quiz` (sessions), `eval` (agreement with human grades), `commands` (glue).

pub mod bank;
pub mod cli;
mod commands;
pub mod eval;
pub mod input;
pub mod quiz;
pub mod report;
pub mod score;
pub mod suggest;

pub use commands::{Outcome, run};
