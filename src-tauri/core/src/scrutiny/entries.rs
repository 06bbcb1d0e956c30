//! The challenge log: each entry is a question a director raised, the answer, the evidence
//! cited and the assurance taken. Edits keep every version, with who made it and what changed.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::actions::{new_action, ActionInput, ActionView};
use std::collections::HashMap;

use super::{areas, levels, Action, ActionStatus, Entry, EvidenceSource, Meeting};
use crate::board::{self, MemberFilter};
use crate::changes::RecordVersion;
use crate::dates;
use crate::error::{all_of, noted, CoreError, Result};
use crate::periods::Period;
use crate::scrutiny::repo as scrutiny;
use crate::store::entity::Entity;
use crate::store::search::Searchable;
use crate::store::{self, history, Store};

pub(super) const ENTITY: Entity = <super::Entry as Searchable>::ENTITY;
const MAX_TEXT: usize = 10_000;

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EntryInput {
    /// Empty for a challenge raised outside a meeting.
    pub meeting_id: String,
    /// Empty when not tied to an agenda item.
    pub agenda_item_id: String,
    /// Empty means the meeting's date, or today.
    pub raised_on: String,
    pub area_id: String,
    pub raised_by: String,
    pub challenge: String,
    pub directed_to: String,
    pub response: String,
    pub evidence: Vec<EvidenceSource>,
    pub assurance_level: String,
    pub minute_ref: String,
    /// Follow-up actions to create with a new entry (ignored when editing).
    pub actions: Vec<ActionInput>,
}

/// An entry with the names a person reads, and its actions.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EntryView {
    pub entry: Entry,
    pub meeting_label: Option<String>,
    pub item_label: Option<String>,
    pub area_title: String,
    pub raised_by_name: String,
    pub level_label: String,
    pub actions: Vec<ActionView>,
}

/// Which entries to list; every part is optional.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LogFilter {
    pub period: Option<Period>,
    pub area_id: Option<String>,
    pub member_id: Option<String>,
    pub assurance_level: Option<String>,
    /// Only entries with an action not yet closed.
    pub open_actions: bool,
}

pub fn add_entry(store: &mut Store, input: &EntryInput) -> Result<EntryView> {
    add_entry_then(store, input, |_, _| Ok(()))
}

/// Adds an entry and, in the same transaction, does `then` with it (a planned question marks
/// itself raised), so the two are saved together or not at all.
pub(crate) fn add_entry_then(
    store: &mut Store,
    input: &EntryInput,
    then: impl FnOnce(&rusqlite::Connection, &Entry) -> Result<()>,
) -> Result<EntryView> {
    let now = dates::now_utc();
    let entry = valid(store, input, store::new_id(), now.clone(), now)?;
    let actions = input
        .actions
        .iter()
        .map(|a| new_action(store, &entry.id, a))
        .collect::<Result<Vec<_>>>()?;
    store.write(|tx| {
        scrutiny::save_entry(tx, &entry)?;
        history::record_searched(tx, &entry.id, "added", &entry)?;
        for a in &actions {
            scrutiny::save_action(tx, a)?;
            history::record_searched(tx, &a.id, "added", a)?;
        }
        then(tx, &entry)
    })?;
    tracing::info!(id = %entry.id, actions = actions.len(), "scrutiny entry added");
    get_entry(store, &entry.id)
}

pub fn update_entry(store: &mut Store, id: &str, input: &EntryInput) -> Result<EntryView> {
    let before = existing(store, id)?;
    let after = valid(
        store,
        input,
        before.id.clone(),
        before.created_at.clone(),
        dates::now_utc(),
    )?;
    let content = |e: &Entry| Entry {
        updated_at: String::new(),
        ..e.clone()
    };
    if content(&after) != content(&before) {
        store.write(|tx| {
            scrutiny::save_entry(tx, &after)?;
            history::record_searched(tx, id, "edited", &after)
        })?;
        tracing::info!(id, "scrutiny entry edited");
    }
    get_entry(store, id)
}

fn existing(store: &Store, id: &str) -> Result<Entry> {
    scrutiny::get_entry(store.conn(), id)?.ok_or_else(|| {
        CoreError::not_found(format!(
            "No scrutiny entry has the id '{}'.",
            crate::error::shown(id)
        ))
    })
}

pub fn get_entry(store: &Store, id: &str) -> Result<EntryView> {
    let e = existing(store, id)?;
    Ok(views(store, vec![e])?.remove(0))
}

pub fn list_entries(store: &Store, filter: &LogFilter) -> Result<Vec<EntryView>> {
    let (from, to) = crate::periods::span(filter.period);
    let entries = scrutiny::entries_matching(
        store.conn(),
        from,
        to,
        filter.area_id.as_deref(),
        filter.member_id.as_deref(),
        filter.assurance_level.as_deref(),
    )?;
    let all = views(store, entries)?;
    Ok(if filter.open_actions {
        all.into_iter()
            .filter(|v| {
                v.actions
                    .iter()
                    .any(|a| a.action.status != ActionStatus::Closed)
            })
            .collect()
    } else {
        all
    })
}

/// How much of a long list to show: `limit` items from `offset`.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PageRequest {
    pub offset: u32,
    pub limit: u32,
}

/// Longest page a list asks for; more than a screen can usefully show.
pub const MAX_PAGE: u32 = 500;

impl PageRequest {
    pub fn checked(self) -> Result<PageRequest> {
        if self.limit == 0 || self.limit > MAX_PAGE {
            return Err(CoreError::validation(
                "limit",
                format!("A page holds between 1 and {MAX_PAGE} items."),
            ));
        }
        Ok(self)
    }
}

/// One page of the log and how many entries match in all.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EntryPage {
    pub entries: Vec<EntryView>,
    pub total: u32,
    pub offset: u32,
}

/// The log a page at a time: only the page's entries are read and named, however long the
/// log has grown.
pub fn entry_page(store: &Store, filter: &LogFilter, page: PageRequest) -> Result<EntryPage> {
    let page = page.checked()?;
    let (from, to) = crate::periods::span(filter.period);
    let query = scrutiny::EntryQuery {
        from,
        to,
        area_id: filter.area_id.as_deref(),
        raised_by: filter.member_id.as_deref(),
        level: filter.assurance_level.as_deref(),
        open_actions: filter.open_actions,
    };
    let (entries, total) = scrutiny::entries_page(store.conn(), &query, page.offset, page.limit)?;
    Ok(EntryPage {
        entries: views(store, entries)?,
        total,
        offset: page.offset,
    })
}

/// Entries with their names resolved and actions attached.
pub(super) fn views(store: &Store, entries: Vec<Entry>) -> Result<Vec<EntryView>> {
    let areas = areas::all_areas(store)?;
    let levels = levels::assurance_levels(store)?;
    let members = board::list_members(store, MemberFilter::All)?;
    let today = dates::today();
    // The actions of all these entries in one query, and each meeting read once.
    let ids: Vec<&str> = entries.iter().map(|e| e.id.as_str()).collect();
    let mut all_actions: HashMap<String, Vec<Action>> = HashMap::new();
    for a in scrutiny::actions_for_entries(store.conn(), &ids)? {
        all_actions.entry(a.entry_id.clone()).or_default().push(a);
    }
    let mut meetings: HashMap<String, Option<Meeting>> = HashMap::new();
    entries
        .into_iter()
        .map(|e| {
            let meeting = match &e.meeting_id {
                Some(id) => match meetings.get(id) {
                    Some(m) => m.clone(),
                    None => {
                        let m = scrutiny::get_meeting(store.conn(), id)?;
                        meetings.insert(id.clone(), m.clone());
                        m
                    }
                },
                None => None,
            };
            let item_label = meeting.as_ref().and_then(|m| {
                m.items
                    .iter()
                    .find(|i| Some(&i.id) == e.agenda_item_id.as_ref())
                    .map(|i| format!("{} {}", i.number, i.title).trim().to_string())
            });
            let actions = all_actions
                .remove(&e.id)
                .unwrap_or_default()
                .into_iter()
                .map(|a| ActionView::new(a, today))
                .collect();
            Ok(EntryView {
                meeting_label: meeting.as_ref().map(|m| m.label()),
                item_label,
                area_title: areas
                    .iter()
                    .find(|a| a.id == e.area_id)
                    .map_or_else(|| e.area_id.clone(), |a| a.title.clone()),
                raised_by_name: members
                    .iter()
                    .find(|m| m.id == e.raised_by)
                    .map_or_else(String::new, |m| m.name.clone()),
                level_label: levels
                    .iter()
                    .find(|l| l.code == e.assurance_level)
                    .map_or_else(|| e.assurance_level.clone(), |l| l.label.clone()),
                actions,
                entry: e,
            })
        })
        .collect()
}

pub fn entry_history(store: &Store, id: &str) -> Result<Vec<RecordVersion<Entry>>> {
    existing(store, id)?;
    let names = Names {
        areas: areas::all_areas(store)?
            .into_iter()
            .map(|a| (a.id, a.title))
            .collect(),
        levels: levels::assurance_levels(store)?
            .into_iter()
            .map(|l| (l.code, l.label))
            .collect(),
        members: board::list_members(store, MemberFilter::All)?
            .into_iter()
            .map(|m| (m.id, m.name))
            .collect(),
    };
    crate::changes::described(store, ENTITY, id, "Logged", |a, b| {
        describe(store, a, b, &names)
    })
}

/// Ids to the names people read, for describing changes.
struct Names {
    areas: Vec<(String, String)>,
    levels: Vec<(String, String)>,
    members: Vec<(String, String)>,
}

fn name_of(list: &[(String, String)], id: &str) -> String {
    list.iter()
        .find(|(k, _)| k == id)
        .map_or_else(|| id.to_string(), |(_, v)| v.clone())
}

/// An entry's meeting and agenda item as read: "Board, 7 May 2026" and "4.2 Safeguarding
/// annual report". A meeting that cannot be read is shown by its id.
fn meeting_and_item(store: &Store, e: &Entry) -> (String, String) {
    let Some(id) = &e.meeting_id else {
        return (String::new(), String::new());
    };
    match scrutiny::get_meeting(store.conn(), id) {
        Ok(Some(m)) => {
            let item = m
                .items
                .iter()
                .find(|i| Some(&i.id) == e.agenda_item_id.as_ref())
                .map(|i| format!("{} {}", i.number, i.title).trim().to_string())
                .unwrap_or_default();
            (m.label(), item)
        }
        _ => (id.clone(), e.agenda_item_id.clone().unwrap_or_default()),
    }
}

fn describe(store: &Store, a: &Entry, b: &Entry, names: &Names) -> Vec<String> {
    let mut out = crate::changes::ChangeList::default();
    let evidence = |e: &Entry| {
        e.evidence
            .iter()
            .map(|k| k.label())
            .collect::<Vec<_>>()
            .join(", ")
    };
    out.field(
        "Date",
        &dates::dense(a.raised_on),
        &dates::dense(b.raised_on),
    );
    out.field(
        "Area",
        &name_of(&names.areas, &a.area_id),
        &name_of(&names.areas, &b.area_id),
    );
    out.field(
        "Raised by",
        &name_of(&names.members, &a.raised_by),
        &name_of(&names.members, &b.raised_by),
    );
    out.field("Challenge", &a.challenge, &b.challenge);
    out.field("Directed to", &a.directed_to, &b.directed_to);
    out.field("Response", &a.response, &b.response);
    out.field("Evidence", &evidence(a), &evidence(b));
    out.field(
        "Assurance level",
        &name_of(&names.levels, &a.assurance_level),
        &name_of(&names.levels, &b.assurance_level),
    );
    out.field("Minute reference", &a.minute_ref, &b.minute_ref);
    if a.meeting_id != b.meeting_id || a.agenda_item_id != b.agenda_item_id {
        let (meeting_a, item_a) = meeting_and_item(store, a);
        let (meeting_b, item_b) = meeting_and_item(store, b);
        out.field("Meeting", &meeting_a, &meeting_b);
        out.field("Agenda item", &item_a, &item_b);
    }
    out.lines()
}

fn valid(
    store: &Store,
    input: &EntryInput,
    id: String,
    created_at: String,
    updated_at: String,
) -> Result<Entry> {
    let text = |field: &str, label: &str, value: &str, required: bool| -> Result<String> {
        let v = value.trim().to_string();
        if required && v.is_empty() {
            return Err(CoreError::validation(field, format!("Enter {label}.")));
        }
        if v.chars().count() > MAX_TEXT {
            return Err(CoreError::validation(
                field,
                format!("Shorten {label} to {MAX_TEXT} characters or fewer."),
            ));
        }
        Ok(v)
    };
    // Every problem of the form is reported at once (see `error::all_of`).
    let mut problems = Vec::new();
    let meeting = match input.meeting_id.trim() {
        "" => None,
        id => {
            let m = scrutiny::get_meeting(store.conn(), id)?;
            if m.is_none() {
                problems.push(CoreError::validation(
                    "meetingId",
                    "That meeting no longer exists; choose another.",
                ));
            }
            m
        }
    };
    let agenda_item_id = match (input.agenda_item_id.trim(), &meeting) {
        ("", _) => None,
        (item, Some(m)) if m.items.iter().any(|i| i.id == item) => Some(item.to_string()),
        _ => {
            problems.push(CoreError::validation(
                "agendaItemId",
                "Choose an agenda item of the chosen meeting.",
            ));
            None
        }
    };
    let raised_on = if input.raised_on.trim().is_empty() {
        Some(meeting.as_ref().map_or_else(dates::today, |m| m.held_on))
    } else {
        noted(
            &mut problems,
            dates::parse_date(
                "raisedOn",
                "date the challenge was raised",
                &input.raised_on,
            ),
        )
    };
    if raised_on.is_some_and(|d| d > dates::today()) {
        problems.push(CoreError::validation(
            "raisedOn",
            "The date cannot be in the future: log a challenge once it has been raised.",
        ));
    }
    // An entry logged before the board changed its area set may keep its area when edited.
    let kept_area = || -> Result<bool> {
        Ok(scrutiny::get_entry(store.conn(), &id)?.is_some_and(|e| e.area_id == input.area_id))
    };
    if !areas::areas(store)?.iter().any(|a| a.id == input.area_id) && !kept_area()? {
        problems.push(CoreError::validation(
            "areaId",
            "Choose the assurance area the challenge is about.",
        ));
    }
    let raiser = match input.raised_by.trim() {
        "" => None,
        who => board::get_member(store, who).ok(),
    };
    if raiser.is_none() {
        problems.push(CoreError::validation(
            "raisedBy",
            "Choose who raised the challenge.",
        ));
    }
    let challenge = noted(
        &mut problems,
        text(
            "challenge",
            "the question or challenge",
            &input.challenge,
            true,
        ),
    );
    let directed_to = noted(
        &mut problems,
        text("directedTo", "who it was put to", &input.directed_to, false),
    );
    let response = noted(
        &mut problems,
        text("response", "the response", &input.response, false),
    );
    if !levels::assurance_levels(store)?
        .iter()
        .any(|l| l.code == input.assurance_level)
    {
        problems.push(CoreError::validation(
            "assuranceLevel",
            "Choose the level of assurance the answer gave.",
        ));
    }
    let minute_ref = noted(
        &mut problems,
        text(
            "minuteRef",
            "the minute reference",
            &input.minute_ref,
            false,
        ),
    );
    all_of(problems)?;
    let (
        Some(raised_on),
        Some(raiser),
        Some(challenge),
        Some(directed_to),
        Some(response),
        Some(minute_ref),
    ) = (
        raised_on,
        raiser,
        challenge,
        directed_to,
        response,
        minute_ref,
    )
    else {
        return Err(CoreError::internal(
            "a challenge check failed without saying why",
        ));
    };
    let mut evidence = input.evidence.clone();
    evidence.sort();
    evidence.dedup();
    Ok(Entry {
        id,
        meeting_id: meeting.map(|m| m.id),
        agenda_item_id,
        raised_on,
        area_id: input.area_id.clone(),
        raised_by: raiser.id,
        challenge,
        directed_to,
        response,
        evidence,
        assurance_level: input.assurance_level.clone(),
        minute_ref,
        created_at,
        updated_at,
    })
}
