//! Handlers of the JSON API and its OpenAPI description.

use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{Path, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use frontline_store::{ExportFormat, Store};
use serde::{Deserialize, Serialize};
use subtle::ConstantTimeEq;
use utoipa::{IntoParams, OpenApi, ToSchema};

use crate::error::{ApiError, ApiResult, ErrorBody};
use crate::query::{self, frontline_store_stats::DbStats, Cursor, EventsQuery};
use crate::AppState;

type St = State<Arc<AppState>>;

fn query_error(e: QueryRejection) -> ApiError {
    ApiError::bad("bad_parameter", e.body_text())
}

// ------------------------------------------------------------------ events

/// Canonical events matching the filters, by date then id, one page at a time.
#[utoipa::path(get, path = "/api/events", params(EventsQuery), tag = "events",
    responses(
        (status = 200, description = "One page of events", body = query::EventPage),
        (status = 400, description = "Bad parameter or cursor", body = ErrorBody),
    ))]
pub async fn list_events(State(st): St, q: Result<Query<EventsQuery>, QueryRejection>) -> ApiResult<Json<query::EventPage>> {
    let Query(q) = q.map_err(query_error)?;
    let f = q.filters()?;
    let limit = q.limit()?;
    let cursor = q.cursor.as_deref().filter(|c| !c.is_empty()).map(Cursor::decode).transpose()?;
    let page = st.read(move |s| query::list_events(s.connection(), &f, limit, cursor)).await?;
    Ok(Json(page))
}

/// One canonical event with its member reports (and their evidence spans), every claim and
/// each claimant's fatality figure.
#[utoipa::path(get, path = "/api/events/{id}", tag = "events",
    params(("id" = String, Path, description = "The event's id (`event_id_cnty`, e.g. `SYR3`)")),
    responses(
        (status = 200, description = "The event", body = query::EventDetail),
        (status = 404, description = "No such event", body = ErrorBody),
    ))]
pub async fn get_event(State(st): St, Path(id): Path<String>) -> ApiResult<Json<query::EventDetail>> {
    if id.is_empty() || id.len() > 64 {
        return Err(ApiError::bad("bad_parameter", "event id: 1 to 64 characters"));
    }
    Ok(Json(st.read(move |s| query::event_detail(s.connection(), &id)).await?))
}

// ------------------------------------------------------------------ articles

/// A stored article: its text and every annotation span (evidence per event field, places,
/// actors, claims, framing, removed boilerplate), with character offsets into `text`.
#[utoipa::path(get, path = "/api/articles/{id}", tag = "articles",
    params(("id" = i64, Path, description = "Numeric article id (`article_id` in an event's reports)")),
    responses(
        (status = 200, description = "The article", body = query::Article),
        (status = 400, description = "Not a numeric id", body = ErrorBody),
        (status = 404, description = "No such article", body = ErrorBody),
    ))]
pub async fn get_article(State(st): St, Path(id): Path<String>) -> ApiResult<Json<query::Article>> {
    let id: i64 = id
        .parse()
        .ok()
        .filter(|&n: &i64| n > 0)
        .ok_or_else(|| ApiError::bad("bad_parameter", format!("article id {id:?}: expected a positive integer")))?;
    Ok(Json(st.read(move |s| query::article(s.connection(), id)).await?))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct IngestQuery {
    /// Publication date (YYYY-MM-DD) for articles that carry none.
    pub published: Option<String>,
}

/// A record that could not be ingested (the others were).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct RecordError {
    /// `api:N`: the N-th record (array index or JSONL line, 1-based).
    pub record: String,
    pub id: Option<String>,
    pub message: String,
}

/// An article of the request as stored.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct IngestedArticle {
    pub record: String,
    /// Numeric id for `/api/articles/{id}`.
    pub id: i64,
    pub ext_id: String,
}

/// What an ingest request did (the same report as `frontline ingest --json`).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct IngestResponse {
    pub read: u64,
    pub stored: u64,
    pub unchanged: u64,
    pub copies: u64,
    pub near_duplicates: u64,
    pub reports: u64,
    pub new_events: u64,
    pub joined_events: u64,
    pub errors: Vec<RecordError>,
    pub seconds: f64,
    pub articles: Vec<IngestedArticle>,
    pub database: DbStats,
}

/// Bearer-token check for write routes; runs before the body is read.
pub async fn require_token(State(st): St, req: Request, next: Next) -> Response {
    let Some(token) = st.cfg.token.as_deref() else {
        return ApiError::Forbidden("writes are disabled: start the server with --token or FRONTLINE_TOKEN").into_response();
    };
    if !st.writable {
        return ApiError::Forbidden("writes are disabled: the database is opened read-only").into_response();
    }
    let given = req.headers().get(header::AUTHORIZATION).and_then(|v| v.to_str().ok());
    let Some(given) = given else {
        return ApiError::Unauthorized("missing bearer token (Authorization: Bearer <token>)").into_response();
    };
    let ok = given
        .strip_prefix("Bearer ")
        .or_else(|| given.strip_prefix("bearer "))
        .map(|g| bool::from(g.trim().as_bytes().ct_eq(token.as_bytes())))
        .unwrap_or(false);
    if !ok {
        return ApiError::Unauthorized("invalid bearer token").into_response();
    }
    next.run(req).await
}

/// Ingests one article object, a JSON array of them, or JSONL, through the same pipeline
/// and cross-article resolution as `frontline ingest`. Needs `Authorization: Bearer <token>`.
#[utoipa::path(post, path = "/api/articles", tag = "articles", params(IngestQuery),
    request_body(content = String, description = "An article object `{id?, text, title?, published?, url?, source?}`, an array of them, or JSONL",
        content_type = "application/json"),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Ingested (bad records, if any, are listed in `errors`)", body = IngestResponse),
        (status = 400, description = "Body is empty, not UTF-8 or not JSON; bad `published`", body = ErrorBody),
        (status = 401, description = "Missing or wrong bearer token", body = ErrorBody),
        (status = 403, description = "Writes disabled (no token configured, or read-only database)", body = ErrorBody),
        (status = 413, description = "Body larger than the limit", body = ErrorBody),
        (status = 422, description = "No record could be ingested", body = ErrorBody),
    ))]
pub async fn post_articles(
    State(st): St,
    q: Result<Query<IngestQuery>, QueryRejection>,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<Json<IngestResponse>> {
    let Query(q) = q.map_err(query_error)?;
    let body = body.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::TooLarge(st.cfg.max_body)
        } else {
            ApiError::BadBody(e.body_text())
        }
    })?;
    let published = match q.published.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(d) => Some(d.parse::<jiff::civil::Date>().map_err(|_| ApiError::bad("bad_parameter", format!("`published` {d:?}: expected YYYY-MM-DD")))?),
    };
    let items = crate::ingest::parse_body(&body, published)?;
    let st2 = st.clone();
    let resp = tokio::task::spawn_blocking(move || st2.ingest(items))
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))??;
    if resp.articles.is_empty() && !resp.errors.is_empty() {
        let first: Vec<String> = resp.errors.iter().take(3).map(|e| format!("{}: {}", e.record, e.message)).collect();
        return Err(ApiError::Unprocessable(format!(
            "no article ingested; {} record(s) failed: {}",
            resp.errors.len(),
            first.join("; ")
        )));
    }
    Ok(Json(resp))
}

// ------------------------------------------------------------------ stats

/// Counts by day, event type, sub-event type and country for the events matching the
/// filters (`limit` and `cursor` are ignored), and what the database holds.
#[utoipa::path(get, path = "/api/stats", params(EventsQuery), tag = "events",
    responses(
        (status = 200, description = "Counts", body = query::StatsResponse),
        (status = 400, description = "Bad parameter", body = ErrorBody),
    ))]
pub async fn stats(State(st): St, q: Result<Query<EventsQuery>, QueryRejection>) -> ApiResult<Json<query::StatsResponse>> {
    let Query(q) = q.map_err(query_error)?;
    let f = q.filters()?;
    // Validated for consistency with /api/events, then ignored.
    q.limit()?;
    q.cursor.as_deref().filter(|c| !c.is_empty()).map(Cursor::decode).transpose()?;
    Ok(Json(st.read(move |s| query::stats(s, &f)).await?))
}

// ------------------------------------------------------------------ export

/// `/api/export` parameters: `format` and the event filters (no `q`, no `cursor`).
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// `acled-csv` (default), `jsonl`, `geojson`, `plover` or `parquet`.
    pub format: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub bbox: Option<String>,
    pub country: Option<String>,
    pub actor: Option<String>,
    pub event_type: Option<String>,
    pub sub_event_type: Option<String>,
    pub min_sources: Option<u32>,
    /// At most this many events.
    pub limit: Option<u32>,
}

/// The store's exports, streamed: ACLED CSV, JSONL (with reports and claims), GeoJSON,
/// PLOVER JSONL, Parquet — the same bytes as `frontline export`.
#[utoipa::path(get, path = "/api/export", params(ExportQuery), tag = "events",
    responses(
        (status = 200, description = "The export (text/csv, application/x-ndjson, application/geo+json or application/vnd.apache.parquet)", body = String),
        (status = 400, description = "Unknown format or bad parameter", body = ErrorBody),
    ))]
pub async fn export(State(st): St, q: Result<Query<ExportQuery>, QueryRejection>) -> ApiResult<Response> {
    let Query(q) = q.map_err(query_error)?;
    let fmt_name = q.format.clone().unwrap_or_else(|| "acled-csv".into());
    let format: ExportFormat = fmt_name.parse().map_err(|e: String| ApiError::bad("bad_parameter", e))?;
    let eq = EventsQuery {
        from: q.from,
        to: q.to,
        bbox: q.bbox,
        country: q.country,
        actor: q.actor,
        event_type: q.event_type,
        sub_event_type: q.sub_event_type,
        min_sources: q.min_sources,
        limit: q.limit,
        ..Default::default()
    };
    let limit = if eq.limit.is_some() { Some(eq.limit()?) } else { None };
    let filter = eq.filters()?.store_filter(limit)?;
    let (ctype, ext) = match format {
        ExportFormat::AcledCsv => ("text/csv; charset=utf-8", "csv"),
        ExportFormat::Jsonl => ("application/x-ndjson", "jsonl"),
        ExportFormat::Geojson => ("application/geo+json", "geojson"),
        ExportFormat::Plover => ("application/x-ndjson", "plover.jsonl"),
        ExportFormat::Parquet => ("application/vnd.apache.parquet", "parquet"),
    };
    // Take a reader first so that a database problem is still a JSON error.
    let st2 = st.clone();
    let store = tokio::task::spawn_blocking(move || st2.take_reader()).await.map_err(|e| ApiError::Internal(e.to_string()))??;
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(8);
    let st3 = st.clone();
    tokio::task::spawn_blocking(move || {
        let mut w = ChannelWriter { buf: Vec::with_capacity(CHUNK), tx: tx.clone() };
        let r = frontline_store::export(&store, &filter, format, &mut w).and_then(|_| std::io::Write::flush(&mut w).map_err(Into::into));
        if let Err(e) = r {
            eprintln!("frontline serve: export aborted: {e}");
            let _ = tx.blocking_send(Err(std::io::Error::other(e.to_string())));
        }
        st3.put_reader(store);
    });
    let stream = futures_util::stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|x| (x, rx)) });
    let mut r = Response::new(Body::from_stream(stream));
    r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(ctype));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"frontline-events.{ext}\"")) {
        r.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(r)
}

const CHUNK: usize = 64 * 1024;

/// Sends what the export writes to the response body in chunks; a closed connection ends
/// the export with BrokenPipe.
struct ChannelWriter {
    buf: Vec<u8>,
    tx: tokio::sync::mpsc::Sender<Result<Bytes, std::io::Error>>,
}

impl std::io::Write for ChannelWriter {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        self.buf.extend_from_slice(data);
        if self.buf.len() >= CHUNK {
            self.flush()?;
        }
        Ok(data.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let chunk = Bytes::from(std::mem::replace(&mut self.buf, Vec::with_capacity(CHUNK)));
        self.tx.blocking_send(Ok(chunk)).map_err(|_| std::io::Error::new(std::io::ErrorKind::BrokenPipe, "client went away"))
    }
}

// ------------------------------------------------------------------ misc

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Health {
    pub status: String,
    pub version: String,
    /// Whether `POST /api/articles` is enabled (a token is configured and the database is writable).
    pub writes: bool,
}

/// Liveness and whether writes are enabled.
#[utoipa::path(get, path = "/api/health", tag = "meta", responses((status = 200, body = Health)))]
pub async fn health(State(st): St) -> Json<Health> {
    Json(Health { status: "ok".into(), version: env!("CARGO_PKG_VERSION").into(), writes: st.cfg.token.is_some() && st.writable })
}

pub async fn not_found() -> ApiError {
    ApiError::NotFound("no such route".into())
}

/// Applies the request timeout.
pub async fn timeout(State(st): St, req: Request, next: Next) -> Response {
    match tokio::time::timeout(st.cfg.timeout, next.run(req)).await {
        Ok(r) => r,
        Err(_) => ApiError::Timeout(st.cfg.timeout.as_secs()).into_response(),
    }
}

/// Gives every error a JSON body (axum's own 405/413/... rejections are plain text) and every
/// response the security headers.
pub async fn normalize(req: Request, next: Next) -> Response {
    let mut r = next.run(req).await;
    let status = r.status();
    let is_json = r
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if (status.is_client_error() || status.is_server_error()) && !is_json {
        let code = match status {
            StatusCode::METHOD_NOT_ALLOWED => "method_not_allowed",
            StatusCode::PAYLOAD_TOO_LARGE => "payload_too_large",
            StatusCode::NOT_FOUND => "not_found",
            StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported_media_type",
            s if s.is_server_error() => "internal",
            _ => "bad_request",
        };
        let message = status.canonical_reason().unwrap_or("error").to_string();
        let allow = r.headers().get(header::ALLOW).cloned();
        r = crate::error::error_response(status, code, &message);
        if let Some(a) = allow {
            r.headers_mut().insert(header::ALLOW, a);
        }
    }
    let h: &mut HeaderMap = r.headers_mut();
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
        ),
    );
    r
}

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let c = openapi.components.get_or_insert_with(Default::default);
        c.add_security_scheme("bearer", SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()));
    }
}

#[derive(OpenApi)]
#[openapi(
    info(title = "frontline", description = "Geocoded, source-attributed conflict events (ACLED schema) from news articles: read, search, export and ingest. Every error is `{\"error\": {\"code\", \"message\"}}`."),
    paths(list_events, get_event, get_article, post_articles, stats, export, health),
    components(schemas(ErrorBody, crate::error::ErrorDetail)),
    modifiers(&BearerAuth),
    tags((name = "events"), (name = "articles"), (name = "meta"))
)]
pub struct ApiDoc;

/// The OpenAPI document.
pub async fn openapi() -> Response {
    let mut doc = ApiDoc::openapi();
    doc.info.version = env!("CARGO_PKG_VERSION").into();
    match doc.to_json() {
        Ok(s) => ([(header::CONTENT_TYPE, "application/json")], s).into_response(),
        Err(e) => ApiError::Internal(e.to_string()).into_response(),
    }
}

#[allow(dead_code)]
fn _assert_send(s: Store) -> impl Send {
    s
}
