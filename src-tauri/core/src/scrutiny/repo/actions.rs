//! The `follow_up_action` table.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::conversion;
use crate::error::Result;
use crate::scrutiny::{Action, ActionStatus};

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

/// Actions not yet closed whose owner is named but is not a board member: an officer, or a
/// post ("Chief Nurse") that may be tied to the member who holds it.
pub fn unclosed_unassigned_actions(conn: &Connection) -> Result<Vec<Action>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {ACTION_COLUMNS} FROM follow_up_action
         WHERE owner_member_id IS NULL AND status != 'closed'"
    ))?;
    let rows = stmt.query_map([], action_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The owner names written on actions that no member owns, each once.
pub fn unassigned_owner_names(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT DISTINCT owner_name FROM follow_up_action WHERE owner_member_id IS NULL",
    )?;
    let rows = stmt.query_map([], |r| r.get(0))?;
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

/// Which actions a page of the tracker is cut from.
pub struct ActionQuery {
    pub include_closed: bool,
    pub overdue_only: bool,
    /// Only actions on challenges raised between these dates.
    pub raised_between: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
    /// Only actions of these owners, as JSON: a list of `{"member": id}` (actions a member
    /// owns) and `{"name", "from", "to", "any"}` (actions whose owner is written so and that
    /// were theirs between the dates: open ones today, closed ones on the day they closed;
    /// `any` also counts those a member owns under that name).
    pub owners: Option<String>,
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
    if q.owners.is_some() {
        conditions.push(
            "EXISTS (SELECT 1 FROM json_each(?4) j WHERE
                owner_member_id = json_extract(j.value, '$.member')
                OR (owner_name = json_extract(j.value, '$.name')
                    AND (json_extract(j.value, '$.any') OR owner_member_id IS NULL)
                    AND (CASE WHEN status = 'closed' THEN coalesce(closed_on, ?1) ELSE ?1 END)
                        BETWEEN json_extract(j.value, '$.from') AND json_extract(j.value, '$.to')))"
                .into(),
        );
    }
    let (from, to) = q.raised_between.unwrap_or((q.today, q.today));
    let filter = conditions.join(" AND ");
    // Every parameter is named in both queries (the unused ones as always true), so the
    // numbering is the same whichever filters apply.
    let always = "?2 IS NOT NULL AND ?3 IS NOT NULL AND (?4 IS NULL OR ?4 IS NOT NULL)";
    let (total, overdue): (u32, u32) = conn.query_row(
        &format!(
            "SELECT count(*), coalesce(sum({OVERDUE}), 0) FROM follow_up_action
             WHERE {filter} AND {always}"
        ),
        params![q.today, from, to, q.owners],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let mut stmt = conn.prepare(&format!(
        "SELECT {ACTION_COLUMNS} FROM follow_up_action
         WHERE {filter} AND {always}
         ORDER BY {OVERDUE} DESC, due_on IS NULL, due_on, created_at
         LIMIT ?5 OFFSET ?6"
    ))?;
    let rows = stmt.query_map(
        params![q.today, from, to, q.owners, limit, offset],
        action_from_row,
    )?;
    Ok((rows.collect::<rusqlite::Result<Vec<_>>>()?, total, overdue))
}
