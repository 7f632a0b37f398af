//! Evaluation of frontline against gold event data.
//!
//! [`acled`] scores the pipeline on ACLED exports: each row's coder note (with the
//! coder's give-aways removed) is run through the extractor and the first event is
//! compared with the row.

pub mod acled;

pub use acled::EvalError;
