//! The board's safeguarding assurance paper and the board pack: built from the store as a
//! plain document, then written as A4 PDF or as an accessible web page.

mod build;
mod cover;
mod pack;
mod sections;

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use build::{
    build_paper, no_challenges_sentence, paper_file_stem, paper_title, short_label, PaperRequest,
};
pub use cover::{
    cover_fields, cover_sheet, default_fields, protective_marking, save_cover_fields,
    save_cover_sheet, save_protective_marking, CoverField, CoverSheet, DEFAULT_MARKING,
};
pub use pack::{
    add_pack_file, build_pack, pack_file_name, pack_plan, plan_for, save_pack_plan,
    update_pack_plan, write_pack, PackPaper, PackPlan, PackSource,
};
pub use sections::{PaperSection, PaperSections};

use crate::error::Result;
use crate::store::Store;
use crate::{document, files, pdf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum PaperFormat {
    Pdf,
    Html,
}

impl PaperFormat {
    /// The format a file name asks for: `.htm` or `.html` means HTML, anything else PDF.
    pub fn from_path(path: &Path) -> PaperFormat {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm") => {
                PaperFormat::Html
            }
            _ => PaperFormat::Pdf,
        }
    }
}

/// What was written, for the confirmation.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Written {
    pub path: String,
    pub title: String,
    #[ts(type = "number")]
    pub bytes: u64,
    /// PDF only.
    pub pages: Option<u32>,
}

/// The paper's bytes in the chosen format, and its pages when it is a PDF.
pub fn render_paper(
    store: &Store,
    req: PaperRequest,
    format: PaperFormat,
) -> Result<(Vec<u8>, Option<usize>, document::Document)> {
    let doc = build_paper(store, req)?;
    let (bytes, pages) = match format {
        PaperFormat::Pdf => pdf::render_counted(&doc).map(|(b, p)| (b, Some(p)))?,
        PaperFormat::Html => (document::html::render(&doc).into_bytes(), None),
    };
    Ok((bytes, pages, doc))
}

/// Writes the paper to `path` through a temporary file, so a failure never leaves a broken
/// file under the final name.
pub fn write_paper(
    store: &Store,
    req: PaperRequest,
    format: PaperFormat,
    path: &Path,
) -> Result<Written> {
    let (bytes, pages, doc) = render_paper(store, req, format)?;
    files::write_atomically(path, &bytes)?;
    tracing::info!(bytes = bytes.len(), "paper written");
    Ok(Written {
        path: path.display().to_string(),
        title: doc.title,
        bytes: bytes.len() as u64,
        pages: pages.map(|p| p as u32),
    })
}

#[cfg(test)]
mod tests;
