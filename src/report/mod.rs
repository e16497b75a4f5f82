//! The session report: one model ([`Report`], built purely from a session's answers) and one
//! renderer per format, each a pure function from the report to bytes (like hyperfine's
//! `src/export/`): [`text`], [`markdown`], [`json`], [`csv`] and [`html`].

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
mod model;
pub mod progress;
pub mod text;

use std::path::Path;

pub(crate) use model::secs;
pub use model::{QuestionResult, Report, SessionInfo, TopicScore};

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// What the terminal shows, without colour.
    Text,
    Markdown,
    Json,
    Csv,
    Html,
}

impl Format {
    /// The format a file name asks for by its extension, if it names one.
    pub fn from_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match extension.as_str() {
            "txt" | "text" => Format::Text,
            "md" | "markdown" => Format::Markdown,
            "json" => Format::Json,
            "csv" => Format::Csv,
            "html" | "htm" => Format::Html,
            _ => return None,
        })
    }

    /// Renders `report` in this format; `width` is used by the formats that wrap text.
    pub fn render(self, report: &Report, width: usize) -> Vec<u8> {
        match self {
            Format::Text => {
                console::strip_ansi_codes(&text::render_full(report, width)).into_owned().into_bytes()
            }
            Format::Markdown => markdown::render(report).into_bytes(),
            Format::Json => json::render(report),
            Format::Csv => csv::render(report),
            Format::Html => html::render(report).into_bytes(),
        }
    }
}

#[cfg(test)]
pub(crate) mod fixture;
#[cfg(test)]
mod tests;
