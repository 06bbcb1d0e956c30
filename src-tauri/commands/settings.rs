//! Board-wide settings.

use boardassure_core::session::Session;
use boardassure_core::settings::{self, Settings};
use boardassure_core::CoreError;
use tauri::State;

#[tauri::command(async)]
pub fn get_settings(session: State<'_, Session>) -> Result<Settings, CoreError> {
    session.with(|s| settings::get_settings(s))
}

#[tauri::command(async)]
pub fn save_settings(session: State<'_, Session>, input: Settings) -> Result<Settings, CoreError> {
    session.with(|s| settings::save_settings(s, &input))
}

#[tauri::command(async)]
pub fn daily_backups_kept(session: State<'_, Session>) -> Result<u32, CoreError> {
    session.with(|s| settings::daily_backups_kept(s))
}

#[tauri::command(async)]
pub fn save_daily_backups_kept(session: State<'_, Session>, keep: u32) -> Result<u32, CoreError> {
    session.with(|s| settings::save_daily_backups_kept(s, keep))
}

#[tauri::command(async)]
pub fn text_size(session: State<'_, Session>) -> Result<settings::TextSize, CoreError> {
    session.with(|s| settings::text_size(s))
}

#[tauri::command(async)]
pub fn save_text_size(
    session: State<'_, Session>,
    size: settings::TextSize,
) -> Result<settings::TextSize, CoreError> {
    session.with(|s| settings::save_text_size(s, size))
}

#[tauri::command(async)]
pub fn text_sizes() -> Vec<boardassure_core::codes::Choice<settings::TextSize>> {
    settings::TextSize::choices()
}

#[tauri::command(async)]
pub fn idle_lock_minutes(session: State<'_, Session>) -> Result<u32, CoreError> {
    session.with(|s| settings::idle_lock_minutes(s))
}

#[tauri::command(async)]
pub fn save_idle_lock_minutes(session: State<'_, Session>, minutes: u32) -> Result<u32, CoreError> {
    session.with(|s| settings::save_idle_lock_minutes(s, minutes))
}
