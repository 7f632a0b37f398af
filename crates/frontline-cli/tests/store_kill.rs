//! `frontline ingest` killed with SIGKILL mid-run and re-run loses nothing and duplicates
//! nothing: the database ends equal to that of an uninterrupted run. No timing assertions.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use frontline_store::{Filter, Store};

const N: usize = 800;

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_frontline")
}

fn tmpdir(tag: &str) -> PathBuf {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
    let d = std::env::temp_dir().join(format!("frontline-{tag}-{}-{nanos}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn ingest(db: &Path, corpus: &Path) -> std::process::Output {
    Command::new(bin())
        .args(["ingest", "--quiet", "--batch", "16", "--db"])
        .arg(db)
        .arg(corpus)
        .output()
        .unwrap()
}

fn snapshot(db: &Path) -> (frontline_store::Stats, Vec<String>) {
    let s = Store::open(db).unwrap();
    let evs = s
        .events(&Filter::default(), true)
        .unwrap()
        .into_iter()
        .map(|mut e| {
            e.timestamp = 0;
            serde_json::to_string(&e).unwrap()
        })
        .collect();
    (s.stats().unwrap(), evs)
}

#[test]
fn kill_9_mid_ingest_then_rerun_equals_uninterrupted() {
    let dir = tmpdir("kill");
    let corpus = dir.join("corpus.jsonl");
    frontline_store::synth::write_corpus(&corpus, N).unwrap();

    let reference = dir.join("ref.db");
    let out = ingest(&reference, &corpus);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let want = snapshot(&reference);
    assert_eq!(want.0.articles, N as u64);

    let db = dir.join("killed.db");
    Store::open(&db).unwrap();
    let mut child = Command::new(bin())
        .args(["ingest", "--quiet", "--batch", "16", "--db"])
        .arg(&db)
        .arg(&corpus)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break; // finished before we could kill it: the checks below still hold
        }
        let n = Store::open_read_only(&db).and_then(|s| s.stats()).map(|s| s.articles).unwrap_or(0);
        if n >= 32 || start.elapsed() > Duration::from_secs(900) {
            child.kill().unwrap(); // SIGKILL
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    child.wait().unwrap();
    let partial = snapshot(&db).0.articles;
    assert!(partial <= N as u64);

    let out = ingest(&db, &corpus);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(snapshot(&db), want, "killed at {partial} articles, re-run must equal an uninterrupted run");

    // A third run is a no-op.
    let out = ingest(&db, &corpus);
    assert!(out.status.success());
    assert_eq!(snapshot(&db), want);
    let _ = std::fs::remove_dir_all(&dir);
}
