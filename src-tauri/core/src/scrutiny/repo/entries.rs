//! The `scrutiny_entry` table: the challenges in the log.

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::error::Result;
use crate::scrutiny::{Entry, EvidenceSource};

// Entries.

const ENTRY_COLUMNS: &str = "id, meeting_id, agenda_item_id, raised_on, area_id, raised_by, \
     challenge, directed_to, response, evidence, assurance_level, minute_ref, created_at, updated_at";

fn entry_from_row(r: &Row) -> rusqlite::Result<Entry> {
    let evidence: String = r.get(9)?;
    let evidence: Vec<EvidenceSource> = serde_json::from_str(&evidence).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(9, rusqlite::types::Type::Text, Box::new(e))
    })?;
    Ok(Entry {
        id: r.get(0)?,
        meeting_id: r.get(1)?,
        agenda_item_id: r.get(2)?,
        raised_on: r.get(3)?,
        area_id: r.get(4)?,
        raised_by: r.get(5)?,
        challenge: r.get(6)?,
        directed_to: r.get(7)?,
        response: r.get(8)?,
        evidence,
        assurance_level: r.get(10)?,
        minute_ref: r.get(11)?,
        created_at: r.get(12)?,
        updated_at: r.get(13)?,
    })
}

/// The date of the earliest challenge or meeting recorded, if any.
pub fn earliest_date(conn: &Connection) -> Result<Option<chrono::NaiveDate>> {
    Ok(conn.query_row(
        "SELECT min(d) FROM (SELECT min(raised_on) AS d FROM scrutiny_entry
                             UNION ALL SELECT min(held_on) FROM meeting)",
        [],
        |r| r.get(0),
    )?)
}

pub fn get_entry(conn: &Connection, id: &str) -> Result<Option<Entry>> {
    Ok(conn
        .query_row(
            &format!("SELECT {ENTRY_COLUMNS} FROM scrutiny_entry WHERE id = ?1"),
            [id],
            entry_from_row,
        )
        .optional()?)
}

/// Entries raised between `from` and `to` inclusive, most recent first.
pub fn entries_between(
    conn: &Connection,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Result<Vec<Entry>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {ENTRY_COLUMNS} FROM scrutiny_entry WHERE raised_on BETWEEN ?1 AND ?2
         ORDER BY raised_on DESC, created_at DESC"
    ))?;
    let rows = stmt.query_map(params![from, to], entry_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn save_entry(conn: &Connection, e: &Entry) -> Result<()> {
    let evidence = serde_json::to_string(&e.evidence).expect("evidence serialises");
    conn.execute(
        &format!(
            "INSERT INTO scrutiny_entry ({ENTRY_COLUMNS})
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
             ON CONFLICT (id) DO UPDATE SET meeting_id = excluded.meeting_id,
                 agenda_item_id = excluded.agenda_item_id, raised_on = excluded.raised_on,
                 area_id = excluded.area_id, raised_by = excluded.raised_by,
                 challenge = excluded.challenge, directed_to = excluded.directed_to,
                 response = excluded.response, evidence = excluded.evidence,
                 assurance_level = excluded.assurance_level, minute_ref = excluded.minute_ref,
                 updated_at = excluded.updated_at"
        ),
        params![
            e.id,
            e.meeting_id,
            e.agenda_item_id,
            e.raised_on,
            e.area_id,
            e.raised_by,
            e.challenge,
            e.directed_to,
            e.response,
            evidence,
            e.assurance_level,
            e.minute_ref,
            e.created_at,
            e.updated_at
        ],
    )?;
    Ok(())
}

/// The assurance levels that entries use, to refuse removing one from the scale.
pub fn levels_in_use(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT DISTINCT assurance_level FROM scrutiny_entry")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Entries between two dates, optionally only one area's, one member's or one level's, most
/// recent first.
pub fn entries_matching(
    conn: &Connection,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
    area_id: Option<&str>,
    raised_by: Option<&str>,
    level: Option<&str>,
) -> Result<Vec<Entry>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {ENTRY_COLUMNS} FROM scrutiny_entry
         WHERE raised_on BETWEEN ?1 AND ?2
           AND (?3 IS NULL OR area_id = ?3)
           AND (?4 IS NULL OR raised_by = ?4)
           AND (?5 IS NULL OR assurance_level = ?5)
         ORDER BY raised_on DESC, created_at DESC"
    ))?;
    let rows = stmt.query_map(params![from, to, area_id, raised_by, level], entry_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The entries with these ids, in no particular order.
pub fn entries_by_ids(conn: &Connection, ids: &[&str]) -> Result<Vec<Entry>> {
    let list = serde_json::to_string(ids).expect("ids serialise");
    let mut stmt = conn.prepare(&format!(
        "SELECT {ENTRY_COLUMNS} FROM scrutiny_entry WHERE id IN (SELECT value FROM json_each(?1))"
    ))?;
    let rows = stmt.query_map([list], entry_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

// Pages of the log and the tracker, for lists that grow for a decade.

/// Which entries a page of the log is cut from.
pub struct EntryQuery<'a> {
    pub from: chrono::NaiveDate,
    pub to: chrono::NaiveDate,
    pub area_id: Option<&'a str>,
    pub raised_by: Option<&'a str>,
    pub level: Option<&'a str>,
    /// Only entries with an action not yet closed.
    pub open_actions: bool,
}

const ENTRY_WHERE: &str = "raised_on BETWEEN ?1 AND ?2
           AND (?3 IS NULL OR area_id = ?3)
           AND (?4 IS NULL OR raised_by = ?4)
           AND (?5 IS NULL OR assurance_level = ?5)
           AND (?6 = 0 OR EXISTS (SELECT 1 FROM follow_up_action a
                                  WHERE a.entry_id = scrutiny_entry.id AND a.status != 'closed'))";

/// One page of matching entries, most recent first, and how many match in all.
pub fn entries_page(
    conn: &Connection,
    q: &EntryQuery,
    offset: u32,
    limit: u32,
) -> Result<(Vec<Entry>, u32)> {
    let args = params![
        q.from,
        q.to,
        q.area_id,
        q.raised_by,
        q.level,
        q.open_actions
    ];
    let total: u32 = conn.query_row(
        &format!("SELECT count(*) FROM scrutiny_entry WHERE {ENTRY_WHERE}"),
        args,
        |r| r.get(0),
    )?;
    let mut stmt = conn.prepare(&format!(
        "SELECT {ENTRY_COLUMNS} FROM scrutiny_entry WHERE {ENTRY_WHERE}
         ORDER BY raised_on DESC, created_at DESC LIMIT ?7 OFFSET ?8"
    ))?;
    let rows = stmt.query_map(
        params![
            q.from,
            q.to,
            q.area_id,
            q.raised_by,
            q.level,
            q.open_actions,
            limit,
            offset
        ],
        entry_from_row,
    )?;
    Ok((rows.collect::<rusqlite::Result<Vec<_>>>()?, total))
}
