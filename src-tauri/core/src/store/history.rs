//! The `record_history` table: one row per saved version of any record.

use rusqlite::{params, Connection};

use crate::dates;
use crate::error::Result;

/// One stored version of a record.
pub struct Version {
    pub recorded_at: String,
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
        "INSERT INTO record_history (id, entity, record_id, recorded_at, change, snapshot)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            super::new_id(),
            entity,
            record_id,
            dates::now_utc(),
            change,
            json
        ],
    )?;
    Ok(())
}

/// Every version of one record, oldest first.
pub fn versions(conn: &Connection, entity: &str, record_id: &str) -> Result<Vec<Version>> {
    let mut stmt = conn.prepare(
        "SELECT recorded_at, change, snapshot FROM record_history
         WHERE entity = ?1 AND record_id = ?2 ORDER BY recorded_at, id",
    )?;
    let rows = stmt.query_map([entity, record_id], |r| {
        let text: String = r.get(2)?;
        Ok(Version {
            recorded_at: r.get(0)?,
            change: r.get(1)?,
            snapshot: serde_json::from_str(&text).unwrap_or(serde_json::Value::Null),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
