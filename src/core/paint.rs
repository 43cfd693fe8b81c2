//! The page's painter: every region of the explorer as escaped HTML, from the dataset and the
//! view's filters. The same functions paint the first screen into `index.html` at build time
//! (`dataset prepaint`) and every region in the browser afterwards, so what is pre-painted and
//! what the app draws cannot drift apart, and a region's update is one DOM write instead of
//! hundreds of calls across the wasm boundary. Interactive elements carry data attributes
//! (`data-sector`, `data-activity`, `data-act`) that the app's delegated listeners act on;
//! links between views are plain `?query` links (`data-noscroll`). Pure and natively tested.

use super::charts::{
    colour_vars, render_sector_chart, sector_chart_html, sector_layout, sector_table_html,
};
use super::filters::{Embed, Filters, Measure, Month, Sort, Theme};
use super::i18n::{self, T, f as tf, t};
use super::model::*;
use super::query::{
    Except, Headline, Selector, by_sector, headlines, highlight, segments, select, summary_text,
};
use super::timeline::{month_domain, render_timeline, timeline_html, timeline_layout};

/// Escapes text for HTML element content and double-quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escaped text with the search matches in `<mark>`.
pub fn marked(text: &str, q: &str) -> String {
    highlight(text, q)
        .into_iter()
        .map(|(piece, hit)| {
            if hit {
                format!("<mark>{}</mark>", escape(piece))
            } else {
                escape(piece)
            }
        })
        .collect()
}

/// A text of the interface as markup: the template escaped, then its `{0}`, `{1}`… filled in
/// with `args`, which are markup already (escaped text, a `<strong>`).
pub fn th(k: T, args: &[&str]) -> String {
    fill(escape(t(k)), args)
}

/// `th` in the plural form `n` takes (`[one, few, many]`).
pub fn th_n(forms: [T; 3], n: u64, args: &[&str]) -> String {
    th(forms[i18n::plural_form(i18n::lang(), n)], args)
}

fn fill(mut template: String, args: &[&str]) -> String {
    for (i, a) in args.iter().enumerate() {
        template = template.replace(&format!("{{{i}}}"), a);
    }
    template
}

/// A keyed item's markup with a fingerprint of itself (`data-h`): when a region is painted
/// again, the page skips every item whose fingerprint did not change, without looking inside.
pub fn hashed(item: String) -> String {
    match item.find('>') {
        Some(i) => format!(
            "{} data-h=\"{}\"{}",
            &item[..i],
            &fingerprint(&item)[..8],
            &item[i..]
        ),
        None => item,
    }
}

/// A link to a view: its query string, resolved by the browser against the document base.
pub fn href(f: &Filters) -> String {
    let q = f.to_query();
    if q.is_empty() {
        ".".into()
    } else {
        format!("?{q}")
    }
}

/// When an activity happened, as the report dates it ("29 September 2006", "2001 – 2006").
pub fn when(a: &Activity) -> String {
    let t = &a.time;
    match &t.end {
        Some(end) => format!("{} – {}", t.start.display(), end.display()),
        None => t.start.display(),
    }
}

/// `when`, with how the date is known (for the detail).
pub fn when_in_full(a: &Activity) -> String {
    let span = when(a);
    match a.time.basis {
        TimeBasis::Stated => span,
        TimeBasis::Derived => tf(T::WorkedOut, &[&span]),
        TimeBasis::ReportScope => tf(
            T::NoDateGiven,
            &[&span, &i18n::f(T::Year, &[&a.time.start.year.to_string()])],
        ),
    }
}

/// A figure as the report gives it: "more than 44,000 secondary school students reached".
pub fn figure_text(m: &Metric) -> String {
    format!("{} {}", i18n::qualified(m.qualifier, m.value), m.counted)
}

/// "Media freedom only", "Media freedom and Elections · Training · September 2006": what a
/// filtered view shows, in words, for captions and titles. Empty for the whole report.
pub fn caption(d: &Dataset, f: &Filters) -> String {
    chips(d, f)
        .into_iter()
        .map(|c| c.words)
        .collect::<Vec<_>>()
        .join(" · ")
}

/// One active filter: what it says and the link that removes it.
pub struct Chip {
    pub words: String,
    /// The parameters the removing link empties (a `data-merge` link: the rest of the view,
    /// whatever it is, stays).
    pub remove: String,
}

/// A link that changes only the parameters in `change` (`?has=x`, `?from=&to=`): the app merges
/// it into the current view, so the markup does not depend on the rest of the view.
fn merge_link(class: &str, change: &str, label: Option<&str>, text: &str) -> String {
    format!(
        "<a{} href=\"{}\" data-noscroll data-merge{}>{text}</a>",
        if class.is_empty() {
            String::new()
        } else {
            format!(" class=\"{class}\"")
        },
        escape(change),
        label.map_or_else(String::new, |l| format!(" aria-label=\"{}\"", escape(l)))
    )
}

/// The parameters "Clear all" empties: every filter that narrows the list.
const NARROWING: &str = "?sector=&kind=&status=&place=&from=&to=&imprecise=&q=&has=";

fn months_words(from: Option<Month>, to: Option<Month>) -> String {
    let long = Month::long_label;
    match (from, to) {
        (Some(a), Some(b)) if a == b => long(a),
        (Some(a), Some(b)) => format!("{} – {}", long(a), long(b)),
        (Some(a), None) => tf(T::FromMonth, &[&long(a)]),
        (None, Some(b)) => tf(T::UntilMonth, &[&long(b)]),
        (None, None) => String::new(),
    }
}

/// Every active filter, in the URL's order.
pub fn chips(d: &Dataset, f: &Filters) -> Vec<Chip> {
    let mut out = Vec::new();
    let mut push = |words: String, remove: &str| {
        out.push(Chip {
            words,
            remove: remove.to_string(),
        })
    };
    if !f.sectors.is_empty() {
        let names: Vec<String> = f
            .sectors
            .iter()
            .map(|s| d.sector(s).map_or_else(|| s.clone(), |x| x.name.clone()))
            .collect();
        let words = match names.as_slice() {
            [one] => tf(T::SectorOnly, &[one]),
            [rest @ .., last] => tf(T::And, &[&rest.join(", "), last]),
            [] => String::new(),
        };
        push(words, "?sector=");
    }
    if !f.kinds.is_empty() {
        let w: Vec<&str> = f.kinds.iter().map(|k| k.label()).collect();
        push(w.join(t(T::Or)), "?kind=");
    }
    if !f.statuses.is_empty() {
        let w: Vec<&str> = f.statuses.iter().map(|k| k.label()).collect();
        push(w.join(t(T::Or)), "?status=");
    }
    if !f.places.is_empty() {
        let w: Vec<String> = f
            .places
            .iter()
            .map(|p| d.place(p).map_or_else(|| p.clone(), |x| x.name.clone()))
            .collect();
        push(tf(T::InPlace, &[&w.join(t(T::Or))]), "?place=");
    }
    if f.from.is_some() || f.to.is_some() {
        push(months_words(f.from, f.to), "?from=&to=&imprecise=");
        if f.imprecise {
            push(t(T::WithLoose).to_string(), "?imprecise=");
        }
    }
    if let Some(h) = &f.has {
        let label = d
            .measures
            .iter()
            .find(|m| &m.id == h)
            .map_or_else(|| h.clone(), |m| m.label.clone());
        let label = if i18n::lang() == i18n::Lang::En {
            super::query::fold(&label)
        } else {
            label
        };
        push(tf(T::WithFigure, &[&label]), "?has=");
    }
    if !f.q.is_empty() {
        push(tf(T::Matching, &[&f.q]), "?q=");
    }
    out
}

/// Skip links to the main regions, shown when focused.
pub fn skip_links() -> String {
    let links = [
        ("sector-chart", T::SkipChart),
        ("timeline", T::SkipTimeline),
        ("activities", T::SkipActivities),
        ("reader", T::SkipReport),
    ];
    let mut out = format!(
        "<nav class=\"skip\" aria-label=\"{}\">",
        th(T::SkipLinks, &[])
    );
    for (id, words) in links {
        out += &format!("<a href=\"#{id}\" data-skip>{}</a>", th(words, &[]));
    }
    out + "</nav>"
}

/// The masthead: what this is and whose report (in English, as published), and the language
/// switch: a link per language that changes only `lang`.
pub fn masthead(d: &Dataset) -> String {
    let r = d.reports.first();
    let here = i18n::lang();
    let mut langs = format!(
        "<nav class=\"langs\" aria-label=\"{}\"><ul>",
        th(T::Language, &[])
    );
    for l in i18n::Lang::ALL {
        let change = format!("?lang={}", l.code());
        langs += &format!(
            "<li><a href=\"{change}\" data-noscroll data-merge data-lang=\"{0}\" lang=\"{0}\" \
             hreflang=\"{0}\"{1}>{2}</a></li>",
            l.code(),
            if l == here {
                " aria-current=\"true\""
            } else {
                ""
            },
            l.name()
        );
    }
    format!(
        "<div class=\"masthead-top\"><p class=\"kicker\">{} · <span lang=\"en\">{}</span></p>{langs}</ul></nav></div>\
         <h1 lang=\"en\">{}</h1>",
        th(T::Kicker, &[]),
        escape(r.map_or("", |r| r.publisher.as_str())),
        escape(r.map_or("", |r| r.title.as_str()))
    )
}

/// The search field (painted once; the app keeps its value in step with the URL).
pub fn search_box(q: &str) -> String {
    format!(
        "<label for=\"q\">{}</label>\
         <input id=\"q\" type=\"search\" data-act=\"q\" autocomplete=\"off\" \
         placeholder=\"{}\" value=\"{}\">",
        th(T::SearchLabel, &[]),
        th(T::SearchHint, &[]),
        escape(q)
    )
}

/// The result count, a removable chip per active filter, "Clear all", and with a date range
/// the activities it leaves out for being dated only loosely, one click away.
pub fn results(d: &Dataset, f: &Filters) -> String {
    let shown = select(d, f, Except::Nothing).len();
    results_of(d, f, shown)
}

/// `results`, with the count of matching activities already known.
pub fn results_of(d: &Dataset, f: &Filters, shown: usize) -> String {
    let s = Selector::new(d, f, Except::Nothing);
    let total = d.activities.len();
    let mut out = format!(
        "<p class=\"count\">{}</p>",
        th_n(
            [T::CountOne, T::CountFew, T::CountMany],
            total as u64,
            &[
                &format!(
                    "<strong data-testid=\"match-count\">{}</strong>",
                    i18n::num(shown as u64)
                ),
                &i18n::num(total as u64)
            ]
        )
    );
    let chips = chips(d, f);
    if !chips.is_empty() {
        out += &format!(
            "<ul class=\"active-filters\" aria-label=\"{}\">",
            th(T::ActiveFilters, &[])
        );
        for c in &chips {
            out += "<li>";
            out += &merge_link(
                "chip on",
                &c.remove,
                Some(&tf(T::RemoveFilter, &[&c.words])),
                &format!("{}<span aria-hidden=\"true\"> ×</span>", escape(&c.words)),
            );
            out += "</li>";
        }
        let all: Vec<&str> = chips.iter().map(|c| c.words.as_str()).collect();
        out += &format!(
            "<li><a class=\"clear\" href=\"{}\" data-noscroll data-merge title=\"{}\">{}</a></li></ul>",
            escape(NARROWING),
            th(T::Removes, &[&escape(&all.join("; "))]),
            if chips.len() == 1 {
                th(T::ClearFilter, &[])
            } else {
                th(T::ClearFilters, &[&chips.len().to_string()])
            }
        );
    }
    let loose = s.loosely_dated();
    if !loose.is_empty() {
        let year_only = loose.iter().filter(|a| super::query::year_only(a)).count();
        let years: Vec<String> = {
            let mut y: Vec<i32> = loose
                .iter()
                .filter(|a| super::query::year_only(a))
                .map(|a| a.time.start.year)
                .collect();
            super::order::sort_by(&mut y, &|a, b| a.cmp(b));
            y.dedup();
            y.iter().map(|y| y.to_string()).collect()
        };
        let mut parts = Vec::new();
        if year_only > 0 {
            parts.push(tf(
                T::LooseYear,
                &[&year_only.to_string(), &years.join(t(T::Or))],
            ));
        }
        if year_only < loose.len() {
            parts.push(tf(
                T::LoosePeriods,
                &[&(loose.len() - year_only).to_string()],
            ));
        }
        let words = parts.join(", ");
        out += &format!(
            "<p class=\"loose\">{} {}</p>",
            escape(&words),
            merge_link("", "?imprecise=1", None, &th(T::IncludeThem, &[]))
        );
    }
    out
}

/// Downloads, citation and embedding for the current view (the app acts on `data-act`).
pub fn actions() -> String {
    let b = |act: &str, text: &str, label: T| {
        format!(
            "<button type=\"button\" class=\"action\" data-act=\"{act}\" aria-label=\"{}\">{text}</button>",
            th(label, &[])
        )
    };
    [
        b("csv", "⤓ CSV", T::DownloadCsv),
        b("json", "⤓ JSON", T::DownloadJson),
        b("cite", &th(T::CiteShort, &[]), T::CiteThisView),
        b("embed", &th(T::EmbedShort, &[]), T::EmbedThisView),
    ]
    .concat()
}

/// The measure's name for titles.
pub fn measure_label(d: &Dataset, m: &Measure) -> String {
    match m {
        Measure::Activities => t(T::Activities).to_string(),
        Measure::Metric(id) => d
            .measures
            .iter()
            .find(|x| &x.id == id)
            .map_or_else(|| t(T::Activities).to_string(), |x| x.label.clone()),
    }
}

/// The sector chart's heading and controls.
pub fn sector_head(d: &Dataset, f: &Filters) -> String {
    let current = match &f.measure {
        Measure::Activities => "activities",
        Measure::Metric(m) => m.as_str(),
    };
    let option = |id: &str, label: &str| {
        format!(
            "<option value=\"{}\"{}>{}</option>",
            escape(id),
            if id == current { " selected" } else { "" },
            escape(label)
        )
    };
    let mut options = option("activities", t(T::NumberOfActivities));
    for m in &d.measures {
        options += &option(&m.id, &m.label);
    }
    format!(
        "<h2 id=\"sector-h\">{}</h2><label class=\"inline\">{} \
         <select id=\"measure\" data-act=\"measure\">{options}</select></label>\
         <button type=\"button\" class=\"link\" id=\"table-toggle\" data-act=\"table\" \
         aria-pressed=\"{}\">{}</button>",
        th(T::BySector, &[&escape(&measure_label(d, &f.measure))]),
        th(T::Measure, &[]),
        f.table,
        th(if f.table { T::ShowChart } else { T::ShowTable }, &[])
    )
}

/// The sector chart's note and body (bars or table) for the current filters.
pub fn sector_chart(d: &Dataset, f: &Filters) -> (String, String) {
    let acts = select(d, f, Except::Sectors);
    let rows = by_sector(d, &acts, &f.measure, &f.sectors);
    let note = match &f.measure {
        Measure::Activities => t(T::ChartNoteCount).to_string(),
        Measure::Metric(_) => {
            let without: usize = rows.iter().map(|r| r.without_figure).sum();
            tf(
                T::ChartNoteMeasure,
                &[&without.to_string(), &acts.len().to_string()],
            )
        }
    };
    let body = if f.table {
        sector_table_html(&rows)
    } else {
        sector_chart_html(&sector_layout(&rows))
    };
    (escape(&note), body)
}

/// The sector chart as a standalone SVG for the download.
pub fn sector_chart_svg(d: &Dataset, f: &Filters) -> String {
    let acts = select(d, f, Except::Sectors);
    let rows = by_sector(d, &acts, &f.measure, &f.sectors);
    let title = tf(T::BySector, &[&measure_label(d, &f.measure)]);
    let title = with_caption(d, f, &title);
    render_sector_chart(&sector_layout(&rows), &title, 720).unwrap_or_default()
}

fn with_caption(d: &Dataset, f: &Filters, title: &str) -> String {
    let c = caption(d, f);
    if c.is_empty() {
        title.to_string()
    } else {
        format!("{title} ({c})")
    }
}

/// The timeline's heading.
pub fn timeline_head(f: &Filters) -> String {
    let mut out = format!("<h2 id=\"timeline-h\">{}</h2>", th(T::Timeline, &[]));
    if f.from.is_some() || f.to.is_some() {
        out += &merge_link(
            "link",
            "?from=&to=&imprecise=",
            None,
            &th(T::ClearDates, &[]),
        );
    }
    out
}

/// The timeline's marks for the current filters (dates excepted, so it stays brushable).
pub fn timeline(d: &Dataset, f: &Filters) -> String {
    let acts = select(d, f, Except::Dates);
    let layout = timeline_layout(d, &acts, (f.from, f.to));
    if layout.lanes.is_empty() {
        return format!("<p class=\"empty\">{}</p>", th(T::NothingMatches, &[]));
    }
    timeline_html(&layout, f.activity.as_deref())
}

/// The timeline as a standalone SVG for the download.
pub fn timeline_svg(d: &Dataset, f: &Filters) -> String {
    let acts = select(d, f, Except::Dates);
    let layout = timeline_layout(d, &acts, (f.from, f.to));
    render_timeline(&layout, &with_caption(d, f, t(T::TimelineTitle)), 960).unwrap_or_default()
}

/// The dated events of the activities in view, as a list (the timeline's text alternative).
pub fn events_list(d: &Dataset, f: &Filters) -> String {
    let acts = select(d, f, Except::Dates);
    let ids = super::query::IdSet::new(&acts);
    let mut events: Vec<&Event> = d
        .events
        .iter()
        .filter(|e| ids.contains(&e.activity))
        .collect();
    super::order::sort_by(&mut events, &|a, b| a.date.cmp(&b.date));
    let mut out = String::new();
    for e in events {
        out += &format!(
            "<li><time datetime=\"{}\">{}</time> — <a href=\"?activity={}\" data-noscroll data-merge \
             data-activity=\"{}\">{}</a></li>",
            e.date,
            e.date.display(),
            escape(&e.activity),
            escape(&e.activity),
            escape(&e.label)
        );
    }
    out
}

fn headline_html(f: &Filters, h: &Headline) -> String {
    let small = |s: &str| {
        if s.is_empty() {
            String::new()
        } else {
            format!("<span class=\"qualifier\">{}</span>", escape(s))
        }
    };
    let figure = format!(
        "<span class=\"figure\">{}{}{}</span><span class=\"label\">{}</span>",
        small(&h.qualifier),
        escape(&h.number),
        small(&h.after),
        escape(&h.label)
    );
    match &h.measure {
        // The count of activities and sectors describe the view; they do not filter it.
        None => format!(
            "<li class=\"headline\"><span class=\"tile\" title=\"{}\">{figure}<span class=\"visually-hidden\">: {}</span></span></li>",
            escape(&h.detail),
            escape(&h.detail)
        ),
        Some(m) => {
            let on = f.has.as_ref() == Some(m);
            format!(
                "<li class=\"headline\"><a class=\"tile\" href=\"?has={}\" data-noscroll data-merge \
                 title=\"{}\"{}>{figure}<span class=\"visually-hidden\">: {}. {}</span></a></li>",
                if on { String::new() } else { escape(m) },
                escape(&h.detail),
                if on { " aria-current=\"true\"" } else { "" },
                escape(&h.detail),
                th(
                    if on {
                        T::SelectedSelectAgain
                    } else {
                        T::SelectToList
                    },
                    &[]
                )
            )
        }
    }
}

/// Headline figures for the current filters, and the generated summary.
pub fn overview(d: &Dataset, f: &Filters) -> String {
    overview_of(d, f, &select(d, f, Except::Nothing))
}

/// `overview`, with the matching activities already selected.
pub fn overview_of(d: &Dataset, f: &Filters, acts: &[&Activity]) -> String {
    let mut out = format!(
        "<h2 id=\"overview-h\" class=\"visually-hidden\">{}</h2><ul class=\"headlines\">",
        th(T::Figures, &[])
    );
    for h in headlines(d, acts) {
        out += &headline_html(f, &h);
    }
    out += "</ul>";
    out += &format!(
        "<p class=\"summary\">{}</p>",
        escape(&summary_text(d, acts))
    );
    out
}

/// Every filter as a form control: sector chips, kind, status, place, months.
pub fn filter_form(d: &Dataset, f: &Filters) -> String {
    format!(
        "<h2 id=\"filters-h\">{}</h2><div class=\"chips\" id=\"filter-chips\" role=\"group\" \
         aria-label=\"{}\">{}</div><div class=\"selects\" id=\"filter-selects\">{}</div>",
        th(T::Refine, &[]),
        th(T::Sectors, &[]),
        filter_chips(d, f),
        filter_selects(d, f)
    )
}

/// The sector chips of the filter form.
pub fn filter_chips(d: &Dataset, f: &Filters) -> String {
    let mut out = String::new();
    for s in &d.sectors {
        out += &hashed(format!(
            "<button type=\"button\" class=\"chip\" data-key=\"{}\" data-sector=\"{}\" aria-pressed=\"{}\" \
             style=\"{}\" title=\"{}\">{}</button>",
            escape(&s.id),
            escape(&s.id),
            f.sectors.contains(&s.id),
            colour_vars(&s.colour),
            escape(&s.description),
            escape(&s.name)
        ));
    }
    out
}

/// The kind, status, place and month selects of the filter form.
pub fn filter_selects(d: &Dataset, f: &Filters) -> String {
    let mut out = String::new();
    let select = |act: &str, label: T, any: T, current: &str, options: Vec<(String, String)>| {
        let mut s = format!(
            "<label>{} <select data-act=\"{act}\"><option value=\"\">{}</option>",
            th(label, &[]),
            th(any, &[])
        );
        for (v, text) in options {
            s += &format!(
                "<option value=\"{}\"{}>{}</option>",
                escape(&v),
                if v == current { " selected" } else { "" },
                escape(&text)
            );
        }
        s + "</select></label>"
    };
    out += &select(
        "kind",
        T::Kind,
        T::AnyKind,
        f.kinds.first().map_or("", |k| k.id()),
        ActivityKind::ALL
            .iter()
            .map(|k| (k.id().to_string(), k.label().to_string()))
            .collect(),
    );
    out += &select(
        "status",
        T::Status,
        T::AnyStatus,
        f.statuses.first().map_or("", |k| k.id()),
        Status::ALL
            .iter()
            .map(|k| (k.id().to_string(), k.label().to_string()))
            .collect(),
    );
    out += &select(
        "place",
        T::Place,
        T::AnyPlace,
        f.places.first().map_or("", String::as_str),
        d.places
            .iter()
            .map(|p| (p.id.clone(), p.name.clone()))
            .collect(),
    );
    let (first, last) = month_domain(d);
    let months: Vec<(String, String)> = (first.index()..=last.index())
        .map(Month::from_index)
        .map(|m| (m.to_string(), m.short_label()))
        .collect();
    let from = f.from.map(|m| m.to_string()).unwrap_or_default();
    let to = f.to.map(|m| m.to_string()).unwrap_or_default();
    out += &select("from", T::From, T::Start, &from, months.clone());
    out += &select("to", T::To, T::End, &to, months);
    out
}

/// The activity list's heading and sort control.
pub fn list_head(f: &Filters) -> String {
    let mut options = String::new();
    for s in Sort::ALL {
        options += &format!(
            "<option value=\"{}\"{}>{}</option>",
            s.id(),
            if s == f.sort { " selected" } else { "" },
            escape(s.label())
        );
    }
    format!(
        "<h2 id=\"activities-h\">{}</h2><label class=\"inline\">{} \
         <select data-act=\"sort\">{options}</select></label>",
        th(T::Activities, &[]),
        th(T::Sort, &[])
    )
}

/// The list items for these activities: title (linking to the activity), sector, kind and time,
/// summary, the figures the report gives, and with a search, the first matching quote.
pub fn activity_cards(
    d: &Dataset,
    activities: &[&Activity],
    q: &str,
    open: Option<&str>,
) -> String {
    if activities.is_empty() {
        return empty_list();
    }
    activities
        .iter()
        .map(|a| activity_card(d, a, q, open))
        .collect()
}

/// What the list says when nothing matches.
pub fn empty_list() -> String {
    format!("<li class=\"empty\">{}</li>", th(T::NothingMatches, &[]))
}

/// One activity's card in the list.
pub fn activity_card(d: &Dataset, a: &Activity, q: &str, open: Option<&str>) -> String {
    let mut out = String::new();
    {
        let sector = d.sector(&a.sector);
        let current = open == Some(a.id.as_str());
        let id = escape(&a.id);
        let quote = if q.is_empty() {
            String::new()
        } else {
            a.evidence
                .iter()
                .find(|e| highlight(&e.quote, q).iter().any(|(_, hit)| *hit))
                .map(|e| {
                    format!(
                        "<q class=\"hit-quote\" lang=\"en\">{}</q>",
                        marked(&e.quote, q)
                    )
                })
                .unwrap_or_default()
        };
        let figures: Vec<String> = a
            .metrics
            .iter()
            .map(|m| marked(&figure_text(m), q))
            .collect();
        let figures = if figures.is_empty() {
            String::new()
        } else {
            format!("<span class=\"figures\">{}</span>", figures.join(" · "))
        };
        out += &hashed(format!(
            "<li class=\"activity-card{}\" data-key=\"{id}\" style=\"{}\"><a href=\"?activity={id}\" data-noscroll \
             data-merge data-activity=\"{id}\"{}><span class=\"title\">{}</span></a><span \
             class=\"meta\">{} · {} · {}</span><span class=\"summary\">{}</span>{figures}{quote}</li>",
            if current { " current" } else { "" },
            colour_vars(sector.map_or("", |s| s.colour.as_str())),
            if current {
                " aria-current=\"true\""
            } else {
                ""
            },
            marked(&a.title, q),
            escape(sector.map_or("", |s| s.name.as_str())),
            escape(a.kind.label()),
            escape(&when(a)),
            marked(&a.summary, q),
        ));
    }
    out
}

/// The note above the list: how undated activities are shown, said once.
pub fn list_note(d: &Dataset) -> String {
    let year = d.reports.first().map_or(2006, |r| r.year);
    tf(T::ListNote, &[&year.to_string()])
}

/// A quote with up to 80 characters of its paragraph on either side.
fn in_context(d: &Dataset, e: &Evidence, n: usize) -> String {
    let text = d
        .paragraph(&e.paragraph)
        .map(|(_, p)| p.text.as_str())
        .unwrap_or_default();
    let chars: Vec<char> = text.chars().collect();
    let s = e.start.min(chars.len());
    let end = e.end.min(chars.len()).max(s);
    let before: String = chars[s.saturating_sub(80)..s].iter().collect();
    let after: String = chars[end..(end + 80).min(chars.len())].iter().collect();
    let number = e
        .paragraph
        .rsplit('p')
        .next()
        .and_then(|n| n.parse::<u32>().ok())
        .map_or_else(String::new, |n| th(T::FromParagraph, &[&n.to_string()]));
    format!(
        "<li><blockquote lang=\"en\">{}{}<mark class=\"quote\">{}</mark>{}{}</blockquote>\
         <p class=\"source\">{number} · <button type=\"button\" class=\"link\" \
         data-act=\"show-in-report\" data-n=\"{n}\">{}</button></p></li>",
        if s > 80 { "…" } else { "" },
        escape(&before),
        escape(&e.quote),
        escape(&after),
        if end + 80 < chars.len() { "…" } else { "" },
        th(T::ShowInReport, &[]),
    )
}

/// One activity in full: summary, facts in plain words (codes in tooltips), the figures with
/// their source words, dated events, and every quote in its context.
pub fn detail(d: &Dataset, a: &Activity, embedded: Option<&str>) -> String {
    let sector = d.sector(&a.sector);
    let tags: Vec<String> = a
        .tags
        .iter()
        .filter_map(|t| d.sector(t))
        .map(|s| escape(&s.name))
        .collect();
    let places: Vec<String> = a
        .places
        .iter()
        .filter_map(|p| d.place(p))
        .map(|p| escape(&p.name))
        .collect();
    let mut out = format!(
        "<article class=\"detail\" aria-labelledby=\"detail-h\" style=\"{}\">",
        colour_vars(sector.map_or("", |s| s.colour.as_str()))
    );
    if embedded.is_none() {
        out += &format!(
            "<button type=\"button\" class=\"close link\" data-act=\"close\" \
             aria-label=\"{}\">{}</button>",
            th(T::CloseActivity, &[]),
            th(T::Close, &[])
        );
    }
    out += &format!(
        "<h3 id=\"detail-h\" tabindex=\"-1\">{}</h3><p>{}</p><dl class=\"facts\">",
        escape(&a.title),
        escape(&a.summary)
    );
    if let Some(s) = sector {
        out += &format!(
            "<dt>{}</dt><dd><span title=\"{}\">{}</span> <span class=\"hint\">{}</span></dd>",
            th(T::Sector, &[]),
            escape(&tf(
                T::FrameworkTip,
                &[
                    &s.framework.objective,
                    &s.framework.program_area,
                    &s.dac.code.to_string(),
                    &s.dac.name
                ]
            )),
            escape(&s.name),
            escape(&s.description)
        );
    }
    if !tags.is_empty() {
        out += &format!("<dt>{}</dt><dd>{}</dd>", th(T::Also, &[]), tags.join(", "));
    }
    out += &format!(
        "<dt>{}</dt><dd>{}</dd>",
        th(T::Kind, &[]),
        escape(a.kind.label())
    );
    if let Some(s) = a.status {
        out += &format!(
            "<dt>{}</dt><dd>{}</dd>",
            th(T::Status, &[]),
            escape(s.label())
        );
    }
    out += &format!(
        "<dt>{}</dt><dd>{}",
        th(T::When, &[]),
        escape(&when_in_full(a))
    );
    if let Some(r) = &a.time.reasoning {
        out += &format!("<br><small>{}</small>", escape(r));
    }
    out += "</dd>";
    if !places.is_empty() {
        out += &format!(
            "<dt>{}</dt><dd>{}</dd>",
            th(T::Places, &[]),
            places.join(", ")
        );
    }
    if !a.actors.is_empty() {
        let who: Vec<String> = a
            .actors
            .iter()
            .map(|x| format!("{} ({})", escape(&x.name), escape(&x.role)))
            .collect();
        out += &format!("<dt>{}</dt><dd>{}</dd>", th(T::Who, &[]), who.join("; "));
    }
    if let Some(o) = &a.outcome {
        out += &format!("<dt>{}</dt><dd>{}</dd>", th(T::Outcome, &[]), escape(o));
    }
    out += "</dl>";
    if !a.metrics.is_empty() {
        out += &format!(
            "<table class=\"data-table metrics\"><caption>{}</caption><thead><tr><th \
             scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
            th(T::FiguresGiven, &[]),
            th(T::Figure, &[]),
            th(T::WhatCounted, &[]),
            th(T::SourceWords, &[])
        );
        for m in &a.metrics {
            out += &format!(
                "<tr><td class=\"num\">{}</td><td>{}</td><td><q lang=\"en\">{}</q></td></tr>",
                escape(&i18n::qualified(m.qualifier, m.value)),
                escape(&m.counted),
                escape(&m.evidence.quote)
            );
        }
        out += "</tbody></table>";
    }
    let events: Vec<&Event> = d.events.iter().filter(|e| e.activity == a.id).collect();
    if !events.is_empty() {
        out += "<ul class=\"events\">";
        for e in events {
            out += &format!(
                "<li><time datetime=\"{}\">{}</time> — {}</li>",
                e.date,
                e.date.display(),
                escape(&e.label)
            );
        }
        out += "</ul>";
    }
    out += &format!("<h4>{}</h4><ol class=\"evidence\">", th(T::Evidence, &[]));
    for (n, e) in a.evidence.iter().enumerate() {
        let mut item = in_context(d, e, n);
        if let Some(url) = embedded {
            // In an embed the report is in the full explorer, in a new tab.
            item = item.replace(
                &format!(
                    "<button type=\"button\" class=\"link\" data-act=\"show-in-report\" data-n=\"{n}\">{}</button>",
                    th(T::ShowInReport, &[])
                ),
                &format!(
                    "<a href=\"{}\" target=\"_blank\" rel=\"noopener\">{}</a>",
                    escape(url),
                    th(T::ShowInTheReport, &[])
                ),
            );
        }
        out += &item;
    }
    out + "</ol></article>"
}

/// The report as published, every cited passage linked to its activity and marked in its
/// sector's colour; the open activity's passages are outlined and anchored (`cite-{id}-{n}`).
pub fn reader_text(d: &Dataset, open: Option<&str>) -> String {
    let Some(r) = d.reports.first() else {
        return String::new();
    };
    let mut out = String::new();
    let mut anchored: Vec<(String, usize)> = Vec::new();
    for p in &r.paragraphs {
        let class = match p.role {
            ParagraphRole::Content => "para",
            ParagraphRole::Title => "para title",
            ParagraphRole::Byline => "para byline",
            ParagraphRole::Furniture => "para furniture",
        };
        out += &format!("<p class=\"{class}\" id=\"{}\">", escape(&p.id));
        for (range, cites) in segments(d, p) {
            let text = escape(&p.text[range]);
            if cites.is_empty() {
                out += &text;
                continue;
            }
            let current = cites.iter().any(|(c, _)| Some(c.as_str()) == open);
            let target = cites
                .iter()
                .find(|(c, _)| Some(c.as_str()) == open)
                .unwrap_or(&cites[0])
                .clone();
            let activity = d.activity(&target.0);
            let colour = activity
                .and_then(|a| d.sector(&a.sector))
                .map_or("", |s| s.colour.as_str());
            // The first piece of each of the open activity's passages is a scroll target.
            let anchor = if current && !anchored.contains(&target) {
                anchored.push(target.clone());
                format!(" id=\"cite-{}-{}\"", escape(&target.0), target.1)
            } else {
                String::new()
            };
            out += &format!(
                "<a href=\"?activity={0}\" data-noscroll data-merge class=\"cite{1}\"{anchor} \
                 style=\"{2}\" title=\"{3}\" data-activity=\"{0}\">{text}</a>",
                escape(&target.0),
                if current { " current" } else { "" },
                colour_vars(colour),
                escape(activity.map_or("", |a| a.title.as_str()))
            );
        }
        out += "</p>";
    }
    out
}

/// The report's source, the dataset's method and licence: said once, at the foot.
pub fn site_foot(d: &Dataset) -> String {
    let r = d.reports.first();
    let source = th(
        T::Source,
        &[
            &format!(
                "<a href=\"{}\" rel=\"external noopener\" lang=\"en\">{}</a>",
                escape(r.map_or("", |r| r.source_url.as_str())),
                escape(r.map_or("", |r| r.title.as_str()))
            ),
            &format!(
                "<span lang=\"en\">{}</span>",
                escape(r.map_or("", |r| r.publisher.as_str()))
            ),
        ],
    );
    let translated = if i18n::lang() == i18n::Lang::En {
        String::new()
    } else {
        format!(
            "<p class=\"translation-note\">{}</p>",
            th(T::TranslationsNote, &[])
        )
    };
    format!(
        "<p>{source} <span lang=\"en\">{}</span></p><p>{} {} {} {} <a href=\"data/kazakhstan-2006.json\">JSON</a> · <a \
         href=\"data/kazakhstan-2006.csv\">CSV</a>.</p>{translated}<p><button type=\"button\" class=\"link\" \
         data-act=\"cite\">{}</button> · <button type=\"button\" class=\"link\" \
         data-act=\"embed\">{}</button></p>",
        escape(r.map_or("", |r| r.licence.as_str())),
        th(T::AboutData, &[]),
        escape(&d.dataset.method),
        escape(&d.dataset.licence),
        th(T::DataFiles, &[]),
        th(T::CiteThisView, &[]),
        th(T::EmbedOnYourSite, &[])
    )
}

/// The embed's caption: the report and, when filtered, what the view shows.
pub fn embed_head(d: &Dataset, f: &Filters, full_url: &str) -> String {
    let title = d.reports.first().map_or("", |r| r.title.as_str());
    let c = caption(d, f);
    format!(
        "<h1 class=\"embed-title\" lang=\"en\"><a href=\"{}\" target=\"_blank\" rel=\"noopener\">{}</a></h1>{}",
        escape(full_url),
        escape(title),
        if c.is_empty() {
            String::new()
        } else {
            format!("<p class=\"embed-caption\">{}</p>", escape(&c))
        }
    )
}

/// The embed's foot: the source and a link to the same view in the full explorer.
pub fn embed_foot(d: &Dataset, full_url: &str) -> String {
    format!(
        "{} <a href=\"{}\" target=\"_blank\" rel=\"noopener\">{}</a>",
        th(
            T::EmbedSource,
            &[&format!(
                "<span lang=\"en\">{}</span>",
                escape(d.reports.first().map_or("", |r| r.publisher.as_str()))
            )]
        ),
        escape(full_url),
        th(T::OpenFull, &[])
    )
}

/// What a download of this view is called: `kz2006-trafficking`, `kz2006-media-training`,
/// `kz2006-all`.
pub fn file_stem(d: &Dataset, f: &Filters) -> String {
    let mut parts: Vec<String> = vec![d.reports.first().map_or("data", |r| r.id.as_str()).into()];
    parts.extend(f.sectors.iter().cloned());
    parts.extend(f.kinds.iter().map(|k| k.id().replace('_', "-")));
    parts.extend(f.statuses.iter().map(|k| k.id().to_string()));
    parts.extend(f.places.iter().cloned());
    match (f.from, f.to) {
        (Some(a), Some(b)) if a == b => parts.push(a.to_string()),
        (a, b) if a.is_some() || b.is_some() => parts.push(format!(
            "{}-to-{}",
            a.map_or("start".into(), |m| m.to_string()),
            b.map_or("end".into(), |m| m.to_string())
        )),
        _ => {}
    }
    if let Some(h) = &f.has {
        parts.push(h.replace('_', "-"));
    }
    if !f.q.is_empty() {
        let q: String =
            f.q.chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() {
                        c.to_ascii_lowercase()
                    } else {
                        '-'
                    }
                })
                .collect();
        let q: Vec<&str> = q.split('-').filter(|s| !s.is_empty()).collect();
        if !q.is_empty() {
            parts.push(format!("search-{}", q.join("-")));
        }
    }
    if parts.len() == 1 {
        parts.push("all".into());
    }
    let stem = parts.join("-");
    // Keep names short and safe for every file system.
    stem.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .take(80)
        .collect()
}

/// The "Cite this view" dialog; `#cite-body` is painted with the citation.
pub fn cite_dialog() -> String {
    format!(
        "<dialog id=\"cite-dialog\" class=\"dialog\" aria-labelledby=\"cite-h\"><h2 id=\"cite-h\">{}\
         </h2><div id=\"cite-body\"></div><div class=\"dialog-actions\"><button type=\"button\" \
         data-act=\"copy\" data-copy=\"cite-text\">{}</button><span class=\"copied\" \
         role=\"status\" id=\"cite-text-copied\"></span><form method=\"dialog\"><button type=\"submit\" \
         class=\"link\">{}</button></form></div></dialog>",
        th(T::CiteThisView, &[]),
        th(T::CopyCitation, &[]),
        th(T::CloseDialog, &[])
    )
}

/// The citation and the licence note, for `#cite-body`.
pub fn cite_body(citation: &str, licence: &str) -> String {
    format!(
        "<label for=\"cite-text\">{}</label><textarea \
         id=\"cite-text\" readonly rows=\"5\">{}</textarea><p class=\"note\">{}</p>",
        th(T::CiteBodyLabel, &[]),
        escape(citation),
        escape(licence)
    )
}

/// The "Embed this view" dialog; its options, snippet and preview are painted into it.
pub fn embed_dialog() -> String {
    format!(
        "<dialog id=\"embed-dialog\" class=\"dialog wide\" aria-labelledby=\"embed-h\"><h2 \
         id=\"embed-h\">{}</h2><div id=\"embed-options\" \
         class=\"embed-options\"></div><div id=\"embed-snippet\"></div><div class=\"dialog-actions\">\
         <button type=\"button\" data-act=\"copy\" data-copy=\"embed-code\">{}</button><span \
         class=\"copied\" role=\"status\" id=\"embed-code-copied\"></span><form method=\"dialog\"><button \
         type=\"submit\" class=\"link\">{}</button></form></div><p class=\"note\">{}</p><div \
         id=\"embed-preview\"></div></dialog>",
        th(T::EmbedTitle, &[]),
        th(T::CopySnippet, &[]),
        th(T::CloseDialog, &[]),
        th(T::EmbedNote, &[])
    )
}

/// The preview widths offered: partner column widths, and the full width of the dialog.
pub const EMBED_WIDTHS: [u32; 3] = [320, 640, 0];

/// The embed dialog's choices: which view (one activity only when one is open), colours, and
/// the width to preview at.
pub fn embed_options(which: Embed, theme: Theme, width: u32, activity_open: bool) -> String {
    let mut out = format!(
        "<label>{} <select data-act=\"embed-view\">",
        th(T::EmbedView, &[])
    );
    for e in Embed::ALL {
        let unusable = e == Embed::Activity && !activity_open;
        out += &format!(
            "<option value=\"{}\"{}{}>{}{}</option>",
            e.id(),
            if e == which { " selected" } else { "" },
            if unusable { " disabled" } else { "" },
            escape(e.label()),
            if unusable {
                th(T::OpenActivityFirst, &[])
            } else {
                String::new()
            }
        );
    }
    out += &format!(
        "</select></label><label>{} <select data-act=\"embed-theme\">",
        th(T::Colours, &[])
    );
    for (choice, label) in [
        (Theme::Light, T::Light),
        (Theme::Dark, T::Dark),
        (Theme::Auto, T::FollowSystem),
    ] {
        out += &format!(
            "<option value=\"{}\"{}>{}</option>",
            choice.id(),
            if choice == theme { " selected" } else { "" },
            th(label, &[])
        );
    }
    out += &format!(
        "</select></label><fieldset class=\"widths\"><legend>{}</legend>",
        th(T::PreviewAt, &[])
    );
    for w in EMBED_WIDTHS {
        let label = if w == 0 {
            th(T::FullWidth, &[])
        } else {
            format!("{w} px")
        };
        out += &format!(
            "<label><input type=\"radio\" name=\"embed-width\" data-act=\"embed-width\" \
             value=\"{w}\"{}>{label}</label>",
            if w == width { " checked" } else { "" }
        );
    }
    out + "</fieldset>"
}

/// The snippet a partner pastes: the iframe for `src` at `height`, and the resize script.
pub fn embed_snippet(src: &str, which: Embed, height: u32, base: &str) -> String {
    let code = format!(
        "<iframe src=\"{}\" title=\"{} — U.S. Record in Kazakhstan, 2006\" loading=\"lazy\" \
         style=\"width:100%;min-width:300px;height:{height}px;border:0\" \
         sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads\"></iframe>\n\
         <script async src=\"{}embed.js\"></script>",
        escape(src),
        escape(which.label()),
        escape(base)
    );
    format!(
        "<label for=\"embed-code\">{}</label><textarea id=\"embed-code\" readonly rows=\"5\">{}</textarea>",
        th(T::Snippet, &[]),
        escape(&code)
    )
}

/// The live preview: the embed itself, at a partner's column width.
pub fn embed_preview(src: &str, width: u32) -> String {
    format!(
        "<div class=\"preview-frame\" style=\"width:{}\"><iframe class=\"embed-preview\" \
         id=\"embed-frame\" src=\"{}\" title=\"{}\" style=\"height:480px\" \
         sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads\"></iframe></div>",
        if width == 0 {
            "100%".to_string()
        } else {
            format!("{width}px")
        },
        escape(src),
        th(T::EmbedPreview, &[])
    )
}

/// What went wrong loading the data, in plain words, and a way to try again.
pub fn load_failed(message: &str) -> String {
    format!(
        "<section class=\"load-error\" role=\"alert\"><h2>{}</h2><p \
         class=\"message\">{}</p><p>{}</p><button type=\"button\" \
         class=\"retry\" id=\"retry\">{}</button></section>",
        th(T::LoadFailedTitle, &[]),
        escape(message),
        th(T::LoadFailedStatic, &[]),
        th(T::Retry, &[])
    )
}

/// Where the pre-painted page stands in `index.html`.
pub const PREPAINT_SLOT: &str = "<div id=\"kz-prepaint\"></div>";

/// The whole page for a view, as painted before the wasm arrives: masthead, toolbar, both
/// charts and the figures filled in; the regions below the fold as empty, labelled holders the
/// app fills (with a note and the data files for readers without JavaScript). The app keeps
/// every element of this page and updates its regions by id.
/// `fingerprint` is the dataset file's (see `fingerprint`), recorded on the page.
pub fn page(d: &Dataset, f: &Filters, fingerprint: &str) -> String {
    let (sector_note, sector_body) = sector_chart(d, f);
    let (svg, png) = (th(T::DownloadSvg, &[]), th(T::DownloadPng, &[]));
    let region = |tag: &str, id: &str, class: &str, inner: &str| {
        format!("<{tag} id=\"{id}\" class=\"{class}\">{inner}</{tag}>")
    };
    let mut out = format!(
        "<div id=\"kz-page\" class=\"app\" data-dataset=\"{}\" data-lang=\"{}\">",
        escape(fingerprint),
        i18n::lang().code()
    );
    out += &skip_links();
    out += &region("header", "masthead", "masthead", &masthead(d));
    out += "<div id=\"status\" class=\"status-line\" role=\"status\"></div>";
    out += "<main id=\"main\"><div id=\"embed-head\" class=\"embed-head\"></div>";
    out += &format!(
        "<div class=\"toolbar\" id=\"toolbar\"><div class=\"search\" id=\"search\">{}</div>{}{}</div>",
        search_box(&f.q),
        region("div", "results", "results", &results(d, f)),
        region("div", "actions", "actions", &actions()),
    );
    out += "<div class=\"charts\">";
    out += &format!(
        "<section class=\"panel sector-chart\" id=\"sector-chart\" aria-labelledby=\"sector-h\" tabindex=\"-1\">{}{}{}\
         <div class=\"downloads\"><button type=\"button\" class=\"link\" data-act=\"svg\" data-chart=\"sector\">{svg}</button>\
         <button type=\"button\" class=\"link\" data-act=\"png\" data-chart=\"sector\">{png}</button></div></section>",
        region("div", "sector-head", "panel-head", &sector_head(d, f)),
        region("p", "sector-note", "note", &sector_note),
        region("div", "sector-body", "chart-body", &sector_body),
    );
    out += &format!(
        "<section class=\"panel timeline\" id=\"timeline\" aria-labelledby=\"timeline-h\" tabindex=\"-1\">{}\
         <p class=\"note\">{}</p>{}\
         <details class=\"alt-list\"><summary>{}</summary>{}</details>\
         <div class=\"downloads\"><button type=\"button\" class=\"link\" data-act=\"svg\" data-chart=\"timeline\">{svg}</button>\
         <button type=\"button\" class=\"link\" data-act=\"png\" data-chart=\"timeline\">{png}</button></div></section>",
        region("div", "timeline-head", "panel-head", &timeline_head(f)),
        th(T::TimelineNote, &[]),
        region("div", "timeline-body", "chart-body", &timeline(d, f)),
        th(T::EventsAsList, &[]),
        region("ol", "timeline-list", "", &events_list(d, f)),
    );
    out += "</div>";
    out += &format!(
        "<section class=\"overview\" id=\"overview\" aria-labelledby=\"overview-h\">{}</section>",
        overview(d, f)
    );
    // `boot.js` marks the page `js`; without it the note for readers without JavaScript shows.
    let later = format!(
        "<p class=\"placeholder\"><span class=\"if-js\">{}</span><span \
         class=\"no-js\">{} <a href=\"data/kazakhstan-2006.json\">JSON</a> · <a \
         href=\"data/kazakhstan-2006.csv\">CSV</a>.</span></p>",
        th(T::Loading, &[]),
        th(T::NeedsJs, &[])
    );
    out += &region("section", "filters", "filters", &later);
    out += &format!(
        "<section class=\"activities\" id=\"activities\" aria-labelledby=\"activities-h\" tabindex=\"-1\">\
         <div class=\"panel-head\" id=\"list-head\">{}</div><p class=\"note\">{}</p>\
         <ol class=\"activity-list\" id=\"list\" aria-label=\"{}\"></ol>\
         <div id=\"list-more\"></div></section>",
        list_head(f),
        escape(&list_note(d)),
        th(T::MatchingActivities, &[])
    );
    out += &format!(
        "<section class=\"reader\" id=\"reader\" aria-labelledby=\"reader-h\" tabindex=\"-1\">\
         <h2 id=\"reader-h\">{}</h2><p class=\"note\">{}</p><div class=\"report-text\" \
         id=\"reader-text\" lang=\"en\"></div></section>",
        th(T::TheReport, &[]),
        th(T::ReportNote, &[])
    );
    out += "<div id=\"embed-body\"></div><p id=\"embed-foot\" class=\"embed-foot\"></p></main>";
    out += &region("footer", "site-foot", "site-foot", &site_foot(d));
    out += &format!(
        "<aside id=\"detail\" class=\"detail-sheet\" aria-label=\"{}\" hidden></aside>",
        th(T::Activity, &[])
    );
    out += &cite_dialog();
    out += &embed_dialog();
    out + "</div>"
}

/// A fingerprint of the dataset file's text (FNV-1a, 64 bits, in hex): the pre-painted page
/// records the one it was painted from, and the app keeps that page only for the same data.
pub fn fingerprint(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// True when a view's first screen (masthead, toolbar, charts, figures) is the one `page`
/// paints for the default view: nothing narrows it, no other measure, no open activity.
pub fn first_screen_is_default(f: &Filters) -> bool {
    let g = Filters {
        sort: f.sort,
        embed: f.embed,
        embed_id: f.embed_id.clone(),
        theme: f.theme,
        lang: f.lang, // the page says which language it was painted in (`data-lang`)
        ..Filters::default()
    };
    *f == g
}

/// The page with empty regions, for when `index.html` was not pre-painted (a development
/// build without the post-build step).
pub fn empty_page() -> String {
    page(&Dataset::default(), &Filters::default(), "")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dataset() -> Dataset {
        crate::core::query::tests::dataset()
    }

    #[test]
    fn hostile_strings_are_escaped_everywhere() {
        let mut d = dataset();
        let evil = "<img src=x onerror=alert(1)>\"'";
        d.activities[0].title = evil.into();
        d.activities[0].summary = evil.into();
        d.activities[0].id = "\"><script>".into();
        d.sectors[0].name = evil.into();
        d.sectors[0].colour = "red;background:url(x)".into();
        d.reports[0].title = evil.into();
        let f = Filters::from_query("q=%3Cimg&sector=diplomacy");
        let acts: Vec<&Activity> = d.activities.iter().take(1).collect();
        for html in [
            activity_cards(&d, &acts, "", None),
            activity_cards(&d, &acts, "<img", None),
            detail(&d, &d.activities[0], None),
            page(&d, &f, ""),
            reader_text(&d, Some("\"><script>")),
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
        let acts = select(&d, &Filters::from_query("q=jury"), Except::Nothing);
        let html = activity_cards(&d, &acts, "jury", Some(acts[0].id.as_str()));
        assert_eq!(
            html.matches("<li class=\"activity-card").count(),
            acts.len()
        );
        assert!(html.contains("<mark>jury</mark>") || html.contains("<mark>Jury</mark>"));
        assert_eq!(html.matches("aria-current=\"true\"").count(), 1);
        assert!(activity_cards(&d, &[], "", None).contains("No activity matches"));
        let trained = select(
            &d,
            &Filters::from_query("has=people_trained"),
            Except::Nothing,
        );
        let html = activity_cards(&d, &trained, "", None);
        assert!(
            html.contains("42 political party members trained"),
            "{html}"
        );
        assert!(!html.contains("no date given"), "said once, above the list");
    }

    #[test]
    fn every_active_filter_is_a_chip_that_removes_it() {
        let d = dataset();
        let f = Filters::from_query(
            "sector=media&kind=training&from=2006-09&to=2006-09&has=people_trained&q=x&activity=kz2006-a01",
        );
        let c = chips(&d, &f);
        let words: Vec<&str> = c.iter().map(|c| c.words.as_str()).collect();
        assert_eq!(
            words,
            [
                "Media freedom only",
                "Training",
                "September 2006",
                "with a figure for people trained",
                "matching “x”"
            ]
        );
        assert_eq!(c[3].remove, "?has=");
        let html = results(&d, &f);
        assert!(html.contains("Clear all 5 filters"));
        assert!(html.contains("title=\"Removes: Media freedom only; Training;"));
        assert_eq!(
            caption(&d, &Filters::from_query("sector=media")),
            "Media freedom only"
        );
        assert_eq!(caption(&d, &Filters::default()), "");
    }

    #[test]
    fn a_month_range_offers_the_loosely_dated_activities() {
        let d = dataset();
        let html = results(&d, &Filters::from_query("from=2006-09&to=2006-09"));
        assert!(html.contains("data-testid=\"match-count\">3<"), "{html}");
        assert!(html.contains("dated only to 2006"), "{html}");
        assert!(
            html.contains("href=\"?imprecise=1\" data-noscroll data-merge"),
            "{html}"
        );
    }

    #[test]
    fn download_names_say_what_they_hold() {
        let d = dataset();
        let stem = |q: &str| file_stem(&d, &Filters::from_query(q));
        assert_eq!(stem(""), "kz2006-all");
        assert_eq!(stem("sector=trafficking"), "kz2006-trafficking");
        assert_eq!(stem("sector=media&kind=training"), "kz2006-media-training");
        assert_eq!(stem("from=2006-09&to=2006-09"), "kz2006-2006-09");
        assert_eq!(stem("q=Hot+line!"), "kz2006-search-hot-line");
        assert_eq!(stem("q=%2F..%2F..%2Fetc"), "kz2006-search-etc");
    }

    #[test]
    fn the_detail_speaks_plain_words() {
        let d = dataset();
        let a = d.activity("kz2006-a11").unwrap();
        let html = detail(&d, a, None);
        assert!(!html.contains("U.S. F framework") && !html.contains("characters"));
        assert!(html.contains("title=\"U.S. Foreign Assistance Framework (2006)"));
        assert!(html.contains("data-act=\"show-in-report\""));
        let embedded = detail(&d, a, Some("https://x/?activity=kz2006-a11"));
        assert!(!embedded.contains("data-act=\"close\"") && embedded.contains("target=\"_blank\""));
    }

    #[test]
    fn the_embed_dialog_offers_only_what_works() {
        let o = embed_options(Embed::Chart, Theme::Light, 320, false);
        assert!(o.contains("value=\"activity\" disabled>One activity (open an activity first)"));
        assert!(
            embed_options(Embed::Chart, Theme::Light, 320, true)
                .contains("value=\"activity\">One activity<")
        );
        let s = embed_snippet(
            "https://x/?sector=media&embed=chart&embed_id=kz-chart",
            Embed::Chart,
            512,
            "https://x/",
        );
        assert!(
            s.contains("&lt;iframe src=&quot;https://x/?sector=media&amp;amp;embed=chart"),
            "{s}"
        );
        assert!(s.contains("height:512px"));
        assert!(load_failed("<b>x</b>").contains("&lt;b&gt;x&lt;/b&gt;"));
    }

    #[test]
    fn the_reader_anchors_the_open_activity() {
        let d = dataset();
        let html = reader_text(&d, Some("kz2006-a40"));
        assert_eq!(html.matches("id=\"cite-kz2006-a40-0\"").count(), 1);
        assert_eq!(
            html.matches("<p class=\"para").count(),
            d.reports[0].paragraphs.len()
        );
    }

    #[test]
    fn the_page_holds_every_region_the_app_updates() {
        let d = dataset();
        let html = page(&d, &Filters::default(), "x");
        for id in [
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
            "filters",
            "list-head",
            "list",
            "list-more",
            "reader-text",
            "site-foot",
            "detail",
            "embed-head",
            "embed-body",
            "embed-foot",
            "cite-dialog",
            "cite-body",
            "embed-dialog",
            "embed-options",
            "embed-snippet",
            "embed-preview",
        ] {
            assert_eq!(html.matches(&format!("id=\"{id}\"")).count(), 1, "{id}");
        }
        assert_eq!(html.matches("class=\"bar-hit").count(), d.sectors.len());
        assert!(!html.contains("<script"), "no inline script");
        assert!(html.contains("class=\"no-js\""));
    }
}
