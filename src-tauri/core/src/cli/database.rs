//! The database as a whole: encrypting it, changing its passphrase, its backups and the audit
//! trail's verification.

use std::io::Write;
use std::path::Path;

use super::{database_passphrase, line, print_json, secrets};
use crate::error::{CoreError, Result};
use crate::store::encryption::Passphrase;
use crate::store::Store;

pub(super) fn encrypt(store: &mut Store, db: &Path, out: &mut impl Write) -> Result<()> {
    if store.is_encrypted() {
        return Err(CoreError::conflict(
            "The database is already encrypted. To change its passphrase, use change-passphrase.",
        ));
    }
    let new = Passphrase::new(
        "passphrase",
        secrets::passphrase(secrets::NEW_PASSPHRASE_ENV, "new passphrase", true)?,
    )?;
    let left = store.reencrypt(None, &new)?;
    line(out, format!("Encrypted {} and its backups.", db.display()))?;
    unconverted(out, &left)?;
    Ok(())
}

pub(super) fn change_passphrase(store: &mut Store, db: &Path, out: &mut impl Write) -> Result<()> {
    if !store.is_encrypted() {
        return Err(CoreError::conflict(
            "The database is not encrypted. To encrypt it, use encrypt.",
        ));
    }
    let current = database_passphrase()?;
    let new = Passphrase::new(
        "passphrase",
        secrets::passphrase(secrets::NEW_PASSPHRASE_ENV, "new passphrase", true)?,
    )?;
    let left = store.reencrypt(Some(&current), &new)?;
    line(
        out,
        format!(
            "Changed the passphrase of {} and its backups.",
            db.display()
        ),
    )?;
    unconverted(out, &left)?;
    Ok(())
}

pub(super) fn backups(
    store: &mut Store,
    db: &Path,
    keep: Option<u32>,
    json: bool,
    out: &mut impl Write,
) -> Result<()> {
    if let Some(n) = keep {
        crate::settings::save_daily_backups_kept(store, n)?;
    }
    let kept = crate::settings::daily_backups_kept(store)?;
    let list = crate::store::backup::list(db);
    if json {
        print_json(
            out,
            &serde_json::json!({ "dailyKept": kept, "backups": list }),
        )?;
    } else {
        line(out, format!("The newest {kept} daily backups are kept."))?;
        for b in &list {
            line(out, format!("{}  {}", b.file_name, b.taken_at))?;
        }
    }
    Ok(())
}

pub(super) fn backup(store: &Store, file: &Path, out: &mut impl Write) -> Result<()> {
    store.backup_to(file)?;
    line(out, format!("Backed up to {}.", file.display()))?;
    Ok(())
}

/// Verifies the audit trail; `false` (exit 1) when it is broken or a record was altered.
pub(super) fn verify_audit(store: &Store, json: bool, out: &mut impl Write) -> Result<bool> {
    let r = crate::audit::verify(store)?;
    if json {
        print_json(out, &r)?;
    } else {
        if let Some(b) = &r.broken_link {
            line(
                out,
                format!(
                    "The audit trail is broken at history row {} ({} {}): {}.",
                    b.seq.unwrap_or(0),
                    b.entity,
                    b.record_id,
                    b.reason
                ),
            )?;
        }
        for a in &r.altered_records {
            line(out, format!("{} {}: {}.", a.entity, a.record_id, a.reason))?;
        }
        if r.ok {
            line(
                out,
                format!(
                    "The audit trail is intact: {} history rows chained, {} records match their last recorded version.",
                    r.rows, r.records
                ),
            )?;
        }
    }
    Ok(r.ok)
}

/// Names the kept copies a re-encryption could not convert.
fn unconverted(out: &mut impl Write, left: &[String]) -> Result<()> {
    if left.is_empty() {
        return Ok(());
    }
    line(
        out,
        format!(
            "These kept copies could not be opened to convert them (they may be damaged); delete them yourself:\n{}",
            left.join("\n")
        ),
    )
}
