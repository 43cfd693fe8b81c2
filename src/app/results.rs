//! The result line: how many activities the view shows, a removable chip per active filter,
//! "Clear all", and with a date range the activities it leaves out for being dated only
//! loosely, one click away.

use super::link::merge_on_click;
use super::state::use_ctx;
use super::text::templated;
use crate::core::i18n::{self, T, f as tf, t};
use crate::core::labels::{NARROWING, chips, loose_words};
use leptos::either::Either;
use leptos::prelude::*;

/// "14 of 58 activities", the active filters and the loosely dated.
#[component]
pub fn Results() -> impl IntoView {
    let ctx = use_ctx();
    let total = ctx.d().activities.len() as u64;
    let forms = [T::CountOne, T::CountFew, T::CountMany];
    let template = t(forms[i18n::plural_form(i18n::lang(), total)]);
    let shown = move || i18n::num(ctx.sl.matching.with(Vec::len) as u64);
    view! {
        // The count leads to the list, on every width.
        <p class="count">
            <a href="#activities" title=t(T::GoToList) on:click=move |ev| to_list(&ev)>
                {templated(
                    template,
                    move |i| {
                        if i == 0 {
                            Either::Left(
                                view! { <strong data-testid="match-count">{shown}</strong> },
                            )
                        } else {
                            Either::Right(i18n::num(total))
                        }
                    },
                )}
            </a>
        </p>
        <ShowList />
        <ActiveFilters />
        <LooselyDated />
    }
}

/// Brings the list of activities into view and focus.
fn to_list(ev: &web_sys::MouseEvent) {
    if super::link::plain_click(ev) {
        ev.prevent_default();
        if let Some(list) = super::dom::by_id("activities") {
            super::dom::scroll_to(&list, false);
            super::dom::focus(&list);
        }
    }
}

/// On a phone, a filtered view offers its results one tap away: "Show 14 activities ↓".
#[component]
fn ShowList() -> impl IntoView {
    let ctx = use_ctx();
    let filtered = Memo::new(move |_| ctx.sl.narrow.with(|f| f.is_filtered()));
    let words = move || {
        let n = ctx.sl.matching.with(Vec::len) as u64;
        let forms = [T::ShowListOne, T::ShowListFew, T::ShowListMany];
        tf(forms[i18n::plural_form(i18n::lang(), n)], &[&i18n::num(n)])
    };
    view! {
        <a class="show-list" href="#activities" hidden=move || !filtered.get() on:click=move |ev| to_list(&ev)>
            {words}
        </a>
    }
}

/// A chip per active filter, each removing its filter, and "Clear all".
#[component]
fn ActiveFilters() -> impl IntoView {
    let ctx = use_ctx();
    let d = ctx.d();
    let state = ctx.state;
    move || {
        let chips = chips(&d, &ctx.sl.narrow.get());
        (!chips.is_empty()).then(|| {
            let all: Vec<&str> = chips.iter().map(|c| c.words.as_str()).collect();
            let removes = tf(T::Removes, &[&all.join("; ")]);
            let clear = if chips.len() == 1 {
                t(T::ClearFilter).to_string()
            } else {
                tf(T::ClearFilters, &[&chips.len().to_string()])
            };
            view! {
                <ul class="active-filters" aria-label=t(T::ActiveFilters)>
                    {chips
                        .into_iter()
                        .map(|c| {
                            let label = tf(T::RemoveFilter, &[&c.words]);
                            view! {
                                <li>
                                    <a
                                        class="chip on"
                                        href=c.remove
                                        aria-label=label
                                        on:click=merge_on_click(state, c.remove.to_string())
                                    >
                                        {c.words}
                                        <span aria-hidden="true">" ×"</span>
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                    <li>
                        <a
                            class="clear"
                            href=NARROWING
                            title=removes
                            on:click=merge_on_click(state, NARROWING.to_string())
                        >
                            {clear}
                        </a>
                    </li>
                </ul>
            }
        })
    }
}

/// With a date range: how many activities it leaves out for being dated too loosely to place
/// in it, and a link that includes them.
#[component]
fn LooselyDated() -> impl IntoView {
    let ctx = use_ctx();
    let d = ctx.d();
    move || {
        loose_words(&d, &ctx.sl.narrow.get()).map(|words| {
            view! {
                <p class="loose">
                    {words}
                    " "
                    <a href="?imprecise=1" on:click=merge_on_click(ctx.state, "?imprecise=1".into())>
                        {t(T::IncludeThem)}
                    </a>
                </p>
            }
        })
    }
}
