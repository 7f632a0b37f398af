//! Ingest throughput against extraction throughput, and resolution cost as the database grows.
//!
//! `cargo run --release -p frontline-store --example bench_ingest -- N [CHUNKS] [WORKERS] [BATCH]`
//!
//! Writes N synthetic articles (`frontline_store::synth`) in CHUNKS files; then, for each chunk
//! in turn, measures on the same articles:
//! 1. extraction only (`frontline_pipeline::process` on WORKERS threads, default all cores,
//!    nothing stored);
//! 2. ingest of the chunk into one growing database (WORKERS extraction workers + the writer);
//!
//! With `real:FILE.xml[,FILE.xml…]` instead of N (LGL/GeoVirus XML: the `<text>` of each
//! article), the same two measures run on those real articles; `real:FILES R` repeats them R
//! times (chunk k = every text with a line "Update k." appended: reprints whose events join the
//! same clusters, which grow to R reports each — the worst case for canonical recomputation).
//!
//! and prints both rates, their ratio, and where the ingest time went (extraction summed over
//! the workers, the writer thread and its parts). Flat per-chunk rates = linear resolution cost.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use frontline_store::{IngestOptions, Store};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let real: Option<Vec<String>> = args.first().and_then(|a| a.strip_prefix("real:")).map(|l| l.split(',').map(String::from).collect());
    let real_texts: Vec<String> = real.iter().flatten().flat_map(|f| xml_texts(&std::fs::read_to_string(f).unwrap())).collect();
    let chunks: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(if real.is_some() { 1 } else { 5 });
    let n: usize = if real.is_some() { real_texts.len() * chunks } else { args.first().and_then(|s| s.parse().ok()).unwrap_or(20_000) };
    let workers: usize = args
        .get(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1));
    let batch: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(IngestOptions::default().batch_size);
    let dir = std::env::temp_dir().join(format!("frontline-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let per = n.div_ceil(chunks);
    let mut files = Vec::new();
    for c in 0..chunks {
        let p = dir.join(format!("chunk{c}.jsonl"));
        let mut w = std::io::BufWriter::new(std::fs::File::create(&p).unwrap());
        for i in c * per..((c + 1) * per).min(n) {
            use std::io::Write;
            if real.is_some() {
                let (k, t) = (i / real_texts.len(), &real_texts[i % real_texts.len()]);
                let text = if k == 0 { t.clone() } else { format!("{t}\nUpdate {k}.") };
                let j = serde_json::json!({"id": format!("real-{i}"), "source": format!("Outlet {}", k % 7), "published": "2024-06-01", "text": text});
                writeln!(w, "{j}").unwrap();
            } else {
                writeln!(w, "{}", frontline_store::synth::article(i)).unwrap();
            }
        }
        files.push(p.to_string_lossy().into_owned());
    }
    println!("{n} {} articles in {chunks} chunks, {workers} extraction worker(s), {batch} articles per transaction", if real.is_some() { "real" } else { "synthetic" });
    println!("chunk  extract-only/s  ingest/s  ratio | ingest s  extract(cpu) s  writer s (dedup, resolve, flush, commit)  | db articles, events, reports");

    let db = dir.join("all.db");
    let mut s = Store::open(&db).unwrap();
    let (mut ex_total, mut in_total, mut worst) = (0.0f64, 0.0f64, 0.0f64);
    for (c, f) in files.iter().enumerate() {
        // 1. extraction only, same articles, same number of threads
        let raws: Vec<_> = frontline_io::read_inputs(&[f.clone().into()], &Default::default()).map(|r| r.unwrap()).collect();
        let next = AtomicUsize::new(0);
        let t = Instant::now();
        std::thread::scope(|sc| {
            for _ in 0..workers {
                sc.spawn(|| loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(r) = raws.get(i) else { return };
                    std::hint::black_box(frontline_pipeline::process(r.clone()));
                });
            }
        });
        let ex_s = t.elapsed().as_secs_f64();
        // 2. ingest into the growing database
        let r = s.ingest_paths(std::slice::from_ref(f), &IngestOptions { workers, batch_size: batch, ..Default::default() }, &mut |_| {}).unwrap();
        let st = s.stats().unwrap();
        let (ex, inr) = (raws.len() as f64 / ex_s, r.read as f64 / r.seconds);
        ex_total += ex_s;
        in_total += r.seconds;
        worst = worst.max(ex / inr);
        let tm = r.timings;
        println!(
            "       per article: extraction {:.0} µs of CPU in ingest ({:.0} µs wall × {workers} threads extract-only), writer {:.0} µs",
            1e6 * tm.extract / raws.len() as f64,
            1e6 * ex_s * workers as f64 / raws.len() as f64,
            1e6 * tm.write / raws.len() as f64
        );
        println!(
            "{c:>5}  {ex:>14.0}  {inr:>8.0}  {:>5.2} | {:>8.2}  {:>14.2}  {:>8.2} ({:.2}, {:.2}, {:.2}, {:.2})  | {}, {}, {}",
            ex / inr,
            r.seconds,
            tm.extract,
            tm.write,
            tm.dedup,
            tm.resolve,
            tm.flush,
            tm.commit,
            st.articles,
            st.events,
            st.reports
        );
    }
    println!(
        "total: extraction only {:.0} articles/s, ingest {:.0} articles/s ({in_total:.1} s), ratio {:.2}, worst chunk {worst:.2}",
        n as f64 / ex_total,
        n as f64 / in_total,
        in_total / ex_total
    );
    let size = std::fs::metadata(&db).map(|m| m.len()).unwrap_or(0);
    println!("database size: {:.1} MB", size as f64 / 1e6);
    // re-ingest: a no-op
    let t = Instant::now();
    let r = s.ingest_paths(&files, &IngestOptions::default(), &mut |_| {}).unwrap();
    println!("re-ingest of all: stored {}, unchanged {}, {:.1} s", r.stored, r.unchanged, t.elapsed().as_secs_f64());
    if std::env::var_os("FRONTLINE_BENCH_KEEP").is_some() {
        println!("kept {}", db.display());
    } else {
        let _ = std::fs::remove_dir_all(&dir);
    }
}

/// The `<text>` elements of an LGL/GeoVirus XML file, unescaped.
fn xml_texts(xml: &str) -> Vec<String> {
    xml.split("<text>")
        .skip(1)
        .filter_map(|p| p.split("</text>").next())
        .map(|t| t.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&"))
        .filter(|t| !t.trim().is_empty())
        .collect()
}
