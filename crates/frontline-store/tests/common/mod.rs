//! Helpers shared by the store's integration tests.

use frontline_store::{Filter, Store};

/// Every canonical event with its members, one JSON line each, `timestamp` zeroed (it is the
/// wall clock of the last change); with `stats`, the store's statistics as a last line.
pub fn snapshot(s: &Store, stats: bool) -> String {
    let mut out = String::new();
    for mut e in s.events(&Filter::default(), true).unwrap() {
        e.timestamp = 0;
        out.push_str(&serde_json::to_string(&e).unwrap());
        out.push('\n');
    }
    if stats {
        out.push_str(&serde_json::to_string(&s.stats().unwrap()).unwrap());
        out.push('\n');
    }
    out
}
