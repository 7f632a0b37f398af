//! `frontline serve` in a real browser: headless Chromium (Debian's /usr/bin/chromium) driven
//! by playwright-core (tests-browser/serve.test.mjs) against the real binary on a temporary
//! database (the seed article, the repository's example and a few JSONL articles, one of them
//! carrying markup). Checks markers, a filter, the timeline brush, an event panel with a
//! highlighted evidence span, escaping, the phone layout; saves screenshots to
//! target/browser-artifacts/ (and, with FRONTLINE_UPDATE_SCREENSHOT=1, the desktop one to
//! docs/serve.png for the README).
//!
//! Skips (passing, with the reason on stderr) when Chromium, node or tests-browser/node_modules
//! are missing; `.ci/browser-deps` installs them so CI really runs it.

mod serve_support;

use std::path::Path;
use std::process::Command;

use serve_support::*;

/// An article whose text carries markup: the page must show it as text.
const MARKUP_ARTICLE: &str = r#"{"id":"markup-1","source":"Markup Monitor","published":"2024-11-29","title":"Shelling in Idlib","text":"Shelling in Idlib\n\nIDLIB, Syria, Nov 29 (Markup Monitor) - Syrian army artillery shelled Sarmin in Idlib province on Friday, killing two civilians, residents said. A post shared online read <img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=1</script> before it was deleted."}
"#;

#[test]
fn page_in_headless_chromium() {
    let root = repo();
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let browser_dir = root.join("tests-browser");
    let skip = |why: &str| eprintln!("SKIP serve_browser: {why} (run .ci/browser-deps to install)");
    if !Path::new(&chromium).exists() {
        return skip(&format!("{chromium} not found"));
    }
    if !browser_dir.join("node_modules/playwright-core").exists() {
        return skip("tests-browser/node_modules/playwright-core not installed");
    }
    if Command::new("node").arg("--version").output().map(|o| !o.status.success()).unwrap_or(true) {
        return skip("node not found");
    }

    let (_dir, db) = fixture_copy("browser");
    let markup = db.with_file_name("markup.jsonl");
    std::fs::write(&markup, MARKUP_ARTICLE).unwrap();
    let out = Command::new(bin()).args(["ingest", "--quiet", "--db"]).arg(&db).arg(&markup).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    let server = Server::start(&db, &[]);
    let artifacts = root.join("target/browser-artifacts");
    std::fs::create_dir_all(&artifacts).unwrap();
    let status = Command::new("node")
        .current_dir(&browser_dir)
        .arg("serve.test.mjs")
        .arg(server.url(""))
        .arg(&artifacts)
        .env("CHROMIUM", &chromium)
        .status()
        .expect("run node");
    assert!(status.success(), "browser test failed; see the output above and {}", artifacts.join("failure.png").display());
    let shot = artifacts.join("serve.png");
    assert!(std::fs::metadata(&shot).map(|m| m.len() > 10_000).unwrap_or(false), "no screenshot");
    // The README's screenshot.
    // The README's screenshot is refreshed on request only: tests do not rewrite tracked files.
    if std::env::var_os("FRONTLINE_UPDATE_SCREENSHOT").is_some() {
        std::fs::copy(&shot, root.join("docs/serve.png")).unwrap();
    }
}
