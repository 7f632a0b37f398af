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
//! With `news:N:FILE.xml[,FILE.xml…]` instead of N: N articles of a news-like stream built at
//! bench time from the sentences of those real articles ([`news`]: recombined stories with
//! varied numbers, weekdays, first names and outlets, ~28 % syndicated wire copies and ~17 %
//! independent reports of the same event by other outlets, in publication order).
//!
//! and prints both rates, their ratio, and where the ingest time went (extraction summed over
//! the workers, the writer thread and its parts), the process CPU per article of both (steadier
//! than wall time on a shared machine) and the writer thread's own CPU. Flat per-chunk rates =
//! linear resolution cost. The last lines check the target (ingest within 2× of extraction)
//! overall and per chunk, on wall time and on CPU time.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use frontline_store::{IngestOptions, Store};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let real: Option<Vec<String>> = args.first().and_then(|a| a.strip_prefix("real:")).map(|l| l.split(',').map(String::from).collect());
    let real_texts: Vec<String> = real.iter().flatten().flat_map(|f| xml_texts(&std::fs::read_to_string(f).unwrap())).collect();
    // news:N:FILES
    let news: Option<(usize, Vec<String>)> = args.first().and_then(|a| a.strip_prefix("news:")).map(|l| {
        let (n, files) = l.split_once(':').expect("news:N:FILE.xml[,FILE.xml…]");
        (n.parse().expect("news:N:…"), files.split(',').map(String::from).collect())
    });
    let mut news_stream = news.as_ref().map(|(_, files)| {
        let texts: Vec<String> = files.iter().flat_map(|f| xml_texts(&std::fs::read_to_string(f).unwrap())).collect();
        news::Stream::new(&texts)
    });
    let chunks: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(if real.is_some() { 1 } else { 5 });
    let n: usize = if let Some((n, _)) = &news {
        *n
    } else if real.is_some() {
        real_texts.len() * chunks
    } else {
        args.first().and_then(|s| s.parse().ok()).unwrap_or(20_000)
    };
    let workers: usize = args
        .get(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1));
    let batch: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(IngestOptions::default().batch_size);
    let dir = std::env::temp_dir().join(format!("frontline-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // Each chunk is measured in SLICES alternating slices of extraction only and ingest, so
    // that both see the same machine load (other processes come and go on a shared machine).
    const SLICES: usize = 5;
    let per = n.div_ceil(chunks);
    let mut files: Vec<Vec<String>> = Vec::new();
    for c in 0..chunks {
        let (lo, hi) = (c * per, ((c + 1) * per).min(n));
        let mut slices = Vec::new();
        for j in 0..SLICES {
            let p = dir.join(format!("chunk{c}-{j}.jsonl"));
            let mut w = std::io::BufWriter::new(std::fs::File::create(&p).unwrap());
            let step = (hi - lo).div_ceil(SLICES);
            for i in (lo + j * step)..(lo + (j + 1) * step).min(hi) {
                use std::io::Write;
                if let Some(st) = news_stream.as_mut() {
                    writeln!(w, "{}", st.next().unwrap()).unwrap();
                } else if real.is_some() {
                    let (k, t) = (i / real_texts.len(), &real_texts[i % real_texts.len()]);
                    let text = if k == 0 { t.clone() } else { format!("{t}\nUpdate {k}.") };
                    let j = serde_json::json!({"id": format!("real-{i}"), "source": format!("Outlet {}", k % 7), "published": "2024-06-01", "text": text});
                    writeln!(w, "{j}").unwrap();
                } else {
                    writeln!(w, "{}", frontline_store::synth::article(i)).unwrap();
                }
            }
            slices.push(p.to_string_lossy().into_owned());
        }
        files.push(slices);
    }
    let kind = if news.is_some() { "news-like (recombined real sentences)" } else if real.is_some() { "real" } else { "synthetic" };
    println!("{n} {kind} articles in {chunks} chunks, {workers} extraction worker(s), {batch} articles per transaction");
    if let Some(st) = &news_stream {
        println!("stream: {}", st.summary());
    }
    println!("chunk  extract-only/s  ingest/s  ratio | ingest s  extract(cpu) s  writer s (dedup, resolve, flush, commit)  | db articles, events, reports");

    let db = dir.join("all.db");
    let mut s = Store::open(&db).unwrap();
    let (mut ex_total, mut in_total, mut worst) = (0.0f64, 0.0f64, 0.0f64);
    let (mut ex_cpu_total, mut in_cpu_total, mut worst_cpu) = (0.0f64, 0.0f64, 0.0f64);
    for (c, slices) in files.iter().enumerate() {
        let (mut ex_s, mut ex_cpu, mut in_cpu, mut writer_cpu, mut n_chunk) = (0.0f64, 0.0f64, 0.0f64, 0.0f64, 0usize);
        let mut r = frontline_store::IngestReport::default();
        for f in slices {
            // 1. extraction only, same articles, same number of threads
            let raws: Vec<_> = frontline_io::read_inputs(&[f.clone().into()], &Default::default()).map(|r| r.unwrap()).collect();
            n_chunk += raws.len();
            let next = AtomicUsize::new(0);
            let cpu0 = cpu_seconds();
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
            ex_s += t.elapsed().as_secs_f64();
            ex_cpu += cpu_seconds() - cpu0;
            // 2. ingest into the growing database
            let cpu0 = cpu_seconds();
            let wcpu0 = thread_cpu_seconds();
            let ri = s.ingest_paths(std::slice::from_ref(f), &IngestOptions { workers, batch_size: batch, ..Default::default() }, &mut |_| {}).unwrap();
            in_cpu += cpu_seconds() - cpu0;
            writer_cpu += thread_cpu_seconds() - wcpu0;
            add_report(&mut r, &ri);
        }
        let raws = vec![(); n_chunk];
        let st = s.stats().unwrap();
        let (ex, inr) = (raws.len() as f64 / ex_s, r.read as f64 / r.seconds);
        ex_total += ex_s;
        in_total += r.seconds;
        worst = worst.max(ex / inr);
        let tm = r.timings;
        ex_cpu_total += ex_cpu;
        in_cpu_total += in_cpu;
        worst_cpu = worst_cpu.max(in_cpu / ex_cpu);
        println!(
            "       process CPU: extract-only {:.0} µs/article, ingest {:.0} µs/article (writer thread {:.0} µs, busy {:.0} % of the ingest), ratio {:.2}; reports {}, R*Tree candidates {:.1}/report, clusters loaded {}, canonical rows {}, near-duplicates {}, merged {}",
            1e6 * ex_cpu / raws.len() as f64,
            1e6 * in_cpu / raws.len() as f64,
            1e6 * writer_cpu / raws.len() as f64,
            100.0 * writer_cpu / r.seconds,
            in_cpu / ex_cpu,
            r.reports,
            tm.candidates as f64 / r.reports.max(1) as f64,
            tm.clusters_loaded,
            tm.clusters_written,
            r.near_duplicates,
            r.merged_events
        );
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
    println!(
        "total process CPU: extraction only {:.0} µs/article, ingest {:.0} µs/article, ratio {:.2}, worst chunk {worst_cpu:.2}",
        1e6 * ex_cpu_total / n as f64,
        1e6 * in_cpu_total / n as f64,
        in_cpu_total / ex_cpu_total
    );
    let verdict = |x: f64| if x <= 2.0 { "✓" } else { "✗" };
    let (wall, cpu) = (in_total / ex_total, in_cpu_total / ex_cpu_total);
    println!(
        "target ingest ≤ 2× extraction: wall overall {wall:.2} {}, worst chunk {worst:.2} {}; CPU overall {cpu:.2} {}, worst chunk {worst_cpu:.2} {}",
        verdict(wall),
        verdict(worst),
        verdict(cpu),
        verdict(worst_cpu)
    );
    let _ = s.connection().execute_batch("PRAGMA wal_checkpoint(TRUNCATE)");
    let size = std::fs::metadata(&db).map(|m| m.len()).unwrap_or(0);
    println!("database size: {:.1} MB", size as f64 / 1e6);
    // re-ingest: a no-op
    let t = Instant::now();
    let all: Vec<String> = files.concat();
    let r = s.ingest_paths(&all, &IngestOptions::default(), &mut |_| {}).unwrap();
    println!("re-ingest of all: stored {}, unchanged {}, {:.1} s", r.stored, r.unchanged, t.elapsed().as_secs_f64());
    if std::env::var_os("FRONTLINE_BENCH_KEEP").is_some() {
        println!("kept {}", db.display());
    } else {
        let _ = std::fs::remove_dir_all(&dir);
    }
}

/// Adds one ingest call's counts and times to a chunk's.
fn add_report(a: &mut frontline_store::IngestReport, b: &frontline_store::IngestReport) {
    a.read += b.read;
    a.stored += b.stored;
    a.reports += b.reports;
    a.near_duplicates += b.near_duplicates;
    a.merged_events += b.merged_events;
    a.seconds += b.seconds;
    let (x, y) = (&mut a.timings, &b.timings);
    x.extract += y.extract;
    x.write += y.write;
    x.dedup += y.dedup;
    x.resolve += y.resolve;
    x.flush += y.flush;
    x.commit += y.commit;
    x.candidates += y.candidates;
    x.clusters_written += y.clusters_written;
    x.clusters_loaded += y.clusters_loaded;
}

/// The `<text>` elements of an LGL/GeoVirus XML file, unescaped.
fn xml_texts(xml: &str) -> Vec<String> {
    xml.split("<text>")
        .skip(1)
        .filter_map(|p| p.split("</text>").next())
        .map(|t| {
            let t = t.trim();
            match t.strip_prefix("<![CDATA[").and_then(|t| t.strip_suffix("]]>")) {
                Some(c) => c.to_string(),
                None => t.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&"),
            }
        })
        .filter(|t| !t.trim().is_empty())
        .collect()
}

/// A news-like stream built from the sentences of real articles (never stored in the repo:
/// read at bench time).
///
/// Each *story* is a lead of 4–8 consecutive sentences of one real article (its headline is
/// the first sentence) followed by 3–12 sentences of three other articles, with numbers (not
/// years), weekdays and common first names varied, from one of 40 outlets, published at
/// ~300 stories a day from 2024-01-01. After it, at random delays of up to ~20 stories:
/// * with probability 0.25, 1–3 **syndicated copies**: the same body under another outlet,
///   with a dateline and a credit line, another headline, sometimes the last sentence cut
///   (near-duplicates);
/// * with probability 0.2, 1–2 **independent reports of the same event** by other outlets:
///   the same lead sentences (numbers varied again: tolls differ between outlets) in another
///   story (other background sentences, other order of the rest).
mod news {
    use std::collections::{BTreeMap, VecDeque};

    const OUTLETS: usize = 40;
    const WEEKDAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    const NAMES: [&str; 16] = ["John", "David", "Michael", "James", "Robert", "Mary", "Sarah", "Ahmed", "Mohammed", "Ali", "Fatima", "Maria", "Ivan", "Olena", "Peter", "Grace"];
    const STORIES_PER_DAY: u64 = 300;

    fn mix(mut x: u64) -> u64 {
        x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
        x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        x ^ (x >> 31)
    }

    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 = mix(self.0);
            self.0
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n.max(1)
        }
        fn chance(&mut self, p: f64) -> bool {
            (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
        }
    }

    fn sentences(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut cur = String::new();
        let chars: Vec<char> = text.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            cur.push(c);
            let end = matches!(c, '.' | '!' | '?')
                && chars.get(i + 1) == Some(&' ')
                && chars.get(i + 2).is_some_and(|n| n.is_uppercase() || *n == '"' || *n == '“');
            if end && cur.trim().len() >= 20 {
                out.push(cur.trim().to_string());
                cur.clear();
            }
        }
        if cur.trim().len() >= 20 {
            out.push(cur.trim().to_string());
        }
        out
    }

    /// Numbers (not years), weekdays and first names varied.
    fn vary(s: &str, rng: &mut Rng) -> String {
        let mut out = String::with_capacity(s.len() + 8);
        for w in s.split_inclusive(|c: char| !c.is_alphanumeric()) {
            let core = w.trim_end_matches(|c: char| !c.is_alphanumeric());
            let rest = &w[core.len()..];
            let repl = if !core.is_empty() && core.chars().all(|c| c.is_ascii_digit()) {
                let v: u64 = core.parse().unwrap_or(0);
                if core.len() == 4 && (1900..2100).contains(&v) {
                    core.to_string()
                } else {
                    let digits = core.len().min(6) as u32;
                    let lo = if digits == 1 { 1 } else { 10u64.pow(digits - 1) };
                    (lo + rng.below(10u64.pow(digits) - lo)).to_string()
                }
            } else if WEEKDAYS.contains(&core) {
                WEEKDAYS[rng.below(7) as usize].to_string()
            } else if NAMES.contains(&core) {
                NAMES[rng.below(NAMES.len() as u64) as usize].to_string()
            } else {
                core.to_string()
            };
            out.push_str(&repl);
            out.push_str(rest);
        }
        out
    }

    pub struct Stream {
        docs: Vec<Vec<String>>,
        story: u64,
        /// (position, sequence) → article JSON
        pending: BTreeMap<(u64, u64), String>,
        ready: VecDeque<String>,
        seq: u64,
        counts: [u64; 3],
    }

    impl Stream {
        pub fn new(texts: &[String]) -> Stream {
            let docs: Vec<Vec<String>> = texts.iter().map(|t| sentences(t)).filter(|s| s.len() >= 3).collect();
            Stream { docs, story: 0, pending: BTreeMap::new(), ready: VecDeque::new(), seq: 0, counts: [0; 3] }
        }

        pub fn summary(&self) -> String {
            let n: u64 = self.counts.iter().sum();
            let pct = |k: usize| 100.0 * self.counts[k] as f64 / n.max(1) as f64;
            format!(
                "{} source articles; {} stories so far: originals {:.0} %, syndicated copies {:.0} %, independent reports of the same event {:.0} %",
                self.docs.len(),
                self.story,
                pct(0),
                pct(1),
                pct(2)
            )
        }

        fn date(story: u64, plus_days: u64) -> String {
            let d = jiff::civil::date(2024, 1, 1) + jiff::Span::new().days((story / STORIES_PER_DAY + plus_days) as i64);
            d.to_string()
        }

        fn body(&self, rng: &mut Rng, lead: &[String]) -> Vec<String> {
            let mut out: Vec<String> = lead.iter().map(|s| vary(s, rng)).collect();
            for _ in 0..3 {
                let d = &self.docs[rng.below(self.docs.len() as u64) as usize];
                let k = 1 + rng.below(4) as usize;
                let start = rng.below((d.len() - k.min(d.len())) as u64 + 1) as usize;
                for s in d.iter().skip(start).take(k) {
                    out.push(vary(s, rng));
                }
            }
            out
        }

        fn article(&mut self, kind: usize, id: String, outlet: u64, published: String, title: String, body: &[String]) -> String {
            self.counts[kind] += 1;
            let text = format!("{title}\n{}", body.join(" "));
            serde_json::json!({
                "id": id,
                "source": format!("Outlet {outlet}"),
                "url": format!("https://outlet{outlet}.example/{}", self.seq),
                "published": published,
                "title": title,
                "text": text,
            })
            .to_string()
        }

        fn push(&mut self, pos: u64, a: String) {
            self.seq += 1;
            self.pending.insert((pos, self.seq), a);
        }

        fn one_story(&mut self) {
            let s = self.story;
            let mut rng = Rng(mix(s ^ 0x5EED));
            let doc = rng.below(self.docs.len() as u64) as usize;
            let n_lead = (4 + rng.below(5) as usize).min(self.docs[doc].len());
            let lead: Vec<String> = self.docs[doc][..n_lead].to_vec();
            let body = self.body(&mut rng, &lead);
            let title: String = body[0].chars().take(90).collect();
            let outlet = rng.below(OUTLETS as u64);
            let pos = s * 100;
            let a = self.article(0, format!("news-{s}"), outlet, Self::date(s, 0), title.clone(), &body);
            self.push(pos, a);
            if rng.chance(0.25) {
                for k in 0..1 + rng.below(3) {
                    let o = (outlet + 1 + rng.below(OUTLETS as u64 - 1)) % OUTLETS as u64;
                    let mut b = body.clone();
                    if b.len() > 4 && rng.chance(0.5) {
                        b.pop();
                    }
                    b[0] = format!("({}) - {}", format!("Outlet {o}").to_uppercase(), b[0]);
                    b.push(format!("Reporting by staff of Outlet {outlet}; editing by the desk of Outlet {o}."));
                    let t = format!("{} | Outlet {o}", title.chars().take(60).collect::<String>());
                    let a = self.article(1, format!("news-{s}-copy{k}"), o, Self::date(s, rng.below(2)), t, &b);
                    let delay = 1 + rng.below(2000);
                    self.push(pos + delay, a);
                }
            }
            if rng.chance(0.2) {
                for k in 0..1 + rng.below(2) {
                    let o = (outlet + 1 + rng.below(OUTLETS as u64 - 1)) % OUTLETS as u64;
                    let keep = 2.min(lead.len());
                    let mut b = self.body(&mut rng, &lead[..keep]);
                    // the rest of the lead in another order, some of it
                    let mut rest: Vec<String> = lead[keep..].iter().map(|x| vary(x, &mut rng)).collect();
                    if !rest.is_empty() {
                        let r = rng.below(rest.len() as u64) as usize;
                        rest.rotate_left(r);
                        rest.truncate(1 + rng.below(rest.len() as u64) as usize);
                    }
                    b.splice(keep..keep, rest);
                    let t: String = vary(&b[0], &mut rng).chars().take(80).collect();
                    let a = self.article(2, format!("news-{s}-report{k}"), o, Self::date(s, rng.below(2)), t, &b);
                    let delay = 1 + rng.below(2000);
                    self.push(pos + delay, a);
                }
            }
            self.story += 1;
            // Everything placed before the next story's position is ready.
            let limit = self.story * 100;
            while let Some((&(p, q), _)) = self.pending.iter().next() {
                if p >= limit {
                    break;
                }
                let a = self.pending.remove(&(p, q)).unwrap();
                self.ready.push_back(a);
            }
        }
    }

    impl Iterator for Stream {
        type Item = String;
        fn next(&mut self) -> Option<String> {
            while self.ready.is_empty() {
                self.one_story();
            }
            self.ready.pop_front()
        }
    }
}

/// CPU time (user + system) of this process so far, in seconds (Linux `/proc/self/stat`,
/// 100 ticks a second); 0 elsewhere.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else { return 0.0 };
    let Some((_, rest)) = stat.rsplit_once(')') else { return 0.0 };
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

/// CPU time of the calling thread so far, in seconds (`/proc/thread-self/stat`).
fn thread_cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/thread-self/stat") else { return 0.0 };
    let Some((_, rest)) = stat.rsplit_once(')') else { return 0.0 };
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}
