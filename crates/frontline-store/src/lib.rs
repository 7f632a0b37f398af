//! frontline's event database.
//!
//! * [`Store`] — an embedded SQLite file (WAL mode) with versioned migrations
//!   (`migrations/NNNN_name.sql`, applied in order, recorded in `schema_migrations`).
//! * [`ingest`] — sources ([`sources`]: files, directories, JSONL, RSS/Atom feed files and
//!   URLs, WARC) → extraction on worker threads → one writer thread that stores articles,
//!   events and claims and resolves events into canonical events, one transaction per batch.
//!   Articles are keyed by a content hash: re-ingesting is a no-op, and a crash (Ctrl-C,
//!   `kill -9`) loses at most the uncommitted batch, which the next run redoes.
//! * [`resolve`] — incremental, deterministic cross-article resolution (R*Tree over days ×
//!   latitude × longitude; never all pairs).
//! * [`query`] / [`export`] — filters and ACLED CSV, JSONL, GeoJSON, PLOVER JSONL, Parquet.

pub mod dedup;
pub mod export;
pub mod ingest;
pub mod progress;
pub mod query;
pub mod resolve;
pub mod sources;
#[doc(hidden)]
pub mod synth;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use export::{export, ExportFormat};
pub use ingest::{IngestOptions, IngestReport, RecordError};
pub use query::{CanonicalEvent, Filter};

/// Errors of the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database {path}: {source}")]
    Open { path: PathBuf, source: rusqlite::Error },
    #[error("database: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error("migration {version} ({name}): {source}")]
    Migration { version: u32, name: &'static str, source: rusqlite::Error },
    #[error("database {path} has schema version {found}, newer than this binary knows ({known})")]
    TooNew { path: PathBuf, found: u32, known: u32 },
    #[error("I/O: {0}")]
    Io(#[from] std::io::Error),
    #[error("JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("Parquet: {0}")]
    Parquet(String),
    #[error("{0}")]
    Invalid(String),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// A migration: version, name, SQL.
pub struct Migration {
    pub version: u32,
    pub name: &'static str,
    pub sql: &'static str,
}

/// The schema migrations, in order. Add new files; never edit an applied one.
pub const MIGRATIONS: &[Migration] = &[
    Migration { version: 1, name: "init", sql: include_str!("../migrations/0001_init.sql") },
    Migration { version: 2, name: "lsh_covering", sql: include_str!("../migrations/0002_lsh_covering.sql") },
    Migration { version: 3, name: "article_sig", sql: include_str!("../migrations/0003_article_sig.sql") },
    Migration { version: 4, name: "lsh_in_memory", sql: include_str!("../migrations/0004_lsh_in_memory.sql") },
    Migration { version: 5, name: "cluster_aliases", sql: include_str!("../migrations/0005_cluster_aliases.sql") },
];

/// The default database file name.
pub const DEFAULT_DB: &str = "frontline.db";

/// An open event database.
pub struct Store {
    pub(crate) conn: Connection,
    path: PathBuf,
    /// The writer's state kept between ingest calls (near-duplicate index, cluster cache,
    /// known content hashes), brought up to date with the database at each call; dropped
    /// when a call fails (its transaction rolled back).
    pub(crate) writer: Option<Box<ingest::Writer>>,
}

impl Store {
    /// Opens (creating if needed) the database at `path`, sets WAL mode and applies pending
    /// migrations.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        let conn = Connection::open(&path).map_err(|source| StoreError::Open { path: path.clone(), source })?;
        let mut store = Store { conn, path, writer: None };
        store.configure()?;
        store.migrate()?;
        Ok(store)
    }

    /// Opens an existing database read-only (no migrations; fails if it does not exist).
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        if !path.exists() {
            return Err(StoreError::Invalid(format!("database {} does not exist (run `frontline ingest` first)", path.display())));
        }
        let conn = Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|source| StoreError::Open { path: path.clone(), source })?;
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        let store = Store { conn, path, writer: None };
        let v = store.schema_version()?;
        let known = MIGRATIONS.last().map(|m| m.version).unwrap_or(0);
        if v > known {
            return Err(StoreError::TooNew { path: store.path.clone(), found: v, known });
        }
        if v < known {
            return Err(StoreError::Invalid(format!(
                "database {} has schema version {v}; open it once for writing (e.g. `frontline ingest --db {}` with no sources) to migrate",
                store.path.display(),
                store.path.display()
            )));
        }
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The underlying connection (read-only use recommended).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    fn configure(&mut self) -> Result<()> {
        self.conn.busy_timeout(std::time::Duration::from_secs(30))?;
        // New files only (a no-op once the file has content): 8 KB pages hold three article
        // rows where 4 KB pages held one (~2.5 KB rows: text + extraction JSON).
        self.conn.pragma_update(None, "page_size", 8192)?;
        self.conn.pragma_update(None, "journal_mode", "WAL")?;
        // NORMAL in WAL mode: a power loss may drop the last commits, never corrupts; a
        // process crash (kill -9) loses nothing committed.
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        // 128 MB page cache (allocated as used), temporary b-trees in memory, and a
        // checkpoint every ~40 MB of WAL instead of 4 MB: fewer rewrites of hot pages.
        self.conn.pragma_update(None, "cache_size", -128_000)?;
        self.conn.pragma_update(None, "temp_store", "MEMORY")?;
        self.conn.pragma_update(None, "wal_autocheckpoint", 10_000)?;
        Ok(())
    }

    /// The applied schema version (0 for a new file).
    pub fn schema_version(&self) -> Result<u32> {
        let exists: bool = self.conn.query_row(
            "SELECT count(*) > 0 FROM sqlite_master WHERE type='table' AND name='schema_migrations'",
            [],
            |r| r.get(0),
        )?;
        if !exists {
            return Ok(0);
        }
        Ok(self.conn.query_row("SELECT coalesce(max(version), 0) FROM schema_migrations", [], |r| r.get(0))?)
    }

    fn migrate(&mut self) -> Result<()> {
        self.conn.execute_batch(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)",
        )?;
        let current = self.schema_version()?;
        let known = MIGRATIONS.last().map(|m| m.version).unwrap_or(0);
        if current > known {
            return Err(StoreError::TooNew { path: self.path.clone(), found: current, known });
        }
        for m in MIGRATIONS.iter().filter(|m| m.version > current) {
            let tx = self.conn.transaction()?;
            tx.execute_batch(m.sql)
                .map_err(|source| StoreError::Migration { version: m.version, name: m.name, source })?;
            tx.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)",
                rusqlite::params![m.version, m.name, now_unix()],
            )?;
            tx.commit()?;
        }
        Ok(())
    }

    /// Counts of what the database holds.
    pub fn stats(&self) -> Result<Stats> {
        let c = |sql: &str| -> Result<u64> { Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64) };
        Ok(Stats {
            articles: c("SELECT count(*) FROM articles")?,
            copies: c("SELECT count(*) FROM article_copies")?,
            near_duplicates: c("SELECT count(*) FROM articles WHERE dup_of IS NOT NULL")?,
            reports: c("SELECT count(*) FROM events")?,
            events: c("SELECT count(*) FROM clusters")?,
            multi_source_events: c("SELECT count(*) FROM clusters WHERE n_sources > 1")?,
        })
    }
}

/// What a database holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Stats {
    pub articles: u64,
    /// Exact copies of stored articles seen under another id, outlet or URL.
    pub copies: u64,
    /// Articles recognised as near-duplicates (syndicated copies) of an earlier one.
    pub near_duplicates: u64,
    /// Events as extracted from single articles.
    pub reports: u64,
    /// Canonical events (clusters of reports).
    pub events: u64,
    pub multi_source_events: u64,
}

pub(crate) fn now_unix() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_migrates_once_and_uses_wal() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("t.db");
        let s = Store::open(&p).unwrap();
        assert_eq!(s.schema_version().unwrap(), 5);
        let mode: String = s.conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
        assert_eq!(mode, "wal");
        drop(s);
        let s = Store::open(&p).unwrap();
        assert_eq!(s.schema_version().unwrap(), 5);
        let n: i64 = s.conn.query_row("SELECT count(*) FROM schema_migrations", [], |r| r.get(0)).unwrap();
        assert_eq!(n, 5);
        assert_eq!(s.stats().unwrap().articles, 0);
    }

    #[test]
    fn version_1_database_is_migrated() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("v1.db");
        {
            let c = Connection::open(&p).unwrap();
            c.execute_batch("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)").unwrap();
            c.execute_batch(MIGRATIONS[0].sql).unwrap();
            c.execute("INSERT INTO schema_migrations VALUES (1, 'init', 0)", []).unwrap();
            c.execute(
                "INSERT INTO articles (id, content_hash, ext_id, origin, text, minhash, n_events, extraction, ingested_at, dup_of)
                 VALUES (1, 'h1', 'a', 'x:1', 't', x'0102', 0, '{}', 0, NULL), (2, 'h2', 'b', 'x:2', 't', x'0304', 0, '{}', 0, 1)",
                [],
            )
            .unwrap();
            c.execute("INSERT INTO article_lsh (bucket, article_id) VALUES (7, 1), (7, 2)", []).unwrap();
        }
        let s = Store::open(&p).unwrap();
        assert_eq!(s.schema_version().unwrap(), 5);
        let sig: Vec<(i64, Vec<u8>, i64)> = s
            .conn
            .prepare("SELECT article_id, minhash, root FROM article_sig ORDER BY 1")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(sig, vec![(1, vec![1, 2], 1), (2, vec![3, 4], 1)]);
        // Bucket rows are gone (the index is rebuilt in memory from article_sig).
        let lsh: i64 = s.conn.query_row("SELECT count(*) FROM sqlite_master WHERE name LIKE 'article_lsh%'", [], |r| r.get(0)).unwrap();
        assert_eq!(lsh, 0);
        let aliases: i64 = s.conn.query_row("SELECT count(*) FROM cluster_aliases", [], |r| r.get(0)).unwrap();
        assert_eq!(aliases, 0);
    }

    /// Every statement the writer runs per article or per report is answered by an index
    /// (no full scans).
    #[test]
    fn hot_statements_use_indexes() {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(dir.path().join("q.db")).unwrap();
        let hot = [
            "SELECT article_id, minhash, root FROM article_sig WHERE article_id > ?1 AND article_id < ?2 ORDER BY article_id",
            "SELECT merged_into FROM cluster_aliases WHERE event_id_cnty = ?1",
            "UPDATE cluster_aliases SET merged_into = ?1 WHERE merged_into = ?2",
            "UPDATE events SET cluster_id = ?1 WHERE cluster_id = ?2",
            "SELECT id, ext_id, source, url FROM articles WHERE content_hash = ?1",
            "SELECT DISTINCT cluster_id FROM events WHERE article_id = ?1 ORDER BY 1",
            "SELECT max(id) FROM events WHERE cluster_id = ?1",
            "SELECT claim_id, claimant, claimant_type, verb, hedge, text, figures FROM claims WHERE article_id = ?1 ORDER BY id",
            "SELECT source, url, published FROM article_copies WHERE article_id = ?1",
            "SELECT event_id_cnty FROM clusters WHERE id = ?1",
            "SELECT coalesce(max(id), 0) + 1 FROM clusters",
            "SELECT id FROM cluster_rt WHERE d0 <= ?2 AND d1 >= ?1 AND lat0 <= ?4 AND lat1 >= ?3 AND lon0 <= ?6 AND lon1 >= ?5 ORDER BY id",
            crate::resolve::MEMBER_SELECT,
        ];
        for q in hot {
            let bound = (1..=6).rev().fold(q.to_string(), |q, i| q.replace(&format!("?{i}"), "1"));
            let plan: Vec<String> = s
                .conn
                .prepare(&format!("EXPLAIN QUERY PLAN {bound}"))
                .unwrap()
                .query_map([], |r| r.get::<_, String>(3))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            let text = plan.join(" | ");
            assert!(!text.contains("SCAN ") || text.contains("VIRTUAL TABLE"), "{q}\n  → {text}");
            // (A TEMP B-TREE sorting one article's few claims is fine.)
            println!("{q}\n  → {text}");
        }
    }

    #[test]
    fn read_only_refuses_missing_file() {
        let dir = tempfile::tempdir().unwrap();
        assert!(Store::open_read_only(dir.path().join("none.db")).is_err());
    }
}
