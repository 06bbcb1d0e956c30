//! Competency frameworks: the library, importing one, and who each applies to.

use boardassure_core::framework::{self, AppliesTo, Framework, FrameworkSummary};
use boardassure_core::session::Session;
use boardassure_core::CoreError;
use tauri::{AppHandle, State};

use super::files::choose_file;

#[tauri::command(async)]
pub fn get_framework(session: State<'_, Session>, id: String) -> Result<Framework, CoreError> {
    session.with(|s| framework::get_framework(s, &id))
}

#[tauri::command(async)]
pub fn list_frameworks(session: State<'_, Session>) -> Result<Vec<FrameworkSummary>, CoreError> {
    session.with(|s| framework::list_frameworks(s))
}

#[tauri::command(async)]
pub fn set_framework_applies_to(
    session: State<'_, Session>,
    id: String,
    applies_to: AppliesTo,
) -> Result<FrameworkSummary, CoreError> {
    session.with(|s| framework::set_applies_to(s, &id, &applies_to))
}

/// Asks for a framework file in a native dialog and imports it; `None` if cancelled.
#[tauri::command]
pub async fn import_framework(
    app: AppHandle,
    session: State<'_, Session>,
) -> Result<Option<FrameworkSummary>, CoreError> {
    let Some(path) = choose_file(
        &app,
        "Import a competency framework",
        "Framework file",
        &["json"],
    ) else {
        return Ok(None);
    };
    session
        .with(|s| framework::import_framework(s, &path))
        .map(Some)
}
