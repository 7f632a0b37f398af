//! Resolution output is pinned: the canonical events (with members, claims and rules) of the
//! fixtures and of a synthetic corpus equal the golden files written by the per-report
//! implementation (before batching/deferred cluster writes), for several batch sizes.
//! Regenerate (only for an intended change of resolution) with FRONTLINE_BLESS=1.

use std::path::PathBuf;

use frontline_store::{IngestOptions, Store};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

mod common;

fn snapshot(s: &Store) -> String {
    common::snapshot(s, true)
}

fn check(name: &str, sources: &[String]) {
    // Not under tests/fixtures: the CLI tests ingest that directory.
    let golden = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(name);
    let mut got = Vec::new();
    for batch in [1usize, 7, 500] {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::open(dir.path().join("g.db")).unwrap();
        let opts = IngestOptions { batch_size: batch, ..Default::default() };
        let r = s.ingest_paths(sources, &opts, &mut |_| {}).unwrap();
        assert!(r.errors.is_empty(), "{:?}", r.errors);
        // Ingesting again (also as copies under other ids) changes nothing.
        got.push((batch, snapshot(&s)));
    }
    if std::env::var_os("FRONTLINE_BLESS").is_some() {
        std::fs::write(&golden, &got[0].1).unwrap();
    }
    let want = std::fs::read_to_string(&golden).unwrap();
    for (batch, g) in got {
        if g != want {
            let (gl, wl): (Vec<&str>, Vec<&str>) = (g.lines().collect(), want.lines().collect());
            let first = gl.iter().zip(wl.iter()).position(|(a, b)| a != b);
            panic!(
                "{name}, batch {batch}: output differs from the golden file ({} vs {} lines); first difference at line {first:?}:\n got {}\nwant {}",
                gl.len(),
                wl.len(),
                first.map(|i| gl[i]).unwrap_or(""),
                first.map(|i| wl[i]).unwrap_or("")
            );
        }
    }
}

#[test]
fn fixtures_resolve_as_before() {
    let srcs: Vec<String> = ["el-fasher-market.jsonl", "el-fasher-other.jsonl"].iter().map(|f| fixture(f).to_string_lossy().into_owned()).collect();
    check("fixtures.jsonl.txt", &srcs);
}

#[test]
fn synthetic_corpus_resolves_as_before() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    frontline_store::synth::write_corpus(&corpus, 900).unwrap();
    // Exact copies under other ids/outlets: sources of existing events (deferred rewrites).
    let copies = dir.path().join("copies.jsonl");
    let text = std::fs::read_to_string(&corpus).unwrap();
    let mut w = String::new();
    for (i, line) in text.lines().enumerate().filter(|(i, _)| i % 17 == 0) {
        let mut v: serde_json::Value = serde_json::from_str(line).unwrap();
        v["id"] = format!("copy-{i}").into();
        v["source"] = "Copy Desk".into();
        v["url"] = format!("https://copies.example/{i}").into();
        w.push_str(&v.to_string());
        w.push('\n');
    }
    std::fs::write(&copies, w).unwrap();
    check("synth.jsonl.txt", &[corpus.to_string_lossy().into_owned(), copies.to_string_lossy().into_owned()]);
}
