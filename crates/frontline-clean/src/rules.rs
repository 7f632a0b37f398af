//! Line rules: boilerplate, captions and credits, headlines.
//!
//! Each rule looks at one trimmed line. Rules are anchored and length-limited so that a
//! sentence of the article that merely mentions "subscribe" or "Reuters" is left alone.

use crate::rx::{LazyRegex, LazySet};

const SOCIAL: &str = r"facebook|twitter|x|whatsapp|telegram|linkedin|reddit|pinterest|messenger|e-?mail|print|copy(?: the)? link|flipboard|vk|bluesky|threads|instagram|youtube|tiktok|google news|sms";

static BOILERPLATE: LazySet = LazySet::new(|| {
    let social = SOCIAL;
    vec![
        // share-this
        r"(?i)^(?:you can |please |click to |tap to )?share (?:this|the|our|your) (?:story|article|post|page|video|report|link|news)\b".to_string(),
        r"(?i)^share (?:on|via|to|with|this)\b".to_string(),
        r"(?i)^(?:share|sharing|share this|share article|share story)\s*[:!]?$".to_string(),
        format!(r"(?i)^(?:share|tweet|post)\s+(?:on|to)\s+(?:{social})\b"),
        // lists of share buttons: "Facebook Twitter WhatsApp Email"
        format!(r"(?i)^(?:{social})(?:\s*[|,·•/]\s*|\s+)?(?:(?:{social})(?:\s*[|,·•/]\s*|\s+)?)*$"),
        // follow-us / join-us
        format!(r"(?i)^(?:please )?follow (?:us|@\w+|[\w.]+(?: [\w.]+){{0,3}} on (?:{social}))\b"),
        format!(r"(?i)^(?:like|join|find|follow) us (?:on|at)\s+(?:{social})\b"),
        r"(?i)^(?:join|follow|subscribe to) (?:our|the) .{0,60}\b(?:telegram|whatsapp|youtube|google news) (?:channel|group|page)\b".to_string(),
        // subscribe / newsletters / apps
        r"(?i)^subscribe\b".to_string(),
        r"(?i)^sign up\b.{0,80}\b(?:newsletter|updates|inbox|alerts|briefing|free)\b".to_string(),
        r"(?i)^(?:please )?(?:sign up|subscribe|get|receive|join)\b.{0,60}\bnewsletters?\b".to_string(),
        r"(?i)^.{0,40}\bnewsletters?\b.{0,60}\b(?:sign up|subscribe|inbox)\b".to_string(),
        r"(?i)^(?:download|get) (?:the|our) .{0,40}\bapps?\b".to_string(),
        r"(?i)^(?:support|donate to|help fund) (?:our|independent|quality) (?:journalism|reporting|work)\b".to_string(),
        r"(?i)^(?:if you (?:liked|enjoyed|value)|enjoyed) this (?:story|article|content)\b".to_string(),
        // read-more / related links
        r"(?i)^(?:read more|read also|also read|read next|more reading|see also|related|related (?:stories|articles|coverage|content|news|topics|reading|posts)|more on this(?: story| topic)?|recommended(?: for you| stories| reading)?|you (?:may|might) also like|most (?:read|popular|viewed)|trending(?: now)?|latest (?:news|stories)|more from [\w ]{1,30}|editor'?s picks?|watch more|more stories)\s*(?:[:\-–—»|>].*)?$".to_string(),
        // page furniture
        r"(?i)^(?:advertisement|advertising|sponsored(?: content)?|promoted(?: content)?|ad|paid content)$".to_string(),
        r"(?i)^(?:scroll (?:down )?to continue(?: reading)?|continue reading\b.{0,60}|skip to (?:main )?content|back to top|(?:toggle|open|close) (?:navigation|menu)|click here\b.{0,60}|loading(?:\.\.\.|…)?|please enable javascript\b.*)$".to_string(),
        r"(?i)^(?:listen to (?:this|the) (?:article|story)|listen)\b.{0,30}$".to_string(),
        r"(?i)^(?:report an error|report a correction|send us a tip|leave a comment|(?:\d+ )?comments?(?: \(\d+\))?|view comments|show comments|add a comment)$".to_string(),
        r"(?i)^(?:tags|topics|filed under|categories|keywords)\s*:".to_string(),
        r"(?i)\ball rights reserved\.?$".to_string(),
        r"(?i)^(?:copyright|©)\s*(?:©\s*)?(?:\d{4}|\w+).{0,80}$".to_string(),
        r"(?i)^(?:published|updated|last updated|posted|first published)(?: on| at)?\s*:?\s*(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun).{0,60}$".to_string(),
    ]
});

/// A line of page furniture: share/follow/subscribe prompts, cookie notices, "Read more:" links.
pub fn is_boilerplate(line: &str) -> bool {
    let line = line.trim();
    if line.is_empty() || line.chars().count() > 400 {
        return false;
    }
    if COOKIE.is_match(line) {
        return true;
    }
    line.chars().count() <= 200 && BOILERPLATE.is_match(line)
}

static COOKIE: LazySet = LazySet::new(|| {
    vec![
        r"(?i)\bcookies?\b.{0,200}\b(?:accept|consent|privacy|preferences|settings|policy|browsing experience|agree)\b".to_string(),
        r"(?i)\b(?:we use|this (?:web)?site uses|uses) cookies\b".to_string(),
    ]
});

/// "View this post on Instagram" and its kin, left over from embeds.
pub fn is_view_post_line(line: &str) -> bool {
    static RE: LazyRegex = LazyRegex::new(|| {
        r"(?i)^(?:view|see) (?:this|the full) (?:post|photo|video|reel|profile) on (?:instagram|x|twitter|telegram|facebook|tiktok|threads)$".to_string()
    });
    let line = line.trim();
    RE.for_hay(line).is_match(line)
}

/// News and photo agencies as credited in captions ("Photo: X/AFP") and datelines ("KABUL
/// (Reuters) -"): a regex alternation.
pub const AGENCY: &str = r"REUTERS|Reuters|AFP|AP|AP Photo|EPA|EPA-EFE|EFE|Anadolu(?: Agency)?|ANADOLU|AA|SANA|Xinhua|XINHUA|TASS|Sputnik|RIA Novosti|Getty Images|Getty|Shutterstock|Wikimedia Commons|Sipa|SIPA|NurPhoto|Hans Lucas|ABACA|dpa|DPA|IRNA|WANA|KUNA|WAFA|IANS|PTI|ANI|ANSA|Handout|HANDOUT|UPI|Bloomberg|Redux|Alamy|Pool|POOL";

static CAPTION: LazySet = LazySet::new(|| {
    vec![
        // "Photo: ...", "Image credit: ...", "File photo | ..."
        r"(?i)^(?:photo|image|picture|file photo|photograph|illustration|graphic|video|credit|image source|caption|photo credit|image credit|foto)s?\s*(?:credit)?\s*[:|]\s*\S".to_string(),
        r"(?i)^(?:photo|image|picture|photograph)s?\s+(?:by|courtesy(?: of)?)\s+\S.{0,120}$".to_string(),
        // "... (Photo: Omar Haj Kadour/AFP)", "... Photo by X/AFP via Getty Images"
        r"(?i)[(\[]\s*(?:photo|image|picture|credit|foto|photograph)s?\s*(?:by|:|credit:)\s*[^()\[\]]{1,100}[)\]]\.?$".to_string(),
        r"(?i)\b(?:photo|image|picture|credit)s?\s*(?:by|:)\s*[^()\n.]{1,80}/\s*[^()\n.]{1,60}$".to_string(),
        r"(?i)\bvia getty images\)?\.?$".to_string(),
        // "... REUTERS/Khalil Ashawi" (no sentence period after a photographer's name)
        format!(r"\b(?:{AGENCY})\s*/\s*(?:[A-Z][\p{{L}}'’\-]*\.?\s?){{1,5}}(?:via [A-Z][\w ]{{1,30}})?\)?$"),
        // "... / AFP", "© Reuters"
        format!(r"[/©]\s*(?:{AGENCY})\)?\.?$"),
        format!(r"^©\s*(?:[\p{{L}}\-'’.]+\s?){{1,6}}(?:/\s*(?:{AGENCY}))?$"),
        // "... on Saturday. (AFP)"
        format!(r"\((?:{AGENCY})(?: [Pp]hoto| [Pp]hotos| [Vv]ideo)?\)\.?$"),
        format!(r"^\(?(?:{AGENCY})(?: [Pp]hoto| [Vv]ideo)?\)?$"),
    ]
});

/// An image caption or credit line.
pub fn is_caption(line: &str) -> bool {
    let line = line.trim();
    if line.is_empty() || line.chars().count() > 300 {
        return false;
    }
    CAPTION.is_match(line)
}

/// The first line of an article is a headline when it is short, starts with a capital (or a
/// digit or quote), and ends without sentence punctuation.
pub fn looks_like_headline(line: &str) -> bool {
    let line = line.trim();
    let chars = line.chars().count();
    if !(4..=250).contains(&chars) {
        return false;
    }
    let words = line.split_whitespace().count();
    if words > 40 {
        return false;
    }
    let last = line
        .trim_end_matches(['"', '”', '’', '\'', ')', ']'])
        .chars()
        .last();
    if matches!(last, Some('.' | ',' | ';' | ':' | '-' | '–' | '—')) {
        return false;
    }
    match line.chars().find(|c| c.is_alphanumeric()) {
        Some(c) if c.is_lowercase() => false,
        Some(_) => !is_boilerplate(line) && !is_caption(line),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boilerplate_lines() {
        for l in [
            "You can share this story on social media:",
            "Share this article",
            "Share on Facebook",
            "Facebook Twitter WhatsApp Email",
            "Facebook | Twitter | Telegram",
            "Follow us on Telegram",
            "Follow RT on Telegram",
            "Subscribe to our newsletter",
            "Sign up for our daily briefing, free",
            "Read more: Syrian rebels enter Aleppo",
            "READ MORE: Russia strikes Idlib",
            "Related:",
            "Related stories",
            "Advertisement",
            "We use cookies to improve your browsing experience. By continuing you accept our cookie policy.",
            "© 2024 Reuters. All rights reserved.",
            "Tags: Syria, Aleppo",
            "Published: 30 Nov 2024 10:00",
            "Join our Telegram channel for updates",
        ] {
            assert!(is_boilerplate(l), "{l}");
        }
        for l in [
            "The army said it would subscribe to the ceasefire terms.",
            "Related clashes were reported in Hama, the monitor said.",
            "BEIRUT (Reuters) - Syrian rebels swept into Aleppo on Saturday.",
            "Residents shared videos of the fighting on Telegram, which could not be verified.",
            "Follow-up strikes hit the town on Sunday.",
            "Residents said they get news of the shelling from a local newsletter run by volunteers.",
        ] {
            assert!(!is_boilerplate(l), "{l}");
        }
    }

    #[test]
    fn caption_lines() {
        for l in [
            "Photo: Omar Haj Kadour/AFP",
            "Rebel fighters in Aleppo on November 30, 2024. REUTERS/Mahmoud Hassano",
            "Smoke rises over Idlib (Photo: Anadolu Agency)",
            "A fighter near the citadel. Photo by Rami al Sayed/AFP via Getty Images",
            "Fighters celebrate in Aleppo's main square (AFP)",
            "© AFP",
            "File photo | Syrian army soldiers",
        ] {
            assert!(is_caption(l), "{l}");
        }
        for l in [
            "BEIRUT (Reuters) - Syrian rebels swept into Aleppo on Saturday, sources told Reuters.",
            "ALEPPO (AFP) - Rebels seized most of the city.",
            "The agency reported the strikes, citing a Reuters/Ipsos poll.",
            "The Syrian military’s response to the attack was backed by Russian airstrikes.",
        ] {
            assert!(!is_caption(l), "{l}");
        }
    }

    #[test]
    fn headlines() {
        assert!(looks_like_headline(
            "An attack led by Hayat Tahrir-al-Sham has failed to establish permanent positions in Aleppo, the country’s General Command has said"
        ));
        assert!(looks_like_headline("Why did Aleppo fall so quickly?"));
        assert!(!looks_like_headline(
            "The Syrian military said on Saturday that it had lost dozens."
        ));
        assert!(!looks_like_headline("by our correspondent"));
        assert!(!looks_like_headline("Share this article"));
    }
}
