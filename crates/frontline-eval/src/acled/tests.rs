use super::*;

// --- give-away stripping (phrases taken from real ACLED notes) ---

#[test]
fn strips_split_fatalities_sentence() {
    let n = "On 9 May 2020, clashes erupted between pro-Houthi forces and pro-Hadi and affiliated forces, \
             including the Popular Resistance, on the Sirwah (Marib), Nihm (Sanaa), and Al Jawf frontlines. \
             The clashes resulted in more than 20 pro-Houthi elements killed, including prominent leaders and \
             supervisors of the Houthi movement. 20 fatalities split up between 3 events.";
    let s = strip_giveaways(n, false);
    assert!(!s.contains("split"), "{s}");
    assert!(s.ends_with("supervisors of the Houthi movement."), "{s}");
    assert!(s.contains("more than 20 pro-Houthi elements killed"));
}

#[test]
fn strips_standalone_count_and_size_tag() {
    let n = "Around 9 May 2020 (as reported), in Cuauhtemoc municipality, Chihuahua, a man was found dead on a road. \
             The body had the hands and legs tied. 1 fatality.";
    let s = strip_giveaways(n, false);
    assert_eq!(
        s,
        "Around 9 May 2020 (as reported), in Cuauhtemoc municipality, Chihuahua, a man was found dead on a road. \
         The body had the hands and legs tied."
    );
    let n = "On 9 May 2020, about 2500 medical interns protested in Habima Square in Tel Aviv city. [size=2500]";
    assert_eq!(
        strip_giveaways(n, false),
        "On 9 May 2020, about 2500 medical interns protested in Habima Square in Tel Aviv city."
    );
    let n = "On 9 May 2020, medical interns protested in Haifa. [size=no report]";
    assert_eq!(
        strip_giveaways(n, false),
        "On 9 May 2020, medical interns protested in Haifa."
    );
    assert_eq!(
        strip_giveaways(
            "On 9 May 2020, citizens protested in Belgrade. [size=no report.",
            false
        ),
        "On 9 May 2020, citizens protested in Belgrade."
    );
    assert_eq!(
        strip_giveaways(
            "On 2 May 2020, two men were shot dead. 2 fatalities and 1 injured.",
            false
        ),
        "On 2 May 2020, two men were shot dead."
    );
}

#[test]
fn strips_coded_as_sentences() {
    for (n, want) in [
        (
            "On 3 May 2020, shelling hit Donetsk. Unspecified number of fatalities coded as 3.",
            "On 3 May 2020, shelling hit Donetsk.",
        ),
        (
            "On 5 May 2020, gunmen killed a journalist in Kabul. Fatalities coded as 0 (VoJ reported 1).",
            "On 5 May 2020, gunmen killed a journalist in Kabul.",
        ),
        (
            "Clashes in Idlib. Unknown reported fatalities coded as 10 and spread across three locations in two days.",
            "Clashes in Idlib.",
        ),
        (
            "They claimed to have killed a number of fighters; unknown reported fatalities coded as 6 and spread across three locations.",
            "They claimed to have killed a number of fighters.",
        ),
        ("Fighting in Tripoli. Unclear fatalites coded as 10 and split between 2 locations.", "Fighting in Tripoli."),
        (
            "On 30 April 2020, a commander was killed in Khas Urozgan district, Urozgan.Fatalities coded as 0 (VoJ reported 1).",
            "On 30 April 2020, a commander was killed in Khas Urozgan district, Urozgan.",
        ),
        (
            "Pro-Hadi fighters were reported killed; unknown reported fatalities coded as 10. *Note that some sources located the fort in Nisab.",
            "Pro-Hadi fighters were reported killed. *Note that some sources located the fort in Nisab.",
        ),
        (
            "On 8 May 2020, villagers fought on the Kyrgyz-Tajik border(Batken center is coded with GP2) over land. A villager was injured.",
            "On 8 May 2020, villagers fought on the Kyrgyz-Tajik border over land. A villager was injured.",
        ),
        (
            "7 Taliban militants were killed and wounded in Ab Band district, Ghazni. Due to the unclear nature of fatalities, fatalities reported as half, rounded down to 3.",
            "7 Taliban militants were killed and wounded in Ab Band district, Ghazni.",
        ),
        ("Fighting in Tripoli. Fatalities are split across 3 events (12).", "Fighting in Tripoli."),
        (
            "During the day, one Ukrainian soldier was killed at an unspecified location [1 fatality split among 3 events].",
            "During the day, one Ukrainian soldier was killed at an unspecified location.",
        ),
    ] {
        assert_eq!(strip_giveaways(n, false), want, "input: {n}");
    }
}

#[test]
fn keeps_source_statements_about_fatalities() {
    for n in [
        "On 1 May 2020, protesters gathered in Lagos. Neither injuries nor fatalities were reported.",
        "On 9 May 2020, 3 soldiers were killed in an ambush near Gao.",
        "On 2 May 2020, clashes erupted on the Sirwah front, incurring fatalities.",
    ] {
        assert_eq!(strip_giveaways(n, false), n);
    }
}

#[test]
fn strips_leading_label_and_coder_remarks() {
    assert_eq!(
        strip_giveaways(
            "Looting: On 4 May 2020, Fulani militia looted cattle in Bokkos.",
            false
        ),
        "On 4 May 2020, Fulani militia looted cattle in Bokkos."
    );
    assert_eq!(
        strip_giveaways(
            "Movement of forces: On 5 May 2020, Turkish forces moved into Idlib.",
            false
        ),
        "On 5 May 2020, Turkish forces moved into Idlib."
    );
    assert_eq!(
        strip_giveaways(
            "Non-violent activity: On 6 May 2020, the army opened a base.",
            false
        ),
        "On 6 May 2020, the army opened a base."
    );
    assert_eq!(
        strip_giveaways("On 3 May 2020, southern forces (coded as Southern Resistance) claimed to have killed 5.", false),
        "On 3 May 2020, southern forces claimed to have killed 5."
    );
    assert_eq!(
        strip_giveaways("On 3 May 2020, students rallied outside parliament [coded to Athens-Central Athens] demanding aid.", false),
        "On 3 May 2020, students rallied outside parliament demanding aid."
    );
    // not a label: a date with a colon is left alone
    let n = "On 4 May 2020: clashes in Gao.";
    assert_eq!(strip_giveaways(n, false), n);
}

#[test]
fn strip_admin_is_optional() {
    let n = "On 9 May 2020, Houthi forces shelled Jabal al Kirsh front (Al Qabbaytah, Lahij) and Bab Ghaliq (Qaatabah, Ad Dali).";
    assert_eq!(strip_giveaways(n, false), n);
    assert_eq!(
        strip_giveaways(n, true),
        "On 9 May 2020, Houthi forces shelled Jabal al Kirsh front and Bab Ghaliq."
    );
    let n = "On 2 May 2020, a blast in Poonch (Poonch district, J&K) and the Sirwah (Marib) front; (as reported) stays.";
    assert_eq!(
        strip_giveaways(n, true),
        "On 2 May 2020, a blast in Poonch and the Sirwah front; (as reported) stays."
    );
}

// --- loading ---

const LEGACY: &str = "data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,timestamp,iso3
1,376,ISR1,1,9-May-20,2020,1,Protests,Peaceful protest,Protesters (Israel),,6,,,0,60,Middle East,Israel,Haifa,Haifa,,Haifa,32.8184,34.9885,1,JP,National,\"On 9 May 2020, interns protested in Haifa. [size=no report]\",0,1589220519,ISR
2,887,YEM2,2,9-May-20,2020,1,Battles,Armed clash,Military Forces of Yemen (2016-) Supreme Political Council,,1,Military Forces of Yemen (2012-),,1,11,Middle East,Yemen,Sanaa,Nihm,,Al Madid,15.6445,44.4734,2,X,National,\"Clashes, with commas, in Nihm. 7 fatalities.\",7,1589229240,YEM
3,887,YEM3,3,31-Feb-20,2020,1,Battles,Armed clash,A,,1,B,,1,11,Middle East,Yemen,Sanaa,Nihm,,Al Madid,15.6,44.4,2,X,National,bad date,0,1,YEM
4,887,YEM4,4,9-May-20,2020,1,Battles,Armed clash,A,,1,B,,1,11,Middle East,Yemen,Sanaa,Nihm,,Al Madid,15.6,44.4,2,X,National,bad fatalities,many,1,YEM
";

const CURRENT: &str = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp
SOM1,2024-03-02,2024,1,Political violence,Battles,Armed clash,Al Shabaab,,Rebel group,Military Forces of Somalia (2022-),,State forces,Rebel group-State forces,,706,Eastern Africa,Somalia,Lower Shabelle,Afgooye,,Afgooye,2.1381,45.1212,1,Garowe Online,National,\"On 2 March 2024, Al Shabaab attacked an army base in Afgooye. 3 fatalities.\",3,,1709600000
KEN2,2024-03-03,2024,1,Demonstrations,Protests,Peaceful protest,Protesters (Kenya),,Protesters,,,,Protesters only,,404,Eastern Africa,Kenya,Nairobi,Westlands,,Nairobi,-1.2864,x36.8172,1,Star,National,Protest.,0,crowd size=no report,1709600000
";

#[test]
fn loads_legacy_layout_and_reports_bad_rows() {
    let l = load_reader(LEGACY.as_bytes(), "legacy.csv").unwrap();
    assert_eq!(l.layout, Layout::Legacy2020);
    assert_eq!(l.rows.len(), 2);
    let r = &l.rows[1];
    assert_eq!(r.event_id_cnty, "YEM2");
    assert_eq!(r.event_date, jiff::civil::date(2020, 5, 9));
    assert_eq!(r.actor2, "Military Forces of Yemen (2012-)");
    assert_eq!(r.admin1, "Sanaa");
    assert_eq!(r.fatalities, 7);
    assert_eq!(r.line, 3);
    assert_eq!(r.notes, "Clashes, with commas, in Nihm. 7 fatalities.");
    assert_eq!(l.skipped.len(), 2);
    let msgs: Vec<String> = l.skipped.iter().map(|e| e.to_string()).collect();
    assert!(
        msgs[0].contains("legacy.csv:4")
            && msgs[0].contains("YEM3")
            && msgs[0].contains("event_date"),
        "{}",
        msgs[0]
    );
    assert!(
        msgs[1].contains("legacy.csv:5") && msgs[1].contains("fatalities"),
        "{}",
        msgs[1]
    );
}

#[test]
fn loads_current_layout() {
    let l = load_reader(CURRENT.as_bytes(), "current.csv").unwrap();
    assert_eq!(l.layout, Layout::Current);
    assert_eq!(l.rows.len(), 1);
    assert_eq!(l.rows[0].event_date, jiff::civil::date(2024, 3, 2));
    assert_eq!(l.rows[0].actor2, "Military Forces of Somalia (2022-)");
    assert_eq!(l.rows[0].latitude, 2.1381);
    assert_eq!(l.skipped.len(), 1);
    assert!(
        l.skipped[0].to_string().contains("current.csv:3 (KEN2)"),
        "{}",
        l.skipped[0]
    );
}

#[test]
fn missing_column_is_an_error() {
    let e = load_reader(
        "event_id_cnty,event_date\nX1,2020-01-01\n".as_bytes(),
        "t.csv",
    )
    .unwrap_err();
    assert!(
        matches!(
            e,
            EvalError::MissingColumn {
                column: "event_type",
                ..
            }
        ),
        "{e}"
    );
}

#[test]
fn date_forms() {
    let d = jiff::civil::date(2020, 5, 9);
    for s in [
        "9-May-20",
        "09-May-2020",
        "2020-05-09",
        "9 May 2020",
        "09 May 2020",
    ] {
        assert_eq!(parse_acled_date(s), Some(d), "{s}");
    }
    assert_eq!(parse_acled_date("May 2020"), None);
    assert_eq!(parse_acled_date("31-Feb-20"), None);
}

// --- split ---

#[test]
fn split_is_deterministic_and_about_a_fifth() {
    // FNV-1a 64 reference values
    assert_eq!(fnv1a64(b""), 0xcbf29ce484222325);
    assert_eq!(fnv1a64(b"a"), 0xaf63dc4c8601ec8c);
    assert_eq!(split_of("YEM52360"), split_of("YEM52360"));
    let ids: Vec<String> = (0..5000).map(|i| format!("SYR{i}")).collect();
    let test = ids.iter().filter(|i| split_of(i) == Split::Test).count();
    assert!((850..1150).contains(&test), "{test}");
    for i in &ids {
        assert_ne!(Split::Dev.contains(i), Split::Test.contains(i));
        assert!(Split::All.contains(i));
    }
    assert_eq!("test".parse::<Split>().unwrap(), Split::Test);
    assert!("train".parse::<Split>().is_err());
}

// --- scoring ---

#[test]
fn actor_normalisation() {
    assert_eq!(
        strip_actor_period("Military Forces of Yemen (2016-) Supreme Political Council"),
        "Military Forces of Yemen"
    );
    assert!(actor_match(
        "Military Forces of Yemen (2016-) Supreme Political Council",
        "Military Forces of Yemen (2012-)"
    ));
    assert!(actor_match(
        "Police Forces of India (2014-2019)",
        "police forces of india"
    ));
    assert!(!actor_match("Protesters (Israel)", "Protesters (Lebanon)"));
    assert!(actor_match("Protesters (Israel)", "Protesters (Israel)"));
    assert!(actors_match(
        ("Al Shabaab", "Military Forces of Somalia (2017-)"),
        ("Military Forces of Somalia (2022-)", "Al Shabaab")
    ));
    assert!(actors_match(
        ("Protesters (Israel)", ""),
        ("Protesters (Israel)", "")
    ));
    assert!(!actors_match(
        ("Protesters (Israel)", ""),
        ("Protesters (Israel)", "Police Forces of Israel (1948-)")
    ));
}

#[test]
fn admin_and_distance() {
    assert!(admin1_match("Bénoué", "BENOUE"));
    assert!(admin1_match("Nord-Kivu", "nord kivu"));
    assert!(!admin1_match("", ""));
    assert!(!admin1_match("Lahij", "Ad Dali"));
    let d = distance_km((32.8184, 34.9885), (Some(32.0809), Some(34.7806))).unwrap();
    assert!((80.0..90.0).contains(&d), "{d}");
    assert_eq!(distance_km((0.0, 0.0), (None, Some(1.0))), None);
}

fn row(id: &str, sub: &str, fat: u64) -> Row {
    Row {
        line: 2,
        event_id_cnty: id.into(),
        event_date: jiff::civil::date(2020, 5, 9),
        event_type: "Battles".into(),
        sub_event_type: sub.into(),
        actor1: "Military Forces of Yemen (2016-) Supreme Political Council".into(),
        actor2: "Military Forces of Yemen (2012-)".into(),
        country: "Yemen".into(),
        admin1: "Sanaa".into(),
        location: "Al Madid".into(),
        latitude: 15.6445,
        longitude: 44.4734,
        fatalities: fat,
        notes: "On 9 May 2020, clashes in Nihm. 7 fatalities.".into(),
    }
}

fn doc_with(ev: Option<frontline_model::Event>) -> Document {
    Document {
        events: ev.into_iter().collect(),
        ..Default::default()
    }
}

#[test]
fn scores_fields_and_counts_undetected_as_wrong() {
    let ev = frontline_model::Event {
        event_type: "Battles".into(),
        sub_event_type: "Armed clash".into(),
        actor1: "Military Forces of Yemen (2012-)".into(),
        actor2: "Military Forces of Yemen (2016-) Supreme Political Council".into(),
        event_date: Some(jiff::civil::date(2020, 5, 9)),
        latitude: Some(15.70),
        longitude: Some(44.60),
        admin1: "Sana'a".into(),
        fatalities: 7,
        ..Default::default()
    };
    let rows = vec![
        row("YEM1", "Armed clash", 7),
        row("YEM2", "Armed clash", 7),
        row("YEM3", "Government regains territory", 0),
    ];
    let calls = std::cell::Cell::new(0);
    let extract = |note: &str| {
        assert!(
            !note.contains("fatalities"),
            "give-away reached the extractor: {note}"
        );
        calls.set(calls.get() + 1);
        if calls.get() == 2 {
            doc_with(None)
        } else {
            doc_with(Some(ev.clone()))
        }
    };
    let rep = evaluate(
        &rows,
        &Options {
            show_errors: 3,
            ..Default::default()
        },
        &extract,
    );
    assert_eq!(rep.cases.len(), 3);
    assert_eq!(
        rep.tally(Field::Detected),
        Tally {
            correct: 2,
            rows: 3,
            detected: 2
        }
    );
    assert_eq!(rep.tally(Field::SubEventType).correct, 1);
    assert_eq!(rep.tally(Field::EventType).correct, 2);
    assert_eq!(rep.tally(Field::Actor1).correct, 2); // same stem once the period and sub-unit are dropped
    assert_eq!(rep.tally(Field::Actor1Exact).correct, 0);
    assert_eq!(rep.tally(Field::BothActors).correct, 2);
    assert_eq!(rep.tally(Field::EventDate).correct, 2);
    assert_eq!(rep.tally(Field::Loc25).correct, 2); // ~14 km
    assert_eq!(rep.tally(Field::Admin1).correct, 2); // "Sana'a" ≈ "Sanaa"
    assert_eq!(rep.tally(Field::Fatalities).correct, 1);
    let t = rep.tally(Field::Fatalities);
    assert!((t.rate() - 1.0 / 3.0).abs() < 1e-9 && (t.rate_given_detected() - 0.5).abs() < 1e-9);
    let conf = rep.confusions();
    assert!(conf.contains(&(("Armed clash".into(), "(none)".into()), 1)));
    assert!(conf.contains(&(
        ("Government regains territory".into(), "Armed clash".into()),
        1
    )));
    let text = rep.to_string();
    assert!(
        text.contains("sub_event_type") && text.contains("Errors: fatalities"),
        "{text}"
    );
}

#[test]
fn split_and_limit_select_rows() {
    let rows: Vec<Row> = (0..100)
        .map(|i| row(&format!("YEM{i}"), "Armed clash", 0))
        .collect();
    let nothing = |_: &str| Document::default();
    let test = evaluate(
        &rows,
        &Options {
            split: Split::Test,
            ..Default::default()
        },
        &nothing,
    );
    let dev = evaluate(
        &rows,
        &Options {
            split: Split::Dev,
            ..Default::default()
        },
        &nothing,
    );
    assert_eq!(test.cases.len() + dev.cases.len(), 100);
    assert!(test
        .cases
        .iter()
        .all(|c| split_of(&c.gold.event_id_cnty) == Split::Test));
    let lim = evaluate(
        &rows,
        &Options {
            split: Split::Dev,
            limit: Some(5),
            ..Default::default()
        },
        &nothing,
    );
    assert_eq!(lim.cases.len(), 5);
    assert_eq!(lim.tally(Field::Detected).correct, 0);
}

#[test]
fn a_panicking_extractor_is_reported_not_fatal() {
    let rows = vec![row("YEM1", "Armed clash", 0)];
    let boom = |_: &str| -> Document { panic!("boom") };
    let rep = evaluate(&rows, &Options::default(), &boom);
    assert!(rep.cases[0].panicked);
    assert!(rep.to_string().contains("panicked on 1 rows"));
}

#[test]
fn line_numbers_with_crlf() {
    let crlf = LEGACY.replace('\n', "\r\n");
    let l = load_reader(crlf.as_bytes(), "crlf.csv").unwrap();
    assert_eq!(l.rows[0].line, 2);
    assert_eq!(l.rows[1].line, 3);
    assert!(
        l.skipped[0].to_string().contains("crlf.csv:4"),
        "{}",
        l.skipped[0]
    );
    // a quoted line break inside a note moves the following lines down
    let multi = LEGACY
        .replacen("Clashes, with commas,", "Clashes,\r\nwith commas,", 1)
        .replace('\n', "\r\n");
    let l = load_reader(multi.as_bytes(), "multi.csv").unwrap();
    assert_eq!(l.rows[1].line, 3);
    assert!(
        l.skipped[0].to_string().contains("multi.csv:5"),
        "{}",
        l.skipped[0]
    );
    let short = format!("{}YEM9,9-May-20,Battles\n", LEGACY);
    let l = load_reader(short.as_bytes(), "short.csv").unwrap();
    assert!(
        l.skipped
            .last()
            .unwrap()
            .to_string()
            .contains("short.csv:6: record has 3 fields"),
        "{}",
        l.skipped.last().unwrap()
    );
}

#[test]
fn dates_move_by_whole_months() {
    let base = Date::new(2020, 5, 9).unwrap();
    assert_eq!(shift_dates("On 9 May 2020, clashes erupted.", -2, base), "On 9 March 2020, clashes erupted.");
    assert_eq!(shift_dates("On 30 November 2020 and 2 December 2020", 3, base), "On 28 February 2021 and 2 March 2021");
    assert_eq!(shift_dates("On May 9, 2020, police may have fired.", 8, base), "On January 9, 2021, police may have fired.");
    // A bare "May" is left alone (it is usually the verb); a bare other month moves.
    assert_eq!(shift_dates("They May return in April.", 1, base), "They May return in May.");
    assert_eq!(shift_dates("On 30 Apr 2020, ...", 3, base), "On 28 Jul 2020, ...");
    let row = Row { notes: "On 9 May 2020, ...".into(), ..row("YEM1", "Armed clash", 0) };
    let moved = shift_row(&row, -14);
    assert_eq!(moved.event_date, Date::new(2019, 3, 9).unwrap());
    assert_eq!(moved.notes, "On 9 March 2019, ...");
}
