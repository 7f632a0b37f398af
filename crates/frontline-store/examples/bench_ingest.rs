//! Ingest throughput against extraction throughput, and resolution cost as the database grows.
//!
//! `cargo run --release -p frontline-store --example bench_ingest -- N [CHUNKS]`
//!
//! Writes N synthetic articles (`frontline_store::synth`) in CHUNKS files, then measures:
//! 1. extraction only (`frontline_pipeline::process`, one thread, no storage);
//! 2. ingest with one extraction worker (storage + resolution on the writer thread);
//! 3. ingest with all cores;
//! and prints the ingest rate of each chunk (flat rates = linear resolution cost).

use std::io::BufRead;
use std::time::Instant;

use frontline_store::{IngestOptions, Store};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: usize = args.first().and_then(|s| s.parse().ok()).unwrap_or(20_000);
    let chunks: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(5);
    let dir = std::env::temp_dir().join(format!("frontline-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let per = n.div_ceil(chunks);
    let mut files = Vec::new();
    for c in 0..chunks {
        let p = dir.join(format!("chunk{c}.jsonl"));
        let mut w = std::io::BufWriter::new(std::fs::File::create(&p).unwrap());
        for i in c * per..((c + 1) * per).min(n) {
            use std::io::Write;
            writeln!(w, "{}", frontline_store::synth::article(i)).unwrap();
        }
        files.push(p.to_string_lossy().into_owned());
    }

    // 1. extraction only, one thread (first chunk)
    let raws: Vec<_> = frontline_io::read_inputs(&[files[0].clone().into()], &Default::default()).map(|r| r.unwrap()).collect();
    let t = Instant::now();
    let mut evs = 0;
    for r in raws.iter().cloned() {
        evs += frontline_pipeline::process(r).events.len();
    }
    let ex = raws.len() as f64 / t.elapsed().as_secs_f64();
    println!("extract only, 1 thread: {:.0} articles/s ({} articles, {evs} events)", ex, raws.len());

    // 2. ingest, one worker, first chunk
    let db1 = dir.join("one.db");
    let mut s = Store::open(&db1).unwrap();
    let r = s.ingest_paths(&files[..1], &IngestOptions { workers: 1, ..Default::default() }, &mut |_| {}).unwrap();
    let in1 = r.read as f64 / r.seconds;
    println!("ingest, 1 worker:        {:.0} articles/s  ({:.2}x of extract-only)", in1, ex / in1);

    // 3. ingest, all cores, chunk by chunk into one database
    let db = dir.join("all.db");
    let mut s = Store::open(&db).unwrap();
    let total = Instant::now();
    for (c, f) in files.iter().enumerate() {
        let r = s.ingest_paths(std::slice::from_ref(f), &IngestOptions::default(), &mut |_| {}).unwrap();
        let st = s.stats().unwrap();
        println!(
            "chunk {c}: {:.0} articles/s, db now {} articles, {} events from {} reports",
            r.read as f64 / r.seconds,
            st.articles,
            st.events,
            st.reports
        );
    }
    let secs = total.elapsed().as_secs_f64();
    println!("ingest, all cores: {n} articles in {secs:.1} s = {:.0} articles/s", n as f64 / secs);
    let size = std::fs::metadata(&db).map(|m| m.len()).unwrap_or(0);
    println!("database size: {:.1} MB", size as f64 / 1e6);
    // re-ingest: a no-op
    let t = Instant::now();
    let r = s.ingest_paths(&files, &IngestOptions::default(), &mut |_| {}).unwrap();
    println!("re-ingest of all: stored {}, unchanged {}, {:.1} s", r.stored, r.unchanged, t.elapsed().as_secs_f64());
    let _ = std::io::stdin().lock().lines();
    let _ = std::fs::remove_dir_all(&dir);
}
