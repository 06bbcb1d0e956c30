//! Importing an existing challenge log from a spreadsheet saved as CSV (read by `csvfile`,
//! its columns and words matched by `import`).
//!
//! Meetings are matched by kind and date, and created when unknown; so are kinds of meeting.
//! People are matched by name; an unknown name is reported (once, with its row count) unless
//! the person says to add it, or asks for every unknown person to be added. Every row is
//! checked first, and every problem of a row is reported: one bad row stops the import unless
//! `skip_invalid`; everything is written in one transaction; a row already in the log is
//! skipped, so re-importing adds nothing.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::{
    areas, levels, Action, ActionStatus, AgendaItem, CustomArea, Entry, EvidenceSource, Meeting,
    MeetingKind, MeetingPart,
};
use crate::board::{self, MemberFilter, MemberInput, MemberKind};
use crate::codes::loose;
use crate::csvfile::{self, name_key};
use crate::dates;
use crate::error::Result;
use crate::import::{
    self, Field, ImportKind, ImportOptions, MappingReport, Resolved, ValueTarget, Vocabulary,
};
use crate::periods::ALL_TIME;
use crate::scrutiny::repo as scrutiny;
use crate::store::entity::Entity;
use crate::store::{self, history, Store};
use crate::training::RejectedRow;

/// The columns read, with the other names spreadsheets give them.
pub const FIELDS: &[Field] = &[
    Field {
        name: "Date",
        required: true,
        aliases: &[
            "Date raised",
            "Raised on",
            "Meeting date",
            "Date of meeting",
            "Date of challenge",
        ],
    },
    Field {
        name: "Meeting",
        required: false,
        aliases: &[
            "Meeting name",
            "Forum",
            "Committee",
            "Meeting type",
            "Board or committee",
        ],
    },
    Field {
        name: "Agenda item",
        required: false,
        aliases: &["Item", "Agenda", "Agenda item number", "Paper"],
    },
    Field {
        name: "Assurance area",
        required: true,
        aliases: &[
            "Area",
            "Safeguarding area",
            "Theme",
            "Topic",
            "Area of assurance",
        ],
    },
    Field {
        name: "Raised by",
        required: true,
        aliases: &[
            "Raised",
            "Asked by",
            "Challenger",
            "NED",
            "Non-executive",
            "Member",
            "Challenged by",
        ],
    },
    Field {
        name: "Challenge",
        required: true,
        aliases: &[
            "Question",
            "Question asked",
            "Challenge raised",
            "Query",
            "Challenge or question",
        ],
    },
    Field {
        name: "Directed to",
        required: false,
        aliases: &["Asked of", "Addressed to", "To", "Directed at", "Responder"],
    },
    Field {
        name: "Response",
        required: false,
        aliases: &["Answer", "Reply", "Response given", "Response received"],
    },
    Field {
        name: "Evidence",
        required: false,
        aliases: &[
            "Evidence offered",
            "Evidence type",
            "Evidence provided",
            "Evidence source",
            "Sources of evidence",
        ],
    },
    Field {
        name: "Assurance level",
        required: true,
        aliases: &[
            "Level",
            "Assurance",
            "Level of assurance",
            "Assurance rating",
            "Assurance given",
        ],
    },
    Field {
        name: "Action",
        required: false,
        aliases: &["Action agreed", "Follow-up action", "Follow up", "Actions"],
    },
    Field {
        name: "Action owner",
        required: false,
        aliases: &[
            "Owner",
            "Lead",
            "Action lead",
            "Responsible",
            "Responsible officer",
        ],
    },
    Field {
        name: "Due date",
        required: false,
        aliases: &["Due", "Due by", "Target date", "Deadline", "Date due"],
    },
    Field {
        name: "Action status",
        required: false,
        aliases: &["Status", "RAG", "Progress"],
    },
    Field {
        name: "Minute ref",
        required: false,
        aliases: &["Minute", "Minute reference", "Minutes ref", "Minute number"],
    },
];

const DATE: usize = 0;
const MEETING: usize = 1;
const ITEM: usize = 2;
const AREA: usize = 3;
const RAISED_BY: usize = 4;
const CHALLENGE: usize = 5;
const DIRECTED_TO: usize = 6;
const RESPONSE: usize = 7;
const EVIDENCE: usize = 8;
const LEVEL: usize = 9;
const ACTION: usize = 10;
const OWNER: usize = 11;
const DUE: usize = 12;
const STATUS: usize = 13;
const MINUTE: usize = 14;

/// The values the log's coded columns can take: this organisation's areas, levels, kinds of
/// meeting and members, and the app's evidence kinds and action statuses.
pub fn vocabularies(store: &Store, create_people: bool) -> Result<Vec<Vocabulary>> {
    let pairs = |v: Vec<(String, String)>| v;
    Ok(vec![
        Vocabulary {
            field: FIELDS[AREA].name,
            options: pairs(
                areas::areas(store)?
                    .into_iter()
                    .map(|a| (a.id, a.title))
                    .collect(),
            ),
            create: Some("Add it as one of the organisation's own assurance areas"),
            unknown: None,
            list: false,
        },
        Vocabulary {
            field: FIELDS[MEETING].name,
            options: scrutiny::meeting_kinds(store.conn())?
                .into_iter()
                .map(|k| (k.code, k.label))
                .collect(),
            create: Some("Add it as a new kind of meeting"),
            // Kinds of meeting have always been added as met; the report names each one.
            unknown: Some(ValueTarget::Create),
            list: false,
        },
        Vocabulary {
            field: FIELDS[RAISED_BY].name,
            options: board::list_members(store, MemberFilter::All)?
                .into_iter()
                .map(|m| (m.id, m.name))
                .collect(),
            create: Some("Add them to the board register"),
            unknown: create_people.then_some(ValueTarget::Create),
            list: false,
        },
        Vocabulary {
            field: FIELDS[EVIDENCE].name,
            options: EvidenceSource::ALL
                .iter()
                .map(|e| (e.code().to_string(), e.label().to_string()))
                .collect(),
            create: None,
            unknown: None,
            list: true,
        },
        Vocabulary {
            field: FIELDS[LEVEL].name,
            options: levels::assurance_levels(store)?
                .into_iter()
                .map(|l| (l.code, l.label))
                .collect(),
            create: None,
            unknown: None,
            list: false,
        },
        Vocabulary {
            field: FIELDS[STATUS].name,
            options: ActionStatus::ALL
                .iter()
                .map(|s| (s.code().to_string(), s.label().to_string()))
                .collect(),
            create: None,
            unknown: None,
            list: false,
        },
    ])
}

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
    /// Areas the log named that the organisation did not have, added as its own.
    pub areas_created: Vec<String>,
    pub rejected: Vec<RejectedRow>,
    /// Rows holding a value the person chose to leave out.
    pub left_out: u32,
    /// Rows holding a value still unknown: they stop the import, or are skipped with
    /// `skip_invalid`. Each value is in `mapping.values`, once, with its row count.
    pub unknown_rows: u32,
    pub ignored_columns: Vec<String>,
    /// Where each field was found, and what each of the file's words was taken to mean.
    pub mapping: MappingReport,
    /// True when the person asked only to see what would happen.
    pub dry_run: bool,
    /// False when bad rows stopped the import, or on a dry run: nothing was written.
    pub imported: bool,
}

/// A value a row names: one the organisation has, or one the import will add.
#[derive(Clone)]
enum Named {
    Known(String),
    New(String),
}

impl Named {
    fn from(resolved: Resolved<'_>) -> Option<Named> {
        match resolved {
            Resolved::Use(code) => Some(Named::Known(code.to_string())),
            Resolved::Create(text) => Some(Named::New(text.to_string())),
            _ => None,
        }
    }
}

/// What one good row will write.
#[derive(Clone)]
struct Planned {
    meeting: Option<(Named, NaiveDate)>,
    item: Option<String>,
    area: Named,
    raiser: Named,
    entry: Entry,
    action: Option<Action>,
}

/// Imports the log at `path` as `options` say: all or nothing unless `skip_invalid`, and
/// nothing at all on a dry run. What the person said about columns and values is remembered
/// for the organisation once an import goes ahead.
pub fn import_scrutiny_csv(
    store: &mut Store,
    path: &Path,
    options: &ImportOptions,
) -> Result<ScrutinyImportReport> {
    let remembered = import::remembered_mapping(store.conn(), ImportKind::ScrutinyLog)?;
    let vocabularies = vocabularies(store, options.create_people)?;
    let mapped = import::map(
        csvfile::read_file(path)?,
        FIELDS,
        &vocabularies,
        &options.mapping,
        &remembered,
    )?;
    mapped.report.require_columns()?;
    let today = dates::today();
    let members = board::list_members(store, MemberFilter::All)?;
    let name_of = |id: &str| {
        members
            .iter()
            .find(|m| m.id == id)
            .map_or(String::new(), |m| m.name.clone())
    };
    let mut seen: HashSet<(NaiveDate, String, String)> = HashSet::new();
    for e in scrutiny::entries_between(store.conn(), ALL_TIME.0, ALL_TIME.1)? {
        seen.insert((
            e.raised_on,
            name_key(&name_of(&e.raised_by)),
            name_key(&e.challenge),
        ));
    }
    let mut report = ScrutinyImportReport {
        file_name: import::file_name(path),
        encoding: mapped.table.encoding.into(),
        rows: mapped.table.rows.len() as u32,
        added: 0,
        already_recorded: 0,
        meetings_created: 0,
        kinds_created: Vec::new(),
        people_created: 0,
        actions_added: 0,
        areas_created: Vec::new(),
        rejected: Vec::new(),
        left_out: 0,
        unknown_rows: 0,
        ignored_columns: mapped.report.unread_columns(),
        mapping: mapped.report.clone(),
        dry_run: options.dry_run,
        imported: false,
    };
    let mut planned = Vec::new();
    for row in &mapped.table.rows {
        let text = |f: usize| mapped.text(row, f).to_string();
        // Coded cells first: a row left out or holding an unknown word is counted, not
        // reported row by row (the mapping report names each word once).
        let mut coded = vec![
            mapped.value(row, AREA),
            mapped.value(row, MEETING),
            mapped.value(row, RAISED_BY),
            mapped.value(row, LEVEL),
            mapped.value(row, STATUS),
        ];
        coded.extend(mapped.values(row, EVIDENCE));
        if coded.contains(&Resolved::LeaveOut) {
            report.left_out += 1;
            continue;
        }
        if coded.iter().any(|c| matches!(c, Resolved::Unknown(_))) {
            report.unknown_rows += 1;
            continue;
        }
        let mut problems: Vec<String> = Vec::new();
        let date = match dates::parse_date("date", "date", &text(DATE)) {
            Ok(d) if d > today => {
                problems.push("The date is in the future.".into());
                None
            }
            Ok(d) => Some(d),
            Err(e) => {
                problems.push(e.message);
                None
            }
        };
        // A word to be added as a new area or kind of meeting meets the rules a name typed in
        // the window meets.
        let new_name =
            |named: &Option<Named>, what: &str, max: usize, problems: &mut Vec<String>| {
                if let Some(Named::New(name)) = named {
                    if let Err(e) = board::validate::required_text("name", what, name, max) {
                        problems.push(e.message);
                    }
                }
            };
        let area = Named::from(mapped.value(row, AREA));
        if area.is_none() {
            problems.push("The assurance area is empty.".into());
        }
        new_name(
            &area,
            "the name of a new assurance area",
            areas::MAX_AREA_TITLE,
            &mut problems,
        );
        new_name(
            &Named::from(mapped.value(row, MEETING)),
            "the name of a new kind of meeting",
            super::meetings::MAX_KIND_LABEL,
            &mut problems,
        );
        let raiser = Named::from(mapped.value(row, RAISED_BY));
        if raiser.is_none() {
            problems.push("Raised by is empty.".into());
        }
        let challenge = text(CHALLENGE);
        if challenge.is_empty() {
            problems.push("The challenge is empty.".into());
        }
        let level = match mapped.value(row, LEVEL) {
            Resolved::Use(code) => Some(code.to_string()),
            _ => {
                problems.push("The assurance level is empty.".into());
                None
            }
        };
        let mut evidence: Vec<EvidenceSource> = mapped
            .values(row, EVIDENCE)
            .into_iter()
            .filter_map(|v| match v {
                Resolved::Use(code) => EvidenceSource::parse("evidence", code).ok(),
                _ => None,
            })
            .collect();
        evidence.sort();
        evidence.dedup();
        let meeting = match (Named::from(mapped.value(row, MEETING)), date) {
            (Some(kind), Some(d)) => Some((kind, d)),
            _ => None,
        };
        let item = match text(ITEM).as_str() {
            "" => None,
            _ if text(MEETING).is_empty() => {
                problems.push("An agenda item is given without a meeting.".into());
                None
            }
            item => Some(item.to_string()),
        };
        let entry_id = store::new_id();
        let now = dates::now_utc();
        let action = match text(ACTION).as_str() {
            "" => None,
            description => {
                let owner = text(OWNER);
                if owner.is_empty() {
                    problems.push("The action has no owner.".into());
                }
                let due_on = dates::parse_optional_date("dueOn", "due date", &text(DUE))
                    .unwrap_or_else(|e| {
                        problems.push(e.message);
                        None
                    });
                let status = match mapped.value(row, STATUS) {
                    Resolved::Use(code) => {
                        ActionStatus::parse("status", code).unwrap_or(ActionStatus::Open)
                    }
                    _ => ActionStatus::Open,
                };
                let owner_member_id = members
                    .iter()
                    .find(|m| name_key(&m.name) == name_key(&owner))
                    .map(|m| m.id.clone());
                // The log has no column for where an action went or how it closed; the
                // action says so, rather than being left without what its status needs.
                let closed = status == ActionStatus::Closed;
                let escalated = status == ActionStatus::Escalated;
                let raised = date.unwrap_or(today);
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
                    closed_on: closed.then(|| due_on.filter(|d| *d <= today).unwrap_or(raised)),
                    created_at: now.clone(),
                    updated_at: now.clone(),
                })
            }
        };
        let (Some(date), Some(area), Some(raiser), Some(level), true) =
            (date, area, raiser, level, problems.is_empty())
        else {
            report.rejected.push(RejectedRow {
                line: row.line,
                name: text(RAISED_BY),
                reason: problems.join(" "),
            });
            continue;
        };
        let raiser_name = match &raiser {
            Named::Known(id) => name_of(id),
            Named::New(name) => name.clone(),
        };
        if !seen.insert((date, name_key(&raiser_name), name_key(&challenge))) {
            report.already_recorded += 1;
            continue;
        }
        planned.push(Planned {
            meeting,
            item,
            area,
            raiser,
            entry: Entry {
                id: entry_id,
                meeting_id: None,
                agenda_item_id: None,
                raised_on: date,
                area_id: String::new(),
                raised_by: String::new(),
                challenge,
                directed_to: text(DIRECTED_TO),
                response: text(RESPONSE),
                evidence,
                assurance_level: level,
                minute_ref: text(MINUTE),
                created_at: now.clone(),
                updated_at: now,
            },
            action,
        });
    }
    if import::stops_here(
        ImportKind::ScrutinyLog,
        options,
        report.rejected.len(),
        report.unknown_rows,
        &report.mapping,
    ) {
        report.added = planned.len() as u32;
        return Ok(report);
    }

    let mut kinds = scrutiny::meeting_kinds(store.conn())?;
    let keep = mapped.report.to_keep();
    let counts = store.write(|tx| {
        let mut meetings: HashMap<(String, NaiveDate), Meeting> = HashMap::new();
        let mut people: HashMap<String, String> = HashMap::new();
        let mut new_areas: HashMap<String, String> = HashMap::new();
        let (mut meetings_created, mut people_created, mut actions_added) = (0, 0, 0);
        let mut kinds_created = Vec::new();
        let mut areas_created = Vec::new();
        for p in &planned {
            let mut p = p.clone();
            if let Some((kind, date)) = &p.meeting {
                let kind = match kind {
                    Named::Known(code) => kinds
                        .iter()
                        .find(|k| &k.code == code)
                        .cloned()
                        .ok_or_else(|| crate::error::CoreError::internal("kind vanished"))?,
                    Named::New(name) => match kinds.iter().find(|k| loose(&k.label) == loose(name))
                    {
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
                    },
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
            p.entry.area_id = match &p.area {
                Named::Known(id) => id.clone(),
                Named::New(title) => match new_areas.get(&loose(title)) {
                    Some(id) => id.clone(),
                    None => {
                        let area = CustomArea {
                            id: format!("own.{}", store::new_id()),
                            title: title.clone(),
                            text: String::new(),
                        };
                        scrutiny::add_custom_area(tx, &area, &dates::now_utc())?;
                        history::record(tx, Entity::AssuranceArea, &area.id, "imported", &area)?;
                        areas_created.push(area.title.clone());
                        new_areas.insert(loose(title), area.id.clone());
                        area.id
                    }
                },
            };
            p.entry.raised_by = match &p.raiser {
                Named::Known(id) => id.clone(),
                Named::New(name) => match people.get(&name_key(name)) {
                    Some(id) => id.clone(),
                    None => {
                        let m = board::insert_member(
                            tx,
                            board::validate_member(&MemberInput {
                                name: name.clone(),
                                kind: Some(MemberKind::NonExecutive),
                                roles: Vec::new(),
                                job_title: "Added by the scrutiny log import".into(),
                                start_date: p.entry.raised_on.to_string(),
                                end_date: String::new(),
                                committees: Vec::new(),
                            })?,
                        )?;
                        people_created += 1;
                        people.insert(name_key(name), m.id.clone());
                        m.id
                    }
                },
            };
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
        import::remember_mapping(tx, ImportKind::ScrutinyLog, &keep)?;
        Ok((
            meetings_created,
            kinds_created,
            people_created,
            actions_added,
            areas_created,
        ))
    })?;
    report.added = planned.len() as u32;
    (
        report.meetings_created,
        report.kinds_created,
        report.people_created,
        report.actions_added,
        report.areas_created,
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

/// The action owners the file names that are not members' names, with how many rows name
/// each, and who holds each post: what the import step offers to tie.
pub fn posts_named(store: &Store, mapped: &import::Mapped) -> Result<Vec<board::PostUse>> {
    let mut names: Vec<(String, u32)> = Vec::new();
    for row in &mapped.table.rows {
        let owner = mapped.text(row, OWNER);
        if owner.is_empty() || mapped.text(row, ACTION).is_empty() {
            continue;
        }
        match names
            .iter_mut()
            .find(|(n, _)| name_key(n) == name_key(owner))
        {
            Some((_, count)) => *count += 1,
            None => names.push((owner.to_string(), 1)),
        }
    }
    names.sort_by_key(|n| std::cmp::Reverse(n.1));
    board::post_uses(store, &names, dates::today())
}
