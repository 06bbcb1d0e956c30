//! The `search_index` full-text table: one row per record, rewritten with each saved version.

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use super::entity::Entity;
use crate::error::Result;
use crate::periods::Period;

/// The word in the `facets` column that marks a record's kind.
pub fn kind_word(kind: &str) -> String {
    format!("kind{kind}")
}

/// The word in the `facets` column that marks a financial year (`fy2025`) or a quarter of one
/// (`fy2025q3`).
pub fn period_word(period: Period) -> String {
    match period.quarter {
        Some(q) => format!("fy{}q{q}", period.year),
        None => format!("fy{}", period.year),
    }
}

/// The `facets` text of a record: its kind, and the year and quarter of its day when it has
/// one.
fn facets(kind: &str, day: &str) -> String {
    let mut words = vec![kind_word(kind)];
    if let Ok(date) = NaiveDate::parse_from_str(day, "%Y-%m-%d") {
        words.push(period_word(Period::year_of(date)));
        words.push(period_word(Period::quarter_of(date)));
    }
    words.join(" ")
}

/// One record's row in the index, under the rowid `search_doc` keeps for it.
const INSERT_ROW: &str =
    "INSERT INTO search_index (rowid, kind, record_id, day, title, body, facets)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

/// What search finds a record by: a title, its text, and the day it belongs to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchDocument {
    pub title: String,
    pub body: String,
    /// `YYYY-MM-DD`, or empty for a record without a day.
    pub day: String,
}

impl SearchDocument {
    /// A document whose text is `parts`, one a line, empty ones left out.
    pub fn new(title: &str, parts: &[&str], day: Option<chrono::NaiveDate>) -> SearchDocument {
        SearchDocument {
            title: title.to_string(),
            body: parts
                .iter()
                .filter(|p| !p.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join("\n"),
            day: day.map(|d| d.to_string()).unwrap_or_default(),
        }
    }
}

/// A kind of record that search finds, and how: declared beside the type, from its fields, so
/// a renamed field cannot silently drop out of search.
pub trait Searchable {
    /// Its kind in the history chain; `ENTITY.search_word()` must be `Some`.
    const ENTITY: Entity;
    fn search_document(&self) -> SearchDocument;
}

/// Replaces the indexed text of one record with what its newest version says.
pub fn index(
    conn: &Connection,
    entity: Entity,
    record_id: &str,
    doc: &SearchDocument,
) -> Result<()> {
    let Some(kind) = entity.search_word() else {
        return Ok(());
    };
    // The record's row in the index has a fixed rowid, found by key in `search_doc`.
    conn.execute(
        "INSERT INTO search_doc (kind, record_id) VALUES (?1, ?2)
         ON CONFLICT (kind, record_id) DO NOTHING",
        params![kind, record_id],
    )?;
    let id: i64 = conn.query_row(
        "SELECT id FROM search_doc WHERE kind = ?1 AND record_id = ?2",
        params![kind, record_id],
        |r| r.get(0),
    )?;
    conn.execute("DELETE FROM search_index WHERE rowid = ?1", [id])?;
    conn.execute(
        INSERT_ROW,
        params![
            id,
            kind,
            record_id,
            doc.day,
            doc.title,
            doc.body,
            facets(kind, &doc.day)
        ],
    )?;
    Ok(())
}

/// Empties the index, before `search::rebuild_index` fills it from the records.
pub fn clear(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM search_index", [])?;
    conn.execute("DELETE FROM search_doc", [])?;
    Ok(())
}

/// Copies the index of before format 12 into the new one, adding each row's facets, then
/// drops the old one and merges the new one into a single segment (searches read fewer pages).
pub fn carry_over_with_facets(conn: &Connection) -> Result<()> {
    {
        let mut read = conn.prepare(
            "SELECT rowid, kind, record_id, day, title, body FROM search_index_before_facets",
        )?;
        let mut write = conn.prepare(INSERT_ROW)?;
        let mut rows = read.query([])?;
        while let Some(r) = rows.next()? {
            let (kind, day): (String, String) = (r.get(1)?, r.get(3)?);
            let (title, body): (String, String) = (r.get(4)?, r.get(5)?);
            write.execute(params![
                r.get::<_, i64>(0)?,
                kind,
                r.get::<_, String>(2)?,
                day,
                title,
                body,
                facets(&kind, &day)
            ])?;
        }
    }
    conn.execute_batch(
        "DROP TABLE search_index_before_facets;
         INSERT INTO search_index (search_index) VALUES ('optimize');",
    )?;
    Ok(())
}

/// A match: kind, record id, day, and its title and a snippet of its text with the matched
/// words between \u{1} and \u{2}.
pub struct Match {
    pub kind: String,
    pub record_id: String,
    pub day: String,
    pub title: String,
    pub snippet: String,
}

/// How many records match an FTS5 query in all, however many are ranked.
pub fn count_matches(conn: &Connection, fts: &str) -> Result<u32> {
    Ok(conn
        .prepare_cached("SELECT count(*) FROM search_index WHERE search_index MATCH ?1")?
        .query_row([fts], |r| r.get(0))?)
}

/// The `limit` most recently recorded matches of an FTS5 query, newest first.
///
/// Reading matches in the index's own order lets SQLite stop after `limit` of them, however
/// many records match: ranking every match with `bm25()` reads the whole of each word's list
/// and took 30 ms for common words on ten years of records.
pub fn recent_matches(conn: &Connection, fts: &str, limit: u32) -> Result<Vec<Match>> {
    let mut stmt = conn.prepare_cached(
        "SELECT kind, record_id, day,
                highlight(search_index, 3, char(1), char(2)),
                snippet(search_index, 4, char(1), char(2), '…', 16)
         FROM search_index WHERE search_index MATCH ?1
         ORDER BY rowid DESC LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![fts, limit], |r| {
        Ok(Match {
            kind: r.get(0)?,
            record_id: r.get(1)?,
            day: r.get(2)?,
            title: r.get(3)?,
            snippet: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
