//! State forces by period (`data/actors/state_forces.tsv`) and roles.

use std::sync::OnceLock;

use jiff::civil::Date;

use crate::countries::countries;
use crate::data::{bad, rows, DataError, GROUPS_IN_POWER_TSV, GROUPS_TSV, STATE_FORCES_TSV};
use crate::{Branch, Role};

const FILE: &str = "data/actors/state_forces.tsv";

#[derive(Debug, Clone)]
pub struct StatePeriod {
    pub iso2: String,
    pub branch: Branch,
    /// Full ACLED actor name ("Military Forces of Syria (2000-2024)").
    pub name: String,
    /// Inclusive start; None = open.
    pub from: Option<Date>,
    /// Exclusive end; None = open (current).
    pub to: Option<Date>,
    pub source: String,
}

/// What a group in power stands for (`data/actors/groups_in_power.tsv`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InPower {
    /// The state's forces of this branch.
    Branch(Branch),
    /// A unit of the state's military: "<Military Forces of X (period)> <suffix>".
    Subunit(String),
}

#[derive(Debug, Clone)]
pub(crate) struct GroupInPower {
    group: String,
    iso2: String,
    from: Option<Date>,
    to: Option<Date>,
    stands_for: InPower,
}

pub(crate) fn parse_groups_in_power() -> Result<Vec<GroupInPower>, DataError> {
    const F: &str = "data/actors/groups_in_power.tsv";
    let groups: Vec<&str> = rows("data/actors/groups.tsv", GROUPS_TSV, 5)?.into_iter().map(|(_, f)| f[0]).collect();
    let mut out = Vec::new();
    for (line, f) in rows(F, GROUPS_IN_POWER_TSV, 6)? {
        if !groups.contains(&f[0]) {
            return Err(bad(F, line, "group", f[0], "not a canonical name in groups.tsv"));
        }
        if countries().by_iso2(f[1]).is_none() {
            return Err(bad(F, line, "iso2", f[1], "not in countries.tsv"));
        }
        let from = parse_date(f[2]).map_err(|e| bad(F, line, "from", f[2], &e))?;
        let to = parse_date(f[3]).map_err(|e| bad(F, line, "to", f[3], &e))?;
        let stands_for = match f[4].strip_prefix("subunit:") {
            Some(sfx) if !sfx.trim().is_empty() => InPower::Subunit(sfx.trim().to_string()),
            Some(_) => return Err(bad(F, line, "as", f[4], "subunit: needs a suffix")),
            None => match parse_branch(f[4]) {
                Some(b @ (Branch::Military | Branch::Police)) => InPower::Branch(b),
                _ => return Err(bad(F, line, "as", f[4], "military | police | subunit:<suffix>")),
            },
        };
        out.push(GroupInPower { group: f[0].to_string(), iso2: f[1].to_string(), from, to, stands_for });
    }
    Ok(out)
}

/// The state a named group stood for on `date` ("Taliban" from 15 August 2021: Afghanistan's
/// military), from `data/actors/groups_in_power.tsv`: its country and what it stands for.
pub fn group_in_power(group: &str, date: Date) -> Option<(&'static str, &'static InPower)> {
    static G: OnceLock<Vec<GroupInPower>> = OnceLock::new();
    let g = G.get_or_init(|| parse_groups_in_power().unwrap_or_else(|e| panic!("embedded groups in power: {e}")));
    g.iter()
        .find(|r| r.group == group && r.from.is_none_or(|f| date >= f) && r.to.is_none_or(|t| date < t))
        .map(|r| (r.iso2.as_str(), &r.stands_for))
}

fn parse_date(s: &str) -> Result<Option<Date>, String> {
    if s == "-" || s.is_empty() {
        return Ok(None);
    }
    if s.len() == 4 {
        let y: i16 = s.parse().map_err(|_| "year".to_string())?;
        return Date::new(y, 1, 1).map(Some).map_err(|e| e.to_string());
    }
    s.parse::<Date>().map(Some).map_err(|e| e.to_string())
}

pub(crate) fn parse_branch(s: &str) -> Option<Branch> {
    match s {
        "military" => Some(Branch::Military),
        "police" => Some(Branch::Police),
        "government" => Some(Branch::Government),
        _ => None,
    }
}

fn prefix(b: Branch) -> &'static str {
    match b {
        Branch::Military => "Military Forces of ",
        Branch::Police => "Police Forces of ",
        Branch::Government => "Government of ",
    }
}

pub fn parse_state_forces() -> Result<Vec<StatePeriod>, DataError> {
    let mut out = Vec::new();
    for (line, f) in rows(FILE, STATE_FORCES_TSV, 6)? {
        if countries().by_iso2(f[0]).is_none() {
            return Err(bad(FILE, line, "iso2", f[0], "not in countries.tsv"));
        }
        let from = parse_date(f[3]).map_err(|e| bad(FILE, line, "from", f[3], &e))?;
        let to = parse_date(f[4]).map_err(|e| bad(FILE, line, "to", f[4], &e))?;
        if let (Some(a), Some(b)) = (from, to) {
            if a >= b {
                return Err(bad(FILE, line, "to", f[4], "not after from"));
            }
        }
        let branches: Vec<(Branch, String)> = if f[1] == "all" {
            [Branch::Military, Branch::Police, Branch::Government]
                .into_iter()
                .map(|b| (b, format!("{}{}", prefix(b), f[2])))
                .collect()
        } else {
            let b = parse_branch(f[1]).ok_or_else(|| bad(FILE, line, "branch", f[1], "military|police|government|all"))?;
            vec![(b, f[2].to_string())]
        };
        for (branch, name) in branches {
            out.push(StatePeriod { iso2: f[0].to_string(), branch, name, from, to, source: f[5].to_string() });
        }
    }
    Ok(out)
}

pub fn state_periods() -> &'static [StatePeriod] {
    static S: OnceLock<Vec<StatePeriod>> = OnceLock::new();
    S.get_or_init(|| parse_state_forces().unwrap_or_else(|e| panic!("embedded state forces: {e}")))
}

/// The period-correct ACLED state-force name.
///
/// * `date` given: the period containing it; before the first known period, the first; after, the last.
/// * `date` None: the current (open-ended, else latest) period.
/// * Countries without rows: `"Military Forces of <acled_name>"` with **no period** (ACLED's period is unknown
///   here; the name is still the right stem for matching). Unknown codes are used as the name.
pub fn state_force_name(iso2: &str, branch: Branch, date: Option<Date>) -> String {
    let iso2u = iso2.to_ascii_uppercase();
    let mut ps: Vec<&StatePeriod> =
        state_periods().iter().filter(|p| p.iso2 == iso2u && p.branch == branch).collect();
    if ps.is_empty() {
        let name = countries().by_iso2(&iso2u).map(|c| c.name.clone()).unwrap_or(iso2u);
        return format!("{}{}", prefix(branch), name);
    }
    ps.sort_by_key(|p| p.from);
    let pick = match date {
        None => ps.iter().find(|p| p.to.is_none()).unwrap_or(ps.last().unwrap()),
        Some(d) => ps
            .iter()
            .find(|p| p.from.map_or(true, |f| f <= d) && p.to.map_or(true, |t| d < t))
            .unwrap_or_else(|| if ps[0].from.map_or(false, |f| d < f) { &ps[0] } else { ps.last().unwrap() }),
    };
    pick.name.clone()
}

/// ACLED inter code of a state force: 1 at home, 8 (external forces) when acting in another country.
pub fn state_force_inter(force_iso2: &str, event_iso2: Option<&str>) -> u8 {
    match event_iso2 {
        Some(e) if !e.eq_ignore_ascii_case(force_iso2) => 8,
        _ => 1,
    }
}

/// ACLED name and inter code of a crowd/victim/unknown role in a country:
/// `("Protesters (Nigeria)", 6)`, `("Civilians (Syria)", 7)`, `("Unidentified Armed Group (Mexico)", 3)`,
/// `("Rioters (Kenya)", 5)`. Without a country, ACLED's `"(International)"` is used.
pub fn role_name(role: Role, iso2: Option<&str>) -> (String, u8) {
    let (stem, inter) = match role {
        Role::Protesters => ("Protesters", 6),
        Role::Rioters => ("Rioters", 5),
        Role::Civilians => ("Civilians", 7),
        Role::UnidentifiedArmedGroup => ("Unidentified Armed Group", 3),
        Role::PrivateSecurity => ("Private Security Forces", 8),
    };
    let place = iso2
        .and_then(|c| countries().by_iso2(c))
        .map(|c| c.name.clone())
        .unwrap_or_else(|| "International".to_string());
    (format!("{stem} ({place})"), inter)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_in_power_by_date() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(group_in_power("Taliban", d("2021-08-14")), None);
        assert_eq!(group_in_power("Taliban", d("2023-03-14")), Some(("AF", &InPower::Branch(Branch::Military))));
        assert!(matches!(group_in_power("RSF: Rapid Support Forces", d("2022-10-01")), Some(("SD", InPower::Subunit(s))) if s == "Rapid Support Forces"));
        assert_eq!(group_in_power("RSF: Rapid Support Forces", d("2023-04-15")), None);
        assert_eq!(group_in_power("Islamic State", d("2023-04-15")), None);
        parse_groups_in_power().unwrap();
    }
}
