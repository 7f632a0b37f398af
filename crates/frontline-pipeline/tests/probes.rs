//! Probe sentences (`tests/probes/probes.tsv`): ACLED-style notes and wire-style snippets from
//! conflicts outside the 2020 development sample, and sentences that report no event, each with
//! the coding an ACLED coder would give. Rows marked `ok` must come out so; `gap` rows are known
//! misses, printed with their reason so that a fix shows up.

use frontline_model::RawArticle;

const PROBES: &str = include_str!("probes/probes.tsv");

struct Probe<'a> {
    line: usize,
    status: &'a str,
    event_type: &'a str,
    sub_event_type: &'a str,
    actor1: &'a str,
    published: &'a str,
    text: &'a str,
}

fn probes() -> Vec<Probe<'static>> {
    PROBES
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .map(|(i, l)| {
            let f: Vec<&str> = l.split('\t').collect();
            assert!(f.len() >= 6, "probes.tsv:{}: expected at least 6 columns, found {}", i + 1, f.len());
            Probe { line: i + 1, status: f[0], event_type: f[1], sub_event_type: f[2], actor1: f[3], published: f[4], text: f[5] }
        })
        .collect()
}

/// (event_type, sub_event_type, actor1) of the first event, or None.
fn first_event(p: &Probe) -> Option<(String, String, String)> {
    let doc = frontline_pipeline::process(RawArticle {
        id: format!("probe-{}", p.line),
        text: p.text.to_string(),
        published: (p.published != "-").then(|| p.published.parse().expect("published date")),
        ..Default::default()
    });
    doc.events.into_iter().next().map(|e| (e.event_type, e.sub_event_type, e.actor1))
}

#[test]
fn probe_sentences_are_coded_as_an_acled_coder_would() {
    let all = probes();
    assert!(all.len() > 100, "{} probes", all.len());
    let mut failures = Vec::new();
    for p in &all {
        let got = first_event(p);
        match p.status {
            "ok" => {
                let good = got.as_ref().is_some_and(|(t, s, a)| t == p.event_type && s == p.sub_event_type && (p.actor1 == "*" || a.starts_with(p.actor1)));
                if !good {
                    failures.push(format!("probes.tsv:{}: want {} / {} / {}, got {:?}\n    {}", p.line, p.event_type, p.sub_event_type, p.actor1, got, p.text));
                }
            }
            "none" => {
                if got.is_some() {
                    failures.push(format!("probes.tsv:{}: want no event, got {:?}\n    {}", p.line, got, p.text));
                }
            }
            "gap" => eprintln!("known gap, probes.tsv:{}: got {:?}: {}", p.line, got, p.text),
            other => panic!("probes.tsv:{}: unknown status {other:?}", p.line),
        }
    }
    assert!(failures.is_empty(), "{} of {} probes miscoded:\n{}", failures.len(), all.len(), failures.join("\n"));
}
