//! The `member` table.

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::board::{Member, MemberFilter, MemberKind};
use crate::error::Result;

const COLUMNS: &str =
    "id, name, kind, roles, job_title, start_date, end_date, committees, created_at, updated_at";

fn from_row(r: &Row) -> rusqlite::Result<Member> {
    Ok(Member {
        id: r.get(0)?,
        name: r.get(1)?,
        kind: decode(2, MemberKind::parse("kind", &r.get::<_, String>(2)?))?,
        roles: decode(3, serde_json::from_str(&r.get::<_, String>(3)?))?,
        job_title: r.get(4)?,
        start_date: r.get(5)?,
        end_date: r.get(6)?,
        committees: decode(7, serde_json::from_str(&r.get::<_, String>(7)?))?,
        created_at: r.get(8)?,
        updated_at: r.get(9)?,
    })
}

/// A stored value that no longer reads as its type is reported as a conversion failure.
fn decode<T, E>(column: usize, value: std::result::Result<T, E>) -> rusqlite::Result<T>
where
    E: std::error::Error + Send + Sync + 'static,
{
    value.map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, Box::new(e))
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

/// Members in register order: by surname, then forenames ("Dr Amara Osei" under O), then by
/// start date for namesakes.
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
    let mut members = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    // Stable: namesakes keep the query's order by start date.
    members.sort_by_cached_key(|m| crate::board::surname_order(&m.name));
    Ok(members)
}

pub fn count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM member", [], |r| r.get(0))?)
}

/// Writes a member: a new row, or the new version of an existing one (its creation time kept).
pub fn save(conn: &Connection, m: &Member) -> Result<()> {
    conn.execute(
        &format!(
            "INSERT INTO member ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
             ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind,
                 roles = excluded.roles, job_title = excluded.job_title,
                 start_date = excluded.start_date, end_date = excluded.end_date,
                 committees = excluded.committees, updated_at = excluded.updated_at"
        ),
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
