//! Regions built after the first screen, mounted on their own in the browser.
//!
//! A region the build renders empty (its stage not reached) and the browser builds later needs
//! no hydration code, but inside the hydrated page every view type carries it beside its build
//! code. So in the browser such a region's view is mounted on its own (`mount_to` its element)
//! once its stage comes, outside the hydrated tree; natively (the build, the tests) it renders in
//! place. Measured on this app's wasm (gzip -9): the outcomes body 3.4 KB, the reader, the filter
//! form and the list together a further 8 KB less than building them inside the hydrated page.

use super::state::{Ctx, Stage};
use leptos::prelude::*;

/// The region's view in place (natively), or, in the browser, an empty place that `view` is
/// mounted into (the element `id`) once the page has reached `stage` (or at once, `now`). What
/// the build renders before the stage, `fallback`, is what the browser hydrates.
pub fn later<V, F>(
    ctx: Ctx,
    id: &'static str,
    stage: Stage,
    now: bool,
    view: impl Fn() -> V + Clone + 'static,
    fallback: impl FnOnce() -> F,
) -> impl IntoView
where
    V: IntoView + 'static,
    F: IntoView + 'static,
{
    #[cfg(target_arch = "wasm32")]
    {
        // The region belongs to the component that placed it, not to the effect that mounts it:
        // an effect disposes what it created when it runs again (the next stage), which would
        // leave the region drawn but no longer following the view.
        let parent = Owner::current();
        Effect::new(move |done: Option<bool>| {
            if done == Some(true) || !(now || ctx.reached(stage)) {
                return done.unwrap_or(false);
            }
            if let Some(el) = super::dom::by_id(id) {
                el.set_text_content(None);
                let view = view.clone();
                let mount = move || {
                    untrack(|| {
                        leptos::mount::mount_to(
                            wasm_bindgen::JsCast::unchecked_into(el),
                            move || {
                                provide_context(ctx);
                                view()
                            },
                        )
                    })
                };
                let mounted = match &parent {
                    Some(owner) => owner.with(mount),
                    None => mount(),
                };
                mounted.forget();
            }
            true
        });
        fallback()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = id;
        if now || ctx.ui.stage.get_untracked() >= stage {
            leptos::either::Either::Left(view())
        } else {
            leptos::either::Either::Right(fallback())
        }
    }
}

/// A view shown while `open()` holds (a dialog's body, the chart's table): in the browser
/// mounted on its own into the element `id` when it turns true and taken down when it turns
/// false; natively (the build, the tests) rendered in place when true.
pub fn while_open<V>(
    ctx: Ctx,
    id: &'static str,
    open: impl Fn() -> bool + Copy + 'static,
    view: impl Fn() -> V + Clone + 'static,
) -> impl IntoView
where
    V: IntoView + 'static,
{
    #[cfg(target_arch = "wasm32")]
    {
        let shown = StoredValue::new_local(None::<Box<dyn std::any::Any>>);
        Effect::new(move |_| {
            // Dropping the handle takes the body down.
            shown.set_value(None);
            if !open() {
                return;
            }
            if let Some(el) = super::dom::by_id(id) {
                el.set_text_content(None);
                let view = view.clone();
                // Built untracked: the effect runs again only when `open()` changes.
                let mounted = untrack(|| {
                    leptos::mount::mount_to(wasm_bindgen::JsCast::unchecked_into(el), move || {
                        provide_context(ctx);
                        view()
                    })
                });
                shown.set_value(Some(Box::new(mounted)));
            }
        });
        None::<()>
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (ctx, id);
        open().then(view)
    }
}
