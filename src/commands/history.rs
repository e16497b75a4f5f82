//! The history at the command layer: finding it, warning about damaged lines, and appending
//! without ever stopping a session over a history problem.

use std::collections::BTreeMap;
use std::io::Write;

use anyhow::{Result, bail};

use crate::history::{Entry, History, Loaded, Recorded, stats};

/// The history of the running session: what was read, and where new lines go.
pub struct HistoryLog {
    history: History,
    pub sessions: Vec<Recorded>,
    /// Set after the first failed append: one warning, then the session goes on unrecorded.
    failed: bool,
    /// The warning of a failed append, for the caller to print (the session holds stdout).
    pub warning: Option<String>,
}

impl HistoryLog {
    pub fn append(&mut self, entry: &Entry) {
        if self.failed {
            return;
        }
        if let Err(error) = self.history.append(entry) {
            self.warning = Some(format!("warning: {error}; this session is not being recorded"));
            self.failed = true;
        }
    }
}

/// The user's history, read; problems become warnings on `err` and the session goes on without it.
pub fn open_history(err: &mut dyn Write) -> Option<HistoryLog> {
    let history = History::locate().map_err(|e| writeln!(err, "warning: {e}")).ok()?;
    let loaded = match history.load() {
        Ok(loaded) => loaded,
        Err(e) => {
            let _ = writeln!(err, "warning: {e}; this session is not being recorded");
            return None;
        }
    };
    report_damage(&history, &loaded, err);
    Some(HistoryLog { history, sessions: loaded.sessions, failed: false, warning: None })
}

/// The user's recorded sessions, for `report`, `stats` and `topics`; damaged lines are warned about.
pub fn load_sessions(err: &mut dyn Write) -> Result<Vec<Recorded>> {
    let history = History::locate()?;
    let loaded = history.load()?;
    report_damage(&history, &loaded, err);
    Ok(loaded.sessions)
}

fn report_damage(history: &History, loaded: &Loaded, err: &mut dyn Write) {
    for damage in &loaded.damaged {
        let _ = writeln!(
            err,
            "warning: {}:{}: damaged line skipped ({})",
            history.path().display(),
            damage.line,
            damage.message
        );
    }
}

/// The candidate's average per topic from the history; empty when there is none (or it cannot be
/// read: `topics` is about the bank and must work without a history).
pub fn topic_averages(err: &mut dyn Write) -> BTreeMap<String, f64> {
    load_sessions(err).map(|s| stats::topic_averages(&s)).unwrap_or_default()
}

/// The session `which` names: none or `-1` for the last, `-N` for the N-th last, else a session id
/// or the start of one.
pub fn find_session<'a>(sessions: &'a [Recorded], which: Option<&str>) -> Result<&'a Recorded> {
    if sessions.is_empty() {
        bail!("no recorded sessions yet; run `rehearse quiz` first");
    }
    let which = which.unwrap_or("-1");
    if let Some(back) = which.strip_prefix('-') {
        let Ok(back) = back.parse::<usize>() else {
            bail!("`{which}` is not a session; use -1 for the last session, -2 for the one before, or an id");
        };
        if back == 0 || back > sessions.len() {
            bail!("there are {} recorded sessions; `{which}` is out of range", sessions.len());
        }
        return Ok(&sessions[sessions.len() - back]);
    }
    let matches: Vec<&Recorded> = sessions.iter().filter(|s| s.info.id.starts_with(which)).collect();
    match matches.as_slice() {
        [one] => Ok(one),
        [] => {
            let ids: Vec<&str> = sessions.iter().map(|s| s.info.id.as_str()).collect();
            bail!(
                "no recorded session `{which}`{}; `rehearse stats` counts them, `rehearse report -1` shows the last",
                crate::render::did_you_mean(which, &ids)
            )
        }
        many => bail!("`{which}` matches {} sessions; give more of the id", many.len()),
    }
}
