//! The pipeline never panics and every span it returns is a valid char-boundary range of the
//! text, whatever the input: arbitrary Unicode, news-like fragments glued at random.

use frontline_model::{output::ArticleOut, RawArticle, Span};
use proptest::prelude::*;

fn check(text: &str, published: Option<&str>) {
    let doc = frontline_pipeline::process(RawArticle {
        id: "p".into(),
        text: text.to_string(),
        published: published.map(|d| d.parse().unwrap()),
        ..Default::default()
    });
    let ok = |s: Span| s.start <= s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end);
    for s in &doc.sentences {
        assert!(ok(s.span));
    }
    for a in &doc.actors {
        assert!(ok(a.span));
    }
    for p in &doc.places {
        assert!(ok(p.span));
    }
    for c in &doc.claims {
        assert!(ok(c.span));
        for f in &c.figures {
            assert!(ok(f.span));
            assert!(f.low <= f.best && f.best <= f.high.max(f.best));
        }
    }
    for e in &doc.events {
        assert!((1..=3).contains(&e.time_precision));
        assert!((1..=3).contains(&e.geo_precision));
        assert!(frontline_ontology::sub_event(&e.sub_event_type).is_some());
        for ev in &e.evidence {
            assert!(ok(ev.span));
        }
        if let (Some(a), Some(b)) = (e.event_date, e.event_date_end) {
            assert!(a <= b);
        }
    }
    // The output layer converts every span without panicking.
    let out = ArticleOut::from_document(&doc, true);
    serde_json::to_string(&out).unwrap();
}

const FRAGMENTS: &[&str] = &[
    "On 9 May 2020, ", "Saturday", " earlier this week ", "dozens of ", "about 600 ", "militants ", "were killed ",
    "in Aleppo", " (Idleb, Syria)", ", the army said.", " “", "”", "Hayat Tahrir-al-Sham (HTS)", " protesters ",
    "police fired tear gas", "\n", "— 𝗡𝗶𝗼𝗵 (@x) November 30, 2024", "pic.twitter.com/abc", "You can share this story:",
    "between 10 and 15 ", "airstrikes", " according to ", "Russian and Syrian forces ", "35–40 ", "é", "’s ",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode(text in "\\PC{0,300}") {
        check(&text, None);
        check(&text, Some("2024-11-30"));
    }

    #[test]
    fn news_like_fragments(parts in proptest::collection::vec(0..FRAGMENTS.len(), 0..40)) {
        let text: String = parts.iter().map(|&i| FRAGMENTS[i]).collect();
        check(&text, Some("2024-11-30"));
        check(&text, None);
    }
}

#[test]
fn degenerate_inputs() {
    for t in ["", " ", "\n\n\n", ".", "“", "On", "2024", "killed", "Aleppo", "\u{feff}Clashes"] {
        check(t, None);
    }
}
