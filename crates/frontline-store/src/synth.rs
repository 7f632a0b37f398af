//! A deterministic synthetic corpus (JSONL lines) for crash, scale and benchmark runs: wire-
//! style paraphrases of events in a handful of towns over a few weeks, several reports per
//! event, from different outlets with different figures.

const TOWNS: &[(&str, &str)] = &[
    ("El Fasher", "Sudan"),
    ("Nyala", "Sudan"),
    ("Kadugli", "Sudan"),
    ("Omdurman", "Sudan"),
    ("El Obeid", "Sudan"),
    ("Kharkiv", "Ukraine"),
    ("Idlib", "Syria"),
    ("Goma", "Democratic Republic of Congo"),
];
const OUTLETS: &[&str] = &["Reuters", "AFP", "Radio Dabanga", "Al Jazeera", "BBC", "Local Post", "The Observer", "Daily Wire Service"];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// Article `i` of the corpus as one JSONL line.
pub fn article(i: usize) -> String {
    let ev = i / 3; // about three reports per event
    let (town, _country) = TOWNS[ev % TOWNS.len()];
    let day = 1 + (ev / TOWNS.len()) % 28;
    let month = 1 + (ev / (TOWNS.len() * 28)) % 12;
    let year = 2000 + ev / (TOWNS.len() * 28 * 12);
    let date = format!("{year}-{month:02}-{day:02}");
    let published = format!("{year}-{month:02}-{:02}", (day + 1).min(28));
    let outlet = OUTLETS[(i * 7 + ev) % OUTLETS.len()];
    let n = 3 + (i * 13 + ev) % 40;
    let kind = ev % 4;
    let text = match (kind, i % 3) {
        (0, 0) => format!("At least {n} civilians were killed when shells hit a market in {town} on {date}, medics said. Dozens more were wounded, according to a local hospital. Report {i}."),
        (0, 1) => format!("Shelling on the main market of {town} killed {n} people on {date}, according to residents. Witnesses said shells fell at midday. Dispatch {i}."),
        (0, _) => format!("Officials said {n} civilians died in an artillery attack on a crowded market in {town} on {date}. The claim could not be independently verified. Item {i}."),
        (1, 0) => format!("Hundreds of people marched peacefully through {town} on {date} to demand an end to the fighting, organisers said. Report {i}."),
        (1, _) => format!("Protesters rallied in the centre of {town} on {date}, calling for safe corridors and the release of detainees. Dispatch {i}."),
        (2, 0) => format!("A drone strike hit a residential building in {town} on {date}, killing {n} people, the health ministry said. Report {i}."),
        (2, _) => format!("{n} people were killed in an air strike on a neighbourhood of {town} on {date}, a rescue official said. Dispatch {i}."),
        (_, 0) => format!("Fighters clashed with government troops on the outskirts of {town} on {date}, and {n} combatants were killed, a military source said. Report {i}."),
        (_, _) => format!("Heavy fighting broke out near {town} on {date}; a monitor said {n} fighters died in the clashes. Dispatch {i}."),
    };
    let title = format!("{} in {town}", ["Market shelled", "Protest", "Strike", "Clashes"][kind]);
    let _ = WEEKDAYS;
    serde_json::json!({
        "id": format!("synth-{i}"),
        "source": outlet,
        "url": format!("https://example.org/{}/{i}", outlet.to_lowercase().replace(' ', "-")),
        "published": published,
        "title": title,
        "text": format!("{title}\n{text}"),
    })
    .to_string()
}

/// Writes articles `0..n` to `path` as JSONL.
pub fn write_corpus(path: &std::path::Path, n: usize) -> std::io::Result<()> {
    use std::io::Write;
    let mut w = std::io::BufWriter::new(std::fs::File::create(path)?);
    for i in 0..n {
        writeln!(w, "{}", article(i))?;
    }
    w.flush()
}
