//! The Leptos views: thin wiring from the URL's filters and the loaded dataset to the pure core.

mod activities;
mod chart;
mod embed;
mod export;
mod filter_bar;
mod overview;
mod reader;
mod timeline;

use crate::filters::Filters;
use crate::load::{LoadError, load_dataset};
use crate::model::Dataset;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Shows a readable message instead of a frozen page if anything still panics.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
        let doc = web_sys::window().and_then(|w| w.document());
        if let Some(body) = doc.as_ref().and_then(|d| d.body()) {
            let msg = "Something went wrong inside the explorer and it stopped. Reloading the \
                       page usually fixes it; if not, please report the address you were on.";
            let html = format!(
                "<div role=\"alert\" class=\"panic\"><p>{msg}</p>\
                 <button type=\"button\" onclick=\"location.reload()\">Reload</button></div>"
            );
            let _ = body.insert_adjacent_html("afterbegin", &html);
        }
    }));
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    view! { <Shell/> }
}

/// The query string of the page's URL as a signal, kept in step with Back and Forward.
/// (A single-route app needs no router: this replaces leptos_router at a fraction of its size.)
fn use_query_string() -> (ReadSignal<String>, WriteSignal<String>) {
    let current = || {
        web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default()
    };
    let (query, set_query) = signal(current());
    let handle = window_event_listener(leptos::ev::popstate, move |_| set_query.set(current()));
    on_cleanup(move || handle.remove());
    // Links between views (`<a href="?…" data-noscroll>`) change the query in place.
    let clicks = window_event_listener(leptos::ev::click, move |ev| {
        if ev.default_prevented()
            || ev.button() != 0
            || ev.meta_key()
            || ev.ctrl_key()
            || ev.shift_key()
            || ev.alt_key()
        {
            return;
        }
        let link = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[data-noscroll]").ok().flatten());
        let Some(link) = link else { return };
        let Some(href) = link.get_attribute("href") else {
            return;
        };
        let base = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.base_uri().ok().flatten());
        if let Some(url) = base.and_then(|b| web_sys::Url::new_with_base(&href, &b).ok()) {
            ev.prevent_default();
            // `data-merge` links carry only what they change (the reader's `?activity=…`), so
            // their view need not re-render on every filter change; the rest is kept.
            let query = if link.has_attribute("data-merge") {
                let current = web_sys::window()
                    .and_then(|w| w.location().search().ok())
                    .unwrap_or_default();
                Filters::merge_query(&current, &url.search())
            } else {
                url.search()
            };
            push_query(&query, false);
            set_query.set(query);
        }
    });
    on_cleanup(move || clicks.remove());
    (query, set_query)
}

/// Writes a query string into the address bar, as a new history entry or in place.
fn push_query(query: &str, replace: bool) {
    let Some(w) = web_sys::window() else { return };
    let path = w.location().pathname().unwrap_or_else(|_| "/".into());
    let q = query.trim_start_matches('?');
    let url = if q.is_empty() {
        path
    } else {
        format!("{path}?{q}")
    };
    if let Ok(h) = w.history() {
        let _ = if replace {
            h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
    }
}

/// The one filter state every view reads, and the way to change it (a URL navigation).
#[derive(Clone, Copy)]
pub struct ViewState {
    pub filters: Memo<Filters>,
    /// The open activity alone, so views that show only it skip other filter changes.
    pub activity: Memo<Option<String>>,
    set: Callback<(Filters, bool)>,
}

impl ViewState {
    /// Pushes a new view onto the history, so Back restores the previous one.
    pub fn set(&self, f: Filters) {
        self.set.run((f, false));
    }

    /// Replaces the current view without a history entry (typing in the search box).
    pub fn replace(&self, f: Filters) {
        self.set.run((f, true));
    }

    /// Applies `change` to the current filters and pushes the result.
    pub fn update(&self, change: impl FnOnce(&mut Filters)) {
        let mut f = self.filters.get_untracked();
        change(&mut f);
        self.set(f);
    }
}

/// The layout width for charts: `narrow` on phones, `wide` otherwise; follows window resizes.
pub fn use_width(narrow: u32, wide: u32) -> Signal<u32> {
    let pick = move || {
        let w = web_sys::window()
            .and_then(|w| w.inner_width().ok())
            .and_then(|v| v.as_f64())
            .unwrap_or(1024.0);
        if w < 640.0 { narrow } else { wide }
    };
    let width = RwSignal::new(pick());
    let handle = window_event_listener(leptos::ev::resize, move |_| {
        let w = pick();
        if width.get_untracked() != w {
            width.set(w);
        }
    });
    on_cleanup(move || handle.remove());
    width.into()
}

/// A reactive string attribute. One boxed signal type for every such attribute keeps the wasm
/// small (each distinct closure type would otherwise get its own copy of the update code).
pub fn text(f: impl Fn() -> String + Send + Sync + 'static) -> Signal<String> {
    Signal::derive(f)
}

/// A reactive part of a view. Every such part shares one closure type behind an `Arc<dyn Fn>`,
/// so the update code is compiled once instead of once per call site (a large wasm saving).
pub fn reactive<V: IntoAny + 'static>(f: impl Fn() -> V + Send + Sync + 'static) -> impl IntoView {
    let f: Arc<dyn Fn() -> AnyView + Send + Sync> = Arc::new(move || f().into_any());
    move || f()
}

/// An event handler behind one boxed type per event type, so the listener code is compiled once
/// per event type rather than once per handler.
pub fn handler<E: 'static>(f: impl FnMut(E) + 'static) -> Box<dyn FnMut(E)> {
    Box::new(f)
}

/// A link to a view: a query string that the router resolves against the document base.
pub fn href(f: &Filters) -> String {
    let q = f.to_query();
    if q.is_empty() {
        ".".into()
    } else {
        format!("?{q}")
    }
}

/// Loads the dataset and shows the explorer, a loading state or what went wrong.
#[component]
fn Shell() -> impl IntoView {
    let (query, set_query) = use_query_string();
    let filters = Memo::new(move |_| Filters::from_query(&query.get()));
    let set = Callback::new(move |(f, replace): (Filters, bool)| {
        let q = f.to_query();
        push_query(&q, replace);
        // Read back what the address bar now holds, so the URL stays the single source.
        let now = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or(q);
        set_query.set(now);
    });
    let activity = Memo::new(move |_| filters.get().activity);
    provide_context(ViewState {
        filters,
        activity,
        set,
    });

    let data: LocalResource<Result<Arc<Dataset>, LoadError>> =
        LocalResource::new(|| async { load_dataset().await.map(Arc::new) });
    view! {
        {reactive(move || match data.get() {
            None => view! { <Loading/> }.into_any(),
            Some(Err(e)) => view! { <LoadFailed error=e on_retry=move || data.refetch()/> }.into_any(),
            Some(Ok(d)) => view! { <Explorer data=d/> }.into_any(),
        })}
    }
}

/// Placeholder with the layout's final proportions, so nothing shifts when data arrives.
#[component]
fn Loading() -> impl IntoView {
    view! {
        <main id="main" class="app loading" aria-busy="true">
            <p class="status" role="status">"Loading the report’s data…"</p>
        </main>
    }
}

/// What went wrong, in plain words, and a way to try again.
#[component]
fn LoadFailed(error: LoadError, on_retry: impl Fn() + 'static) -> impl IntoView {
    view! {
        <main id="main" class="app">
            <section class="load-error" role="alert">
                <h2>"The data could not be loaded"</h2>
                <p class="message">{error.to_string()}</p>
                <button type="button" class="retry" on:click=move |_| on_retry()>"Retry"</button>
            </section>
        </main>
    }
}

/// Every view of the loaded dataset, linked through the URL's filters.
#[component]
fn Explorer(data: Arc<Dataset>) -> impl IntoView {
    let state = expect_context::<ViewState>();
    // Embed or not is fixed for the page's life: an embed's own messages keep its mode.
    match state.filters.get_untracked().embed {
        Some(which) => view! { <embed::EmbedView data=data which=which/> }.into_any(),
        None => view! { <FullExplorer data=data/> }.into_any(),
    }
}

/// The full explorer: every view of the dataset.
#[component]
fn FullExplorer(data: Arc<Dataset>) -> impl IntoView {
    let report = data.reports.first().cloned();
    let title = report.as_ref().map(|r| r.title.clone()).unwrap_or_default();
    let publisher = report.map(|r| r.publisher).unwrap_or_default();
    view! {
        <main id="main" class="app">
            <header class="masthead">
                <p class="kicker">"Report explorer"</p>
                <h1>{title}</h1>
                <p class="byline">{publisher}</p>
            </header>
            <overview::Overview data=data.clone()/>
            <filter_bar::FilterBar data=data.clone()/>
            <div class="charts">
                <chart::SectorChart data=data.clone()/>
                <timeline::Timeline data=data.clone()/>
            </div>
            <activities::Activities data=data.clone()/>
            <reader::Reader data=data.clone()/>
            <export::CiteAndExport data=data/>
            <embed::EmbedDialog/>
        </main>
    }
}
