//! The report explorer: a pure core (model, validation, query, charts) that runs natively and in
//! the browser, and thin Leptos views over it (`app`).

pub mod app;
pub mod build;
pub mod charts;
pub mod exports;
pub mod filters;
pub mod html;
pub mod load;
pub mod model;
pub mod query;
pub mod timeline;
pub mod validate;
