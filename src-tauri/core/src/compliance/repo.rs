//! The `training_requirement` table.

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::compliance::{Requirement, RequirementKind};
use crate::error::Result;
use crate::store::entity::Entity;

const COLUMNS: &str = "id, title, kind, roles, minutes, window_months, renew_months, matches, \
                       retired, created_at, updated_at";

fn from_row(r: &Row) -> rusqlite::Result<Requirement> {
    let bad = |i: usize, e: Box<dyn std::error::Error + Send + Sync>| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, e)
    };
    let kind: String = r.get(2)?;
    let roles: String = r.get(3)?;
    Ok(Requirement {
        id: r.get(0)?,
        title: r.get(1)?,
        kind: RequirementKind::parse("kind", &kind).map_err(|e| bad(2, Box::new(e)))?,
        roles: serde_json::from_str(&roles).map_err(|e| bad(3, Box::new(e)))?,
        minutes: r.get(4)?,
        window_months: r.get(5)?,
        renew_months: r.get(6)?,
        matches: r.get(7)?,
        retired: r.get(8)?,
        created_at: r.get(9)?,
        updated_at: r.get(10)?,
    })
}

pub fn get(conn: &Connection, id: &str) -> Result<Option<Requirement>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM training_requirement WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?)
}

/// Every requirement, retired ones included, in the board's order.
pub fn list(conn: &Connection) -> Result<Vec<Requirement>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM training_requirement ORDER BY position, created_at"
    ))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Writes a requirement; a new one goes to the end of the list.
pub fn save(conn: &Connection, r: &Requirement) -> Result<()> {
    let roles = serde_json::to_string(&r.roles).expect("roles serialise");
    conn.execute(
        &format!(
            "INSERT INTO training_requirement ({COLUMNS}, position)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,
                     (SELECT coalesce(max(position), 0) + 1 FROM training_requirement))
             ON CONFLICT (id) DO UPDATE SET title = excluded.title, kind = excluded.kind,
                 roles = excluded.roles, minutes = excluded.minutes,
                 window_months = excluded.window_months, renew_months = excluded.renew_months,
                 matches = excluded.matches, retired = excluded.retired,
                 updated_at = excluded.updated_at"
        ),
        params![
            r.id,
            r.title,
            r.kind.code(),
            roles,
            r.minutes,
            r.window_months,
            r.renew_months,
            r.matches,
            r.retired,
            r.created_at,
            r.updated_at
        ],
    )?;
    Ok(())
}

/// Gives requirements seeded by a migration their first recorded version, so the audit trail
/// covers them like any other record.
pub fn record_seeded(conn: &Connection) -> Result<()> {
    for r in list(conn)? {
        let recorded: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM record_history WHERE entity = 'requirement' AND record_id = ?1)",
            [&r.id],
            |row| row.get(0),
        )?;
        if !recorded {
            crate::store::history::record(conn, Entity::Requirement, &r.id, "added", &r)?;
        }
    }
    Ok(())
}
