//! ACLED conventions for reports that name no perpetrator (`data/actors/conventions.tsv`).

use std::sync::OnceLock;

use jiff::civil::Date;

use crate::data::{rows, DataError, COALITIONS_TSV, CONVENTIONS_TSV, DONBAS_CONTROL_TSV, GANG_NAMES_TSV, GENDARMERIES_TSV};
use crate::kinds::Branch;

const FILE: &str = "data/actors/conventions.tsv";

/// One side as the convention names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConventionActor {
    /// The country's state force of this branch, named for the event date.
    State(Branch),
    /// An ACLED actor name as written.
    Named(String),
}

/// A convention row: reports with one of `cues`, in `iso2`, dated in [from, to).
#[derive(Debug, Clone)]
pub struct Convention {
    pub cues: Vec<String>,
    pub iso2: String,
    pub from: Date,
    pub to: Date,
    pub actor1: ConventionActor,
    pub actor2_battle: Option<ConventionActor>,
    /// Settlements and the side holding them (`<control>_control.tsv`), if the convention uses one.
    pub control: Option<&'static [(String, bool)]>,
    pub source: String,
}

fn actor(file_line: usize, col: &'static str, s: &str) -> Result<Option<ConventionActor>, DataError> {
    let bad = |reason: &str| DataError::Value { file: FILE, line: file_line, column: col, value: s.into(), reason: reason.into() };
    Ok(match s {
        "-" | "" => None,
        _ => match s.strip_prefix("state:") {
            Some(b) => Some(ConventionActor::State(crate::state::parse_branch(b).ok_or_else(|| bad("state:military|police|government"))?)),
            None => Some(ConventionActor::Named(s.to_string())),
        },
    })
}

pub fn parse_conventions() -> Result<Vec<Convention>, DataError> {
    let mut out = Vec::new();
    for (line, f) in rows(FILE, CONVENTIONS_TSV, 8)? {
        let bad = |column: &'static str, value: &str, reason: &str| DataError::Value {
            file: FILE,
            line,
            column,
            value: value.into(),
            reason: reason.into(),
        };
        let cues: Vec<String> = f[0].split('|').map(|c| c.trim().to_lowercase()).filter(|c| !c.is_empty()).collect();
        if cues.is_empty() {
            return Err(bad("cues", f[0], "no cue"));
        }
        if crate::countries().by_iso2(f[1]).is_none() {
            return Err(bad("iso2", f[1], "not in countries.tsv"));
        }
        let from: Date = f[2].parse().map_err(|e: jiff::Error| bad("from", f[2], &e.to_string()))?;
        let to: Date = f[3].parse().map_err(|e: jiff::Error| bad("to", f[3], &e.to_string()))?;
        if from >= to {
            return Err(bad("to", f[3], "not after from"));
        }
        let actor1 = actor(line, "actor1", f[4])?.ok_or_else(|| bad("actor1", f[4], "actor1 is required"))?;
        let actor2_battle = actor(line, "actor2_battle", f[5])?;
        let control = match f[6] {
            "-" => None,
            "donbas" => Some(donbas_control()?),
            other => return Err(bad("control", other, "unknown control table (donbas)")),
        };
        if control.is_some() && actor2_battle.is_none() {
            return Err(bad("control", f[6], "a control table needs actor2_battle (the other side)"));
        }
        out.push(Convention { cues, iso2: f[1].to_string(), from, to, actor1, actor2_battle, control, source: f[7].to_string() });
    }
    Ok(out)
}

/// `data/actors/donbas_control.tsv`: (settlement, held by the government).
fn donbas_control() -> Result<&'static [(String, bool)], DataError> {
    static T: OnceLock<Result<Vec<(String, bool)>, DataError>> = OnceLock::new();
    let t = T.get_or_init(|| {
        const F: &str = "data/actors/donbas_control.tsv";
        let mut out = Vec::new();
        for (line, f) in rows(F, DONBAS_CONTROL_TSV, 3)? {
            let gov = match f[1] {
                "government" => true,
                "armed_formations" => false,
                v => return Err(DataError::Value { file: F, line, column: "side", value: v.into(), reason: "government|armed_formations".into() }),
            };
            out.push((f[0].to_lowercase(), gov));
        }
        // Longest names first, so "Zolote-5" is found before "Zolote".
        out.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        Ok(out)
    });
    t.as_ref().map(|v| v.as_slice()).map_err(Clone::clone)
}

impl Convention {
    /// Whether the place the report observed ("near X", "in the area of X") is held by the
    /// government, per the convention's control table; None when unknown.
    pub fn observed_on_government_side(&self, text: &str) -> Option<bool> {
        let table = self.control?;
        let lower = text.to_lowercase();
        for lead in ["near ", "in the area of ", "area of ", "in "] {
            for (i, _) in lower.match_indices(lead) {
                let rest = &lower[i + lead.len()..];
                if let Some((_, gov)) = table.iter().find(|(n, _)| {
                    rest.starts_with(n.as_str()) && rest[n.len()..].chars().next().map_or(true, |c| !c.is_alphanumeric() && c != '-')
                }) {
                    return Some(*gov);
                }
            }
        }
        None
    }
}

pub fn conventions() -> &'static [Convention] {
    static C: OnceLock<Vec<Convention>> = OnceLock::new();
    C.get_or_init(|| parse_conventions().unwrap_or_else(|e| panic!("embedded conventions: {e}")))
}

/// The convention that applies to an unattributed event: its text carries a cue, its country
/// is the convention's (or unknown) and its date falls in the period (an undated event does not
/// qualify).
pub fn unattributed_convention(text: &str, iso2: Option<&str>, date: Option<Date>) -> Option<&'static Convention> {
    let date = date?;
    let lower = text.to_lowercase();
    conventions().iter().find(|c| {
        iso2.map_or(true, |cc| cc.eq_ignore_ascii_case(&c.iso2))
            && c.from <= date
            && date < c.to
            && c.cues.iter().any(|cue| lower.contains(cue.as_str()))
    })
}

impl ConventionActor {
    /// The ACLED name for an event in `iso2` on `date`.
    pub fn name(&self, iso2: &str, date: Option<Date>) -> String {
        match self {
            ConventionActor::State(b) => crate::state_force_name(iso2, *b, date),
            ConventionActor::Named(n) => n.clone(),
        }
    }
}

pub fn parse_gang_names() -> Result<Vec<(String, String)>, DataError> {
    const F: &str = "data/actors/gang_names.tsv";
    let mut out = Vec::new();
    for (line, f) in rows(F, GANG_NAMES_TSV, 3)? {
        if crate::countries().by_iso2(f[0]).is_none() {
            return Err(DataError::Value { file: F, line, column: "iso2", value: f[0].into(), reason: "not in countries.tsv".into() });
        }
        out.push((f[0].to_string(), f[1].to_string()));
    }
    Ok(out)
}

pub fn parse_gendarmeries() -> Result<Vec<(String, Branch)>, DataError> {
    const F: &str = "data/actors/gendarmeries.tsv";
    let mut out = Vec::new();
    for (line, f) in rows(F, GENDARMERIES_TSV, 3)? {
        let bad = |column: &'static str, value: &str, reason: &str| crate::data::bad(F, line, column, value, reason);
        if crate::countries().by_iso2(f[0]).is_none() {
            return Err(bad("iso2", f[0], "not in countries.tsv"));
        }
        let branch = match crate::state::parse_branch(f[1]) {
            Some(b @ (Branch::Military | Branch::Police)) => b,
            _ => return Err(bad("branch", f[1], "military | police")),
        };
        out.push((f[0].to_string(), branch));
    }
    Ok(out)
}

/// The branch ACLED codes a country's gendarmerie under (`data/actors/gendarmeries.tsv`); `None`
/// for countries not listed.
pub fn gendarmerie_branch(iso2: &str) -> Option<Branch> {
    static G: OnceLock<Vec<(String, Branch)>> = OnceLock::new();
    let g = G.get_or_init(|| parse_gendarmeries().unwrap_or_else(|e| panic!("embedded gendarmeries: {e}")));
    g.iter().find(|(c, _)| c.eq_ignore_ascii_case(iso2)).map(|(_, b)| *b)
}

pub fn parse_gang_regions() -> Result<Vec<String>, DataError> {
    const F: &str = "data/actors/gang_regions.tsv";
    let regions: Vec<&str> = crate::countries().all().iter().map(|c| c.region.as_str()).collect();
    let mut out = Vec::new();
    for (line, f) in rows(F, crate::data::GANG_REGIONS_TSV, 2)? {
        if !regions.contains(&f[0]) {
            return Err(DataError::Value { file: F, line, column: "region", value: f[0].into(), reason: "not an acled_region of countries.tsv".into() });
        }
        out.push(f[0].to_string());
    }
    Ok(out)
}

/// Whether ACLED codes an unidentified perpetrator of organised-crime violence in this country
/// as a gang (`data/actors/gang_regions.tsv`, or a country of `gang_names.tsv`).
pub fn codes_gangs(iso2: &str) -> bool {
    static R: OnceLock<Vec<String>> = OnceLock::new();
    let r = R.get_or_init(|| parse_gang_regions().unwrap_or_else(|e| panic!("embedded gang regions: {e}")));
    crate::countries().by_iso2(iso2).is_some_and(|c| r.contains(&c.region)) || gang_names().iter().any(|(c, _)| c.eq_ignore_ascii_case(iso2))
}

/// `data/actors/gang_names.tsv`, parsed once: (iso2, ACLED name).
fn gang_names() -> &'static [(String, String)] {
    static G: OnceLock<Vec<(String, String)>> = OnceLock::new();
    G.get_or_init(|| parse_gang_names().unwrap_or_else(|e| panic!("embedded gang names: {e}")))
}

/// ACLED's name for an unidentified perpetrator of organised-crime violence in a country:
/// "Unidentified Gang (Mexico)", or the country's own name from `data/actors/gang_names.tsv`.
pub fn gang_name(iso2: Option<&str>) -> String {
    if let Some((_, n)) = iso2.and_then(|cc| gang_names().iter().find(|(c, _)| c.eq_ignore_ascii_case(cc))) {
        return n.clone();
    }
    let place = iso2
        .and_then(|c| crate::countries().by_iso2(c))
        .map(|c| c.name.clone())
        .unwrap_or_else(|| "International".to_string());
    format!("Unidentified Gang ({place})")
}

/// A state's forces inside another country under a coalition ACLED codes as its own actor.
#[derive(Debug, Clone)]
pub struct Coalition {
    pub force_iso2: String,
    pub host_iso2: String,
    pub from: Date,
    pub to: Option<Date>,
    pub actor: String,
}

pub fn parse_coalitions() -> Result<Vec<Coalition>, DataError> {
    const F: &str = "data/actors/coalitions.tsv";
    let mut out = Vec::new();
    for (line, f) in rows(F, COALITIONS_TSV, 6)? {
        let bad = |column: &'static str, value: &str, reason: &str| DataError::Value {
            file: F,
            line,
            column,
            value: value.into(),
            reason: reason.into(),
        };
        for (col, v) in [("force_iso2", f[0]), ("host_iso2", f[1])] {
            if crate::countries().by_iso2(v).is_none() {
                return Err(bad(col, v, "not in countries.tsv"));
            }
        }
        let from: Date = f[2].parse().map_err(|e: jiff::Error| bad("from", f[2], &e.to_string()))?;
        let to: Option<Date> = match f[3] {
            "-" => None,
            t => Some(t.parse().map_err(|e: jiff::Error| bad("to", t, &e.to_string()))?),
        };
        if to.is_some_and(|t| t <= from) {
            return Err(bad("to", f[3], "not after from"));
        }
        out.push(Coalition { force_iso2: f[0].into(), host_iso2: f[1].into(), from, to, actor: f[4].into() });
    }
    Ok(out)
}

fn coalitions() -> &'static [Coalition] {
    static C: OnceLock<Vec<Coalition>> = OnceLock::new();
    C.get_or_init(|| parse_coalitions().unwrap_or_else(|e| panic!("embedded coalitions: {e}")))
}

/// The country a coalition actor fights in ("Operation Restoring Hope" → YE): the host of its
/// rows in force on `date` (any row when undated), when they name one host only.
pub fn coalition_theatre(actor: &str, date: Option<Date>) -> Option<&'static str> {
    let mut hosts = coalitions()
        .iter()
        .filter(|k| k.actor == actor && date.map_or(true, |d| k.from <= d && k.to.map_or(true, |t| d < t)))
        .map(|k| k.host_iso2.as_str());
    let first = hosts.next()?;
    hosts.all(|h| h == first).then_some(first)
}

/// The coalition actor for `force_iso2`'s forces acting in `host_iso2` on `date`, if any.
pub fn coalition_actor(force_iso2: &str, host_iso2: &str, date: Option<Date>) -> Option<&'static str> {
    let date = date?;
    coalitions()
        .iter()
        .find(|k| {
            k.force_iso2.eq_ignore_ascii_case(force_iso2)
                && k.host_iso2.eq_ignore_ascii_case(host_iso2)
                && k.from <= date
                && k.to.map_or(true, |t| date < t)
        })
        .map(|k| k.actor.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_conventions_parse() {
        assert!(!parse_conventions().unwrap().is_empty());
        assert!(!parse_gang_names().unwrap().is_empty());
        for k in parse_coalitions().unwrap() {
            assert!(crate::dict().group(&k.actor).is_some(), "{} is not in groups.tsv", k.actor);
        }
    }

    #[test]
    fn coalitions_by_host_and_period() {
        let d = |s: &str| Some(s.parse::<Date>().unwrap());
        assert_eq!(coalition_actor("SA", "YE", d("2020-05-08")), Some("Operation Restoring Hope"));
        assert_eq!(coalition_actor("SA", "YE", d("2014-05-08")), None, "before the intervention");
        assert_eq!(coalition_actor("SA", "SA", d("2020-05-08")), None);
        assert_eq!(coalition_actor("US", "AF", d("2022-01-01")), None, "after the withdrawal");
        assert_eq!(coalition_theatre("Operation Restoring Hope", d("2020-05-08")), Some("YE"));
        assert_eq!(coalition_theatre("Operation Restoring Hope", None), Some("YE"));
        assert_eq!(coalition_theatre("Operation Restoring Hope", d("2014-05-08")), None, "before the intervention");
        assert_eq!(coalition_theatre("Military Forces of Yemen (2012-)", d("2020-05-08")), None, "no coalition");
    }

    #[test]
    fn gang_names_by_country() {
        assert_eq!(gang_name(Some("MX")), "Unidentified Gang (Mexico)");
        assert_eq!(gang_name(Some("BR")), "Unidentified Gang and/or Police Militia");
        assert_eq!(gang_name(None), "Unidentified Gang (International)");
    }

    #[test]
    fn osce_observations_in_the_period_only() {
        let t = "On 3 May 2020, the OSCE SMM observed a total of 19 shots involving small arms near Naberezhne.";
        let d = |s: &str| Some(s.parse::<Date>().unwrap());
        let c = unattributed_convention(t, None, d("2020-05-03")).expect("OSCE 2020");
        assert_eq!(c.actor1.name(&c.iso2, d("2020-05-03")), "Military Forces of Ukraine (2019-)");
        assert!(unattributed_convention(t, Some("UA"), d("2022-03-10")).is_none(), "after the SMM's end");
        assert!(unattributed_convention(t, Some("SY"), d("2020-05-03")).is_none(), "another country");
        assert!(unattributed_convention("Unknown gunmen fired near Avdiivka.", Some("UA"), d("2020-05-03")).is_none());
        assert!(unattributed_convention(t, Some("UA"), None).is_none(), "undated");
        assert_eq!(c.observed_on_government_side(t), Some(false), "Naberezhne is held by the armed formations");
        assert_eq!(c.observed_on_government_side("12 explosions near Avdiivka."), Some(true));
        assert_eq!(c.observed_on_government_side("2 explosions near Zolote-5."), Some(false), "longest name first");
        assert_eq!(c.observed_on_government_side("2 explosions near Zolote."), Some(true));
        assert_eq!(c.observed_on_government_side("2 explosions near Nowhere."), None);
    }
}
