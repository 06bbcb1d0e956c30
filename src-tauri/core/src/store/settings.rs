//! The `setting` table: board-wide preferences, one JSON value per key.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{de::DeserializeOwned, Serialize};

use crate::error::{CoreError, Result};

/// The member this laptop belongs to: who made a change, for the history chain.
pub const MY_MEMBER_ID: &str = "my_member_id";

/// How many daily copies the store keeps beside the database.
pub const DAILY_BACKUPS_KEPT: &str = "daily_backups_kept";

/// The stored value of `key`, or `None` when it has never been set.
pub fn get<T: DeserializeOwned>(conn: &Connection, key: &str) -> Result<Option<T>> {
    let text: Option<String> = conn
        .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?;
    text.map(|t| {
        serde_json::from_str(&t).map_err(|e| {
            tracing::error!(key, error = %e, "unreadable setting");
            crate::error::damaged_database()
        })
    })
    .transpose()
}

pub fn set(conn: &Connection, key: &str, value: &impl Serialize) -> Result<()> {
    let json = serde_json::to_string(value)
        .map_err(|e| CoreError::internal(format!("setting '{key}': {e}")))?;
    conn.execute(
        "INSERT INTO setting (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, json],
    )?;
    Ok(())
}
