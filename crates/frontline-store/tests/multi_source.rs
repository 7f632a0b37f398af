//! Several reports of one event resolve to one canonical event; different events on the same
//! day in the same city do not. Fixtures: tests/fixtures/*.jsonl (paraphrases written for
//! this repository; outlets, numbers and claimants differ on purpose).

use frontline_store::{export, ExportFormat, Filter, IngestOptions, Store};
use std::path::PathBuf;

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name).to_string_lossy().into_owned()
}

fn ingest(store: &mut Store, files: &[&str]) -> frontline_store::IngestReport {
    let srcs: Vec<String> = files.iter().map(|f| fixture(f)).collect();
    store.ingest_paths(&srcs, &IngestOptions::default(), &mut |_| {}).unwrap()
}

fn market(store: &Store) -> frontline_store::CanonicalEvent {
    let evs = store.events(&Filter { event_type: Some("Shelling/artillery/missile attack".into()), ..Default::default() }, true).unwrap();
    let fasher: Vec<_> = evs.into_iter().filter(|e| e.location == "El Fasher").collect();
    assert_eq!(fasher.len(), 1, "one canonical shelling event in El Fasher: {fasher:#?}");
    fasher.into_iter().next().unwrap()
}

#[test]
fn reports_of_one_event_resolve_to_one_canonical_event() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("f.db")).unwrap();
    let r = ingest(&mut store, &["el-fasher-market.jsonl", "el-fasher-other.jsonl"]);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(r.stored, 7);
    assert_eq!(r.near_duplicates, 1, "the Sudan Tribune reprint of Reuters is a syndicated copy");

    let m = market(&store);
    assert_eq!(m.n_sources, 4, "{}", m.source);
    assert_eq!(m.n_articles, 4);
    assert_eq!(m.n_independent, 3, "Reuters and its reprint are one story");
    assert_eq!(m.event_date.as_deref(), Some("2024-06-20"));
    assert_eq!(m.first_reported.as_deref(), Some("2024-06-21"));
    assert_eq!(m.actor1, "RSF: Rapid Support Forces");
    assert!(m.event_id_cnty.starts_with("SDN"), "{}", m.event_id_cnty);
    assert_eq!(m.region, "Northern Africa");
    // Conflicting figures stay separate per claimant; the canonical one is the lowest.
    let by: Vec<(String, u64)> = m.claims.fatalities_by_claimant.iter().map(|f| (f.claimant.clone(), f.best)).collect();
    assert!(by.iter().any(|(c, n)| c == "Sudan Doctors Network" && *n == 15), "{by:?}");
    assert!(by.iter().any(|(c, n)| c == "El Fasher Resistance Committees" && *n == 23), "{by:?}");
    assert_eq!(m.fatalities, 15);
    assert_eq!(m.fatalities_low, Some(15));
    assert!(m.fatalities_high.unwrap() >= 23);
    assert!(m.rules["fatalities"].contains("conservative"), "{:?}", m.rules);
    assert!(m.rules.contains_key("event_date") && m.rules.contains_key("location"));
    let members = m.members.as_ref().unwrap();
    assert!(members.iter().any(|x| x.source == "Sudan Tribune" && x.near_duplicate_of.is_some()));
    assert!(m.notes.contains("El Fasher") && !m.notes.contains('\n'), "{}", m.notes);
}

#[test]
fn different_events_same_day_same_city_stay_apart() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("f.db")).unwrap();
    ingest(&mut store, &["el-fasher-market.jsonl", "el-fasher-other.jsonl"]);
    let all = store.events(&Filter::default(), true).unwrap();
    let m = market(&store);
    // the army's air strike on RSF positions, the women's march and the Mellit shelling are
    // their own events
    let air: Vec<_> = all.iter().filter(|e| e.sub_event_type == "Air/drone strike").collect();
    assert_eq!(air.len(), 1);
    assert_ne!(air[0].event_id_cnty, m.event_id_cnty);
    assert_eq!(air[0].n_sources, 1);
    let protest: Vec<_> = all.iter().filter(|e| e.event_type == "Protests").collect();
    assert_eq!(protest.len(), 1);
    assert_eq!(protest[0].n_reports, 1);
    assert!(all.iter().any(|e| e.location == "Mellit" && e.n_reports == 1));
}

#[test]
fn resolution_is_incremental_and_deterministic() {
    let dir = tempfile::tempdir().unwrap();
    // one run with everything
    let mut a = Store::open(dir.path().join("a.db")).unwrap();
    ingest(&mut a, &["el-fasher-market.jsonl", "el-fasher-other.jsonl"]);
    // two runs: the second file joins/starts clusters without recomputing the first
    let mut b = Store::open(dir.path().join("b.db")).unwrap();
    ingest(&mut b, &["el-fasher-market.jsonl"]);
    let before = market(&b);
    assert_eq!(before.n_sources, 4);
    ingest(&mut b, &["el-fasher-other.jsonl"]);
    let strip = |s: &Store| -> Vec<String> {
        s.events(&Filter::default(), true)
            .unwrap()
            .into_iter()
            .map(|mut e| {
                e.timestamp = 0;
                serde_json::to_string(&e).unwrap()
            })
            .collect()
    };
    assert_eq!(strip(&a), strip(&b));
    // re-ingesting is a no-op
    let again = ingest(&mut b, &["el-fasher-market.jsonl", "el-fasher-other.jsonl"]);
    assert_eq!(again.stored, 0);
    assert_eq!(again.unchanged, 7);
    assert_eq!(strip(&a), strip(&b));
}

#[test]
fn exports_have_acled_columns_and_parse_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("f.db")).unwrap();
    ingest(&mut store, &["el-fasher-market.jsonl", "el-fasher-other.jsonl"]);
    let n = store.stats().unwrap().events as usize;

    let mut csv_out: Vec<u8> = Vec::new();
    assert_eq!(export(&store, &Filter::default(), ExportFormat::AcledCsv, &mut csv_out).unwrap(), n);
    let mut rdr = csv::Reader::from_reader(&csv_out[..]);
    let headers: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(&headers[..31], &frontline_store::export::ACLED_COLUMNS.map(String::from)[..]);
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), n);
    let market = rows.iter().find(|r| r[6].starts_with("Shelling") && &r[21] == "El Fasher").unwrap();
    assert_eq!(&market[9], "Rebel group"); // inter1 as ACLED's current name
    assert!(market[25].contains("Reuters") && market[25].contains("Radio Dabanga"));
    assert_eq!(&market[28], "15");

    let mut gj: Vec<u8> = Vec::new();
    export(&store, &Filter::default(), ExportFormat::Geojson, &mut gj).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&gj).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    let f = &v["features"][0];
    assert_eq!(f["geometry"]["type"], "Point");
    assert!(f["geometry"]["coordinates"][0].as_f64().unwrap() > 20.0, "lon first");

    let mut jl: Vec<u8> = Vec::new();
    export(&store, &Filter::default(), ExportFormat::Jsonl, &mut jl).unwrap();
    for line in String::from_utf8(jl).unwrap().lines() {
        let e: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(e["members"].as_array().unwrap().len() >= 1);
    }

    let mut pl: Vec<u8> = Vec::new();
    export(&store, &Filter::default(), ExportFormat::Plover, &mut pl).unwrap();
    let first: serde_json::Value = serde_json::from_str(String::from_utf8(pl).unwrap().lines().next().unwrap()).unwrap();
    for k in ["id", "date", "event", "mode", "actor", "recipient", "dead", "location"] {
        assert!(first.get(k).is_some(), "PLOVER field {k}");
    }
}

#[test]
fn filters() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("f.db")).unwrap();
    ingest(&mut store, &["el-fasher-market.jsonl", "el-fasher-other.jsonl"]);
    let q = |f: Filter| store.events(&f, false).unwrap().len();
    let all = q(Filter::default());
    assert!(all >= 4);
    assert_eq!(q(Filter { min_sources: Some(2), ..Default::default() }), 1);
    assert_eq!(q(Filter { country: Some("SD".into()), ..Default::default() }), all);
    assert_eq!(q(Filter { country: Some("SDN".into()), ..Default::default() }), all);
    assert_eq!(q(Filter { country: Some("Syria".into()), ..Default::default() }), 0);
    assert_eq!(q(Filter { event_type: Some("protests".into()), ..Default::default() }), 1);
    assert!(q(Filter { actor: Some("rapid support".into()), ..Default::default() }) >= 3);
    let d = |s: &str| Some(s.parse().unwrap());
    assert_eq!(q(Filter { from: d("2024-06-21"), ..Default::default() }), 0);
    assert_eq!(q(Filter { from: d("2024-06-20"), to: d("2024-06-20"), ..Default::default() }), all);
    // Mellit is north of El Fasher: a box around El Fasher only
    let bbox = Filter::parse_bbox("25.2,13.5,25.5,13.8").unwrap();
    let mellit = store.events(&Filter::default(), false).unwrap().iter().filter(|e| e.location == "Mellit").count();
    assert!(mellit >= 1);
    assert_eq!(q(Filter { bbox: Some(bbox), ..Default::default() }), all - mellit);
    assert!(Filter::parse_bbox("1,2,3").is_err());
}
