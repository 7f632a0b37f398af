//! Prints the time mentions and quantities of each stdin line (debugging aid):
//! `cargo run -p frontline-normalize --example dump -- [YYYY-MM-DD] < lines.txt`
use std::io::BufRead;

fn main() {
    let published = std::env::args().nth(1).and_then(|s| s.parse::<jiff::civil::Date>().ok());
    for line in std::io::stdin().lock().lines() {
        let line = line.unwrap();
        println!("{line}");
        for t in frontline_normalize::time::find_times(&line, published) {
            println!("  T {:?} {} {:?} p{} explicit={} coarse={}", t.span.text(&line), t.start, t.end, t.precision, t.explicit, t.coarse);
        }
        for q in frontline_normalize::quantity::find_quantities(&line) {
            println!("  Q {:?} {}/{}/{:?} unit={:?} vague={} approx={}", q.span.text(&line), q.low, q.best, q.high, q.unit, q.vague, q.approximate);
        }
    }
}
