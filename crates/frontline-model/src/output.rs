//! The output contract (one object per article). Field names are fixed: other tools
//! depend on them. All `start`/`end` here are **character offsets** (Unicode scalar
//! values) into the article text.

use crate::{CharIndex, Document, Span};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct ArticleOut {
    pub id: String,
    pub published: Option<String>,
    pub published_inferred: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    pub events: Vec<EventOut>,
    pub places: Vec<PlaceOut>,
    pub actors: Vec<ActorOut>,
    pub claims: Vec<ClaimOut>,
    pub framing: Vec<FramingOut>,
    pub removed: Vec<RemovedOut>,
    /// Present only when the event gate vetoed the rules' events (see `GateVeto`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_gate: Option<crate::GateVeto>,
}

/// The line written for a record that could not be processed.
#[derive(Debug, Clone, Serialize)]
pub struct ErrorLine {
    pub id: String,
    pub error: ErrorOut,
}

#[derive(Debug, Clone, Serialize)]
pub struct ErrorOut {
    /// `file:line` (or file) of the failing record.
    pub record: String,
    pub message: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct EvidenceOut {
    pub field: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct EventOut {
    pub event_id: String,
    pub event_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_date_end: Option<String>,
    pub time_precision: u8,
    pub disorder_type: String,
    pub event_type: String,
    pub sub_event_type: String,
    pub actor1: String,
    pub assoc_actor_1: String,
    pub inter1: Option<u8>,
    pub actor2: String,
    pub assoc_actor_2: String,
    pub inter2: Option<u8>,
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
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plover_mode: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cameo_root: Option<String>,
    pub claims: Vec<String>,
    pub evidence: Vec<EvidenceOut>,
    pub confidence: f32,
}

#[derive(Debug, Clone, Serialize)]
pub struct PlaceOut {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub name: String,
    pub geonameid: u32,
    pub latitude: f64,
    pub longitude: f64,
    pub country_code: String,
    pub admin1: Option<String>,
    pub feature_code: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActorOut {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub actor: String,
    pub inter: u8,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub label_term: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct FigureOut {
    pub kind: String,
    pub low: u64,
    pub best: u64,
    pub high: u64,
    pub text: String,
    pub subject: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ClaimOut {
    pub claim_id: String,
    pub claimant: String,
    pub claimant_type: crate::ClaimantType,
    pub verb: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hedge: Option<String>,
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<FigureOut>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FramingOut {
    pub term: String,
    pub refers_to: String,
    pub used_by: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct RemovedOut {
    pub start: usize,
    pub end: usize,
    pub reason: crate::RemovedReason,
}

struct Conv<'a> {
    text: &'a str,
    ci: CharIndex,
}

impl Conv<'_> {
    fn se(&self, s: Span) -> (usize, usize) {
        self.ci.char_span(s)
    }
    fn t(&self, s: Span) -> String {
        s.text(self.text).to_string()
    }
}

impl ArticleOut {
    /// Converts a finished document to the output contract (byte → char offsets).
    pub fn from_document(doc: &Document, with_text: bool) -> ArticleOut {
        let cv = Conv { text: &doc.text, ci: CharIndex::new(&doc.text) };
        let events = doc
            .events
            .iter()
            .map(|e| EventOut {
                event_id: e.event_id.clone(),
                event_date: e.event_date.map(|d| d.to_string()),
                event_date_end: e.event_date_end.map(|d| d.to_string()),
                time_precision: e.time_precision,
                disorder_type: e.disorder_type.clone(),
                event_type: e.event_type.clone(),
                sub_event_type: e.sub_event_type.clone(),
                actor1: e.actor1.clone(),
                assoc_actor_1: e.assoc_actor_1.clone(),
                inter1: e.inter1,
                actor2: e.actor2.clone(),
                assoc_actor_2: e.assoc_actor_2.clone(),
                inter2: e.inter2,
                interaction: e.interaction.clone(),
                country: e.country.clone(),
                iso: e.iso,
                admin1: e.admin1.clone(),
                admin2: e.admin2.clone(),
                location: e.location.clone(),
                latitude: e.latitude,
                longitude: e.longitude,
                geo_precision: e.geo_precision,
                fatalities: e.fatalities,
                fatalities_low: e.fatalities_low,
                fatalities_high: e.fatalities_high,
                plover_event: e.plover_event.clone(),
                plover_mode: e.plover_mode.clone(),
                cameo_root: e.cameo_root.clone(),
                claims: e.claims.clone(),
                evidence: e
                    .evidence
                    .iter()
                    .map(|ev| {
                        let (start, end) = cv.se(ev.span);
                        EvidenceOut { field: ev.field.clone(), start, end, text: cv.t(ev.span) }
                    })
                    .collect(),
                confidence: e.confidence,
            })
            .collect();
        let places = doc
            .places
            .iter()
            .map(|p| {
                let (start, end) = cv.se(p.span);
                PlaceOut {
                    start,
                    end,
                    text: cv.t(p.span),
                    name: p.name.clone(),
                    geonameid: p.geonameid,
                    latitude: p.latitude,
                    longitude: p.longitude,
                    country_code: p.country_code.clone(),
                    admin1: p.admin1.clone(),
                    feature_code: p.feature_code.clone(),
                }
            })
            .collect();
        let actors = doc
            .actors
            .iter()
            .map(|a| {
                let (start, end) = cv.se(a.span);
                ActorOut {
                    start,
                    end,
                    text: cv.t(a.span),
                    actor: a.actor.clone(),
                    inter: a.inter,
                    label_term: a.label_term,
                }
            })
            .collect();
        let claims = doc
            .claims
            .iter()
            .map(|c| {
                let (start, end) = cv.se(c.span);
                ClaimOut {
                    claim_id: c.claim_id.clone(),
                    claimant: c.claimant.clone(),
                    claimant_type: c.claimant_type,
                    verb: c.verb.clone(),
                    hedge: c.hedge.clone(),
                    start,
                    end,
                    text: cv.t(c.span),
                    figures: c
                        .figures
                        .iter()
                        .map(|f| FigureOut {
                            kind: f.kind.clone(),
                            low: f.low,
                            best: f.best,
                            high: f.high,
                            text: cv.t(f.span),
                            subject: f.subject.clone(),
                        })
                        .collect(),
                }
            })
            .collect();
        let framing = doc
            .framing
            .iter()
            .map(|f| {
                let (start, end) = cv.se(f.span);
                FramingOut {
                    term: f.term.clone(),
                    refers_to: f.refers_to.clone(),
                    used_by: f.used_by.clone(),
                    start,
                    end,
                }
            })
            .collect();
        let removed = doc
            .removed
            .iter()
            .map(|r| {
                let (start, end) = cv.se(r.span);
                RemovedOut { start, end, reason: r.reason }
            })
            .collect();
        ArticleOut {
            id: doc.id.clone(),
            published: doc.published.map(|d| d.to_string()),
            published_inferred: doc.published_inferred,
            title: doc.title.clone(),
            text: with_text.then(|| doc.text.clone()),
            events,
            places,
            actors,
            claims,
            framing,
            removed,
            event_gate: doc.gate.clone(),
        }
    }
}
