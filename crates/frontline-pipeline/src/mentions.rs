//! Stage 3: mentions — times, quantities, actors and places — and the article-level
//! context derived from them (dominant country, dominant armed group, publication date).

use crate::Analysis;
use frontline_actors::{ActorHit, Branch, HitKind, Role};
use frontline_model::{ActorMention, Document, Span};
use jiff::civil::Date;
use std::collections::HashMap;

/// An actor resolved to its ACLED-style name.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub name: String,
    pub inter: u8,
    pub country: Option<String>,
    pub label_term: bool,
    /// For state forces: their country and branch (to re-date the name per event).
    pub state: Option<(String, Branch)>,
}

/// A group's name as ACLED codes it on `date`: its name for that period where it was renamed
/// (`data/actors/renamed.tsv`).
fn named_on(name: String, date: Option<Date>) -> String {
    match date.and_then(|d| frontline_actors::renamed(&name, d)) {
        Some(n) => n.to_string(),
        None => name,
    }
}

/// Resolves one dictionary hit. `country` is the country of the event or article (for
/// "government forces", "protesters"); `date` picks the period of state-force names;
/// `named_nearby` is a named non-state actor in the same sentence, preferred for labels.
pub fn resolve(
    hit: &ActorHit,
    an: &Analysis,
    country: Option<&str>,
    date: Option<Date>,
    named_nearby: Option<&(String, u8, Option<String>)>,
    shunned: &[String],
) -> Option<Resolved> {
    match &hit.kind {
        HitKind::Named { actor, inter, country: c } => Some(Resolved {
            // Groups ACLED splits by country ("Islamic State (Syria)", "Fulani Ethnic Militia
            // (Mali)"); a state force's named sub-unit takes the period of the event's date.
            name: named_on(
                redate_subunit(actor, c.as_deref(), date).unwrap_or_else(|| frontline_actors::dict().resolve_named(actor, country.or(an.country.as_deref()))),
                date,
            ),
            inter: *inter,
            country: c.clone(),
            label_term: false,
            state: None,
        }),
        HitKind::StateForce { country: c, branch } => {
            let cc = c.as_deref().or(country).or(an.country.as_deref())?;
            // "Gendarmerie forces": the military in Turkey or Cameroon, the police in Mali.
            let gendarmes = hit.matched.to_ascii_lowercase().contains("gendarm");
            let branch = &if gendarmes { frontline_actors::gendarmerie_branch(cc).unwrap_or(*branch) } else { *branch };
            let mut name = frontline_actors::state_force_name(cc, *branch, date);
            if gendarmes {
                name.push_str(" Gendarmerie");
            }
            // ACLED codes a state's forces acting outside their own country as external (8),
            // and some of them as the coalition they act in ("Saudi forces" in Yemen are
            // Operation Restoring Hope; data/actors/coalitions.tsv).
            let home = country.or(an.country.as_deref());
            let inter = if home.is_some_and(|h| h != cc) { 8 } else { 1 };
            if let Some(k) = home.filter(|h| *h != cc && *branch == Branch::Military).and_then(|h| frontline_actors::coalition_actor(cc, h, date)) {
                name = k.to_string();
            }
            Some(Resolved {
                name,
                inter,
                country: Some(cc.to_string()),
                label_term: false,
                state: Some((cc.to_string(), *branch)),
            })
        }
        HitKind::Generic { role, country: c } => {
            let cc = c.as_deref().or(country).or(an.country.as_deref());
            let (name, inter) = frontline_actors::role_name(*role, cc);
            Some(Resolved { name, inter, country: cc.map(str::to_string), label_term: false, state: None })
        }
        HitKind::Label { .. } => {
            // A label with no named group in the article ("Islamic militants attacked ..."):
            // ACLED's unidentified armed group of the country.
            let Some(target) = named_nearby.or(an.main_group.as_ref().filter(|g| !shunned.contains(&g.0))) else {
                let cc = country.or(an.country.as_deref());
                let (name, inter) = frontline_actors::role_name(frontline_actors::Role::UnidentifiedArmedGroup, cc);
                return Some(Resolved { name, inter, country: cc.map(str::to_string), label_term: true, state: None });
            };
            Some(Resolved {
                // "Islamic State" → "Islamic State (Iraq)", "Leelkayse Clan Militia" → "... (Somalia)".
                name: frontline_actors::dict().resolve_named(&target.0, country.or(an.country.as_deref())),
                inter: target.1,
                country: target.2.clone(),
                label_term: true,
                state: None,
            })
        }
        #[allow(unreachable_patterns)]
        _ => None,
    }
}

/// "Military Forces of Brazil (2023-) Military Police" (a dictionary sub-unit, named with the
/// current period) → the period-correct name for `date`.
fn redate_subunit(actor: &str, cc: Option<&str>, date: Option<Date>) -> Option<String> {
    let (cc, date) = (cc?, date?);
    let (branch, rest) = if let Some(r) = actor.strip_prefix("Military Forces of ") {
        (Branch::Military, r)
    } else if let Some(r) = actor.strip_prefix("Police Forces of ") {
        (Branch::Police, r)
    } else if let Some(r) = actor.strip_prefix("Government of ") {
        (Branch::Government, r)
    } else {
        return None;
    };
    let close = rest.find(") ")?;
    let subunit = &rest[close + 2..];
    // Only a sub-unit of the state's own forces follows the state's periods: "Military Forces
    // of Libya (2014-) Haftar Faction" or "... of Yemen (2016-) Supreme Political Council" carry
    // their own period and are kept as written.
    let stem = &actor[..actor.len() - subunit.len() - 1];
    let cc_u = cc.to_ascii_uppercase();
    let own_period = frontline_actors::state_periods()
        .iter()
        .any(|p| p.iso2 == cc_u && p.branch == branch && p.name == stem);
    let now = frontline_actors::state_force_name(cc, branch, Some(date));
    if !own_period || !now.ends_with(')') {
        return None;
    }
    Some(format!("{now} {subunit}"))
}

/// The named non-state actor (inter 2–4) of a hit, if it is one.
/// The named group a label in the same sentence may stand for, and the groups it may not: a
/// label before an act whose object is a named group is that group's opponent ("armed militants
/// attacked a group of VDP members": the militants are not the VDP).
pub fn label_context(doc: &Document, an: &Analysis, h: &ActorHit) -> (Option<(String, u8, Option<String>)>, Vec<String>) {
    let Some(si) = doc.sentence_at(h.span.start) else { return (None, Vec::new()) };
    let s = doc.sentences[si].span;
    let groups = an.actor_hits.iter().filter(|o| s.contains(o.span)).filter_map(|o| named_group(o).map(|g| (o.span, g)));
    if !matches!(h.kind, HitKind::Label { .. }) {
        return (groups.map(|(_, g)| g).next(), Vec::new());
    }
    // (the label is the subject of the act: its verb follows within a few words, no passive
    // or list between: not "1 militant and 1 soldier were killed by ... Taliban militants")
    let act = |from: usize, to: usize| {
        an.triggers.iter().any(|t| {
            t.weight > 0
                && t.span.start >= from
                && t.span.end <= to
                && t.span.start - from <= 30
                && !doc.text[from..t.span.start].contains(',')
                && !doc.text[from..t.span.start].split_whitespace().any(|w| matches!(w, "and" | "was" | "were" | "been" | "is" | "are"))
                && matches!(t.class, "attack" | "clash" | "kill" | "smallarms" | "fire" | "abduct" | "air" | "shell" | "ied" | "grenade")
        })
    };
    let (opposed, other): (Vec<_>, Vec<_>) = groups.partition(|(sp, _)| sp.start >= h.span.end && act(h.span.end, sp.start));
    let shunned: Vec<String> = opposed.into_iter().map(|(_, g)| g.0).filter(|n| !other.iter().any(|(_, g)| &g.0 == n)).collect();
    (other.into_iter().map(|(_, g)| g).next(), shunned)
}

pub fn named_group(hit: &ActorHit) -> Option<(String, u8, Option<String>)> {
    match &hit.kind {
        HitKind::Named { actor, inter, country } if (2..=4).contains(inter) => {
            Some((actor.clone(), *inter, country.clone()))
        }
        _ => None,
    }
}

/// "Russian and Syrian forces": the dictionary sees "Syrian forces"; the coordinated
/// demonym before it names a second state force of the same branch.
fn coordinated_demonyms(text: &str, hits: &mut Vec<ActorHit>) {
    let mut extra = Vec::new();
    for h in hits.iter() {
        let HitKind::StateForce { country: Some(_), branch } = &h.kind else { continue };
        let before = &text[..h.span.start];
        let Some(rest) = before.strip_suffix("and ").or_else(|| before.strip_suffix(", ")) else { continue };
        let rest = rest.trim_end().trim_end_matches(',');
        let word_start = rest.char_indices().rev().find(|(_, c)| !c.is_alphabetic()).map(|(i, c)| i + c.len_utf8()).unwrap_or(0);
        let word = &rest[word_start..];
        if word.is_empty() || hits.iter().any(|o| o.span.end > word_start && o.span.start < h.span.start) {
            continue;
        }
        // A plural demonym names people, not a second force: "clashes between Palestinians
        // and Israeli forces".
        if frontline_actors::countries().is_plural_demonym(word) {
            continue;
        }
        if let Some(c) = frontline_actors::countries().by_demonym(word) {
            extra.push(ActorHit::new(Span::new(word_start, word_start + word.len()), HitKind::StateForce { country: Some(c.iso2.clone()), branch: *branch }, word));
        }
    }
    hits.extend(extra);
    hits.sort_by_key(|h| h.span);
}

/// "IS snipers", "a Taliban sniper", "Al Shabaab gunmen": the generic noun is the named
/// group's own head, not a second actor; and "by sniper fire" names a weapon, not a party.
fn drop_generic_heads(text: &str, hits: &mut Vec<ActorHit>) {
    let mut keep = vec![true; hits.len()];
    for i in 0..hits.len() {
        // "the rebel-held town of Sarmin", "Houthi-controlled areas": a name glued to "-held"
        // says whose a place is, not who acted.
        if ["-held", "-controlled", "-occupied", "-dominated"].iter().any(|w| text[hits[i].span.end..].starts_with(w)) {
            keep[i] = false;
            continue;
        }
        // "Myanmar military troops": a country-less force right after a named one is its head.
        let headless = matches!(hits[i].kind, HitKind::Generic { role: Role::UnidentifiedArmedGroup, .. } | HitKind::StateForce { country: None, .. });
        if !headless {
            continue;
        }
        let h = hits[i].span;
        let head_of_named = i > 0
            && matches!(hits[i - 1].kind, HitKind::Named { .. } | HitKind::StateForce { country: Some(_), .. })
            && text[hits[i - 1].span.end..h.start].trim().is_empty();
        // (the words right after it: a short prefix, not the rest of the text, lower-cased)
        let rest: String = text[h.end..].trim_start().chars().take(16).collect::<String>().to_lowercase();
        let weapon = text[h.start..h.end].to_lowercase().starts_with("sniper") && ["fire", "rifle"].iter().any(|w| rest.starts_with(w));
        // "the last army stronghold", "military controlled areas": a bare force word that only
        // says whose a place is names no actor (glued forms, "junta-held towns", are dropped
        // above with every other name).
        let bare = matches!(text[h.start..h.end].to_ascii_lowercase().as_str(), "army" | "junta" | "military");
        let owner_of_place = bare
            && ["stronghold", "strongholds", "held", "controlled", "territory", "territories", "areas", "area"].iter().any(|w| rest.starts_with(w));
        if head_of_named || weapon || owner_of_place {
            keep[i] = false;
        }
    }
    let mut k = keep.into_iter();
    hits.retain(|_| k.next().unwrap());
}

/// "Sri Lankan government supporters", "army loyalists": people who back a state force are
/// not that force; nor are "STC supporters" a political militia's fighters.
fn drop_supporters(text: &str, hits: &mut Vec<ActorHit>) {
    hits.retain(|h| {
        let backed = matches!(h.kind, HitKind::StateForce { .. } | HitKind::Named { inter: 1 | 3, .. });
        let next = text[h.span.end..].split_whitespace().next().unwrap_or("").trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase();
        !(backed && matches!(next.as_str(), "supporters" | "supporter" | "loyalists" | "sympathisers" | "sympathizers" | "activists"))
    });
}

/// "Al-Qaeda-linked JNIM", "Iran-backed Houthis", "Turkish-backed factions": the group a
/// compound modifier names is the other's patron or parent, not an actor of the event.
/// "Islamic State-linked insurgents", "al-Qaida-linked militants": a transnational movement
/// linked to unnamed fighters names them: its branch where the text is set (the dictionary's
/// by-country names: Islamic State (Mozambique), JNIM in the Sahel), and the label goes.
fn drop_patrons(text: &str, hits: &mut Vec<ActorHit>) {
    // (patron, fighters) pairs: the label right after the compound, or one adjective on
    // ("al-Qaida-linked jihadist militants")
    let affiliated: Vec<(Span, Span)> = hits
        .iter()
        .filter(|h| matches!(h.kind, HitKind::Named { inter: 2, country: None, .. }))
        .filter(|h| {
            let rest = &text[h.span.end..];
            ["-linked ", "-affiliated ", "-aligned "].iter().any(|w| rest.get(..w.len()).is_some_and(|r| r.eq_ignore_ascii_case(w)))
        })
        .filter_map(|h| {
            let after = h.span.end + text[h.span.end..].find(' ').unwrap_or(0) + 1;
            hits.iter()
                .find(|o| o.span.start >= after && o.span.start <= after + 12 && matches!(o.kind, HitKind::Label { .. } | HitKind::Generic { role: Role::UnidentifiedArmedGroup, .. }))
                .map(|o| (h.span, o.span))
        })
        .collect();
    hits.retain(|h| {
        if affiliated.iter().any(|&(_, fighters)| fighters == h.span) {
            return false;
        }
        if affiliated.iter().any(|&(patron, _)| patron == h.span) {
            return true;
        }
        let rest = &text[h.span.end..];
        let (hyphen, rest) = match rest.strip_prefix('-') {
            Some(r) => (true, r),
            None => (false, rest.strip_prefix(' ').unwrap_or("")),
        };
        let mut words = rest.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty());
        let word = words.next().unwrap_or("").to_ascii_lowercase();
        let next = words.next().unwrap_or("").to_ascii_lowercase();
        // ("the army backed by militias" is the army acting; "Al Shabaab armed men" names them)
        let patron = if hyphen {
            matches!(word.as_str(), "linked" | "affiliated" | "aligned" | "allied" | "backed" | "inspired" | "sponsored" | "supported" | "funded" | "armed" | "trained")
        } else {
            matches!(word.as_str(), "linked" | "affiliated" | "aligned" | "backed" | "sponsored") && next != "by" && next != "to" && next != "with"
        };
        !patron
    });
}

/// A wire agency in a dateline or told something is the news agency ("MANILA, July 22 (AFP)
/// -", "a spokesman told AFP"); "Arakan Army (AA)" stays the group.
fn wire_agency(text: &str, h: &ActorHit) -> bool {
    static AGENCY: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    // (ASCII names: no Unicode tables to build)
    let agency = AGENCY.get_or_init(|| regex::RegexBuilder::new(&format!("^(?:{})$", frontline_clean::AGENCY)).unicode(false).build().expect("valid regex"));
    if !agency.is_match(h.span.text(text)) {
        return false;
    }
    let before = text[..h.span.start].trim_end();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let in_dateline = before.ends_with('(')
        && text[h.span.end..].starts_with(')')
        && (before[..before.len() - 1].trim_end().ends_with(|c: char| c.is_ascii_digit()) || h.span.start - line_start < 60);
    in_dateline || before.ends_with(" told")
}

/// "the government high school", "a government hospital": "government" naming what a building
/// or an employee belongs to.
fn attributive_government(text: &str, h: &ActorHit) -> bool {
    if !matches!(h.kind, HitKind::StateForce { branch: Branch::Government, .. }) || !h.span.text(text).to_ascii_lowercase().ends_with("government") {
        return false;
    }
    let raw = text[h.span.end..].split_whitespace().next().unwrap_or("").trim_matches(|c: char| !c.is_alphanumeric());
    let next = raw.to_ascii_lowercase();
    // ("the Government Girls Secondary School in Chibok", "Government House": a capitalised
    // name of which "Government" is the first word; not "Government Forces")
    let named_after = h.span.text(text).starts_with('G')
        && raw.starts_with(|c: char| c.is_ascii_uppercase())
        && !matches!(next.as_str(), "forces" | "force" | "troops" | "soldiers" | "army" | "military" | "security" | "police" | "officials" | "official" | "spokesman" | "spokesperson" | "militia" | "militias" | "of" | "and");
    named_after || matches!(
        next.as_str(),
        "school" | "schools" | "high" | "primary" | "secondary" | "girls" | "boys" | "day" | "science" | "technical" | "comprehensive" | "junior" | "senior" | "model"
            | "hospital" | "hospitals" | "college" | "colleges" | "university" | "building" | "buildings"
            | "property" | "vehicle" | "vehicles" | "land" | "lands" | "quarters" | "guest" | "rest" | "housing" | "clinic" | "health" | "employee" | "employees"
            | "teacher" | "teachers" | "worker" | "workers" | "doctor" | "doctors" | "staff" | "jobs" | "job" | "contract" | "contractor" | "contractors"
    )
}

/// "militiamen from the Leelkayse clan", "Al Hayash tribesmen": identity militias named by
/// their community replace the generic words inside them ("militiamen", "tribesmen"); a group
/// the dictionary names ("Fulani militias") keeps its own name.
fn add_community_militias(text: &str, hits: &mut Vec<ActorHit>) {
    let found = frontline_actors::find_community_militias(text);
    if found.is_empty() {
        return;
    }
    let named = |h: &ActorHit| matches!(h.kind, HitKind::Named { .. } | HitKind::StateForce { .. } | HitKind::Claimant { .. });
    let found: Vec<ActorHit> = found.into_iter().filter(|c| !hits.iter().any(|h| named(h) && h.span.overlaps(c.span))).collect();
    hits.retain(|h| !found.iter().any(|c| c.span.overlaps(h.span)));
    hits.extend(found);
    hits.sort_by_key(|h| h.span);
}

/// "Turkish military forces conducted airstrikes in ... Dahuk, Northern Iraq": air power
/// named without a country belongs to the state force the sentence has already named, not to
/// the country where the strikes fell.
fn instruments_of_named_forces(doc: &Document, hits: &mut [ActorHit]) {
    const INSTRUMENTS: &[&str] = &["airstrike", "airstrikes", "air strike", "air strikes", "air raid", "air raids", "warplanes", "warplane", "military aircraft", "fighter jets", "jets", "drones", "drone strike", "drone strikes"];
    for i in 0..hits.len() {
        let HitKind::StateForce { country: None, branch: Branch::Military } = hits[i].kind else { continue };
        let phrase = hits[i].span.text(&doc.text).to_lowercase();
        if !INSTRUMENTS.contains(&phrase.as_str()) {
            continue;
        }
        let Some(si) = doc.sentence_at(hits[i].span.start) else { continue };
        let sent = doc.sentences[si].span;
        // The force named before: a state's military, or a named armed faction of a state
        // ("LNA air force conducted six air strikes").
        let owner = hits[..i].iter().rev().filter(|h| sent.contains(h.span)).find_map(|h| match &h.kind {
            HitKind::StateForce { country: Some(_), branch: Branch::Military } | HitKind::Named { inter: 1, .. } => Some(h.kind.clone()),
            _ => None,
        });
        if let Some(k) = owner {
            hits[i].kind = k;
        }
    }
}

/// A state force read from a country's name at `p` ("Russia launched", "... of India and Pakistan").
fn state_hit_at(text: &str, p: &frontline_model::PlaceMention, branch: Branch) -> ActorHit {
    ActorHit::new(p.span, HitKind::StateForce { country: Some(p.country_code.clone()), branch }, p.span.text(text))
}

/// "military forces of India and Pakistan", "the armies of Armenia and Azerbaijan": the
/// second country's force, its head left out.
fn elided_state_forces(doc: &Document, hits: &mut Vec<ActorHit>) {
    let text = &doc.text;
    let mut add = Vec::new();
    for h in hits.iter() {
        let HitKind::StateForce { country: Some(_), branch } = &h.kind else { continue };
        if !h.span.text(text).to_ascii_lowercase().contains(" of ") {
            continue;
        }
        let rest = &text[h.span.end..];
        let Some(after) = rest.strip_prefix(" and ") else { continue };
        let at = h.span.end + (rest.len() - after.len());
        if let Some(p) = doc.places.iter().find(|p| p.span.start == at && p.feature_code.starts_with("PCL") && !p.demonym) {
            if !hits.iter().any(|o| o.span.overlaps(p.span)) {
                add.push(state_hit_at(text, p, *branch));
            }
        }
    }
    if !add.is_empty() {
        hits.extend(add);
        hits.sort_by_key(|h| (h.span.start, h.span.end));
    }
}

/// A country named as the one acting ("Russia launched airstrikes on Idlib", "Turkey and
/// Russia conducted a joint patrol", "Israel carried out strikes") or blamed for the act ("they
/// blamed Turkey"): that state's military.
/// Returns whether any was added.
fn country_subjects(doc: &Document, hits: &mut Vec<ActorHit>) -> bool {
    const VERBS: &[&str] = &[
        "launched", "carried", "conducted", "struck", "bombed", "shelled", "fired", "targeted", "attacked", "hit", "deployed",
        "sent", "shot", "intercepted", "killed", "raided", "invaded", "pounded", "bombarded", "retaliated", "responded",
    ];
    let text = &doc.text;
    let mut added = false;
    for p in doc.places.iter().filter(|p| p.feature_code.starts_with("PCL") && !p.demonym) {
        if hits.iter().any(|h| h.span.overlaps(p.span)) {
            continue;
        }
        // The country is the subject: the verb follows it, possibly after "and <Country>".
        let mut rest = &text[p.span.end..];
        if let Some(r) = rest.strip_prefix(" and ") {
            let other = doc.places.iter().find(|q| q.span.start == p.span.end + 5 && q.feature_code.starts_with("PCL"));
            match other {
                Some(q) => rest = &text[q.span.end..],
                None => rest = r,
            }
        }
        let verb = rest.split_whitespace().next().unwrap_or("").trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase();
        // ... and starts its clause (not "the border between Syria and Turkey").
        let before = text[..p.span.start].trim_end();
        // (or follows a dateline's dash: "KYIV, Ukraine (AP) — Russia fired")
        let clause_start = before.is_empty()
            || before.ends_with(',')
            || before.ends_with('.')
            || before.ends_with(" and")
            || before.ends_with(';')
            || before.ends_with(" -")
            || before.ends_with('—')
            || before.ends_with('–');
        // ... or is blamed for it: "Kurdish officials ... blamed Turkey", "accusing Russia of"
        let blamed = matches!(before.rsplit(char::is_whitespace).next().unwrap_or(""), "blamed" | "blaming" | "blames" | "accused" | "accusing" | "accuses");
        if VERBS.contains(&verb.as_str()) && clause_start || blamed {
            hits.push(state_hit_at(text, p, Branch::Military));
            added = true;
        }
    }
    if added {
        hits.sort_by_key(|h| (h.span.start, h.span.end));
    }
    added
}

/// Weight of a home-region unit cue (see [`home_region_cues`]).
const HOME_REGION_CUE: f32 = 1.0;

/// First-level units (GeoHints keys, "UA.05") where the named actors and monitoring missions
/// the text mentions operate on `date` (`data/actors/home_regions.tsv`): the geoparser uses them
/// to choose among namesakes ("the OSCE SMM observed ... near Pervomaisk" is Pervomaisk in
/// Luhansk oblast, not its namesakes in Mykolaiv or Kharkiv oblasts).
pub(crate) fn home_region_cues(hits: &[ActorHit], date: Option<Date>) -> Vec<String> {
    let g = frontline_geo::Gazetteer::embedded();
    let mut out: Vec<String> = Vec::new();
    for h in hits {
        let name = match &h.kind {
            HitKind::Named { actor, .. } => actor.as_str(),
            HitKind::Claimant { name, .. } => name.as_str(),
            _ => continue,
        };
        for r in frontline_actors::home_regions(name, date) {
            for u in &r.units {
                if let Some(k) = g.admin1_hint(&r.iso2, u) {
                    if !out.contains(&k) {
                        out.push(k);
                    }
                }
            }
        }
    }
    out
}

/// Pipeline stage: fills times, quantities, actors and places, infers a missing
/// publication date, and records the article's dominant country and armed group.
pub fn run(doc: &mut Document, an: &mut Analysis) {
    // (a missing publication date is inferred from the latest explicit date, in the same scan)
    let (times, date_like, inferred) = frontline_normalize::time::find_times_inferring(&doc.text, doc.published);
    if let Some(d) = inferred {
        doc.published = Some(d);
        doc.published_inferred = true;
    }
    let removed: Vec<Span> = doc.removed.iter().map(|r| r.span).collect();
    let kept = |s: Span| !removed.iter().any(|r| r.overlaps(s));

    doc.times = times.into_iter().filter(|t| kept(t.span)).collect();
    // The document's date, for what depends on the period (groups in power, home regions): its
    // publication date, else its first explicit date (notes carry no publication date).
    let doc_date = doc.published.or_else(|| doc.times.iter().find(|t| t.explicit && !t.coarse).map(|t| t.start));
    doc.quantities = frontline_normalize::quantity::find_quantities(&doc.text)
        .into_iter()
        .filter(|q| kept(q.span))
        .collect();

    let mut hits: Vec<ActorHit> =
        frontline_actors::dict().find(&doc.text).into_iter().filter(|h| kept(h.span)).collect();
    // Where the dictionary names a group or an organisation, a non-event word inside the name
    // names it ("Awami League"), even where the hit is dropped below as someone's supporters
    // ("Awami League activists attacked a rally": no named party, but no sports league either).
    let names: Vec<Span> = hits.iter().filter(|h| matches!(h.kind, HitKind::Named { .. } | HitKind::Claimant { .. })).map(|h| h.span).collect();
    add_community_militias(&doc.text, &mut hits);
    hits.retain(|h| kept(h.span));
    coordinated_demonyms(&doc.text, &mut hits);
    drop_generic_heads(&doc.text, &mut hits);
    drop_supporters(&doc.text, &mut hits);
    drop_patrons(&doc.text, &mut hits);
    instruments_of_named_forces(doc, &mut hits);
    groups_in_power(&doc.text, doc_date, &mut hits);
    an.actor_hits = hits;
    // A time expression says when, not what: "On 3 March 2020" and "in March" (resolved or
    // not) hold no march.
    an.triggers = frontline_ontology::Triggers::embedded()
        .find(&doc.text)
        .into_iter()
        .filter(|t| kept(t.span) && !date_like.iter().any(|d| d.overlaps(t.span)))
        .filter(|t| t.class != "nonevent" || !names.iter().any(|n| n.contains(t.span)))
        .collect();
    armed_blockades(doc, &an.actor_hits, &mut an.triggers);

    // Country cues from actors help the geoparser.
    let mut cues: HashMap<String, f32> = HashMap::new();
    // (words that read differently by country say nothing of the country, nor do words read
    // as an actor only in a text set in its country: "camp leaders told AFP" is the agency)
    for h in an.actor_hits.iter().filter(|h| h.alternatives.is_empty() && h.scope.is_empty()) {
        let c = match &h.kind {
            // (a coalition named without a country fights in one: "Saudi-led coalition
            // airstrikes targeted ... (As Sawdiyah, Al Bayda)" is Al Bayda in Yemen, not Libya)
            HitKind::Named { country: None, actor, .. } => frontline_actors::coalition_theatre(actor, doc_date).map(str::to_string),
            HitKind::Named { country, .. } => country.clone(),
            HitKind::StateForce { country, .. } => country.clone(),
            HitKind::Generic { country, .. } => country.clone(),
            _ => None,
        };
        if let Some(c) = c {
            *cues.entry(c).or_default() += 1.0;
        }
    }
    let mut geo_cues: Vec<(String, f32)> = cues.clone().into_iter().collect();
    an.home_units = home_region_cues(&an.actor_hits, doc_date);
    geo_cues.extend(an.home_units.iter().map(|k| (k.clone(), HOME_REGION_CUE)));
    let hints = frontline_geo::GeoHints { countries: geo_cues, skip: removed.clone() };
    // Place names inside organisation names ("Hayat Tahrir al-Sham", "Russian Reconciliation
    // Center for Syria") name the organisation, not where something happened. (Not words that
    // name one only in some countries, read before the text's country is known: "AL" is the
    // Awami League in Bangladesh, "AL Bayda" a Yemeni governorate.)
    let orgs: Vec<Span> = an
        .actor_hits
        .iter()
        .filter(|h| matches!(h.kind, HitKind::Named { .. } | HitKind::Claimant { .. }))
        .filter(|h| h.scope.is_empty() || h.alternatives.iter().any(|a| a.scope.is_empty()))
        .map(|h| h.span)
        .collect();
    doc.places = frontline_geo::geoparse(&doc.text, &hints)
        .into_iter()
        .filter(|p| !orgs.iter().any(|o| o.overlaps(p.span)))
        .collect();

    // A capitalised trigger word inside a place name ("Hit" in Anbar, "Stari Grad") is the name.
    an.triggers.retain(|t| {
        !(t.span.text(&doc.text).starts_with(char::is_uppercase) && doc.places.iter().any(|p| !p.demonym && p.span.contains(t.span)))
    });
    triggers_that_are_not_events(doc, &mut an.triggers);
    object_triggers(doc, &mut an.triggers);
    elided_state_forces(doc, &mut an.actor_hits);
    if country_subjects(doc, &mut an.actor_hits) {
        instruments_of_named_forces(doc, &mut an.actor_hits);
    }

    // Dominant country: places weigh most (they say where things happen), actors less.
    let mut votes: HashMap<String, f32> = HashMap::new();
    for p in &doc.places {
        *votes.entry(p.country_code.clone()).or_default() += if p.demonym { 0.5 } else { 1.0 };
    }
    for (c, w) in cues {
        *votes.entry(c).or_default() += 0.5 * w;
    }
    an.country = votes
        .into_iter()
        .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        .map(|(c, _)| c);
    // Hits that name no actor here:
    // - words whose every reading is scoped to other countries ("ABUJA, April 10 (AFP) -",
    //   "told AFP": outside the Philippines, AFP is the news agency); words with several
    //   readings take the one of the text's country ("SNA" in Somalia is the Somali National
    //   Army, elsewhere the Syrian National Army: `ActorHit::reading_in`);
    // - a wire agency in a dateline or told something, in any country (`wire_agency`);
    // - "government" naming what a building or an employee belongs to (`attributive_government`).
    {
        let (text, country) = (&doc.text, an.country.as_deref());
        an.actor_hits = std::mem::take(&mut an.actor_hits)
            .into_iter()
            .filter_map(|h| h.reading_in(country))
            .filter(|h| !wire_agency(text, h) && !attributive_government(text, h))
            .collect();
    }
    armed_blockers(doc, an);

    // Dominant named armed group: most mentions, earliest first on ties.
    let mut groups: Vec<((String, u8, Option<String>), usize, usize)> = Vec::new();
    for h in &an.actor_hits {
        if let Some(g) = named_group(h) {
            match groups.iter_mut().find(|x| x.0 .0 == g.0) {
                Some(x) => x.1 += 1,
                None => groups.push((g, 1, h.span.start)),
            }
        }
    }
    groups.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    an.main_group = groups.into_iter().next().map(|g| g.0);

    let date = doc.published;
    doc.actors = an
        .actor_hits
        .iter()
        .filter_map(|h| {
            let (nearby, shunned) = label_context(doc, an, h);
            let r = resolve(h, an, an.country.as_deref(), date, nearby.as_ref(), &shunned)?;
            Some(ActorMention {
                span: h.span,
                actor: r.name,
                inter: r.inter,
                country: r.country,
                label_term: r.label_term,
                matched: h.matched.clone(),
            })
        })
        .collect();
}

/// "Armed men blocked a highway ... and shot dead 23 passengers": a protest's blocking phrase
/// ("blocked a highway") whose subject, right before it, is a non-state armed actor names no
/// protesters and no protest when they also kill, attack or abduct there; the gunmen blocked
/// the road.
fn armed_blockers(doc: &Document, an: &mut Analysis) {
    let text = &doc.text;
    // (rebels and gunmen; not parties, whose members do block roads in protest)
    let armed = |h: &ActorHit| match &h.kind {
        HitKind::Named { inter, .. } => (2..=3).contains(inter),
        HitKind::Generic { role, .. } => matches!(role, Role::UnidentifiedArmedGroup),
        // ("bandits", "militants": a label names an armed group)
        HitKind::Label { .. } => true,
        _ => false,
    };
    // the blocking phrase: a protesters' hit ("blocked a highway") or a protest trigger
    // ("blocked the Abuja-Kaduna highway")
    let blocks: Vec<Span> = an
        .actor_hits
        .iter()
        .filter(|h| matches!(h.kind, HitKind::Generic { role: Role::Protesters, .. }) && h.matched.starts_with("block"))
        .map(|h| h.span)
        .chain(an.triggers.iter().filter(|t| t.class == "protest" && t.span.text(text).starts_with("block")).map(|t| t.span))
        .collect();
    let mut gone: Vec<Span> = Vec::new();
    for b in blocks {
        let subject = an.actor_hits.iter().filter(|p| p.span.end <= b.start).max_by_key(|p| p.span.end);
        if subject.is_some_and(|p| armed(p) && text[p.span.end..b.start].trim().is_empty())
            // (and do violence there: ACLED codes "members of HTS blocked the road in front of a
            // Turkish column" as a protest)
            && doc.sentence_at(b.start).is_some_and(|i| {
                let sp = doc.sentences[i].span;
                an.triggers.iter().any(|t| sp.contains(t.span) && matches!(t.class, "kill" | "attack" | "smallarms" | "abduct" | "sexual"))
            })
        {
            gone.push(b);
        }
    }
    if gone.is_empty() {
        return;
    }
    an.actor_hits.retain(|h| !gone.contains(&h.span));
    an.triggers.retain(|t| !(t.class == "protest" && gone.iter().any(|g| g.overlaps(t.span))));
}

/// "Taliban forces arrested two activists" in 2023: a group that held the state on the
/// document's date is coded as that state's forces (`data/actors/groups_in_power.tsv`);
/// "Taliban police" are its police.
fn groups_in_power(text: &str, date: Option<Date>, hits: &mut [ActorHit]) {
    let Some(date) = date else { return };
    for h in hits.iter_mut() {
        let HitKind::Named { actor, .. } = &h.kind else { continue };
        let Some((cc, stands_for)) = frontline_actors::group_in_power(actor, date) else { continue };
        h.kind = match stands_for {
            frontline_actors::InPower::Branch(b) => {
                // (its words, or the word after them: "Taliban police", "the Taliban's
                // intelligence agency detained")
                let next = text[h.span.end..].split_whitespace().take(2).map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase()).collect::<Vec<_>>();
                let police = h.matched.to_ascii_lowercase().contains("police")
                    || next.iter().any(|w| matches!(w.as_str(), "police" | "policemen" | "intelligence"));
                HitKind::StateForce { country: Some(cc.to_string()), branch: if police { Branch::Police } else { *b } }
            }
            frontline_actors::InPower::Subunit(sfx) => HitKind::Named {
                actor: format!("{} {sfx}", frontline_actors::state_force_name(cc, Branch::Military, Some(date))),
                inter: 1,
                country: Some(cc.to_string()),
            },
        };
    }
}

/// Trigger words that here name no event: a crowd that disperses of itself ("They dispersed
/// after presenting a petition", "the rally dispersed peacefully") met no intervention; a
/// "picket" of the security forces is a post, not a protest ("lobbed a grenade towards a
/// security forces' picket").
fn triggers_that_are_not_events(doc: &Document, triggers: &mut Vec<frontline_ontology::TriggerHit>) {
    use crate::events::words_before;
    let text = &doc.text;
    triggers.retain(|t| {
        let w = t.span.text(text);
        let self_dispersal = t.class == "intervention"
            && w.eq_ignore_ascii_case("dispersed")
            && (words_before(text, t.span.start, 1).first().is_some_and(|p| {
                matches!(p.as_str(), "they" | "protesters" | "demonstrators" | "crowd" | "crowds" | "rally" | "march" | "gathering" | "participants" | "marchers" | "protest" | "demonstration")
            }) || ["peacefully", "after ", "without"].iter().any(|n| text[t.span.end..].trim_start().starts_with(n)));
        let security_picket = t.class == "protest"
            && w.to_ascii_lowercase().starts_with("picket")
            && words_before(text, t.span.start, 2).iter().any(|p| {
                matches!(p.as_str(), "forces" | "police" | "army" | "crpf" | "bsf" | "security" | "military" | "paramilitary" | "cisf" | "itbp" | "ssb" | "frontier" | "rangers")
            });
        !(self_dispersal || security_picket)
    });
}

/// "Al Shabaab militants imposed a blockade on Beledweyne": a blockade an armed group imposes
/// is a change to its activity (ACLED's "Change to group/activity"), not a protest's road
/// blockade. The armed group is named before the word, in the same sentence.
fn armed_blockades(doc: &Document, hits: &[ActorHit], triggers: &mut [frontline_ontology::TriggerHit]) {
    let text = &doc.text;
    for t in triggers.iter_mut().filter(|t| t.class == "protest") {
        let w = t.span.text(text).to_ascii_lowercase();
        if !w.contains("blockade") {
            continue;
        }
        let Some(si) = doc.sentence_at(t.span.start) else { continue };
        let sent = doc.sentences[si].span;
        let armed = hits.iter().any(|h| {
            sent.contains(h.span)
                && h.span.end <= t.span.start
                && matches!(h.kind, HitKind::Named { inter: 2..=4, .. } | HitKind::Label { .. } | HitKind::Generic { role: Role::UnidentifiedArmedGroup, .. })
        });
        if armed {
            t.class = "change";
            t.weight = 5;
        }
    }
}

/// Triggers that a verb makes only with a certain object ("seized Paletwa", not "seized
/// weapons"): the rows of `data/ontology/pattern_triggers.tsv`, applied in order. A
/// `before_place` row is tried on the 80 characters before each place that can be an object
/// (no demonym, no country, no possessive: "seized Kabul's drug stash" takes no Kabul).
fn object_triggers(doc: &Document, triggers: &mut Vec<frontline_ontology::TriggerHit>) {
    use frontline_ontology::{Anchor, TriggerHit};
    let text = &doc.text;
    let mut add: Vec<TriggerHit> = Vec::new();
    let open = frontline_ontology::pattern_gate().rows(text);
    for (row, _) in frontline_ontology::pattern_triggers().iter().zip(open).filter(|(_, o)| *o) {
        let spans: Vec<Span> = match row.anchor {
            Anchor::Text => row.regex().find_iter(text).map(|m| Span::new(m.start(), m.end())).collect(),
            Anchor::BeforePlace => doc
                .places
                .iter()
                .filter(|p| !p.demonym && !p.is_country())
                .filter(|p| !(text[p.span.end..].starts_with("'s") || text[p.span.end..].starts_with("’s")))
                .filter_map(|p| {
                    let from = text[..p.span.start].char_indices().rev().nth(80).map_or(0, |(i, _)| i);
                    row.regex().find(&text[from..p.span.start]).map(|m| Span::new(from + m.start(), p.span.end))
                })
                .collect(),
        };
        for span in spans {
            if triggers.iter().chain(add.iter()).any(|t| t.span.overlaps(span) && row.unless.contains(&t.class)) {
                continue;
            }
            // (a trigger of the same class already there still overrides what this row replaces:
            // "took control of Bazarak without a fight after ... withdrew")
            add.retain(|t| !(t.span.overlaps(span) && row.replaces.contains(&t.class)));
            triggers.retain(|t| !(t.span.overlaps(span) && row.replaces.contains(&t.class)));
            if !triggers.iter().chain(add.iter()).any(|t| t.span.overlaps(span) && t.class == row.class) {
                add.push(TriggerHit { span, class: row.class, weight: row.weight });
            }
        }
    }
    if !add.is_empty() {
        triggers.extend(add);
        triggers.sort_by_key(|t| (t.span.start, t.span.end));
    }
}

#[cfg(test)]
mod tests {
    use frontline_model::RawArticle;

    fn run(text: &str, published: Option<&str>) -> frontline_model::Document {
        crate::process(RawArticle { id: "m".into(), text: text.into(), published: published.map(|d| d.parse().unwrap()), ..Default::default() })
    }

    #[test]
    fn every_home_region_unit_is_a_gazetteer_unit() {
        let g = frontline_geo::Gazetteer::embedded();
        for r in frontline_actors::home_regions_all() {
            for u in &r.units {
                assert!(g.admin1_hint(&r.iso2, u).is_some(), "home_regions.tsv: {} names {u:?}, no admin-1 unit of {}", r.actor, r.iso2);
            }
        }
    }

    #[test]
    fn an_actors_home_region_chooses_among_namesakes() {
        // no place in the text says which Pervomaisk: the OSCE SMM's and the NAF's operating area does
        for t in [
            "On 12 March 2019, the OSCE SMM observed 40 explosions near Pervomaisk.",
            "On 12 March 2019, NAF forces fired mortars at positions near Pervomaisk.",
        ] {
            let d = run(t, None);
            let p = d.places.iter().find(|p| p.span.text(t) == "Pervomaisk").unwrap_or_else(|| panic!("{:?}", d.places));
            assert_eq!(p.admin1.as_deref(), Some("Luhansk"), "{t}: {p:?}");
        }
        // outside the actor's period the cue is gone (the SMM left in 2022)
        let ks = super::home_region_cues(&frontline_actors::dict().find("the OSCE SMM observed"), Some("2023-05-01".parse().unwrap()));
        assert!(ks.is_empty(), "{ks:?}");
        // and it never moves a place the text places explicitly
        let t = "On 12 March 2019, NAF representatives were reported at a meeting in Pervomaisk, Mykolaiv oblast.";
        let d = run(t, None);
        let p = d.places.iter().find(|p| p.span.text(t) == "Pervomaisk").unwrap_or_else(|| panic!("{:?}", d.places));
        assert_eq!(p.admin1.as_deref(), Some("Mykolaiv"), "{p:?}");
    }

    #[test]
    fn publication_date_inferred_from_the_latest_explicit_date() {
        let d = run("Fighting on 3 May 2024 and again on 5 May 2024 near Kharkiv.", None);
        assert_eq!(d.published.unwrap().to_string(), "2024-05-05");
        assert!(d.published_inferred);
        let d = run("Fighting on 3 May 2024.", Some("2024-05-10"));
        assert!(!d.published_inferred);
    }

    #[test]
    fn coordinated_demonyms_name_two_state_forces() {
        let d = run("Russian and Syrian forces struck Idlib.", Some("2024-11-30"));
        let names: Vec<&str> = d.actors.iter().map(|a| a.actor.as_str()).collect();
        assert!(names.iter().any(|n| n.starts_with("Military Forces of Russia")), "{names:?}");
        assert!(names.iter().any(|n| n.starts_with("Military Forces of Syria")), "{names:?}");
    }

    #[test]
    fn a_plural_demonym_before_a_force_is_people() {
        let d = run("On 4 May 2020, clashes erupted between Palestinians and Israeli forces at the Qalandia refugee camp.", None);
        assert!(!d.actors.iter().any(|a| a.actor.starts_with("Military Forces of Palestine")), "{:?}", d.actors);
    }

    #[test]
    fn place_names_inside_organisation_names_are_not_places() {
        let d = run("Hayat Tahrir al-Sham fighters entered Aleppo.", Some("2024-11-30"));
        let places: Vec<&str> = d.places.iter().map(|p| p.name.as_str()).collect();
        assert!(places.contains(&"Aleppo"), "{places:?}");
        assert!(!places.contains(&"Damascus"), "al-Sham inside the group's name: {places:?}");
    }

    #[test]
    fn state_subunits_take_the_period_of_the_date() {
        let d = run("On 28 April 2020, military police officers exchanged fire with gang members in Vila Velha, Espirito Santo.", None);
        let a = d.actors.iter().find(|a| a.actor.contains("Military Police")).expect("the sub-unit");
        assert!(!a.actor.contains("(2023-)"), "{}", a.actor);
        assert!(a.actor.starts_with("Military Forces of Brazil ("), "{}", a.actor);
    }

    #[test]
    fn air_power_belongs_to_the_force_named_before_it() {
        let d = run("On 6 May 2020, Turkish Military forces conducted airstrikes on a hill in Haftanin region of Dahuk, Northern Iraq.", None);
        let strikes = d.actors.iter().find(|a| a.span.text(&d.text) == "airstrikes").expect("the strikes as an actor mention");
        assert!(strikes.actor.starts_with("Military Forces of Turkey"), "{}", strikes.actor);
        let e = &d.events[0];
        assert!(e.actor1.starts_with("Military Forces of Turkey"), "{}", e.actor1);
        // With no force named, the strikes stay the state's of the place (resolved later).
        let d = run("On 8 May 2020, LNA air force conducted six air strikes targeting GNA positions in Al Hishah (Misrata).", None);
        assert!(d.events[0].actor1.contains("Haftar"), "{}", d.events[0].actor1);
        // A force named in another sentence does not own the strikes.
        let d = run("On 6 May 2020, Turkish forces shelled a village near Zakho. Airstrikes hit a hill in Dahuk, Northern Iraq.", None);
        let strikes = d.actors.iter().find(|a| a.span.text(&d.text) == "Airstrikes").expect("the strikes as an actor mention");
        assert!(!strikes.actor.contains("Turkey"), "{}", strikes.actor);
    }

    #[test]
    fn community_militias_are_named_with_the_country() {
        let d = run("On 8 May 2020, militiamen from the Leelkayse clan clashed with a rival militia near Gaalkacyo town, Mudug.", None);
        let e = &d.events[0];
        assert_eq!(e.actor1, "Leelkayse Clan Militia (Somalia)");
        assert_eq!(e.inter1, Some(4));
    }

    #[test]
    fn gendarmes_are_coded_by_their_country_s_branch() {
        let d = run("On 5 May 2020, 3 PKK militants were killed during the security operations carried out by the Gendarmerie forces in Dogubeyazit district of Agri, Turkey.", None);
        let g = d.actors.iter().find(|a| a.span.text(&d.text).contains("Gendarmerie")).expect("the gendarmes");
        assert!(g.actor.starts_with("Military Forces of Turkey") && g.actor.ends_with("Gendarmerie"), "{}", g.actor);
        let d = run("On 5 May 2020, gendarmes arrested two men in Mopti, Mali.", None);
        let g = d.actors.iter().find(|a| a.span.text(&d.text) == "gendarmes").expect("the gendarmes");
        assert!(g.actor.starts_with("Police Forces of Mali"), "{}", g.actor);
    }

    #[test]
    fn loaded_labels_resolve_to_the_named_group() {
        let d = run("Al Shabaab claimed the attack. The militants stormed a base near Kismayo.", Some("2024-05-04"));
        let label = d.actors.iter().find(|a| a.label_term).expect("a label");
        assert!(label.actor.contains("Shabaab"), "{}", label.actor);
    }
}
