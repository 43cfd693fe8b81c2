//! The masthead: what this is and whose report (its title in English, as published), with the
//! language switch, and one plain sentence on what the page is and what one can do here.

use super::language_switch::LanguageSwitch;
use super::state::use_ctx;
use crate::core::i18n::{T, t};
use leptos::prelude::*;

/// The kicker, the publisher, the report's title and the language switch.
#[component]
pub fn Masthead() -> impl IntoView {
    let d = use_ctx().d();
    let report = d.reports.first();
    let publisher = report.map(|r| r.publisher.clone()).unwrap_or_default();
    let title = report.map(|r| r.title.clone()).unwrap_or_default();
    view! {
        <header id="masthead" class="masthead">
            <div class="masthead-top">
                <p class="kicker">{format!("{} · ", t(T::Kicker))}<span lang="en">{publisher}</span></p>
                <LanguageSwitch />
            </div>
            <h1 lang="en">{title}</h1>
            <p class="intro">{t(T::Intro)}</p>
        </header>
    }
}
