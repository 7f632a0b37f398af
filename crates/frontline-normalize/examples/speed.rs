//! Throughput of the normalisers over article texts (`<text>…</text>`, CDATA or not):
//! `cargo run --release -p frontline-normalize --example speed -- FILE.xml [FILE…]`
use std::time::Instant;

fn texts(xml: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(i) = rest.find("<text>") {
        rest = &rest[i + 6..];
        let Some(j) = rest.find("</text>") else { break };
        let t = rest[..j].trim();
        let t = t.strip_prefix("<![CDATA[").and_then(|t| t.strip_suffix("]]>")).unwrap_or(t);
        out.push(t.to_string());
        rest = &rest[j + 7..];
    }
    out
}

fn main() {
    let mut arts = Vec::new();
    for f in std::env::args().skip(1) {
        arts.extend(texts(&std::fs::read_to_string(&f).expect("read file")));
    }
    assert!(!arts.is_empty(), "no <text> elements found");
    let bytes: usize = arts.iter().map(|a| a.len()).sum();
    println!("{} articles, mean {} bytes", arts.len(), bytes / arts.len());
    let published = Some(jiff::civil::date(2020, 5, 9));
    // Warm up (lazy regex compilation, DFA caches).
    for a in arts.iter().take(20) {
        std::hint::black_box(frontline_normalize::find_times(a, published));
        std::hint::black_box(frontline_normalize::find_quantities(a));
    }
    let rounds = 3;
    let n = (arts.len() * rounds) as f64;
    let t = Instant::now();
    for _ in 0..rounds {
        for a in &arts {
            std::hint::black_box(frontline_normalize::find_times(a, published));
        }
    }
    println!("find_times:           {:8.1} µs/article", t.elapsed().as_secs_f64() * 1e6 / n);
    let t = Instant::now();
    for _ in 0..rounds {
        for a in &arts {
            std::hint::black_box(frontline_normalize::latest_explicit_date(a));
        }
    }
    println!("latest_explicit_date: {:8.1} µs/article", t.elapsed().as_secs_f64() * 1e6 / n);
    let t = Instant::now();
    for _ in 0..rounds {
        for a in &arts {
            std::hint::black_box(frontline_normalize::find_quantities(a));
        }
    }
    println!("find_quantities:      {:8.1} µs/article", t.elapsed().as_secs_f64() * 1e6 / n);
}
