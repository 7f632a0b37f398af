//! frontline-geo: an embedded GeoNames gazetteer and a context-aware geoparser.
//!
//! The gazetteer is compiled by `build.rs` from the committed `data/gazetteer/` artefacts into
//! fixed-width tables and `fst` maps that are embedded with `include_bytes!` and read in place
//! (zero-copy): opening it costs microseconds.
//!
//! [`geoparse`] finds capitalised token sequences, looks their n-grams up (longest match
//! first), filters common words and name parts, and resolves each mention with the article's
//! other places, country hints, feature type and population.

mod acled_admin1;
mod distance;
pub mod eval;
mod norm;

pub use norm::normalize;
pub use distance::haversine_km;
use norm::FCODES;

use frontline_model::Span;
use std::sync::OnceLock;

static RECORDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/records.bin"));
static STRINGS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/strings.bin"));
static STROFF: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/stroff.bin"));
static POSTINGS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/postings.bin"));
static GIDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gids.bin"));
static NAMES_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/names.fst"));
static SKELETONS_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/skeletons.fst"));
static CODES_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/codes.fst"));
static LEXICAL_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexical.fst"));
static STOP_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/stop.fst"));
static DEMONYMS_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/demonyms.fst"));

const REC: usize = 40;

#[inline]
fn u32_at(b: &[u8], off: usize) -> u32 {
    u32::from_le_bytes([b[off], b[off + 1], b[off + 2], b[off + 3]])
}
#[inline]
fn f32_at(b: &[u8], off: usize) -> f32 {
    f32::from_le_bytes([b[off], b[off + 1], b[off + 2], b[off + 3]])
}

/// The embedded gazetteer.
/// Curated places (`data/gazetteer/supplement.tsv`) have synthetic ids from 990,000,000 up
/// (990,000,000 + their line number); every other id is GeoNames'.
pub fn is_curated_id(geonameid: u32) -> bool {
    geonameid >= 990_000_000
}

pub struct Gazetteer {
    names: fst::Map<&'static [u8]>,
    skeletons: fst::Map<&'static [u8]>,
    codes: fst::Map<&'static [u8]>,
    lexical: fst::Set<&'static [u8]>,
    stop: fst::Set<&'static [u8]>,
    demonyms: fst::Map<&'static [u8]>,
}

/// One gazetteer record.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub geonameid: u32,
    pub name: String,
    pub latitude: f64,
    pub longitude: f64,
    pub country_code: String,
    pub admin1_code: String,
    /// The admin1 unit's name as ACLED writes it when `data/gazetteer/acled_admin1.tsv` lists the unit
    /// ("Aleppo"), else GeoNames' name with diacritics folded ("Halab" would be the GeoNames form).
    pub admin1_name: Option<String>,
    pub admin2_name: Option<String>,
    pub feature_code: String,
    pub population: u64,
}

/// A record handle: an index into the record table, read in place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Rec(u32);

impl Rec {
    #[inline]
    fn b(self) -> &'static [u8] {
        let o = self.0 as usize * REC;
        &RECORDS[o..o + REC]
    }
    fn gid(self) -> u32 {
        u32_at(self.b(), 0)
    }
    fn lat(self) -> f64 {
        f32_at(self.b(), 4) as f64
    }
    fn lon(self) -> f64 {
        f32_at(self.b(), 8) as f64
    }
    fn pop(self) -> u32 {
        u32_at(self.b(), 12)
    }
    fn cc(self) -> [u8; 2] {
        [self.b()[16], self.b()[17]]
    }
    fn fcode(self) -> &'static str {
        FCODES.get(self.b()[18] as usize).copied().unwrap_or("PPL")
    }
    fn name(self) -> &'static str {
        string(u32_at(self.b(), 20))
    }
    fn a1code_id(self) -> u32 {
        u32_at(self.b(), 24)
    }
    fn a2(self) -> &'static str {
        string(self.a2_id())
    }
    fn a2_id(self) -> u32 {
        u32_at(self.b(), 28)
    }
    fn name_id(self) -> u32 {
        u32_at(self.b(), 20)
    }
    #[allow(dead_code)]
    fn a1rec(self) -> Option<Rec> {
        let r = u32_at(self.b(), 32);
        (r != u32::MAX).then_some(Rec(r))
    }
    fn a1name(self) -> &'static str {
        string(u32_at(self.b(), 36))
    }
    fn is_country(self) -> bool {
        self.fcode() == "PCLI"
    }
    fn is_admin(self) -> bool {
        self.fcode().starts_with("ADM")
    }
    fn is_curated(self) -> bool {
        is_curated_id(self.gid())
    }
    fn entry(self) -> Entry {
        let a1 = self.a1name();
        let a2 = self.a2();
        Entry {
            geonameid: self.gid(),
            name: self.name().to_string(),
            latitude: self.lat(),
            longitude: self.lon(),
            country_code: String::from_utf8_lossy(&self.cc()).trim_matches('\0').to_string(),
            admin1_code: string(self.a1code_id()).to_string(),
            admin1_name: acled_admin1::acled_admin1(self.cc(), string(self.a1code_id()))
                .map(str::to_string)
                .or_else(|| (!a1.is_empty()).then(|| deunicode::deunicode(a1))),
            admin2_name: (!a2.is_empty()).then(|| a2.to_string()),
            feature_code: self.fcode().to_string(),
            population: self.pop() as u64,
        }
    }
}

/// The record with this GeoNames id (binary search of the id table).
fn rec_of(geonameid: u32) -> Option<Rec> {
    let n = GIDS.len() / 8;
    let (mut lo, mut hi) = (0usize, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        let g = u32_at(GIDS, mid * 8);
        if g < geonameid {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    (lo < n && u32_at(GIDS, lo * 8) == geonameid).then(|| Rec(u32_at(GIDS, lo * 8 + 4)))
}

fn string(id: u32) -> &'static str {
    let i = id as usize * 4;
    let (s, e) = (u32_at(STROFF, i) as usize, u32_at(STROFF, i + 4) as usize);
    std::str::from_utf8(&STRINGS[s..e]).unwrap_or("")
}

/// The records of a posting list, each with "matched on its primary name".
fn postings(off: u64) -> impl Iterator<Item = (Rec, bool)> {
    let o = off as usize;
    let n = u32_at(POSTINGS, o) as usize;
    (0..n).map(move |k| {
        let v = u32_at(POSTINGS, o + 4 + 4 * k);
        (Rec(v & 0x7fff_ffff), v >> 31 == 1)
    })
}

impl Gazetteer {
    /// The gazetteer embedded in the binary (opened once, lazily; zero-copy).
    pub fn embedded() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| Gazetteer {
            names: fst::Map::new(NAMES_FST).expect("embedded names.fst"),
            skeletons: fst::Map::new(SKELETONS_FST).expect("embedded skeletons.fst"),
            codes: fst::Map::new(CODES_FST).expect("embedded codes.fst"),
            lexical: fst::Set::new(LEXICAL_FST).expect("embedded lexical.fst"),
            stop: fst::Set::new(STOP_FST).expect("embedded stop.fst"),
            demonyms: fst::Map::new(DEMONYMS_FST).expect("embedded demonyms.fst"),
        })
    }

    /// Number of records.
    pub fn len(&self) -> usize {
        RECORDS.len() / REC
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn lookup_recs(&self, key: &str) -> Option<u64> {
        self.names.get(key)
    }

    /// Posting list of the names whose transliteration skeleton is that of `key` (normalised).
    fn lookup_skeleton(&self, key: &str) -> Option<u64> {
        let s = norm::skeleton(key);
        if s.is_empty() {
            return None;
        }
        self.skeletons.get(s)
    }

    /// All records whose name or alternate name normalises like `name`, most populous first.
    pub fn lookup(&self, name: &str) -> Vec<Entry> {
        let key = normalize(name);
        let mut recs: Vec<Rec> = self.lookup_recs(&key).map(|o| postings(o).map(|p| p.0).collect()).unwrap_or_default();
        recs.sort_by_key(|r| std::cmp::Reverse(r.pop()));
        recs.into_iter().map(Rec::entry).collect()
    }

    /// The record with this GeoNames id.
    pub fn get(&self, geonameid: u32) -> Option<Entry> {
        rec_of(geonameid).map(Rec::entry)
    }

    /// The country's GeoNames point (feature PCLI).
    pub fn country(&self, iso2: &str) -> Option<Entry> {
        self.codes.get(iso2.to_ascii_uppercase()).map(|r| Rec(r as u32).entry())
    }

    /// The first-level administrative unit (`admin1_code` as GeoNames spells it, e.g. "09").
    pub fn admin1(&self, iso2: &str, admin1_code: &str) -> Option<Entry> {
        self.codes.get(format!("{}.{}", iso2.to_ascii_uppercase(), admin1_code)).map(|r| Rec(r as u32).entry())
    }

    /// The seat of a second-level unit (given by its geonameid): its one GeoNames PPLA2, else
    /// its most populous town bearing the unit's name, else its most populous town. ACLED
    /// codes an event known only to the district at the district's capital. Built lazily on
    /// first use by one pass over the records.
    pub fn admin2_seat(&self, geonameid: u32) -> Option<Entry> {
        // (string fields are interned ids: a2 is stored folded to ASCII, as are most names)
        type Key = ([u8; 2], u32, u32);
        // (PPLA2 count, best PPLA2, best town of the unit's name, best town)
        type Seats = (u32, Option<Rec>, Option<Rec>, Option<Rec>);
        static SEATS: OnceLock<std::collections::HashMap<Key, Seats>> = OnceLock::new();
        let r = rec_of(geonameid).filter(|r| r.fcode() == "ADM2")?;
        let seats = SEATS.get_or_init(|| {
            let mut m: std::collections::HashMap<Key, Seats> = std::collections::HashMap::new();
            let more = |o: Option<Rec>, r: Rec| o.is_none_or(|o| r.pop() > o.pop());
            for k in 0..self.len() as u32 {
                let r = Rec(k);
                let a2 = r.a2_id();
                if a2 == 0 || !r.fcode().starts_with("PPL") {
                    continue;
                }
                let e = m.entry((r.cc(), r.a1code_id(), a2)).or_default();
                if r.fcode() == "PPLA2" {
                    e.0 += 1;
                    if more(e.1, r) {
                        e.1 = Some(r);
                    }
                }
                // (the unit's name is stored folded to ASCII: "Barwani" for the town Barwāni)
                let named = r.name_id() == a2 || {
                    let (n, u) = (r.name(), string(a2));
                    !n.is_ascii() && n.as_bytes().first() == u.as_bytes().first() && deunicode::deunicode(n) == u
                };
                if named && more(e.2, r) {
                    e.2 = Some(r);
                }
                if more(e.3, r) {
                    e.3 = Some(r);
                }
            }
            m
        });
        let (n2, ppla2, named, top) = *seats.get(&(r.cc(), r.a1code_id(), r.a2_id()))?;
        (if n2 == 1 { ppla2 } else { None }).or(named).or(top).map(Rec::entry)
    }

    /// The seat of a first-level unit: its GeoNames PPLA (or the national capital PPLC when
    /// that lies in the unit). ACLED codes an event known only to the province at the
    /// provincial capital. Built lazily on first use by one pass over the records.
    pub fn admin1_seat(&self, iso2: &str, admin1_code: &str) -> Option<Entry> {
        static SEATS: OnceLock<std::collections::HashMap<([u8; 2], &'static str), Rec>> = OnceLock::new();
        let seats = SEATS.get_or_init(|| {
            let mut m: std::collections::HashMap<([u8; 2], &'static str), Rec> = std::collections::HashMap::new();
            for k in 0..self.len() as u32 {
                let r = Rec(k);
                let rank = match r.fcode() {
                    "PPLA" => 2,
                    "PPLC" => 1,
                    _ => continue,
                };
                let key = (r.cc(), string(r.a1code_id()));
                let better = match m.get(&key) {
                    None => true,
                    Some(o) => {
                        let orank = if o.fcode() == "PPLA" { 2 } else { 1 };
                        (rank, r.pop()) > (orank, o.pop())
                    }
                };
                if better {
                    m.insert(key, r);
                }
            }
            m
        });
        let cc = iso2.to_ascii_uppercase();
        let cc: [u8; 2] = cc.as_bytes().try_into().ok()?;
        let unit = self.codes.get(format!("{}.{}", iso2.to_ascii_uppercase(), admin1_code)).map(|r| Rec(r as u32))?;
        seats.get(&(cc, string(unit.a1code_id()))).map(|r| r.entry())
    }

    /// The [`GeoHints`] key ("UA.05") of the first-level unit of country `iso2` called `name`
    /// (any of its names: "Donetsk", "Donetska oblast").
    pub fn admin1_hint(&self, iso2: &str, name: &str) -> Option<String> {
        let cc = iso2.to_ascii_uppercase();
        let off = self.lookup_recs(&normalize(name))?;
        postings(off)
            .map(|p| p.0)
            .find(|r| r.fcode() == "ADM1" && r.cc() == cc.as_bytes())
            .map(|r| format!("{cc}.{}", string(r.a1code_id())))
    }

    /// The country a demonym ("Syrian", "Syrians") stands for.
    pub fn demonym(&self, word: &str) -> Option<Entry> {
        self.demonyms.get(normalize(word)).map(|v| Rec((v & 0x7fff_ffff) as u32).entry())
    }

    fn country_rec(&self, cc: [u8; 2]) -> Option<Rec> {
        self.codes.get(cc).map(|r| Rec(r as u32))
    }
}

/// Whether `r` lies within the extent (bounding box of its populated places, 0.2° margin) of
/// the first-level unit `unit`. Built lazily on first use by one pass over the records.
fn in_admin1_extent(r: Rec, unit: Rec) -> bool {
    type Boxes = std::collections::HashMap<([u8; 2], u32), [f32; 4]>;
    static BOXES: OnceLock<Boxes> = OnceLock::new();
    if r.cc() != unit.cc() {
        return false;
    }
    let boxes = BOXES.get_or_init(|| {
        let mut m: Boxes = std::collections::HashMap::new();
        for k in 0..(RECORDS.len() / REC) as u32 {
            let p = Rec(k);
            if !p.fcode().starts_with("PPL") {
                continue;
            }
            let (la, lo) = (f32_at(p.b(), 4), f32_at(p.b(), 8));
            let b = m.entry((p.cc(), p.a1code_id())).or_insert([la, la, lo, lo]);
            b[0] = b[0].min(la);
            b[1] = b[1].max(la);
            b[2] = b[2].min(lo);
            b[3] = b[3].max(lo);
        }
        m
    });
    let Some(b) = boxes.get(&(unit.cc(), unit.a1code_id())) else { return r.a1code_id() == unit.a1code_id() };
    let (la, lo) = (r.lat() as f32, r.lon() as f32);
    la >= b[0] - 0.2 && la <= b[1] + 0.2 && lo >= b[2] - 0.2 && lo <= b[3] + 0.2
}


/// Cues from outside the text: countries (iso2, weight 0..1) that the article is likely
/// about (from actors, source, ...), and spans to ignore (boilerplate). An entry may also name
/// a first-level unit as "CC.code" (GeoNames admin-1 code, see [`Gazetteer::admin1_hint`]):
/// "UA.05" (Donetsk) favours the namesakes inside that unit and counts for its country.
#[derive(Clone, Debug, Default)]
pub struct GeoHints {
    pub countries: Vec<(String, f32)>,
    pub skip: Vec<Span>,
}

mod parse;
pub use parse::{explain, geoparse};

#[cfg(test)]
mod tests;
