//! Bridging: a report compatible with two canonical events that are compatible with each
//! other once it has joined one merges them into the older one; the retired event id stays
//! resolvable. Fixtures: tests/bridge/*.jsonl (paraphrases written for this repository).
//!
//! * `kabkabiya.jsonl`: Radio Dabanga names only the attackers (RSF) and the town; Sudan
//!   Tribune only the army and the state; their actors do not overlap, so each starts an
//!   event. AFP names both sides in the town: it joins the first, whose actors now include
//!   the army, and the two merge — one battle with three reports.
//! * `el-fasher-thursday.jsonl`: the RSF's shelling of the market and the army's drone strike
//!   on the RSF, same city, same day, and a third report of explosions naming no one: it is
//!   compatible with both but the two are not compatible with each other (different
//!   initiators), so they stay apart.

use std::path::PathBuf;

use frontline_store::{export, ExportFormat, Filter, IngestOptions, Store};

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/bridge").join(name).to_string_lossy().into_owned()
}

mod common;

fn snapshot(s: &Store) -> String {
    common::snapshot(s, false)
}

fn aliases(s: &Store) -> Vec<(i64, String, i64)> {
    s.connection()
        .prepare("SELECT cluster_id, event_id_cnty, merged_into FROM cluster_aliases ORDER BY cluster_id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

#[test]
fn a_report_naming_both_sides_bridges_two_events() {
    let dir = tempfile::tempdir().unwrap();
    let mut snaps = Vec::new();
    for batch in [1usize, 500] {
        let mut s = Store::open(dir.path().join(format!("k{batch}.db"))).unwrap();
        let r = s.ingest_paths(&[fixture("kabkabiya.jsonl")], &IngestOptions { batch_size: batch, ..Default::default() }, &mut |_| {}).unwrap();
        assert!(r.errors.is_empty(), "{:?}", r.errors);
        assert_eq!((r.stored, r.reports, r.new_events, r.joined_events, r.merged_events), (3, 3, 2, 1, 1), "{r:?}");
        let evs = s.events(&Filter::default(), true).unwrap();
        assert_eq!(evs.len(), 1, "{evs:#?}");
        let e = &evs[0];
        assert_eq!(e.n_reports, 3);
        assert_eq!(e.n_sources, 3, "{}", e.source);
        assert_eq!(e.sub_event_type, "Armed clash");
        assert_eq!(e.event_date.as_deref(), Some("2024-07-06"));
        // The merged event takes the most precise place (the town, not the state).
        assert_eq!(e.geo_precision, 1);
        assert!(e.location.starts_with("Kabk"), "{}", e.location);
        // The oldest id survives; the retired one is recorded and resolves to it.
        assert_eq!(e.event_id_cnty, "SDN1");
        assert_eq!(e.merged_from, vec!["SDN2".to_string()]);
        assert_eq!(aliases(&s), vec![(2, "SDN2".to_string(), 1)]);
        assert_eq!(s.event("SDN2", false).unwrap().unwrap().event_id_cnty, "SDN1");
        assert_eq!(s.resolve_event_id("SDN1").unwrap().as_deref(), Some("SDN1"));
        assert_eq!(s.resolve_event_id("SDN3").unwrap(), None);
        // Claims and sources of all three reports are recomputed on the survivor.
        let members = e.members.as_ref().unwrap();
        let sources: Vec<&str> = members.iter().map(|m| m.source.as_str()).collect();
        assert_eq!(sources, ["Radio Dabanga", "Sudan Tribune", "AFP"]);
        assert!(members[2].match_rule.contains("bridged: merged SDN2 into SDN1"), "{}", members[2].match_rule);
        let arts: std::collections::BTreeSet<&str> = e.claims.claims.iter().map(|c| c.article.as_str()).collect();
        assert_eq!(arts.len(), 3, "{arts:?}");
        assert!(e.actor1.contains("Rapid Support Forces") || e.actor2.contains("Rapid Support Forces"));
        // No orphan rows: every report is in the surviving cluster, the R*Tree holds it only.
        let (clusters, rt): (i64, i64) = s
            .connection()
            .query_row("SELECT (SELECT count(*) FROM clusters), (SELECT count(*) FROM cluster_rt)", [], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap();
        assert_eq!((clusters, rt), (1, 1));
        // Exports carry the retired id.
        let mut csv = Vec::new();
        export(&s, &Filter::default(), ExportFormat::AcledCsv, &mut csv).unwrap();
        let csv = String::from_utf8(csv).unwrap();
        assert!(csv.lines().next().unwrap().ends_with(",merged_from"));
        assert!(csv.lines().nth(1).unwrap().ends_with(",SDN2"), "{csv}");
        let mut pl = Vec::new();
        export(&s, &Filter::default(), ExportFormat::Plover, &mut pl).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&pl).unwrap();
        assert_eq!(v["merged_ids"], serde_json::json!(["SDN2"]));
        // Re-ingesting changes nothing.
        let r = s.ingest_paths(&[fixture("kabkabiya.jsonl")], &IngestOptions::default(), &mut |_| {}).unwrap();
        assert_eq!((r.stored, r.unchanged, r.merged_events), (0, 3, 0));
        snaps.push(snapshot(&s));
    }
    assert_eq!(snaps[0], snaps[1], "batch size changes nothing");

    // Incremental: the first two reports in one run, the bridge in a later one.
    let text = std::fs::read_to_string(fixture("kabkabiya.jsonl")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let (first, last) = (dir.path().join("first.jsonl"), dir.path().join("last.jsonl"));
    std::fs::write(&first, format!("{}\n{}\n", lines[0], lines[1])).unwrap();
    std::fs::write(&last, format!("{}\n", lines[2])).unwrap();
    let mut s = Store::open(dir.path().join("inc.db")).unwrap();
    s.ingest_paths(&[first.to_string_lossy().into_owned()], &IngestOptions::default(), &mut |_| {}).unwrap();
    assert_eq!(s.stats().unwrap().events, 2);
    s.ingest_paths(&[last.to_string_lossy().into_owned()], &IngestOptions::default(), &mut |_| {}).unwrap();
    assert_eq!(snapshot(&s), snaps[0]);
}

#[test]
fn two_events_same_day_same_city_are_not_bridged() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path().join("f.db")).unwrap();
    let r = s.ingest_paths(&[fixture("el-fasher-thursday.jsonl")], &IngestOptions::default(), &mut |_| {}).unwrap();
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!((r.reports, r.new_events, r.joined_events, r.merged_events), (3, 2, 1, 0), "{r:?}");
    let evs = s.events(&Filter::default(), true).unwrap();
    assert_eq!(evs.len(), 2, "{evs:#?}");
    let shelling = evs.iter().find(|e| e.sub_event_type == "Shelling/artillery/missile attack").unwrap();
    let strike = evs.iter().find(|e| e.sub_event_type == "Air/drone strike").unwrap();
    assert_eq!(shelling.n_reports, 2, "the unattributed explosions join the shelling");
    assert_eq!(strike.n_reports, 1);
    assert!(shelling.merged_from.is_empty() && strike.merged_from.is_empty());
    assert!(aliases(&s).is_empty());
}
