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

/// The parts of a member's learning the status rules read, completed after `since` and by
/// `on`, most recent first.
pub fn learning_between(
    conn: &Connection,
    member_id: &str,
    since: chrono::NaiveDate,
    on: chrono::NaiveDate,
) -> Result<Vec<crate::compliance::LearningDates>> {
    let mut stmt = conn.prepare_cached(
        "SELECT title, level, completed_on, minutes, expires_on FROM training_record
         WHERE member_id = ?1 AND completed_on > ?2 AND completed_on <= ?3
         ORDER BY completed_on DESC",
    )?;
    let rows = stmt.query_map(params![member_id, since, on], learning_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// A member's learning completed by `on` that may match `phrase` (every record when the
/// phrase is empty). SQLite's LIKE ignores the case of ASCII letters only, so records with
/// any other character (their length in characters differs from their length in bytes) are
/// all included, and the status rules make the exact, Unicode-aware comparison.
pub fn learning_matching(
    conn: &Connection,
    member_id: &str,
    phrase: &str,
    on: chrono::NaiveDate,
) -> Result<Vec<crate::compliance::LearningDates>> {
    let phrase = phrase.trim();
    let filter = if phrase.is_empty() || !phrase.is_ascii() {
        "?3 IS NOT NULL AND ?4 IS NOT NULL"
    } else {
        "(?3 IS NOT NULL AND (title LIKE ?4 ESCAPE '\\' OR level LIKE ?4 ESCAPE '\\')
          OR length(title) <> length(CAST(title AS BLOB))
          OR length(level) <> length(CAST(level AS BLOB)))"
    };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT title, level, completed_on, minutes, expires_on FROM training_record
         WHERE member_id = ?1 AND completed_on <= ?2 AND {filter}
         ORDER BY completed_on DESC"
    ))?;
    let rows = stmt.query_map(
        params![member_id, on, phrase, like_pattern(phrase)],
        learning_from_row,
    )?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Every member's learning completed by `until` whose title or level may contain `phrase`, by
/// member, most recent first; found through the trigram index, so only candidates are read.
/// `None` when the index cannot answer: a phrase shorter than three characters (the index
/// holds trigrams), empty, or not ASCII (read member by member with `learning_matching`).
pub fn learning_matching_by_member(
    conn: &Connection,
    phrase: &str,
    until: chrono::NaiveDate,
) -> Result<Option<std::collections::HashMap<String, Vec<crate::compliance::LearningDates>>>> {
    let phrase = phrase.trim();
    if phrase.len() < 3 || !phrase.is_ascii() {
        return Ok(None);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT r.member_id, r.title, r.level, r.completed_on, r.minutes, r.expires_on
         FROM training_record r
         WHERE r.completed_on <= ?1 AND r.id IN (
             SELECT record_id FROM training_text_doc
             WHERE doc IN (SELECT rowid FROM training_text WHERE training_text MATCH ?2)
             UNION ALL
             SELECT record_id FROM training_text_doc WHERE unusual = 1)
         ORDER BY r.completed_on DESC",
    )?;
    // One FTS5 phrase: the trigram index matches it anywhere in the text, ignoring ASCII case.
    let query = format!("\"{}\"", phrase.replace('"', "\"\""));
    let mut by_member: std::collections::HashMap<String, Vec<_>> = Default::default();
    let mut rows = stmt.query(params![until, query])?;
    while let Some(r) = rows.next()? {
        let member: String = r.get(0)?;
        by_member
            .entry(member)
            .or_default()
            .push(crate::compliance::LearningDates {
                title: r.get(1)?,
                level: r.get(2)?,
                completed_on: r.get(3)?,
                minutes: r.get(4)?,
                expires_on: r.get(5)?,
            });
    }
    Ok(Some(by_member))
}

fn learning_from_row(r: &Row) -> rusqlite::Result<crate::compliance::LearningDates> {
    Ok(crate::compliance::LearningDates {
        title: r.get(0)?,
        level: r.get(1)?,
        completed_on: r.get(2)?,
        minutes: r.get(3)?,
        expires_on: r.get(4)?,
    })
}

/// `%phrase%` for LIKE, with LIKE's own wildcards in the phrase taken literally.
fn like_pattern(phrase: &str) -> String {
    let escaped = phrase
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}
