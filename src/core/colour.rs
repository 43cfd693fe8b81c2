//! Sector colours for each theme. The dataset has one palette; on the page every colour must keep
//! 3:1 contrast against the backgrounds it is drawn on (WCAG 1.4.11), which several do not in
//! light mode and several do not in dark mode. Each is darkened (light theme) or lightened (dark
//! theme) just enough, toward black or white so its hue stays, deterministically.

/// The page and panel backgrounds of the light theme (style/main.css `--bg`, `--panel`).
pub const LIGHT_BACKGROUNDS: [&str; 2] = ["#ffffff", "#f6f7f9"];
/// The page and panel backgrounds of the dark theme.
pub const DARK_BACKGROUNDS: [&str; 2] = ["#121417", "#1c2026"];
/// The contrast every sector colour keeps against its theme's backgrounds.
pub const MIN_CONTRAST: f64 = 3.0;

/// sRGB channel value → linear light, ×1,000,000 (a table instead of `powf`, which the wasm
/// would otherwise carry).
const LINEAR: [u32; 256] = [
    0, 304, 607, 911, 1214, 1518, 1821, 2125, 2428, 2732, 3035, 3347, 3677, 4025, 4391, 4777, 5182,
    5605, 6049, 6512, 6995, 7499, 8023, 8568, 9134, 9721, 10330, 10960, 11612, 12286, 12983, 13702,
    14444, 15209, 15996, 16807, 17642, 18500, 19382, 20289, 21219, 22174, 23153, 24158, 25187,
    26241, 27321, 28426, 29557, 30713, 31896, 33105, 34340, 35601, 36889, 38204, 39546, 40915,
    42311, 43735, 45186, 46665, 48172, 49707, 51269, 52861, 54480, 56128, 57805, 59511, 61246,
    63010, 64803, 66626, 68478, 70360, 72272, 74214, 76185, 78187, 80220, 82283, 84376, 86500,
    88656, 90842, 93059, 95307, 97587, 99899, 102242, 104616, 107023, 109462, 111932, 114435,
    116971, 119538, 122139, 124772, 127438, 130136, 132868, 135633, 138432, 141263, 144128, 147027,
    149960, 152926, 155926, 158961, 162029, 165132, 168269, 171441, 174647, 177888, 181164, 184475,
    187821, 191202, 194618, 198069, 201556, 205079, 208637, 212231, 215861, 219526, 223228, 226966,
    230740, 234551, 238398, 242281, 246201, 250158, 254152, 258183, 262251, 266356, 270498, 274677,
    278894, 283149, 287441, 291771, 296138, 300544, 304987, 309469, 313989, 318547, 323143, 327778,
    332452, 337164, 341914, 346704, 351533, 356400, 361307, 366253, 371238, 376262, 381326, 386429,
    391572, 396755, 401978, 407240, 412543, 417885, 423268, 428690, 434154, 439657, 445201, 450786,
    456411, 462077, 467784, 473531, 479320, 485150, 491021, 496933, 502886, 508881, 514918, 520996,
    527115, 533276, 539479, 545724, 552011, 558340, 564712, 571125, 577580, 584078, 590619, 597202,
    603827, 610496, 617207, 623960, 630757, 637597, 644480, 651406, 658375, 665387, 672443, 679542,
    686685, 693872, 701102, 708376, 715694, 723055, 730461, 737910, 745404, 752942, 760525, 768151,
    775822, 783538, 791298, 799103, 806952, 814847, 822786, 830770, 838799, 846873, 854993, 863157,
    871367, 879622, 887923, 896269, 904661, 913099, 921582, 930111, 938686, 947307, 955973, 964686,
    973445, 982251, 991102, 1000000,
];

/// Parses `#rrggbb`.
pub fn parse(hex: &str) -> Option<[u8; 3]> {
    let h = hex.strip_prefix('#')?;
    if h.len() != 6 || !h.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let c = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
    Some([c(0)?, c(2)?, c(4)?])
}

/// `#rrggbb`, lower case.
pub fn hex(c: [u8; 3]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::from("#");
    for b in c {
        s.push(HEX[usize::from(b >> 4)] as char);
        s.push(HEX[usize::from(b & 15)] as char);
    }
    s
}

/// Relative luminance (WCAG 2).
pub fn luminance(c: [u8; 3]) -> f64 {
    let l = |b: u8| f64::from(LINEAR[usize::from(b)]) / 1_000_000.0;
    0.2126 * l(c[0]) + 0.7152 * l(c[1]) + 0.0722 * l(c[2])
}

/// The contrast ratio between two colours (1 to 21).
pub fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// Which theme a colour is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

/// The colour as drawn in `theme`: the dataset's own where it already keeps `MIN_CONTRAST`
/// against both backgrounds, else mixed toward black (light) or white (dark) until it does.
/// Anything that is not `#rrggbb` is drawn grey.
pub fn for_theme(colour: &str, theme: Theme) -> String {
    let (backgrounds, toward) = match theme {
        Theme::Light => (LIGHT_BACKGROUNDS, 0u8),
        Theme::Dark => (DARK_BACKGROUNDS, 255u8),
    };
    let bgs: Vec<[u8; 3]> = backgrounds.iter().filter_map(|b| parse(b)).collect();
    let base = parse(colour).unwrap_or([0x88, 0x88, 0x88]);
    for step in 0..=32u32 {
        let mix = |c: u8| ((u32::from(c) * (32 - step) + u32::from(toward) * step + 16) / 32) as u8;
        let c = [mix(base[0]), mix(base[1]), mix(base[2])];
        if bgs.iter().all(|b| contrast(c, *b) >= MIN_CONTRAST) {
            return hex(c);
        }
    }
    hex([toward; 3])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_the_srgb_formula() {
        for c in 0..=255u8 {
            let x = f64::from(c) / 255.0;
            let v = if x <= 0.04045 {
                x / 12.92
            } else {
                ((x + 0.055) / 1.055).powf(2.4)
            };
            assert!((f64::from(LINEAR[usize::from(c)]) / 1e6 - v).abs() < 1e-6);
        }
        assert!((contrast([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 1e-3);
    }

    #[test]
    fn every_sector_colour_keeps_three_to_one_in_both_themes() {
        let d = crate::core::query::tests::dataset();
        for s in &d.sectors {
            for (theme, bgs) in [
                (Theme::Light, LIGHT_BACKGROUNDS),
                (Theme::Dark, DARK_BACKGROUNDS),
            ] {
                let c = parse(&for_theme(&s.colour, theme)).unwrap();
                for b in bgs {
                    let ratio = contrast(c, parse(b).unwrap());
                    assert!(
                        ratio >= MIN_CONTRAST,
                        "{} {theme:?} on {b}: {ratio:.2}",
                        s.id
                    );
                }
            }
        }
        // A colour that already passes is kept as it is.
        assert_eq!(for_theme("#332288", Theme::Light), "#332288");
        assert_eq!(
            for_theme("nonsense", Theme::Light),
            for_theme("#888888", Theme::Light)
        );
    }
}
