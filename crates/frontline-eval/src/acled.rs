//! Scoring frontline against an ACLED export.
//!
//! Each row's `notes` (the coder's summary of the source) is cleaned of the coder's own
//! give-aways ([`strip_giveaways`]), run through the extractor with no publication date,
//! and the extractor's main event (`events[0]`) is compared field by field with the row
//! ([`evaluate`]). Rows are split deterministically into dev and test ([`split_of`]).
//!
//! Percentages in the [`Report`] are over all rows of the split (a row with no event
//! counts as wrong for every field), with "given detected" rates beside them.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::io;
use std::path::Path;
use std::sync::OnceLock;

use frontline_model::Document;
use jiff::civil::Date;
use regex::Regex;

// ---------------------------------------------------------------------------------------
// Errors

/// What can go wrong reading an export. Row errors name the CSV line.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: io::Error,
    },
    #[error("{path}: bad CSV header: {source}")]
    Header {
        path: String,
        #[source]
        source: csv::Error,
    },
    #[error("{path}: not an ACLED export: missing column `{column}`")]
    MissingColumn { path: String, column: &'static str },
    #[error("{path}:{line}: unreadable CSV record: {source}")]
    Record {
        path: String,
        line: u64,
        #[source]
        source: csv::Error,
    },
    #[error("{path}:{line}: record has {found} fields, the header {expected}")]
    FieldCount {
        path: String,
        line: u64,
        found: usize,
        expected: usize,
    },
    #[error("{path}:{line} ({event_id}): bad {column} {value:?}: {reason}")]
    BadField {
        path: String,
        line: u64,
        event_id: String,
        column: &'static str,
        value: String,
        reason: &'static str,
    },
}

// ---------------------------------------------------------------------------------------
// Loading

/// Which export layout a file uses (told apart by its header names).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// The current 31-column export (disorder_type, civilian_targeting, tags).
    Current,
    /// The 2019–20 export (data_id, event_id_no_cnty, iso3).
    Legacy2020,
    /// Neither marker set, but every column the evaluation needs is present.
    Other,
}

/// Tells the layout from a header row.
pub fn detect_layout<'a>(headers: impl IntoIterator<Item = &'a str>) -> Layout {
    let hs: Vec<&str> = headers.into_iter().map(str::trim).collect();
    let has = |n: &str| hs.iter().any(|h| h.eq_ignore_ascii_case(n));
    if has("data_id") || has("iso3") || has("event_id_no_cnty") {
        Layout::Legacy2020
    } else if has("disorder_type") || has("civilian_targeting") {
        Layout::Current
    } else {
        Layout::Other
    }
}

/// One gold event.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// 1-based line of the record in the CSV file (the header is line 1).
    pub line: u64,
    pub event_id_cnty: String,
    pub event_date: Date,
    pub event_type: String,
    pub sub_event_type: String,
    pub actor1: String,
    pub actor2: String,
    pub country: String,
    pub admin1: String,
    pub location: String,
    pub latitude: f64,
    pub longitude: f64,
    pub fatalities: u64,
    pub notes: String,
}

/// An export as read: its layout, the good rows, and every bad row with its error.
#[derive(Debug)]
pub struct Loaded {
    pub layout: Layout,
    pub rows: Vec<Row>,
    pub skipped: Vec<EvalError>,
}

const REQUIRED: [&str; 13] = [
    "event_id_cnty",
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "notes",
    "fatalities",
];

/// Reads an ACLED export. Bad rows are reported on stderr (with their line) and
/// skipped; use [`load_reader`] to get them as values.
pub fn load(path: &Path) -> Result<Vec<Row>, EvalError> {
    let name = path.display().to_string();
    let f = std::fs::File::open(path).map_err(|source| EvalError::Io {
        path: name.clone(),
        source,
    })?;
    let loaded = load_reader(io::BufReader::new(f), &name)?;
    for e in &loaded.skipped {
        eprintln!("warning: skipped row: {e}");
    }
    Ok(loaded.rows)
}

/// Reads an ACLED export from any reader; `name` labels errors.
pub fn load_reader<R: io::Read>(rdr: R, name: &str) -> Result<Loaded, EvalError> {
    // flexible: a short or long record is reported by us (with its line), not by csv
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(rdr);
    let headers = rdr
        .headers()
        .map_err(|source| EvalError::Header {
            path: name.to_string(),
            source,
        })?
        .clone();
    let layout = detect_layout(headers.iter());
    let mut idx = [0usize; REQUIRED.len()];
    for (k, col) in REQUIRED.iter().enumerate() {
        idx[k] = headers
            .iter()
            .position(|h| {
                h.trim()
                    .trim_start_matches('\u{feff}')
                    .eq_ignore_ascii_case(col)
            })
            .ok_or(EvalError::MissingColumn {
                path: name.to_string(),
                column: col,
            })?;
    }
    let newlines = |r: &csv::StringRecord| {
        r.iter()
            .map(|f| f.matches('\n').count() as u64)
            .sum::<u64>()
    };
    // csv's own record positions are off by one on CRLF files, so lines are counted here:
    // a record takes one line plus the line breaks inside its quoted fields.
    let mut next_line = 2 + newlines(&headers);
    let mut rows = Vec::new();
    let mut skipped = Vec::new();
    let mut rec = csv::StringRecord::new();
    loop {
        let line = next_line;
        match rdr.read_record(&mut rec) {
            Ok(false) => break,
            Ok(true) => next_line += 1 + newlines(&rec),
            Err(source) => {
                let fatal = matches!(source.kind(), csv::ErrorKind::Io(_));
                skipped.push(EvalError::Record {
                    path: name.to_string(),
                    line,
                    source,
                });
                if fatal {
                    break;
                }
                // resynchronise on csv's count (exact for LF files, one short for CRLF)
                next_line = rdr.position().line() + 1;
                continue;
            }
        }
        if rec.len() != headers.len() {
            skipped.push(EvalError::FieldCount {
                path: name.to_string(),
                line,
                found: rec.len(),
                expected: headers.len(),
            });
            continue;
        }
        let get = |k: usize| rec.get(idx[k]).unwrap_or("").trim();
        let event_id = get(0).to_string();
        let bad = |column: &'static str, value: &str, reason: &'static str| EvalError::BadField {
            path: name.to_string(),
            line,
            event_id: event_id.clone(),
            column,
            value: value.to_string(),
            reason,
        };
        if event_id.is_empty() {
            skipped.push(bad("event_id_cnty", "", "empty"));
            continue;
        }
        let Some(event_date) = parse_acled_date(get(1)) else {
            skipped.push(bad(
                "event_date",
                get(1),
                "not a date (expected 2020-05-09, 9-May-20 or 9 May 2020)",
            ));
            continue;
        };
        let (Ok(latitude), Ok(longitude)) = (get(9).parse::<f64>(), get(10).parse::<f64>()) else {
            skipped.push(bad(
                "latitude/longitude",
                &format!("{},{}", get(9), get(10)),
                "not a number",
            ));
            continue;
        };
        if !(-90.0..=90.0).contains(&latitude) || !(-180.0..=180.0).contains(&longitude) {
            skipped.push(bad(
                "latitude/longitude",
                &format!("{},{}", get(9), get(10)),
                "out of range",
            ));
            continue;
        }
        let Ok(fatalities) = get(12).parse::<u64>() else {
            skipped.push(bad("fatalities", get(12), "not a non-negative integer"));
            continue;
        };
        rows.push(Row {
            line,
            event_id_cnty: event_id.clone(),
            event_date,
            event_type: get(2).to_string(),
            sub_event_type: get(3).to_string(),
            actor1: get(4).to_string(),
            actor2: get(5).to_string(),
            country: get(6).to_string(),
            admin1: get(7).to_string(),
            location: get(8).to_string(),
            latitude,
            longitude,
            fatalities,
            notes: get(11).to_string(),
        });
    }
    Ok(Loaded {
        layout,
        rows,
        skipped,
    })
}

/// Parses the date forms seen in ACLED exports: `2020-05-09`, `9-May-20`, `09-May-2020`,
/// `9 May 2020`, `09 May 2020`.
pub fn parse_acled_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let parts: Vec<&str> = s.split(['-', ' ', '/']).filter(|p| !p.is_empty()).collect();
    if parts.len() != 3 {
        return None;
    }
    let num = |p: &str| p.parse::<i32>().ok();
    let (y, m, d) = if parts[0].len() == 4 {
        (num(parts[0])?, num(parts[1])?, num(parts[2])?)
    } else {
        let m = month_number(parts[1])?;
        let y = num(parts[2])?;
        let y = if parts[2].len() == 2 { 2000 + y } else { y };
        (y, m, num(parts[0])?)
    };
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

fn month_number(s: &str) -> Option<i32> {
    const M: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let l = s.to_ascii_lowercase();
    if l.len() < 3 {
        return None;
    }
    M.iter()
        .position(|m| l.starts_with(m))
        .map(|i| i as i32 + 1)
}

// ---------------------------------------------------------------------------------------
// Split

/// Which rows to score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Split {
    /// 80 %: `fnv1a64(event_id_cnty) % 5 != 0`.
    Dev,
    /// 20 %: `fnv1a64(event_id_cnty) % 5 == 0`.
    Test,
    #[default]
    All,
}

impl std::str::FromStr for Split {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "dev" => Ok(Split::Dev),
            "test" => Ok(Split::Test),
            "all" => Ok(Split::All),
            _ => Err(format!("unknown split {s:?} (expected dev, test or all)")),
        }
    }
}

impl fmt::Display for Split {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Split::Dev => "dev",
            Split::Test => "test",
            Split::All => "all",
        })
    }
}

/// FNV-1a, 64 bit.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The split an event id belongs to ([`Split::Dev`] or [`Split::Test`]).
#[allow(clippy::manual_is_multiple_of)] // is_multiple_of needs Rust 1.87; the workspace MSRV is 1.80
pub fn split_of(event_id_cnty: &str) -> Split {
    if fnv1a64(event_id_cnty.trim().as_bytes()) % 5 == 0 {
        Split::Test
    } else {
        Split::Dev
    }
}

impl Split {
    pub fn contains(&self, event_id_cnty: &str) -> bool {
        match self {
            Split::All => true,
            s => split_of(event_id_cnty) == *s,
        }
    }
}

// ---------------------------------------------------------------------------------------
// Give-away stripping

struct Res {
    label: Regex,
    tag: Regex,
    coded_paren: Regex,
    coded_clause: Regex,
    fat_giveaway: Regex,
    fat_count: Regex,
    coded_sentence: Regex,
    admin_comma: Regex,
    admin_single: Regex,
    space_punct: Regex,
    spaces: Regex,
    double_punct: Regex,
}

fn res() -> &'static Res {
    static R: OnceLock<Res> = OnceLock::new();
    R.get_or_init(|| {
        // one place-name part: capitalised word, then up to 5 more words (connectors, "district")
        let part = r"\p{Lu}[\p{L}\p{M}'’&.\-]*(?:\s+[\p{L}\p{M}'’&.\-]+){0,5}";
        let title = r"\p{Lu}\p{Ll}[\p{L}\p{M}'’\-]*";
        let conn = r"(?:al|el|ad|ar|as|at|ash|an|az|de|del|du|la|le|di|da|do|of|and)";
        Res {
            // "Looting: ", "Movement of forces: ", "Non-violent activity: " (1–5 words, no digits)
            label: Regex::new(r"^\s*\p{Lu}[\p{L}\-]*(?:\s+[\p{L}\-]+){0,4}\s*:\s+").unwrap(),
            // "[size=no report]", "[1 fatality split among 3 events]", "[coded to Athens-Central Athens]"
            // (also an unclosed tag at the end of a truncated note: "[size=no report.")
            tag: Regex::new(r"(?i)\s*\[(?:\s*[a-z_ ]+=[^\]]*|[^\]]*fatali[^\]]*|\s*coded\b[^\]]*)(?:\]|$)").unwrap(),
            // "(coded as Southern Resistance)", "(coded separately)"
            // "(Batken center is coded with GP2)"
            coded_paren: Regex::new(r"(?i)\s*\([^()]*\bcoded\b[^()]*\)").unwrap(),
            // ", coded at Al Yamani Dairy Factory," / ", coded as Security Belt forces by default due to ..."
            coded_clause: Regex::new(r"(?i),\s*coded (?:as|at|to|in)\b[^,.;]*").unwrap(),
            // a clause giving the coder's fatality figure or how it was split
            fat_giveaway: Regex::new(
                r"(?i)\bfatali\w*\b[^.;]*?\b(?:coded|split|spread|distributed|divided|rounded|reported as half)\b|\b(?:coded|split|spread|distributed|divided)\b[^.;]*?\bfatali",
            )
            .unwrap(),
            // "3 fatalities." / "1 fatality and 2 injured." / "2 fatalities reported." as a sentence of its own
            fat_count: Regex::new(
                r"(?i)^\s*(?:at least\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:reported\s+)?fatali\w*(?:\s*(?:,|and)\s*(?:\d+|no)\s+(?:injur\w*|wounded))?(?:\s+(?:were\s+)?reported)?\s*[.!]?\s*$",
            )
            .unwrap(),
            // "Coded at district capital with GP 2." / "... have been coded."
            coded_sentence: Regex::new(r"(?i)^\s*coded\b|\bhave been coded\s*\.?\s*$").unwrap(),
            admin_comma: Regex::new(&format!(r"\s*\(\s*{part}(?:\s*,\s*{part})+\s*\)")).unwrap(),
            admin_single: Regex::new(&format!(r"\s*\(\s*{title}(?:\s+(?:{title}|{conn}))*\s*\)")).unwrap(),
            space_punct: Regex::new(r"\s+([.,;:])").unwrap(),
            spaces: Regex::new(r"[ \t]{2,}").unwrap(),
            double_punct: Regex::new(r"([.;,])[.;,]+").unwrap(),
        }
    })
}

/// Byte ranges of sentences: a sentence ends at `.`, `!` or `?` followed by whitespace
/// and then an upper-case letter, a digit, `[`, `(`, `"` or `*`; at a period glued to a
/// capitalised word ("Urozgan.Fatalities"); or at the end of the text.
fn sentence_ranges(s: &str) -> Vec<(usize, usize)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        if matches!(b[i], b'.' | b'!' | b'?') {
            let mut j = i + 1;
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            let next_ok = j == b.len()
                || (j > i + 1 && {
                    let c = s[j..].chars().next().unwrap();
                    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '[' | '(' | '"' | '*')
                })
                // "Urozgan.Fatalities coded as 0": a missing space after a lower-case word
                || (j == i + 1 && b[i] == b'.' && i > 0 && b[i - 1].is_ascii_lowercase() && b[j].is_ascii_uppercase()
                    && b.get(j + 1).is_some_and(|c| c.is_ascii_lowercase()));
            if next_ok {
                out.push((start, i + 1));
                start = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if start < s.len() && !s[start..].trim().is_empty() {
        out.push((start, s.len()));
    }
    out
}

/// Removes the coder's give-aways from an ACLED `notes` field: the fatality count or
/// split as the coder wrote it ("Unknown reported fatalities coded as 10 ...",
/// "Fatalities coded as 0 (VoJ reported 1).", "20 fatalities split up between 3 events.",
/// "1 fatality." as a sentence of its own), bracketed tags (`[size=no report]`,
/// `[coded to ...]`, `[1 fatality split among 3 events]`), coder remarks ("(coded as
/// Southern Resistance)", ", coded at <place>", "Coded at district capital with GP 2."),
/// and a leading category label ("Looting:", "Movement of forces:"). With `strip_admin`,
/// also the "(District, Region)" parentheticals coders add after place names.
pub fn strip_giveaways(notes: &str, strip_admin: bool) -> String {
    let r = res();
    let mut s = notes.replace(['\r', '\n'], " ");
    s = r.label.replace(&s, "").into_owned();
    s = r.tag.replace_all(&s, "").into_owned();
    s = r.coded_paren.replace_all(&s, "").into_owned();
    s = r.coded_clause.replace_all(&s, "").into_owned();
    if strip_admin {
        s = r.admin_comma.replace_all(&s, "").into_owned();
        s = r.admin_single.replace_all(&s, "").into_owned();
    }
    // sentence and clause level
    let mut out = String::with_capacity(s.len());
    for (a, b) in sentence_ranges(&s) {
        let sent = s[a..b].trim();
        if r.fat_count.is_match(sent) || r.coded_sentence.is_match(sent) {
            continue;
        }
        let body = sent.trim_end_matches(['.', '!', '?']);
        let end = &sent[body.len()..];
        let kept: Vec<&str> = body
            .split(';')
            .map(str::trim)
            .filter(|c| !c.is_empty() && !r.fat_giveaway.is_match(c) && !r.fat_count.is_match(c))
            .collect();
        if kept.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&kept.join("; "));
        out.push_str(if end.is_empty() { "." } else { end });
    }
    let s = r.space_punct.replace_all(&out, "$1");
    let s = r.double_punct.replace_all(&s, "$1");
    let s = r.spaces.replace_all(&s, " ");
    s.trim().to_string()
}

// ---------------------------------------------------------------------------------------
// Scoring functions

/// Drops a state force's period and everything after it: "Military Forces of Yemen
/// (2016-) Supreme Political Council" → "Military Forces of Yemen".
pub fn strip_actor_period(actor: &str) -> &str {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| Regex::new(r"\s*\(\s*\d{4}\s*[-–]\s*(?:\d{4})?\s*\)").unwrap());
    match re.find(actor) {
        Some(m) => actor[..m.start()].trim(),
        None => actor.trim(),
    }
}

/// Comparison key for an actor: period and sub-unit dropped, diacritics folded,
/// lower-cased, whitespace collapsed.
pub fn actor_key(actor: &str) -> String {
    let s = deunicode::deunicode(strip_actor_period(actor)).to_lowercase();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// actor1 matches after [`actor_key`] normalisation.
pub fn actor_match(gold: &str, pred: &str) -> bool {
    actor_key(gold) == actor_key(pred)
}

/// {actor1, actor2} equal as an unordered pair after [`actor_key`] normalisation.
pub fn actors_match(gold: (&str, &str), pred: (&str, &str)) -> bool {
    let pair = |a: &str, b: &str| {
        let (a, b) = (actor_key(a), actor_key(b));
        if a <= b {
            (a, b)
        } else {
            (b, a)
        }
    };
    pair(gold.0, gold.1) == pair(pred.0, pred.1)
}

/// Comparison key for admin1: diacritics folded, lower-cased, letters and digits only.
pub fn admin_key(s: &str) -> String {
    deunicode::deunicode(s)
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// admin1 equal ignoring case, diacritics, spaces and punctuation (both empty is no match).
pub fn admin1_match(gold: &str, pred: &str) -> bool {
    let (g, p) = (admin_key(gold), admin_key(pred));
    !g.is_empty() && g == p
}

/// Distance in km between the gold point and the predicted one, if there is one.
pub fn distance_km(gold: (f64, f64), pred: (Option<f64>, Option<f64>)) -> Option<f64> {
    match pred {
        (Some(la), Some(lo)) => Some(frontline_geo::haversine_km(gold, (la, lo))),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------
// Evaluation

/// Evaluation options.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub split: Split,
    /// Also strip "(District, Region)" parentheticals from the notes.
    pub strip_admin: bool,
    /// Score at most this many rows of the split (in file order).
    pub limit: Option<usize>,
    /// Print this many failing examples per field in the report.
    pub show_errors: usize,
    /// Move every row's dates this many months (in the notes and the gold date): a
    /// robustness check, since a sample covers a few weeks of one year.
    pub shift_months: i32,
}

/// The fields scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Detected,
    EventType,
    SubEventType,
    Actor1,
    Actor1Exact,
    BothActors,
    EventDate,
    Loc25,
    Loc161,
    Admin1,
    Fatalities,
}

impl Field {
    pub const ALL: [Field; 11] = [
        Field::Detected,
        Field::EventType,
        Field::SubEventType,
        Field::Actor1,
        Field::Actor1Exact,
        Field::BothActors,
        Field::EventDate,
        Field::Loc25,
        Field::Loc161,
        Field::Admin1,
        Field::Fatalities,
    ];
    pub fn name(&self) -> &'static str {
        match self {
            Field::Detected => "detected",
            Field::EventType => "event_type",
            Field::SubEventType => "sub_event_type",
            Field::Actor1 => "actor1",
            Field::Actor1Exact => "actor1 (exact)",
            Field::BothActors => "actor1+actor2 (set)",
            Field::EventDate => "event_date",
            Field::Loc25 => "location ≤25 km",
            Field::Loc161 => "location ≤161 km",
            Field::Admin1 => "admin1",
            Field::Fatalities => "fatalities",
        }
    }
    fn short(&self) -> &'static str {
        match self {
            Field::Detected => "det",
            Field::EventType => "type",
            Field::SubEventType => "sub",
            Field::Actor1 => "a1",
            Field::Actor1Exact => "a1=",
            Field::BothActors => "a1a2",
            Field::EventDate => "date",
            Field::Loc25 => "25km",
            Field::Loc161 => "161km",
            Field::Admin1 => "adm1",
            Field::Fatalities => "fat",
        }
    }
}

/// What the extractor said about a row (its main event).
#[derive(Debug, Clone, Default)]
pub struct Predicted {
    pub n_events: usize,
    pub event_type: String,
    pub sub_event_type: String,
    pub actor1: String,
    pub actor2: String,
    pub event_date: Option<Date>,
    pub location: String,
    pub admin1: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub fatalities: u64,
}

/// One scored row.
#[derive(Debug, Clone)]
pub struct Case {
    pub gold: Row,
    /// The note as given to the extractor.
    pub text: String,
    /// None when the extractor found no event (or panicked).
    pub pred: Option<Predicted>,
    pub panicked: bool,
    pub distance_km: Option<f64>,
    correct: [bool; 11],
}

impl Case {
    pub fn correct(&self, f: Field) -> bool {
        self.correct[f as usize]
    }
}

/// Scores one row against an extracted document.
pub fn score(gold: &Row, text: String, doc: Option<&Document>) -> Case {
    let pred = doc
        .and_then(|d| d.events.first().map(|e| (d.events.len(), e)))
        .map(|(n, e)| Predicted {
            n_events: n,
            event_type: e.event_type.clone(),
            sub_event_type: e.sub_event_type.clone(),
            actor1: e.actor1.clone(),
            actor2: e.actor2.clone(),
            event_date: e.event_date,
            location: e.location.clone(),
            admin1: e.admin1.clone(),
            latitude: e.latitude,
            longitude: e.longitude,
            fatalities: e.fatalities,
        });
    let mut correct = [false; 11];
    let mut distance = None;
    if let Some(p) = &pred {
        distance = distance_km((gold.latitude, gold.longitude), (p.latitude, p.longitude));
        correct[Field::Detected as usize] = true;
        correct[Field::EventType as usize] = p
            .event_type
            .trim()
            .eq_ignore_ascii_case(gold.event_type.trim());
        correct[Field::SubEventType as usize] = p
            .sub_event_type
            .trim()
            .eq_ignore_ascii_case(gold.sub_event_type.trim());
        correct[Field::Actor1 as usize] = actor_match(&gold.actor1, &p.actor1);
        correct[Field::Actor1Exact as usize] = gold.actor1.trim() == p.actor1.trim();
        correct[Field::BothActors as usize] =
            actors_match((&gold.actor1, &gold.actor2), (&p.actor1, &p.actor2));
        correct[Field::EventDate as usize] = p.event_date == Some(gold.event_date);
        correct[Field::Loc25 as usize] = distance.is_some_and(|d| d <= 25.0);
        correct[Field::Loc161 as usize] = distance.is_some_and(|d| d <= 161.0);
        correct[Field::Admin1 as usize] = admin1_match(&gold.admin1, &p.admin1);
        correct[Field::Fatalities as usize] = p.fatalities == gold.fatalities;
    }
    Case {
        gold: gold.clone(),
        text,
        pred,
        panicked: false,
        distance_km: distance,
        correct,
    }
}

/// Runs `extract` on every row of the split (notes stripped of give-aways) and scores
/// its main event against the row. A panic inside `extract` is caught, reported on
/// stderr and counted as "no event" for that row.
pub fn evaluate(rows: &[Row], opts: &Options, extract: &dyn Fn(&str) -> Document) -> Report {
    let selected = rows
        .iter()
        .filter(|r| opts.split.contains(&r.event_id_cnty));
    let selected: Vec<&Row> = match opts.limit {
        Some(n) => selected.take(n).collect(),
        None => selected.collect(),
    };
    let mut cases = Vec::with_capacity(selected.len());
    let shifted: Vec<Row>;
    let selected: Vec<&Row> = if opts.shift_months != 0 {
        shifted = selected.iter().map(|r| shift_row(r, opts.shift_months)).collect();
        shifted.iter().collect()
    } else {
        selected
    };
    for row in selected {
        let text = strip_giveaways(&row.notes, opts.strip_admin);
        let res = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extract(&text)));
        match res {
            Ok(doc) => cases.push(score(row, text, Some(&doc))),
            Err(_) => {
                eprintln!(
                    "error: extractor panicked on row {} (line {}); counted as no event",
                    row.event_id_cnty, row.line
                );
                let mut c = score(row, text, None);
                c.panicked = true;
                cases.push(c);
            }
        }
    }
    Report {
        split: opts.split,
        strip_admin: opts.strip_admin,
        total_rows: rows.len(),
        show_errors: opts.show_errors,
        cases,
    }
}

const MONTHS: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// `(year, month 1-12)` moved by `by` months.
fn add_months(year: i16, month: i8, by: i32) -> (i16, i8) {
    let m0 = year as i32 * 12 + (month as i32 - 1) + by;
    ((m0.div_euclid(12)) as i16, (m0.rem_euclid(12) + 1) as i8)
}

/// Moves the dates written in `text` ("9 May 2020", "May 9, 2020", "2 and 3 May 2020",
/// "in May 2020", "30 Apr 2020") by `by` months, clamping days to 28 so every moved date exists. A month
/// name with no year moves within the year of `base`.
pub fn shift_dates(text: &str, by: i32, base: Date) -> String {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = R.get_or_init(|| {
        Regex::new(r"\b(?:(\d{1,2})(?:st|nd|rd|th)? )?(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b(?: (\d{1,2})\b,?)?(?:,? (\d{4}))?").expect("valid regex")
    });
    r.replace_all(text, |c: &regex::Captures| {
        let abbrev = !MONTHS.contains(&&c[2]);
        let month = MONTHS.iter().position(|m| m.starts_with(&c[2])).unwrap() as i8 + 1;
        // "May" without a day or a year is too often the verb to move.
        if c[2] == *"May" && c.get(1).is_none() && c.get(3).is_none() && c.get(4).is_none() {
            return c[0].to_string();
        }
        let year = c.get(4).and_then(|y| y.as_str().parse::<i16>().ok()).unwrap_or(base.year());
        let (y, m) = add_months(year, month, by);
        let day = |d: &str| d.parse::<u8>().map_or(d.to_string(), |d| d.min(28).to_string());
        let mut out = String::new();
        if let Some(d) = c.get(1) {
            out.push_str(&day(d.as_str()));
            out.push(' ');
        }
        let name = MONTHS[m as usize - 1];
        out.push_str(if abbrev { &name[..3] } else { name });
        if let Some(d) = c.get(3) {
            out.push(' ');
            out.push_str(&day(d.as_str()));
            if c.get(4).is_some() {
                out.push(',');
            }
        }
        if c.get(4).is_some() {
            out.push(' ');
            out.push_str(&y.to_string());
        }
        out
    })
    .into_owned()
}

fn shift_row(row: &Row, by: i32) -> Row {
    let d = row.event_date;
    let (y, m) = add_months(d.year(), d.month(), by);
    let date = Date::new(y, m, d.day().min(28)).expect("a day of at most 28 exists in every month");
    Row { event_date: date, notes: shift_dates(&row.notes, by, d), ..row.clone() }
}

/// The result of [`evaluate`]; `Display` prints the report.
#[derive(Debug, Clone)]
pub struct Report {
    pub split: Split,
    pub strip_admin: bool,
    /// Rows in the input (all splits).
    pub total_rows: usize,
    pub show_errors: usize,
    pub cases: Vec<Case>,
}

/// Correct count, rows scored, rows detected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    pub correct: usize,
    pub rows: usize,
    pub detected: usize,
}

impl Tally {
    /// Share of all rows.
    pub fn rate(&self) -> f64 {
        ratio(self.correct, self.rows)
    }
    /// Share of detected rows.
    pub fn rate_given_detected(&self) -> f64 {
        ratio(self.correct, self.detected)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl Report {
    pub fn tally(&self, f: Field) -> Tally {
        tally(self.cases.iter(), f)
    }

    /// (gold sub_event_type, predicted sub_event_type or "(none)") → count, mismatches only.
    pub fn confusions(&self) -> Vec<((String, String), usize)> {
        let mut m: HashMap<(String, String), usize> = HashMap::new();
        for c in &self.cases {
            let p = c
                .pred
                .as_ref()
                .map(|p| p.sub_event_type.clone())
                .unwrap_or_else(|| "(none)".into());
            if !c.correct(Field::SubEventType) {
                *m.entry((c.gold.sub_event_type.clone(), p)).or_default() += 1;
            }
        }
        let mut v: Vec<_> = m.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        v
    }

    /// Failing cases for a field, worst first: by distance for locations, by the size of
    /// the miss for fatalities, otherwise in a fixed pseudo-random order (hash of the id).
    /// Undetected rows are left out (except for `Detected`).
    pub fn errors(&self, f: Field) -> Vec<&Case> {
        let mut v: Vec<&Case> = self
            .cases
            .iter()
            .filter(|c| !c.correct(f) && (f == Field::Detected || c.pred.is_some()))
            .collect();
        let h = |c: &Case| fnv1a64(c.gold.event_id_cnty.as_bytes()).rotate_left(17);
        match f {
            Field::Loc25 | Field::Loc161 => v.sort_by(|a, b| {
                let d = |c: &Case| c.distance_km.unwrap_or(f64::INFINITY);
                d(b).total_cmp(&d(a)).then_with(|| h(a).cmp(&h(b)))
            }),
            Field::Fatalities => v.sort_by_key(|c| {
                let p = c.pred.as_ref().map_or(0, |p| p.fatalities);
                (std::cmp::Reverse(p.abs_diff(c.gold.fatalities)), h(c))
            }),
            _ => v.sort_by_key(|c| h(c)),
        }
        v
    }
}

fn tally<'a>(cases: impl Iterator<Item = &'a Case>, f: Field) -> Tally {
    let mut t = Tally::default();
    for c in cases {
        t.rows += 1;
        if c.pred.is_some() {
            t.detected += 1;
        }
        if c.correct(f) {
            t.correct += 1;
        }
    }
    t
}

fn gold_value(c: &Case, f: Field) -> String {
    let g = &c.gold;
    match f {
        Field::Detected => format!("{} / {}", g.event_type, g.sub_event_type),
        Field::EventType => g.event_type.clone(),
        Field::SubEventType => g.sub_event_type.clone(),
        Field::Actor1 | Field::Actor1Exact => g.actor1.clone(),
        Field::BothActors => format!("{} | {}", g.actor1, g.actor2),
        Field::EventDate => g.event_date.to_string(),
        Field::Loc25 | Field::Loc161 => {
            format!(
                "{} ({}, {}) {:.3},{:.3}",
                g.location, g.admin1, g.country, g.latitude, g.longitude
            )
        }
        Field::Admin1 => format!("{} ({})", g.admin1, g.country),
        Field::Fatalities => g.fatalities.to_string(),
    }
}

fn pred_value(c: &Case, f: Field) -> String {
    let Some(p) = &c.pred else {
        return if c.panicked {
            "(extractor panicked)".into()
        } else {
            "(no event)".into()
        };
    };
    match f {
        Field::Detected => String::new(),
        Field::EventType => p.event_type.clone(),
        Field::SubEventType => format!("{} / {}", p.event_type, p.sub_event_type),
        Field::Actor1 | Field::Actor1Exact => p.actor1.clone(),
        Field::BothActors => format!("{} | {}", p.actor1, p.actor2),
        Field::EventDate => p.event_date.map_or("(none)".into(), |d| d.to_string()),
        Field::Loc25 | Field::Loc161 => match (p.latitude, p.longitude) {
            (Some(la), Some(lo)) => format!(
                "{} ({}) {:.3},{:.3} — {:.0} km off",
                p.location,
                p.admin1,
                la,
                lo,
                c.distance_km.unwrap_or(f64::NAN)
            ),
            _ => format!("{} (no coordinates)", p.location),
        },
        Field::Admin1 => p.admin1.clone(),
        Field::Fatalities => p.fatalities.to_string(),
    }
}

fn pct(x: f64) -> String {
    format!("{:5.1}%", 100.0 * x)
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n).collect();
        t.push('…');
        t
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.cases.len();
        let det = self.tally(Field::Detected);
        writeln!(
            f,
            "ACLED evaluation: split {} ({} of {} rows; split rule fnv1a64(event_id_cnty) % 5 == 0 → test), \
             give-aways stripped{}",
            self.split,
            n,
            self.total_rows,
            if self.strip_admin { ", admin parentheticals stripped" } else { "" }
        )?;
        let panics = self.cases.iter().filter(|c| c.panicked).count();
        if panics > 0 {
            writeln!(
                f,
                "WARNING: the extractor panicked on {panics} rows (counted as no event)"
            )?;
        }
        writeln!(f)?;
        writeln!(
            f,
            "{:<22} {:>7} {:>9} {:>16}",
            "field", "correct", "of all", "given detected"
        )?;
        for fl in Field::ALL {
            let t = self.tally(fl);
            let given = if fl == Field::Detected {
                "—".to_string()
            } else {
                pct(t.rate_given_detected())
            };
            writeln!(
                f,
                "{:<22} {:>7} {:>9} {:>16}",
                fl.name(),
                t.correct,
                pct(t.rate()),
                given
            )?;
        }
        writeln!(
            f,
            "(detected: {} of {} rows; percentages of all rows count an undetected row as wrong)",
            det.detected, n
        )?;

        // per sub-event type
        writeln!(f)?;
        writeln!(f, "Per gold sub_event_type (share of that type's rows):")?;
        let mut by: BTreeMap<(String, String), Vec<&Case>> = BTreeMap::new();
        for c in &self.cases {
            by.entry((c.gold.event_type.clone(), c.gold.sub_event_type.clone()))
                .or_default()
                .push(c);
        }
        let mut groups: Vec<_> = by.into_iter().collect();
        groups.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(&b.0)));
        let cols = [
            Field::Detected,
            Field::EventType,
            Field::SubEventType,
            Field::Actor1,
            Field::BothActors,
            Field::EventDate,
            Field::Loc25,
            Field::Loc161,
            Field::Admin1,
            Field::Fatalities,
        ];
        write!(f, "{:<36} {:>5}", "sub_event_type", "n")?;
        for c in cols {
            write!(f, " {:>6}", c.short())?;
        }
        writeln!(f)?;
        for ((_, sub), cs) in &groups {
            write!(f, "{:<36} {:>5}", clip(sub, 36), cs.len())?;
            for c in cols {
                write!(f, " {:>6}", pct(tally(cs.iter().copied(), c).rate()))?;
            }
            writeln!(f)?;
        }

        // confusions
        writeln!(f)?;
        writeln!(
            f,
            "Top sub_event_type confusions (gold → predicted; \"(none)\" = no event):"
        )?;
        for ((g, p), k) in self.confusions().into_iter().take(25) {
            writeln!(f, "{k:>5}  {g} → {p}")?;
        }

        // errors
        if self.show_errors > 0 {
            for fl in Field::ALL {
                if fl == Field::Actor1Exact || fl == Field::Loc161 {
                    continue;
                }
                let errs = self.errors(fl);
                if errs.is_empty() {
                    continue;
                }
                writeln!(f)?;
                writeln!(
                    f,
                    "Errors: {} ({} failing{}):",
                    fl.name(),
                    errs.len(),
                    if fl == Field::Detected {
                        ""
                    } else {
                        " among detected"
                    }
                )?;
                for c in errs.into_iter().take(self.show_errors) {
                    writeln!(f, "- {} (line {})", c.gold.event_id_cnty, c.gold.line)?;
                    writeln!(f, "    gold: {}", gold_value(c, fl))?;
                    if fl != Field::Detected {
                        writeln!(f, "    pred: {}", pred_value(c, fl))?;
                    }
                    writeln!(f, "    note: {}", clip(&c.text, 400))?;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
