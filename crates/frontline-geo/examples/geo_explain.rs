//! Show the geoparser's candidates and scores for a text or an evaluation article.
//!
//!     cargo run --release -p frontline-geo --example geo_explain -- --text "Clashes in La Victoria, Lambayeque."
//!     cargo run --release -p frontline-geo --example geo_explain -- lgl /work/shared/eval/geo/lgl.xml <article id>

use frontline_geo::eval::{load, Corpus};
use frontline_geo::{explain, GeoHints};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let hints = GeoHints::default();
    if args.first().map(String::as_str) == Some("--text") {
        let text = args[1..].join(" ");
        print!("{}", explain(&text, &hints));
        return;
    }
    if args.len() < 3 {
        eprintln!("usage: geo_explain --text TEXT | geo_explain <lgl|geovirus> <file.xml> <id>");
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
    for a in arts.iter().filter(|a| a.id == args[2]) {
        println!("{}\n", a.text);
        for t in &a.toponyms {
            println!("gold {:?} ({:.3},{:.3})", t.phrase, t.latitude, t.longitude);
        }
        print!("{}", explain(&a.text, &hints));
    }
}
