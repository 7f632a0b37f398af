//! Canonical events: filters and reading.

use std::collections::BTreeMap;

use jiff::civil::Date;
use rusqlite::types::Value;
use serde::Serialize;

use crate::resolve::{day_number, load_members, ClaimsDoc, Member};
use crate::{Result, Store, StoreError};

/// Which canonical events to read. All conditions must hold.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Events whose date range ends on or after this day.
    pub from: Option<Date>,
    /// Events whose date range starts on or before this day.
    pub to: Option<Date>,
    /// Country: ACLED name, ISO 3166 alpha-2 or alpha-3 (case-insensitive).
    pub country: Option<String>,
    /// Substring of actor1, actor2 or an associated actor (case-insensitive).
    pub actor: Option<String>,
    /// Event type, sub-event type or disorder type (case-insensitive, exact).
    pub event_type: Option<String>,
    /// min_lon, min_lat, max_lon, max_lat.
    pub bbox: Option<[f64; 4]>,
    /// At least this many distinct sources (outlets).
    pub min_sources: Option<u32>,
    pub limit: Option<usize>,
}

impl Filter {
    /// Parses "min_lon,min_lat,max_lon,max_lat" (WGS84 degrees, min ≤ max, in range).
    pub fn parse_bbox(s: &str) -> Result<[f64; 4]> {
        let err = || {
            StoreError::Invalid(format!(
                "bbox {s:?}: expected min_lon,min_lat,max_lon,max_lat with min ≤ max, longitudes in [-180, 180], latitudes in [-90, 90]"
            ))
        };
        let v: Vec<f64> = s.split(',').map(|x| x.trim().parse::<f64>()).collect::<std::result::Result<_, _>>().map_err(|_| err())?;
        if v.len() != 4 || v.iter().any(|x| !x.is_finite()) || v[0] > v[2] || v[1] > v[3] {
            return Err(err());
        }
        if v[0] < -180.0 || v[2] > 180.0 || v[1] < -90.0 || v[3] > 90.0 {
            return Err(err());
        }
        Ok([v[0], v[1], v[2], v[3]])
    }

    fn sql(&self) -> Result<(String, Vec<Value>)> {
        let mut w: Vec<String> = Vec::new();
        let mut p: Vec<Value> = Vec::new();
        if let Some(d) = self.from {
            p.push(Value::Integer(day_number(d)));
            w.push(format!("day1 >= ?{}", p.len()));
        }
        if let Some(d) = self.to {
            p.push(Value::Integer(day_number(d)));
            w.push(format!("day0 <= ?{}", p.len()));
        }
        if let Some(c) = &self.country {
            let cs = frontline_actors::countries();
            let c = c.trim();
            let info = cs.by_iso2(c).filter(|_| c.len() == 2).or_else(|| cs.all().iter().find(|x| x.iso3.eq_ignore_ascii_case(c))).or_else(|| cs.by_name(c));
            match info {
                Some(i) => {
                    p.push(Value::Text(i.iso3.clone()));
                    w.push(format!("iso3 = ?{}", p.len()));
                }
                None => {
                    p.push(Value::Text(c.to_string()));
                    w.push(format!("country = ?{} COLLATE NOCASE", p.len()));
                }
            }
        }
        if let Some(a) = &self.actor {
            p.push(Value::Text(format!("%{}%", a.replace('%', "\\%").replace('_', "\\_"))));
            let k = p.len();
            w.push(format!(
                "(actor1 LIKE ?{k} ESCAPE '\\' OR actor2 LIKE ?{k} ESCAPE '\\' OR assoc_actor_1 LIKE ?{k} ESCAPE '\\' OR assoc_actor_2 LIKE ?{k} ESCAPE '\\')"
            ));
        }
        if let Some(t) = &self.event_type {
            p.push(Value::Text(t.clone()));
            let k = p.len();
            w.push(format!("(event_type = ?{k} COLLATE NOCASE OR sub_event_type = ?{k} COLLATE NOCASE OR disorder_type = ?{k} COLLATE NOCASE)"));
        }
        if let Some(b) = self.bbox {
            for v in b {
                p.push(Value::Real(v));
            }
            let k = p.len();
            w.push(format!("(longitude BETWEEN ?{} AND ?{} AND latitude BETWEEN ?{} AND ?{})", k - 3, k - 1, k - 2, k));
        }
        if let Some(n) = self.min_sources {
            p.push(Value::Integer(n as i64));
            w.push(format!("n_sources >= ?{}", p.len()));
        }
        let mut sql = format!("SELECT {CLUSTER_COLS} FROM clusters");
        if !w.is_empty() {
            sql.push_str(" WHERE ");
            sql.push_str(&w.join(" AND "));
        }
        sql.push_str(" ORDER BY day0 IS NULL, day0, id");
        if let Some(l) = self.limit {
            sql.push_str(&format!(" LIMIT {l}"));
        }
        Ok((sql, p))
    }
}

const CLUSTER_COLS: &str = "id, event_id_cnty, event_date, event_date_end, year, time_precision, disorder_type, event_type,
    sub_event_type, actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2, interaction, civilian_targeting, iso,
    iso3, region, country, admin1, admin2, location, latitude, longitude, geo_precision, sources, source_scale, notes,
    fatalities, fatalities_low, fatalities_high, plover_event, plover_mode, cameo_root, n_reports, n_articles, n_sources,
    n_independent, first_reported, last_reported, rules, claims, confidence, updated_at,
    (SELECT group_concat(event_id_cnty, '; ') FROM (SELECT event_id_cnty FROM cluster_aliases WHERE merged_into = clusters.id ORDER BY cluster_id))";

/// A canonical event: ACLED's columns (in ACLED's order) and frontline's additions.
#[derive(Debug, Clone, Serialize)]
pub struct CanonicalEvent {
    pub event_id_cnty: String,
    pub event_date: Option<String>,
    pub year: Option<i64>,
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
    pub civilian_targeting: String,
    pub iso: Option<u16>,
    pub region: String,
    pub country: String,
    pub admin1: String,
    pub admin2: String,
    pub admin3: String,
    pub location: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub geo_precision: u8,
    /// Outlets, "; "-separated (ACLED's `source`).
    pub source: String,
    pub source_scale: String,
    pub notes: String,
    pub fatalities: u64,
    pub tags: String,
    /// Unix seconds of the last change.
    pub timestamp: i64,
    // ---- frontline's additions
    pub iso3: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_date_end: Option<String>,
    pub fatalities_low: Option<u64>,
    pub fatalities_high: Option<u64>,
    /// Distinct outlets.
    pub n_sources: u32,
    /// Distinct articles (after exact de-duplication).
    pub n_articles: u32,
    /// Reports (events extracted from articles) merged here.
    pub n_reports: u32,
    /// Distinct stories after near-duplicate (syndication) grouping.
    pub n_independent: u32,
    /// Earliest publication date among the reports.
    pub first_reported: Option<String>,
    pub last_reported: Option<String>,
    pub plover_event: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plover_mode: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cameo_root: Option<String>,
    pub confidence: f64,
    /// Which rule chose each merged field.
    pub rules: BTreeMap<String, String>,
    /// Per-claimant fatality figures and every claim.
    #[serde(flatten)]
    pub claims: ClaimsDoc,
    /// `event_id_cnty` of events merged into this one (a later report bridged them); they
    /// resolve to this event ([`Store::event`]).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub merged_from: Vec<String>,
    /// The reports (with their articles); filled on request.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub members: Option<Vec<Member>>,
    #[serde(skip)]
    pub cluster_id: i64,
}

impl CanonicalEvent {
    pub fn inter1_name(&self) -> String {
        self.inter1.and_then(frontline_ontology::inter_name).unwrap_or("").to_string()
    }
    pub fn inter2_name(&self) -> String {
        self.inter2.and_then(frontline_ontology::inter_name).unwrap_or("").to_string()
    }
}

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<CanonicalEvent> {
    let rules: String = r.get(42)?;
    let claims: String = r.get(43)?;
    let u = |i: usize| -> rusqlite::Result<Option<u64>> { Ok(r.get::<_, Option<i64>>(i)?.map(|v| v as u64)) };
    Ok(CanonicalEvent {
        cluster_id: r.get(0)?,
        event_id_cnty: r.get(1)?,
        event_date: r.get(2)?,
        event_date_end: r.get(3)?,
        year: r.get(4)?,
        time_precision: r.get(5)?,
        disorder_type: r.get(6)?,
        event_type: r.get(7)?,
        sub_event_type: r.get(8)?,
        actor1: r.get(9)?,
        assoc_actor_1: r.get(10)?,
        inter1: r.get(11)?,
        actor2: r.get(12)?,
        assoc_actor_2: r.get(13)?,
        inter2: r.get(14)?,
        interaction: r.get(15)?,
        civilian_targeting: r.get(16)?,
        iso: r.get(17)?,
        iso3: r.get(18)?,
        region: r.get(19)?,
        country: r.get(20)?,
        admin1: r.get(21)?,
        admin2: r.get(22)?,
        admin3: String::new(),
        location: r.get(23)?,
        latitude: r.get(24)?,
        longitude: r.get(25)?,
        geo_precision: r.get(26)?,
        source: r.get(27)?,
        source_scale: r.get(28)?,
        notes: r.get(29)?,
        fatalities: r.get::<_, i64>(30)? as u64,
        fatalities_low: u(31)?,
        fatalities_high: u(32)?,
        plover_event: r.get(33)?,
        plover_mode: r.get(34)?,
        cameo_root: r.get(35)?,
        n_reports: r.get(36)?,
        n_articles: r.get(37)?,
        n_sources: r.get(38)?,
        n_independent: r.get(39)?,
        first_reported: r.get(40)?,
        last_reported: r.get(41)?,
        rules: serde_json::from_str(&rules).unwrap_or_default(),
        claims: serde_json::from_str(&claims).unwrap_or_default(),
        confidence: r.get(44)?,
        timestamp: r.get(45)?,
        tags: String::new(),
        merged_from: r.get::<_, Option<String>>(46)?.map(|m| m.split("; ").map(String::from).collect()).unwrap_or_default(),
        members: None,
    })
}

impl Store {
    /// Calls `f` for each canonical event matching `filter`, by date then id.
    pub fn for_each_event(&self, filter: &Filter, with_members: bool, f: &mut dyn FnMut(CanonicalEvent) -> Result<()>) -> Result<usize> {
        let (sql, params) = filter.sql()?;
        let mut st = self.conn.prepare(&sql)?;
        let mut rows = st.query(rusqlite::params_from_iter(params.iter()))?;
        let mut n = 0;
        while let Some(r) = rows.next()? {
            let mut e = from_row(r)?;
            if with_members {
                e.members = Some(load_members(&self.conn, e.cluster_id)?);
            }
            f(e)?;
            n += 1;
        }
        Ok(n)
    }

    /// The canonical event with this `event_id_cnty`, or the event it was merged into.
    pub fn event(&self, event_id_cnty: &str, with_members: bool) -> Result<Option<CanonicalEvent>> {
        let id = event_id_cnty.trim();
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {CLUSTER_COLS} FROM clusters WHERE event_id_cnty = ?1
             UNION ALL SELECT {CLUSTER_COLS} FROM clusters WHERE id = (SELECT merged_into FROM cluster_aliases WHERE event_id_cnty = ?1)"
        ))?;
        let mut rows = st.query([id])?;
        let Some(r) = rows.next()? else { return Ok(None) };
        let mut e = from_row(r)?;
        if with_members {
            e.members = Some(load_members(&self.conn, e.cluster_id)?);
        }
        Ok(Some(e))
    }

    /// The current `event_id_cnty` of an event id: itself, the event it was merged into, or
    /// None when unknown.
    pub fn resolve_event_id(&self, event_id_cnty: &str) -> Result<Option<String>> {
        Ok(self.event(event_id_cnty, false)?.map(|e| e.event_id_cnty))
    }

    /// The canonical events matching `filter`.
    pub fn events(&self, filter: &Filter, with_members: bool) -> Result<Vec<CanonicalEvent>> {
        let mut out = Vec::new();
        self.for_each_event(filter, with_members, &mut |e| {
            out.push(e);
            Ok(())
        })?;
        Ok(out)
    }
}
