//! `boardassure meetings|scrutiny|actions|coverage|areas`: the board's scrutiny record.

use std::io::Write;

use clap::{Args, Subcommand};

use super::{imports, line, print_json};
use crate::board::{self, MemberFilter};
use crate::dates;
use crate::error::{CoreError, Result};
use crate::import::ImportKind;
use crate::periods::Period;
use crate::scrutiny::{
    self, ActionFilter, ActionInput, ActionStatus, AgendaItemInput, CustomAreaInput, EntryInput,
    EvidenceSource, LogFilter, MeetingInput, MeetingPart,
};
use crate::store::Store;

#[derive(Debug, Subcommand)]
pub enum MeetingsCommand {
    /// Meetings, most recent first
    List {
        /// A financial year (2025/26) or quarter (2025/26-Q3)
        #[arg(long)]
        period: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Record a meeting and its agenda
    Add {
        /// board, quality-committee, safeguarding-committee, or another kind's name
        #[arg(long)]
        kind: String,
        #[arg(long, value_name = "DATE")]
        date: String,
        /// public or private
        #[arg(long, default_value = "public")]
        part: String,
        /// An agenda item as "NUMBER|TITLE|PAPER REF|EXECUTIVE LEAD"; repeatable
        #[arg(long = "item", value_name = "ITEM")]
        items: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// A meeting with its items, entries and actions
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Every version of a meeting: when, by whom, what changed
    History {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// The questions this laptop's user plans to ask at a coming meeting (kept on this laptop)
    Questions {
        /// The meeting's id
        meeting: String,
        /// Plan another question
        #[arg(long)]
        add: Option<String>,
        /// The agenda item it is for (its id)
        #[arg(long, requires = "add", default_value = "")]
        item: String,
        /// The assurance area it is about (its id)
        #[arg(long, requires = "add", default_value = "")]
        area: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ScrutinyCommand {
    /// The challenge log, most recent first
    List {
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long)]
        json: bool,
    },
    /// Log a challenge
    Add {
        /// The assurance area's id (see `areas list`)
        #[arg(long)]
        area: String,
        /// The member who raised it (their id)
        #[arg(long)]
        raised_by: String,
        #[arg(long)]
        challenge: String,
        /// substantial, reasonable, limited or none (or the scale's labels)
        #[arg(long)]
        level: String,
        /// The date raised [default: the meeting's date, or today]
        #[arg(long, value_name = "DATE", default_value = "")]
        date: String,
        #[arg(long, default_value = "")]
        meeting: String,
        #[arg(long, default_value = "")]
        item: String,
        #[arg(long, default_value = "")]
        to: String,
        #[arg(long, default_value = "")]
        response: String,
        /// annual-report, audit, cqc-inspection, section-11-audit, dashboard, plan,
        /// risk-register, staff-survey, partnership-chair, voice, other; repeatable
        #[arg(long = "evidence", value_name = "KIND")]
        evidence: Vec<String>,
        #[arg(long, default_value = "")]
        minute: String,
        #[arg(long)]
        json: bool,
    },
    /// Every version of an entry: when, by whom, what changed
    History {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Import an existing log from CSV (fields: Date, Meeting, Agenda item, Assurance area,
    /// Raised by, Challenge, Directed to, Response, Evidence, Assurance level, Action,
    /// Action owner, Due date, Action status, Minute ref; common other column names are
    /// recognised, and --column says which column is which)
    #[command(
        after_help = "All-or-nothing: if any row is bad or holds a word the app cannot place, nothing is imported. Each unknown word is listed once with its row count and the nearest label; map it with --map. What --column and --map say is remembered for the organisation, so the next file from the same spreadsheet needs neither."
    )]
    Import {
        #[command(flatten)]
        args: super::imports::ImportArgs,
        /// Add people the file names who are not in the register, as non-executive members
        #[arg(long)]
        create_people: bool,
    },
}

#[derive(Debug, Args)]
pub struct FilterArgs {
    #[arg(long)]
    period: Option<String>,
    /// An assurance area's id
    #[arg(long)]
    area: Option<String>,
    /// Entries raised by this member (their id)
    #[arg(long)]
    member: Option<String>,
    /// An assurance level code
    #[arg(long)]
    level: Option<String>,
    /// Only entries with an action not yet closed
    #[arg(long)]
    open_actions: bool,
}

#[derive(Debug, Subcommand)]
pub enum ActionsCommand {
    /// Follow-up actions not yet closed, overdue first
    List {
        #[arg(long)]
        overdue: bool,
        /// Include closed actions
        #[arg(long, conflicts_with = "overdue")]
        all: bool,
        /// Only actions on challenges raised in this period (2025/26 or 2025/26-Q3)
        #[arg(long)]
        period: Option<String>,
        /// Only one owner's: a member's id or name (with the actions of the posts they hold),
        /// or an officer's name or post ("Chief Nurse")
        #[arg(long)]
        owner: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Add a follow-up action to an entry
    Add {
        /// The entry's id
        entry: String,
        #[arg(long)]
        description: String,
        /// A member's id, or an officer's name
        #[arg(long)]
        owner: String,
        #[arg(long, value_name = "DATE", default_value = "")]
        due: String,
    },
    /// Close an action with a note saying how
    Close {
        id: String,
        #[arg(long)]
        note: String,
        #[arg(long, value_name = "DATE", default_value = "")]
        on: String,
    },
    /// Every version of an action: when, by whom, what changed
    History {
        id: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum AreasCommand {
    /// The organisation's assurance areas
    List {
        #[arg(long)]
        json: bool,
    },
    /// The shipped sets of areas, and which is in use
    Sets {
        #[arg(long)]
        json: bool,
    },
    /// Use a set (see `areas sets`)
    Choose { set: String },
    /// Load a set from a JSON file of the shipped sets' shape, and use it
    LoadSet { file: std::path::PathBuf },
    /// Add an area of the organisation's own
    Add {
        #[arg(long)]
        title: String,
        #[arg(long, default_value = "")]
        text: String,
    },
}

fn period(text: &Option<String>) -> Result<Option<Period>> {
    text.as_deref().map(Period::parse).transpose()
}

pub fn meetings(store: &mut Store, command: MeetingsCommand, out: &mut impl Write) -> Result<()> {
    match command {
        MeetingsCommand::List { period: p, json } => {
            let list = scrutiny::list_meetings(store, period(&p)?)?;
            if json {
                return print_json(out, &list);
            }
            for m in list {
                line(
                    out,
                    format!(
                        "{}  {} ({} items, {} entries, {} open actions)  [{}]",
                        dates::dense(m.meeting.held_on),
                        m.label,
                        m.meeting.items.len(),
                        m.entries,
                        m.open_actions,
                        m.meeting.id
                    ),
                )?;
            }
            Ok(())
        }
        MeetingsCommand::Add {
            kind,
            date,
            part,
            items,
            json,
        } => {
            let items = items
                .iter()
                .map(|text| {
                    let mut parts = text.split('|').map(str::trim);
                    AgendaItemInput {
                        number: parts.next().unwrap_or("").into(),
                        title: parts.next().unwrap_or("").into(),
                        paper_ref: parts.next().unwrap_or("").into(),
                        executive_lead: parts.next().unwrap_or("").into(),
                        ..Default::default()
                    }
                })
                .collect();
            let m = scrutiny::add_meeting(
                store,
                &MeetingInput {
                    kind,
                    held_on: date,
                    part: Some(MeetingPart::parse("part", &part)?),
                    items,
                    ..Default::default()
                },
            )?;
            if json {
                return print_json(out, &m);
            }
            line(out, format!("Recorded {} (id {}).", m.label(), m.id))
        }
        MeetingsCommand::Questions {
            meeting,
            add,
            item,
            area,
            json,
        } => {
            if let Some(question) = add {
                scrutiny::add_planned_question(
                    store,
                    &scrutiny::PlannedQuestionInput {
                        meeting_id: meeting.clone(),
                        agenda_item_id: item,
                        area_id: area,
                        question,
                    },
                )?;
            }
            let list = scrutiny::planned_questions(store, &meeting)?;
            if json {
                return print_json(out, &list);
            }
            if list.is_empty() {
                return line(out, "No questions planned for this meeting.".into());
            }
            for q in list {
                let asked = if q.raised_entry_id.is_some() {
                    " (asked)"
                } else {
                    ""
                };
                line(out, format!("- {}{asked}  [{}]", q.question, q.id))?;
            }
            Ok(())
        }
        MeetingsCommand::History { id, json } => {
            let versions = scrutiny::meeting_history(store, &id)?;
            super::print_history(out, json, &versions, |v| {
                (&v.recorded_at, &v.change, &v.changed_by, &v.changes)
            })
        }
        MeetingsCommand::Show { id, json } => {
            let v = scrutiny::get_meeting(store, &id)?;
            if json {
                return print_json(out, &v);
            }
            line(out, v.label.clone())?;
            for i in &v.meeting.items {
                line(out, format!("  {} {}  [{}]", i.number, i.title, i.id))?;
            }
            print_entries(out, &v.entries)
        }
    }
}

pub fn run(store: &mut Store, command: ScrutinyCommand, out: &mut impl Write) -> Result<bool> {
    match command {
        ScrutinyCommand::List { filter, json } => {
            let filter = LogFilter {
                period: period(&filter.period)?,
                area_id: filter.area,
                member_id: filter.member,
                assurance_level: filter.level,
                open_actions: filter.open_actions,
            };
            let list = scrutiny::list_entries(store, &filter)?;
            if json {
                print_json(out, &list)?;
            } else {
                print_entries(out, &list)?;
            }
        }
        ScrutinyCommand::Add {
            area,
            raised_by,
            challenge,
            level,
            date,
            meeting,
            item,
            to,
            response,
            evidence,
            minute,
            json,
        } => {
            let levels = scrutiny::assurance_levels(store)?;
            let level = levels
                .iter()
                .find(|l| l.code == level || l.label.eq_ignore_ascii_case(&level))
                .map_or(level, |l| l.code.clone());
            let v = scrutiny::add_entry(
                store,
                &EntryInput {
                    meeting_id: meeting,
                    agenda_item_id: item,
                    raised_on: date,
                    area_id: area,
                    raised_by,
                    challenge,
                    directed_to: to,
                    response,
                    evidence: evidence
                        .iter()
                        .map(|e| EvidenceSource::parse("evidence", e))
                        .collect::<Result<_>>()?,
                    assurance_level: level,
                    minute_ref: minute,
                    actions: Vec::new(),
                },
            )?;
            if json {
                print_json(out, &v)?;
            } else {
                line(out, format!("Logged the challenge (id {}).", v.entry.id))?;
            }
        }
        ScrutinyCommand::History { id, json } => {
            let versions = scrutiny::entry_history(store, &id)?;
            super::print_history(out, json, &versions, |v| {
                (&v.recorded_at, &v.change, &v.changed_by, &v.changes)
            })?;
        }
        ScrutinyCommand::Import {
            args,
            create_people,
        } => {
            let options = args.options(ImportKind::ScrutinyLog, create_people)?;
            let r = scrutiny::import_scrutiny_csv(store, &args.file, &options)?;
            if args.json {
                print_json(out, &r)?;
            } else {
                imports::print_mapping(out, &r.mapping)?;
                for bad in &r.rejected {
                    line(
                        out,
                        format!("Line {} ({}): {}", bad.line, bad.name, bad.reason),
                    )?;
                }
                if r.imported {
                    line(
                        out,
                        format!(
                            "Imported {} of {} rows from {} ({}): {} meetings and {} people created, {} actions; {} already recorded, {} left out, {} skipped as invalid.",
                            r.added, r.rows, r.file_name, r.encoding, r.meetings_created, r.people_created, r.actions_added, r.already_recorded, r.left_out, r.rejected.len() as u32 + r.unknown_rows
                        ),
                    )?;
                    for (what, list) in [
                        ("kinds of meeting", &r.kinds_created),
                        ("assurance areas", &r.areas_created),
                    ] {
                        if !list.is_empty() {
                            line(out, format!("New {what} added: {}.", list.join(", ")))?;
                        }
                    }
                } else if r.dry_run {
                    imports::print_dry_run(out, &(&r).into())?;
                }
            }
            return Ok(imports::finish(&(&r).into()));
        }
    }
    Ok(true)
}

fn print_entries(out: &mut impl Write, list: &[scrutiny::EntryView]) -> Result<()> {
    if list.is_empty() {
        return line(out, "No scrutiny entries to show.".into());
    }
    for v in list {
        line(
            out,
            format!(
                "{}  {}  {} — {}: {}  [{}]",
                dates::dense(v.entry.raised_on),
                v.level_label,
                v.area_title,
                v.raised_by_name,
                v.entry.challenge,
                v.entry.id
            ),
        )?;
        for a in &v.actions {
            line(
                out,
                format!("      action: {}", action_text(&a.action, a.overdue)),
            )?;
        }
    }
    Ok(())
}

fn action_text(a: &scrutiny::Action, overdue: bool) -> String {
    let due = a
        .due_on
        .map(|d| format!(", due {}", dates::dense(d)))
        .unwrap_or_default();
    format!(
        "{} ({}{}; {}{})  [{}]",
        a.description,
        a.owner_name,
        due,
        a.status.label(),
        if overdue { ", OVERDUE" } else { "" },
        a.id
    )
}

pub fn actions(store: &mut Store, command: ActionsCommand, out: &mut impl Write) -> Result<()> {
    match command {
        ActionsCommand::List {
            overdue,
            all,
            period: p,
            owner,
            json,
        } => {
            let owner = match owner {
                Some(text) => {
                    let members = board::list_members(store, MemberFilter::All)?;
                    Some(
                        match members.iter().find(|m| {
                            m.id == text
                                || crate::csvfile::name_key(&m.name)
                                    == crate::csvfile::name_key(&text)
                        }) {
                            Some(m) => scrutiny::ActionOwner::Member(m.id.clone()),
                            None => scrutiny::ActionOwner::Name(text),
                        },
                    )
                }
                None => None,
            };
            let list = scrutiny::list_actions(
                store,
                ActionFilter {
                    overdue_only: overdue,
                    include_closed: all,
                    period: period(&p)?,
                    owner,
                },
            )?;
            if json {
                return print_json(out, &list);
            }
            if list.is_empty() {
                return line(out, "No actions to show.".into());
            }
            for t in list {
                line(
                    out,
                    format!(
                        "{}{}  — {} ({})",
                        action_text(&t.view.action, t.view.overdue),
                        t.post_holder
                            .as_ref()
                            .map_or(String::new(), |h| format!(" [post held by {h}]")),
                        t.challenge,
                        t.area_title
                    ),
                )?;
            }
            Ok(())
        }
        ActionsCommand::Add {
            entry,
            description,
            owner,
            due,
        } => {
            let member = board::list_members(store, MemberFilter::All)?
                .into_iter()
                .find(|m| m.id == owner);
            let v = scrutiny::add_action(
                store,
                &entry,
                &ActionInput {
                    description,
                    owner_member_id: member.as_ref().map(|m| m.id.clone()).unwrap_or_default(),
                    owner_name: if member.is_some() {
                        String::new()
                    } else {
                        owner
                    },
                    due_on: due,
                    ..Default::default()
                },
            )?;
            line(out, format!("Added the action (id {}).", v.action.id))
        }
        ActionsCommand::History { id, json } => {
            let versions = scrutiny::action_history(store, &id)?;
            super::print_history(out, json, &versions, |v| {
                (&v.recorded_at, &v.change, &v.changed_by, &v.changes)
            })
        }
        ActionsCommand::Close { id, note, on } => {
            let current = scrutiny::list_actions(
                store,
                ActionFilter {
                    include_closed: true,
                    ..ActionFilter::default()
                },
            )?
            .into_iter()
            .find(|t| t.view.action.id == id)
            .ok_or_else(|| {
                CoreError::not_found(format!(
                    "No action has the id '{}'.",
                    crate::error::shown(&id)
                ))
            })?
            .view
            .action;
            let v = scrutiny::update_action(
                store,
                &id,
                &ActionInput {
                    description: current.description,
                    owner_member_id: current.owner_member_id.unwrap_or_default(),
                    owner_name: current.owner_name,
                    due_on: current.due_on.map(|d| d.to_string()).unwrap_or_default(),
                    status: Some(ActionStatus::Closed),
                    escalated_to: current.escalated_to,
                    closure_note: note,
                    closed_on: on,
                },
            )?;
            line(
                out,
                format!(
                    "Closed on {}.",
                    v.action.closed_on.map(dates::prose).unwrap_or_default()
                ),
            )
        }
    }
}

pub fn coverage(store: &Store, period_text: &str, json: bool, out: &mut impl Write) -> Result<()> {
    let c = scrutiny::coverage(store, Period::parse(period_text)?)?;
    if json {
        return print_json(out, &c);
    }
    line(
        out,
        format!(
            "Coverage for {}: {} of {} areas had no scrutiny.",
            c.period_label,
            c.uncovered,
            c.rows.len()
        ),
    )?;
    for r in &c.rows {
        let detail = if r.entries == 0 {
            "NONE".to_string()
        } else {
            let parts: Vec<String> = c
                .levels
                .iter()
                .zip(&r.by_level)
                .filter(|(_, n)| **n > 0)
                .map(|(l, n)| format!("{n} {}", l.label.to_lowercase()))
                .collect();
            format!("{} ({})", r.entries, parts.join(", "))
        };
        line(out, format!("  {:<60} {detail}", r.area.title))?;
    }
    Ok(())
}

pub fn areas(store: &mut Store, command: AreasCommand, out: &mut impl Write) -> Result<()> {
    match command {
        AreasCommand::List { json } => {
            let list = scrutiny::areas(store)?;
            if json {
                return print_json(out, &list);
            }
            if let Some(notice) = scrutiny::area_set_status(store)?.notice {
                line(out, notice)?;
            }
            for a in list {
                line(out, format!("{:<22} {}", a.id, a.title))?;
            }
            Ok(())
        }
        AreasCommand::Sets { json } => {
            let sets = scrutiny::area_sets(store)?;
            if json {
                return print_json(out, &sets);
            }
            for s in sets {
                let mark = match (s.selected, s.loaded) {
                    (true, true) => " (loaded from a file, in use)",
                    (true, false) => " (in use)",
                    (false, true) => " (loaded from a file)",
                    (false, false) => "",
                };
                line(
                    out,
                    format!("{}  {} — {} areas{mark}", s.id, s.title, s.area_count),
                )?;
            }
            if let Some(notice) = scrutiny::area_set_status(store)?.notice {
                line(out, notice)?;
            }
            Ok(())
        }
        AreasCommand::LoadSet { file } => {
            let s = scrutiny::load_area_set(store, &file)?;
            line(
                out,
                format!(
                    "Loaded and now using {} ({} areas, id {}).",
                    s.title, s.area_count, s.id
                ),
            )
        }
        AreasCommand::Choose { set } => {
            scrutiny::choose_area_set(store, &set)?;
            line(out, format!("Now using the area set '{set}'."))
        }
        AreasCommand::Add { title, text } => {
            let a = scrutiny::add_custom_area(store, &CustomAreaInput { title, text })?;
            line(out, format!("Added the area {} (id {}).", a.title, a.id))
        }
    }
}
