//! Markup for the activity list, built as one escaped string: one DOM update for the whole list
//! instead of hundreds of element calls across the wasm boundary (the list is static markup; its
//! links are handled by the page's one click listener). Pure, so it is tested natively.

use crate::model::{Activity, Dataset, TimeBasis};
use crate::query::highlight;

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

/// A `#rrggbb` colour, or grey for anything else (the browser does not re-run the full checks).
pub fn safe_colour(c: &str) -> &str {
    let ok = c.len() == 7 && c.starts_with('#') && c[1..].bytes().all(|b| b.is_ascii_hexdigit());
    if ok { c } else { "#888888" }
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

/// When an activity happened, with its precision in words.
pub fn when(a: &Activity) -> String {
    let t = &a.time;
    let span = match &t.end {
        Some(end) => format!("{} – {}", t.start.display(), end.display()),
        None => t.start.display(),
    };
    match t.basis {
        TimeBasis::Stated => span,
        TimeBasis::Derived => format!("{span} (derived)"),
        TimeBasis::ReportScope => {
            format!("{span} (no date given; the report covers {})", t.start.year)
        }
    }
}

/// The list items for these activities: title (linking to the activity), sector, kind and time,
/// summary, and with a search, the first matching quote.
pub fn activity_cards(
    d: &Dataset,
    activities: &[&Activity],
    q: &str,
    open: Option<&str>,
) -> String {
    if activities.is_empty() {
        return "<li class=\"empty\">No activity matches these filters.</li>".into();
    }
    let mut out = String::new();
    for a in activities {
        let sector = d.sector(&a.sector);
        let current = open == Some(a.id.as_str());
        let id = escape(&a.id);
        let quote = if q.is_empty() {
            String::new()
        } else {
            a.evidence
                .iter()
                .find(|e| highlight(&e.quote, q).iter().any(|(_, hit)| *hit))
                .map(|e| format!("<q class=\"hit-quote\">{}</q>", marked(&e.quote, q)))
                .unwrap_or_default()
        };
        out += &format!(
            "<li class=\"activity-card{}\" style=\"--c:{}\"><a href=\"?activity={id}\" data-noscroll \
             data-merge data-activity=\"{id}\"{}><span class=\"title\">{}</span></a><span \
             class=\"meta\">{} · {} · {}</span><span class=\"summary\">{}</span>{quote}</li>",
            if current { " current" } else { "" },
            safe_colour(sector.map_or("", |s| s.colour.as_str())),
            if current {
                " aria-current=\"true\""
            } else {
                ""
            },
            marked(&a.title, q),
            escape(sector.map_or("", |s| s.name.as_str())),
            a.kind.label(),
            escape(&when(a)),
            marked(&a.summary, q),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::filters::Filters;
    use crate::query::{Except, select};

    #[test]
    fn hostile_strings_are_escaped() {
        let mut d = crate::query::tests::dataset();
        d.activities[0].title = "<img src=x onerror=alert(1)>".into();
        d.activities[0].id = "\"><script>".into();
        d.sectors[0].colour = "red;background:url(x)".into();
        let acts: Vec<&Activity> = d.activities.iter().take(1).collect();
        let html = activity_cards(&d, &acts, "", None);
        assert!(!html.contains("<img") && !html.contains("<script>"));
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assert!(html.contains("--c:#888888"));
    }

    #[test]
    fn a_card_per_activity_with_matches_marked() {
        let d = crate::query::tests::dataset();
        let acts = select(&d, &Filters::from_query("q=jury"), Except::Nothing);
        let html = activity_cards(&d, &acts, "jury", Some(acts[0].id.as_str()));
        assert_eq!(
            html.matches("<li class=\"activity-card").count(),
            acts.len()
        );
        assert!(html.contains("<mark>jury</mark>") || html.contains("<mark>Jury</mark>"));
        assert_eq!(html.matches("aria-current=\"true\"").count(), 1);
        assert!(activity_cards(&d, &[], "", None).contains("No activity matches"));
    }
}
