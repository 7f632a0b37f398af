//! frontline's data model: the one document that flows through the pipeline, and the
//! output contract that other tools read.
//!
//! Offsets: inside the pipeline every span is a [`Span`] of **UTF-8 byte offsets** into
//! [`Document::text`] (what Rust string slicing uses). The output contract uses
//! **character offsets (Unicode scalar values)**; [`CharIndex`] converts, and only the
//! output layer (`output` module) performs that conversion.

pub mod output;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` of UTF-8 byte offsets into a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
    pub fn shift(&self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }
}

/// Converts UTF-8 byte offsets of one text to character (Unicode scalar value) offsets.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// `byte_to_char[b]` for every char boundary `b` (and `text.len()`); other entries are
    /// the index of the char that contains the byte.
    byte_to_char: Vec<u32>,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let mut byte_to_char = vec![0u32; text.len() + 1];
        let mut ci = 0u32;
        for (b, ch) in text.char_indices() {
            for k in 0..ch.len_utf8() {
                byte_to_char[b + k] = ci;
            }
            ci += 1;
        }
        byte_to_char[text.len()] = ci;
        CharIndex { byte_to_char }
    }
    pub fn char_offset(&self, byte: usize) -> usize {
        self.byte_to_char[byte] as usize
    }
    pub fn char_span(&self, span: Span) -> (usize, usize) {
        (self.char_offset(span.start), self.char_offset(span.end))
    }
}

/// Where an article came from: enough to name a record in an error message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Origin {
    /// File path, or `-` for stdin.
    pub path: String,
    /// 1-based line number for JSONL records.
    pub line: Option<usize>,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}", self.path, l),
            None => write!(f, "{}", self.path),
        }
    }
}

/// An article as read by a source, before any analysis.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct RawArticle {
    pub id: String,
    pub text: String,
    pub title: Option<String>,
    pub published: Option<Date>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub origin: Origin,
    /// Spans the source already knows to be non-article text (e.g. from HTML cleaning).
    pub removed: Vec<Removed>,
}

/// Why a span of the text is not the reporter's own running text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RemovedReason {
    /// Share-this footers, subscription prompts, navigation remnants.
    Boilerplate,
    /// A social-media post embedded in the article (kept as a claim of its author).
    EmbeddedPost,
    /// Photo captions and credits.
    Caption,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    pub span: Span,
    pub reason: RemovedReason,
    /// For embedded posts: the author's display name and handle, and the post date.
    pub author: Option<String>,
    pub handle: Option<String>,
    pub date: Option<Date>,
}

/// A sentence with its byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    /// Index of the paragraph (line block) this sentence belongs to.
    pub paragraph: usize,
}

/// ACLED inter codes (1–8).
pub type Inter = u8;

/// An actor mention, resolved to a canonical ACLED-style actor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorMention {
    pub span: Span,
    /// ACLED-style actor name, e.g. "Hayat Tahrir al-Sham".
    pub actor: String,
    pub inter: Inter,
    /// ISO 3166-1 alpha-2 of the actor's home country, when known.
    pub country: Option<String>,
    /// True for loaded labels ("terrorists", "militants") resolved to the actor they name.
    pub label_term: bool,
    /// The dictionary key that matched (for explanation).
    pub matched: String,
}

/// A place mention resolved against the gazetteer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceMention {
    pub span: Span,
    pub name: String,
    pub geonameid: u32,
    pub latitude: f64,
    pub longitude: f64,
    pub country_code: String,
    pub admin1: Option<String>,
    pub admin2: Option<String>,
    /// GeoNames feature code (PPL, PPLA, ADM1, PCLI, ...).
    pub feature_code: String,
    pub population: u64,
    /// How sure the resolver is, 0..1.
    pub confidence: f32,
    /// True when the mention is a demonym ("Syrian") standing for a country.
    pub demonym: bool,
}

impl PlaceMention {
    pub fn is_country(&self) -> bool {
        self.feature_code.starts_with("PCL") || self.feature_code == "TERR"
    }
    pub fn is_admin(&self) -> bool {
        self.feature_code.starts_with("ADM")
    }
}

/// A normalised time expression.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeMention {
    pub span: Span,
    /// First day the expression covers.
    pub start: Date,
    /// Last day, when it covers more than one day.
    pub end: Option<Date>,
    /// ACLED time precision: 1 day, 2 week/weekend/few days, 3 month.
    pub precision: u8,
    /// True when the text states the date itself ("on 1 April 2025"); false when it was
    /// resolved relative to the publication date ("Saturday", "earlier this week").
    pub explicit: bool,
    /// True when the expression is only a year ("in 2015") or otherwise coarser than a month.
    pub coarse: bool,
}

/// A number or vague quantity found in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    pub span: Span,
    pub low: u64,
    pub best: u64,
    pub high: Option<u64>,
    /// A unit written right after the number ("km", "%"), lower-cased.
    pub unit: Option<String>,
    /// True for vague words ("dozens", "hundreds", "several").
    pub vague: bool,
    /// True for "about", "around", "some", "nearly", "more than" ...
    pub approximate: bool,
}

/// Who a claim is attributed to, by type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimantType {
    Official,
    Party,
    Monitor,
    Media,
    SocialPost,
    Reporter,
    Unknown,
}

/// A figure inside a claim: "dozens of our forces were killed".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// killed | wounded | captured | displaced | arrested | ...
    pub kind: String,
    pub low: u64,
    pub best: u64,
    pub high: u64,
    pub span: Span,
    /// Who the figure counts ("our forces", "militants"), as written.
    pub subject: String,
}

/// A statement attributed to a claimant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub claim_id: String,
    pub claimant: String,
    pub claimant_type: ClaimantType,
    /// The reporting verb or phrase ("said", "according to", "acknowledged", "posted").
    pub verb: String,
    pub hedge: Option<String>,
    /// The span of the claimed content (the sentence or quote).
    pub span: Span,
    pub figures: Vec<Figure>,
}

/// A loaded label resolved to the actor it names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Framing {
    pub term: String,
    pub refers_to: String,
    pub used_by: String,
    pub span: Span,
}

/// A piece of evidence for one field of an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub field: String,
    pub span: Span,
}

/// A coded event, ACLED schema plus frontline's additions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Event {
    pub event_id: String,
    pub event_date: Option<Date>,
    pub event_date_end: Option<Date>,
    pub time_precision: u8,
    pub disorder_type: String,
    pub event_type: String,
    pub sub_event_type: String,
    pub actor1: String,
    pub assoc_actor_1: String,
    pub inter1: Option<Inter>,
    pub actor2: String,
    pub assoc_actor_2: String,
    pub inter2: Option<Inter>,
    pub interaction: String,
    pub country: String,
    pub iso: Option<u16>,
    pub admin1: String,
    pub admin2: String,
    pub location: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub geo_precision: u8,
    pub fatalities: u64,
    pub fatalities_low: Option<u64>,
    pub fatalities_high: Option<u64>,
    pub plover_event: String,
    pub plover_mode: Option<String>,
    pub cameo_root: Option<String>,
    pub claims: Vec<String>,
    pub evidence: Vec<Evidence>,
    pub confidence: f32,
}

/// The shared document every pipeline stage reads and extends.
#[derive(Debug, Clone, Default)]
pub struct Document {
    pub id: String,
    pub text: String,
    pub title: Option<String>,
    pub published: Option<Date>,
    pub published_inferred: bool,
    pub url: Option<String>,
    pub source: Option<String>,
    pub origin: Origin,
    pub removed: Vec<Removed>,
    pub sentences: Vec<Sentence>,
    pub actors: Vec<ActorMention>,
    pub places: Vec<PlaceMention>,
    pub times: Vec<TimeMention>,
    pub quantities: Vec<Quantity>,
    pub claims: Vec<Claim>,
    pub framing: Vec<Framing>,
    pub events: Vec<Event>,
    /// Set when the event gate (`frontline-classify`'s trained event/no-event model) judged
    /// the text to report no event and vetoed the events the rules had found in it.
    pub gate: Option<GateVeto>,
}

/// What the event gate vetoed, and why: the text's probability of reporting an event
/// was below the model's threshold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GateVeto {
    pub p_event: f32,
    pub threshold: f32,
    /// The sub-event types of the vetoed events, in order.
    pub vetoed: Vec<String>,
}

impl Document {
    pub fn from_raw(raw: RawArticle) -> Self {
        Document {
            id: raw.id,
            text: raw.text,
            title: raw.title,
            published: raw.published,
            published_inferred: false,
            url: raw.url,
            source: raw.source,
            origin: raw.origin,
            removed: raw.removed,
            ..Default::default()
        }
    }

    /// True when `span` lies inside a removed region (boilerplate, embedded post).
    pub fn is_removed(&self, span: Span) -> Option<&Removed> {
        self.removed.iter().find(|r| r.span.overlaps(span))
    }

    /// The sentence containing byte offset `at`.
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= at);
        (i < self.sentences.len() && self.sentences[i].span.start <= at).then_some(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_index_counts_scalar_values() {
        let t = "a’b 𝗡x";
        let ci = CharIndex::new(t);
        let b = t.find('x').unwrap();
        assert_eq!(ci.char_offset(b), 5);
        assert_eq!(ci.char_offset(t.len()), 6);
        assert_eq!(ci.char_span(Span::new(0, t.find('b').unwrap())), (0, 2));
    }

    #[test]
    fn sentence_lookup() {
        let mut d = Document::default();
        d.sentences = vec![
            Sentence { span: Span::new(0, 10), paragraph: 0 },
            Sentence { span: Span::new(11, 20), paragraph: 0 },
        ];
        assert_eq!(d.sentence_at(0), Some(0));
        assert_eq!(d.sentence_at(12), Some(1));
        assert_eq!(d.sentence_at(10), None);
        assert_eq!(d.sentence_at(25), None);
    }
}
