//! A practice session: choosing questions, asking them, timing them, and scoring the answers.

pub mod answers;
pub mod editor;
pub mod interrupt;
pub mod pick;
pub mod picker;
pub mod plan;
pub mod script;
pub mod session;
pub mod terminal;
pub mod timer;
pub mod view;
