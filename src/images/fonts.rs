//! The images' typeface: DejaVu Sans, which has Latin and every Cyrillic letter Russian and
//! Kazakh use. Natively it is read from Debian's `fonts-dejavu-core` (`.ci/setup.sh` installs
//! it) and drawn through ab_glyph; in the browser the family list names it first, then fonts
//! with Cyrillic that other systems have, and the browser draws the text.

/// The family every text is set in (an SVG's `font-family`, the canvas's font, the name the
/// native font is registered under).
pub const FAMILY: &str = "DejaVu Sans, Arial, Helvetica, sans-serif";

/// Where Debian puts DejaVu Sans.
#[cfg(not(target_arch = "wasm32"))]
pub const DIR: &str = "/usr/share/fonts/truetype/dejavu";

/// What an image is drawn onto: plotters sizes text differently for each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// SVG text, drawn by whatever shows the file.
    Svg,
    /// Pixels: a canvas in the browser, a bitmap natively.
    Raster,
}

/// DejaVu Sans's height, ascent to descent, in ems ((1901 + 483) / 2048): ab_glyph scales a font
/// by that height, not by its em.
#[cfg(not(target_arch = "wasm32"))]
const DEJAVU_HEIGHT: f64 = 1.164;

/// The size to ask plotters for so that the text's em is `px` pixels: its SVG backend writes
/// the size over 1.24 as `font-size`; a canvas takes it as it is; ab_glyph, natively, the
/// font's height.
pub fn draw_size(kind: Kind, px: f64) -> f64 {
    match kind {
        Kind::Svg => px * 1.24,
        #[cfg(target_arch = "wasm32")]
        Kind::Raster => px,
        #[cfg(not(target_arch = "wasm32"))]
        Kind::Raster => px * DEJAVU_HEIGHT,
    }
}

/// The size to measure text at so that its em is `px` pixels: in the browser plotters
/// measures a `<span>` of that CSS size; natively, ab_glyph scales the font's height.
pub fn measure_size(px: f64) -> f64 {
    #[cfg(target_arch = "wasm32")]
    return px;
    #[cfg(not(target_arch = "wasm32"))]
    return px * DEJAVU_HEIGHT;
}

/// Makes the font ready to measure and draw with: natively, reads DejaVu Sans (regular and
/// bold) once and registers it under `FAMILY`; in the browser there is nothing to do.
pub fn ready() -> Result<(), String> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        static DONE: std::sync::OnceLock<Result<(), String>> = std::sync::OnceLock::new();
        DONE.get_or_init(|| {
            use plotters::style::FontStyle;
            for (file, style) in [
                ("DejaVuSans.ttf", FontStyle::Normal),
                ("DejaVuSans-Bold.ttf", FontStyle::Bold),
            ] {
                let path = format!("{DIR}/{file}");
                let bytes = std::fs::read(&path).map_err(|e| {
                    format!("cannot read {path} ({e}): install Debian's fonts-dejavu-core")
                })?;
                // Registered fonts live as long as the program (plotters keeps a `'static` slice).
                let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
                plotters::style::register_font(FAMILY, style, bytes)
                    .map_err(|_| format!("{path} is not a font plotters can read"))?;
            }
            Ok(())
        })
        .clone()
    }
    #[cfg(target_arch = "wasm32")]
    Ok(())
}
