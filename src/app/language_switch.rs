//! The language switch: a link per language, each in its own name and script, that changes
//! only `lang`. Another language is another page load (from the cache): every text and the
//! data's descriptions change at once, and the view, in the URL, stays.

use super::link::plain_click;
use super::url;
use crate::core::filters::Filters;
use crate::core::i18n::{self, Lang, T, t};
use leptos::prelude::*;

/// English, Русский, Қазақша; the current one marked.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let here = i18n::lang();
    view! {
        <nav class="langs" aria-label=t(T::Language)>
            <ul>
                {Lang::ALL
                    .into_iter()
                    .map(|l| {
                        let change = format!("?lang={}", l.code());
                        view! {
                            <li>
                                <a
                                    href=change.clone()
                                    data-lang=l.code()
                                    lang=l.code()
                                    hreflang=l.code()
                                    aria-current=(l == here).then_some("true")
                                    on:click=move |ev| {
                                        if plain_click(&ev) {
                                            ev.prevent_default();
                                            let q = Filters::merge_query(&url::current_query(), &change);
                                            url::push_query(&q, false);
                                            if let Some(w) = crate::app::dom::window() {
                                                let _ = w.location().reload();
                                            }
                                        }
                                    }
                                >
                                    {l.name()}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
