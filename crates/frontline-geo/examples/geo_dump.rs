//! Every found gold toponym with its prediction, tab-separated, for error analysis.
//!
//!     cargo run --release -p frontline-geo --example geo_dump -- geovirus ../shared/eval/geo/GeoVirus.xml > gv.tsv
//!
//! Columns: article, phrase, predicted name, country, feature code, population, gold lat, gold
//! lon, predicted lat, predicted lon, km (a missed toponym has "-" for the prediction).

use frontline_geo::eval::{best_match, load, Corpus};
use frontline_geo::{geoparse, haversine_km, GeoHints};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        eprintln!("usage: geo_dump <lgl|geovirus> <file.xml>");
        std::process::exit(2);
    }
    let corpus: Corpus = args[0].parse().unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(2)
    });
    let arts = load(corpus, std::path::Path::new(&args[1])).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    let hints = GeoHints::default();
    for a in &arts {
        let pred = geoparse(&a.text, &hints);
        for g in &a.toponyms {
            match best_match(&pred, g.span) {
                Some(p) => println!(
                    "{}\t{}\t{}\t{}\t{}\t{}\t{:.4}\t{:.4}\t{:.4}\t{:.4}\t{:.0}",
                    a.id,
                    g.phrase,
                    p.name,
                    p.country_code,
                    p.feature_code,
                    p.population,
                    g.latitude,
                    g.longitude,
                    p.latitude,
                    p.longitude,
                    haversine_km((p.latitude, p.longitude), (g.latitude, g.longitude))
                ),
                None => println!("{}\t{}\t-\t-\t-\t-\t{:.4}\t{:.4}\t-\t-\t-", a.id, g.phrase, g.latitude, g.longitude),
            }
        }
    }
}
