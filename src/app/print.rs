//! "Print this view": the image module draws both charts as SVG (A4 landscape) into a region
//! shown only on paper (`#print-view`, empty until asked for), under the view's filter line,
//! then the browser prints. The print stylesheet does the rest: no controls, the figures, and
//! the list with each activity's source sentence (`card::card`). Without the action, the page's
//! own charts are printed instead.
//!
//! The module fills the region with a few DOM calls: as components here, the region and the
//! list measured 3.3 KB gzipped of the page's wasm, which every first visit downloads, for
//! something printed now and then.

use super::export::{Chart, image_request};
use super::state::Ctx;
use super::url::current_url;
use crate::core::i18n::{T, t};
use crate::core::labels::caption;
use crate::images::Size;
use leptos::prelude::GetUntracked;

/// Prints the current view with its charts drawn for paper.
pub fn print_view(ctx: Ctx) {
    let (d, f) = (ctx.d(), ctx.state.filters.get_untracked());
    let url = current_url();
    let [sector, timeline] =
        [Chart::Sector, Chart::Timeline].map(|c| image_request(&d, &f, c, Size::Print, &url));
    let filter = caption(&d, &f);
    let filter = if filter.is_empty() {
        t(T::ImageNoFilter).to_string()
    } else {
        filter
    };
    super::images::print(&sector, &timeline, &filter);
}
