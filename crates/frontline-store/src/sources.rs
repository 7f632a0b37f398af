//! Ingest sources: everything `frontline_io` reads (text, HTML, JSON, JSONL, directories,
//! stdin), plus RSS/Atom/JSON feed files, feed URLs (HTTP with timeouts, retries and a
//! polite user agent) and WARC files (`.warc`, `.warc.gz`).
//!
//! [`read_sources`] yields articles lazily and in order; a bad record or an unreachable URL
//! is one `Err` naming it, and reading goes on.

use std::collections::VecDeque;
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};
use std::time::Duration;

use frontline_io::{read_inputs, InputError, ReadOptions};
use frontline_model::{Origin, RawArticle};
use jiff::civil::Date;

/// A record or source that could not be read.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error(transparent)]
    Input(#[from] InputError),
    #[error("{origin}: {message}")]
    Other { origin: String, message: String },
}

impl SourceError {
    pub fn record(&self) -> String {
        match self {
            SourceError::Input(e) => e.origin.to_string(),
            SourceError::Other { origin, .. } => origin.clone(),
        }
    }
    fn other(origin: impl Into<String>, message: impl std::fmt::Display) -> Self {
        SourceError::Other { origin: origin.into(), message: message.to_string() }
    }
}

pub type SourceItem = Result<RawArticle, SourceError>;

/// HTTP settings for feed URLs.
#[derive(Debug, Clone)]
pub struct HttpOptions {
    pub user_agent: String,
    pub connect_timeout: Duration,
    pub timeout: Duration,
    /// Attempts after the first one (on connection errors, timeouts, 429 and 5xx).
    pub retries: u32,
    /// Wait before the first retry; doubled for each further one (a Retry-After header
    /// of up to 60 s is honoured instead).
    pub backoff: Duration,
    /// Largest response body accepted.
    pub max_bytes: u64,
}

impl Default for HttpOptions {
    fn default() -> Self {
        HttpOptions {
            user_agent: format!(
                "frontline/{} (conflict-event research; offline feed reader; +https://github.com/frontline)",
                env!("CARGO_PKG_VERSION")
            ),
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            retries: 3,
            backoff: Duration::from_millis(500),
            max_bytes: 50 << 20,
        }
    }
}

/// What a source path or URL is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    Url,
    Feed,
    Warc,
    /// Anything `frontline_io` reads.
    Article,
}

pub fn classify(s: &str) -> SourceKind {
    let l = s.to_ascii_lowercase();
    if l.starts_with("http://") || l.starts_with("https://") {
        return SourceKind::Url;
    }
    if l.ends_with(".warc") || l.ends_with(".warc.gz") {
        return SourceKind::Warc;
    }
    if l.ends_with(".rss") || l.ends_with(".atom") || l.ends_with(".xml") || l.ends_with(".rdf") {
        return SourceKind::Feed;
    }
    SourceKind::Article
}

/// Reads all sources in order.
pub fn read_sources(sources: &[String], opts: &ReadOptions, http: &HttpOptions) -> Sources {
    Sources {
        queue: sources.iter().map(|s| Pending::Named(s.clone())).collect(),
        opts: opts.clone(),
        http: http.clone(),
        current: None,
    }
}

enum Pending {
    Named(String),
    Found(PathBuf),
}

/// The iterator [`read_sources`] returns.
pub struct Sources {
    queue: VecDeque<Pending>,
    opts: ReadOptions,
    http: HttpOptions,
    current: Option<Box<dyn Iterator<Item = SourceItem>>>,
}

impl Iterator for Sources {
    type Item = SourceItem;
    fn next(&mut self) -> Option<SourceItem> {
        loop {
            if let Some(cur) = self.current.as_mut() {
                if let Some(x) = cur.next() {
                    return Some(x);
                }
                self.current = None;
            }
            let (s, named) = match self.queue.pop_front()? {
                Pending::Named(s) => (s, true),
                Pending::Found(p) => (p.to_string_lossy().into_owned(), false),
            };
            let path = Path::new(&s);
            if s != "-" && classify(&s) != SourceKind::Url && path.is_dir() {
                match walk(path) {
                    Ok(files) => {
                        for f in files.into_iter().rev() {
                            self.queue.push_front(Pending::Found(f));
                        }
                    }
                    Err(e) => return Some(Err(SourceError::other(s, format!("cannot read directory: {e}")))),
                }
                continue;
            }
            match classify(&s) {
                SourceKind::Url => {
                    let items = fetch_feed(&s, &self.http, &self.opts);
                    self.current = Some(Box::new(items.into_iter()));
                }
                SourceKind::Feed => {
                    let items = match std::fs::read(path) {
                        Ok(b) => feed_items(&b, &s, None, &self.opts),
                        Err(e) => vec![Err(SourceError::other(s.clone(), format!("cannot read: {e}")))],
                    };
                    self.current = Some(Box::new(items.into_iter()));
                }
                SourceKind::Warc => {
                    self.current = Some(Box::new(warc_items(path, &self.opts)));
                }
                SourceKind::Article => {
                    if !named && !is_article_ext(&s) {
                        continue;
                    }
                    let it = read_inputs(&[PathBuf::from(&s)], &self.opts).map(|r| r.map_err(SourceError::from));
                    self.current = Some(Box::new(it));
                }
            }
        }
    }
}

fn is_article_ext(s: &str) -> bool {
    let l = s.to_ascii_lowercase();
    [".txt", ".html", ".htm", ".json", ".jsonl", ".ndjson"].iter().any(|e| l.ends_with(e))
}

/// Files under a directory, recursively, sorted by path.
fn walk(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d)? {
            let p = e?.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}

// ------------------------------------------------------------------ HTTP

/// Fetches a URL with retries; returns the body.
pub fn http_get(url: &str, http: &HttpOptions) -> Result<Vec<u8>, String> {
    let agent = ureq::AgentBuilder::new()
        .timeout_connect(http.connect_timeout)
        .timeout(http.timeout)
        .user_agent(&http.user_agent)
        .redirects(5)
        .build();
    let mut wait = http.backoff;
    let mut last = String::new();
    for attempt in 0..=http.retries {
        if attempt > 0 {
            std::thread::sleep(wait);
            wait *= 2;
        }
        match agent
            .get(url)
            .set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5")
            .call()
        {
            Ok(resp) => {
                let mut body = Vec::new();
                match resp.into_reader().take(http.max_bytes + 1).read_to_end(&mut body) {
                    Ok(_) if body.len() as u64 > http.max_bytes => return Err(format!("response larger than {} bytes", http.max_bytes)),
                    Ok(_) => return Ok(body),
                    Err(e) => last = format!("reading response: {e}"),
                }
            }
            Err(ureq::Error::Status(code, resp)) => {
                last = format!("HTTP {code}");
                if code == 429 || code >= 500 {
                    if let Some(s) = resp.header("Retry-After").and_then(|v| v.trim().parse::<u64>().ok()) {
                        wait = Duration::from_secs(s.min(60));
                    }
                    continue;
                }
                return Err(last);
            }
            Err(ureq::Error::Transport(t)) => last = t.to_string(),
        }
    }
    Err(format!("{last} (after {} attempts)", http.retries + 1))
}

fn fetch_feed(url: &str, http: &HttpOptions, opts: &ReadOptions) -> Vec<SourceItem> {
    match http_get(url, http) {
        Ok(body) => feed_items(&body, url, Some(url), opts),
        Err(e) => vec![Err(SourceError::other(url, format!("cannot fetch: {e}")))],
    }
}

// ------------------------------------------------------------------ feeds

fn chrono_date(rfc3339: String) -> Option<Date> {
    rfc3339.get(..10)?.parse().ok()
}

/// Articles of an RSS/Atom/JSON feed: one per entry, text from its content or summary.
pub fn feed_items(bytes: &[u8], origin: &str, feed_url: Option<&str>, opts: &ReadOptions) -> Vec<SourceItem> {
    let feed = match feed_rs::parser::parse(bytes) {
        Ok(f) => f,
        Err(e) => return vec![Err(SourceError::other(origin, format!("not a valid RSS/Atom/JSON feed: {e}")))],
    };
    let feed_title = feed.title.as_ref().map(|t| t.content.trim().to_string()).filter(|s| !s.is_empty());
    let feed_host = feed_url.map(|u| crate::resolve::outlet("", Some(u)));
    let mut out = Vec::new();
    for (i, e) in feed.entries.into_iter().enumerate() {
        let org = Origin { path: origin.to_string(), line: Some(i + 1) };
        let body = e
            .content
            .as_ref()
            .and_then(|c| c.body.clone())
            .filter(|b| !b.trim().is_empty())
            .or_else(|| e.summary.as_ref().map(|s| s.content.clone()))
            .unwrap_or_default();
        let text = html_to_text(&body);
        let title = e.title.as_ref().map(|t| html_to_text(&t.content)).filter(|s| !s.is_empty());
        let url = e.links.first().map(|l| l.href.clone());
        let id = if e.id.is_empty() { url.clone().unwrap_or_else(|| format!("{origin}#{}", i + 1)) } else { e.id.clone() };
        if text.trim().is_empty() {
            out.push(Err(SourceError::Input(InputError {
                origin: org,
                id: Some(id),
                kind: frontline_io::InputErrorKind::EmptyText,
            })));
            continue;
        }
        let published = e.published.or(e.updated).and_then(|d| chrono_date(d.to_rfc3339())).or(opts.published);
        let full = match &title {
            Some(t) if !text.starts_with(t.as_str()) => format!("{t}\n{text}"),
            _ => text,
        };
        let cleaned = frontline_clean::clean_text(&full);
        out.push(Ok(RawArticle {
            id,
            text: full,
            title,
            published,
            url,
            source: feed_title.clone().or_else(|| feed_host.clone()),
            origin: org,
            removed: cleaned.removed,
        }));
    }
    out
}

/// Plain text of an HTML fragment: block tags become line breaks, entities decoded.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let after = &rest[lt..];
        let Some(gt) = after.find('>') else {
            out.push_str(after);
            rest = "";
            break;
        };
        let tag = after[1..gt].trim_start_matches('/').to_ascii_lowercase();
        let name: String = tag.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        if matches!(name.as_str(), "p" | "br" | "div" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "tr") {
            out.push('\n');
        }
        if name == "script" || name == "style" {
            let close = format!("</{name}");
            let lower = after.to_ascii_lowercase();
            rest = match lower.find(&close) {
                Some(k) => &after[k..],
                None => "",
            };
            if let Some(g) = rest.find('>') {
                rest = &rest[g + 1..];
            }
            continue;
        }
        rest = &after[gt + 1..];
    }
    out.push_str(rest);
    let out = decode_entities(&out);
    let lines: Vec<String> = out
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("\n")
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(a) = rest.find('&') {
        out.push_str(&rest[..a]);
        let after = &rest[a..];
        if let Some(semi) = after[..after.len().min(12)].find(';') {
            let ent = &after[1..semi];
            let rep: Option<String> = match ent {
                "amp" => Some("&".into()),
                "lt" => Some("<".into()),
                "gt" => Some(">".into()),
                "quot" => Some("\"".into()),
                "apos" | "#39" => Some("'".into()),
                "nbsp" => Some(" ".into()),
                "mdash" => Some("—".into()),
                "ndash" => Some("–".into()),
                "rsquo" => Some("’".into()),
                "lsquo" => Some("‘".into()),
                "ldquo" => Some("“".into()),
                "rdquo" => Some("”".into()),
                _ if ent.starts_with("#x") || ent.starts_with("#X") => {
                    u32::from_str_radix(&ent[2..], 16).ok().and_then(char::from_u32).map(String::from)
                }
                _ if ent.starts_with('#') => ent[1..].parse::<u32>().ok().and_then(char::from_u32).map(String::from),
                _ => None,
            };
            if let Some(r) = rep {
                out.push_str(&r);
                rest = &after[semi + 1..];
                continue;
            }
        }
        out.push('&');
        rest = &after[1..];
    }
    out.push_str(rest);
    out
}

// ------------------------------------------------------------------ WARC

fn warc_items(path: &Path, opts: &ReadOptions) -> Box<dyn Iterator<Item = SourceItem>> {
    let name = path.to_string_lossy().into_owned();
    let gz = name.to_ascii_lowercase().ends_with(".gz");
    let reader: Box<dyn BufRead> = match std::fs::File::open(path) {
        Ok(f) if gz => Box::new(std::io::BufReader::new(libflate_reader(f))),
        Ok(f) => Box::new(std::io::BufReader::new(f)),
        Err(e) => return Box::new(std::iter::once(Err(SourceError::other(name, format!("cannot read: {e}"))))),
    };
    let opts = opts.clone();
    let mut n = 0usize;
    let it = warc::WarcReader::new(reader).iter_records().filter_map(move |rec| {
        n += 1;
        let org = Origin { path: name.clone(), line: Some(n) };
        let rec = match rec {
            Ok(r) => r,
            Err(e) => return Some(Err(SourceError::other(org.to_string(), format!("bad WARC record: {e}")))),
        };
        let ty = rec.warc_type().to_string();
        if ty != "response" && ty != "resource" {
            return None;
        }
        let uri = rec.header(warc::WarcHeader::TargetURI).map(|c| c.trim_matches(['<', '>']).to_string());
        let date = chrono_date(rec.date().to_rfc3339());
        let body = rec.body();
        let payload: &[u8] = if ty == "response" {
            // strip the HTTP status line and headers; keep HTML responses only
            let Some(k) = find(body, b"\r\n\r\n").map(|k| k + 4).or_else(|| find(body, b"\n\n").map(|k| k + 2)) else {
                return None;
            };
            let head = String::from_utf8_lossy(&body[..k]).to_ascii_lowercase();
            if !head.starts_with("http/") || !head.contains(" 200") {
                return None;
            }
            if let Some(ct) = head.lines().find(|l| l.starts_with("content-type:")) {
                if !ct.contains("html") && !ct.contains("text/plain") {
                    return None;
                }
            }
            &body[k..]
        } else {
            body
        };
        let a = match frontline_clean::html::extract_bytes(payload) {
            Ok(a) => a,
            Err(e) => return Some(Err(SourceError::other(org.to_string(), format!("{} : {e}", uri.as_deref().unwrap_or("")))))
        };
        if a.text.trim().is_empty() {
            return None;
        }
        Some(Ok(RawArticle {
            id: uri.clone().unwrap_or_else(|| rec.warc_id().to_string()),
            text: a.text,
            title: a.title,
            published: a.published.or(date).or(opts.published),
            url: a.url.or(uri.clone()),
            source: a.source.or_else(|| uri.as_deref().map(|u| crate::resolve::outlet("", Some(u)))),
            origin: org,
            removed: a.removed,
        }))
    });
    Box::new(it)
}

fn libflate_reader(f: std::fs::File) -> Box<dyn Read + Send> {
    match libflate::gzip::MultiDecoder::new(std::io::BufReader::new(f)) {
        Ok(d) => Box::new(d),
        Err(e) => Box::new(ErrReader(Some(e))),
    }
}

struct ErrReader(Option<std::io::Error>);
impl Read for ErrReader {
    fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
        match self.0.take() {
            Some(e) => Err(e),
            None => Ok(0),
        }
    }
}

fn find(h: &[u8], n: &[u8]) -> Option<usize> {
    h.windows(n.len()).position(|w| w == n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_fragments_become_lines() {
        assert_eq!(html_to_text("<p>One &amp; two</p><p>Three&#8217;s <b>bold</b></p>"), "One & two\nThree’s bold");
    }

    #[test]
    fn classify_sources() {
        assert_eq!(classify("http://x/feed"), SourceKind::Url);
        assert_eq!(classify("a.warc.gz"), SourceKind::Warc);
        assert_eq!(classify("a.rss"), SourceKind::Feed);
        assert_eq!(classify("a.jsonl"), SourceKind::Article);
    }
}
