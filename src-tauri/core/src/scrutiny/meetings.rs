//! Board and committee meetings: when, which part, the agenda, and who attended.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{
    AgendaItem, Attendance, AttendanceStatus, EntryView, Meeting, MeetingKind, MeetingPart,
};
use crate::board::{self, validate::required_text};
use crate::changes::RecordVersion;
use crate::error::{all_of, noted, CoreError, ErrorKind, Result};
use crate::periods::Period;
use crate::scrutiny::repo as scrutiny;
use crate::store::entity::Entity;
use crate::store::search::Searchable;
use crate::store::{self, history, Store};
use crate::{codes::loose, dates};

const ENTITY: Entity = <super::Meeting as Searchable>::ENTITY;

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AgendaItemInput {
    /// The id of an existing item being kept, or empty for a new one.
    pub id: String,
    pub number: String,
    pub title: String,
    pub paper_ref: String,
    pub executive_lead: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MeetingInput {
    /// A meeting kind code (see `meeting_kinds`).
    pub kind: String,
    pub held_on: String,
    /// Public when not given.
    pub part: Option<MeetingPart>,
    pub items: Vec<AgendaItemInput>,
    /// Member ids of those present.
    pub present: Vec<String>,
    /// Member ids of those who sent apologies.
    pub apologies: Vec<String>,
}

/// A meeting in a list, with how much scrutiny it holds.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MeetingSummary {
    pub meeting: Meeting,
    pub label: String,
    pub entries: u32,
    pub open_actions: u32,
}

/// A meeting with its items, entries and actions.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MeetingView {
    pub meeting: Meeting,
    pub label: String,
    pub entries: Vec<EntryView>,
}

pub fn meeting_kinds(store: &Store) -> Result<Vec<MeetingKind>> {
    scrutiny::meeting_kinds(store.conn())
}

/// Where an action can be escalated, to suggest while typing: the board and the organisation's
/// committees. Kinds carry no type, so a committee is a kind named as one.
pub fn escalation_points(store: &Store) -> Result<Vec<String>> {
    Ok(meeting_kinds(store)?
        .into_iter()
        .filter(|k| k.code == "board" || k.label.to_lowercase().contains("committee"))
        .map(|k| k.label)
        .collect())
}

/// Adds a kind of meeting (for example "People committee"), or returns the one with that name.
/// Longest name of a kind of meeting, added in the window or by an import.
pub(crate) const MAX_KIND_LABEL: usize = 80;

pub fn add_meeting_kind(store: &mut Store, label: &str) -> Result<MeetingKind> {
    let label = required_text("label", "the name of the meeting", label, MAX_KIND_LABEL)?;
    let existing = meeting_kinds(store)?;
    if let Some(k) = existing.iter().find(|k| loose(&k.label) == loose(&label)) {
        return Ok(k.clone());
    }
    let code = crate::codes::slug(&label);
    let kind = MeetingKind { code, label };
    store.write(|tx| {
        scrutiny::add_meeting_kind(tx, &kind)?;
        history::record(tx, Entity::MeetingKind, &kind.code, "added", &kind)
    })?;
    Ok(kind)
}

pub fn list_meetings(store: &Store, period: Option<Period>) -> Result<Vec<MeetingSummary>> {
    let (from, to) = crate::periods::span(period);
    let entries = scrutiny::entries_between(store.conn(), from, to)?;
    scrutiny::meetings_between(store.conn(), from, to)?
        .into_iter()
        .map(|m| {
            let mine: Vec<_> = entries
                .iter()
                .filter(|e| e.meeting_id.as_deref() == Some(&m.id))
                .collect();
            let mut open_actions = 0;
            for e in &mine {
                open_actions += scrutiny::actions_for_entry(store.conn(), &e.id)?
                    .iter()
                    .filter(|a| a.status != super::ActionStatus::Closed)
                    .count() as u32;
            }
            Ok(MeetingSummary {
                label: m.label(),
                entries: mine.len() as u32,
                open_actions,
                meeting: m,
            })
        })
        .collect()
}

pub fn get_meeting(store: &Store, id: &str) -> Result<MeetingView> {
    let meeting = existing(store.conn(), id)?;
    let entries = super::entries::views(
        store,
        scrutiny::entries_between(store.conn(), meeting.held_on, meeting.held_on)?
            .into_iter()
            .filter(|e| e.meeting_id.as_deref() == Some(id))
            .collect(),
    )?;
    Ok(MeetingView {
        label: meeting.label(),
        meeting,
        entries,
    })
}

fn existing(conn: &rusqlite::Connection, id: &str) -> Result<Meeting> {
    scrutiny::get_meeting(conn, id)?.ok_or_else(|| {
        CoreError::not_found(format!(
            "No meeting has the id '{}'.",
            crate::error::shown(id)
        ))
    })
}

pub fn add_meeting(store: &mut Store, input: &MeetingInput) -> Result<Meeting> {
    let now = dates::now_utc();
    let meeting = valid(store, input, store::new_id(), now.clone(), now, &[])?;
    store.write(|tx| {
        scrutiny::save_meeting(tx, &meeting)?;
        history::record_searched(tx, &meeting.id, "added", &meeting)?;
        Ok(())
    })?;
    tracing::info!(id = %meeting.id, "meeting added");
    Ok(meeting)
}

pub fn update_meeting(store: &mut Store, id: &str, input: &MeetingInput) -> Result<Meeting> {
    let before = existing(store.conn(), id)?;
    let meeting = valid(
        store,
        input,
        before.id.clone(),
        before.created_at.clone(),
        dates::now_utc(),
        &before.items,
    )?;
    store.write(|tx| {
        for gone in before
            .items
            .iter()
            .filter(|i| !meeting.items.iter().any(|k| k.id == i.id))
        {
            if scrutiny::item_in_use(tx, &gone.id)? {
                return Err(CoreError::new(
                    ErrorKind::InUse,
                    format!(
                        "Agenda item {} {} has scrutiny entries, so it cannot be removed.",
                        gone.number, gone.title
                    ),
                ));
            }
        }
        // Saving what is already there adds no version.
        let content = |m: &Meeting| Meeting {
            updated_at: String::new(),
            ..m.clone()
        };
        if content(&before) == content(&meeting) {
            return Ok(());
        }
        scrutiny::save_meeting(tx, &meeting)?;
        history::record_searched(tx, id, "edited", &meeting)?;
        Ok(())
    })?;
    Ok(meeting)
}

/// Every saved version of a meeting, oldest first.
pub fn meeting_history(store: &Store, id: &str) -> Result<Vec<RecordVersion<Meeting>>> {
    existing(store.conn(), id)?;
    crate::changes::described(store, ENTITY, id, "Recorded", describe)
}

fn describe(a: &Meeting, b: &Meeting) -> Vec<String> {
    let mut out = crate::changes::ChangeList::default();
    let agenda = |m: &Meeting| {
        m.items
            .iter()
            .map(|i| {
                let mut text = format!("{} {}", i.number, i.title).trim().to_string();
                if !i.paper_ref.is_empty() {
                    text.push_str(&format!(" ({})", i.paper_ref));
                }
                if !i.executive_lead.is_empty() {
                    text.push_str(&format!(", {}", i.executive_lead));
                }
                text
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    let attending = |m: &Meeting, status: AttendanceStatus| {
        m.attendance
            .iter()
            .filter(|a| a.status == status)
            .map(|a| a.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    out.field("Meeting", &a.kind_label, &b.kind_label);
    out.field("Date", &dates::dense(a.held_on), &dates::dense(b.held_on));
    out.field("Part", a.part.label(), b.part.label());
    out.field("Agenda", &agenda(a), &agenda(b));
    for status in [AttendanceStatus::Present, AttendanceStatus::Apologies] {
        out.field(status.label(), &attending(a, status), &attending(b, status));
    }
    out.lines()
}

fn valid(
    store: &Store,
    input: &MeetingInput,
    id: String,
    created_at: String,
    updated_at: String,
    previous_items: &[AgendaItem],
) -> Result<Meeting> {
    // Every problem of the form is reported at once (see `error::all_of`).
    let mut problems = Vec::new();
    let kind = noted(
        &mut problems,
        meeting_kinds(store)?
            .into_iter()
            .find(|k| k.code == input.kind || loose(&k.label) == loose(&input.kind))
            .ok_or_else(|| CoreError::validation("kind", "Choose which meeting this is.")),
    );
    let held_on = noted(
        &mut problems,
        dates::parse_date("heldOn", "date of the meeting", &input.held_on),
    );
    let mut items = Vec::new();
    for (i, item) in input.items.iter().enumerate() {
        let Some(title) = noted(
            &mut problems,
            required_text(
                "items",
                &format!("the title of agenda item {}", i + 1),
                &item.title,
                200,
            ),
        ) else {
            continue;
        };
        let id = if previous_items.iter().any(|p| p.id == item.id) {
            item.id.clone()
        } else {
            store::new_id()
        };
        items.push(AgendaItem {
            id,
            number: item.number.trim().to_string(),
            title,
            paper_ref: item.paper_ref.trim().to_string(),
            executive_lead: item.executive_lead.trim().to_string(),
        });
    }
    let mut attendance = Vec::new();
    for (ids, status) in [
        (&input.present, AttendanceStatus::Present),
        (&input.apologies, AttendanceStatus::Apologies),
    ] {
        for member_id in ids {
            if attendance
                .iter()
                .any(|a: &Attendance| &a.member_id == member_id)
            {
                problems.push(CoreError::validation(
                    "attendance",
                    "A member is recorded as both present and sending apologies; choose one.",
                ));
                continue;
            }
            let m = board::get_member(store, member_id)?;
            attendance.push(Attendance {
                member_id: m.id,
                name: m.name,
                status,
            });
        }
    }
    // In the order the store lists them, so the recorded version is the meeting as saved.
    attendance.sort_by(|a, b| (&a.name, &a.member_id).cmp(&(&b.name, &b.member_id)));
    all_of(problems)?;
    let (Some(kind), Some(held_on)) = (kind, held_on) else {
        return Err(CoreError::internal(
            "a meeting check failed without saying why",
        ));
    };
    Ok(Meeting {
        id,
        kind: kind.code,
        kind_label: kind.label,
        held_on,
        part: input.part.unwrap_or(MeetingPart::Public),
        items,
        attendance,
        created_at,
        updated_at,
    })
}
