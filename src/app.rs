//! The page, as Leptos components, and its start in the browser.
//!
//! One direction: the URL's query string → `ViewState` (filters, memos) → `Slices` (the part of
//! the view each region depends on) → components, which show what the pure core selects, sums
//! and lays out. Components change the view only by navigating (`ViewState::go`).
//!
//! The same `Page` is rendered twice: natively at build time for the default view
//! (`render_page`, written into `index.html` by `dataset prepaint`), and in the browser, which
//! hydrates that HTML once the dataset has loaded (`start`) and then shows the URL's view.
//! Where the page cannot be hydrated — another language, or an offline copy rendered from
//! other data — the same component is built fresh in place of it, under same-size skeletons.

mod actions;
mod activity_list;
mod activity_sheet;
mod dialogs;
mod dom;
mod embed;
pub mod export;
mod filter_form;
mod images;
mod language_switch;
mod later;
mod link;
pub mod load;
mod masthead;
mod outcomes;
mod overview;
mod page;
mod print;
mod reader;
mod results;
mod search_box;
mod sector_chart;
mod site_foot;
mod skip_links;
pub mod state;
mod status;
#[cfg(test)]
mod tests;
mod text;
mod timeline;
mod toolbar;
mod url;

use crate::core::filters::Filters;
use crate::core::i18n::{self, Catalogue, Lang, T};
use crate::core::model::Dataset;
use crate::core::validate::DatasetError;
use leptos::prelude::*;
use load::LoadError;
use page::Page;
use state::{Ctx, Stage};
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The page for the default view, as HTML: what the build writes into `index.html` (the first
/// screen; the parts below it are built in the browser).
pub fn render_page(d: Arc<Dataset>, fingerprint: &str) -> String {
    render(d, "", Stage::FirstScreen, fingerprint)
}

/// The whole page for any view, every part built, as HTML (for tests of what a view shows).
pub fn render_view(d: Arc<Dataset>, query: &str) -> String {
    render(d, query, Stage::Report, "")
}

fn render(d: Arc<Dataset>, query: &str, stage: Stage, fingerprint: &str) -> String {
    let fingerprint = fingerprint.to_string();
    Owner::new().with(move || {
        let ctx = Ctx::new(d, query);
        ctx.build_to(stage);
        provide_context(ctx);
        view! { <Page fingerprint /> }.to_html()
    })
}

/// Shows a readable message instead of a frozen page if anything still panics.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
        let Some(status) = dom::by_id("status") else {
            return;
        };
        let Some(doc) = dom::document() else { return };
        let build = || -> Result<(), wasm_bindgen::JsValue> {
            let alert = doc.create_element("div")?;
            alert.set_class_name("panic");
            alert.set_attribute("role", "alert")?;
            let p = doc.create_element("p")?;
            p.set_text_content(Some(i18n::t(T::Panic)));
            let a = doc.create_element("a")?;
            a.set_attribute("href", "")?;
            a.set_text_content(Some(i18n::t(T::Reload)));
            alert.append_child(&p)?;
            alert.append_child(&a)?;
            status.replace_children_with_node_1(&alert);
            Ok(())
        };
        let _ = build();
    }));
}

/// The browser's entry: loads the dataset (and the interface's language, if not English) as
/// Leptos resources, then takes the page over; a failure is explained, with a Retry.
pub fn start() {
    install_panic_hook();
    // Resources and effects run on wasm-bindgen's executor (the mount functions set it up too,
    // but the data is loaded before anything is mounted).
    #[cfg(target_arch = "wasm32")]
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let query = url::current_query();
    let asked = Filters::from_query(&query);
    dom::set_mode_classes(asked.embed, asked.theme);
    // The interface's language: the link's, else the reader's browser's. Its files download
    // beside the dataset; English needs none.
    let lang = asked.lang.unwrap_or_else(dom::preferred_lang);
    let owner = Owner::new();
    owner.set();
    let data = LocalResource::new(|| async {
        load::load_dataset()
            .await
            .map(|(d, fingerprint)| (Arc::new(d), fingerprint))
    });
    let locale = LocalResource::new(move || async move {
        if lang == Lang::En {
            None
        } else {
            Some(load::load_locale(lang).await)
        }
    });
    // The failure shown, if any (dropped to take it away).
    let failure = StoredValue::new_local(None::<Box<dyn std::any::Any>>);
    let done = StoredValue::new(false);
    Effect::new(move |_| {
        if done.get_value() {
            return;
        }
        match data.get() {
            None => {}
            Some(Ok((d, fingerprint))) => {
                // Data that is not the page's, from the offline copy: that copy is out of date.
                // It is dropped and the page loaded afresh (once); otherwise the data is shown.
                if dom::page_painted_from_other_data(&fingerprint) && dom::recover_offline_copy() {
                    done.set_value(true);
                    return;
                }
                let files = match locale.get() {
                    None => return, // the language's files are still on their way
                    Some(files) => files,
                };
                done.set_value(true);
                let d = in_language(lang, d, files);
                let query = query.clone();
                untrack(move || take_over(d, fingerprint, &query));
            }
            Some(Err(LoadError::Dataset(DatasetError::UnsupportedSchema { .. })))
                if dom::recover_offline_copy() =>
            {
                done.set_value(true);
            }
            Some(Err(e)) => {
                let Some(status) = dom::by_id("status") else {
                    return;
                };
                dom::set_status("");
                let retry = Callback::new(move |()| {
                    failure.set_value(None);
                    data.refetch();
                });
                let message = e.to_string();
                let shown = leptos::mount::mount_to(status.unchecked_into(), move || {
                    view! { <status::LoadFailed message retry /> }
                });
                failure.set_value(Some(Box::new(shown)));
            }
        }
    });
    std::mem::forget(owner);
}

/// The dataset in `lang`: its texts become the current catalogue and the data's descriptions
/// are translated. If the language's files could not be had or do not fit this data, the page
/// stays in English and says so.
fn in_language(
    lang: Lang,
    d: Arc<Dataset>,
    files: Option<Result<(Catalogue, String), String>>,
) -> Arc<Dataset> {
    let Some(files) = files else {
        return d;
    };
    let translated = files.and_then(|(catalogue, text)| {
        let t = crate::core::translate::apply(&d, &text).map_err(|e| e.to_string())?;
        Ok((catalogue, t))
    });
    match translated {
        Ok((catalogue, t)) => {
            i18n::set(catalogue);
            Arc::new(t)
        }
        Err(e) => {
            i18n::set(Catalogue::en());
            // The reader gets plain words; the cause is for the console.
            web_sys::console::warn_1(&e.into());
            dom::later(move || dom::set_status(&i18n::f(T::ErrTranslation, &[lang.name()])));
            d
        }
    }
}

/// Takes the page over: hydrates the page the build rendered (then shows the URL's view), or
/// builds it fresh where that page does not fit; then builds the regions below the first
/// screen, one a task, and starts what lives for the page's life.
fn take_over(d: Arc<Dataset>, fingerprint: String, query: &str) {
    dom::set_status("");
    dom::set_document_lang(i18n::lang());
    let Some(root) = dom::by_id("kz-root").or_else(|| {
        // A page without the build's rendering (a development build): a root of its own.
        let doc = dom::document()?;
        let root = doc.create_element("div").ok()?;
        root.set_id("kz-root");
        doc.body()?.prepend_with_node_1(&root).ok()?;
        Some(root)
    }) else {
        return;
    };
    let typed = dom::by_id("q")
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|i| i.value());
    let embedded = Filters::from_query(query).embed.is_some();
    // An embed is a page of its own (one view), built fresh under its skeleton.
    let hydrate = !embedded && dom::prerendered(&fingerprint);
    // Hydration starts from the view the build rendered, so that nothing differs; the URL's
    // view follows at once, under skeletons until it is drawn (`html.deep`).
    let ctx = Ctx::new(d, if hydrate { "" } else { query });
    let page = move || {
        provide_context(ctx);
        view! { <Page fingerprint /> }
    };
    if hydrate {
        hydrate_from(root.unchecked_into(), page);
        ctx.state.show(query);
    } else {
        // The rendered page is the full explorer in English, from this data; this is an embed,
        // another language or other data: it is replaced.
        root.set_text_content(None);
        leptos::mount::mount_to(root.unchecked_into(), page).forget();
        if let (Some(t), Some(i)) = (
            typed,
            dom::by_id("q").and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok()),
        ) {
            i.set_value(&t);
        }
    }
    url::follow_history(ctx.state);
    search_box::apply_typed_search(ctx.state);
    if embedded {
        embed::messaging::start(ctx.state);
    }
    // Live once the first screen's updates (microtasks) are drawn: skeletons go only when the
    // right view is there. Below the fold, one part a task, so none holds the page for long;
    // an embed shows none of them.
    dom::later(move || {
        dom::set_live();
        if !embedded {
            stage(ctx, Stage::Outcomes);
        }
    });
}

/// Hydrates the page under `root` (the browser's build has Leptos's `hydrate` feature; the
/// native one, which only renders, never calls this).
fn hydrate_from<V: IntoView + 'static>(
    root: web_sys::HtmlElement,
    page: impl FnOnce() -> V + 'static,
) {
    #[cfg(target_arch = "wasm32")]
    leptos::mount::hydrate_from(root, page).forget();
    #[cfg(not(target_arch = "wasm32"))]
    leptos::mount::mount_to(root, page).forget();
}

/// Cards and paragraphs built a task, after the first screen: at a 4× slower CPU, the list's 60
/// cards in one task took 124 ms and the report's 50 paragraphs 100–125 ms; 20 cards or 12
/// paragraphs keep each task near 40 ms (long tasks are what "total blocking time" counts).
const CARDS_A_TASK: usize = 20;
const PARAGRAPHS_A_TASK: usize = 12;

/// Builds the page as far as `s`, then, in later tasks, the rest: the list and the report a
/// few cards and paragraphs a task.
fn stage(ctx: Ctx, s: Stage) {
    ctx.ui.stage.set(s);
    match s {
        Stage::FirstScreen => dom::later(move || stage(ctx, Stage::Outcomes)),
        Stage::Outcomes => dom::later(move || stage(ctx, Stage::Form)),
        Stage::Form => dom::later(move || stage(ctx, Stage::List)),
        Stage::List => grow(ctx.ui.cards_built, CARDS_A_TASK, state::PAGE, move || {
            stage(ctx, Stage::Report)
        }),
        Stage::Report => {
            let all = ctx.d().reports.first().map_or(0, |r| r.paragraphs.len());
            grow(ctx.ui.paragraphs_built, PARAGRAPHS_A_TASK, all, || {});
        }
    }
}

/// Raises `built` by `step`, a task at a time, until it reaches `all`; then runs `then`.
fn grow(built: RwSignal<usize>, step: usize, all: usize, then: impl FnOnce() + 'static) {
    built.update(|n| *n = n.saturating_add(step));
    if built.get_untracked() >= all {
        built.set(usize::MAX);
        dom::later(then);
    } else {
        dom::later(move || grow(built, step, all, then));
    }
}
