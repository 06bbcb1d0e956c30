//! The `training_record` table.

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::error::Result;
use crate::training::{LearningType, TrainingRecord};

const COLUMNS: &str =
    "id, member_id, title, provider, completed_on, minutes, learning_type, level, \
                       certificate_ref, expires_on, created_at, updated_at";

fn from_row(r: &Row) -> rusqlite::Result<TrainingRecord> {
    let learning_type: String = r.get(6)?;
    Ok(TrainingRecord {
        id: r.get(0)?,
        member_id: r.get(1)?,
        title: r.get(2)?,
        provider: r.get(3)?,
        completed_on: r.get(4)?,
        minutes: r.get(5)?,
        learning_type: LearningType::parse("learningType", &learning_type).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(6, rusqlite::types::Type::Text, Box::new(e))
        })?,
        level: r.get(7)?,
        certificate_ref: r.get(8)?,
        expires_on: r.get(9)?,
        created_at: r.get(10)?,
        updated_at: r.get(11)?,
    })
}

pub fn get(conn: &Connection, id: &str) -> Result<Option<TrainingRecord>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM training_record WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?)
}

/// A member's records, most recently completed first.
pub fn list_for_member(conn: &Connection, member_id: &str) -> Result<Vec<TrainingRecord>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM training_record WHERE member_id = ?1
         ORDER BY completed_on DESC, created_at DESC"
    ))?;
    let rows = stmt.query_map([member_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Every record, most recently completed first.
pub fn list_all(conn: &Connection) -> Result<Vec<TrainingRecord>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM training_record ORDER BY completed_on DESC, created_at DESC"
    ))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Writes a record: a new row, or the new version of an existing one.
pub fn save(conn: &Connection, t: &TrainingRecord) -> Result<()> {
    conn.execute(
        &format!(
            "INSERT INTO training_record ({COLUMNS})
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
             ON CONFLICT (id) DO UPDATE SET title = excluded.title, provider = excluded.provider,
                 completed_on = excluded.completed_on, minutes = excluded.minutes,
                 learning_type = excluded.learning_type, level = excluded.level,
                 certificate_ref = excluded.certificate_ref, expires_on = excluded.expires_on,
                 updated_at = excluded.updated_at"
        ),
        params![
            t.id,
            t.member_id,
            t.title,
            t.provider,
            t.completed_on,
            t.minutes,
            t.learning_type.code(),
            t.level,
            t.certificate_ref,
            t.expires_on,
            t.created_at,
            t.updated_at
        ],
    )?;
    Ok(())
}
