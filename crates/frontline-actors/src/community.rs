//! Identity militias named by their community (`data/actors/community_militias.tsv`):
//! "militiamen from the Leelkayse clan" → "Leelkayse Clan Militia", "communal militias from
//! Odejo" → "Odejo Communal Militia", "tribesmen" → "Unidentified Tribal Militia". The
//! country is appended when the actor is resolved ([`crate::ActorDict::resolve_named`]).

use std::sync::OnceLock;

use frontline_model::Span;
use regex::{Regex, RegexBuilder};

use crate::data::{bad, rows, DataError, COMMUNITY_MILITIAS_TSV};
use crate::{ActorHit, HitKind};

const FILE: &str = "data/actors/community_militias.tsv";

/// Words one of which every pattern contains (a "community militia" has "militia").
const KEYS: [&str; 6] = ["clan", "trib", "communal", "militia", "ethnic", "raider"];

/// The `KEYS` a text contains, as a bit set.
fn key_mask(lower: &str) -> u8 {
    KEYS.iter().enumerate().filter(|(_, k)| lower.contains(*k)).fold(0, |m, (i, _)| m | 1 << i)
}

/// A capitalised community name of one or two words, matched case-sensitively inside the
/// case-insensitive pattern.
const NAME: &str = r"(?-i:(?:Al[ -]|El[ -])?[A-Z][\p{L}'’]+(?:-[A-Z]?[\p{L}'’]+)?(?: [A-Z][\p{L}'’]+)?)";

/// Words that begin a capitalised phrase without being a community's name.
const NOT_A_NAME: &[&str] = &[
    "The", "A", "An", "Two", "Three", "Four", "Several", "Some", "Both", "Other", "Rival", "Local", "Armed",
    "Unidentified", "Unknown", "Suspected", "Various", "Different", "Many", "Pro", "Anti", "Its", "Their", "His",
    "Her", "These", "Those", "Communal", "Tribal", "Ethnic", "Clan", "On", "In", "At", "Around", "As",
    // (a faith, a cause or a side names no community: "Sunni militias", "Islamist militiamen")
    "Sunni", "Shia", "Shiite", "Shi'ite", "Christian", "Muslim", "Hindu", "Buddhist", "Islamist", "Jihadist",
    "Government", "Opposition", "Youth", "Student", "Party", "Rebel", "Self",
];

#[derive(Debug)]
pub struct CommunityRule {
    pub actor: String,
    pub pattern: Regex,
    /// The `KEYS` the pattern names (it can only match where one of them is).
    pub keys: u8,
}

pub fn parse_community_rules() -> Result<Vec<CommunityRule>, DataError> {
    let mut out = Vec::new();
    for (line, f) in rows(FILE, COMMUNITY_MILITIAS_TSV, 3)? {
        let bad = |column: &'static str, value: &str, reason: &str| bad(FILE, line, column, value, reason);
        let (actor, pat, source) = (f[0], f[1], f[2]);
        if !actor.ends_with(" Militia") {
            return Err(bad("actor", actor, "an ACLED identity-militia name ends in \"Militia\""));
        }
        if actor.contains("{name}") != pat.contains("{NAME}") || actor.contains("{name2}") != pat.contains("{NAME2}") && actor.contains("{name2}") {
            return Err(bad("pattern", pat, "the actor's {name}/{name2} slots and the pattern's {NAME}/{NAME2} must agree"));
        }
        let expanded = pat.replace("{NAME2}", &format!("(?P<name2>{NAME})")).replace("{NAME}", &format!("(?P<name>{NAME})"));
        let pattern = RegexBuilder::new(&expanded)
            .case_insensitive(true)
            .build()
            .map_err(|e| bad("pattern", pat, &e.to_string()))?;
        if source.is_empty() {
            return Err(bad("source", source, "every row names its source"));
        }
        let keys = key_mask(&pat.to_ascii_lowercase());
        if keys == 0 {
            return Err(bad("pattern", pat, "every pattern names a clan, tribe, communal or ethnic group, a militia, or raiders"));
        }
        out.push(CommunityRule { actor: actor.to_string(), pattern, keys });
    }
    Ok(out)
}

fn rules() -> &'static [CommunityRule] {
    static R: OnceLock<Vec<CommunityRule>> = OnceLock::new();
    R.get_or_init(|| parse_community_rules().unwrap_or_else(|e| panic!("embedded community militias: {e}")))
}

fn is_name(s: &str) -> bool {
    let first = s.split([' ', '-']).next().unwrap_or(s);
    !NOT_A_NAME.contains(&first) && crate::countries().by_demonym(s).is_none() && crate::countries().by_name(s).is_none()
}

/// Community-militia mentions in `text`, sorted and non-overlapping: each as a named actor
/// (inter 4) whose name has no country yet.
pub fn find_community_militias(text: &str) -> Vec<ActorHit> {
    let mut hits: Vec<ActorHit> = Vec::new();
    // Every pattern has one of these words (a "community militia" has "militia"): the patterns
    // run only in windows of text around them (most texts have none).
    static KEYWORDS: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    let keywords = KEYWORDS.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(KEYS)
            .expect("plain keywords")
    });
    // (from, to, the KEYS found there)
    let mut windows: Vec<(usize, usize, u8)> = Vec::new();
    for m in keywords.find_iter(text) {
        let from = (m.start().saturating_sub(120)..=m.start()).find(|&i| text.is_char_boundary(i)).unwrap_or(m.start());
        let to = (m.end() + 120).min(text.len());
        let to = (to..=text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len());
        let key = 1u8 << m.pattern().as_usize();
        match windows.last_mut() {
            Some(w) if from <= w.1 => {
                w.1 = w.1.max(to);
                w.2 |= key;
            }
            _ => windows.push((from, to, key)),
        }
    }
    // (most texts name no clan, tribe, community or militia: the rules are not even compiled)
    if windows.is_empty() {
        return hits;
    }
    for r in rules() {
        // A rule runs only where one of its own keywords is.
        for c in windows.iter().filter(|w| w.2 & r.keys != 0).flat_map(|&(from, to, _)| r.pattern.captures_iter(&text[from..to]).map(move |c| (from, c))) {
            let (from, c) = c;
            let m = c.get(0).expect("group 0");
            let span = Span::new(from + m.start(), from + m.end());
            if hits.iter().any(|h| h.span.overlaps(span)) {
                continue;
            }
            let name = c.name("name").map(|n| n.as_str());
            let name2 = c.name("name2").map(|n| n.as_str());
            let actor = match (name, name2) {
                (Some(n), _) if !is_name(n) => continue,
                (Some(n), Some(n2)) if r.actor.contains("{name2}") => {
                    if !is_name(n2) {
                        continue;
                    }
                    r.actor.replace("{name2}", n2).replace("{name}", n)
                }
                (Some(n), _) => r.actor.replace("{name}", n),
                (None, _) => r.actor.clone(),
            };
            hits.push(ActorHit::new(span, HitKind::Named { actor, inter: 4, country: None }, m.as_str()));
        }
    }
    hits.sort_by_key(|h| h.span);
    hits
}

/// True for a name this module makes ("Leelkayse Clan Militia"): ACLED adds the country.
pub fn is_community_militia(actor: &str) -> bool {
    ["Clan Militia", "Tribal Militia", "Communal Militia", "Ethnic Militia"].iter().any(|k| actor.ends_with(k)) && !actor.ends_with(')')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        find_community_militias(text)
            .into_iter()
            .map(|h| match h.kind {
                HitKind::Named { actor, .. } => actor,
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn the_data_file_parses() {
        assert!(parse_community_rules().unwrap().len() >= 8);
    }

    #[test]
    fn clans_tribes_and_towns_name_their_militias() {
        assert_eq!(names("militiamen from the Leelkayse clan and Saad sub-clans briefly exchanged gun shots"), ["Leelkayse Clan Militia"]);
        assert_eq!(names("armed militiamen from the Ayr sub-clan of Habar Gedir clan shot and killed a civilian"), ["Habar Gedir-Ayr Sub-Clan Militia"]);
        assert_eq!(names("Sacad clan militiamen of Habar Gedir clan clashed with a Leelkayse clan militia"), ["Habar Gedir-Sacad Sub-Clan Militia", "Leelkayse Clan Militia"]);
        assert_eq!(names("clashes reportedly erupted between Al Hayash tribesmen and pro-Houthi forces"), ["Al Hayash Tribal Militia"]);
        assert_eq!(names("communal militias from Odejo attacked Ikobi (Apa LGA, Benue)"), ["Odejo Communal Militia"]);
        assert_eq!(names("militiamen from Tonj South county clashed with farmers"), ["Tonj South Communal Militia"]);
        assert_eq!(names("inter-clan violence errupted in Afdere zone"), ["Unidentified Clan Militia"]);
        assert_eq!(names("unidentified tribesmen reportedly clashed in As Sirrah area"), ["Unidentified Tribal Militia"]);
    }

    #[test]
    fn determiners_and_countries_are_not_community_names() {
        assert_eq!(names("Two clan militias clashed"), ["Unidentified Clan Militia"]);
        assert!(names("Somali clan militias clashed").iter().all(|n| !n.starts_with("Somali")));
        assert!(names("armed men from Kirkuk attacked a checkpoint").is_empty());
        assert!(names("Islamic State militants attacked a village").is_empty());
    }
}
