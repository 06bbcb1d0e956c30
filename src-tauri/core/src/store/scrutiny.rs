//! The scrutiny tables: meetings, agenda items, attendance, entries, follow-up actions, custom
//! assurance areas and meeting kinds.

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::error::{CoreError, Result};
use crate::scrutiny::{
    Action, ActionStatus, AgendaItem, Attendance, AttendanceStatus, CustomArea, Entry,
    EvidenceSource, Meeting, MeetingKind, MeetingPart,
};

fn conversion(i: usize, e: CoreError) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
}

// Meeting kinds.

pub fn meeting_kinds(conn: &Connection) -> Result<Vec<MeetingKind>> {
    let mut stmt = conn.prepare("SELECT code, label FROM meeting_kind ORDER BY position")?;
    let rows = stmt.query_map([], |r| {
        Ok(MeetingKind {
            code: r.get(0)?,
            label: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn add_meeting_kind(conn: &Connection, kind: &MeetingKind) -> Result<()> {
    conn.execute(
        "INSERT INTO meeting_kind (code, label, position)
         VALUES (?1, ?2, (SELECT coalesce(max(position), 0) + 1 FROM meeting_kind))",
        params![kind.code, kind.label],
    )?;
    Ok(())
}

/// Writes a kind of meeting: a new one at the end of the list, or a new label for one held.
pub fn save_meeting_kind(conn: &Connection, kind: &MeetingKind) -> Result<()> {
    conn.execute(
        "INSERT INTO meeting_kind (code, label, position)
         VALUES (?1, ?2, (SELECT coalesce(max(position), 0) + 1 FROM meeting_kind))
         ON CONFLICT (code) DO UPDATE SET label = excluded.label",
        params![kind.code, kind.label],
    )?;
    Ok(())
}

// Meetings.

const MEETING_COLUMNS: &str =
    "m.id, m.kind, k.label, m.held_on, m.part, m.created_at, m.updated_at";

fn meeting_from_row(r: &Row) -> rusqlite::Result<Meeting> {
    let part: String = r.get(4)?;
    Ok(Meeting {
        id: r.get(0)?,
        kind: r.get(1)?,
        kind_label: r.get(2)?,
        held_on: r.get(3)?,
        part: MeetingPart::parse("part", &part).map_err(|e| conversion(4, e))?,
        items: Vec::new(),
        attendance: Vec::new(),
        created_at: r.get(5)?,
        updated_at: r.get(6)?,
    })
}

fn meeting_select(condition: &str) -> String {
    format!(
        "SELECT {MEETING_COLUMNS} FROM meeting m JOIN meeting_kind k ON k.code = m.kind
         WHERE {condition} ORDER BY m.held_on DESC, k.position, m.part"
    )
}

fn with_details(conn: &Connection, mut m: Meeting) -> Result<Meeting> {
    let mut stmt = conn.prepare(
        "SELECT id, number, title, paper_ref, executive_lead FROM agenda_item
         WHERE meeting_id = ?1 ORDER BY position",
    )?;
    m.items = stmt
        .query_map([&m.id], |r| {
            Ok(AgendaItem {
                id: r.get(0)?,
                number: r.get(1)?,
                title: r.get(2)?,
                paper_ref: r.get(3)?,
                executive_lead: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut stmt = conn.prepare(
        "SELECT a.member_id, p.name, a.status FROM attendance a JOIN member p ON p.id = a.member_id
         WHERE a.meeting_id = ?1 ORDER BY p.name",
    )?;
    m.attendance = stmt
        .query_map([&m.id], |r| {
            let status: String = r.get(2)?;
            Ok(Attendance {
                member_id: r.get(0)?,
                name: r.get(1)?,
                status: AttendanceStatus::parse("status", &status).map_err(|e| conversion(2, e))?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(m)
}

pub fn get_meeting(conn: &Connection, id: &str) -> Result<Option<Meeting>> {
    let found = conn
        .query_row(&meeting_select("m.id = ?1"), [id], meeting_from_row)
        .optional()?;
    found.map(|m| with_details(conn, m)).transpose()
}

pub fn find_meeting(
    conn: &Connection,
    kind: &str,
    held_on: chrono::NaiveDate,
    part: MeetingPart,
) -> Result<Option<Meeting>> {
    let found = conn
        .query_row(
            &meeting_select("m.kind = ?1 AND m.held_on = ?2 AND m.part = ?3"),
            params![kind, held_on, part.code()],
            meeting_from_row,
        )
        .optional()?;
    found.map(|m| with_details(conn, m)).transpose()
}

/// Meetings held between `from` and `to` inclusive, most recent first.
pub fn meetings_between(
    conn: &Connection,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Result<Vec<Meeting>> {
    let mut stmt = conn.prepare(&meeting_select("m.held_on BETWEEN ?1 AND ?2"))?;
    let rows = stmt.query_map(params![from, to], meeting_from_row)?;
    rows.collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .map(|m| with_details(conn, m))
        .collect()
}

/// Writes a meeting with its agenda and attendance, replacing the ones it had.
pub fn save_meeting(conn: &Connection, m: &Meeting) -> Result<()> {
    conn.execute(
        "INSERT INTO meeting (id, kind, held_on, part, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, held_on = excluded.held_on,
             part = excluded.part, updated_at = excluded.updated_at",
        params![
            m.id,
            m.kind,
            m.held_on,
            m.part.code(),
            m.created_at,
            m.updated_at
        ],
    )
    .map_err(|e| match e {
        rusqlite::Error::SqliteFailure(f, _)
            if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE =>
        {
            CoreError::conflict(format!(
                "There is already a {} meeting ({} part) on that date.",
                m.kind_label.to_lowercase(),
                m.part.label().to_lowercase()
            ))
        }
        other => other.into(),
    })?;
    let keep: Vec<&str> = m.items.iter().map(|i| i.id.as_str()).collect();
    let existing: Vec<String> = {
        let mut stmt = conn.prepare("SELECT id FROM agenda_item WHERE meeting_id = ?1")?;
        let rows = stmt.query_map([&m.id], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for gone in existing.iter().filter(|id| !keep.contains(&id.as_str())) {
        conn.execute("DELETE FROM agenda_item WHERE id = ?1", [gone])?;
    }
    for (i, item) in m.items.iter().enumerate() {
        conn.execute(
            "INSERT INTO agenda_item (id, meeting_id, number, title, paper_ref, executive_lead, position)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (id) DO UPDATE SET number = excluded.number, title = excluded.title,
                 paper_ref = excluded.paper_ref, executive_lead = excluded.executive_lead,
                 position = excluded.position",
            params![item.id, m.id, item.number, item.title, item.paper_ref, item.executive_lead, i as i64],
        )?;
    }
    conn.execute("DELETE FROM attendance WHERE meeting_id = ?1", [&m.id])?;
    for a in &m.attendance {
        conn.execute(
            "INSERT INTO attendance (meeting_id, member_id, status) VALUES (?1, ?2, ?3)",
            params![m.id, a.member_id, a.status.code()],
        )?;
    }
    Ok(())
}

/// Adds one item at the end of a saved meeting's agenda, without rewriting the rest (an import
/// adds items one row at a time).
pub fn append_agenda_item(conn: &Connection, meeting_id: &str, item: &AgendaItem) -> Result<()> {
    conn.execute(
        "INSERT INTO agenda_item (id, meeting_id, number, title, paper_ref, executive_lead, position)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6,
                 (SELECT coalesce(max(position), -1) + 1 FROM agenda_item WHERE meeting_id = ?2))",
        params![item.id, meeting_id, item.number, item.title, item.paper_ref, item.executive_lead],
    )?;
    Ok(())
}

/// Whether any entry refers to the agenda item.
pub fn item_in_use(conn: &Connection, item_id: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM scrutiny_entry WHERE agenda_item_id = ?1)",
        [item_id],
        |r| r.get(0),
    )?)
}

// Entries.

const ENTRY_COLUMNS: &str = "id, meeting_id, agenda_item_id, raised_on, area_id, raised_by, \
     challenge, directed_to, response, evidence, assurance_level, minute_ref, created_at, updated_at";

fn entry_from_row(r: &Row) -> rusqlite::Result<Entry> {
    let evidence: String = r.get(9)?;
    let evidence: Vec<EvidenceSource> = serde_json::from_str(&evidence).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(9, rusqlite::types::Type::Text, Box::new(e))
    })?;
    Ok(Entry {
        id: r.get(0)?,
        meeting_id: r.get(1)?,
        agenda_item_id: r.get(2)?,
        raised_on: r.get(3)?,
        area_id: r.get(4)?,
        raised_by: r.get(5)?,
        challenge: r.get(6)?,
        directed_to: r.get(7)?,
        response: r.get(8)?,
        evidence,
        assurance_level: r.get(10)?,
        minute_ref: r.get(11)?,
        created_at: r.get(12)?,
        updated_at: r.get(13)?,
    })
}

/// The date of the earliest challenge or meeting recorded, if any.
pub fn earliest_date(conn: &Connection) -> Result<Option<chrono::NaiveDate>> {
    Ok(conn.query_row(
        "SELECT min(d) FROM (SELECT min(raised_on) AS d FROM scrutiny_entry
                             UNION ALL SELECT min(held_on) FROM meeting)",
        [],
        |r| r.get(0),
    )?)
}

pub fn get_entry(conn: &Connection, id: &str) -> Result<Option<Entry>> {
    Ok(conn
        .query_row(
            &format!("SELECT {ENTRY_COLUMNS} FROM scrutiny_entry WHERE id = ?1"),
            [id],
            entry_from_row,
        )
        .optional()?)
}

/// Entries raised between `from` and `to` inclusive, most recent first.
pub fn entries_between(
    conn: &Connection,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Result<Vec<Entry>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {ENTRY_COLUMNS} FROM scrutiny_entry WHERE raised_on BETWEEN ?1 AND ?2
         ORDER BY raised_on DESC, created_at DESC"
    ))?;
    let rows = stmt.query_map(params![from, to], entry_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn save_entry(conn: &Connection, e: &Entry) -> Result<()> {
    let evidence = serde_json::to_string(&e.evidence).expect("evidence serialises");
    conn.execute(
        &format!(
            "INSERT INTO scrutiny_entry ({ENTRY_COLUMNS})
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
             ON CONFLICT (id) DO UPDATE SET meeting_id = excluded.meeting_id,
                 agenda_item_id = excluded.agenda_item_id, raised_on = excluded.raised_on,
                 area_id = excluded.area_id, raised_by = excluded.raised_by,
                 challenge = excluded.challenge, directed_to = excluded.directed_to,
                 response = excluded.response, evidence = excluded.evidence,
                 assurance_level = excluded.assurance_level, minute_ref = excluded.minute_ref,
                 updated_at = excluded.updated_at"
        ),
        params![
            e.id,
            e.meeting_id,
            e.agenda_item_id,
            e.raised_on,
            e.area_id,
            e.raised_by,
            e.challenge,
            e.directed_to,
            e.response,
            evidence,
            e.assurance_level,
            e.minute_ref,
            e.created_at,
            e.updated_at
        ],
    )?;
    Ok(())
}

/// The assurance levels that entries use, to refuse removing one from the scale.
pub fn levels_in_use(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT DISTINCT assurance_level FROM scrutiny_entry")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

// Actions.

const ACTION_COLUMNS: &str = "id, entry_id, description, owner_member_id, owner_name, due_on, \
     status, escalated_to, closure_note, closed_on, created_at, updated_at";

fn action_from_row(r: &Row) -> rusqlite::Result<Action> {
    let status: String = r.get(6)?;
    Ok(Action {
        id: r.get(0)?,
        entry_id: r.get(1)?,
        description: r.get(2)?,
        owner_member_id: r.get(3)?,
        owner_name: r.get(4)?,
        due_on: r.get(5)?,
        status: ActionStatus::parse("status", &status).map_err(|e| conversion(6, e))?,
        escalated_to: r.get(7)?,
        closure_note: r.get(8)?,
        closed_on: r.get(9)?,
        created_at: r.get(10)?,
        updated_at: r.get(11)?,
    })
}

pub fn get_action(conn: &Connection, id: &str) -> Result<Option<Action>> {
    Ok(conn
        .query_row(
            &format!("SELECT {ACTION_COLUMNS} FROM follow_up_action WHERE id = ?1"),
            [id],
            action_from_row,
        )
        .optional()?)
}

pub fn actions_for_entry(conn: &Connection, entry_id: &str) -> Result<Vec<Action>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {ACTION_COLUMNS} FROM follow_up_action WHERE entry_id = ?1 ORDER BY created_at"
    ))?;
    let rows = stmt.query_map([entry_id], action_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn all_actions(conn: &Connection) -> Result<Vec<Action>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {ACTION_COLUMNS} FROM follow_up_action ORDER BY due_on IS NULL, due_on, created_at"
    ))?;
    let rows = stmt.query_map([], action_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Actions not yet closed, the tracker's order.
pub fn unclosed_actions(conn: &Connection) -> Result<Vec<Action>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {ACTION_COLUMNS} FROM follow_up_action WHERE status != 'closed'
         ORDER BY due_on IS NULL, due_on, created_at"
    ))?;
    let rows = stmt.query_map([], action_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Actions not yet closed that `member_id` owns.
pub fn unclosed_actions_owned_by(conn: &Connection, member_id: &str) -> Result<Vec<Action>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {ACTION_COLUMNS} FROM follow_up_action
         WHERE owner_member_id = ?1 AND status != 'closed'"
    ))?;
    let rows = stmt.query_map([member_id], action_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Actions not yet closed on challenges `member_id` raised, owned by someone else.
pub fn unclosed_actions_following(conn: &Connection, member_id: &str) -> Result<Vec<Action>> {
    let columns = ACTION_COLUMNS
        .split(", ")
        .map(|c| format!("a.{c}"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut stmt = conn.prepare(&format!(
        "SELECT {columns} FROM follow_up_action a JOIN scrutiny_entry e ON e.id = a.entry_id
         WHERE e.raised_by = ?1 AND a.status != 'closed'
           AND (a.owner_member_id IS NULL OR a.owner_member_id != ?1)"
    ))?;
    let rows = stmt.query_map([member_id], action_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// One owner's overdue actions: their name, member id, how many, and the earliest due date.
pub type OwnerOverdue = (String, Option<String>, u32, chrono::NaiveDate);

/// For each owner with overdue actions, what is overdue. Overdue is open or in progress and
/// due before `today`.
pub fn overdue_by_owner(conn: &Connection, today: chrono::NaiveDate) -> Result<Vec<OwnerOverdue>> {
    let mut stmt = conn.prepare(
        "SELECT owner_name, max(owner_member_id), count(*), min(due_on) FROM follow_up_action
         WHERE status IN ('open', 'in-progress') AND due_on < ?1
         GROUP BY owner_name",
    )?;
    let rows = stmt.query_map([today], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// How many actions are not closed.
pub fn count_unclosed_actions(conn: &Connection) -> Result<u32> {
    Ok(conn.query_row(
        "SELECT count(*) FROM follow_up_action WHERE status != 'closed'",
        [],
        |r| r.get(0),
    )?)
}

/// The actions on these entries, oldest first.
pub fn actions_for_entries(conn: &Connection, entry_ids: &[&str]) -> Result<Vec<Action>> {
    let list = serde_json::to_string(entry_ids).expect("ids serialise");
    let mut stmt = conn.prepare(&format!(
        "SELECT {ACTION_COLUMNS} FROM follow_up_action
         WHERE entry_id IN (SELECT value FROM json_each(?1)) ORDER BY created_at"
    ))?;
    let rows = stmt.query_map([list], action_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Entries between two dates, optionally only one area's, one member's or one level's, most
/// recent first.
pub fn entries_matching(
    conn: &Connection,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
    area_id: Option<&str>,
    raised_by: Option<&str>,
    level: Option<&str>,
) -> Result<Vec<Entry>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {ENTRY_COLUMNS} FROM scrutiny_entry
         WHERE raised_on BETWEEN ?1 AND ?2
           AND (?3 IS NULL OR area_id = ?3)
           AND (?4 IS NULL OR raised_by = ?4)
           AND (?5 IS NULL OR assurance_level = ?5)
         ORDER BY raised_on DESC, created_at DESC"
    ))?;
    let rows = stmt.query_map(params![from, to, area_id, raised_by, level], entry_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The entries with these ids, in no particular order.
pub fn entries_by_ids(conn: &Connection, ids: &[&str]) -> Result<Vec<Entry>> {
    let list = serde_json::to_string(ids).expect("ids serialise");
    let mut stmt = conn.prepare(&format!(
        "SELECT {ENTRY_COLUMNS} FROM scrutiny_entry WHERE id IN (SELECT value FROM json_each(?1))"
    ))?;
    let rows = stmt.query_map([list], entry_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn save_action(conn: &Connection, a: &Action) -> Result<()> {
    conn.execute(
        &format!(
            "INSERT INTO follow_up_action ({ACTION_COLUMNS})
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
             ON CONFLICT (id) DO UPDATE SET description = excluded.description,
                 owner_member_id = excluded.owner_member_id, owner_name = excluded.owner_name,
                 due_on = excluded.due_on, status = excluded.status,
                 escalated_to = excluded.escalated_to, closure_note = excluded.closure_note,
                 closed_on = excluded.closed_on, updated_at = excluded.updated_at"
        ),
        params![
            a.id,
            a.entry_id,
            a.description,
            a.owner_member_id,
            a.owner_name,
            a.due_on,
            a.status.code(),
            a.escalated_to,
            a.closure_note,
            a.closed_on,
            a.created_at,
            a.updated_at
        ],
    )?;
    Ok(())
}

// Custom assurance areas.

pub fn custom_areas(conn: &Connection) -> Result<Vec<CustomArea>> {
    let mut stmt =
        conn.prepare("SELECT id, title, text FROM custom_assurance_area ORDER BY created_at")?;
    let rows = stmt.query_map([], |r| {
        Ok(CustomArea {
            id: r.get(0)?,
            title: r.get(1)?,
            text: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn add_custom_area(conn: &Connection, a: &CustomArea, at: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO custom_assurance_area (id, title, text, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![a.id, a.title, a.text, at],
    )
    .map_err(|e| match e {
        rusqlite::Error::SqliteFailure(f, _)
            if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE =>
        {
            CoreError::conflict(format!(
                "There is already an area called '{}'.",
                crate::error::shown(&a.title)
            ))
        }
        other => other.into(),
    })?;
    Ok(())
}

// Pages of the log and the tracker, for lists that grow for a decade.

/// Which entries a page of the log is cut from.
pub struct EntryQuery<'a> {
    pub from: chrono::NaiveDate,
    pub to: chrono::NaiveDate,
    pub area_id: Option<&'a str>,
    pub raised_by: Option<&'a str>,
    pub level: Option<&'a str>,
    /// Only entries with an action not yet closed.
    pub open_actions: bool,
}

const ENTRY_WHERE: &str = "raised_on BETWEEN ?1 AND ?2
           AND (?3 IS NULL OR area_id = ?3)
           AND (?4 IS NULL OR raised_by = ?4)
           AND (?5 IS NULL OR assurance_level = ?5)
           AND (?6 = 0 OR EXISTS (SELECT 1 FROM follow_up_action a
                                  WHERE a.entry_id = scrutiny_entry.id AND a.status != 'closed'))";

/// One page of matching entries, most recent first, and how many match in all.
pub fn entries_page(
    conn: &Connection,
    q: &EntryQuery,
    offset: u32,
    limit: u32,
) -> Result<(Vec<Entry>, u32)> {
    let args = params![
        q.from,
        q.to,
        q.area_id,
        q.raised_by,
        q.level,
        q.open_actions
    ];
    let total: u32 = conn.query_row(
        &format!("SELECT count(*) FROM scrutiny_entry WHERE {ENTRY_WHERE}"),
        args,
        |r| r.get(0),
    )?;
    let mut stmt = conn.prepare(&format!(
        "SELECT {ENTRY_COLUMNS} FROM scrutiny_entry WHERE {ENTRY_WHERE}
         ORDER BY raised_on DESC, created_at DESC LIMIT ?7 OFFSET ?8"
    ))?;
    let rows = stmt.query_map(
        params![
            q.from,
            q.to,
            q.area_id,
            q.raised_by,
            q.level,
            q.open_actions,
            limit,
            offset
        ],
        entry_from_row,
    )?;
    Ok((rows.collect::<rusqlite::Result<Vec<_>>>()?, total))
}

/// Which actions a page of the tracker is cut from.
pub struct ActionQuery {
    pub include_closed: bool,
    pub overdue_only: bool,
    /// Only actions on challenges raised between these dates.
    pub raised_between: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
    pub today: chrono::NaiveDate,
}

/// One page of actions in the tracker's order (overdue first, most overdue at the top, then
/// by due date, undated last), with how many match and how many of those are overdue.
pub fn actions_page(
    conn: &Connection,
    q: &ActionQuery,
    offset: u32,
    limit: u32,
) -> Result<(Vec<Action>, u32, u32)> {
    const OVERDUE: &str =
        "(status IN ('open', 'in-progress') AND due_on IS NOT NULL AND due_on < ?1)";
    let mut conditions = vec![if q.include_closed {
        "1"
    } else {
        "status != 'closed'"
    }
    .to_string()];
    if q.overdue_only {
        conditions.push(OVERDUE.to_string());
    }
    if q.raised_between.is_some() {
        conditions.push(
            "entry_id IN (SELECT id FROM scrutiny_entry WHERE raised_on BETWEEN ?2 AND ?3)".into(),
        );
    }
    let (from, to) = q.raised_between.unwrap_or((q.today, q.today));
    let filter = conditions.join(" AND ");
    let (total, overdue): (u32, u32) = conn.query_row(
        &format!(
            "SELECT count(*), coalesce(sum({OVERDUE}), 0) FROM follow_up_action
             WHERE {filter} AND ?2 IS NOT NULL AND ?3 IS NOT NULL"
        ),
        params![q.today, from, to],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let mut stmt = conn.prepare(&format!(
        "SELECT {ACTION_COLUMNS} FROM follow_up_action
         WHERE {filter} AND ?2 IS NOT NULL AND ?3 IS NOT NULL
         ORDER BY {OVERDUE} DESC, due_on IS NULL, due_on, created_at
         LIMIT ?4 OFFSET ?5"
    ))?;
    let rows = stmt.query_map(params![q.today, from, to, limit, offset], action_from_row)?;
    Ok((rows.collect::<rusqlite::Result<Vec<_>>>()?, total, overdue))
}

/// How many entries one area had at one level between two dates, and the latest of them.
pub struct Tally {
    pub area_id: String,
    pub level: String,
    pub entries: u32,
    pub last: chrono::NaiveDate,
}

pub fn coverage_tallies(
    conn: &Connection,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Result<Vec<Tally>> {
    let mut stmt = conn.prepare_cached(
        "SELECT area_id, assurance_level, count(*), max(raised_on) FROM scrutiny_entry
         WHERE raised_on BETWEEN ?1 AND ?2 GROUP BY area_id, assurance_level",
    )?;
    let rows = stmt.query_map(params![from, to], |r| {
        Ok(Tally {
            area_id: r.get(0)?,
            level: r.get(1)?,
            entries: r.get(2)?,
            last: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
