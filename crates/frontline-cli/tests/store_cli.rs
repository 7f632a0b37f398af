//! `frontline ingest` / `events` / `export` end to end on the multi-source fixtures.

use std::path::PathBuf;
use std::process::Command;

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_frontline")
}

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../frontline-store/tests/fixtures")
}

#[test]
fn ingest_events_export() {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
    let dir = std::env::temp_dir().join(format!("frontline-cli-store-{}-{nanos}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("f.db");
    let out = Command::new(bin()).args(["ingest", "--json", "--db"]).arg(&db).arg(fixtures()).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rep: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rep["run"]["stored"], 7);

    // a bad record is reported with file:line and the batch goes on (exit 1)
    let bad = dir.join("bad.jsonl");
    std::fs::write(&bad, "{\"id\": \"x\"}\nnot json\n").unwrap();
    let out = Command::new(bin()).args(["ingest", "--db"]).arg(&db).arg(&bad).arg(fixtures()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.jsonl:1") && err.contains("bad.jsonl:2"), "{err}");
    assert!(err.contains("unchanged 7"), "{err}");

    let out = Command::new(bin())
        .args(["events", "--format", "jsonl", "--min-sources", "2", "--country", "SDN", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let lines: Vec<&str> = std::str::from_utf8(&out.stdout).unwrap().lines().collect();
    assert_eq!(lines.len(), 1);
    let e: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(e["fatalities"], 15);
    assert_eq!(e["n_sources"], 4);

    for (fmt, file) in [("acled-csv", "e.csv"), ("geojson", "e.geojson"), ("plover", "e.plover.jsonl"), ("jsonl", "e.jsonl"), ("parquet", "e.parquet")] {
        let out = Command::new(bin()).args(["export", "--format", fmt, "--db"]).arg(&db).arg("-o").arg(dir.join(file)).output().unwrap();
        assert!(out.status.success(), "{fmt}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(std::fs::metadata(dir.join(file)).unwrap().len() > 0);
    }
    let csv = std::fs::read_to_string(dir.join("e.csv")).unwrap();
    assert!(csv.starts_with("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp,"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// A bridged event's retired id resolves to the surviving event (`events --id`) and the
/// exports list it under `merged_from`.
#[test]
fn merged_event_id_resolves() {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
    let dir = std::env::temp_dir().join(format!("frontline-cli-bridge-{}-{nanos}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("b.db");
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../frontline-store/tests/bridge/kabkabiya.jsonl");
    let out = Command::new(bin()).args(["ingest", "--json", "--db"]).arg(&db).arg(&src).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rep: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rep["run"]["merged_events"], 1);
    assert_eq!(rep["database"]["events"], 1);
    for id in ["SDN1", "SDN2"] {
        let out = Command::new(bin()).args(["events", "--format", "jsonl", "--id", id, "--db"]).arg(&db).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let e: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(e["event_id_cnty"], "SDN1");
        assert_eq!(e["merged_from"], serde_json::json!(["SDN2"]));
        assert_eq!(e["n_reports"], 3);
    }
    let out = Command::new(bin()).args(["events", "--id", "SDN9", "--db"]).arg(&db).output().unwrap();
    assert!(!out.status.success());
    let _ = std::fs::remove_dir_all(&dir);
}
