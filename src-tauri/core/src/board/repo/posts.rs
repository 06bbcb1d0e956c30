//! The `post_holder` table.

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::board::PostHolder;
use crate::error::Result;

const COLUMNS: &str = "p.id, p.post, p.member_id, m.name, p.held_from, p.held_to";

fn from_row(r: &Row) -> rusqlite::Result<PostHolder> {
    Ok(PostHolder {
        id: r.get(0)?,
        post: r.get(1)?,
        member_id: r.get(2)?,
        member_name: r.get(3)?,
        held_from: r.get(4)?,
        held_to: r.get(5)?,
    })
}

/// Every holding, by post and then from the earliest.
pub fn all(conn: &Connection) -> Result<Vec<PostHolder>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM post_holder p JOIN member m ON m.id = p.member_id
         ORDER BY p.post COLLATE NOCASE, p.held_from"
    ))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn get(conn: &Connection, id: &str) -> Result<Option<PostHolder>> {
    Ok(conn
        .query_row(
            &format!(
                "SELECT {COLUMNS} FROM post_holder p JOIN member m ON m.id = p.member_id
                 WHERE p.id = ?1"
            ),
            [id],
            from_row,
        )
        .optional()?)
}

pub fn save(conn: &Connection, p: &PostHolder, now: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO post_holder (id, post, member_id, held_from, held_to, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)
         ON CONFLICT (id) DO UPDATE SET post = excluded.post, member_id = excluded.member_id,
             held_from = excluded.held_from, held_to = excluded.held_to,
             updated_at = excluded.updated_at",
        params![p.id, p.post, p.member_id, p.held_from, p.held_to, now],
    )?;
    Ok(())
}

pub fn delete(conn: &Connection, id: &str) -> Result<()> {
    conn.execute("DELETE FROM post_holder WHERE id = ?1", [id])?;
    Ok(())
}
