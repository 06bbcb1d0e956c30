//! The `custom_area` table: assurance areas a board adds to the shipped set.

use rusqlite::{params, Connection};

use crate::error::{CoreError, Result};
use crate::scrutiny::CustomArea;

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
