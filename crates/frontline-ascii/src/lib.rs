//! ASCII-only variants of regex patterns, for haystacks known to be ASCII.
//!
//! Compiling a pattern with Unicode classes (`\w`, `\d`, `\p{L}`, `.`, negated classes) builds
//! UTF-8 automata for thousands of code-point ranges, repeated for every counted repetition
//! (`[\w ]{1,30}`, `.{0,200}`): most of the grammars' start-up cost. On an ASCII haystack
//! those classes only ever match ASCII bytes, so [`ascii_pattern`] rewrites each of them to
//! its ASCII part, giving a pattern that matches *exactly* like the original on every ASCII
//! haystack (same matches, same capture groups and offsets) but compiles in a fraction of the
//! time:
//!
//! * `\w` → `[0-9A-Za-z_]`, `\d` → `[0-9]`, `\s` → `[\t-\r ]`, `\S` → its ASCII complement,
//!   `\p{L}` → `[A-Za-z]`, `\p{N}` → `[0-9]` (also inside brackets);
//! * `\b` → `(?-u:\b)`;
//! * `.` → `[\x00-\x09\x0B-\x7F]`;
//! * a negated class `[^…]` → `(?u:[\x00-\x7F&&[^…]])`, a class naming a non-ASCII
//!   character `[…’]` → `(?u:[…’])`.
//!
//! Everything else (literals, including non-ASCII ones, `(?i)`, groups, repetitions) is
//! copied. The result is valid, and means the same on ASCII haystacks, both with and without
//! Unicode mode; compile it with [`ascii_regex`], which turns Unicode mode off (so that `(?i)`
//! folds ASCII letters only). Constructs whose meaning this rewrite does not preserve (`(?s)`, `(?x)`, `(?R)`,
//! `\W`, `\D`, `\B`, other Unicode classes, class set operators) make it panic, so a new
//! pattern that needs them fails loudly in the tests instead of matching differently.
//!
//! Used by `frontline-clean` and `frontline-normalize` for their grammars; [`ascii_word_boundaries`]
//! alone by `frontline-ontology` (pattern triggers) and `frontline-pipeline` (attribution, events).

const WORD: &str = "0-9A-Za-z_";
const DIGIT: &str = "0-9";
const SPACE: &str = r"\x09-\x0D ";
const NON_SPACE: &str = r"\x00-\x08\x0E-\x1F\x21-\x7F";
const DOT: &str = r"[\x00-\x09\x0B-\x7F]";

/// `p` with every `\b` made an ASCII word boundary, `(?-u:\b)`, and nothing else changed: unlike
/// [`ascii_pattern`] the result is meant for any haystack. A Unicode `\b` makes the regex crate
/// leave its lazy DFA for its much slower PikeVM on every haystack holding a non-ASCII character;
/// for patterns of English words the ASCII boundary finds the same matches.
pub fn ascii_word_boundaries(p: &str) -> String {
    let mut out = String::with_capacity(p.len() + 16);
    let mut cs = p.chars();
    while let Some(c) = cs.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match cs.next() {
            Some('b') => out.push_str(r"(?-u:\b)"),
            Some(n) => {
                out.push('\\');
                out.push(n);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Compiles the ASCII-only equivalent of `p`: it matches exactly like `Regex::new(p)` on any
/// ASCII haystack, and must not be run on others.
pub fn ascii_regex(p: &str) -> regex::Regex {
    regex::RegexBuilder::new(&ascii_pattern(p))
        .unicode(false)
        .build()
        .unwrap_or_else(|e| panic!("{p}: {e}"))
}

/// Like [`ascii_regex`], for a set.
#[allow(dead_code)]
pub fn ascii_regex_set<S: AsRef<str>>(ps: &[S]) -> regex::RegexSet {
    regex::RegexSetBuilder::new(ps.iter().map(|p| ascii_pattern(p.as_ref())))
        .unicode(false)
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
}

/// The ASCII-only equivalent of `p` (see the module documentation).
pub fn ascii_pattern(p: &str) -> String {
    let cs: Vec<char> = p.chars().collect();
    let mut out = String::with_capacity(p.len() * 2);
    let mut i = 0;
    while i < cs.len() {
        match cs[i] {
            '\\' => {
                let c = *cs
                    .get(i + 1)
                    .unwrap_or_else(|| panic!("{p}: trailing backslash"));
                i += 2;
                match c {
                    'w' => out.push_str(&format!("[{WORD}]")),
                    'd' => out.push_str(&format!("[{DIGIT}]")),
                    's' => out.push_str(&format!("[{SPACE}]")),
                    'S' => out.push_str(&format!("[{NON_SPACE}]")),
                    'b' => out.push_str(r"(?-u:\b)"),
                    'p' => {
                        let (class, next) = unicode_class(p, &cs, i);
                        i = next;
                        out.push('[');
                        out.push_str(class);
                        out.push(']');
                    }
                    'W' | 'D' | 'B' | 'P' | 'A' | 'z' | 'u' | 'U' | '<' | '>' => {
                        panic!("{p}: \\{c} is not supported by ascii_pattern")
                    }
                    _ => {
                        out.push('\\');
                        out.push(c);
                    }
                }
            }
            '.' => {
                out.push_str(DOT);
                i += 1;
            }
            '[' => i = class(p, &cs, i, &mut out, false),
            '(' if cs.get(i + 1) == Some(&'?') => {
                // A flag group "(?flags)" or "(?flags:"; names ("(?P<n>") are copied as is.
                let mut j = i + 2;
                while j < cs.len() && (cs[j].is_ascii_alphabetic() || cs[j] == '-') {
                    j += 1;
                }
                if matches!(cs.get(j), Some(':') | Some(')')) {
                    let flags: String = cs[i + 2..j].iter().collect();
                    if flags.contains(['s', 'x', 'R']) {
                        panic!("{p}: flags ({flags}) are not supported by ascii_pattern");
                    }
                }
                out.push_str("(?");
                i += 2;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// `\p{L}` / `\pL` / `\p{N}` / `\pN` starting right after `\p` at `i`: the ASCII class body
/// and the index after it.
fn unicode_class(p: &str, cs: &[char], i: usize) -> (&'static str, usize) {
    let (name, next) = if cs.get(i) == Some(&'{') {
        let end = (i..cs.len())
            .find(|&j| cs[j] == '}')
            .unwrap_or_else(|| panic!("{p}: unclosed \\p{{"));
        (cs[i + 1..end].iter().collect::<String>(), end + 1)
    } else {
        (cs.get(i).map(|c| c.to_string()).unwrap_or_default(), i + 1)
    };
    match name.as_str() {
        "L" => ("A-Za-z", next),
        "N" => (DIGIT, next),
        _ => panic!("{p}: \\p{{{name}}} is not supported by ascii_pattern"),
    }
}

/// Copies the bracketed class starting at `cs[i] == '['` to `out`, rewritten; returns the
/// index after its closing bracket. A nested class is copied without wrapping: its outermost
/// class is wrapped in `(?u:…)`.
fn class(p: &str, cs: &[char], mut i: usize, out: &mut String, nested: bool) -> usize {
    i += 1;
    let negated = cs.get(i) == Some(&'^');
    if negated {
        i += 1;
    }
    if cs.get(i) == Some(&':') {
        // "[:alpha:]" (a literal ':' otherwise, as in "[:!]")
        let name_end = (i + 1..cs.len())
            .find(|&j| !cs[j].is_ascii_alphabetic())
            .unwrap_or(cs.len());
        if name_end > i + 1 && cs.get(name_end) == Some(&':') && cs.get(name_end + 1) == Some(&']')
        {
            panic!("{p}: ASCII class names are not supported by ascii_pattern");
        }
    }
    let mut body = String::new();
    let mut first = true;
    let mut unicode = negated;
    loop {
        let c = *cs.get(i).unwrap_or_else(|| panic!("{p}: unclosed class"));
        match c {
            ']' if !first => {
                i += 1;
                break;
            }
            '\\' => {
                let e = *cs
                    .get(i + 1)
                    .unwrap_or_else(|| panic!("{p}: trailing backslash"));
                i += 2;
                match e {
                    'w' => body.push_str(WORD),
                    'd' => body.push_str(DIGIT),
                    's' => body.push_str(SPACE),
                    'S' => body.push_str(NON_SPACE),
                    'p' => {
                        let (class, next) = unicode_class(p, cs, i);
                        i = next;
                        body.push_str(class);
                    }
                    'W' | 'D' | 'P' | 'u' | 'U' => {
                        panic!("{p}: \\{e} in a class is not supported by ascii_pattern")
                    }
                    _ => {
                        body.push('\\');
                        body.push(e);
                    }
                }
            }
            '[' => {
                i = class(p, cs, i, &mut body, true);
                unicode = true;
            }
            '&' | '~' | '-' if cs.get(i + 1) == Some(&c) => {
                panic!("{p}: class set operations are not supported by ascii_pattern")
            }
            _ => {
                body.push(c);
                i += 1;
            }
        }
        first = false;
    }
    let unicode = unicode || !body.is_ascii();
    if nested {
        out.push_str(if negated { "[^" } else { "[" });
        out.push_str(&body);
        out.push(']');
    } else if negated {
        // Intersected with ASCII: the negated class alone would be mostly non-ASCII.
        out.push_str(r"(?u:[\x00-\x7F&&[^");
        out.push_str(&body);
        out.push_str("]])");
    } else if unicode {
        out.push_str("(?u:[");
        out.push_str(&body);
        out.push_str("])");
    } else {
        out.push('[');
        out.push_str(&body);
        out.push(']');
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn rewrites() {
        assert_eq!(
            ascii_pattern(r"\bfoo\w+\.x"),
            r"(?-u:\b)foo[0-9A-Za-z_]+\.x"
        );
        assert_eq!(ascii_pattern(r"[\w.\-]{0,3}"), r"[0-9A-Za-z_.\-]{0,3}");
        assert_eq!(ascii_pattern(r"[^()\[\]]"), r"(?u:[\x00-\x7F&&[^()\[\]]])");
        assert_eq!(ascii_pattern(r"[a’]"), r"(?u:[a’])");
        assert_eq!(
            ascii_pattern(r"(?i)(?P<a>\p{L}|[\p{L}\p{N}_])"),
            r"(?i)(?P<a>[A-Za-z]|[A-Za-z0-9_])"
        );
        assert_eq!(ascii_pattern(r"[]a]"), r"[]a]");
        assert_eq!(ascii_pattern(r"\s*[:!]?$"), r"[\x09-\x0D ]*[:!]?$");
    }

    #[test]
    #[should_panic]
    fn refuses_class_names() {
        ascii_pattern(r"[[:alpha:]]");
    }

    #[test]
    #[should_panic]
    fn refuses_dot_all() {
        ascii_pattern(r"(?is).x");
    }

    /// Every ASCII string of up to 3 characters over an alphabet of interesting characters,
    /// plus some longer ones: the rewrite matches exactly like the original.
    #[test]
    fn same_matches_on_ascii() {
        let pats = [
            r"\w+",
            r"\d\s\S",
            r"(?i)\bk\w*s\b",
            r"[^()\n]{1,2}",
            r"(?i)[^a-c]",
            r"\p{L}[\p{N}_]",
            r".{0,2}$",
            r"(?i)^[\w.]+(?: [\w.]+)?",
            r"[\s_\-]",
            r"(?i)[\p{L}\-'’.]+",
            r"(?i)s[|,·•/]?x",
            r"[a[^b]]",
            r"(?i)©\s*’?S",
        ];
        let alphabet = [
            'a', 'K', 'k', 's', 'S', '0', '_', ' ', '\n', '\t', '(', '-', '.', '\x0b', '\x7f',
            '\x01',
        ];
        let mut hays = vec![String::new()];
        for _ in 0..3 {
            let more: Vec<String> = hays
                .iter()
                .flat_map(|h| alphabet.iter().map(move |c| format!("{h}{c}")))
                .collect();
            hays.extend(more);
        }
        hays.sort();
        hays.dedup();
        for p in pats {
            let (a, b) = (Regex::new(p).unwrap(), ascii_regex(p));
            for h in &hays {
                let x: Vec<_> = a.find_iter(h).map(|m| m.range()).collect();
                let y: Vec<_> = b.find_iter(h).map(|m| m.range()).collect();
                assert_eq!(x, y, "{p} on {h:?}");
            }
        }
    }

    #[test]
    fn word_boundaries_alone_are_made_ascii() {
        assert_eq!(super::ascii_word_boundaries(r"(?i)\bkilled\b\s+\\b"), r"(?i)(?-u:\b)killed(?-u:\b)\s+\\b");
        let re = regex::Regex::new(&super::ascii_word_boundaries(r"\bshelled\b")).unwrap();
        assert!(re.is_match("Kherson’s centre was shelled — twice"));
        assert!(!re.is_match("unshelled"));
    }
}
