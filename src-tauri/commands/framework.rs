//! The competency framework.

use boardassure_core::framework::{self, Framework, MemberFramework};
use boardassure_core::session::Session;
use boardassure_core::CoreError;
use tauri::State;

#[tauri::command]
pub fn get_framework() -> Framework {
    framework::senior_manager_children()
}

#[tauri::command]
pub fn member_framework(
    session: State<'_, Session>,
    id: String,
) -> Result<MemberFramework, CoreError> {
    session.with(|s| framework::for_member(s, &id))
}
