//! Parsing and expansion of the actor data files into the dictionary's entry tables, plus their compact
//! binary form. Shared by the library and by `build.rs` (included there with `#[path]`), which compiles the
//! automata at build time so `dict()` only deserialises them.

use std::collections::HashMap;

use crate::countries::countries;
use crate::data::{bad, list, rows, DataError, GENERIC_TSV, GROUPS_TSV, ORGANISATIONS_TSV, STATE_ALIASES_TSV};
use crate::state::{parse_branch, state_force_name};
use crate::{Branch, Role};

/// Everything the dictionary needs except the automata.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Compiled {
    pub(crate) entries: Vec<Entry>,
    pub(crate) groups: Vec<GroupInfo>,
    /// (entry index, pattern) per surface form, case-insensitive and case-sensitive.
    pub(crate) ci: Vec<(usize, String)>,
    pub(crate) cs: Vec<(usize, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Target {
    Named { actor: String, inter: u8, country: Option<String> },
    State { country: Option<String>, branch: Branch },
    Role { role: Role, country: Option<String> },
    Label,
    Claimant { name: String, ctype: &'static str, country: Option<String> },
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entry {
    pub(crate) target: Target,
    /// The pattern starts with a demonym slot ("Syrian forces"): enables "Russian and Syrian forces".
    pub(crate) demonym_led: bool,
    /// ISO2 codes of the countries in whose texts the entry's forms name it; empty: everywhere.
    pub(crate) scope: Vec<String>,
}

/// The country a state alias's target belongs to.
fn country_of_target(t: &Target) -> Option<String> {
    match t {
        Target::Named { country, .. } | Target::State { country, .. } => country.clone(),
        _ => None,
    }
}

/// A named group as listed in groups.tsv.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupInfo {
    pub name: String,
    pub inter: u8,
    pub country: Option<String>,
    pub aliases: Vec<String>,
    /// ISO2 → ACLED name for groups ACLED splits by country.
    pub by_country: Vec<(String, String)>,
}

/// Case-sensitive aliases: no spaces, two or more capitals ("HTS", "JaS", "U.S.").
pub(crate) fn is_case_sensitive(alias: &str) -> bool {
    !alias.contains(' ') && alias.chars().filter(|c| c.is_uppercase()).count() >= 2
}

pub(crate) fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

pub(crate) const CLAIMANT_TYPES: &[&str] = &["official", "monitor", "un", "media", "armed_group", "health"];

struct Builder {
    entries: Vec<Entry>,
    seen: HashMap<(bool, String, Vec<String>), usize>,
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
            // (one target per form and scope: "SNA" everywhere, and "SNA" in Somalia)
            let key = (cs, if cs { f.clone() } else { f.to_lowercase() }, self.entries[entry].scope.clone());
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

/// Parses and expands every actor data file (no automata).
pub(crate) fn compile() -> Result<Compiled, DataError> {
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
            scope: Vec::new(),
        });
        // (An acronym name keeps its case: "WHO" is not the relative pronoun.)
        b.add(f[0], is_case_sensitive(f[0]), e);
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
            scope: Vec::new(),
        });
        let mut forms: Vec<&str> = vec![f[0]];
        if let Some((acr, full)) = f[0].split_once(": ") {
            // (an acronym the aliases list with a scope, "AL@BD", is read only there: "AL
            // Bayda" in Yemen is no Awami League)
            if !list(f[3]).iter().any(|a| a.split_once('@').is_some_and(|(x, _)| x == acr)) {
                forms.push(acr);
            }
            forms.push(full);
        }
        // ("settlers@PS,IL": an alias that names the group only in a text set in those
        // countries: an entry of its own, with that scope)
        let bare = |a: &'static str| a.split_once('@').map_or(a, |(a, _)| a);
        let mut scoped: Vec<(Vec<String>, usize)> = Vec::new();
        for a in list(f[3]) {
            match a.split_once('@') {
                Some((alias, scope)) => {
                    let mut cs = Vec::new();
                    for c in scope.split(',') {
                        opt_country(c, GF, line)?;
                        cs.push(c.to_string());
                    }
                    let se = match scoped.iter().find(|(s, _)| *s == cs) {
                        Some(&(_, se)) => se,
                        None => {
                            let target = b.entries[e].target.clone();
                            let se = b.entry(Entry { target, demonym_led: false, scope: cs.clone() });
                            scoped.push((cs, se));
                            se
                        }
                    };
                    b.add(alias, is_case_sensitive(alias), se);
                }
                None => forms.push(a),
            }
        }
        for a in &forms {
            b.add(a, is_case_sensitive(a), e);
        }
        groups.push(GroupInfo {
            name: f[0].to_string(),
            inter,
            country,
            aliases: list(f[3]).into_iter().map(|a| bare(a).to_string()).collect(),
            by_country,
        });
    }

    // 3. state-force aliases
    const SF: &str = "data/actors/state_aliases.tsv";
    for (line, f) in rows(SF, STATE_ALIASES_TSV, 5)? {
        let country = opt_country(f[1], SF, line)?;
        let branch = parse_branch(f[2]).ok_or_else(|| bad(SF, line, "branch", f[2], "military|police|government"))?;
        if !matches!(f[4], "" | "local") || (f[4] == "local" && country.is_none()) {
            return Err(bad(SF, line, "scope", f[4], "empty, or \"local\" with an iso2"));
        }
        let target = if f[3].is_empty() {
            Target::State { country, branch }
        } else {
            let c = country.clone().ok_or_else(|| bad(SF, line, "iso2", f[1], "a sub-unit needs a country"))?;
            Target::Named { actor: format!("{} {}", state_force_name(&c, branch, None), f[3]), inter: 1, country }
        };
        let scope = if f[4] == "local" { country_of_target(&target).into_iter().collect() } else { Vec::new() };
        let e = b.entry(Entry { target, demonym_led: false, scope });
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
                                "PrivateSecurity" => Role::PrivateSecurity,
                                _ => return Err(bad(XF, line, "arg", f[1], "unknown role")),
                            },
                            country,
                        },
                        "label" => Target::Label,
                        _ => return Err(bad(XF, line, "kind", f[0], "state|role|label")),
                    };
                    let e = b.entry(Entry { target, demonym_led: dl, scope: Vec::new() });
                    cache.insert((ci, dl), e);
                    e
                }
            };
            b.add(&text, cs, e);
        }
    }

    Ok(Compiled { entries: b.entries, groups, ci: b.ci, cs: b.cs })
}

/// Groups patterns by their matched form (ASCII-lowercased for the case-insensitive automaton): the distinct
/// forms with their value (ids in order of first occurrence), and `same[v]` = the pattern indices of form `v`.
#[allow(dead_code)] // build.rs and tests
pub(crate) fn distinct_forms(pats: &[(usize, String)], ci: bool) -> (Vec<(String, u32)>, Vec<Vec<usize>>) {
    let mut ids: HashMap<String, u32> = HashMap::new();
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
    (forms, same)
}

/// What the matcher needs of one pattern: its entry and whether it starts / ends with a word character
/// (word-boundary checks apply only on those sides).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PatMeta {
    pub(crate) entry: u32,
    pub(crate) first_word: bool,
    pub(crate) last_word: bool,
}

impl PatMeta {
    #[allow(dead_code)] // build.rs and tests
    pub(crate) fn of(entry: usize, pat: &str) -> PatMeta {
        PatMeta {
            entry: entry as u32,
            first_word: pat.chars().next().is_some_and(is_word),
            last_word: pat.chars().next_back().is_some_and(is_word),
        }
    }
}

/// `same` lists in compressed form: the items of form `v` are `items[offsets[v]..offsets[v + 1]]`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Same {
    offsets: Vec<u32>,
    items: Vec<u32>,
}

impl Same {
    #[allow(dead_code)] // build.rs and tests
    pub(crate) fn new(same: &[Vec<usize>]) -> Same {
        let mut s = Same { offsets: vec![0], items: Vec::new() };
        for v in same {
            s.items.extend(v.iter().map(|&k| k as u32));
            s.offsets.push(s.items.len() as u32);
        }
        s
    }
    #[inline]
    pub(crate) fn get(&self, v: usize) -> &[u32] {
        &self.items[self.offsets[v] as usize..self.offsets[v + 1] as usize]
    }
}

/// The runtime tables of the dictionary (everything but the automata).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Tables {
    pub(crate) entries: Vec<Entry>,
    pub(crate) groups: Vec<GroupInfo>,
    pub(crate) ci_pats: Vec<PatMeta>,
    pub(crate) cs_pats: Vec<PatMeta>,
    pub(crate) ci_same: Same,
    pub(crate) cs_same: Same,
}

impl Tables {
    #[allow(dead_code)] // build.rs and tests
    pub(crate) fn new(c: Compiled, ci_same: &[Vec<usize>], cs_same: &[Vec<usize>]) -> Tables {
        let meta = |v: &[(usize, String)]| v.iter().map(|(e, p)| PatMeta::of(*e, p)).collect();
        Tables {
            ci_pats: meta(&c.ci),
            cs_pats: meta(&c.cs),
            ci_same: Same::new(ci_same),
            cs_same: Same::new(cs_same),
            entries: c.entries,
            groups: c.groups,
        }
    }

    /// A compact little-endian binary form (written by build.rs, read by [`Tables::decode`]).
    #[allow(dead_code)]
    pub(crate) fn encode(&self) -> Vec<u8> {
        let mut w = Writer(Vec::new());
        w.bytes(MAGIC);
        w.u32(self.entries.len() as u32);
        for e in &self.entries {
            w.u8(e.demonym_led as u8);
            w.u32(e.scope.len() as u32);
            for c in &e.scope {
                w.str(c);
            }
            match &e.target {
                Target::Named { actor, inter, country } => {
                    w.u8(0);
                    w.str(actor);
                    w.u8(*inter);
                    w.opt(country);
                }
                Target::State { country, branch } => {
                    w.u8(1);
                    w.opt(country);
                    w.u8(branch_code(*branch));
                }
                Target::Role { role, country } => {
                    w.u8(2);
                    w.u8(role_code(*role));
                    w.opt(country);
                }
                Target::Label => w.u8(3),
                Target::Claimant { name, ctype, country } => {
                    w.u8(4);
                    w.str(name);
                    w.u8(CLAIMANT_TYPES.iter().position(|t| t == ctype).expect("known claimant type") as u8);
                    w.opt(country);
                }
            }
        }
        w.u32(self.groups.len() as u32);
        for g in &self.groups {
            w.str(&g.name);
            w.u8(g.inter);
            w.opt(&g.country);
            w.u32(g.aliases.len() as u32);
            for a in &g.aliases {
                w.str(a);
            }
            w.u32(g.by_country.len() as u32);
            for (c, n) in &g.by_country {
                w.str(c);
                w.str(n);
            }
        }
        for (pats, same) in [(&self.ci_pats, &self.ci_same), (&self.cs_pats, &self.cs_same)] {
            w.u32(pats.len() as u32);
            for p in pats.iter() {
                w.u32(p.entry);
                w.u8(p.first_word as u8 | (p.last_word as u8) << 1);
            }
            w.u32s(&same.offsets);
            w.u32s(&same.items);
        }
        w.bytes(MAGIC);
        w.0
    }

    /// Reads [`Tables::encode`]'s output; panics on malformed input (it is embedded at build time).
    pub(crate) fn decode(b: &[u8]) -> Tables {
        let mut r = Reader { b, i: 0 };
        assert_eq!(r.take(MAGIC.len()), MAGIC, "actor tables: bad magic");
        let n = r.u32() as usize;
        let mut entries = Vec::with_capacity(n);
        for _ in 0..n {
            let demonym_led = r.u8() != 0;
            let ns = r.u32() as usize;
            let scope = (0..ns).map(|_| r.string()).collect();
            let target = match r.u8() {
                0 => Target::Named { actor: r.string(), inter: r.u8(), country: r.opt() },
                1 => Target::State { country: r.opt(), branch: branch_of(r.u8()) },
                2 => Target::Role { role: role_of(r.u8()), country: r.opt() },
                3 => Target::Label,
                4 => Target::Claimant { name: r.string(), ctype: CLAIMANT_TYPES[r.u8() as usize], country: r.opt() },
                t => panic!("actor tables: bad target tag {t}"),
            };
            entries.push(Entry { target, demonym_led, scope });
        }
        let n = r.u32() as usize;
        let mut groups = Vec::with_capacity(n);
        for _ in 0..n {
            let name = r.string();
            let inter = r.u8();
            let country = r.opt();
            let na = r.u32() as usize;
            let aliases = (0..na).map(|_| r.string()).collect();
            let nb = r.u32() as usize;
            let by_country = (0..nb).map(|_| (r.string(), r.string())).collect();
            groups.push(GroupInfo { name, inter, country, aliases, by_country });
        }
        let mut halves = Vec::with_capacity(2);
        for _ in 0..2 {
            let n = r.u32() as usize;
            let mut pats = Vec::with_capacity(n);
            for _ in 0..n {
                let entry = r.u32();
                let f = r.u8();
                pats.push(PatMeta { entry, first_word: f & 1 != 0, last_word: f & 2 != 0 });
            }
            let offsets = r.u32s();
            let items = r.u32s();
            halves.push((pats, Same { offsets, items }));
        }
        assert_eq!(r.take(MAGIC.len()), MAGIC, "actor tables: bad trailer");
        let (cs_pats, cs_same) = halves.pop().unwrap();
        let (ci_pats, ci_same) = halves.pop().unwrap();
        Tables { entries, groups, ci_pats, cs_pats, ci_same, cs_same }
    }
}

const MAGIC: &[u8] = b"FLACT2";

fn branch_code(b: Branch) -> u8 {
    match b {
        Branch::Military => 0,
        Branch::Police => 1,
        Branch::Government => 2,
    }
}

fn branch_of(c: u8) -> Branch {
    match c {
        0 => Branch::Military,
        1 => Branch::Police,
        2 => Branch::Government,
        _ => panic!("actor tables: bad branch {c}"),
    }
}

fn role_code(r: Role) -> u8 {
    match r {
        Role::Protesters => 0,
        Role::Rioters => 1,
        Role::Civilians => 2,
        Role::UnidentifiedArmedGroup => 3,
        Role::PrivateSecurity => 4,
    }
}

fn role_of(c: u8) -> Role {
    match c {
        0 => Role::Protesters,
        1 => Role::Rioters,
        2 => Role::Civilians,
        3 => Role::UnidentifiedArmedGroup,
        4 => Role::PrivateSecurity,
        _ => panic!("actor tables: bad role {c}"),
    }
}

#[allow(dead_code)]
struct Writer(Vec<u8>);

#[allow(dead_code)]
impl Writer {
    fn bytes(&mut self, b: &[u8]) {
        self.0.extend_from_slice(b);
    }
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.bytes(s.as_bytes());
    }
    fn opt(&mut self, s: &Option<String>) {
        match s {
            None => self.u8(0),
            Some(s) => {
                self.u8(1);
                self.str(s);
            }
        }
    }
    fn u32s(&mut self, v: &[u32]) {
        self.u32(v.len() as u32);
        for x in v {
            self.u32(*x);
        }
    }
}

struct Reader<'a> {
    b: &'a [u8],
    i: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> &'a [u8] {
        let s = &self.b[self.i..self.i + n];
        self.i += n;
        s
    }
    fn u8(&mut self) -> u8 {
        self.take(1)[0]
    }
    fn u32(&mut self) -> u32 {
        u32::from_le_bytes(self.take(4).try_into().unwrap())
    }
    fn string(&mut self) -> String {
        let n = self.u32() as usize;
        std::str::from_utf8(self.take(n)).expect("actor tables: UTF-8").to_string()
    }
    fn opt(&mut self) -> Option<String> {
        match self.u8() {
            0 => None,
            _ => Some(self.string()),
        }
    }
    fn u32s(&mut self) -> Vec<u32> {
        let n = self.u32() as usize;
        self.take(4 * n).chunks_exact(4).map(|c| u32::from_le_bytes(c.try_into().unwrap())).collect()
    }
}
