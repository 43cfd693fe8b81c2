//! The only I/O: fetching the bundled dataset (and, for another language, its texts and the
//! data's translation). Everything after this is pure.

// The requests are made in the browser only (gloo-net is a wasm dependency); natively, the
// messages and the size limit are what is tested.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

use crate::core::i18n::{self, Catalogue, Lang, T};
use crate::core::model::Dataset;
use crate::core::validate::{self, DatasetError};
use std::fmt;

/// Where the dataset lives, relative to the document's base URL (`<base href>`), so deep links
/// and sub-path deployments fetch the same file. `index.html` preloads the same path.
pub const DATASET_PATH: &str = "data/kazakhstan-2006.json";

/// Why the dataset could not be loaded.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The request never got an answer (offline, aborted, blocked).
    Network(String),
    /// The server answered with an error status.
    Status { code: u16, text: String },
    /// The answer was not a usable dataset.
    Dataset(DatasetError),
    /// The answer is larger than the explorer reads (`MAX_BYTES`); refused before parsing.
    TooLarge { bytes: u64 },
}

/// The largest dataset file the explorer reads: 32 MiB, four times a hundred reports' worth of
/// data (7.8 MB). A larger answer is refused before it is parsed, so a wrong or hostile file
/// cannot take the page's memory and time.
pub const MAX_BYTES: u64 = 32 * 1024 * 1024;

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let said = match self {
            LoadError::Network(e) => i18n::f(T::ErrNetwork, &[e]),
            LoadError::Status { code: 404, .. } => i18n::t(T::ErrNotFound).to_string(),
            LoadError::Status { code, text } if *code >= 500 => {
                i18n::f(T::ErrServer, &[&code.to_string(), text])
            }
            LoadError::Status { code, text } => i18n::f(T::ErrRefused, &[&code.to_string(), text]),
            LoadError::Dataset(e @ DatasetError::UnsupportedSchema { .. }) => {
                i18n::f(T::ErrVersion, &[&e.to_string()])
            }
            LoadError::Dataset(e) => i18n::f(T::ErrDamaged, &[&e.to_string()]),
            LoadError::TooLarge { bytes } => i18n::f(
                T::ErrTooLarge,
                &[
                    &bytes.div_ceil(1024 * 1024).to_string(),
                    &(MAX_BYTES / (1024 * 1024)).to_string(),
                ],
            ),
        };
        f.write_str(&said)
    }
}

impl std::error::Error for LoadError {}

/// A path resolved against the document base.
pub fn url_of(path: &str) -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten());
    match base.and_then(|b| web_sys::Url::new_with_base(path, &b).ok()) {
        Some(url) => url.href(),
        None => path.to_string(),
    }
}

/// A language's files: the interface's texts, and the data's descriptions translated (applied
/// by `translate::apply` once the dataset is there). Fetched only for that language.
pub async fn load_locale(lang: Lang) -> Result<(Catalogue, String), String> {
    let stem = DATASET_PATH.trim_end_matches(".json");
    let texts = fetch_text(&url_of(&format!("data/ui.{}.json", lang.code())))
        .await
        .map_err(|e| e.to_string())?;
    let catalogue = Catalogue::from_list(lang, &texts)?;
    let data = fetch_text(&url_of(&format!("{stem}.{}.json", lang.code())))
        .await
        .map_err(|e| e.to_string())?;
    Ok((catalogue, data))
}

/// Fetches, parses and validates the dataset; with it, the fingerprint of the file's text.
/// Between the steps the page gets a turn, so a large file never holds it for long at a time.
pub async fn load_dataset() -> Result<(Dataset, String), LoadError> {
    let text = fetch_text(&url_of(DATASET_PATH)).await?;
    yield_to_page().await;
    let parsed = validate::parse_text(&text).map_err(LoadError::Dataset)?;
    yield_to_page().await;
    let dataset = validate::read(parsed).map_err(LoadError::Dataset)?;
    yield_to_page().await;
    let dataset = validate::verify(dataset).map_err(LoadError::Dataset)?;
    Ok((dataset, crate::core::labels::fingerprint(&text)))
}

/// A file's text (a GET through gloo-net), refused when the answer is an error or larger than
/// `MAX_BYTES`.
#[cfg(target_arch = "wasm32")]
async fn fetch_text(url: &str) -> Result<String, LoadError> {
    let network = |e: gloo_net::Error| LoadError::Network(e.to_string());
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(network)?;
    if !response.ok() {
        return Err(LoadError::Status {
            code: response.status(),
            text: response.status_text(),
        });
    }
    let declared = response.headers().get("content-length");
    within_limit(declared.and_then(|n| n.parse().ok()))?;
    let text = response.text().await.map_err(network)?;
    // Compressed answers declare their compressed length; the text itself is checked too.
    within_limit(Some(text.len() as u64))?;
    Ok(text)
}

/// Natively there is no network: the app's pure parts are tested there, not its requests.
#[cfg(not(target_arch = "wasm32"))]
async fn fetch_text(url: &str) -> Result<String, LoadError> {
    Err(LoadError::Network(format!("no network to fetch {url}")))
}

/// Refuses a size (declared, or of the text read) over `MAX_BYTES`; an unknown size passes.
fn within_limit(bytes: Option<u64>) -> Result<(), LoadError> {
    match bytes {
        Some(bytes) if bytes > MAX_BYTES => Err(LoadError::TooLarge { bytes }),
        _ => Ok(()),
    }
}

/// Lets the page run (a timer's turn) before the next step.
async fn yield_to_page() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_say_what_went_wrong() {
        let m = |e: LoadError| e.to_string();
        assert!(
            m(LoadError::Status {
                code: 404,
                text: "Not Found".into()
            })
            .contains("404")
        );
        assert!(
            m(LoadError::Status {
                code: 500,
                text: "Internal".into()
            })
            .contains("HTTP 500")
        );
        assert!(m(LoadError::Network("aborted".into())).contains("network"));
        let schema = LoadError::Dataset(DatasetError::UnsupportedSchema { found: "9".into() });
        assert!(m(schema).contains("schema version 9"));
        let big = m(LoadError::TooLarge {
            bytes: 40 * 1024 * 1024,
        });
        assert!(big.contains("40 MB") && big.contains("up to 32 MB"));
    }

    #[test]
    fn a_size_over_the_limit_is_refused_before_parsing() {
        assert_eq!(
            within_limit(None),
            Ok(()),
            "no Content-Length: the text is checked"
        );
        assert_eq!(within_limit(Some(0)), Ok(()));
        assert_eq!(
            within_limit(Some(MAX_BYTES)),
            Ok(()),
            "32 MiB exactly is read"
        );
        assert_eq!(
            within_limit(Some(MAX_BYTES + 1)),
            Err(LoadError::TooLarge {
                bytes: MAX_BYTES + 1
            })
        );
        let over = within_limit(Some(33 * 1024 * 1024)).unwrap_err();
        assert!(over.to_string().contains("33 MB"), "{over}");
    }
}
