//! Copies the committed models (data/models/subevent.bin, gate.bin) into OUT_DIR so the library can
//! embed it with `include_bytes!`. A missing model becomes an empty file: the crate then
//! builds and `rerank` falls back to the rule's sub-event type.

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    println!("cargo:rerun-if-changed=build.rs");
    for name in ["subevent.bin", "gate.bin"] {
        let src = manifest.join("../../data/models").join(name);
        let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join(name);
        println!("cargo:rerun-if-changed={}", src.display());
        let bytes = std::fs::read(&src).unwrap_or_default();
        std::fs::write(&out, bytes).unwrap_or_else(|e| panic!("write OUT_DIR/{name}: {e}"));
    }
}
