//! A practice session: choosing questions, asking them, timing them, and scoring the answers.

pub mod interrupt;
pub mod pick;
pub mod plan;
pub mod script;
pub mod session;
pub mod terminal;
pub mod timer;
