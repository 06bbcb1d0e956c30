//! Board-wide settings.

use boardassure_core::session::Session;
use boardassure_core::settings::{self, Settings};
use boardassure_core::CoreError;
use tauri::State;

#[tauri::command]
pub fn get_settings(session: State<'_, Session>) -> Result<Settings, CoreError> {
    session.with(|s| settings::get_settings(s))
}

#[tauri::command]
pub fn save_settings(session: State<'_, Session>, input: Settings) -> Result<Settings, CoreError> {
    session.with(|s| settings::save_settings(s, &input))
}

#[tauri::command]
pub fn daily_backups_kept(session: State<'_, Session>) -> Result<u32, CoreError> {
    session.with(|s| settings::daily_backups_kept(s))
}

#[tauri::command]
pub fn save_daily_backups_kept(session: State<'_, Session>, keep: u32) -> Result<u32, CoreError> {
    session.with(|s| settings::save_daily_backups_kept(s, keep))
}
