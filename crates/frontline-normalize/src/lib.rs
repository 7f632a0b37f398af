//! Normalisation of news text for frontline: time expressions ([`time`]) and numbers /
//! vague quantities ([`quantity`]). Pure functions over `&str`; spans are UTF-8 byte
//! offsets ([`frontline_model::Span`]). Nothing here fails: text that does not parse is
//! simply not reported, so there is no error type.
//!
//! Debugging aid: `cargo run -p frontline-normalize --example dump -- 2024-11-30 < lines.txt`.

use frontline_ascii as ascii;
mod scan;

pub mod quantity;
pub mod time;

pub use quantity::find_quantities;
pub use time::{find_times, find_times_inferring, latest_explicit_date};
