//! The `record_history` table: one row per saved version of any record.

use rusqlite::{params, Connection, OptionalExtension};

use crate::dates;
use crate::error::Result;

/// One stored version of a record.
pub struct Version {
    pub recorded_at: String,
    /// Who made the change: the laptop's owner as chosen in Settings, else the system user.
    pub changed_by: String,
    pub change: String,
    pub snapshot: serde_json::Value,
}

pub fn record(
    conn: &Connection,
    entity: &str,
    record_id: &str,
    change: &str,
    snapshot: &impl serde::Serialize,
) -> Result<()> {
    let json = serde_json::to_string(snapshot).expect("records serialise to JSON");
    conn.execute(
        "INSERT INTO record_history (id, entity, record_id, recorded_at, change, snapshot, changed_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            super::new_id(),
            entity,
            record_id,
            dates::now_utc(),
            change,
            json,
            current_user(conn)?
        ],
    )?;
    Ok(())
}

/// The person making changes: the member this laptop belongs to (chosen in Settings), or the
/// operating-system account when none is chosen.
fn current_user(conn: &Connection) -> Result<String> {
    let me: Option<Option<String>> = super::settings::get(conn, "my_member_id")?;
    if let Some(id) = me.flatten() {
        let name: Option<String> = conn
            .query_row("SELECT name FROM member WHERE id = ?1", [&id], |r| r.get(0))
            .optional()?;
        if let Some(name) = name {
            return Ok(name);
        }
    }
    Ok(std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_default())
}

/// Every version of one record, oldest first.
pub fn versions(conn: &Connection, entity: &str, record_id: &str) -> Result<Vec<Version>> {
    let mut stmt = conn.prepare(
        "SELECT recorded_at, change, snapshot, changed_by FROM record_history
         WHERE entity = ?1 AND record_id = ?2 ORDER BY recorded_at, id",
    )?;
    let rows = stmt.query_map([entity, record_id], |r| {
        let text: String = r.get(2)?;
        Ok(Version {
            recorded_at: r.get(0)?,
            changed_by: r.get(3)?,
            change: r.get(1)?,
            snapshot: serde_json::from_str(&text).unwrap_or(serde_json::Value::Null),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
