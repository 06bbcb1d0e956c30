//! Training records.

use boardassure_core::changes::RecordVersion;
use boardassure_core::codes::Choice;
use boardassure_core::session::Session;
use boardassure_core::training::{self, LearningType, TrainingInput, TrainingRecord};
use boardassure_core::CoreError;
use tauri::State;

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
