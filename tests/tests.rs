//! The integration tests, one binary (as ripgrep's): `util` spawns the binary, one module per area.

mod util;

mod bank_cli;
mod bank_coverage;
mod bank_quality;
mod browser;
mod claims;
mod errors_doc;
mod hostile;
mod in_process;
mod meta;
mod props;
mod pty;
mod quiz_cli;
mod report_cli;
mod score_cli;
mod scoring;
mod session;
