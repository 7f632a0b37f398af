//! Stage 4: attribution — who claims what.
//!
//! Every sentence that reports an attributed statement ("X said", "according to X",
//! "X acknowledged that …") becomes a claim of X; pronouns and anaphors ("It said", "the
//! statement added", "The Command added") continue the previous claimant. Embedded social
//! posts are claims of their author. Sentences in the reporter's own voice that carry an
//! event trigger or a figure become claims of the reporter. Each claim keeps its hedge
//! ("unverified", "reportedly", "alleged", "claimed") and the figures it gives.

use crate::Analysis;
use frontline_model::{Claim, ClaimantType, Document, Figure, Quantity, RemovedReason, Span};
use regex::Regex;
use std::sync::OnceLock;

const REPORT_VERBS: &str = "said|says|stated|states|told|tells|added|adds|admitted|admits|acknowledged|acknowledges|\
claimed|claims|reported|reports|announced|announces|confirmed|confirms|alleged|alleges|denied|denies|insisted|\
noted|warned|accused|accuses|explained|wrote|posted|tweeted|declared|revealed|asserted|estimated|estimates";

/// True for a reporting verb ("said", "acknowledged", ...).
pub fn is_report_verb(word: &str) -> bool {
    REPORT_VERBS.split('|').any(|v| v == word)
}

/// Compiles once, with ASCII word boundaries (`frontline_ascii::ascii_word_boundaries`: these
/// patterns match English words, and a Unicode `\b` is slow on any non-ASCII text).
fn re(cell: &'static OnceLock<Regex>, pat: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(&frontline_ascii::ascii_word_boundaries(pat)).expect("valid regex"))
}

/// The same, without Unicode mode (ASCII `\w`, ASCII case folding): far cheaper to build for
/// the long alternations of victim nouns. The pattern must be ASCII and hold no negated class.
/// Its text is built by `pat` only the first time (these patterns are formatted from long
/// lists: formatting them on every call was work on every casualty sentence).
fn re_ascii(cell: &'static OnceLock<Regex>, pat: impl FnOnce() -> String) -> &'static Regex {
    cell.get_or_init(|| regex::RegexBuilder::new(&pat()).unicode(false).build().expect("valid ASCII regex"))
}

/// `re` for a pattern built from parts (the long victim-noun alternations): built only the
/// first time, not on every call.
fn re_built(cell: &'static OnceLock<Regex>, pat: impl FnOnce() -> String) -> &'static Regex {
    cell.get_or_init(|| Regex::new(&frontline_ascii::ascii_word_boundaries(&pat())).expect("valid regex"))
}

fn verb_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re_built(&R, || format!(r"\b(?:{REPORT_VERBS})\b"))
}

fn according_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, r"(?i)\b(?:according to|citing|cited by|quoted by)\s+([^,.;:“”]+)(,\s*(?:the\s+|a\s+)?(?:deputy |former |acting |chief |top |senior |local )?(?:head|chief|spokes\w+|director|minister|commander|official|member|leader|governor|president|representative|secretary|general|adviser|advisor|mayor|officer)\b[^,.;“”]*)?")
}

fn hedge_of(text: &str, verb: Option<&str>) -> Option<String> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = re(
        &R,
        r"(?i)\b(unverified|unconfirmed|could not (?:be )?(?:independently )?verif\w*|cannot (?:be )?(?:independently )?verif\w*|not (?:been )?(?:independently )?verified|allegedly|alleged|reportedly|purportedly|purported|appears? to show|appeared to show|claimed|claiming|rumou?red)\b",
    );
    let h = r.find(text).map(|m| {
        let w = m.as_str().to_lowercase();
        match w.as_str() {
            "allegedly" | "alleged" => "alleged",
            "reportedly" => "reportedly",
            "purportedly" | "purported" => "purportedly",
            "claimed" | "claiming" => "claimed",
            "rumored" | "rumoured" => "rumoured",
            _ => "unverified",
        }
        .to_string()
    });
    h.or_else(|| match verb {
        Some("claimed" | "claims" | "alleged" | "alleges") => Some("claimed".into()),
        _ => None,
    })
}

/// The type of a claimant, from its words.
pub fn claimant_type(claimant: &str, is_party: bool) -> ClaimantType {
    static MON: OnceLock<Regex> = OnceLock::new();
    static MED: OnceLock<Regex> = OnceLock::new();
    static OFF: OnceLock<Regex> = OnceLock::new();
    let monitor = re(&MON, r"(?i)\b(observatory|monitor\w*|doctors|medics|medical|hospital|paramedics|united nations|UN|OCHA|UNHCR|UNICEF|WHO|human rights watch|amnesty|ACLED|OSCE|SMM|red cross|red crescent|ICRC|MSF|doctors without borders|NGO|rights group|watchdog|airwars|human rights|humanitarian)\b");
    let media = re(&MED, r"(?i)\b(media|news|agency|TV|television|newspaper|radio|outlet|channel|journalist|correspondent|reporter|SANA|Reuters|AFP|AP|Associated Press|Al Jazeera|BBC|CNN|TASS|RIA|Interfax|Xinhua|Anadolu|IRNA)\b");
    let official = re(&OFF, r"(?i)\b(command|ministry|minister|government|army|military|police|spokes\w+|official|officials|authorities|authority|governor|president|prime minister|defen[cs]e|forces|reconciliation cent(?:er|re)|kremlin|pentagon|white house|state department|embassy|ambassador|general staff|commander|mayor|presidency|administration|cabinet|parliament|council|prosecutor|interior|office)\b");
    if monitor.is_match(claimant) {
        ClaimantType::Monitor
    } else if is_party {
        ClaimantType::Party
    } else if official.is_match(claimant) {
        ClaimantType::Official
    } else if media.is_match(claimant) {
        ClaimantType::Media
    } else {
        ClaimantType::Unknown
    }
}

fn is_anaphor(np: &str) -> bool {
    let l = np.to_lowercase();
    matches!(l.as_str(), "it" | "he" | "she" | "they" | "the statement" | "the report" | "a statement" | "the spokesman" | "the spokesperson" | "the ministry" | "the command" | "the army" | "the military" | "the official" | "officials" | "the source" | "the sources")
}

/// Normalises a claimant noun phrase: drops a leading article, replaces "the country's"
/// with the article country's demonym.
fn normalise_claimant(np: &str, country: Option<&str>) -> String {
    let mut s = np.trim().trim_matches(|c: char| c == ',' || c == '“' || c == '”' || c == '"').trim().to_string();
    for art in ["the ", "The "] {
        if let Some(r) = s.strip_prefix(art) {
            s = r.to_string();
        }
    }
    for poss in ["country’s ", "country's ", "nation’s ", "nation's "] {
        if let Some(r) = s.strip_prefix(poss) {
            let dem = country
                .and_then(|c| frontline_actors::countries().by_iso2(c))
                .and_then(|c| c.demonyms.first().cloned());
            s = match dem {
                Some(d) => format!("{d} {r}"),
                None => r.to_string(),
            };
        }
    }
    s
}

/// Whether "NP VERB" is followed by the claimant's own deed: "said on Sunday they had taken",
/// "acknowledged that one of its units had", "said its fighters captured".
fn own_act(sent: &str, np: &str, verb: &str) -> bool {
    let Some(at) = sent.find(np) else { return false };
    let rest = &sent[at + np.len()..];
    let Some(v) = rest.find(verb) else { return false };
    let words: Vec<String> = rest[v + verb.len()..]
        .split_whitespace()
        .take(9)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .collect();
    // past "on Sunday", "late on Tuesday", "that"
    let mut i = 0;
    while i < words.len() {
        match words[i].as_str() {
            "late" | "early" | "that" | "earlier" | "also" | "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" | "today" | "yesterday" => i += 1,
            "on" | "in" if i + 1 < words.len() => i += 2,
            _ => break,
        }
    }
    let w = |k: usize| words.get(i + k).map(String::as_str).unwrap_or("");
    let unit = |x: &str| matches!(x, "forces" | "fighters" | "troops" | "units" | "unit" | "members" | "men" | "militants" | "combatants" | "soldiers");
    match w(0) {
        "it" | "they" | "we" => {
            matches!(w(1), "had" | "have" | "has")
                // "Wagner said Friday it was leaving Mali": what the group does with itself
                || matches!(w(1), "was" | "were" | "is" | "are" | "would" | "will")
                    && matches!(w(2), "leaving" | "withdrawing" | "pulling" | "ending" | "dissolving" | "disbanding" | "quitting" | "suspending" | "joining" | "merging" | "leave" | "withdraw" | "end" | "dissolve" | "disband" | "suspend")
        }
        "its" | "their" | "our" => unit(w(1)),
        "one" => w(1) == "of" && matches!(w(2), "its" | "their") && unit(w(3)),
        _ => false,
    }
}

/// Finds "X said" / "said X" / "according to X" in one sentence: (claimant phrase, verb).
fn find_attribution(sent: &str) -> Option<(String, String)> {
    if let Some(c) = according_re().captures(sent) {
        let mut who = c[1].trim().to_string();
        if let Some(app) = c.get(2) {
            who.push_str(app.as_str().trim_end());
        }
        return Some((who, "according to".into()));
    }
    for m in verb_re().find_iter(sent) {
        let left = &sent[..m.start()];
        let mut words: Vec<&str> = left.split_whitespace().collect();
        // "the junta announced its withdrawal from the G5 Sahel", "two factions announced a
        // merger": the announcement is the act reported, and its maker the actor, not a source.
        if matches!(m.as_str().to_lowercase().as_str(), "announced" | "announces" | "declared") {
            // ("declared a six-month nationwide state of emergency": modifiers may come between)
            let next: Vec<String> = sent[m.end()..].split_whitespace().take(5).map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()).collect();
            let det = next.first().is_some_and(|w| matches!(w.as_str(), "its" | "a" | "an" | "the" | "their" | "his" | "her" | "new"));
            let act = next.iter().skip(1).take(4).any(|w| {
                matches!(
                    w.as_str(),
                    "withdrawal" | "merger" | "formation" | "creation" | "curfew" | "ban" | "suspension" | "dissolution" | "launch" | "deployment" | "mobilisation"
                        | "mobilization" | "closure" | "ceasefire" | "truce" | "establishment" | "lockdown" | "reopening" | "resumption" | "appointment"
                        | "recruitment" | "restructuring" | "split" | "alliance" | "boycott" | "exit" | "departure" | "disbandment" | "integration" | "surrender"
                        | "general" | "state" | "blockade" | "siege" | "halt" | "end" | "suspending"
                )
            });
            if det && act {
                continue;
            }
        }
        // "two men accused of drinking alcohol": a participle, not someone accusing.
        if m.as_str().to_lowercase().starts_with("accused") && sent[m.end()..].trim_start().starts_with("of ") {
            continue;
        }
        // Passive "were reported", "was claimed": not an attribution.
        if words.last().is_some_and(|w| matches!(w.to_lowercase().as_str(), "was" | "were" | "been" | "be" | "is" | "are" | "being")) {
            continue;
        }
        while words.last().is_some_and(|w| matches!(w.to_lowercase().as_str(), "has" | "had" | "have" | "also" | "further" | "later" | "then" | "previously" | "earlier")) {
            words.pop();
        }
        // The noun phrase back to the last clause boundary.
        let mut np = Vec::new();
        for w in words.iter().rev() {
            // (a dateline's dash or agency ends it too: "KABUL, May 4 (Reuters) - Officials said")
            let boundary = w.ends_with(',') || w.ends_with('”') || w.ends_with('"') || w.ends_with('.') || w.ends_with(':') || w.ends_with(')') || matches!(*w, "-" | "—" | "–" | "--");
            if boundary {
                break;
            }
            np.push(*w);
            if np.len() > 9 {
                break;
            }
            if matches!(w.to_lowercase().as_str(), "that" | "which" | "who" | "as" | "and" | "but") {
                np.pop();
                break;
            }
        }
        np.reverse();
        let np = np.join(" ");
        let starts_ok = np.chars().next().is_some_and(|c| c.is_uppercase())
            || np.starts_with("the ")
            || np.starts_with("it")
            || np.starts_with("its ")
            || np.starts_with("he")
            || np.starts_with("she")
            || np.starts_with("they")
            || np.starts_with("local ")
            || np.starts_with("officials")
            // Bare plural sources closing a wire sentence: ", police said", ", witnesses told AFP".
            || matches!(
                np.split_whitespace().next().unwrap_or(""),
                "police" | "witnesses" | "residents" | "sources" | "authorities" | "medics" | "doctors" | "activists" | "rescuers"
                    | "health" | "hospital" | "military" | "security" | "state" | "government" | "army" | "villagers" | "relatives"
                    | "locals" | "survivors" | "monitors" | "media" | "officers" | "paramedics" | "organisers" | "organizers" | "rebels"
                    | "traders" | "farmers" | "elders" | "officials" | "analysts" | "diplomats" | "aid" | "humanitarian" | "rights" | "lawmakers"
                    | "teachers" | "students" | "workers" | "shopkeepers" | "merchants" | "journalists" | "observers" | "experts" | "families"
            );
        if !np.is_empty() && starts_ok && np.split_whitespace().count() <= 9 {
            return Some((np, m.as_str().to_string()));
        }
        // Inverted: "…,” said the ministry." / "…, said Ahmed Ali, a spokesman."
        if np.is_empty() {
            let right = &sent[m.end()..];
            let who: String = right
                .trim_start()
                .split(|c| c == ',' || c == '.' || c == ';')
                .next()
                .unwrap_or("")
                .trim()
                .to_string();
            if !who.is_empty() && who.split_whitespace().count() <= 8 && !who.starts_with("that") {
                return Some((who, m.as_str().to_string()));
            }
        }
    }
    None
}

/// "The claim could not be independently verified." — a note on the previous claim.
fn verification_note(sent: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, r"(?i)\b(?:could not|cannot|can't|couldn't|has not|have not|had not|were not|was not|is not|are not)\s+(?:be\s+|been\s+)?(?:independently\s+|immediately\s+)?(?:verif|confirm)").is_match(sent)
}

fn social_media_content(sent: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, r"(?i)\b(videos?|footage|images|photos|pictures|clips?|posts?)\b[^.]{0,40}\b(social media|online|telegram|twitter|x\.com|facebook|tiktok|youtube)\b").is_match(sent)
}

/// Kind words that make a number a figure.
fn kind_of(word: &str) -> Option<&'static str> {
    let w = word.to_lowercase();
    Some(match w.as_str() {
        "killed" | "kill" | "killing" | "dead" | "died" | "deaths" | "death" | "fatalities" | "fatality" | "eliminated" | "eliminating"
        | "neutralized" | "neutralised" | "lives" | "bodies" | "massacred" | "executed" | "slain" | "murdered" => "killed",
        "wounded" | "wounding" | "injured" | "injuring" | "injuries" | "hurt" | "casualties" => "wounded",
        "abducted" | "abducting" | "kidnapped" | "kidnapping" | "hostages" => "abducted",
        "arrested" | "arresting" | "detained" | "detaining" | "arrests" => "arrested",
        "displaced" | "fled" => "displaced",
        "captured" | "capturing" => "captured",
        _ => return None,
    })
}

fn is_person_unit(q: &Quantity) -> bool {
    q.unit.is_none()
}

/// True when a sentence has a word stem any figure kind needs (lower-case ASCII scan).
fn casualty_words(sent: &str) -> bool {
    const STEMS: &[&str] = &[
        "kill", "dead", "die", "death", "fatal", "eliminat", "neutrali", "live", "bod", "massacr", "execut", "slain",
        "murder", "wound", "injur", "hurt", "casualt", "abduct", "kidnap", "hostage", "arrest", "detain", "displace",
        "fled", "captur", "toll", "shot", "corpse", "beaten", "beheaded", "lynch", "succumb", "thrown", "assassinat",
        "human head", "male head", "severed head", "heads were", "human remains", "gunned", "martyr",
    ];
    let l = sent.to_ascii_lowercase();
    STEMS.iter().any(|w| l.contains(w))
}

/// One person killed, told without a number: "a soldier was shot dead", "gunmen shot dead an
/// off-duty police constable", "stabbed a man to death", "beat to death a mentally ill man".
fn single_victim_pattern() -> String {
    // (who can be a victim)
    // (ways of killing "to death", alone or joined: "stoned and stabbed to death")
    const TO_DEATH: &str = "stabbed|beaten|beat|hacked|stoned|burned|burnt|tortured|clubbed|strangled|shot|kicked|bludgeoned|lynched";
    let joined = format!(r"(?:(?:{TO_DEATH})\s+and\s+)?(?:{TO_DEATH})");
    let alternatives = [
        // "a soldier was shot dead", "a man was stoned and stabbed to death"
        format!(r"\b(?:a|an|one|the)\s+(?:[\w’'\-]+\s+){{0,4}}?({VICTIM_NOUNS})(?:'s body)?(?:\s+(?:for|of|from)\s+(?:the\s+)?(?:[A-Za-z’'\-]+\s+){{0,2}}?[A-Za-z’'\-]+)?\s+(?:was\s+|has been\s+|had been\s+|were\s+)?(?:reportedly\s+|allegedly\s+|later\s+)?(?:shot dead|killed|murdered|beheaded|found dead|found killed|assassinated|executed|lynched|burned alive|shot and killed|gunned down|died|succumbed|attacked and beaten to death|thrown|found beheaded|found shot dead|found murdered|{joined}\s+to death)\b"),
        // "gunmen shot dead an off-duty police constable", "beat to death a mentally ill man",
        // "police shot dead 17-year-old student Kian Delos Santos"
        format!(r"\b(?:killed|killing|murdered|executed|assassinated|assassinating|shot dead|shot and killed|gunned down|fatally shot|fatally stabbed|fatally wounded|lynched|{joined}\s+to death)\s+(?:(?:by\s+(?:a\s+)?firing\s+squad|in\s+cold\s+blood|at\s+close\s+range|on\s+the\s+spot)\s+)?(?:(?:a|an|one|the)\s+|\d{{1,3}}-year-old\s+)(?:[\w’'\-]+\s+){{0,4}}?({VICTIM_NOUNS})\b"),
        // "stabbed a man to death", "tortured a Lakesinpyin villager to death"
        format!(r"\b{joined}\s+(?:a|an|one)\s+(?:[\w’'\-]+\s+){{0,4}}?(?:{VICTIM_NOUNS})\s+to death\b"),
        // "one of the men was killed", "killing one of the attackers" ("one of the" is no count)
        r"\bone of (?:the|them|those|their|its|his)\b(?:\s+[\w’'\-]+){0,3}?\s+(?:(?:was|has been|had been|later)\s+)?(?:reportedly\s+|allegedly\s+|later\s+)?(?:shot dead|killed|murdered|executed|died|succumbed|lynched)\b|\b(?:killed|killing|shot dead|shooting dead)\s+one of (?:the|them|those|their|its|his)\b".to_string(),
        r"\b(?:a|an|the)\s+(?:[\w’'\-]+\s+){0,2}?(?:dead body|body|corpse)\b[^.]{0,80}\bwas (?:found|discovered|recovered)|\bthe killing of (?:a|an|one)\b|\ba dead (?:man|woman|body)\b".to_string(),
    ];
    format!("(?i){}", alternatives.join("|"))
}

/// One victim named by a role and a capitalised name, with no article: "gunmen shot dead
/// presidential candidate Fernando Villavicencio", "Student Abu Sayed was shot dead". (Compiled
/// without Unicode, and tried only after the main pattern: its name classes are ASCII.)
fn titled_victim_pattern() -> String {
    let name = r"(?-i:[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+){0,3})";
    [
        format!(r"(?i)\b(?:killed|killing|murdered|assassinated|assassinating|shot dead|shot and killed|gunned down|fatally shot|lynched)\s+(?:[a-z'-]+\s+)?({VICTIM_NOUNS})\s+{name}\b"),
        format!(r"\b({VICTIM_NOUNS})\s+{name}\s+(?:was|has been|had been)\s+(?:reportedly\s+|allegedly\s+|later\s+)?(?:shot dead|killed|murdered|assassinated|gunned down|lynched|beaten to death|stabbed to death)\b"),
    ]
    .join("|")
}

/// One victim told in ways the main pattern does not hold, tried only where its words occur:
/// "caught a man ..., beat him to death", "shot her dead", "resulting in the death of a local
/// man", "a human head was found", "leaving the driver dead".
const SINGLE_EXTRA: &str = r"(?i)\b(?:stabbed|beaten|beat|hacked|stoned|burned|burnt|tortured|clubbed|strangled|kicked|bludgeoned|lynched)\s+(?:him|her)\s+to death\b|\b(?:killed|killing|murdered|lynched|executed)\s+(?:him|her)\b|\bshot\s+(?:him|her)\s+dead\b|\b(?:resulting\s+in|resulted\s+in|leading\s+to|led\s+to|causing|caused)\s+(?:the\s+)?death\s+of\s+(?:a|an|one)\b|\b(?:a|one)\s+(?:human|male|female|severed)\s+head\b|\bleaving\s+(?:a|an|the|one)\s+(?:[a-z’'\-]+\s+){0,2}?[a-z’'\-]+\s+dead\b|\b(?:he|she)\s+(?:later\s+|subsequently\s+)?(?:died|succumbed)\b";

/// Deaths told as such without a count: "incurring fatalities", "both sides suffered
/// fatalities", "killing and injuring a number of fighters", "killed an unknown number of".
const UNNUMBERED_PATTERN: &str = r"(?i)\b(?:incurring|incurred|incurs|suffered|suffering|suffer|causing|caused|resulting\s+in|resulted\s+in|leading\s+to|led\s+to|inflicting|inflicted)\s+(?:some\s+|several\s+|heavy\s+|many\s+|unspecified\s+|unknown\s+)?(?:fatalities|deaths)\b|\b(?:killing|killed|kill)\s+and\s+(?:injuring|wounding|injured|wounded|injure|wound)\s+(?:a\s+number\s+of|an\s+unknown\s+number\s+of|an\s+unspecified\s+number\s+of|several|some|many|a\s+group\s+of|scores\s+of)\b|\b(?:killing|killed|kill)\s+(?:an\s+unknown|an\s+unspecified|an\s+undetermined|an\s+undisclosed)\s+number\s+of\b";

/// ", including five children," / ", most of them women," / " (two of them children)": an
/// apposition between a count and its verb.
fn apposition_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, r"^([^,.;()]*?)(,\s+(?:including|among them|among whom|most of them|many of them|mostly|all of them|some of them|mainly)\b[^,.;()]{1,60},|\s*\([^()]{1,60}\)|,\s+(?:reportedly|allegedly|believed|said|suspected|thought|described)\b[^,.;()]{1,60},)")
}

/// One person joined by "and" and a determiner to a count of the dead, the noun phrase ending
/// the clause ("... and the civilian driver.", "... and a BSF soldier,").
static AND_ONE: OnceLock<Regex> = OnceLock::new();
/// "killing 15 commandos and the civilian driver", "killing two police officers and a
/// motorcyclist who was passing": one more victim joined to a count by a determiner.
fn and_one_pattern() -> String {
    format!(r"^\s+and\s+((?:a|an|one|the|their|his|her|its)\s+(?:[\w'-]+\s+){{0,2}}?(?:{VICTIM_NOUNS}|bodyguard|bystander|cleric))(?:\s*[,.;]|\s*$|\s+(?:in|on|at|near|during|while|when|as|who|whose|that)\b)")
}

/// Who can be a victim, as a regex alternation (one person: "a soldier", "an unarmed 19-year-old").
const VICTIM_NOUNS: &str = "man|woman|boy|girl|child|person|individual|civilian|soldier|policeman|policewoman|police officer|officer|constable|jawan|gendarme|sergeant|ranger|member|fighter|militant|militiaman|tribesman|journalist|reporter|teacher|schoolteacher|headmaster|farmer|student|resident|villager|trader|driver|leader|official|activist|commander|herder|worker|doctor|youth|teenager|adolescent|victim|trafficker|dealer|suspect|guard|musician|miner|merchant|businessman|employee|pastor|priest|imam|chief|sarpanch|councillor|candidate|inspector|cadre|engineer|inmate|prisoner|detainee|owner|shopkeeper|vendor|nurse|lawyer|judge|elder|cleric|sheikh|monk|mayor|politician|councilor|lawmaker|legislator|governor|pilot|photographer|boatman|fisherman|shepherd|labourer|laborer|mechanic|contractor|informant|informer|collaborator|spy|refugee|migrant|pilgrim|worshipper|lecturer|principal|headman|landlord|tenant|relative|brother|sister|son|daughter|husband|wife|father|mother|nephew|cousin|classmate|colleague|neighbour|neighbor|friend|passenger|customer|tourist|broadcaster|presenter|blogger|editor|columnist|operative|combatant|insurgent|rebel|guerrilla|guerilla|jihadist|gunman|trooper|marine|paramilitary|attacker|assailant|bandit|smuggler|vigilante|tapper|porter|guide|hunter|woodcutter|preacher|chairman|secretary|volunteer|physician|surgeon|pharmacist|professor|clerk|motorcyclist|rider|cyclist|pedestrian|passer-by|passerby|seller|patrolman|agent|toddler|infant|baby|newborn|schoolboy|schoolgirl|pensioner|widow|grandmother|grandfather|captain|lieutenant|colonel|corporal|brigadier|commandant|warlord|kingpin|chieftain|deputy|sheriff|\\d+-year-old";

/// Figures in one sentence: numbers tied to killed/wounded/... words, and unnumbered
/// deaths by ACLED's convention.
pub fn figures(text: &str, sent: Span, quantities: &[Quantity]) -> Vec<Figure> {
    static RIGHT: OnceLock<Regex> = OnceLock::new();
    static RIGHT_AND: OnceLock<Regex> = OnceLock::new();
    static LEFT: OnceLock<Regex> = OnceLock::new();
    static SINGLE: OnceLock<Regex> = OnceLock::new();
    static TOLL_ROSE: OnceLock<Regex> = OnceLock::new();
    static PLURAL: OnceLock<Regex> = OnceLock::new();
    static BOTH: OnceLock<Regex> = OnceLock::new();
    static UNNUMBERED: OnceLock<Regex> = OnceLock::new();
    static SINGLE2: OnceLock<Regex> = OnceLock::new();
    static TITLED: OnceLock<Regex> = OnceLock::new();
    static DEATH_LEFT: OnceLock<Regex> = OnceLock::new();
    static DEATH_RIGHT: OnceLock<Regex> = OnceLock::new();
    let right = re(
        &RIGHT,
        r"^\s*(?:of\s+)?((?:[\w’'\-]+\s+){0,7}?)(?:(?:were|was|have been|has been|had been|are|got|being|been|reportedly|also|later|all)\s+){0,3}(killed|dead|died|deaths|fatalities|fatality|eliminated|neutralized|neutralised|wounded|injured|hurt|injuries|abducted|kidnapped|arrested|detained|displaced|captured|slain|executed|massacred|murdered|lost their lives|martyred|bodies|(?:shot|stabbed|beaten|hacked|stoned|burned|burnt|tortured|clubbed|strangled|lynched) to death)\b",
    );
    let left = re(
        &LEFT,
        r#"(?i)\b(shot dead|shot and killed|shot to death|gunned down|beheaded|lynched|stabbed to death|hacked to death|beaten to death|beat to death|burned alive|slaughtered|assassinated|killed|killing|kill|eliminated|eliminating|neutralized|neutralised|wounded|wounding|injured|injuring|abducted|abducting|kidnapped|kidnapping|arrested|arresting|detained|detaining|captured|capturing|executed|massacred|murdered|lives of|death toll (?:rose |climbed |reached |stood at |stands at )?(?:to |at )?|toll of|leaving|left)['’"”]?\s+(?:"|“)?(?:at least\s+|about\s+|around\s+|some\s+|nearly\s+|approximately\s+|more than\s+|over\s+|up to\s+|an estimated\s+)?$"#,
    );
    let st = sent.text(text);
    let mut out: Vec<Figure> = Vec::new();
    // Cheap gate: no casualty, capture or displacement word, no figure.
    if !casualty_words(st) {
        return out;
    }
    // the kind and end of the last figure, for a count coordinated with it ("killed two
    // soldiers and three militants")
    let mut last: Option<(&'static str, usize)> = None;
    for q in quantities.iter().filter(|q| sent.contains(q.span) && is_person_unit(q)) {
        let after = &text[q.span.end..sent.end];
        let before = &text[sent.start..q.span.start];
        // An age is no count: "two brothers aged 17 and 19", "aged between 20 and 25".
        // (read only where "age" stands just before: no allocation on other counts)
        let from = (before.len().saturating_sub(24)..before.len()).find(|&i| before.is_char_boundary(i)).unwrap_or(before.len());
        if before[from..].contains("age") {
            let w = crate::events::words_before(before, before.len(), 4);
            let aged = |x: &String| matches!(x.as_str(), "aged" | "ages" | "age");
            if w.first().is_some_and(aged) || (w.first().is_some_and(|x| matches!(x.as_str(), "and" | "to" | "between")) && w.iter().skip(1).take(3).any(aged)) {
                continue;
            }
        }
        let mut found = None;
        // A kind word right before the number ("killed 1 resident and injured another")
        // binds tighter than one after it. ("leaving 5 dead": the kind follows the number; "left
        // two soldiers and three militants dead": it follows the list, read below.)
        // ("the death toll from the attack on a market rose to 16": only in a sentence with a toll)
        let toll_rose = st.contains("toll")
            && re(&TOLL_ROSE, r"(?i)\btoll\b[^.;]{0,160}?\b(?:rose|climbed|reached|risen|jumped|increased)\s+(?:to\s+)?(?:at least\s+|about\s+|more than\s+|over\s+)?$").is_match(before);
        let left_kind = if toll_rose { Some("killed") } else { None }.or_else(|| left.captures(before).and_then(|c| {
            let w = c.get(1).unwrap().as_str();
            if w.starts_with("death toll") || w.starts_with("toll") || w == "lives of" {
                Some("killed")
            } else if w == "leaving" || w == "left" {
                let next = after.split_whitespace().next().unwrap_or("");
                kind_of(next.trim_matches(|c: char| !c.is_alphanumeric()))
            } else {
                Some(kind_of(w).unwrap_or("killed"))
            }
        }));
        // "hacked and shot at least 40 villagers to death": a way of killing, the count, then
        // "to death".
        let left_kind = left_kind.or_else(|| {
            (after.contains("to death") && re(&DEATH_LEFT, r"(?i)\b(?:shot|stabbed|hacked|beat|beaten|stoned|burned|burnt|clubbed|tortured|bludgeoned|strangled|macheted)\s+(?:at least\s+|about\s+|around\s+|some\s+|nearly\s+|more than\s+|over\s+)?$").is_match(before)
                && re(&DEATH_RIGHT, r"^\s*(?:[\w’'\-]+\s+){0,3}?to death\b").is_match(after))
            .then_some("killed")
        });
        // "killed two soldiers and three militants", "killed himself and 12 worshippers": a
        // count joined to the last figure (or to "himself") by "and" takes its kind.
        let joined_kind = || -> Option<&'static str> {
            let tail = before.trim_end();
            let head = tail.strip_suffix(" and").or_else(|| tail.strip_suffix(','))?;
            if let Some((k, end)) = last.filter(|&(_, end)| end <= sent.start + head.len()) {
                let between = &text[end..sent.start + head.len()];
                // (nothing but the last figure's own subject between: "two soldiers| and three")
                if between.trim().is_empty() {
                    return Some(k);
                }
            }
            let lower = head.to_ascii_lowercase();
            ["killed himself", "killing himself", "blew himself up", "killed themselves", "killing themselves"].iter().any(|w| lower.ends_with(w)).then_some("killed")
        };
        if let Some(kind) = left_kind.or_else(joined_kind) {
            let subject: String = after
                .split(|c: char| c == ',' || c == '.' || c == ';')
                .next()
                .unwrap_or("")
                .split_whitespace()
                .take_while(|w| !matches!(*w, "in" | "on" | "at" | "and" | "over" | "during" | "near" | "after" | "when" | "while" | "including" | "dead" | "from"))
                .take(5)
                .collect::<Vec<_>>()
                .join(" ");
            found = Some((kind, subject));
        }
        // ("abducted by four men and stabbed to death": a count after "by" is the agents)
        let agents = before.trim_end().to_ascii_lowercase().ends_with(" by");
        // "At least 15 Security Belt fighters and 6 militants were killed", "12 soldiers and an
        // unknown number of assailants were killed": a count coordinated with another before
        // the kind word shares it (its own words a bare noun phrase, no verb).
        let right_and = re(
            &RIGHT_AND,
            r"^\s*((?:[\w’'\-]+\s+){1,3}?)and\s+(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|an\s+unknown\s+number\s+of|an\s+unspecified\s+number\s+of|several|some|dozens\s+of)\s+(?:[\w’'\-]+\s+){0,3}?(?:(?:were|have been|had been|reportedly|also|later|all)\s+){1,3}(killed|dead|died|slain)\b",
        );
        // (only where the count is joined to another: most are not)
        let joined = found.is_none() && !agents && after.get(..after.len().min(60)).unwrap_or(after).contains(" and ");
        let coordinated = joined.then(|| right_and.captures(after)).flatten().filter(|c| {
            c.get(1).unwrap().as_str().split_whitespace().all(|w| {
                let w = w.to_ascii_lowercase();
                !(w.ends_with("ed") || matches!(w.as_str(), "was" | "were" | "to" | "and" | "who" | "which" | "that" | "fled" | "managed"))
            })
        });
        if let (None, false, Some(c)) = (&found, agents, coordinated) {
            let subject = c.get(1).unwrap().as_str().trim().to_string();
            found = Some(("killed", subject));
        }
        if found.is_none() && !agents {
            // "12 people, including five children, were killed": the apposition between the count
            // and its verb is skipped (a copy with it blanked out; the subject before it is kept).
            let after_owned;
            let head = after.get(..after.len().min(100)).unwrap_or(after);
            let after_right: &str = match head.contains([',', '(']).then(|| apposition_re().captures(after)).flatten() {
                Some(c) if c[1].len() <= 60 => {
                    let m = c.get(2).expect("the apposition");
                    after_owned = format!("{} {}", &after[..m.start()], &after[m.end()..]);
                    &after_owned
                }
                _ => after,
            };
            // (a subject of six words or more is a noun phrase only, no verb or clause in it: not
            // "two armed men driving a motorcycle shot and killed", "Three suspects managed to flee
            // and one was killed"; but "suspected members of the New People's Army were killed")
            let noun_phrase = |subject: &str| {
                let words: Vec<String> = subject.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase()).collect();
                words.len() <= 5
                    || words.iter().all(|w| {
                        !matches!(w.as_str(), "and" | "or" | "who" | "which" | "that" | "to" | "with" | "in" | "at" | "on" | "by" | "after" | "when" | "while" | "was" | "were" | "had" | "have" | "has" | "them" | "him" | "her" | "shot")
                            && (!(w.ends_with("ed") || w.ends_with("ing")) || matches!(w.as_str(), "suspected" | "alleged" | "armed" | "including" | "unidentified" | "affiliated" | "linked" | "united"))
                    })
            };
            // ("destroyed five hideouts and killed 7 militants": a count of things joined to an
            // active "and killed" is not the dead's)
            let active_and = |c: &regex::Captures| {
                let (subj, kind) = (c.get(1).unwrap(), c.get(2).unwrap());
                let words: Vec<&str> = subj.as_str().split_whitespace().collect();
                // (not a passive "was shot and killed": the count is its subject)
                words.last() == Some(&"and")
                    && words.len() >= 2
                    && !words.iter().any(|w| matches!(*w, "was" | "were" | "been" | "is" | "are" | "being"))
                    && after_right[subj.end()..kind.start()].trim().is_empty()
            };
            if let Some(c) = right.captures(after_right).filter(|c| noun_phrase(c.get(1).map_or("", |m| m.as_str())) && !active_and(c)) {
            let kind_word = c.get(2).unwrap().as_str();
            let kind = if kind_word == "lost their lives" || kind_word == "martyred" || kind_word.ends_with(" to death") { "killed" } else { kind_of(kind_word).unwrap_or("killed") };
            // "2 rebel and 1 military fatality": the subject stops at the next count.
            let subject = c
                .get(1)
                .map(|m| m.as_str().split(" and ").next().unwrap_or("").split(',').next().unwrap_or("").trim().to_string())
                .unwrap_or_default();
            found = Some((kind, subject));
            }
        }
        if let Some((kind, subject)) = found {
            let high = q.high.unwrap_or(q.best);
            let end = q.span.end + after.find(subject.as_str()).map_or(0, |i| i + subject.len());
            last = Some((kind, end));
            // "killing 15 commandos and the civilian driver", "killing 3 civilians and a BSF
            // soldier": one more victim joined to the count by a determiner
            let one_more = (kind == "killed" && left_kind.is_some() && !subject.is_empty())
                .then(|| re_ascii(&AND_ONE, and_one_pattern).captures(&text[end..sent.end]))
                .flatten()
                .map(|c| (Span::new(end + c.get(1).unwrap().start(), end + c.get(1).unwrap().end()), c.get(1).unwrap().as_str().to_string()));
            out.push(Figure { kind: kind.into(), low: q.low, best: q.best, high, span: q.span, subject });
            if let Some((span, who)) = one_more {
                out.push(Figure { kind: "killed".into(), low: 1, best: 1, high: 1, span, subject: who });
            }
        }
    }
    // A lone victim told with a count ("A soldier and three of the assailants were killed",
    // "Two soldiers and a fuel seller who had a stall beside the checkpoint were killed", "A
    // gendarme died, and two civilians caught in the crossfire were also killed"): one more.
    coordinated_victims(text, sent, quantities, &mut out);
    // A list of counted victims ("Four soldiers, a policeman, three militants and a civilian
    // were killed"): each item counts, once.
    listed_victims(text, sent, quantities, &mut out);
    // The bomber who "killed himself" (or "blew himself up") died too: ACLED counts him.
    if out.iter().any(|f| f.kind == "killed") {
        let lower = st.to_ascii_lowercase();
        if let Some(at) = ["killed himself", "killing himself", "blew himself up", "blowing himself up"].iter().find_map(|w| lower.find(w)) {
            let span = Span::new(sent.start + at, sent.start + at + 1);
            out.push(Figure { kind: "killed".into(), low: 1, best: 1, high: 1, span, subject: "attacker".into() });
        }
    }
    if !out.iter().any(|f| f.kind == "killed") {
        let single = re_built(&SINGLE, single_victim_pattern);
        let plural = re(
            &PLURAL,
            r"(?i)\b(civilians|people|soldiers|troops|fighters|militants|policemen|police officers|officers|residents|villagers|members|protesters|demonstrators|rebels|insurgents|gunmen|attackers|assailants|persons|children|women|men|farmers|herders|operatives|combatants|militiamen|jihadists|bandits|guards|workers|miners|passengers|students|worshippers|pilgrims|migrants|refugees|vigilantes)\s+(?:were\s+|have been\s+|had been\s+|are\s+)?(?:reportedly\s+)?(?:killed|shot dead|massacred|executed|died)\b|\bkilling\s+(?:several|some|many|a number of)\b",
        );
        // "attacked a man and a woman ... Both victims died": two
        let lower = st.to_ascii_lowercase();
        let both = re(&BOTH, r"(?i)\bboth\s+(?:of\s+them\s+|(?:the\s+)?[a-z]+\s+)?(?:were\s+|have\s+been\s+|had\s+been\s+|later\s+)?(?:killed|died|dead|shot\s+dead|succumbed)\b");
        let extra = || {
            (["him", "her", "death of", "head", "dead", "he died", "she died", "succumbed"].iter().any(|w| lower.contains(w))).then(|| re(&SINGLE2, SINGLE_EXTRA).find(st)).flatten()
        };
        let unnumbered = || {
            ["fatalit", "deaths", "number of", "injur", "wound"].iter().any(|w| lower.contains(w)).then(|| {
                re(&UNNUMBERED, UNNUMBERED_PATTERN)
                    .find_iter(st)
                    // (not "without causing fatalities")
                    .find(|m| !st[..m.start()].split_whitespace().rev().take(2).any(|w| matches!(w.to_ascii_lowercase().as_str(), "without" | "no" | "not" | "never" | "neither" | "nor")))
            })
            .flatten()
        };
        // The first reading that holds: its match, low / best / high, and whom it counts.
        let found = if let Some(m) = lower.contains("both").then(|| both.find(st)).flatten() {
            Some((m.range(), (2, 2, 2), "both".to_string()))
        } else if let Some(m) = single.find(st) {
            let c = single.captures(st).unwrap();
            Some((m.range(), (1, 1, 1), c.get(1).or(c.get(2)).map(|m| m.as_str()).unwrap_or("").to_string()))
        } else if let Some(c) = re_ascii(&TITLED, titled_victim_pattern).captures(st) {
            let m = c.get(0).unwrap();
            Some((m.range(), (1, 1, 1), c.get(1).or(c.get(2)).map(|m| m.as_str()).unwrap_or("").to_string()))
        } else if let Some(m) = extra() {
            Some((m.range(), (1, 1, 1), String::new()))
        } else if let Some(m) = plural.find_iter(st).find(|m| {
            // "militants shot dead a Hindu schoolteacher": the plural is the killers when the
            // verb takes an object.
            let next = st[m.end()..].split_whitespace().next().unwrap_or("").to_ascii_lowercase();
            m.as_str().to_ascii_lowercase().starts_with("killing ")
                || !(matches!(next.as_str(), "a" | "an" | "the" | "one" | "two" | "three" | "four" | "five" | "his" | "her" | "their" | "its" | "at" | "several" | "some" | "many")
                    || next.starts_with(|c: char| c.is_ascii_digit()))
        }) {
            // ACLED: deaths reported without a number are coded conservatively (3 for a
            // limited event); the range keeps that the true figure may be larger.
            Some((m.range(), (2, 3, 10), m.as_str().split_whitespace().next().unwrap_or("").to_string()))
        } else {
            // deaths told as such with no count: "incurring fatalities", "killing and injuring a
            // number of fighters", "killed an unknown number of civilians"
            unnumbered().map(|m| (m.range(), (2, 3, 10), String::new()))
        };
        if let Some((r, (low, best, high), subject)) = found {
            out.push(Figure { kind: "killed".into(), low, best, high, span: Span::new(sent.start + r.start, sent.start + r.end), subject });
        }
    }
    out
}

/// The lone victims coordinated with a count of the dead (see `figures`): "A soldier and three
/// of the assailants were killed" (one before the count), "Two soldiers and a fuel seller who
/// had a stall ... were killed" (one after it; the count itself too, when the noun phrase was
/// too long for the counts above), "A gendarme died, and two civilians ... were also killed".
fn coordinated_victims(text: &str, sent: Span, quantities: &[Quantity], out: &mut Vec<Figure>) {
    static PRE: OnceLock<Regex> = OnceLock::new();
    static POST: OnceLock<Regex> = OnceLock::new();
    static FIRST: OnceLock<Regex> = OnceLock::new();
    const COUNT: &str = r"(\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|several|dozens)";
    const DIED: &str = r"[A-Za-z0-9' -]{0,80}?\b(?:were|have\s+been|had\s+been)\s+(?:also\s+|all\s+|reportedly\s+|later\s+)?(?:killed|shot\s+dead|died|slain)\b";
    let st = sent.text(text);
    // (every reading joins with "and")
    if !st.as_bytes().windows(5).any(|w| w.eq_ignore_ascii_case(b" and ")) {
        return;
    }
    let count_at = |r: std::ops::Range<usize>| quantities.iter().find(|q| q.span.start == sent.start + r.start && is_person_unit(q));
    let one_figure = |m: regex::Match| Figure {
        kind: "killed".into(),
        low: 1,
        best: 1,
        high: 1,
        span: Span::new(sent.start + m.start(), sent.start + m.end()),
        subject: m.as_str().to_string(),
    };
    let pre = re_ascii(&PRE, || format!(r"(?i)\b((?:a|an|one)\s+(?:[\w'-]+\s+){{0,3}}?(?:{VICTIM_NOUNS}))\s+and\s+{COUNT}\b{DIED}"));
    let post = re_ascii(&POST, || format!(r"(?i)\b{COUNT}\s+((?:[\w'-]+\s+){{0,3}}?)and\s+((?:a|an|one|the)\s+(?:[\w'-]+\s+){{0,3}}?(?:{VICTIM_NOUNS}))\b{DIED}"));
    // (the lone victim, the count, and the count's own subject: before the count, "A soldier and
    // three of the assailants"; after it, "Two soldiers and a fuel seller")
    let joined = pre
        .captures(st)
        .map(|c| {
            let n = c.get(2).unwrap();
            let subject = st[n.end()..].split_whitespace().take_while(|w| !matches!(*w, "were" | "have" | "had")).take(4).collect::<Vec<_>>().join(" ");
            (c.get(1).unwrap(), n, subject)
        })
        .or_else(|| post.captures(st).map(|c| (c.get(3).unwrap(), c.get(1).unwrap(), c.get(2).unwrap().as_str().trim().to_string())));
    if let Some((one, n, subject)) = joined {
        if let Some(q) = count_at(n.range()) {
            if !out.iter().any(|f| f.kind == "killed" && f.span.start == q.span.start) {
                out.push(Figure { kind: "killed".into(), low: q.low, best: q.best, high: q.high.unwrap_or(q.best), span: q.span, subject });
            }
            let lone = one_figure(one);
            if !out.iter().any(|f| f.kind == "killed" && f.span.start >= lone.span.start && f.span.start < lone.span.end) {
                out.push(lone);
            }
        }
        return;
    }
    // "A gendarme died, and two civilians ... were also killed": a lone death told first, then
    // a count joined to it
    let Some(first) = out.iter().filter(|f| f.kind == "killed").map(|f| f.span.start).min() else { return };
    let single = re_ascii(&FIRST, || format!(r"(?i)\b((?:a|an|one)\s+(?:[\w'-]+\s+){{0,3}}?(?:{VICTIM_NOUNS}))\s+(?:was\s+)?(?:killed|died|shot\s+dead|succumbed)\s*,?\s+and\s+$"));
    if let Some(c) = single.captures(&text[sent.start..first]) {
        out.push(one_figure(c.get(1).unwrap()));
    }
}

/// A list of two or more counted victims with one verb of death, before it ("Four soldiers, a
/// policeman, three militants and a civilian were killed", "3 local policemen, 2 pro-government
/// militia members, and 1 soldier were killed") or after "killing" ("killing 15 commandos and
/// the civilian driver"): one figure per item, replacing the counts read inside the list when
/// they say no more.
fn listed_victims(text: &str, sent: Span, quantities: &[Quantity], out: &mut Vec<Figure>) {
    static DIED: OnceLock<Regex> = OnceLock::new();
    static KILLING: OnceLock<Regex> = OnceLock::new();
    static ITEM: OnceLock<Regex> = OnceLock::new();
    static GAP: OnceLock<Regex> = OnceLock::new();
    let st = sent.text(text);
    // The count of the item at byte `at` of the sentence: the document's quantity there (the
    // number grammar's reading of "Four", "21", "1,000"), or 1 for an article ("a policeman").
    let count_at = |at: usize| {
        let word = st[at..].split_whitespace().next().unwrap_or("");
        // ("At least 21": the quantity's span opens on its qualifier)
        quantities.iter().find(|q| q.span.start <= sent.start + at && sent.start + at < q.span.end && !q.vague).map(|q| q.best).or_else(|| {
            ["a", "an", "the"].iter().any(|a| word.eq_ignore_ascii_case(a)).then_some(1)
        })
    };
    // (every list joins its last item with "and" and a count: "... and a civilian", "... and 4
    // Afghan soldiers"; most sentences have none, and skip the searches below)
    let counted_after_and = st.match_indices(" and ").any(|(i, _)| count_at(i + 5).is_some());
    if !counted_after_and {
        return;
    }
    // The verb of death the list goes with: after it ("were killed") or before it ("killing").
    let died = re_ascii(&DIED, || r"(?i)\s*,?\s+(?:were|have\s+been|had\s+been)\s+(?:also\s+|all\s+|reportedly\s+|later\s+|allegedly\s+)?(?:killed|shot\s+dead|died|slain)\b".to_string());
    let killing = re_ascii(&KILLING, || r"(?i)\b(?:killing|killed)\s+(?:at\s+least\s+)?".to_string());
    // One counted item (one copy of the noun list: the list itself is read item by item).
    let item = re_ascii(&ITEM, || {
        format!(
            r"(?i)\b(?:\d{{1,3}}(?:,\d{{3}})*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an|the)\s+(?:[\w'-]+\s+){{0,3}}?(?:(?:{VICTIM_NOUNS})(?:s|es)?|men|women|children|people|persons|personnel|police|policemen|policewomen|peacekeepers|commandos|civilians|troops|jawans|militiamen|gunmen|tribesmen|fishermen|herdsmen|members)\b(?:\s*\([A-Za-z0-9 ,.'-]{{0,60}}\))?"
        )
    });
    // What may stand between two items: a comma, "and", or an aside naming one of the counted
    // ("seven police personnel, including an SSP, and a toddler").
    let gap = re_ascii(&GAP, || r"(?i)^\s*(?:,\s*including\s+[A-Za-z0-9 .'()-]{0,60},\s*(?:and\s+)?|,\s*(?:and\s+)?|and\s+)$".to_string());
    // ... or "including" before an item that is one of those counted before it ("21 militants
    // including 2 commanders and 4 Afghan soldiers": 25)
    let including = |g: &str| {
        let g = g.trim().trim_start_matches(',').trim_start();
        g.eq_ignore_ascii_case("including")
    };
    // (an uncounted item breaks the list: "12 soldiers and an unknown number of assailants")
    let counted = |r: &std::ops::Range<usize>, w: &str| !["number", "unknown", "several", "dozens", "scores"].iter().any(|x| w[r.clone()].to_ascii_lowercase().contains(x));
    let mut items: Vec<(u64, std::ops::Range<usize>)> = Vec::new();
    if let Some(d) = died.find(st) {
        // the items that end right where the verb begins, chained back by commas and "and"
        let from = (d.start().saturating_sub(240)..d.start()).find(|&i| st.is_char_boundary(i)).unwrap_or(d.start());
        let window = &st[from..d.start()];
        // (a search, no captures: the count is the quantity where the match begins)
        let found: Vec<(u64, std::ops::Range<usize>)> = item
            .find_iter(window)
            .filter_map(|m| count_at(from + m.start()).map(|n| (n, from + m.start()..from + m.end())))
            .collect();
        if let Some(last) = found.iter().rposition(|(_, r)| r.end == d.start()) {
            let mut k = last;
            items.push(found[k].clone());
            while k > 0 {
                let g = &st[found[k - 1].1.end..found[k].1.start];
                if including(g) {
                    // (the item after "including" is an aside)
                    items.retain(|x| x.1 != found[k].1);
                } else if !gap.is_match(g) {
                    break;
                }
                k -= 1;
                items.insert(0, found[k].clone());
            }
        }
    } else if let Some(kl) = killing.find(st) {
        // the items that begin right after "killing", chained on by commas and "and"
        let mut at = kl.end();
        while let Some(m) = item.find(&st[at..]) {
            let g = &st[at..at + m.start()];
            let aside = !items.is_empty() && including(g);
            let ok = if items.is_empty() { m.start() == 0 } else { aside || gap.is_match(g) };
            if !ok {
                break;
            }
            let Some(n) = count_at(at + m.start()) else { break };
            if !aside {
                items.push((n, at + m.start()..at + m.end()));
            }
            at += m.end();
        }
    }
    items.retain(|(_, r)| counted(r, st));
    if items.len() < 2 {
        return;
    }
    let span = Span::new(sent.start + items[0].1.start, sent.start + items[items.len() - 1].1.end);
    let total: u64 = items.iter().map(|(n, _)| n).sum();
    let inside: u64 = out.iter().filter(|f| f.kind == "killed" && span.overlaps(f.span)).map(|f| f.best).sum();
    // (the same total re-read item by item: each keeps its own victims for the event's sum)
    if total < inside {
        return;
    }
    out.retain(|f| !(f.kind == "killed" && span.overlaps(f.span)));
    for (n, r) in items {
        let at = Span::new(sent.start + r.start, sent.start + r.end);
        out.push(Figure { kind: "killed".into(), low: n, best: n, high: n, span: at, subject: text[at.start..at.end].to_string() });
    }
}

/// Pipeline stage: fills `doc.claims` (and `an.claim_sentences`).
pub fn run(doc: &mut Document, an: &mut Analysis) {
    let mut claims: Vec<Claim> = Vec::new();
    let mut claim_sentences: Vec<Vec<usize>> = Vec::new();
    let reporter = doc.source.clone().unwrap_or_else(|| "reporter".to_string());

    // Embedded posts first: their author's claims, never the reporter's voice.
    for r in doc.removed.iter().filter(|r| r.reason == RemovedReason::EmbeddedPost) {
        let claimant = match (&r.author, &r.handle) {
            (Some(a), Some(h)) => format!("{a} ({h})"),
            (Some(a), None) => a.clone(),
            (None, Some(h)) => h.clone(),
            (None, None) => "unknown social media account".into(),
        };
        claims.push(Claim {
            claim_id: String::new(),
            claimant,
            claimant_type: ClaimantType::SocialPost,
            verb: "posted".into(),
            hedge: Some("unverified".into()),
            span: r.span,
            figures: figures(&doc.text, r.span, &doc.quantities_in(r.span)),
        });
        claim_sentences.push(Vec::new());
    }

    // Claimants so far, most recent last: pronouns take the last, a bare head noun ("The
    // Command") the latest claimant whose name contains it.
    let mut history: Vec<(String, ClaimantType)> = Vec::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        if doc.is_removed(s.span).is_some() {
            continue;
        }
        let st = s.span.text(&doc.text);
        let figs = figures(&doc.text, s.span, &doc.quantities);
        let has_trigger = an.triggers.iter().any(|t| s.span.contains(t.span) && t.weight > 0 && t.class != "nonevent");
        let attributed = find_attribution(st);
        if let Some((np, verb)) = &attributed {
            // "Al Shabaab claimed to have killed two soldiers": the claimant is the perpetrator,
            // so its name stays available to the event's roles.
            // So is a party telling its own act: "Tigrayan forces said on Sunday they had taken
            // control of Dessie", "the ELN acknowledged that one of its units had kidnapped".
            let responsibility = (matches!(verb.as_str(), "claimed" | "claims") || own_act(st, np, verb)) && !np.chars().next().is_some_and(|c| c.is_lowercase());
            if let Some(at) = st.find(np.as_str()).filter(|_| !responsibility) {
                an.claimant_spans.push(Span::new(s.span.start + at, s.span.start + at + np.len()));
            }
        }
        // "The claim could not be independently verified.": a hedge on the claim before.
        if attributed.is_none() && !has_trigger && figs.is_empty() && verification_note(st) {
            if let Some(h) = hedge_of(st, None) {
                if let Some(prev) = claims.iter_mut().rev().find(|c| c.span.end <= s.span.start && c.claimant_type != ClaimantType::SocialPost) {
                    prev.hedge.get_or_insert(h);
                }
                continue;
            }
        }
        let (claimant, ctype, verb) = if let Some((np, verb)) = attributed {
            let np_l = np.to_lowercase();
            let head = np_l.trim_start_matches("the ").trim().to_string();
            let by_head = (head.split_whitespace().count() == 1)
                .then(|| history.iter().rev().find(|(p, _)| p.to_lowercase().split_whitespace().any(|w| w == head)))
                .flatten()
                .cloned();
            let antecedent = by_head.or_else(|| if is_anaphor(&np) { history.last().cloned() } else { None });
            match antecedent {
                Some((p, t)) => (p, t, verb),
                None => {
                    let name = normalise_claimant(&np, an.country.as_deref());
                    let is_party = an.actor_hits.iter().any(|h| {
                        s.span.contains(h.span)
                            && matches!(&h.kind, frontline_actors::HitKind::Named { inter, .. } if (2..=4).contains(inter))
                            && np.contains(h.span.text(&doc.text))
                    });
                    // A capital or a country speaking ("Damascus acknowledged") is its government.
                    let metonym = doc.places.iter().any(|p| {
                        (p.feature_code == "PPLC" || p.is_country()) && !p.demonym && p.span.text(&doc.text) == name
                    });
                    let ty = if metonym { ClaimantType::Official } else { claimant_type(&name, is_party) };
                    (name, ty, verb)
                }
            }
        } else if social_media_content(st) {
            ("videos circulating on social media".to_string(), ClaimantType::SocialPost, "show".to_string())
        } else if has_trigger || !figs.is_empty() {
            (reporter.clone(), ClaimantType::Reporter, "reported".to_string())
        } else {
            continue;
        };
        if ctype != ClaimantType::Reporter && ctype != ClaimantType::SocialPost {
            history.retain(|(p, _)| *p != claimant);
            history.push((claimant.clone(), ctype));
        }
        let hedge = hedge_of(st, Some(verb.as_str()));
        claims.push(Claim {
            claim_id: String::new(),
            claimant,
            claimant_type: ctype,
            verb,
            hedge,
            span: s.span,
            figures: figs,
        });
        claim_sentences.push(vec![si]);
    }
    // Claim ids in text order.
    let mut order: Vec<usize> = (0..claims.len()).collect();
    order.sort_by_key(|&i| claims[i].span);
    let mut sorted = Vec::with_capacity(claims.len());
    let mut sorted_sents = Vec::with_capacity(claims.len());
    for (n, i) in order.into_iter().enumerate() {
        let mut c = claims[i].clone();
        c.claim_id = format!("c{}", n + 1);
        sorted.push(c);
        sorted_sents.push(claim_sentences[i].clone());
    }
    doc.claims = sorted;
    an.claim_sentences = sorted_sents;
}

trait QuantitiesIn {
    fn quantities_in(&self, span: Span) -> Vec<Quantity>;
}

impl QuantitiesIn for Document {
    /// Quantities inside a removed span (the document's own list skips removed text).
    fn quantities_in(&self, span: Span) -> Vec<Quantity> {
        frontline_normalize::quantity::find_quantities(span.text(&self.text))
            .into_iter()
            .map(|mut q| {
                q.span = q.span.shift(span.start);
                q
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_party_telling_its_own_deed() {
        let s = "Tigrayan forces said on Sunday they had taken control of the strategic town of Dessie.";
        assert!(own_act(s, "Tigrayan forces", "said"));
        assert!(own_act("The ELN acknowledged on Thursday that one of its units had kidnapped Luis Manuel Diaz.", "The ELN", "acknowledged"));
        assert!(own_act("The Arakan Army said its fighters captured the last camps.", "The Arakan Army", "said"));
        // a source telling what others did
        assert!(!own_act("Police said gunmen had killed 12 people.", "Police", "said"));
        assert!(own_act("Wagner said Friday it was leaving Mali.", "Wagner", "said"));
        assert!(!own_act("The ministry said it was investigating the attack.", "The ministry", "said"));
        assert!(!own_act("The ministry said they were investigating.", "The ministry", "said"));
        // a dateline is no part of the claimant
        let (who, _) = find_attribution("ADDIS ABABA, Oct 31 (Reuters) - Tigrayan forces said on Sunday they had taken Dessie.").unwrap();
        assert_eq!(who, "Tigrayan forces");
    }

    #[test]
    fn attribution_forms() {
        let (who, v) = find_attribution("It admitted, however, that dozens of its troops have been killed.").unwrap();
        assert_eq!((who.as_str(), v.as_str()), ("It", "admitted"));
        let (who, _) = find_attribution("In a statement on Saturday, the Syrian General Command said that the attack failed.").unwrap();
        assert_eq!(who, "the Syrian General Command");
        let (who, v) = find_attribution("According to Oleg Ignasyuk, deputy head of the Russian Reconciliation Center for Syria, forces have eliminated about 600 militants.").unwrap();
        assert!(who.starts_with("Oleg Ignasyuk, deputy head of the Russian Reconciliation Center"), "{who}");
        assert_eq!(v, "according to");
        let (who, _) = find_attribution("The army is regrouping, the country’s General Command has said.").unwrap();
        assert_eq!(who, "the country’s General Command");
        assert!(find_attribution("Clashes were reported in the north.").is_none());
        let (who, _) = find_attribution("Gunmen killed 12 people at a mosque on Friday, police said.").unwrap();
        assert_eq!(who, "police");
        let (who, _) = find_attribution("Protesters burned a police post, witnesses told AFP.").unwrap();
        assert_eq!(who, "witnesses");
    }

    #[test]
    fn claimant_types() {
        assert_eq!(claimant_type("Syrian General Command", false), ClaimantType::Official);
        assert_eq!(claimant_type("Syrian Observatory for Human Rights", false), ClaimantType::Monitor);
        assert_eq!(claimant_type("state media", false), ClaimantType::Media);
        assert_eq!(claimant_type("Hayat Tahrir al-Sham", true), ClaimantType::Party);
    }

    fn figs(t: &str) -> Vec<(String, u64, String)> {
        let q = frontline_normalize::quantity::find_quantities(t);
        figures(t, Span::new(0, t.len()), &q).into_iter().map(|f| (f.kind, f.best, f.subject)).collect()
    }

    /// The dead the figures of `t` count, all together.
    fn killed_total(t: &str) -> u64 {
        figs(t).iter().filter(|f| f.0 == "killed").map(|f| f.1).sum()
    }

    #[test]
    fn a_lone_victim_coordinated_with_a_count_is_one_more() {
        assert_eq!(killed_total("Bandits opened fire on a checkpoint, killing two policemen and a motorcyclist who was passing by."), 3);
        assert_eq!(killed_total("A soldier and four of the attackers were killed before the assault was repelled."), 5);
        assert_eq!(killed_total("Three soldiers and a tea seller who had a stall beside the post were killed."), 4);
        assert_eq!(killed_total("A policeman died, and two passers-by caught in the crossfire were also killed."), 3);
        // (not a count of things: "destroyed five hideouts and killed 7 militants")
        assert_eq!(killed_total("Troops destroyed five hideouts and killed 7 militants in the hills."), 7);
        // one victim told by "gunned down", an age, a firing squad, or "he died"
        for t in [
            "An off-duty police officer was gunned down by armed men outside a shop.",
            "Police shot dead an unarmed 17-year-old during a raid.",
            "The militants publicly executed by firing squad a man accused of spying.",
            "Two men on a motorbike shot a teacher outside his school; he died in hospital.",
        ] {
            assert_eq!(killed_total(t), 1, "{t}");
        }
    }

    #[test]
    fn every_item_of_a_victim_list_counts_once() {
        assert_eq!(killed_total("Four soldiers, a policeman, three militants and a civilian were killed."), 9);
        assert_eq!(killed_total("On 29 April 2020, 3 local policemen, 2 pro-government militia members, and 1 soldier were killed in Kunduz."), 6);
        assert_eq!(killed_total("Seven FARDC soldiers and two peacekeepers were reportedly killed."), 9);
        assert_eq!(killed_total("On 6 May 2020, a man and a woman were shot dead in Salamanca."), 2);
        // (an aside names one of the counted, not one more; a date is no count)
        assert_eq!(killed_total("Protesters attacked police, killing seven police personnel, including an SSP."), 7);
        assert_eq!(killed_total("Protesters attacked police, killing 4 policemen, including an inspector, and a toddler."), 5);
        assert_eq!(killed_total("At least 12 soldiers and an unknown number of assailants were killed."), 12);
        assert_eq!(killed_total("At least 21 militants including 2 commanders and 4 Afghan soldiers were killed."), 25);
        // ages are no counts; an age stands for the article
        assert_eq!(killed_total("Suspected gang members killed two brothers aged 17 and 19 in Soyapango."), 2);
        assert_eq!(killed_total("Police officers shot dead 17-year-old student Kian Delos Santos in Caloocan City."), 1);
    }

    #[test]
    fn one_more_victim_joined_by_a_determiner_counts() {
        assert_eq!(killed_total("Maoists detonated an IED under a vehicle, killing 15 commandos and the civilian driver."), 16);
        assert_eq!(killed_total("Pakistani troops shelled villages, killing 3 civilians and a BSF soldier."), 4);
        // (not a place, a verb or the rest of a group)
        assert_eq!(killed_total("Gunmen attacked the village, killing 3 civilians and injuring 5 others."), 3);
        assert_eq!(killed_total("Gunmen attacked the village, killing 3 civilians and the rest fled."), 3);
    }

    #[test]
    fn unnumbered_deaths_told_as_fatalities_both_or_one_count() {
        let killed = |t: &str| figs(t).iter().filter(|f| f.0 == "killed").map(|f| (f.1, f.2 == "both")).collect::<Vec<_>>();
        // unnumbered: the convention's 3 (10 in a war-zone battle, applied per event)
        for t in [
            "Pro-Hadi forces thwarted a Houthi attack on the Qaniyah front, incurring fatalities among Houthi forces.",
            "The Myanmar military and the AA clashed near Yar Maung Bridge. Both sides suffered fatalities.",
            "The coalition struck positions in Al Husha, killing and injuring a number of fighters.",
            "Unknown gunmen killed an unknown number of civilians in the area of Inalabag.",
        ] {
            assert_eq!(killed(t).first().map(|k| k.0), Some(3), "{t}");
        }
        assert_eq!(killed_total("Unidentified gunmen attacked the post without causing fatalities."), 0);
        assert_eq!(killed("Armed men attacked a man and a woman in Colonia San Francisco. Both victims died."), vec![(2, true)]);
        for t in [
            "Unidentified gunmen assassinated a QSD member on the Mansura road.",
            "An unidentified group fatally shot the leader of the movement near his house.",
            "The clans exchanged fire, resulting in the death of a local man.",
            "In Ciudad Juarez, a human head was found inside a plastic bag.",
            "An IED exploded under a vehicle, leaving the driver dead.",
        ] {
            assert_eq!(killed(t).first().map(|k| k.0), Some(1), "{t}");
        }
        // the death a demonstration is about is no death of the event
        assert!(killed("Youths attacked a police station to demonstrate over the death of a man in custody.").is_empty());
    }

    #[test]
    fn one_victim_named_by_a_pronoun_or_a_long_title_counts() {
        assert_eq!(killed_total("Residents caught a man they accused of snatching phones, beat him to death and set his body alight."), 1);
        assert_eq!(killed_total("A local leader of Awami League was beaten to death by four men at Garduara town."), 1);
    }

    #[test]
    fn long_subjects_bind_only_as_noun_phrases() {
        assert_eq!(killed_total("Two suspected members of the New People's Army (NPA) were killed in an encounter with troops."), 2);
        // (the man killed, not the two gunmen)
        assert_eq!(killed_total("Two armed men driving a motorcycle shot and killed a man in Zona 12."), 1);
        assert_eq!(killed_total("FARDC soldiers clashed with 4 unidentified armed men in Rubare locality (Rutshuru, Nord-Kivu) and killed 1 of them."), 1);
    }

    #[test]
    fn figures_tie_numbers_to_kinds() {
        assert_eq!(figs("Gunmen killed 1 resident and injured another."), vec![("killed".into(), 1, "resident".into())]);
        assert_eq!(figs("dozens of our forces were killed")[0], ("killed".into(), 12, "our forces".into()));
        let f = figs("The clash resulted in 2 rebel and 1 military fatality.");
        assert_eq!(f.iter().map(|x| x.1).collect::<Vec<_>>(), vec![2, 1]);
        assert_eq!(figs("A man was shot dead in the market.")[0].1, 1);
        assert_eq!(figs("Police shot dead 3 protesters in the capital.")[0].1, 3);
        assert_eq!(figs("Gunmen beheaded four villagers.")[0].1, 4);
        assert_eq!(figs("The victim died.")[0].1, 1);
        let f = figs("Civilians were killed in the strike.");
        assert_eq!((f[0].1, f.len()), (3, 1), "unnumbered plural deaths: ACLED's 3");
        assert!(figs("The 100km front was quiet and 5 percent of voters abstained.").is_empty());
        assert_eq!(figs("killing 3 and wounding 4 people")[1].0, "wounded");
        // counts joined by "and" share their kind; "leaving" with the kind after the list
        let f = figs("Clashes killed two soldiers and three militants.");
        assert_eq!(f.iter().map(|x| (x.0.as_str(), x.1)).collect::<Vec<_>>(), vec![("killed", 2), ("killed", 3)]);
        let f = figs("Clashes left two soldiers and three militants dead.");
        assert_eq!(f.iter().map(|x| x.1).sum::<u64>(), 5);
        assert_eq!(figs("The raid left 2 IS militants dead.")[0].1, 2);
        // a toll that rose, the bomber who killed himself
        assert_eq!(figs("The death toll from the attack on a market rose to 16.")[0].1, 16);
        let f = figs("A suicide bomber killed himself and 12 worshippers at a mosque.");
        assert_eq!(f.iter().map(|x| x.1).sum::<u64>(), 13);
        // a count after another kind's list keeps its own kind; things are no people
        let f = figs("12 Taliban and 3 Arbakis were killed, and 11 Taliban were injured.");
        assert_eq!(f.last().map(|x| x.0.as_str()), Some("wounded"));
        let f = figs("Forces killed 15 IS militants and left 13 warehouses and several vehicles burnt.");
        assert_eq!(f.iter().filter(|x| x.0 == "killed").map(|x| x.1).sum::<u64>(), 15);
        // one person named by role or relation
        for t in ["Gunmen broke into a store and shot dead the owner.", "A prisoner died in the prison.", "The blast killed an engineer.", "Police beat a young man to death."] {
            assert_eq!(figs(t).first().map(|x| x.1), Some(1), "{t}");
        }
        // a subject reaching past the next count does not panic ("Fatalities 2 and 1 injured")
        let _ = figs("The officer and her daughter died. Fatalities 2 and 1 injured.");
    }

    #[test]
    fn hedges() {
        assert_eq!(hedge_of("unverified videos circulating on social media", None).as_deref(), Some("unverified"));
        assert_eq!(hedge_of("the group reportedly seized", None).as_deref(), Some("reportedly"));
        assert_eq!(hedge_of("Al Shabaab said it killed", Some("claimed")).as_deref(), Some("claimed"));
        assert_eq!(hedge_of("Police said", Some("said")), None);
    }
}
