//! A tiny SVG writer for the chart downloads: standalone documents with plain fills, numbers to
//! a tenth of a pixel written without float formatting (which the wasm would otherwise carry).

/// Where a text's x is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// An SVG document being written.
pub struct Svg {
    out: String,
}

/// `v` rounded to tenths: "12", "12.5", "-3.1".
pub fn num(v: f64) -> String {
    let t = (v * 10.0).round() as i64;
    let sign = if t < 0 { "-" } else { "" };
    let t = t.abs();
    if t % 10 == 0 {
        format!("{sign}{}", t / 10)
    } else {
        format!("{sign}{}.{}", t / 10, t % 10)
    }
}

/// Escapes text for SVG content and attribute values.
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

impl Svg {
    /// Starts a `width`×`height` document titled `title` (its accessible name).
    pub fn new(width: u32, height: u32, title: &str) -> Svg {
        let t = escape(title);
        Svg {
            out: format!(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
                 viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{t}\" \
                 font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\">\
                 <title>{t}</title><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"
            ),
        }
    }

    /// A filled rectangle; `opacity` in percent.
    pub fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, fill: &str, opacity: u8) {
        self.out += &format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"{}/>",
            num(x),
            num(y),
            num(w.max(0.0)),
            num(h.max(0.0)),
            escape(fill),
            opacity_attr(opacity)
        );
    }

    /// A straight line.
    pub fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, stroke: &str) {
        self.out += &format!(
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"1\"/>",
            num(x1),
            num(y1),
            num(x2),
            num(y2),
            escape(stroke)
        );
    }

    /// A circle, filled or (with `hollow`) outlined in `colour`.
    pub fn circle(&mut self, cx: f64, cy: f64, r: f64, colour: &str, hollow: bool) {
        let c = escape(colour);
        let paint = if hollow {
            format!("fill=\"#ffffff\" stroke=\"{c}\" stroke-width=\"2\"")
        } else {
            format!("fill=\"{c}\" stroke=\"#333333\" stroke-width=\"1\"")
        };
        self.out += &format!(
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" {paint}/>",
            num(cx),
            num(cy),
            num(r)
        );
    }

    /// A diamond of half-diagonal `r` centred on (`cx`, `cy`): an outcome on the timeline.
    pub fn diamond(&mut self, cx: f64, cy: f64, r: f64, colour: &str) {
        let (x, y, r) = (num(cx), num(cy), num(r));
        self.out += &format!(
            "<path d=\"M{x} {y}m0 -{r}l{r} {r}l-{r} {r}l-{r} -{r}z\" fill=\"{}\" stroke=\"#333333\" \
             stroke-width=\"1\"/>",
            escape(colour)
        );
    }

    /// A line of text, vertically centred on `y`.
    pub fn text(&mut self, x: f64, y: f64, text: &str, size: u32, anchor: Anchor) {
        let a = match anchor {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        };
        self.out += &format!(
            "<text x=\"{}\" y=\"{}\" dy=\"0.35em\" font-size=\"{size}\" text-anchor=\"{a}\" \
             fill=\"#1b1f24\">{}</text>",
            num(x),
            num(y),
            escape(text)
        );
    }

    /// The finished document.
    pub fn finish(mut self) -> String {
        self.out.push_str("</svg>");
        self.out
    }
}

fn opacity_attr(percent: u8) -> String {
    if percent >= 100 {
        String::new()
    } else {
        format!(" fill-opacity=\"0.{percent:02}\"")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_tenths() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.46), "12.5");
        assert_eq!(num(-3.06), "-3.1");
        assert_eq!(num(0.04), "0");
    }

    #[test]
    fn writes_a_standalone_escaped_document() {
        let mut s = Svg::new(100, 50, "A <b> & \"c\"");
        s.rect(0.0, 0.0, 10.0, 5.0, "#112233", 30);
        s.text(5.0, 5.0, "<script>", 13, Anchor::End);
        let svg = s.finish();
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.contains("<title>A &lt;b&gt; &amp; &quot;c&quot;</title>"));
        assert!(svg.contains("&lt;script&gt;") && !svg.contains("<script>"));
        assert!(svg.contains("fill-opacity=\"0.30\""));
        assert!(svg.ends_with("</svg>"));
    }
}
