//! ACLED's English admin1 names (`data/gazetteer/acled_admin1.tsv`): (iso2, GeoNames admin1 code) →
//! the name ACLED writes ("SY", "09" → "Aleppo" where GeoNames has "Ḩalab").

use std::collections::HashMap;
use std::sync::OnceLock;

const TSV: &str = include_str!("../../../data/gazetteer/acled_admin1.tsv");

type Table = HashMap<([u8; 2], &'static str), &'static str>;

fn parse(text: &'static str) -> Result<Table, String> {
    let mut t = Table::new();
    let mut header = false;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if !header {
            header = true;
            continue;
        }
        let f: Vec<&str> = line.split('\t').map(str::trim).collect();
        let bad = |why: &str| format!("data/gazetteer/acled_admin1.tsv:{}: {why}", i + 1);
        if f.len() < 4 {
            return Err(bad("expected iso2, admin1_code, acled_admin1, source[, geonames_name]"));
        }
        let cc = f[0].as_bytes();
        if cc.len() != 2 || !cc.iter().all(u8::is_ascii_uppercase) {
            return Err(bad("iso2 must be two capital letters"));
        }
        if f[1].is_empty() || f[2].is_empty() || f[3].is_empty() {
            return Err(bad("empty admin1_code, acled_admin1 or source"));
        }
        if t.insert(([cc[0], cc[1]], f[1]), f[2]).is_some() {
            return Err(bad("duplicate (iso2, admin1_code)"));
        }
    }
    Ok(t)
}

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| parse(TSV).unwrap_or_else(|e| panic!("embedded {e}")))
}

/// ACLED's admin1 name for a GeoNames unit, if it differs from the gazetteer's.
pub fn acled_admin1(cc: [u8; 2], admin1_code: &'static str) -> Option<&'static str> {
    table().get(&(cc, admin1_code)).copied()
}

/// Parses the embedded table (for tests).
#[cfg(test)]
pub fn validate() -> Result<usize, String> {
    parse(TSV).map(|t| t.len())
}
