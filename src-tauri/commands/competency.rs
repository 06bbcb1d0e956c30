//! Self-assessment, sign-off and development plans.

use boardassure_core::changes::RecordVersion;
use boardassure_core::codes::Choice;
use boardassure_core::competency::{
    self, Assessment, AssessmentInput, MemberCompetency, PlanInput, PlanStatus, PlannedLearning,
    SignOffInput,
};
use boardassure_core::session::Session;
use boardassure_core::CoreError;
use tauri::{AppHandle, State};

use super::files::choose_any_file;

#[tauri::command(async)]
pub fn member_competency(
    session: State<'_, Session>,
    member_id: String,
) -> Result<MemberCompetency, CoreError> {
    session.with(|s| competency::member_competency(s, &member_id))
}

#[tauri::command(async)]
pub fn save_assessment(
    session: State<'_, Session>,
    input: AssessmentInput,
) -> Result<Assessment, CoreError> {
    session.with(|s| competency::save_assessment(s, &input))
}

#[tauri::command(async)]
pub fn sign_off_assessment(
    session: State<'_, Session>,
    id: String,
    input: SignOffInput,
) -> Result<Assessment, CoreError> {
    session.with(|s| competency::sign_off_assessment(s, &id, &input))
}

#[tauri::command(async)]
pub fn assessment_history(
    session: State<'_, Session>,
    id: String,
) -> Result<Vec<RecordVersion<Assessment>>, CoreError> {
    session.with(|s| competency::assessment_history(s, &id))
}

#[tauri::command(async)]
pub fn plan_statuses() -> Vec<Choice<PlanStatus>> {
    PlanStatus::choices()
}

#[tauri::command(async)]
pub fn add_plan(
    session: State<'_, Session>,
    input: PlanInput,
) -> Result<PlannedLearning, CoreError> {
    session.with(|s| competency::add_plan(s, &input))
}

#[tauri::command(async)]
pub fn update_plan(
    session: State<'_, Session>,
    id: String,
    input: PlanInput,
) -> Result<PlannedLearning, CoreError> {
    session.with(|s| competency::update_plan(s, &id, &input))
}

/// Asks for an evidence document in a native dialog and returns its path; the app records
/// the path and never reads the file.
#[tauri::command]
pub async fn choose_evidence_document(app: AppHandle) -> Option<String> {
    choose_any_file(&app, "Choose a document as evidence").map(|p| p.display().to_string())
}
