//! Cross-article resolution: reports of one real event become one canonical event.
//!
//! A new report (an event extracted from one article) is compared only with the clusters
//! whose match box it overlaps in an R*Tree over (days × latitude × longitude) — never with
//! all clusters. It joins the best compatible cluster or starts a new one (and may bridge
//! others into it: [`Resolver::bridge`]); the cluster's
//! canonical fields are then recomputed from its members (cost ∝ cluster size). Given the
//! same input order the result is identical (candidates are scored, ties go to the lowest
//! cluster id; members are read in insertion order).
//!
//! Compatibility of a report with a cluster's canonical event (all must hold):
//! * **type**: same sub-event type; or same event type (not for Violence against civilians
//!   and Strategic developments, whose sub-types are different acts); or Protests ↔ Riots;
//!   or Battles ↔ Explosions/Remote violence when a named armed actor is shared.
//! * **date**: date ranges (precision 1: the day; 2: the range or a week; 3: the month)
//!   widened by 1 day plus 2 days for each side of precision 2 must overlap.
//! * **place**: same country; distance ≤ 15 km (geo_precision 1), 50 km (2), 150 km (3),
//!   taking the coarser of the two; a report without coordinates only matches a cluster
//!   without coordinates in the same country and admin1.
//! * **initiators**: for one-sided events (all but Battles), the named armed actor1 /
//!   assoc_actor_1 of the two sides overlap, or one side names none.
//! * **actors**: the named armed actors (not civilians, protesters, rioters or unidentified
//!   groups; actor1/actor2/associated, either role) of the two sides overlap, or one side
//!   names none.
//! * **articles**: a cluster never holds two events of one article (the extractor already
//!   decided they are different events).

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::Date;
use rusqlite::{params, Transaction};
use serde::Serialize;

use crate::Result;

/// Days since 1970-01-01.
pub fn day_number(d: Date) -> i64 {
    (d - Date::constant(1970, 1, 1)).get_days() as i64
}

/// The days an event covers: precision 1 the day (or its stated range), 2 the stated range
/// or a week from the date, 3 the stated range or the month.
pub fn day_range(date: Option<Date>, end: Option<Date>, precision: u8) -> Option<(i64, i64)> {
    let d = date?;
    let d0 = day_number(d);
    let d1 = match (end, precision) {
        (Some(e), _) => day_number(e).max(d0),
        (None, 2) => d0 + 6,
        (None, 3) => day_number(d.last_of_month()),
        _ => d0,
    };
    Some((d0, d1))
}

fn date_slack(precision: u8) -> i64 {
    if precision == 2 {
        2
    } else {
        0
    }
}

/// Matching distance for a geo_precision.
pub fn radius_km(geo_precision: u8) -> f64 {
    match geo_precision {
        0 | 1 => 15.0,
        2 => 50.0,
        _ => 150.0,
    }
}

pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().asin()
}

const NO_COORD: f64 = 1000.0;

/// The R*Tree box of a report: the days it can match and the area it can match.
pub(crate) fn match_box(k: &Key) -> [f64; 6] {
    let (d0, d1) = k.days.unwrap_or((i64::MIN / 4, i64::MIN / 4));
    let s = date_slack(k.time_precision);
    let (dd0, dd1) = ((d0 - s - 1) as f64, (d1 + s) as f64);
    match (k.lat, k.lon) {
        (Some(lat), Some(lon)) => {
            let r = radius_km(k.geo_precision);
            let dlat = r / 111.0;
            let dlon = r / (111.0 * lat.to_radians().cos().abs().max(0.1));
            [dd0, dd1, lat - dlat, lat + dlat, lon - dlon, lon + dlon]
        }
        _ => [dd0, dd1, NO_COORD, NO_COORD, NO_COORD, NO_COORD],
    }
}

/// What resolution compares.
#[derive(Debug, Clone)]
pub(crate) struct Key {
    pub article_id: i64,
    pub days: Option<(i64, i64)>,
    pub time_precision: u8,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub geo_precision: u8,
    pub country: String,
    pub admin1: String,
    pub event_type: String,
    pub sub_event_type: String,
    pub actors: BTreeSet<String>,
    /// Named armed actor1/assoc_actor_1 (the initiator side).
    pub initiators: BTreeSet<String>,
}

/// Named armed actors of a report (lower-cased): the ones that can tell two events apart.
pub(crate) fn named_actors(fields: &[&str]) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for f in fields {
        for a in f.split("; ") {
            let a = a.trim();
            let l = a.to_lowercase();
            if l.is_empty()
                || l.starts_with("civilians")
                || l.starts_with("protesters")
                || l.starts_with("rioters")
                || l.starts_with("unidentified")
            {
                continue;
            }
            out.insert(l);
        }
    }
    out
}

fn type_penalty(a: &Key, b: &Key, shared_actor: bool) -> Option<f64> {
    if a.event_type == b.event_type {
        if a.sub_event_type == b.sub_event_type {
            return Some(0.0);
        }
        if a.event_type == "Violence against civilians" || a.event_type == "Strategic developments" {
            return None;
        }
        return Some(0.5);
    }
    let pair = |x: &str, y: &str| (a.event_type == x && b.event_type == y) || (a.event_type == y && b.event_type == x);
    if pair("Protests", "Riots") {
        return Some(0.7);
    }
    if pair("Battles", "Explosions/Remote violence") && shared_actor {
        return Some(1.0);
    }
    None
}

/// Why a report matches a cluster, or None. Lower score = better.
pub(crate) fn compatible(report: &Key, cluster: &Key) -> Option<(f64, String)> {
    // actors
    let shared: Vec<&String> = report.actors.intersection(&cluster.actors).collect();
    if !report.actors.is_empty() && !cluster.actors.is_empty() && shared.is_empty() {
        return None;
    }
    // One-sided events (everything but battles): the initiators must agree too.
    if (report.event_type != "Battles" || cluster.event_type != "Battles")
        && !report.initiators.is_empty()
        && !cluster.initiators.is_empty()
        && report.initiators.is_disjoint(&cluster.initiators)
    {
        return None;
    }
    // type
    let tp = type_penalty(report, cluster, !shared.is_empty())?;
    // place
    if !report.country.is_empty() && !cluster.country.is_empty() && report.country != cluster.country {
        return None;
    }
    let (geo_score, geo_why) = match (report.lat, report.lon, cluster.lat, cluster.lon) {
        (Some(a), Some(b), Some(c), Some(d)) => {
            let dist = haversine_km(a, b, c, d);
            let gp = report.geo_precision.max(cluster.geo_precision);
            let thr = radius_km(gp);
            if dist > thr {
                return None;
            }
            (dist / thr, format!("{dist:.1} km apart (≤ {thr:.0} km at geo_precision {gp})"))
        }
        (None, _, None, _) => {
            if report.admin1 != cluster.admin1 {
                return None;
            }
            (0.5, "no coordinates, same country and admin1".to_string())
        }
        _ => return None,
    };
    // date
    let (date_score, date_why) = match (report.days, cluster.days) {
        (Some((a0, a1)), Some((b0, b1))) => {
            let gap = (a0.max(b0) - a1.min(b1)).max(0);
            let allowed = 1 + date_slack(report.time_precision) + date_slack(cluster.time_precision);
            if gap > allowed {
                return None;
            }
            (gap as f64 / (allowed as f64 + 1.0), format!("dates {gap} day(s) apart (≤ {allowed})"))
        }
        (None, None) => (0.5, "no dates".to_string()),
        _ => return None,
    };
    let actor_why = if shared.is_empty() {
        "no conflicting named actors".to_string()
    } else {
        format!("shared actor(s): {}", shared.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", "))
    };
    let type_why = if tp == 0.0 {
        "same sub-event type".to_string()
    } else {
        format!("compatible types ({} / {})", report.sub_event_type, cluster.sub_event_type)
    };
    let score = geo_score + date_score + tp - 0.3 * shared.len() as f64;
    Some((score, format!("{type_why}; {date_why}; {geo_why}; {actor_why}")))
}

/// One report (an event of one article) as stored, with its article.
#[derive(Debug, Clone, Serialize)]
pub struct Member {
    pub report_id: i64,
    pub article_id: i64,
    pub article: String,
    pub source: String,
    pub url: Option<String>,
    pub published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub near_duplicate_of: Option<i64>,
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
    pub plover_mode: Option<String>,
    pub cameo_root: Option<String>,
    pub claim_ids: Vec<String>,
    pub confidence: f64,
    pub match_rule: String,
    #[serde(skip)]
    pub(crate) days: Option<(i64, i64)>,
    #[serde(skip)]
    pub(crate) root: i64,
    /// The member's claims (as `load_claims` reads them), kept by the writer's cache so
    /// that a canonical row is recomputed without reading them again.
    #[serde(skip)]
    pub(crate) claims: Option<std::sync::Arc<Vec<ClaimRec>>>,
}

impl Member {
    pub(crate) fn key(&self) -> Key {
        Key {
            article_id: self.article_id,
            days: self.days,
            time_precision: self.time_precision,
            lat: self.latitude,
            lon: self.longitude,
            geo_precision: self.geo_precision,
            country: self.country.clone(),
            admin1: self.admin1.clone(),
            event_type: self.event_type.clone(),
            sub_event_type: self.sub_event_type.clone(),
            actors: named_actors(&[&self.actor1, &self.actor2, &self.assoc_actor_1, &self.assoc_actor_2]),
            initiators: named_actors(&[&self.actor1, &self.assoc_actor_1]),
        }
    }
}

macro_rules! member_select { ($where:literal) => { concat!("SELECT e.id, e.article_id, a.ext_id, coalesce(a.source, ''), a.url, a.published, a.dup_of,
    e.event_id, e.event_date, e.event_date_end, e.time_precision, e.disorder_type, e.event_type, e.sub_event_type,
    e.actor1, e.assoc_actor_1, e.inter1, e.actor2, e.assoc_actor_2, e.inter2, e.interaction, e.country, e.iso,
    e.admin1, e.admin2, e.location, e.latitude, e.longitude, e.geo_precision, e.fatalities, e.fatalities_low,
    e.fatalities_high, e.plover_event, e.plover_mode, e.cameo_root, e.claim_ids, e.confidence, e.match_rule,
    e.day0, e.day1, coalesce(a.dup_of, a.id)
    FROM events e JOIN articles a ON a.id = e.article_id ", $where) }; }

pub(crate) const MEMBER_SELECT: &str = member_select!("WHERE e.cluster_id = ?1 ORDER BY e.id");

pub(crate) fn member_from_row(r: &rusqlite::Row) -> rusqlite::Result<Member> {
    let claim_ids: String = r.get(35)?;
    let day0: Option<i64> = r.get(38)?;
    let day1: Option<i64> = r.get(39)?;
    let source: String = r.get(3)?;
    let url: Option<String> = r.get(4)?;
    Ok(Member {
        report_id: r.get(0)?,
        article_id: r.get(1)?,
        article: r.get(2)?,
        source: outlet(&source, url.as_deref()),
        url,
        published: r.get(5)?,
        near_duplicate_of: r.get(6)?,
        event_id: r.get(7)?,
        event_date: r.get(8)?,
        event_date_end: r.get(9)?,
        time_precision: r.get(10)?,
        disorder_type: r.get(11)?,
        event_type: r.get(12)?,
        sub_event_type: r.get(13)?,
        actor1: r.get(14)?,
        assoc_actor_1: r.get(15)?,
        inter1: r.get(16)?,
        actor2: r.get(17)?,
        assoc_actor_2: r.get(18)?,
        inter2: r.get(19)?,
        interaction: r.get(20)?,
        country: r.get(21)?,
        iso: r.get(22)?,
        admin1: r.get(23)?,
        admin2: r.get(24)?,
        location: r.get(25)?,
        latitude: r.get(26)?,
        longitude: r.get(27)?,
        geo_precision: r.get(28)?,
        fatalities: r.get::<_, i64>(29)? as u64,
        fatalities_low: r.get::<_, Option<i64>>(30)?.map(|v| v as u64),
        fatalities_high: r.get::<_, Option<i64>>(31)?.map(|v| v as u64),
        plover_event: r.get(32)?,
        plover_mode: r.get(33)?,
        cameo_root: r.get(34)?,
        claim_ids: serde_json::from_str(&claim_ids).unwrap_or_default(),
        confidence: r.get(36)?,
        match_rule: r.get(37)?,
        days: day0.zip(day1),
        root: r.get(40)?,
        claims: None,
    })
}

/// The outlet an article counts as: its `source`, else its URL's host, else "unknown".
pub fn outlet(source: &str, url: Option<&str>) -> String {
    let s = source.trim();
    if !s.is_empty() {
        return s.to_string();
    }
    if let Some(u) = url {
        let rest = u.split("://").nth(1).unwrap_or(u);
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        let host = host.strip_prefix("www.").unwrap_or(host);
        if !host.is_empty() {
            return host.to_string();
        }
    }
    "unknown".to_string()
}

pub(crate) fn load_members(tx: &rusqlite::Connection, cluster: i64) -> Result<Vec<Member>> {
    let mut st = tx.prepare_cached(MEMBER_SELECT)?;
    let rows = st.query_map([cluster], member_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// A figure as claimed.
#[derive(Debug, Clone, Serialize, serde::Deserialize, PartialEq)]
pub struct FigureRec {
    pub kind: String,
    pub low: u64,
    pub best: u64,
    pub high: u64,
    pub text: String,
    pub subject: String,
}

/// A claim attached to a canonical event, with the report it came from.
#[derive(Debug, Clone, Serialize, serde::Deserialize, PartialEq)]
pub struct ClaimRec {
    pub claimant: String,
    pub claimant_type: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub hedge: Option<String>,
    pub verb: String,
    pub text: String,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub figures: Vec<FigureRec>,
    pub article: String,
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub published: Option<String>,
}

/// One claimant's fatality figure for a canonical event.
#[derive(Debug, Clone, Serialize, serde::Deserialize, PartialEq)]
pub struct ClaimantFigure {
    pub claimant: String,
    pub claimant_type: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub hedge: Option<String>,
    pub low: u64,
    pub best: u64,
    pub high: u64,
    /// The article(s) carrying this claimant's figure.
    pub articles: Vec<String>,
}

/// The JSON stored in `clusters.claims`.
#[derive(Debug, Clone, Default, Serialize, serde::Deserialize, PartialEq)]
pub struct ClaimsDoc {
    /// Fatality figures, one per claimant (conflicting figures stay separate).
    pub fatalities_by_claimant: Vec<ClaimantFigure>,
    /// Every claim attached to a member report.
    pub claims: Vec<ClaimRec>,
}

pub(crate) fn load_claims(tx: &rusqlite::Connection, m: &Member) -> Result<Vec<ClaimRec>> {
    let mut st = tx.prepare_cached(
        "SELECT claim_id, claimant, claimant_type, verb, hedge, text, figures FROM claims WHERE article_id = ?1 ORDER BY id",
    )?;
    let rows = st.query_map([m.article_id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, Option<String>>(4)?,
            r.get::<_, String>(5)?,
            r.get::<_, String>(6)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (cid, claimant, ctype, verb, hedge, text, figs) = row?;
        if !m.claim_ids.contains(&cid) {
            continue;
        }
        out.push(ClaimRec {
            claimant,
            claimant_type: ctype,
            hedge,
            verb,
            text,
            figures: serde_json::from_str(&figs).unwrap_or_default(),
            article: m.article.clone(),
            source: m.source.clone(),
            published: m.published.clone(),
        });
    }
    Ok(out)
}

/// Claimant identity for merging figures across articles: case, possessives, a leading
/// "the" and spacing ignored ("Sudan's army" = "the Sudan army").
pub fn claimant_key(name: &str) -> String {
    let l = name.to_lowercase().replace(['’', '`'], "'").replace("'s ", " ");
    let l = l.strip_suffix("'s").unwrap_or(&l);
    let l = l.strip_prefix("the ").unwrap_or(l);
    l.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The canonical event of a cluster, as stored in `clusters`.
#[derive(Debug, Clone)]
pub(crate) struct Canonical {
    pub chosen: usize,
    pub date_member: usize,
    pub place_member: usize,
    pub actor_member: usize,
    pub fatalities: u64,
    pub fatalities_low: Option<u64>,
    pub fatalities_high: Option<u64>,
    pub sources: Vec<String>,
    pub source_scale: String,
    pub n_articles: usize,
    pub n_independent: usize,
    pub first_reported: Option<String>,
    pub last_reported: Option<String>,
    pub rules: BTreeMap<&'static str, String>,
    pub claims: ClaimsDoc,
    pub confidence: f64,
}

fn vote<'a, K: Ord + Clone>(members: &'a [Member], idx: &[usize], key: impl Fn(&'a Member) -> K) -> (usize, usize) {
    // The most common key; ties → the member with the highest confidence, then the earliest.
    let mut counts: BTreeMap<K, usize> = BTreeMap::new();
    for &i in idx {
        *counts.entry(key(&members[i])).or_default() += 1;
    }
    let mut best: Option<(usize, usize)> = None; // (member, count)
    for &i in idx {
        let c = counts[&key(&members[i])];
        best = match best {
            None => Some((i, c)),
            Some((b, bc)) => {
                let better = c > bc || (c == bc && members[i].confidence > members[b].confidence);
                if better {
                    Some((i, c))
                } else {
                    Some((b, bc))
                }
            }
        };
    }
    best.unwrap_or((0, 0))
}

const INTERNATIONAL: &[&str] = &[
    "reuters", "associated press", "ap", "afp", "agence france-presse", "agence france presse", "bbc", "bbc news",
    "al jazeera", "cnn", "the guardian", "guardian", "new york times", "the new york times", "washington post",
    "the washington post", "dw", "deutsche welle", "france 24", "xinhua", "anadolu", "anadolu agency", "bloomberg",
    "un news", "ocha", "voice of america", "voa", "rfi", "the associated press", "efe", "dpa", "tass", "ria novosti",
];

pub(crate) fn source_scale(outlets: &[String], social: bool) -> String {
    let mut scales = BTreeSet::new();
    for o in outlets {
        let l = o.to_lowercase();
        let l = l.trim_start_matches("www.");
        let international = INTERNATIONAL.iter().any(|i| l == *i || l.starts_with(&format!("{i}.")) || l.starts_with(&format!("{i} ")));
        scales.insert(if international { "International" } else { "Other" });
    }
    if social {
        scales.insert("New media");
    }
    // ACLED writes combinations with '-', e.g. "New media-International".
    scales.into_iter().collect::<Vec<_>>().join("-")
}

/// Which members give the canonical type, date, place and actors (and the rules that say why).
pub(crate) struct Choice {
    pub chosen: usize,
    pub date_member: usize,
    pub place_member: usize,
    pub actor_member: usize,
    pub rules: BTreeMap<&'static str, String>,
}

pub(crate) fn choose(members: &[Member]) -> Choice {
    let all: Vec<usize> = (0..members.len()).collect();
    let n = members.len();
    let mut rules = BTreeMap::new();

    // Type: majority of (event_type, sub_event_type).
    let (chosen, c) = vote(members, &all, |m| (m.event_type.as_str(), m.sub_event_type.as_str()));
    rules.insert("sub_event_type", format!("majority of reports ({c} of {n}); ties → highest confidence, then earliest"));

    // Date: the most precise reports, then the most reported date, ties → earliest date.
    let best_tp = members.iter().map(|m| m.time_precision).min().unwrap_or(1);
    let idx: Vec<usize> = all.iter().copied().filter(|&i| members[i].time_precision == best_tp && members[i].event_date.is_some()).collect();
    let date_member = if idx.is_empty() {
        chosen
    } else {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for &i in &idx {
            *counts.entry(members[i].event_date.as_deref().unwrap()).or_default() += 1;
        }
        let max = counts.values().copied().max().unwrap_or(0);
        let date = counts.iter().find(|(_, &c)| c == max).map(|(d, _)| *d).unwrap(); // BTreeMap: earliest first
        rules.insert(
            "event_date",
            format!("most precise reports (time_precision {best_tp}), most reported date ({max} of {}), ties → earliest", idx.len()),
        );
        idx.iter().copied().find(|&i| members[i].event_date.as_deref() == Some(date)).unwrap()
    };

    // Place: the most precise located reports, majority location.
    let located: Vec<usize> = all.iter().copied().filter(|&i| members[i].latitude.is_some()).collect();
    let place_member = if located.is_empty() {
        chosen
    } else {
        let best_gp = located.iter().map(|&i| members[i].geo_precision).min().unwrap();
        let idx: Vec<usize> = located.iter().copied().filter(|&i| members[i].geo_precision == best_gp).collect();
        let (p, c) = vote(members, &idx, |m| m.location.as_str());
        rules.insert(
            "location",
            format!("most precise reports (geo_precision {best_gp}), most reported location ({c} of {}), ties → highest confidence", idx.len()),
        );
        p
    };

    // Actors: the most reported (actor1, actor2) pair among reports naming an actor1.
    let named: Vec<usize> = all.iter().copied().filter(|&i| !members[i].actor1.is_empty()).collect();
    let actor_member = if named.is_empty() {
        chosen
    } else {
        let (p, c) = vote(members, &named, |m| (m.actor1.as_str(), m.actor2.as_str()));
        rules.insert("actor1", format!("most reported actor pair ({c} of {} reports naming actors), ties → highest confidence", named.len()));
        p
    };
    Choice { chosen, date_member, place_member, actor_member, rules }
}

pub(crate) fn canonical(tx: &rusqlite::Connection, members: &[Member]) -> Result<Canonical> {
    let Choice { chosen, date_member, place_member, actor_member, mut rules } = choose(members);

    // Claims and fatalities.
    let mut claims = Vec::new();
    for m in members {
        match &m.claims {
            Some(c) => claims.extend(c.iter().cloned()),
            None => claims.extend(load_claims(tx, m)?),
        }
    }
    // One figure per claimant. Reporters and unknown claimants are per outlet. A claimant's
    // figures in several articles: the latest article's (an updated toll), ties → highest.
    let mut per: BTreeMap<String, (ClaimantFigure, Option<String>)> = BTreeMap::new();
    for c in &claims {
        let killed: Vec<&FigureRec> = c.figures.iter().filter(|f| f.kind == "killed").collect();
        if killed.is_empty() {
            continue;
        }
        // Distinct figures of one claimant in one claim add up (as the extractor does).
        let mut seen = BTreeSet::new();
        let (mut lo, mut be, mut hi) = (0u64, 0u64, 0u64);
        for f in killed {
            if seen.insert(f.best) {
                lo += f.low;
                be += f.best;
                hi += f.high;
            }
        }
        let name = if c.claimant_type == "reporter" || c.claimant_type == "unknown" && c.claimant == "reporter" {
            format!("reporter ({})", c.source)
        } else {
            c.claimant.clone()
        };
        let key = claimant_key(&name);
        let newer = |old: &Option<String>| c.published.as_deref().unwrap_or("") > old.as_deref().unwrap_or("");
        match per.get_mut(&key) {
            None => {
                per.insert(
                    key,
                    (
                        ClaimantFigure {
                            claimant: name,
                            claimant_type: c.claimant_type.clone(),
                            hedge: c.hedge.clone(),
                            low: lo,
                            best: be,
                            high: hi,
                            articles: vec![c.article.clone()],
                        },
                        c.published.clone(),
                    ),
                );
            }
            Some((f, pubd)) => {
                if !f.articles.contains(&c.article) {
                    f.articles.push(c.article.clone());
                }
                if newer(pubd) || (c.published == *pubd && be > f.best) {
                    f.low = lo;
                    f.best = be;
                    f.high = hi;
                    f.hedge = c.hedge.clone();
                    *pubd = c.published.clone();
                }
            }
        }
    }
    let figs: Vec<ClaimantFigure> = per.into_values().map(|(f, _)| f).collect();
    let (fatalities, fatalities_low, fatalities_high) = match figs.iter().min_by_key(|f| f.best) {
        Some(min) => {
            let lo = figs.iter().map(|f| f.low).min();
            let hi = figs.iter().map(|f| f.high).max();
            rules.insert(
                "fatalities",
                format!(
                    "ACLED conservative rule: lowest claimant figure ({}: {}) of {} claimant(s); range {}–{} kept",
                    min.claimant,
                    min.best,
                    figs.len(),
                    lo.unwrap_or(0),
                    hi.unwrap_or(0)
                ),
            );
            (min.best, lo, hi)
        }
        None => {
            let f = members.iter().filter(|m| m.fatalities > 0).map(|m| m.fatalities).min().unwrap_or(0);
            rules.insert("fatalities", if f > 0 { "lowest report figure (no claimed figures)".into() } else { "no fatalities reported".into() });
            (f, None, None)
        }
    };

    // Sources: distinct outlets of the member articles and their exact copies.
    let mut outlets: BTreeMap<String, String> = BTreeMap::new();
    let mut published: Vec<String> = Vec::new();
    let mut arts = BTreeSet::new();
    let mut roots = BTreeSet::new();
    {
        let mut st = tx.prepare_cached("SELECT source, url, published FROM article_copies WHERE article_id = ?1")?;
        for m in members {
            arts.insert(m.article_id);
            roots.insert(m.root);
            outlets.entry(m.source.to_lowercase()).or_insert_with(|| m.source.clone());
            if let Some(p) = &m.published {
                published.push(p.clone());
            }
        }
        for a in &arts {
            let rows = st.query_map([a], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<String>>(2)?)))?;
            for row in rows {
                let (s, u, p) = row?;
                let o = outlet(&s, (!u.is_empty()).then_some(u.as_str()));
                outlets.entry(o.to_lowercase()).or_insert(o);
                if let Some(p) = p {
                    published.push(p);
                }
            }
        }
    }
    published.sort();
    let sources: Vec<String> = outlets.into_values().collect();
    let social = claims.iter().any(|c| c.claimant_type == "social_post");
    let source_scale = source_scale(&sources, social);
    let confidence = {
        let maxc = members.iter().map(|m| m.confidence).fold(0.0, f64::max);
        (maxc + 0.05 * (roots.len().saturating_sub(1)) as f64).min(1.0)
    };
    Ok(Canonical {
        chosen,
        date_member,
        place_member,
        actor_member,
        fatalities,
        fatalities_low,
        fatalities_high,
        n_articles: arts.len(),
        n_independent: roots.len(),
        first_reported: published.first().cloned(),
        last_reported: published.last().cloned(),
        sources,
        source_scale,
        rules,
        claims: ClaimsDoc { fatalities_by_claimant: figs, claims },
        confidence,
    })
}

fn month_name(m: i8) -> &'static str {
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        [(m.clamp(1, 12) - 1) as usize]
}

fn verb(sub: &str) -> &'static str {
    match sub {
        "Armed clash" => "clashed with",
        "Government regains territory" => "regained territory from",
        "Non-state actor overtakes territory" => "took territory from",
        "Air/drone strike" => "carried out an air/drone strike on",
        "Shelling/artillery/missile attack" => "shelled",
        "Remote explosive/landmine/IED" => "used an explosive device against",
        "Suicide bomb" => "carried out a suicide bombing against",
        "Grenade" => "threw a grenade at",
        "Chemical weapon" => "used chemical weapons against",
        "Attack" => "attacked",
        "Abduction/forced disappearance" => "abducted",
        "Sexual violence" => "committed sexual violence against",
        "Peaceful protest" => "held a peaceful protest",
        "Protest with intervention" => "protested; intervention by",
        "Excessive force against protesters" => "used excessive force against",
        "Violent demonstration" => "held a violent demonstration",
        "Mob violence" => "committed mob violence against",
        "Arrests" => "arrested",
        "Looting/property destruction" => "looted or destroyed property of",
        "Change to group/activity" => "changed activity; involving",
        "Headquarters or base established" => "established a base",
        "Disrupted weapons use" => "disrupted weapons of",
        "Agreement" => "reached an agreement with",
        "Non-violent transfer of territory" => "took over territory from",
        _ => "was involved in an event with",
    }
}

/// ACLED-style one-line notes.
pub(crate) fn notes(c: &Canonical, m: &[Member]) -> String {
    let d = &m[c.date_member];
    let p = &m[c.place_member];
    let a = &m[c.actor_member];
    let t = &m[c.chosen];
    let date = d
        .event_date
        .as_deref()
        .and_then(|s| s.parse::<Date>().ok())
        .map(|dt| {
            let s = format!("{} {} {}", dt.day(), month_name(dt.month()), dt.year());
            match d.time_precision {
                2 => format!("Around {s}"),
                3 => format!("In {} {}", month_name(dt.month()), dt.year()),
                _ => format!("On {s}"),
            }
        })
        .unwrap_or_else(|| "On an unknown date".into());
    let actor1 = if a.actor1.is_empty() { "unidentified actors" } else { &a.actor1 };
    let v = verb(&t.sub_event_type);
    let object = if v.ends_with(" by") || v.ends_with(" with") || v.ends_with(" of") || v.ends_with(" on") || v.ends_with(" at") || v.ends_with(" against") || v.ends_with(" from") || v.ends_with(" involving") || matches!(v, "shelled" | "attacked" | "abducted" | "arrested") {
        if a.actor2.is_empty() {
            format!(" {}", "unidentified targets")
        } else {
            format!(" {}", a.actor2)
        }
    } else {
        String::new()
    };
    let mut place = p.location.clone();
    let admin: Vec<&str> = [p.admin2.as_str(), p.admin1.as_str()].into_iter().filter(|s| !s.is_empty() && *s != p.location).collect();
    if !admin.is_empty() {
        place = format!("{place} ({})", admin.join(", "));
    }
    if place.is_empty() {
        place = p.country.clone();
    } else if !p.country.is_empty() {
        place = format!("{place}, {}", p.country);
    }
    let fat = if c.claims.fatalities_by_claimant.len() > 1 {
        let parts: Vec<String> = c.claims.fatalities_by_claimant.iter().map(|f| format!("{}: {}", f.claimant, f.best)).collect();
        format!(" {} fatalities (conservative; claims: {}).", c.fatalities, parts.join(", "))
    } else if c.fatalities > 0 {
        format!(" {} fatalities.", c.fatalities)
    } else {
        String::new()
    };
    let srcs = if c.sources.len() == 1 { "1 source".to_string() } else { format!("{} sources", c.sources.len()) };
    format!("{date}, {actor1} {v}{object} in {place} [{}].{fat} Reported by {srcs} ({}).", t.sub_event_type.to_lowercase(), c.sources.join(", "))
}

/// The key of a cluster: its canonical date, place and type (the members `choose` picks, as
/// stored in `clusters`), and the named actors of all its members.
fn cluster_key(members: &[Member]) -> Key {
    let mut k = key_fields(members);
    for m in members {
        k.actors.extend(named_actors(&[&m.actor1, &m.actor2, &m.assoc_actor_1, &m.assoc_actor_2]));
        k.initiators.extend(named_actors(&[&m.actor1, &m.assoc_actor_1]));
    }
    k
}

/// The canonical date, place and type of a cluster (no actors).
fn key_fields(members: &[Member]) -> Key {
    let c = choose(members);
    let (t, d, p) = (&members[c.chosen], &members[c.date_member], &members[c.place_member]);
    Key {
        article_id: -1,
        days: d.days,
        time_precision: d.time_precision,
        lat: p.latitude,
        lon: p.longitude,
        geo_precision: p.geo_precision,
        country: p.country.clone(),
        admin1: p.admin1.clone(),
        event_type: t.event_type.clone(),
        sub_event_type: t.sub_event_type.clone(),
        actors: BTreeSet::new(),
        initiators: BTreeSet::new(),
    }
}

fn union_box(bx: &mut [f64; 6], b: &[f64; 6]) {
    for i in 0..3 {
        bx[2 * i] = bx[2 * i].min(b[2 * i]);
        bx[2 * i + 1] = bx[2 * i + 1].max(b[2 * i + 1]);
    }
}

const EMPTY_BOX: [f64; 6] = [f64::INFINITY, f64::NEG_INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::INFINITY, f64::NEG_INFINITY];

/// A cluster as the writer sees it during one transaction.
#[derive(Clone)]
struct Cached {
    members: Vec<Member>,
    articles: std::collections::HashSet<i64>,
    key: Key,
    bx: [f64; 6],
    /// Allocated when the cluster was created in this transaction (its row is not written yet).
    event_id_cnty: Option<String>,
    /// The last transaction (Resolver::generation) that used it.
    used: u64,
}

impl Cached {
    fn new(members: Vec<Member>, event_id_cnty: Option<String>) -> Cached {
        let mut bx = EMPTY_BOX;
        for m in &members {
            union_box(&mut bx, &match_box(&m.key()));
        }
        Cached { articles: members.iter().map(|m| m.article_id).collect(), key: cluster_key(&members), members, bx, event_id_cnty, used: 0 }
    }
}

/// Incremental resolution.
///
/// Clusters read or changed are kept in memory (members, key, R*Tree box); a report that
/// joins one updates its key and box at once (the R*Tree row is rewritten only when the box
/// grows), and the canonical row (claims, sources, notes, JSON) of each changed cluster is
/// computed and written **once per transaction**, by [`Resolver::flush`] before the commit —
/// instead of after every report. Results are those of a per-report rewrite: candidates,
/// keys, scores, cluster ids and `event_id_cnty` numbers are computed from the same data in
/// the same order.
///
/// The cache outlives transactions (stored reports never change; a cluster only gains
/// members, with higher report ids): on first use in a transaction a cached cluster is
/// checked against the newest report id in the database (an index lookup) and reloaded if
/// another process added members. It is emptied when it holds `CACHE_CLUSTERS` clusters.
#[derive(Default)]
pub(crate) struct Resolver {
    cache: std::collections::HashMap<i64, Cached, crate::dedup::IdBuild>,
    /// Clusters checked against the database in this transaction.
    checked: std::collections::HashSet<i64, crate::dedup::IdBuild>,
    dirty: BTreeSet<i64>,
    next_id: Option<i64>,
    pub candidates: u64,
    pub flushed: u64,
    /// Clusters retired by bridging.
    pub merged: u64,
    /// Clusters read from the database (not in the cache).
    pub loaded: u64,
    /// Transactions flushed (the cache's clock).
    generation: u64,
}

const CACHE_CLUSTERS: usize = 5_000;

impl Resolver {
    fn cached(&mut self, tx: &Transaction, cid: i64) -> Result<Option<&mut Cached>> {
        if !self.checked.contains(&cid) {
            if let Some(c) = self.cache.get(&cid) {
                let newest: Option<i64> =
                    tx.prepare_cached("SELECT max(id) FROM events WHERE cluster_id = ?1")?.query_row([cid], |r| r.get(0))?;
                if newest != c.members.last().map(|m| m.report_id) {
                    self.cache.remove(&cid);
                }
            }
            self.checked.insert(cid);
        }
        if !self.cache.contains_key(&cid) {
            let members = load_members(tx, cid)?;
            if members.is_empty() {
                return Ok(None);
            }
            self.loaded += 1;
            self.cache.insert(cid, Cached::new(members, None));
        }
        let g = self.generation;
        Ok(match self.cache.get_mut(&cid) {
            Some(c) => {
                c.used = g;
                Some(c)
            }
            None => None,
        })
    }

    /// The clusters a report is compatible with, best first (lower score; ties → lowest
    /// cluster id), from the R*Tree candidates. The report joins the first; the others may be
    /// bridged into it ([`Resolver::bridge`]).
    pub(crate) fn find(&mut self, tx: &Transaction, key: &Key) -> Result<Vec<(i64, String)>> {
        let b = match_box(key);
        let mut st = tx.prepare_cached(
            "SELECT id FROM cluster_rt WHERE d0 <= ?2 AND d1 >= ?1 AND lat0 <= ?4 AND lat1 >= ?3 AND lon0 <= ?6 AND lon1 >= ?5 ORDER BY id",
        )?;
        let cands: Vec<i64> = st
            .query_map(params![b[0], b[1], b[2], b[3], b[4], b[5]], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut found: Vec<(f64, i64, String)> = Vec::new();
        for cid in cands {
            self.candidates += 1;
            let Some(c) = self.cached(tx, cid)? else { continue };
            if c.articles.contains(&key.article_id) {
                continue;
            }
            if let Some((score, why)) = compatible(key, &c.key) {
                found.push((score, cid, why));
            }
        }
        // Stable: equal scores keep id order.
        found.sort_by(|a, b| a.0.total_cmp(&b.0));
        Ok(found.into_iter().map(|(_, c, w)| (c, w)).collect())
    }

    /// After report `report_id` joined cluster `joined`: the other clusters it is compatible
    /// with (`others`, best first) merge into it when they are compatible with it in turn
    /// (the same rules, applied to the two canonical events as they are now), all members of
    /// both are from one country, and no article has a report in both. Each merge updates the
    /// merged key before the next candidate is tried. The merged cluster keeps the lowest id;
    /// the others are retired into `cluster_aliases` (their `event_id_cnty` resolves to the
    /// survivor), their reports move, and the survivor's canonical row is recomputed at flush.
    /// Returns the surviving cluster id and the retired `event_id_cnty`s.
    pub(crate) fn bridge(&mut self, tx: &Transaction, joined: i64, report_id: i64, others: &[i64]) -> Result<(i64, Vec<String>)> {
        if others.is_empty() {
            return Ok((joined, Vec::new()));
        }
        // Nothing to do unless one of them is compatible with the joined cluster as it is now
        // (a merge is what would change its key for the next ones).
        let jkey = match self.cached(tx, joined)? {
            Some(c) => c.key.clone(),
            None => return Ok((joined, Vec::new())),
        };
        let mut any = false;
        for &o in others {
            if o != joined && self.cached(tx, o)?.is_some_and(|oc| compatible(&oc.key, &jkey).is_some()) {
                any = true;
                break;
            }
        }
        if !any {
            return Ok((joined, Vec::new()));
        }
        let mut merged = match self.cached(tx, joined)? {
            Some(c) => c.clone(),
            None => return Ok((joined, Vec::new())),
        };
        let mut set: Vec<(i64, Option<String>, String)> = Vec::new(); // (cluster, pending event_id_cnty, why)
        for &o in others {
            if o == joined {
                continue;
            }
            let Some(oc) = self.cached(tx, o)? else { continue };
            if !oc.articles.is_disjoint(&merged.articles) {
                continue;
            }
            let country = single_country(&merged.members);
            if country.is_none() || country != single_country(&oc.members) {
                continue;
            }
            let Some((_, why)) = compatible(&oc.key, &merged.key) else { continue };
            let oc = oc.clone();
            let mut members = std::mem::take(&mut merged.members);
            members.extend(oc.members);
            members.sort_by_key(|m| m.report_id);
            let eid = merged.event_id_cnty.take();
            merged = Cached::new(members, eid);
            set.push((o, oc.event_id_cnty, why));
        }
        if set.is_empty() {
            return Ok((joined, Vec::new()));
        }
        // The survivor: the lowest id of the merged clusters.
        let mut ids: Vec<(i64, Option<String>)> = vec![(joined, merged.event_id_cnty.take())];
        ids.extend(set.iter().map(|(c, e, _)| (*c, e.clone())));
        ids.sort_by_key(|x| x.0);
        let (survivor, survivor_eid) = ids[0].clone();
        let survivor_name = match &survivor_eid {
            Some(e) => e.clone(),
            None => stored_event_id(tx, survivor)?,
        };
        let why_of = |c: i64| set.iter().find(|x| x.0 == c).map(|x| x.2.clone());
        let mut retired = Vec::new();
        for (c, pending) in ids.iter().skip(1) {
            let eid = match pending {
                Some(e) => e.clone(),
                None => stored_event_id(tx, *c)?,
            };
            let why = match why_of(*c) {
                Some(w) => format!("bridged by report {report_id}: {eid} compatible with {survivor_name} ({w})"),
                // The cluster the report joined was newer than one it bridged.
                None => format!("bridged by report {report_id}: {eid} joined by the report, merged into the older {survivor_name}"),
            };
            tx.prepare_cached("UPDATE events SET cluster_id = ?1 WHERE cluster_id = ?2")?.execute(params![survivor, c])?;
            tx.prepare_cached("UPDATE cluster_aliases SET merged_into = ?1 WHERE merged_into = ?2")?.execute(params![survivor, c])?;
            tx.prepare_cached(
                "INSERT INTO cluster_aliases (cluster_id, event_id_cnty, merged_into, report_id, rule, merged_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![c, eid, survivor, report_id, why, crate::now_unix()])?;
            tx.prepare_cached("DELETE FROM clusters WHERE id = ?1")?.execute([c])?;
            tx.prepare_cached("DELETE FROM cluster_rt WHERE id = ?1")?.execute([c])?;
            self.cache.remove(c);
            self.dirty.remove(c);
            retired.push(eid);
        }
        // The bridging report says so.
        let note = format!("; bridged: merged {} into {survivor_name}", retired.join(", "));
        tx.prepare_cached("UPDATE events SET match_rule = match_rule || ?1 WHERE id = ?2")?.execute(params![note, report_id])?;
        if let Some(m) = merged.members.iter_mut().find(|m| m.report_id == report_id) {
            m.match_rule.push_str(&note);
        }
        merged.event_id_cnty = survivor_eid;
        merged.used = self.generation;
        write_box(tx, survivor, &merged.bx)?;
        self.cache.insert(survivor, merged);
        self.checked.insert(survivor);
        self.dirty.insert(survivor);
        self.merged += retired.len() as u64;
        Ok((survivor, retired))
    }

    /// Zeroes the statistics (candidates, rows written, clusters loaded, merges).
    pub(crate) fn reset_counters(&mut self) {
        (self.candidates, self.flushed, self.loaded, self.merged) = (0, 0, 0, 0);
    }

    /// The id the next new cluster gets.
    pub(crate) fn next_id(&mut self, tx: &Transaction) -> Result<i64> {
        if self.next_id.is_none() {
            let n: i64 = tx.prepare_cached("SELECT coalesce(max(id), 0) + 1 FROM clusters")?.query_row([], |r| r.get(0))?;
            self.next_id = Some(n);
        }
        Ok(self.next_id.unwrap())
    }

    /// The stored report `m` (exactly as `load_members` would read it back) starts cluster
    /// `cid` (from [`Resolver::next_id`]).
    pub(crate) fn create(&mut self, tx: &Transaction, cid: i64, m: Member) -> Result<()> {
        let cc = country_codes(&m.country, m.iso);
        let eid = next_event_id(tx, &cc.iso3)?;
        let mut c = Cached::new(vec![m], Some(eid));
        c.used = self.generation;
        write_box(tx, cid, &c.bx)?;
        self.cache.insert(cid, c);
        self.checked.insert(cid);
        self.next_id = Some(cid + 1);
        self.dirty.insert(cid);
        Ok(())
    }

    /// The stored report `m` (exactly as `load_members` would read it back) joins cluster `cid`.
    pub(crate) fn join(&mut self, tx: &Transaction, cid: i64, m: Member) -> Result<()> {
        let c = self.cached(tx, cid)?.ok_or_else(|| crate::StoreError::Invalid(format!("cluster {cid} has no members")))?;
        let mut bx = c.bx;
        union_box(&mut bx, &match_box(&m.key()));
        c.articles.insert(m.article_id);
        // The key: canonical date/place/type re-chosen in memory; actors only grow.
        c.key.actors.extend(named_actors(&[&m.actor1, &m.actor2, &m.assoc_actor_1, &m.assoc_actor_2]));
        c.key.initiators.extend(named_actors(&[&m.actor1, &m.assoc_actor_1]));
        c.members.push(m);
        let (actors, initiators) = (std::mem::take(&mut c.key.actors), std::mem::take(&mut c.key.initiators));
        c.key = Key { actors, initiators, ..key_fields(&c.members) };
        if bx != c.bx {
            c.bx = bx;
            write_box(tx, cid, &bx)?;
        }
        self.dirty.insert(cid);
        Ok(())
    }

    /// Cluster `cid` gained a source (an exact copy of a member article).
    pub(crate) fn touch(&mut self, cid: i64) {
        self.dirty.insert(cid);
    }

    /// Writes the canonical row of every cluster changed since the last flush, in id order.
    /// Call before committing.
    pub(crate) fn flush(&mut self, tx: &Transaction) -> Result<()> {
        for cid in std::mem::take(&mut self.dirty) {
            match self.cache.get_mut(&cid) {
                Some(c) => {
                    for m in c.members.iter_mut().filter(|m| m.claims.is_none()) {
                        m.claims = Some(std::sync::Arc::new(load_claims(tx, m)?));
                    }
                    write_cluster_row(tx, cid, &c.members, c.event_id_cnty.take())?;
                }
                None => {
                    write_cluster_row(tx, cid, &load_members(tx, cid)?, None)?;
                }
            }
            self.flushed += 1;
        }
        // Evict the clusters least recently used (by transaction) down to half the cap.
        self.generation += 1;
        if self.cache.len() > CACHE_CLUSTERS {
            let mut used: Vec<u64> = self.cache.values().map(|c| c.used).collect();
            used.sort_unstable_by(|a, b| b.cmp(a));
            let keep_from = used[CACHE_CLUSTERS / 2];
            self.cache.retain(|_, c| c.used > keep_from);
        }
        self.checked.clear();
        self.next_id = None;
        Ok(())
    }
}

/// The country of all members, if they agree and it is known.
fn single_country(members: &[Member]) -> Option<&str> {
    let c = members.first()?.country.as_str();
    (!c.is_empty() && members.iter().all(|m| m.country == c)).then_some(c)
}

fn stored_event_id(tx: &Transaction, cid: i64) -> Result<String> {
    Ok(tx.prepare_cached("SELECT event_id_cnty FROM clusters WHERE id = ?1")?.query_row([cid], |r| r.get(0))?)
}

fn write_box(tx: &Transaction, cid: i64, bx: &[f64; 6]) -> Result<()> {
    tx.prepare_cached("INSERT OR REPLACE INTO cluster_rt (id, d0, d1, lat0, lat1, lon0, lon1) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")?
        .execute(params![cid, bx[0], bx[1], bx[2], bx[3], bx[4], bx[5]])?;
    Ok(())
}

/// Allocates the next event_id_cnty for a country (ISO3 + sequence).
pub(crate) fn next_event_id(tx: &Transaction, iso3: &str) -> Result<String> {
    let n: i64 = tx
        .prepare_cached("INSERT INTO country_seq (iso3, next) VALUES (?1, 2) ON CONFLICT(iso3) DO UPDATE SET next = next + 1 RETURNING next - 1")?
        .query_row([iso3], |r| r.get(0))?;
    Ok(format!("{iso3}{n}"))
}

pub(crate) struct CountryCodes {
    pub iso3: String,
    pub region: String,
    pub iso_numeric: Option<u16>,
}

pub(crate) fn country_codes(country: &str, iso: Option<u16>) -> CountryCodes {
    let cs = frontline_actors::countries();
    let info = iso
        .and_then(|n| cs.all().iter().find(|c| c.iso_numeric == n && !(n == 0 && !country.eq_ignore_ascii_case(&c.name))))
        .or_else(|| cs.by_name(country));
    match info {
        Some(c) => CountryCodes { iso3: c.iso3.clone(), region: c.region.clone(), iso_numeric: Some(c.iso_numeric) },
        None => CountryCodes { iso3: "XXX".into(), region: String::new(), iso_numeric: iso },
    }
}

/// Writes a cluster's canonical row, computed from its members (the R*Tree box is kept by
/// [`Resolver`]). `event_id_cnty`: allocated at creation; None = keep the stored one.
fn write_cluster_row(tx: &Transaction, cid: i64, members: &[Member], event_id_cnty: Option<String>) -> Result<()> {
    if members.is_empty() {
        return Ok(());
    }
    let c = canonical(tx, members)?;
    let t = &members[c.chosen];
    let d = &members[c.date_member];
    let p = &members[c.place_member];
    let a = &members[c.actor_member];
    let cc = country_codes(&p.country, p.iso);
    let event_id_cnty: String = match event_id_cnty {
        Some(e) => e,
        None => tx.prepare_cached("SELECT event_id_cnty FROM clusters WHERE id = ?1")?.query_row([cid], |r| r.get(0))?,
    };
    let year: Option<i64> = d.event_date.as_deref().and_then(|s| s.get(..4)).and_then(|y| y.parse().ok());
    let civ = if (a.inter2 == Some(7) && t.event_type != "Protests") || t.event_type == "Violence against civilians" {
        "Civilian targeting"
    } else {
        ""
    };
    let notes = notes(&c, members);
    let rules = serde_json::to_string(&c.rules)?;
    let claims = serde_json::to_string(&c.claims)?;
    let (day0, day1) = d.days.unzip();
    tx.prepare_cached(
        "INSERT OR REPLACE INTO clusters (id, event_id_cnty, event_date, event_date_end, day0, day1, year, time_precision,
            disorder_type, event_type, sub_event_type, actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2,
            interaction, civilian_targeting, iso, iso3, region, country, admin1, admin2, location, latitude, longitude,
            geo_precision, sources, source_scale, notes, fatalities, fatalities_low, fatalities_high, plover_event,
            plover_mode, cameo_root, n_reports, n_articles, n_sources, n_independent, first_reported, last_reported,
            rules, claims, confidence, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22,
            ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37, ?38, ?39, ?40, ?41, ?42, ?43,
            ?44, ?45, ?46, ?47, ?48)",
    )?
    .execute(params![
        cid,
        event_id_cnty,
        d.event_date,
        d.event_date_end,
        day0,
        day1,
        year,
        d.time_precision,
        t.disorder_type,
        t.event_type,
        t.sub_event_type,
        a.actor1,
        a.assoc_actor_1,
        a.inter1,
        a.actor2,
        a.assoc_actor_2,
        a.inter2,
        a.interaction,
        civ,
        cc.iso_numeric,
        cc.iso3,
        cc.region,
        p.country,
        p.admin1,
        p.admin2,
        p.location,
        p.latitude,
        p.longitude,
        p.geo_precision,
        c.sources.join("; "),
        c.source_scale,
        notes,
        c.fatalities as i64,
        c.fatalities_low.map(|v| v as i64),
        c.fatalities_high.map(|v| v as i64),
        t.plover_event,
        t.plover_mode,
        t.cameo_root,
        members.len() as i64,
        c.n_articles as i64,
        c.sources.len() as i64,
        c.n_independent as i64,
        c.first_reported,
        c.last_reported,
        rules,
        claims,
        c.confidence,
        crate::now_unix(),
    ])?;
    Ok(())
}


#[cfg(test)]
mod tests {
    use super::*;

    fn key(day: i64, lat: f64, lon: f64, t: &str, sub: &str, actors: &[&str]) -> Key {
        Key {
            article_id: 1,
            days: Some((day, day)),
            time_precision: 1,
            lat: Some(lat),
            lon: Some(lon),
            geo_precision: 1,
            country: "Sudan".into(),
            admin1: "North Darfur".into(),
            event_type: t.into(),
            sub_event_type: sub.into(),
            actors: named_actors(actors),
            initiators: named_actors(&actors[..1.min(actors.len())]),
        }
    }

    #[test]
    fn day_numbers() {
        assert_eq!(day_number(Date::new(1970, 1, 1).unwrap()), 0);
        assert_eq!(day_number(Date::new(2024, 6, 15).unwrap()), 19889);
        assert_eq!(day_range(Some(Date::new(2024, 2, 3).unwrap()), None, 3), Some((day_number(Date::new(2024, 2, 3).unwrap()), day_number(Date::new(2024, 2, 29).unwrap()))));
    }

    #[test]
    fn same_event_different_wording_matches() {
        let a = key(100, 13.63, 25.35, "Explosions/Remote violence", "Shelling/artillery/missile attack", &["RSF: Rapid Support Forces", "Civilians (Sudan)"]);
        let b = key(101, 13.60, 25.33, "Explosions/Remote violence", "Shelling/artillery/missile attack", &["RSF: Rapid Support Forces"]);
        assert!(compatible(&a, &b).is_some());
        let unnamed = key(100, 13.63, 25.35, "Explosions/Remote violence", "Air/drone strike", &["Civilians (Sudan)"]);
        assert!(compatible(&unnamed, &a).is_some());
    }

    #[test]
    fn different_events_do_not_match() {
        let a = key(100, 13.63, 25.35, "Explosions/Remote violence", "Shelling/artillery/missile attack", &["RSF: Rapid Support Forces", "Civilians (Sudan)"]);
        // other actor, same day, same city
        let b = key(100, 13.63, 25.35, "Explosions/Remote violence", "Air/drone strike", &["Military Forces of Sudan (2019-)", "Civilians (Sudan)"]);
        assert!(compatible(&a, &b).is_none());
        // the army's air strike on the RSF: shares the RSF, but not the initiator
        let f = key(100, 13.63, 25.35, "Explosions/Remote violence", "Air/drone strike", &["Military Forces of Sudan (2019-)", "RSF: Rapid Support Forces"]);
        assert!(compatible(&a, &f).is_none());
        // a protest in the same city on the same day
        let c = key(100, 13.63, 25.35, "Protests", "Peaceful protest", &["Protesters (Sudan)"]);
        assert!(compatible(&a, &c).is_none());
        // same event type 55 km away (Mellit)
        let d = key(100, 14.13, 25.55, "Explosions/Remote violence", "Shelling/artillery/missile attack", &["RSF: Rapid Support Forces"]);
        assert!(compatible(&a, &d).is_none());
        // three days later
        let e = key(103, 13.63, 25.35, "Explosions/Remote violence", "Shelling/artillery/missile attack", &["RSF: Rapid Support Forces"]);
        assert!(compatible(&a, &e).is_none());
    }

    #[test]
    fn match_box_is_a_superset_of_compatibility() {
        let a = key(100, 13.63, 25.35, "Battles", "Armed clash", &[]);
        let mut b = key(101, 13.70, 25.40, "Battles", "Armed clash", &[]);
        b.geo_precision = 2;
        assert!(compatible(&a, &b).is_some());
        let (x, y) = (match_box(&a), match_box(&b));
        for i in 0..3 {
            assert!(x[2 * i] <= y[2 * i + 1] && y[2 * i] <= x[2 * i + 1]);
        }
    }

    #[test]
    fn claimant_keys() {
        assert_eq!(claimant_key("Sudan's army"), claimant_key("the Sudan army"));
        assert_ne!(claimant_key("Sudan army"), claimant_key("RSF"));
    }

    #[test]
    fn outlets_and_scale() {
        assert_eq!(outlet("", Some("https://www.reuters.com/world/x")), "reuters.com");
        assert_eq!(outlet("Radio Dabanga", None), "Radio Dabanga");
        assert_eq!(source_scale(&["Reuters".into(), "Radio Dabanga".into()], false), "International-Other");
    }

    /// Inserts a report (a battle in Kabkabiya on one day) of `article` and returns it as the
    /// resolver reads it.
    fn report(tx: &Transaction, article: i64, idx: i64, actor1: &str, actor2: &str, country: &str) -> Member {
        tx.execute(
            "INSERT OR IGNORE INTO articles (id, content_hash, ext_id, origin, text, minhash, n_events, extraction, ingested_at)
             VALUES (?1, ?2, ?3, 'test', 't', x'', 2, '{}', 0)",
            params![article, format!("h{article}"), format!("a{article}")],
        )
        .unwrap();
        tx.execute(
            "INSERT INTO events (article_id, idx, event_id, cluster_id, event_date, day0, day1, time_precision, disorder_type,
                event_type, sub_event_type, actor1, assoc_actor_1, actor2, assoc_actor_2, interaction, country, admin1, admin2,
                location, latitude, longitude, geo_precision, fatalities, plover_event, claim_ids, evidence, confidence, match_rule)
             VALUES (?1, ?2, 'e', 0, '2024-07-06', 19910, 19910, 1, 'Political violence', 'Battles', 'Armed clash', ?3, '', ?4, '',
                '', ?5, 'North Darfur', '', 'Kabkabiya', 13.65, 24.08, 1, 0, 'FIGHT', '[]', '[]', 0.8, '')",
            params![article, idx, actor1, actor2, country],
        )
        .unwrap();
        let id = tx.last_insert_rowid();
        let mut m = tx.prepare(member_select!("WHERE e.id = ?1")).unwrap().query_row([id], member_from_row).unwrap();
        m.claims = Some(std::sync::Arc::new(Vec::new()));
        m
    }

    /// Resolves a report as the writer does; returns the clusters it was compatible with and
    /// the retired event ids.
    fn resolve(r: &mut Resolver, tx: &Transaction, m: Member) -> (Vec<i64>, Vec<String>) {
        let found: Vec<i64> = r.find(tx, &m.key()).unwrap().into_iter().map(|f| f.0).collect();
        let id = m.report_id;
        match found.first() {
            None => {
                let cid = r.next_id(tx).unwrap();
                tx.execute("UPDATE events SET cluster_id = ?1 WHERE id = ?2", params![cid, id]).unwrap();
                r.create(tx, cid, m).unwrap();
                (found, Vec::new())
            }
            Some(&cid) => {
                tx.execute("UPDATE events SET cluster_id = ?1 WHERE id = ?2", params![cid, id]).unwrap();
                r.join(tx, cid, m).unwrap();
                let (_, retired) = r.bridge(tx, cid, id, &found[1..]).unwrap();
                (found, retired)
            }
        }
    }

    #[test]
    fn bridging_is_conservative() {
        const RSF: &str = "RSF: Rapid Support Forces";
        const SAF: &str = "Military Forces of Sudan (2019-)";
        let dir = tempfile::tempdir().unwrap();
        for case in ["merge", "shared article", "other country"] {
            let mut store = crate::Store::open(dir.path().join(format!("{case}.db"))).unwrap();
            let tx = store.conn.transaction().unwrap();
            let mut r = Resolver::default();
            // One side each: two events.
            resolve(&mut r, &tx, report(&tx, 1, 0, RSF, "", "Sudan"));
            resolve(&mut r, &tx, report(&tx, 2, 0, SAF, "", "Sudan"));
            match case {
                // Article 1's second event joins the army's cluster: both clusters now hold a
                // report of article 1.
                "shared article" => assert_eq!(resolve(&mut r, &tx, report(&tx, 1, 1, SAF, "", "Sudan")).0, vec![2]),
                // A report of the army's side coded in another country (no shared country
                // for the cluster's members).
                "other country" => {
                    let m = report(&tx, 4, 0, SAF, "", "Chad");
                    tx.execute("UPDATE events SET cluster_id = 2 WHERE id = ?1", [m.report_id]).unwrap();
                    r.join(&tx, 2, m).unwrap();
                }
                _ => {}
            }
            // Both sides named: compatible with both events, which become compatible.
            let (found, retired) = resolve(&mut r, &tx, report(&tx, 3, 0, RSF, SAF, "Sudan"));
            assert_eq!(found, vec![1, 2], "{case}");
            r.flush(&tx).unwrap();
            let clusters: i64 = tx.query_row("SELECT count(*) FROM clusters", [], |r| r.get(0)).unwrap();
            if case == "merge" {
                assert_eq!(retired, vec!["SDN2".to_string()]);
                assert_eq!(clusters, 1);
            } else {
                assert!(retired.is_empty(), "{case}: {retired:?}");
                assert_eq!(clusters, 2, "{case}");
            }
        }
    }
}
