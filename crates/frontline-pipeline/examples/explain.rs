//! Prints what the pipeline makes of one text: actor mentions and events, one line each.
//!
//! ```text
//! cargo run --release -p frontline-pipeline --example explain -- "On 3 May 2020, ..." [YYYY-MM-DD] [--rules-only]
//! ```
//! The same extraction as `frontline extract`, without the CLI and its output contract: for
//! looking at one sentence while changing a rule. With `FRONTLINE_TRACE=1` in the environment,
//! `events::detect` also prints each sentence's trigger classes, actor hits, sides and cues.

fn main() {
    let rules_only = std::env::args().any(|a| a == "--rules-only");
    let mut args = std::env::args().skip(1).filter(|a| a != "--rules-only");
    let Some(text) = args.next() else {
        eprintln!("usage: explain TEXT [PUBLISHED]");
        std::process::exit(2);
    };
    let published = args.next().map(|d| d.parse().expect("PUBLISHED as YYYY-MM-DD"));
    let raw = frontline_model::RawArticle { id: "explain".into(), text, published, ..Default::default() };
    let doc = frontline_pipeline::process_with(raw, frontline_pipeline::Options { rerank: !rules_only, gate: !rules_only });
    for a in &doc.actors {
        println!("actor  {:?} -> {}", a.span.text(&doc.text), a.actor);
    }
    for p in &doc.places {
        println!("place  {:?} -> {} ({}) {:.3},{:.3}", p.span.text(&doc.text), p.name, p.country_code, p.latitude, p.longitude);
    }
    for e in &doc.events {
        println!(
            "event  {} / {} | {} [{:?}] vs {} [{:?}] | {} {} | {:?} | fat {}",
            e.event_type, e.sub_event_type, e.actor1, e.inter1, e.actor2, e.inter2, e.location, e.country, e.event_date, e.fatalities
        );
    }
}
