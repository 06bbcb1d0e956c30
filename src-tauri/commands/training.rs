//! Training records.

use boardassure_core::board::Choice;
use boardassure_core::session::Session;
use boardassure_core::training::{self, LearningType, TrainingInput, TrainingRecord};
use boardassure_core::CoreError;
use tauri::State;

#[tauri::command]
pub fn learning_types() -> Vec<Choice<LearningType>> {
    training::learning_types()
}

#[tauri::command]
pub fn list_training(
    session: State<'_, Session>,
    member_id: String,
) -> Result<Vec<TrainingRecord>, CoreError> {
    session.with(|s| training::list_training(s, &member_id))
}

#[tauri::command]
pub fn add_training(
    session: State<'_, Session>,
    input: TrainingInput,
) -> Result<TrainingRecord, CoreError> {
    session.with(|s| training::add_training(s, &input))
}

#[tauri::command]
pub fn update_training(
    session: State<'_, Session>,
    id: String,
    input: TrainingInput,
) -> Result<TrainingRecord, CoreError> {
    session.with(|s| training::update_training(s, &id, &input))
}
