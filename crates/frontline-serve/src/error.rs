//! Typed API errors, rendered as `{"error": {"code", "message"}}` with the matching status.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

/// Everything a request can fail with.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// A query parameter, path parameter or body field is malformed (400).
    #[error("{message}")]
    BadParameter { code: &'static str, message: String },
    /// The request body could not be read as articles (400).
    #[error("{0}")]
    BadBody(String),
    /// No such event / article / route (404).
    #[error("{0}")]
    NotFound(String),
    /// Missing or wrong bearer token (401).
    #[error("{0}")]
    Unauthorized(&'static str),
    /// Writes are disabled on this server (403).
    #[error("{0}")]
    Forbidden(&'static str),
    /// Body larger than the configured limit (413).
    #[error("request body larger than {0} bytes")]
    TooLarge(usize),
    /// Every record of an ingest request failed (422).
    #[error("{0}")]
    Unprocessable(String),
    /// The request took longer than the configured timeout (504).
    #[error("request took longer than {0} s")]
    Timeout(u64),
    /// The database could not be opened or queried (500 / 503).
    #[error("database: {0}")]
    Store(#[from] frontline_store::StoreError),
    #[error("database: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error("internal error: {0}")]
    Internal(String),
}

impl ApiError {
    pub fn bad(code: &'static str, message: impl Into<String>) -> Self {
        ApiError::BadParameter { code, message: message.into() }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadParameter { .. } | ApiError::BadBody(_) => StatusCode::BAD_REQUEST,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::Unprocessable(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Timeout(_) => StatusCode::GATEWAY_TIMEOUT,
            ApiError::Store(frontline_store::StoreError::Open { .. }) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Store(_) | ApiError::Sql(_) | ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            ApiError::BadParameter { code, .. } => code,
            ApiError::BadBody(_) => "bad_body",
            ApiError::NotFound(_) => "not_found",
            ApiError::Unauthorized(_) => "unauthorized",
            ApiError::Forbidden(_) => "writes_disabled",
            ApiError::TooLarge(_) => "payload_too_large",
            ApiError::Unprocessable(_) => "no_article_ingested",
            ApiError::Timeout(_) => "timeout",
            ApiError::Store(frontline_store::StoreError::Open { .. }) => "database_unavailable",
            ApiError::Store(_) | ApiError::Sql(_) => "database_error",
            ApiError::Internal(_) => "internal",
        }
    }
}

/// The error body.
#[derive(Debug, Serialize, serde::Deserialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Debug, Serialize, serde::Deserialize, ToSchema)]
pub struct ErrorDetail {
    /// Stable machine-readable code (`bad_parameter`, `not_found`, `unauthorized`, ...).
    pub code: String,
    /// Human-readable explanation.
    pub message: String,
}

pub fn error_response(status: StatusCode, code: &str, message: &str) -> Response {
    let body = serde_json::to_vec(&ErrorBody { error: ErrorDetail { code: code.into(), message: message.into() } })
        .unwrap_or_else(|_| b"{}".to_vec());
    let mut r = (status, body).into_response();
    r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    r
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        if status.is_server_error() {
            eprintln!("frontline serve: {status}: {self}");
        }
        let mut r = error_response(status, self.code(), &self.to_string());
        if let ApiError::Unauthorized(_) = self {
            r.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        r
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
