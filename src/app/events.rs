//! The page's listeners, delegated: one each for clicks, changes, typing and keys, reading the
//! data attributes the painters put on the markup (`data-sector`, `data-activity`,
//! `data-act`, `a[data-noscroll]`). Regions can be painted again freely; nothing is attached
//! to the elements inside them.

use super::dialogs::{self, EmbedForm};
use super::dom::{self, closest};
use super::{ViewState, export};
use crate::core::filters::{Embed, Filters, Measure, Month, Sort, Theme};
use crate::core::i18n::{self, T};
use crate::core::model::{ActivityKind, Dataset, Status};
use crate::core::paint;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// How many activity cards render at a time.
pub const PAGE: usize = 60;

thread_local! {
    /// The control that opened the activity, to return focus to when it closes.
    static OPENER: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
    /// Set by an interaction that opens an activity: its heading takes focus.
    static FOCUS_DETAIL: Cell<bool> = const { Cell::new(false) };
    /// Set when a drag on the timeline just ended, so the click that follows is not a click.
    pub static DRAGGED: Cell<bool> = const { Cell::new(false) };
}

/// Remembers what opened an activity and asks for focus to move to it.
pub fn opening(from: Option<web_sys::Element>) {
    OPENER.with(|o| *o.borrow_mut() = from);
    FOCUS_DETAIL.with(|f| f.set(true));
}

/// Starts the page's listeners (`form`: the embed dialog's choices; none in an embed).
pub fn start(state: ViewState, d: Arc<Dataset>, form: Option<EmbedForm>, limit: RwSignal<usize>) {
    let click = window_event_listener(leptos::ev::click, move |ev| {
        on_click(ev, state, &d, form, limit)
    });
    let change = window_event_listener(leptos::ev::change, move |ev| on_change(ev, state, form));
    let input = window_event_listener(leptos::ev::input, move |ev| {
        if let Some(el) = closest(ev.target(), "input[data-act=\"q\"]")
            && let Ok(i) = el.dyn_into::<web_sys::HtmlInputElement>()
        {
            let q = i.value().trim().to_string();
            state.replace(Filters {
                q,
                ..state.filters.get_untracked()
            });
        }
    });
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape"
            && closest(ev.target(), "dialog").is_none()
            && state.activity.get_untracked().is_some()
        {
            ev.prevent_default();
            state.update(&|f| f.activity = None);
        }
    });
    // They live as long as the page.
    std::mem::forget((click, change, input, keys));
}

fn on_click(
    ev: web_sys::MouseEvent,
    state: ViewState,
    d: &Arc<Dataset>,
    form: Option<EmbedForm>,
    limit: RwSignal<usize>,
) {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.meta_key()
        || ev.ctrl_key()
        || ev.shift_key()
        || ev.alt_key()
    {
        return;
    }
    if DRAGGED.with(|d| d.replace(false)) {
        return;
    }
    let target = ev.target();
    if let Some(link) = closest(target.clone(), "a[data-skip]") {
        ev.prevent_default();
        let id = link.get_attribute("href").unwrap_or_default();
        if let Some(to) = dom::by_id(id.trim_start_matches('#')) {
            dom::scroll_to(&to, false);
            dom::focus(&to);
        }
        return;
    }
    if let Some(link) = closest(target.clone(), "a[data-noscroll]") {
        follow(&ev, &link, state);
        return;
    }
    if let Some(el) = closest(target.clone(), "button[data-act], a[data-act]") {
        act(&el, state, d, form, limit);
        return;
    }
    if let Some(el) = closest(target.clone(), "button[data-zoom]") {
        // A month's cluster on the timeline: zoom into the month.
        let m = el.get_attribute("data-zoom").and_then(|m| Month::parse(&m));
        state.update(&|f| {
            f.from = m;
            f.to = m;
        });
        return;
    }
    if let Some(el) = closest(target.clone(), "button[data-day]") {
        // A day's cluster: list that day's activities (the search understands dates).
        let day = el.get_attribute("data-day").unwrap_or_default();
        state.update(&|f| f.q = day.clone());
        return;
    }
    if let Some(el) = closest(target.clone(), "button[data-sector]") {
        let s = el.get_attribute("data-sector").unwrap_or_default();
        state.update(&|f| *f = f.toggle_sector(&s));
        return;
    }
    if let Some(el) = closest(target, "button[data-activity]") {
        let id = el.get_attribute("data-activity").filter(|a| !a.is_empty());
        opening(Some(el));
        state.update(&|f| f.activity = id.clone());
    }
}

/// A link between views: the query changes in place (a new history entry). `data-merge` links
/// carry only what they change (`?activity=…`), the rest of the view is kept.
fn follow(ev: &web_sys::MouseEvent, link: &web_sys::Element, state: ViewState) {
    let Some(href) = link.get_attribute("href") else {
        return;
    };
    let base = dom::document().and_then(|d| d.base_uri().ok().flatten());
    let Some(url) = base.and_then(|b| web_sys::Url::new_with_base(&href, &b).ok()) else {
        return;
    };
    ev.prevent_default();
    let query = if link.has_attribute("data-merge") {
        Filters::merge_query(&super::current_query(), &url.search())
    } else {
        url.search()
    };
    if link.has_attribute("data-lang") {
        // Another language is another page load (from the cache): every text on the page and
        // the data's descriptions change, and the view, in the URL, stays.
        super::write_pending_url();
        super::push_query(&query, false);
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
        return;
    }
    if link.has_attribute("data-activity") {
        opening(Some(link.clone()));
    }
    state.go(&query, false);
}

fn act(
    el: &web_sys::Element,
    state: ViewState,
    d: &Arc<Dataset>,
    form: Option<EmbedForm>,
    limit: RwSignal<usize>,
) {
    let f = state.filters.get_untracked();
    let stem = paint::file_stem(d, &f);
    match el.get_attribute("data-act").as_deref() {
        Some("csv") => export::csv(d, &f, &stem),
        Some("json") => export::json(d, &f, &stem),
        Some("svg" | "png") => {
            let timeline = el.get_attribute("data-chart").as_deref() == Some("timeline");
            let svg = if timeline {
                paint::timeline_svg(d, &f)
            } else {
                paint::sector_chart_svg(d, &f)
            };
            let name = format!(
                "{stem}-{}",
                if timeline { "timeline" } else { "sector-chart" }
            );
            if el.get_attribute("data-act").as_deref() == Some("svg") {
                export::svg(&name, &svg);
            } else {
                export::png(&name, &svg);
            }
        }
        Some("cite") => {
            if let Some(form) = form {
                dialogs::open("cite-dialog", form);
            }
        }
        Some("embed") => {
            if let Some(form) = form {
                dialogs::open("embed-dialog", form);
            }
        }
        Some("copy") => {
            let id = el.get_attribute("data-copy").unwrap_or_default();
            let text = dom::by_id(&id)
                .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
                .map(|t| t.value())
                .unwrap_or_default();
            let said = if export::copy(&text) {
                T::Copied
            } else {
                T::CopyByHand
            };
            if let Some(s) = dom::by_id(&format!("{id}-copied")) {
                s.set_text_content(Some(i18n::t(said)));
            }
        }
        Some("table") => state.update(&|f| f.table = !f.table),
        Some("close") => state.update(&|f| f.activity = None),
        Some("show-in-report") => {
            let n = el.get_attribute("data-n").unwrap_or_default();
            show_in_report(&f.activity.unwrap_or_default(), &n);
        }
        Some("back") => back_to_activity(),
        Some("more") => limit.update(|l| *l += PAGE),
        _ => {}
    }
}

fn on_change(ev: web_sys::Event, state: ViewState, form: Option<EmbedForm>) {
    if let (Some(form), Some(radio)) = (
        form,
        closest(ev.target(), "input[data-act=\"embed-width\"]"),
    ) && let Ok(radio) = radio.dyn_into::<web_sys::HtmlInputElement>()
    {
        form.width.set(radio.value().parse().unwrap_or(0));
        return;
    }
    let Some(el) = closest(ev.target(), "select[data-act]") else {
        return;
    };
    let Ok(select) = el.dyn_into::<web_sys::HtmlSelectElement>() else {
        return;
    };
    let v = select.value();
    let one = |v: &str| (!v.is_empty()).then(|| v.to_string());
    match select.get_attribute("data-act").as_deref() {
        Some("measure") => state.update(&|f| {
            f.measure = if v == "activities" {
                Measure::Activities
            } else {
                Measure::Metric(v.clone())
            }
        }),
        Some("sort") => state.update(&|f| {
            f.sort = Sort::ALL
                .into_iter()
                .find(|s| s.id() == v)
                .unwrap_or_default()
        }),
        Some("kind") => {
            state.update(&|f| f.kinds = ActivityKind::from_id(&v).into_iter().collect())
        }
        Some("status") => state.update(&|f| f.statuses = Status::from_id(&v).into_iter().collect()),
        Some("place") => state.update(&|f| f.places = one(&v).into_iter().collect()),
        Some("from") => state.update(&|f| f.from = Month::parse(&v)),
        Some("to") => state.update(&|f| f.to = Month::parse(&v)),
        Some("embed-view") => {
            if let (Some(form), Some(e)) = (form, Embed::ALL.into_iter().find(|e| e.id() == v)) {
                form.which.set(e);
            }
        }
        Some("embed-theme") => {
            if let Some(form) = form {
                form.theme.set(match v.as_str() {
                    "dark" => Theme::Dark,
                    "auto" => Theme::Auto,
                    _ => Theme::Light,
                });
            }
        }
        _ => {}
    }
}

/// Folds the open activity away and brings its passage in the report into view and focus;
/// "Back to the activity" stays on screen to return.
fn show_in_report(activity: &str, n: &str) {
    let passage = dom::by_id(&format!("cite-{activity}-{n}"))
        .or_else(|| dom::by_id(&format!("cite-{activity}-0")));
    if let Some(sheet) = dom::by_id("detail") {
        let _ = sheet.class_list().add_1("collapsed");
    }
    if let Some(p) = passage {
        dom::scroll_to(&p, true);
        dom::focus(&p);
    }
}

fn back_to_activity() {
    if let Some(sheet) = dom::by_id("detail") {
        let _ = sheet.class_list().remove_1("collapsed");
        sheet.set_scroll_top(0);
    }
    if let Some(h) = dom::by_id("detail-h") {
        dom::focus(&h);
    }
}

/// The open activity, in a sheet beside the page (full screen on phones): opening it from
/// anywhere brings it into view with focus on its heading; Esc or Close returns focus to
/// whatever opened it.
pub fn bind_detail(d: Arc<Dataset>, state: ViewState) {
    let html = Memo::new(move |_| {
        state
            .activity
            .get()
            .and_then(|id| d.activity(&id).map(|a| paint::detail(&d, a, None)))
    });
    Effect::new(move |was_open: Option<bool>| {
        let Some(sheet) = dom::by_id("detail") else {
            return false;
        };
        let html = html.get();
        let open = html.is_some();
        let _ = sheet.class_list().remove_1("collapsed");
        if let Some(h) = &html {
            dom::set_html(
                &sheet,
                &format!(
                    "{h}<button type=\"button\" class=\"back-to\" data-act=\"back\">Back to the activity</button>"
                ),
            );
            let _ = sheet.remove_attribute("hidden");
            sheet.set_scroll_top(0);
            if FOCUS_DETAIL.with(|f| f.replace(false))
                && let Some(h) = dom::by_id("detail-h")
            {
                dom::focus(&h);
            }
        } else {
            let _ = sheet.set_attribute("hidden", "");
            sheet.set_inner_html("");
            if was_open == Some(true)
                && let Some(opener) = OPENER.with(|o| o.borrow_mut().take())
            {
                // The opener may have been painted again since; find its twin by its data.
                let again = opener
                    .get_attribute("data-activity")
                    .and_then(|a| {
                        dom::document()?
                            .query_selector(&format!("[data-activity=\"{}\"]", a.replace('"', "")))
                            .ok()
                            .flatten()
                    })
                    .filter(|_| !opener.is_connected())
                    .unwrap_or(opener);
                dom::focus(&again);
            }
        }
        let _ = dom::root().map(|r| r.class_list().toggle_with_force("sheet-open", open));
        open
    });
}
