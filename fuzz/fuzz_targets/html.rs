//! `cargo fuzz run html`: arbitrary bytes as an HTML page (decoding + extraction).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(page) = frontline_clean::extract_bytes(data) {
        for r in &page.removed {
            assert!(r.span.end <= page.text.len());
        }
    }
});
