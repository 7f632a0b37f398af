//! Knowledge about *what happened*: ACLED's 25 sub-event types with their event type,
//! disorder type, PLOVER and CAMEO mappings, ACLED inter codes, and the trigger lexicon.
//!
//! All of it lives in `data/ontology/*.tsv` (human-editable, with provenance) and is
//! embedded into the binary with `include_str!`; it is parsed once, lazily.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use frontline_model::Span;
use std::sync::OnceLock;

const TYPES_TSV: &str = include_str!("../../../data/ontology/acled_types.tsv");
const INTER_TSV: &str = include_str!("../../../data/ontology/inter.tsv");
const TRIGGERS_TSV: &str = include_str!("../../../data/ontology/triggers.tsv");
const PATTERN_TRIGGERS_TSV: &str = include_str!("../../../data/ontology/pattern_triggers.tsv");
const CRIMINAL_CUES: &str = include_str!("../../../data/ontology/criminal_cues.txt");

/// True when `text` places violence in organised crime ("cartel", "drug dealer", "hitmen"):
/// ACLED then names an unknown perpetrator "Unidentified Gang (<country>)".
pub fn criminal_context(text: &str) -> bool {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    let ac = AC.get_or_init(|| {
        let words: Vec<&str> = CRIMINAL_CUES.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
        AhoCorasickBuilder::new().ascii_case_insensitive(true).match_kind(MatchKind::Standard).build(words).expect("cue list builds")
    });
    let b = text.as_bytes();
    // every match, overlapping: a longer cue that ends inside a word must not hide a shorter one
    ac.find_overlapping_iter(text).any(|m| {
        (m.start() == 0 || !is_word_byte(b[m.start() - 1])) && (m.end() == b.len() || !is_word_byte(b[m.end()]))
    })
}

/// A malformed line in an embedded knowledge file.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {problem}")]
pub struct DataError {
    pub file: &'static str,
    pub line: usize,
    pub problem: String,
}

/// One ACLED sub-event type and its mappings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubEventInfo {
    pub sub_event_type: String,
    pub event_type: String,
    pub disorder_type: String,
    pub plover_event: String,
    pub plover_mode: Option<String>,
    pub cameo_root: Option<String>,
}

/// Data rows of a TSV file: skips `#` comments, blank lines and the header line.
fn rows(file: &'static str, text: &'static str) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    let _ = file;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .skip(1)
        .map(|(i, l)| (i + 1, l.split('\t').collect()))
}

fn opt(s: &str) -> Option<String> {
    (s != "-" && !s.is_empty()).then(|| s.to_string())
}

fn parse_types() -> Result<Vec<SubEventInfo>, DataError> {
    let file = "data/ontology/acled_types.tsv";
    rows(file, TYPES_TSV)
        .map(|(line, f)| {
            if f.len() != 6 {
                return Err(DataError { file, line, problem: format!("expected 6 columns, found {}", f.len()) });
            }
            Ok(SubEventInfo {
                sub_event_type: f[0].to_string(),
                event_type: f[1].to_string(),
                disorder_type: f[2].to_string(),
                plover_event: f[3].to_string(),
                plover_mode: opt(f[4]),
                cameo_root: opt(f[5]),
            })
        })
        .collect()
}

fn parse_inter() -> Result<Vec<(u8, String)>, DataError> {
    let file = "data/ontology/inter.tsv";
    rows(file, INTER_TSV)
        .map(|(line, f)| {
            let code = f[0].parse::<u8>().map_err(|e| DataError { file, line, problem: e.to_string() })?;
            let name = f.get(1).ok_or(DataError { file, line, problem: "missing name".into() })?;
            Ok((code, name.to_string()))
        })
        .collect()
}

/// All 25 ACLED sub-event types, in codebook order.
pub fn sub_event_types() -> &'static [SubEventInfo] {
    static T: OnceLock<Vec<SubEventInfo>> = OnceLock::new();
    T.get_or_init(|| parse_types().expect("embedded data/ontology/acled_types.tsv is valid (tested)"))
}

/// Looks up a sub-event type by its exact ACLED name.
pub fn sub_event(name: &str) -> Option<&'static SubEventInfo> {
    sub_event_types().iter().find(|s| s.sub_event_type == name)
}

/// ACLED's name of an inter code ("State forces" for 1).
pub fn inter_name(code: u8) -> Option<&'static str> {
    static T: OnceLock<Vec<(u8, String)>> = OnceLock::new();
    T.get_or_init(|| parse_inter().expect("embedded data/ontology/inter.tsv is valid (tested)"))
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, n)| n.as_str())
}

/// ACLED's `interaction` string as current exports write it: the two actor types, lower
/// code first ("State forces-Rebel group"), or "<type> only" for a one-sided event.
pub fn interaction(inter1: Option<u8>, inter2: Option<u8>) -> String {
    match (inter1, inter2) {
        (Some(a), Some(b)) => {
            let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
            format!("{}-{}", inter_name(lo).unwrap_or("?"), inter_name(hi).unwrap_or("?"))
        }
        (Some(a), None) | (None, Some(a)) => format!("{} only", inter_name(a).unwrap_or("?")),
        (None, None) => String::new(),
    }
}

/// A match of the trigger lexicon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TriggerHit {
    pub span: Span,
    /// The lexicon class ("clash", "air", "protest", ...).
    pub class: &'static str,
    pub weight: u8,
}

struct Pattern {
    class: &'static str,
    weight: u8,
    /// Pattern ended in `*`: any word ending may follow.
    prefix: bool,
}

/// The compiled trigger lexicon.
pub struct Triggers {
    ac: AhoCorasick,
    patterns: Vec<Pattern>,
}

fn parse_triggers() -> Result<Triggers, DataError> {
    let file = "data/ontology/triggers.tsv";
    let mut lits = Vec::new();
    let mut patterns = Vec::new();
    for (line, f) in rows(file, TRIGGERS_TSV) {
        if f.len() != 3 {
            return Err(DataError { file, line, problem: format!("expected 3 columns, found {}", f.len()) });
        }
        let weight = f[1].parse::<u8>().map_err(|e| DataError { file, line, problem: format!("weight: {e}") })?;
        for phrase in f[2].split('|').map(str::trim).filter(|p| !p.is_empty()) {
            let (lit, prefix) = match phrase.strip_suffix('*') {
                Some(p) => (p, true),
                None => (phrase, false),
            };
            lits.push(lit.to_ascii_lowercase());
            patterns.push(Pattern { class: f[0], weight, prefix });
        }
    }
    let ac = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        // (a contiguous NFA: the full DFA the builder would pick for overlapping search costs
        // several milliseconds of start-up and megabytes for no measurable search gain)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(&lits)
        .map_err(|e| DataError { file, line: 0, problem: e.to_string() })?;
    Ok(Triggers { ac, patterns })
}

/// Where a pattern trigger is looked for (`data/ontology/pattern_triggers.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// Anywhere in the text; the trigger spans the match.
    Text,
    /// Right before a place mention (the pattern ends in `$`); the trigger spans the match and
    /// the place.
    BeforePlace,
}

/// A trigger that a verb makes only with a certain object ("seized Paletwa", not "seized
/// weapons"): a regular expression, from `data/ontology/pattern_triggers.tsv`.
#[derive(Debug)]
pub struct PatternTrigger {
    pub class: &'static str,
    pub weight: u8,
    pub anchor: Anchor,
    /// Classes of existing triggers that make this one redundant where they overlap.
    pub unless: Vec<&'static str>,
    /// Classes of triggers added by earlier rows that this one overrides where they overlap.
    pub replaces: Vec<&'static str>,
    /// The pattern as compiled (ASCII word boundaries), in Unicode mode or not.
    pattern: String,
    unicode: bool,
    /// Compiled on first use: most rows never match a given text, and compiling all of them
    /// up front was most of the rows' start-up cost.
    re: OnceLock<regex::Regex>,
    /// Words one of which every match begins with (the pattern's leading alternation,
    /// lowercased); empty when the pattern does not lead with one. A text holding none of them
    /// cannot match, so the row is neither compiled nor run on it.
    needles: Vec<String>,
}

impl PatternTrigger {
    /// The compiled pattern (compiled on first use; every embedded row compiles: tested).
    pub fn regex(&self) -> &regex::Regex {
        self.re.get_or_init(|| regex::RegexBuilder::new(&self.pattern).unicode(self.unicode).build().expect("pattern validated when the row was read"))
    }

}

/// Which pattern-trigger rows can match a text: one case-insensitive Aho-Corasick pass over the
/// leading words of all gated rows (see `leading_words`), instead of a search per row.
pub struct PatternGate {
    ac: AhoCorasick,
    /// The row of each needle, in needle order.
    row_of: Vec<usize>,
    /// Rows with no leading words: always tried.
    ungated: Vec<bool>,
}

impl PatternGate {
    pub fn new(rows: &[PatternTrigger]) -> PatternGate {
        let (mut needles, mut row_of) = (Vec::new(), Vec::new());
        for (i, r) in rows.iter().enumerate() {
            for n in &r.needles {
                needles.push(n.as_str());
                row_of.push(i);
            }
        }
        let ac = AhoCorasickBuilder::new().ascii_case_insensitive(true).match_kind(MatchKind::Standard).build(&needles).expect("needles build");
        PatternGate { ac, row_of, ungated: rows.iter().map(|r| r.needles.is_empty()).collect() }
    }

    /// For each row, whether it can match somewhere in `text`.
    pub fn rows(&self, text: &str) -> Vec<bool> {
        let mut open = self.ungated.clone();
        for m in self.ac.find_overlapping_iter(text) {
            open[self.row_of[m.pattern().as_usize()]] = true;
        }
        open
    }
}

/// The gate of the embedded pattern triggers (row for row with `pattern_triggers()`).
pub fn pattern_gate() -> &'static PatternGate {
    static G: OnceLock<PatternGate> = OnceLock::new();
    G.get_or_init(|| PatternGate::new(pattern_triggers()))
}

/// The words of a pattern's leading alternation, one of which every match must begin with:
/// `(?i)\b(?:people|persons|youths?)\b…` → people, persons, youth. Empty (no filter) unless the
/// pattern leads with a group of plain-word alternatives and has no top-level `|`.
fn leading_words(p: &str) -> Vec<String> {
    let mut rest = p;
    for pre in ["(?i)", "\\b"] {
        rest = rest.strip_prefix(pre).unwrap_or(rest);
    }
    let Some(body) = rest.strip_prefix("(?:").or_else(|| rest.strip_prefix("(?i:")) else { return Vec::new() };
    // the group's end, and depth-0 bars of the group and of the whole pattern
    let (mut depth, mut i, mut class) = (0i32, 0usize, false);
    let b = body.as_bytes();
    let mut bars = Vec::new();
    let mut end = None;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 1,
            b'[' if !class => class = true,
            b']' if class => class = false,
            b'(' if !class => depth += 1,
            b')' if !class => {
                if depth == 0 && end.is_none() {
                    end = Some(i);
                } else {
                    depth -= 1;
                }
            }
            b'|' if !class && depth == 0 => {
                if end.is_none() {
                    bars.push(i);
                } else {
                    return Vec::new(); // a top-level alternative after the group
                }
            }
            _ => {}
        }
        i += 1;
    }
    let Some(end) = end else { return Vec::new() };
    let mut words = Vec::new();
    let mut from = 0;
    for to in bars.iter().copied().chain([end]) {
        let alt = &body[from..to];
        from = to + 1;
        let lit: String = alt.chars().take_while(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '-' | '\'')).collect();
        // a quantifier right after the literal applies to its last character ("youths?")
        let next = alt[lit.len()..].chars().next();
        let lit = if matches!(next, Some('?' | '*' | '{')) { lit[..lit.len().saturating_sub(1)].to_string() } else { lit };
        if lit.trim().is_empty() {
            return Vec::new();
        }
        words.push(lit.to_ascii_lowercase());
    }
    words
}

/// The trigger classes of violent or forceful acts, named `@acts` in the `unless` and `replaces`
/// columns of `pattern_triggers.tsv` (a row that backgrounds a clause replaces them all; "change"
/// is listed on its own where a row replaces it too).
pub const ACTS: &[&str] = &[
    "kill", "attack", "clash", "smallarms", "fire", "shell", "air", "ied", "suicide", "grenade", "abduct", "sexual", "chemical",
    "riot", "mob", "loot", "capture", "regain", "intervention", "disrupt",
];

fn parse_pattern_triggers(file: &'static str, text: &'static str) -> Result<Vec<PatternTrigger>, DataError> {
    let list = |s: &'static str| -> Vec<&'static str> {
        if s == "-" {
            return Vec::new();
        }
        s.split(',').map(str::trim).flat_map(|c| if c == "@acts" { ACTS.to_vec() } else { vec![c] }).collect()
    };
    let mut out = Vec::new();
    for (line, f) in rows(file, text) {
        if f.len() != 7 {
            return Err(DataError { file, line, problem: format!("expected 7 columns, found {}", f.len()) });
        }
        let weight = f[1].parse::<u8>().map_err(|e| DataError { file, line, problem: format!("weight: {e}") })?;
        let anchor = match f[2] {
            "text" => Anchor::Text,
            "before_place" => Anchor::BeforePlace,
            a => return Err(DataError { file, line, problem: format!("anchor {a:?}: expected text or before_place") }),
        };
        if anchor == Anchor::BeforePlace && !f[5].ends_with('$') {
            return Err(DataError { file, line, problem: "a before_place pattern must end in $".into() });
        }
        // ASCII word boundaries always (see `frontline_ascii::ascii_word_boundaries`); a row with
        // no negated class, no Unicode class (`\p{Lu}`) and no non-ASCII character compiles
        // without Unicode mode, which makes its classes (`\w`, `[a-z]`, `(?i)`) cheap to build and
        // changes no match on such a row.
        let ascii = f[5].is_ascii() && !f[5].contains("[^") && !f[5].contains("\\p") && !f[5].contains("\\P");
        let pattern = frontline_ascii::ascii_word_boundaries(f[5]);
        // Checked here (parse and translate, no automaton built); compiled on first use.
        regex_syntax::ParserBuilder::new()
            .unicode(!ascii)
            .utf8(true)
            .build()
            .parse(&pattern)
            .map_err(|e| DataError { file, line, problem: format!("pattern: {e}") })?;
        let needles = leading_words(f[5]);
        out.push(PatternTrigger { class: f[0], weight, anchor, unless: list(f[3]), replaces: list(f[4]), pattern, unicode: !ascii, re: OnceLock::new(), needles });
    }
    Ok(out)
}

/// The embedded pattern triggers, in file order.
pub fn pattern_triggers() -> &'static [PatternTrigger] {
    static P: OnceLock<Vec<PatternTrigger>> = OnceLock::new();
    P.get_or_init(|| parse_pattern_triggers("data/ontology/pattern_triggers.tsv", PATTERN_TRIGGERS_TSV).expect("embedded data/ontology/pattern_triggers.tsv is valid (tested)"))
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

impl Triggers {
    /// The embedded lexicon.
    pub fn embedded() -> &'static Triggers {
        static T: OnceLock<Triggers> = OnceLock::new();
        T.get_or_init(|| parse_triggers().expect("embedded data/ontology/triggers.tsv is valid (tested)"))
    }

    /// All trigger matches in `text`, on word boundaries, leftmost-longest among those that
    /// fit word boundaries: a longer phrase ending inside a word ("drones at" in "drones
    /// attacked") does not hide a shorter one that fits ("attacked").
    pub fn find(&self, text: &str) -> Vec<TriggerHit> {
        let bytes = text.as_bytes();
        // (start, end after a prefix pattern's extension, literal length, pattern)
        let mut fits: Vec<(usize, usize, usize, usize)> = Vec::new();
        for m in self.ac.find_overlapping_iter(text) {
            let p = &self.patterns[m.pattern().as_usize()];
            let (s, mut e) = (m.start(), m.end());
            if s > 0 && is_word_byte(bytes[s - 1]) {
                continue;
            }
            if p.prefix {
                while e < bytes.len() && (bytes[e].is_ascii_alphabetic()) {
                    e += 1;
                }
            } else if e < bytes.len() && is_word_byte(bytes[e]) {
                continue;
            }
            fits.push((s, e, m.end() - s, m.pattern().as_usize()));
        }
        fits.sort_by_key(|&(s, e, len, pat)| (s, std::cmp::Reverse(e), std::cmp::Reverse(len), pat));
        let mut out = Vec::new();
        let mut taken = 0;
        for (s, e, _, pat) in fits {
            if s < taken {
                continue;
            }
            let p = &self.patterns[pat];
            out.push(TriggerHit { span: Span::new(s, e), class: p.class, weight: p.weight });
            taken = e;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_files_parse() {
        assert_eq!(parse_types().unwrap().len(), 25);
        assert_eq!(parse_inter().unwrap().len(), 8);
        let lexicon = parse_triggers().unwrap();
        // every pattern trigger's class (and the classes it yields to or replaces) is one the
        // phrase lexicon defines, so the events stage knows what to do with it
        let known = |c: &str| lexicon.patterns.iter().any(|p| p.class == c);
        for t in parse_pattern_triggers("data/ontology/pattern_triggers.tsv", PATTERN_TRIGGERS_TSV).unwrap() {
            assert!(known(t.class), "pattern trigger class {:?} is not a triggers.tsv class", t.class);
            for c in t.unless.iter().chain(&t.replaces) {
                assert!(known(c), "pattern trigger refers to unknown class {c:?}");
            }
        }
    }

    #[test]
    fn pattern_trigger_rows_are_checked() {
        const HEAD: &str = "class\tweight\tanchor\tunless\treplaces\tpattern\twhy\n";
        let err = |row: &str| parse_pattern_triggers("t.tsv", Box::leak(format!("{HEAD}{row}").into_boxed_str())).unwrap_err().to_string();
        assert!(err("capture\t7\tbefore_place\t-\t-\tseized\tx\n").contains("must end in $"));
        assert!(err("capture\t7\tnearby\t-\t-\tseized$\tx\n").contains("anchor"));
        assert!(err("capture\t7\ttext\t-\t-\tseized (\tx\n").starts_with("t.tsv:2: pattern"));
        assert!(err("capture\t7\ttext\t-\tseized\tx\n").contains("expected 7 columns"));
        let ok = parse_pattern_triggers("t.tsv", Box::leak(format!("{HEAD}capture\t7\ttext\tregain\t-\tseized \\w+ town\tx\n").into_boxed_str())).unwrap();
        assert_eq!((ok[0].class, ok[0].weight, ok[0].anchor, ok[0].unless.clone()), ("capture", 7, Anchor::Text, vec!["regain"]));
        // the named set of acts expands in place
        let set = parse_pattern_triggers("t.tsv", Box::leak(format!("{HEAD}neutral\t0\ttext\t-\tprotest,@acts,change\tcondemned\tx\n").into_boxed_str())).unwrap();
        assert_eq!(set[0].replaces.len(), ACTS.len() + 2);
        assert_eq!((set[0].replaces[0], set[0].replaces[1], *set[0].replaces.last().unwrap()), ("protest", "kill", "change"));
        assert!(ok[0].regex().is_match("seized Paletwa town"));
    }

    #[test]
    fn every_pattern_row_compiles_and_its_words_gate_it() {
        for row in pattern_triggers() {
            let _ = row.regex();
        }
        assert_eq!(leading_words(r"(?i)\b(?:people|persons|youths?)\b\s+gathered"), vec!["people", "persons", "youth"]);
        assert_eq!(leading_words(r"\b(?i:seized|took(?:\s+control\s+of)?)\s+the"), vec!["seized", "took"]);
        // a top-level alternative, or an alternative with no word, leaves the row ungated
        assert!(leading_words(r"(?i)\b(?:after|over)\s+police|\bshot\s+by").is_empty());
        assert!(leading_words(r"(?i)\b(?:\w+|the)\s+town").is_empty());
        assert!(leading_words(r"\banti-[a-z]+").is_empty());
        // a gated row matches only texts holding one of its words
        let rows = parse_pattern_triggers("t.tsv", "class\tweight\tanchor\tunless\treplaces\tpattern\twhy\nprotest\t7\ttext\t-\t-\t(?i)\\b(?:students|workers)\\s+marched\tx\nprotest\t7\ttext\t-\t-\t\\banti-[a-z]+\\s+crowds?\tx\n").unwrap();
        let gate = PatternGate::new(&rows);
        assert_eq!(gate.rows("The Students marched"), vec![true, true]);
        // the ungated second row is always tried; the first only with one of its words
        assert_eq!(gate.rows("soldiers marched"), vec![false, true]);
        assert_eq!(pattern_gate().rows("").len(), pattern_triggers().len());
    }

    #[test]
    fn six_event_types_and_exact_strings() {
        let mut ets: Vec<_> = sub_event_types().iter().map(|s| s.event_type.as_str()).collect();
        ets.dedup();
        assert_eq!(
            ets,
            [
                "Battles",
                "Explosions/Remote violence",
                "Violence against civilians",
                "Protests",
                "Riots",
                "Strategic developments"
            ]
        );
        assert_eq!(sub_event("Air/drone strike").unwrap().event_type, "Explosions/Remote violence");
        assert_eq!(sub_event("Mob violence").unwrap().disorder_type, "Political violence");
        assert_eq!(sub_event("Peaceful protest").unwrap().disorder_type, "Demonstrations");
        assert_eq!(
            sub_event("Excessive force against protesters").unwrap().disorder_type,
            "Political violence; Demonstrations"
        );
    }

    #[test]
    fn interaction_strings() {
        assert_eq!(interaction(Some(2), Some(1)), "State forces-Rebel group");
        assert_eq!(interaction(Some(6), None), "Protesters only");
        assert_eq!(interaction(None, None), "");
    }

    #[test]
    fn triggers_respect_word_boundaries() {
        let t = Triggers::embedded();
        let hits = t.find("Demonstrators clashed; the shellfish market was shelled by artillery.");
        let classes: Vec<_> = hits.iter().map(|h| h.class).collect();
        assert!(classes.contains(&"protest"));
        assert!(classes.contains(&"clash"));
        assert!(classes.contains(&"shell"));
        // "shellfish" must not match "shells"/"shelled".
        assert!(!hits.iter().any(|h| h.span.start == 25));
        let text = "Demonstrators clashed";
        let h = &t.find(text)[0];
        assert_eq!(h.span.text(text), "Demonstrators");
    }

    #[test]
    fn criminal_cues_on_word_boundaries() {
        assert!(criminal_context("Hitmen linked to a drug cartel shot a man"));
        assert!(!criminal_context("The Cartelian army drugstore"));
    }

    #[test]
    fn airstrike_beats_generic() {
        let t = Triggers::embedded();
        let text = "Russian airstrikes hit the town";
        let h = t.find(text);
        assert_eq!(h[0].class, "air");
        assert_eq!(h[0].span.text(text), "airstrikes");
    }

    #[test]
    fn a_phrase_ending_inside_a_word_does_not_hide_a_shorter_one() {
        // "drones at" and "drones attack" match the start of "drones attacking" but end
        // inside "attacking"
        let t = Triggers::embedded();
        let text = "Ukrainian drones attacking a refinery";
        let h = t.find(text);
        assert!(h.iter().any(|x| x.class == "attack" && x.span.text(text) == "attacking"), "{h:?}");
        assert!(!h.iter().any(|x| x.span.text(text).starts_with("drones at")), "{h:?}");
        // and the longest fitting phrase still wins where several start together
        let text = "drones struck the depot";
        assert_eq!(t.find(text)[0].span.text(text), "drones struck");
    }
}
