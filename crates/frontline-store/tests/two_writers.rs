//! The writer's state (near-duplicate index, cluster cache, known hashes) outlives an ingest
//! call and is brought up to date with what other connections wrote in between: two stores
//! on one file, taking turns, give exactly what one store ingesting everything gives.

use frontline_store::{IngestOptions, Store};

mod common;

fn snapshot(s: &Store) -> String {
    common::snapshot(s, true)
}

#[test]
fn two_stores_taking_turns_equal_one() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    frontline_store::synth::write_corpus(&corpus, 600).unwrap();
    let text = std::fs::read_to_string(&corpus).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    // Chunks of 100; each ends with exact copies (other id and outlet) of two of its
    // articles and of one article of the previous chunk.
    let mut chunks = Vec::new();
    for (k, c) in lines.chunks(100).enumerate() {
        let mut body: Vec<String> = c.iter().map(|l| l.to_string()).collect();
        for (j, src) in [c[3], c[50], lines[(k * 100).saturating_sub(7)]].iter().enumerate() {
            let mut v: serde_json::Value = serde_json::from_str(src).unwrap();
            v["id"] = format!("copy-{k}-{j}").into();
            v["source"] = "Copy Desk".into();
            body.push(v.to_string());
        }
        let p = dir.path().join(format!("chunk{k}.jsonl"));
        std::fs::write(&p, body.join("\n") + "\n").unwrap();
        chunks.push(p.to_string_lossy().into_owned());
    }
    let opts = IngestOptions { batch_size: 37, ..Default::default() };
    let mut one = Store::open(dir.path().join("one.db")).unwrap();
    for c in &chunks {
        one.ingest_paths(std::slice::from_ref(c), &opts, &mut |_| {}).unwrap();
    }
    let db = dir.path().join("two.db");
    let mut a = Store::open(&db).unwrap();
    let mut b = Store::open(&db).unwrap();
    for (k, c) in chunks.iter().enumerate() {
        let s = if k % 2 == 0 { &mut a } else { &mut b };
        let r = s.ingest_paths(std::slice::from_ref(c), &opts, &mut |_| {}).unwrap();
        assert!(r.errors.is_empty());
        assert!(r.copies >= 3, "chunk {k}: {r:?}");
    }
    assert_eq!(snapshot(&a), snapshot(&one));
    assert_eq!(snapshot(&b), snapshot(&one));
}
