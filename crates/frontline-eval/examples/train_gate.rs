//! Trains the event gate of `frontline-classify` (does a short text report a codable event
//! at all?) and reports how it generalises:
//!
//! ```text
//! cargo run --release -p frontline-eval --example train_gate -- \
//!     /work/shared/eval/acled-2020-global.csv --out data/models/gate.bin \
//!     [--probes crates/frontline-pipeline/tests/probes/probes.tsv] [--threshold 0.1] \
//!     [--folds 5] [--score BATCH.tsv ...]
//! ```
//!
//! Data. Positives: the **dev** split's ACLED notes, stripped of give-aways
//! (`strip_giveaways(notes, false)`; test rows are never trained on), and the probe rows
//! (`probes.tsv`: helper-written wire snippets and notes, none taken from evaluation data)
//! whose gold is an event (`ok`, or `gap` with an event type). Negatives: the probe rows
//! that report no event (`none`, or `gap` with `-` as event type). The text is the whole
//! snippet, as the pipeline reads it (`events::gate`: texts of up to 8 sentences).
//!
//! Reported: k-fold cross-validation over the probe rows (folds by a hash of the text; the
//! ACLED notes are always in training), at several thresholds, the share of event rows
//! scored below it (lost) and of no-event rows (vetoed), for news rows (with a publication
//! date) and notes apart; the ACLED **test** notes scored below it; and, for each `--score`
//! batch (same 7-column format as probes.tsv, never trained on), what the gate does to the
//! rules' output: events kept and false events vetoed among the rows where the rules find an
//! event; and the cost of one call. Deterministic: fixed seed, folds by hash.

use std::path::PathBuf;

use frontline_classify::{gate_features, train_gate, GateModel, GateOptions};
use frontline_eval::acled::{self, Split};
use frontline_model::RawArticle;

struct Probe {
    text: String,
    published: Option<String>,
    event: bool,
}

fn read_probes(path: &PathBuf) -> Vec<Probe> {
    let s = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    let mut out = Vec::new();
    for (n, line) in s.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 6 {
            eprintln!("{}:{}: {} columns, skipped", path.display(), n + 1, f.len());
            continue;
        }
        let event = match f[0] {
            "status" => continue, // the column header
            "ok" => true,
            "none" => false,
            "gap" => f[1] != "-",
            other => {
                eprintln!("{}:{}: status {other:?}, skipped", path.display(), n + 1);
                continue;
            }
        };
        let published = (f[4].len() == 10 && f[4].as_bytes()[4] == b'-').then(|| f[4].to_string());
        out.push(Probe { text: f[5].to_string(), published, event });
    }
    out
}

fn pct(a: usize, b: usize) -> String {
    if b == 0 {
        "-".into()
    } else {
        format!("{a}/{b} ({:.1} %)", 100.0 * a as f64 / b as f64)
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut csv = None;
    let mut out = None;
    let mut probes = PathBuf::from("crates/frontline-pipeline/tests/probes/probes.tsv");
    let mut threshold = 0.1f32;
    let mut folds = 5usize;
    let mut score: Vec<PathBuf> = Vec::new();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--out" => out = args.next().map(PathBuf::from),
            "--probes" => probes = PathBuf::from(args.next().expect("--probes PATH")),
            "--threshold" => threshold = args.next().and_then(|s| s.parse().ok()).expect("--threshold X"),
            "--folds" => folds = args.next().and_then(|s| s.parse().ok()).expect("--folds K"),
            "--score" => score.push(PathBuf::from(args.next().expect("--score FILE"))),
            _ if csv.is_none() => csv = Some(PathBuf::from(a)),
            _ => panic!("unexpected argument {a:?}"),
        }
    }
    let csv = csv.expect("usage: train_gate ACLED.csv --out data/models/gate.bin [--probes P] [--threshold X] [--folds K] [--score F ...]");
    let rows = acled::load(&csv).unwrap_or_else(|e| panic!("{}: {e}", csv.display()));
    let dev: Vec<String> = rows.iter().filter(|r| acled::split_of(&r.event_id_cnty) == Split::Dev).map(|r| acled::strip_giveaways(&r.notes, false)).collect();
    let test: Vec<String> = rows.iter().filter(|r| acled::split_of(&r.event_id_cnty) == Split::Test).map(|r| acled::strip_giveaways(&r.notes, false)).collect();
    let probe_rows = read_probes(&probes);
    let opts = GateOptions { threshold, ..Default::default() };
    println!(
        "data: {} ACLED dev notes (events), {} probe rows ({} events, {} no-event)",
        dev.len(),
        probe_rows.len(),
        probe_rows.iter().filter(|p| p.event).count(),
        probe_rows.iter().filter(|p| !p.event).count()
    );
    let acled_ex: Vec<(Vec<u32>, bool)> = dev.iter().map(|t| (gate_features(t), true)).collect();
    let probe_ex: Vec<(Vec<u32>, bool)> = probe_rows.iter().map(|p| (gate_features(&p.text), p.event)).collect();

    // Cross-validation over the probes.
    let fold_of = |p: &Probe| (acled::fnv1a64(format!("gate:{}", p.text).as_bytes()) % folds as u64) as usize;
    let mut held = vec![0f32; probe_rows.len()];
    for f in 0..folds {
        let mut tr = acled_ex.clone();
        tr.extend(probe_rows.iter().zip(&probe_ex).filter(|(p, _)| fold_of(p) != f).map(|(_, e)| e.clone()));
        let m = train_gate(&tr, &opts);
        for (i, p) in probe_rows.iter().enumerate() {
            if fold_of(p) == f {
                held[i] = m.p(&probe_ex[i].0);
            }
        }
    }
    println!("\n{folds}-fold CV over the probes (ACLED dev notes always in training):");
    for th in [0.05f32, 0.1, 0.2, 0.3, 0.5] {
        let count = |news: bool, event: bool| {
            let sel: Vec<usize> = (0..probe_rows.len()).filter(|&i| probe_rows[i].published.is_some() == news && probe_rows[i].event == event).collect();
            (sel.iter().filter(|&&i| held[i] < th).count(), sel.len())
        };
        let (nel, ne) = count(true, true);
        let (nnv, nn) = count(true, false);
        let (oel, oe) = count(false, true);
        let (onv, on) = count(false, false);
        println!(
            "  threshold {th:.2}: news events lost {}, news no-event vetoed {} | notes events lost {}, notes no-event vetoed {}",
            pct(nel, ne),
            pct(nnv, nn),
            pct(oel, oe),
            pct(onv, on)
        );
    }

    // The final model on everything.
    let mut all = acled_ex;
    all.extend(probe_ex);
    let m = train_gate(&all, &opts);
    let t0 = std::time::Instant::now();
    let below = test.iter().filter(|t| m.p(&gate_features(t)) < threshold).count();
    let per_call = t0.elapsed().as_secs_f64() * 1e6 / test.len().max(1) as f64;
    let mean_len = test.iter().map(|t| t.len()).sum::<usize>() as f64 / test.len().max(1) as f64;
    println!("\nfinal model: {} features, threshold {threshold}", m.n_features());
    println!("ACLED test notes (never trained on) scored below the threshold: {}", pct(below, test.len()));
    println!("cost: {per_call:.1} µs per text (features + score; mean text {mean_len:.0} bytes)");

    for path in &score {
        let batch = read_probes(path);
        let (mut kept, mut nev, mut vetoed, mut nfp, mut missed, mut nnone) = (0, 0, 0, 0, 0, 0);
        for p in &batch {
            if !p.event {
                nnone += 1;
            }
            let doc = frontline_pipeline::process_with(
                RawArticle {
                    id: "s".into(),
                    text: p.text.clone(),
                    published: p.published.as_deref().and_then(|d| d.parse().ok()),
                    ..Default::default()
                },
                frontline_pipeline::Options { rerank: true, gate: false },
            );
            if doc.events.is_empty() {
                missed += p.event as usize;
                continue;
            }
            let v = doc.sentences.len() <= frontline_pipeline::events::GATE_MAX_SENTENCES && m.p(&gate_features(&p.text)) < threshold;
            if p.event {
                nev += 1;
                kept += !v as usize;
            } else {
                nfp += 1;
                vetoed += v as usize;
            }
        }
        println!(
            "{}: rows where the rules find an event: events kept {}, false events vetoed {} (no-event rows {nnone}; event rows the rules miss {missed})",
            path.display(),
            pct(kept, nev),
            pct(vetoed, nfp)
        );
    }

    if let Some(out) = out {
        let bytes = m.to_bytes();
        std::fs::write(&out, &bytes).unwrap_or_else(|e| panic!("write {}: {e}", out.display()));
        // The written file reads back to the same scores.
        let back = GateModel::from_bytes(&bytes).expect("model reads back");
        assert_eq!(back.n_features(), m.n_features());
        println!("wrote {} ({} bytes)", out.display(), bytes.len());
    }
}
