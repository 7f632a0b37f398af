//! The actor dictionary: every surface form from the data files, compiled into two Aho-Corasick automata
//! (case-insensitive and case-sensitive), built once.

use std::collections::HashMap;
use std::sync::OnceLock;

use daachorse::{DoubleArrayAhoCorasick, DoubleArrayAhoCorasickBuilder, MatchKind};
use frontline_model::Span;

use crate::countries::countries;
use crate::data::{bad, list, rows, DataError, GENERIC_TSV, GROUPS_TSV, ORGANISATIONS_TSV, STATE_ALIASES_TSV};
use crate::state::{parse_branch, state_force_name};
use crate::{ActorHit, Branch, HitKind, Role};

#[derive(Debug, Clone)]
enum Target {
    Named { actor: String, inter: u8, country: Option<String> },
    State { country: Option<String>, branch: Branch },
    Role { role: Role, country: Option<String> },
    Label,
    Claimant { name: String, ctype: &'static str, country: Option<String> },
}

#[derive(Debug, Clone)]
struct Entry {
    target: Target,
    /// The pattern starts with a demonym slot ("Syrian forces"): enables "Russian and Syrian forces".
    demonym_led: bool,
}

/// A named group as listed in groups.tsv.
#[derive(Debug, Clone)]
pub struct GroupInfo {
    pub name: String,
    pub inter: u8,
    pub country: Option<String>,
    pub aliases: Vec<String>,
    /// ISO2 → ACLED name for groups ACLED splits by country.
    pub by_country: Vec<(String, String)>,
}

pub struct ActorDict {
    // Double-array Aho-Corasick (daachorse): builds ~50k patterns in a few ms, where the
    // aho-corasick NFA took ~250 ms. The case-insensitive automaton holds ASCII-lowercased
    // patterns and is run over the ASCII-lowercased text (same byte offsets).
    ci: Automaton,
    cs: Automaton,
    ci_entries: Vec<(usize, String)>, // (entry index, pattern) per automaton pattern id
    cs_entries: Vec<(usize, String)>,
    entries: Vec<Entry>,
    groups: Vec<GroupInfo>,
    group_index: HashMap<String, usize>,
}

/// Case-sensitive aliases: no spaces, two or more capitals ("HTS", "JaS", "U.S.").
pub(crate) fn is_case_sensitive(alias: &str) -> bool {
    !alias.contains(' ') && alias.chars().filter(|c| c.is_uppercase()).count() >= 2
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

const CLAIMANT_TYPES: &[&str] = &["official", "monitor", "un", "media", "armed_group", "health"];

struct Builder {
    entries: Vec<Entry>,
    seen: HashMap<(bool, String), usize>,
    ci: Vec<(usize, String)>,
    cs: Vec<(usize, String)>,
}

impl Builder {
    fn entry(&mut self, e: Entry) -> usize {
        self.entries.push(e);
        self.entries.len() - 1
    }
    /// Adds one surface form (and its curly-apostrophe twin); the first target for a form wins.
    fn add(&mut self, pat: &str, cs: bool, entry: usize) {
        let pat = pat.trim();
        if pat.is_empty() {
            return;
        }
        let mut forms = vec![pat.to_string()];
        if pat.contains('\'') {
            forms.push(pat.replace('\'', "’"));
        }
        if pat.contains('’') {
            forms.push(pat.replace('’', "'"));
        }
        for f in forms {
            let key = (cs, if cs { f.clone() } else { f.to_lowercase() });
            if self.seen.contains_key(&key) {
                continue;
            }
            self.seen.insert(key, entry);
            if cs {
                self.cs.push((entry, f));
            } else {
                self.ci.push((entry, f));
            }
        }
    }
}

/// One expansion of a generic phrase: text, country index from a slot, case-sensitive, demonym-led.
type Expansion = (String, Option<usize>, bool, bool);

fn expand(phrase: &str, file: &'static str, line: usize) -> Result<Vec<Expansion>, DataError> {
    let cs = countries().all();
    let mut out: Vec<Expansion> = vec![(String::new(), None, false, false)];
    let mut rest = phrase;
    while !rest.is_empty() {
        let (alts, next): (Vec<(String, Option<usize>, bool)>, &str) = if let Some(r) = rest.strip_prefix("{demonym}") {
            let mut v = Vec::new();
            for (i, c) in cs.iter().enumerate() {
                for d in &c.demonyms {
                    v.push((d.clone(), Some(i), is_case_sensitive(d)));
                }
            }
            (v, r)
        } else if let Some(r) = rest.strip_prefix("{country}") {
            let mut v = Vec::new();
            for (i, c) in cs.iter().enumerate() {
                let mut names = vec![c.name.clone()];
                if c.geonames_name != c.name {
                    names.push(c.geonames_name.clone());
                }
                for n in names {
                    v.push((format!("{n}'s"), Some(i), false));
                    v.push((n, Some(i), false));
                }
            }
            (v, r)
        } else if let Some(r) = rest.strip_prefix('[') {
            let end = r.find(']').ok_or_else(|| bad(file, line, "phrase", phrase, "unclosed ["))?;
            (r[..end].split('|').map(|a| (a.trim().to_string(), None, false)).collect(), &r[end + 1..])
        } else {
            let end = rest.find(['[', '{']).unwrap_or(rest.len());
            if end == 0 {
                return Err(bad(file, line, "phrase", phrase, "unknown slot (use {demonym} or {country})"));
            }
            (vec![(rest[..end].to_string(), None, false)], &rest[end..])
        };
        let first = out.len() == 1 && out[0].0.is_empty();
        let slot_led = first && (rest.starts_with("{demonym}"));
        let mut next_out = Vec::with_capacity(out.len() * alts.len());
        for (s, c, cs_, dl) in &out {
            for (a, ac, acs) in &alts {
                next_out.push((format!("{s}{a}"), ac.or(*c), *cs_ || *acs, if first { slot_led } else { *dl }));
            }
        }
        out = next_out;
        rest = next;
    }
    for e in out.iter_mut() {
        e.0 = e.0.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    out.retain(|e| !e.0.is_empty());
    Ok(out)
}

fn opt_country(s: &str, file: &'static str, line: usize) -> Result<Option<String>, DataError> {
    if s.is_empty() || s == "-" {
        return Ok(None);
    }
    if countries().by_iso2(s).is_none() {
        return Err(bad(file, line, "country", s, "not in countries.tsv"));
    }
    Ok(Some(s.to_string()))
}

impl ActorDict {
    pub(crate) fn build() -> Result<ActorDict, DataError> {
        let mut b = Builder { entries: Vec::new(), seen: HashMap::new(), ci: Vec::new(), cs: Vec::new() };

        // 1. claimant organisations (so "Russian Reconciliation Center" is never a state force)
        const OF: &str = "data/actors/organisations.tsv";
        for (line, f) in rows(OF, ORGANISATIONS_TSV, 4)? {
            let ctype = CLAIMANT_TYPES
                .iter()
                .find(|t| **t == f[1])
                .copied()
                .ok_or_else(|| bad(OF, line, "claimant_type", f[1], "unknown type"))?;
            let country = opt_country(f[2], OF, line)?;
            let e = b.entry(Entry {
                target: Target::Claimant { name: f[0].to_string(), ctype, country },
                demonym_led: false,
            });
            b.add(f[0], false, e);
            for a in list(f[3]) {
                b.add(a, is_case_sensitive(a), e);
            }
        }

        // 2. named groups
        const GF: &str = "data/actors/groups.tsv";
        let mut groups = Vec::new();
        for (line, f) in rows(GF, GROUPS_TSV, 5)? {
            let inter: u8 = f[1].parse().map_err(|_| bad(GF, line, "inter", f[1], "1-8"))?;
            if !(1..=8).contains(&inter) {
                return Err(bad(GF, line, "inter", f[1], "1-8"));
            }
            let country = opt_country(f[2], GF, line)?;
            let mut by_country = Vec::new();
            for p in list(f[4]) {
                let (c, n) = p.split_once('=').ok_or_else(|| bad(GF, line, "by_country", p, "ISO2=name"))?;
                opt_country(c, GF, line)?;
                by_country.push((c.to_string(), n.to_string()));
            }
            let e = b.entry(Entry {
                target: Target::Named { actor: f[0].to_string(), inter, country: country.clone() },
                demonym_led: false,
            });
            let mut forms: Vec<&str> = vec![f[0]];
            if let Some((acr, full)) = f[0].split_once(": ") {
                forms.push(acr);
                forms.push(full);
            }
            forms.extend(list(f[3]));
            for a in &forms {
                b.add(a, is_case_sensitive(a), e);
            }
            groups.push(GroupInfo {
                name: f[0].to_string(),
                inter,
                country,
                aliases: list(f[3]).into_iter().map(String::from).collect(),
                by_country,
            });
        }

        // 3. state-force aliases
        const SF: &str = "data/actors/state_aliases.tsv";
        for (line, f) in rows(SF, STATE_ALIASES_TSV, 4)? {
            let country = opt_country(f[1], SF, line)?;
            let branch = parse_branch(f[2]).ok_or_else(|| bad(SF, line, "branch", f[2], "military|police|government"))?;
            let target = if f[3].is_empty() {
                Target::State { country, branch }
            } else {
                let c = country.clone().ok_or_else(|| bad(SF, line, "iso2", f[1], "a sub-unit needs a country"))?;
                Target::Named { actor: format!("{} {}", state_force_name(&c, branch, None), f[3]), inter: 1, country }
            };
            let e = b.entry(Entry { target, demonym_led: false });
            b.add(f[0], is_case_sensitive(f[0]), e);
        }

        // 4. generic phrases
        const XF: &str = "data/actors/generic.tsv";
        let all = countries().all();
        for (line, f) in rows(XF, GENERIC_TSV, 3)? {
            let exps = expand(f[2], XF, line)?;
            let mut cache: HashMap<(Option<usize>, bool), usize> = HashMap::new();
            for (text, ci, cs, dl) in exps {
                let e = match cache.get(&(ci, dl)) {
                    Some(&e) => e,
                    None => {
                        let country = ci.map(|i| all[i].iso2.clone());
                        let target = match f[0] {
                            "state" => Target::State {
                                country,
                                branch: parse_branch(f[1])
                                    .ok_or_else(|| bad(XF, line, "arg", f[1], "military|police|government"))?,
                            },
                            "role" => Target::Role {
                                role: match f[1] {
                                    "Protesters" => Role::Protesters,
                                    "Rioters" => Role::Rioters,
                                    "Civilians" => Role::Civilians,
                                    "UnidentifiedArmedGroup" => Role::UnidentifiedArmedGroup,
                                    _ => return Err(bad(XF, line, "arg", f[1], "unknown role")),
                                },
                                country,
                            },
                            "label" => Target::Label,
                            _ => return Err(bad(XF, line, "kind", f[0], "state|role|label")),
                        };
                        let e = b.entry(Entry { target, demonym_led: dl });
                        cache.insert((ci, dl), e);
                        e
                    }
                };
                b.add(&text, cs, e);
            }
        }

        let mk = |pats: &[(usize, String)], ci: bool| Automaton::build(pats, ci);
        let ci = mk(&b.ci, true);
        let cs = mk(&b.cs, false);
        let group_index = groups.iter().enumerate().map(|(i, g)| (g.name.clone(), i)).collect();
        Ok(ActorDict { ci, cs, ci_entries: b.ci, cs_entries: b.cs, entries: b.entries, groups, group_index })
    }

    /// Number of surface forms compiled (case-insensitive + case-sensitive).
    pub fn pattern_count(&self) -> usize {
        self.ci_entries.len() + self.cs_entries.len()
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
        actor.to_string()
    }

    /// Actor mentions in `text`: sorted, leftmost-longest, non-overlapping, on word boundaries.
    pub fn find(&self, text: &str) -> Vec<ActorHit> {
        // (start, end, entry)
        let mut cands: Vec<(usize, usize, usize)> = Vec::new();
        let lower = text.to_ascii_lowercase();
        for (ac, pats, hay) in [(&self.ci, &self.ci_entries, lower.as_str()), (&self.cs, &self.cs_entries, text)] {
            for m in ac.pma.find_overlapping_iter(hay) {
                let (s, e) = (m.start(), m.end());
                if !text.is_char_boundary(s) || !text.is_char_boundary(e) {
                    continue;
                }
                for &k in &ac.same[m.value() as usize] {
                    let (entry, pat) = &pats[k];
                    if !self.boundary_ok(text, s, e, pat) {
                        continue;
                    }
                    cands.push((s, e, *entry));
                }
            }
        }
        cands.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        let mut hits = Vec::new();
        let mut last_end = 0;
        let mut chosen: Vec<(usize, usize, usize)> = Vec::new();
        for c in cands {
            if c.0 < last_end {
                continue;
            }
            last_end = c.1;
            chosen.push(c);
        }
        for &(s, e, entry) in &chosen {
            hits.push(self.hit(text, s, e, entry));
        }
        self.coordinated(text, &chosen, &mut hits);
        hits.sort_by_key(|h| (h.span.start, h.span.end));
        hits
    }

    fn boundary_ok(&self, text: &str, s: usize, e: usize, pat: &str) -> bool {
        let pf = pat.chars().next().unwrap();
        let pl = pat.chars().next_back().unwrap();
        let before = text[..s].chars().next_back();
        if is_word(pf) && before.is_some_and(is_word) {
            return false;
        }
        if is_word(pl) && text[e..].chars().next().is_some_and(is_word) {
            return false;
        }
        if before == Some('-') {
            let lower = text[s.saturating_sub(5)..s].to_ascii_lowercase();
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
        ActorHit { span: Span::new(s, e), kind, matched }
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
                if taken(ws, head.len()) {
                    break;
                }
                hits.push(ActorHit {
                    span: Span::new(ws, head.len()),
                    kind: HitKind::StateForce { country: Some(c.iso2.clone()), branch },
                    matched: word.to_string(),
                });
                pos = ws;
            }
        }
    }
}

/// The dictionary, built once on first use.
pub fn dict() -> &'static ActorDict {
    static D: OnceLock<ActorDict> = OnceLock::new();
    D.get_or_init(|| ActorDict::build().unwrap_or_else(|e| panic!("embedded actor data: {e}")))
}

/// One automaton over distinct surface forms; `same[v]` lists the pattern indices sharing form `v`.
struct Automaton {
    pma: DoubleArrayAhoCorasick<u32>,
    same: Vec<Vec<usize>>,
}

impl Automaton {
    fn build(pats: &[(usize, String)], ci: bool) -> Automaton {
        let mut ids: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
        let mut same: Vec<Vec<usize>> = Vec::new();
        for (k, (_, p)) in pats.iter().enumerate() {
            let key = if ci { p.to_ascii_lowercase() } else { p.clone() };
            let id = *ids.entry(key).or_insert_with(|| {
                same.push(Vec::new());
                (same.len() - 1) as u32
            });
            same[id as usize].push(k);
        }
        let mut forms: Vec<(String, u32)> = ids.into_iter().collect();
        forms.sort_by_key(|f| f.1);
        let pma = DoubleArrayAhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build_with_values(forms)
            .expect("daachorse build over distinct, non-empty patterns");
        Automaton { pma, same }
    }
}
