//! Crash safety at the library level: an ingest in a child process (this test binary, re-run
//! with FRONTLINE_CRASH_CHILD set) is killed with SIGKILL once some batches are committed; a
//! second run completes it, and the database equals that of an uninterrupted run — nothing
//! lost, nothing duplicated. No timing assertions: the kill happens whenever the child has
//! committed something (or never, if it finishes first; the checks hold either way).

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use frontline_store::{Filter, IngestOptions, Store};

const SYNTH: usize = 600;
/// Bridged battles (tests/bridge/kabkabiya.jsonl, one a week): merges happen throughout.
const BRIDGES: usize = 20;
const N: usize = SYNTH + 3 * BRIDGES;

/// The synthetic corpus with, after every 10 of its articles, one report of a weekly battle
/// (Radio Dabanga's, Sudan Tribune's, AFP's, in turn): each third report bridges two events.
fn write_corpus(path: &std::path::Path) {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/bridge/kabkabiya.jsonl");
    let text = std::fs::read_to_string(dir).unwrap();
    let reports: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let mut bridge = Vec::new();
    for k in 0..BRIDGES {
        let monday = jiff::civil::date(2024, 1, 1) + jiff::Span::new().days(7 * k as i64);
        for (j, r) in reports.iter().enumerate() {
            let mut v = r.clone();
            v["id"] = format!("{}-week{k}", r["id"].as_str().unwrap()).into();
            v["published"] = (monday + jiff::Span::new().days(j as i64 / 2)).to_string().into();
            v["text"] = format!("{} (Week {k}.)", r["text"].as_str().unwrap()).into();
            bridge.push(v.to_string());
        }
    }
    let mut out = String::new();
    for i in 0..SYNTH {
        out.push_str(&frontline_store::synth::article(i));
        out.push('\n');
        if i % 10 == 9 && (i / 10) < bridge.len() {
            out.push_str(&bridge[i / 10]);
            out.push('\n');
        }
    }
    std::fs::write(path, out).unwrap();
}

fn opts() -> IngestOptions {
    IngestOptions { batch_size: 10, ..Default::default() }
}

fn snapshot(s: &Store) -> (frontline_store::Stats, Vec<String>) {
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
fn crash_child() {
    // Only does something when spawned by `killed_ingest_resumes_without_loss_or_duplicates`.
    let (Ok(db), Ok(corpus)) = (std::env::var("FRONTLINE_CRASH_DB"), std::env::var("FRONTLINE_CRASH_CORPUS")) else { return };
    let mut s = Store::open(db).unwrap();
    s.ingest_paths(&[corpus], &opts(), &mut |_| {}).unwrap();
}

#[test]
fn killed_ingest_resumes_without_loss_or_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    write_corpus(&corpus);
    let corpus_s = corpus.to_string_lossy().into_owned();

    // Reference: uninterrupted.
    let mut reference = Store::open(dir.path().join("ref.db")).unwrap();
    reference.ingest_paths(&[corpus_s.clone()], &opts(), &mut |_| {}).unwrap();
    let want = snapshot(&reference);
    assert_eq!(want.0.articles, N as u64);
    let merged: i64 = reference.connection().query_row("SELECT count(*) FROM cluster_aliases", [], |r| r.get(0)).unwrap();
    assert!(merged >= BRIDGES as i64 / 2, "bridging is exercised: {merged} merges");

    for round in 0..2 {
        let db = dir.path().join(format!("crash{round}.db"));
        Store::open(&db).unwrap(); // create + migrate before the child starts
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "crash_child", "--nocapture", "--test-threads=1"])
            .env("FRONTLINE_CRASH_DB", &db)
            .env("FRONTLINE_CRASH_CORPUS", &corpus)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Wait until something is committed (round 0) or a good part (round 1), then kill -9.
        let target = if round == 0 { 1 } else { N as i64 / 3 };
        let start = Instant::now();
        loop {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            let n: i64 = rusqlite::Connection::open(&db)
                .and_then(|c| c.query_row("SELECT count(*) FROM articles", [], |r| r.get(0)))
                .unwrap_or(0);
            if n >= target || start.elapsed() > Duration::from_secs(600) {
                child.kill().unwrap(); // SIGKILL
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        child.wait().unwrap();

        let mut s = Store::open(&db).unwrap();
        let partial = s.stats().unwrap().articles;
        assert!(partial <= N as u64);
        let r = s.ingest_paths(&[corpus_s.clone()], &opts(), &mut |_| {}).unwrap();
        assert_eq!(r.unchanged, partial, "what was committed is skipped");
        assert_eq!(r.stored + partial, N as u64, "what was not committed is redone");
        assert_eq!(snapshot(&s), want, "same database as an uninterrupted run (round {round})");
    }
}
