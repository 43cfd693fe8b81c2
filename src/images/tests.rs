//! The images, drawn natively (SVG, and PNG as the build's cards are): sizes, the words every
//! image carries, the timeline's legend and key, hollow context marks, and Cyrillic that the
//! font can draw.

use super::*;
use crate::app::export::{Chart as Of, image_request};
use crate::core::filters::Filters;
use crate::core::i18n::{self, Catalogue, Lang};
use crate::core::model::Dataset;

const URL: &str = "https://example.org/explorer/?sector=media&lang=ru";

fn dataset() -> Dataset {
    crate::core::query::tests::dataset()
}

/// The dataset and the interface in `lang` (the catalogue is the test thread's).
fn in_language(lang: Lang) -> Dataset {
    let d = dataset();
    if lang == Lang::En {
        i18n::set(Catalogue::en());
        return d;
    }
    let read =
        |f: String| std::fs::read_to_string(format!("{}/{f}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let list = i18n::list_from_keyed(&read(format!("data/i18n/ui.{}.json", lang.code()))).unwrap();
    i18n::set(Catalogue::from_list(lang, &list).unwrap());
    let data = read(format!("data/i18n/kazakhstan-2006.{}.json", lang.code()));
    crate::core::translate::apply(&d, &data).unwrap()
}

fn request(d: &Dataset, query: &str, chart: Of, size: Size) -> Request {
    image_request(d, &Filters::from_query(query), chart, size, URL)
}

/// The text of each `<text>` element of an SVG, unescaped.
fn svg_texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .map(|t| {
            let body = &t[t.find('>').unwrap() + 1..t.find("</text>").unwrap()];
            body.trim()
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&")
        })
        .collect()
}

/// The svg element's width and height.
fn svg_size(svg: &str) -> (u32, u32) {
    let attr = |name: &str| -> u32 {
        let at = svg.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        svg[at..at + svg[at..].find('"').unwrap()].parse().unwrap()
    };
    (attr("width"), attr("height"))
}

/// Lines drawn, joined as they were wrapped (at spaces).
fn said(texts: &[String]) -> String {
    texts.join(" ")
}

#[test]
fn every_image_carries_its_title_filter_source_and_address_at_its_size() {
    let d = in_language(Lang::En);
    for chart in [Of::Sector, Of::Timeline] {
        for (size, expected) in [
            (Size::Screen(720), None),
            (Size::Screen(330), None),
            (Size::Social, Some((1200, 630))),
            (Size::Print, Some((2339, 1654))),
        ] {
            let req = request(&d, "?sector=media&kind=training", chart, size);
            let (svg, drawn) = svg(&req).unwrap();
            let (w, h) = svg_size(&svg);
            match expected {
                Some(wh) => assert_eq!((w, h), wh, "{chart:?} {size:?}"),
                None => {
                    assert_eq!(w, size.pixels().0);
                    assert!(h > 200, "{chart:?} {size:?}: {h} px tall");
                }
            }
            let texts = svg_texts(&svg);
            assert_eq!(texts, drawn, "the SVG's texts are the ones drawn");
            let all = said(&texts);
            let squeezed: String = all.split_whitespace().collect();
            for must in [&req.texts.title, &req.texts.filter, &req.texts.source] {
                assert!(
                    all.contains(must.as_str()),
                    "{chart:?} {size:?} lacks {must:?}: {all}"
                );
            }
            assert!(squeezed.contains(URL), "{chart:?} {size:?}: no address");
            assert!(
                req.texts.filter.contains("Media freedom") && req.texts.filter.contains("Training")
            );
            assert!(svg.starts_with("<svg lang=\"en\""));
            assert!(svg.contains(&format!("<title>{}</title>", req.texts.title)));
        }
    }
}

#[test]
fn the_sector_chart_labels_every_bar_with_its_tables_figure() {
    let d = in_language(Lang::En);
    let req = request(&d, "?measure=people_trained", Of::Sector, Size::Social);
    let Chart::Sector(l) = &req.chart else {
        unreachable!()
    };
    assert_eq!(req.texts.title, "People trained by sector");
    let (svg, texts) = svg(&req).unwrap();
    for b in &l.bars {
        assert!(texts.contains(&b.display), "{}: {}", b.sector, b.display);
        assert!(
            texts.iter().any(|t| *t == b.name || *t == b.short),
            "{}",
            b.name
        );
    }
    for tick in &req.texts.ticks {
        assert!(texts.contains(tick), "tick {tick}");
    }
    // Colours are the palette's, made to keep 3:1 on white.
    for b in &l.bars {
        let c = crate::core::colour::for_theme(&b.colour, crate::core::colour::Theme::Light);
        let upper = c.to_uppercase();
        assert!(
            b.share == 0.0 || svg.contains(&upper),
            "{} drawn in {upper}",
            b.sector
        );
    }
}

#[test]
fn the_timeline_has_a_legend_and_a_numbered_key_of_its_dated_events() {
    let d = in_language(Lang::En);
    let req = request(&d, "", Of::Timeline, Size::Screen(960));
    let Chart::Timeline(l) = &req.chart else {
        unreachable!()
    };
    let (_, texts) = svg(&req).unwrap();
    let all = said(&texts);
    for words in [
        "a day",
        "a month",
        "a period",
        "dated to the year only",
        "hollow: context",
    ] {
        assert!(texts.iter().any(|t| t == words), "legend lacks {words}");
    }
    let mut n = 0;
    for m in l
        .marks
        .iter()
        .filter(|m| matches!(m.shape, timeline_shape::Day | timeline_shape::Month))
    {
        n += 1;
        assert!(all.contains(&m.label), "the key lacks {}", m.label);
        assert!(texts.contains(&n.to_string()), "no number {n}");
    }
    assert_eq!(n, d.events.len());
    // Outcomes the report dates: a diamond each, in the legend, numbered in the key after the events.
    let outcomes: Vec<_> = l
        .marks
        .iter()
        .filter(|m| m.shape == timeline_shape::Outcome)
        .collect();
    assert!(!outcomes.is_empty());
    assert!(
        texts
            .iter()
            .any(|t| t == "an outcome, on the date the report gives it")
    );
    for m in outcomes {
        n += 1;
        assert!(all.contains(&m.label), "the key lacks {}", m.label);
        assert!(texts.contains(&n.to_string()), "no number {n}");
    }
    for lane in &l.lanes {
        assert!(texts.contains(&lane.short), "no lane {}", lane.short);
    }
    assert!(texts.contains(&"Jan".to_string()) && texts.contains(&"2006".to_string()));
}

use crate::core::timeline::MarkShape as timeline_shape;

/// White shapes drawn in an SVG (hollow interiors).
fn white_shapes(svg: &str) -> usize {
    svg.matches("fill=\"#FFFFFF\"").count()
}

#[test]
fn context_marks_stay_hollow() {
    let d = in_language(Lang::En);
    let req = request(&d, "", Of::Timeline, Size::Screen(960));
    let Chart::Timeline(l) = &req.chart else {
        unreachable!()
    };
    let context = l.marks.iter().filter(|m| m.context).count();
    assert!(context >= 2);
    let mut solid = req.clone();
    if let Chart::Timeline(l) = &mut solid.chart {
        l.marks.iter_mut().for_each(|m| m.context = false);
    }
    let hollow = white_shapes(&svg(&req).unwrap().0);
    let filled = white_shapes(&svg(&solid).unwrap().0);
    // Each hollow mark is white inside; the legend's sample of one goes with them.
    assert!(
        hollow >= filled + context,
        "{hollow} white shapes with context, {filled} without"
    );
}

#[test]
fn hostile_texts_stay_text() {
    let mut d = in_language(Lang::En);
    d.sectors[0].name = "<script>alert(\"x\")</script>".into();
    d.sectors[0].short = d.sectors[0].name.clone();
    d.sectors[0].colour = "red;background:url(x)".into();
    let req = request(&d, "?q=%3Cb%3E", Of::Sector, Size::Screen(720));
    let (svg, _) = svg(&req).unwrap();
    assert!(!svg.contains("<script>") && !svg.contains("<b>"));
    assert!(svg.contains("&lt;script&gt;"));
    assert!(!svg.contains("url(x)"));
}

#[test]
fn a_request_travels_as_json() {
    let d = in_language(Lang::En);
    for of in [Of::Sector, Of::Timeline] {
        let req = request(&d, "?sector=media", of, Size::Print);
        let back = from_json(&serde_json::to_string_pretty(&req).unwrap()).unwrap();
        assert_eq!(back.texts, req.texts);
        assert_eq!(back.size, req.size);
        // What the page leaves out of the layout (links, sort keys) changes nothing drawn.
        assert_eq!(svg(&back).unwrap(), svg(&req).unwrap());
    }
    assert!(matches!(from_json("{}"), Err(ImageError::Request(_))));
}

#[test]
fn russian_and_kazakh_images_use_letters_the_font_has() {
    use ab_glyph::{Font, FontRef};
    let bytes = std::fs::read(format!("{}/DejaVuSans.ttf", fonts::DIR)).unwrap();
    let font = FontRef::try_from_slice(&bytes).unwrap();
    for lang in [Lang::Ru, Lang::Kk] {
        let d = in_language(lang);
        for chart in [Of::Sector, Of::Timeline] {
            let req = request(&d, "?sector=media", chart, Size::Social);
            let (svg, texts) = svg(&req).unwrap();
            assert!(svg.starts_with(&format!("<svg lang=\"{}\"", lang.code())));
            let all = said(&texts);
            assert!(all.chars().any(|c| ('а'..='я').contains(&c)), "{all}");
            for c in all.chars().filter(|c| !c.is_whitespace()) {
                assert_ne!(
                    font.glyph_id(c).0,
                    0,
                    "{lang:?}: no glyph for {c:?} in {all}"
                );
            }
        }
    }
    i18n::set(Catalogue::en());
}

#[test]
fn a_social_card_is_a_1200_by_630_png() {
    let d = in_language(Lang::Kk);
    let req = request(&d, "", Of::Sector, Size::Social);
    let dir = std::env::temp_dir().join(format!("kz-card-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("card.kk.png");
    assert_eq!(png_file(&req, &path).unwrap(), (1200, 630));
    let png = std::fs::read(&path).unwrap();
    assert_eq!(&png[1..4], b"PNG");
    let be = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
    assert_eq!((be(16), be(20)), (1200, 630));
    i18n::set(Catalogue::en());
    let _ = std::fs::remove_dir_all(dir);
}

/// Writes every chart at every size, in English and Russian, as SVG and PNG into
/// `target/image-samples/`, for a look: `cargo test --lib image_samples -- --ignored`.
#[test]
#[ignore]
fn image_samples() {
    let out = &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/image-samples");
    std::fs::create_dir_all(out).unwrap();
    for lang in [Lang::En, Lang::Ru] {
        let d = in_language(lang);
        for (chart, cn) in [(Of::Sector, "sector"), (Of::Timeline, "timeline")] {
            for (size, sn) in [
                (Size::Screen(960), "screen"),
                (Size::Screen(340), "phone"),
                (Size::Social, "social"),
                (Size::Print, "print"),
            ] {
                let req = request(
                    &d,
                    if sn == "phone" { "" } else { "?sector=media" },
                    chart,
                    size,
                );
                png_file(&req, &out.join(format!("{cn}-{sn}-{}.png", lang.code()))).unwrap();
                std::fs::write(
                    out.join(format!("{cn}-{sn}-{}.svg", lang.code())),
                    svg(&req).unwrap().0,
                )
                .unwrap();
            }
        }
    }
}

#[test]
fn a_crowded_month_of_outcomes_is_one_numbered_entry_that_says_so() {
    let mut d = in_language(Lang::En);
    crate::core::query::tests::crowd_the_ban(&mut d, 40);
    let req = request(&d, "", Of::Timeline, Size::Screen(960));
    let (_, texts) = svg(&req).unwrap();
    let all = said(&texts);
    assert!(all.contains("dated outcomes: 41"), "{all}");
    assert!(!all.contains("dated events: 41"));
}
