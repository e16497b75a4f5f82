//! `report [SESSION]` and `stats`: a recorded session's report again, and progress over sessions.

use std::io::Write;
use std::time::SystemTime;

use anyhow::Result;

use super::history::{find_session, load_sessions};
use super::output::Target;
use super::{Exit, report_format};
use crate::cli::{ReportArgs, StatsArgs, StatsFormat};
use crate::history::stats::stats;
use crate::render::terminal_width;
use crate::report::{Format, progress};

pub fn report(args: &ReportArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<Exit> {
    let target = args.output.as_deref().map(|path| Target::prepare(path, args.force)).transpose()?;
    let format = match &args.output {
        Some(path) => report_format(path, args.format).unwrap_or(Format::Text),
        None => args.format.map_or(Format::Text, Format::from),
    };
    let sessions = load_sessions(err)?;
    let session = find_session(&sessions, args.session.as_deref())?;
    let bytes = format.render(&session.report(), terminal_width());
    emit(target, &bytes, out)
}

pub fn stats_command(args: &StatsArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<Exit> {
    let target = args.output.as_deref().map(|path| Target::prepare(path, args.force)).transpose()?;
    let sessions = load_sessions(err)?;
    let stats = stats(&sessions, SystemTime::now());
    let bytes = match args.format {
        StatsFormat::Text => progress::text(&stats, terminal_width()).into_bytes(),
        StatsFormat::Json => progress::json(&stats),
        StatsFormat::Html => progress::html(&stats).into_bytes(),
    };
    emit(target, &bytes, out)
}

/// To the prepared file, else to standard output.
fn emit(target: Option<Target>, bytes: &[u8], out: &mut dyn Write) -> Result<Exit> {
    match target {
        Some(target) => target.write(bytes)?,
        None => out.write_all(bytes)?,
    }
    Ok(Exit::Success)
}
