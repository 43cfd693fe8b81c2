//! Interface texts whose placeholders take markup (the bold count, the footer's links): shown
//! piece by piece from the translated template, so a translation decides the word order and no
//! markup is ever built from strings.

use crate::core::labels::{Piece, pieces};
use leptos::either::Either;
use leptos::prelude::*;

/// `template` with each `{n}` shown as `arg(n)`.
pub fn templated<V: IntoView + 'static>(
    template: &'static str,
    arg: impl Fn(usize) -> V,
) -> impl IntoView {
    pieces(template)
        .into_iter()
        .map(|p| match p {
            Piece::Text(s) => Either::Left(s),
            Piece::Arg(i) => Either::Right(arg(i)),
        })
        .collect_view()
}
