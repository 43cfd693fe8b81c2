//! The components rendered natively (Leptos's `ssr` renderer, as the build uses it): what each
//! region shows for a view, that hostile data stays text, and that the page holds every region.

use super::state::{Ctx, Stage};
use crate::core::model::Dataset;
use leptos::prelude::*;
use std::sync::Arc;

fn dataset() -> Dataset {
    crate::core::query::tests::dataset()
}

/// `view` rendered to HTML for the view `query`, with the page built as far as `stage`.
fn render<V: IntoView + 'static>(
    d: Dataset,
    query: &str,
    stage: Stage,
    configure: impl FnOnce(&Ctx),
    view: impl FnOnce() -> V,
) -> String {
    Owner::new().with(move || {
        let ctx = Ctx::new(Arc::new(d), query);
        ctx.build_to(stage);
        configure(&ctx);
        provide_context(ctx);
        view().to_html()
    })
}

fn page(d: Dataset, query: &str, stage: Stage) -> String {
    render(
        d,
        query,
        stage,
        |_| {},
        || view! { <super::page::Page fingerprint="x".to_string() /> },
    )
}

#[test]
fn the_page_holds_every_region_the_app_updates() {
    let d = dataset();
    let sectors = d.sectors.len();
    let html = super::render_page(Arc::new(d), "x");
    for id in [
        "kz-page",
        "masthead",
        "status",
        "search",
        "results",
        "actions",
        "sector-head",
        "sector-note",
        "sector-body",
        "timeline-head",
        "timeline-body",
        "timeline-list",
        "overview",
        "outcomes",
        "filters",
        "list-head",
        "list",
        "list-more",
        "reader-text",
        "site-foot",
        "detail",
        "cite-dialog",
        "embed-dialog",
    ] {
        assert_eq!(html.matches(&format!("id=\"{id}\"")).count(), 1, "{id}");
    }
    // An embed's own parts are an embed's; a dialog's body is built when it opens.
    for id in [
        "embed-head",
        "embed-body",
        "embed-foot",
        "cite-body",
        "embed-options",
    ] {
        assert!(!html.contains(&format!("id=\"{id}\"")), "{id}");
    }
    assert_eq!(html.matches("class=\"bar-hit").count(), sectors);
    assert!(!html.contains("<script"), "no script in the page");
    assert!(
        html.contains("class=\"no-js\""),
        "a note for readers without JavaScript"
    );
    assert!(html.contains("data-testid=\"match-count\">58<"), "{html}");
}

#[test]
fn hostile_strings_stay_text_everywhere() {
    let mut d = dataset();
    let evil = "<img src=x onerror=alert(1)>\"'";
    d.activities[0].title = evil.into();
    d.activities[0].summary = evil.into();
    d.activities[0].id = "\"><script>".into();
    d.sectors[0].name = evil.into();
    d.sectors[0].colour = "red;background:url(x)".into();
    d.reports[0].title = evil.into();
    let open = "q=%3Cimg&sector=diplomacy&activity=%22%3E%3Cscript%3E";
    for html in [
        page(d.clone(), "", Stage::Report),
        page(d.clone(), open, Stage::Report),
        page(d.clone(), "q=%3Cimg", Stage::Report),
    ] {
        assert!(
            !html.contains("<img") && !html.contains("<script>"),
            "{html}"
        );
        assert!(!html.contains("url(x)"));
    }
}

#[test]
fn a_card_per_activity_with_figures_and_matches_marked() {
    let d = dataset();
    let html = page(d.clone(), "q=jury&activity=kz2006-a40", Stage::List);
    let cards = html.matches("class=\"activity-card").count();
    assert!(cards > 0);
    assert!(html.contains("<mark>jury</mark>") || html.contains("<mark>Jury</mark>"));
    assert_eq!(html.matches("class=\"activity-card current\"").count(), 1);
    let html = page(d.clone(), "has=people_trained", Stage::List);
    assert!(
        html.contains("42 political party members trained"),
        "{html}"
    );
    assert!(!html.contains("no date given"), "said once, above the list");
    let none = page(d, "q=zzzzzz", Stage::List);
    assert!(none.contains("class=\"empty\""));
}

#[test]
fn the_first_screen_leaves_the_list_and_the_report_to_later() {
    let html = page(dataset(), "", Stage::FirstScreen);
    assert!(!html.contains("activity-card"));
    assert!(!html.contains("class=\"para"));
    assert!(html.contains("class=\"placeholder\""));
}

#[test]
fn every_active_filter_is_a_chip_that_removes_it() {
    let html = page(
        dataset(),
        "sector=media&kind=training&from=2006-09&to=2006-09&has=people_trained&q=x",
        Stage::FirstScreen,
    );
    assert!(html.contains("Clear all 5 filters"), "{html}");
    assert!(html.contains("title=\"Removes: Media freedom only; Training;"));
    assert!(html.contains("aria-label=\"Remove filter: September 2006\""));
    assert!(html.contains("href=\"?has=\""));
}

#[test]
fn a_month_range_offers_the_loosely_dated_activities() {
    let html = page(dataset(), "from=2006-09&to=2006-09", Stage::FirstScreen);
    assert!(html.contains("data-testid=\"match-count\">3<"), "{html}");
    assert!(html.contains("dated only to 2006"), "{html}");
    assert!(html.contains("href=\"?imprecise=1\""), "{html}");
}

#[test]
fn the_sector_chart_has_a_pressable_bar_per_sector() {
    let d = dataset();
    let n = d.sectors.len();
    let html = page(d, "sector=media&measure=people_trained", Stage::FirstScreen);
    assert_eq!(html.matches("class=\"bar-hit").count(), n);
    assert_eq!(html.matches("class=\"bar-hit faded\"").count(), n - 1);
    assert!(
        html.contains("data-sector=\"media\" aria-pressed=\"true\""),
        "{html}"
    );
    assert!(html.contains("--cd:#"), "both themes' colours");
    let table = page(dataset(), "table=1", Stage::FirstScreen);
    assert!(table.contains("<table class=\"data-table\">"));
}

#[test]
fn the_timeline_marks_the_open_activity_and_one_mark_takes_tab() {
    let html = page(dataset(), "activity=kz2006-a05", Stage::FirstScreen);
    let body = &html[html.find("id=\"timeline-body\"").unwrap()..];
    let body = &body[..body.find("id=\"timeline-list\"").unwrap()];
    assert_eq!(body.matches("aria-pressed=\"true\"").count(), 1, "{body}");
    assert_eq!(body.matches("tabindex=\"0\"").count(), 1);
    assert!(
        body.contains("--rows:2"),
        "29 September's two events are stacked"
    );
    let zoomed = page(dataset(), "from=2006-09&to=2006-09", Stage::FirstScreen);
    assert!(zoomed.contains("--months:1"));
}

#[test]
fn the_sheet_speaks_plain_words() {
    let html = page(dataset(), "activity=kz2006-a11", Stage::FirstScreen);
    let sheet = &html[html.find("id=\"detail\"").unwrap()..];
    assert!(!sheet.contains("U.S. F framework") && !sheet.contains("characters"));
    assert!(sheet.contains("title=\"U.S. Foreign Assistance Framework (2006)"));
    assert!(sheet.contains("Show in report"));
    assert!(sheet.contains("Close the activity"));
    let embedded = page(
        dataset(),
        "activity=kz2006-a11&embed=activity",
        Stage::FirstScreen,
    );
    let body = &embedded[embedded.find("id=\"embed-body\"").unwrap()..];
    assert!(body.contains("target=\"_blank\"") && !body.contains("Close the activity"));
}

#[test]
fn the_reader_anchors_the_open_activity() {
    let d = dataset();
    let paragraphs = d.reports[0].paragraphs.len();
    let html = page(d, "activity=kz2006-a40", Stage::Report);
    assert_eq!(html.matches("id=\"cite-kz2006-a40-0\"").count(), 1);
    assert_eq!(html.matches("class=\"para").count(), paragraphs);
}

#[test]
fn an_embed_holds_its_own_view_only() {
    let d = dataset();
    for (query, own, foreign) in [
        ("embed=chart&sector=media", "sector-chart", "timeline"),
        ("embed=timeline", "timeline", "sector-chart"),
        ("embed=overview", "overview", "toolbar"),
        (
            "embed=outcomes&sector=rule-of-law",
            "outcome-list",
            "sector-chart",
        ),
        (
            "embed=activity&activity=kz2006-a15",
            "embed-body",
            "activities",
        ),
    ] {
        let html = page(d.clone(), query, Stage::Report);
        assert!(html.contains(&format!("id=\"{own}\"")), "{query}");
        assert!(!html.contains(&format!("id=\"{foreign}\"")), "{query}");
        for id in ["embed-head", "embed-foot"] {
            assert!(html.contains(&format!("id=\"{id}\"")), "{query}: {id}");
        }
        for id in ["masthead", "reader", "detail", "cite-dialog"] {
            assert!(!html.contains(&format!("id=\"{id}\"")), "{query}: {id}");
        }
    }
    let chart = page(d, "embed=chart&sector=media", Stage::Report);
    assert!(
        chart.contains("<p class=\"embed-caption\">Media freedom only</p>"),
        "{chart}"
    );
}

#[test]
fn the_embed_dialog_offers_one_activity_only_with_one_open() {
    let open = |query: &str| {
        render(
            dataset(),
            query,
            Stage::Report,
            |ctx| ctx.ui.embed_open.set(true),
            || view! { <super::dialogs::EmbedDialog /> },
        )
    };
    let closed = open("");
    assert!(closed.contains("value=\"activity\" disabled"), "{closed}");
    assert!(closed.contains("open an activity first"));
    let with = open("activity=kz2006-a15");
    assert!(!with.contains("value=\"activity\" disabled"));
}

#[test]
fn what_came_of_it_counts_every_activity_once_and_pairs_each_outcome() {
    let d = dataset();
    let n = d.activities.len();
    // The first screen leaves it to later, and says so to readers without JavaScript.
    let first = page(d.clone(), "", Stage::FirstScreen);
    let region = &first[first.find("id=\"outcomes\"").unwrap()..];
    let region = &region[..region.find("</section>").unwrap()];
    assert!(region.contains("What came of it"));
    assert!(!region.contains("result-chip"));
    let html = page(d.clone(), "", Stage::Report);
    let counts: usize = html
        .split("class=\"n\">")
        .skip(1)
        .map(|s| s[..s.find('<').unwrap()].parse::<usize>().unwrap())
        .sum();
    assert_eq!(counts, n, "the counts add up to the activities in view");
    assert_eq!(html.matches("class=\"chip result-chip\"").count(), 6);
    assert_eq!(html.matches("class=\"pair\"").count(), d.outcomes.len());
    assert!(html.contains(&format!(
        "Activities in view: {n}. The report states an outcome for 9 of them."
    )));
    // A class is a filter: the pairs follow it, the counts keep every class selectable.
    let ban = page(d.clone(), "result=achieved&sector=assembly", Stage::Report);
    assert_eq!(ban.matches("class=\"pair\"").count(), 1);
    assert!(ban.contains("data-outcome=\"kz2006-o04\""));
    assert!(
        ban.contains("data-result=\"achieved\" aria-pressed=\"true\""),
        "{ban}"
    );
    assert!(ban.contains("data-result=\"not_reported\" aria-pressed=\"false\""));
    assert!(ban.contains("outcome: Achieved"), "a chip for the filter");
    // The outcome's words are marked inside the activity's passage when they are part of it.
    let amendments = page(d.clone(), "result=not_achieved", Stage::Report);
    let pair = &amendments[amendments.find("data-outcome=").unwrap()..];
    assert_eq!(pair.matches("<blockquote").count(), 1, "{pair}");
    assert!(pair.contains("<mark class=\"quote\">In June the ambassador"));
    let none = page(d, "sector=media&result=achieved", Stage::Report);
    assert!(none.contains("class=\"empty\">The report states no outcome"));
}

#[test]
fn a_figure_shows_its_quote_and_our_reading_note_apart() {
    let html = page(dataset(), "activity=kz2006-a23", Stage::FirstScreen);
    let sheet = &html[html.find("id=\"detail\"").unwrap()..];
    assert!(
        sheet.contains("future judges trained on the rights of journalists and the media</td>"),
        "what was counted, and nothing more: {sheet}"
    );
    assert!(
        sheet.contains(
            "<q lang=\"en\">Over 20 current and 100 future judges received training</q>\
             <small class=\"metric-note\">\"Over\" may apply to this figure too, so we \
             read it as at least 100.</small>"
        ),
        "{sheet}"
    );
    // The figures' sums list it under the same quote.
    let overview = page(dataset(), "sector=media", Stage::FirstScreen);
    assert!(overview.contains("<small class=\"metric-note\">"));
}

#[test]
fn the_sheet_shows_what_came_of_the_activity() {
    let html = page(dataset(), "activity=kz2006-a35", Stage::FirstScreen);
    let sheet = &html[html.find("id=\"detail\"").unwrap()..];
    assert!(
        sheet.contains(
            "<dt>Outcome</dt><dd>Achieved: The ban on rallies between the end of voting and the \
             official results was removed in December. (December 2006 · Who acted: not stated in \
             the report)</dd>"
        ),
        "{sheet}"
    );
    let none = page(dataset(), "activity=kz2006-a01", Stage::FirstScreen);
    let sheet = &none[none.find("id=\"detail\"").unwrap()..];
    assert!(!sheet.contains("<dt>Outcome</dt>"));
}

#[test]
fn the_cite_dialog_offers_the_formats_for_the_view_and_the_report() {
    let html = render(
        dataset(),
        "sector=media",
        Stage::Report,
        |ctx| ctx.ui.cite_open.set(true),
        || view! { <super::dialogs::CiteDialog /> },
    );
    for id in ["bibtex", "ris", "csl-json"] {
        assert!(html.contains(&format!("<option value=\"{id}\"")), "{id}");
    }
    for spec in [
        "view copy",
        "view download",
        "report copy",
        "report download",
    ] {
        assert!(html.contains(&format!("data-cite=\"{spec}\"")), "{spec}");
    }
    assert!(html.contains("id=\"cite-text\""), "the text citation stays");
}
