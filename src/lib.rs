//! The report explorer: a pure core (`core`: dataset, queries, layouts, words) that runs
//! natively and in the browser, the page as Leptos components over it (`app`), and the chart
//! images people take away, drawn by plotters (`images`).

pub mod app;
pub mod core;
pub mod images;
