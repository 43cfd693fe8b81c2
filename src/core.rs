//! The pure core: everything that selects, sums and lays out, with no DOM access, so a native
//! `cargo test` covers it and the build can render the first screen with it.
//!
//! Layered bottom-up, with no cycles: dataset (`model`, decoded by serde and checked by
//! `validate`; made by `build`) → view state (`filters`, from the URL) → `query` (select,
//! totals, dates) → layouts (`charts`, `timeline`, which travel to the image module as JSON in
//! their `wire` form) and words (`labels`) → files people take away (`exports` for
//! CSV/JSON/citations; chart images are drawn outside the core, by `crate::images`); `i18n`
//! beside them holds the language (the data's descriptions translated by `translate`).

#[cfg(not(target_arch = "wasm32"))]
pub mod build;
pub mod charts;
pub mod colour;
pub mod exports;
pub mod filters;
pub mod i18n;
pub mod labels;
pub mod model;
pub mod order;
pub mod query;
pub mod timeline;
pub mod translate;
pub mod validate;
pub mod wire;
