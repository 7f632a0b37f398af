//! Normalisation of time expressions and quantities in news text.
pub mod quantity;
pub mod time;
