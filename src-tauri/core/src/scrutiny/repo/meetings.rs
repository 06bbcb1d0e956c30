//! The `meeting_kind`, `meeting`, `agenda_item` and `attendance` tables.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::conversion;
use crate::error::{CoreError, Result};
use crate::scrutiny::{
    AgendaItem, Attendance, AttendanceStatus, Meeting, MeetingKind, MeetingPart,
};

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
         WHERE a.meeting_id = ?1 ORDER BY p.name, a.member_id",
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
