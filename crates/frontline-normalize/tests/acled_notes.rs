//! Runs the normalisers over every ACLED coder note of the 2020 development file
//! (`../shared/eval/acled-2020-global.csv`, read in place, never copied). Skipped, with a
//! note, when that file is absent.

use std::path::PathBuf;

use frontline_normalize::{quantity::find_quantities, time::find_times};
use jiff::civil::Date;
use regex::Regex;

fn csv_path() -> Option<PathBuf> {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    // crates/frontline-normalize → repo root → ../shared
    let p = here.join("../../../shared/eval/acled-2020-global.csv");
    p.exists().then_some(p)
}

fn notes() -> Option<Vec<String>> {
    let Some(p) = csv_path() else {
        eprintln!("NOTE: ../shared/eval/acled-2020-global.csv absent; skipping ACLED notes test");
        return None;
    };
    let mut rdr = csv::Reader::from_path(p).expect("open csv");
    let idx = rdr.headers().unwrap().iter().position(|h| h == "notes").expect("notes column");
    Some(rdr.records().map(|r| r.unwrap()[idx].to_string()).collect())
}

#[test]
fn on_day_month_year_notes_give_that_date_first() {
    let Some(notes) = notes() else { return };
    let re = Regex::new(r"^On (\d{1,2})(?:st|nd|rd|th)? (January|February|March|April|May|June|July|August|September|October|November|December),? (\d{4})(\s*\((?:or around|week of|midweek)\))?").unwrap();
    let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    let (mut checked, mut failures) = (0, Vec::new());
    for n in &notes {
        let Some(c) = re.captures(n) else { continue };
        let d: i8 = c[1].parse().unwrap();
        let m = months.iter().position(|x| *x == &c[2]).unwrap() as i8 + 1;
        let y: i16 = c[3].parse().unwrap();
        let want = Date::new(y, m, d).unwrap();
        // "(or around)" and the like: ACLED codes these at precision 2 (and so do we).
        let want_precision = if c.get(4).is_some() { 2 } else { 1 };
        checked += 1;
        let times = find_times(n, None);
        match times.first() {
            Some(t) if t.start == want && t.precision == want_precision && t.explicit && t.span.start == 0 => {}
            other => failures.push(format!("{n:.100} → {other:?}")),
        }
    }
    eprintln!("checked {checked} notes");
    assert!(checked > 4000, "only {checked} notes matched");
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn all_notes_run_and_are_fast() {
    let Some(notes) = notes() else { return };
    let t0 = std::time::Instant::now();
    let (mut times, mut qs, mut bytes) = (0usize, 0usize, 0usize);
    for n in &notes {
        bytes += n.len();
        times += find_times(n, None).len();
        qs += find_quantities(n).len();
    }
    let el = t0.elapsed();
    eprintln!(
        "{} notes, {} bytes: {} time mentions, {} quantities in {:?} ({:.2} MB/s, debug build unless --release)",
        notes.len(),
        bytes,
        times,
        qs,
        el,
        bytes as f64 / el.as_secs_f64() / 1e6
    );
    assert!(times >= notes.len());
}
