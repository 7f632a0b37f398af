//! Geoparser evaluation and timing.
//!
//!     cargo run --release -p frontline-geo --example geo_eval -- lgl /work/shared/eval/geo/lgl.xml
//!     cargo run --release -p frontline-geo --example geo_eval -- geovirus /work/shared/eval/geo/GeoVirus.xml [--errors N]

use frontline_geo::eval::{evaluate, load, Corpus};
use frontline_geo::{geoparse, GeoHints, Gazetteer};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        eprintln!("usage: geo_eval <lgl|geovirus> <file.xml> [--errors N]");
        std::process::exit(2);
    }
    let corpus: Corpus = match args[0].parse() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let show: usize = args.iter().position(|a| a == "--errors").and_then(|i| args.get(i + 1)).and_then(|s| s.parse().ok()).unwrap_or(0);

    let t0 = Instant::now();
    let g = Gazetteer::embedded();
    let _ = g.lookup("Aleppo");
    let startup = t0.elapsed();
    println!("gazetteer start-up       {:.3} ms ({} records)", startup.as_secs_f64() * 1e3, g.len());

    let arts = match load(corpus, std::path::Path::new(&args[1])) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let hints = GeoHints::default();
    let rep = evaluate(&arts, &|t| geoparse(t, &hints));
    print!("{rep}");

    // throughput on 3 KB slices of the corpus text
    let mut all = String::new();
    for a in &arts {
        all.push_str(&a.text);
        all.push('\n');
    }
    let mut chunks = Vec::new();
    let mut s = 0;
    while s + 3000 < all.len() && chunks.len() < 500 {
        let mut e = s + 3000;
        while !all.is_char_boundary(e) {
            e += 1;
        }
        chunks.push(&all[s..e]);
        s = e;
    }
    let t1 = Instant::now();
    let mut n = 0;
    for _ in 0..3 {
        for c in &chunks {
            n += geoparse(c, &hints).len();
        }
    }
    let per = t1.elapsed().as_secs_f64() * 1e6 / (3 * chunks.len()).max(1) as f64;
    println!("geoparse 3 KB text        {per:.0} µs/article ({n} mentions)");

    if show > 0 {
        print!("\n{}", rep.errors(show));
    }
}
