//! `cargo fuzz run pipeline`: any text through every stage; spans must stay valid.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let doc = frontline_pipeline::process(frontline_model::RawArticle {
        id: "fuzz".into(),
        text: text.to_string(),
        published: "2024-11-30".parse().ok(),
        ..Default::default()
    });
    let out = frontline_model::output::ArticleOut::from_document(&doc, false);
    assert!(out.events.iter().all(|e| e.evidence.iter().all(|ev| ev.start <= ev.end)));
});
