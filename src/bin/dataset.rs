//! `dataset check FILE…` validates datasets; `dataset build SOURCE OUT` makes one from its
//! authoring file; `dataset prepaint DATASET INDEX` renders the first screen into a built
//! `index.html` (Trunk's post-build step); `dataset locales DATASET I18N OUT` checks the other
//! languages' files (the interface's texts and the data's translations) and writes the served
//! copies; `dataset cards DATASET I18N DIST BASE` draws the overview's social cards with plotters;
//! `dataset package DATASET` writes the Frictionless `datapackage.json` beside it;
//! `dataset cite DATASET [QUERY [URL [YYYY-MM-DD]]]` prints the report's and a view's citations
//! in every format, as JSON (for the tests that parse them). Exit status 1 on any problem, 2 on
//! wrong usage.

#[cfg(target_arch = "wasm32")]
fn main() {} // A native tool; the wasm build has nothing to run.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use kz_explorer::core::model::Dataset;
    use kz_explorer::core::{
        build::build, exports::to_csv, labels::fingerprint, validate::parse_and_check,
    };
    use std::path::Path;
    use std::process::ExitCode;

    /// A text file, or why it cannot be read.
    fn read(p: impl AsRef<Path>) -> Result<String, String> {
        let p = p.as_ref();
        std::fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()))
    }

    /// The dataset file at `path`, read, parsed and checked.
    fn load(path: &str) -> Result<Dataset, String> {
        parse_and_check(&read(path)?).map_err(|e| format!("{path}: {e}"))
    }

    /// The name the dataset's files share (`kazakhstan-2006` for `…/kazakhstan-2006.json`).
    fn stem(path: &str) -> Result<&str, String> {
        Path::new(path)
            .file_stem()
            .and_then(|s| s.to_str())
            .ok_or_else(|| "the dataset has no file name".to_string())
    }

    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        match args.first().map(String::as_str) {
            Some("check") if args.len() > 1 => check(&args[1..]),
            Some("build") if args.len() == 3 => done(build_cmd(&args[1], &args[2])),
            Some("prepaint") if args.len() == 3 => done(prepaint(&args[1], &args[2])),
            Some("locales") if args.len() == 4 => done(locales(&args[1], &args[2], &args[3])),
            Some("cards") if args.len() == 5 => done(cards(&args[1], &args[2], &args[3], &args[4])),
            Some("translation") if args.len() >= 3 => translation(&args[1], &args[2..]),
            Some("package") if args.len() == 2 => done(package(&args[1])),
            Some("cite") if (2..=5).contains(&args.len()) => done(cite(&args[1], &args[2..])),
            _ => {
                eprintln!(
                    "usage:\n  dataset check FILE...          validate dataset files\n  \
                     dataset build SOURCE OUT       build a dataset from its authoring file\n  \
                     dataset prepaint DATASET HTML  render the first screen into a built index.html\n  \
                     dataset locales DATASET I18N OUT  check the translations, write the served files\n  \
                     dataset cards DATASET I18N DIST BASE  draw the social cards, name them in DIST/index.html\n  \
                     dataset translation DATASET FILE...  check translation files of a dataset\n  \
                     dataset package DATASET        write datapackage.json beside the dataset\n  \
                     dataset cite DATASET [QUERY [URL [YYYY-MM-DD]]]  print the citations as JSON"
                );
                ExitCode::from(2)
            }
        }
    }

    fn done(result: Result<String, String>) -> ExitCode {
        match result {
            Ok(said) => {
                println!("{said}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{e}");
                ExitCode::FAILURE
            }
        }
    }

    fn check(files: &[String]) -> ExitCode {
        let mut failed = false;
        for file in files {
            let result = std::fs::read_to_string(file)
                .map_err(|e| format!("cannot read {file}: {e}"))
                .and_then(|text| parse_and_check(&text).map_err(|e| e.to_string()));
            match result {
                Ok(d) => println!(
                    "{file}: ok ({} reports, {} paragraphs, {} activities, {} metrics, {} events, {} places, {} outcomes)",
                    d.reports.len(),
                    d.reports.iter().map(|r| r.paragraphs.len()).sum::<usize>(),
                    d.activities.len(),
                    d.activities.iter().map(|a| a.metrics.len()).sum::<usize>(),
                    d.events.len(),
                    d.places.len(),
                    d.outcomes.len(),
                ),
                Err(e) => {
                    failed = true;
                    eprintln!("{file}: {e}");
                }
            }
        }
        if failed {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        }
    }

    fn build_cmd(source: &str, out: &str) -> Result<String, String> {
        let base = Path::new(source).parent().unwrap_or(Path::new("."));
        let src = read(source)?;
        let d = build(&src, |f| {
            std::fs::read_to_string(base.join(f)).map_err(|e| format!("cannot read {f}: {e}"))
        })?;
        let json = kz_explorer::core::build::to_json(&d)?;
        parse_and_check(&json).map_err(|e| e.to_string())?;
        std::fs::write(out, json).map_err(|e| format!("cannot write {out}: {e}"))?;
        Ok(format!("wrote {out}"))
    }

    /// Where the rendered page goes in the built `index.html`.
    const SLOT: &str = "<div id=\"kz-root\"></div>";

    /// Renders the default view's page with Leptos (the same components the browser hydrates)
    /// into the page, writes the dataset as CSV beside it (for readers without JavaScript), and
    /// takes out Trunk's inline loader: `boot.js` starts the wasm, so the built page has no
    /// inline script a strict content security policy would refuse.
    fn prepaint(dataset: &str, html: &str) -> Result<String, String> {
        let text = read(dataset)?;
        let d = parse_and_check(&text).map_err(|e| format!("{dataset}: {e}"))?;
        let page = read(html)?;
        let d = std::sync::Arc::new(d);
        let rendered = format!(
            "<div id=\"kz-root\">{}</div>",
            kz_explorer::app::render_page(d.clone(), &fingerprint(&text))
        );
        // Trunk's minifier may have taken the quotes off the slot's id.
        let page =
            page.replacen(SLOT, &rendered, 1)
                .replacen("<div id=kz-root></div>", &rendered, 1);
        if !page.contains("id=\"kz-page\"") {
            return Err(format!("{html} has no {SLOT} to render into"));
        }
        let page = without_inline_scripts(&page)?;
        let page = after_first_paint(&page);
        std::fs::write(html, &page).map_err(|e| format!("cannot write {html}: {e}"))?;
        let all: Vec<_> = d.activities.iter().collect();
        let csv = Path::new(dataset).with_extension("csv");
        std::fs::write(&csv, to_csv(&d, &all))
            .map_err(|e| format!("cannot write {}: {e}", csv.display()))?;
        Ok(format!(
            "prepainted {html} ({} bytes), wrote {}",
            page.len(),
            csv.display()
        ))
    }

    /// Writes `datapackage.json` (a Frictionless Data Package) beside the dataset, describing it
    /// and its CSV (written by `prepaint`).
    fn package(dataset: &str) -> Result<String, String> {
        let d = load(dataset)?;
        let out = Path::new(dataset).with_file_name("datapackage.json");
        let json = kz_explorer::core::exports::datapackage(&d, stem(dataset)?);
        std::fs::write(&out, json).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
        Ok(format!("wrote {}", out.display()))
    }

    /// The report's citation and a view's, in every format, as one JSON object
    /// (`{"report": {"bibtex": …}, "view": {…}}`), for the tests that parse them with reference
    /// managers' parsers. The view: a query string (default the whole dataset), its address
    /// (default `https://example.org/explorer/?QUERY`) and the day it was read (default
    /// 2026-12-05).
    fn cite(dataset: &str, rest: &[String]) -> Result<String, String> {
        use kz_explorer::core::exports::{CiteFormat, ViewRef, cite_report, cite_view};
        use kz_explorer::core::filters::Filters;
        use kz_explorer::core::labels::{caption, file_stem};
        let d = load(dataset)?;
        let query = rest.first().map_or("", String::as_str);
        let f = Filters::from_query(query);
        let url = rest.get(1).cloned().unwrap_or_else(|| {
            let q = f.to_query();
            format!(
                "https://example.org/explorer/{}{q}",
                if q.is_empty() { "" } else { "?" }
            )
        });
        let day = rest.get(2).map_or("2026-12-05", String::as_str);
        let date = kz_explorer::core::model::PartialDate::parse(day)?;
        let (Some(m), Some(dd)) = (date.month, date.day) else {
            return Err(format!("'{day}' is not a day (YYYY-MM-DD)"));
        };
        let (words, key) = (caption(&d, &f.narrowing()), file_stem(&d, &f));
        let view = ViewRef {
            url: &url,
            caption: &words,
            key: &key,
            accessed: (date.year, m, dd),
        };
        let mut report = serde_json::Map::new();
        let mut cited = serde_json::Map::new();
        for fmt in CiteFormat::ALL {
            report.insert(fmt.id().into(), cite_report(&d, fmt).into());
            cited.insert(fmt.id().into(), cite_view(&d, &view, fmt).into());
        }
        let all = serde_json::json!({ "report": report, "view": cited });
        serde_json::to_string_pretty(&all).map_err(|e| e.to_string())
    }

    /// Checks translation files against their dataset: every id translated, none unknown,
    /// nothing left in English, no quote translated or copied.
    fn translation(dataset: &str, files: &[String]) -> ExitCode {
        let d = match std::fs::read_to_string(dataset)
            .map_err(|e| e.to_string())
            .and_then(|t| parse_and_check(&t).map_err(|e| e.to_string()))
        {
            Ok(d) => d,
            Err(e) => {
                eprintln!("{dataset}: {e}");
                return ExitCode::FAILURE;
            }
        };
        let mut failed = false;
        for file in files {
            let problems = match std::fs::read_to_string(file) {
                Ok(text) => kz_explorer::core::translate::check(&d, &text),
                Err(e) => vec![format!("cannot read it: {e}")],
            };
            if problems.is_empty() {
                println!("{file}: ok");
            } else {
                failed = true;
                eprintln!("{file}:\n  {}", problems.join("\n  "));
            }
        }
        if failed {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        }
    }

    /// For each language but English: the interface's texts (`I18N/ui.ru.json`, keyed) as the
    /// served list in the keys' order (`OUT/ui.ru.json`), and the data's translation
    /// (`I18N/kazakhstan-2006.ru.json`), checked against the dataset, compacted
    /// (`OUT/kazakhstan-2006.ru.json`). Any missing, extra or untranslated text fails the build.
    fn locales(dataset: &str, dir: &str, out: &str) -> Result<String, String> {
        use kz_explorer::core::{i18n, translate};
        let compact = |json: &str| -> Result<String, String> {
            let v: serde_json::Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
            serde_json::to_string(&v).map_err(|e| e.to_string())
        };
        let (d, stem) = (load(dataset)?, stem(dataset)?);
        let mut said = Vec::new();
        for lang in i18n::Lang::ALL.into_iter().filter(|l| *l != i18n::Lang::En) {
            let code = lang.code();
            let ui = Path::new(dir).join(format!("ui.{code}.json"));
            let list =
                i18n::list_from_keyed(&read(&ui)?).map_err(|e| format!("{}: {e}", ui.display()))?;
            let served = Path::new(out).join(format!("ui.{code}.json"));
            std::fs::write(&served, compact(&list)?)
                .map_err(|e| format!("cannot write {}: {e}", served.display()))?;
            let data = Path::new(dir).join(format!("{stem}.{code}.json"));
            let text = read(&data)?;
            let problems = translate::check(&d, &text);
            if !problems.is_empty() {
                return Err(format!("{}:\n  {}", data.display(), problems.join("\n  ")));
            }
            let served_data = Path::new(out).join(format!("{stem}.{code}.json"));
            std::fs::write(&served_data, compact(&text)?)
                .map_err(|e| format!("cannot write {}: {e}", served_data.display()))?;
            said.push(format!(
                "{code}: {} texts, data translation checked",
                i18n::EN.len()
            ));
        }
        Ok(format!("locales: {}", said.join("; ")))
    }

    /// The overview's social card (its sector chart, 1200×630 PNG, drawn by plotters with DejaVu
    /// Sans) in each language, as `DIST/social/card.en.png`, `.ru.png`, `.kk.png`; and
    /// `DIST/index.html`'s `og:image` pointed at the English one under `BASE`: the site's address
    /// where the build knows it (`KZ_SITE_URL`), else its public URL (`/`, `/sub/`). An absolute
    /// `BASE` is also the address the cards print.
    fn cards(dataset: &str, dir: &str, dist: &str, base: &str) -> Result<String, String> {
        use kz_explorer::app::export::{Chart, image_request};
        use kz_explorer::core::{filters::Filters, i18n, translate};
        use kz_explorer::images::{Size, png_file};
        let (english, stem) = (load(dataset)?, stem(dataset)?);
        let out = Path::new(dist).join("social");
        std::fs::create_dir_all(&out).map_err(|e| format!("cannot make {}: {e}", out.display()))?;
        let absolute = base.starts_with("http://") || base.starts_with("https://");
        let mut said = Vec::new();
        for lang in i18n::Lang::ALL {
            let code = lang.code();
            let d = if lang == i18n::Lang::En {
                i18n::set(i18n::Catalogue::en());
                english.clone()
            } else {
                let ui = Path::new(dir).join(format!("ui.{code}.json"));
                let list = i18n::list_from_keyed(&read(&ui)?)
                    .map_err(|e| format!("{}: {e}", ui.display()))?;
                i18n::set(i18n::Catalogue::from_list(lang, &list)?);
                let data = Path::new(dir).join(format!("{stem}.{code}.json"));
                translate::apply(&english, &read(&data)?).map_err(|e| e.to_string())?
            };
            let url = match (absolute, lang) {
                (false, _) => String::new(),
                (true, i18n::Lang::En) => base.to_string(),
                (true, _) => format!("{base}?lang={code}"),
            };
            let req = image_request(&d, &Filters::default(), Chart::Sector, Size::Social, &url);
            let path = out.join(format!("card.{code}.png"));
            let drawn = png_file(&req, &path);
            i18n::set(i18n::Catalogue::en());
            let (w, h) = drawn.map_err(|e| format!("{}: {e}", path.display()))?;
            said.push(format!("{} ({w}×{h})", path.display()));
        }
        let html = Path::new(dist).join("index.html");
        let page = read(&html)?;
        let image = format!("{base}social/card.en.png");
        // Trunk's minifier may have taken the quotes off the attribute.
        let page = page
            .replacen(
                "content=\"social/card.en.png\"",
                &format!("content=\"{image}\""),
                1,
            )
            .replacen(
                "content=social/card.en.png",
                &format!("content=\"{image}\""),
                1,
            );
        if !page.contains(&image) {
            return Err(format!(
                "{} has no og:image to point at the card",
                html.display()
            ));
        }
        std::fs::write(&html, page).map_err(|e| format!("cannot write {}: {e}", html.display()))?;
        Ok(format!(
            "social cards: {}; og:image {image}",
            said.join(", ")
        ))
    }

    /// Keeps the wasm, its glue and the dataset from competing with the first paint: their
    /// preload links become inert (`rel=kz-module`, `kz-wasm`, `kz-data`), and `boot.js` starts
    /// them once the first screen is drawn (on a slow line every byte of the stylesheet and the
    /// page arrives sooner; the app is ready a moment later).
    fn after_first_paint(page: &str) -> String {
        let mut out = String::with_capacity(page.len());
        let mut rest = page;
        while let Some(start) = rest.find("<link") {
            let (before, tag) = rest.split_at(start);
            out.push_str(before);
            let end = tag.find('>').map_or(tag.len(), |e| e + 1);
            let link = &tag[..end];
            let href = |ext: &str| {
                link.split([' ', '>'])
                    .any(|a| a.starts_with("href=") && a.trim_matches('"').ends_with(ext))
            };
            let rel = |r: &str| {
                link.contains(&format!("rel={r}")) || link.contains(&format!("rel=\"{r}\""))
            };
            let renamed = if rel("modulepreload") {
                Some(("modulepreload", "kz-module"))
            } else if rel("preload") && href(".wasm") {
                Some(("preload", "kz-wasm"))
            } else if rel("preload") && link.contains("data/") {
                Some(("preload", "kz-data"))
            } else {
                None
            };
            match renamed {
                Some((from, to)) => out.push_str(
                    &link
                        .replace(&format!("rel={from}"), &format!("rel={to}"))
                        .replace(&format!("rel=\"{from}\""), &format!("rel=\"{to}\"")),
                ),
                None => out.push_str(link),
            }
            rest = &tag[end..];
        }
        out.push_str(rest);
        out
    }

    /// Removes `<script type="module">` blocks with no `src` (Trunk's loader) and refuses any
    /// other inline script, except `type="application/json"` data, which is never run.
    fn without_inline_scripts(page: &str) -> Result<String, String> {
        let mut out = String::with_capacity(page.len());
        let mut rest = page;
        while let Some(start) = rest.find("<script") {
            let (before, tag) = rest.split_at(start);
            out.push_str(before);
            let open_end = tag.find('>').ok_or("an unclosed <script> tag")? + 1;
            let open = &tag[..open_end];
            let close = tag
                .find("</script>")
                .ok_or("a <script> with no </script>")?
                + 9;
            if open.contains(" src=") || open.contains("application/json") {
                out.push_str(&tag[..close]);
            } else if (open.contains("type=\"module\"") || open.contains("type=module"))
                && tag[..close].contains("init(")
            {
                // Trunk's loader: boot.js does its work from a file.
            } else {
                return Err(format!("an inline script is left in the page: {open}"));
            }
            rest = &tag[close..];
        }
        out.push_str(rest);
        Ok(out)
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn the_app_waits_for_the_first_paint() {
            let head = "<link href=/a.css rel=stylesheet><link crossorigin href=/k.js rel=modulepreload>\
                        <link as=fetch href=/k_bg.wasm rel=preload type=application/wasm>\
                        <link as=fetch href=data/d.json rel=\"preload\">";
            let out = super::after_first_paint(head);
            assert!(out.contains("rel=stylesheet"));
            assert!(out.contains("href=/k.js rel=kz-module"));
            assert!(out.contains("rel=kz-wasm"));
            assert!(out.contains("rel=\"kz-data\""));
            assert!(!out.contains("preload"));
        }

        #[test]
        fn the_loader_goes_and_nothing_else_inline_may_stay() {
            let page = "<head><script type=\"module\">import init from '/a.js'; await init({});</script>\
                        <script src=\"/boot.js\"></script><script type=\"application/json\">{}</script></head>";
            let out = super::without_inline_scripts(page).unwrap();
            assert!(!out.contains("init("));
            assert!(out.contains("boot.js") && out.contains("application/json"));
            assert!(super::without_inline_scripts("<script>alert(1)</script>").is_err());
        }
    }
}
