//! The `planned_question` table.

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::error::Result;
use crate::scrutiny::PlannedQuestion;

const COLUMNS: &str = "id, meeting_id, agenda_item_id, member_id, area_id, question, \
     raised_entry_id, created_at, updated_at";

fn from_row(r: &Row) -> rusqlite::Result<PlannedQuestion> {
    Ok(PlannedQuestion {
        id: r.get(0)?,
        meeting_id: r.get(1)?,
        agenda_item_id: r.get(2)?,
        member_id: r.get(3)?,
        area_id: r.get(4)?,
        question: r.get(5)?,
        raised_entry_id: r.get(6)?,
        created_at: r.get(7)?,
        updated_at: r.get(8)?,
    })
}

pub fn get_question(conn: &Connection, id: &str) -> Result<Option<PlannedQuestion>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM planned_question WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?)
}

/// One member's questions for one meeting, in the order they were written.
pub fn questions_for(
    conn: &Connection,
    meeting_id: &str,
    member_id: &str,
) -> Result<Vec<PlannedQuestion>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM planned_question WHERE meeting_id = ?1 AND member_id = ?2
         ORDER BY created_at, id"
    ))?;
    let rows = stmt.query_map([meeting_id, member_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// How many questions a member still has to raise at each meeting.
pub fn unraised_counts(conn: &Connection, member_id: &str) -> Result<Vec<(String, u32)>> {
    let mut stmt = conn.prepare(
        "SELECT meeting_id, count(*) FROM planned_question
         WHERE member_id = ?1 AND raised_entry_id IS NULL GROUP BY meeting_id",
    )?;
    let rows = stmt.query_map([member_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn save_question(conn: &Connection, q: &PlannedQuestion) -> Result<()> {
    conn.execute(
        "INSERT INTO planned_question (id, meeting_id, agenda_item_id, member_id, area_id,
             question, raised_entry_id, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (id) DO UPDATE SET agenda_item_id = excluded.agenda_item_id,
             area_id = excluded.area_id, question = excluded.question,
             raised_entry_id = excluded.raised_entry_id, updated_at = excluded.updated_at",
        params![
            q.id,
            q.meeting_id,
            q.agenda_item_id,
            q.member_id,
            q.area_id,
            q.question,
            q.raised_entry_id,
            q.created_at,
            q.updated_at
        ],
    )?;
    Ok(())
}

pub fn delete_question(conn: &Connection, id: &str) -> Result<()> {
    conn.execute("DELETE FROM planned_question WHERE id = ?1", [id])?;
    Ok(())
}
