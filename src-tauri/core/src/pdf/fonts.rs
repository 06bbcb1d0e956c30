//! The two faces every paper uses (DejaVu Sans, regular and bold) and their advance widths,
//! which line wrapping needs. DejaVu covers British text (’ “ ” – £ é) and far beyond.

use std::collections::HashMap;
use std::sync::OnceLock;

use printpdf::ParsedFont;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Face {
    Regular,
    Bold,
}

/// Advance widths in thousandths of the font size, looked up once per character.
pub struct Metrics {
    units_per_em: f32,
    ascii: [u16; 128],
    other: HashMap<char, u16>,
    font: ParsedFont,
}

impl Metrics {
    fn new(font: ParsedFont) -> Metrics {
        let units_per_em = f32::from(font.font_metrics.units_per_em.max(1));
        let mut m = Metrics {
            units_per_em,
            ascii: [0; 128],
            other: HashMap::new(),
            font,
        };
        for c in 0u8..128 {
            m.ascii[c as usize] = m.lookup(c as char);
        }
        m
    }

    fn lookup(&self, c: char) -> u16 {
        let gid = self.font.lookup_glyph_index(c as u32).unwrap_or(0);
        self.font.get_horizontal_advance(gid)
    }

    fn advance(&self, c: char) -> f32 {
        let units = if c.is_ascii() {
            self.ascii[c as usize]
        } else {
            match self.other.get(&c) {
                Some(w) => *w,
                None => self.lookup(c),
            }
        };
        f32::from(units) / self.units_per_em
    }

    /// The width of `text` in points at `size`.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance(c)).sum::<f32>() * size
    }

    /// `text`, shortened with an ellipsis if it is wider than `width` at `size`.
    pub fn fit(&self, text: &str, size: f32, width: f32) -> String {
        if self.width(text, size) <= width {
            return text.to_string();
        }
        let mut out = text.to_string();
        while !out.is_empty() && self.width(&format!("{out}…"), size) > width {
            out.pop();
        }
        format!("{}…", out.trim_end())
    }

    pub fn font(&self) -> &ParsedFont {
        &self.font
    }
}

pub struct Fonts {
    pub regular: Metrics,
    pub bold: Metrics,
}

impl Fonts {
    pub fn get(&self, face: Face) -> &Metrics {
        match face {
            Face::Regular => &self.regular,
            Face::Bold => &self.bold,
        }
    }

    pub fn width(&self, face: Face, text: &str, size: f32) -> f32 {
        self.get(face).width(text, size)
    }
}

fn parse(bytes: &[u8]) -> ParsedFont {
    let mut warnings = Vec::new();
    ParsedFont::from_bytes(bytes, 0, &mut warnings).expect("the bundled DejaVu fonts parse")
}

/// Parsed once per process: parsing is the slowest part of a small paper.
pub fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| Fonts {
        regular: Metrics::new(parse(dejavu::sans::regular())),
        bold: Metrics::new(parse(dejavu::sans::bold())),
    })
}
