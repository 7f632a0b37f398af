//! Sources at the edge: turns paths (files, directories, `-` for stdin) into [`RawArticle`]s.
//!
//! | input | read as |
//! |---|---|
//! | `.txt`, or an explicitly named file of any other extension | one plain-text article (encoding detected) |
//! | `.html`, `.htm` | one page, main text extracted ([`frontline_clean::html`]) |
//! | `.jsonl`, `.ndjson` | one article object a line, streamed |
//! | `.json` | one article object, an array of them, or JSONL content |
//! | directory | every file above, recursively, sorted by path (other extensions skipped) |
//! | `-` | stdin: `opts.kind`, else sniffed (`{` JSONL, `<` HTML, else text) |
//!
//! Every article goes through [`frontline_clean`]: `removed` holds its boilerplate,
//! caption and embedded-post spans, so later stages need not clean again.
//!
//! A bad record (bad JSON, missing text, bad date) yields one `Err` naming `file:line`, and
//! reading goes on with the next record: nothing is dropped silently and order is kept.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use frontline_model::{Origin, RawArticle};
use jiff::civil::Date;
use serde::Deserialize;

/// What an input holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    Text,
    Html,
    Jsonl,
}

#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// How to read stdin and explicitly named files (overrides the extension). `None`:
    /// by extension, and for stdin by sniffing.
    pub kind: Option<InputKind>,
    /// Publication date for inputs that carry none (text files, pages without a date,
    /// JSONL records without `published`).
    pub published: Option<Date>,
}

/// A record or file that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{origin}{}: {kind}", id.as_ref().map(|i| format!(" (id {i})")).unwrap_or_default())]
pub struct InputError {
    pub origin: Origin,
    pub id: Option<String>,
    pub kind: InputErrorKind,
}

#[derive(Debug, thiserror::Error)]
pub enum InputErrorKind {
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Decode(frontline_clean::CleanError),
    #[error("{0}")]
    Html(frontline_clean::CleanError),
    #[error("line is not valid UTF-8")]
    InvalidUtf8,
    #[error("invalid JSON: {0}")]
    Json(String),
    #[error("expected a JSON object, found {0}")]
    NotAnObject(&'static str),
    #[error("field `{field}`: {problem}")]
    BadField {
        field: &'static str,
        problem: String,
    },
    #[error("missing field `text`")]
    MissingText,
    #[error("field `text` is empty")]
    EmptyText,
    #[error("bad `published` date {0:?}: expected YYYY-MM-DD or RFC 3339")]
    BadDate(String),
    #[error("record {index} of the JSON array: {inner}")]
    InArray {
        index: usize,
        inner: Box<InputErrorKind>,
    },
}

impl InputError {
    fn new(origin: Origin, kind: impl Into<InputErrorKind>) -> Self {
        InputError {
            origin,
            id: None,
            kind: kind.into(),
        }
    }
}

type Item = Result<RawArticle, InputError>;

/// Reads articles from files, directories and `-` (stdin), in order, lazily.
pub fn read_inputs(paths: &[PathBuf], opts: &ReadOptions) -> Inputs {
    Inputs {
        queue: paths.iter().map(|p| Pending::Named(p.clone())).collect(),
        opts: opts.clone(),
        current: None,
        ready: VecDeque::new(),
    }
}

enum Pending {
    /// Named on the command line: any extension is read.
    Named(PathBuf),
    /// Found in a directory: known extension.
    Found(PathBuf, InputKind, bool),
}

/// The iterator [`read_inputs`] returns.
pub struct Inputs {
    queue: VecDeque<Pending>,
    opts: ReadOptions,
    current: Option<JsonlReader>,
    ready: VecDeque<Item>,
}

impl Iterator for Inputs {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(item) = self.ready.pop_front() {
                return Some(item);
            }
            if let Some(r) = self.current.as_mut() {
                match r.next_item(&self.opts) {
                    Some(item) => return Some(item),
                    None => self.current = None,
                }
            }
            match self.queue.pop_front()? {
                Pending::Named(p) if p.as_os_str() == "-" => self.open_stdin(),
                Pending::Named(p) if p.is_dir() => self.expand_dir(&p),
                Pending::Named(p) => {
                    let (kind, is_json) = match self.opts.kind {
                        Some(k) => (k, false),
                        None => kind_of(&p).unwrap_or((InputKind::Text, false)),
                    };
                    self.open_file(p, kind, is_json)
                }
                Pending::Found(p, kind, is_json) => self.open_file(p, kind, is_json),
            }
        }
    }
}

/// The kind of a file by its extension; the flag marks `.json` (object, array or JSONL).
fn kind_of(p: &Path) -> Option<(InputKind, bool)> {
    let ext = p.extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "txt" | "text" => (InputKind::Text, false),
        "html" | "htm" | "xhtml" => (InputKind::Html, false),
        "jsonl" | "ndjson" => (InputKind::Jsonl, false),
        "json" => (InputKind::Jsonl, true),
        _ => return None,
    })
}

fn origin(path: &Path, line: Option<usize>) -> Origin {
    Origin {
        path: path.display().to_string(),
        line,
    }
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .or(path.file_name())
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "-".into())
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

impl Inputs {
    fn expand_dir(&mut self, dir: &Path) {
        let mut files = Vec::new();
        let mut errors = Vec::new();
        walk(dir, &mut files, &mut errors);
        files.sort();
        for e in errors {
            self.ready.push_back(Err(e));
        }
        for f in files.into_iter().rev() {
            if let Some((kind, is_json)) = kind_of(&f) {
                self.queue.push_front(Pending::Found(f, kind, is_json));
            }
        }
    }

    fn open_file(&mut self, path: PathBuf, kind: InputKind, is_json: bool) {
        if kind == InputKind::Jsonl && !is_json {
            match File::open(&path) {
                Ok(f) => {
                    self.current = Some(JsonlReader::new(Box::new(BufReader::new(f)), path, 0))
                }
                Err(e) => self
                    .ready
                    .push_back(Err(InputError::new(origin(&path, None), e))),
            }
            return;
        }
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                return self
                    .ready
                    .push_back(Err(InputError::new(origin(&path, None), e)))
            }
        };
        self.read_bytes(path, kind, is_json, bytes);
    }

    fn read_bytes(&mut self, path: PathBuf, kind: InputKind, is_json: bool, bytes: Vec<u8>) {
        match kind {
            InputKind::Text => self
                .ready
                .push_back(text_article(&path, &bytes, &self.opts)),
            InputKind::Html => self
                .ready
                .push_back(html_article(&path, &bytes, &self.opts)),
            InputKind::Jsonl if is_json => self.json_file(path, bytes),
            InputKind::Jsonl => {
                self.current = Some(JsonlReader::new(
                    Box::new(std::io::Cursor::new(bytes)),
                    path,
                    0,
                ))
            }
        }
    }

    /// A `.json` file: one object, an array of objects, or JSONL content.
    fn json_file(&mut self, path: PathBuf, bytes: Vec<u8>) {
        let first = bytes.iter().find(|b| !b.is_ascii_whitespace()).copied();
        let value = if matches!(first, Some(b'[') | Some(b'{')) {
            serde_json::from_slice::<serde_json::Value>(&bytes).ok()
        } else {
            None
        };
        match value {
            Some(serde_json::Value::Array(items)) => {
                let name = file_name(&path);
                for (i, v) in items.into_iter().enumerate() {
                    let n = i + 1;
                    let item = record(
                        v,
                        &origin(&path, None),
                        || format!("{name}#{n}"),
                        &self.opts,
                    )
                    .map_err(|mut e| {
                        e.kind = InputErrorKind::InArray {
                            index: n,
                            inner: Box::new(e.kind),
                        };
                        e
                    });
                    self.ready.push_back(item);
                }
            }
            Some(v @ serde_json::Value::Object(_)) => {
                let name = stem(&path);
                self.ready
                    .push_back(record(v, &origin(&path, None), || name, &self.opts));
            }
            // Not one JSON value: JSONL content (errors are reported per line).
            _ => {
                self.current = Some(JsonlReader::new(
                    Box::new(std::io::Cursor::new(bytes)),
                    path,
                    0,
                ))
            }
        }
    }

    fn open_stdin(&mut self) {
        let path = PathBuf::from("-");
        let mut input = BufReader::new(std::io::stdin());
        let mut skipped_lines = 0;
        let kind = match self.opts.kind {
            Some(k) => k,
            None => match sniff(&mut input, &mut skipped_lines) {
                Ok(k) => k,
                Err(e) => {
                    return self
                        .ready
                        .push_back(Err(InputError::new(origin(&path, None), e)))
                }
            },
        };
        if kind == InputKind::Jsonl {
            self.current = Some(JsonlReader::new(Box::new(input), path, skipped_lines));
            return;
        }
        let mut bytes = Vec::new();
        if let Err(e) = input.read_to_end(&mut bytes) {
            return self
                .ready
                .push_back(Err(InputError::new(origin(&path, None), e)));
        }
        self.read_bytes(path, kind, false, bytes);
    }
}

/// Looks at the first non-blank byte: `{` JSONL, `<` HTML, else text. Consumes only blank
/// lines (counted in `skipped_lines`) and leading whitespace.
fn sniff(input: &mut impl BufRead, skipped_lines: &mut usize) -> std::io::Result<InputKind> {
    loop {
        let buf = input.fill_buf()?;
        if buf.is_empty() {
            return Ok(InputKind::Text);
        }
        match buf.iter().position(|b| !b.is_ascii_whitespace()) {
            Some(i) => {
                let kind = match buf[i] {
                    b'{' => InputKind::Jsonl,
                    b'<' => InputKind::Html,
                    _ => InputKind::Text,
                };
                // Only consume whole blank lines, so text keeps its first line's indentation.
                let cut = buf[..i]
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(0, |p| p + 1);
                *skipped_lines += buf[..cut].iter().filter(|&&b| b == b'\n').count();
                input.consume(cut);
                return Ok(kind);
            }
            None => {
                let n = buf.len();
                *skipped_lines += buf.iter().filter(|&&b| b == b'\n').count();
                input.consume(n);
            }
        }
    }
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<InputError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => return errors.push(InputError::new(origin(dir, None), e)),
    };
    for entry in entries {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                errors.push(InputError::new(origin(dir, None), e));
                continue;
            }
        };
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue; // hidden files and folders (.git, editor swap files)
        }
        match entry.file_type() {
            // Symlinked folders are not followed (no cycles); symlinked files are read.
            Ok(t) if t.is_dir() => walk(&path, files, errors),
            Ok(t) if t.is_file() || (t.is_symlink() && path.is_file()) => files.push(path),
            Ok(_) => {}
            Err(e) => errors.push(InputError::new(origin(&path, None), e)),
        }
    }
}

fn text_article(path: &Path, bytes: &[u8], opts: &ReadOptions) -> Item {
    let org = origin(path, None);
    let text = frontline_clean::encoding::decode_text(bytes)
        .map_err(|e| InputError::new(org.clone(), InputErrorKind::Decode(e)))?;
    Ok(plain_article(stem(path), text, None, opts.published, org))
}

/// A plain-text article: cleaned, title from the headline line unless given.
fn plain_article(
    id: String,
    text: String,
    title: Option<String>,
    published: Option<Date>,
    origin: Origin,
) -> RawArticle {
    let c = frontline_clean::clean_text(&text);
    let title = title.or_else(|| c.title.map(|s| s.text(&text).to_string()));
    RawArticle {
        id,
        text,
        title,
        published,
        url: None,
        source: None,
        origin,
        removed: c.removed,
    }
}

fn html_article(path: &Path, bytes: &[u8], opts: &ReadOptions) -> Item {
    let org = origin(path, None);
    let a = frontline_clean::html::extract_bytes(bytes)
        .map_err(|e| InputError::new(org.clone(), InputErrorKind::Html(e)))?;
    Ok(RawArticle {
        id: stem(path),
        text: a.text,
        title: a.title,
        published: a.published.or(opts.published),
        url: a.url,
        source: a.source,
        origin: org,
        removed: a.removed,
    })
}

// ---------------------------------------------------------------- JSON records

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

/// One JSON article record (`{"id"?, "text", "title"?, "published"?, "url"?, "source"?}`) →
/// a cleaned article, validated as JSONL lines are: for other sources of records, such as
/// the server's `POST /api/articles`. `fallback_id` names a record without an id;
/// `published_default` applies when the record has no date.
pub fn article_from_json(
    v: serde_json::Value,
    origin: &Origin,
    fallback_id: impl FnOnce() -> String,
    published_default: Option<Date>,
) -> Result<RawArticle, InputError> {
    record(v, origin, fallback_id, &ReadOptions { kind: None, published: published_default })
}

/// Builds an article from one JSON value; `fallback_id` names records without an id.
fn record(
    v: serde_json::Value,
    org: &Origin,
    fallback_id: impl FnOnce() -> String,
    opts: &ReadOptions,
) -> Item {
    let err = |id: Option<String>, kind| InputError {
        origin: org.clone(),
        id,
        kind,
    };
    if !v.is_object() {
        return Err(err(None, InputErrorKind::NotAnObject(json_type(&v))));
    }
    // The id first, so that errors about other fields can name the record.
    let id = match v.get("id") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) if s.trim().is_empty() => None,
        Some(serde_json::Value::String(s)) => Some(s.clone()),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        Some(other) => {
            return Err(err(
                None,
                InputErrorKind::BadField {
                    field: "id",
                    problem: format!("expected a string, found {}", json_type(other)),
                },
            ))
        }
    };
    let r: Record = serde_json::from_value(v)
        .map_err(|e| err(id.clone(), InputErrorKind::Json(e.to_string())))?;
    let text = match r.text {
        None => return Err(err(id, InputErrorKind::MissingText)),
        Some(t) if t.trim().is_empty() => return Err(err(id, InputErrorKind::EmptyText)),
        Some(t) => t,
    };
    let published = match r
        .published
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        None => opts.published,
        Some(s) => Some(
            parse_published(s)
                .ok_or_else(|| err(id.clone(), InputErrorKind::BadDate(s.to_string())))?,
        ),
    };
    let title = r
        .title
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty());
    let mut a = plain_article(
        id.unwrap_or_else(fallback_id),
        text,
        title,
        published,
        org.clone(),
    );
    a.url = r.url.filter(|s| !s.trim().is_empty());
    a.source = r.source.filter(|s| !s.trim().is_empty());
    Ok(a)
}

/// `YYYY-MM-DD`, or an RFC 3339 / ISO 8601 timestamp: the date as written (the publisher's
/// local date, not converted to UTC).
pub fn parse_published(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Ok(d) = s.parse::<Date>() {
        if s.len() == 10 {
            return Some(d);
        }
    }
    if s.parse::<jiff::Timestamp>().is_ok() || s.parse::<jiff::civil::DateTime>().is_ok() {
        return s.get(..10)?.parse().ok();
    }
    None
}

/// Streams a JSONL source line by line (never holding more than one line).
struct JsonlReader {
    input: Box<dyn BufRead>,
    path: PathBuf,
    name: String,
    line_no: usize,
    buf: Vec<u8>,
}

impl JsonlReader {
    fn new(input: Box<dyn BufRead>, path: PathBuf, skipped_lines: usize) -> Self {
        let name = file_name(&path);
        JsonlReader {
            input,
            path,
            name,
            line_no: skipped_lines,
            buf: Vec::new(),
        }
    }

    fn next_item(&mut self, opts: &ReadOptions) -> Option<Item> {
        loop {
            self.buf.clear();
            let n = match self.input.read_until(b'\n', &mut self.buf) {
                Ok(n) => n,
                Err(e) => {
                    self.line_no += 1;
                    let item = Err(InputError::new(origin(&self.path, Some(self.line_no)), e));
                    // A read error is not recoverable: stop this source after reporting it.
                    self.input = Box::new(std::io::empty());
                    return Some(item);
                }
            };
            if n == 0 {
                return None;
            }
            self.line_no += 1;
            let org = origin(&self.path, Some(self.line_no));
            let line = match std::str::from_utf8(&self.buf) {
                Ok(l) => l.trim_start_matches('\u{feff}').trim(),
                Err(_) => return Some(Err(InputError::new(org, InputErrorKind::InvalidUtf8))),
            };
            if line.is_empty() {
                continue;
            }
            let v: serde_json::Value = match serde_json::from_str(line) {
                Ok(v) => v,
                Err(e) => {
                    return Some(Err(InputError::new(
                        org,
                        InputErrorKind::Json(e.to_string()),
                    )))
                }
            };
            let (name, line_no) = (&self.name, self.line_no);
            return Some(record(v, &org, || format!("{name}:{line_no}"), opts));
        }
    }
}

#[cfg(test)]
mod tests;
