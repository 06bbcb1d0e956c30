//! Training requirements and the board compliance matrix.

use boardassure_core::board::FrameworkRole;
use boardassure_core::codes::Choice;
use boardassure_core::compliance::{
    self, ComplianceMatrix, MemberCompliance, Requirement, RequirementInput, RequirementKind,
};
use boardassure_core::session::Session;
use boardassure_core::{dates, CoreError};
use tauri::{AppHandle, State};

use super::files::choose_save_path;

#[tauri::command(async)]
pub fn compliance_matrix(
    session: State<'_, Session>,
    role: Option<FrameworkRole>,
) -> Result<ComplianceMatrix, CoreError> {
    session.with(|s| compliance::matrix(s, dates::today(), role))
}

#[tauri::command(async)]
pub fn member_compliance(
    session: State<'_, Session>,
    member_id: String,
) -> Result<MemberCompliance, CoreError> {
    session.with(|s| compliance::member_compliance(s, &member_id, dates::today()))
}

#[tauri::command(async)]
pub fn requirement_kinds() -> Vec<Choice<RequirementKind>> {
    RequirementKind::choices()
}

#[tauri::command(async)]
pub fn list_requirements(session: State<'_, Session>) -> Result<Vec<Requirement>, CoreError> {
    session.with(|s| compliance::list_requirements(s))
}

#[tauri::command(async)]
pub fn add_requirement(
    session: State<'_, Session>,
    input: RequirementInput,
) -> Result<Requirement, CoreError> {
    session.with(|s| compliance::add_requirement(s, &input))
}

#[tauri::command(async)]
pub fn update_requirement(
    session: State<'_, Session>,
    id: String,
    input: RequirementInput,
) -> Result<Requirement, CoreError> {
    session.with(|s| compliance::update_requirement(s, &id, &input))
}

#[tauri::command(async)]
pub fn retire_requirement(
    session: State<'_, Session>,
    id: String,
) -> Result<Requirement, CoreError> {
    session.with(|s| compliance::retire_requirement(s, &id))
}

/// Undoes a retirement: the requirement is assessed again.
#[tauri::command(async)]
pub fn reinstate_requirement(
    session: State<'_, Session>,
    id: String,
) -> Result<Requirement, CoreError> {
    session.with(|s| compliance::reinstate_requirement(s, &id))
}

/// Asks where to save, then writes the matrix as CSV; returns the path, or `None` if cancelled.
#[tauri::command]
pub async fn export_compliance_csv(
    app: AppHandle,
    session: State<'_, Session>,
    role: Option<FrameworkRole>,
) -> Result<Option<String>, CoreError> {
    let name = format!("board-training-compliance-{}.csv", dates::today());
    let Some(path) = choose_save_path(&app, "Export the compliance matrix", &name, "CSV", &["csv"])
    else {
        return Ok(None);
    };
    session.with(|s| {
        let m = compliance::matrix(s, dates::today(), role)?;
        compliance::write_matrix_csv(&m, &path)
    })?;
    Ok(Some(path.display().to_string()))
}
