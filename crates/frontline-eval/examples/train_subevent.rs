//! Trains the sub-event reranker of `frontline-classify` on the **dev** split of an ACLED
//! export and reports how it generalises:
//!
//! ```text
//! cargo run --release -p frontline-eval --example train_subevent -- \
//!     /work/shared/eval/acled-2020-global.csv --out data/models/subevent.bin [--eval-test] \
//!     [--folds 5] [--text event|note] [--bonus B] [--prune 0.05]
//! ```
//!
//! For every dev row (`split_of(event_id_cnty) == Dev`; test rows are never trained on),
//! the note is stripped of give-aways (`strip_giveaways(notes, false)`), run through
//! `frontline_pipeline::process`, and `events[0]` gives one example: the event's text (the
//! sentences holding its sub-event evidence, joined by a space — what `events::assemble`
//! passes at inference), the rule's sub-event type, inter1/inter2, and the gold
//! sub-event type as label. Rows with no event are kept in the "of all rows" rates.
//!
//! Model selection: k-fold cross-validation inside dev, twice — random folds (by event
//! id) and folds grouped by country (a country is never both trained on and scored, the
//! closer proxy for a hold-out from another place) — over epochs × L2 × learning rate; the
//! rule bonus is swept on the held-out probabilities. The configuration and bonus that
//! maximise the country-grouped CV accuracy are kept (ties → the larger bonus). Then
//! leave-one-country-out for the 5 biggest dev countries, the final model on all of dev,
//! its size, load time and cost per call, and with `--eval-test` the test split (rules
//! alone vs combined). Deterministic: fixed seed, fixed fold assignment.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

use frontline_classify::{event_type_of, featurize, train, Model, TrainOptions, SUB_EVENT_TYPES};
use frontline_eval::acled::{self, Split};
use frontline_model::{Document, RawArticle};

struct Ex {
    country: String,
    fold_random: usize,
    fold_country: usize,
    gold_sub: String,
    gold_type: String,
    /// None: the pipeline found no event.
    det: Option<Det>,
}

struct Det {
    text: String,
    rule_sub: &'static str,
    i1: Option<u8>,
    i2: Option<u8>,
    feats: Vec<u32>,
}

fn event_text(doc: &Document) -> Option<String> {
    let ev = doc.events.first()?;
    let spans: Vec<_> = ev.evidence.iter().filter(|e| e.field == "sub_event_type").map(|e| e.span).collect();
    let sents: Vec<&str> = doc
        .sentences
        .iter()
        .filter(|s| spans.iter().any(|t| s.span.overlaps(*t)))
        .map(|s| s.span.text(&doc.text))
        .collect();
    if sents.is_empty() {
        None
    } else {
        Some(sents.join(" "))
    }
}

fn build(rows: &[&acled::Row], whole_note: bool, k: usize) -> Vec<Ex> {
    rows.iter()
        .map(|r| {
            let note = acled::strip_giveaways(&r.notes, false);
            // The rules' own output (no reranking): the model learns to revise it.
            let doc = frontline_pipeline::process_with(
                RawArticle { id: "acled".into(), text: note.clone(), published: None, ..Default::default() },
                frontline_pipeline::Options { rerank: false, gate: false },
            );
            let det = doc.events.first().map(|e| {
                let text = if whole_note { note.clone() } else { event_text(&doc).unwrap_or_else(|| note.clone()) };
                let rule_sub = frontline_classify::class_name(&e.sub_event_type).unwrap_or("Other");
                let feats = featurize(&text, rule_sub, e.inter1, e.inter2);
                Det { text, rule_sub, i1: e.inter1, i2: e.inter2, feats }
            });
            Ex {
                country: r.country.clone(),
                fold_random: (acled::fnv1a64(format!("cv:{}", r.event_id_cnty).as_bytes()) % k as u64) as usize,
                fold_country: (acled::fnv1a64(format!("cv:{}", r.country).as_bytes()) % k as u64) as usize,
                gold_sub: r.sub_event_type.trim().to_string(),
                gold_type: r.event_type.trim().to_string(),
                det,
            }
        })
        .collect()
}

fn combine(p: &[f32], rule: &str, bonus: f32) -> &'static str {
    let mut best = (0usize, f32::NEG_INFINITY);
    for (c, &pc) in p.iter().enumerate() {
        let v = pc + if SUB_EVENT_TYPES[c] == rule { bonus } else { 0.0 };
        if v > best.1 {
            best = (c, v);
        }
    }
    SUB_EVENT_TYPES[best.0]
}

/// Held-out class probabilities for each detected example (None for undetected rows).
fn cv_probs(ex: &[Ex], fold: impl Fn(&Ex) -> usize, k: usize, opts: &TrainOptions) -> Vec<Option<Vec<f32>>> {
    let mut out: Vec<Option<Vec<f32>>> = vec![None; ex.len()];
    for f in 0..k {
        let tr: Vec<(Vec<u32>, &str)> = ex
            .iter()
            .filter(|e| fold(e) != f)
            .filter_map(|e| e.det.as_ref().map(|d| (d.feats.clone(), e.gold_sub.as_str())))
            .collect();
        if tr.is_empty() {
            continue;
        }
        let m = train(&tr, opts);
        for (i, e) in ex.iter().enumerate() {
            if fold(e) == f {
                if let Some(d) = &e.det {
                    out[i] = Some(m.scores(&d.feats).into_iter().map(|x| x.1).collect());
                }
            }
        }
    }
    out
}

#[derive(Default, Clone, Copy)]
struct Acc {
    n: usize,
    det: usize,
    sub: usize,
    typ: usize,
}

impl Acc {
    fn add(&mut self, e: &Ex, pred: Option<&str>) {
        self.n += 1;
        if let Some(p) = pred {
            self.det += 1;
            self.sub += (p == e.gold_sub) as usize;
            self.typ += (event_type_of(p) == Some(e.gold_type.as_str())) as usize;
        }
    }
    fn pct(a: usize, b: usize) -> f64 {
        if b == 0 {
            0.0
        } else {
            100.0 * a as f64 / b as f64
        }
    }
    fn sub_all(&self) -> f64 {
        Self::pct(self.sub, self.n)
    }
    fn typ_all(&self) -> f64 {
        Self::pct(self.typ, self.n)
    }
    fn row(&self) -> String {
        format!(
            "event_type {:5.1} % ({:5.1} % given detected)  sub_event_type {:5.1} % ({:5.1} %)",
            self.typ_all(),
            Self::pct(self.typ, self.det),
            self.sub_all(),
            Self::pct(self.sub, self.det)
        )
    }
}

/// Accuracy of rules alone, model alone and combined(bonus) over the examples `sel`.
fn tally(ex: &[Ex], probs: &[Option<Vec<f32>>], sel: impl Fn(&Ex) -> bool, bonus: f32) -> (Acc, Acc, Acc) {
    let (mut r, mut m, mut c) = (Acc::default(), Acc::default(), Acc::default());
    for (e, p) in ex.iter().zip(probs) {
        if !sel(e) {
            continue;
        }
        let d = e.det.as_ref();
        r.add(e, d.map(|d| d.rule_sub));
        m.add(e, d.and_then(|d| p.as_ref().map(|p| combine(p, d.rule_sub, 0.0))));
        c.add(e, d.and_then(|d| p.as_ref().map(|p| combine(p, d.rule_sub, bonus))));
    }
    (r, m, c)
}

const BONUSES: [f32; 14] = [0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0];

fn main() {
    let usage = "usage: train_subevent FILE.csv --out MODEL.bin [--eval-test] [--folds K] [--text event|note] [--bonus B] [--prune W]";
    let mut args = std::env::args().skip(1);
    let mut prune = 0.05f32;
    let (mut path, mut out, mut eval_test, mut k, mut whole_note, mut fixed_bonus) = (None::<PathBuf>, None::<PathBuf>, false, 5usize, false, None::<f32>);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--out" => out = Some(args.next().expect(usage).into()),
            "--eval-test" => eval_test = true,
            "--folds" => k = args.next().expect(usage).parse().expect("--folds K"),
            "--text" => whole_note = args.next().expect(usage) == "note",
            "--prune" => prune = args.next().expect(usage).parse().expect("--prune W"),
            "--bonus" => fixed_bonus = Some(args.next().expect(usage).parse().expect("--bonus B")),
            "-h" | "--help" => {
                println!("{usage}");
                return;
            }
            _ if path.is_none() && !a.starts_with("--") => path = Some(a.into()),
            _ => panic!("unexpected argument {a:?}\n{usage}"),
        }
    }
    let path = path.unwrap_or_else(|| panic!("{usage}"));
    let _ = &mut prune;
    let rows = acled::load(&path).unwrap_or_else(|e| panic!("{e}"));
    let dev_rows: Vec<&acled::Row> = rows.iter().filter(|r| acled::split_of(&r.event_id_cnty) == Split::Dev).collect();
    let t0 = Instant::now();
    let dev = build(&dev_rows, whole_note, k);
    let n_det = dev.iter().filter(|e| e.det.is_some()).count();
    println!(
        "dev: {} rows, {} with an event ({:.1} %), text = {}, pipeline {:.1?}",
        dev.len(),
        n_det,
        100.0 * n_det as f64 / dev.len() as f64,
        if whole_note { "whole note" } else { "event sentences" },
        t0.elapsed()
    );

    // ---- model selection by k-fold CV (random folds and country-grouped folds)
    let mut grid = Vec::new();
    for &epochs in &[3usize, 5, 10] {
        for &l2 in &[0.0f32, 1e-4, 1e-3] {
            for &lr in &[0.05f32, 0.1, 0.3] {
                grid.push(TrainOptions { epochs, l2, lr, prune, ..Default::default() });
            }
        }
    }
    println!("\n## {k}-fold CV inside dev (sub_event_type, % of all dev rows)");
    println!("epochs     l2    lr | random: model  comb(best b) | by-country: model  comb(best b)");
    let best_bonus = |ex: &[Ex], probs: &[Option<Vec<f32>>]| -> (f32, f64) {
        let mut best = (0.0f32, -1.0f64);
        for &b in &BONUSES {
            let a = tally(ex, probs, |_| true, b).2.sub_all();
            if a >= best.1 - 1e-9 {
                best = (b, a);
            }
        }
        best
    };
    let mut selected: Option<(f64, TrainOptions, Vec<Option<Vec<f32>>>, Vec<Option<Vec<f32>>>)> = None;
    let t1 = Instant::now();
    for o in &grid {
        let pr = cv_probs(&dev, |e| e.fold_random, k, o);
        let pc = cv_probs(&dev, |e| e.fold_country, k, o);
        let (br, ar) = best_bonus(&dev, &pr);
        let (bc, ac) = best_bonus(&dev, &pc);
        let mr = tally(&dev, &pr, |_| true, 0.0).1.sub_all();
        let mc = tally(&dev, &pc, |_| true, 0.0).1.sub_all();
        println!("{:6} {:6} {:5} |   {mr:5.1}   {ar:5.1} ({br:.2})   |    {mc:5.1}   {ac:5.1} ({bc:.2})", o.epochs, o.l2, o.lr);
        if selected.as_ref().map_or(true, |s| ac > s.0 + 1e-9) {
            selected = Some((ac, o.clone(), pr, pc));
        }
    }
    let (_, mut opts, pr, pc) = selected.unwrap();
    println!("(grid in {:.1?})", t1.elapsed());

    // Bonus sweep at the selected configuration.
    println!("\n## bonus sweep at epochs={} l2={} lr={} (sub_event_type / event_type, % of all dev rows)", opts.epochs, opts.l2, opts.lr);
    println!(" bonus | random-fold CV  | country-grouped CV");
    let mut chosen = (0.0f32, -1.0f64);
    for &b in &BONUSES {
        let r = tally(&dev, &pr, |_| true, b).2;
        let c = tally(&dev, &pc, |_| true, b).2;
        println!(" {b:5.2} | {:5.1} / {:5.1}   | {:5.1} / {:5.1}", r.sub_all(), r.typ_all(), c.sub_all(), c.typ_all());
        if c.sub_all() >= chosen.1 - 1e-9 {
            chosen = (b, c.sub_all());
        }
    }
    opts.bonus = fixed_bonus.unwrap_or(chosen.0);
    println!("chosen bonus: {:.2}{}", opts.bonus, if fixed_bonus.is_some() { " (fixed by --bonus)" } else { " (best country-grouped CV; ties → larger)" });

    for (name, probs) in [("random folds", &pr), ("country-grouped folds", &pc)] {
        let (r, m, c) = tally(&dev, probs, |_| true, opts.bonus);
        println!("\n## CV, {name}, all dev rows ({})", r.n);
        println!("rules alone : {}", r.row());
        println!("model alone : {}", m.row());
        println!("combined    : {}", c.row());
    }

    // Per gold event type and sub-event type (random-fold CV).
    let mut by_type: BTreeMap<&str, ()> = BTreeMap::new();
    for e in &dev {
        by_type.insert(e.gold_type.as_str(), ());
    }
    println!("\n## per gold event_type (random-fold CV; event_type acc. rules → combined, sub_event_type acc. rules → combined)");
    for t in by_type.keys() {
        let (r, _, c) = tally(&dev, &pr, |e| e.gold_type == *t, opts.bonus);
        println!("{t:28} n={:4}  type {:5.1} → {:5.1}   sub {:5.1} → {:5.1}", r.n, r.typ_all(), c.typ_all(), r.sub_all(), c.sub_all());
    }
    println!("\n## per gold sub_event_type (random-fold CV; sub_event_type acc. rules → combined)");
    for s in SUB_EVENT_TYPES {
        let (r, _, c) = tally(&dev, &pr, |e| e.gold_sub == s, opts.bonus);
        if r.n > 0 {
            println!("{s:38} n={:4}  {:5.1} → {:5.1}", r.n, r.sub_all(), c.sub_all());
        }
    }

    // ---- leave-one-country-out for the 5 biggest dev countries
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for e in &dev {
        *counts.entry(e.country.as_str()).or_default() += 1;
    }
    let mut big: Vec<(&str, usize)> = counts.into_iter().collect();
    big.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    println!("\n## leave-one-country-out (train on dev minus the country; sub_event_type % of the country's rows)");
    println!("{:14} {:>5} | rules  model  b=0.1  b=0.2  b=0.3  b=0.5  chosen({:.2}) | event_type rules → chosen", "country", "n", opts.bonus);
    let (mut tot_r, mut tot_c, mut tot_n) = (0usize, 0usize, 0usize);
    for (country, n) in big.iter().take(5) {
        let fold = |e: &Ex| (e.country == *country) as usize;
        let tr: Vec<(Vec<u32>, &str)> =
            dev.iter().filter(|e| fold(e) == 0).filter_map(|e| e.det.as_ref().map(|d| (d.feats.clone(), e.gold_sub.as_str()))).collect();
        let m = train(&tr, &opts);
        let probs: Vec<Option<Vec<f32>>> = dev
            .iter()
            .map(|e| if fold(e) == 1 { e.det.as_ref().map(|d| m.scores(&d.feats).into_iter().map(|x| x.1).collect()) } else { None })
            .collect();
        let sel = |e: &Ex| e.country == *country;
        let at = |b: f32| tally(&dev, &probs, sel, b).2.sub_all();
        let (r, mo, c) = tally(&dev, &probs, sel, opts.bonus);
        tot_r += r.sub;
        tot_c += c.sub;
        tot_n += r.n;
        println!(
            "{country:14} {n:5} | {:5.1}  {:5.1}  {:5.1}  {:5.1}  {:5.1}  {:5.1}  {:5.1}        | {:5.1} → {:5.1}",
            r.sub_all(),
            mo.sub_all(),
            at(0.1),
            at(0.2),
            at(0.3),
            at(0.5),
            c.sub_all(),
            r.typ_all(),
            c.typ_all()
        );
    }
    println!("pooled over the 5: rules {:.1} % → chosen {:.1} % ({} rows)", Acc::pct(tot_r, tot_n), Acc::pct(tot_c, tot_n), tot_n);

    // ---- final model on all of dev
    let all: Vec<(Vec<u32>, &str)> = dev.iter().filter_map(|e| e.det.as_ref().map(|d| (d.feats.clone(), e.gold_sub.as_str()))).collect();
    let t2 = Instant::now();
    let model = train(&all, &opts);
    let bytes = model.to_bytes();
    println!(
        "\n## final model: {} examples, trained in {:.1?}; {} features, {} weights, {} bytes",
        all.len(),
        t2.elapsed(),
        model.n_features(),
        model.n_weights(),
        bytes.len()
    );
    let reps = 50;
    let t3 = Instant::now();
    for _ in 0..reps {
        std::hint::black_box(Model::from_bytes(std::hint::black_box(&bytes)).unwrap());
    }
    println!("load (from_bytes): {:.2} ms", t3.elapsed().as_secs_f64() * 1e3 / reps as f64);
    let model = Model::from_bytes(&bytes).unwrap();
    let dets: Vec<&Det> = dev.iter().filter_map(|e| e.det.as_ref()).collect();
    let t4 = Instant::now();
    let mut calls = 0usize;
    for _ in 0..5 {
        for d in &dets {
            let f = featurize(&d.text, d.rule_sub, d.i1, d.i2);
            std::hint::black_box(model.rerank(&f, d.rule_sub));
            calls += 1;
        }
    }
    let mean_len = dets.iter().map(|d| d.text.len()).sum::<usize>() as f64 / dets.len() as f64;
    println!(
        "featurize + rerank: {:.2} µs per call (mean text {:.0} bytes)",
        t4.elapsed().as_secs_f64() * 1e6 / calls as f64,
        mean_len
    );
    // In-sample (training) fit, for reference only.
    let fit: Vec<Option<Vec<f32>>> = dev.iter().map(|e| e.det.as_ref().map(|d| model.scores(&d.feats).into_iter().map(|x| x.1).collect())).collect();
    println!("training-set fit (not an estimate): {}", tally(&dev, &fit, |_| true, opts.bonus).2.row());
    println!(
        "embedded model in this binary: {}",
        if Model::embedded().is_empty() {
            "none (rules only)".to_string()
        } else if Model::embedded().to_bytes() == bytes {
            "identical to the model just trained (reproduced)".to_string()
        } else {
            "differs from the model just trained (rebuild to embed it)".to_string()
        }
    );
    if let Some(o) = &out {
        std::fs::write(o, &bytes).unwrap_or_else(|e| panic!("{}: {e}", o.display()));
        println!("wrote {}", o.display());
    }

    // ---- the test split: scored once, never trained on
    if eval_test {
        let test_rows: Vec<&acled::Row> = rows.iter().filter(|r| acled::split_of(&r.event_id_cnty) == Split::Test).collect();
        let test = build(&test_rows, whole_note, k);
        let probs: Vec<Option<Vec<f32>>> =
            test.iter().map(|e| e.det.as_ref().map(|d| model.scores(&d.feats).into_iter().map(|x| x.1).collect())).collect();
        let (r, m, c) = tally(&test, &probs, |_| true, opts.bonus);
        println!("\n## test split ({} rows, {} with an event), model trained on all of dev", r.n, r.det);
        println!("rules alone : {}", r.row());
        println!("model alone : {}", m.row());
        println!("combined    : {}", c.row());
        for &b in &BONUSES {
            let a = tally(&test, &probs, |_| true, b).2;
            println!("  bonus {b:4.2}: sub {:5.1} %  type {:5.1} %", a.sub_all(), a.typ_all());
        }
    }
}
