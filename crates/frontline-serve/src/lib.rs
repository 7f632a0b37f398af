//! `frontline serve`: a JSON API over the event database (described by an OpenAPI document at
//! `/openapi.json`), an ingest endpoint protected by a bearer token, and a map page served
//! from assets embedded in the binary (no network at run time). See docs/SERVE.md.
//!
//! * reads use a small pool of read-only SQLite connections (WAL: readers never block the
//!   writer), each request on a blocking thread;
//! * writes (`POST /api/articles`) go through one writable [`Store`] behind a mutex, with the
//!   same extraction and resolution as `frontline ingest`;
//! * every value from a request is bound as an SQL parameter.

pub mod api;
pub mod assets;
pub mod error;
pub mod ingest;
pub mod query;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;
use frontline_store::sources::SourceItem;
use frontline_store::{IngestOptions, Store};

use crate::api::{IngestResponse, IngestedArticle, RecordError};
use crate::error::{ApiError, ApiResult};

/// Server settings.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    pub db: PathBuf,
    /// Bearer token for writes; `None` disables writes.
    pub token: Option<String>,
    /// Largest request body, bytes.
    pub max_body: usize,
    /// Per-request timeout (time to the response head; an export streams after it).
    pub timeout: Duration,
    /// Extraction threads for ingest (0 = all cores).
    pub ingest_workers: usize,
}

impl ServeConfig {
    pub fn new(db: impl Into<PathBuf>) -> Self {
        ServeConfig { db: db.into(), token: None, max_body: 16 << 20, timeout: Duration::from_secs(60), ingest_workers: 0 }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("{0}")]
    Store(#[from] frontline_store::StoreError),
    #[error("{addr}: {source}")]
    Bind { addr: SocketAddr, source: std::io::Error },
    #[error("I/O: {0}")]
    Io(#[from] std::io::Error),
}

const MAX_IDLE_READERS: usize = 8;

/// Shared server state.
pub struct AppState {
    pub cfg: ServeConfig,
    readers: Mutex<Vec<Store>>,
    writer: Mutex<Option<Store>>,
    /// Whether the database could be opened for writing.
    pub writable: bool,
}

impl AppState {
    /// Opens the database (creating and migrating it if it can), then checks it reads.
    pub fn open(cfg: ServeConfig) -> Result<AppState, ServeError> {
        let (writer, writable) = match Store::open(&cfg.db) {
            Ok(s) => (Some(s), true),
            Err(e) if cfg.db.exists() => {
                eprintln!("frontline serve: {} is not writable ({e}); serving read-only", cfg.db.display());
                (None, false)
            }
            Err(e) => return Err(e.into()),
        };
        let reader = Store::open_read_only(&cfg.db)?;
        Ok(AppState { cfg, readers: Mutex::new(vec![reader]), writer: Mutex::new(writer), writable })
    }

    pub fn take_reader(&self) -> ApiResult<Store> {
        if let Some(s) = self.readers.lock().unwrap_or_else(|e| e.into_inner()).pop() {
            return Ok(s);
        }
        Ok(Store::open_read_only(&self.cfg.db)?)
    }

    pub fn put_reader(&self, s: Store) {
        let mut v = self.readers.lock().unwrap_or_else(|e| e.into_inner());
        if v.len() < MAX_IDLE_READERS {
            v.push(s);
        }
    }

    /// Runs `f` with a read-only store on a blocking thread.
    pub async fn read<T: Send + 'static>(self: &Arc<Self>, f: impl FnOnce(&Store) -> ApiResult<T> + Send + 'static) -> ApiResult<T> {
        let st = self.clone();
        tokio::task::spawn_blocking(move || {
            let s = st.take_reader()?;
            let r = f(&s);
            st.put_reader(s);
            r
        })
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?
    }

    /// Ingests parsed records (blocking; one ingest at a time).
    pub fn ingest(&self, items: Vec<SourceItem>) -> ApiResult<IngestResponse> {
        let mut guard = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        let store = guard.as_mut().ok_or(ApiError::Forbidden("writes are disabled: the database is opened read-only"))?;
        let keys: Vec<(String, String)> =
            items.iter().filter_map(|i| i.as_ref().ok()).map(|a| (a.origin.to_string(), frontline_store::dedup::content_hash(&a.text))).collect();
        let opts = IngestOptions { workers: self.cfg.ingest_workers, ..Default::default() };
        let report = store.ingest(move || items.into_iter(), &opts, &mut |_| {})?;
        let mut articles = Vec::new();
        {
            let conn = store.connection();
            let mut st = conn.prepare("SELECT id, ext_id FROM articles WHERE content_hash = ?")?;
            for (record, hash) in keys {
                use rusqlite::OptionalExtension;
                if let Some((id, ext_id)) = st.query_row([&hash], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))).optional()? {
                    articles.push(IngestedArticle { record, id, ext_id });
                }
            }
        }
        Ok(IngestResponse {
            read: report.read,
            stored: report.stored,
            unchanged: report.unchanged,
            copies: report.copies,
            near_duplicates: report.near_duplicates,
            reports: report.reports,
            new_events: report.new_events,
            joined_events: report.joined_events,
            errors: report.errors.into_iter().map(|e| RecordError { record: e.record, id: e.id, message: e.message }).collect(),
            seconds: report.seconds,
            articles,
            database: store.stats()?.into(),
        })
    }
}

/// The application: API, OpenAPI document, page and assets.
pub fn router(state: Arc<AppState>) -> Router {
    let max_body = state.cfg.max_body;
    let writes = Router::new()
        .route("/api/articles", post(api::post_articles))
        .route_layer(axum::middleware::from_fn_with_state(state.clone(), api::require_token));
    Router::new()
        .route("/", get(assets::index))
        .route("/assets/{*path}", get(assets::asset))
        .route("/openapi.json", get(api::openapi))
        .route("/api/health", get(api::health))
        .route("/api/events", get(api::list_events))
        .route("/api/events/{id}", get(api::get_event))
        .route("/api/articles/{id}", get(api::get_article))
        .route("/api/stats", get(api::stats))
        .route("/api/export", get(api::export))
        .merge(writes)
        .fallback(api::not_found)
        .layer(DefaultBodyLimit::max(max_body))
        .layer(axum::middleware::from_fn_with_state(state.clone(), api::timeout))
        .layer(axum::middleware::from_fn(api::normalize))
        .layer(tower_http::compression::CompressionLayer::new())
        .with_state(state)
}

/// Binds `addr`, prints `listening on http://ADDR` on stderr and serves until Ctrl-C/SIGTERM.
pub async fn serve(cfg: ServeConfig, addr: SocketAddr) -> Result<(), ServeError> {
    let state = Arc::new(AppState::open(cfg)?);
    let listener = tokio::net::TcpListener::bind(addr).await.map_err(|source| ServeError::Bind { addr, source })?;
    let local = listener.local_addr()?;
    eprintln!(
        "frontline serve: {} · writes {} · listening on http://{local}",
        state.cfg.db.display(),
        if state.cfg.token.is_some() && state.writable { "enabled (bearer token)" } else { "disabled" }
    );
    axum::serve(listener, router(state)).with_graceful_shutdown(shutdown()).await?;
    Ok(())
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}

/// [`serve`] on its own multi-threaded runtime (for the CLI).
pub fn run_blocking(cfg: ServeConfig, addr: SocketAddr) -> Result<(), ServeError> {
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    rt.block_on(serve(cfg, addr))
}
