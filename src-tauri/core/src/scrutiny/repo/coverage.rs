//! Coverage read from the `scrutiny_entry` table: tallies by area and level.

use rusqlite::{params, Connection};

use crate::error::Result;

/// How many entries one area had at one level between two dates, and the latest of them.
pub struct Tally {
    pub area_id: String,
    pub level: String,
    pub entries: u32,
    pub last: chrono::NaiveDate,
}

pub fn coverage_tallies(
    conn: &Connection,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Result<Vec<Tally>> {
    let mut stmt = conn.prepare_cached(
        "SELECT area_id, assurance_level, count(*), max(raised_on) FROM scrutiny_entry
         WHERE raised_on BETWEEN ?1 AND ?2 GROUP BY area_id, assurance_level",
    )?;
    let rows = stmt.query_map(params![from, to], |r| {
        Ok(Tally {
            area_id: r.get(0)?,
            level: r.get(1)?,
            entries: r.get(2)?,
            last: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
