//! frontline's analysis pipeline.
//!
//! One [`Document`] flows through the stages, each a module with one job:
//!
//! 1. [`clean`]: boilerplate and embedded social posts are marked as removed spans;
//! 2. [`segment`]: sentences with byte offsets;
//! 3. [`mentions`]: actors, places, times, quantities; the publication date is inferred
//!    when missing;
//! 4. [`attribution`]: claims — who says what, with hedges and the figures they give;
//! 5. [`events`]: trigger detection, classification and arguments per sentence, then
//!    assembly into the article's events (merging, fatalities, framing of loaded labels).
//!
//! Stages read what earlier stages wrote; intermediate results that are not part of the
//! output contract travel in an [`Analysis`] value beside the document.

pub mod attribution;
pub mod clean;
pub mod events;
pub mod mentions;
mod place;
pub mod segment;

use frontline_actors::ActorHit;
use frontline_model::{Document, RawArticle};
use frontline_ontology::TriggerHit;

/// Intermediate results shared between stages (not part of the output contract).
#[derive(Debug, Default, Clone)]
pub struct Analysis {
    /// Dictionary hits for actors, outside removed spans, sorted by position.
    pub actor_hits: Vec<ActorHit>,
    /// Trigger-lexicon hits outside removed spans, sorted by position.
    pub triggers: Vec<TriggerHit>,
    /// The article's dominant country (ISO alpha-2), from places and actors.
    pub country: Option<String>,
    /// The article's dominant named non-state actor: (name, inter, country).
    pub main_group: Option<(String, u8, Option<String>)>,
    /// For each claim in `doc.claims`, the sentence indices it covers.
    pub claim_sentences: Vec<Vec<usize>>,
    /// Where claimants are named ("The Sudanese army said", "Local residents told"): actors
    /// there speak about the event; they are not its parties by virtue of that mention.
    pub claimant_spans: Vec<frontline_model::Span>,
    /// The first-level units (GeoHints keys, "UA.05") where the actors the text names operate
    /// (`mentions::home_region_cues`), in the order of the text and of each actor's row.
    pub home_units: Vec<String>,
}

/// Pipeline switches.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Let the trained reranker (`frontline-classify`) revise the rules' sub-event types.
    /// Off only to produce the rules' own output, e.g. as training input for that model.
    pub rerank: bool,
    /// Let the trained event gate (`frontline-classify::GateModel`) veto the events of a short
    /// text it judges to report none. Off for the rules' own output.
    pub gate: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { rerank: true, gate: true }
    }
}

/// Rules only (no reranker) over a bare text: the tests' way to ask what the rules make of one.
#[cfg(test)]
pub(crate) fn rules_doc(text: &str) -> Document {
    process_with(RawArticle { id: "t".into(), text: text.into(), ..Default::default() }, Options { rerank: false, gate: false })
}

/// Runs every stage over one article.
pub fn process(raw: RawArticle) -> Document {
    process_with(raw, Options::default())
}

/// [`process`] with explicit [`Options`].
pub fn process_with(raw: RawArticle, opts: Options) -> Document {
    let mut doc = Document::from_raw(raw);
    let mut an = Analysis::default();
    clean::run(&mut doc);
    segment::run(&mut doc);
    mentions::run(&mut doc, &mut an);
    attribution::run(&mut doc, &mut an);
    events::run(&mut doc, &an, opts);
    doc
}

/// Wall-clock time spent in each stage over a set of articles (for `frontline bench`).
pub fn profile_stages(texts: &[String]) -> Vec<(&'static str, std::time::Duration)> {
    use std::time::{Duration, Instant};
    let mut t = [Duration::ZERO; 6];
    for (i, text) in texts.iter().enumerate() {
        let raw = RawArticle { id: i.to_string(), text: text.clone(), ..Default::default() };
        let mut doc = Document::from_raw(raw);
        let mut an = Analysis::default();
        let s = Instant::now();
        clean::run(&mut doc);
        t[0] += s.elapsed();
        let s = Instant::now();
        segment::run(&mut doc);
        t[1] += s.elapsed();
        let s = Instant::now();
        mentions::run(&mut doc, &mut an);
        t[2] += s.elapsed();
        let s = Instant::now();
        attribution::run(&mut doc, &mut an);
        t[3] += s.elapsed();
        let s = Instant::now();
        events::run(&mut doc, &an, Options::default());
        t[4] += s.elapsed();
    }
    // Inside mentions: the components on their own.
    let mut m = [Duration::ZERO; 4];
    for text in texts {
        let s = Instant::now();
        let _ = frontline_normalize::time::find_times(text, None);
        m[0] += s.elapsed();
        let s = Instant::now();
        let _ = frontline_normalize::quantity::find_quantities(text);
        m[1] += s.elapsed();
        let s = Instant::now();
        let _ = frontline_actors::dict().find(text);
        m[2] += s.elapsed();
        let s = Instant::now();
        let _ = frontline_geo::geoparse(text, &Default::default());
        m[3] += s.elapsed();
    }
    vec![
        ("clean", t[0]),
        ("segment", t[1]),
        ("mentions", t[2]),
        ("  times", m[0]),
        ("  quantities", m[1]),
        ("  actors", m[2]),
        ("  places", m[3]),
        ("attribution", t[3]),
        ("events", t[4]),
    ]
}
