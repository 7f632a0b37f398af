//! Embedded social-media posts: attribution lines, display-name folding, post dates.

use jiff::civil::Date;
use unicode_normalization::UnicodeNormalization;

use crate::rx::LazyRegex;

/// Who posted an embedded post, and when.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Attribution {
    pub author: Option<String>,
    pub handle: Option<String>,
    pub date: Option<Date>,
}

const HANDLE: &str = r"@[A-Za-z0-9_][A-Za-z0-9_.\-]{0,63}(?:@[A-Za-z0-9.\-]{1,100})?";

// "— 𝗡𝗶𝗼𝗵 𝗕𝗲𝗿𝗴 ♛ ✡︎ (@NiohBerg) November 30, 2024"
static TWEET_ATTRIBUTION: LazyRegex = LazyRegex::new(|| {
    format!(
        r"^(?:—|–|―|-|&mdash;|&#8212;|&#x2014;|&ndash;|&#8211;)\s*(?P<name>[^()\n]{{0,120}}?)\s*\((?P<handle>{HANDLE})\)\s*(?:on\s+)?(?P<rest>.{{0,80}})$"
    )
});

// Instagram / Threads / Facebook embeds: "A post shared by BBC News (@bbcnews) on Nov 30, 2024 at 5:12am PST"
static SHARED_BY: LazyRegex = LazyRegex::new(|| {
    format!(
        r"(?i)^(?:a )?(?:post|photo|video|reel) shared by\s*(?P<name>[^()\n]{{0,120}}?)\s*(?:\((?P<handle>{HANDLE})\))?\s*(?:on\s+(?P<rest>.{{0,80}}))?$"
    )
});

/// Parses a tweet-style attribution line (`— Name (@handle) Month D, YYYY`).
/// Returns `None` when the line is not one.
pub fn parse_tweet_attribution(line: &str) -> Option<Attribution> {
    let line = line.trim();
    let c = TWEET_ATTRIBUTION.for_hay(line).captures(line)?;
    let rest = c.name("rest").map_or("", |m| m.as_str()).trim();
    let date = parse_date_prefix(rest);
    // Anything but a date after the handle must be short ("at 10:15 AM"), or this is prose.
    if date.is_none() && rest.chars().count() > 40 {
        return None;
    }
    Some(Attribution {
        author: fold_display_name(c.name("name").map_or("", |m| m.as_str())),
        handle: Some(c["handle"].to_string()),
        date,
    })
}

/// Parses an Instagram-style "A post shared by Name (@handle) on Date" line.
pub fn parse_shared_by(line: &str) -> Option<Attribution> {
    let line = line.trim();
    let c = SHARED_BY.for_hay(line).captures(line)?;
    let name = c.name("name").map_or("", |m| m.as_str());
    let handle = c.name("handle").map(|m| m.as_str().to_string());
    // "A post shared by" with neither a name nor a handle is not an attribution.
    let author = fold_display_name(name);
    if author.is_none() && handle.is_none() {
        return None;
    }
    Some(Attribution {
        author,
        handle,
        date: c.name("rest").and_then(|m| parse_date_prefix(m.as_str())),
    })
}

/// Folds a display name written in "mathematical" letters with decorations to plain text:
/// NFKC, then drops symbols and emoji: `𝗡𝗶𝗼𝗵 𝗕𝗲𝗿𝗴 ♛ ✡︎` → `Nioh Berg`.
pub fn fold_display_name(name: &str) -> Option<String> {
    let folded: String = name
        .nfkc()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '.' | '-' | '\'' | '’' | '&' | '_') {
                c
            } else {
                ' '
            }
        })
        .collect();
    let joined = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    let trimmed =
        joined.trim_matches(|c: char| matches!(c, '.' | '-' | '\'' | '’' | '&' | '_' | ' '));
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

fn month(name: &str) -> Option<i8> {
    let n = name.trim_end_matches('.').to_ascii_lowercase();
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    if n.len() < 3 {
        return None;
    }
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    for (i, m) in MONTHS.iter().enumerate() {
        if n == *m || n == full[i] || (n == "sept" && i == 8) {
            return Some(i as i8 + 1);
        }
    }
    None
}

static DATE_PREFIX: LazyRegex = LazyRegex::new(|| {
    r"^(?:(?P<iso>\d{4}-\d{2}-\d{2})|(?P<m1>[A-Za-z]{3,9}\.?)\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{4})|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m2>[A-Za-z]{3,9}\.?),?\s+(?P<y2>\d{4}))\b".to_string()
});

/// Parses a date at the start of `s`: `November 30, 2024`, `Nov 30, 2024`, `30 November 2024`,
/// `2024-11-30`; trailing text ("at 10:15 AM") is ignored.
pub fn parse_date_prefix(s: &str) -> Option<Date> {
    let s = s.trim();
    let c = DATE_PREFIX.for_hay(s).captures(s)?;
    if let Some(iso) = c.name("iso") {
        return iso.as_str().parse().ok();
    }
    let (m, d, y) = if c.name("m1").is_some() {
        (&c["m1"], &c["d1"], &c["y1"])
    } else {
        (&c["m2"], &c["d2"], &c["y2"])
    };
    Date::new(y.parse().ok()?, month(m)?, d.parse().ok()?).ok()
}

/// True when a line ends in a link that embedded tweets carry (`pic.twitter.com/…`, `t.co/…`).
pub fn ends_with_tweet_link(line: &str) -> bool {
    static RE: LazyRegex = LazyRegex::new(|| {
        r"(?:pic\.(?:twitter|x)\.com/[A-Za-z0-9]+|https?://t\.co/[A-Za-z0-9]+)\s*$".to_string()
    });
    let line = line.trim_end();
    RE.for_hay(line).is_match(line)
}

/// True when a line carries social-media markers (hashtags, mentions, short links).
pub fn looks_like_post_text(line: &str) -> bool {
    static RE: LazyRegex = LazyRegex::new(|| {
        r"(?:^|\s)[#@][\p{L}\p{N}_]{2,}|pic\.(?:twitter|x)\.com/|https?://t\.co/".to_string()
    });
    RE.for_hay(line).is_match(line)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn folds_mathematical_bold_and_emoji() {
        assert_eq!(
            fold_display_name("𝗡𝗶𝗼𝗵 𝗕𝗲𝗿𝗴 ♛ ✡︎").as_deref(),
            Some("Nioh Berg")
        );
        assert_eq!(fold_display_name("Reuters 🇺🇸").as_deref(), Some("Reuters"));
        assert_eq!(
            fold_display_name("Ḩalab News").as_deref(),
            Some("Ḩalab News")
        );
        assert_eq!(fold_display_name(" ♛ "), None);
    }

    #[test]
    fn parses_tweet_attribution() {
        let a = parse_tweet_attribution("— 𝗡𝗶𝗼𝗵 𝗕𝗲𝗿𝗴 ♛ ✡︎ (@NiohBerg) November 30, 2024").unwrap();
        assert_eq!(a.author.as_deref(), Some("Nioh Berg"));
        assert_eq!(a.handle.as_deref(), Some("@NiohBerg"));
        assert_eq!(a.date, Some(date(2024, 11, 30)));
        let b = parse_tweet_attribution("&mdash; Syria Monitor (@SyriaMon) Dec 1, 2024").unwrap();
        assert_eq!(b.author.as_deref(), Some("Syria Monitor"));
        assert_eq!(b.date, Some(date(2024, 12, 1)));
        let c = parse_tweet_attribution("- Jane Doe (@jane.bsky.social) 2 December 2024 at 10:15")
            .unwrap();
        assert_eq!(c.handle.as_deref(), Some("@jane.bsky.social"));
        assert_eq!(c.date, Some(date(2024, 12, 2)));
        assert!(parse_tweet_attribution("Jane Doe (@jane) November 30, 2024").is_none());
        assert!(parse_tweet_attribution(
            "- the group (@grp) said in a long statement that it had captured the town and the airport"
        )
        .is_none());
    }

    #[test]
    fn parses_shared_by() {
        let a =
            parse_shared_by("A post shared by BBC News (@bbcnews) on Nov 30, 2024 at 5:12am PST")
                .unwrap();
        assert_eq!(a.author.as_deref(), Some("BBC News"));
        assert_eq!(a.handle.as_deref(), Some("@bbcnews"));
        assert_eq!(a.date, Some(date(2024, 11, 30)));
        assert!(parse_shared_by("A post shared by").is_none());
    }

    #[test]
    fn tweet_links() {
        assert!(ends_with_tweet_link(
            "in grave danger. pic.twitter.com/YJRkJGlmKe"
        ));
        assert!(ends_with_tweet_link("wow https://t.co/abc123 "));
        assert!(!ends_with_tweet_link("see pic.twitter.com/abc for more."));
    }
}
