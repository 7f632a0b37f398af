//! `frontline bench`: throughput, memory and start-up of the extraction pipeline on a
//! corpus of real text. Timing lives here, never in tests.

use anyhow::{bail, Context, Result};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(clap::Args)]
pub struct BenchArgs {
    /// Corpus: an LGL/GeoVirus XML file, a JSONL file of articles, or a directory/text files.
    pub corpus: Vec<PathBuf>,
    /// Passes over the corpus.
    #[arg(long, default_value_t = 3)]
    pub passes: usize,
}

fn load(paths: &[PathBuf]) -> Result<Vec<String>> {
    let mut texts = Vec::new();
    for p in paths {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("").to_lowercase();
        if name.ends_with(".xml") {
            let corpus = if name.contains("geovirus") {
                frontline_geo::eval::Corpus::GeoVirus
            } else {
                frontline_geo::eval::Corpus::Lgl
            };
            let arts = frontline_geo::eval::load(corpus, p).with_context(|| format!("reading {}", p.display()))?;
            texts.extend(arts.into_iter().map(|a| a.text));
        } else {
            for r in frontline_io::read_inputs(std::slice::from_ref(p), &Default::default()) {
                match r {
                    Ok(a) => texts.push(a.text),
                    Err(e) => eprintln!("skipping: {e}"),
                }
            }
        }
    }
    if texts.is_empty() {
        bail!("the corpus is empty");
    }
    Ok(texts)
}

fn peak_rss_mb() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

pub fn run(a: BenchArgs) -> Result<ExitCode> {
    // Start-up: everything the first article needs that is not per-article work.
    let t0 = Instant::now();
    let _ = frontline_geo::Gazetteer::embedded();
    let t_geo = t0.elapsed();
    let _ = frontline_actors::dict();
    let t_actors = t0.elapsed() - t_geo;
    let _ = frontline_actors::countries();
    let _ = frontline_ontology::Triggers::embedded();
    // Lazily compiled grammars, one by one (their first call compiles them).
    let mut lazy = Vec::new();
    let t = Instant::now();
    let _ = frontline_normalize::time::find_times("On 3 May 2020, yesterday.", None);
    lazy.push(("times", t.elapsed()));
    let t = Instant::now();
    let _ = frontline_normalize::quantity::find_quantities("about 600 people");
    lazy.push(("quantities", t.elapsed()));
    let t = Instant::now();
    let _ = frontline_clean::clean_text("Title\nBody.\nShare this:");
    lazy.push(("clean", t.elapsed()));
    let t = Instant::now();
    let _ = frontline_geo::geoparse("Clashes in Aleppo.", &Default::default());
    lazy.push(("geoparse", t.elapsed()));
    let warm = frontline_pipeline::process(frontline_model::RawArticle {
        id: "warm-up".into(),
        text: "Clashes broke out in Aleppo on Saturday.".into(),
        ..Default::default()
    });
    let startup = t0.elapsed();
    drop(warm);

    let texts = load(&a.corpus)?;
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let mut best = f64::INFINITY;
    let mut events = 0usize;
    for _ in 0..a.passes.max(1) {
        let t = Instant::now();
        events = 0;
        for (i, text) in texts.iter().enumerate() {
            let doc = frontline_pipeline::process(frontline_model::RawArticle {
                id: i.to_string(),
                text: text.clone(),
                ..Default::default()
            });
            events += doc.events.len();
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    let n = texts.len() as f64;
    println!("corpus: {} articles, {:.2} MB", texts.len(), bytes as f64 / 1e6);
    println!("start-up (gazetteer, dictionaries, lexicon, first article): {:.1} ms", startup.as_secs_f64() * 1e3);
    println!("  of which gazetteer {:.1} ms, actor dictionary {:.1} ms", t_geo.as_secs_f64() * 1e3, t_actors.as_secs_f64() * 1e3);
    for (what, d) in &lazy {
        println!("  of which {what} grammar {:.1} ms", d.as_secs_f64() * 1e3);
    }
    println!("best of {} passes: {:.3} s", a.passes.max(1), best);
    println!("throughput: {:.0} articles/s, {:.2} MB/s (one thread)", n / best, bytes as f64 / 1e6 / best);
    println!("mean latency: {:.0} µs/article", best / n * 1e6);
    println!("events found: {events}");
    for (stage, d) in frontline_pipeline::profile_stages(&texts) {
        println!("  stage {stage:<12} {:.0} µs/article", d.as_secs_f64() / n * 1e6);
    }
    if let Some(mb) = peak_rss_mb() {
        println!("peak memory (VmHWM): {mb:.0} MB");
    }
    Ok(ExitCode::SUCCESS)
}
