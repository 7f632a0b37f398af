//! Regression guard on ACLED coder notes: how often is a row's actor1 (period and sub-unit stripped) among the
//! ACLED names the dictionary finds in its notes? Generic and government-forces hits take the row's country, as
//! the pipeline resolves them from context. Skipped, with a note, when ../shared is absent.

use std::collections::HashSet;

use frontline_actors::*;

fn stems(actor1: &str) -> Vec<String> {
    // "X and/or Y": either part counts
    actor1.split(" and/or ").map(|p| actor_stem(p.trim()).to_string()).collect()
}

#[test]
fn actor1_found_in_notes() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/eval/acled-2020-global.csv");
    let Ok(mut rdr) = csv::Reader::from_path(path) else {
        eprintln!("note: {path} absent; skipping the ACLED notes coverage test");
        return;
    };
    let t0 = std::time::Instant::now();
    let d = dict();
    eprintln!("dictionary built in {:?} ({} surface forms)", t0.elapsed(), d.pattern_count());
    let headers = rdr.headers().unwrap().clone();
    let col = |n: &str| headers.iter().position(|h| h == n).unwrap();
    let (ca1, cnotes, ccountry, cdate) = (col("actor1"), col("notes"), col("country"), col("event_date"));
    let (mut rows, mut hit) = (0usize, 0usize);
    let mut misses: std::collections::HashMap<String, usize> = Default::default();
    for rec in rdr.records() {
        let rec = rec.unwrap();
        let a1 = &rec[ca1];
        if a1.is_empty() {
            continue;
        }
        rows += 1;
        let iso = countries().by_name(&rec[ccountry]).map(|c| c.iso2.clone());
        let iso = iso.as_deref();
        // 2019–20 layout dates: "9-May-20"
        let date = parse_acled_date(&rec[cdate]);
        let mut found = HashSet::new();
        for h in d.find(&rec[cnotes]) {
            let name = match h.kind {
                HitKind::Named { actor, .. } => d.resolve_named(&actor, iso),
                HitKind::StateForce { country, branch } => match country.as_deref().or(iso) {
                    Some(c) => state_force_name(c, branch, date),
                    None => continue,
                },
                HitKind::Generic { role, country } => role_name(role, country.as_deref().or(iso)).0,
                HitKind::Label { .. } | HitKind::Claimant { .. } => continue,
            };
            found.insert(actor_stem(&name).to_string());
        }
        if stems(a1).iter().any(|s| found.contains(s)) {
            hit += 1;
        } else {
            *misses.entry(actor_stem(a1).to_string()).or_default() += 1;
        }
    }
    let rate = hit as f64 / rows as f64;
    let mut m: Vec<_> = misses.into_iter().collect();
    m.sort_by(|a, b| b.1.cmp(&a.1));
    eprintln!("top misses: {:?}", &m[..m.len().min(25)]);
    println!("ACLED 2020 notes: actor1 found in notes for {hit}/{rows} rows = {:.1}%", rate * 100.0);
    assert!(rate >= 0.65, "actor1 coverage fell to {rate} (was 0.685)");
}

fn parse_acled_date(s: &str) -> Option<jiff::civil::Date> {
    let mut it = s.split('-');
    let d: i8 = it.next()?.parse().ok()?;
    let mon = it.next()?;
    let m = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        .iter()
        .position(|x| *x == mon)? as i8
        + 1;
    let y: i16 = it.next()?.parse().ok()?;
    jiff::civil::Date::new(2000 + y, m, d).ok()
}
