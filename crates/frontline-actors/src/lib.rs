//! frontline-actors: the country table and the ACLED actor dictionary.
//!
//! Knowledge lives in data files embedded at build time and parsed lazily on first use:
//! `data/countries.tsv`, `data/actors/{state_forces,state_aliases,groups,generic,organisations,conventions,home_regions,groups_in_power}.tsv`
//! (each file's header comment documents its format and provenance).
//!
//! * [`countries()`] — ISO codes, ACLED names/regions, demonyms, GeoNames names.
//! * [`state_force_name`] — period-correct "Military Forces of Syria (2000-2024)".
//! * [`role_name`] — "Protesters (Nigeria)", 6. Without a country: "Protesters (International)" (ACLED's own
//!   convention for actors without one country, as in "Refugees/IDPs (International)").
//! * [`dict()`] → [`ActorDict::find`] — actor mentions in text: byte spans (see [`frontline_model::Span`]),
//!   sorted, leftmost-longest, non-overlapping, on word boundaries.
//!
//! Case: aliases without spaces that contain two or more capitals (HTS, RSF, SNA, IS, U.S.) match
//! case-sensitively; everything else ASCII-case-insensitively. A hit directly after "pro-" / "anti-" is dropped
//! unless the pattern itself includes the prefix ("pro-Houthi"), so "anti-Houthi forces" is not a Houthi mention.

mod community;
mod compile;
mod conventions;
mod countries;
mod data;
mod dict;
mod home_regions;
mod kinds;
mod renamed;
mod state;

pub use community::{find_community_militias, is_community_militia};
pub use conventions::{codes_gangs, coalition_actor, coalition_theatre, conventions, gang_name, gendarmerie_branch, unattributed_convention, Convention, ConventionActor};
pub use countries::{countries, Countries, CountryInfo};
pub use data::{DataError, FILES};
pub use dict::{dict, ActorDict, GroupInfo};
pub use state::{group_in_power, role_name, InPower, state_force_inter, state_force_name, state_periods, StatePeriod};
pub use home_regions::{home_regions, home_regions_all, HomeRegion};
pub use renamed::{renamed, Rename};

use frontline_model::Span;

pub use kinds::{Branch, Role};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HitKind {
    /// A named group (or a named state sub-unit / de-facto authority) under its ACLED name. Groups that ACLED
    /// splits by country ("Islamic State") carry the generic name; see [`ActorDict::resolve_named`].
    Named { actor: String, inter: u8, country: Option<String> },
    /// A state force; `country` None = "government forces" etc. (country resolved later from context).
    StateForce { country: Option<String>, branch: Branch },
    /// Crowds, victims, unknown perpetrators.
    Generic { role: Role, country: Option<String> },
    /// A loaded label ("terrorists", "militants"): resolved by the pipeline to the actor it names.
    Label { term: String },
    /// An organisation that makes claims (a source of statements), not an actor in the event.
    /// `claimant_type`: official | monitor | un | media | armed_group | health.
    Claimant { name: String, claimant_type: &'static str, country: Option<String> },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorHit {
    pub span: Span,
    pub kind: HitKind,
    /// The text as it appears at `span`.
    pub matched: String,
    /// The countries in whose texts this reading holds ("AFP" is the Philippine army only in a
    /// text set in the Philippines); empty: everywhere.
    pub scope: Vec<String>,
    /// Other readings of the same words, each with its own scope ("SNA": the Syrian National
    /// Army; in a text set in Somalia, the Somali National Army). See [`ActorHit::reading_in`].
    pub alternatives: Vec<ActorHit>,
}

impl ActorHit {
    /// A hit with one reading, valid everywhere.
    pub fn new(span: Span, kind: HitKind, matched: impl Into<String>) -> ActorHit {
        ActorHit { span, kind, matched: matched.into(), scope: Vec::new(), alternatives: Vec::new() }
    }

    /// The reading of these words in a text set in `country`: a reading scoped to that country
    /// first, else one valid everywhere; `None` when every reading is scoped elsewhere.
    pub fn reading_in(&self, country: Option<&str>) -> Option<ActorHit> {
        let readings = std::iter::once(self).chain(&self.alternatives);
        let scoped = readings.clone().find(|h| !h.scope.is_empty() && country.is_some_and(|c| h.scope.iter().any(|s| s == c)));
        scoped.or_else(|| readings.clone().find(|h| h.scope.is_empty())).map(|h| ActorHit { alternatives: Vec::new(), ..h.clone() })
    }
}

/// Parses every embedded data file and reports the first error (file:line). The lazy accessors panic on a
/// broken embedded file; tests call this so that never ships.
pub fn validate_all() -> Result<(), DataError> {
    Countries::parse()?;
    state::parse_state_forces()?;
    conventions::parse_conventions()?;
    conventions::parse_gang_names()?;
    conventions::parse_gang_regions()?;
    conventions::parse_coalitions()?;
    conventions::parse_gendarmeries()?;
    state::parse_groups_in_power()?;
    home_regions::parse_home_regions()?;
    renamed::parse_renamed()?;
    community::parse_community_rules()?;
    compile::compile()?;
    Ok(())
}

/// Strips ACLED's period and any trailing sub-unit from an actor name:
/// "Military Forces of Syria (2000-2024) Air Force" → "Military Forces of Syria". Other names are unchanged.
pub fn actor_stem(name: &str) -> &str {
    let b = name.as_bytes();
    let mut i = 0;
    while let Some(p) = name[i..].find('(') {
        let s = i + p;
        let rest = &b[s + 1..];
        if rest.len() >= 5 && rest[..4].iter().all(u8::is_ascii_digit) && rest[4] == b'-' {
            return name[..s].trim_end();
        }
        i = s + 1;
    }
    name
}
