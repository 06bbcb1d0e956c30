//! Scrutiny: the board's meetings, the challenges directors raise (the challenge log), the
//! follow-up actions, the assurance areas they cover, and the import of existing logs.

mod actions;
mod areas;
mod coverage;
mod entries;
pub mod import;
mod levels;
mod meetings;
mod questions;
pub(crate) mod repo;

use crate::store::entity::Entity;
use crate::store::search::{SearchDocument, Searchable};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use actions::untied_owners;
pub use actions::{
    action_history, action_page, actions_owned_by, add_action, list_actions, list_actions_on,
    tracked, update_action, ActionFilter, ActionInput, ActionOwner, ActionPage, ActionView,
    TrackedAction,
};
pub use areas::{
    add_custom_area, area_set_status, area_sets, areas, choose_area_set, load_area_set,
    selected_set_id, AreaSet, AreaSetStatus, AreaSetSummary, AssuranceArea, CustomAreaInput,
};
pub use coverage::{coverage, Coverage, CoverageRow};
pub use entries::{
    add_entry, entry_history, entry_page, get_entry, list_entries, update_entry, EntryInput,
    EntryPage, EntryView, LogFilter, PageRequest, MAX_PAGE,
};
pub use import::{import_scrutiny_csv, ScrutinyImportReport};

/// The periods the screens offer: this financial year and the two before, and every year back
/// to the first challenge or meeting recorded.
pub fn periods_to_offer(
    store: &crate::store::Store,
) -> crate::error::Result<Vec<crate::periods::PeriodChoice>> {
    let earliest = crate::scrutiny::repo::earliest_date(store.conn())?;
    Ok(crate::periods::periods_since(
        crate::dates::today(),
        earliest,
    ))
}
pub use levels::{assurance_levels, save_assurance_levels, AssuranceLevel};
pub use meetings::{
    add_meeting, add_meeting_kind, escalation_points, get_meeting, list_meetings, meeting_history,
    meeting_kinds, update_meeting, AgendaItemInput, MeetingInput, MeetingSummary, MeetingView,
};
pub use questions::{
    add_planned_question, delete_planned_question, planned_questions, raise_planned_question,
    update_planned_question, PlannedQuestion, PlannedQuestionInput,
};

use crate::codes::coded;

coded!(
    /// Which part of a board meeting: held in public, or in private (confidential business).
    MeetingPart, "meeting part", {
        Public => "public", "Public";
        Private => "private", "Private";
    }
);

coded!(
    /// Whether a member attended.
    AttendanceStatus, "attendance", {
        Present => "present", "Present";
        Apologies => "apologies", "Apologies";
    }
);

coded!(
    /// The kinds of evidence a board can be shown, general and cultural.
    EvidenceSource, "evidence", {
        AnnualReport => "annual-report", "Annual report";
        Audit => "audit", "Audit";
        CqcInspection => "cqc-inspection", "CQC inspection";
        Section11Audit => "section-11-audit", "Section 11 audit";
        Dashboard => "dashboard", "Dashboard or KPI";
        Plan => "plan", "Work or action plan";
        RiskRegister => "risk-register", "Risk register";
        StaffSurvey => "staff-survey", "Staff survey";
        PartnershipChair => "partnership-chair", "Partnership chair's view";
        Voice => "voice", "Voice of children and families";
        Other => "other", "Other";
    }
);

coded!(
    /// Where a follow-up action stands. Overdue is worked out from the due date, never stored.
    ActionStatus, "action status", {
        Open => "open", "Open";
        InProgress => "in-progress", "In progress";
        Closed => "closed", "Closed";
        Escalated => "escalated", "Escalated";
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MeetingKind {
    pub code: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AgendaItem {
    pub id: String,
    /// As the agenda numbers it, e.g. "4.2".
    pub number: String,
    pub title: String,
    pub paper_ref: String,
    pub executive_lead: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Attendance {
    pub member_id: String,
    pub name: String,
    pub status: AttendanceStatus,
}

/// A board or committee meeting, or one part of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Meeting {
    pub id: String,
    pub kind: String,
    pub kind_label: String,
    pub held_on: NaiveDate,
    pub part: MeetingPart,
    pub items: Vec<AgendaItem>,
    pub attendance: Vec<Attendance>,
    pub created_at: String,
    pub updated_at: String,
}

impl Meeting {
    /// "Board, 6 August 2026 (private)".
    pub fn label(&self) -> String {
        let part = match self.part {
            MeetingPart::Public => String::new(),
            MeetingPart::Private => " (private)".into(),
        };
        format!(
            "{}, {}{part}",
            self.kind_label,
            crate::dates::prose(self.held_on)
        )
    }
}

/// One challenge raised, the answer given, and the assurance taken from it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Entry {
    pub id: String,
    pub meeting_id: Option<String>,
    pub agenda_item_id: Option<String>,
    pub raised_on: NaiveDate,
    pub area_id: String,
    /// The member who raised it.
    pub raised_by: String,
    pub challenge: String,
    pub directed_to: String,
    pub response: String,
    pub evidence: Vec<EvidenceSource>,
    /// A code from the assurance-level scale.
    pub assurance_level: String,
    pub minute_ref: String,
    pub created_at: String,
    pub updated_at: String,
}

/// A follow-up action on an entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Action {
    pub id: String,
    pub entry_id: String,
    pub description: String,
    /// The owner when they are a board member.
    pub owner_member_id: Option<String>,
    /// The owner's name: the member's, or a named officer's.
    pub owner_name: String,
    pub due_on: Option<NaiveDate>,
    pub status: ActionStatus,
    /// A committee or a board assurance framework risk, when escalated.
    pub escalated_to: String,
    pub closure_note: String,
    pub closed_on: Option<NaiveDate>,
    pub created_at: String,
    pub updated_at: String,
}

impl Action {
    /// Still to do and past its due date.
    pub fn overdue_on(&self, today: NaiveDate) -> bool {
        matches!(self.status, ActionStatus::Open | ActionStatus::InProgress)
            && self.due_on.is_some_and(|d| d < today)
    }
}

/// An assurance area the organisation added to its chosen set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CustomArea {
    pub id: String,
    pub title: String,
    pub text: String,
}

impl Searchable for Entry {
    const ENTITY: Entity = Entity::ScrutinyEntry;
    fn search_document(&self) -> SearchDocument {
        SearchDocument::new(
            &self.challenge,
            &[&self.response, &self.directed_to, &self.minute_ref],
            Some(self.raised_on),
        )
    }
}

impl Searchable for Action {
    const ENTITY: Entity = Entity::Action;
    fn search_document(&self) -> SearchDocument {
        SearchDocument::new(
            &self.description,
            &[&self.owner_name, &self.escalated_to, &self.closure_note],
            self.due_on,
        )
    }
}

impl Searchable for Meeting {
    const ENTITY: Entity = Entity::Meeting;
    fn search_document(&self) -> SearchDocument {
        let items: Vec<String> = self
            .items
            .iter()
            .map(|i| {
                format!(
                    "{} {} {} {}",
                    i.number, i.title, i.paper_ref, i.executive_lead
                )
            })
            .collect();
        let items: Vec<&str> = items.iter().map(String::as_str).collect();
        SearchDocument::new(&self.kind_label, &items, Some(self.held_on))
    }
}

#[cfg(test)]
mod tests;
