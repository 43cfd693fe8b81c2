//! The page's foot: the report's source and licence, the dataset's method and licence, the data
//! files, and (in another language) that the translation is ours, said once.

use super::state::use_ctx;
use super::text::templated;
use crate::core::i18n::{self, T, t};
use leptos::either::Either;
use leptos::prelude::*;

/// Source, method, data files, citing and embedding.
#[component]
pub fn SiteFoot() -> impl IntoView {
    let ctx = use_ctx();
    let d = ctx.d();
    let r = d.reports.first().cloned();
    let (url, title, publisher, licence) = r
        .map(|r| (r.source_url, r.title, r.publisher, r.licence))
        .unwrap_or_default();
    let source = templated(t(T::Source), move |i| {
        if i == 0 {
            Either::Left(view! {
                <a href=url.clone() rel="external noopener" lang="en">{title.clone()}</a>
            })
        } else {
            Either::Right(view! { <span lang="en">{publisher.clone()}</span> })
        }
    });
    let translated = (i18n::lang() != i18n::Lang::En)
        .then(|| view! { <p class="translation-note">{t(T::TranslationsNote)}</p> });
    view! {
        <footer id="site-foot" class="site-foot">
            <p>{source} " " <span lang="en">{licence}</span></p>
            <p>
                {format!(
                    "{} {} {} {} ",
                    t(T::AboutData),
                    d.dataset.method,
                    d.dataset.licence,
                    t(T::DataFiles),
                )}
                <a href="data/kazakhstan-2006.json">"JSON"</a>
                " · "
                <a href="data/kazakhstan-2006.csv">"CSV"</a>
                " · "
                <a href="data/datapackage.json" type="application/json">"datapackage.json"</a>
                "."
            </p>
            {translated}
            <p>
                <button type="button" class="link" on:click=move |_| ctx.ui.cite_open.set(true)>
                    {t(T::CiteThisView)}
                </button>
                " · "
                <button type="button" class="link" on:click=move |_| ctx.ui.embed_open.set(true)>
                    {t(T::EmbedOnYourSite)}
                </button>
            </p>
        </footer>
    }
}
