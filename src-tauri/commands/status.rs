//! Start-up, the database, search and the demonstration board.

use boardassure_core::audit::AuditReport;
use boardassure_core::codes::Choice;
use boardassure_core::demo::{self, DemoSummary};
use boardassure_core::search::{SearchFilter, SearchKind, SearchResults};
use boardassure_core::session::{AppStatus, EncryptionOutcome, Opening, Session};
use boardassure_core::store::backup::BackupInfo;
use boardassure_core::store::HealthReport;
use boardassure_core::CoreError;
use tauri::State;

/// When the window was opened, and whether its first screen has been reported ready.
pub struct Started(pub std::time::Instant, pub std::sync::atomic::AtomicBool);

/// The page calls this once its first screen is drawn.
#[tauri::command(async)]
pub fn ui_ready(started: State<'_, Started>) {
    if !started.1.swap(true, std::sync::atomic::Ordering::Relaxed) {
        boardassure_core::session::first_screen_ready(started.0.elapsed());
    }
}

#[tauri::command(async)]
pub fn opening(session: State<'_, Session>) -> Result<Opening, CoreError> {
    session.opening()
}

#[tauri::command(async)]
pub fn retry_open(session: State<'_, Session>) -> AppStatus {
    session.retry_open()
}

#[tauri::command(async)]
pub fn check_database(session: State<'_, Session>) -> Result<HealthReport, CoreError> {
    session.with(|s| s.health())
}

#[tauri::command(async)]
pub fn load_demo(session: State<'_, Session>) -> Result<DemoSummary, CoreError> {
    session.with(demo::load_demo)
}

#[tauri::command(async)]
pub fn verify_audit(session: State<'_, Session>) -> Result<AuditReport, CoreError> {
    session.with(|s| boardassure_core::audit::verify(s))
}

#[tauri::command(async)]
pub fn search_kinds() -> Vec<Choice<SearchKind>> {
    SearchKind::choices()
}

#[tauri::command(async)]
pub fn search(
    session: State<'_, Session>,
    text: String,
    filter: SearchFilter,
    offset: u32,
) -> Result<SearchResults, CoreError> {
    session.with(|s| boardassure_core::search::search_page(s, &text, &filter, offset))
}

#[tauri::command(async)]
pub fn list_backups(session: State<'_, Session>) -> Result<Vec<BackupInfo>, CoreError> {
    session.backups()
}

#[tauri::command(async)]
pub fn restore_backup(
    session: State<'_, Session>,
    file_name: String,
) -> Result<AppStatus, CoreError> {
    session.restore_backup(&file_name)
}

/// Creates the database at first run, encrypted under the passphrase chosen.
#[tauri::command]
pub async fn create_database(
    session: State<'_, Session>,
    passphrase: String,
) -> Result<AppStatus, CoreError> {
    session.create(passphrase)
}

#[tauri::command]
pub async fn unlock(
    session: State<'_, Session>,
    passphrase: String,
) -> Result<AppStatus, CoreError> {
    session.unlock(passphrase)
}

#[tauri::command(async)]
pub fn lock(session: State<'_, Session>) -> Result<AppStatus, CoreError> {
    session.lock()
}

// Re-encrypting rewrites the whole file and its backups: async, so the window keeps drawing.
#[tauri::command]
pub async fn encrypt_database(
    session: State<'_, Session>,
    passphrase: String,
) -> Result<EncryptionOutcome, CoreError> {
    session.encrypt(passphrase)
}

#[tauri::command]
pub async fn change_passphrase(
    session: State<'_, Session>,
    current: String,
    new: String,
) -> Result<EncryptionOutcome, CoreError> {
    session.change_passphrase(current, new)
}
