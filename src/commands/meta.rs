//! `completions`, `man` and `schema`: rehearse described for shells, `man` and editors.

use std::io::Write;

use anyhow::Result;
use clap::CommandFactory;

use super::Exit;
use crate::bank;
use crate::cli::Cli;

pub fn completions(shell: clap_complete::Shell, out: &mut dyn Write) -> Result<Exit> {
    // Into a buffer first: the generator panics on a write error, such as a closed pipe.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "rehearse", &mut script);
    out.write_all(&script)?;
    Ok(Exit::Success)
}

pub fn man(out: &mut dyn Write) -> Result<Exit> {
    clap_mangen::Man::new(Cli::command()).render(out)?;
    Ok(Exit::Success)
}

pub fn schema(out: &mut dyn Write) -> Result<Exit> {
    writeln!(out, "{}", bank::schema_json())?;
    Ok(Exit::Success)
}
