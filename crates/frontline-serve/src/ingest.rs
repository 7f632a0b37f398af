//! `POST /api/articles`: the request body → articles → the store's ingest (the same
//! extraction and resolution as `frontline ingest`).
//!
//! The body is what `frontline ingest` reads from a `.json` file: one article object, an
//! array of them, or JSONL (one object a line). Fields as in the README:
//! `{"id"?, "text", "title"?, "published"? (YYYY-MM-DD or RFC 3339), "url"?, "source"?}`.
//! Records are validated as `frontline_io` validates JSONL records; a bad record is reported
//! with its number and the others are ingested.

use frontline_io::{InputError, InputErrorKind};
use frontline_model::Origin;
use frontline_store::sources::{SourceError, SourceItem};
use jiff::civil::Date;

use crate::error::{ApiError, ApiResult};

/// The origin recorded for articles posted to the API.
pub const ORIGIN: &str = "api";

/// One record of the body: validated and cleaned exactly as `frontline_io` does for JSONL
/// lines; a record without an id is named by its content hash.
fn record(v: serde_json::Value, n: usize, published_default: Option<Date>) -> SourceItem {
    let org = Origin { path: ORIGIN.into(), line: Some(n) };
    let fallback = |v: &serde_json::Value| {
        let text = v.get("text").and_then(|t| t.as_str()).unwrap_or("").to_string();
        move || format!("{ORIGIN}:{}", &frontline_store::dedup::content_hash(&text)[..12])
    };
    let id = fallback(&v);
    frontline_io::article_from_json(v, &org, id, published_default).map_err(SourceError::Input)
}

/// Parses a request body into articles (and per-record errors), in order.
pub fn parse_body(body: &[u8], published_default: Option<Date>) -> ApiResult<Vec<SourceItem>> {
    let text = std::str::from_utf8(body).map_err(|_| ApiError::BadBody("request body is not valid UTF-8".into()))?;
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(ApiError::BadBody("request body is empty: expected an article object, an array of them, or JSONL".into()));
    }
    let first = text.trim_start().as_bytes()[0];
    if first != b'{' && first != b'[' {
        return Err(ApiError::BadBody("request body is not JSON: expected an article object, an array of them, or JSONL".into()));
    }
    // One JSON value: an object or an array of objects.
    if let Ok(v) = serde_json::from_str::<serde_json::Value>(text) {
        return Ok(match v {
            serde_json::Value::Array(items) => {
                if items.is_empty() {
                    return Err(ApiError::BadBody("empty array: no articles".into()));
                }
                items.into_iter().enumerate().map(|(i, v)| record(v, i + 1, published_default)).collect()
            }
            v => vec![record(v, 1, published_default)],
        });
    }
    // JSONL: one object a line; blank lines skipped; errors per line.
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let n = i + 1;
        out.push(match serde_json::from_str::<serde_json::Value>(line) {
            Ok(v) => record(v, n, published_default),
            Err(e) => Err(SourceError::Input(InputError {
                origin: Origin { path: ORIGIN.into(), line: Some(n) },
                id: None,
                kind: InputErrorKind::Json(e.to_string()),
            })),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn object_array_and_jsonl() {
        let one = parse_body(br#"{"id":"a","text":"Shelling hit Aleppo on Saturday."}"#, None).unwrap();
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].as_ref().unwrap().id, "a");
        let arr = parse_body(br#"[{"id":"a","text":"x y"},{"text":""}]"#, None).unwrap();
        assert_eq!(arr.len(), 2);
        assert!(arr[1].is_err());
        let jl = parse_body(b"{\"text\":\"one\"}\n\n{bad\n{\"text\":\"two\",\"published\":\"2024-13-01\"}\n", None).unwrap();
        assert_eq!(jl.len(), 3);
        assert!(jl[0].as_ref().unwrap().id.starts_with("api:"));
        assert_eq!(jl[1].as_ref().unwrap_err().record(), "api:3");
        assert!(jl[2].is_err());
        assert!(parse_body(b"  ", None).is_err());
        assert!(parse_body(b"hello", None).is_err());
        assert!(parse_body(b"[]", None).is_err());
    }
}
