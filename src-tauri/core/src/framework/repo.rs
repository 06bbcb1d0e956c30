//! The `imported_framework` and `framework_assignment` tables.

use rusqlite::{params, Connection};

use crate::error::Result;

pub struct ImportedRow {
    pub id: String,
    pub file_json: String,
    pub imported_at: String,
}

pub fn imported(conn: &Connection) -> Result<Vec<ImportedRow>> {
    let mut stmt = conn.prepare(
        "SELECT id, file_json, imported_at FROM imported_framework ORDER BY imported_at",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(ImportedRow {
            id: r.get(0)?,
            file_json: r.get(1)?,
            imported_at: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn insert(conn: &Connection, id: &str, title: &str, json: &str, at: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO imported_framework (id, title, file_json, imported_at) VALUES (?1, ?2, ?3, ?4)",
        params![id, title, json, at],
    )?;
    Ok(())
}

/// The scopes a framework applies to: `*` for everyone, or role codes.
pub fn scopes(conn: &Connection, framework_id: &str) -> Result<Vec<String>> {
    let mut stmt = conn
        .prepare("SELECT scope FROM framework_assignment WHERE framework_id = ?1 ORDER BY scope")?;
    let rows = stmt.query_map([framework_id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn set_scopes(conn: &Connection, framework_id: &str, scopes: &[String]) -> Result<()> {
    conn.execute(
        "DELETE FROM framework_assignment WHERE framework_id = ?1",
        [framework_id],
    )?;
    for s in scopes {
        conn.execute(
            "INSERT INTO framework_assignment (framework_id, scope) VALUES (?1, ?2)",
            params![framework_id, s],
        )?;
    }
    Ok(())
}

/// Whether a framework with this id has been imported.
pub fn is_imported(conn: &Connection, id: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM imported_framework WHERE id = ?1)",
        [id],
        |r| r.get(0),
    )?)
}
