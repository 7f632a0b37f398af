//! Numbers and vague quantities in news text → [`Quantity`].
//!
//! What is found: digits ("600", "1,200", "2.5 million" → 2 500 000; decimals are floored),
//! spelled-out numbers ("twenty-five", "three hundred", "a hundred", "a dozen", "two
//! dozen", "half a dozen"), vague quantifiers (table below), modifiers and ranges.
//!
//! # Vague quantifiers
//!
//! `best` is the figure ACLED would code: its FAQ on fatalities says that for "tens",
//! "dozens" and "hundreds" it codes 10, 12 and 100 ("and so on": one unit of the named
//! magnitude), and that a report of deaths with no number is coded 3 for a limited attack
//! and 10 for a significant one. Unnumbered-but-plural small counts therefore get 3, the
//! floor ACLED uses when it only knows "more than a couple", and "a large number" gets 10.
//! `low` is the smallest count the phrase can literally mean; `high` is the largest count
//! before a writer would switch to the next word up (None when the phrase has no ceiling).
//!
//! | phrase                         | low     | best    | high      |
//! |--------------------------------|---------|---------|-----------|
//! | a couple (of)                  | 2       | 2       | 3         |
//! | a few, a handful (of)          | 2       | 3       | 5         |
//! | several                        | 3       | 3       | 9         |
//! | a number of                    | 2       | 3       | None      |
//! | a large number of, large numbers of | 10 | 10     | None      |
//! | tens of                        | 10      | 10      | 99        |
//! | dozens (of)                    | 12      | 12      | 99        |
//! | scores of                      | 20      | 20      | 99        |
//! | hundreds (of)                  | 100     | 100     | 999       |
//! | thousands (of)                 | 1 000   | 1 000   | 9 999     |
//! | tens of thousands              | 10 000  | 10 000  | 99 999    |
//! | hundreds of thousands          | 100 000 | 100 000 | 999 999   |
//! | millions                       | 1e6     | 1e6     | 9 999 999 |
//! | several / a few dozen/hundred/thousand | as several / a few, times the unit |  |
//!
//! "many" and a bare "some" are not quantities (too often not counts: "many of them").
//!
//! # Modifiers and ranges (N is the stated figure)
//!
//! | form                                           | low | best | high | approximate |
//! |------------------------------------------------|-----|------|------|-------------|
//! | N                                              | N   | N    | N    | no          |
//! | about/around/some/approximately/roughly/an estimated/close to N | N | N | None | yes |
//! | nearly/almost N                                | N   | N    | N    | yes         |
//! | at least / no fewer than / a minimum of N      | N   | N    | None | yes         |
//! | more than / over / upwards of / in excess of N | N   | N    | None | yes         |
//! | up to / as many as / less than / fewer than / under N | 1 | N | N | yes |
//! | between N and M, N to M, N-M, N or M           | N   | N    | M    | no          |
//!
//! "more than 20" codes 20 (ACLED codes the stated number, never more). "up to 15" keeps 15
//! as best because it is the only figure stated (ACLED codes reported figures); low = 1
//! records that nothing smaller is excluded, and `approximate` lets a caller that wants the
//! strictly conservative reading use `low`.
//!
//! # Not counts
//!
//! Skipped: numbers inside dates and year expressions (see [`crate::time`]), bare years
//! (1900–2100 without a thousands separator, unless a modifier precedes or a count noun
//! follows: "about 2000 people"), clock times ("5 p.m.", "10:30", "0800 hrs"), ordinals
//! ("1st", "the 1st"), numbers glued to letters or identifiers ("F-16", "COVID-19",
//! "pic.twitter.com/YJR5", "@user1", "9-May-20"), and "No. 5"-style labels. The spelled-out
//! "one" is kept only where it clearly counts ("one soldier", "one Palestinian man") or
//! inside a range ("one or two"): "one of the", "one clip" are not quantities.
//!
//! A unit written right after the number ("100km", "100 km", "5%", "5 percent", "2 years",
//! "16-year-old", "$5 million") goes into `unit` (normalised: "km", "%", "year", "year-old",
//! "usd"...), so callers can ignore non-counts.

use frontline_model::{Quantity, Span};
use once_cell::sync::Lazy;
use crate::scan::{Hay, Rx};

/// Finds quantities in `text`; sorted by start, non-overlapping.
pub fn find_quantities(text: &str) -> Vec<Quantity> {
    let h = Hay::new(text);
    let dates = crate::time::date_spans(&h);
    let mut atoms = atoms(&h, &dates);
    atoms.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    // Drop atoms overlapping an earlier (longer-first) one.
    let mut kept: Vec<Atom> = Vec::with_capacity(atoms.len());
    for a in atoms {
        if kept.last().is_some_and(|k| k.end > a.start) {
            continue;
        }
        kept.push(a);
    }
    combine(&h, &kept)
}

#[derive(Debug, Clone)]
struct Atom {
    start: usize,
    end: usize,
    low: u64,
    best: u64,
    high: Option<u64>,
    vague: bool,
    approximate: bool,
    /// A lone spelled-out "one": kept only in a range or before a person noun.
    weak_one: bool,
    /// Written with digits (units may be glued on: "100km").
    digits: bool,
    /// A bare 4-digit 1900–2100 number: a year unless a modifier or count noun says not.
    year_like: bool,
    /// Written right after "<digit>-": only valid as the second half of a range ("10-15").
    after_digit_hyphen: bool,
}

fn re(p: &str) -> Rx {
    Rx::new(p)
}

static DIGITS: Lazy<Rx> = Lazy::new(|| {
    re(r"(?i)(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<scale>\s*(?:million|mn|billion|bn|thousand|dozen)\b)?")
});

const UNITS_W: &str = "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen";

static WORDS: Lazy<Rx> = Lazy::new(|| {
    re(&format!(
        r"(?i)\b(?:(?:half\s+a|an?)\s+)?(?:{UNITS_W})\b(?:(?:\s+and\s+|\s+|-)(?:{UNITS_W})\b)*"
    ))
});

static VAGUE: Lazy<Rx> = Lazy::new(|| {
    re(r"(?i)\b(?:(?P<mult>several|a\s+few|a\s+couple\s+of|a\s+couple|a\s+handful\s+of)\s+(?P<unit>dozen|hundred|thousand|million)\b|(?P<big>tens|hundreds)\s+of\s+thousands\b|tens\s+of\b|dozens\b|scores\s+of\b|hundreds\b|thousands\b|millions\b|several\b|a\s+few\b|a\s+handful\s+of\b|a\s+couple\s+of\b|a\s+couple\b|an?\s+(?:large|significant|great|huge)\s+number\s+of\b|large\s+numbers\s+of\b|a\s+number\s+of\b)")
});

static UNIT_AFTER: Lazy<Rx> = Lazy::new(|| {
    re(r"(?i)^(?:\s?|-)(?P<u>%|per\s?cent\b|percent\b|pc\b|km2\b|sq\.?\s?km\b|square\s+kilomet(?:er|re)s?\b|kilomet(?:er|re)s?\b|kms?\b|miles?\b|meters?\b|metres?\b|m\b|cm\b|mm\b|kg\b|kilograms?\b|tons?\b|tonnes?\b|hectares?\b|ha\b|acres?\b|years?[-\s]old\b|years?\b|yrs?\b|months?\b|weeks?\b|days?\b|hours?\b|hrs?\b|minutes?\b|mins?\b|seconds?\b|dollars?\b|usd\b|euros?\b|pounds?\b|rupees?\b|naira\b|shillings?\b|dinars?\b|lira\b|liras?\b|rubles?\b|roubles?\b|hryvnias?\b|yuan\b|cfa\b|mph\b|kph\b|km/h\b|degrees?\b|°c?)")
});

/// Clock times and other "not a count" continuations right after a number.
static TIME_AFTER: Lazy<Rx> =
    Lazy::new(|| re(r"(?i)^(?:\s?(?:a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b|o'clock|hrs?\s+(?:gmt|utc|local)|gmt\b|utc\b|h\d\d))"));

static MODIFIER_BEFORE: Lazy<Rx> = Lazy::new(|| {
    re(r"(?i)\b(?P<m>about|around|some|nearly|almost|approximately|approx\.|roughly|an\s+estimated|estimated|close\s+to|at\s+least|no\s+fewer\s+than|no\s+less\s+than|a\s+minimum\s+of|more\s+than|over|upwards\s+of|in\s+excess\s+of|up\s+to|as\s+many\s+as|less\s+than|fewer\s+than|under|between)\s+$")
});

static LABEL_BEFORE: Lazy<Rx> = Lazy::new(|| {
    re(r"(?i)(?:\b(?:no|nos|number|article|resolution|section|chapter|page|pp?|route|highway|road|flight|room|gate|platform|line|channel|unit|vol|volume|version|v|level|grade|class|category|phase|stage|km|kilometer|kilometre|mile|tel|phone|ext|code|decree|law|order|act)\.?\s*|#\s*)$")
});

const COUNT_NOUNS: &str = "people|persons|protesters|demonstrators|residents|workers|soldiers|troops|fighters|militants|civilians|families|refugees|migrants|prisoners|inmates|students|members|supporters|men|women|children|households|vehicles|homes|houses|cases|deaths|casualties|dead|killed|injured|wounded|displaced|arrested|detained|police|policemen|officers|rebels|insurgents|combatants|victims|farmers|villagers|pilgrims|participants|rioters|youths";

static COUNT_NOUN_AFTER: Lazy<Rx> =
    Lazy::new(|| re(&format!(r"(?i)^\s+(?:[a-z]+\s+)?(?:{COUNT_NOUNS})\b")));

static PERSON_AFTER_ONE: Lazy<Rx> = Lazy::new(|| {
    re(r"^\s+(?:(?:[A-Z][\w'-]*|more|other|young|elderly|local|unarmed|armed|wounded|injured|female|male|pregnant|teenage|off-duty|senior|junior)\s+)?(?i:soldier|person|man|woman|child|boy|girl|baby|infant|civilian|policeman|policewoman|police\s+officer|officer|protester|demonstrator|fighter|militant|member|student|worker|journalist|reporter|resident|farmer|guard|gunman|attacker|assailant|suspect|victim|teacher|doctor|nurse|official|trooper|rebel|insurgent|jihadist|individual|militiaman|combatant|detainee|prisoner|inmate|hostage|pilgrim|villager|shepherd|herder|driver|passenger|migrant|refugee|activist|leader|commander|employee|worshipper|youth|teenager|minor)s?\b")
});

fn word_value(w: &str) -> Option<u64> {
    Some(match w {
        "zero" => 0,
        "one" | "a" | "an" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

fn scale_value(w: &str) -> Option<u64> {
    Some(match w {
        "hundred" => 100,
        "thousand" => 1_000,
        "million" => 1_000_000,
        "billion" => 1_000_000_000,
        "dozen" => 12,
        _ => return None,
    })
}

/// Parses a spelled-out number ("three hundred and twenty-five"); None if not well formed.
fn parse_words(s: &str) -> Option<(u64, bool)> {
    let lower = s.to_ascii_lowercase();
    let toks: Vec<&str> = lower.split(|c: char| c.is_whitespace() || c == '-').filter(|t| !t.is_empty() && *t != "and").collect();
    let (mut total, mut cur, mut seen_any) = (0u64, 0u64, false);
    let mut approx = false;
    let mut i = 0;
    if toks.first() == Some(&"half") {
        // "half a dozen"
        if toks.get(1).is_some_and(|t| *t == "a") && toks.get(2) == Some(&"dozen") && toks.len() == 3 {
            return Some((6, true));
        }
        return None;
    }
    if toks.first().is_some_and(|t| matches!(*t, "thousand" | "million" | "billion" | "dozen")) {
        return None; // a bare scale word: "1,4 million" (decimal comma), "3 dozen" (digits)
    }
    let mut last_small: Option<u64> = None;
    while i < toks.len() {
        let t = toks[i];
        if let Some(v) = word_value(t) {
            if (t == "a" || t == "an") && (i != 0 || toks.get(1).and_then(|n| scale_value(n)).is_none()) {
                return None;
            }
            // "twenty five" ok, "five twenty" / "two three" not a number.
            if let Some(prev) = last_small {
                if !(prev >= 20 && prev % 10 == 0 && v < 10) {
                    return None;
                }
            }
            cur += v;
            last_small = Some(v);
            seen_any = true;
        } else if let Some(sc) = scale_value(t) {
            if t == "dozen" {
                approx = true;
                cur = cur.max(1) * sc;
            } else if sc == 100 {
                cur = cur.max(1) * 100;
            } else {
                total += cur.max(1) * sc;
                cur = 0;
            }
            last_small = None;
            seen_any = true;
        } else {
            return None;
        }
        i += 1;
    }
    seen_any.then_some((total + cur, approx))
}

/// The char ending before byte `at` (floored to a char boundary: callers pass `s - 1`
/// after an ASCII check that may not hold for multi-byte punctuation such as "–").
fn prev_char(text: &str, mut at: usize) -> Option<char> {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    text[..at].chars().next_back()
}

fn atoms(h: &Hay, dates: &[Span]) -> Vec<Atom> {
    let (text, scan) = (h.text, &*h.scan);
    let in_date = |s: usize, e: usize| dates.iter().any(|d| d.overlaps(Span::new(s, e)));
    let mut out = Vec::new();

    for c in h.rx(&DIGITS).captures_iter(scan) {
        let m = c.get(0).unwrap();
        let n = c.name("n").unwrap();
        let (s, mut e) = (m.start(), m.end());
        if in_date(s, n.end()) {
            continue;
        }
        // Left: glued to a word, number or identifier?
        let mut after_digit_hyphen = false;
        match prev_char(text, s) {
            Some(p) if p.is_alphanumeric() || matches!(p, '_' | '@' | '#' | '/' | '\\' | '.' | ':' | '=' | '&' | '?' | '+') => continue,
            Some('-' | '–') => {
                let before = prev_char(text, s - 1);
                if before.is_some_and(|b| b.is_alphabetic()) {
                    continue; // "F-16", "COVID-19", "9-May-20"
                }
                after_digit_hyphen = before.is_some_and(|b| b.is_ascii_digit());
            }
            Some(',') if prev_char(text, s - 1).is_some_and(|b| b.is_ascii_digit()) => continue,
            _ => {}
        }
        // The whitespace-delimited token: URLs, handles, hashtags.
        let tok_start = text[..s].char_indices().rev().find(|(_, c)| c.is_whitespace()).map(|(i, c)| i + c.len_utf8()).unwrap_or(0);
        let tok_end = text[e..].find(char::is_whitespace).map(|i| e + i).unwrap_or(text.len());
        let tok = &text[tok_start..tok_end];
        if tok.contains("://") || tok.contains("www.") || tok.contains(".com") || tok.contains('@') || tok.contains('/') && !tok.contains("km/h") {
            continue;
        }
        let rest = &text[n.end()..];
        // Right: times, ordinals, identifiers.
        if h.rx(&TIME_AFTER).is_match(&scan[n.end()..]) && c.name("scale").is_none() {
            continue;
        }
        let mut rc = rest.chars();
        let next = rc.next();
        let next2 = rc.next();
        if matches!(next, Some(':') | Some('/') | Some('.') | Some(',')) && next2.is_some_and(|x| x.is_ascii_digit()) {
            continue; // "10:30", "3/4", "1.2.3"
        }
        if c.name("scale").is_none() && next.is_some_and(|x| x.is_alphabetic()) && !h.rx(&UNIT_AFTER).is_match(&scan[n.end()..]) {
            continue; // "1st", "3D", "9K"
        }
        if matches!(next, Some('-')) && next2.is_some_and(|x| x.is_ascii_digit()) {
            // "10-15" is a range (handled in combine), but "2-1-2" / "123-4567" are not.
            let after = &rest[1..];
            let d = after.chars().take_while(|c| c.is_ascii_digit()).count();
            if after[d..].starts_with('-') {
                continue;
            }
        }
        if h.rx(&LABEL_BEFORE).is_match(&scan[..s]) {
            continue;
        }
        let ns = n.as_str().replace(',', "");
        if ns.trim_start_matches('0').len() > 15 {
            continue;
        }
        let (int_part, frac) = ns.split_once('.').unwrap_or((&ns, ""));
        let Ok(int) = int_part.parse::<u64>() else { continue };
        let scale = c.name("scale").map(|sc| {
            let w = sc.as_str().trim().to_ascii_lowercase();
            match w.as_str() {
                "million" | "mn" => 1_000_000u64,
                "billion" | "bn" => 1_000_000_000,
                "dozen" => 12,
                _ => 1_000,
            }
        });
        let value = match scale {
            Some(sc) => {
                let f: f64 = format!("0.{}", if frac.is_empty() { "0" } else { frac }).parse().unwrap_or(0.0);
                int.saturating_mul(sc).saturating_add((f * sc as f64) as u64)
            }
            None => int,
        };
        let year_like = scale.is_none()
            && frac.is_empty()
            && !n.as_str().contains(',')
            && n.as_str().len() == 4
            && (1900..=2100).contains(&int);
        if scale.is_none() {
            e = n.end();
        }
        out.push(Atom { start: s, end: e, low: value, best: value, high: Some(value), vague: false, approximate: false, weak_one: false, digits: true, year_like, after_digit_hyphen });
    }

    for m in h.rx(&WORDS).find_iter(scan) {
        let (mut s, e) = (m.start(), m.end());
        if in_date(s, e) {
            continue;
        }
        let mut str_ = &text[m.range()];
        // "a few" etc. are handled by VAGUE; "a two-day" → drop "a".
        let lower = str_.to_ascii_lowercase();
        if (lower.starts_with("a ") || lower.starts_with("an ")) && parse_words(str_).is_none() {
            let skip = str_.find(char::is_whitespace).unwrap();
            let ws = str_[skip..].len() - str_[skip..].trim_start().len();
            s += skip + ws;
            str_ = &text[s..e];
        }
        // Hyphenated compounds like "one-sided" / "two-thirds" are caught by \b; "one-day" gets a unit.
        let Some((v, approx)) = parse_words(str_) else { continue };
        let weak_one = str_.eq_ignore_ascii_case("one");
        out.push(Atom { start: s, end: e, low: v, best: v, high: Some(v), vague: false, approximate: approx, weak_one, digits: false, year_like: false, after_digit_hyphen: false });
    }

    for c in h.rx(&VAGUE).captures_iter(scan) {
        let m = c.get(0).unwrap();
        let l = text[m.range()].to_ascii_lowercase();
        let l = l.split_whitespace().collect::<Vec<_>>().join(" ");
        let (low, best, high): (u64, u64, Option<u64>) = if let Some(unit) = c.name("unit") {
            let u = scale_value(&unit.as_str().to_ascii_lowercase()).unwrap_or(1);
            let mult = c.name("mult").unwrap().as_str().to_ascii_lowercase();
            let (lo, be, hi) = if mult.starts_with("several") {
                (3, 3, 9)
            } else if mult.contains("couple") {
                (2, 2, 3)
            } else {
                (2, 3, 5)
            };
            (lo * u, be * u, Some(hi * u))
        } else if let Some(big) = c.name("big") {
            if big.as_str().eq_ignore_ascii_case("tens") {
                (10_000, 10_000, Some(99_999))
            } else {
                (100_000, 100_000, Some(999_999))
            }
        } else if l.starts_with("tens") {
            (10, 10, Some(99))
        } else if l.starts_with("dozens") {
            (12, 12, Some(99))
        } else if l.starts_with("scores") {
            (20, 20, Some(99))
        } else if l.starts_with("hundreds") {
            (100, 100, Some(999))
        } else if l.starts_with("thousands") {
            (1_000, 1_000, Some(9_999))
        } else if l.starts_with("millions") {
            (1_000_000, 1_000_000, Some(9_999_999))
        } else if l.starts_with("several") {
            (3, 3, Some(9))
        } else if l.contains("couple") {
            (2, 2, Some(3))
        } else if l.contains("few") || l.contains("handful") {
            (2, 3, Some(5))
        } else if l.contains("large") || l.contains("significant") || l.contains("great") || l.contains("huge") {
            (10, 10, None)
        } else {
            (2, 3, None) // a number of
        };
        out.push(Atom { start: m.start(), end: m.end(), low, best, high, vague: true, approximate: true, weak_one: false, digits: false, year_like: false, after_digit_hyphen: false });
    }
    out
}

fn normalise_unit(u: &str) -> String {
    let l = u.trim().to_ascii_lowercase();
    let l = l.split_whitespace().collect::<Vec<_>>().join(" ");
    let s = match l.as_str() {
        "%" | "percent" | "per cent" | "percent " | "pc" => "%",
        "km2" | "sq km" | "sq. km" | "sqkm" | "square kilometers" | "square kilometres" | "square kilometer" | "square kilometre" => "km2",
        "km" | "kms" | "kilometer" | "kilometers" | "kilometre" | "kilometres" => "km",
        "mile" | "miles" => "mile",
        "m" | "meter" | "meters" | "metre" | "metres" => "m",
        "kg" | "kilogram" | "kilograms" => "kg",
        "ton" | "tons" | "tonne" | "tonnes" => "tonne",
        "hectare" | "hectares" | "ha" => "ha",
        "year" | "years" | "yr" | "yrs" => "year",
        "month" | "months" => "month",
        "week" | "weeks" => "week",
        "day" | "days" => "day",
        "hour" | "hours" | "hr" | "hrs" => "hour",
        "minute" | "minutes" | "min" | "mins" => "minute",
        "second" | "seconds" => "second",
        "dollar" | "dollars" | "usd" => "usd",
        "euro" | "euros" => "eur",
        "pound" | "pounds" => "gbp",
        x if x.starts_with("year") && x.ends_with("old") => "year-old",
        x if x.starts_with('°') || x.starts_with("degree") => "degree",
        x => x.trim_end_matches('s'),
    };
    s.to_string()
}

fn combine(h: &Hay, atoms: &[Atom]) -> Vec<Quantity> {
    let (text, scan) = (h.text, &*h.scan);
    static RANGE_CONN: Lazy<Rx> = Lazy::new(|| re(r"(?i)^(?:\s*(?:-|–|—)\s*|\s+(?:to|or)\s+|\s+and\s+)$"));
    let mut out: Vec<Quantity> = Vec::new();
    let mut i = 0;
    while i < atoms.len() {
        let a = &atoms[i];
        if a.after_digit_hyphen {
            i += 1;
            continue;
        }
        let modifier = h.rx(&MODIFIER_BEFORE).captures(&scan[..a.start]).map(|c| {
            let m = c.name("m").unwrap();
            (m.start(), text[m.range()].to_ascii_lowercase().split_whitespace().collect::<Vec<_>>().join(" "))
        });
        // Range with the next atom?
        let mut range_with: Option<&Atom> = None;
        if let Some(b) = atoms.get(i + 1) {
            let between = &text[a.end..b.start];
            if h.rx(&RANGE_CONN).is_match(&scan[a.end..b.start]) && a.digits == b.digits && !a.vague && !b.vague && b.best >= a.best {
                let is_and = between.trim().eq_ignore_ascii_case("and");
                let between_kw = modifier.as_ref().is_some_and(|(_, m)| m == "between");
                if (!is_and || between_kw) && !(a.year_like || b.year_like) {
                    range_with = Some(b);
                }
            }
        }
        let mut start = a.start;
        let (mut low, mut best, mut high) = (a.low, a.best, a.high);
        let mut approximate = a.approximate;
        let mut end = a.end;
        if let Some(b) = range_with {
            low = a.low;
            best = a.best;
            high = Some(b.high.unwrap_or(b.best));
            end = b.end;
            if let Some((ms, m)) = &modifier {
                if m == "between" {
                    start = *ms;
                }
            }
            i += 1;
        } else if a.weak_one && !h.rx(&PERSON_AFTER_ONE).is_match(&scan[a.end..]) {
            i += 1;
            continue;
        }
        let mut has_modifier = false;
        if let Some((ms, m)) = &modifier {
            if m != "between" {
                has_modifier = true;
                start = *ms;
                approximate = true;
                match m.as_str() {
                    "nearly" | "almost" => high = Some(best),
                    "at least" | "no fewer than" | "no less than" | "a minimum of" | "more than" | "over" | "upwards of" | "in excess of" => high = None,
                    "up to" | "as many as" | "less than" | "fewer than" | "under" => {
                        low = 1.min(best);
                        high = Some(best);
                    }
                    _ => high = None, // about, around, some, approximately ...
                }
            }
        }
        if a.year_like && range_with.is_none() && !has_modifier && !h.rx(&COUNT_NOUN_AFTER).is_match(&scan[a.end..]) {
            i += 1;
            continue;
        }
        // Unit right after.
        let mut unit = None;
        if let Some(c) = h.rx(&UNIT_AFTER).captures(&scan[end..]) {
            let u = c.name("u").unwrap();
            // Glued letters must be a unit; spaced words too ("100 km"). "m" only when glued.
            let spaced = u.start() > 0;
            let word = &text[end + u.start()..end + u.end()];
            if !(spaced && (word.eq_ignore_ascii_case("m") || word.eq_ignore_ascii_case("pc") || word.eq_ignore_ascii_case("ha"))) {
                unit = Some(normalise_unit(word));
                end += c.get(0).unwrap().end();
            }
        }
        if let Some(p) = prev_char(text, start) {
            let cur = match p {
                '$' => Some("usd"),
                '€' => Some("eur"),
                '£' => Some("gbp"),
                _ => None,
            };
            if let Some(cur) = cur {
                start -= p.len_utf8();
                if text[..start].ends_with("US") {
                    start -= 2;
                }
                unit = Some(cur.to_string());
            }
        }
        out.push(Quantity {
            span: Span::new(start, end),
            low,
            best,
            high,
            unit,
            vague: a.vague || range_with.is_some_and(|b| b.vague),
            approximate,
        });
        i += 1;
    }
    // Modifier spans may reach back over a previous quantity ("10 to about 20"): keep order.
    let mut res: Vec<Quantity> = Vec::with_capacity(out.len());
    for q in out {
        if res.last().is_some_and(|p| p.span.end > q.span.start) {
            continue;
        }
        res.push(q);
    }
    res
}

#[cfg(test)]
mod tests {
    #[test]
    fn en_dash_range_after_multibyte_does_not_panic() {
        let q = super::find_quantities("Some 35–40 wild birds were found dead.");
        assert!(!q.is_empty());
    }

    use super::*;

    /// (span text, low, best, high, unit, vague, approximate)
    type Row<'a> = (&'a str, u64, u64, Option<u64>, Option<String>, bool, bool);
    fn q(text: &str) -> Vec<Row<'_>> {
        find_quantities(text)
            .into_iter()
            .map(|q| (q.span.text(text), q.low, q.best, q.high, q.unit, q.vague, q.approximate))
            .collect()
    }
    fn bests(text: &str) -> Vec<u64> {
        find_quantities(text).into_iter().map(|q| q.best).collect()
    }

    #[test]
    fn digits() {
        assert_eq!(q("600 militants"), vec![("600", 600, 600, Some(600), None, false, false)]);
        assert_eq!(bests("1,200 people and 2.5 million refugees"), vec![1200, 2_500_000]);
        assert_eq!(bests("$5 million"), vec![5_000_000]);
        assert_eq!(q("$5 million")[0].4.as_deref(), Some("usd"));
    }

    #[test]
    fn words() {
        assert_eq!(bests("two soldiers and twenty-five civilians"), vec![2, 25]);
        assert_eq!(bests("three hundred protesters, a hundred police"), vec![300, 100]);
        assert_eq!(bests("one hundred and fifty people"), vec![150]);
        assert_eq!(q("a dozen men"), vec![("a dozen", 12, 12, Some(12), None, false, true)]);
        assert_eq!(bests("two dozen men, half a dozen women"), vec![24, 6]);
        assert_eq!(bests("a two-day strike"), vec![2]);
        assert_eq!(bests("around 3 dozen people"), vec![36]);
        assert_eq!(bests("million packs"), Vec::<u64>::new());
        assert_eq!(q("a two-day strike")[0].4.as_deref(), Some("day"));
    }

    #[test]
    fn one_only_counts_people() {
        assert_eq!(bests("with one clip depicting an armed man"), Vec::<u64>::new());
        assert_eq!(bests("one of the attackers"), Vec::<u64>::new());
        assert_eq!(bests("one soldier was killed"), vec![1]);
        assert_eq!(bests("killing one Palestinian man"), vec![1]);
        assert_eq!(q("one or two people"), vec![("one or two", 1, 1, Some(2), None, false, false)]);
    }

    #[test]
    fn vague() {
        assert_eq!(q("dozens of our forces"), vec![("dozens", 12, 12, Some(99), None, true, true)]);
        assert_eq!(q("tens of protesters")[0].2, 10);
        assert_eq!(q("thousands of foreign terrorists")[0].2, 1000);
        assert_eq!(q("hundreds of thousands fled")[0].2, 100_000);
        assert_eq!(q("tens of thousands fled")[0].2, 10_000);
        assert_eq!(q("several people")[0].1..=q("several people")[0].2, 3..=3);
        assert_eq!(q("a few hundred people"), vec![("a few hundred", 200, 300, Some(500), None, true, true)]);
        assert_eq!(q("a number of teachers")[0].2, 3);
        assert_eq!(q("a large number of drones")[0].2, 10);
        assert_eq!(q("scores of people")[0].2, 20);
        assert!(find_quantities("many of them").is_empty());
    }

    #[test]
    fn modifiers() {
        assert_eq!(q("eliminated about 600 militants"), vec![("about 600", 600, 600, None, None, false, true)]);
        assert_eq!(q("at least 2 killed"), vec![("at least 2", 2, 2, None, None, false, true)]);
        assert_eq!(q("more than 20 killed"), vec![("more than 20", 20, 20, None, None, false, true)]);
        assert_eq!(q("over 20 killed")[0].2, 20);
        assert_eq!(q("up to 15 killed"), vec![("up to 15", 1, 15, Some(15), None, false, true)]);
        assert_eq!(q("nearly 30 olive trees")[0].3, Some(30));
        assert_eq!(q("some 600 people")[0].0, "some 600");
    }

    #[test]
    fn ranges() {
        let r = |t| q(t).into_iter().map(|x| (x.0, x.1, x.2, x.3)).collect::<Vec<_>>();
        assert_eq!(r("between 10 and 15 people"), vec![("between 10 and 15", 10, 10, Some(15))]);
        assert_eq!(r("10 to 15 people"), vec![("10 to 15", 10, 10, Some(15))]);
        assert_eq!(r("10-15 people"), vec![("10-15", 10, 10, Some(15))]);
        assert_eq!(r("killing between 2 to 4 fighters"), vec![("between 2 to 4", 2, 2, Some(4))]);
        assert_eq!(bests("5 and 7 people"), vec![5, 7]);
    }

    #[test]
    fn units() {
        let u = |t| find_quantities(t).into_iter().map(|x| (x.best, x.unit)).collect::<Vec<_>>();
        assert_eq!(u("an area exceeding 100km"), vec![(100, Some("km".into()))]);
        assert_eq!(u("100 km away"), vec![(100, Some("km".into()))]);
        assert_eq!(u("5 percent and 7%"), vec![(5, Some("%".into())), (7, Some("%".into()))]);
        assert_eq!(u("2 years in prison"), vec![(2, Some("year".into()))]);
        assert_eq!(u("a 16 year-old female"), vec![(16, Some("year-old".into()))]);
        assert_eq!(u("2km north of Nertiti"), vec![(2, Some("km".into()))]);
    }

    #[test]
    fn not_counts() {
        for t in [
            "in 2015, Moscow",
            "On 9 May 2020, protesters",
            "since 2011",
            "at 5 p.m. and 6pm and 10:30",
            "the 1st Naval Infantry brigade",
            "pic.twitter.com/YJRkJG1mKe",
            "(@NiohBerg1) November 30, 2024",
            "dated 9-May-20",
            "F-16 jets and COVID-19 cases",
            "the 2020 elections",
            "Route 40 and No. 5",
            "on 30/11/2024",
        ] {
            assert!(find_quantities(t).is_empty(), "{t:?} → {:?}", find_quantities(t));
        }
        assert_eq!(bests("about 2000 people"), vec![2000]);
        assert_eq!(bests("2000 people marched"), vec![2000]);
    }

    #[test]
    fn aleppo_sentences() {
        let t = "It admitted, however, that dozens of its troops have been killed. It said that the military has fought battles over an area exceeding 100km. Russian and Syrian forces have eliminated about 600 militants over the past two days.";
        let v = q(t);
        assert_eq!(v.iter().map(|x| (x.0, x.2)).collect::<Vec<_>>(), vec![("dozens", 12), ("100km", 100), ("about 600", 600)]);
    }
}
