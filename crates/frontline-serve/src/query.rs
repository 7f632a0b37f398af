//! Read-only queries over the store's tables (schema: crates/frontline-store/migrations/).
//!
//! Every value from a request is bound as an SQL parameter; the SQL text is assembled only
//! from the constant fragments below.

use std::collections::BTreeMap;

use jiff::civil::Date;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::error::{ApiError, ApiResult};
use frontline_store::resolve::day_number;

/// Filters shared by `/api/events`, `/api/stats` and `/api/export`.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct EventsQuery {
    /// First day (YYYY-MM-DD), inclusive: events whose date range ends on or after it.
    pub from: Option<String>,
    /// Last day (YYYY-MM-DD), inclusive: events whose date range starts on or before it.
    pub to: Option<String>,
    /// `min_lon,min_lat,max_lon,max_lat` (WGS84 degrees).
    pub bbox: Option<String>,
    /// Country: ACLED name, ISO 3166 alpha-2 or alpha-3 (case-insensitive).
    pub country: Option<String>,
    /// Substring of actor1, actor2 or an associated actor (case-insensitive).
    pub actor: Option<String>,
    /// ACLED event type (or disorder type, or sub-event type), exact, case-insensitive.
    pub event_type: Option<String>,
    /// ACLED sub-event type, exact, case-insensitive.
    pub sub_event_type: Option<String>,
    /// At least this many distinct sources (outlets).
    pub min_sources: Option<u32>,
    /// Text search (case-insensitive substring) over notes, location, actors and the member
    /// articles' titles and text.
    pub q: Option<String>,
    /// Page size for `/api/events` (1–5000, default 200); for `/api/export`, at most this many events.
    pub limit: Option<u32>,
    /// Opaque cursor from a previous page's `next_cursor` (`/api/events` only).
    pub cursor: Option<String>,
}

/// Validated filters.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub bbox: Option<[f64; 4]>,
    pub country: Option<String>,
    pub actor: Option<String>,
    pub event_type: Option<String>,
    pub sub_event_type: Option<String>,
    pub min_sources: Option<u32>,
    pub q: Option<String>,
}

pub const DEFAULT_LIMIT: u32 = 200;
pub const MAX_LIMIT: u32 = 5000;

fn nonempty(s: &Option<String>) -> Option<String> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
}

fn parse_date(s: &Option<String>, name: &str) -> ApiResult<Option<Date>> {
    match nonempty(s) {
        None => Ok(None),
        Some(d) => d
            .parse::<Date>()
            .map(Some)
            .map_err(|_| ApiError::bad("bad_parameter", format!("`{name}` {d:?}: expected a date YYYY-MM-DD"))),
    }
}

/// The store's bbox rule ([`frontline_store::Filter::parse_bbox`]) as an API error.
pub fn parse_bbox(s: &str) -> ApiResult<[f64; 4]> {
    frontline_store::Filter::parse_bbox(s).map_err(|e| ApiError::bad("bad_parameter", e.to_string()))
}

impl EventsQuery {
    pub fn filters(&self) -> ApiResult<Filters> {
        let from = parse_date(&self.from, "from")?;
        let to = parse_date(&self.to, "to")?;
        if let (Some(a), Some(b)) = (from, to) {
            if a > b {
                return Err(ApiError::bad("bad_parameter", format!("`from` {a} is after `to` {b}")));
            }
        }
        let q = nonempty(&self.q);
        if q.as_deref().is_some_and(|q| q.chars().count() > 200) {
            return Err(ApiError::bad("bad_parameter", "`q` is longer than 200 characters"));
        }
        Ok(Filters {
            from,
            to,
            bbox: nonempty(&self.bbox).map(|b| parse_bbox(&b)).transpose()?,
            country: nonempty(&self.country),
            actor: nonempty(&self.actor),
            event_type: nonempty(&self.event_type),
            sub_event_type: nonempty(&self.sub_event_type),
            min_sources: self.min_sources,
            q,
        })
    }

    pub fn limit(&self) -> ApiResult<u32> {
        match self.limit {
            None => Ok(DEFAULT_LIMIT),
            Some(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
            Some(n) => Err(ApiError::bad("bad_parameter", format!("`limit` {n}: expected 1 to {MAX_LIMIT}"))),
        }
    }
}

/// Days since 1970-01-01, as the store's `day0`/`day1` columns.

fn like(s: &str) -> String {
    format!("%{}%", s.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"))
}

/// A WHERE clause built from constant fragments and bound values.
#[derive(Default)]
pub struct Where {
    parts: Vec<&'static str>,
    pub params: Vec<Value>,
}

impl Where {
    fn push(&mut self, sql: &'static str, values: impl IntoIterator<Item = Value>) {
        self.parts.push(sql);
        self.params.extend(values);
    }

    pub fn sql(&self) -> String {
        if self.parts.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", self.parts.join(" AND "))
        }
    }
}

impl Filters {
    pub fn where_clause(&self) -> Where {
        let mut w = Where::default();
        if let Some(d) = self.from {
            w.push("c.day1 >= ?", [Value::Integer(day_number(d))]);
        }
        if let Some(d) = self.to {
            w.push("c.day0 <= ?", [Value::Integer(day_number(d))]);
        }
        if let Some(c) = &self.country {
            let cs = frontline_actors::countries();
            let info = cs
                .by_iso2(c)
                .filter(|_| c.len() == 2)
                .or_else(|| cs.all().iter().find(|x| x.iso3.eq_ignore_ascii_case(c)))
                .or_else(|| cs.by_name(c));
            match info {
                Some(i) => w.push("c.iso3 = ?", [Value::Text(i.iso3.clone())]),
                None => w.push("c.country = ? COLLATE NOCASE", [Value::Text(c.clone())]),
            }
        }
        if let Some(a) = &self.actor {
            let p = Value::Text(like(a));
            w.push(
                "(c.actor1 LIKE ? ESCAPE '\\' OR c.actor2 LIKE ? ESCAPE '\\' OR c.assoc_actor_1 LIKE ? ESCAPE '\\' OR c.assoc_actor_2 LIKE ? ESCAPE '\\')",
                [p.clone(), p.clone(), p.clone(), p],
            );
        }
        if let Some(t) = &self.event_type {
            let p = Value::Text(t.clone());
            w.push(
                "(c.event_type = ? COLLATE NOCASE OR c.disorder_type = ? COLLATE NOCASE OR c.sub_event_type = ? COLLATE NOCASE)",
                [p.clone(), p.clone(), p],
            );
        }
        if let Some(t) = &self.sub_event_type {
            w.push("c.sub_event_type = ? COLLATE NOCASE", [Value::Text(t.clone())]);
        }
        if let Some(b) = self.bbox {
            w.push(
                "(c.longitude BETWEEN ? AND ? AND c.latitude BETWEEN ? AND ?)",
                [Value::Real(b[0]), Value::Real(b[2]), Value::Real(b[1]), Value::Real(b[3])],
            );
        }
        if let Some(n) = self.min_sources {
            w.push("c.n_sources >= ?", [Value::Integer(n as i64)]);
        }
        if let Some(q) = &self.q {
            let p = Value::Text(like(q));
            w.push(
                "(c.notes LIKE ? ESCAPE '\\' OR c.location LIKE ? ESCAPE '\\' OR c.admin1 LIKE ? ESCAPE '\\' OR c.actor1 LIKE ? ESCAPE '\\' OR c.actor2 LIKE ? ESCAPE '\\' \
                 OR EXISTS (SELECT 1 FROM events e JOIN articles a ON a.id = e.article_id WHERE e.cluster_id = c.id AND (a.title LIKE ? ESCAPE '\\' OR a.text LIKE ? ESCAPE '\\')))",
                std::iter::repeat_n(p, 7),
            );
        }
        w
    }

    /// The store's own filter, for exports (text search and sub-type-with-type are not in it).
    pub fn store_filter(&self, limit: Option<u32>) -> ApiResult<frontline_store::Filter> {
        if self.q.is_some() {
            return Err(ApiError::bad("unsupported_parameter", "`q` (text search) is not supported by /api/export"));
        }
        if self.event_type.is_some() && self.sub_event_type.is_some() {
            return Err(ApiError::bad("unsupported_parameter", "/api/export takes `event_type` or `sub_event_type`, not both"));
        }
        Ok(frontline_store::Filter {
            from: self.from,
            to: self.to,
            country: self.country.clone(),
            actor: self.actor.clone(),
            event_type: self.sub_event_type.clone().or_else(|| self.event_type.clone()),
            bbox: self.bbox,
            min_sources: self.min_sources,
            limit: limit.map(|l| l as usize),
        })
    }
}

// ------------------------------------------------------------------ cursor

/// Position after the last event of a page: ordering is (day0 IS NULL, day0, id).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cursor {
    pub day0: Option<i64>,
    pub id: i64,
}

impl Cursor {
    pub fn encode(&self) -> String {
        match self.day0 {
            Some(d) => format!("d{d}.{}", self.id),
            None => format!("n.{}", self.id),
        }
    }

    pub fn decode(s: &str) -> ApiResult<Cursor> {
        let err = || ApiError::bad("bad_cursor", format!("`cursor` {s:?} is not a cursor this server returned"));
        let (a, b) = s.split_once('.').ok_or_else(err)?;
        let id: i64 = b.parse().map_err(|_| err())?;
        let day0 = if a == "n" {
            None
        } else {
            Some(a.strip_prefix('d').ok_or_else(err)?.parse::<i64>().map_err(|_| err())?)
        };
        Ok(Cursor { day0, id })
    }
}

// ------------------------------------------------------------------ events

/// A canonical event as listed.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct EventSummary {
    /// ACLED-style id (`SYR3`), stable once assigned.
    pub id: String,
    pub event_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_date_end: Option<String>,
    pub time_precision: u8,
    pub disorder_type: String,
    pub event_type: String,
    pub sub_event_type: String,
    pub actor1: String,
    pub assoc_actor_1: String,
    pub actor2: String,
    pub assoc_actor_2: String,
    pub interaction: String,
    pub civilian_targeting: String,
    pub country: String,
    pub iso3: String,
    pub admin1: String,
    pub admin2: String,
    pub location: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub geo_precision: u8,
    /// ACLED's conservative figure (lowest claimant).
    pub fatalities: i64,
    pub fatalities_low: Option<i64>,
    pub fatalities_high: Option<i64>,
    /// Distinct outlets.
    pub sources: Vec<String>,
    pub source_scale: String,
    pub n_sources: i64,
    pub n_articles: i64,
    pub n_reports: i64,
    pub n_independent: i64,
    pub first_reported: Option<String>,
    pub last_reported: Option<String>,
    pub notes: String,
    pub confidence: f64,
}

const SUMMARY_COLS: &str = "c.id, c.day0, c.event_id_cnty, c.event_date, c.event_date_end, c.time_precision, c.disorder_type, c.event_type, \
    c.sub_event_type, c.actor1, c.assoc_actor_1, c.actor2, c.assoc_actor_2, c.interaction, c.civilian_targeting, c.country, c.iso3, \
    c.admin1, c.admin2, c.location, c.latitude, c.longitude, c.geo_precision, c.fatalities, c.fatalities_low, c.fatalities_high, \
    c.sources, c.source_scale, c.n_sources, c.n_articles, c.n_reports, c.n_independent, c.first_reported, c.last_reported, c.notes, \
    c.confidence";

fn summary_from_row(r: &rusqlite::Row) -> rusqlite::Result<(i64, Option<i64>, EventSummary)> {
    let sources: String = r.get(26)?;
    Ok((
        r.get(0)?,
        r.get(1)?,
        EventSummary {
            id: r.get(2)?,
            event_date: r.get(3)?,
            event_date_end: r.get(4)?,
            time_precision: r.get(5)?,
            disorder_type: r.get(6)?,
            event_type: r.get(7)?,
            sub_event_type: r.get(8)?,
            actor1: r.get(9)?,
            assoc_actor_1: r.get(10)?,
            actor2: r.get(11)?,
            assoc_actor_2: r.get(12)?,
            interaction: r.get(13)?,
            civilian_targeting: r.get(14)?,
            country: r.get(15)?,
            iso3: r.get(16)?,
            admin1: r.get(17)?,
            admin2: r.get(18)?,
            location: r.get(19)?,
            latitude: r.get(20)?,
            longitude: r.get(21)?,
            geo_precision: r.get(22)?,
            fatalities: r.get(23)?,
            fatalities_low: r.get(24)?,
            fatalities_high: r.get(25)?,
            sources: sources.split("; ").filter(|s| !s.is_empty()).map(str::to_string).collect(),
            source_scale: r.get(27)?,
            n_sources: r.get(28)?,
            n_articles: r.get(29)?,
            n_reports: r.get(30)?,
            n_independent: r.get(31)?,
            first_reported: r.get(32)?,
            last_reported: r.get(33)?,
            notes: r.get(34)?,
            confidence: r.get(35)?,
        },
    ))
}

/// One page of `/api/events`.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct EventPage {
    pub events: Vec<EventSummary>,
    /// Events matching the filters (all pages).
    pub total: u64,
    /// Pass as `cursor` for the next page; null on the last page.
    pub next_cursor: Option<String>,
}

pub fn list_events(conn: &Connection, f: &Filters, limit: u32, cursor: Option<Cursor>) -> ApiResult<EventPage> {
    let w = f.where_clause();
    let total: i64 = conn.query_row(
        &format!("SELECT count(*) FROM clusters c{}", w.sql()),
        rusqlite::params_from_iter(w.params.iter()),
        |r| r.get(0),
    )?;
    let mut params = w.params.clone();
    let mut sql = format!("SELECT {SUMMARY_COLS} FROM clusters c{}", w.sql());
    if let Some(c) = cursor {
        sql.push_str(if w.sql().is_empty() { " WHERE " } else { " AND " });
        match c.day0 {
            Some(d) => {
                sql.push_str("(c.day0 IS NULL OR c.day0 > ? OR (c.day0 = ? AND c.id > ?))");
                params.extend([Value::Integer(d), Value::Integer(d), Value::Integer(c.id)]);
            }
            None => {
                sql.push_str("(c.day0 IS NULL AND c.id > ?)");
                params.push(Value::Integer(c.id));
            }
        }
    }
    sql.push_str(" ORDER BY c.day0 IS NULL, c.day0, c.id LIMIT ?");
    params.push(Value::Integer(limit as i64 + 1));
    let mut st = conn.prepare(&sql)?;
    let mut rows: Vec<(i64, Option<i64>, EventSummary)> =
        st.query_map(rusqlite::params_from_iter(params.iter()), summary_from_row)?.collect::<rusqlite::Result<_>>()?;
    let next_cursor = if rows.len() > limit as usize {
        rows.truncate(limit as usize);
        rows.last().map(|(id, day0, _)| Cursor { day0: *day0, id: *id }.encode())
    } else {
        None
    };
    Ok(EventPage { events: rows.into_iter().map(|r| r.2).collect(), total: total as u64, next_cursor })
}

// ------------------------------------------------------------------ one event

/// A span of an article's text: character offsets (Unicode scalar values) into its `text`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Evidence {
    /// The event field this span supports (`event_date`, `location`, `actor1`, `fatalities`, `sub_event_type`, ...).
    pub field: String,
    pub start: u64,
    pub end: u64,
    pub text: String,
}

/// A member report: the event as extracted from one article.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Report {
    pub report_id: i64,
    /// Numeric article id for `/api/articles/{id}`.
    pub article_id: i64,
    /// The article's own id (as ingested).
    pub article: String,
    pub title: Option<String>,
    /// Outlet.
    pub source: String,
    pub url: Option<String>,
    pub published: Option<String>,
    /// Numeric id of the earlier article this one is a near-duplicate (syndicated copy) of.
    pub near_duplicate_of: Option<i64>,
    /// The event's id inside its article (`<article>#<n>`).
    pub event_id: String,
    pub event_date: Option<String>,
    pub event_date_end: Option<String>,
    pub event_type: String,
    pub sub_event_type: String,
    pub actor1: String,
    pub actor2: String,
    pub location: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub fatalities: i64,
    pub claim_ids: Vec<String>,
    pub evidence: Vec<Evidence>,
    pub confidence: f64,
    /// Why this report joined (or started) the canonical event.
    pub match_rule: String,
}

/// One claimant's fatality figure.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ClaimantFigure {
    pub claimant: String,
    pub claimant_type: String,
    #[serde(default)]
    pub hedge: Option<String>,
    pub low: u64,
    pub best: u64,
    pub high: u64,
    pub articles: Vec<String>,
}

/// A figure inside a claim.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Figure {
    pub kind: String,
    pub low: u64,
    pub best: u64,
    pub high: u64,
    pub text: String,
    pub subject: String,
}

/// A claim attached to the event.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Claim {
    pub claimant: String,
    pub claimant_type: String,
    #[serde(default)]
    pub hedge: Option<String>,
    pub verb: String,
    pub text: String,
    #[serde(default)]
    pub figures: Vec<Figure>,
    pub article: String,
    pub source: String,
    #[serde(default)]
    pub published: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
struct ClaimsDoc {
    #[serde(default)]
    fatalities_by_claimant: Vec<ClaimantFigure>,
    #[serde(default)]
    claims: Vec<Claim>,
}

/// A canonical event with its reports, claims and evidence.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct EventDetail {
    #[serde(flatten)]
    pub event: EventSummary,
    pub inter1: Option<i64>,
    pub inter2: Option<i64>,
    pub plover_event: String,
    pub plover_mode: Option<String>,
    pub cameo_root: Option<String>,
    /// Which rule chose each merged field.
    pub rules: BTreeMap<String, String>,
    /// Each claimant's own fatality figure, side by side.
    pub fatalities_by_claimant: Vec<ClaimantFigure>,
    pub claims: Vec<Claim>,
    pub reports: Vec<Report>,
}

pub fn event_detail(conn: &Connection, id: &str) -> ApiResult<EventDetail> {
    // An id retired when its event merged into another (bridging, frontline-store's
    // `cluster_aliases`) answers with the surviving event. A database from before that
    // migration has no such table: the id is then looked up as it is.
    let current: Option<String> = conn
        .query_row(
            "SELECT c.event_id_cnty FROM cluster_aliases a JOIN clusters c ON c.id = a.merged_into WHERE a.event_id_cnty = ?",
            [id],
            |r| r.get(0),
        )
        .optional()
        .ok()
        .flatten();
    let id = current.as_deref().unwrap_or(id);
    let row = conn
        .query_row(
            &format!("SELECT {SUMMARY_COLS}, c.inter1, c.inter2, c.plover_event, c.plover_mode, c.cameo_root, c.rules, c.claims FROM clusters c WHERE c.event_id_cnty = ?"),
            [id],
            |r| {
                let (cid, _, s) = summary_from_row(r)?;
                Ok((
                    cid,
                    s,
                    r.get::<_, Option<i64>>(36)?,
                    r.get::<_, Option<i64>>(37)?,
                    r.get::<_, String>(38)?,
                    r.get::<_, Option<String>>(39)?,
                    r.get::<_, Option<String>>(40)?,
                    r.get::<_, String>(41)?,
                    r.get::<_, String>(42)?,
                ))
            },
        )
        .optional()?;
    let Some((cid, event, inter1, inter2, plover_event, plover_mode, cameo_root, rules, claims)) = row else {
        return Err(ApiError::NotFound(format!("no event with id {id:?}")));
    };
    let claims: ClaimsDoc = serde_json::from_str(&claims).unwrap_or_default();
    let mut st = conn.prepare(
        "SELECT e.id, e.article_id, a.ext_id, a.title, coalesce(a.source, ''), a.url, a.published, a.dup_of, e.event_id, e.event_date,
                e.event_date_end, e.event_type, e.sub_event_type, e.actor1, e.actor2, e.location, e.latitude, e.longitude,
                e.fatalities, e.claim_ids, e.evidence, e.confidence, e.match_rule
         FROM events e JOIN articles a ON a.id = e.article_id WHERE e.cluster_id = ? ORDER BY e.id",
    )?;
    let reports = st
        .query_map([cid], |r| {
            let source: String = r.get(4)?;
            let url: Option<String> = r.get(5)?;
            let claim_ids: String = r.get(19)?;
            let evidence: String = r.get(20)?;
            Ok(Report {
                report_id: r.get(0)?,
                article_id: r.get(1)?,
                article: r.get(2)?,
                title: r.get(3)?,
                source: frontline_store::resolve::outlet(&source, url.as_deref()),
                url,
                published: r.get(6)?,
                near_duplicate_of: r.get(7)?,
                event_id: r.get(8)?,
                event_date: r.get(9)?,
                event_date_end: r.get(10)?,
                event_type: r.get(11)?,
                sub_event_type: r.get(12)?,
                actor1: r.get(13)?,
                actor2: r.get(14)?,
                location: r.get(15)?,
                latitude: r.get(16)?,
                longitude: r.get(17)?,
                fatalities: r.get(18)?,
                claim_ids: serde_json::from_str(&claim_ids).unwrap_or_default(),
                evidence: serde_json::from_str(&evidence).unwrap_or_default(),
                confidence: r.get(21)?,
                match_rule: r.get(22)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(EventDetail {
        event,
        inter1,
        inter2,
        plover_event,
        plover_mode,
        cameo_root,
        rules: serde_json::from_str(&rules).unwrap_or_default(),
        fatalities_by_claimant: claims.fatalities_by_claimant,
        claims: claims.claims,
        reports,
    })
}

// ------------------------------------------------------------------ articles

/// An annotation span over an article's text (character offsets, Unicode scalar values).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Span {
    /// `evidence`, `place`, `actor`, `claim`, `framing` or `removed`.
    pub kind: String,
    pub start: u64,
    pub end: u64,
    /// What the span says: the evidence field, the resolved place or actor, the claimant, the
    /// loaded term's referent, the removal reason.
    pub label: String,
    /// For `evidence`: the field (`location`, `actor1`, ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// For `evidence`: the event (`<article>#<n>`); for `claim`: the claim id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ref_id: Option<String>,
}

/// An event extracted from this article and the canonical event it belongs to.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ArticleEvent {
    pub event_id: String,
    /// The canonical event's id for `/api/events/{id}`.
    pub canonical_id: String,
    pub event_date: Option<String>,
    pub sub_event_type: String,
    pub location: String,
}

/// A stored article with its text and every annotation span.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Article {
    pub id: i64,
    /// The article's own id (as ingested).
    pub ext_id: String,
    pub title: Option<String>,
    pub source: String,
    pub url: Option<String>,
    pub published: Option<String>,
    pub published_inferred: bool,
    pub near_duplicate_of: Option<i64>,
    pub dup_similarity: Option<f64>,
    /// The article text (untrusted input: escape before display). Span offsets index it in
    /// characters (Unicode scalar values), not bytes or UTF-16 units.
    pub text: String,
    pub spans: Vec<Span>,
    pub events: Vec<ArticleEvent>,
}

fn u(v: &serde_json::Value, k: &str) -> Option<u64> {
    v.get(k).and_then(|x| x.as_u64())
}
fn s<'a>(v: &'a serde_json::Value, k: &str) -> &'a str {
    v.get(k).and_then(|x| x.as_str()).unwrap_or("")
}

fn spans_of(extraction: &serde_json::Value) -> Vec<Span> {
    let mut out = Vec::new();
    let arr = |k: &str| extraction.get(k).and_then(|x| x.as_array()).cloned().unwrap_or_default();
    for ev in arr("events") {
        let eid = s(&ev, "event_id").to_string();
        for e in ev.get("evidence").and_then(|x| x.as_array()).into_iter().flatten() {
            if let (Some(a), Some(b)) = (u(e, "start"), u(e, "end")) {
                out.push(Span { kind: "evidence".into(), start: a, end: b, label: s(e, "field").into(), field: Some(s(e, "field").into()), ref_id: Some(eid.clone()) });
            }
        }
    }
    for (kind, key, label) in [("place", "places", "name"), ("actor", "actors", "actor"), ("claim", "claims", "claimant"), ("framing", "framing", "refers_to"), ("removed", "removed", "reason")] {
        for x in arr(key) {
            if let (Some(a), Some(b)) = (u(&x, "start"), u(&x, "end")) {
                let ref_id = if kind == "claim" { Some(s(&x, "claim_id").to_string()) } else { None };
                out.push(Span { kind: kind.into(), start: a, end: b, label: s(&x, label).into(), field: None, ref_id });
            }
        }
    }
    out.sort_by_key(|x| (x.start, std::cmp::Reverse(x.end)));
    out
}

pub fn article(conn: &Connection, id: i64) -> ApiResult<Article> {
    let row = conn
        .query_row(
            "SELECT id, ext_id, title, coalesce(source, ''), url, published, published_inferred, dup_of, dup_similarity, text, extraction FROM articles WHERE id = ?",
            [id],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, Option<String>>(5)?,
                    r.get::<_, bool>(6)?,
                    r.get::<_, Option<i64>>(7)?,
                    r.get::<_, Option<f64>>(8)?,
                    r.get::<_, String>(9)?,
                    r.get::<_, String>(10)?,
                ))
            },
        )
        .optional()?;
    let Some((id, ext_id, title, source, url, published, published_inferred, dup_of, dup_sim, text, extraction)) = row else {
        return Err(ApiError::NotFound(format!("no article with id {id}")));
    };
    let extraction: serde_json::Value = serde_json::from_str(&extraction).unwrap_or(serde_json::Value::Null);
    let mut st = conn.prepare(
        "SELECT e.event_id, c.event_id_cnty, e.event_date, e.sub_event_type, e.location FROM events e JOIN clusters c ON c.id = e.cluster_id WHERE e.article_id = ? ORDER BY e.idx",
    )?;
    let events = st
        .query_map([id], |r| {
            Ok(ArticleEvent { event_id: r.get(0)?, canonical_id: r.get(1)?, event_date: r.get(2)?, sub_event_type: r.get(3)?, location: r.get(4)? })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Article {
        id,
        ext_id,
        title,
        source: frontline_store::resolve::outlet(&source, url.as_deref()),
        url,
        published,
        published_inferred,
        near_duplicate_of: dup_of,
        dup_similarity: dup_sim,
        text,
        spans: spans_of(&extraction),
        events,
    })
}

// ------------------------------------------------------------------ stats

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct DayCount {
    /// YYYY-MM-DD (the event's first day).
    pub date: String,
    pub count: u64,
    pub fatalities: u64,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct KeyCount {
    pub key: String,
    pub count: u64,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct CountryCount {
    pub country: String,
    pub iso3: String,
    pub count: u64,
}

/// Counts for the timeline and the filter lists.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct StatsResponse {
    pub events: u64,
    pub fatalities: u64,
    /// Events without a date are not in `by_day`.
    pub by_day: Vec<DayCount>,
    pub by_type: Vec<KeyCount>,
    pub by_sub_type: Vec<KeyCount>,
    pub by_country: Vec<CountryCount>,
    /// The whole database (not filtered): articles, copies, reports, events.
    pub database: frontline_store_stats::DbStats,
}

pub mod frontline_store_stats {
    use serde::{Deserialize, Serialize};
    use utoipa::ToSchema;

    /// What the database holds.
    #[derive(Debug, Serialize, Deserialize, ToSchema)]
    pub struct DbStats {
        pub articles: u64,
        pub copies: u64,
        pub near_duplicates: u64,
        pub reports: u64,
        pub events: u64,
        pub multi_source_events: u64,
    }

    impl From<frontline_store::Stats> for DbStats {
        fn from(s: frontline_store::Stats) -> Self {
            DbStats {
                articles: s.articles,
                copies: s.copies,
                near_duplicates: s.near_duplicates,
                reports: s.reports,
                events: s.events,
                multi_source_events: s.multi_source_events,
            }
        }
    }
}

pub fn stats(store: &frontline_store::Store, f: &Filters) -> ApiResult<StatsResponse> {
    let conn = store.connection();
    let w = f.where_clause();
    let p = || rusqlite::params_from_iter(w.params.iter());
    let (events, fatalities): (i64, i64) =
        conn.query_row(&format!("SELECT count(*), coalesce(sum(c.fatalities), 0) FROM clusters c{}", w.sql()), p(), |r| Ok((r.get(0)?, r.get(1)?)))?;
    let mut st = conn.prepare(&format!(
        "SELECT c.event_date, count(*), coalesce(sum(c.fatalities), 0) FROM clusters c{}{} c.event_date IS NOT NULL GROUP BY c.event_date ORDER BY c.event_date",
        w.sql(),
        if w.params.is_empty() { " WHERE" } else { " AND" }
    ))?;
    let by_day = st
        .query_map(p(), |r| Ok(DayCount { date: r.get(0)?, count: r.get::<_, i64>(1)? as u64, fatalities: r.get::<_, i64>(2)? as u64 }))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let keyed = |col: &'static str| -> ApiResult<Vec<KeyCount>> {
        let sql = match col {
            "event_type" => format!("SELECT c.event_type, count(*) FROM clusters c{} GROUP BY 1 ORDER BY 2 DESC, 1", w.sql()),
            _ => format!("SELECT c.sub_event_type, count(*) FROM clusters c{} GROUP BY 1 ORDER BY 2 DESC, 1", w.sql()),
        };
        let mut st = conn.prepare(&sql)?;
        let v = st.query_map(p(), |r| Ok(KeyCount { key: r.get(0)?, count: r.get::<_, i64>(1)? as u64 }))?.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(v)
    };
    let by_type = keyed("event_type")?;
    let by_sub_type = keyed("sub_event_type")?;
    let mut st = conn.prepare(&format!("SELECT c.country, c.iso3, count(*) FROM clusters c{} GROUP BY 1, 2 ORDER BY 3 DESC, 1", w.sql()))?;
    let by_country = st
        .query_map(p(), |r| Ok(CountryCount { country: r.get(0)?, iso3: r.get(1)?, count: r.get::<_, i64>(2)? as u64 }))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(StatsResponse {
        events: events as u64,
        fatalities: fatalities as u64,
        by_day,
        by_type,
        by_sub_type,
        by_country,
        database: store.stats()?.into(),
    })
}
