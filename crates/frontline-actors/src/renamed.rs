//! ACLED's renames of non-state actors (`data/actors/renamed.tsv`): for a period an actor is
//! coded under another name ("Islamic State (Greater Sahara)" → "Islamic State (Sahel)" from
//! March 2022; a bare "Boko Haram" is Shekau's JAS before the August 2016 split).

use std::sync::OnceLock;

use jiff::civil::Date;

use crate::data::{rows, DataError, RENAMED_TSV};

const FILE: &str = "data/actors/renamed.tsv";

/// One rename: `name` is coded `new_name` on and after `from` (if any) and before `to` (if any).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rename {
    pub name: String,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub new_name: String,
}

pub fn parse_renamed() -> Result<Vec<Rename>, DataError> {
    let mut out = Vec::new();
    for (line, f) in rows(FILE, RENAMED_TSV, 5)? {
        let bad = |column: &'static str, value: &str, reason: &str| DataError::Value { file: FILE, line, column, value: value.into(), reason: reason.into() };
        let date = |column: &'static str, v: &str| -> Result<Option<Date>, DataError> {
            if v == "-" {
                return Ok(None);
            }
            v.parse().map(Some).map_err(|e: jiff::Error| bad(column, v, &e.to_string()))
        };
        let (from, to) = (date("from", f[1])?, date("to", f[2])?);
        if from.is_none() && to.is_none() {
            return Err(bad("to", f[2], "needs a from or a to date"));
        }
        if let (Some(a), Some(b)) = (from, to) {
            if a >= b {
                return Err(bad("to", f[2], "must be after from"));
            }
        }
        if f[0].is_empty() || f[3].is_empty() || f[0] == f[3] {
            return Err(bad("new_name", f[3], "needs a name and a different new name"));
        }
        out.push(Rename { name: f[0].to_string(), from, to, new_name: f[3].to_string() });
    }
    Ok(out)
}

/// The name `name` takes on `date`, when ACLED renamed it by then.
pub fn renamed(name: &str, date: Date) -> Option<&'static str> {
    static R: OnceLock<Vec<Rename>> = OnceLock::new();
    let r = R.get_or_init(|| parse_renamed().unwrap_or_else(|e| panic!("embedded renames: {e}")));
    r.iter().find(|x| x.name == name && x.from.is_none_or(|f| date >= f) && x.to.is_none_or(|t| date < t)).map(|x| x.new_name.as_str())
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
        // a period that ends: one "Boko Haram" before the 2016 split
        let bh = "Islamic State (West Africa) and/or Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad";
        assert_eq!(renamed(bh, d("2014-04-14")), Some("Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad"));
        assert_eq!(renamed(bh, d("2016-08-03")), None);
        assert!(!parse_renamed().unwrap().is_empty());
    }
}
