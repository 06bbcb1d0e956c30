//! The `member` table.

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::board::{Member, MemberFilter};
use crate::error::Result;

const COLUMNS: &str =
    "id, name, kind, roles, job_title, start_date, end_date, committees, created_at, updated_at";

fn from_row(r: &Row) -> rusqlite::Result<Member> {
    let json = |i: usize| -> rusqlite::Result<String> { r.get(i) };
    let roles = serde_json::from_str(&json(3)?).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(3, rusqlite::types::Type::Text, e.into())
    })?;
    let committees = serde_json::from_str(&json(7)?).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(7, rusqlite::types::Type::Text, e.into())
    })?;
    let kind: String = r.get(2)?;
    Ok(Member {
        id: r.get(0)?,
        name: r.get(1)?,
        kind: serde_json::from_value(serde_json::Value::String(kind)).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(2, rusqlite::types::Type::Text, e.into())
        })?,
        roles,
        job_title: r.get(4)?,
        start_date: r.get(5)?,
        end_date: r.get(6)?,
        committees,
        created_at: r.get(8)?,
        updated_at: r.get(9)?,
    })
}

pub fn get(conn: &Connection, id: &str) -> Result<Option<Member>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM member WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?)
}

/// Members in register order: by name, then by start date for namesakes.
pub fn list(conn: &Connection, filter: MemberFilter, today: &str) -> Result<Vec<Member>> {
    let condition = match filter {
        MemberFilter::Current => "end_date IS NULL OR end_date >= ?1",
        MemberFilter::Ended => "end_date IS NOT NULL AND end_date < ?1",
        MemberFilter::All => "?1 IS NOT NULL",
    };
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM member WHERE {condition} ORDER BY name COLLATE NOCASE, start_date, id"
    ))?;
    let rows = stmt.query_map([today], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM member", [], |r| r.get(0))?)
}

pub fn insert(conn: &Connection, m: &Member) -> Result<()> {
    conn.execute(
        &format!("INSERT INTO member ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"),
        params![
            m.id,
            m.name,
            m.kind.code(),
            serde_json::to_string(&m.roles).expect("roles serialise"),
            m.job_title,
            m.start_date,
            m.end_date,
            serde_json::to_string(&m.committees).expect("committees serialise"),
            m.created_at,
            m.updated_at
        ],
    )?;
    Ok(())
}

pub fn update(conn: &Connection, m: &Member) -> Result<()> {
    conn.execute(
        "UPDATE member SET name = ?2, kind = ?3, roles = ?4, job_title = ?5, start_date = ?6,
                end_date = ?7, committees = ?8, updated_at = ?9
         WHERE id = ?1",
        params![
            m.id,
            m.name,
            m.kind.code(),
            serde_json::to_string(&m.roles).expect("roles serialise"),
            m.job_title,
            m.start_date,
            m.end_date,
            serde_json::to_string(&m.committees).expect("committees serialise"),
            m.updated_at
        ],
    )?;
    Ok(())
}
