//! What can be done with the current view: download its activities as CSV or JSON, an image of
//! a chart, cite it, embed it, print it.

use super::export::{self, Chart, Format};
use super::link::closest;
use super::state::{Ctx, use_ctx};
use crate::core::i18n::{T, t};
use crate::images::Size;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The toolbar's action buttons.
#[component]
pub fn Actions() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <button
            type="button"
            class="action csv"
            aria-label=t(T::DownloadCsv)
            on:click=move |_| export::csv(&ctx)
        >
            "⤓ CSV"
        </button>
        <button
            type="button"
            class="action json"
            aria-label=t(T::DownloadJson)
            on:click=move |_| export::json(&ctx)
        >
            "⤓ JSON"
        </button>
        <ImageMenu />
        <button
            type="button"
            class="action cite"
            aria-label=t(T::CiteThisView)
            on:click=move |_| ctx.ui.cite_open.set(true)
        >
            {t(T::CiteShort)}
        </button>
        <button
            type="button"
            class="action embed"
            aria-label=t(T::EmbedThisView)
            on:click=move |_| ctx.ui.embed_open.set(true)
        >
            {t(T::EmbedShort)}
        </button>
        <button
            type="button"
            class="action print"
            aria-label=t(T::PrintView)
            on:click=move |_| super::print::print_view(ctx)
        >
            {t(T::PrintShort)}
        </button>
    }
}

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
fn ImageMenu() -> impl IntoView {
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
