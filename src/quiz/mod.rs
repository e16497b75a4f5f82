//! A practice session: choosing questions, asking them, timing them, and summing up.

pub mod feedback;
pub mod plan;
