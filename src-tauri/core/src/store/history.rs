//! The `record_history` table: one row per saved version of any record.

use rusqlite::{params, Connection, OptionalExtension};

use super::entity::Entity;
use super::search::{SearchDocument, Searchable};
use crate::dates;
use crate::error::{CoreError, Result};

/// One stored version of a record.
pub struct Version {
    pub recorded_at: String,
    /// Who made the change: the laptop's owner as chosen in Settings, else the system user.
    pub changed_by: String,
    pub change: String,
    pub snapshot: serde_json::Value,
}

/// Records a version of a record that search does not find (a setting, a plan of a pack…),
/// made by this laptop's user.
pub fn record(
    conn: &Connection,
    entity: Entity,
    record_id: &str,
    change: &str,
    snapshot: &impl serde::Serialize,
) -> Result<()> {
    let by = current_user(conn)?;
    record_by(conn, entity, record_id, change, snapshot, &by, None)
}

/// Records a version of a record that search finds, and rewrites its search text in the same
/// transaction, so search always reflects the newest version.
pub fn record_searched<T: serde::Serialize + Searchable>(
    conn: &Connection,
    record_id: &str,
    change: &str,
    record: &T,
) -> Result<()> {
    let by = current_user(conn)?;
    let document = record.search_document();
    record_by(
        conn,
        T::ENTITY,
        record_id,
        change,
        record,
        &by,
        Some(&document),
    )
}

/// Records a version made by someone other than this laptop's user: a change merged from
/// another installation's exchange file is attributed to where it came from. `document` is
/// the record's search text, required for the kinds search finds.
pub fn record_by(
    conn: &Connection,
    entity: Entity,
    record_id: &str,
    change: &str,
    snapshot: &impl serde::Serialize,
    changed_by: &str,
    document: Option<&SearchDocument>,
) -> Result<()> {
    let json = serde_json::to_string(snapshot)
        .map_err(|e| CoreError::internal(format!("A {entity} record could not be written: {e}")))?;
    record_json(conn, entity, record_id, change, json, changed_by, document)
}

/// Records a version whose snapshot is already JSON text.
pub fn record_json(
    conn: &Connection,
    entity: Entity,
    record_id: &str,
    change: &str,
    json: String,
    changed_by: &str,
    document: Option<&SearchDocument>,
) -> Result<()> {
    match (entity.search_word(), document) {
        (Some(_), Some(doc)) => super::search::index(conn, entity, record_id, doc)?,
        (None, None) => {}
        // A searched kind written without its text would vanish from search; a kind that is
        // not searched has no text to keep. Either is a mistake in the caller, refused here.
        (searched, _) => {
            return Err(CoreError::internal(format!(
                "A {entity} record was recorded {} its search text.",
                if searched.is_some() {
                    "without"
                } else {
                    "with"
                }
            )))
        }
    }
    let (seq, prev_hash) = chain_head(conn)?;
    let row = Link {
        seq: seq + 1,
        entity: entity.code().to_string(),
        record_id: record_id.to_string(),
        recorded_at: dates::now_utc(),
        change: change.to_string(),
        changed_by: changed_by.to_string(),
        snapshot: json,
    };
    let hash = row.hash(&prev_hash);
    conn.execute(
        "INSERT INTO record_history (id, entity, record_id, recorded_at, change, snapshot, changed_by,
             seq, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            super::new_id(),
            row.entity,
            row.record_id,
            row.recorded_at,
            row.change,
            row.snapshot,
            row.changed_by,
            row.seq,
            prev_hash,
            hash
        ],
    )?;
    Ok(())
}

/// The hash the chain starts from.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One row of the chain, as hashed.
pub struct Link {
    pub seq: i64,
    pub entity: String,
    pub record_id: String,
    pub recorded_at: String,
    pub change: String,
    pub changed_by: String,
    pub snapshot: String,
}

impl Link {
    /// SHA-256 over the previous hash and every field, each length-prefixed so no two
    /// different rows can produce the same input.
    pub fn hash(&self, prev_hash: &str) -> String {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        for part in [
            prev_hash,
            &self.seq.to_string(),
            &self.entity,
            &self.record_id,
            &self.recorded_at,
            &self.change,
            &self.changed_by,
            &self.snapshot,
        ] {
            h.update((part.len() as u64).to_be_bytes());
            h.update(part.as_bytes());
        }
        format!("{:x}", h.finalize())
    }
}

/// The last sealed row's sequence number and hash, or the start of the chain.
fn chain_head(conn: &Connection) -> Result<(i64, String)> {
    Ok(conn
        .query_row(
            "SELECT seq, hash FROM record_history WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .unwrap_or((0, GENESIS.to_string())))
}

/// Gives rows written before the chain existed their place in it, oldest first.
pub fn seal_unsealed(conn: &Connection) -> Result<()> {
    let rows: Vec<(i64, Link)> = {
        let mut stmt = conn.prepare(
            "SELECT rowid, entity, record_id, recorded_at, change, changed_by, snapshot
             FROM record_history WHERE seq IS NULL ORDER BY recorded_at, rowid",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get(0)?,
                Link {
                    seq: 0,
                    entity: r.get(1)?,
                    record_id: r.get(2)?,
                    recorded_at: r.get(3)?,
                    change: r.get(4)?,
                    changed_by: r.get(5)?,
                    snapshot: r.get(6)?,
                },
            ))
        })?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let (mut seq, mut prev) = chain_head(conn)?;
    for (rowid, mut link) in rows {
        seq += 1;
        link.seq = seq;
        let hash = link.hash(&prev);
        conn.execute(
            "UPDATE record_history SET seq = ?1, prev_hash = ?2, hash = ?3 WHERE rowid = ?4",
            params![seq, prev, hash, rowid],
        )?;
        prev = hash;
    }
    Ok(())
}

/// A chain row with the previous hash and the hash stored for it.
pub type StoredLink = (Link, Option<String>, Option<String>);

/// Every row of the chain in order, with the hashes stored for it.
pub fn chain(conn: &Connection) -> Result<Vec<StoredLink>> {
    let mut stmt = conn.prepare(
        "SELECT seq, entity, record_id, recorded_at, change, changed_by, snapshot, prev_hash, hash
         FROM record_history ORDER BY seq IS NULL, seq, rowid",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            Link {
                seq: r.get::<_, Option<i64>>(0)?.unwrap_or(0),
                entity: r.get(1)?,
                record_id: r.get(2)?,
                recorded_at: r.get(3)?,
                change: r.get(4)?,
                changed_by: r.get(5)?,
                snapshot: r.get(6)?,
            },
            r.get(7)?,
            r.get(8)?,
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The newest snapshot of every record of `entity`, by record id.
pub fn latest_snapshots(
    conn: &Connection,
    entity: Entity,
) -> Result<std::collections::HashMap<String, serde_json::Value>> {
    let mut stmt = conn
        .prepare("SELECT record_id, snapshot FROM record_history WHERE entity = ?1 ORDER BY seq")?;
    let rows = stmt.query_map([entity.code()], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })?;
    let mut out = std::collections::HashMap::new();
    for row in rows {
        let (id, text) = row?;
        out.insert(
            id,
            serde_json::from_str(&text).unwrap_or(serde_json::Value::Null),
        );
    }
    Ok(out)
}

/// The person making changes: the member this laptop belongs to (chosen in Settings), or the
/// operating-system account when none is chosen.
pub(crate) fn current_user(conn: &Connection) -> Result<String> {
    let me: Option<Option<String>> = super::settings::get(conn, super::settings::MY_MEMBER_ID)?;
    if let Some(id) = me.flatten() {
        let name: Option<String> = conn
            .query_row("SELECT name FROM member WHERE id = ?1", [&id], |r| r.get(0))
            .optional()?;
        if let Some(name) = name {
            return Ok(name);
        }
    }
    Ok(std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_default())
}

/// Every version of one record, oldest first.
pub fn versions(conn: &Connection, entity: Entity, record_id: &str) -> Result<Vec<Version>> {
    let mut stmt = conn.prepare(
        "SELECT recorded_at, change, snapshot, changed_by FROM record_history
         WHERE entity = ?1 AND record_id = ?2 ORDER BY seq, recorded_at, id",
    )?;
    let rows = stmt.query_map([entity.code(), record_id], |r| {
        let text: String = r.get(2)?;
        Ok(Version {
            recorded_at: r.get(0)?,
            changed_by: r.get(3)?,
            change: r.get(1)?,
            snapshot: serde_json::from_str(&text).unwrap_or(serde_json::Value::Null),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// How many versions the audit trail holds.
pub fn count(conn: &Connection) -> Result<u64> {
    Ok(
        conn.query_row("SELECT count(*) FROM record_history", [], |r| {
            r.get::<_, i64>(0)
        })? as u64,
    )
}
