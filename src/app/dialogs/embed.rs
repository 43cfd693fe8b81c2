//! "Embed this view": which view, its colours, the snippet to paste, and a live preview at a
//! partner's column width that grows to the embed's own height (like any embed).

use super::{copy_button, modal};
use crate::app::later::while_open;
use crate::app::state::use_ctx;
use crate::app::url::view_url;
use crate::core::filters::{Embed, Filters, Theme};
use crate::core::i18n::{self, T, t};
use crate::core::labels::{EMBED_WIDTHS, embed_snippet};
use leptos::prelude::*;

/// The "Embed this view" dialog.
#[component]
pub fn EmbedDialog() -> impl IntoView {
    let ctx = use_ctx();
    let open = ctx.ui.embed_open;
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    modal(open, dialog);
    let which = RwSignal::new(Embed::Chart);
    let theme = RwSignal::new(Theme::Light);
    let width = RwSignal::new(320u32);
    let height = RwSignal::new(480u32);
    let f = ctx.state.filters;
    let activity_open = Memo::new(move |_| ctx.state.activity.with(Option::is_some));
    // "One activity" needs an open activity; without one it would embed nothing.
    Effect::new(move |_| {
        if !activity_open.get() && which.get_untracked() == Embed::Activity {
            which.set(Embed::Chart);
        }
    });
    let src = Memo::new(move |_| {
        if !open.get() {
            return String::new();
        }
        let mut g = f.get().without_embed();
        let th = theme.get();
        g.theme = (th != Theme::Light).then_some(th);
        g.embed = Some(which.get());
        g.embed_id = Some(format!("kz-{}", which.get().id()));
        // What the partner sees is what they embed, in its language.
        g.lang = Some(i18n::lang());
        view_url(&g)
    });
    let code = Memo::new(move |_| {
        if !open.get() {
            return String::new();
        }
        embed_snippet(
            &src.get(),
            which.get(),
            height.get(),
            &view_url(&Filters::default()),
        )
    });
    let frame = NodeRef::<leptos::html::Iframe>::new();
    // The preview reports its height like any embed; the frame follows it.
    Effect::new(move |_| {
        let listener =
            window_event_listener(leptos::ev::message, move |ev: web_sys::MessageEvent| {
                let Some(f) = frame.get_untracked() else {
                    return;
                };
                let from_preview = match (ev.source(), f.content_window()) {
                    (Some(s), Some(w)) => js_sys::Object::is(s.as_ref(), w.as_ref()),
                    _ => false,
                };
                let data = ev.data();
                let field = |k: &str| js_sys::Reflect::get(&data, &k.into()).ok();
                if from_preview
                    && field("type").and_then(|t| t.as_string()).as_deref()
                        == Some(crate::app::embed::messaging::MESSAGE_TYPE)
                    && let Some(h) = field("height").and_then(|h| h.as_f64())
                    && h > 0.0
                    && h < 10_000.0
                {
                    height.set(h.ceil() as u32);
                }
            });
        on_cleanup(move || listener.remove());
    });
    let options = move || {
        view! {
            <label>
                {t(T::EmbedView)}
                " "
                <select
                    name="embed-view"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(e) = Embed::ALL.into_iter().find(|e| e.id() == v) {
                            which.set(e);
                        }
                    }
                >
                    {Embed::ALL
                        .into_iter()
                        .map(|e| {
                            let unusable = move || e == Embed::Activity && !activity_open.get();
                            view! {
                                <option
                                    value=e.id()
                                    prop:selected=move || which.get() == e
                                    disabled=unusable
                                >
                                    {e.label()}
                                    {move || unusable().then(|| t(T::OpenActivityFirst))}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <label>
                {t(T::Colours)}
                " "
                <select
                    name="embed-theme"
                    on:change=move |ev| {
                        theme
                            .set(
                                match event_target_value(&ev).as_str() {
                                    "dark" => Theme::Dark,
                                    "auto" => Theme::Auto,
                                    _ => Theme::Light,
                                },
                            );
                    }
                >
                    {[(Theme::Light, T::Light), (Theme::Dark, T::Dark), (Theme::Auto, T::FollowSystem)]
                        .into_iter()
                        .map(|(choice, label)| {
                            view! {
                                <option value=choice.id() prop:selected=move || theme.get() == choice>
                                    {t(label)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <fieldset class="widths">
                <legend>{t(T::PreviewAt)}</legend>
                {EMBED_WIDTHS
                    .into_iter()
                    .map(|w| {
                        view! {
                            <label>
                                <input
                                    type="radio"
                                    name="embed-width"
                                    value=w.to_string()
                                    prop:checked=move || width.get() == w
                                    on:change=move |_| width.set(w)
                                />
                                {if w == 0 { t(T::FullWidth).to_string() } else { format!("{w} px") }}
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
        }
    };
    // Built only while open, in one piece (one reactive closure for the whole body).
    let body = move || {
        view! {
            <div id="embed-options" class="embed-options">{options()}</div>
            <div id="embed-snippet">
                <label for="embed-code">{t(T::Snippet)}</label>
                <textarea id="embed-code" readonly rows="5" prop:value=move || code.get()></textarea>
            </div>
            <div class="dialog-actions">
                {copy_button(T::CopySnippet, "embed-code", code)}
                <form method="dialog">
                    <button type="submit" class="link">{t(T::CloseDialog)}</button>
                </form>
            </div>
            <p class="note">{t(T::EmbedNote)}</p>
            <div id="embed-preview">
                <div
                    class="preview-frame"
                    style=move || match width.get() {
                        0 => "width:100%".to_string(),
                        w => format!("width:{w}px"),
                    }
                >
                    <iframe
                        class="embed-preview"
                        id="embed-frame"
                        node_ref=frame
                        src=move || src.get()
                        title=t(T::EmbedPreview)
                        style=move || format!("height:{}px", height.get())
                        sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads"
                    ></iframe>
                </div>
            </div>
        }
    };
    view! {
        <dialog
            id="embed-dialog"
            class="dialog wide"
            aria-labelledby="embed-h"
            node_ref=dialog
            on:close=move |_| open.set(false)
        >
            <h2 id="embed-h">{t(T::EmbedTitle)}</h2>
            <div id="embed-mount">{while_open(ctx, "embed-mount", move || open.get(), body)}</div>
        </dialog>
    }
}
