//! Compiles the committed gazetteer (data/gazetteer/places.tsv.gz and friends) into
//! zero-copy binary tables in OUT_DIR, embedded by the library with `include_bytes!`.
//!
//! Tables (all little-endian):
//! - `records.bin`: fixed 40-byte records, one per place, in places.tsv order
//!   (geonameid u32, lat f32, lon f32, population u32, cc [u8;2], fcode u8, flags u8,
//!   name u32, admin1code u32, admin2 u32, admin1 record u32, admin1 name u32);
//!   string fields are ids into `strings.bin`/`stroff.bin`.
//! - `names.fst`: normalised name -> offset into `postings.bin` ([n u32, record u32 * n]).
//! - `skeletons.fst`: transliteration skeleton (`norm::skeleton`) -> offset into `postings.bin`.
//! - `codes.fst`: "SY" -> country record, "SY.09" -> admin1 record.
//! - `gids.bin`: (geonameid u32, record u32) sorted by geonameid.
//! - `lexical.fst`: single-word names that are common English words.
//! - `stop.fst`: words that are never places on their own.
//! - `demonyms.fst`: normalised demonym -> country record | (is_name << 31).

#[path = "src/norm.rs"]
#[allow(dead_code)]
mod norm;
#[path = "src/distance.rs"]
mod distance;

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use norm::FCODES;

struct Strings {
    blob: Vec<u8>,
    offs: Vec<u32>,
    index: HashMap<String, u32>,
}
impl Strings {
    fn id(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        let i = self.offs.len() as u32 - 1;
        self.blob.extend_from_slice(s.as_bytes());
        self.offs.push(self.blob.len() as u32);
        self.index.insert(s.to_string(), i);
        i
    }
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let data = manifest.join("../../data");
    let gaz = data.join("gazetteer");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    for f in ["places.tsv.gz", "units.tsv.gz", "lexical.txt", "stopnames.txt", "demonyms.tsv", "abbreviations.tsv", "acled_admin1.tsv"] {
        println!("cargo:rerun-if-changed={}", gaz.join(f).display());
    }
    println!("cargo:rerun-if-changed={}", data.join("countries.tsv").display());
    println!("cargo:rerun-if-changed=src/norm.rs");
    println!("cargo:rerun-if-changed=src/distance.rs");

    let mut strings = Strings { blob: Vec::new(), offs: vec![0], index: HashMap::new() };
    strings.id("");
    struct Rec {
        gid: u32,
        lat: f32,
        lon: f32,
        pop: u32,
        cc: [u8; 2],
        fcode: u8,
        name: u32,
        a1code: u32,
        a2: u32,
    }
    let common: std::collections::HashSet<String> = ["lexical.txt", "stopnames.txt"]
        .iter()
        .flat_map(|f| std::fs::read_to_string(gaz.join(f)).unwrap().lines().filter(|l| !l.starts_with('#')).map(norm::normalize).collect::<Vec<_>>())
        .collect();
    let mut recs: Vec<Rec> = Vec::new();
    let mut pairs: Vec<(String, u32)> = Vec::new();
    let mut codes: BTreeMap<String, u32> = BTreeMap::new();
    let mut cc_a1: Vec<(String, String)> = Vec::new();
    // Names of the places read so far, by country: (cc, normalised name or its skeleton) ->
    // points. A geoBoundaries unit (units.tsv.gz) that shares a name with a place within
    // UNIT_NAMESAKE_KM is that place's own unit ("Kolofata" the commune around Kolofata the
    // town): the place stands for it and the unit is not added.
    let mut named: HashMap<(String, [u8; 2]), Vec<(f32, f32)>> = HashMap::new();
    let sources = [("places.tsv.gz", false), ("units.tsv.gz", true)];
    let lines = sources.iter().flat_map(|&(f, unit)| {
        let file = std::fs::File::open(gaz.join(f)).unwrap_or_else(|e| panic!("data/gazetteer/{f}: {e}"));
        BufReader::new(flate2::read::GzDecoder::new(file)).lines().map(move |l| (l.unwrap(), unit))
    });
    for (line, unit) in lines {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        let idx = recs.len() as u32;
        let ccb = c[4].as_bytes();
        let cc = [*ccb.first().unwrap_or(&0), *ccb.get(1).unwrap_or(&0)];
        let primary = norm::normalize(c[1]);
        let alts: Vec<String> = c.get(9).map(|s| s.split('|')).into_iter().flatten().map(norm::normalize).filter(|k| !k.is_empty()).collect();
        let (lat, lon): (f32, f32) = (c[2].parse().unwrap(), c[3].parse().unwrap());
        let name_keys = || {
            std::iter::once(primary.clone()).chain(alts.iter().cloned()).flat_map(|k| [norm::skeleton(&k), k]).filter(|k| !k.is_empty())
        };
        if unit {
            let common_name = common.contains(&primary) || primary.split(' ').all(|w| COMPASS.contains(&w));
            let namesake = name_keys().any(|k| named.get(&(k, cc)).is_some_and(|pts| pts.iter().any(|&(a, b)| distance::haversine_km((a.into(), b.into()), (lat.into(), lon.into())) <= UNIT_NAMESAKE_KM)));
            if common_name || namesake || primary.len() < 3 {
                continue;
            }
        } else {
            for k in name_keys() {
                named.entry((k, cc)).or_default().push((lat, lon));
            }
        }
        let fcode = FCODES.iter().position(|f| *f == c[7]).unwrap_or(0) as u8;
        if c[7] == "PCLI" {
            codes.insert(c[4].to_string(), idx);
        } else if c[7] == "ADM1" && c[0].parse::<u32>().is_ok_and(|g| g < 990_000_000) {
            // (a curated region coded ADM1, "Kurdistan Region", lies in a unit; it is never the
            // unit of its code, even where GeoNames has no first-level unit for that code)
            codes.entry(format!("{}.{}", c[4], c[5])).or_insert(idx);
        }
        recs.push(Rec {
            gid: c[0].parse().unwrap(),
            lat,
            lon,
            pop: c[8].parse::<u64>().unwrap_or(0).min(u32::MAX as u64) as u32,
            cc,
            fcode,
            name: strings.id(c[1]),
            a1code: strings.id(c[5]),
            a2: strings.id(&deunicode::deunicode(c[6])),
        });
        cc_a1.push((c[4].to_string(), c[5].to_string()));
        // The primary name's key is flagged (high bit) in the posting list.
        let mut keys: Vec<String> = alts.into_iter().filter(|k| *k != primary).collect();
        // A second-level unit named with its unit word ("Partido de La Matanza", "Comuna
        // Poienile de sub Munte", "Municipio Libertador") is also reached by its bare name, as
        // texts write it ("the partido of La Matanza", "Libertador municipality"); not a bare
        // name that is a common word or only compass words ("Departamento Capital").
        if c[7] == "ADM2" || c[7] == "ADM3" {
            if let Some(bare) = bare_unit_name(&primary).filter(|b| b.len() >= 4 && !common.contains(*b) && !b.split(' ').all(|w| COMPASS.contains(&w))) {
                keys.push(norm::normalize(bare));
            }
        }
        keys.sort();
        keys.dedup();
        if !primary.is_empty() {
            pairs.push((primary, idx | PRIMARY));
        }
        for k in keys {
            pairs.push((k, idx));
        }
    }

    // Abbreviations of admin-1 units ("Calif.", "N.J.").
    for line in std::fs::read_to_string(gaz.join("abbreviations.tsv")).unwrap().lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() < 3 {
            continue;
        }
        let code = if c[1] == "-" { c[0].to_string() } else { format!("{}.{}", c[0], c[1]) };
        if let Some(&r) = codes.get(&code) {
            for a in c[2].split('|') {
                let k = norm::normalize(a);
                if !k.is_empty() {
                    pairs.push((k, r));
                }
            }
        }
    }

    // ACLED's English admin-1 names ("Idleb", "Aljfara", "Sala al-Din") as alternate names of
    // their units: notes name the unit that way ("Wadi al-Rabi (Aljfara)"). Names made only of
    // compass words ("North", "Central") are left out: they need no unit to be read as a place.
    for line in std::fs::read_to_string(gaz.join("acled_admin1.tsv")).unwrap().lines().skip_while(|l| l.starts_with('#')).skip(1) {
        let c: Vec<&str> = line.split('\t').map(str::trim).collect();
        if c.len() < 3 || line.starts_with('#') {
            continue;
        }
        let k = norm::normalize(c[2]);
        let generic = k.split([' ', '-']).all(|w| COMPASS.contains(&w));
        if k.is_empty() || generic {
            continue;
        }
        if let Some(&r) = codes.get(&format!("{}.{}", c[0], c[1])) {
            pairs.push((k, r));
        }
    }

    // Country names from data/countries.tsv (acled_name, geonames_name) and demonyms.
    let mut demonyms: BTreeMap<String, u32> = BTreeMap::new();
    let countries_tsv = data.join("countries.tsv");
    let (dfile, cols) = if countries_tsv.exists() {
        (countries_tsv, (0usize, 5usize, Some((3usize, 6usize))))
    } else {
        (gaz.join("demonyms.tsv"), (0, 1, None))
    };
    for line in std::fs::read_to_string(&dfile).unwrap().lines() {
        if line.starts_with('#') || line.starts_with("iso2") || line.trim().is_empty() {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        let Some(&cidx) = codes.get(c[cols.0]) else { continue };
        if let Some((a, b)) = cols.2 {
            for name in [c.get(a), c.get(b)].into_iter().flatten() {
                let k = norm::normalize(name);
                if !k.is_empty() {
                    pairs.push((k, cidx));
                }
            }
        }
        for d in c.get(cols.1).map(|s| s.split('|')).into_iter().flatten() {
            let k = norm::normalize(d);
            if k.is_empty() {
                continue;
            }
            // Abbreviations such as "US", "U.S.", "UAE" name the country; others are demonyms.
            let is_name = d.chars().all(|ch| ch.is_ascii_uppercase() || ch == '.');
            demonyms.entry(k).or_insert(cidx | ((is_name as u32) << 31));
        }
    }

    pairs.sort();
    pairs.dedup_by(|b, a| a.0 == b.0 && (a.1 & !PRIMARY) == (b.1 & !PRIMARY));
    let mut postings: Vec<u8> = Vec::new();
    write(&out, "names.fst", &posting_index(&pairs, &mut postings));

    // Transliteration skeletons of all names (norm::skeleton), their posting lists appended to
    // the same blob: looked up only when no exact name matches.
    // (not of geoBoundaries units: a spelling variant that matches nothing else is more often a
    // word or a person than one of 77,600 districts and communes)
    let mut skel: Vec<(String, u32)> = pairs
        .iter()
        .filter(|(_, r)| FCODES[recs[(r & !PRIMARY) as usize].fcode as usize] != "ADM3")
        .map(|(k, r)| (norm::skeleton(k), r & !PRIMARY))
        .filter(|(k, _)| !k.is_empty())
        .collect();
    skel.sort();
    skel.dedup();
    write(&out, "skeletons.fst", &posting_index(&skel, &mut postings));
    write(&out, "postings.bin", &postings);

    let mut codes_b = fst::MapBuilder::new(Vec::new()).unwrap();
    for (k, v) in &codes {
        codes_b.insert(k, *v as u64).unwrap();
    }
    write(&out, "codes.fst", &codes_b.into_inner().unwrap());

    let mut rb: Vec<u8> = Vec::with_capacity(recs.len() * 40);
    for (i, r) in recs.iter().enumerate() {
        let (cc, a1) = &cc_a1[i];
        let a1rec = codes.get(&format!("{cc}.{a1}")).copied().unwrap_or(u32::MAX);
        let a1name = if a1rec != u32::MAX { recs[a1rec as usize].name } else { 0 };
        rb.extend_from_slice(&r.gid.to_le_bytes());
        rb.extend_from_slice(&r.lat.to_le_bytes());
        rb.extend_from_slice(&r.lon.to_le_bytes());
        rb.extend_from_slice(&r.pop.to_le_bytes());
        rb.extend_from_slice(&r.cc);
        rb.push(r.fcode);
        rb.push(0);
        rb.extend_from_slice(&r.name.to_le_bytes());
        rb.extend_from_slice(&r.a1code.to_le_bytes());
        rb.extend_from_slice(&r.a2.to_le_bytes());
        rb.extend_from_slice(&a1rec.to_le_bytes());
        rb.extend_from_slice(&a1name.to_le_bytes());
    }
    write(&out, "records.bin", &rb);
    let mut sb = Vec::new();
    for o in &strings.offs {
        sb.extend_from_slice(&o.to_le_bytes());
    }
    write(&out, "stroff.bin", &sb);
    write(&out, "strings.bin", &strings.blob);

    let mut gids: Vec<(u32, u32)> = recs.iter().enumerate().map(|(i, r)| (r.gid, i as u32)).collect();
    gids.sort();
    let mut gb = Vec::new();
    for (g, i) in gids {
        gb.extend_from_slice(&g.to_le_bytes());
        gb.extend_from_slice(&i.to_le_bytes());
    }
    write(&out, "gids.bin", &gb);

    write(&out, "lexical.fst", &word_set(&gaz.join("lexical.txt")));
    write(&out, "stop.fst", &word_set(&gaz.join("stopnames.txt")));
    let mut db = fst::MapBuilder::new(Vec::new()).unwrap();
    for (k, v) in &demonyms {
        db.insert(k, *v as u64).unwrap();
    }
    write(&out, "demonyms.fst", &db.into_inner().unwrap());
}

const PRIMARY: u32 = 1 << 31;
/// A geoBoundaries unit this close to a place of its name (or transliteration skeleton) is
/// that place's unit, and is not added.
const UNIT_NAMESAKE_KM: f64 = 25.0;

/// Direction and generic-region words (as `parse::COMPASS`).
const COMPASS: &[&str] = &["north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "centre", "center", "mid", "middle", "far", "upper", "lower"];

/// The name of a second-level unit without its unit word, for names written with one
/// (normalised: "partido de la matanza" -> "la matanza", "thatta district" -> "thatta").
fn bare_unit_name(k: &str) -> Option<&str> {
    const PREFIXES: &[&str] = &[
        "partido de ", "partido ", "departamento de ", "departamento ", "municipio de ", "municipio ", "provincia de ",
        "provincia di ", "distrito de ", "comuna ", "municipiul ", "oras ", "amphoe ", "huyen ", "kabupaten ", "kota ",
        "powiat ", "gemeente ", "obshtina ", "okres ", "opcina ", "grad ",
    ];
    const SUFFIXES: &[&str] = &[" district", " municipality", " raion", " rayon", " ilcesi", " kommun", " kommune"];
    PREFIXES
        .iter()
        .find_map(|p| k.strip_prefix(p))
        .or_else(|| SUFFIXES.iter().find_map(|x| k.strip_suffix(x)))
        .map(str::trim)
        .filter(|b| !b.is_empty())
}

fn word_set(path: &Path) -> Vec<u8> {
    let mut words: Vec<String> = std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(norm::normalize)
        .filter(|w| !w.is_empty())
        .collect();
    words.sort();
    words.dedup();
    let mut b = fst::SetBuilder::new(Vec::new()).unwrap();
    for w in words {
        b.insert(w).unwrap();
    }
    b.into_inner().unwrap()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    let mut f = std::fs::File::create(dir.join(name)).unwrap();
    f.write_all(bytes).unwrap();
}

/// An `fst` map from each key of `sorted` (sorted by key) to the offset of its posting list,
/// appended to `postings` as a little-endian u32 count followed by the u32 records.
fn posting_index(sorted: &[(String, u32)], postings: &mut Vec<u8>) -> Vec<u8> {
    let mut map = fst::MapBuilder::new(Vec::new()).unwrap();
    for run in sorted.chunk_by(|a, b| a.0 == b.0) {
        map.insert(&run[0].0, postings.len() as u64).unwrap();
        postings.extend_from_slice(&(run.len() as u32).to_le_bytes());
        for p in run {
            postings.extend_from_slice(&p.1.to_le_bytes());
        }
    }
    map.into_inner().unwrap()
}
