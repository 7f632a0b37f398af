//! The seed as the first acceptance test: `../shared/examples/aleppo-2024-11-30.txt`, a
//! real scraped report of the HTS offensive on Aleppo. The assertions are facts of the
//! input text (issue 2), not a snapshot of whatever the code printed.
//!
//! The seed is read from the shared folder beside the repository (never copied in); when
//! it is absent the tests say so and pass.

use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;

fn seed_path() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/examples/aleppo-2024-11-30.txt");
    if p.exists() {
        Some(p)
    } else {
        eprintln!("note: {} not found; seed acceptance test skipped", p.display());
        None
    }
}

fn extract(args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_frontline")).arg("extract").args(args).output().expect("runs");
    assert!(out.status.success(), "exit {:?}: {}", out.status, String::from_utf8_lossy(&out.stderr));
    let s = String::from_utf8(out.stdout).unwrap();
    serde_json::from_str(s.lines().next().expect("one line per article")).expect("valid JSON")
}

fn s<'a>(v: &'a Value, k: &str) -> &'a str {
    v[k].as_str().unwrap_or("")
}

fn km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    6371.0 * 2.0 * a.sqrt().asin()
}

fn is_hts(name: &str) -> bool {
    let n = name.to_lowercase().replace('-', " ");
    n.contains("hayat tahrir al sham")
}

fn is_syrian_military(name: &str) -> bool {
    name.starts_with("Military Forces of Syria (2000-2024)")
}

fn claim<'a>(doc: &'a Value, id: &str) -> &'a Value {
    doc["claims"].as_array().unwrap().iter().find(|c| s(c, "claim_id") == id).expect("claim id resolves")
}

fn check_seed(doc: &Value) {
    let text_of = |start: usize, end: usize| -> String { doc["text"].as_str().unwrap().chars().skip(start).take(end - start).collect() };
    assert_eq!(s(doc, "published"), "2024-11-30");
    let events = doc["events"].as_array().expect("events");
    assert!(!events.is_empty(), "no events");

    // Offsets are characters of the returned text: every evidence span reproduces its text.
    for e in events {
        for ev in e["evidence"].as_array().unwrap() {
            let (a, b) = (ev["start"].as_u64().unwrap() as usize, ev["end"].as_u64().unwrap() as usize);
            assert_eq!(text_of(a, b), s(ev, "text"));
        }
    }

    // 1. The main event: an armed clash between HTS and the Syrian military in Aleppo, with
    //    the General Command's admission of "dozens" killed (best 12) as a claimed figure.
    let main = &events[0];
    assert_eq!(s(main, "event_type"), "Battles");
    assert_eq!(s(main, "sub_event_type"), "Armed clash");
    assert_eq!(s(main, "disorder_type"), "Political violence");
    let (a1, a2) = (s(main, "actor1"), s(main, "actor2"));
    assert!(is_hts(a1) && is_syrian_military(a2) || is_hts(a2) && is_syrian_military(a1), "actors: {a1} / {a2}");
    if is_hts(a1) {
        assert!(!s(main, "assoc_actor_1").is_empty(), "HTS's allies are associated");
    }
    assert_eq!(s(main, "country"), "Syria");
    let d = km(main["latitude"].as_f64().unwrap(), main["longitude"].as_f64().unwrap(), 36.2021, 37.1343);
    assert!(d <= 25.0, "main event {d:.0} km from Aleppo");
    assert_eq!(main["fatalities"], 12);
    let fig_claim = main["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|id| claim(doc, id.as_str().unwrap()))
        .find(|c| {
            s(c, "claimant").contains("General Command")
                && c["figures"].as_array().is_some_and(|f| f.iter().any(|f| f["kind"] == "killed" && f["best"] == 12))
        })
        .expect("a claim of the General Command with the killed figure best 12");
    assert_eq!(s(fig_claim, "claimant"), "Syrian General Command");
    assert_eq!(s(fig_claim, "claimant_type"), "official");

    // 2. The offensive that captured land "earlier this week": Non-state actor overtakes
    //    territory, dated to a range in the week before 30 Nov 2024, time precision 2.
    let take = events
        .iter()
        .find(|e| s(e, "sub_event_type") == "Non-state actor overtakes territory")
        .expect("territory taken");
    assert!(is_hts(s(take, "actor1")));
    assert_eq!(take["time_precision"], 2);
    let (from, to) = (s(take, "event_date"), s(take, "event_date_end"));
    assert!(("2024-11-23".."2024-11-30").contains(&from), "from {from}");
    assert!(to > from && to <= "2024-11-30", "to {to}");

    // 3. Russian (with Syrian) air strikes; "about 600 militants" over "the past two days"
    //    claimed by Oleg Ignasyuk of the Russian Reconciliation Center.
    let air = events.iter().find(|e| s(e, "sub_event_type") == "Air/drone strike").expect("air strikes");
    assert!(s(air, "actor1").starts_with("Military Forces of Russia"), "{}", s(air, "actor1"));
    assert!(s(air, "assoc_actor_1").contains("Military Forces of Syria"), "{}", s(air, "assoc_actor_1"));
    assert!(is_hts(s(air, "actor2")), "air strikes target HTS: {}", s(air, "actor2"));
    assert_eq!(air["fatalities"], 600);
    assert_eq!((s(air, "event_date"), s(air, "event_date_end")), ("2024-11-29", "2024-11-30"));
    let ign = air["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|id| claim(doc, id.as_str().unwrap()))
        .find(|c| s(c, "claimant").contains("Ignasyuk"))
        .expect("Ignasyuk's claim is among the air strikes' claims");
    assert_eq!(s(ign, "claimant_type"), "official");
    let f = &ign["figures"][0];
    assert_eq!((f["kind"].as_str(), f["best"].as_u64()), (Some("killed"), Some(600)));

    // 4. The tweet is @NiohBerg's unverified post; "unverified videos" are hedged; the
    //    share line is removed; loaded labels point at HTS; nothing from 2015 is an event.
    let claims = doc["claims"].as_array().unwrap();
    let post = claims.iter().find(|c| s(c, "claimant_type") == "social_post" && s(c, "claimant").contains("@NiohBerg")).expect("post");
    assert_eq!(s(post, "hedge"), "unverified");
    assert!(s(post, "text").contains("Absolutely wild scenes"));
    assert!(claims.iter().any(|c| s(c, "hedge") == "unverified" && s(c, "text").contains("unverified videos")));
    let removed = doc["removed"].as_array().unwrap();
    let covers = |needle: &str, reason: &str| {
        removed.iter().any(|r| {
            r["reason"] == reason && text_of(r["start"].as_u64().unwrap() as usize, r["end"].as_u64().unwrap() as usize).contains(needle)
        })
    };
    assert!(covers("You can share this story on social media", "boilerplate"));
    assert!(covers("pic.twitter.com/YJRkJGlmKe", "embedded_post"));
    assert!(covers("(@NiohBerg) November 30, 2024", "embedded_post"));
    for r in removed {
        let (ra, rb) = (r["start"].as_u64().unwrap(), r["end"].as_u64().unwrap());
        for e in events {
            for ev in e["evidence"].as_array().unwrap() {
                assert!(ev["end"].as_u64().unwrap() <= ra || ev["start"].as_u64().unwrap() >= rb, "evidence inside removed text");
            }
        }
    }
    let framing = doc["framing"].as_array().unwrap();
    for term in ["terrorists", "militants"] {
        let f = framing.iter().find(|f| s(f, "term") == term).unwrap_or_else(|| panic!("framing for {term}"));
        assert!(is_hts(s(f, "refers_to")), "{term} → {}", s(f, "refers_to"));
        assert!(!s(f, "used_by").is_empty());
    }
    let generals = framing.iter().filter(|f| s(f, "used_by") == "Syrian General Command").count();
    assert!(generals >= 1, "the General Command's own labels are attributed to it");
    let text = doc["text"].as_str().unwrap();
    let y2015 = text.find("Moscow intervened").unwrap();
    let y2015 = text[..y2015].chars().count() as u64;
    for e in events {
        assert!(!s(e, "event_date").starts_with("2015"));
        for ev in e["evidence"].as_array().unwrap() {
            assert!(ev["start"].as_u64().unwrap() < y2015, "evidence from the background paragraph: {ev}");
        }
    }
}

#[test]
fn seed_with_publication_date() {
    let Some(p) = seed_path() else { return };
    let doc = extract(&["--published", "2024-11-30", "--format", "jsonl", "--with-text", p.to_str().unwrap()]);
    assert_eq!(doc["published_inferred"], false);
    check_seed(&doc);
}

#[test]
fn seed_with_inferred_publication_date() {
    let Some(p) = seed_path() else { return };
    let doc = extract(&["--format", "jsonl", "--with-text", p.to_str().unwrap()]);
    assert_eq!(doc["published_inferred"], true);
    check_seed(&doc);
}
