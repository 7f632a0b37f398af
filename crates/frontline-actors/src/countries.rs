//! The country table (`data/countries.tsv`).

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::data::{bad, list, rows, DataError, COUNTRIES_TSV};

const FILE: &str = "data/countries.tsv";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryInfo {
    pub iso2: String,
    pub iso3: String,
    /// ISO 3166-1 numeric; 0 for Kosovo (no ISO code; ACLED uses 0 too).
    pub iso_numeric: u16,
    /// The name as ACLED spells it ("Democratic Republic of Congo").
    pub name: String,
    /// ACLED region ("Middle East").
    pub region: String,
    pub demonyms: Vec<String>,
    /// GeoNames' country name ("Democratic Republic of the Congo").
    pub geonames_name: String,
}

#[derive(Debug)]
pub struct Countries {
    list: Vec<CountryInfo>,
    by_iso2: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
    by_demonym: HashMap<String, usize>,
}

impl Countries {
    pub fn parse() -> Result<Countries, DataError> {
        let mut list = Vec::new();
        for (line, f) in rows(FILE, COUNTRIES_TSV, 7)? {
            if f[0].len() != 2 || !f[0].bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(bad(FILE, line, "iso2", f[0], "two capital letters"));
            }
            if f[1].len() != 3 {
                return Err(bad(FILE, line, "iso3", f[1], "three letters"));
            }
            let num: u16 = f[2].parse().map_err(|_| bad(FILE, line, "iso_numeric", f[2], "integer"))?;
            if f[3].is_empty() || f[4].is_empty() || f[6].is_empty() {
                return Err(bad(FILE, line, "acled_name/acled_region/geonames_name", "", "empty"));
            }
            list.push(CountryInfo {
                iso2: f[0].to_string(),
                iso3: f[1].to_string(),
                iso_numeric: num,
                name: f[3].to_string(),
                region: f[4].to_string(),
                demonyms: list_owned(f[5]),
                geonames_name: f[6].to_string(),
            });
        }
        let mut by_iso2 = HashMap::new();
        let mut by_name = HashMap::new();
        let mut by_demonym = HashMap::new();
        for (i, c) in list.iter().enumerate() {
            if by_iso2.insert(c.iso2.clone(), i).is_some() {
                return Err(bad(FILE, 0, "iso2", &c.iso2, "duplicate"));
            }
            by_name.entry(c.name.to_lowercase()).or_insert(i);
            by_name.entry(c.geonames_name.to_lowercase()).or_insert(i);
            for d in &c.demonyms {
                by_demonym.entry(d.to_lowercase()).or_insert(i);
            }
        }
        Ok(Countries { list, by_iso2, by_name, by_demonym })
    }
    pub fn all(&self) -> &[CountryInfo] {
        &self.list
    }
    pub fn by_iso2(&self, iso2: &str) -> Option<&CountryInfo> {
        self.by_iso2.get(&iso2.to_ascii_uppercase()).map(|&i| &self.list[i])
    }
    /// ACLED or GeoNames name, case-insensitive; a leading "the " is ignored.
    pub fn by_name(&self, name: &str) -> Option<&CountryInfo> {
        let n = name.trim().to_lowercase();
        let n = n.strip_prefix("the ").unwrap_or(&n);
        self.by_name.get(n).map(|&i| &self.list[i])
    }
    /// Demonym, case-insensitive ("Syrians", "Burkinabè"). Shared demonyms go to the first row listing them.
    /// "Palestinians", "Syrians": the plural of a demonym names people, never a state force.
    pub fn is_plural_demonym(&self, word: &str) -> bool {
        word.strip_suffix('s').is_some_and(|w| self.by_demonym(w).is_some())
    }

    pub fn by_demonym(&self, demonym: &str) -> Option<&CountryInfo> {
        let d = demonym.trim().to_lowercase().replace('’', "'");
        self.by_demonym.get(&d).map(|&i| &self.list[i])
    }
}

fn list_owned(s: &'static str) -> Vec<String> {
    list(s).into_iter().map(String::from).collect()
}

/// The country table, parsed once.
pub fn countries() -> &'static Countries {
    static C: OnceLock<Countries> = OnceLock::new();
    C.get_or_init(|| Countries::parse().unwrap_or_else(|e| panic!("embedded countries table: {e}")))
}
