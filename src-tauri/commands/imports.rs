//! Importing a board's own spreadsheets: choose the file, see how its columns and words would
//! be read, say what the rest mean, then import; and the mappings remembered for next time.

use std::path::PathBuf;

use boardassure_core::import::{
    self, ImportKind, ImportMapping, ImportOptions, ImportPreview, RememberedMapping,
};
use boardassure_core::scrutiny::{self, ScrutinyImportReport};
use boardassure_core::session::Session;
use boardassure_core::training::{self, ImportReport};
use boardassure_core::CoreError;
use tauri::{AppHandle, State};

use super::files::{choose_file, ScrutinyCsv, TrainingCsv};

/// The file chosen last for `kind`.
fn chosen(
    kind: ImportKind,
    log: &ScrutinyCsv,
    training: &TrainingCsv,
) -> Result<PathBuf, CoreError> {
    match kind {
        ImportKind::ScrutinyLog => log.path(),
        ImportKind::Training => training.path(),
    }
}

/// Asks for a CSV file in a native dialog and says how it would be read; `None` if cancelled.
#[tauri::command]
pub async fn choose_csv_import(
    app: AppHandle,
    session: State<'_, Session>,
    log: State<'_, ScrutinyCsv>,
    training: State<'_, TrainingCsv>,
    kind: ImportKind,
) -> Result<Option<ImportPreview>, CoreError> {
    let title = match kind {
        ImportKind::ScrutinyLog => "Import a challenge log",
        ImportKind::Training => "Import training records",
    };
    let Some(path) = choose_file(&app, title, "CSV", &["csv", "txt"]) else {
        return Ok(None);
    };
    match kind {
        ImportKind::ScrutinyLog => log.remember(path.clone()),
        ImportKind::Training => training.remember(path.clone()),
    }
    session
        .with(|s| import::preview(s, kind, &path, &ImportOptions::default()))
        .map(Some)
}

/// How the file chosen last would be read with these options.
#[tauri::command]
pub async fn preview_csv_import(
    session: State<'_, Session>,
    log: State<'_, ScrutinyCsv>,
    training: State<'_, TrainingCsv>,
    kind: ImportKind,
    options: ImportOptions,
) -> Result<ImportPreview, CoreError> {
    let path = chosen(kind, &log, &training)?;
    session.with(|s| import::preview(s, kind, &path, &options))
}

/// Imports the challenge log chosen last.
#[tauri::command]
pub async fn import_scrutiny_csv(
    session: State<'_, Session>,
    log: State<'_, ScrutinyCsv>,
    options: ImportOptions,
) -> Result<ScrutinyImportReport, CoreError> {
    let path = log.path()?;
    session.with(|s| scrutiny::import_scrutiny_csv(s, &path, &options))
}

/// Imports the training file chosen last.
#[tauri::command]
pub async fn import_training_csv(
    session: State<'_, Session>,
    training: State<'_, TrainingCsv>,
    options: ImportOptions,
) -> Result<ImportReport, CoreError> {
    let path = training.path()?;
    session.with(|s| training::import_training_csv(s, &path, &options))
}

#[tauri::command(async)]
pub fn import_mappings(session: State<'_, Session>) -> Result<Vec<RememberedMapping>, CoreError> {
    session.with(|s| import::remembered_mappings(s))
}

#[tauri::command(async)]
pub fn save_import_mapping(
    session: State<'_, Session>,
    kind: ImportKind,
    mapping: ImportMapping,
) -> Result<RememberedMapping, CoreError> {
    session.with(|s| import::save_remembered_mapping(s, kind, &mapping))
}
