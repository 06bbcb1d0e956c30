//! Versioned schema migrations, applied in one transaction.
//!
//! The schema version lives in SQLite's `user_version`; `application_id` marks the file as
//! ours so a foreign SQLite database is refused rather than written into.

use rusqlite::Connection;

use crate::error::{CoreError, ErrorKind, Result};

/// "SBA1" as a big-endian integer: marks a file as a Safeguarding Board Assurance database.
pub const APPLICATION_ID: i32 = 0x5342_4131;

/// Each entry moves the schema up by one version; never edit one that has shipped.
pub(super) const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_board_register.sql"),
    include_str!("migrations/0002_training.sql"),
    include_str!("migrations/0003_competency.sql"),
    include_str!("migrations/0004_scrutiny.sql"),
    include_str!("migrations/0005_audit_chain.sql"),
    include_str!("migrations/0006_search.sql"),
    include_str!("migrations/0007_search_documents.sql"),
    include_str!("migrations/0008_exchange.sql"),
    include_str!("migrations/0009_training_status_index.sql"),
    include_str!("migrations/0010_covering_indexes.sql"),
    include_str!("migrations/0011_training_text.sql"),
    include_str!("migrations/0012_search_facets.sql"),
    include_str!("migrations/0013_dates_are_real_dates.sql"),
    include_str!("migrations/0014_post_holders.sql"),
    include_str!("migrations/0015_planned_questions.sql"),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i32 = MIGRATIONS.len() as i32;

pub fn schema_version(conn: &Connection) -> Result<i32> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Refuses files that are not ours or are newer than this build, reading only; returns the
/// file's schema version.
pub fn check_compatible(conn: &Connection) -> Result<i32> {
    let app_id: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let version = schema_version(conn)?;
    let has_tables: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table')",
        [],
        |r| r.get(0),
    )?;
    if app_id != APPLICATION_ID && (app_id != 0 || has_tables) {
        return Err(CoreError::new(
            ErrorKind::Damaged,
            "This file is an SQLite database from another program, not a Safeguarding Board Assurance database. It has been left untouched; choose another file.",
        ));
    }
    if version > SCHEMA_VERSION {
        return Err(CoreError::new(
            ErrorKind::TooNew,
            format!(
                "This database was saved by a newer version of Safeguarding Board Assurance (data format {version}; this version reads up to {SCHEMA_VERSION}). It has been left untouched. Install the newer version to open it."
            ),
        ));
    }
    Ok(version)
}

/// Brings the schema up to date from `version`: every pending migration applies, or none does.
pub fn migrate(conn: &mut Connection, version: i32) -> Result<()> {
    if version == SCHEMA_VERSION {
        return Ok(());
    }
    let tx = conn.transaction()?;
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        tx.execute_batch(sql)?;
        tracing::info!(to_version = index + 1, "applied schema migration");
    }
    // History written before the chain existed joins it, oldest first; records the
    // migrations themselves seeded get their first version.
    super::history::seal_unsealed(&tx)?;
    if version < 12 {
        super::search::carry_over_with_facets(&tx)?;
    }
    crate::schema::after_migrations(&tx, version)?;
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    tx.commit()?;
    Ok(())
}
