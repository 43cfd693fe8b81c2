//! The report explorer: a pure core (`core`: dataset, queries, layouts, painters) that runs
//! natively and in the browser, and thin browser bindings over it (`app`).

pub mod app;
pub mod core;
