//! Importing an existing challenge log from a spreadsheet saved as CSV (read by `csvfile`).
//!
//! Meetings are matched by name and date, and created when unknown. People are matched by
//! name; an unknown name is an error unless the caller asks for people to be created. Every
//! row is checked first: one bad row stops the import unless `skip_invalid`; everything is
//! written in one transaction; a row already in the log is skipped, so re-importing adds nothing.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::{
    areas, levels, Action, ActionStatus, AgendaItem, Entry, EvidenceSource, Meeting, MeetingKind,
    MeetingPart,
};
use crate::board::{self, MemberFilter, MemberInput, MemberKind};
use crate::codes::loose;
use crate::csvfile::{self, name_key, Column};
use crate::dates;
use crate::error::Result;
use crate::periods::ALL_TIME;
use crate::scrutiny::repo as scrutiny;
use crate::store::entity::Entity;
use crate::store::{self, history, Store};
use crate::training::RejectedRow;

const COLUMNS: &[Column] = &[
    Column {
        name: "Date",
        required: true,
    },
    Column {
        name: "Meeting",
        required: false,
    },
    Column {
        name: "Agenda item",
        required: false,
    },
    Column {
        name: "Assurance area",
        required: true,
    },
    Column {
        name: "Raised by",
        required: true,
    },
    Column {
        name: "Challenge",
        required: true,
    },
    Column {
        name: "Directed to",
        required: false,
    },
    Column {
        name: "Response",
        required: false,
    },
    Column {
        name: "Evidence",
        required: false,
    },
    Column {
        name: "Assurance level",
        required: true,
    },
    Column {
        name: "Action",
        required: false,
    },
    Column {
        name: "Action owner",
        required: false,
    },
    Column {
        name: "Due date",
        required: false,
    },
    Column {
        name: "Action status",
        required: false,
    },
    Column {
        name: "Minute ref",
        required: false,
    },
];

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ScrutinyImportReport {
    pub file_name: String,
    pub encoding: String,
    pub rows: u32,
    pub added: u32,
    pub already_recorded: u32,
    pub meetings_created: u32,
    /// Kinds of meeting the log named that the organisation did not have, now added (check
    /// them: a misspelt name becomes a kind of its own).
    pub kinds_created: Vec<String>,
    pub people_created: u32,
    pub actions_added: u32,
    pub rejected: Vec<RejectedRow>,
    pub ignored_columns: Vec<String>,
    /// False when bad rows stopped the import and nothing was written.
    pub imported: bool,
}

/// What one good row will write.
#[derive(Clone)]
struct Planned {
    meeting: Option<(String, NaiveDate)>,
    item: Option<String>,
    raiser: String,
    entry: Entry,
    action: Option<Action>,
}

pub fn import_scrutiny_csv(
    store: &mut Store,
    path: &Path,
    skip_invalid: bool,
    create_people: bool,
) -> Result<ScrutinyImportReport> {
    let table = csvfile::read_file(path, COLUMNS)?;
    let today = dates::today();
    let areas = areas::areas(store)?;
    let levels = levels::assurance_levels(store)?;
    let members = board::list_members(store, MemberFilter::All)?;
    let mut seen: HashSet<(NaiveDate, String, String)> = HashSet::new();
    for e in scrutiny::entries_between(store.conn(), ALL_TIME.0, ALL_TIME.1)? {
        let name = members
            .iter()
            .find(|m| m.id == e.raised_by)
            .map_or("", |m| m.name.as_str());
        seen.insert((e.raised_on, name_key(name), name_key(&e.challenge)));
    }
    let mut report = ScrutinyImportReport {
        file_name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        encoding: table.encoding.into(),
        rows: table.rows.len() as u32,
        added: 0,
        already_recorded: 0,
        meetings_created: 0,
        kinds_created: Vec::new(),
        people_created: 0,
        actions_added: 0,
        rejected: Vec::new(),
        ignored_columns: table.ignored_columns.clone(),
        imported: false,
    };
    let mut planned = Vec::new();
    for row in &table.rows {
        let f = |c: usize| table.get(row, c).to_string();
        let reject = |reason: String| RejectedRow {
            line: row.line,
            name: f(4),
            reason,
        };
        let checked = (|| -> std::result::Result<Option<Planned>, String> {
            let date = dates::parse_date("date", "date", &f(0)).map_err(|e| e.message)?;
            if date > today {
                return Err("The date is in the future.".into());
            }
            let area = areas
                .iter()
                .find(|a| loose(&a.title) == loose(&f(3)) || a.id == f(3))
                .ok_or_else(|| {
                    format!(
                        "'{}' is not one of the organisation's assurance areas.",
                        crate::error::shown(&f(3))
                    )
                })?;
            let raiser_name = f(4);
            if raiser_name.is_empty() {
                return Err("Raised by is empty.".into());
            }
            let known = members
                .iter()
                .filter(|m| name_key(&m.name) == name_key(&raiser_name))
                .count();
            if known == 0 && !create_people {
                return Err(format!(
                    "No board member is called '{raiser_name}'. Add them first, or import with --create-people."
                ));
            }
            if known > 1 {
                return Err(format!(
                    "More than one board member is called '{raiser_name}'."
                ));
            }
            let challenge = f(5);
            if challenge.is_empty() {
                return Err("The challenge is empty.".into());
            }
            let level = levels
                .iter()
                .find(|l| loose(&l.label) == loose(&f(9)) || l.code == f(9))
                .ok_or_else(|| {
                    let names: Vec<&str> = levels.iter().map(|l| l.label.as_str()).collect();
                    format!(
                        "Unknown assurance level '{}'. Use one of: {}.",
                        crate::error::shown(&f(9)),
                        names.join(", ")
                    )
                })?;
            let mut evidence = Vec::new();
            for part in f(8)
                .split([';', ','])
                .map(str::trim)
                .filter(|p| !p.is_empty())
            {
                evidence.push(EvidenceSource::parse("evidence", part).map_err(|e| e.message)?);
            }
            evidence.sort();
            evidence.dedup();
            if !seen.insert((date, name_key(&raiser_name), name_key(&challenge))) {
                return Ok(None);
            }
            let meeting = match f(1).as_str() {
                "" => None,
                name => Some((name.to_string(), date)),
            };
            let item = match (f(2).as_str(), &meeting) {
                ("", _) => None,
                (_, None) => return Err("An agenda item is given without a meeting.".into()),
                (item, Some(_)) => Some(item.to_string()),
            };
            let entry_id = store::new_id();
            let now = dates::now_utc();
            let action = match f(10).as_str() {
                "" => None,
                description => {
                    let owner = f(11);
                    if owner.is_empty() {
                        return Err("The action has no owner.".into());
                    }
                    let due_on = dates::parse_optional_date("dueOn", "due date", &f(12))
                        .map_err(|e| e.message)?;
                    let status = match f(13).as_str() {
                        "" => ActionStatus::Open,
                        s => ActionStatus::parse("status", s).map_err(|e| e.message)?,
                    };
                    let owner_member_id = members
                        .iter()
                        .find(|m| name_key(&m.name) == name_key(&owner))
                        .map(|m| m.id.clone());
                    // The log has no column for where an action went or how it closed; the
                    // action says so, rather than being left without what its status needs.
                    let closed = status == ActionStatus::Closed;
                    let escalated = status == ActionStatus::Escalated;
                    Some(Action {
                        id: store::new_id(),
                        entry_id: entry_id.clone(),
                        description: description.to_string(),
                        owner_member_id,
                        owner_name: owner,
                        due_on,
                        status,
                        escalated_to: if escalated {
                            "Not given in the imported log.".into()
                        } else {
                            String::new()
                        },
                        closure_note: if closed {
                            "Closed before the log was imported.".into()
                        } else {
                            String::new()
                        },
                        closed_on: closed.then(|| due_on.filter(|d| *d <= today).unwrap_or(date)),
                        created_at: now.clone(),
                        updated_at: now.clone(),
                    })
                }
            };
            Ok(Some(Planned {
                meeting,
                item,
                raiser: raiser_name,
                entry: Entry {
                    id: entry_id,
                    meeting_id: None,
                    agenda_item_id: None,
                    raised_on: date,
                    area_id: area.id.clone(),
                    raised_by: String::new(),
                    challenge,
                    directed_to: f(6),
                    response: f(7),
                    evidence,
                    assurance_level: level.code.clone(),
                    minute_ref: f(14),
                    created_at: now.clone(),
                    updated_at: now,
                },
                action,
            }))
        })();
        match checked {
            Ok(Some(p)) => planned.push(p),
            Ok(None) => report.already_recorded += 1,
            Err(reason) => report.rejected.push(reject(reason)),
        }
    }
    if !report.rejected.is_empty() && !skip_invalid {
        tracing::warn!(rejected = report.rejected.len(), "scrutiny import refused");
        return Ok(report);
    }

    let mut kinds = scrutiny::meeting_kinds(store.conn())?;
    let counts = store.write(|tx| {
        let mut meetings: HashMap<(String, NaiveDate), Meeting> = HashMap::new();
        let mut people: HashMap<String, String> = members
            .iter()
            .map(|m| (name_key(&m.name), m.id.clone()))
            .collect();
        let (mut meetings_created, mut people_created, mut actions_added) = (0, 0, 0);
        let mut kinds_created = Vec::new();
        for p in &planned {
            let mut p = p.clone();
            if let Some((name, date)) = &p.meeting {
                let kind = match kinds.iter().find(|k| {
                    loose(&k.label) == loose(name)
                        || loose(&k.label) == loose(name.trim_end_matches(" meeting"))
                }) {
                    Some(k) => k.clone(),
                    None => {
                        let k = MeetingKind {
                            code: format!("kind-{}", store::new_id()),
                            label: name.clone(),
                        };
                        scrutiny::add_meeting_kind(tx, &k)?;
                        history::record(tx, Entity::MeetingKind, &k.code, "imported", &k)?;
                        kinds_created.push(k.label.clone());
                        kinds.push(k.clone());
                        k
                    }
                };
                let key = (kind.code.clone(), *date);
                if !meetings.contains_key(&key) {
                    let m =
                        match scrutiny::find_meeting(tx, &kind.code, *date, MeetingPart::Public)? {
                            Some(m) => m,
                            None => {
                                meetings_created += 1;
                                let now = dates::now_utc();
                                let m = Meeting {
                                    id: store::new_id(),
                                    kind: kind.code.clone(),
                                    kind_label: kind.label.clone(),
                                    held_on: *date,
                                    part: MeetingPart::Public,
                                    items: Vec::new(),
                                    attendance: Vec::new(),
                                    created_at: now.clone(),
                                    updated_at: now,
                                };
                                scrutiny::save_meeting(tx, &m)?;
                                m
                            }
                        };
                    meetings.insert(key.clone(), m);
                }
                let meeting = meetings.get_mut(&key).expect("just inserted");
                p.entry.meeting_id = Some(meeting.id.clone());
                if let Some(item) = &p.item {
                    let (number, title) = split_item(item);
                    let found = meeting.items.iter().find(|i| {
                        loose(&format!("{} {}", i.number, i.title)) == loose(item)
                            || loose(&i.title) == loose(&title)
                    });
                    let id = match found {
                        Some(i) => i.id.clone(),
                        None => {
                            let i = AgendaItem {
                                id: store::new_id(),
                                number,
                                title,
                                paper_ref: String::new(),
                                executive_lead: String::new(),
                            };
                            // Only the new item is written: rewriting the whole agenda for
                            // every row would slow a large log's import row by row.
                            scrutiny::append_agenda_item(tx, &meeting.id, &i)?;
                            meeting.items.push(i.clone());
                            i.id
                        }
                    };
                    p.entry.agenda_item_id = Some(id);
                }
            }
            let raiser_id = match people.get(&name_key(&p.raiser)) {
                Some(id) => id.clone(),
                None => {
                    let m = board::insert_member(
                        tx,
                        board::validate_member(&MemberInput {
                            name: p.raiser.clone(),
                            kind: Some(MemberKind::NonExecutive),
                            roles: Vec::new(),
                            job_title: "Added by the scrutiny log import".into(),
                            start_date: p.entry.raised_on.to_string(),
                            end_date: String::new(),
                            committees: Vec::new(),
                        })?,
                    )?;
                    people_created += 1;
                    people.insert(name_key(&p.raiser), m.id.clone());
                    m.id
                }
            };
            p.entry.raised_by = raiser_id;
            scrutiny::save_entry(tx, &p.entry)?;
            history::record_searched(tx, &p.entry.id, "imported", &p.entry)?;
            if let Some(a) = &p.action {
                scrutiny::save_action(tx, a)?;
                history::record_searched(tx, &a.id, "imported", a)?;
                actions_added += 1;
            }
        }
        for m in meetings.values() {
            history::record_searched(tx, &m.id, "imported", m)?;
        }
        Ok((
            meetings_created,
            kinds_created,
            people_created,
            actions_added,
        ))
    })?;
    report.added = planned.len() as u32;
    (
        report.meetings_created,
        report.kinds_created,
        report.people_created,
        report.actions_added,
    ) = counts;
    report.imported = true;
    tracing::info!(added = report.added, "scrutiny log imported");
    Ok(report)
}

/// "4.2 Safeguarding annual report" → ("4.2", "Safeguarding annual report").
fn split_item(text: &str) -> (String, String) {
    match text.split_once(char::is_whitespace) {
        Some((n, rest)) if n.chars().next().is_some_and(|c| c.is_ascii_digit()) => {
            (n.trim_end_matches('.').to_string(), rest.trim().to_string())
        }
        _ => (String::new(), text.trim().to_string()),
    }
}
