//! Property tests: never panic, spans in bounds and on char boundaries, sorted and
//! non-overlapping, and every span re-parses to the same value from its own start.

use frontline_normalize::{quantity::find_quantities, time::find_times};
use jiff::civil::{date, Date};
use proptest::prelude::*;

const PUB: Date = date(2024, 11, 30);

fn check(text: &str) {
    for p in [None, Some(PUB)] {
        let times = find_times(text, p);
        let mut prev_end = 0;
        for t in &times {
            assert!(t.span.start <= t.span.end && t.span.end <= text.len());
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            assert!(t.span.start >= prev_end, "overlap/unsorted in {text:?}: {times:?}");
            assert!(t.precision >= 1 && t.precision <= 3);
            assert!(t.end.is_none_or(|e| e > t.start));
            prev_end = t.span.end;
        }
        if p.is_some() {
            for t in &times {
                let again = find_times(&text[t.span.start..], p);
                let first = again.first().unwrap_or_else(|| panic!("{:?} does not re-parse (in {text:?})", t.span.text(text)));
                assert_eq!(first.span.start, 0, "{text:?}");
                assert_eq!(first.span.end, t.span.len(), "{text:?}");
                assert_eq!((first.start, first.end, first.precision), (t.start, t.end, t.precision), "{text:?}");
            }
        }
    }
    let qs = find_quantities(text);
    let mut prev_end = 0;
    for q in &qs {
        assert!(q.span.start < q.span.end && q.span.end <= text.len());
        assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
        assert!(q.span.start >= prev_end, "overlap/unsorted in {text:?}: {qs:?}");
        assert!(q.low <= q.best && q.high.is_none_or(|h| h >= q.best), "{q:?}");
        prev_end = q.span.end;
        let again = find_quantities(&text[q.span.start..]);
        let first = again.first().unwrap_or_else(|| panic!("{:?} does not re-parse (in {text:?})", q.span.text(text)));
        assert_eq!((first.span.start, first.span.end), (0, q.span.len()), "{text:?}");
        assert_eq!((first.low, first.best, first.high), (q.low, q.best, q.high), "{text:?}");
    }
}

/// News-like fragments, so that the generated text actually contains dates and numbers.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("on 1 April 2025".to_string()),
        Just("April 1, 2025".to_string()),
        Just("9-May-20".to_string()),
        Just("2024-11-30".to_string()),
        Just("30/11/2024".to_string()),
        Just("on the night of 8-9 May".to_string()),
        Just("between 5 and 7 May 2020".to_string()),
        Just("Around 9 May 2020 (as reported)".to_string()),
        Just("in May 2020".to_string()),
        Just("in 2015".to_string()),
        Just("on Tuesday night".to_string()),
        Just("last Friday".to_string()),
        Just("earlier this week".to_string()),
        Just("over the past two days".to_string()),
        Just("the weekend".to_string()),
        Just("last month".to_string()),
        Just("yesterday".to_string()),
        Just("about 600".to_string()),
        Just("1,200".to_string()),
        Just("2.5 million".to_string()),
        Just("twenty-five".to_string()),
        Just("a dozen".to_string()),
        Just("dozens of".to_string()),
        Just("between 10 and 15".to_string()),
        Just("10-15".to_string()),
        Just("at least 2".to_string()),
        Just("100km".to_string()),
        Just("one soldier".to_string()),
        Just("May".to_string()),
        Just("march".to_string()),
        Just(" and ".to_string()),
        Just(", ".to_string()),
        Just("-".to_string()),
        (0u32..3000).prop_map(|n| n.to_string()),
        "[A-Za-z]{1,8}",
        "\\PC{1,6}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode(s in "\\PC*") {
        check(&s);
    }

    #[test]
    fn arbitrary_bytes_as_text(s in any::<String>()) {
        check(&s);
    }

    #[test]
    fn news_like(parts in prop::collection::vec(fragment(), 0..12), seps in prop::collection::vec(prop_oneof![Just(" "), Just(""), Just(". "), Just("\n")], 12)) {
        let mut s = String::new();
        for (i, p) in parts.iter().enumerate() {
            s.push_str(p);
            s.push_str(seps[i]);
        }
        check(&s);
    }
}
