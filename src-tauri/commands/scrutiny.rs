//! Scrutiny: meetings, the challenge log, follow-up actions, coverage and assurance areas.

use boardassure_core::changes::RecordVersion;
use boardassure_core::codes::Choice;
use boardassure_core::periods::{Period, PeriodChoice};
use boardassure_core::scrutiny::{
    self, Action, ActionFilter, ActionInput, ActionPage, ActionStatus, ActionView, AreaSetStatus,
    AreaSetSummary, AssuranceArea, AssuranceLevel, Coverage, CustomAreaInput, Entry, EntryInput,
    EntryPage, EntryView, EvidenceSource, LogFilter, Meeting, MeetingInput, MeetingKind,
    MeetingPart, MeetingSummary, MeetingView, PageRequest, PlannedQuestion, PlannedQuestionInput,
};
use boardassure_core::session::Session;
use boardassure_core::CoreError;
use tauri::State;

#[tauri::command(async)]
pub fn recent_periods(session: State<'_, Session>) -> Result<Vec<PeriodChoice>, CoreError> {
    session.with(|s| scrutiny::periods_to_offer(s))
}

#[tauri::command(async)]
pub fn evidence_sources() -> Vec<Choice<EvidenceSource>> {
    EvidenceSource::choices()
}

#[tauri::command(async)]
pub fn action_statuses() -> Vec<Choice<ActionStatus>> {
    ActionStatus::choices()
}

#[tauri::command(async)]
pub fn meeting_parts() -> Vec<Choice<MeetingPart>> {
    MeetingPart::choices()
}

#[tauri::command(async)]
pub fn meeting_kinds(session: State<'_, Session>) -> Result<Vec<MeetingKind>, CoreError> {
    session.with(|s| scrutiny::meeting_kinds(s))
}

#[tauri::command(async)]
pub fn escalation_points(session: State<'_, Session>) -> Result<Vec<String>, CoreError> {
    session.with(|s| scrutiny::escalation_points(s))
}

#[tauri::command(async)]
pub fn add_meeting_kind(
    session: State<'_, Session>,
    label: String,
) -> Result<MeetingKind, CoreError> {
    session.with(|s| scrutiny::add_meeting_kind(s, &label))
}

#[tauri::command(async)]
pub fn list_meetings(
    session: State<'_, Session>,
    period: Option<Period>,
) -> Result<Vec<MeetingSummary>, CoreError> {
    session.with(|s| scrutiny::list_meetings(s, period))
}

#[tauri::command(async)]
pub fn get_meeting(session: State<'_, Session>, id: String) -> Result<MeetingView, CoreError> {
    session.with(|s| scrutiny::get_meeting(s, &id))
}

#[tauri::command(async)]
pub fn add_meeting(session: State<'_, Session>, input: MeetingInput) -> Result<Meeting, CoreError> {
    session.with(|s| scrutiny::add_meeting(s, &input))
}

#[tauri::command(async)]
pub fn meeting_history(
    session: State<'_, Session>,
    id: String,
) -> Result<Vec<RecordVersion<Meeting>>, CoreError> {
    session.with(|s| scrutiny::meeting_history(s, &id))
}

#[tauri::command(async)]
pub fn update_meeting(
    session: State<'_, Session>,
    id: String,
    input: MeetingInput,
) -> Result<Meeting, CoreError> {
    session.with(|s| scrutiny::update_meeting(s, &id, &input))
}

/// One page of the log: the screen shows a page at a time however long the log grows.
#[tauri::command(async)]
pub fn entry_page(
    session: State<'_, Session>,
    filter: LogFilter,
    page: PageRequest,
) -> Result<EntryPage, CoreError> {
    session.with(|s| scrutiny::entry_page(s, &filter, page))
}

#[tauri::command(async)]
pub fn get_entry(session: State<'_, Session>, id: String) -> Result<EntryView, CoreError> {
    session.with(|s| scrutiny::get_entry(s, &id))
}

#[tauri::command(async)]
pub fn add_entry(session: State<'_, Session>, input: EntryInput) -> Result<EntryView, CoreError> {
    session.with(|s| scrutiny::add_entry(s, &input))
}

#[tauri::command(async)]
pub fn update_entry(
    session: State<'_, Session>,
    id: String,
    input: EntryInput,
) -> Result<EntryView, CoreError> {
    session.with(|s| scrutiny::update_entry(s, &id, &input))
}

#[tauri::command(async)]
pub fn entry_history(
    session: State<'_, Session>,
    id: String,
) -> Result<Vec<RecordVersion<Entry>>, CoreError> {
    session.with(|s| scrutiny::entry_history(s, &id))
}

/// One page of the tracker, overdue first.
#[tauri::command(async)]
pub fn action_page(
    session: State<'_, Session>,
    filter: ActionFilter,
    page: PageRequest,
) -> Result<ActionPage, CoreError> {
    session.with(|s| scrutiny::action_page(s, filter, page, boardassure_core::dates::today()))
}

#[tauri::command(async)]
pub fn add_action(
    session: State<'_, Session>,
    entry_id: String,
    input: ActionInput,
) -> Result<ActionView, CoreError> {
    session.with(|s| scrutiny::add_action(s, &entry_id, &input))
}

#[tauri::command(async)]
pub fn action_history(
    session: State<'_, Session>,
    id: String,
) -> Result<Vec<RecordVersion<Action>>, CoreError> {
    session.with(|s| scrutiny::action_history(s, &id))
}

#[tauri::command(async)]
pub fn update_action(
    session: State<'_, Session>,
    id: String,
    input: ActionInput,
) -> Result<ActionView, CoreError> {
    session.with(|s| scrutiny::update_action(s, &id, &input))
}

#[tauri::command(async)]
pub fn coverage(session: State<'_, Session>, period: Period) -> Result<Coverage, CoreError> {
    session.with(|s| scrutiny::coverage(s, period))
}

#[tauri::command(async)]
pub fn assurance_areas(session: State<'_, Session>) -> Result<Vec<AssuranceArea>, CoreError> {
    session.with(|s| scrutiny::areas(s))
}

#[tauri::command(async)]
pub fn area_sets(session: State<'_, Session>) -> Result<Vec<AreaSetSummary>, CoreError> {
    session.with(|s| scrutiny::area_sets(s))
}

/// Which set of areas is in use, or, when the organisation's nation has none, what to do.
#[tauri::command(async)]
pub fn area_set_status(session: State<'_, Session>) -> Result<AreaSetStatus, CoreError> {
    session.with(|s| scrutiny::area_set_status(s))
}

/// Asks for a JSON file of the shipped sets' shape and uses it; `None` if cancelled.
#[tauri::command]
pub async fn load_area_set(
    app: tauri::AppHandle,
    session: State<'_, Session>,
) -> Result<Option<AreaSetSummary>, CoreError> {
    let Some(path) =
        super::files::choose_file(&app, "Load a set of assurance areas", "JSON", &["json"])
    else {
        return Ok(None);
    };
    session
        .with(|s| scrutiny::load_area_set(s, &path))
        .map(Some)
}

#[tauri::command(async)]
pub fn choose_area_set(session: State<'_, Session>, id: String) -> Result<(), CoreError> {
    session.with(|s| scrutiny::choose_area_set(s, &id))
}

#[tauri::command(async)]
pub fn add_custom_area(
    session: State<'_, Session>,
    input: CustomAreaInput,
) -> Result<AssuranceArea, CoreError> {
    session.with(|s| scrutiny::add_custom_area(s, &input))
}

#[tauri::command(async)]
pub fn assurance_levels(session: State<'_, Session>) -> Result<Vec<AssuranceLevel>, CoreError> {
    session.with(|s| scrutiny::assurance_levels(s))
}

#[tauri::command(async)]
pub fn save_assurance_levels(
    session: State<'_, Session>,
    levels: Vec<AssuranceLevel>,
) -> Result<Vec<AssuranceLevel>, CoreError> {
    session.with(|s| scrutiny::save_assurance_levels(s, &levels))
}

/// My planned questions for a meeting (private to this laptop).
#[tauri::command(async)]
pub fn planned_questions(
    session: State<'_, Session>,
    meeting_id: String,
) -> Result<Vec<PlannedQuestion>, CoreError> {
    session.with(|s| scrutiny::planned_questions(s, &meeting_id))
}

#[tauri::command(async)]
pub fn add_planned_question(
    session: State<'_, Session>,
    input: PlannedQuestionInput,
) -> Result<PlannedQuestion, CoreError> {
    session.with(|s| scrutiny::add_planned_question(s, &input))
}

#[tauri::command(async)]
pub fn update_planned_question(
    session: State<'_, Session>,
    id: String,
    input: PlannedQuestionInput,
) -> Result<PlannedQuestion, CoreError> {
    session.with(|s| scrutiny::update_planned_question(s, &id, &input))
}

#[tauri::command(async)]
pub fn delete_planned_question(session: State<'_, Session>, id: String) -> Result<(), CoreError> {
    session.with(|s| scrutiny::delete_planned_question(s, &id))
}

/// Logs the challenge asked from a planned question and marks the question asked, together.
#[tauri::command(async)]
pub fn raise_planned_question(
    session: State<'_, Session>,
    id: String,
    entry: EntryInput,
) -> Result<EntryView, CoreError> {
    session.with(|s| scrutiny::raise_planned_question(s, &id, &entry))
}
