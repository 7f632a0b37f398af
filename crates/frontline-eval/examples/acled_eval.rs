//! Scores the pipeline on an ACLED export, as `frontline eval acled` does:
//!
//! ```text
//! cargo run --release -p frontline-eval --example acled_eval -- FILE.csv \
//!     [--split dev|test|all] [--strip-admin] [--limit N] [--show-errors N] [--dump FILE.tsv] [--rules-only] [--shift-months N]
//! ```
//!
//! `--rules-only` runs the pipeline without the trained sub-event reranker, to tune the rules
//! on the dev split (the reranker was trained on it, so its dev figures flatter it).
//!
//! `--dump` writes one line per scored row (id, gold and predicted fields, note) for
//! error analysis.

use std::io::Write;
use std::path::PathBuf;

use frontline_eval::acled::{self, Field, Options};
use frontline_model::RawArticle;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut path: Option<PathBuf> = None;
    let mut opts = Options::default();
    let mut dump: Option<PathBuf> = None;
    let mut rerank = true;
    let usage = "usage: acled_eval FILE.csv [--split dev|test|all] [--strip-admin] [--limit N] [--show-errors N] [--dump FILE.tsv] [--rules-only] [--shift-months N]";
    while let Some(a) = args.next() {
        let mut val = |name: &str| {
            args.next()
                .unwrap_or_else(|| panic!("{name} needs a value\n{usage}"))
        };
        match a.as_str() {
            "--split" => opts.split = val("--split").parse().unwrap_or_else(|e| panic!("{e}")),
            "--strip-admin" => opts.strip_admin = true,
            "--limit" => opts.limit = Some(val("--limit").parse().expect("--limit N")),
            "--show-errors" => {
                opts.show_errors = val("--show-errors").parse().expect("--show-errors N")
            }
            "--dump" => dump = Some(val("--dump").into()),
            "--rules-only" => rerank = false,
            "--shift-months" => opts.shift_months = val("--shift-months").parse().expect("--shift-months N"),
            "-h" | "--help" => {
                println!("{usage}");
                return;
            }
            _ if path.is_none() && !a.starts_with("--") => path = Some(a.into()),
            _ => panic!("unexpected argument {a:?}\n{usage}"),
        }
    }
    let path = path.unwrap_or_else(|| panic!("{usage}"));
    let rows = match acled::load(&path) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    let t0 = std::time::Instant::now();
    let extract = |note: &str| {
        frontline_pipeline::process_with(
            RawArticle { id: "acled".into(), text: note.to_string(), published: None, ..Default::default() },
            frontline_pipeline::Options { rerank, gate: rerank },
        )
    };
    let report = acled::evaluate(&rows, &opts, &extract);
    eprintln!("{} rows scored in {:.1?}", report.cases.len(), t0.elapsed());
    print!("{report}");
    if let Some(d) = dump {
        let mut w = std::io::BufWriter::new(std::fs::File::create(&d).expect("create dump file"));
        let clean = |s: &str| s.replace(['\t', '\n'], " ");
        writeln!(w, "id\tok\tgold_type\tgold_sub\tpred_type\tpred_sub\tgold_a1\tgold_a2\tpred_a1\tpred_a2\tgold_date\tpred_date\tgold_loc\tgold_admin1\tpred_loc\tpred_admin1\tkm\tgold_fat\tpred_fat\tn_events\tnote").unwrap();
        for c in &report.cases {
            let ok: String = Field::ALL
                .iter()
                .map(|f| if c.correct(*f) { '1' } else { '0' })
                .collect();
            let p = c.pred.clone().unwrap_or_default();
            let g = &c.gold;
            writeln!(
                w,
                "{}\t{ok}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                g.event_id_cnty,
                g.event_type,
                g.sub_event_type,
                p.event_type,
                p.sub_event_type,
                g.actor1,
                g.actor2,
                p.actor1,
                p.actor2,
                g.event_date,
                p.event_date.map(|d| d.to_string()).unwrap_or_default(),
                g.location,
                g.admin1,
                p.location,
                p.admin1,
                c.distance_km.map(|k| format!("{k:.0}")).unwrap_or_default(),
                g.fatalities,
                p.fatalities,
                p.n_events,
                clean(&c.text)
            )
            .unwrap();
        }
    }
}
