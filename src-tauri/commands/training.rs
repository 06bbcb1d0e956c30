//! Training records.

use std::path::Path;

use boardassure_core::changes::RecordVersion;
use boardassure_core::codes::Choice;
use boardassure_core::session::Session;
use boardassure_core::training::{self, ImportReport, LearningType, TrainingInput, TrainingRecord};
use boardassure_core::CoreError;
use tauri::{AppHandle, State};

use super::files::{choose_file, TrainingCsv};

#[tauri::command(async)]
pub fn learning_types() -> Vec<Choice<LearningType>> {
    training::learning_types()
}

#[tauri::command(async)]
pub fn list_training(
    session: State<'_, Session>,
    member_id: String,
) -> Result<Vec<TrainingRecord>, CoreError> {
    session.with(|s| training::list_training(s, &member_id))
}

#[tauri::command(async)]
pub fn add_training(
    session: State<'_, Session>,
    input: TrainingInput,
) -> Result<TrainingRecord, CoreError> {
    session.with(|s| training::add_training(s, &input))
}

#[tauri::command(async)]
pub fn training_history(
    session: State<'_, Session>,
    id: String,
) -> Result<Vec<RecordVersion<TrainingRecord>>, CoreError> {
    session.with(|s| training::training_history(s, &id))
}

#[tauri::command(async)]
pub fn update_training(
    session: State<'_, Session>,
    id: String,
    input: TrainingInput,
) -> Result<TrainingRecord, CoreError> {
    session.with(|s| training::update_training(s, &id, &input))
}

/// Asks for a CSV file in a native dialog and imports it all-or-nothing; `None` if cancelled.
#[tauri::command]
pub async fn import_training_csv(
    app: AppHandle,
    session: State<'_, Session>,
    chosen: State<'_, TrainingCsv>,
) -> Result<Option<ImportReport>, CoreError> {
    let Some(path) = choose_file(&app, "Import training records", "CSV", &["csv", "txt"]) else {
        return Ok(None);
    };
    chosen.remember(path.clone());
    run_import(&session, &path, false).map(Some)
}

/// Imports the valid rows of the file chosen last, skipping the rest.
#[tauri::command]
pub async fn import_training_valid_rows(
    session: State<'_, Session>,
    chosen: State<'_, TrainingCsv>,
) -> Result<ImportReport, CoreError> {
    let path = chosen.path()?;
    run_import(&session, &path, true)
}

fn run_import(
    session: &Session,
    path: &Path,
    skip_invalid: bool,
) -> Result<ImportReport, CoreError> {
    session.with(|s| training::import_training_csv(s, path, skip_invalid))
}
