//! The pure core: everything that selects, sums, lays out and paints, with no DOM access, so a
//! native `cargo test` covers it and the build can paint the first screen with it.
//!
//! dataset (`model`, decoded by serde and checked by `validate`; made by `build`) → view state
//! (`filters`, from the URL) → `query` (select, totals, dates) → layouts (`charts`, `timeline`)
//! → painters (`paint` for the page, `svg` for downloads, `exports` for CSV/JSON/citations),
//! in the language `i18n` holds (the data's descriptions translated by `translate`).

#[cfg(not(target_arch = "wasm32"))]
pub mod build;
pub mod charts;
pub mod colour;
pub mod exports;
pub mod filters;
pub mod i18n;
pub mod model;
pub mod order;
pub mod paint;
pub mod query;
pub mod svg;
pub mod timeline;
pub mod translate;
pub mod validate;
