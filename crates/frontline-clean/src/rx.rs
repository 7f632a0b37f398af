//! Regexes compiled on first use, in two forms: ASCII-only ([`crate::ascii`]) for ASCII
//! haystacks — nearly every line of English news — and as written for the others. Both forms
//! give the same answers; the ASCII one compiles several times faster, and the full Unicode
//! one is only compiled when a non-ASCII haystack first reaches it.

use std::sync::OnceLock;

use regex::{Regex, RegexSet};

use crate::ascii::{ascii_regex, ascii_regex_set};

pub(crate) struct LazyRegex {
    pattern: fn() -> String,
    ascii: OnceLock<Regex>,
    full: OnceLock<Regex>,
}

impl LazyRegex {
    pub(crate) const fn new(pattern: fn() -> String) -> LazyRegex {
        LazyRegex {
            pattern,
            ascii: OnceLock::new(),
            full: OnceLock::new(),
        }
    }

    /// The compiled form to run on `hay`.
    pub(crate) fn for_hay(&self, hay: &str) -> &Regex {
        if hay.is_ascii() {
            self.ascii.get_or_init(|| ascii_regex(&(self.pattern)()))
        } else {
            self.full
                .get_or_init(|| Regex::new(&(self.pattern)()).expect("valid regex"))
        }
    }
}

pub(crate) struct LazySet {
    patterns: fn() -> Vec<String>,
    ascii: OnceLock<RegexSet>,
    full: OnceLock<RegexSet>,
}

impl LazySet {
    pub(crate) const fn new(patterns: fn() -> Vec<String>) -> LazySet {
        LazySet {
            patterns,
            ascii: OnceLock::new(),
            full: OnceLock::new(),
        }
    }

    /// True when one of the patterns matches `hay`.
    pub(crate) fn is_match(&self, hay: &str) -> bool {
        if hay.is_ascii() {
            self.ascii
                .get_or_init(|| ascii_regex_set(&(self.patterns)()))
        } else {
            self.full
                .get_or_init(|| RegexSet::new((self.patterns)()).expect("valid regex set"))
        }
        .is_match(hay)
    }
}
