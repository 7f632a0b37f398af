//! Embedded data files and their typed parse errors.

use thiserror::Error;

pub const COUNTRIES_TSV: &str = include_str!("../../../data/countries.tsv");
pub const STATE_FORCES_TSV: &str = include_str!("../../../data/actors/state_forces.tsv");
pub const STATE_ALIASES_TSV: &str = include_str!("../../../data/actors/state_aliases.tsv");
pub const GROUPS_TSV: &str = include_str!("../../../data/actors/groups.tsv");
pub const GENERIC_TSV: &str = include_str!("../../../data/actors/generic.tsv");
pub const ORGANISATIONS_TSV: &str = include_str!("../../../data/actors/organisations.tsv");
pub const CONVENTIONS_TSV: &str = include_str!("../../../data/actors/conventions.tsv");
pub const GANG_NAMES_TSV: &str = include_str!("../../../data/actors/gang_names.tsv");
pub const COALITIONS_TSV: &str = include_str!("../../../data/actors/coalitions.tsv");
pub const DONBAS_CONTROL_TSV: &str = include_str!("../../../data/actors/donbas_control.tsv");
pub const COMMUNITY_MILITIAS_TSV: &str = include_str!("../../../data/actors/community_militias.tsv");
pub const GENDARMERIES_TSV: &str = include_str!("../../../data/actors/gendarmeries.tsv");
pub const GANG_REGIONS_TSV: &str = include_str!("../../../data/actors/gang_regions.tsv");
pub const GROUPS_IN_POWER_TSV: &str = include_str!("../../../data/actors/groups_in_power.tsv");
pub const HOME_REGIONS_TSV: &str = include_str!("../../../data/actors/home_regions.tsv");
pub const RENAMED_TSV: &str = include_str!("../../../data/actors/renamed.tsv");

/// Every embedded file, by its repository path.
pub const FILES: &[(&str, &str)] = &[
    ("data/countries.tsv", COUNTRIES_TSV),
    ("data/actors/state_forces.tsv", STATE_FORCES_TSV),
    ("data/actors/state_aliases.tsv", STATE_ALIASES_TSV),
    ("data/actors/groups.tsv", GROUPS_TSV),
    ("data/actors/generic.tsv", GENERIC_TSV),
    ("data/actors/organisations.tsv", ORGANISATIONS_TSV),
    ("data/actors/conventions.tsv", CONVENTIONS_TSV),
    ("data/actors/gang_names.tsv", GANG_NAMES_TSV),
    ("data/actors/coalitions.tsv", COALITIONS_TSV),
    ("data/actors/donbas_control.tsv", DONBAS_CONTROL_TSV),
    ("data/actors/community_militias.tsv", COMMUNITY_MILITIAS_TSV),
    ("data/actors/gendarmeries.tsv", GENDARMERIES_TSV),
    ("data/actors/groups_in_power.tsv", GROUPS_IN_POWER_TSV),
    ("data/actors/gang_regions.tsv", GANG_REGIONS_TSV),
    ("data/actors/home_regions.tsv", HOME_REGIONS_TSV),
    ("data/actors/renamed.tsv", RENAMED_TSV),
];

/// A data-file error, with the file and 1-based line.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum DataError {
    #[error("{file}:{line}: expected {expected} tab-separated columns, found {found}")]
    Columns { file: &'static str, line: usize, expected: usize, found: usize },
    #[error("{file}:{line}: bad value {value:?} in column {column}: {reason}")]
    Value { file: &'static str, line: usize, column: &'static str, value: String, reason: String },
    #[error("{file}: missing header line")]
    NoHeader { file: &'static str },
}

/// Data rows of a TSV file: skips `#` comments, blank lines and the single header line.
/// Yields (1-based line number, fields).
pub(crate) fn rows(
    file: &'static str,
    text: &'static str,
    ncols: usize,
) -> Result<Vec<(usize, Vec<&'static str>)>, DataError> {
    let mut out = Vec::new();
    let mut header = false;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != ncols {
            return Err(DataError::Columns { file, line: i + 1, expected: ncols, found: f.len() });
        }
        if !header {
            header = true;
            continue;
        }
        out.push((i + 1, f.into_iter().map(str::trim).collect()));
    }
    if !header {
        return Err(DataError::NoHeader { file });
    }
    Ok(out)
}

pub(crate) fn bad(file: &'static str, line: usize, column: &'static str, value: &str, reason: &str) -> DataError {
    DataError::Value { file, line, column, value: value.to_string(), reason: reason.to_string() }
}

/// "|"-separated list, empty items dropped.
pub(crate) fn list(s: &'static str) -> Vec<&'static str> {
    s.split('|').map(str::trim).filter(|x| !x.is_empty()).collect()
}
