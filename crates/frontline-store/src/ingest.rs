//! Ingest: sources → content hash → extraction on worker threads → one writer (the calling
//! thread) that stores and resolves, in input order, one SQLite transaction per batch.
//!
//! Idempotence and crash safety: an article is keyed by its content hash; its row, claims,
//! events and their resolution are written in the same transaction as the rest of its
//! batch. A process killed at any moment leaves the database at the last committed batch
//! (SQLite WAL is atomic), and the next run skips what is stored and redoes the rest — in
//! the same order, so the result is the one an uninterrupted run gives.

use std::collections::{BTreeMap, HashSet};
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use frontline_io::ReadOptions;
use frontline_model::output::ArticleOut;
use frontline_model::{Document, RawArticle};
use rusqlite::{params, Transaction};
use serde::Serialize;

use crate::dedup::{content_hash, LshIndex, Signature, LSH_WINDOW};
use crate::resolve::{self, day_range, named_actors, Key};
use crate::sources::{HttpOptions, SourceError, SourceItem};
use crate::{Result, Store};

/// How to ingest.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    pub read: ReadOptions,
    pub http: HttpOptions,
    /// Extraction threads; 0 = available parallelism.
    pub workers: usize,
    /// Articles per transaction.
    pub batch_size: usize,
    /// A batch is also committed when it is this old.
    pub batch_time: Duration,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            read: ReadOptions::default(),
            http: HttpOptions::default(),
            workers: 0,
            batch_size: 2000,
            batch_time: Duration::from_secs(2),
        }
    }
}

/// A record that could not be ingested; the batch went on.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct RecordError {
    /// `file:line`, file, URL or WARC record of the failing record.
    pub record: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub message: String,
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.id {
            Some(id) => write!(f, "{} (id {id}): {}", self.record, self.message),
            None => write!(f, "{}: {}", self.record, self.message),
        }
    }
}

/// What an ingest run did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct IngestReport {
    /// Records read from the sources (articles and failed records).
    pub read: u64,
    /// New articles stored and extracted.
    pub stored: u64,
    /// Articles already stored (same text, same id/outlet/URL): nothing done.
    pub unchanged: u64,
    /// Same text under another id, outlet or URL: recorded as a copy (counts as a source).
    pub copies: u64,
    /// New articles recognised as near-duplicates (syndicated copies) of a stored one.
    pub near_duplicates: u64,
    /// Events extracted from the new articles.
    pub reports: u64,
    /// Reports that started a new canonical event.
    pub new_events: u64,
    /// Reports that joined an existing canonical event.
    pub joined_events: u64,
    /// Canonical events merged into an older one because a new report bridged them (their
    /// `event_id_cnty` resolves to the surviving event).
    pub merged_events: u64,
    pub errors: Vec<RecordError>,
    pub seconds: f64,
    /// Where the time went (not part of the JSON report).
    #[serde(skip)]
    pub timings: Timings,
}

/// Busy time of the pipeline's stages, in seconds.
#[derive(Debug, Clone, Copy, Default)]
pub struct Timings {
    /// Extraction (pipeline, output contract, MinHash, JSON), summed over the worker threads.
    pub extract: f64,
    /// The writer thread: storing, de-duplication, resolution, canonical rows, commits.
    pub write: f64,
    /// Of `write`: near-duplicate lookup.
    pub dedup: f64,
    /// Of `write`: finding and joining clusters (R*Tree, keys).
    pub resolve: f64,
    /// Of `write`: canonical rows of the changed clusters, once per transaction.
    pub flush: f64,
    /// Of `write`: COMMIT.
    pub commit: f64,
    /// Clusters compared with a report (R*Tree candidates).
    pub candidates: u64,
    /// Canonical rows written.
    pub clusters_written: u64,
    /// Clusters read from the database (not in the writer's cache).
    pub clusters_loaded: u64,
}

/// Something the caller may want to show while ingest runs.
pub enum IngestUpdate<'a> {
    /// One more record done (in input order).
    Record(&'a IngestReport),
    Error(&'a RecordError),
    /// A batch was committed.
    Committed(&'a IngestReport),
}

/// What the writer needs of an article seen before (an exact copy): no text.
struct CopyMeta {
    id: String,
    source: Option<String>,
    url: Option<String>,
    published: Option<jiff::civil::Date>,
    origin: String,
}

impl CopyMeta {
    fn of(raw: &RawArticle) -> CopyMeta {
        CopyMeta { id: raw.id.clone(), source: raw.source.clone(), url: raw.url.clone(), published: raw.published, origin: raw.origin.to_string() }
    }
}

/// What the writer stores of an extracted document; the rest of the `Document` (sentences,
/// mentions, …) is dropped on the worker.
struct Slim {
    id: String,
    source: Option<String>,
    url: Option<String>,
    title: Option<String>,
    published: Option<jiff::civil::Date>,
    published_inferred: bool,
    origin: String,
    text: String,
    events: Vec<frontline_model::Event>,
}

struct Prepared {
    raw: CopyMeta,
    hash: String,
    doc: Slim,
    sig: Signature,
    /// Serialised on the worker: the extraction JSON, the claims rows, the events' JSON.
    extraction: String,
    claims: Vec<ClaimRow>,
    events: Vec<EventJson>,
}

struct ClaimRow {
    claim_id: String,
    claimant: String,
    ctype: String,
    verb: String,
    hedge: Option<String>,
    text: String,
    figures: String,
    /// `figures` as the resolver reads it back.
    parsed: Vec<resolve::FigureRec>,
}

struct EventJson {
    claim_ids: String,
    evidence: String,
    actors: std::collections::BTreeSet<String>,
    initiators: std::collections::BTreeSet<String>,
}

enum Msg {
    Work(Box<Prepared>),
    Known(Box<CopyMeta>, String),
    Failed(RecordError),
    End,
}

impl Store {
    /// Ingests the sources named (files, directories, `-`, feed files and URLs, WARC).
    pub fn ingest_paths(&mut self, sources: &[String], opts: &IngestOptions, on: &mut dyn FnMut(IngestUpdate)) -> Result<IngestReport> {
        let (list, read, http) = (sources.to_vec(), opts.read.clone(), opts.http.clone());
        self.ingest(move || crate::sources::read_sources(&list, &read, &http), opts, on)
    }

    /// Ingests articles from the iterator `make_sources` builds (on the reader thread).
    pub fn ingest<F, I>(&mut self, make_sources: F, opts: &IngestOptions, on: &mut dyn FnMut(IngestUpdate)) -> Result<IngestReport>
    where
        F: FnOnce() -> I + Send,
        I: Iterator<Item = SourceItem>,
    {
        let start = Instant::now();
        let workers = if opts.workers == 0 {
            std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
        } else {
            opts.workers
        };
        // The writer's state from the last call (or a new one), and the content hashes of
        // the articles stored since it last looked (all of them the first time).
        let mut w = self.writer.take().map(|b| *b).unwrap_or_default();
        {
            let mut st = self.conn.prepare("SELECT id, content_hash FROM articles WHERE id > ?1 ORDER BY id")?;
            let mut rows = st.query([w.known_upto])?;
            while let Some(r) = rows.next()? {
                w.known_upto = r.get(0)?;
                w.known.insert(r.get(1)?);
            }
        }
        let known = std::mem::take(&mut w.known);
        w.resolver.reset_counters();
        let mut report = IngestReport::default();
        let extract_ns = std::sync::atomic::AtomicU64::new(0);
        let result = std::thread::scope(|scope| -> Result<()> {
            let (work_tx, work_rx) = sync_channel::<(u64, RawArticle, String)>(workers * 4);
            // Room for the workers to keep extracting while the writer commits.
            let (res_tx, res_rx) = sync_channel::<(u64, Msg)>(workers * 64 + 128);
            let work_rx = Arc::new(Mutex::new(work_rx));
            // Reader: hashes and routes records.
            {
                let res_tx = res_tx.clone();
                let known = &known;
                scope.spawn(move || {
                    let mut seq = 0u64;
                    // Hashes queued in this run (stored by the writer unless extraction fails).
                    let mut queued: HashSet<String> = HashSet::new();
                    for item in make_sources() {
                        let msg = match item {
                            Ok(raw) => {
                                let hash = content_hash(&raw.text);
                                if known.contains(&hash) || queued.contains(&hash) {
                                    Msg::Known(Box::new(CopyMeta::of(&raw)), hash)
                                } else {
                                    queued.insert(hash.clone());
                                    if work_tx.send((seq, raw, hash)).is_err() {
                                        return;
                                    }
                                    seq += 1;
                                    continue;
                                }
                            }
                            Err(e) => Msg::Failed(source_error(e)),
                        };
                        if res_tx.send((seq, msg)).is_err() {
                            return;
                        }
                        seq += 1;
                    }
                    drop(work_tx);
                    let _ = res_tx.send((seq, Msg::End));
                });
            }
            // Extraction workers.
            for _ in 0..workers {
                let work_rx = Arc::clone(&work_rx);
                let res_tx = res_tx.clone();
                let extract_ns = &extract_ns;
                scope.spawn(move || loop {
                    let job = { work_rx.lock().unwrap().recv() };
                    let Ok((seq, raw, hash)) = job else { return };
                    let t = Instant::now();
                    let msg = prepare(raw, hash);
                    extract_ns.fetch_add(t.elapsed().as_nanos() as u64, std::sync::atomic::Ordering::Relaxed);
                    if res_tx.send((seq, msg)).is_err() {
                        return;
                    }
                });
            }
            drop(res_tx);
            let r = self.write_loop(&mut w, &res_rx, opts, &mut report, on);
            // On error, unblock the other threads before the scope joins them.
            drop(res_rx);
            drop(work_rx);
            r
        });
        report.seconds = start.elapsed().as_secs_f64();
        report.timings.extract = extract_ns.into_inner() as f64 / 1e9;
        result?;
        // Kept for the next call only after a clean run (a failed one rolled back what the
        // writer's memory may still hold). The hashes just stored are read at the next call.
        w.known = known;
        self.writer = Some(Box::new(w));
        Ok(report)
    }

    fn write_loop(
        &mut self,
        w: &mut Writer,
        rx: &Receiver<(u64, Msg)>,
        opts: &IngestOptions,
        report: &mut IngestReport,
        on: &mut dyn FnMut(IngestUpdate),
    ) -> Result<()> {
        let mut pending: BTreeMap<u64, Msg> = BTreeMap::new();
        let mut next = 0u64;
        let mut tx = self.conn.transaction()?;
        let mut in_batch = 0usize;
        let mut batch_start = Instant::now();
        let mut end = false;
        while !end {
            let Ok((seq, msg)) = rx.recv() else { break };
            pending.insert(seq, msg);
            while let Some(msg) = pending.remove(&next) {
                next += 1;
                let t = Instant::now();
                match msg {
                    Msg::End => {
                        end = true;
                        break;
                    }
                    Msg::Failed(e) => {
                        report.read += 1;
                        on(IngestUpdate::Error(&e));
                        report.errors.push(e);
                    }
                    Msg::Known(raw, hash) => {
                        report.read += 1;
                        store_copy(&tx, w, &raw, &hash, report)?;
                        in_batch += 1;
                    }
                    Msg::Work(p) => {
                        report.read += 1;
                        store_article(&tx, w, &p, report)?;
                        in_batch += 1;
                    }
                }
                report.timings.write += t.elapsed().as_secs_f64();
                on(IngestUpdate::Record(report));
                if in_batch >= opts.batch_size.max(1) || (in_batch > 0 && batch_start.elapsed() >= opts.batch_time) {
                    w.commit(tx, report)?;
                    on(IngestUpdate::Committed(report));
                    tx = self.conn.transaction()?;
                    in_batch = 0;
                    batch_start = Instant::now();
                }
            }
        }
        w.commit(tx, report)?;
        on(IngestUpdate::Committed(report));
        Ok(())
    }
}

/// The writer's state: resolution (clusters cached across transactions) and the in-memory
/// near-duplicate index over the latest articles' signatures; kept by the [`Store`] between
/// ingest calls (each brings it up to date with the database first).
#[derive(Default)]
pub(crate) struct Writer {
    resolver: resolve::Resolver,
    lsh: LshIndex,
    /// The index has read the signatures other writers may have committed since ours.
    lsh_synced: bool,
    /// Content hashes of the stored articles with ids up to `known_upto`.
    known: HashSet<String>,
    known_upto: i64,
}

impl Writer {
    fn commit(&mut self, tx: Transaction, report: &mut IngestReport) -> Result<()> {
        let t = Instant::now();
        self.resolver.flush(&tx)?;
        self.lsh_synced = false;
        let t1 = Instant::now();
        tx.commit()?;
        let (flush, commit) = ((t1 - t).as_secs_f64(), t1.elapsed().as_secs_f64());
        let tm = &mut report.timings;
        tm.flush += flush;
        tm.commit += commit;
        tm.write += flush + commit;
        tm.candidates = self.resolver.candidates;
        tm.clusters_written = self.resolver.flushed;
        tm.clusters_loaded = self.resolver.loaded;
        Ok(())
    }
}

fn source_error(e: SourceError) -> RecordError {
    match e {
        SourceError::Input(ie) => RecordError { record: ie.origin.to_string(), id: ie.id.clone(), message: ie.kind.to_string() },
        SourceError::Other { origin, message } => RecordError { record: origin, id: None, message },
    }
}

fn prepare(raw: RawArticle, hash: String) -> Msg {
    let record = raw.origin.to_string();
    let id = raw.id.clone();
    let keep = CopyMeta::of(&raw);
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
        let doc = frontline_pipeline::process(raw);
        let out = ArticleOut::from_document(&doc, false);
        // Reprints often change the headline: shingle the body only.
        let body = match &doc.title {
            Some(t) if doc.text.trim_start().starts_with(t.as_str()) => &doc.text.trim_start()[t.len()..],
            _ => doc.text.as_str(),
        };
        let sig = Signature::of(body);
        let extraction = serde_json::to_string(&out).expect("extraction JSON");
        let claims = out
            .claims
            .iter()
            .map(|c| {
                let figures = serde_json::to_string(&c.figures).expect("figures JSON");
                ClaimRow {
                    claim_id: c.claim_id.clone(),
                    claimant: c.claimant.clone(),
                    ctype: serde_json::to_value(c.claimant_type).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_else(|| "unknown".into()),
                    verb: c.verb.clone(),
                    hedge: c.hedge.clone(),
                    text: c.text.clone(),
                    parsed: serde_json::from_str(&figures).unwrap_or_default(),
                    figures,
                }
            })
            .collect();
        let events = doc
            .events
            .iter()
            .zip(out.events.iter())
            .map(|(e, eo)| EventJson {
                claim_ids: serde_json::to_string(&e.claims).expect("claims JSON"),
                evidence: serde_json::to_string(&eo.evidence).expect("evidence JSON"),
                actors: named_actors(&[&e.actor1, &e.actor2, &e.assoc_actor_1, &e.assoc_actor_2]),
                initiators: named_actors(&[&e.actor1, &e.assoc_actor_1]),
            })
            .collect();
        let Document { id, source, url, title, published, published_inferred, origin, text, events: evs, .. } = doc;
        let slim = Slim { id, source, url, title, published, published_inferred, origin: origin.to_string(), text, events: evs };
        (slim, sig, extraction, claims, events)
    }));
    match r {
        Ok((doc, sig, extraction, claims, events)) => Msg::Work(Box::new(Prepared { raw: keep, hash, doc, sig, extraction, claims, events })),
        Err(p) => {
            let what = p
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "unknown panic".into());
            Msg::Failed(RecordError { record, id: Some(id), message: format!("extraction failed: {what}") })
        }
    }
}

fn store_copy(tx: &Transaction, w: &mut Writer, raw: &CopyMeta, hash: &str, report: &mut IngestReport) -> Result<()> {
    let row: Option<(i64, String, Option<String>, Option<String>)> = {
        let mut st = tx.prepare_cached("SELECT id, ext_id, source, url FROM articles WHERE content_hash = ?1")?;
        let mut rows = st.query([hash])?;
        match rows.next()? {
            Some(r) => Some((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            None => None,
        }
    };
    let Some((aid, ext, src, url)) = row else {
        // Cannot happen (the reader saw it stored or queued before it); count as unchanged.
        report.unchanged += 1;
        return Ok(());
    };
    let same = ext == raw.id && src.as_deref().unwrap_or("") == raw.source.as_deref().unwrap_or("") && url.as_deref().unwrap_or("") == raw.url.as_deref().unwrap_or("");
    if same {
        report.unchanged += 1;
        return Ok(());
    }
    let n = tx
        .prepare_cached(
            "INSERT OR IGNORE INTO article_copies (article_id, ext_id, source, url, published, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![
            aid,
            raw.id,
            raw.source.as_deref().unwrap_or(""),
            raw.url.as_deref().unwrap_or(""),
            raw.published.map(|d| d.to_string()),
            raw.origin
        ])?;
    if n == 0 {
        report.unchanged += 1;
        return Ok(());
    }
    report.copies += 1;
    // The copy's outlet counts as a source of the article's events.
    let clusters: Vec<i64> = tx
        .prepare_cached("SELECT DISTINCT cluster_id FROM events WHERE article_id = ?1 ORDER BY 1")?
        .query_map([aid], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for c in clusters {
        w.resolver.touch(c);
    }
    Ok(())
}

fn store_article(tx: &Transaction, w: &mut Writer, p: &Prepared, report: &mut IngestReport) -> Result<()> {
    let doc = &p.doc;
    let extraction = &p.extraction;
    let inserted = tx
        .prepare_cached(
            "INSERT INTO articles (content_hash, ext_id, source, url, title, published, published_inferred, origin, text,
                minhash, n_events, extraction, ingested_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
             ON CONFLICT(content_hash) DO NOTHING",
        )?
        .execute(params![
            p.hash,
            doc.id,
            doc.source,
            doc.url,
            doc.title,
            doc.published.map(|d| d.to_string()),
            doc.published_inferred,
            doc.origin,
            doc.text,
            // The signature is stored once, in article_sig (the column predates it).
            Vec::<u8>::new(),
            doc.events.len() as i64,
            extraction,
            crate::now_unix(),
        ])?;
    if inserted == 0 {
        return store_copy(tx, w, &p.raw, &p.hash, report);
    }
    let aid = tx.last_insert_rowid();
    report.stored += 1;

    // Near-duplicates: LSH buckets → estimated Jaccard, in memory over the latest
    // LSH_WINDOW articles. Once per transaction (and when the writer starts) the index reads
    // the signatures committed since it last looked: by this writer's earlier runs or by
    // another process (none while this transaction holds the write lock, as it does now).
    let t = Instant::now();
    if !w.lsh_synced {
        let from = w.lsh.last_id.max(aid - LSH_WINDOW);
        let mut st = tx.prepare_cached("SELECT article_id, minhash, root FROM article_sig WHERE article_id > ?1 AND article_id < ?2 ORDER BY article_id")?;
        let rows = st.query_map(params![from, aid], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?, r.get::<_, i64>(2)?)))?;
        for row in rows {
            let (id, blob, root) = row?;
            w.lsh.push(id, Signature::from_bytes(&blob), root);
        }
        w.lsh_synced = true;
    }
    let best = w.lsh.best_match(aid, &p.sig);
    if let Some((s, _, root)) = best {
        tx.prepare_cached("UPDATE articles SET dup_of = ?1, dup_similarity = ?2 WHERE id = ?3")?.execute(params![root, s, aid])?;
        report.near_duplicates += 1;
    }
    let root = best.map_or(aid, |b| b.2);
    // Appended in id order (the rowid): no random index writes.
    tx.prepare_cached("INSERT INTO article_sig (article_id, minhash, root) VALUES (?1, ?2, ?3)")?.execute(params![aid, p.sig.to_bytes(), root])?;
    w.lsh.push(aid, Some(p.sig.clone()), root);
    report.timings.dedup += t.elapsed().as_secs_f64();

    // What the resolver reads back for a member of this article.
    let outlet = resolve::outlet(doc.source.as_deref().unwrap_or(""), doc.url.as_deref());
    let published = doc.published.map(|d| d.to_string());
    // Claims (INSERT OR IGNORE: the first of a repeated claim_id is kept).
    let mut kept: Vec<&ClaimRow> = Vec::with_capacity(p.claims.len());
    for c in &p.claims {
        if !kept.iter().any(|k| k.claim_id == c.claim_id) {
            kept.push(c);
        }
    }
    {
        let mut st = tx.prepare_cached(
            "INSERT OR IGNORE INTO claims (article_id, claim_id, claimant, claimant_type, verb, hedge, text, figures)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for c in &p.claims {
            st.execute(params![aid, c.claim_id, c.claimant, c.ctype, c.verb, c.hedge, c.text, c.figures])?;
        }
    }

    // Events → resolution.
    for (i, (e, ej)) in doc.events.iter().zip(p.events.iter()).enumerate() {
        let t = Instant::now();
        report.reports += 1;
        let days = day_range(e.event_date, e.event_date_end, e.time_precision);
        let key = Key {
            article_id: aid,
            days,
            time_precision: e.time_precision,
            lat: e.latitude,
            lon: e.longitude,
            geo_precision: e.geo_precision,
            country: e.country.clone(),
            admin1: e.admin1.clone(),
            event_type: e.event_type.clone(),
            sub_event_type: e.sub_event_type.clone(),
            actors: ej.actors.clone(),
            initiators: ej.initiators.clone(),
        };
        let found = w.resolver.find(tx, &key)?;
        let others: Vec<i64> = found.iter().skip(1).map(|f| f.0).collect();
        let (cid, rule, new) = match found.into_iter().next() {
            Some((cid, why)) => {
                report.joined_events += 1;
                (cid, format!("joined: {why}"), false)
            }
            None => {
                report.new_events += 1;
                let cid = w.resolver.next_id(tx)?;
                (cid, "new event: no compatible earlier report".to_string(), true)
            }
        };
        tx.prepare_cached(
            "INSERT INTO events (article_id, idx, event_id, cluster_id, event_date, event_date_end, day0, day1, time_precision,
                disorder_type, event_type, sub_event_type, actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2,
                interaction, country, iso, admin1, admin2, location, latitude, longitude, geo_precision, fatalities,
                fatalities_low, fatalities_high, plover_event, plover_mode, cameo_root, claim_ids, evidence, confidence, match_rule)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23,
                ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37)",
        )?
        .execute(params![
            aid,
            i as i64,
            e.event_id,
            cid,
            e.event_date.map(|d| d.to_string()),
            e.event_date_end.map(|d| d.to_string()),
            days.map(|d| d.0),
            days.map(|d| d.1),
            e.time_precision,
            e.disorder_type,
            e.event_type,
            e.sub_event_type,
            e.actor1,
            e.assoc_actor_1,
            e.inter1,
            e.actor2,
            e.assoc_actor_2,
            e.inter2,
            e.interaction,
            e.country,
            e.iso,
            e.admin1,
            e.admin2,
            e.location,
            e.latitude,
            e.longitude,
            e.geo_precision,
            e.fatalities as i64,
            e.fatalities_low.map(|v| v as i64),
            e.fatalities_high.map(|v| v as i64),
            e.plover_event,
            e.plover_mode,
            e.cameo_root,
            ej.claim_ids,
            ej.evidence,
            e.confidence as f64,
            &rule,
        ])?;
        let report_id = tx.last_insert_rowid();
        // The report as `load_members` reads it back (same values, same conversions).
        let claims: Vec<resolve::ClaimRec> = kept
            .iter()
            .filter(|c| e.claims.contains(&c.claim_id))
            .map(|c| resolve::ClaimRec {
                claimant: c.claimant.clone(),
                claimant_type: c.ctype.clone(),
                hedge: c.hedge.clone(),
                verb: c.verb.clone(),
                text: c.text.clone(),
                figures: c.parsed.clone(),
                article: doc.id.clone(),
                source: outlet.clone(),
                published: published.clone(),
            })
            .collect();
        let m = resolve::Member {
            report_id,
            article_id: aid,
            article: doc.id.clone(),
            source: outlet.clone(),
            url: doc.url.clone(),
            published: published.clone(),
            near_duplicate_of: best.map(|b| b.2),
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
            claim_ids: e.claims.clone(),
            confidence: e.confidence as f64,
            match_rule: rule,
            days,
            root,
            claims: Some(std::sync::Arc::new(claims)),
        };
        if new {
            w.resolver.create(tx, cid, m)?;
        } else {
            w.resolver.join(tx, cid, m)?;
            // Clusters this report bridges merge into the oldest.
            let (_, retired) = w.resolver.bridge(tx, cid, report_id, &others)?;
            report.merged_events += retired.len() as u64;
        }
        report.timings.resolve += t.elapsed().as_secs_f64();
    }
    Ok(())
}
