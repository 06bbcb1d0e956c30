//! Flows a document's blocks onto A4 pages: wrapped paragraphs, headings kept with what
//! follows, tables that break between (and if need be inside) rows with the caption and
//! header row repeated, and bar charts. The result is a list of marks per page in points,
//! from the bottom-left corner as PDF measures; `render` turns them into PDF operations.

use super::fonts::{Face, Fonts};
use super::wrap::wrap;
use crate::document::{palette, Block, Chart, Colour, Document, Table, TextStyle};

pub const PAGE_W: f32 = 595.276;
pub const PAGE_H: f32 = 841.89;
pub const MARGIN_X: f32 = 48.0;
/// Where the body starts and stops, leaving room for the running header and footer.
pub const BODY_TOP: f32 = PAGE_H - 66.0;
pub const BODY_BOTTOM: f32 = 56.0;
const BODY_W: f32 = PAGE_W - 2.0 * MARGIN_X;

const BODY_SIZE: f32 = 10.0;
const TABLE_SIZE: f32 = 8.0;
const SMALL_SIZE: f32 = 8.5;
const CELL_PAD: f32 = 3.0;
/// How far below a line's top its baseline sits, as a share of the font size (DejaVu's ascent).
const ASCENT: f32 = 0.93;
const RULE: Colour = Colour(0xae, 0xb7, 0xbd);

#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    Text {
        x: f32,
        y: f32,
        face: Face,
        size: f32,
        colour: Colour,
        text: String,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<Colour>,
        stroke: Option<Colour>,
    },
}

#[derive(Debug, Default, Clone)]
pub struct Page {
    pub marks: Vec<Mark>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bookmark {
    pub title: String,
    /// Zero-based page index.
    pub page: usize,
}

#[derive(Debug, Default)]
pub struct Laid {
    pub pages: Vec<Page>,
    pub bookmarks: Vec<Bookmark>,
}

pub fn lay_out(doc: &Document, fonts: &Fonts) -> Laid {
    let mut flow = Flow {
        fonts,
        laid: Laid::default(),
        y: BODY_TOP,
    };
    flow.laid.pages.push(Page::default());
    for block in &doc.blocks {
        match block {
            Block::Heading {
                level,
                text,
                new_page,
            } => flow.heading(*level, text, *new_page),
            Block::Paragraph { text, style } => flow.paragraph(text, *style),
            Block::List(items) => flow.list(items),
            Block::Fields(fields) => {
                let rows: Vec<Vec<String>> = fields
                    .iter()
                    .map(|f| vec![f.label.clone(), f.value.clone()])
                    .collect();
                flow.grid(
                    &Grid {
                        caption: None,
                        header: None,
                        widths: vec![BODY_W * 0.32, BODY_W * 0.68],
                        size: 9.0,
                        bold_first: true,
                    },
                    &rows,
                );
                flow.y -= 8.0;
            }
            Block::Table(table) => flow.table(table),
            Block::Chart(chart) => flow.chart(chart),
        }
    }
    flow.laid
}

struct Grid {
    caption: Option<String>,
    header: Option<Vec<String>>,
    widths: Vec<f32>,
    size: f32,
    bold_first: bool,
}

struct Flow<'a> {
    fonts: &'a Fonts,
    laid: Laid,
    /// The top of the free space on the current page.
    y: f32,
}

impl Flow<'_> {
    fn page(&mut self) -> &mut Page {
        self.laid.pages.last_mut().expect("there is always a page")
    }

    fn mark(&mut self, mark: Mark) {
        self.page().marks.push(mark);
    }

    fn at_top(&self) -> bool {
        self.y >= BODY_TOP - 0.5
    }

    fn space(&self) -> f32 {
        self.y - BODY_BOTTOM
    }

    fn new_page(&mut self) {
        self.laid.pages.push(Page::default());
        self.y = BODY_TOP;
    }

    /// Starts a new page unless `h` points fit (or the page is still empty).
    fn ensure(&mut self, h: f32) {
        if self.space() < h && !self.at_top() {
            self.new_page();
        }
    }

    fn text(&mut self, x: f32, top: f32, face: Face, size: f32, colour: Colour, text: &str) {
        if text.is_empty() {
            return;
        }
        self.mark(Mark::Text {
            x,
            y: top - size * ASCENT,
            face,
            size,
            colour,
            text: text.to_string(),
        });
    }

    fn lines(&self, text: &str, face: Face, size: f32, width: f32) -> Vec<String> {
        let m = self.fonts.get(face);
        wrap(text, width, |s| m.width(s, size))
    }

    fn heading(&mut self, level: u8, text: &str, new_page: bool) {
        if new_page && !self.at_top() {
            self.new_page();
        }
        let (size, colour, before) = match level {
            1 => (15.0, palette::NHS_BLUE, 0.0),
            2 => (11.5, palette::BLACK, 6.0),
            _ => (10.0, palette::BLACK, 4.0),
        };
        let lh = size * 1.3;
        let lines = self.lines(text, Face::Bold, size, BODY_W);
        // Keep a heading with the start of what follows it.
        self.ensure(before + lines.len() as f32 * lh + 48.0);
        if !self.at_top() {
            self.y -= before;
        }
        if level == 1 {
            let page = self.laid.pages.len() - 1;
            self.laid.bookmarks.push(Bookmark {
                title: text.to_string(),
                page,
            });
        }
        for line in &lines {
            self.text(MARGIN_X, self.y, Face::Bold, size, colour, line);
            self.y -= lh;
        }
        self.y -= 4.0;
    }

    fn paragraph(&mut self, text: &str, style: TextStyle) {
        let (face, size) = match style {
            TextStyle::Normal => (Face::Regular, BODY_SIZE),
            TextStyle::Strong => (Face::Bold, BODY_SIZE),
            TextStyle::Small => (Face::Regular, SMALL_SIZE),
        };
        self.flow_lines(text, MARGIN_X, BODY_W, face, size, None);
        self.y -= 6.0;
    }

    /// Wrapped lines at `x`, moving to a new page whenever the next line would not fit; a
    /// `prefix` (a bullet) goes before the first line, in the gap to the left of `x`.
    fn flow_lines(
        &mut self,
        text: &str,
        x: f32,
        width: f32,
        face: Face,
        size: f32,
        prefix: Option<&str>,
    ) {
        let lh = size * 1.35;
        for (i, line) in self.lines(text, face, size, width).iter().enumerate() {
            self.ensure(lh);
            if let (0, Some(p)) = (i, prefix) {
                self.text(x - 11.0, self.y, face, size, palette::BLACK, p);
            }
            self.text(x, self.y, face, size, palette::BLACK, line);
            self.y -= lh;
        }
    }

    fn list(&mut self, items: &[String]) {
        for item in items {
            self.flow_lines(
                item,
                MARGIN_X + 14.0,
                BODY_W - 14.0,
                Face::Regular,
                BODY_SIZE,
                Some("•"),
            );
            self.y -= 2.0;
        }
        self.y -= 4.0;
    }

    fn table(&mut self, table: &Table) {
        if table.rows.is_empty() {
            self.paragraph(&table.empty, TextStyle::Normal);
            return;
        }
        let grid = Grid {
            caption: Some(table.caption.clone()),
            header: Some(table.columns.iter().map(|c| c.title.clone()).collect()),
            widths: self.column_widths(table),
            size: TABLE_SIZE,
            bold_first: false,
        };
        self.grid(&grid, &table.rows);
        self.y -= 10.0;
    }

    /// Widths in proportion to the columns' weights, except that no column is narrower
    /// than the longest word of its heading: headings wrap between words, never inside one.
    fn column_widths(&self, table: &Table) -> Vec<f32> {
        let bold = self.fonts.get(Face::Bold);
        let least: Vec<f32> = table
            .columns
            .iter()
            .map(|c| {
                c.title
                    .split_whitespace()
                    .map(|w| bold.width(w, TABLE_SIZE))
                    .fold(0.0, f32::max)
                    + 2.0 * CELL_PAD
                    + 1.0
            })
            .collect();
        let mut fixed = vec![false; least.len()];
        loop {
            let free: f32 = BODY_W
                - least
                    .iter()
                    .zip(&fixed)
                    .filter(|(_, f)| **f)
                    .map(|(l, _)| l)
                    .sum::<f32>();
            let weight: f32 = table
                .columns
                .iter()
                .zip(&fixed)
                .filter(|(_, f)| !**f)
                .map(|(c, _)| c.weight)
                .sum::<f32>()
                .max(0.01);
            let widths: Vec<f32> = table
                .columns
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    if fixed[i] {
                        least[i]
                    } else {
                        free * c.weight / weight
                    }
                })
                .collect();
            let narrow: Vec<usize> = (0..widths.len())
                .filter(|&i| !fixed[i] && widths[i] < least[i])
                .collect();
            if narrow.is_empty() || fixed.iter().all(|f| *f) {
                return widths;
            }
            for i in narrow {
                fixed[i] = true;
            }
        }
    }

    /// Each cell's lines for a row.
    fn row_lines(&self, grid: &Grid, row: &[String], header: bool) -> Vec<Vec<String>> {
        grid.widths
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let face = if header || (grid.bold_first && i == 0) {
                    Face::Bold
                } else {
                    Face::Regular
                };
                let text = row.get(i).map(String::as_str).unwrap_or("");
                self.lines(text, face, grid.size, w - 2.0 * CELL_PAD)
            })
            .collect()
    }

    fn caption_and_header(&mut self, grid: &Grid, continued: bool) {
        if let Some(caption) = &grid.caption {
            let text = if continued {
                format!("{caption} (continued)")
            } else {
                caption.clone()
            };
            for line in self.lines(&text, Face::Bold, 9.0, BODY_W) {
                self.text(MARGIN_X, self.y, Face::Bold, 9.0, palette::BLACK, &line);
                self.y -= 12.0;
            }
            self.y -= 2.0;
        }
        if let Some(header) = &grid.header {
            let lines = self.row_lines(grid, header, true);
            self.draw_row(grid, &lines, true);
        }
    }

    fn head_height(&self, grid: &Grid) -> f32 {
        let lh = grid.size * 1.3;
        let caption = grid
            .caption
            .as_ref()
            .map(|c| self.lines(c, Face::Bold, 9.0, BODY_W).len() as f32 * 12.0 + 2.0)
            .unwrap_or(0.0);
        let header = grid
            .header
            .as_ref()
            .map(|h| {
                let lines = self.row_lines(grid, h, true);
                lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * lh + 2.0 * CELL_PAD
            })
            .unwrap_or(0.0);
        caption + header
    }

    /// Draws one row (or the part of one that fits) at the current position.
    fn draw_row(&mut self, grid: &Grid, lines: &[Vec<String>], header: bool) {
        let lh = grid.size * 1.3;
        let n = lines.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let h = n as f32 * lh + 2.0 * CELL_PAD;
        let top = self.y;
        let mut x = MARGIN_X;
        for (i, (w, cell)) in grid.widths.iter().zip(lines).enumerate() {
            self.mark(Mark::Rect {
                x,
                y: top - h,
                w: *w,
                h,
                fill: header.then_some(palette::PALE_GREY),
                stroke: Some(RULE),
            });
            let face = if header || (grid.bold_first && i == 0) {
                Face::Bold
            } else {
                Face::Regular
            };
            for (j, line) in cell.iter().enumerate() {
                let line_top = top - CELL_PAD - j as f32 * lh;
                self.text(
                    x + CELL_PAD,
                    line_top,
                    face,
                    grid.size,
                    palette::BLACK,
                    line,
                );
            }
            x += w;
        }
        self.y -= h;
    }

    fn grid(&mut self, grid: &Grid, rows: &[Vec<String>]) {
        let lh = grid.size * 1.3;
        let head = self.head_height(grid);
        let first = rows
            .first()
            .map(|r| self.row_lines(grid, r, false))
            .map(|l| l.iter().map(Vec::len).max().unwrap_or(1) as f32 * lh + 2.0 * CELL_PAD)
            .unwrap_or(0.0);
        // The caption and header never sit alone at the foot of a page.
        self.ensure(head + first.min(3.0 * lh + 2.0 * CELL_PAD));
        self.caption_and_header(grid, false);
        let capacity = BODY_TOP - BODY_BOTTOM - head;
        for row in rows {
            let mut rest = self.row_lines(grid, row, false);
            let mut started = false;
            loop {
                let n = rest.iter().map(Vec::len).max().unwrap_or(1).max(1);
                let need = n as f32 * lh + 2.0 * CELL_PAD;
                if need <= self.space() {
                    self.draw_row(grid, &rest, false);
                    break;
                }
                let fit = ((self.space() - 2.0 * CELL_PAD) / lh).floor().max(0.0) as usize;
                // Move the whole row over when it would fit on a fresh page; split it only
                // when it is taller than a page, and never leave a sliver of one line.
                if !started && need <= capacity || fit < 2 {
                    self.new_page();
                    self.caption_and_header(grid, true);
                    continue;
                }
                let now: Vec<Vec<String>> = rest
                    .iter()
                    .map(|c| c.iter().take(fit).cloned().collect())
                    .collect();
                self.draw_row(grid, &now, false);
                rest = rest
                    .into_iter()
                    .map(|c| c.into_iter().skip(fit).collect())
                    .collect();
                started = true;
                self.new_page();
                self.caption_and_header(grid, true);
            }
        }
    }

    fn chart(&mut self, chart: &Chart) {
        if chart.categories.is_empty() {
            self.paragraph(&chart.title, TextStyle::Strong);
            self.paragraph(&chart.text_equivalent, TextStyle::Small);
            return;
        }
        let title_h = 16.0;
        let row_h = 16.0;
        let legend = self.legend_rows(chart);
        let height =
            title_h + legend.len() as f32 * 14.0 + 6.0 + chart.categories.len() as f32 * row_h;
        self.ensure(height.min(BODY_TOP - BODY_BOTTOM));
        self.text(
            MARGIN_X,
            self.y,
            Face::Bold,
            10.0,
            palette::BLACK,
            &chart.title,
        );
        self.y -= title_h;
        for row in &legend {
            let mut x = MARGIN_X;
            for (name, colour) in row {
                self.mark(Mark::Rect {
                    x,
                    y: self.y - 9.0,
                    w: 9.0,
                    h: 9.0,
                    fill: Some(*colour),
                    stroke: None,
                });
                self.text(x + 12.0, self.y, Face::Regular, 8.0, palette::BLACK, name);
                x += 12.0 + self.fonts.width(Face::Regular, name, 8.0) + 14.0;
            }
            self.y -= 14.0;
        }
        self.y -= 6.0;
        let label_w = BODY_W * 0.38;
        let bar_x = MARGIN_X + label_w + 6.0;
        let bar_w = BODY_W - label_w - 6.0 - 24.0;
        let max = chart.largest_bar() as f32;
        for (i, category) in chart.categories.iter().enumerate() {
            self.ensure(row_h);
            let label = self.fonts.regular.fit(category, 8.0, label_w);
            self.text(
                MARGIN_X,
                self.y - 2.0,
                Face::Regular,
                8.0,
                palette::BLACK,
                &label,
            );
            let mut x = bar_x;
            let mut total = 0;
            for s in &chart.series {
                let v = s.values.get(i).copied().unwrap_or(0);
                total += v;
                if v == 0 {
                    continue;
                }
                let w = v as f32 / max * bar_w;
                self.mark(Mark::Rect {
                    x,
                    y: self.y - 12.0,
                    w,
                    h: 11.0,
                    fill: Some(s.colour),
                    stroke: Some(Colour(0xff, 0xff, 0xff)),
                });
                x += w;
            }
            let t = total.to_string();
            self.text(
                x + 3.0,
                self.y - 2.0,
                Face::Regular,
                8.0,
                palette::BLACK,
                &t,
            );
            self.y -= row_h;
        }
        // The axis the bars grow from.
        self.mark(Mark::Rect {
            x: bar_x - 0.5,
            y: self.y + 2.0,
            w: 0.5,
            h: (chart.categories.len() as f32 * row_h).min(BODY_TOP - self.y),
            fill: Some(palette::MID_GREY),
            stroke: None,
        });
        self.y -= 4.0;
        self.paragraph(&chart.text_equivalent, TextStyle::Small);
        self.y -= 4.0;
    }

    /// The legend entries, wrapped into as many rows as the width needs.
    fn legend_rows(&self, chart: &Chart) -> Vec<Vec<(String, Colour)>> {
        let mut rows: Vec<Vec<(String, Colour)>> = vec![Vec::new()];
        let mut used = 0.0;
        for s in &chart.series {
            let w = 12.0 + self.fonts.width(Face::Regular, &s.name, 8.0) + 14.0;
            if used + w > BODY_W && used > 0.0 {
                rows.push(Vec::new());
                used = 0.0;
            }
            used += w;
            rows.last_mut()
                .expect("a row was pushed")
                .push((s.name.clone(), s.colour));
        }
        rows
    }
}
