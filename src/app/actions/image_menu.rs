//! "Download image": which chart, in which format, at which size, beside the other downloads;
//! the file is drawn by the image module (`app::images`) and named like the other downloads.

use crate::app::export::{self, Chart, Format};
use crate::app::link::closest;
use crate::app::state::{Ctx, use_ctx};
use crate::core::i18n::{T, t};
use crate::images::Size;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A labelled select of (value, words) choices, the first chosen. (One copy of its code
/// serves the three.)
fn choice(
    name: &'static str,
    label: T,
    options: &[(&'static str, &'static str)],
) -> impl IntoView + use<> {
    let options = options
        .iter()
        .map(|(value, words)| view! { <option value=*value>{*words}</option> })
        .collect_view();
    view! {
        <label>
            {t(label)}
            <select name=name>{options}</select>
        </label>
    }
}

/// "Download image": which chart, in which format, at which size, in a disclosure beside the
/// other downloads. The choices are a plain form, read when it is sent.
#[component]
pub fn ImageMenu() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <details class="image-menu">
            <summary class="action" aria-label=t(T::DownloadImage)>
                "⤓ "
                {t(T::ImageShort)}
            </summary>
            <form class="image-form" on:submit=move |ev| {
                ev.prevent_default();
                download(ctx, &ev);
            }>
                {choice(
                    "chart",
                    T::ImageChart,
                    &[("sector", t(T::EmbedChart)), ("timeline", t(T::EmbedTimeline))],
                )}
                {choice("format", T::ImageFormat, &[("png", "PNG"), ("svg", "SVG")])}
                {choice(
                    "size",
                    T::ImageSize,
                    &[
                        ("screen", t(T::ImageOnScreen)),
                        ("social", t(T::ImageSocial)),
                        ("print", t(T::ImagePrint)),
                    ],
                )}
                <button type="submit" class="action">{t(T::ImageDownload)}</button>
            </form>
        </details>
    }
}

/// Downloads the image the form (the event's target) asks for.
fn download(ctx: Ctx, ev: &leptos::ev::SubmitEvent) {
    let Some(form) = closest(ev, "form") else {
        return;
    };
    let chosen = |name: &str| {
        form.query_selector(&format!("select[name={name}]"))
            .ok()
            .flatten()
            .and_then(|s| s.dyn_into::<web_sys::HtmlSelectElement>().ok())
            .map(|s| s.value())
            .unwrap_or_default()
    };
    let chart = if chosen("chart") == "timeline" {
        Chart::Timeline
    } else {
        Chart::Sector
    };
    let format = if chosen("format") == "svg" {
        Format::Svg
    } else {
        Format::Png
    };
    let size = match chosen("size").as_str() {
        "social" => Some(Size::Social),
        "print" => Some(Size::Print),
        _ => None,
    };
    export::chart_image(&ctx, chart, format, size);
}
