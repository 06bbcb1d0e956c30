//! The exchange tables: this installation's key, the signers it trusts, and the record
//! versions it has learnt of from other installations.

use std::collections::HashSet;

use rusqlite::{params, Connection, OptionalExtension};

use crate::dates;
use crate::error::Result;

/// The stored private key, if one has been made.
pub fn secret_key(conn: &Connection) -> Result<Option<[u8; 32]>> {
    let bytes: Option<Vec<u8>> = conn
        .query_row(
            "SELECT secret FROM installation_key WHERE singleton = 1",
            [],
            |r| r.get(0),
        )
        .optional()?;
    Ok(bytes.and_then(|b| b.try_into().ok()))
}

pub fn save_secret_key(conn: &Connection, secret: &[u8; 32]) -> Result<()> {
    conn.execute(
        "INSERT INTO installation_key (singleton, secret, created_at) VALUES (1, ?1, ?2)",
        params![secret.as_slice(), dates::now_utc()],
    )?;
    Ok(())
}

/// A trusted signer: its public key in hex, the name it was trusted under, and when.
pub type Signer = (String, String, String);

pub fn signers(conn: &Connection) -> Result<Vec<Signer>> {
    let mut stmt = conn.prepare(
        "SELECT public_key, name, trusted_at FROM trusted_signer ORDER BY name COLLATE NOCASE",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn is_trusted(conn: &Connection, public_key: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM trusted_signer WHERE public_key = ?1)",
        [public_key],
        |r| r.get(0),
    )?)
}

pub fn trust(conn: &Connection, public_key: &str, name: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO trusted_signer (public_key, name, trusted_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (public_key) DO UPDATE SET name = excluded.name",
        params![public_key, name, dates::now_utc()],
    )?;
    Ok(())
}

pub fn untrust(conn: &Connection, public_key: &str) -> Result<bool> {
    Ok(conn.execute(
        "DELETE FROM trusted_signer WHERE public_key = ?1",
        [public_key],
    )? > 0)
}

/// The hash that names one version of a record: SHA-256 of its snapshot as saved.
pub fn version_hash(snapshot: &str) -> String {
    use sha2::{Digest, Sha256};
    format!("{:x}", Sha256::digest(snapshot.as_bytes()))
}

/// Every version of a record this installation knows: its own history and the versions other
/// installations reported when the record came from them.
pub fn known_versions(conn: &Connection, entity: &str, record_id: &str) -> Result<HashSet<String>> {
    let mut out = HashSet::new();
    let mut stmt = conn.prepare_cached(
        "SELECT snapshot FROM record_history WHERE entity = ?1 AND record_id = ?2",
    )?;
    for text in stmt.query_map([entity, record_id], |r| r.get::<_, String>(0))? {
        out.insert(version_hash(&text?));
    }
    let mut stmt = conn.prepare_cached(
        "SELECT version FROM record_lineage WHERE entity = ?1 AND record_id = ?2",
    )?;
    for v in stmt.query_map([entity, record_id], |r| r.get::<_, String>(0))? {
        out.insert(v?);
    }
    Ok(out)
}

pub fn add_lineage<'a>(
    conn: &Connection,
    entity: &str,
    record_id: &str,
    versions: impl IntoIterator<Item = &'a String>,
) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT OR IGNORE INTO record_lineage (entity, record_id, version) VALUES (?1, ?2, ?3)",
    )?;
    for v in versions {
        stmt.execute(params![entity, record_id, v])?;
    }
    Ok(())
}
