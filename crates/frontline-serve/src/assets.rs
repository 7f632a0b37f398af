//! The page and its vendored libraries, embedded in the binary at build time.

use axum::body::Body;
use axum::extract::Path;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use rust_embed::RustEmbed;

use crate::error::ApiError;

#[derive(RustEmbed)]
#[folder = "web/"]
pub struct Web;

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "png" => "image/png",
        "svg" => "image/svg+xml",
        "ico" => "image/x-icon",
        _ => "text/plain; charset=utf-8",
    }
}

pub fn file(path: &str) -> Response {
    match Web::get(path) {
        Some(f) => {
            let mut r = Response::new(Body::from(f.data.into_owned()));
            let h = r.headers_mut();
            h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type(path)));
            // Vendored libraries never change within a build; the page itself may.
            let cache = if path.starts_with("vendor/") { "public, max-age=86400" } else { "no-cache" };
            h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
            r
        }
        None => ApiError::NotFound(format!("no asset {path:?}")).into_response(),
    }
}

pub async fn index() -> Response {
    file("index.html")
}

pub async fn asset(Path(path): Path<String>) -> Response {
    if path.contains("..") {
        return (StatusCode::NOT_FOUND, ()).into_response();
    }
    file(&path)
}
