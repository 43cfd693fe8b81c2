//! The activities the view matches: a heading with the sort order, then a card each, a page at
//! a time. Keyed by activity (and the search words, which its highlights show), so a filter
//! change keeps every card it keeps.

mod card;

use super::later::later;
use super::state::{PAGE, Stage, use_ctx};
use crate::core::filters::Sort;
use crate::core::i18n::{T, f as tf, t};
use crate::core::labels::list_note;
use crate::core::query;
use leptos::prelude::*;

/// The list's panel: heading and order, a note, the cards and "Show more".
#[component]
pub fn ActivityList() -> impl IntoView {
    let ctx = use_ctx();
    let d = ctx.d();
    let list = ctx.sl.list;
    // A new selection starts again at the first page.
    Effect::new(move |_| {
        ctx.sl.narrow.track();
        ctx.ui.limit.set(PAGE);
    });
    let shown = {
        let d = d.clone();
        Memo::new(move |_| {
            if !ctx.reached(Stage::List) {
                return (Vec::new(), 0);
            }
            let f = list.get();
            let mut matching = ctx.matching(&d);
            query::sort(&d, &mut matching, f.sort);
            let page = ctx.ui.limit.get().min(matching.len());
            let n = page.min(ctx.ui.cards_built.get());
            let ids = matching[..n]
                .iter()
                .filter_map(|a| d.index_of(a))
                .map(|i| (i, f.q.clone()))
                .collect::<Vec<_>>();
            (ids, matching.len() - page)
        })
    };
    let sort = Memo::new(move |_| list.with(|f| f.sort));
    // The order chosen when the select is built is marked; then its value follows the view.
    let at_first = sort.get_untracked();
    let empty = move || {
        ctx.reached(Stage::List)
            && shown
                .with(|(ids, _)| ids.is_empty())
                .then_some(())
                .is_some()
    };
    let more = move || {
        let rest = shown.with(|(_, rest)| *rest);
        (rest > 0).then(|| {
            view! {
                <button
                    type="button"
                    class="link more"
                    on:click=move |_| ctx.ui.limit.update(|l| *l += PAGE)
                >
                    {tf(T::ShowMore, &[&rest.min(PAGE).to_string(), &rest.to_string()])}
                </button>
            }
        })
    };
    view! {
        <section class="activities" id="activities" aria-labelledby="activities-h" tabindex="-1">
            <div class="panel-head" id="list-head">
                <h2 id="activities-h">{t(T::Activities)}</h2>
                <label class="inline">
                    {t(T::Sort)}
                    " "
                    <select
                        name="sort"
                        prop:value=move || sort.get().id()
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            ctx.state
                                .update(
                                    &|f| {
                                        f.sort = Sort::ALL
                                            .into_iter()
                                            .find(|s| s.id() == v)
                                            .unwrap_or_default();
                                    },
                                );
                        }
                    >
                        {Sort::ALL
                            .into_iter()
                            .map(|s| {
                                view! {
                                    <option value=s.id() selected=s == at_first>
                                        {s.label()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
            </div>
            <p class="note">{list_note(&d)}</p>
            <ol class="activity-list" id="list" aria-label=t(T::MatchingActivities)>
                {later(
                    ctx,
                    "list",
                    Stage::List,
                    false,
                    move || {
                        let d = d.clone();
                        view! {
                            <For each=move || shown.get().0 key=|k| k.clone() let((i, q))>
                                {card::card(ctx, &d, i, &q)}
                            </For>
                            {move || empty().then(|| view! { <li class="empty">{t(T::NothingMatches)}</li> })}
                        }
                    },
                    || (),
                )}
            </ol>
            <div id="list-more">{more}</div>
        </section>
    }
}
