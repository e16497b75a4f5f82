//! The `rehearse` binary: runs the library on this process's arguments and streams.

use std::io;
use std::process::ExitCode;

fn main() -> ExitCode {
    let exit = rehearse::run(std::env::args_os(), &mut io::stdout(), &mut io::stderr());
    ExitCode::from(exit.code())
}
