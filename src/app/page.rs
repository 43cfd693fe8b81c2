//! The whole page, region by region. The build renders it natively for the default view
//! (`dataset prepaint`), and the browser hydrates that HTML; the same component is built fresh
//! where the page cannot be hydrated (an embed, another language, other data). An embed is
//! one view with its caption and foot: it holds nothing else.

use super::activity_list::ActivityList;
use super::activity_sheet::ActivitySheet;
use super::dialogs::{CiteDialog, EmbedDialog};
use super::embed::{EmbedBody, EmbedChoice, EmbedFoot, EmbedHead};
use super::filter_form::FilterForm;
use super::masthead::Masthead;
use super::outcomes::Outcomes;
use super::overview::{Overview, Summary};
use super::reader::Reader;
use super::sector_chart::SectorChart;
use super::site_foot::SiteFoot;
use super::skip_links::SkipLinks;
use super::state::use_ctx;
use super::timeline::Timeline;
use super::toolbar::Toolbar;
use crate::core::filters::Embed;
use crate::core::i18n;
use leptos::prelude::*;

/// The explorer: masthead, toolbar, charts, figures, filters, list, report, foot, the activity
/// sheet and the dialogs. `fingerprint`: the dataset file's, recorded on the page so the app
/// hydrates it only for the same data.
#[component]
pub fn Page(fingerprint: String) -> impl IntoView {
    let ctx = use_ctx();
    let full = ctx.embed.is_none();
    view! {
        <div id="kz-page" class="app" data-dataset=fingerprint data-lang=i18n::lang().code()>
            {full.then(|| view! { <SkipLinks /> <Masthead /> })}
            // Written as text by boot.js, the app and the panic hook (see `dom::set_status`).
            <div id="status" class="status-line" role="status"></div>
            <main id="main" class:embed=!full>
                {(!full).then(|| view! { <EmbedHead /> })}
                {full
                    .then(|| {
                        view! {
                            <Toolbar />
                            // Filled by "Print this view" (`print`), shown only on paper.
                            <section id="print-view" class="print-only"></section>
                        }
                    })}
                <div class="charts">
                    {ctx.shows(Embed::Chart).then(|| view! { <SectorChart /> })}
                    {ctx.shows(Embed::Timeline).then(|| view! { <Timeline /> })}
                </div>
                {ctx.shows(Embed::Overview).then(|| view! { <Overview /> <Summary /> })}
                {ctx.shows(Embed::Outcomes).then(|| view! { <Outcomes /> })}
                {full
                    .then(|| {
                        view! {
                            <FilterForm />
                            <ActivityList />
                            <Reader />
                        }
                    })}
                {(ctx.embed == Some(Embed::Activity)).then(|| view! { <EmbedBody /> })}
                {matches!(ctx.embed, Some(Embed::Chart | Embed::Timeline))
                    .then(|| view! { <EmbedChoice /> })}
                {(!full).then(|| view! { <EmbedFoot /> })}
            </main>
            {full
                .then(|| {
                    view! {
                        <SiteFoot />
                        <ActivitySheet />
                        <CiteDialog />
                        <EmbedDialog />
                    }
                })}
        </div>
    }
}
