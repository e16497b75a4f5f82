//! The HTML report in a real browser: headless Chromium renders a generated report, and the
//! rendered page must have the chart, the topic rows and an answer's `<script>` as text.
//! Skips, saying so on the terminal, when no Chromium is installed (`.ci/run` installs Debian's).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::util::{finish, rehearse};

/// The Chromium binary: `$REHEARSE_CHROMIUM`, else the first of the usual names on `PATH`.
fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("REHEARSE_CHROMIUM") {
        return Some(path.into());
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| ["chromium", "chromium-browser", "google-chrome"].map(|name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// Runs headless Chromium on `page` with `args`; returns its stdout.
fn headless(chromium: &Path, profile: &Path, args: &[&str], page: &Path) -> String {
    let mut cmd = assert_cmd::Command::new(chromium);
    cmd.args(["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .timeout(Duration::from_secs(120));
    let output = cmd.output().expect("chromium runs");
    assert!(output.status.success(), "chromium failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn the_html_report_renders_in_headless_chromium() {
    let Some(chromium) = chromium() else {
        // Straight to stderr, past the test harness's capture, so the skip is seen.
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED the_html_report_renders_in_headless_chromium: no Chromium found \
             (install Debian's `chromium`, or set REHEARSE_CHROMIUM)"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    let run = finish(
        rehearse()
            .env("REHEARSE_HOME", dir.path())
            .args(["quiz", "-t", "http,security", "-n", "4", "--seed", "3", "-o", page.to_str().unwrap()])
            .write_stdin("<script>alert('owned')</script> PUT replaces\n\nGET HEAD OPTIONS are safe\n"),
    );
    assert_eq!(run.code, Some(0), "{run:#?}");
    let profile = dir.path().join("profile");
    let dom = headless(&chromium, &profile, &["--dump-dom"], &page);
    assert!(dom.contains("<svg id=\"topic-chart\""), "no chart in the rendered page:\n{dom}");
    assert!(dom.matches("class=\"topic-bar\"").count() >= 1, "{dom}");
    assert!(dom.contains("class=\"topic-row\""), "no topic rows:\n{dom}");
    assert!(dom.contains("&lt;script&gt;alert('owned')&lt;/script&gt;"), "the answer is not text:\n{dom}");
    assert!(!dom.contains("<script"), "a script element made it into the page:\n{dom}");
    let shot = dir.path().join("report.png");
    headless(
        &chromium,
        &profile,
        &[&format!("--screenshot={}", shot.display()), "--window-size=412,900"],
        &page,
    );
    let png = std::fs::read(&shot).expect("a screenshot was written");
    assert!(png.starts_with(b"\x89PNG") && png.len() > 1000, "not a picture: {} bytes", png.len());
}
