//! `frontline serve`: every API endpoint over HTTP against the real binary, including auth
//! failures, bad parameters and limits. The fixture database is filled with `frontline ingest`.

mod serve_support;

use std::collections::BTreeSet;

use serde_json::Value;
use serve_support::*;

fn ids(v: &Value) -> Vec<String> {
    v["events"].as_array().unwrap().iter().map(|e| e["id"].as_str().unwrap().to_string()).collect()
}

#[test]
fn health_openapi_page_and_assets() {
    let s = Server::start(&fixture_db(), &[]);
    let h = s.get("/api/health");
    assert_eq!(h.status, 200);
    assert_eq!(h.json()["writes"], false);

    let o = s.get("/openapi.json");
    assert_eq!(o.status, 200);
    let doc = o.json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for p in ["/api/events", "/api/events/{id}", "/api/articles/{id}", "/api/stats", "/api/export", "/api/health"] {
        assert!(doc["paths"][p]["get"].is_object(), "OpenAPI lacks GET {p}");
    }
    assert!(doc["paths"]["/api/articles"]["post"].is_object());
    assert_eq!(doc["components"]["securitySchemes"]["bearer"]["scheme"], "bearer");
    for schema in ["EventPage", "EventDetail", "Article", "StatsResponse", "IngestResponse", "ErrorBody"] {
        assert!(doc["components"]["schemas"][schema].is_object(), "OpenAPI lacks schema {schema}");
    }

    let page = s.get("/");
    assert_eq!(page.status, 200);
    assert!(page.header("content-type").unwrap().starts_with("text/html"));
    let csp = page.header("content-security-policy").unwrap();
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-eval"), "{csp}");
    assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
    let html = page.text();
    assert!(!html.contains("http://") && !html.contains("https://"), "the page must load nothing from the internet");
    for asset in ["/assets/app.js", "/assets/app.css", "/assets/vendor/leaflet/leaflet.js", "/assets/vendor/world-atlas/countries-50m.json"] {
        let a = s.get(asset);
        assert_eq!(a.status, 200, "{asset}");
        assert!(!a.body.is_empty());
    }
    s.get("/assets/nope.js").assert_error(404, "not_found");
    s.get("/api/nope").assert_error(404, "not_found");
    request(s.addr, "DELETE", "/api/events", &[], None).assert_error(405, "method_not_allowed");
}

#[test]
fn events_list_filters_and_cursor_pagination() {
    let s = Server::start(&fixture_db(), &[]);
    let all = s.get("/api/events?limit=5000").json();
    let total = all["total"].as_u64().unwrap();
    assert!(total >= 5, "fixture too small: {all}");
    assert_eq!(all["events"].as_array().unwrap().len() as u64, total);
    assert!(all["next_cursor"].is_null());

    // Walk pages of 2: every event exactly once, in the same order.
    let mut walked = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(c) => format!("/api/events?limit=2&cursor={c}"),
            None => "/api/events?limit=2".into(),
        };
        let p = s.get(&path).json();
        assert_eq!(p["total"].as_u64().unwrap(), total);
        walked.extend(ids(&p));
        match p["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => break,
        }
        assert!(walked.len() as u64 <= total, "pagination does not end");
    }
    assert_eq!(walked, ids(&all));

    let ev = |q: &str| -> Vec<Value> { s.get(&format!("/api/events?limit=5000&{q}")).json()["events"].as_array().unwrap().clone() };
    let syr = ev("country=SYR");
    assert!(!syr.is_empty());
    assert!(syr.iter().all(|e| e["iso3"] == "SYR"));
    assert_eq!(ev("country=Syria").len(), syr.len());
    assert_eq!(ev("country=sy").len(), syr.len());
    let battles = ev("event_type=Battles");
    assert!(!battles.is_empty() && battles.iter().all(|e| e["event_type"] == "Battles"));
    let clash = ev("sub_event_type=armed%20clash");
    assert!(!clash.is_empty() && clash.iter().all(|e| e["sub_event_type"] == "Armed clash"));
    // A box around Khartoum–Darfur (Sudan) only.
    let sudan_box = ev("bbox=21,10,35,20");
    assert!(!sudan_box.is_empty());
    assert!(sudan_box.iter().all(|e| e["country"] == "Sudan"), "{sudan_box:?}");
    let dated = ev("from=2024-11-26&to=2024-11-28");
    assert!(!dated.is_empty());
    for e in &dated {
        let d0 = e["event_date"].as_str().unwrap();
        let d1 = e["event_date_end"].as_str().unwrap_or(d0);
        assert!(d1 >= "2024-11-26" && d0 <= "2024-11-28", "{e}");
    }
    let multi = ev("min_sources=2");
    assert!(multi.iter().all(|e| e["n_sources"].as_u64().unwrap() >= 2));
    let m23 = ev("actor=m23");
    assert!(!m23.is_empty() && m23.iter().all(|e| e.to_string().contains("M23")), "{m23:?}");
    // Text search reaches the member articles' text ("fuel prices" is only in the Nairobi article).
    let fuel = ev("q=fuel%20prices");
    assert!(!fuel.is_empty() && fuel.iter().all(|e| e["country"] == "Kenya"), "{fuel:?}");
    assert!(ev("q=no-such-words-anywhere").is_empty());
    // SQL metacharacters are data, not SQL.
    assert!(ev("q=%27%3B%20DROP%20TABLE%20clusters%3B--").is_empty());
    assert!(ev("actor=%25").is_empty());
    assert_eq!(s.get("/api/events?limit=5000").json()["total"].as_u64().unwrap(), total);
}

#[test]
fn events_bad_parameters() {
    let s = Server::start(&fixture_db(), &[]);
    for q in [
        "from=2024-13-01",
        "to=yesterday",
        "from=2024-12-01&to=2024-11-01",
        "bbox=1,2,3",
        "bbox=10,10,0,0",
        "bbox=a,b,c,d",
        "bbox=-200,0,0,10",
        "limit=0",
        "limit=5001",
        "limit=abc",
        "min_sources=-1",
        "colour=red",
    ] {
        s.get(&format!("/api/events?{q}")).assert_error(400, "bad_parameter");
        s.get(&format!("/api/stats?{q}")).assert_error(400, "bad_parameter");
    }
    s.get("/api/events?cursor=xyz").assert_error(400, "bad_cursor");
    s.get("/api/events?cursor=d12.x").assert_error(400, "bad_cursor");
    let long = "x".repeat(201);
    s.get(&format!("/api/events?q={long}")).assert_error(400, "bad_parameter");
}

#[test]
fn event_detail_and_article_spans() {
    let s = Server::start(&fixture_db(), &[]);
    let all = s.get("/api/events?limit=5000").json();
    let mut saw_evidence = false;
    for id in ids(&all) {
        let d = s.get(&format!("/api/events/{id}"));
        assert_eq!(d.status, 200);
        let d = d.json();
        assert_eq!(d["id"], id);
        let reports = d["reports"].as_array().unwrap();
        assert!(!reports.is_empty());
        assert_eq!(reports.len() as u64, d["n_reports"].as_u64().unwrap());
        assert!(d["claims"].is_array() && d["fatalities_by_claimant"].is_array() && d["rules"].is_object());
        for r in reports {
            let a = s.get(&format!("/api/articles/{}", r["article_id"]));
            assert_eq!(a.status, 200);
            let a = a.json();
            let chars: Vec<char> = a["text"].as_str().unwrap().chars().collect();
            // Evidence offsets are characters of the stored text.
            for e in r["evidence"].as_array().unwrap() {
                let (st, en) = (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize);
                assert!(st < en && en <= chars.len());
                assert_eq!(chars[st..en].iter().collect::<String>(), e["text"].as_str().unwrap());
                saw_evidence = true;
            }
            let spans = a["spans"].as_array().unwrap();
            let kinds: BTreeSet<&str> = spans.iter().map(|x| x["kind"].as_str().unwrap()).collect();
            assert!(kinds.contains("evidence") && kinds.contains("place"), "{kinds:?}");
            assert!(spans.iter().all(|x| x["end"].as_u64().unwrap() as usize <= chars.len()));
            assert!(a["events"].as_array().unwrap().iter().any(|e| e["canonical_id"] == id));
        }
    }
    assert!(saw_evidence);
    // Claimants side by side: the seed article's Aleppo strike has its claimant's figure.
    let multi = s.get("/api/events?limit=5000&min_sources=2").json();
    for id in ids(&multi) {
        let d = s.get(&format!("/api/events/{id}")).json();
        let outlets: BTreeSet<&str> = d["reports"].as_array().unwrap().iter().map(|r| r["source"].as_str().unwrap()).collect();
        assert!(outlets.len() >= 2, "{d}");
    }
    s.get("/api/events/XXX999").assert_error(404, "not_found");
    s.get("/api/articles/999999").assert_error(404, "not_found");
    s.get("/api/articles/abc").assert_error(400, "bad_parameter");
    s.get("/api/articles/-1").assert_error(400, "bad_parameter");
}

#[test]
fn stats_counts() {
    let s = Server::start(&fixture_db(), &[]);
    let st = s.get("/api/stats").json();
    let total = s.get("/api/events?limit=5000").json()["total"].as_u64().unwrap();
    assert_eq!(st["events"].as_u64().unwrap(), total);
    let sum = |k: &str| st[k].as_array().unwrap().iter().map(|x| x["count"].as_u64().unwrap()).sum::<u64>();
    assert_eq!(sum("by_type"), total);
    assert_eq!(sum("by_sub_type"), total);
    assert_eq!(sum("by_country"), total);
    assert!(sum("by_day") <= total && sum("by_day") > 0);
    let days: Vec<&str> = st["by_day"].as_array().unwrap().iter().map(|d| d["date"].as_str().unwrap()).collect();
    assert!(days.windows(2).all(|w| w[0] < w[1]));
    assert!(st["database"]["articles"].as_u64().unwrap() >= 5);
    let syr = s.get("/api/stats?country=SYR").json();
    assert!(syr["by_country"].as_array().unwrap().iter().all(|c| c["iso3"] == "SYR"));
}

#[test]
fn export_streams_every_format() {
    let s = Server::start(&fixture_db(), &[]);
    let total = s.get("/api/events?limit=5000").json()["total"].as_u64().unwrap() as usize;
    let csv = s.get("/api/export?format=acled-csv");
    assert_eq!(csv.status, 200);
    assert!(csv.header("content-type").unwrap().starts_with("text/csv"));
    assert!(csv.header("content-disposition").unwrap().contains("frontline-events.csv"));
    let text = csv.text();
    assert!(text.starts_with("event_id_cnty,event_date,year,"));
    let jsonl = s.get("/api/export?format=jsonl");
    assert_eq!(jsonl.status, 200);
    let lines: Vec<Value> = jsonl.text().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), total);
    let geo = s.get("/api/export?format=geojson").json();
    assert_eq!(geo["type"], "FeatureCollection");
    assert_eq!(geo["features"].as_array().unwrap().len(), total);
    let plover = s.get("/api/export?format=plover");
    assert_eq!(plover.status, 200);
    assert_eq!(plover.text().lines().count(), total);
    let pq = s.get("/api/export?format=parquet");
    assert_eq!(pq.status, 200);
    assert!(pq.body.starts_with(b"PAR1") && pq.body.ends_with(b"PAR1"));
    // Filters apply, as in `frontline export`.
    let syr = s.get("/api/export?format=jsonl&country=SYR").text();
    let n_syr = s.get("/api/events?limit=5000&country=SYR").json()["total"].as_u64().unwrap() as usize;
    assert_eq!(syr.lines().count(), n_syr);
    assert_eq!(s.get("/api/export?format=jsonl&limit=1").text().lines().count(), 1);
    // Same bytes as the CLI.
    let cli = std::process::Command::new(bin()).args(["export", "--format", "jsonl", "--db"]).arg(fixture_db()).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&cli.stdout).lines().count(), total);
    s.get("/api/export?format=xml").assert_error(400, "bad_parameter");
    s.get("/api/export?format=csv&q=aleppo").assert_error(400, "bad_parameter");
    s.get("/api/export?format=csv&from=2024-02-30").assert_error(400, "bad_parameter");
    s.get("/api/export?format=csv&event_type=Battles&sub_event_type=Armed%20clash").assert_error(400, "unsupported_parameter");
}

const NEW_ARTICLE: &str = r#"{"id":"api-test-1","source":"Test Wire","published":"2024-12-02","text":"Clashes in Homs\n\nHOMS, Syria, Dec 2 (Test Wire) - Syrian government forces clashed with Hayat Tahrir al-Sham fighters near Homs on Monday, killing four fighters, a monitor said."}"#;

#[test]
fn ingest_requires_a_token() {
    let (_d, db) = fixture_copy("noauth");
    // No token configured: writes are disabled whatever the request carries.
    let s = Server::start(&db, &[]);
    s.post("/api/articles", None, NEW_ARTICLE.as_bytes()).assert_error(403, "writes_disabled");
    s.post("/api/articles", Some("anything"), NEW_ARTICLE.as_bytes()).assert_error(403, "writes_disabled");
    drop(s);
    let s = Server::start(&db, &["--token", TOKEN]);
    let r = s.post("/api/articles", None, NEW_ARTICLE.as_bytes());
    r.assert_error(401, "unauthorized");
    assert_eq!(r.header("www-authenticate"), Some("Bearer"));
    s.post("/api/articles", Some("wrong-token"), NEW_ARTICLE.as_bytes()).assert_error(401, "unauthorized");
    request(s.addr, "POST", "/api/articles", &[("Authorization", &format!("Basic {TOKEN}"))], Some(NEW_ARTICLE.as_bytes()))
        .assert_error(401, "unauthorized");
    // Nothing was stored by the refused requests.
    assert!(s.get("/api/events?q=Homs").json()["events"].as_array().unwrap().is_empty());
}

#[test]
fn ingest_through_the_api() {
    let (_d, db) = fixture_copy("ingest");
    let s = Server::start(&db, &["--token", TOKEN, "--max-body-mb", "1", "--workers", "1"]);
    assert_eq!(s.get("/api/health").json()["writes"], true);
    let before = s.get("/api/stats").json()["database"]["articles"].as_u64().unwrap();

    let r = s.post("/api/articles", Some(TOKEN), NEW_ARTICLE.as_bytes());
    assert_eq!(r.status, 200, "{}", r.text());
    let j = r.json();
    assert_eq!(j["stored"], 1);
    assert!(j["reports"].as_u64().unwrap() >= 1);
    assert_eq!(j["articles"][0]["ext_id"], "api-test-1");
    assert_eq!(j["database"]["articles"].as_u64().unwrap(), before + 1);
    let id = j["articles"][0]["id"].as_i64().unwrap();
    let a = s.get(&format!("/api/articles/{id}")).json();
    assert!(a["text"].as_str().unwrap().contains("HOMS, Syria"));
    let canon = a["events"][0]["canonical_id"].as_str().unwrap().to_string();
    assert_eq!(s.get(&format!("/api/events/{canon}")).status, 200);
    // Readers see the write at once.
    assert!(!s.get("/api/events?q=Homs").json()["events"].as_array().unwrap().is_empty());

    // Same article again: unchanged, as with `frontline ingest`.
    let again = s.post("/api/articles", Some(TOKEN), NEW_ARTICLE.as_bytes()).json();
    assert_eq!(again["unchanged"], 1);
    assert_eq!(again["stored"], 0);

    // A JSONL batch with one bad record: the others are stored, the bad one is reported.
    let batch = "{\"id\":\"b1\",\"published\":\"2024-12-03\",\"text\":\"Shelling in Idlib\\n\\nSyrian army artillery shelled Sarmin in Idlib on Tuesday, killing two civilians, residents said.\"}\n\
                 {\"id\":\"b2\",\"text\":\"\"}\n\
                 {\"id\":\"b3\",\"published\":\"2024-12-03\",\"text\":\"Drone strike in Deir ez-Zor\\n\\nA drone strike hit a car near Deir ez-Zor on Tuesday, killing one man, a monitor said.\"}\n";
    let r = s.post("/api/articles", Some(TOKEN), batch.as_bytes());
    assert_eq!(r.status, 200, "{}", r.text());
    let j = r.json();
    assert_eq!(j["read"], 3);
    assert_eq!(j["stored"], 2);
    assert_eq!(j["errors"].as_array().unwrap().len(), 1);
    assert_eq!(j["errors"][0]["record"], "api:2");
    assert_eq!(j["errors"][0]["id"], "b2");
    // An array works too; `published` applies to records without a date.
    let arr = r#"[{"id":"c1","text":"Protest in Aleppo\n\nHundreds of people protested peacefully in Aleppo on Sunday against rising bread prices, witnesses said."}]"#;
    let r = s.post("/api/articles?published=2024-12-01", Some(TOKEN), arr.as_bytes());
    assert_eq!(r.status, 200, "{}", r.text());
    let id = r.json()["articles"][0]["id"].as_i64().unwrap();
    assert_eq!(s.get(&format!("/api/articles/{id}")).json()["published"], "2024-12-01");

    // Bad bodies and parameters.
    s.post("/api/articles", Some(TOKEN), b"").assert_error(400, "bad_body");
    s.post("/api/articles", Some(TOKEN), b"plain text").assert_error(400, "bad_body");
    s.post("/api/articles", Some(TOKEN), b"[]").assert_error(400, "bad_body");
    s.post("/api/articles", Some(TOKEN), &[0xff, 0xfe, b'{']).assert_error(400, "bad_body");
    s.post("/api/articles?published=tomorrow", Some(TOKEN), NEW_ARTICLE.as_bytes()).assert_error(400, "bad_parameter");
    s.post("/api/articles?x=1", Some(TOKEN), NEW_ARTICLE.as_bytes()).assert_error(400, "bad_parameter");
    s.post("/api/articles", Some(TOKEN), br#"{"id":"n","text":"  "}"#).assert_error(422, "no_article_ingested");
    s.post("/api/articles", Some(TOKEN), br#"{"id":"n","text":"x","published":"2024-99-99"}"#).assert_error(422, "no_article_ingested");
    // Over the body limit (1 MiB here).
    let big = format!(r#"{{"id":"big","text":"{}"}}"#, "word ".repeat(300_000));
    s.post("/api/articles", Some(TOKEN), big.as_bytes()).assert_error(413, "payload_too_large");
    // Other methods on the read routes.
    request(s.addr, "PUT", "/api/articles/1", &[], Some(b"{}")).assert_error(405, "method_not_allowed");
}

#[test]
fn a_merged_away_event_id_answers_with_the_surviving_event() {
    // Three paraphrased reports of one battle: the first two start two events, the third
    // names both sides and bridges them (frontline-store's tests/bridge fixture).
    let dir = std::env::temp_dir().join(format!("frontline-serve-bridge-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("bridge.db");
    let fixture = repo().join("crates/frontline-store/tests/bridge/kabkabiya.jsonl");
    run_ingest(&db, &[fixture.to_str().unwrap()]);
    let s = Server::start(&db, &[]);
    let all = s.get("/api/events?limit=50").json();
    let live = ids(&all);
    assert_eq!(live, vec!["SDN1".to_string()], "one event after the bridge: {all}");
    let retired = s.get("/api/events/SDN2");
    assert_eq!(retired.status, 200, "{}", retired.text());
    assert_eq!(retired.json()["id"], "SDN1");
    s.get("/api/events/SDN9").assert_error(404, "not_found");
    drop(s);
    let _ = std::fs::remove_dir_all(&dir);
}
