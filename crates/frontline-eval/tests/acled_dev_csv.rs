//! Runs the whole chain (load → strip → pipeline → score) on the first ~200 dev rows of
//! `../shared/eval/acled-2020-global.csv`, read in place. Skipped, with a printed note,
//! when that file is absent.

use frontline_eval::acled::{self, Field, Layout, Options, Split};
use frontline_model::RawArticle;

#[test]
fn dev_csv_smoke() {
    let path = std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/eval/acled-2020-global.csv"
    ));
    let Ok(f) = std::fs::File::open(path) else {
        eprintln!(
            "NOTE: {} absent; skipping the ACLED dev CSV test",
            path.display()
        );
        return;
    };
    let loaded =
        acled::load_reader(std::io::BufReader::new(f), &path.display().to_string()).unwrap();
    assert_eq!(loaded.layout, Layout::Legacy2020);
    for e in &loaded.skipped {
        eprintln!("skipped: {e}");
    }
    assert!(loaded.rows.len() > 5000, "{}", loaded.rows.len());
    let test = loaded
        .rows
        .iter()
        .filter(|r| acled::split_of(&r.event_id_cnty) == Split::Test)
        .count();
    let share = test as f64 / loaded.rows.len() as f64;
    assert!((0.17..0.23).contains(&share), "test share {share}");

    // no give-away survives stripping
    for r in &loaded.rows {
        let s = acled::strip_giveaways(&r.notes, false);
        assert!(!s.contains("[size="), "{}: {s}", r.event_id_cnty);
        assert!(
            !s.to_lowercase().contains("fatalities coded as"),
            "{}: {s}",
            r.event_id_cnty
        );
    }

    let opts = Options {
        split: Split::Dev,
        limit: Some(200),
        ..Default::default()
    };
    let extract = |note: &str| {
        frontline_pipeline::process(RawArticle {
            id: "acled".into(),
            text: note.to_string(),
            ..Default::default()
        })
    };
    let rep = acled::evaluate(&loaded.rows, &opts, &extract);
    assert_eq!(rep.cases.len(), 200);
    eprintln!("{rep}");
    // a floor, not a target: the chain works end to end
    assert!(rep.tally(Field::Detected).rate() > 0.3);
    assert!(rep.tally(Field::EventDate).rate() > 0.3);
}
