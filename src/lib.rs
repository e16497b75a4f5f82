//! rehearse: practise technical interview answers, scored by key-point coverage.
//!
//! The binary only calls [`run`] with its arguments and streams; everything else is a library: `bank` (questions), `score`
//! (the scorer), `quiz` (sessions), `eval` (agreement with human grades), `commands` (glue).

pub mod bank;
pub(crate) mod cli;
mod commands;
pub mod eval;
pub(crate) mod history;
pub(crate) mod inert;
pub mod input;
pub(crate) mod quiz;
pub(crate) mod render;
pub(crate) mod report;
pub mod score;

pub use commands::{Exit, run};
