//! Main-text extraction from a news page (built on `scraper`/html5ever).
//!
//! - title: `og:title`, else the first `<h1>`, else `<title>` without a " | Site" suffix;
//! - published: `article:published_time` and similar `<meta>`, JSON-LD `datePublished`,
//!   `<time datetime>`;
//! - text: the block text of the article root (`[itemprop=articleBody]`, else the `<article>`
//!   with the most paragraph text, else `<main>`, else `<body>`), one block a line, without
//!   nav/header/footer/aside/script/style/forms/figures and share, cookie, newsletter,
//!   related-links and ad widgets;
//! - embedded posts (`<blockquote class="twitter-tweet">`, Instagram, TikTok, Threads) are
//!   kept in the text as their body line(s) plus an attribution line, and marked
//!   [`RemovedReason::EmbeddedPost`] with their author, handle and date;
//! - finally [`clean_text`](crate::clean_text) runs on the extracted text and its spans are added.

use std::sync::OnceLock;

use frontline_model::{Removed, RemovedReason, Span};
use jiff::civil::Date;
use regex::Regex;
use scraper::{ElementRef, Html, Node, Selector};

use crate::{social, CleanError};

/// An article extracted from an HTML page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HtmlArticle {
    pub title: Option<String>,
    pub published: Option<Date>,
    /// Body text, one block (paragraph, subhead, list item, post line) a line.
    pub text: String,
    /// Spans of `text` that are not the article's own text, sorted by start.
    pub removed: Vec<Removed>,
    /// `<link rel=canonical>` or `og:url`.
    pub url: Option<String>,
    /// `og:site_name`.
    pub source: Option<String>,
}

/// Extracts the article from HTML bytes of any encoding (BOM, `<meta charset>`, detection).
pub fn extract_bytes(bytes: &[u8]) -> Result<HtmlArticle, CleanError> {
    extract(&crate::encoding::decode_html(bytes))
}

/// Extracts title, publication date and main text from a news page.
pub fn extract(html: &str) -> Result<HtmlArticle, CleanError> {
    let doc = Html::parse_document(html);
    let root = choose_root(&doc);

    let mut w = Writer::for_root(root);
    w.walk(root);
    w.flush();
    if w.text.trim().is_empty() {
        // The chosen root held nothing usable: fall back to the whole body.
        if let Some(body) = doc.select(sel("body")).next() {
            if body.id() != root.id() {
                w = Writer::for_root(body);
                w.walk(body);
                w.flush();
            }
        }
    }
    if w.text.trim().is_empty() {
        return Err(CleanError::NoText);
    }

    let Writer {
        text,
        removed: mut structural,
        ..
    } = w;
    let cleaned = crate::clean_text(&text);
    for r in cleaned.removed {
        if !structural.iter().any(|s| s.span.overlaps(r.span)) {
            structural.push(r);
        }
    }
    structural.sort_by_key(|r| (r.span.start, r.span.end));

    Ok(HtmlArticle {
        title: title(&doc),
        published: published(&doc, root),
        text,
        removed: structural,
        url: meta(&doc, &["og:url"]).or_else(|| {
            doc.select(sel("link[rel=canonical]"))
                .find_map(|e| e.attr("href"))
                .map(str::to_string)
        }),
        source: meta(&doc, &["og:site_name", "application-name"]),
    })
}

fn sel(s: &str) -> &'static Selector {
    use std::collections::HashMap;
    use std::sync::Mutex;
    static CACHE: OnceLock<Mutex<HashMap<String, &'static Selector>>> = OnceLock::new();
    let mut m = CACHE
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    m.entry(s.to_string())
        .or_insert_with(|| Box::leak(Box::new(Selector::parse(s).expect("valid selector"))))
}

fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of an element, with `<br>` read as a space.
fn text_of(e: ElementRef<'_>) -> String {
    let mut s = String::new();
    for n in e.descendants() {
        match n.value() {
            Node::Text(t) => s.push_str(t),
            Node::Element(el) if el.name() == "br" => s.push(' '),
            _ => {}
        }
    }
    collapse_ws(&s)
}

// ---------------------------------------------------------------- metadata

fn meta(doc: &Html, keys: &[&str]) -> Option<String> {
    for key in keys {
        for e in doc.select(sel("meta")) {
            let v = e.value();
            let k = v
                .attr("property")
                .or_else(|| v.attr("name"))
                .or_else(|| v.attr("itemprop"));
            if k.is_some_and(|k| k.eq_ignore_ascii_case(key)) {
                if let Some(c) = v.attr("content").map(collapse_ws).filter(|c| !c.is_empty()) {
                    return Some(c);
                }
            }
        }
    }
    None
}

fn title(doc: &Html) -> Option<String> {
    if let Some(t) = meta(doc, &["og:title", "twitter:title"]) {
        return Some(t);
    }
    if let Some(h1) = doc.select(sel("h1")).map(text_of).find(|t| !t.is_empty()) {
        return Some(h1);
    }
    let t = doc
        .select(sel("title"))
        .map(text_of)
        .find(|t| !t.is_empty())?;
    // "Headline | Site", "Headline - Site": drop a short last segment.
    for sep in [" | ", " - ", " – ", " — ", " :: "] {
        if let Some(i) = t.rfind(sep) {
            let (head, site) = (&t[..i], &t[i + sep.len()..]);
            if site.chars().count() <= 40 && head.chars().count() > site.chars().count() {
                return Some(head.to_string());
            }
        }
    }
    Some(t)
}

/// Parses the date part of an ISO 8601 / RFC 3339 / RFC 2822 / "November 30, 2024" string,
/// as written (the publisher's local date).
pub fn parse_page_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if s.len() >= 10 && s.is_char_boundary(10) {
        if let Ok(d) = s[..10].parse::<Date>() {
            return Some(d);
        }
    }
    if let Ok(z) = jiff::fmt::rfc2822::parse(s) {
        return Some(z.date());
    }
    social::parse_date_prefix(s)
}

const DATE_META: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "datePublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "article.published",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "dcterms.date",
    "date",
];

fn published(doc: &Html, root: ElementRef<'_>) -> Option<Date> {
    if let Some(d) = meta(doc, DATE_META).and_then(|s| parse_page_date(&s)) {
        return Some(d);
    }
    for script in doc.select(sel(r#"script[type="application/ld+json"]"#)) {
        let raw: String = script.text().collect();
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(&raw) {
            if let Some(d) = find_json_date(&v, 0) {
                return Some(d);
            }
        }
    }
    let times = [
        "time[itemprop=datePublished]",
        "time[pubdate]",
        "[itemprop=datePublished][content]",
    ];
    for s in times {
        if let Some(e) = doc.select(sel(s)).next() {
            if let Some(d) = e
                .attr("datetime")
                .or(e.attr("content"))
                .and_then(parse_page_date)
            {
                return Some(d);
            }
        }
    }
    root.select(sel("time[datetime]"))
        .chain(doc.select(sel("time[datetime]")))
        .find_map(|e| e.attr("datetime").and_then(parse_page_date))
}

fn find_json_date(v: &serde_json::Value, depth: usize) -> Option<Date> {
    use serde_json::Value;
    if depth > 8 {
        return None;
    }
    match v {
        Value::Object(m) => {
            if let Some(d) = m
                .get("datePublished")
                .and_then(Value::as_str)
                .and_then(parse_page_date)
            {
                return Some(d);
            }
            m.values().find_map(|x| find_json_date(x, depth + 1))
        }
        Value::Array(a) => a.iter().find_map(|x| find_json_date(x, depth + 1)),
        _ => None,
    }
}

// ---------------------------------------------------------------- article root

fn choose_root(doc: &Html) -> ElementRef<'_> {
    let best = |s: &str| {
        doc.select(sel(s))
            .max_by_key(|e| para_len(*e))
            .filter(|e| para_len(*e) > 0)
    };
    best("[itemprop=articleBody]")
        .or_else(|| best("article"))
        .or_else(|| best("main, [role=main]"))
        .or_else(|| doc.select(sel("body")).next())
        .unwrap_or_else(|| doc.root_element())
}

// ---------------------------------------------------------------- block writer

const SKIP: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "input",
    "textarea",
    "label",
    "svg",
    "canvas",
    "iframe",
    "object",
    "embed",
    "video",
    "audio",
    "picture",
    "img",
    "figure",
    "figcaption",
    "h1",
    "menu",
    "dialog",
    "head",
    "title",
    "meta",
    "link",
];

const BLOCK: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "address",
    "hr",
    "body",
    "center",
    "details",
    "summary",
];

fn boilerplate_attr_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)(?:^|[\s_\-])(?:share|sharing|sharebar|social|socials|cookie|cookies|consent|gdpr|newsletter|subscribe|subscription|signup|paywall|related|recommended|read-?more|more-?stories|promo|advert|advertisement|ads?|ad-slot|dfp|sponsor|sponsored|outbrain|taboola|comments?|disqus|breadcrumbs?|byline|author-bio|tags?|topics|nav|navbar|menu|sidebar|widget|toolbar|popup|modal|banner|caption|credit|sr-only|visually-hidden|screen-reader-text|hidden|print-only|skip-link|trending|most-read|popular)(?:$|[\s_\-])",
        )
        .unwrap()
    })
}

/// Widgets dropped even when they hold more text than the article (reader comments).
fn always_dropped_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)(?:^|[\s_\-])(?:comments?|disqus|cookies?|consent|gdpr|outbrain|taboola|newsletter)(?:$|[\s_\-])").unwrap()
    })
}

fn is_embed(e: &scraper::node::Element) -> Option<&'static str> {
    let class = e.attr("class").unwrap_or("").to_ascii_lowercase();
    if e.name() != "blockquote" && e.name() != "div" {
        return None;
    }
    if class.contains("twitter-tweet")
        || class.contains("twitter-video")
        || class.contains("x-tweet")
    {
        Some("tweet")
    } else if class.contains("instagram-media") {
        Some("instagram")
    } else if class.contains("tiktok-embed") {
        Some("tiktok")
    } else if class.contains("text-post-media") || class.contains("threads-embed") {
        Some("threads")
    } else {
        None
    }
}

#[derive(Default)]
struct Writer {
    text: String,
    line: String,
    removed: Vec<Removed>,
    /// Paragraph text length of the article root: a wrapper whose class looks like page
    /// furniture ("layout has-sidebar") but holds most of the article is kept.
    root_para_len: usize,
}

fn para_len(e: ElementRef<'_>) -> usize {
    e.select(sel("p"))
        .map(|p| p.text().map(|t| t.trim().len()).sum::<usize>())
        .sum()
}

impl Writer {
    fn for_root(root: ElementRef<'_>) -> Self {
        Writer {
            root_para_len: para_len(root),
            ..Default::default()
        }
    }

    fn holds_the_article(&self, e: ElementRef<'_>) -> bool {
        self.root_para_len > 0 && para_len(e) * 10 >= self.root_para_len * 6
    }

    /// Embedded posts inside an element that is otherwise skipped (`<figure>`).
    fn embeds_only(&mut self, e: ElementRef<'_>) {
        for d in e.descendants() {
            if let (Some(de), Node::Element(el)) = (ElementRef::wrap(d), d.value()) {
                if let Some(kind) = is_embed(el) {
                    if !de
                        .ancestors()
                        .skip(1)
                        .take_while(|a| a.id() != e.id())
                        .any(|a| {
                            a.value()
                                .as_element()
                                .is_some_and(|x| is_embed(x).is_some())
                        })
                    {
                        self.flush();
                        self.embed(de, kind);
                    }
                }
            }
        }
    }

    fn flush(&mut self) {
        let t = collapse_ws(&self.line);
        self.line.clear();
        self.push_line(&t);
    }

    fn push_line(&mut self, t: &str) {
        let t = t.trim();
        if t.is_empty() {
            return;
        }
        if !self.text.is_empty() {
            self.text.push('\n');
        }
        self.text.push_str(t);
    }

    /// Byte offset where the next line will start.
    fn next_line_start(&self) -> usize {
        if self.text.is_empty() {
            0
        } else {
            self.text.len() + 1
        }
    }

    fn walk(&mut self, e: ElementRef<'_>) {
        for child in e.children() {
            match child.value() {
                Node::Text(t) => self.line.push_str(t),
                Node::Element(el) => {
                    let Some(ce) = ElementRef::wrap(child) else {
                        continue;
                    };
                    let name = el.name();
                    if let Some(kind) = is_embed(el) {
                        self.flush();
                        self.embed(ce, kind);
                        continue;
                    }
                    if hidden(el) {
                        continue;
                    }
                    if SKIP.contains(&name) {
                        if name == "figure" {
                            self.embeds_only(ce);
                        }
                        continue;
                    }
                    if name == "br" {
                        self.flush();
                        continue;
                    }
                    let attrs = format!(
                        "{} {}",
                        el.attr("class").unwrap_or(""),
                        el.attr("id").unwrap_or("")
                    );
                    let container = !matches!(name, "body" | "html" | "main" | "article");
                    if container
                        && boilerplate_attr_re().is_match(attrs.trim())
                        && (always_dropped_re().is_match(&attrs) || !self.holds_the_article(ce))
                    {
                        continue;
                    }
                    if matches!(name, "ul" | "ol" | "menu") && link_dense(ce) {
                        continue;
                    }
                    let block = BLOCK.contains(&name);
                    if block {
                        self.flush();
                    }
                    self.walk(ce);
                    if block {
                        self.flush();
                    }
                }
                _ => {}
            }
        }
    }

    /// Writes an embedded post as body line(s) + attribution line and marks it.
    fn embed(&mut self, e: ElementRef<'_>, kind: &str) {
        let start = self.next_line_start();
        let mut body: Vec<String> = Vec::new();
        let mut attribution = String::new();
        let mut status_handle = None;
        for a in e.select(sel("a[href]")) {
            let href = a.attr("href").unwrap_or("");
            if let Some(c) = status_url_re().captures(href) {
                status_handle = Some(format!("@{}", &c[1]));
            }
        }
        let mut attr = social::Attribution::default();
        match kind {
            "tweet" => {
                for child in e.children() {
                    match child.value() {
                        Node::Text(t) => attribution.push_str(t),
                        Node::Element(el) => {
                            let Some(ce) = ElementRef::wrap(child) else {
                                continue;
                            };
                            if el.name() == "p" {
                                body.push(text_of(ce));
                            } else if !SKIP.contains(&el.name()) {
                                attribution.push_str(&ce.text().collect::<String>());
                            }
                        }
                        _ => {}
                    }
                }
                let attribution = collapse_ws(&attribution);
                if let Some(a) = social::parse_tweet_attribution(&attribution) {
                    attr = a;
                }
                body.push(attribution);
            }
            _ => {
                // Instagram & co: every text block, looking for "A post shared by".
                let mut inner = Writer::default();
                inner.walk_all(e);
                inner.flush();
                for l in inner.text.lines() {
                    if attr.handle.is_none() && attr.author.is_none() {
                        if let Some(a) = social::parse_shared_by(l) {
                            attr = a;
                        }
                    }
                    body.push(l.to_string());
                }
            }
        }
        if attr.handle.is_none() {
            attr.handle = status_handle;
        }
        for l in &body {
            self.push_line(l);
        }
        let end = self.text.len();
        if end > start {
            self.removed.push(Removed {
                span: Span::new(start, end),
                reason: RemovedReason::EmbeddedPost,
                author: attr.author,
                handle: attr.handle,
                date: attr.date,
            });
        }
    }

    /// Like `walk` but without the boilerplate-attribute filter (embed markup uses
    /// class names such as "caption" that the filter would drop).
    fn walk_all(&mut self, e: ElementRef<'_>) {
        for child in e.children() {
            match child.value() {
                Node::Text(t) => self.line.push_str(t),
                Node::Element(el) => {
                    let Some(ce) = ElementRef::wrap(child) else {
                        continue;
                    };
                    if matches!(el.name(), "script" | "style" | "svg" | "noscript") {
                        continue;
                    }
                    if el.name() == "br" {
                        self.flush();
                        continue;
                    }
                    let block = BLOCK.contains(&el.name());
                    if block {
                        self.flush();
                    }
                    self.walk_all(ce);
                    if block {
                        self.flush();
                    }
                }
                _ => {}
            }
        }
    }
}

fn status_url_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?:twitter|x)\.com/([A-Za-z0-9_]{1,30})/status/|instagram\.com/([A-Za-z0-9_.]{1,30})/?$").unwrap()
    })
}

fn hidden(el: &scraper::node::Element) -> bool {
    el.attr("hidden").is_some()
        || el.attr("aria-hidden") == Some("true")
        || el.attr("style").is_some_and(|s| {
            let s = s.replace(' ', "").to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}

/// A list whose text is mostly links (navigation, "related stories").
fn link_dense(e: ElementRef<'_>) -> bool {
    let total: usize = e.text().map(|t| t.trim().len()).sum();
    if total == 0 {
        return true;
    }
    let linked: usize = e
        .select(sel("a"))
        .flat_map(|a| a.text())
        .map(|t| t.trim().len())
        .sum();
    linked * 10 >= total * 7
}

#[cfg(test)]
mod tests;
