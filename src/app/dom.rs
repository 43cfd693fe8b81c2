//! The few DOM operations that are not a component's own: the page's mode classes and
//! language, focus and scrolling, the status line, running work in a later task, and replacing
//! an out-of-date offline copy.

use crate::core::filters::{Embed, Theme};
use crate::core::i18n::{self, Lang};
use wasm_bindgen::{JsCast, closure::Closure};

/// The browser's window; none when the page is rendered natively (the build, the tests), so
/// that rendering never reaches the DOM.
pub fn window() -> Option<web_sys::Window> {
    #[cfg(target_arch = "wasm32")]
    return web_sys::window();
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// The document, if there is one.
pub fn document() -> Option<web_sys::Document> {
    window().and_then(|w| w.document())
}

/// The element with this id.
pub fn by_id(id: &str) -> Option<web_sys::Element> {
    document()?.get_element_by_id(id)
}

/// The `<html>` element.
pub fn root() -> Option<web_sys::Element> {
    document()?.document_element()
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

/// True when the page was rendered from another dataset file than this one.
pub fn page_painted_from_other_data(fingerprint: &str) -> bool {
    by_id("kz-page")
        .and_then(|p| p.get_attribute("data-dataset"))
        .is_some_and(|painted| !painted.is_empty() && painted != fingerprint)
}

/// True when the page holds the first screen Leptos rendered at build time from this dataset,
/// in the current language: the app hydrates it instead of building it again.
pub fn prerendered(fingerprint: &str) -> bool {
    let page = by_id("kz-page");
    page.as_ref()
        .and_then(|p| p.get_attribute("data-dataset"))
        .as_deref()
        == Some(fingerprint)
        && page_lang() == i18n::lang()
}

/// The language the page on screen was rendered in.
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

/// Sets the classes the stylesheet reads on `<html>`: embed mode and which view, and a theme
/// the link asks for (an embed is light unless told otherwise). `boot.js` sets the same ones
/// before the first paint; this keeps them right if it could not run.
pub fn set_mode_classes(embed: Option<Embed>, theme: Option<Theme>) {
    let Some(root) = root() else { return };
    let list = root.class_list();
    if let Some(e) = embed {
        let _ = list.add_2("embed", &format!("embed-{}", e.id()));
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

/// Writes a line to the status region (empty to clear it). The line is shared by `boot.js`
/// (before the wasm), the app and the panic hook (which cannot count on the reactive system
/// after a panic), so it is written as text rather than owned by a component.
pub fn set_status(text: &str) {
    if let Some(s) = by_id("status") {
        s.set_text_content(Some(text));
    }
}

/// Today's date on the reader's clock (year, month, day): the day a view's citation says it
/// was read. (Natively, where nothing is read, the start of the Unix epoch.)
pub fn today() -> (i32, u8, u8) {
    #[cfg(target_arch = "wasm32")]
    {
        let d = js_sys::Date::new_0();
        (
            d.get_full_year() as i32,
            d.get_month() as u8 + 1,
            d.get_date() as u8,
        )
    }
    #[cfg(not(target_arch = "wasm32"))]
    (1970, 1, 1)
}

/// Runs `f` in a later task, so a long piece of work does not hold the current one.
pub fn later(f: impl FnOnce() + 'static) {
    let cb = Closure::once_into_js(f);
    if let Some(w) = window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), 0);
    }
}

/// Drops an out-of-date offline copy (every cache of ours and the service worker) and loads
/// the page afresh, once a session; false when there is no offline copy, or it already tried.
pub fn recover_offline_copy() -> bool {
    let Some(w) = window() else {
        return false;
    };
    let sw = w.navigator().service_worker();
    if sw.controller().is_none() {
        return false;
    }
    let Ok(Some(session)) = w.session_storage() else {
        return false;
    };
    if session.get_item("kz-recovered").ok().flatten().is_some()
        || session.set_item("kz-recovered", "1").is_err()
    {
        return false;
    }
    wasm_bindgen_futures::spawn_local(async move {
        use wasm_bindgen_futures::JsFuture;
        if let Ok(caches) = w.caches()
            && let Ok(keys) = JsFuture::from(caches.keys()).await
        {
            for k in js_sys::Array::from(&keys).iter() {
                if let Some(k) = k.as_string().filter(|k| k.starts_with("kz-explorer-")) {
                    let _ = JsFuture::from(caches.delete(&k)).await;
                }
            }
        }
        if let Ok(regs) = JsFuture::from(sw.get_registrations()).await {
            for r in js_sys::Array::from(&regs).iter() {
                let r: web_sys::ServiceWorkerRegistration = r.unchecked_into();
                if let Ok(p) = r.unregister() {
                    let _ = JsFuture::from(p).await;
                }
            }
        }
        let _ = w.location().reload();
    });
    true
}
