//! A plain document model: what a paper says, with no idea of pages, fonts or SQL. The
//! board paper is built as one of these from the store, then rendered by `crate::pdf` (A4)
//! and by `html` (an accessible web page) so both always carry the same content.

pub mod html;

use chrono::NaiveDate;
use serde::{Serialize, Serializer};
use ts_rs::TS;

/// A whole document: its metadata and its blocks, in reading order.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "PaperDocument")]
pub struct Document {
    pub title: String,
    pub author: String,
    pub subject: String,
    /// The protective marking printed at the top and bottom of every page.
    pub marking: String,
    /// The date the content is "as at"; also the PDF's creation date, so the same data gives
    /// the same bytes.
    pub dated: NaiveDate,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "kind", content = "value", rename_all = "camelCase")]
#[ts(export, rename = "DocBlock")]
pub enum Block {
    /// A section heading. Level 1 headings start a section: each gets a bookmark, and a new
    /// page when `new_page` is set.
    #[serde(rename_all = "camelCase")]
    Heading {
        level: u8,
        text: String,
        new_page: bool,
    },
    Paragraph {
        text: String,
        style: TextStyle,
    },
    /// A bulleted list.
    List(Vec<String>),
    /// Label and value pairs, such as a cover sheet.
    Fields(Vec<Field>),
    Table(Table),
    Chart(Chart),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "DocTextStyle")]
pub enum TextStyle {
    #[default]
    Normal,
    Strong,
    /// Notes and sources, set smaller.
    Small,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "DocField")]
pub struct Field {
    pub label: String,
    pub value: String,
}

/// A table that may run over many pages; its header row is repeated on each.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "DocTable")]
pub struct Table {
    pub caption: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
    /// Said instead of the table when it has no rows.
    pub empty: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "DocColumn")]
pub struct Column {
    pub title: String,
    /// The column's share of the table width, relative to the other columns.
    pub weight: f32,
}

/// Horizontal stacked bars: one bar per category, one segment per series. Every chart
/// carries a sentence that says what it shows, for readers who cannot see it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "DocChart")]
pub struct Chart {
    pub title: String,
    pub categories: Vec<String>,
    pub series: Vec<Series>,
    pub text_equivalent: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "DocSeries")]
pub struct Series {
    pub name: String,
    #[ts(type = "string")]
    pub colour: Colour,
    /// One value per category.
    pub values: Vec<u32>,
}

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colour(pub u8, pub u8, pub u8);

impl Colour {
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// As CSS writes it, for the window's preview.
impl Serialize for Colour {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.hex())
    }
}

/// Colours of the NHS identity, used for chart segments: each pair of neighbours differs
/// in lightness as well as hue, and the legend names every one.
pub mod palette {
    use super::Colour;
    pub const NHS_BLUE: Colour = Colour(0x00, 0x5e, 0xb8);
    pub const DARK_BLUE: Colour = Colour(0x00, 0x30, 0x87);
    pub const GREEN: Colour = Colour(0x00, 0x7f, 0x3b);
    pub const WARM_YELLOW: Colour = Colour(0xff, 0xb8, 0x1c);
    pub const ORANGE: Colour = Colour(0xed, 0x8b, 0x00);
    pub const RED: Colour = Colour(0xd5, 0x28, 0x1b);
    pub const MID_GREY: Colour = Colour(0x76, 0x86, 0x92);
    pub const PALE_GREY: Colour = Colour(0xe8, 0xed, 0xee);
    pub const BLACK: Colour = Colour(0x21, 0x2b, 0x32);
}

impl Chart {
    /// The longest bar's total, so it can fill the width; never zero.
    pub fn largest_bar(&self) -> u32 {
        (0..self.categories.len())
            .map(|i| {
                self.series
                    .iter()
                    .map(|s| s.values.get(i).copied().unwrap_or(0))
                    .sum::<u32>()
            })
            .max()
            .unwrap_or(0)
            .max(1)
    }
}

impl Document {
    /// The level-1 headings, in order: the sections a reader can jump to.
    pub fn sections(&self) -> impl Iterator<Item = &str> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Heading { level: 1, text, .. } => Some(text.as_str()),
            _ => None,
        })
    }
}

/// Shorthands for building documents.
pub fn heading(level: u8, text: impl Into<String>) -> Block {
    Block::Heading {
        level,
        text: text.into(),
        new_page: false,
    }
}

pub fn section(text: impl Into<String>) -> Block {
    Block::Heading {
        level: 1,
        text: text.into(),
        new_page: true,
    }
}

pub fn para(text: impl Into<String>) -> Block {
    Block::Paragraph {
        text: text.into(),
        style: TextStyle::Normal,
    }
}

pub fn small(text: impl Into<String>) -> Block {
    Block::Paragraph {
        text: text.into(),
        style: TextStyle::Small,
    }
}

pub fn columns(spec: &[(&str, f32)]) -> Vec<Column> {
    spec.iter()
        .map(|(title, weight)| Column {
            title: (*title).to_string(),
            weight: *weight,
        })
        .collect()
}
