//! Fast regex scanning.
//!
//! The patterns use Unicode `\b`, which the lazy DFA of the `regex` crate only supports on
//! ASCII haystacks: on the first non-ASCII byte it gives up and the search falls back to the
//! (much slower) backtracker or PikeVM, over the whole haystack, for every match. So each
//! text is scanned through an ASCII *shadow* of the same byte length, built so that every
//! pattern matches the shadow exactly where it matches the original text (same spans, same
//! capture offsets):
//!
//! * a non-ASCII word character (Unicode `\w`) becomes `_` bytes (a word character that no
//!   pattern names literally), any other non-ASCII character becomes `\x01` bytes (not a
//!   word character, not whitespace, not named by any pattern);
//! * the three non-ASCII characters that patterns name literally ("–", "—", "°") become
//!   control-byte sequences of the same length, and the patterns are compiled a second time
//!   with those sequences in place of the characters, and with ASCII-only classes ([`Rx::fast`]).
//!
//! Texts where that equivalence could fail — a non-ASCII character matched by `\s` or `\d`
//! or case-folding to an ASCII letter (U+017F "ſ", U+212A Kelvin sign), or one of the
//! sentinel control bytes already present — are scanned as they are, with the original
//! patterns ([`Rx::orig`]). One deliberate exception: U+0085 (NEL), a Windows-1252 ellipsis
//! decoded as Latin-1 in the news text where it occurs, is shadowed as punctuation, not as the
//! white space Unicode makes it. Either way callers read matched *text* from the original string
//! by offsets; only the matching runs on the shadow.

use std::borrow::Cow;
use std::sync::OnceLock;

use once_cell::sync::Lazy;
use regex::Regex;

use crate::ascii::ascii_regex;

const EN_DASH: &str = "\u{2}\u{3}\u{4}";
const EM_DASH: &str = "\u{5}\u{6}\u{7}";
const DEGREE: &str = "\u{8}\u{e}";
const EN_DASH_RX: &str = r"\x02\x03\x04";
const EM_DASH_RX: &str = r"\x05\x06\x07";
const DEGREE_RX: &str = r"\x08\x0E";

/// A pattern in two compiled forms, each compiled on first use: for the ASCII shadow
/// ([`Rx::fast`]: sentinel sequences for "–", "—", "°", and ASCII-only classes, see
/// [`crate::ascii`]); and as written ([`Rx::orig`]), for texts that cannot be shadowed.
pub(crate) struct Rx {
    pattern: String,
    orig: OnceLock<Regex>,
    fast: OnceLock<Regex>,
}

impl Rx {
    pub(crate) fn new(p: &str) -> Rx {
        Rx { pattern: p.to_string(), orig: OnceLock::new(), fast: OnceLock::new() }
    }

    /// The form to run on an ASCII shadow.
    fn fast(&self) -> &Regex {
        self.fast.get_or_init(|| {
            let p = self.pattern.replace('–', EN_DASH_RX).replace('—', EM_DASH_RX).replace('°', DEGREE_RX);
            ascii_regex(&p)
        })
    }

    /// The pattern as written (for texts without an ASCII shadow).
    fn orig(&self) -> &Regex {
        self.orig.get_or_init(|| Regex::new(&self.pattern).expect("valid regex"))
    }
}

/// A text and the haystack its patterns run on.
pub(crate) struct Hay<'a> {
    /// The original text (read matched text from here).
    pub text: &'a str,
    /// What the patterns run on: the ASCII shadow, or `text` itself.
    pub scan: Cow<'a, str>,
    shadow: bool,
    /// `scan` in ASCII lower case, when it is a shadow.
    lower: Option<String>,
}

impl<'a> Hay<'a> {
    pub(crate) fn new(text: &'a str) -> Hay<'a> {
        match shadow(text) {
            Some(s) => {
                let lower = Some(s.to_ascii_lowercase());
                Hay { text, scan: s, shadow: true, lower }
            }
            None => Hay { text, scan: Cow::Borrowed(text), shadow: false, lower: None },
        }
    }

    /// False only when none of `words` (lower case ASCII) occurs in the text, ignoring
    /// ASCII case. Only answers on an ASCII shadow, where `(?i)` folds ASCII letters to ASCII
    /// letters only; otherwise always true.
    pub(crate) fn may_contain(&self, words: &[&str]) -> bool {
        match &self.lower {
            Some(l) => words.iter().any(|w| l.contains(w)),
            None => true,
        }
    }

    /// The compiled pattern to run on [`Hay::scan`].
    #[inline]
    pub(crate) fn rx<'r>(&self, r: &'r Rx) -> &'r Regex {
        if self.shadow {
            r.fast()
        } else {
            r.orig()
        }
    }
}

fn is_sentinel(b: u8) -> bool {
    matches!(b, 0x01..=0x08 | 0x0e)
}

/// The ASCII shadow of `text`, or None when it cannot stand in for it.
fn shadow(text: &str) -> Option<Cow<'_, str>> {
    // Non-ASCII characters that some pattern could match other than as a word/non-word
    // character: whitespace, digits, and anything case-folding to ASCII.
    static UNSAFE: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?i)^[\s\d\x00-\x7F]$").unwrap());
    static WORD: Lazy<Regex> = Lazy::new(|| Regex::new(r"^\w$").unwrap());
    if text.bytes().any(is_sentinel) {
        return None;
    }
    if text.is_ascii() {
        return Some(Cow::Borrowed(text));
    }
    let mut out = String::with_capacity(text.len());
    let mut buf = [0u8; 4];
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        let n = c.len_utf8();
        match c {
            '–' => out.push_str(EN_DASH),
            '—' => out.push_str(EM_DASH),
            '°' => out.push_str(DEGREE),
            // U+0085 (NEL) is Unicode white space, but in news text it is a Windows-1252
            // ellipsis (byte 0x85) decoded as Latin-1 ("lost control\u{85} We are"): shadowed
            // as the punctuation it stands for, like "…". The one place where the shadow
            // deliberately differs from the original patterns (which would read `\s`); without
            // it the text has no shadow and every pattern runs in the slow engines.
            '\u{85}' |
            // Common punctuation: not word, not space, not digit.
            '\u{2018}' | '\u{2019}' | '\u{201C}' | '\u{201D}' | '\u{2026}' | '\u{2022}' | '\u{00AB}' | '\u{00BB}' => {
                out.extend(std::iter::repeat('\u{1}').take(n))
            }
            _ => {
                let s: &str = c.encode_utf8(&mut buf);
                if UNSAFE.is_match(s) {
                    return None;
                }
                let fill = if WORD.is_match(s) { '_' } else { '\u{1}' };
                out.extend(std::iter::repeat(fill).take(n));
            }
        }
    }
    debug_assert_eq!(out.len(), text.len());
    Some(Cow::Owned(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shadow_keeps_offsets_and_falls_back() {
        let t = "Bogotá – 5°C “quoted” café";
        let nel = Hay::new("lost control\u{85} We");
        assert!(nel.shadow && nel.scan.as_bytes()[12..14] == [1, 1], "a cp1252 ellipsis is punctuation");
        let h = Hay::new(t);
        assert!(h.shadow && h.scan.is_ascii() && h.scan.len() == t.len());
        assert!(!Hay::new("a\u{a0}b").shadow, "non-ASCII whitespace");
        assert!(!Hay::new("\u{663}").shadow, "Arabic-Indic digit");
        assert!(!Hay::new("\u{212a}m").shadow, "Kelvin sign folds to k");
        assert!(!Hay::new("a\u{2}b").shadow, "sentinel byte present");
    }
}
