//! A small layout layer over printpdf: A4 pages with a running header (protective marking
//! and title) and footer ("Page N of M"), wrapped text, tables that break across pages with
//! their header repeated, bar charts, bookmarks, and fonts embedded as subsets. It takes a
//! `crate::document::Document` and knows nothing of where its content came from.
//!
//! Several parts (generated documents and existing PDFs, included as they are) can be
//! joined into one file with continuous page numbers and one bookmark per part: a board pack.

mod fonts;
mod join;
mod layout;
mod render;
mod wrap;

pub use join::{join, load_external, External, Meta, Part};
pub use layout::Laid;

use crate::document::Document;
use crate::error::Result;

/// Lays a document out on A4 pages (without rendering them), to count its pages.
pub fn lay_out(doc: &Document) -> Laid {
    layout::lay_out(doc, fonts::fonts())
}

/// One document as a PDF file's bytes. The same document always gives the same bytes.
pub fn render(doc: &Document) -> Result<Vec<u8>> {
    render_counted(doc).map(|(bytes, _)| bytes)
}

/// The PDF's bytes and its number of pages.
pub fn render_counted(doc: &Document) -> Result<(Vec<u8>, usize)> {
    let laid = lay_out(doc);
    let pages = laid.pages.len();
    let bytes = join(
        &Meta::of(doc),
        vec![Part::Generated {
            title: doc.title.clone(),
            laid,
        }],
    )?;
    Ok((bytes, pages))
}

#[cfg(test)]
mod tests;
