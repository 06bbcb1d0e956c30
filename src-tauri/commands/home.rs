//! The home screen ("what needs me now") and reminders.

use boardassure_core::home::{self, Home};
use boardassure_core::reminders::{self, Reminder, ReminderPreferences};
use boardassure_core::session::Session;
use boardassure_core::{dates, CoreError};
use tauri::{AppHandle, State};
use tauri_plugin_notification::NotificationExt;

#[tauri::command(async)]
pub fn home(session: State<'_, Session>) -> Result<Home, CoreError> {
    session.with(|s| home::home(s, dates::today()))
}

/// The reminders not yet shown today, each shown once; also sent as desktop notifications
/// when the member wants them and the system offers them.
#[tauri::command(async)]
pub fn take_reminders(
    app: AppHandle,
    session: State<'_, Session>,
) -> Result<Vec<Reminder>, CoreError> {
    let (new, prefs) = session.with(|s| {
        let new = reminders::take_new(s, dates::today())?;
        Ok((new, reminders::preferences(s)?))
    })?;
    if prefs.desktop {
        for r in &new {
            // Without a notification service (some desktops, test displays) the reminder
            // still shows in the window.
            if let Err(e) = app
                .notification()
                .builder()
                .title("Safeguarding Board Assurance")
                .body(&r.text)
                .show()
            {
                tracing::info!(error = %e, "desktop notification not shown");
            }
        }
    }
    Ok(new)
}

#[tauri::command(async)]
pub fn reminder_preferences(session: State<'_, Session>) -> Result<ReminderPreferences, CoreError> {
    session.with(|s| reminders::preferences(s))
}

#[tauri::command(async)]
pub fn save_reminder_preferences(
    session: State<'_, Session>,
    preferences: ReminderPreferences,
) -> Result<ReminderPreferences, CoreError> {
    session.with(|s| reminders::save_preferences(s, preferences))
}
