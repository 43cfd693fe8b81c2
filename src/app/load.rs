//! The only I/O: fetching the bundled dataset. Everything after this is pure.

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
        match self {
            LoadError::Network(e) => write!(
                f,
                "The data could not be downloaded: the network request failed ({e}). Check your \
                 connection and try again."
            ),
            LoadError::Status { code: 404, .. } => write!(
                f,
                "The data file was not found on the server (HTTP 404). The site may be partly \
                 deployed."
            ),
            LoadError::Status { code, text } if *code >= 500 => write!(
                f,
                "The server failed while sending the data (HTTP {code} {text}). Try again in a \
                 moment."
            ),
            LoadError::Status { code, text } => {
                write!(
                    f,
                    "The server refused the data request (HTTP {code} {text})."
                )
            }
            LoadError::Dataset(e @ DatasetError::UnsupportedSchema { .. }) => {
                write!(
                    f,
                    "The data file is from a different version: {e}. Reload the page to get the matching explorer."
                )
            }
            LoadError::Dataset(e) => write!(f, "The data file is damaged: {e}."),
            LoadError::TooLarge { bytes } => write!(
                f,
                "The data file is too large to read: {} MB, where the explorer reads up to {} MB. \
                 The site may be serving the wrong file.",
                bytes.div_ceil(1024 * 1024),
                MAX_BYTES / (1024 * 1024)
            ),
        }
    }
}

impl std::error::Error for LoadError {}

/// The dataset URL resolved against the document base.
pub fn dataset_url() -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten());
    match base.and_then(|b| web_sys::Url::new_with_base(DATASET_PATH, &b).ok()) {
        Some(url) => url.href(),
        None => DATASET_PATH.to_string(),
    }
}

/// Fetches, parses and validates the dataset; with it, the fingerprint of the file's text.
/// Between the steps the page gets a turn, so a large file never holds it for long at a time.
pub async fn load_dataset() -> Result<(Dataset, String), LoadError> {
    let response = gloo_net::http::Request::get(&dataset_url())
        .send()
        .await
        .map_err(|e| LoadError::Network(e.to_string()))?;
    if !response.ok() {
        return Err(LoadError::Status {
            code: response.status(),
            text: response.status_text(),
        });
    }
    let declared = response
        .headers()
        .get("content-length")
        .and_then(|n| n.parse::<u64>().ok());
    if let Some(bytes) = declared.filter(|b| *b > MAX_BYTES) {
        return Err(LoadError::TooLarge { bytes });
    }
    let text = response
        .text()
        .await
        .map_err(|e| LoadError::Network(e.to_string()))?;
    // Compressed answers declare their compressed length; the text itself is checked too.
    if text.len() as u64 > MAX_BYTES {
        return Err(LoadError::TooLarge {
            bytes: text.len() as u64,
        });
    }
    yield_to_page().await;
    let value = validate::parse_text(&text).map_err(LoadError::Dataset)?;
    yield_to_page().await;
    let dataset = validate::read(value).map_err(LoadError::Dataset)?;
    yield_to_page().await;
    let dataset = validate::verify(dataset).map_err(LoadError::Dataset)?;
    Ok((dataset, crate::core::paint::fingerprint(&text)))
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
}
