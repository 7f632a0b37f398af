//! Copies the committed model (data/models/subevent.bin) into OUT_DIR so the library can
//! embed it with `include_bytes!`. A missing model becomes an empty file: the crate then
//! builds and `rerank` falls back to the rule's sub-event type.

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let src = manifest.join("../../data/models/subevent.bin");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("subevent.bin");
    println!("cargo:rerun-if-changed={}", src.display());
    println!("cargo:rerun-if-changed=build.rs");
    let bytes = std::fs::read(&src).unwrap_or_default();
    std::fs::write(&out, bytes).expect("write OUT_DIR/subevent.bin");
}
