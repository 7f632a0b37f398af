//! `cargo run -p frontline-store --example store_demo -- DB FORMAT SOURCE...`: ingest, then export to stdout.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut store = frontline_store::Store::open(&args[0]).unwrap();
    let r = store.ingest_paths(&args[2..], &Default::default(), &mut |_| {}).unwrap();
    eprintln!("{}", serde_json::to_string(&r).unwrap());
    let fmt: frontline_store::ExportFormat = args[1].parse().unwrap();
    let mut out = std::io::stdout();
    frontline_store::export(&store, &Default::default(), fmt, &mut out).unwrap();
}
