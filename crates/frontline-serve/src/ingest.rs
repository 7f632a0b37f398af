//! `POST /api/articles`: the request body → articles → the store's ingest (the same
//! extraction and resolution as `frontline ingest`).
//!
//! The body is what `frontline ingest` reads from a `.json` file: one article object, an
//! array of them, or JSONL (one object a line). Fields as in the README:
//! `{"id"?, "text", "title"?, "published"? (YYYY-MM-DD or RFC 3339), "url"?, "source"?}`.
//! Records are validated as `frontline_io` validates JSONL records; a bad record is reported
//! with its number and the others are ingested.

use frontline_io::{InputError, InputErrorKind};
use frontline_model::{Origin, RawArticle};
use frontline_store::sources::{SourceError, SourceItem};
use jiff::civil::Date;
use serde::Deserialize;

use crate::error::{ApiError, ApiResult};

/// The origin recorded for articles posted to the API.
pub const ORIGIN: &str = "api";

#[derive(Deserialize)]
struct Record {
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    source: Option<String>,
}

fn json_type(v: &serde_json::Value) -> &'static str {
    use serde_json::Value;
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn record(v: serde_json::Value, n: usize, published_default: Option<Date>) -> SourceItem {
    let org = Origin { path: ORIGIN.into(), line: Some(n) };
    let err = |id: Option<String>, kind: InputErrorKind| SourceError::Input(InputError { origin: org.clone(), id, kind });
    if !v.is_object() {
        return Err(err(None, InputErrorKind::NotAnObject(json_type(&v))));
    }
    let id = match v.get("id") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) if s.trim().is_empty() => None,
        Some(serde_json::Value::String(s)) => Some(s.clone()),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        Some(other) => {
            return Err(err(None, InputErrorKind::BadField { field: "id", problem: format!("expected a string, found {}", json_type(other)) }))
        }
    };
    let r: Record = serde_json::from_value(v).map_err(|e| err(id.clone(), InputErrorKind::Json(e.to_string())))?;
    let text = match r.text {
        None => return Err(err(id, InputErrorKind::MissingText)),
        Some(t) if t.trim().is_empty() => return Err(err(id, InputErrorKind::EmptyText)),
        Some(t) => t,
    };
    let published = match r.published.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => published_default,
        Some(s) => Some(frontline_io::parse_published(s).ok_or_else(|| err(id.clone(), InputErrorKind::BadDate(s.to_string())))?),
    };
    // As frontline_io does for plain text: cleaned (boilerplate, captions, embedded posts),
    // title from the headline line unless given.
    let c = frontline_clean::clean_text(&text);
    let title = r.title.map(|t| t.trim().to_string()).filter(|t| !t.is_empty()).or_else(|| c.title.map(|s| s.text(&text).to_string()));
    let id = id.unwrap_or_else(|| format!("{ORIGIN}:{}", &frontline_store::dedup::content_hash(&text)[..12]));
    Ok(RawArticle {
        id,
        text,
        title,
        published,
        url: r.url.filter(|s| !s.trim().is_empty()),
        source: r.source.filter(|s| !s.trim().is_empty()),
        origin: org,
        removed: c.removed,
    })
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
