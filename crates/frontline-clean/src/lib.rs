//! Pipeline stage 1: find what in an article is not the reporter's own running text.
//!
//! [`clean_text`] never changes the text: it marks byte spans ([`Removed`]) of share/follow/
//! subscribe/cookie footers, "Read more:" links, photo captions and credits, and embedded
//! social-media posts (with their author, handle and date), and it finds the headline line.
//! [`html::extract`] turns a news page into plain text first, then runs [`clean_text`] on it.
//! [`encoding`] decodes bytes in legacy encodings.

pub mod encoding;
pub mod html;
pub mod social;

use frontline_ascii as ascii;
mod rules;
mod rx;

use frontline_model::{Removed, RemovedReason, Span};

pub use html::{extract, extract_bytes, HtmlArticle};
pub use rules::{is_caption, AGENCY};

/// Errors of the cleaning stage (only HTML extraction and decoding can fail).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CleanError {
    #[error("bytes are not valid text in any supported encoding (best guess: {encoding})")]
    Undecodable { encoding: &'static str },
    #[error("no article text found in the HTML page")]
    NoText,
}

/// What [`clean_text`] found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cleaned {
    /// The headline line (trimmed), when the text starts with one.
    pub title: Option<Span>,
    /// Non-article spans, sorted by start, non-overlapping, on char boundaries.
    pub removed: Vec<Removed>,
}

/// One line of the text: `span` excludes the line break and surrounding whitespace.
#[derive(Debug, Clone, Copy)]
struct Line {
    span: Span,
}

fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    loop {
        let end = memchr_newline(bytes, start).unwrap_or(text.len());
        let raw = &text[start..end];
        let lead = raw.len() - raw.trim_start().len();
        let trimmed = raw.trim();
        let s = start + lead;
        out.push(Line {
            span: Span::new(s, s + trimmed.len()),
        });
        if end >= text.len() {
            break;
        }
        start = end + 1;
    }
    out
}

fn memchr_newline(bytes: &[u8], from: usize) -> Option<usize> {
    bytes[from..]
        .iter()
        .position(|&b| b == b'\n')
        .map(|p| p + from)
}

fn removed(span: Span, reason: RemovedReason) -> Removed {
    Removed {
        span,
        reason,
        author: None,
        handle: None,
        date: None,
    }
}

fn post(span: Span, a: social::Attribution) -> Removed {
    Removed {
        span,
        reason: RemovedReason::EmbeddedPost,
        author: a.author,
        handle: a.handle,
        date: a.date,
    }
}

/// Marks boilerplate, captions and embedded posts in plain article text, and finds the
/// headline. The text itself is not changed; all spans are byte offsets into `text`.
pub fn clean_text(text: &str) -> Cleaned {
    let lines = lines(text);
    let n = lines.len();
    let line_text = |i: usize| lines[i].span.text(text);
    let blank = |i: usize| lines[i].span.is_empty();
    let mut claimed = vec![false; n];
    let mut out: Vec<Removed> = Vec::new();

    let prev_nonblank = |i: usize, claimed: &[bool]| -> Option<usize> {
        (0..i).rev().find(|&j| !blank(j)).filter(|&j| !claimed[j])
    };

    // 1. Embedded posts with an attribution line: the body is the line(s) right before.
    for i in 0..n {
        if blank(i) || claimed[i] {
            continue;
        }
        let line = line_text(i);
        if let Some(a) = social::parse_tweet_attribution(line) {
            let mut first = i;
            if let Some(j) = prev_nonblank(i, &claimed) {
                first = j;
                // A post of several paragraphs: extend over short lines with post markers.
                let mut chars = line_text(j).chars().count();
                while let Some(k) = prev_nonblank(first, &claimed) {
                    let t = line_text(k);
                    chars += t.chars().count();
                    if chars > 600 || !social::looks_like_post_text(t) || rules::is_boilerplate(t) {
                        break;
                    }
                    first = k;
                }
            }
            for c in claimed.iter_mut().take(i + 1).skip(first) {
                *c = true;
            }
            out.push(post(
                Span::new(lines[first].span.start, lines[i].span.end),
                a,
            ));
        } else if let Some(a) = social::parse_shared_by(line) {
            let mut first = i;
            if let Some(j) = prev_nonblank(i, &claimed) {
                let t = line_text(j);
                if rules::is_view_post_line(t) || social::looks_like_post_text(t) {
                    first = j;
                    if let Some(k) = prev_nonblank(j, &claimed) {
                        if rules::is_view_post_line(line_text(k)) {
                            first = k;
                        }
                    }
                }
            }
            for c in claimed.iter_mut().take(i + 1).skip(first) {
                *c = true;
            }
            out.push(post(
                Span::new(lines[first].span.start, lines[i].span.end),
                a,
            ));
        }
    }

    // 2. Post bodies whose attribution was lost: a line ending in a tweet's media/short link.
    for i in 0..n {
        if !claimed[i] && !blank(i) && social::ends_with_tweet_link(line_text(i)) {
            claimed[i] = true;
            out.push(removed(lines[i].span, RemovedReason::EmbeddedPost));
        }
    }

    // 3. Line rules: boilerplate and captions.
    let title_line = (0..n).find(|&i| !blank(i));
    for i in 0..n {
        if claimed[i] || blank(i) {
            continue;
        }
        let t = line_text(i);
        let reason = if rules::is_boilerplate(t) || rules::is_view_post_line(t) {
            Some(RemovedReason::Boilerplate)
        } else if rules::is_caption(t) {
            Some(RemovedReason::Caption)
        } else {
            None
        };
        if let Some(reason) = reason {
            claimed[i] = true;
            out.push(removed(lines[i].span, reason));
        }
    }

    // 4. Headline: the first line, when it is short, unpunctuated and followed by a body.
    let title = title_line.filter(|&i| {
        !claimed[i]
            && (i + 1..n).any(|j| !blank(j) && !claimed[j])
            && rules::looks_like_headline(line_text(i))
    });

    out.sort_by_key(|r| (r.span.start, r.span.end));
    Cleaned {
        title: title.map(|i| lines[i].span),
        removed: out,
    }
}

#[cfg(test)]
mod tests;
