//! ACLED's renames of non-state actors (`data/actors/renamed.tsv`): from a date an actor is
//! coded under a new name ("Islamic State (Greater Sahara)" → "Islamic State (Sahel)" from
//! March 2022).

use std::sync::OnceLock;

use jiff::civil::Date;

use crate::data::{rows, DataError, RENAMED_TSV};

const FILE: &str = "data/actors/renamed.tsv";

/// One rename: `name` is coded `new_name` on and after `from`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rename {
    pub name: String,
    pub from: Date,
    pub new_name: String,
}

pub fn parse_renamed() -> Result<Vec<Rename>, DataError> {
    let mut out = Vec::new();
    for (line, f) in rows(FILE, RENAMED_TSV, 4)? {
        let bad = |column: &'static str, value: &str, reason: &str| DataError::Value { file: FILE, line, column, value: value.into(), reason: reason.into() };
        let from: Date = f[1].parse().map_err(|e: jiff::Error| bad("from", f[1], &e.to_string()))?;
        if f[0].is_empty() || f[2].is_empty() || f[0] == f[2] {
            return Err(bad("new_name", f[2], "needs a name and a different new name"));
        }
        out.push(Rename { name: f[0].to_string(), from, new_name: f[2].to_string() });
    }
    Ok(out)
}

/// The name `name` takes on `date`, when ACLED renamed it by then.
pub fn renamed(name: &str, date: Date) -> Option<&'static str> {
    static R: OnceLock<Vec<Rename>> = OnceLock::new();
    let r = R.get_or_init(|| parse_renamed().unwrap_or_else(|e| panic!("embedded renames: {e}")));
    r.iter().find(|x| x.name == name && date >= x.from).map(|x| x.new_name.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rename_applies_from_its_date() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(renamed("Islamic State (Greater Sahara)", d("2021-06-01")), None);
        assert_eq!(renamed("Islamic State (Greater Sahara)", d("2023-06-01")), Some("Islamic State (Sahel)"));
        assert_eq!(renamed("Al Shabaab", d("2023-06-01")), None);
        assert!(!parse_renamed().unwrap().is_empty());
    }
}
