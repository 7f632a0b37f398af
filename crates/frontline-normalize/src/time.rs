//! News-style time expressions → [`TimeMention`]s.
//!
//! The grammar is a set of regexes plus resolution code. Every match becomes a *candidate*
//! (an unresolved [`Raw`] value over a byte span); overlapping candidates are resolved
//! leftmost-longest; the survivors are then resolved against the publication date (relative
//! expressions, dates without a year) or, for dates without a year when no publication date
//! is known, against the nearest explicit full date in the text.
//!
//! Rules (see the unit tests for each):
//! * Explicit days: "1 April 2025", "the 1st of April", "April 1, 2025", "2024-11-30",
//!   "30/11/2024" (day-first unless impossible), "9-May-20" → precision 1, `explicit`.
//!   A leading weekday ("Saturday, 30 November") is part of the span.
//! * Hedged days: "Around 9 May 2020", "As reported on 9 May", "9 May (or around)",
//!   "(week of)", "(midweek)" → precision 2 (what ACLED codes for these; checked on the 2020
//!   notes: 266 of 276 "Around …" notes are precision 2), start = the stated day, no end.
//!   "(as reported)" after "On <day>" leaves precision 1.
//! * Ranges: "between 5 and 7 May 2020", "8-9 May", "from 30 April to 2 May 2020",
//!   "May 8-9, 2020" → start..end, precision 2 (precision 3 if longer than 7 days).
//!   "on the night of 8-9 May" → start 8 May, end 9 May, precision 1 (one night, coded to
//!   the day it started). "on 5 and 7 May" (a list, no "between") → two day mentions.
//! * Months: "in May 2020", "May 2020" → start = first day, end = last day, precision 3.
//!   "in April" (no year, unambiguous month names only) likewise, year resolved as below.
//! * Years: "in 2015", "since 2011" → whole year, precision 3, `coarse`.
//! * Relative (need the publication date `pub`; skipped without it):
//!   - weekday ("Saturday", "on Tuesday night") → most recent such day on or before `pub`;
//!     "last Friday" → most recent such day strictly before `pub`; "next Friday" → nothing.
//!   - "today", "tonight", "this morning/afternoon/evening" → `pub`; "yesterday",
//!     "last night" → `pub` − 1; "overnight" → `pub` − 1 .. `pub` (precision 1);
//!     "the day before yesterday" → `pub` − 2; "N days ago" → `pub` − N.
//!   - "this week", "earlier this week" → Monday of `pub`'s week .. `pub`, precision 2.
//!   - "last week", "the previous week" → previous Monday..Sunday, precision 2.
//!   - "over the past two days", "in the past 24 hours", "last few days", "in recent days"
//!     → a range ending on `pub` (N days → `pub` − (N−1) .. `pub`; H hours → `pub` −
//!     ⌈H/24⌉ .. `pub`; few = 3, several = 5, couple = 2), precision 1 when it covers at
//!     most 24 hours / one day, 2 up to 7 days, 3 beyond.
//!   - "the weekend", "over the weekend" → most recent Saturday (on or before `pub`) ..
//!     Sunday (capped at `pub`); "last weekend" on a Saturday/Sunday → the one before; p 2.
//!   - "last month" → previous calendar month, "this month", "earlier this month" → first of
//!     `pub`'s month .. `pub`; precision 3. "last year" / "this year" → coarse.
//!   - future expressions ("tomorrow", "next week", "later this month") produce nothing.
//! * Dates without a year take the latest year that puts them no more than 31 days after the
//!   reference day (`pub`, or without it the nearest explicit full date in the text,
//!   preceding ones first); no reference → skipped.
//! * Month names must start with an upper-case letter; ambiguous names ("May", "March") only
//!   match next to a day number or a year. Numbers glued to other digits/punctuation
//!   ("1,000 May", "100km") are not days.

use frontline_model::{Span, TimeMention};
use jiff::civil::{Date, Weekday};
use jiff::ToSpan;
use once_cell::sync::Lazy;
use regex::Captures;

use crate::scan::{Hay, Rx};

/// Finds time expressions in `text`; sorted by start, non-overlapping.
pub fn find_times(text: &str, published: Option<Date>) -> Vec<TimeMention> {
    find_times_and_spans(text, published).0
}

/// [`find_times`], plus the byte spans of every date-like expression, resolved or not ("in
/// March" with no year and no publication date resolves to nothing, yet is still a month, not
/// a protest march).
pub fn find_times_and_spans(text: &str, published: Option<Date>) -> (Vec<TimeMention>, Vec<Span>) {
    let cands = select(candidates(&Hay::new(text)));
    let spans = cands.iter().map(|c| c.span).collect();
    (resolve(&cands, published), spans)
}

/// The latest fully explicit day (day, month and year all written) in the text, including
/// the ends of explicit ranges. Use it to infer a missing publication date.
pub fn latest_explicit_date(text: &str) -> Option<Date> {
    latest_of(&select(candidates(&Hay::new(text))))
}

/// [`find_times_and_spans`] for a text whose publication date may be missing: the latest
/// explicit date (as [`latest_explicit_date`]) stands in for it and is returned, read from the
/// same scan of candidates (the scan is most of the cost of both).
pub fn find_times_inferring(text: &str, published: Option<Date>) -> (Vec<TimeMention>, Vec<Span>, Option<Date>) {
    let cands = select(candidates(&Hay::new(text)));
    let inferred = if published.is_none() { latest_of(&cands) } else { None };
    let spans = cands.iter().map(|c| c.span).collect();
    (resolve(&cands, published.or(inferred)), spans, inferred)
}

fn latest_of(cands: &[Cand]) -> Option<Date> {
    let mut best: Option<Date> = None;
    for c in cands {
        if let Raw::Day { a, b, .. } = &c.raw {
            for p in std::iter::once(a).chain(b.iter()) {
                if let Some(y) = p.y {
                    if let Ok(d) = Date::new(y, p.m, p.d) {
                        best = best.max(Some(d));
                    }
                }
            }
        }
    }
    best
}

/// Spans of every date-like candidate, resolved or not (used by the quantity finder to skip
/// the numbers inside dates).
pub(crate) fn date_spans(h: &Hay) -> Vec<Span> {
    select(candidates(h)).into_iter().map(|c| c.span).collect()
}

// ---------------------------------------------------------------------------------------
// Candidates

/// A day with a possibly missing year.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Dm {
    y: Option<i16>,
    m: i8,
    d: i8,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Rel {
    /// `pub` + n days (n ≤ 0), precision 1.
    Day(i64),
    Overnight,
    /// The given weekday, on or before `pub` (strictly before when `strict`).
    Weekday(Weekday, bool),
    ThisWeek,
    LastWeek,
    /// A range of this many days ending on `pub`; `hours` when written in hours.
    Past { days: i64, hours: bool },
    Weekend { last: bool },
    ThisMonth,
    LastMonth,
    ThisYear,
    LastYear,
    /// "N weeks ago" → precision 2 on the week that contains pub − 7N.
    WeeksAgo(i64),
    /// "N months ago" → precision 3.
    MonthsAgo(i64),
}

#[derive(Debug, Clone, PartialEq)]
enum Raw {
    /// One day (`b` None) or a range of days.
    Day { a: Dm, b: Option<Dm>, precision: u8 },
    Month { y: Option<i16>, m: i8 },
    Year { y: i16 },
    Rel(Rel),
    /// Matched to stop a shorter pattern from matching inside it; yields nothing.
    Block,
}

#[derive(Debug, Clone, PartialEq)]
struct Cand {
    span: Span,
    raw: Raw,
}

/// Three-letter prefixes of the month names: every month pattern contains one.
const MON3: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";
/// Month names; a trailing period only after an abbreviation ("Nov.", not "June.").
const MONTHS_P: &str = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?";
const WEEKDAYS: &str = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun";
const HEDGE: &str = r"as reported|or around|week of|midweek|weekend|end of (?:the )?month|beginning of (?:the )?month|month of|approx\.?|approximately|reported|estimated|date approximate";

fn mon(name: &str) -> String {
    format!(r"(?P<{name}>{MONTHS_P})")
}
fn day(name: &str) -> String {
    format!(r"(?P<{name}>\d{{1,2}})(?:st|nd|rd|th)?\b")
}
fn year(name: &str) -> String {
    format!(r"(?P<{name}>\d{{4}})\b")
}

fn re(p: &str) -> Rx {
    Rx::new(&format!("(?i){p}"))
}

/// "Saturday, " / "on Saturday " before an explicit date.
fn wd_prefix() -> String {
    format!(r"(?:(?:on\s+)?(?:{WEEKDAYS})\b\.?,?\s+)?")
}

static RANGE_DM: Lazy<Rx> = Lazy::new(|| {
    re(&format!(
        r"(?:(?P<pre>between|from|(?:on\s+|during\s+|in\s+)?the\s+night\s+of|night\s+of|on|in|during)\s+)?(?:the\s+)?{}(?:\s+(?:of\s+)?{}(?:,?\s+{})?)?\s*(?P<conn>-|–|—|to|and|until|till|through|thru)\s*(?:the\s+)?{}(?:\s+of)?\s+{}(?:,?\s+{})?",
        day("d1"),
        mon("m1"),
        year("y1"),
        day("d2"),
        mon("m2"),
        year("y2")
    ))
});
static RANGE_MD: Lazy<Rx> = Lazy::new(|| {
    re(&format!(
        r"(?:(?P<pre>between|from|(?:on\s+)?the\s+night\s+of|night\s+of|on|in|during)\s+)?{}\s+{}\s*(?P<conn>-|–|—|to|and|until|till|through|thru)\s*(?:{}\s+)?{}(?:,?\s+{})?",
        mon("m1"),
        day("d1"),
        mon("m2"),
        day("d2"),
        year("y2")
    ))
});
static DMY: Lazy<Rx> = Lazy::new(|| {
    re(&format!(
        r"(?:(?P<pre>on|in|since|during|around|about|circa|by|as\s+of|(?:as\s+|it\s+was\s+)?reported\s+on)\s+)?{}(?:the\s+)?{}(?:\s+of)?\s+{}(?:,?\s+{})?(?:\s*\((?P<sfx>{HEDGE})\))?",
        wd_prefix(),
        day("d"),
        mon("m"),
        year("y")
    ))
});
static MDY: Lazy<Rx> = Lazy::new(|| {
    re(&format!(
        r"(?:(?P<pre>on|in|since|during|around|about|circa|by|as\s+of|(?:as\s+|it\s+was\s+)?reported\s+on)\s+)?{}{}\s+(?:the\s+)?{}(?:,?\s+{})?(?:\s*\((?P<sfx>{HEDGE})\))?",
        wd_prefix(),
        mon("m"),
        day("d"),
        year("y")
    ))
});
static MY: Lazy<Rx> = Lazy::new(|| {
    re(&format!(
        r"(?:(?:in|during|since|until|by|throughout|of|from)\s+)?(?:(?:early|late|mid)[-\s]?)?{}\s*,?\s+{}",
        mon("m"),
        year("y")
    ))
});
/// "in April" without a year: unambiguous month names only (not May/March/Mar).
static M_ONLY: Lazy<Rx> = Lazy::new(|| {
    re(r"\b(?:in|during|since|until|till|by|throughout|from|through|before|after|between|last|next|this|early|late|mid-?)\s+(?:(?:early|late|mid)[-\s]?)?(?P<m>January|February|March|April|May|June|July|August|September|October|November|December)\b")
});
static ISO: Lazy<Rx> =
    Lazy::new(|| re(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"));
static NUMERIC: Lazy<Rx> = Lazy::new(|| {
    re(r"(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P<sep2>[/.])(?P<y>\d{4}|\d{2})\b")
});
static D_MON_YY: Lazy<Rx> = Lazy::new(|| {
    re(&format!(r"(?P<d>\d{{1,2}})-(?P<m>{MONTHS})-(?P<y>\d{{4}}|\d{{2}})\b"))
});
static YEAR: Lazy<Rx> = Lazy::new(|| {
    re(r"\b(?:in|since|during|from|until|till|by|throughout|of|early|late|mid-?)\s+(?:(?:early|late|mid)[-\s]?)?(?P<y>(?:19|20)\d\d)\b")
});
static WEEKDAY: Lazy<Rx> = Lazy::new(|| {
    re(r"\b(?:(?P<pre>last|this\s+past|this|next|coming|on|early|late|past|previous)\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s)?\b(?:\s+(?:night|morning|afternoon|evening))?\b")
});

const NUMW: &str = r"\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty|forty|forty-eight|seventy-two|a\s+couple\s+of|couple\s+of|a\s+few|few|several|a";

/// Relative expressions in priority order (all case-insensitive, `\b`-bounded).
type Handler = fn(&Captures) -> Raw;
/// Each with the words one of which it needs (see `candidates`).
static RELATIVE: Lazy<Vec<(Rx, &'static [&'static str], Handler)>> = Lazy::new(|| {
    let v: Vec<(&str, &'static [&'static str], Handler)> = vec![
        (r"(?:the\s+)?day\s+before\s+yesterday", &["yesterday"], |_| Raw::Rel(Rel::Day(-2))),
        (r"(?:early\s+|late\s+)?yesterday(?:\s+(?:morning|afternoon|evening|night))?", &["yesterday"], |_| Raw::Rel(Rel::Day(-1))),
        (r"(?:earlier\s+|late\s+|early\s+)?today|(?:earlier\s+)?this\s+(?:morning|afternoon|evening)|tonight", &["today", "this", "tonight"], |_| Raw::Rel(Rel::Day(0))),
        (r"(?:late\s+)?last\s+night|(?:on\s+)?the\s+previous\s+night", &["night"], |_| Raw::Rel(Rel::Day(-1))),
        (r"overnight|during\s+the\s+night", &["night"], |_| Raw::Rel(Rel::Overnight)),
        (r"tomorrow|(?:later|next)\s+(?:this\s+)?(?:week|month|year|weekend)|(?:the\s+)?(?:coming|upcoming|following)\s+(?:days|weeks|months|week|month|weekend)|next\s+\w+day|later\s+today|later\s+this\s+(?:week|month|year)", &["tomorrow", "later", "next", "coming", "following"], |_| Raw::Block),
        (r"(?:earlier\s+|so\s+far\s+|this\s+past\s+)?this\s+week", &["week"], |_| Raw::Rel(Rel::ThisWeek)),
        (r"(?:(?:during|in|over)\s+)?(?:last|the\s+previous|the\s+prior)\s+week", &["week"], |_| Raw::Rel(Rel::LastWeek)),
        (PAST_N.as_str(), &["past", "last", "previous"], past_n),
        (r"(?:(?:over|during|in|within)\s+)?(?:the\s+past|the\s+last|past)\s+(?P<unit>week|month|year)", &["past", "last"], |c| {
            match unit_of(c) {
                'w' => Raw::Rel(Rel::Past { days: 7, hours: false }),
                'm' => Raw::Rel(Rel::Past { days: 30, hours: false }),
                _ => Raw::Rel(Rel::Past { days: 365, hours: false }),
            }
        }),
        (r"(?:(?:in|over|during)\s+)?recent\s+days", &["recent"], |_| Raw::Rel(Rel::Past { days: 3, hours: false })),
        (r"(?:(?:over|during|at|on|this)\s+)?(?:the\s+|this\s+past\s+)?weekend", &["weekend"], |_| Raw::Rel(Rel::Weekend { last: false })),
        (r"(?:(?:over|during|at|on)\s+)?(?:last|the\s+previous)\s+weekend", &["weekend"], |_| Raw::Rel(Rel::Weekend { last: true })),
        (r"(?:(?:in|during)\s+)?(?:last|the\s+previous)\s+month", &["month"], |_| Raw::Rel(Rel::LastMonth)),
        (r"(?:earlier\s+)?this\s+month", &["month"], |_| Raw::Rel(Rel::ThisMonth)),
        (r"(?:(?:in|during)\s+)?last\s+year", &["year"], |_| Raw::Rel(Rel::LastYear)),
        (r"(?:earlier\s+)?this\s+year", &["year"], |_| Raw::Rel(Rel::ThisYear)),
        (AGO.as_str(), &["ago"], ago),
    ];
    v.into_iter().map(|(p, need, f)| (re(&format!(r"\b(?:{p})\b")), need, f)).collect()
});

static PAST_N: Lazy<String> = Lazy::new(|| {
    format!(r"(?:(?:over|during|in|within|for)\s+)?(?:the\s+)?(?:past|last|previous)\s+(?P<n>{NUMW})\s+(?P<unit>days?|hours?|weeks?|months?)")
});
static AGO: Lazy<String> = Lazy::new(|| {
    format!(r"(?P<n>{NUMW})\s+(?P<unit>days?|weeks?|months?)\s+ago")
});

fn unit_of(c: &Captures) -> char {
    c.name("unit")
        .and_then(|u| u.as_str().chars().next())
        .map(|ch| ch.to_ascii_lowercase())
        .unwrap_or('d')
}

fn word_num(s: &str) -> Option<i64> {
    let s = s.to_ascii_lowercase();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(match s.as_str() {
        "a" | "one" => 1,
        "two" | "a couple of" | "couple of" => 2,
        "three" | "a few" | "few" => 3,
        "four" => 4,
        "five" | "several" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "fourteen" => 14,
        "fifteen" => 15,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "forty-eight" => 48,
        "seventy-two" => 72,
        n => n.parse().ok()?,
    })
}

fn past_n(c: &Captures) -> Raw {
    let Some(n) = c.name("n").and_then(|n| word_num(n.as_str())) else { return Raw::Block };
    if n == 0 || n > 400 {
        return Raw::Block;
    }
    match unit_of(c) {
        'h' => Raw::Rel(Rel::Past { days: (n + 23) / 24, hours: true }),
        'w' => Raw::Rel(Rel::Past { days: 7 * n, hours: false }),
        'm' => Raw::Rel(Rel::Past { days: 30 * n, hours: false }),
        _ => Raw::Rel(Rel::Past { days: n, hours: false }),
    }
}

fn ago(c: &Captures) -> Raw {
    let Some(n) = c.name("n").and_then(|n| word_num(n.as_str())) else { return Raw::Block };
    if n > 400 {
        return Raw::Block;
    }
    match unit_of(c) {
        'w' => Raw::Rel(Rel::WeeksAgo(n)),
        'm' => Raw::Rel(Rel::MonthsAgo(n)),
        _ => Raw::Rel(Rel::Day(-n)),
    }
}

fn month_num(s: &str) -> Option<i8> {
    let l = s.trim_end_matches('.').to_ascii_lowercase();
    let k = l.get(..3)?;
    Some(match k {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    })
}

fn weekday_of(s: &str) -> Option<Weekday> {
    let l = s.to_ascii_lowercase();
    Some(match l.get(..3)? {
        "mon" => Weekday::Monday,
        "tue" => Weekday::Tuesday,
        "wed" => Weekday::Wednesday,
        "thu" => Weekday::Thursday,
        "fri" => Weekday::Friday,
        "sat" => Weekday::Saturday,
        "sun" => Weekday::Sunday,
        _ => return None,
    })
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase())
}

/// The number at `start` is not glued to a preceding number, word or identifier.
fn clean_left(text: &str, start: usize) -> bool {
    let mut it = text[..start].chars().rev();
    match it.next() {
        None => true,
        Some(c) if c.is_alphanumeric() || c == '_' || c == '@' || c == '#' || c == '/' => false,
        Some(c) if c == ',' || c == '.' || c == ':' || c == '-' || c == '–' => {
            // "1,12 May", "pic.twitter.com/9 May", "10:30" — but "May 8-9" is handled by
            // the range patterns, which start earlier.
            !it.next().is_some_and(|p| p.is_alphanumeric())
        }
        _ => true,
    }
}

/// Nothing glued on the right of a match ending at `end`: "9 May 2020s", "2024-11-30-1".
fn clean_right(text: &str, end: usize) -> bool {
    let mut it = text[end..].chars();
    match it.next() {
        None => true,
        Some(c) if c.is_alphanumeric() || c == '_' => false,
        Some(c) if c == '-' || c == '/' || c == ':' || c == ',' || c == '.' => {
            !it.next().is_some_and(|n| n.is_ascii_digit())
        }
        _ => true,
    }
}

fn num<T: std::str::FromStr>(c: &Captures, name: &str) -> Option<T> {
    c.name(name)?.as_str().parse().ok()
}

fn valid_year(y: i16) -> bool {
    (1900..=2100).contains(&y)
}

fn candidates(h: &Hay) -> Vec<Cand> {
    let text = h.text;
    // A pattern whose required words (`need`, lower case: one of them must occur) are
    // absent cannot match: skip its scan.
    let caps = |need: &[&str], r: &'static Rx| h.may_contain(need).then(|| h.rx(r).captures_iter(&h.scan)).into_iter().flatten();
    let mut out = Vec::new();
    let push = |out: &mut Vec<Cand>, s: usize, e: usize, raw: Raw| {
        out.push(Cand { span: Span::new(s, e), raw })
    };

    // The first character position of a numeric day group, for boundary checks.
    for c in caps(&MON3, &RANGE_DM) {
        let m = c.get(0).unwrap();
        let d1m = c.name("d1").unwrap();
        if !clean_left(text, d1m.start()) || !clean_right(text, m.end()) {
            continue;
        }
        let (Some(m2s), Some(d1), Some(d2)) = (c.name("m2"), num::<i8>(&c, "d1"), num::<i8>(&c, "d2")) else { continue };
        if !starts_upper(m2s.as_str()) || c.name("m1").is_some_and(|m| !starts_upper(m.as_str())) {
            continue;
        }
        let m2 = month_num(m2s.as_str()).unwrap();
        let m1 = c.name("m1").and_then(|m| month_num(m.as_str())).unwrap_or(m2);
        let y2: Option<i16> = num(&c, "y2").filter(|y| valid_year(*y));
        let y1: Option<i16> = num(&c, "y1").filter(|y| valid_year(*y));
        if (c.name("y2").is_some() && y2.is_none()) || (c.name("y1").is_some() && y1.is_none()) {
            continue;
        }
        let pre = c.name("pre").map(|p| p.as_str().to_ascii_lowercase()).unwrap_or_default();
        let conn = c.name("conn").unwrap().as_str().to_ascii_lowercase();
        let night = pre.contains("night");
        let a = Dm { y: y1.or(y2), m: m1, d: d1 };
        let b = Dm { y: y2, m: m2, d: d2 };
        if conn == "and" && !night && pre != "between" {
            // A list of days: "on 5 and 7 May 2020" → two mentions.
            let s = if pre.is_empty() { d1m.start() } else { m.start() };
            let first_end = c.name("y1").or(c.name("m1")).map(|x| x.end()).unwrap_or(d1m.end());
            let first_end = first_end.max(d1m.end());
            let first_end = text[..first_end].trim_end_matches('.').len().max(d1m.end());
            push(&mut out, s, first_end, Raw::Day { a, b: None, precision: 1 });
            let d2s = c.name("d2").unwrap().start();
            push(&mut out, d2s, m.end(), Raw::Day { a: b, b: None, precision: 1 });
            continue;
        }
        let precision = if night { 1 } else { 2 };
        push(&mut out, m.start(), m.end(), Raw::Day { a, b: Some(b), precision });
    }
    for c in caps(&MON3, &RANGE_MD) {
        let m = c.get(0).unwrap();
                if !clean_right(text, m.end()) || !clean_left(text, c.name("m1").unwrap().start()) {
            continue;
        }
        let m1s = c.name("m1").unwrap().as_str();
        if !starts_upper(m1s) || c.name("m2").is_some_and(|m| !starts_upper(m.as_str())) {
            continue;
        }
        let (Some(d1), Some(d2)) = (num::<i8>(&c, "d1"), num::<i8>(&c, "d2")) else { continue };
        let m1 = month_num(m1s).unwrap();
        let m2 = c.name("m2").and_then(|m| month_num(m.as_str())).unwrap_or(m1);
        let y: Option<i16> = num(&c, "y2").filter(|y| valid_year(*y));
        if c.name("y2").is_some() && y.is_none() {
            continue;
        }
        let pre = c.name("pre").map(|p| p.as_str().to_ascii_lowercase()).unwrap_or_default();
        let conn = c.name("conn").unwrap().as_str().to_ascii_lowercase();
        let night = pre.contains("night");
        if conn == "and" && !night && pre != "between" {
            continue; // "May 5 and 7": rare; the single-day patterns take "May 5".
        }
        let precision = if night { 1 } else { 2 };
        push(
            &mut out,
            m.start(),
            m.end(),
            Raw::Day { a: Dm { y, m: m1, d: d1 }, b: Some(Dm { y, m: m2, d: d2 }), precision },
        );
    }
    for (i, rx, md_order) in [(&MON3, &DMY, true), (&MON3, &MDY, false)] {
        for c in caps(i, rx) {
            let m = c.get(0).unwrap();
            let dm = c.name("d").unwrap();
            let mm = c.name("m").unwrap();
            if !starts_upper(mm.as_str()) {
                continue;
            }
            let first_num = if md_order { dm.start() } else { mm.start() };
            if !clean_left(text, first_num) || !clean_right(text, m.end()) {
                continue;
            }
            let Some(d) = num::<i8>(&c, "d") else { continue };
            let y: Option<i16> = num(&c, "y");
            let mut end = m.end();
            let y = match y {
                Some(y) if valid_year(y) => Some(y),
                // "May 5 1000 people": drop the "year".
                Some(_) => {
                    end = dm.end();
                    if !clean_right(text, end) && md_order {
                        end = mm.end();
                    }
                    None
                }
                None => None,
            };
            let pre = c.name("pre").map(|p| p.as_str().to_ascii_lowercase()).unwrap_or_default();
            let sfx = c.name("sfx").map(|p| p.as_str().to_ascii_lowercase()).unwrap_or_default();
            let hedged = pre.starts_with("around")
                || pre.starts_with("about")
                || pre.starts_with("circa")
                || pre.contains("reported")
                || (!sfx.is_empty() && !sfx.starts_with("as reported") && sfx != "reported");
            let precision = if sfx == "month of" { 3 } else if hedged { 2 } else { 1 };
            let m_num = month_num(mm.as_str()).unwrap();
            push(&mut out, m.start(), end, Raw::Day { a: Dm { y, m: m_num, d }, b: None, precision });
        }
    }
    for c in caps(&MON3, &MY) {
        let m = c.get(0).unwrap();
        let mm = c.name("m").unwrap();
        if !starts_upper(mm.as_str()) || !clean_right(text, m.end()) {
            continue;
        }
        let Some(y) = num::<i16>(&c, "y").filter(|y| valid_year(*y)) else { continue };
        push(&mut out, m.start(), m.end(), Raw::Month { y: Some(y), m: month_num(mm.as_str()).unwrap() });
    }
    // ("March" and "May" are months only after a word of time: "in March", "since May")
    for c in caps(&MON3, &M_ONLY) {
        let m = c.get(0).unwrap();
        let mm = c.name("m").unwrap();
        if !starts_upper(mm.as_str()) {
            continue;
        }
        push(&mut out, m.start(), m.end(), Raw::Month { y: None, m: month_num(mm.as_str()).unwrap() });
    }
    for c in caps(&["-"], &ISO) {
        let m = c.get(0).unwrap();
        if !clean_left(text, m.start()) || !clean_right(text, m.end()) {
            continue;
        }
        let (Some(y), Some(mo), Some(d)) = (num::<i16>(&c, "y"), num::<i8>(&c, "m"), num::<i8>(&c, "d")) else { continue };
        if valid_year(y) && Date::new(y, mo, d).is_ok() {
            push(&mut out, m.start(), m.end(), Raw::Day { a: Dm { y: Some(y), m: mo, d }, b: None, precision: 1 });
        } else {
            push(&mut out, m.start(), m.end(), Raw::Block);
        }
    }
    for c in caps(&["/", "."], &NUMERIC) {
        let m = c.get(0).unwrap();
        if !clean_left(text, m.start()) || !clean_right(text, m.end()) {
            continue;
        }
        let sep = c.name("sep").unwrap().as_str();
        if sep != c.name("sep2").unwrap().as_str() {
            continue;
        }
        let ys = c.name("y").unwrap().as_str();
        if sep == "." && ys.len() != 4 {
            continue; // "1.2.20" is more likely a version than a date
        }
        let (Some(a), Some(b), Some(y)) = (num::<i8>(&c, "a"), num::<i8>(&c, "b"), num::<i16>(&c, "y")) else { continue };
        let y = if ys.len() == 2 { if y < 70 { 2000 + y } else { 1900 + y } } else { y };
        // Day-first unless impossible.
        let (d, mo) = if a > 12 && b <= 12 { (a, b) } else if a <= 12 && b > 12 { (b, a) } else { (a, b) };
        if valid_year(y) && Date::new(y, mo, d).is_ok() {
            push(&mut out, m.start(), m.end(), Raw::Day { a: Dm { y: Some(y), m: mo, d }, b: None, precision: 1 });
        } else {
            push(&mut out, m.start(), m.end(), Raw::Block);
        }
    }
    for c in caps(&["-"], &D_MON_YY) {
        let m = c.get(0).unwrap();
        if !clean_left(text, m.start()) || !clean_right(text, m.end()) {
            continue;
        }
        let (Some(d), Some(y)) = (num::<i8>(&c, "d"), num::<i16>(&c, "y")) else { continue };
        let y = if c.name("y").unwrap().as_str().len() == 2 { if y < 70 { 2000 + y } else { 1900 + y } } else { y };
        let mo = month_num(c.name("m").unwrap().as_str()).unwrap();
        if valid_year(y) {
            push(&mut out, m.start(), m.end(), Raw::Day { a: Dm { y: Some(y), m: mo, d }, b: None, precision: 1 });
        }
    }
    for c in caps(&["19", "20"], &YEAR) {
        let m = c.get(0).unwrap();
        if !clean_right(text, m.end()) {
            continue;
        }
        let Some(y) = num::<i16>(&c, "y") else { continue };
        if valid_year(y) {
            push(&mut out, m.start(), m.end(), Raw::Year { y });
        }
    }
    for c in caps(&["day"], &WEEKDAY) {
        let m = c.get(0).unwrap();
        let wd = c.name("wd").unwrap();
        if !starts_upper(wd.as_str()) {
            continue;
        }
        let pre = c.name("pre").map(|p| p.as_str().to_ascii_lowercase()).unwrap_or_default();
        let w = weekday_of(wd.as_str()).unwrap();
        let raw = match pre.as_str() {
            "next" | "coming" => Raw::Block,
            "last" | "past" | "previous" => Raw::Rel(Rel::Weekday(w, true)),
            _ => Raw::Rel(Rel::Weekday(w, false)),
        };
        push(&mut out, m.start(), m.end(), raw);
    }
    for (rx, need, f) in RELATIVE.iter() {
        if !h.may_contain(need) {
            continue;
        }
        for c in h.rx(rx).captures_iter(&h.scan) {
            let m = c.get(0).unwrap();
            push(&mut out, m.start(), m.end(), f(&c));
        }
    }
    out
}

/// Leftmost-longest selection of non-overlapping candidates (ties: earlier pattern wins).
fn select(mut cands: Vec<Cand>) -> Vec<Cand> {
    // Stable sort keeps the pattern order for equal spans.
    cands.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(b.span.end.cmp(&a.span.end)));
    // Greedy by length among overlapping clusters: process longest first.
    let mut order: Vec<usize> = (0..cands.len()).collect();
    order.sort_by(|&i, &j| {
        cands[j].span.len().cmp(&cands[i].span.len()).then(cands[i].span.start.cmp(&cands[j].span.start)).then(i.cmp(&j))
    });
    let mut taken: Vec<Span> = Vec::new();
    let mut keep = vec![false; cands.len()];
    for i in order {
        let s = cands[i].span;
        if s.is_empty() || taken.iter().any(|t| t.overlaps(s)) {
            continue;
        }
        taken.push(s);
        keep[i] = true;
    }
    cands.into_iter().zip(keep).filter_map(|(c, k)| k.then_some(c)).collect()
}

// ---------------------------------------------------------------------------------------
// Resolution

fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(n.days()).ok()
}

/// The latest of year−1, year, year+1 (year of `reference`) that puts month/day no more
/// than 31 days after `reference`.
fn infer_year(m: i8, d: i8, reference: Date) -> Option<Date> {
    let limit = add_days(reference, 31)?;
    [1i16, 0, -1]
        .into_iter()
        .filter_map(|k| Date::new(reference.year() + k, m, d).ok())
        .find(|c| *c <= limit)
}

fn week_monday(d: Date) -> Option<Date> {
    add_days(d, -(d.weekday().to_monday_zero_offset() as i64))
}

fn resolve(cands: &[Cand], published: Option<Date>) -> Vec<TimeMention> {
    // Explicit full dates, for year inference when no publication date is known.
    let anchors: Vec<(usize, Date)> = cands
        .iter()
        .filter_map(|c| match &c.raw {
            Raw::Day { a: Dm { y: Some(y), m, d }, .. } => Date::new(*y, *m, *d).ok().map(|dt| (c.span.start, dt)),
            _ => None,
        })
        .collect();
    let reference_for = |at: usize| -> Option<Date> {
        published.or_else(|| {
            anchors
                .iter()
                .rev()
                .find(|(s, _)| *s < at)
                .or_else(|| anchors.iter().find(|(s, _)| *s > at))
                .map(|(_, d)| *d)
        })
    };
    let mut out = Vec::new();
    for c in cands {
        let mk = |start: Date, end: Option<Date>, precision: u8, explicit: bool, coarse: bool| TimeMention {
            span: c.span,
            start,
            end: end.filter(|e| *e != start),
            precision,
            explicit,
            coarse,
        };
        let tm = match &c.raw {
            Raw::Block => None,
            Raw::Day { a, b, precision } => (|| {
                let end = match b {
                    Some(b) => Some(match b.y {
                        Some(y) => Date::new(y, b.m, b.d).ok()?,
                        None => infer_year(b.m, b.d, reference_for(c.span.start)?)?,
                    }),
                    None => None,
                };
                let mut start = match (a.y, end) {
                    (Some(y), _) => Date::new(y, a.m, a.d).ok()?,
                    (None, Some(e)) => Date::new(e.year(), a.m, a.d).ok()?,
                    (None, None) => infer_year(a.m, a.d, reference_for(c.span.start)?)?,
                };
                if let Some(e) = end {
                    if start > e {
                        if a.y.is_some() {
                            return None;
                        }
                        start = Date::new(e.year() - 1, a.m, a.d).ok()?;
                    }
                    let len = e.since(start).ok()?.get_days();
                    if len > 62 {
                        return None;
                    }
                    let p = if *precision == 1 && len <= 1 { 1 } else if len > 7 { 3 } else { 2 };
                    return Some(mk(start, Some(e), p, true, false));
                }
                Some(mk(start, None, *precision, true, false))
            })(),
            Raw::Month { y, m } => (|| {
                let first = match y {
                    Some(y) => Date::new(*y, *m, 1).ok()?,
                    None => {
                        let r = reference_for(c.span.start)?;
                        infer_year(*m, 1, r)?
                    }
                };
                Some(mk(first, Some(first.last_of_month()), 3, false, false))
            })(),
            Raw::Year { y } => (|| {
                Some(mk(Date::new(*y, 1, 1).ok()?, Some(Date::new(*y, 12, 31).ok()?), 3, false, true))
            })(),
            Raw::Rel(r) => published.and_then(|p| resolve_rel(*r, p)).map(|(s, e, prec, coarse)| mk(s, e, prec, false, coarse)),
        };
        if let Some(tm) = tm {
            out.push(tm);
        }
    }
    out.sort_by_key(|t| t.span.start);
    out
}

fn resolve_rel(r: Rel, p: Date) -> Option<(Date, Option<Date>, u8, bool)> {
    Some(match r {
        Rel::Day(n) => (add_days(p, n)?, None, 1, false),
        Rel::Overnight => (add_days(p, -1)?, Some(p), 1, false),
        Rel::Weekday(w, strict) => {
            let mut diff = (p.weekday().to_monday_zero_offset() - w.to_monday_zero_offset()).rem_euclid(7) as i64;
            if strict && diff == 0 {
                diff = 7;
            }
            (add_days(p, -diff)?, None, 1, false)
        }
        Rel::ThisWeek => (week_monday(p)?, Some(p), 2, false),
        Rel::LastWeek => {
            let mon = add_days(week_monday(p)?, -7)?;
            (mon, Some(add_days(mon, 6)?), 2, false)
        }
        Rel::Past { days, hours } => {
            let start = if hours { add_days(p, -days)? } else { add_days(p, -(days - 1))? };
            let prec = if days <= 1 {
                1
            } else if days <= 7 {
                2
            } else {
                3
            };
            (start, Some(p), prec, days > 62)
        }
        Rel::Weekend { last } => {
            // Most recent Saturday on or before p.
            let diff = (p.weekday().to_monday_zero_offset() - Weekday::Saturday.to_monday_zero_offset()).rem_euclid(7) as i64;
            let mut sat = add_days(p, -diff)?;
            let on_weekend = matches!(p.weekday(), Weekday::Saturday | Weekday::Sunday);
            if last && on_weekend {
                sat = add_days(sat, -7)?;
            }
            let sun = add_days(sat, 1)?.min(p);
            (sat, Some(sun), 2, false)
        }
        Rel::ThisMonth => (p.first_of_month(), Some(p), 3, false),
        Rel::LastMonth => {
            let last = add_days(p.first_of_month(), -1)?;
            (last.first_of_month(), Some(last), 3, false)
        }
        Rel::ThisYear => (Date::new(p.year(), 1, 1).ok()?, Some(p), 3, true),
        Rel::LastYear => (Date::new(p.year() - 1, 1, 1).ok()?, Some(Date::new(p.year() - 1, 12, 31).ok()?), 3, true),
        Rel::WeeksAgo(n) => {
            let mon = week_monday(add_days(p, -7 * n)?)?;
            (mon, Some(add_days(mon, 6)?.min(p)), 2, false)
        }
        Rel::MonthsAgo(n) => {
            let d = p.checked_sub(n.months()).ok()?;
            (d.first_of_month(), Some(d.last_of_month().min(p)), 3, false)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inferring_in_one_scan_equals_the_two_calls() {
        for t in [
            "On 3 May 2020, gunmen killed two farmers. On Saturday, 9 May 2020, protesters marched.",
            "Police said on Tuesday that the attack happened last week.",
            "No date here.",
        ] {
            let inferred = latest_explicit_date(t);
            let (times, spans, got) = find_times_inferring(t, None);
            assert_eq!(got, inferred, "{t}");
            let (times2, spans2) = find_times_and_spans(t, inferred);
            assert_eq!((times, spans), (times2, spans2), "{t}");
            // a known date is kept, none inferred
            let d = Date::new(2020, 6, 1).unwrap();
            let (times3, _, none) = find_times_inferring(t, Some(d));
            assert_eq!((none, times3), (None, find_times(t, Some(d))), "{t}");
        }
    }
    use jiff::civil::date;

    const PUB: Date = date(2024, 11, 30); // a Saturday

    fn one(text: &str, p: Option<Date>) -> TimeMention {
        let v = find_times(text, p);
        assert_eq!(v.len(), 1, "{text:?} → {v:?}");
        v.into_iter().next().unwrap()
    }
    fn day1(text: &str, p: Option<Date>) -> (Date, Option<Date>, u8, bool, bool, &str) {
        let t = one(text, p);
        (t.start, t.end, t.precision, t.explicit, t.coarse, &text[t.span.start..t.span.end])
    }

    #[test]
    fn march_and_may_are_months_only_after_a_word_of_time() {
        let spans = |t: &str| -> Vec<String> { find_times_and_spans(t, None).1.iter().map(|s| t[s.start..s.end].to_string()).collect() };
        // no year and no publication date: nothing resolves, yet the month is date-like
        assert!(find_times("He had been in hiding since March.", None).is_empty());
        assert_eq!(spans("He had been in hiding since March."), ["since March"]);
        assert_eq!(spans("Talks stalled in early May."), ["in early May"]);
        // with a publication date the month resolves (the latest March not after it)
        let t = one("He had been in hiding since March.", Some(PUB));
        assert_eq!((t.start, t.precision), (date(2024, 3, 1), 3));
        // the verb, the noun and the modal are no months
        assert!(spans("Thousands joined the March for Life in Warsaw.").is_empty());
        assert!(spans("Protesters march in Yangon.").is_empty());
        assert!(spans("This may lead to clashes.").is_empty());
    }

    #[test]
    fn explicit_days() {
        assert_eq!(day1("Clashes on 1 April 2025 in Goma.", None), (date(2025, 4, 1), None, 1, true, false, "on 1 April 2025"));
        assert_eq!(day1("April 1, 2025", None).0, date(2025, 4, 1));
        assert_eq!(day1("— (@NiohBerg) November 30, 2024", None).0, date(2024, 11, 30));
        assert_eq!(day1("dated 9-May-20 in the export", None).0, date(2020, 5, 9));
        assert_eq!(day1("on 2024-11-30.", None).0, date(2024, 11, 30));
        assert_eq!(day1("kidnapped on 30/11/2024 near", None).0, date(2024, 11, 30));
        assert_eq!(day1("kidnapped on 3/4/2020 near", None).0, date(2020, 4, 3), "day-first");
        assert_eq!(day1("on 11/30/2024", None).0, date(2024, 11, 30), "month-first when day-first is impossible");
        assert_eq!(day1("On 1st May 2020, a man", None).0, date(2020, 5, 1));
        assert_eq!(day1("On 30 April, 2020, dozens", None).0, date(2020, 4, 30));
        assert_eq!(day1("As reported on May 2 2020, settlers", None).0, date(2020, 5, 2));
        assert_eq!(day1("on the 5th of May 2020", None).0, date(2020, 5, 5));
        let t = day1("on Saturday, November 30, 2024, the", None);
        assert_eq!((t.0, t.5), (date(2024, 11, 30), "on Saturday, November 30, 2024"));
    }

    #[test]
    fn hedged_days() {
        let t = day1("Around 9 May 2020 (as reported), clashes", None);
        assert_eq!((t.0, t.2, t.3, t.5), (date(2020, 5, 9), 2, true, "Around 9 May 2020 (as reported)"));
        assert_eq!(day1("On 2 May 2020 (or around), Tiv", None).2, 2);
        assert_eq!(day1("Around 29 April 2020 (week of), a", None).2, 2);
        assert_eq!(day1("On 2 May 2020 (as reported), X", None).2, 1);
        assert_eq!(day1("As reported on 28 April 2020, in", None).2, 2);
    }

    #[test]
    fn years_from_publication_or_context() {
        assert_eq!(day1("on 1 April", Some(PUB)).0, date(2024, 4, 1));
        assert_eq!(day1("on 15 December", Some(PUB)).0, date(2024, 12, 15), "near future stays");
        assert_eq!(day1("on 20 December", Some(date(2025, 1, 5))).0, date(2024, 12, 20));
        assert!(find_times("on 1 April", None).is_empty());
        let v = find_times("On 28 April 2020, a man was killed; his body was found on 8 May.", None);
        assert_eq!(v.len(), 2);
        assert_eq!(v[1].start, date(2020, 5, 8));
        assert!(v[1].explicit);
        let v = find_times("On 2 January 2020, police said he died on 30 December.", None);
        assert_eq!(v[1].start, date(2019, 12, 30));
    }

    #[test]
    fn ranges() {
        let t = day1("on the night of 8-9 May 2020", None);
        assert_eq!((t.0, t.1, t.2), (date(2020, 5, 8), Some(date(2020, 5, 9)), 1));
        let t = day1("between 5 and 7 May 2020", None);
        assert_eq!((t.0, t.1, t.2, t.5), (date(2020, 5, 5), Some(date(2020, 5, 7)), 2, "between 5 and 7 May 2020"));
        let t = day1("(from 30 April to 2 May 2020)", None);
        assert_eq!((t.0, t.1), (date(2020, 4, 30), Some(date(2020, 5, 2))));
        let t = day1("from 27 April- 4 May", Some(date(2020, 5, 9)));
        assert_eq!((t.0, t.1), (date(2020, 4, 27), Some(date(2020, 5, 4))));
        let t = day1("May 8-9, 2020", None);
        assert_eq!((t.0, t.1), (date(2020, 5, 8), Some(date(2020, 5, 9))));
        let t = day1("on the night of 2 and 3 May 2020", None);
        assert_eq!((t.0, t.1, t.2), (date(2020, 5, 2), Some(date(2020, 5, 3)), 1));
        let v = find_times("attacks on 5 and 7 May 2020", None);
        assert_eq!(v.iter().map(|t| t.start).collect::<Vec<_>>(), vec![date(2020, 5, 5), date(2020, 5, 7)]);
        assert!(find_times("each day, they spend between 8 and 11 hours without power", Some(PUB)).is_empty());
    }

    #[test]
    fn months_and_years() {
        let t = day1("Protests in May 2020 spread", None);
        assert_eq!((t.0, t.1, t.2, t.3, t.4), (date(2020, 5, 1), Some(date(2020, 5, 31)), 3, false, false));
        assert_eq!(day1("May 2020", None).0, date(2020, 5, 1));
        assert_eq!(day1("exams on 25-26 July.", Some(PUB)).5, "on 25-26 July");
        assert_eq!(day1("on Nov. 5, 2024", None).0, date(2024, 11, 5));
        let t = day1("Moscow intervened militarily in Syria in 2015, helping", Some(PUB));
        assert_eq!((t.0, t.1, t.4, t.5), (date(2015, 1, 1), Some(date(2015, 12, 31)), true, "in 2015"));
        assert!(day1("war since 2011", None).4);
        let t = day1("fighting in April", Some(PUB));
        assert_eq!((t.0, t.2), (date(2024, 4, 1), 3));
    }

    #[test]
    fn may_and_march_are_not_months_without_numbers() {
        assert!(find_times("The protesters may gather. A march was held; they march on.", Some(PUB)).is_empty());
        assert!(find_times("Protesters March to the capital", Some(PUB)).is_empty());
        assert!(find_times("May God help them", Some(PUB)).is_empty());
        assert!(find_times("they may 2 times", Some(PUB)).is_empty());
    }

    #[test]
    fn numbers_are_not_dates() {
        assert!(find_times("about 1,000 people and 100km of road, 12 May", None).is_empty());
        assert!(find_times("1,000 May", Some(PUB)).iter().all(|t| t.span.start > 2));
    }

    #[test]
    fn weekdays() {
        let t = day1("In a statement on Saturday, the command", Some(PUB));
        assert_eq!((t.0, t.2, t.3, t.5), (date(2024, 11, 30), 1, false, "on Saturday"));
        let t = day1("on Tuesday night", Some(PUB));
        assert_eq!((t.0, t.5), (date(2024, 11, 26), "on Tuesday night"));
        assert_eq!(day1("last Friday", Some(PUB)).0, date(2024, 11, 29));
        assert_eq!(day1("last Saturday", Some(PUB)).0, date(2024, 11, 23));
        assert_eq!(day1("Sunday", Some(PUB)).0, date(2024, 11, 24));
        assert!(find_times("next Friday", Some(PUB)).is_empty());
        assert!(find_times("on Saturday", None).is_empty());
    }

    #[test]
    fn relative_days() {
        assert_eq!(day1("scenes from Aleppo today", Some(PUB)).0, PUB);
        assert_eq!(day1("tonight", Some(PUB)).0, PUB);
        assert_eq!(day1("this morning", Some(PUB)).0, PUB);
        assert_eq!(day1("yesterday", Some(PUB)).0, date(2024, 11, 29));
        assert_eq!(day1("last night", Some(PUB)).0, date(2024, 11, 29));
        let t = day1("overnight", Some(PUB));
        assert_eq!((t.0, t.1, t.2), (date(2024, 11, 29), Some(PUB), 1));
        assert_eq!(day1("three days ago", Some(PUB)).0, date(2024, 11, 27));
        assert!(find_times("tomorrow", Some(PUB)).is_empty());
    }

    #[test]
    fn relative_ranges() {
        let t = day1("Earlier this week, HTS launched", Some(PUB));
        assert_eq!((t.0, t.1, t.2, t.3, t.5), (date(2024, 11, 25), Some(PUB), 2, false, "Earlier this week"));
        let t = day1("last week", Some(PUB));
        assert_eq!((t.0, t.1, t.2), (date(2024, 11, 18), Some(date(2024, 11, 24)), 2));
        let t = day1("600 militants over the past two days.", Some(PUB));
        assert_eq!((t.0, t.1, t.2, t.5), (date(2024, 11, 29), Some(PUB), 2, "over the past two days"));
        let t = day1("in the past 24 hours", Some(PUB));
        assert_eq!((t.0, t.1, t.2), (date(2024, 11, 29), Some(PUB), 1));
        let t = day1("the last few days", Some(PUB));
        assert_eq!((t.0, t.1, t.2), (date(2024, 11, 28), Some(PUB), 2));
        let t = day1("over the weekend", Some(PUB));
        assert_eq!((t.0, t.1, t.2), (PUB, None, 2));
        let t = day1("over the weekend", Some(date(2024, 12, 2)));
        assert_eq!((t.0, t.1), (PUB, Some(date(2024, 12, 1))));
        let t = day1("last weekend", Some(PUB));
        assert_eq!((t.0, t.1), (date(2024, 11, 23), Some(date(2024, 11, 24))));
        let t = day1("last month", Some(PUB));
        assert_eq!((t.0, t.1, t.2), (date(2024, 10, 1), Some(date(2024, 10, 31)), 3));
        let t = day1("earlier this month", Some(PUB));
        assert_eq!((t.0, t.1, t.2), (date(2024, 11, 1), Some(PUB), 3));
        assert!(find_times("earlier this week", None).is_empty());
        assert!(find_times("later this week", Some(PUB)).is_empty());
    }

    #[test]
    fn aleppo_article() {
        let Ok(text) = std::fs::read_to_string("../../../shared/examples/aleppo-2024-11-30.txt") else {
            eprintln!("shared/ absent: skipping");
            return;
        };
        let v = find_times(&text, Some(PUB));
        let got: Vec<(&str, Date)> = v.iter().map(|t| (t.span.text(&text), t.start)).collect();
        assert_eq!(
            got,
            vec![
                ("Earlier this week", date(2024, 11, 25)),
                ("on Saturday", PUB),
                ("today", PUB),
                ("November 30, 2024", PUB),
                ("over the past two days", date(2024, 11, 29)),
                ("in 2015", date(2015, 1, 1)),
            ]
        );
        assert_eq!(latest_explicit_date(&text), Some(PUB));
    }

    #[test]
    fn latest_explicit() {
        assert_eq!(latest_explicit_date("On 3 May 2020 x; between 5 and 7 May 2020 y; on 9 May z"), Some(date(2020, 5, 7)));
        assert_eq!(latest_explicit_date("yesterday"), None);
    }
}
