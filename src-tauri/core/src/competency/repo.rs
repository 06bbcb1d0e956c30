//! The `self_assessment`, `assessment_evidence` and `planned_learning` tables.

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::competency::{
    Assessment, EvidenceKind, EvidenceLink, PlanStatus, PlannedLearning, SignOff,
};
use crate::error::Result;

const ASSESSMENT_COLUMNS: &str = "a.id, a.member_id, a.framework_id, a.item_id, a.rating, \
     a.assessed_on, a.note, a.signed_off_by, m.name, a.signed_off_on, a.created_at, a.updated_at";

fn conversion(i: usize, e: crate::error::CoreError) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
}

fn assessment_from_row(r: &Row) -> rusqlite::Result<Assessment> {
    let by: Option<String> = r.get(7)?;
    let sign_off = match by {
        Some(by_member_id) => Some(SignOff {
            by_member_id,
            by_name: r.get::<_, Option<String>>(8)?.unwrap_or_default(),
            on: r.get(9)?,
        }),
        None => None,
    };
    Ok(Assessment {
        id: r.get(0)?,
        member_id: r.get(1)?,
        framework_id: r.get(2)?,
        item_id: r.get(3)?,
        rating: r.get(4)?,
        assessed_on: r.get(5)?,
        note: r.get(6)?,
        evidence: Vec::new(),
        sign_off,
        created_at: r.get(10)?,
        updated_at: r.get(11)?,
    })
}

fn with_evidence(conn: &Connection, mut a: Assessment) -> Result<Assessment> {
    let mut stmt = conn.prepare(
        "SELECT kind, reference, title FROM assessment_evidence
         WHERE assessment_id = ?1 ORDER BY position",
    )?;
    let rows = stmt.query_map([&a.id], |r| {
        let kind: String = r.get(0)?;
        Ok(EvidenceLink {
            kind: EvidenceKind::parse("kind", &kind).map_err(|e| conversion(0, e))?,
            reference: r.get(1)?,
            title: r.get(2)?,
        })
    })?;
    a.evidence = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(a)
}

fn select(condition: &str) -> String {
    format!(
        "SELECT {ASSESSMENT_COLUMNS} FROM self_assessment a
         LEFT JOIN member m ON m.id = a.signed_off_by WHERE {condition}"
    )
}

pub fn get_assessment(conn: &Connection, id: &str) -> Result<Option<Assessment>> {
    let found = conn
        .query_row(&select("a.id = ?1"), [id], assessment_from_row)
        .optional()?;
    found.map(|a| with_evidence(conn, a)).transpose()
}

pub fn find_assessment(
    conn: &Connection,
    member_id: &str,
    framework_id: &str,
    item_id: &str,
) -> Result<Option<Assessment>> {
    let found = conn
        .query_row(
            &select("a.member_id = ?1 AND a.framework_id = ?2 AND a.item_id = ?3"),
            [member_id, framework_id, item_id],
            assessment_from_row,
        )
        .optional()?;
    found.map(|a| with_evidence(conn, a)).transpose()
}

pub fn assessments_for_member(conn: &Connection, member_id: &str) -> Result<Vec<Assessment>> {
    let mut stmt = conn.prepare(&select("a.member_id = ?1"))?;
    let rows = stmt.query_map([member_id], assessment_from_row)?;
    rows.collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .map(|a| with_evidence(conn, a))
        .collect()
}

/// The rating codes that assessments use, to refuse removing one from the scale.
pub fn ratings_in_use(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT DISTINCT rating FROM self_assessment")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Writes an assessment and replaces its evidence list.
pub fn save_assessment(conn: &Connection, a: &Assessment) -> Result<()> {
    conn.execute(
        "INSERT INTO self_assessment (id, member_id, framework_id, item_id, rating, assessed_on,
             note, signed_off_by, signed_off_on, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
         ON CONFLICT (id) DO UPDATE SET rating = excluded.rating,
             assessed_on = excluded.assessed_on, note = excluded.note,
             signed_off_by = excluded.signed_off_by, signed_off_on = excluded.signed_off_on,
             updated_at = excluded.updated_at",
        params![
            a.id,
            a.member_id,
            a.framework_id,
            a.item_id,
            a.rating,
            a.assessed_on,
            a.note,
            a.sign_off.as_ref().map(|s| &s.by_member_id),
            a.sign_off.as_ref().map(|s| s.on),
            a.created_at,
            a.updated_at
        ],
    )?;
    conn.execute(
        "DELETE FROM assessment_evidence WHERE assessment_id = ?1",
        [&a.id],
    )?;
    for (i, e) in a.evidence.iter().enumerate() {
        conn.execute(
            "INSERT INTO assessment_evidence (assessment_id, position, kind, reference, title)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![a.id, i as i64, e.kind.code(), e.reference, e.title],
        )?;
    }
    Ok(())
}

const PLAN_COLUMNS: &str =
    "id, member_id, title, item_id, target_date, status, created_at, updated_at";

fn plan_from_row(r: &Row) -> rusqlite::Result<PlannedLearning> {
    let status: String = r.get(5)?;
    Ok(PlannedLearning {
        id: r.get(0)?,
        member_id: r.get(1)?,
        title: r.get(2)?,
        item_id: r.get(3)?,
        target_date: r.get(4)?,
        status: PlanStatus::parse("status", &status).map_err(|e| conversion(5, e))?,
        created_at: r.get(6)?,
        updated_at: r.get(7)?,
    })
}

pub fn get_plan(conn: &Connection, id: &str) -> Result<Option<PlannedLearning>> {
    Ok(conn
        .query_row(
            &format!("SELECT {PLAN_COLUMNS} FROM planned_learning WHERE id = ?1"),
            [id],
            plan_from_row,
        )
        .optional()?)
}

/// A member's plan: undated items last, otherwise soonest first.
pub fn plan_for_member(conn: &Connection, member_id: &str) -> Result<Vec<PlannedLearning>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {PLAN_COLUMNS} FROM planned_learning WHERE member_id = ?1
         ORDER BY target_date IS NULL, target_date, created_at"
    ))?;
    let rows = stmt.query_map([member_id], plan_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn save_plan(conn: &Connection, p: &PlannedLearning) -> Result<()> {
    conn.execute(
        &format!(
            "INSERT INTO planned_learning ({PLAN_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
             ON CONFLICT (id) DO UPDATE SET title = excluded.title, item_id = excluded.item_id,
                 target_date = excluded.target_date, status = excluded.status,
                 updated_at = excluded.updated_at"
        ),
        params![
            p.id,
            p.member_id,
            p.title,
            p.item_id,
            p.target_date,
            p.status.code(),
            p.created_at,
            p.updated_at
        ],
    )?;
    Ok(())
}
