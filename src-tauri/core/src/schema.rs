//! The steps of a migration that need a domain's own types, beyond the SQL in
//! `store/migrations/`. The store runs them in the migration's transaction without knowing
//! the domains: this is the one place that joins the two.

use rusqlite::Connection;

use crate::error::Result;

/// Runs after every pending migration's SQL, in the same transaction, with the version the
/// file had before.
pub(crate) fn after_migrations(tx: &Connection, from_version: i32) -> Result<()> {
    // Requirements seeded by a migration get their first version in the history.
    crate::compliance::repo::record_seeded(tx)?;
    // The search index (format 6) is filled from every record there is.
    if from_version < 6 {
        crate::search::rebuild_index(tx)?;
    }
    Ok(())
}
