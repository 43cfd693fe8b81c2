//! The few DOM operations the app needs, in one place: regions by id, writing a region's markup
//! without losing focus, the page's mode classes, the status line.

use super::ViewState;
use crate::core::filters::{Embed, Filters, Theme};
use crate::core::i18n::{self, Lang};
use crate::core::paint;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, closure::Closure};

/// The document, if there is one.
pub fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// The element with this id.
pub fn by_id(id: &str) -> Option<web_sys::Element> {
    document()?.get_element_by_id(id)
}

/// The `<html>` element.
pub fn root() -> Option<web_sys::Element> {
    document()?.document_element()
}

/// The nearest element at or above an event's target that matches `selector`.
pub fn closest(target: Option<web_sys::EventTarget>, selector: &str) -> Option<web_sys::Element> {
    target?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(selector)
        .ok()
        .flatten()
}

/// Moves focus to an element without scrolling (the caller scrolls where it wants).
pub fn focus(el: &web_sys::Element) {
    if let Ok(el) = el.clone().dyn_into::<web_sys::HtmlElement>() {
        let opts = web_sys::FocusOptions::new();
        opts.set_prevent_scroll(true);
        let _ = el.focus_with_options(&opts);
    }
}

/// Scrolls an element into view, centred or to the nearest edge.
pub fn scroll_to(el: &web_sys::Element, center: bool) {
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(if center {
        web_sys::ScrollLogicalPosition::Center
    } else {
        web_sys::ScrollLogicalPosition::Nearest
    });
    el.scroll_into_view_with_scroll_into_view_options(&opts);
}

/// A selector that finds "the same control" after a region is painted again.
fn focus_key(el: &web_sys::Element) -> Option<String> {
    ["id", "data-sector", "data-activity", "data-act", "data-i"]
        .iter()
        .find_map(|attr| {
            el.get_attribute(attr).map(|v| {
                format!(
                    "{}[{attr}=\"{}\"]",
                    el.tag_name().to_ascii_lowercase(),
                    v.replace('\\', "\\\\").replace('"', "\\\"")
                )
            })
        })
}

/// Writes a region's markup with `boot.js`'s `kzMorph` (elements that stay are kept, only what
/// changed is written); without it, replaces the markup and keeps focus on the same control.
pub fn set_html(el: &web_sys::Element, html: &str) {
    if let Some(w) = web_sys::window()
        && let Ok(morph) = js_sys::Reflect::get(&w, &"kzMorph".into())
        && let Ok(morph) = morph.dyn_into::<js_sys::Function>()
        && morph.call2(&w, el, &html.into()).is_ok()
    {
        return;
    }
    replace_html(el, html);
}

/// Replaces a region's markup; if focus was inside, it moves to the same control in the new
/// markup (so a keyboard user's place survives a filter change they made).
fn replace_html(el: &web_sys::Element, html: &str) {
    let focused = document()
        .and_then(|d| d.active_element())
        .filter(|a| el.contains(Some(a)) && !el.is_same_node(Some(a)));
    let key = focused.as_ref().and_then(focus_key);
    el.set_inner_html(html);
    if let Some(again) = key.and_then(|k| el.query_selector(&k).ok().flatten()) {
        focus(&again);
    }
}

/// Makes sure the page's regions exist: `index.html` normally arrives pre-painted; a build
/// without that step gets the same page with empty regions.
pub fn ensure_page() {
    if by_id("kz-page").is_none()
        && let Some(body) = document().and_then(|d| d.body())
    {
        let _ = body.insert_adjacent_html("afterbegin", &paint::empty_page());
    }
}

/// True when the page was painted from another dataset file than this one.
pub fn page_painted_from_other_data(fingerprint: &str) -> bool {
    by_id("kz-page")
        .and_then(|p| p.get_attribute("data-dataset"))
        .is_some_and(|painted| !painted.is_empty() && painted != fingerprint)
}

/// Asks `boot.js` to drop an out-of-date offline copy and load the page afresh; false when
/// there is none, or it already tried in this session.
pub fn recover_offline_copy() -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"kzRecover".into()).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(&wasm_bindgen::JsValue::NULL).ok())
        .and_then(|r| r.as_bool())
        .unwrap_or(false)
}

/// True when the pre-painted first screen shows this dataset (by its fingerprint) and view,
/// in the current language.
pub fn prepainted_matches(fingerprint: &str, f: &Filters) -> bool {
    let painted = by_id("kz-page").and_then(|p| p.get_attribute("data-dataset"));
    painted.as_deref() == Some(fingerprint)
        && page_lang() == i18n::lang()
        && paint::first_screen_is_default(f)
}

/// The language the page on screen was painted in.
pub fn page_lang() -> Lang {
    by_id("kz-page")
        .and_then(|p| p.get_attribute("data-lang"))
        .and_then(|l| Lang::from_code(&l))
        .unwrap_or_default()
}

/// The reader's language among ours, as `boot.js` read it from the browser (`data-lang-pref`).
pub fn preferred_lang() -> Lang {
    root()
        .and_then(|r| r.get_attribute("data-lang-pref"))
        .and_then(|l| Lang::from_code(&l))
        .unwrap_or_default()
}

/// Replaces the whole page with `html` (the page painted in another language), keeping any
/// text typed in the search box; says the document's language.
pub fn repaint_page(html: &str) {
    let typed = by_id("q")
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|i| i.value());
    if let Some(page) = by_id("kz-page") {
        page.set_outer_html(html);
    }
    if let Some(t) = typed
        && let Some(i) = by_id("q").and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        i.set_value(&t);
    }
}

/// Sets `<html lang>` and the window's title for the interface's language (only when they
/// change: even writing the same `lang` again makes the browser lay text out anew).
pub fn set_document_lang(lang: Lang) {
    if let Some(r) = root()
        && r.get_attribute("lang").as_deref() != Some(lang.code())
    {
        let _ = r.set_attribute("lang", lang.code());
    }
    if let Some(d) = document() {
        let title = d.title();
        let place = title.split(" — ").next().unwrap_or(&title);
        let new = format!("{place} — {}", i18n::t(i18n::T::Kicker));
        if new != title {
            d.set_title(&new);
        }
    }
}

/// Sets the classes the stylesheet reads: embed mode and which view, and a theme the link
/// asks for (an embed is light unless told otherwise). `boot.js` sets the same ones before
/// the first paint; this keeps them right if it could not run.
pub fn set_mode_classes(embed: Option<Embed>, theme: Option<Theme>) {
    let Some(root) = root() else { return };
    let list = root.class_list();
    if let Some(e) = embed {
        let _ = list.add_2("embed", &format!("embed-{}", e.id()));
        if let Some(main) = by_id("main") {
            let _ = main.class_list().add_1("embed");
        }
    }
    let theme = theme.or(embed.map(|_| Theme::Light));
    let _ = list.remove_2("light", "dark");
    match theme {
        Some(Theme::Light) => {
            let _ = list.add_1("light");
        }
        Some(Theme::Dark) => {
            let _ = list.add_1("dark");
        }
        _ => {}
    }
}

/// Marks the page as taken over: skeletons go, tests and the benchmark can tell, and `boot.js`
/// registers the service worker (its precache waits for the first load to be over).
pub fn set_live() {
    if let Some(root) = root() {
        let _ = root.class_list().remove_1("deep");
        let _ = root.set_attribute("data-state", "live");
    }
    if let (Some(d), Ok(ev)) = (document(), web_sys::Event::new("kz-live")) {
        let _ = d.dispatch_event(&ev);
    }
}

/// Writes a line to the status region (empty to clear it).
pub fn set_status(text: &str) {
    if let Some(s) = by_id("status") {
        s.set_text_content(Some(text));
    }
}

/// Runs `f` in a later task, so a long piece of work does not hold the first one.
pub fn later(f: impl FnOnce() + 'static) {
    let cb = Closure::once_into_js(f);
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), 0);
    }
}

/// Keeps the search field showing the URL's search text (Back, Forward, a chip removed) unless
/// the reader is typing in it; text typed before the app arrived is applied, not lost.
pub fn sync_search(state: ViewState) {
    let input = || by_id("q").and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
    if let Some(i) = input() {
        let typed = i.value().trim().to_string();
        if !typed.is_empty() && typed != state.filters.get_untracked().q {
            state.replace(Filters {
                q: typed,
                ..state.filters.get_untracked()
            });
        }
    }
    Effect::new(move |_| {
        let q = state.filters.get().q;
        if let Some(i) = input() {
            let typing = document()
                .and_then(|d| d.active_element())
                .is_some_and(|a| a.is_same_node(Some(&i)));
            if !typing && i.value().trim() != q {
                i.set_value(&q);
            }
        }
    });
}
