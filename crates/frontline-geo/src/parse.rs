//! Mention detection and toponym resolution.

use crate::{normalize, postings, GeoHints, Gazetteer, Rec};
use frontline_model::{PlaceMention, Span};

#[derive(Clone, Copy, Debug)]
struct Tok {
    s: usize,
    e: usize,
    cap: bool,
    all_caps: bool,
    sent_start: bool,
}

fn tokenize(text: &str) -> Vec<Tok> {
    let b = text.as_bytes();
    let mut toks: Vec<Tok> = Vec::with_capacity(text.len() / 5);
    let mut it = text.char_indices().peekable();
    let mut gap_break = true; // sentence boundary seen since the last token
    while let Some((i, ch)) = it.next() {
        if ch.is_alphanumeric() {
            let s = i;
            let mut e = i + ch.len_utf8();
            while let Some(&(j, c)) = it.peek() {
                if c.is_alphanumeric() {
                    e = j + c.len_utf8();
                    it.next();
                } else if matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}') {
                    // keep "Ma'arrat", split the possessive "Aleppo's"
                    let rest = &text[j + c.len_utf8()..];
                    let run: usize = rest.char_indices().find(|(_, x)| !x.is_alphanumeric()).map(|(k, _)| k).unwrap_or(rest.len());
                    // and contractions ("I've", "we'll", "they're")
                    let tail = rest[..run].to_ascii_lowercase();
                    let head = &text[s..j];
                    let contraction = matches!(tail.as_str(), "ve" | "ll" | "re")
                        || (head == "I" && matches!(tail.as_str(), "d" | "m"))
                        || (tail == "t" && head.ends_with('n'));
                    if run == 0 || (run == 1 && rest.as_bytes()[0].eq_ignore_ascii_case(&b's')) || contraction {
                        break;
                    }
                    it.next();
                } else {
                    break;
                }
            }
            let word = &text[s..e];
            let first = word.chars().next().unwrap();
            let cap = first.is_uppercase();
            let all_caps = word.chars().all(|c| !c.is_lowercase()) && word.chars().any(|c| c.is_uppercase());
            toks.push(Tok { s, e, cap, all_caps, sent_start: gap_break });
            gap_break = false;
        } else if matches!(ch, '.' | '!' | '?' | '\n' | ':' | '"' | '\u{201C}' | '|' | '\u{2022}') {
            if ch == '.' {
                // abbreviations ("St.", "U.S.", "Mr.") do not end sentences
                if let Some(t) = toks.last() {
                    let w = &text[t.s..t.e];
                    let short_cap = t.cap && w.len() <= 3 && t.e == i;
                    if !short_cap {
                        gap_break = true;
                    }
                } else {
                    gap_break = true;
                }
            } else {
                gap_break = true;
            }
        }
    }
    let _ = b;
    toks
}

const CONNECTORS: &[&str] = &[
    "of", "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "la", "le", "les", "el", "al", "ad", "ar", "as",
    "ash", "at", "az", "an", "en", "es", "and", "upon", "on", "am", "im", "bin", "ibn", "abu", "bou", "ben", "y", "van",
    "von", "der", "den", "sur", "aux", "au", "sa", "na", "nad", "the", "ech", "et", "ez", "ed", "er", "um", "a",
    // Persian/Dari/Urdu ezafe inside a name: "Kut e Abdollah", "Pul-e-Khumri", "Qala i Naw"
    "e", "i", "ye",
];
const ADMIN_WORDS: &[&str] = &[
    "governorate", "province", "oblast", "region", "district", "state", "county", "prefecture", "department",
    "municipality", "rayon", "raion", "krai", "wilaya", "canton", "parish", "emirate", "division", "territory",
    "township", "borough", "provinces", "governorates", "regions", "districts", "counties", "lga", "taluka", "tehsil",
    "upazila", "woreda", "subdistrict", "sub-district",
];
/// Admin words of the second level and below: "X district" is a district or its seat, not a province.
const DISTRICT_WORDS: &[&str] = &[
    "district", "districts", "county", "counties", "municipality", "rayon", "raion", "township", "borough", "lga",
    "taluka", "tehsil", "upazila", "woreda", "subdistrict", "sub-district", "parish",
];
const STREET_WORDS: &[&str] = &[
    "road", "rd", "street", "st", "avenue", "ave", "boulevard", "blvd", "drive", "lane", "ln", "highway", "hwy", "way",
    "court", "ct", "circle", "pike", "parkway", "pkwy", "terrace", "trail", "route",
];
const PREFIX_OK: &[&str] = &[
    "the", "northern", "southern", "eastern", "western", "north", "south", "east", "west", "central", "greater", "upper",
    "lower", "downtown", "in", "at", "near", "from", "to", "of", "across", "rural", "coastal", "occupied", "besieged",
];
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sir", "lord", "lady", "president", "minister", "gen", "general", "col", "colonel", "capt",
    "captain", "sgt", "lt", "gov", "governor", "sen", "senator", "rep", "judge", "officer", "king", "queen", "prince",
    "princess", "sheikh", "pope", "mayor", "commissioner", "chief", "coach", "saint", "st", "rev", "father", "brother",
    "sister", "uncle", "aunt", "mrs", "miss", "deputy", "detective", "sheriff", "trooper", "agent", "professor", "prof",
];
const LOC_PREPS: &[&str] = &[
    "in", "at", "near", "from", "to", "outside", "around", "toward", "towards", "into", "across", "through", "of",
    "between", "and", "inside", "within", "via", "nearby", "throughout", "visited", "entered", "reached", "captured",
];
const SAID: &[&str] = &["said", "says", "told", "added", "wrote", "asked", "testified", "explained", "noted", "announced"];
/// A following word that makes a country name an attribute ("US dollar", "Lebanese pound").
const CURRENCY: &[&str] = &[
    "dollar", "dollars", "pound", "pounds", "euro", "euros", "peso", "pesos", "rupee", "rupees", "franc", "francs",
    "shilling", "shillings", "lira", "dinar", "dinars", "rial", "riyal", "riyals", "yen", "yuan", "ruble", "rubles",
    "rouble", "roubles", "hryvnia", "naira", "rand", "cedi", "kwacha", "dirham", "dirhams",
];
/// Connectors inside Romance/Germanic names: a capitalised word right after "X del" is the
/// tail of a longer name ("Huanzantlan del Rio"), not a place of its own.
const NAME_LINKS: &[&str] = &[
    "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "la", "le", "les", "y", "van", "von", "der", "den",
];
/// Words between a place and the unit that contains it ("X district (Y)", "X area of Y").
const CONTAINER_KW: &[&str] = &[
    "area", "areas", "sector", "countryside", "community", "front", "outskirts", "vicinity", "locality", "commune", "ward",
    "subdistrict", "sub-district", "neighbourhood", "neighborhood", "quarter", "police", "station", "limits",
];
/// A following word that makes the name a group's ("the Ayr sub-clan", "Bayan company").
const GROUP_NEXT: &[&str] = &[
    "clan", "clans", "sub-clan", "subclan", "tribe", "tribes", "tribesmen", "family", "families", "company", "gathering", "sub-clans", "subclans",
    "cocktail", "cocktails", "faction", "factions",
    // followers of a person or party ("Bandera supporters", "Morsi loyalists")
    "supporters", "loyalists", "followers", "sympathisers", "sympathizers", "partisans",
];
/// Capitalised heads of local institutions that take their place's name (not universities,
/// hospitals or airports, which are as often named after people: "Duke University").
const INSTITUTION_NEXT: &[&str] = &[
    "police", "high", "school", "schools", "city", "council", "fire", "sheriff", "public", "regional", "community",
    "municipal", "town", "township", "area", "chamber", "board", "department", "health", "water", "housing", "utilities",
    "market", "station", "zoo", "port", "harbour", "harbor", "elementary", "middle", "governor", "governorship", "mayor",
];
/// Words that name a direction or a generic region: a name made only of them ("North East",
/// "Central", "Coast") is a place only with support from the article.
const COMPASS: &[&str] = &[
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "centre", "center",
    "coast", "coastal", "northeast", "northwest", "southeast", "southwest", "upper", "lower", "middle", "far", "north-east",
    "north-west", "south-east", "south-west", "mid", "inland", "highlands", "lowlands", "plateau",
];
/// Arabic articles written apart ("Ain er Roummaneh").
const ARTICLES: &[&str] = &["al", "el", "er", "ar", "as", "ash", "ad", "az", "an", "ech", "et", "ez", "ed", "es", "ech"];
/// Persian/Urdu ezafe and similar tails: "Nawa-e Barakzayi", "Rabat-e Sangi".
const EZAFE: &[&str] = &["e", "ye", "i", "yi", "e-"];
const PPL_WORDS: &[&str] = &["city", "town", "village", "villages", "towns", "cities", "camp", "capital", "suburb", "neighbourhood", "neighborhood"];

struct Mention {
    span: Span,
    /// Posting list offset, or a demonym/abbreviation country.
    cands: Vec<(Rec, bool)>,
    demonym: Option<(Rec, bool)>,
    single: bool,
    lexical: bool,
    sent_start: bool,
    prep_before: bool,
    admin_kw: bool,
    /// the admin word is of district level
    district_kw: bool,
    ppl_kw: bool,
    risky_neighbour: bool,
    risky_prev: bool,
    /// the tail of a longer name ("Huanzantlan del Rio")
    name_part: bool,
    /// only compass words ("North East", "Central")
    generic: bool,
    /// "Town (Region)": in parentheses right after a capitalised name, the unit containing it
    paren_unit: bool,
    /// the admin word after the name is "region", which also names a city's surroundings
    region_kw: bool,
    /// (country, admin1) of the populated-place candidates: an admin unit sharing its name
    /// with its own seat ("Aleppo") yields to the city unless the text says "governorate".
    seats: Vec<([u8; 2], u32)>,
    /// found by its transliteration skeleton only (no exact name matched)
    fuzzy: bool,
}

/// Whether the word after token `end` (separated by one space) is in `words`.
fn followed_by(text: &str, toks: &[Tok], end: usize, words: &[&str]) -> bool {
    let Some(x) = toks.get(end + 1) else { return false };
    if &text[toks[end].e..x.s] != " " {
        return false;
    }
    let mut w = lw(text, x);
    // a hyphenated word ("sub-clan")
    if let Some(y) = toks.get(end + 2) {
        if &text[x.e..y.s] == "-" {
            w.push('-');
            w.push_str(&lw(text, y));
        }
    }
    words.contains(&w.as_str())
}

fn lw(text: &str, t: &Tok) -> String {
    text[t.s..t.e].to_lowercase()
}

/// Find place mentions in `text` and resolve them. Sorted by span, non-overlapping.
pub fn geoparse(text: &str, hints: &GeoHints) -> Vec<PlaceMention> {
    let ms = mentions(text, hints);
    if ms.is_empty() {
        return Vec::new();
    }
    resolve(Gazetteer::embedded(), text, &ms, hints)
}

fn mentions(text: &str, hints: &GeoHints) -> Vec<Mention> {
    let g = Gazetteer::embedded();
    let toks = tokenize(text);
    let n = toks.len();
    let skipped = |s: usize, e: usize| hints.skip.iter().any(|k| k.overlaps(Span::new(s, e)));
    let mut mentions: Vec<Mention> = Vec::new();
    let mut key = String::new();
    // One sense per text: a one-word name written once as a party's ("the ruling Morena
    // party's candidate") is the party wherever the text names it ("Morena mayoral hopeful
    // shot dead"), not the Indian town.
    // (only after a political qualifier: "the Georgia party", "an Arlington party" are places)
    let party_names: Vec<String> = (1..n.saturating_sub(1))
        .filter(|&k| {
            toks[k].cap
                && !toks[k - 1].cap
                && followed_by(text, &toks, k, &["party", "parties"])
                && ["ruling", "opposition", "governing", "leftist", "rightist", "nationalist", "islamist", "separatist", "centrist"]
                    .iter()
                    .any(|q| text[toks[k - 1].s..toks[k - 1].e].eq_ignore_ascii_case(q))
        })
        .map(|k| normalize(&text[toks[k].s..toks[k].e]))
        .collect();
    let mut i = 0;
    while i < n {
        let t = toks[i];
        let lower_article = !t.cap
            && i + 1 < n
            && crate::norm::is_article(&text[t.s..t.e].to_ascii_lowercase())
            && &text[t.e..toks[i + 1].s] == "-"
            && toks[i + 1].cap;
        if !(t.cap || lower_article) || skipped(t.s, t.e) {
            i += 1;
            continue;
        }
        // extent of a candidate gram: up to 6 tokens joined by " " or "-" (or "." after an abbreviation)
        let mut ends = vec![i];
        let mut j = i;
        while j + 1 < n && j + 1 - i < 6 {
            let gap = &text[toks[j].e..toks[j + 1].s];
            // a possessive inside a name: "People's Republic of China"
            if matches!(gap, "'" | "\u{2019}")
                && &text[toks[j + 1].s..toks[j + 1].e] == "s"
                && j + 2 < n
                && j + 2 - i < 6
                && &text[toks[j + 1].e..toks[j + 2].s] == " "
                && toks[j + 2].cap
            {
                j += 2;
                ends.push(j);
                continue;
            }
            // (and "&" between single capitals: "J&K")
            let ok_gap = gap == " "
                || gap == "-"
                || (gap == ". " || gap == ".") && toks[j].cap && toks[j].e - toks[j].s <= 3
                || gap == "&" && toks[j].all_caps && toks[j + 1].all_caps && toks[j].e - toks[j].s == 1 && toks[j + 1].e - toks[j + 1].s == 1;
            if !ok_gap {
                break;
            }
            let nt = toks[j + 1];
            let nw = lw(text, &nt);
            if !(nt.cap || CONNECTORS.contains(&nw.as_str())) {
                break;
            }
            j += 1;
            if nt.cap {
                ends.push(j);
            }
        }
        let mut found: Option<(usize, u64)> = None;
        let mut demonym_end: Option<usize> = None;
        for &end in ends.iter().rev() {
            let s = toks[i].s;
            let e = toks[end].e;
            key.clear();
            key.push_str(&normalize(&text[s..e]));
            if key.is_empty() {
                continue;
            }
            // (a compass word alone is no name, except as the unit in parentheses after a place:
            // "San Lorenzo (Central)", which `resolve` keeps only as that place's container)
            let paren_compass = i > 0
                && toks[i - 1].cap
                && text[toks[i - 1].e..t.s].trim() == "("
                && text[t.e..].starts_with(')')
                && COMPASS.contains(&lw(text, &t).as_str());
            if end == i && g.stop.contains(&key) && !paren_compass {
                continue;
            }
            // a single word that is a demonym reads as one ("Canadian"), not as a place of that
            // name, unless an admin word follows ("Somali region" is Ethiopia's)
            let demonym_word = end == i
                && g.demonyms.get(&key).is_some_and(|v| (v >> 31) & 1 == 0)
                && !followed_by(text, &toks, end, ADMIN_WORDS);
            if let Some(off) = g.lookup_recs(&key).filter(|_| !demonym_word) {
                found = Some((end, off));
                break;
            }
            // a hyphenated name the gazetteer writes as one word ("Petion-Ville" is Pétionville),
            // when that is some record's own name (not an alias: "Kok-Tash" is no Koktash)
            if end > i && (i..end).all(|j| &text[toks[j].e..toks[j + 1].s] == "-") {
                let joined = key.replace(' ', "");
                if let Some(off) = g.lookup_recs(&joined).filter(|&off| postings(off).any(|(r, _)| normalize(r.name()) == joined)) {
                    found = Some((end, off));
                    break;
                }
            }
            {
                if let Some(v) = g.demonyms.get(&key) {
                    let is_name = (v >> 31) & 1 == 1;
                    if is_name && !t.all_caps {
                        continue;
                    }
                    let rec = Rec((v & 0x7fff_ffff) as u32);
                    demonym_end = Some(end);
                    // a demonym naming a currency ("the Lebanese pound", "Nigerian naira") says
                    // where the text is set, as a demonym does; a name before one does not ("US
                    // dollar"), nor the dollar quoted the world over ("American dollar")
                    if followed_by(text, &toks, end, CURRENCY) && (is_name || rec.cc() == *b"US") {
                        break;
                    }
                    mentions.push(Mention {
                        span: Span::new(s, e),
                        cands: vec![(rec, true)],
                        demonym: Some((rec, !is_name)),
                        single: true,
                        lexical: false,
                        sent_start: t.sent_start,
                        prep_before: false,
                        admin_kw: false,
                        district_kw: false,
                        ppl_kw: false,
                        risky_neighbour: false,
                        risky_prev: false,
                        name_part: false,
                        generic: false,
                        paren_unit: false,
                        region_kw: false,
                        seats: Vec::new(),
                        fuzzy: false,
                    });
                    break;
                }
            }
        }
        // a name glued by a hyphen to a capitalised word the gazetteer does not know is the
        // first part of a longer, unknown name ("(Donga-Mantung, North-West)" is Cameroon's
        // division, not Benin's Donga); a known word after it keeps both ("the Aleppo-Latakia
        // highway"), and so do a country ("Sudan-Chad"), a capital or city before its district
        // ("Mogadishu-Dharkenley", ACLED's "City-District") and a name of several words
        if let Some((end, off)) = found {
            if end == i && end + 1 < n && &text[toks[end].e..toks[end + 1].s] == "-" && toks[end + 1].cap {
                let known = |k: &str| g.lookup_recs(k).is_some() || g.demonyms.get(k).is_some();
                let known_run = ends.iter().filter(|&&e| e > end).any(|&e| known(&normalize(&text[toks[end + 1].s..toks[e].e])));
                let city = |r: Rec| r.is_country() || matches!(r.fcode(), "PPLC" | "PPLA") || (r.fcode().starts_with("PPL") && r.pop() >= 100_000);
                // ("the Majdel Aanjar-Masnaa road": a road between two places)
                let mut last = end + 1;
                while last + 1 < n && &text[toks[last].e..toks[last + 1].s] == "-" && toks[last + 1].cap {
                    last += 1;
                }
                let route = followed_by(text, &toks, last, &["road", "highway", "motorway", "route", "axis", "corridor", "railway", "border", "frontline", "front"]);
                if !known_run && !route && !postings(off).any(|(r, _)| city(r)) {
                    found = None;
                }
            }
        }
        // no exact name: a transliteration variant of one ("Tal Tamer" for Tall Tamr), kept only
        // where the article's own places or country cues support it (see `resolve`)
        let mut fuzzy = false;
        // (a longer run whose first word alone is a name: "Tal Tamer" is Tall Tamr, not At Tall)
        let single_exact = found.is_some_and(|(e, _)| Some(&e) != ends.last());
        // (checked first: most capitalised runs stand where no place is read, and the lookups
        // below are the costly part)
        if (found.is_none() || single_exact)
            && demonym_end.is_none()
            && fuzzy_before(text, &toks, i).is_some_and(|before| {
                ends.iter().any(|&e| Some(e) > found.map(|f| f.0) && fuzzy_after(text, &toks, e).is_some_and(|kw| before || kw))
            })
        {
            // (not from a stop word, nor across the start of an exact name: "In Port Said" is
            // Port Said)
            let own = |j: usize| {
                ends.iter().filter(|&&e| e >= j).any(|&e| {
                    let w = normalize(&text[toks[j].s..toks[e].e]);
                    (g.lookup_recs(&w).is_some() || g.demonyms.get(&w).is_some()) && !(e == j && g.stop.contains(&w))
                })
            };
            let first = normalize(&text[toks[i].s..toks[i].e]);
            // (two names side by side with no comma are one longer name: "Tal Tamer")
            let limit = if g.stop.contains(&first) {
                0
            } else if single_exact {
                usize::MAX
            } else {
                ends.iter().copied().skip(1).find(|&j| own(j)).map(|j| j - 1).unwrap_or(usize::MAX)
            };
            let exact_end = found.map(|(e, _)| e);
            for &end in ends.iter().rev().filter(|&&e| e <= limit && Some(e) > exact_end) {
                key.clear();
                key.push_str(&normalize(&text[toks[i].s..toks[end].e]));
                if end == i && (g.stop.contains(&key) || g.lexical.contains(&key)) {
                    continue;
                }
                // (a place word after the exact name is its own: "Sidon City")
                if single_exact && [ADMIN_WORDS, PPL_WORDS, INSTITUTION_NEXT].iter().any(|l| l.contains(&lw(text, &toks[end]).as_str())) {
                    continue;
                }
                let mk = strip_article(&key);
                let close = |off: u64| postings(off).any(|(r, _)| !r.is_country() && close_spelling(&mk, &strip_article(&normalize(r.name()))));
                if let Some(off) = g.lookup_skeleton(&key).filter(|&off| fuzzy_context(text, &toks, i, end) && close(off)) {
                    found = Some((end, off));
                    fuzzy = true;
                    break;
                }
            }
        }
        let Some((end, off)) = found else {
            i = demonym_end.map(|e| e + 1).unwrap_or(i + 1);
            continue;
        };
        let span = Span::new(toks[i].s, toks[end].e);
        // a saint's possessive before a capitalised word is a feast, church or square named
        // after the saint ("St. Patrick's Day", "St. Peter's Square"), not the namesake town
        let saint_possessive = end > i
            && matches!(lw(text, &toks[i]).as_str(), "st" | "saint" | "san" | "santa" | "sao" | "são")
            && toks.get(end + 1).is_some_and(|x| matches!(&text[toks[end].e..x.s], "'" | "\u{2019}") && &text[x.s..x.e] == "s")
            && toks.get(end + 2).is_some_and(|y| y.cap && &text[toks[end + 1].e..y.s] == " ")
            // (a city's possessive stays: "St. Petersburg's Hermitage")
            && postings(off).all(|(r, _)| r.pop() < 100_000 && !r.is_country());
        if saint_possessive
            || skipped(span.start, span.end)
            || followed_by(text, &toks, end, CURRENCY)
            || followed_by(text, &toks, end, GROUP_NEXT)
        {
            i = end + 1;
            continue;
        }
        let single = end == i;
        // a title before a name ("Pope John Paul II", "Governor Jim Doyle") is not a place
        if single
            && TITLES.contains(&lw(text, &t).as_str())
            && toks.get(end + 1).is_some_and(|x| x.cap && &text[t.e..x.s] == " ")
        {
            i = end + 1;
            continue;
        }
        let nkey = normalize(span.text(text));
        if end == i && party_names.contains(&nkey) {
            i = end + 1;
            continue;
        }
        let lexical = single && g.lexical.contains(&nkey);
        let prev = if i > 0 { Some(toks[i - 1]) } else { None };
        let prev_w = prev.map(|p| lw(text, &p)).unwrap_or_default();
        let prev_adjacent = prev.map(|p| {
            let gap = &text[p.e..t.s];
            gap == " " || gap == "-" || gap == ". "
        });
        let prep_before = prev.is_some() && LOC_PREPS.contains(&prev_w.as_str());
        let next = toks.get(end + 1).copied();
        let next_w = next.map(|x| lw(text, &x)).unwrap_or_default();
        let next_adjacent = next.map(|x| {
            let gap = &text[toks[end].e..x.s];
            gap == " " || gap == "-"
        }) == Some(true);
        let admin_kw = next_adjacent && ADMIN_WORDS.contains(&next_w.as_str());
        let district_kw = admin_kw && DISTRICT_WORDS.contains(&next_w.as_str());
        let ppl_kw = (next_adjacent && PPL_WORDS.contains(&next_w.as_str()))
            || (prev_w == "of" && i >= 2 && PPL_WORDS.contains(&lw(text, &toks[i - 2]).as_str()));
        // part of a longer name? (a capitalised word right before, or a title)
        let mut risky = false;
        let mut risky_prev = false;
        if let (Some(p), Some(true)) = (prev, prev_adjacent) {
            // (a capitalised place word before is a designation, not a given name: "SOS
            // Children's Village Malakal", "Camp Bastion")
            if p.cap && !p.sent_start && !PREFIX_OK.contains(&prev_w.as_str()) && !PPL_WORDS.contains(&prev_w.as_str()) && !ADMIN_WORDS.contains(&prev_w.as_str()) {
                risky_prev = true;
            }
            if p.cap && TITLES.contains(&prev_w.as_str()) {
                risky_prev = true;
            }
        }
        if single && next_adjacent && SAID.contains(&next_w.as_str()) && !prep_before {
            risky_prev = true; // "Smith said", but not "a hospital in London said"
        }
        // ("Murree road in Rawalpindi": a road named after a town, not the town; "X-Y road" joins two)
        // (only when the text then names where the road is: "the Halba highway" stays Halba)
        let road_in = single
            && next.is_some_and(|x| &text[toks[end].e..x.s] == " ")
            && toks.get(end + 2).is_some_and(|y| matches!(lw(text, y).as_str(), "in" | "of" | "near") || text[toks[end + 1].e..y.s].trim() == ",");
        if next_adjacent && STREET_WORDS.contains(&next_w.as_str()) && (next.map(|x| x.cap) == Some(true) || road_in) {
            risky = true;
        }
        let ezafe = next.is_some_and(|x| &text[toks[end].e..x.s] == "-" && !x.cap && EZAFE.contains(&lw(text, &x).as_str()));
        let paren_unit = i > 0 && toks[i - 1].cap && text[toks[i - 1].e..t.s].trim() == "(";
        let generic = (i..=end).all(|k| {
            let w = lw(text, &toks[k]);
            COMPASS.contains(&w.as_str()) || CONNECTORS.contains(&w.as_str())
        });
        // "Ain er Roummaneh", "Toba tek Singh": the head of a longer name the gazetteer lacks
        let head = next_adjacent
            && next.is_some_and(|x| !x.cap && ARTICLES.contains(&next_w.as_str()))
            && toks.get(end + 2).is_some_and(|y| y.cap && &text[toks[end + 1].e..y.s] == " ");
        // "Ah Lel Sa Khan village", "Nyaung Pin Zay ward": the head of a longer name the
        // gazetteer lacks, whose own place word follows the unknown words
        let head_of_unknown = {
            let mut j = end + 1;
            while toks.get(j).is_some_and(|x| x.cap && !x.all_caps && &text[toks[j - 1].e..x.s] == " ") && j - end <= 3 {
                j += 1;
            }
            j > end + 1
                && toks.get(j).is_some_and(|y| {
                    &text[toks[j - 1].e..y.s] == " " && {
                        let w = lw(text, y);
                        PPL_WORDS.contains(&w.as_str()) || ADMIN_WORDS.contains(&w.as_str()) || matches!(w.as_str(), "ward" | "quarter")
                    }
                })
                && postings(off).all(|(r, _)| !r.is_country() && r.fcode() != "ADM1")
        };
        let name_part = ezafe
            || head
            || head_of_unknown
            || prev_adjacent == Some(true)
            && prev.is_some_and(|p| !p.cap)
            && NAME_LINKS.contains(&prev_w.as_str())
            && i >= 2
            && toks[i - 2].cap
            && &text[toks[i - 2].e..toks[i - 1].s] == " ";
        // a local institution named after its place locates it ("Gainesville Police", "Paris High
        // School", "Vancouver International Airport")
        let institution = next_adjacent && INSTITUTION_NEXT.contains(&next_w.as_str());
        if next_adjacent && next.map(|x| x.cap) == Some(true) && !admin_kw && !ppl_kw && !institution && single {
            // "Henry Ford", "Jordan Peterson": a following capitalised word
            risky = true;
        }
        let mut cands: Vec<(Rec, bool)> = postings(off).collect();
        // a record listed under its name and an alternate that normalise alike: once, as primary
        cands.sort_by_key(|c| (c.0 .0, !c.1));
        cands.dedup_by_key(|c| c.0 .0);
        let gram = span.text(text);
        // a nickname between a person's names, and the given name before it (Joaquin "El Chapo"
        // Guzman): a person, not a place
        if person_nickname(text, span.start, span.end) {
            i = end + 1;
            continue;
        }
        // (not a dateline's city, written in capitals at the head of a line: "LIMA (AP) —",
        // "GOMA, Congo -", "KYIV - ")
        // (only the text right before the name is read: it opens the text or a line)
        let dateline_head = || {
            let before = text[..span.start].trim_end_matches([' ', '\t']);
            (before.is_empty() || before.ends_with('\n')) && text[span.end..].trim_start_matches(' ').starts_with([',', '(', '-', '\u{2014}', '\u{2013}'])
        };
        if gram.chars().filter(|c| c.is_alphabetic()).count() <= 5 && !gram.chars().any(|c| c.is_lowercase()) && !dateline_head() {
            // acronyms ("HIV", "FAO", "US") only stand for countries and first-level units
            cands.retain(|c| c.0.is_country() || c.0.fcode() == "ADM1");
            if cands.is_empty() {
                i = end + 1;
                continue;
            }
        }
        // a notable place under its own name outranks small places that merely list the name
        // as an old or alternate one ("Jerusalem" is not Courtland, Virginia)
        if cands.iter().any(|&(r, primary)| primary && (r.pop() >= 20_000 || r.is_country() || matches!(r.fcode(), "ADM1" | "PPLC" | "PPLA"))) {
            // (and towns far smaller than the largest place of that name: "Pittsburgh" is not
            // Pittsburg, California)
            let top = cands.iter().filter(|c| c.1 && c.0.fcode().starts_with("PPL")).map(|c| c.0.pop()).max().unwrap_or(0);
            cands.retain(|&(r, primary)| {
                primary || (r.pop() >= 10_000 && r.pop() >= top / 4) || r.is_curated() || r.is_admin() || r.is_country()
            });
        }
        // a variant spelling counts only where the text reads it as a place: after a
        // preposition, before a place or admin word, or inside parentheses
        if fuzzy {
            // (only the names themselves: a fuzzy "Aleppo" is not a country or a province; and
            // only records whose own name is a close spelling: "Shirqat" ~ Ash Sharqat, not a
            // record that lists some alias with the same skeleton)
            let mk = strip_article(&normalize(span.text(text)));
            cands.retain(|c| !c.0.is_country() && c.0.fcode() != "CONT" && close_spelling(&mk, &strip_article(&normalize(c.0.name()))));
            for c in cands.iter_mut() {
                c.1 = false;
            }
            if cands.is_empty() {
                i = end + 1;
                continue;
            }
        }
        let seats = cands.iter().filter(|r| r.0.fcode().starts_with("PPL")).map(|r| (r.0.cc(), r.0.a1code_id())).collect();
        mentions.push(Mention {
            span,
            seats,
            cands,
            demonym: None,
            single,
            lexical,
            sent_start: t.sent_start,
            prep_before,
            admin_kw,
            district_kw,
            ppl_kw,
            risky_neighbour: risky,
            risky_prev,
            name_part,
            generic,
            paren_unit,
            region_kw: admin_kw && matches!(next_w.as_str(), "region" | "regions"),
            fuzzy,
        });
        i = end + 1;
    }
    mentions.sort_by_key(|m| m.span);
    mentions.dedup_by_key(|m| m.span);
    mentions
}

fn feature_prior(r: Rec) -> f32 {
    // (curated world regions rank with continents: "Central Africa" is not the Central African Republic)
    if r.is_curated() && r.fcode() != "CONT" {
        return 2.5;
    }
    match r.fcode() {
        "PCLI" => 5.0,
        "CONT" => 5.0,
        "ADM1" => 2.2,
        "PPLC" | "PPLG" => 2.2,
        "PPLA" => 1.2,
        "PPLA2" => 0.6,
        "ADM2" => 0.5,
        "ADM3" => -1.0,
        "PPLX" => -0.6,
        "PPLH" | "PPLQ" | "PPLW" => -1.5,
        _ => 0.0,
    }
}

fn prior(r: Rec, m: &Mention, hint: &dyn Fn(Rec) -> f32) -> f32 {
    // curated world regions carry no population: count them as populous as a large country
    let pop = if r.fcode() == "CONT" && r.pop() == 0 { 1e8 } else { r.pop() as f32 };
    let mut s = feature_prior(r) + 0.5 * (pop + 1.0).log10() + hint(r);
    if m.district_kw {
        // "X district": the district, else its seat; a province of that name is a worse reading
        s += match r.fcode() {
            "ADM2" => 3.0,
            "ADM1" => 0.5,
            f if f.starts_with("PPL") => 0.5,
            _ => 0.0,
        };
    } else if m.admin_kw && m.region_kw && !m.cands.iter().any(|c| c.0 == r && c.1) {
        // "the Houston region" is the city's, not a unit that only lists the name as a short form
    } else if m.admin_kw {
        s += if r.is_admin() { 3.0 } else { -1.0 };
    }
    if m.ppl_kw && r.is_admin() {
        s -= 1.5;
    }
    if m.ppl_kw && r.fcode() == "CONT" {
        s -= 10.0; // "Black Sea neighbourhood": never the sea itself
    }
    // (a national capital of the same name counts wherever it lies: "Buenos Aires" the city,
    // not the province around it)
    if !m.admin_kw
        && !m.paren_unit
        && r.is_admin()
        && (m.seats.contains(&(r.cc(), r.a1code_id())) || m.cands.iter().any(|c| c.0.fcode() == "PPLC" && c.0.cc() == r.cc()))
    {
        s -= 2.5;
    }
    s
}

/// Whether `text[start..end]` is a quoted nickname between a person's given name and surname
/// (`Joaquin "El Chapo" Guzman`, `Nicolas 'Coco' Ramirez`) or the given name before one.
pub(crate) fn person_nickname(text: &str, start: usize, end: usize) -> bool {
    const OPEN: [char; 4] = ['"', '\u{201C}', '\'', '\u{2018}'];
    const CLOSE: [char; 4] = ['"', '\u{201D}', '\'', '\u{2019}'];
    let capital_word_before = |t: &str| t.strip_suffix(' ').and_then(|t| t.split(' ').next_back()).is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(char::is_alphabetic));
    let capital_word_after = |t: &str| t.strip_prefix(' ').is_some_and(|t| t.starts_with(char::is_uppercase));
    // the nickname itself: a capitalised word before its opening quote, one after its closing one
    let quoted = text[..start].strip_suffix(OPEN).is_some_and(capital_word_before) && text[end..].strip_prefix(CLOSE).is_some_and(capital_word_after);
    // the given name: a quoted capitalised nickname of a few words follows, then a surname
    let given = text[end..].strip_prefix(' ').and_then(|t| t.strip_prefix(OPEN)).is_some_and(|t| {
        t.starts_with(char::is_uppercase)
            && t.char_indices().take(30).find(|&(_, c)| CLOSE.contains(&c)).is_some_and(|(k, c)| !t[..k].contains(['.', ',']) && capital_word_after(&t[k + c.len_utf8()..]))
    });
    quoted || given
}

/// Whether the text between two mentions makes the second the unit containing the first:
/// "X, Y", "X (Y", "X in Y", "X district (Y", "X area of Y".
pub(crate) fn container_gap(gap: &str) -> bool {
    if gap.len() > 40 {
        return false;
    }
    // "X, Y", "X (Y", or a place word first: "X district (Y", "X area of Y", "X village in
    // the eastern countryside of Y"; a short lower-case phrase may precede "(" ("X residents (Y")
    let g = gap.trim();
    if matches!(g, "," | "(" | ", the" | ", (" | "(the") {
        return true;
    }
    let words: Vec<&str> = g.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).collect();
    let Some(last) = words.last() else { return false };
    if *last == "(" || last.ends_with('(') {
        let before: Vec<&str> = words[..words.len() - 1].to_vec();
        if before.len() <= 2 && before.iter().all(|w| w.chars().all(|c| c.is_lowercase() || c == '-')) {
            return true;
        }
        // place words, and an unknown unit's name before its admin word ("in Lainya county (",
        // "under Manpur Police Station limits (")
        let kw = |w: &str| {
            let l = w.to_lowercase();
            ADMIN_WORDS.contains(&l.as_str()) || CONTAINER_KW.contains(&l.as_str()) || PPL_WORDS.contains(&l.as_str())
        };
        return before.len() <= 4
            && before.iter().any(|w| kw(w))
            && before.iter().enumerate().all(|(i, w)| {
                matches!(*w, "in" | "of" | "the" | "under") || kw(w) || w.chars().next().is_some_and(char::is_uppercase) && before.get(i + 1).is_some_and(|n| kw(n))
            });
    }
    let is_kw = |w: &str| {
        ADMIN_WORDS.contains(&w) || PPL_WORDS.contains(&w) || CONTAINER_KW.contains(&w) || COMPASS.contains(&w)
    };
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let has_in = lower.iter().any(|w| w == "in");
    let has_of = lower.iter().any(|w| w == "of");
    let kw = lower.first().is_some_and(|w| is_kw(w));
    // "X village of Y district" but not "the Aley town of Ain": a town word before "of" names the next place
    let of_ok = kw && !lower.iter().any(|w| PPL_WORDS.contains(&w.as_str()));
    // "X village near Y town": Y says where X is (within a town's reach)
    let near = lower.first().is_some_and(|w| PPL_WORDS.contains(&w.as_str())) && lower.iter().any(|w| w == "near");
    // (and in a comma chain, an unknown unit before its admin word: "X village, Ponnagyun
    // Township, Sittwe District")
    let unknown_unit = |i: usize| {
        kw && g.ends_with(',') && words[i].chars().next().is_some_and(char::is_uppercase) && lower.get(i + 1).is_some_and(|n| is_kw(n))
    };
    (has_in || (has_of && of_ok) || (kw && g.ends_with(',')) || near)
        && lower.iter().enumerate().all(|(i, w)| matches!(w.as_str(), "in" | "of" | "the" | "near") || is_kw(w) || unknown_unit(i))
}

/// Whether tokens `i..=end` stand where the text reads a place, as a variant spelling needs:
/// after a place preposition (not "of" or "and", which as often join the words of an
/// organisation's name: "Ministry of Defence", "Agriculture and Forestry"), before a place or
/// admin word, or inside parentheses; and not glued to other capitalised words ("Breaking Bad").
fn fuzzy_context(text: &str, toks: &[Tok], i: usize, end: usize) -> bool {
    fuzzy_before(text, toks, i).is_some_and(|before| fuzzy_after(text, toks, end).is_some_and(|kw_after| before || kw_after))
}

/// The part of [`fuzzy_context`] before the name: `None` when glued to a capitalised word,
/// else whether the words before read a place.
fn fuzzy_before(text: &str, toks: &[Tok], i: usize) -> Option<bool> {
    let t = toks[i];
    let Some(p) = (i > 0).then(|| toks[i - 1]) else { return Some(false) };
    let gap = &text[p.e..t.s];
    let prev_w = lw(text, &p);
    if matches!(gap, " " | "-") && p.cap && !p.sent_start && !PREFIX_OK.contains(&prev_w.as_str()) {
        return None;
    }
    // ("in rural Tal Tamer": the countryside of a town, read as the town)
    let rural = prev_w == "rural" && i >= 2 && LOC_PREPS.contains(&lw(text, &toks[i - 2]).as_str()) && &text[toks[i - 2].e..p.s] == " ";
    let place_prep = LOC_PREPS.contains(&prev_w.as_str()) && !matches!(prev_w.as_str(), "of" | "and") || rural;
    // ("the town of Tal Tamer", "in the countryside of Tall Refaat", "the outskirts of ...")
    let ppl_of = prev_w == "of"
        && i >= 2
        && (PPL_WORDS.contains(&lw(text, &toks[i - 2]).as_str())
            || matches!(lw(text, &toks[i - 2]).as_str(), "countryside" | "outskirts" | "vicinity" | "suburbs" | "surroundings" | "environs" | "periphery" | "frontline" | "fronts" | "axis"));
    Some(place_prep || ppl_of || text[..t.s].trim_end().ends_with('('))
}

/// The part of [`fuzzy_context`] after the name: `None` when glued to a capitalised word, else
/// whether a place or admin word follows.
fn fuzzy_after(text: &str, toks: &[Tok], end: usize) -> Option<bool> {
    let Some(x) = toks.get(end + 1).copied() else { return Some(false) };
    if !matches!(&text[toks[end].e..x.s], " " | "-") {
        return Some(false);
    }
    if x.cap {
        return None;
    }
    let next_w = lw(text, &x);
    Some(ADMIN_WORDS.contains(&next_w.as_str()) || PPL_WORDS.contains(&next_w.as_str()))
}

/// A normalised name without its leading Arabic article ("al sharqat" -> "sharqat").
fn strip_article(k: &str) -> String {
    match k.split_once(' ') {
        Some((a, rest)) if crate::norm::is_article(a) => rest.to_string(),
        _ => k.to_string(),
    }
}

/// Two spellings of one name: edit distance (spaces ignored) at most a quarter of the length.
pub(crate) fn close_spelling(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().filter(|c| *c != ' ').collect();
    let b: Vec<char> = b.chars().filter(|c| *c != ' ').collect();
    let n = a.len().max(b.len());
    if n == 0 || a.first() != b.first() && !(matches!(a[0], 'a' | 'e' | 'i' | 'o' | 'u') && matches!(b[0], 'a' | 'e' | 'i' | 'o' | 'u')) {
        return false;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()] * 4 <= n
}

/// "X (a, Y" / "X district (a b, Y": the gap opens a parenthesis right after X (as
/// [`container_gap`] allows) and lists only unknown names before Y.
pub(crate) fn paren_container_gap(gap: &str) -> bool {
    let Some(p) = gap.find('(') else { return false };
    let (pre, inner) = (&gap[..=p], &gap[p + 1..]);
    container_gap(pre) && !inner.trim().is_empty() && paren_list_gap(inner.trim_start_matches(' '))
}

/// Between two names inside one parenthesis: a comma list of up to two short unknown names
/// ("eThekwini, ", ", Pulwama district, ").
pub(crate) fn paren_list_gap(gap: &str) -> bool {
    if gap.len() > 40 || gap.contains(['(', ')', ';', ':', '.']) || !gap.trim_end().ends_with(',') {
        return false;
    }
    let items: Vec<&str> = gap.split(',').map(str::trim).filter(|w| !w.is_empty()).collect();
    items.len() <= 2
        && items.iter().all(|it| {
            let ws: Vec<&str> = it.split_whitespace().collect();
            ws.len() <= 3
                && it.chars().any(char::is_uppercase)
                && ws.iter().all(|w| w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '\u{2019}'))
        })
}

/// Whether `r` lies inside `c` (a country, first- or second-level unit, or a town whose
/// surroundings it is).
/// A geoBoundaries unit (whose admin codes are its nearest town's) in a written container: one
/// of its province, or a district or town near it. (Kept out of line: inlined into the resolve
/// loop it cost 47 M instructions on the bench, by perturbing that loop's code generation.)
#[inline(never)]
fn unit_in_container(r: Rec, c: Rec) -> bool {
    !c.is_country() && (c.cc() == r.cc() && c.a1code_id() == r.a1code_id() || approx_km(r, c) < UNIT_NEAR_KM)
}

/// Whether the nearest written container that is a country or a first-level unit lies in
/// another country than the reading `r` (the nearest: "Coyuca de Catalan municipality, Guerrero,
/// La Familia ..." is read by Guerrero). (Not inlined: the resolve loop's code is sensitive to
/// its size.)
#[inline(never)]
fn container_abroad(r: Rec, containers: &[usize], best: &[Option<(Rec, f32)>]) -> bool {
    !r.is_country()
        && !matches!(r.fcode(), "ADM1" | "CONT")
        && containers.iter().find_map(|&f| best[f].filter(|(c, _)| c.is_country() || c.fcode() == "ADM1")).is_some_and(|(c, _)| c.cc() != r.cc())
}

/// How near another place of the text (or a written container) must lie to a geoBoundaries
/// unit to stand for it: the unit's admin codes are only its nearest town's.
const UNIT_NEAR_KM: f64 = 100.0;

fn within(r: Rec, c: Rec) -> bool {
    if r.gid() == c.gid() {
        // "Surat city (Surat, Gujarat)": the same town named twice
        return !r.is_country() && !r.is_admin();
    }
    if r.cc() != c.cc() || r.is_country() {
        return false;
    }
    if c.is_country() {
        return true;
    }
    match c.fcode() {
        "ADM1" => r.fcode() != "ADM1" && r.a1code_id() == c.a1code_id(),
        "ADM2" => {
            // admin-2 names and points are approximate: same admin-1 and near enough
            !r.is_admin() && r.a1code_id() == c.a1code_id() && ((!c.a2().is_empty() && r.a2() == c.a2()) || approx_km(r, c) < 60.0)
        }
        f if f.starts_with("PPL") => !r.is_admin() && approx_km(r, c) < 30.0,
        _ => false,
    }
}

/// Feature code of the mention's candidate with the best prior.
fn cands_top_fcode(m: &Mention) -> Option<&'static str> {
    m.cands.iter().map(|c| c.0).max_by(|a, b| feature_prior(*a).total_cmp(&feature_prior(*b)).then(a.pop().cmp(&b.pop()))).map(|r| r.fcode())
}

/// Candidates considered per mention after the prior-only pass, and their scores.
type Cands = Vec<Vec<(Rec, f32)>>;

fn resolve(g: &Gazetteer, text: &str, ms: &[Mention], hints: &GeoHints) -> Vec<PlaceMention> {
    resolve_dbg(g, text, ms, hints, None)
}

fn resolve_dbg(g: &Gazetteer, text: &str, ms: &[Mention], hints: &GeoHints, mut dbg: Option<&mut String>) -> Vec<PlaceMention> {
    // country cues; a first-level unit's cue ("UA.05") also counts for its country
    let hint_w = |cc: [u8; 2]| -> f32 {
        hints
            .countries
            .iter()
            .filter(|(c, _)| c.as_bytes().get(..2) == Some(&cc[..]) && (c.len() == 2 || c.as_bytes()[2] == b'.'))
            .map(|(_, w)| *w)
            .fold(0.0, f32::max)
    };
    let unit_hints = hints.countries.iter().any(|(c, _)| c.len() > 3);
    let unit_w = |r: Rec| -> f32 {
        if !unit_hints || r.is_country() {
            return 0.0;
        }
        let code = crate::string(r.a1code_id());
        hints
            .countries
            .iter()
            .filter(|(c, _)| c.len() > 3 && c.as_bytes()[..2] == r.cc() && &c[3..] == code)
            .map(|(_, w)| *w)
            .fold(0.0, f32::max)
    };
    let hint_r = |r: Rec| 1.5 * hint_w(r.cc()) + 2.0 * unit_w(r);
    // (a country under one of its alternate names weighs less than a town under its own: "Uman,
    // a city in central Ukraine" is not Oman, which also lists "Uman")
    let score0 = |r: Rec, primary: bool, m: &Mention| {
        prior(r, m, &hint_r)
            + match (primary, r.is_country()) {
                (true, _) => 0.8,
                (false, true) if m.cands.iter().any(|&(c, p)| p && c.fcode().starts_with("PPL")) => -2.0,
                _ => 0.0,
            }
    };
    // pass 1: priors only; prune each mention to its most plausible candidates
    let mut cands: Cands = ms
        .iter()
        .map(|m| {
            let mut v: Vec<(Rec, f32)> = m.cands.iter().map(|&(r, p)| (r, score0(r, p, m))).collect();
            v.sort_by(|a, b| b.1.total_cmp(&a.1));
            v
        })
        .collect();
    let mut best: Vec<Option<(Rec, f32)>> = cands.iter().map(|v| v.first().copied()).collect();
    let article_cc: Vec<[u8; 2]> = {
        let mut v: Vec<[u8; 2]> = best.iter().flatten().map(|b| b.0.cc()).collect();
        v.sort();
        v.dedup();
        v
    };
    for v in cands.iter_mut() {
        if v.len() > 12 {
            let mut keep: Vec<(Rec, f32)> = v[..10].to_vec();
            keep.extend(v[10..].iter().filter(|c| article_cc.contains(&c.0.cc())).take(30));
            *v = keep;
        }
    }
    // containers: "X, Y", "X (Y, Z)", "X in Y", "X district (Y)"
    let mut containers: Vec<Vec<usize>> = vec![Vec::new(); ms.len()];
    let mut explicit: Vec<bool> = vec![false; ms.len()];
    let mut contained: Vec<Vec<usize>> = vec![Vec::new(); ms.len()];
    for k in 0..ms.len().saturating_sub(1) {
        let f = k + 1;
        let unsure = |m: &Mention| m.demonym.is_some() || m.fuzzy || m.name_part || m.generic || (m.single && (m.risky_neighbour || m.risky_prev));
        let gap0 = &text[ms[k].span.end..ms[f].span.start];
        // "X (a, Y)": a unit inside the parentheses after X contains it, even when a smaller
        // unit before it is unknown ("Chatsworth (eThekwini, KwaZulu-Natal)")
        let paren = paren_container_gap(gap0);
        // "northern Yemen (Al Jawf)": a unit in parentheses after a country lies in it
        if gap0 == " (" && ms[k].demonym.is_none() && !unsure(&ms[f]) && cands_top_fcode(&ms[k]) == Some("PCLI") && cands_top_fcode(&ms[f]) != Some("PCLI") {
            containers[f].push(k);
            contained[k].push(f);
            explicit[f] = true;
            continue;
        }
        // "San Lorenzo (Central)": a unit named only with compass words, in parentheses right
        // after a place, contains it when one of its units holds a reading of the place
        let paren_generic = gap0.trim() == "("
            && ms[f].generic
            && ms[f].paren_unit
            && !ms[f].fuzzy
            && !ms[f].name_part
            && ms[k].demonym.is_none()
            && ms[f].cands.iter().any(|&(u, _)| u.is_admin() && ms[k].cands.iter().any(|&(r, _)| within(r, u)));
        if (unsure(&ms[f]) && !paren_generic) || ms[k].demonym.is_some() || !(paren || container_gap(gap0)) {
            continue;
        }
        // a unit followed by a unit of its own kind is a list ("Washington, Pennsylvania and
        // California"), not a container, unless a notable town of the first name lies in the
        // second ("Washington, D.C.")
        let unit_level = |m: &Mention| {
            cands_top_fcode(m).map(|f| match f {
                "PCLI" => 3u8,
                "ADM1" => 2,
                _ => 0,
            })
        };
        // ("X district, Y" names a unit below Y, whatever first-level units are called X; "X, Y
        // state" and "X in Y" are no lists)
        let comma = matches!(gap0.trim(), "," | "(");
        let list_like = comma && !ms[k].district_kw && !(ms[f].admin_kw && !ms[k].admin_kw);
        if let (Some(a), Some(b)) = (unit_level(&ms[k]).filter(|_| list_like), unit_level(&ms[f])) {
            if a > 0 && b <= a {
                let notable_town = |r: Rec| r.fcode().starts_with("PPL") && (matches!(r.fcode(), "PPLC" | "PPLA") || r.pop() >= 100_000);
                if ms[k].cands.iter().any(|&(r, _)| notable_town(r) && ms[f].cands.iter().any(|&(c, _)| within(r, c))) {
                    containers[k].push(f);
                    contained[f].push(k);
                }
                continue;
            }
        }
        containers[k].push(f);
        contained[f].push(k);
        // an explicit relation: parentheses, a place word or preposition ("X district of Y",
        // "X in Y"), an admin word after the unit ("X, Bolivar state"), or a chain "X, Y, Z"
        // or a list in parentheses ("village (Mambasa, Nord-Kivu)")
        let opens = text[..ms[k].span.start].trim_end().ends_with('(');
        explicit[k] = paren || opens || gap0.contains('(') || gap0.trim() != "," || ms[f].admin_kw;
        // the chain "X, Y, Z" / "X (Y, Z)" (inside parentheses, unknown names may sit between)
        let in_paren = gap0.contains('(');
        let mut last = f;
        while last + 1 < ms.len() && containers[k].len() < 3 && ms[last + 1].demonym.is_none() && !ms[last + 1].fuzzy {
            let gap = &text[ms[last].span.end..ms[last + 1].span.start];
            if !matches!(gap, ", " | "," | ", the ") && !container_gap(gap) && !(in_paren && paren_list_gap(gap)) {
                break;
            }
            explicit[k] = true;
            last += 1;
            containers[k].push(last);
            contained[last].push(k);
        }
    }
    let weak: Vec<bool> = ms
        .iter()
        .map(|m| m.name_part || m.generic || m.fuzzy)
        .collect();
    // nor do single words that look like parts of other names ("the Royal Free Hospital",
    // "Smith said"): they are seldom places, and their namesakes would pull the others
    // (nor a common word capitalised only because it opens a sentence: "Men wearing army
    // uniforms killed 60 civilians in Karma" must not pull Karma to India's "Men")
    let mute: Vec<bool> =
        ms.iter().zip(&weak).map(|(m, &w)| w || (m.single && m.lexical && (m.risky_neighbour || m.risky_prev || m.sent_start))).collect();
    // four or more names joined by commas are a list: no containers among them
    {
        let mut k = 0;
        while k < ms.len() {
            let mut e = k;
            while e + 1 < ms.len() && matches!(&text[ms[e].span.end..ms[e + 1].span.start], ", " | ", and " | ", or " | " and ") {
                e += 1;
            }
            if e - k >= 3 {
                for j in k..=e {
                    containers[j].clear();
                    contained[j].clear();
                }
            }
            k = e + 1;
        }
    }
    // passes 2..3: add context from the other mentions' current choices
    let mut scores: Vec<(f32, f32)> = vec![(0.0, 0.0); ms.len()];
    let mut follow_ok: Vec<bool> = vec![false; ms.len()];
    let mut ctx: Vec<f32> = vec![0.0; ms.len()];
    // the pruned candidate records, for container checks
    let cands_f: Vec<Vec<(Rec, f32)>> =
        (0..ms.len()).map(|k| if containers[k].is_empty() && contained[k].is_empty() { Vec::new() } else { cands[k].clone() }).collect();
    for round in 0..2 {
        // mentions that are likely parts of other names do not vote
        let snapshot: Vec<(usize, Rec)> =
            best.iter().enumerate().filter(|(k, _)| !mute[*k]).filter_map(|(k, b)| b.map(|b| (k, b.0))).collect();
        for (k, m) in ms.iter().enumerate() {
            if m.demonym.is_some() {
                continue;
            }
            let mut top = (f32::MIN, f32::MIN);
            let mut choice = None;
            for &(r, p0) in &cands[k] {
                let mut s = p0;
                let cc = r.cc();
                let a1 = r.a1code_id();
                let mut cc_support = 0.0f32;
                let mut tot_w = 0.0f32;
                let mut a1_support = 0.0f32;
                let mut near = 0.0f32;
                let mut firm_w = 0.0f32;
                let mut firm_cc = 0.0f32;
                // other first-level units of the same country ("Michigan, Oregon, New Mexico"):
                // a name among them is read at their level, not as a town namesake inside one
                let mut peers = 0.0f32;
                // the country named beside the place outweighs the article's mix ("passengers
                // arriving at Cairo airport ... in Egypt", in an article about US states); for a
                // major place only: a hamlet beside "U.S." is no more likely
                let major = !r.is_country() && r.fcode() != "CONT" && (matches!(r.fcode(), "PPLC" | "PPLA" | "ADM1") || r.pop() >= 100_000);
                let mut local = false;
                for &(o, br) in &snapshot {
                    if o == k || ms[o].span == m.span || br.gid() == r.gid() {
                        continue;
                    }
                    if major && !local && br.is_country() && br.cc() == cc && ms[o].demonym.is_none() {
                        let (a, b) = (m.span, ms[o].span);
                        let gap = if a.end <= b.start { &text[a.end..b.start] } else if b.end <= a.start { &text[b.end..a.start] } else { "" };
                        local = gap.len() <= LOCAL_GAP && !gap.contains(['.', '\n']);
                    }
                    let w = if br.is_country() || br.is_admin() { 1.0 } else { 0.6 };
                    tot_w += w;
                    // firm country evidence: country names, demonyms, first-level units
                    // (demonyms often name foreign actors: half weight; other places a little)
                    let fw = if ms[o].demonym.is_some() {
                        0.5
                    } else if br.is_country() {
                        1.0
                    } else {
                        0.3
                    };
                    firm_w += fw;
                    if br.cc() == cc {
                        firm_cc += fw;
                    }
                    if br.cc() == cc && r.fcode() == "ADM1" && br.fcode() == "ADM1" {
                        peers += 1.0;
                        // coordinated with it ("Washington, Pennsylvania and California")
                        if o + 1 == k || o == k + 1 {
                            let (a, b) = if o < k { (ms[o].span, m.span) } else { (m.span, ms[o].span) };
                            if matches!(&text[a.end..b.start], ", " | " and " | ", and " | " or " | ", or ") {
                                peers += 2.0;
                            }
                        }
                    }
                    if br.cc() == cc {
                        cc_support += w;
                        if !br.is_country() && br.a1code_id() == a1 {
                            a1_support += if br.fcode() == "ADM1" { 2.0 } else { 0.7 };
                        }
                    }
                    // (a first-level unit's point says nothing about where in it a place lies)
                    if !br.is_country() && !r.is_country() && br.fcode() != "ADM1" && near < 1.0 {
                        let d = approx_km(r, br);
                        if d < 60.0 {
                            near = 1.0;
                        } else if d < 250.0 {
                            near = near.max(0.5);
                        }
                    } else if br.is_country() && !r.is_country() && near < 1.0 && approx_km(r, br) < 30.0 {
                        // beside the point of a small country the article names ("Rome" with "the Vatican")
                        near = 1.0;
                    }
                }
                // country agreement as a share of the other mentions (mixed articles split it),
                // nearness, and same-admin-1 evidence
                let cc_term = if tot_w > 0.0 { 3.0 * cc_support / tot_w * (tot_w.min(2.0) / 2.0) } else { 0.0 };
                s += (cc_term + near).min(3.5) + a1_support.min(3.0) + PEER_BONUS * peers.min(3.0);
                if local {
                    s += LOCAL_COUNTRY;
                }
                // a place in a country the article never mentions loses to one it does mention
                let evidence = firm_w;
                if !r.is_country() && r.fcode() != "CONT" && firm_cc == 0.0 && cc_support == 0.0 && near == 0.0 && hint_w(cc) == 0.0 && evidence >= 1.0 {
                    s -= FOREIGN_PENALTY * evidence.min(3.0);
                }
                let mut fo = false;
                for &f in &containers[k] {
                    // "X, Y": Y is the admin unit or country containing X
                    if best[f].is_some_and(|(c, _)| within(r, c)) {
                        s += 4.5;
                        // a country whose name is also one of its first-level units ("Tenancingo,
                        // Mexico": México state holds one of the two Tenancingos): the town in it
                        if best[f].is_some_and(|(c, _)| c.is_country())
                            && cands_f[f].iter().any(|&(u, _)| u.fcode() == "ADM1" && u.cc() == r.cc() && within(r, u))
                        {
                            s += 1.0;
                        }
                        fo = true;
                        break;
                    }
                    // (another reading of Y, though not a small town when Y reads as a unit:
                    // "Benito Juarez, Nuevo Leon" is not the hamlet by a Nuevo León in Baja California)
                    let unit_read = best[f].is_some_and(|(b, _)| b.is_admin() || b.is_country());
                    if cands_f[f].iter().any(|&(c, _)| within(r, c) && !(unit_read && c.fcode().starts_with("PPL") && c.pop() < 100_000)) {
                        s += 3.0;
                        fo = true;
                        break;
                    }
                }
                if contained[k].iter().any(|&p| cands_f[p].iter().any(|&(c, _)| within(c, r))) {
                    s += 1.5;
                }
                if s > top.0 {
                    top = (s, top.0);
                    choice = Some((r, s, fo, s - p0));
                } else if s > top.1 {
                    top.1 = s;
                }
                if round == 1 {
                    if let Some(d) = dbg.as_deref_mut() {
                        use std::fmt::Write;
                        let _ = writeln!(
                            d,
                            "    {:<28} {} {:<5} pop {:>9} prior {:5.2} score {:5.2}{}",
                            r.name(),
                            String::from_utf8_lossy(&cc),
                            r.fcode(),
                            r.pop(),
                            p0,
                            s,
                            if fo { " contained" } else { "" }
                        );
                    }
                }
            }
            if round == 1 {
                if let Some(d) = dbg.as_deref_mut() {
                    use std::fmt::Write;
                    let _ = writeln!(d, "  [{k}] {:?} containers {:?}", m.span.text(text), containers[k]);
                }
            }
            if let Some((r, s, fo, c)) = choice {
                best[k] = Some((r, s));
                follow_ok[k] = fo;
                ctx[k] = c;
            }
            scores[k] = top;
        }
    }
    // one sense per article: a name placed by its container once ("Buffalo, New York") keeps
    // that place where it recurs alone ("Buffalo")
    for k in 0..ms.len() {
        if !follow_ok[k] || ms[k].demonym.is_some() {
            continue;
        }
        let Some((r, sc)) = best[k] else { continue };
        let name = ms[k].span.text(text);
        for o in 0..ms.len() {
            // (not its own container: "Colon (Colon)" is a town in its province)
            if o == k || follow_ok[o] || containers[k].contains(&o) || ms[o].demonym.is_some() || ms[o].span.text(text) != name {
                continue;
            }
            if best[o].map(|b| b.0) != Some(r) && ms[o].cands.iter().any(|c| c.0 == r) {
                best[o] = Some((r, sc));
                ctx[o] = ctx[o].max(ctx[k]);
                scores[o] = scores[k];
            }
        }
    }
    // names seen as part of a person name ("John Smith", "Smith said") are not places elsewhere
    let person: Vec<String> = ms
        .iter()
        .filter(|m| m.single && m.risky_prev)
        .map(|m| m.span.text(text).to_string())
        .collect();
    // the article's countries: named countries, demonyms, first-level units, outside cues
    let mut article: Vec<([u8; 2], usize)> = Vec::new();
    for (k, m) in ms.iter().enumerate() {
        if let Some((r, _)) = best[k] {
            // (and the seats of first-level units: "Idleb" read as the city still says Syria)
            // (unless its own container contradicts it)
            let seat = matches!(r.fcode(), "PPLA" | "PPLC") && (containers[k].is_empty() || follow_ok[k]);
            if r.is_country() && m.demonym.is_none() || ((r.fcode() == "ADM1" || seat) && !weak[k]) {
                article.push((r.cc(), k));
            }
        }
    }
    // the units the hints cue, by country
    let cued_units: Vec<Rec> = hints
        .countries
        .iter()
        .filter(|(c, w)| c.len() > 3 && *w > 0.0)
        .filter_map(|(c, _)| g.codes.get(c.to_ascii_uppercase()).map(|r| Rec(r as u32)))
        .filter(|u| u.fcode() == "ADM1")
        .collect();
    let outside_cued_units = |k: usize, r: Rec| {
        let m = &ms[k];
        !cued_units.is_empty()
            && !follow_ok[k]
            && m.demonym.is_none()
            && r.fcode().starts_with("PPL")
            && !matches!(r.fcode(), "PPLC" | "PPLA")
            && r.pop() < ORPHAN_POP
            && !r.is_curated()
            && cued_units.iter().any(|u| u.cc() == r.cc())
            // (GeoNames' unit codes of border villages are sometimes stale: near the unit's
            // point counts as inside; the extent of a unit's towns is too loose for this)
            && !cued_units.iter().any(|&u| r.a1code_id() == u.a1code_id() && r.cc() == u.cc() || approx_km(r, u) <= CUED_UNIT_KM)
            // (another place of the text in the same unit, or near it)
            && !(0..ms.len()).any(|o| {
                o != k && !weak[o] && ms[o].demonym.is_none() && ms[o].span.text(text) != m.span.text(text) && best[o].is_some_and(|(b, _)| !b.is_country() && b.cc() == r.cc() && (b.a1code_id() == r.a1code_id() || approx_km(r, b) < 60.0))
            })
    };
    let in_article = |cc: [u8; 2], k: usize| article.iter().any(|&(c, o)| c == cc && o != k) || hint_w(cc) >= 0.5;
    let article_known = !article.is_empty();
    let mut out: Vec<PlaceMention> = Vec::with_capacity(ms.len());
    for (k, m) in ms.iter().enumerate() {
        let Some((r, s)) = best[k] else { continue };
        // a small place in a country the article never names: a namesake far away, not a
        // confident match, ...
        let stranger = m.demonym.is_none()
            && !r.is_country()
            && !matches!(r.fcode(), "ADM1" | "CONT")
            && !r.is_curated()
            && r.pop() < ORPHAN_POP
            && !in_article(r.cc(), k);
        // ... when the article names other countries and the name is also found there, or the
        // article's other places agree on them
        let far_namesake = || {
            article_known
                && article.iter().any(|&(_, o)| o != k)
                && !follow_ok[k]
                && (m.cands.iter().any(|c| c.0.cc() != r.cc())
                    || best.iter().enumerate().filter(|(o, b)| *o != k && !weak[*o] && b.is_some_and(|b| article.iter().any(|a| a.0 == b.0.cc()))).count() >= 2)
                && !best.iter().enumerate().any(|(o, b)| o != k && b.is_some_and(|b| b.0.cc() == r.cc() && ms[o].span.text(text) != m.span.text(text)))
        };
        // ... or when it is reached only through one of its alternate names and the text's
        // countries (demonyms too) are all others: "the Malian army took the Ber camp" is no
        // report from Véroia, one of whose old names is Ber
        let old_name_abroad = || {
            !m.cands.iter().any(|c| c.0 == r && c.1)
                && ms.iter().enumerate().any(|(o, om)| o != k && best[o].is_some_and(|b| (om.demonym.is_some() || b.0.is_country()) && b.0.cc() != r.cc()))
                && !best.iter().enumerate().any(|(o, b)| o != k && b.is_some_and(|b| b.0.cc() == r.cc()))
        };
        if stranger && (far_namesake() || old_name_abroad()) {
            continue;
        }
        // a small place outside every first-level unit the text's actors are cued to (their home
        // regions: the OSCE SMM in Donetsk and Luhansk oblasts), in the country of those units,
        // that no container and no other place of the text supports: a namesake far from where
        // they operate ("near Lozove" read as the Crimean village), not a confident match
        if outside_cued_units(k, r) {
            continue;
        }
        if let Some((rec, is_dem)) = m.demonym {
            out.push(make(rec, m.span, 0.8, is_dem));
            continue;
        }
        // (a second-level unit's population is the sum of its towns': it makes no short form of
        // its name notable — "Davis" is more often a person than Davis County; "Cornwall" is
        // the unit's own name)
        let by_own_name = m.cands.iter().any(|c| c.0 == r && c.1);
        let notable = r.is_country()
            || r.fcode() == "ADM1"
            || r.fcode() == "CONT"
            || (r.pop() >= 200_000 && (r.fcode() != "ADM2" || m.admin_kw || by_own_name))
            || r.is_curated();
        let support = ctx[k];
        let strong = follow_ok[k];
        if m.name_part && !strong {
            continue;
        }
        // a variant spelling stands only inside its named container or in a country the article
        // names (or its actors point to); so does a geoBoundaries unit (ADM3: 77,600 districts
        // and communes, many sharing a name with villages elsewhere: "Husnabad village ...
        // (Birbhum district, West Bengal)" is not the Telangana mandal)
        if m.fuzzy || r.fcode() == "ADM3" {
            let ok = match containers[k].first() {
                // inside the nearest named container ("Tal Tamer in the countryside of Al-Hasakeh")
                Some(&f) => best[f].is_some_and(|(c, _)| {
                    within(r, c)
                        || (c.fcode() == "ADM1" && crate::in_admin1_extent(r, c))
                        || (c.fcode().starts_with("PPL") && approx_km(r, c) < 60.0)
                        // (a unit's admin codes are its nearest town's: a container of its
                        // province, or a district or town near it, will do — "the commune of
                        // Vohimanga (Bekily District, Androy)", "Bamba (Koro, Mopti)")
                        || (r.fcode() == "ADM3" && unit_in_container(r, c))
                }),
                // or in the first-level unit of another place the article names, or alone in a
                // country its actors point to ("Iraqi forces ... in Shirqat district")
                None => {
                    let others: Vec<Rec> =
                        (0..ms.len()).filter(|&o| o != k && !weak[o] && ms[o].demonym.is_none()).filter_map(|o| best[o].map(|b| b.0)).filter(|b| b.cc() == r.cc() && !b.is_country()).collect();
                    if others.is_empty() {
                        // (a text with no country at all, neither named nor cued: a variant
                        // whose close spellings all lie in one country is that place —
                        // "gunmen threw a grenade in Quamishli city")
                        let alone = !article_known && hints.countries.iter().all(|(_, w)| *w < 0.5) && ms.iter().enumerate().all(|(o, x)| o == k || x.demonym.is_some() || best[o].is_none());
                        in_article(r.cc(), k) || alone && m.cands.iter().all(|c| c.0.cc() == r.cc())
                    } else {
                        others.iter().any(|b| b.a1code_id() == r.a1code_id() || (r.fcode() == "ADM3" && approx_km(r, *b) < UNIT_NEAR_KM))
                    }
                }
            };
            if !ok {
                continue;
            }
        }
        // a written container in another country contradicts the reading: "Muse town (Muse,
        // Shan-North)" is not Muse, Pennsylvania (Myanmar's Muse is not in the gazetteer)
        if container_abroad(r, &containers[k], &best) {
            continue;
        }
        if m.generic && !strong && support < 1.0 {
            continue;
        }
        // "Sidon City", "Idlib governorate": a place word beside the name overrides person-likeness
        // (a country that "says" is its government speaking: "Spain says it has confirmed")
        let person_like = m.single
            && !m.ppl_kw
            && !m.admin_kw
            && !r.is_country()
            && (m.risky_prev || person.iter().any(|p| p == m.span.text(text)));
        if person_like && !strong && !(notable && !m.risky_prev && support >= 1.0) {
            continue;
        }
        if m.lexical {
            // a country before a capitalised word still names it ("the US Army"); a notable unit
            // opening a sentence counts when the article's other places agree ("Michigan,
            // Oregon, New Mexico ... report cases")
            let ok = (m.prep_before && !m.sent_start && (notable || support >= 1.0))
                || (!m.sent_start && notable && (!m.risky_neighbour || r.is_country()))
                || (m.sent_start && notable && !m.risky_neighbour && support >= 1.0)
                || strong;
            if !ok {
                continue;
            }
        }
        // glued to a capitalised word before it ("the Sahm El Golan road"): the tail of a longer
        // name unless the article supports it
        if m.risky_prev && !m.single && !strong && !notable && support < 1.0 {
            continue;
        }
        // (a second-level unit's population makes no one-word short form of it notable before
        // another capitalised word: "Ain Issa", "Ain Oussara" are not the French department)
        let notable_here = notable && !(m.single && r.fcode() == "ADM2" && !m.admin_kw);
        if m.risky_neighbour && !strong && !notable_here && (m.single || support < 1.0) {
            continue;
        }
        // (nor does a notable town's: a one-word name glued to another capitalised word, in a
        // country the article never names while its actors point to another, is the head of a
        // longer name — "Adan Yabaal" in a Somali report is not Aden)
        if m.risky_neighbour
            && m.single
            && !strong
            && r.fcode().starts_with("PPL")
            // (its other mentions do not count: "Adan" four times is still no Yemen)
            && !article.iter().any(|&(c, o)| c == r.cc() && ms[o].span.text(text) != m.span.text(text))
            && hint_w(r.cc()) < 0.5
            && hints.countries.iter().any(|(c, w)| *w >= 1.0 && c.as_bytes() != r.cc())
        {
            continue;
        }
        if m.sent_start && m.single && !notable && support < 1.0 && !m.prep_before && r.pop() < 20_000 {
            continue;
        }
        // "X, Y" where no X lies inside Y: X is coded at Y (when Y is small enough to say
        // where X is) or left out, rather than placed at a namesake elsewhere
        // A notable place yields too when the relation is explicit ("Mambasa (Nord-Kivu)" is not
        // Mombasa, Kenya), and so does a place far from the town it is said to be in ("Rihaniya
        // in al-Hasakeh" is not Riẖaniya, Israel).
        // (a first-level unit yields only to a unit or country elsewhere: "Nahri Saraj district,
        // Helmand" is not Saraj, North Macedonia)
        // The nearest container decides over a broader one further along the chain ("Jalalpur,
        // Shamli (UP)" is no Jalalpur elsewhere in Uttar Pradesh): a town far from every reading
        // of the town named right after it yields even when the state contains it.
        if strong && (!notable || explicit[k]) && r.fcode().starts_with("PPL") && containers[k].len() > 1 {
            let f = containers[k][0];
            // (a town the rest of the chain places: "Shamli" inside "UP"; not "Old City")
            let town = best[f].is_some_and(|(c, _)| c.fcode().starts_with("PPL") && containers[k][1..].iter().any(|&o| best[o].is_some_and(|(u, _)| within(c, u))));
            if town && !ms[f].cands.iter().any(|&(c, _)| within(r, c) || (c.fcode().starts_with("PPL") && c.cc() == r.cc() && approx_km(r, c) <= NEAR_KM)) {
                continue;
            }
        }
        // (a notable name with namesakes in other units of its country is as ambiguous as a small one)
        let namesakes = m.cands.iter().any(|&(o, _)| o.cc() == r.cc() && o.a1code_id() != r.a1code_id() && !o.is_country());
        // (and so is one whose named unit has no reading in its country: "a Bradford, Ontario
        // court" is not Bradford, England)
        let foreign_unit = containers[k].iter().any(|&f| {
            best[f].is_some_and(|(c, _)| c.fcode() == "ADM1" || c.is_country()) && !ms[f].cands.iter().any(|&(u, _)| u.cc() == r.cc())
        });
        if !strong && (!notable || explicit[k] || namesakes || foreign_unit) && !r.is_country() && r.fcode() != "CONT" {
            let unit = |f: usize| ms[f].cands.iter().any(|&(c, _)| c.is_admin() || c.is_country());
            let contradicts = |f: usize| {
                best[f].is_some_and(|(c, _)| {
                    if unit(f) {
                        // (GeoNames' admin-1 codes of border towns are sometimes stale:
                        // a town within the unit's extent is not a contradiction)
                        // (a notable town in the unit's own country is trusted over the unit:
                        // notes misattribute provinces more often than cities, "Sahiwal, Sindh")
                        if notable || r.fcode() == "ADM1" {
                            // (no reading of the unit in the place's country; or, when the name
                            // has namesakes in other units of that country, not in this one:
                            // "Benito Juarez, Nuevo Leon")
                            !ms[f].cands.iter().any(|&(u, _)| u.cc() == r.cc())
                                || (namesakes && r.fcode() != "ADM1" && c.fcode() == "ADM1" && c.cc() == r.cc() && !crate::in_admin1_extent(r, c))
                        } else {
                            !(c.fcode() == "ADM1" && crate::in_admin1_extent(r, c))
                        }
                    } else {
                        c.fcode().starts_with("PPL") && r.fcode() != "ADM1" && (r.cc() != c.cc() || approx_km(r, c) > NEAR_KM)
                    }
                })
            };
            if let Some(&f) = containers[k].iter().find(|&&f| contradicts(f)) {
                let c = best[f].unwrap().0;
                if FALLBACK_ADM2 && c.fcode() == "ADM2" {
                    out.push(make(c, m.span, 0.3, false));
                }
                continue;
            }
        }
        // "no confident match": a small place with no support from the article, unless the
        // name is unambiguous ("near Marinka": one country's places only) and read as a place
        let unambiguous = m.prep_before && !m.lexical && !m.sent_start && m.cands.iter().all(|c| c.0.cc() == r.cc()) && s > 1.0;
        if s < 2.2 && !unambiguous {
            continue;
        }
        let (a, b) = scores[k];
        let margin = if b == f32::MIN { 3.0 } else { a - b };
        let conf = (1.0 - (-(margin.max(0.0) + 0.3) * 0.8).exp()) * (s / 6.0).clamp(0.3, 1.0);

        out.push(make(r, m.span, conf.clamp(0.05, 0.99), false));
    }
    let _ = g;
    out
}

const FOREIGN_PENALTY: f32 = 0.5;
/// A country named in the same sentence within this many bytes of a place supports it.
const LOCAL_GAP: usize = 150;
const LOCAL_COUNTRY: f32 = 1.5;
const PEER_BONUS: f32 = 1.0;
const ORPHAN_POP: u32 = 100_000;
/// A place this close to a cued unit's point may lie in it whatever its unit code says.
const CUED_UNIT_KM: f64 = 120.0;
const FALLBACK_ADM2: bool = true;
/// A place said to be in a town lies within this distance of it.
const NEAR_KM: f64 = 150.0;

/// The parser's reasoning on `text`: each mention with its candidates and final scores.
pub fn explain(text: &str, hints: &GeoHints) -> String {
    let mut d = String::new();
    let ms = mentions(text, hints);
    let out = resolve_dbg(Gazetteer::embedded(), text, &ms, hints, Some(&mut d));
    for p in out {
        use std::fmt::Write;
        let _ = writeln!(d, "=> {:?} {} {} {} ({:.3},{:.3}) conf {:.2}", p.span.text(text), p.name, p.country_code, p.feature_code, p.latitude, p.longitude, p.confidence);
    }
    d
}

/// Equirectangular distance approximation (good to a few % under ~500 km).
fn approx_km(a: Rec, b: Rec) -> f64 {
    let (la, lb) = (a.lat(), b.lat());
    let dlat = la - lb;
    if dlat.abs() > 3.0 {
        return 1000.0;
    }
    let dlon = (a.lon() - b.lon()) * ((la + lb) * 0.5).to_radians().cos();
    111.2 * (dlat * dlat + dlon * dlon).sqrt()
}

fn make(r: Rec, span: Span, confidence: f32, demonym: bool) -> PlaceMention {
    let e = r.entry();
    PlaceMention {
        span,
        name: e.name,
        geonameid: e.geonameid,
        latitude: e.latitude,
        longitude: e.longitude,
        country_code: e.country_code,
        admin1: e.admin1_name,
        admin2: e.admin2_name,
        feature_code: e.feature_code,
        population: e.population,
        confidence,
        demonym,
    }
}

#[allow(dead_code)]
fn country_of(g: &Gazetteer, r: Rec) -> Option<Rec> {
    g.country_rec(r.cc())
}
