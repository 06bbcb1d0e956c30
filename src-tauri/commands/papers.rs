//! The safeguarding assurance paper and the board pack: cover sheet, preview, and saving
//! through the native save dialog.

use std::collections::BTreeMap;

// The window knows the document model as `PaperDocument` (its binding's name).
use boardassure_core::document::Document as PaperDocument;
use boardassure_core::paper::{
    self, CoverField, CoverSheet, PackPlan, PaperFormat, PaperRequest, PaperSections, Written,
};
use boardassure_core::periods::Period;
use boardassure_core::session::Session;
use boardassure_core::{dates, CoreError};
use tauri::{AppHandle, State};

use super::files::{choose_file, choose_save_path};

fn request(period: Period, sections: PaperSections) -> PaperRequest {
    PaperRequest {
        period,
        as_at: dates::today(),
        sections,
    }
}

#[tauri::command(async)]
pub fn paper_cover(session: State<'_, Session>, period: Period) -> Result<CoverSheet, CoreError> {
    session.with(|s| paper::cover_sheet(s, period))
}

#[tauri::command(async)]
pub fn save_paper_cover(
    session: State<'_, Session>,
    period: Period,
    values: BTreeMap<String, String>,
) -> Result<CoverSheet, CoreError> {
    session.with(|s| paper::save_cover_sheet(s, period, &values))
}

#[tauri::command(async)]
pub fn save_cover_fields(
    session: State<'_, Session>,
    fields: Vec<CoverField>,
) -> Result<Vec<CoverField>, CoreError> {
    session.with(|s| paper::save_cover_fields(s, &fields))
}

#[tauri::command(async)]
pub fn protective_marking(session: State<'_, Session>) -> Result<String, CoreError> {
    session.with(|s| paper::protective_marking(s))
}

#[tauri::command(async)]
pub fn save_protective_marking(
    session: State<'_, Session>,
    marking: String,
) -> Result<String, CoreError> {
    session.with(|s| paper::save_protective_marking(s, &marking))
}

/// The paper with the parts chosen, as the document model, for the window to show as a
/// preview.
#[tauri::command(async)]
pub fn preview_paper(
    session: State<'_, Session>,
    period: Period,
    sections: PaperSections,
) -> Result<PaperDocument, CoreError> {
    session.with(|s| paper::build_paper(s, request(period, sections)))
}

/// Asks where to save, then writes the paper with the parts chosen (the summary, appendices,
/// or one appendix alone); `None` when the user cancels.
#[tauri::command]
pub async fn save_paper(
    app: AppHandle,
    session: State<'_, Session>,
    period: Period,
    format: PaperFormat,
    sections: PaperSections,
) -> Result<Option<Written>, CoreError> {
    let (kind, ext) = match format {
        PaperFormat::Pdf => ("PDF", "pdf"),
        PaperFormat::Html => ("Web page", "html"),
    };
    let name = format!("{}.{ext}", paper::paper_file_stem(period, sections));
    let Some(path) = choose_save_path(&app, "Save the assurance paper", &name, kind, &[ext]) else {
        return Ok(None);
    };
    session
        .with(|s| paper::write_paper(s, request(period, sections), format, &path))
        .map(Some)
}

#[tauri::command(async)]
pub fn pack_plan(session: State<'_, Session>, meeting_id: String) -> Result<PackPlan, CoreError> {
    session.with(|s| paper::pack_plan(s, &meeting_id))
}

#[tauri::command(async)]
pub fn update_pack_plan(
    session: State<'_, Session>,
    plan: PackPlan,
) -> Result<PackPlan, CoreError> {
    session.with(|s| paper::update_pack_plan(s, &plan))
}

/// Asks for a PDF paper and adds it to the end of the meeting's pack; `None` on cancel.
#[tauri::command]
pub async fn add_pack_paper(
    app: AppHandle,
    session: State<'_, Session>,
    meeting_id: String,
) -> Result<Option<PackPlan>, CoreError> {
    let Some(path) = choose_file(&app, "Add a paper to the pack", "PDF", &["pdf"]) else {
        return Ok(None);
    };
    session
        .with(|s| paper::add_pack_file(s, &meeting_id, &path))
        .map(Some)
}

/// Asks where to save, then writes the meeting's board pack; `None` when the user cancels.
#[tauri::command]
pub async fn save_pack(
    app: AppHandle,
    session: State<'_, Session>,
    meeting_id: String,
) -> Result<Option<Written>, CoreError> {
    let plan = session.with(|s| paper::pack_plan(s, &meeting_id))?;
    let name = session.with(|s| paper::pack_file_name(s, &meeting_id))?;
    let Some(path) = choose_save_path(&app, "Save the board pack", &name, "PDF", &["pdf"]) else {
        return Ok(None);
    };
    session
        .with(|s| paper::write_pack(s, &plan, dates::today(), &path))
        .map(Some)
}
