//! Laid-out pages to PDF operations through printpdf: the page's marks, then the running
//! header (protective marking and title) and footer (marking and "Page N of M").

use printpdf::{
    Color, FontId, Op, PaintMode, PdfDocument, PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions, Pt,
    Rect, Rgb, TextItem, TextMatrix,
};

use super::fonts::{fonts, Face};
use super::layout::{Mark, Page, BODY_BOTTOM, BODY_TOP, MARGIN_X, PAGE_H, PAGE_W};
use crate::document::{palette, Colour};

/// Fixed resource names, so the same document always gives the same bytes (printpdf's own
/// ids come from a counter that differs between documents made in one process).
const REGULAR: &str = "DJVSRG";
const BOLD: &str = "DJVSBD";

/// What the running header and footer of a generated page say.
#[derive(Debug, Clone)]
pub struct Running {
    pub marking: String,
    pub title: String,
    /// The page's number in the whole output, from 1.
    pub number: usize,
    pub total: usize,
}

/// A page to render: its body (none for a stamp over an existing paper) and its running text.
pub struct PageSpec<'a> {
    pub body: Option<&'a Page>,
    pub running: Running,
}

fn font_id(face: Face) -> FontId {
    FontId(
        match face {
            Face::Regular => REGULAR,
            Face::Bold => BOLD,
        }
        .into(),
    )
}

fn colour(c: Colour) -> Color {
    Color::Rgb(Rgb {
        r: f32::from(c.0) / 255.0,
        g: f32::from(c.1) / 255.0,
        b: f32::from(c.2) / 255.0,
        icc_profile: None,
    })
}

fn text(ops: &mut Vec<Op>, x: f32, y: f32, face: Face, size: f32, c: Colour, s: &str) {
    ops.extend([
        Op::StartTextSection,
        Op::SetFillColor { col: colour(c) },
        Op::SetFont {
            font: PdfFontHandle::External(font_id(face)),
            size: Pt(size),
        },
        Op::SetTextMatrix {
            matrix: TextMatrix::Translate(Pt(x), Pt(y)),
        },
        Op::ShowText {
            items: vec![TextItem::Text(s.to_string())],
        },
        Op::EndTextSection,
    ]);
}

fn rect(ops: &mut Vec<Op>, x: f32, y: f32, w: f32, h: f32, mode: PaintMode) {
    ops.push(Op::DrawRectangle {
        rectangle: Rect {
            x: Pt(x),
            y: Pt(y),
            width: Pt(w),
            height: Pt(h),
            mode: Some(mode),
            winding_order: None,
        },
    });
}

/// The page's marks as few operations as give the same page: runs of text share one text
/// object, and the font and colours are set only when they change. A long paper is mostly
/// table text, so this keeps files small and fast to write and to open.
fn body_ops(ops: &mut Vec<Op>, page: &Page) {
    let mut in_text = false;
    let mut font: Option<(Face, f32)> = None;
    let mut fill: Option<Colour> = None;
    let mut stroke: Option<Colour> = None;
    ops.push(Op::SaveGraphicsState);
    ops.push(Op::SetOutlineThickness { pt: Pt(0.5) });
    for mark in &page.marks {
        match mark {
            Mark::Text {
                x,
                y,
                face,
                size,
                colour: c,
                text: s,
            } => {
                if !in_text {
                    ops.push(Op::StartTextSection);
                    in_text = true;
                    // A new text object starts with no font of its own in some readers.
                    font = None;
                }
                if font != Some((*face, *size)) {
                    ops.push(Op::SetFont {
                        font: PdfFontHandle::External(font_id(*face)),
                        size: Pt(*size),
                    });
                    font = Some((*face, *size));
                }
                if fill != Some(*c) {
                    ops.push(Op::SetFillColor { col: colour(*c) });
                    fill = Some(*c);
                }
                ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(Pt(*x), Pt(*y)),
                });
                ops.push(Op::ShowText {
                    items: vec![TextItem::Text(s.clone())],
                });
            }
            Mark::Rect {
                x,
                y,
                w,
                h,
                fill: f,
                stroke: st,
            } => {
                if in_text {
                    ops.push(Op::EndTextSection);
                    in_text = false;
                }
                if let Some(f) = f {
                    if fill != Some(*f) {
                        ops.push(Op::SetFillColor { col: colour(*f) });
                        fill = Some(*f);
                    }
                }
                if let Some(st) = st {
                    if stroke != Some(*st) {
                        ops.push(Op::SetOutlineColor { col: colour(*st) });
                        stroke = Some(*st);
                    }
                }
                let mode = match (f, st) {
                    (Some(_), Some(_)) => PaintMode::FillStroke,
                    (Some(_), None) => PaintMode::Fill,
                    _ => PaintMode::Stroke,
                };
                rect(ops, *x, *y, *w, *h, mode);
            }
        }
    }
    if in_text {
        ops.push(Op::EndTextSection);
    }
    ops.push(Op::RestoreGraphicsState);
}

/// The running header and footer of a generated page.
fn running_ops(ops: &mut Vec<Op>, r: &Running) {
    let f = fonts();
    let top = PAGE_H - 30.0;
    let marking_w = f.width(Face::Bold, &r.marking, 9.0);
    text(
        ops,
        PAGE_W - MARGIN_X - marking_w,
        top,
        Face::Bold,
        9.0,
        palette::BLACK,
        &r.marking,
    );
    let title_room = PAGE_W - 2.0 * MARGIN_X - marking_w - 16.0;
    let title = f.regular.fit(&r.title, 8.0, title_room);
    text(
        ops,
        MARGIN_X,
        top,
        Face::Regular,
        8.0,
        palette::BLACK,
        &title,
    );
    ops.push(Op::SaveGraphicsState);
    ops.push(Op::SetFillColor {
        col: colour(palette::NHS_BLUE),
    });
    rect(
        ops,
        MARGIN_X,
        BODY_TOP + 14.0,
        PAGE_W - 2.0 * MARGIN_X,
        1.0,
        PaintMode::Fill,
    );
    rect(
        ops,
        MARGIN_X,
        BODY_BOTTOM - 16.0,
        PAGE_W - 2.0 * MARGIN_X,
        0.6,
        PaintMode::Fill,
    );
    ops.push(Op::RestoreGraphicsState);
    footer_ops(ops, r, true);
}

/// "Page N of M" at the foot of the page, and the marking opposite it on generated pages.
fn footer_ops(ops: &mut Vec<Op>, r: &Running, with_marking: bool) {
    let f = fonts();
    let y = 26.0;
    let number = format!("Page {} of {}", r.number, r.total);
    let w = f.width(Face::Regular, &number, 9.0);
    if with_marking {
        text(
            ops,
            MARGIN_X,
            y,
            Face::Bold,
            9.0,
            palette::BLACK,
            &r.marking,
        );
    } else {
        // Over someone else's paper: a white patch keeps the number legible.
        ops.push(Op::SaveGraphicsState);
        ops.push(Op::SetFillColor {
            col: colour(Colour(0xff, 0xff, 0xff)),
        });
        rect(
            ops,
            PAGE_W - MARGIN_X - w - 4.0,
            y - 4.0,
            w + 8.0,
            15.0,
            PaintMode::Fill,
        );
        ops.push(Op::RestoreGraphicsState);
    }
    text(
        ops,
        PAGE_W - MARGIN_X - w,
        y,
        Face::Regular,
        9.0,
        palette::BLACK,
        &number,
    );
}

/// Every page into one printpdf document, then into lopdf for joining and finishing.
pub fn to_lopdf(pages: &[PageSpec]) -> Result<lopdf::Document, String> {
    let f = fonts();
    let mut doc = PdfDocument::new("");
    doc.resources.fonts.map.insert(
        font_id(Face::Regular),
        PdfFont::new(f.regular.font().clone()),
    );
    doc.resources
        .fonts
        .map
        .insert(font_id(Face::Bold), PdfFont::new(f.bold.font().clone()));
    doc.pages = pages
        .iter()
        .map(|spec| {
            let mut ops = Vec::with_capacity(1024);
            match spec.body {
                Some(page) => {
                    body_ops(&mut ops, page);
                    running_ops(&mut ops, &spec.running);
                }
                None => footer_ops(&mut ops, &spec.running, false),
            }
            PdfPage::new(printpdf::Mm(210.0), printpdf::Mm(297.0), ops)
        })
        .collect();
    let options = PdfSaveOptions {
        optimize: false,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let out = doc.to_lopdf_document(&options, &mut warnings);
    if let Some(w) = warnings
        .iter()
        .find(|w| matches!(w.severity, printpdf::PdfParseErrorSeverity::Error))
    {
        return Err(w.msg.clone());
    }
    Ok(out)
}
