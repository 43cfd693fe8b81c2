//! The browser side: thin wiring from the URL and the loaded dataset to the core's painters.
//!
//! The page arrives pre-painted (`core::paint::page`, written into `index.html` at build time).
//! The app keeps that page and binds each region to the state: a memo paints the region's
//! markup with the same core function, and an effect writes it only when it changed. Leptos
//! supplies the reactive graph (URL → filters → regions) and the dialogs; clicks, changes and
//! keys are handled by a few delegated listeners (`events`) reading the markup's data
//! attributes. Why markup instead of a tree of view nodes: the first screen must be painted
//! natively before the wasm arrives, and painting it and every later update with one function
//! keeps the two identical (no flash, no shift) and the wasm within its size budget.

mod dialogs;
mod dom;
mod embed;
mod events;
mod export;
mod load;
mod timeline;

use crate::core::filters::{Embed, Filters};
use crate::core::i18n::{self, Catalogue, Lang, T};
use crate::core::model::Activity;
use crate::core::model::Dataset;
use crate::core::paint;
use crate::core::query::{self, Except, Selector};
use crate::core::validate::DatasetError;
use leptos::prelude::*;
use load::{LoadError, load_dataset};
use std::sync::Arc;

/// Shows a readable message instead of a frozen page if anything still panics.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
        if let Some(status) = dom::by_id("status") {
            status.set_inner_html(&format!(
                "<div role=\"alert\" class=\"panic\"><p>{}</p><a href=\"\">{}</a></div>",
                paint::th(T::Panic, &[]),
                paint::th(T::Reload, &[])
            ));
        }
    }));
}

/// The one filter state every view reads, and the way to change it (a URL navigation).
#[derive(Clone, Copy)]
pub struct ViewState {
    pub filters: Memo<Filters>,
    /// The open activity alone, so views that show only it skip other filter changes.
    pub activity: Memo<Option<String>>,
    query: WriteSignal<String>,
}

impl ViewState {
    /// Pushes a new view onto the history, so Back restores the previous one.
    #[inline(never)]
    pub fn set(&self, f: Filters) {
        self.go(&f.to_query(), false);
    }

    /// Replaces the current view without a history entry (typing in the search box).
    pub fn replace(&self, f: Filters) {
        self.go(&f.to_query(), true);
    }

    /// Applies `change` to the current filters and pushes the result. (A `dyn` change, so
    /// the update is compiled once, not once per caller.)
    #[inline(never)]
    pub fn update(&self, change: &dyn Fn(&mut Filters)) {
        let mut f = self.filters.get_untracked();
        change(&mut f);
        self.set(f);
    }

    /// Navigates to a query string: the view is painted at once and the address bar written
    /// right after that paint. Written first, `history.pushState` held every change by 0.7 ms
    /// and at times 5–11 ms (Chromium's history bookkeeping, measured in-page at 1×), in front
    /// of the paint. The entry is the one the view shows; anything that reads the URL writes
    /// a pending entry first (`current_query`, `export::current_url`).
    #[inline(never)]
    pub fn go(&self, query: &str, replace: bool) {
        write_pending_url();
        let q = query.trim_start_matches('?').to_string();
        let shown = if q.is_empty() {
            String::new()
        } else {
            format!("?{q}")
        };
        PENDING_URL.set(Some((q, replace)));
        // After the next frame (a timer queued from the frame's callback), or after 100 ms if
        // the page paints no frames (a hidden tab): whichever comes first writes it.
        if let Some(w) = web_sys::window() {
            let after_frame =
                wasm_bindgen::closure::Closure::once_into_js(|| dom::later(write_pending_url));
            let _ = w.request_animation_frame(wasm_bindgen::JsCast::unchecked_ref(&after_frame));
            let fallback = wasm_bindgen::closure::Closure::once_into_js(write_pending_url);
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                wasm_bindgen::JsCast::unchecked_ref(&fallback),
                100,
            );
        }
        self.query.set(shown);
    }
}

thread_local! {
    /// The address bar's next entry (query, in place?), written just after the view's paint.
    static PENDING_URL: std::cell::Cell<Option<(String, bool)>> =
        const { std::cell::Cell::new(None) };
}

/// Writes the pending address-bar entry, if there is one.
pub(crate) fn write_pending_url() {
    if let Some((q, replace)) = PENDING_URL.take() {
        push_query(&q, replace);
    }
}

/// The address bar's query string, with any pending entry written first.
fn current_query() -> String {
    write_pending_url();
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
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

/// The URL's query string as the app's state, kept in step with Back and Forward. (A
/// single-route app needs no router: this replaces leptos_router at a fraction of its size.)
fn use_view_state() -> ViewState {
    let (query, set_query) = signal(current_query());
    let pop = window_event_listener(leptos::ev::popstate, move |_| {
        // Back or Forward within a frame of a change: that change's entry is not written (the
        // browser has moved from the entry before it), and the view follows the address bar.
        PENDING_URL.set(None);
        set_query.set(current_query())
    });
    std::mem::forget(pop); // for the page's life
    let filters = Memo::new(move |_| Filters::from_query(&query.get()));
    ViewState {
        filters,
        activity: Memo::new(move |_| filters.get().activity),
        query: set_query,
    }
}

/// How the page was painted before the wasm: `adopt` when it shows exactly this dataset and
/// view, so the app keeps it as it is instead of painting it again.
#[derive(Clone, Copy)]
struct Painted {
    adopt: bool,
    /// What every adopted region depends on: until it changes, there is nothing to paint.
    filters: Memo<Filters>,
}

/// Keeps the element `id` showing `paint()`: a memo compares the new markup with the last, and
/// only a change reaches the DOM (focus inside the region is kept).
fn region(id: &'static str, painted: Painted, paint: impl Fn() -> String + Send + Sync + 'static) {
    region_boxed(id, painted, Box::new(paint));
}

/// `region`'s body behind one boxed painter type, so the memo and effect code is compiled once
/// rather than once per region (about 2.5 KB of wasm each).
#[inline(never)]
fn region_boxed(id: &'static str, painted: Painted, paint: Box<dyn Fn() -> String + Send + Sync>) {
    let html = Memo::new(move |_| paint());
    Effect::new(move |written: Option<bool>| {
        // The pre-painted markup is what `paint` would write: keep its nodes, and do not even
        // paint it, until the view changes (it may have already: text typed before the app
        // arrived).
        if written.is_none()
            && painted.adopt
            && paint::first_screen_is_default(&painted.filters.get())
        {
            return true;
        }
        let h = html.get();
        if let Some(el) = dom::by_id(id) {
            dom::set_html(&el, &h);
        }
        true
    });
}

/// The whole app: loads the dataset, then binds the pre-painted page to the state. (It renders
/// no view of its own: the page is already there.)
#[component]
pub fn App() -> impl IntoView {
    let state = use_view_state();
    provide_context(state);
    let owner = Owner::current().expect("App runs inside an owner");
    dom::ensure_page();
    let embed = state.filters.get_untracked().embed;
    dom::set_mode_classes(embed, state.filters.get_untracked().theme);
    let data = RwSignal::new(None::<Result<(Arc<Dataset>, String), LoadError>>);
    let load = move || {
        data.set(None);
        leptos::task::spawn_local(async move {
            data.set(Some(load_dataset().await.map(|(d, h)| (Arc::new(d), h))));
        });
    };
    load();
    // The interface's language: the link's, else the reader's browser's. Its files download
    // beside the dataset; English needs none.
    let lang = state
        .filters
        .get_untracked()
        .lang
        .unwrap_or_else(dom::preferred_lang);
    let locale = RwSignal::new(None::<Result<(Catalogue, String), String>>);
    if lang != Lang::En {
        leptos::task::spawn_local(async move {
            locale.set(Some(load::load_locale(lang).await));
        });
    }
    let bound = StoredValue::new(false);
    Effect::new(move |_| match data.get() {
        Some(Ok((d, hash))) if !bound.get_value() => {
            // Data that is not the page's, from the offline copy: that copy is out of date.
            // It is dropped and the page loaded afresh (once); otherwise the data is shown.
            if dom::page_painted_from_other_data(&hash) && dom::recover_offline_copy() {
                return;
            }
            let d = if lang == Lang::En {
                d
            } else {
                match locale.get() {
                    None => return, // the language's files are still on their way
                    Some(files) => in_language(lang, d, files),
                }
            };
            bound.set_value(true);
            dom::set_status("");
            dom::set_document_lang(i18n::lang());
            if dom::page_lang() != i18n::lang() {
                // The page was painted in English: paint it again in the reader's language.
                dom::repaint_page(&paint::page(&d, &state.filters.get_untracked(), &hash));
            }
            let adopt = dom::prepainted_matches(&hash, &state.filters.get_untracked());
            let painted = Painted {
                adopt,
                filters: state.filters,
            };
            owner.with(|| bind(d, state, painted, embed));
        }
        Some(Err(LoadError::Dataset(DatasetError::UnsupportedSchema { .. })))
            if dom::recover_offline_copy() => {}
        Some(Err(e)) => dialogs::load_failed(&e.to_string(), load),
        _ => {}
    });
}

/// The dataset in `lang`: its texts become the current catalogue and the data's descriptions
/// are translated. If the language's files
/// could not be had or do not fit this data, the page stays in English and says so.
fn in_language(
    lang: Lang,
    d: Arc<Dataset>,
    files: Result<(Catalogue, String), String>,
) -> Arc<Dataset> {
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
            dom::later(move || {
                dom::set_status(&i18n::f(T::ErrTranslation, &[lang.name(), &e]));
            });
            d
        }
    }
}

/// The parts of the view state each region depends on, as memos: a region repaints when its
/// part changes, not on every change (the list's order does not repaint the charts).
#[derive(Clone, Copy)]
struct Slices {
    /// The filters that narrow the list.
    narrow: Memo<Filters>,
    /// The indices of the activities that pass them, shared by the count, figures and list.
    matching: Memo<Vec<usize>>,
    /// The sector chart's inputs: the narrowing filters, its measure, chart or table.
    chart: Memo<Filters>,
    /// The timeline's: the narrowing filters and the open activity (its mark is pressed).
    timeline: Memo<Filters>,
    /// The list's: the narrowing filters, its order and the open activity.
    list: Memo<Filters>,
}

impl Slices {
    fn new(d: Arc<Dataset>, f: Memo<Filters>) -> Slices {
        let narrow = Memo::new(move |_| f.get().narrowing());
        Slices {
            narrow,
            matching: Memo::new(move |_| {
                let n = narrow.get();
                let s = Selector::new(&d, &n, Except::Nothing);
                (0..d.activities.len())
                    .filter(|i| s.matches(&d.activities[*i]))
                    .collect()
            }),
            chart: Memo::new(move |_| {
                let all = f.get();
                Filters {
                    measure: all.measure,
                    table: all.table,
                    ..narrow.get()
                }
            }),
            timeline: Memo::new(move |_| Filters {
                activity: f.get().activity,
                ..narrow.get()
            }),
            list: Memo::new(move |_| {
                let all = f.get();
                Filters {
                    sort: all.sort,
                    activity: all.activity,
                    ..narrow.get()
                }
            }),
        }
    }

    /// The matching activities, in the report's order.
    fn matching<'a>(&self, d: &'a Dataset) -> Vec<&'a Activity> {
        self.matching
            .get()
            .iter()
            .filter_map(|i| d.activities.get(*i))
            .collect()
    }
}

/// Binds every region the view shows to the state, and starts the listeners.
fn bind(d: Arc<Dataset>, state: ViewState, painted: Painted, embed: Option<Embed>) {
    let f = state.filters;
    let ds = move || d.clone();
    let sl = Slices::new(ds(), f);
    // What the first screen shows: bound now, kept as painted when it matches.
    if embed.is_none() || embed == Some(Embed::Chart) {
        let d = ds();
        region("sector-head", painted, move || {
            paint::sector_head(&d, &sl.chart.get())
        });
        let d = ds();
        let chart = Memo::new(move |_| paint::sector_chart(&d, &sl.chart.get()));
        region("sector-note", painted, move || chart.get().0);
        region("sector-body", painted, move || chart.get().1);
    }
    if embed.is_none() || embed == Some(Embed::Timeline) {
        let (d, d2) = (ds(), ds());
        region("timeline-head", painted, move || {
            paint::timeline_head(&sl.narrow.get())
        });
        region("timeline-body", painted, move || {
            paint::timeline(&d, &sl.timeline.get())
        });
        region("timeline-list", painted, move || {
            paint::events_list(&d2, &sl.narrow.get())
        });
    }
    if embed.is_none() || embed == Some(Embed::Overview) {
        let d = ds();
        region("overview", painted, move || {
            paint::overview_of(&d, &sl.narrow.get(), &sl.matching(&d))
        });
    }
    let form = embed.is_none().then(|| dialogs::bind(ds(), state));
    // Long lists render a page at a time; "Show more" raises the limit, a new selection resets
    // it.
    let limit = RwSignal::new(events::PAGE);
    Effect::new(move |_| {
        sl.narrow.track();
        limit.set(events::PAGE);
    });
    events::start(state, ds(), form, limit);
    timeline::start(state, &ds());
    // Live once the regions' first paint (effects, run as microtasks) is done: skeletons go
    // only when the right view is there. (Queued before the regions below the fold.)
    after(dom::set_live);
    match embed {
        Some(which) => embed::bind(ds(), state, which, painted),
        None => {
            let d = ds();
            region("results", painted, move || {
                paint::results_of(&d, &sl.narrow.get(), sl.matching.get().len())
            });
            dom::sync_search(state);
            // Below the fold: painted in later tasks, so the take-over stays a short task.
            after(move || bind_below(ds(), state, sl, limit));
        }
    }
}

/// The regions below the first screen: the filter form, the list, the report, the open
/// activity.
fn bind_below(d: Arc<Dataset>, state: ViewState, sl: Slices, limit: RwSignal<usize>) {
    let fresh = Painted {
        adopt: false,
        filters: state.filters,
    };
    // The form's frame once, then its chips and its selects as regions of their own (a sector
    // toggled repaints only the chips).
    if let Some(el) = dom::by_id("filters") {
        el.set_inner_html(&paint::filter_form(
            &Dataset::default(),
            &Filters::default(),
        ));
    }
    let (d1, d1b) = (d.clone(), d.clone());
    region("filter-chips", fresh, move || {
        paint::filter_chips(&d1, &sl.narrow.get())
    });
    region("filter-selects", fresh, move || {
        paint::filter_selects(&d1b, &sl.narrow.get())
    });
    region("list-head", fresh, move || paint::list_head(&sl.list.get()));
    // One big region a task, so none of them holds the page for long.
    let d2 = d.clone();
    after(move || {
        let list = Memo::new(move |_| {
            let f = sl.list.get();
            let mut matching = sl.matching(&d2);
            query::sort(&d2, &mut matching, f.sort);
            let shown = limit.get().min(matching.len());
            let cards: Vec<(String, String)> = matching[..shown]
                .iter()
                .map(|a| {
                    let card = paint::activity_card(&d2, a, &f.q, f.activity.as_deref());
                    (a.id.clone(), card)
                })
                .collect();
            (cards, matching.len() - shown)
        });
        keyed_list("list", move || list.get().0);
        region("list-more", fresh, move || {
            let rest = list.get().1;
            if rest == 0 {
                String::new()
            } else {
                format!(
                    "<button type=\"button\" class=\"link more\" data-act=\"more\">{}</button>",
                    paint::th(
                        T::ShowMore,
                        &[&rest.min(events::PAGE).to_string(), &rest.to_string()]
                    )
                )
            }
        });
        after(move || {
            let d3 = d.clone();
            region("reader-text", fresh, move || {
                paint::reader_text(&d3, state.activity.get().as_deref())
            });
            after(move || events::bind_detail(d, state));
        });
    });
}

/// Keeps a list region in step with keyed items, by key: an item painted exactly as last time
/// goes to the page as an empty placeholder (`data-same`), so only new and changed items are
/// parsed; `kzMorph` keeps the element the placeholder names.
fn keyed_list(id: &'static str, items: impl Fn() -> Vec<(String, String)> + 'static) {
    let last = StoredValue::new_local(Vec::<(String, String)>::new());
    Effect::new(move |_| {
        let items = items();
        let Some(el) = dom::by_id(id) else { return };
        let html = if items.is_empty() {
            paint::empty_list()
        } else {
            last.with_value(|old| {
                items
                    .iter()
                    .map(|(k, h)| {
                        if old.iter().any(|(ok, oh)| ok == k && oh == h) {
                            format!("<li data-key=\"{}\" data-same></li>", paint::escape(k))
                        } else {
                            h.clone()
                        }
                    })
                    .collect()
            })
        };
        dom::set_html(&el, &html);
        last.set_value(items);
    });
}

/// Runs `f` in a later task, under the current reactive owner.
fn after(f: impl FnOnce() + 'static) {
    let owner = Owner::current();
    dom::later(move || match owner {
        Some(o) => o.with(f),
        None => f(),
    });
}
