//! Compiles the actor dictionary at build time: parses and expands data/countries.tsv and data/actors/*.tsv
//! with the library's own modules (included below, one implementation), builds the two daachorse automata
//! and writes them, plus the entry tables, to OUT_DIR for `include_bytes!` in src/dict.rs.

#![allow(dead_code)]

#[path = "src/compile.rs"]
mod compile;
#[path = "src/countries.rs"]
mod countries;
#[path = "src/data.rs"]
mod data;
#[path = "src/kinds.rs"]
mod kinds;
#[path = "src/state.rs"]
mod state;

use kinds::{Branch, Role};

use daachorse::{DoubleArrayAhoCorasickBuilder, MatchKind};

fn automaton(forms: Vec<(String, u32)>) -> Vec<u8> {
    DoubleArrayAhoCorasickBuilder::new()
        .match_kind(MatchKind::Standard)
        .build_with_values::<_, _, u32>(forms)
        .expect("daachorse build over distinct, non-empty patterns")
        .serialize()
}

fn main() {
    for (path, _) in data::FILES {
        println!("cargo:rerun-if-changed=../../{path}");
    }
    for f in ["compile.rs", "countries.rs", "data.rs", "kinds.rs", "state.rs"] {
        println!("cargo:rerun-if-changed=src/{f}");
    }
    println!("cargo:rerun-if-changed=build.rs");

    let c = compile::compile().unwrap_or_else(|e| panic!("actor data: {e}"));
    let (ci_forms, ci_same) = compile::distinct_forms(&c.ci, true);
    let (cs_forms, cs_same) = compile::distinct_forms(&c.cs, false);
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    std::fs::write(out.join("actors_ci.daac"), automaton(ci_forms)).expect("write actors_ci.daac");
    std::fs::write(out.join("actors_cs.daac"), automaton(cs_forms)).expect("write actors_cs.daac");
    let tables = compile::Tables::new(c, &ci_same, &cs_same);
    std::fs::write(out.join("actors_tables.bin"), tables.encode()).expect("write actors_tables.bin");
}
