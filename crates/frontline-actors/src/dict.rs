//! The actor dictionary: every surface form from the data files, compiled into two Aho-Corasick automata
//! (case-insensitive and case-sensitive). The automata and entry tables are built at compile time by
//! `build.rs` (from the same data files, with the same code: [`crate::compile`]) and deserialised on first use.

use std::collections::HashMap;
use std::sync::OnceLock;

use daachorse::DoubleArrayAhoCorasick;
use frontline_model::Span;

use crate::compile::{is_word, Entry, PatMeta, Same, Tables, Target};
pub use crate::compile::GroupInfo;
use crate::countries::countries;
use crate::ActorHit;
use crate::HitKind;

pub struct ActorDict {
    // Double-array Aho-Corasick (daachorse). The case-insensitive automaton holds ASCII-lowercased
    // patterns and is run over the ASCII-lowercased text (same byte offsets).
    ci: Automaton,
    cs: Automaton,
    ci_pats: Vec<PatMeta>, // (entry index, boundary flags) per pattern
    cs_pats: Vec<PatMeta>,
    entries: Vec<Entry>,
    groups: Vec<GroupInfo>,
    group_index: HashMap<String, usize>,
}

static CI_DAAC: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/actors_ci.daac"));
static CS_DAAC: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/actors_cs.daac"));
static TABLES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/actors_tables.bin"));

impl ActorDict {
    /// The dictionary compiled by build.rs from the embedded data files.
    fn load() -> ActorDict {
        let t = Tables::decode(TABLES);
        let ci = Automaton::load(CI_DAAC, t.ci_same);
        let cs = Automaton::load(CS_DAAC, t.cs_same);
        let group_index = t.groups.iter().enumerate().map(|(i, g)| (g.name.clone(), i)).collect();
        ActorDict { ci, cs, ci_pats: t.ci_pats, cs_pats: t.cs_pats, entries: t.entries, groups: t.groups, group_index }
    }

    /// Number of surface forms compiled (case-insensitive + case-sensitive).
    pub fn pattern_count(&self) -> usize {
        self.ci_pats.len() + self.cs_pats.len()
    }

    pub fn groups(&self) -> &[GroupInfo] {
        &self.groups
    }

    pub fn group(&self, name: &str) -> Option<&GroupInfo> {
        self.group_index.get(name).map(|&i| &self.groups[i])
    }

    /// The ACLED name of a named actor in a country: "Islamic State" in SY → "Islamic State (Syria)";
    /// names without a country split are returned unchanged.
    pub fn resolve_named(&self, actor: &str, iso2: Option<&str>) -> String {
        if let (Some(g), Some(c)) = (self.group(actor), iso2) {
            if let Some((_, n)) = g.by_country.iter().find(|(k, _)| k.eq_ignore_ascii_case(c)) {
                return n.clone();
            }
        }
        // Identity militias named by community take the country: "Leelkayse Clan Militia
        // (Somalia)".
        if let Some(name) = iso2.filter(|_| self.group(actor).is_none() && crate::is_community_militia(actor)).and_then(|c| crate::countries().by_iso2(c)) {
            return format!("{actor} ({})", name.name);
        }
        actor.to_string()
    }

    /// Actor mentions in `text`: sorted, leftmost-longest, non-overlapping, on word boundaries.
    pub fn find(&self, text: &str) -> Vec<ActorHit> {
        // (start, end, entry)
        let mut cands: Vec<(usize, usize, usize)> = Vec::new();
        let lower = text.to_ascii_lowercase();
        for (ac, pats, hay) in [(&self.ci, &self.ci_pats, lower.as_str()), (&self.cs, &self.cs_pats, text)] {
            for m in ac.pma.find_overlapping_iter(hay) {
                let (s, e) = (m.start(), m.end());
                if !text.is_char_boundary(s) || !text.is_char_boundary(e) {
                    continue;
                }
                for &k in ac.same.get(m.value() as usize) {
                    let pat = &pats[k as usize];
                    if !self.boundary_ok(text, s, e, pat) {
                        continue;
                    }
                    cands.push((s, e, pat.entry as usize));
                }
            }
        }
        cands.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        let mut hits = Vec::new();
        let mut last_end = 0;
        let mut chosen: Vec<(usize, usize, usize)> = Vec::new();
        for (k, &c) in cands.iter().enumerate() {
            if c.0 < last_end {
                continue;
            }
            // "the Military Police": a determiner pattern ("the military") gives way to a
            // longer name that starts right after its article.
            let c = if c.1 > c.0 + 4 && text.get(c.0..c.0 + 4).is_some_and(|p| p.eq_ignore_ascii_case("the ")) {
                cands[k + 1..].iter().find(|d| d.0 == c.0 + 4 && d.1 > c.1).copied().unwrap_or(c)
            } else {
                c
            };
            // "Local People's Defence Force": generic words ("local people") give way to a
            // group's name that starts inside them and runs past them.
            if matches!(self.entries[c.2].target, Target::Role { .. } | Target::Label)
                && cands[k + 1..].iter().any(|d| d.0 > c.0 && d.0 < c.1 && d.1 > c.1 && matches!(self.entries[d.2].target, Target::Named { .. }))
            {
                continue;
            }
            last_end = c.1;
            chosen.push(c);
        }
        for &(s, e, entry) in &chosen {
            let mut h = self.hit(text, s, e, entry);
            // (other entries for the same words: readings scoped to other countries; the
            // candidates are sorted by start, then longest first)
            let mut seen = vec![entry];
            let from = cands.partition_point(|d| d.0 < s || d.0 == s && d.1 > e);
            for &(_, _, other) in cands[from..].iter().take_while(|d| d.0 == s && d.1 == e) {
                if !seen.contains(&other) {
                    seen.push(other);
                    h.alternatives.push(self.hit(text, s, e, other));
                }
            }
            hits.push(h);
        }
        self.coordinated(text, &chosen, &mut hits);
        hits.sort_by_key(|h| (h.span.start, h.span.end));
        hits
    }

    fn boundary_ok(&self, text: &str, s: usize, e: usize, pat: &PatMeta) -> bool {
        let before = text[..s].chars().next_back();
        if pat.first_word && before.is_some_and(is_word) {
            return false;
        }
        if pat.last_word && text[e..].chars().next().is_some_and(is_word) {
            return false;
        }
        if before == Some('-') {
            let mut from = s.saturating_sub(5);
            while !text.is_char_boundary(from) {
                from += 1;
            }
            let lower = text[from..s].to_ascii_lowercase();
            if lower.ends_with("pro-") || lower.ends_with("anti-") || lower.ends_with("non-") {
                return false;
            }
        }
        true
    }

    fn hit(&self, text: &str, s: usize, e: usize, entry: usize) -> ActorHit {
        let matched = text[s..e].to_string();
        let kind = match &self.entries[entry].target {
            Target::Named { actor, inter, country } => {
                HitKind::Named { actor: actor.clone(), inter: *inter, country: country.clone() }
            }
            Target::State { country, branch } => HitKind::StateForce { country: country.clone(), branch: *branch },
            Target::Role { role, country } => HitKind::Generic { role: *role, country: country.clone() },
            Target::Label => HitKind::Label { term: matched.to_lowercase().replace('’', "'") },
            Target::Claimant { name, ctype, country } => {
                HitKind::Claimant { name: name.clone(), claimant_type: ctype, country: country.clone() }
            }
        };
        ActorHit { span: Span::new(s, e), kind, matched, scope: self.entries[entry].scope.clone(), alternatives: Vec::new() }
    }

    /// "Russian and Syrian forces", "Russian, Iranian and Syrian troops": the demonyms coordinated before a
    /// demonym-led state-force phrase name state forces of the same branch.
    fn coordinated(&self, text: &str, chosen: &[(usize, usize, usize)], hits: &mut Vec<ActorHit>) {
        let taken = |s: usize, e: usize| chosen.iter().any(|c| c.0 < e && s < c.1);
        for &(s, _, entry) in chosen {
            let en = &self.entries[entry];
            let Target::State { branch, .. } = en.target else { continue };
            if !en.demonym_led {
                continue;
            }
            let mut pos = s;
            loop {
                let head = text[..pos].trim_end();
                let head = if let Some(h) = head.strip_suffix(" and") {
                    h
                } else if let Some(h) = head.strip_suffix(',') {
                    h
                } else if let Some(h) = head.strip_suffix(" &") {
                    h
                } else {
                    break;
                };
                let head = head.trim_end();
                let ws = head.rfind(|c: char| !(c.is_alphanumeric() || c == '-' || c == '.')).map_or(0, |i| {
                    i + head[i..].chars().next().unwrap().len_utf8()
                });
                let word = &head[ws..];
                if word.is_empty() || !word.chars().next().unwrap().is_uppercase() {
                    break;
                }
                let Some(c) = countries().by_demonym(word) else { break };
                // "between Palestinians and Israeli forces": people, not a second force.
                if taken(ws, head.len()) || countries().is_plural_demonym(word) {
                    break;
                }
                hits.push(ActorHit::new(Span::new(ws, head.len()), HitKind::StateForce { country: Some(c.iso2.clone()), branch }, word));
                pos = ws;
            }
        }
    }
}

/// The dictionary, loaded once on first use (deserialised from the build-time automata).
pub fn dict() -> &'static ActorDict {
    static D: OnceLock<ActorDict> = OnceLock::new();
    D.get_or_init(ActorDict::load)
}

/// One automaton over distinct surface forms; `same.get(v)` lists the pattern indices sharing form `v`.
struct Automaton {
    pma: DoubleArrayAhoCorasick<u32>,
    same: Same,
}

impl Automaton {
    fn load(bytes: &[u8], same: Same) -> Automaton {
        // SAFETY: `bytes` is the output of `DoubleArrayAhoCorasick::<u32>::serialize` written by this
        // crate's build.rs with the same daachorse version, embedded unchanged with `include_bytes!`.
        let (pma, rest) = unsafe { DoubleArrayAhoCorasick::<u32>::deserialize_unchecked(bytes) };
        assert!(rest.is_empty(), "actor automaton: trailing bytes");
        Automaton { pma, same }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn relative_pronoun_is_not_the_who() {
        let hits = dict().find("officers were shot by a man who was wanted by the police");
        assert!(!hits.iter().any(|h| h.matched.eq_ignore_ascii_case("who")), "{hits:?}");
        assert!(dict().find("the WHO said").iter().any(|h| h.matched == "WHO"));
    }

    #[test]
    fn a_hyphen_after_a_multibyte_character() {
        // "྾-" before a name: the look-back for "pro-"/"anti-" must not split the character
        let hits = dict().find("\u{fbe}ab-police");
        assert!(hits.iter().any(|h| h.matched == "police"), "{hits:?}");
    }

    #[test]
    fn a_group_name_beats_generic_words_it_overlaps() {
        let hits = dict().find("Local People's Defence Force fighters ambushed a military column");
        assert!(hits.iter().any(|h| matches!(&h.kind, HitKind::Named { actor, .. } if actor.starts_with("PDF"))), "{hits:?}");
        assert!(!hits.iter().any(|h| h.matched == "Local People"), "{hits:?}");
    }

    #[test]
    fn readings_scoped_by_country() {
        let one = |t: &str| dict().find(t).into_iter().next().unwrap_or_else(|| panic!("no hit in {t}"));
        // "AFP" is the Philippine army only at home, the news agency elsewhere
        let h = one("AFP troops");
        assert_eq!(h.scope, vec!["PH".to_string()]);
        assert!(h.reading_in(Some("PH")).is_some() && h.reading_in(Some("NG")).is_none() && h.reading_in(None).is_none());
        // Pakistan's Rangers, not a sports team
        assert!(one("Rangers").reading_in(Some("GB")).is_none());
        assert!(one("Pakistan Rangers").scope.is_empty());
        // bare "settlers" are Israeli settlers in a text from the West Bank
        let h = one("settlers attacked");
        assert!(h.reading_in(Some("PS")).is_some() && h.reading_in(Some("ZA")).is_none());
        assert!(one("Israeli settlers").scope.is_empty());
        // one word, two readings: the Somali National Army in Somalia, the Syrian National
        // Army everywhere else
        let h = one("SNA forces");
        let actor = |h: Option<ActorHit>| match h.map(|h| h.kind) {
            Some(HitKind::Named { actor, .. }) => actor,
            Some(HitKind::StateForce { country, .. }) => format!("state {country:?}"),
            k => format!("{k:?}"),
        };
        assert_eq!(actor(h.reading_in(Some("SO"))), "state Some(\"SO\")");
        assert_eq!(actor(h.reading_in(Some("SY"))), "JWS: Syrian National Army");
        assert_eq!(actor(h.reading_in(None)), "JWS: Syrian National Army");
        // an alias of one country's forces that means nothing else is not scoped
        assert!(one("IDF soldiers").scope.is_empty() && one("IDF soldiers").alternatives.is_empty());
    }

    use super::*;
    use crate::compile::{compile, distinct_forms};
    use daachorse::{DoubleArrayAhoCorasickBuilder, MatchKind};

    /// The build-time artefacts equal what the current sources compile to (build.rs ran on these files).
    #[test]
    fn embedded_dictionary_matches_a_fresh_build() {
        let c = compile().unwrap();
        let (ci_forms, ci_same) = distinct_forms(&c.ci, true);
        let (cs_forms, cs_same) = distinct_forms(&c.cs, false);
        let fresh = Tables::new(c, &ci_same, &cs_same);
        assert_eq!(Tables::decode(&fresh.encode()), fresh);
        assert_eq!(Tables::decode(TABLES), fresh);
        for (forms, bytes) in [(ci_forms, CI_DAAC), (cs_forms, CS_DAAC)] {
            let pma: DoubleArrayAhoCorasick<u32> =
                DoubleArrayAhoCorasickBuilder::new().match_kind(MatchKind::Standard).build_with_values(forms).unwrap();
            assert_eq!(pma.serialize(), bytes);
        }
    }
}
