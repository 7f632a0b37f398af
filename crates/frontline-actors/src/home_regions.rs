//! Where regionally anchored actors operate (`data/actors/home_regions.tsv`): first-level units
//! that let the geoparser choose among namesakes ("near Pervomaisk" in an OSCE SMM report is the
//! Pervomaisk of Luhansk oblast).

use std::sync::OnceLock;

use jiff::civil::Date;

use crate::data::{rows, DataError, HOME_REGIONS_TSV};

const FILE: &str = "data/actors/home_regions.tsv";

/// One row: `actor` operates in `units` of `iso2` during [from, to) (open ends when `None`).
#[derive(Debug, Clone)]
pub struct HomeRegion {
    pub actor: String,
    pub iso2: String,
    /// Admin-1 names as the gazetteer knows them ("Donetsk", "Cabo Delgado").
    pub units: Vec<String>,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub source: String,
}

impl HomeRegion {
    /// Whether the row applies on `date`; an undated report matches open-ended rows only.
    pub fn applies(&self, date: Option<Date>) -> bool {
        match date {
            Some(d) => self.from.map_or(true, |f| f <= d) && self.to.map_or(true, |t| d < t),
            None => self.from.is_none() && self.to.is_none(),
        }
    }
}

pub fn parse_home_regions() -> Result<Vec<HomeRegion>, DataError> {
    let mut out: Vec<HomeRegion> = Vec::new();
    for (line, f) in rows(FILE, HOME_REGIONS_TSV, 6)? {
        let bad = |column: &'static str, value: &str, reason: &str| crate::data::bad(FILE, line, column, value, reason);
        if f[0].is_empty() {
            return Err(bad("actor", f[0], "empty"));
        }
        if crate::countries().by_iso2(f[1]).is_none() {
            return Err(bad("iso2", f[1], "not in countries.tsv"));
        }
        let units: Vec<String> = f[2].split('|').map(str::trim).filter(|u| !u.is_empty()).map(String::from).collect();
        if units.is_empty() {
            return Err(bad("units", f[2], "no unit"));
        }
        let date = |column: &'static str, s: &str| -> Result<Option<Date>, DataError> {
            match s {
                "-" => Ok(None),
                _ => s.parse().map(Some).map_err(|e: jiff::Error| bad(column, s, &e.to_string())),
            }
        };
        let (from, to) = (date("from", f[3])?, date("to", f[4])?);
        if let (Some(a), Some(b)) = (from, to) {
            if a >= b {
                return Err(bad("to", f[4], "not after from"));
            }
        }
        if f[5].is_empty() {
            return Err(bad("source", f[5], "every row needs a source"));
        }
        if out.iter().any(|h| h.actor == f[0] && h.iso2 == f[1]) {
            return Err(bad("actor", f[0], "one row per actor and country"));
        }
        out.push(HomeRegion { actor: f[0].into(), iso2: f[1].into(), units, from, to, source: f[5].into() });
    }
    Ok(out)
}

pub fn home_regions_all() -> &'static [HomeRegion] {
    static H: OnceLock<Vec<HomeRegion>> = OnceLock::new();
    H.get_or_init(|| parse_home_regions().unwrap_or_else(|e| panic!("embedded home regions: {e}")))
}

/// The rows for the actor named `actor` (its canonical name in groups.tsv or organisations.tsv)
/// that apply on `date`.
pub fn home_regions(actor: &str, date: Option<Date>) -> impl Iterator<Item = &'static HomeRegion> + '_ {
    home_regions_all().iter().filter(move |h| h.actor == actor && h.applies(date))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_home_regions_parse_and_name_known_actors() {
        let rows = parse_home_regions().unwrap();
        assert!(!rows.is_empty());
        let orgs: Vec<&str> = crate::data::rows("data/actors/organisations.tsv", crate::data::ORGANISATIONS_TSV, 4)
            .unwrap()
            .into_iter()
            .map(|(_, f)| f[0])
            .collect();
        for h in rows {
            assert!(
                crate::dict().group(&h.actor).is_some() || orgs.contains(&h.actor.as_str()),
                "{}: not a canonical name in groups.tsv or organisations.tsv",
                h.actor
            );
            assert!(h.source.contains("http"), "{}: the source should be a URL", h.actor);
        }
    }

    #[test]
    fn rows_apply_in_their_period() {
        let d = |s: &str| Some(s.parse::<Date>().unwrap());
        let units = |a: &str, date| home_regions(a, date).flat_map(|h| h.units.iter().cloned()).collect::<Vec<_>>();
        assert_eq!(units("NAF: United Armed Forces of Novorossiya", d("2020-05-08")), ["Donetsk", "Luhansk"]);
        assert!(units("NAF: United Armed Forces of Novorossiya", d("2023-01-01")).is_empty(), "after the full-scale invasion");
        assert!(units("OSCE SMM", None).is_empty(), "an undated report matches open-ended rows only");
        assert_eq!(units("BLA: Baloch Liberation Army", None), ["Balochistan"]);
        assert!(units("Al Shabaab", d("2020-05-08")).is_empty(), "country-wide groups have no row");
    }
}
