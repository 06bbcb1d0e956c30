//! Backups and restore.
//!
//! A backup is a consistent copy of the database made by SQLite itself (`VACUUM INTO`), written
//! under a temporary name, flushed, and only then given its final name. The app takes one
//! before every migration and one on the first use of each day, keeping the newest few; a
//! person can take one to a file of their choosing. A restore checks the backup first, then
//! swaps it in with renames, keeping the replaced database (and its write-ahead log) aside.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::encryption::{self, FileKind, Passphrase};
use super::lock::WriterLock;
use super::migrations;
use crate::error::{CoreError, ErrorKind, Result};

/// One automatic backup, as offered for restoring.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BackupInfo {
    /// The file's name within the backups folder; the only way the window names a backup.
    pub file_name: String,
    /// "daily" or "before-migration".
    pub kind: String,
    /// When it was taken, as the file system records it (UTC, ISO 8601).
    pub taken_at: String,
    /// Serialised as a plain JSON number: no backup comes near 2^53 bytes.
    #[ts(type = "number")]
    pub bytes: u64,
}

/// The automatic backups of the database at `db`, newest first.
pub fn list(db: &Path) -> Vec<BackupInfo> {
    let Ok(entries) = std::fs::read_dir(folder_for(db)) else {
        return Vec::new();
    };
    let mut out: Vec<(std::time::SystemTime, BackupInfo)> = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let kind = if name.starts_with("daily-") {
                "daily"
            } else if name.starts_with("before-format-") {
                "before-migration"
            } else {
                return None;
            };
            if !name.ends_with(".db") {
                return None;
            }
            let meta = e.metadata().ok()?;
            let modified = meta.modified().ok()?;
            let taken_at = chrono::DateTime::<chrono::Utc>::from(modified)
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
            Some((
                modified,
                BackupInfo {
                    file_name: name,
                    kind: kind.into(),
                    taken_at,
                    bytes: meta.len(),
                },
            ))
        })
        .collect();
    out.sort_by_key(|(modified, _)| std::cmp::Reverse(*modified));
    out.into_iter().map(|(_, b)| b).collect()
}

/// Restores the automatic backup called `file_name` (as `list` named it) over `db`.
pub fn restore_automatic(
    db: &Path,
    file_name: &str,
    passphrase: Option<&Passphrase>,
) -> Result<Option<PathBuf>> {
    if !list(db).iter().any(|b| b.file_name == file_name) {
        return Err(CoreError::not_found(format!(
            "There is no automatic backup called {file_name}."
        )));
    }
    restore(db, &folder_for(db).join(file_name), passphrase)
}

/// How many automatic daily backups are kept.
pub const KEEP_DAILY: usize = 7;

/// The folder of automatic backups for the database at `db`: beside it, so they travel with it.
pub fn folder_for(db: &Path) -> PathBuf {
    let stem = db
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "boardassure".into());
    db.with_file_name(format!("{stem}-backups"))
}

fn io_error(what: &str, path: &Path, e: std::io::Error) -> CoreError {
    let mut err = CoreError::from(e);
    err.message = format!("Could not {what} {}: {}", path.display(), err.message);
    err
}

/// Copies the open database to `out`, never leaving a partial file under that name.
pub fn write_copy(conn: &Connection, out: &Path) -> Result<()> {
    let dir = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir).map_err(|e| io_error("create the folder", &dir, e))?;
    let tmp = dir.join(format!(
        ".boardassure-backup-{}.part",
        crate::store::new_id()
    ));
    let result = (|| -> Result<()> {
        conn.execute("VACUUM INTO ?1", [tmp.to_string_lossy().as_ref()])?;
        std::fs::File::open(&tmp)
            .and_then(|f| f.sync_all())
            .map_err(|e| io_error("flush", &tmp, e))?;
        std::fs::rename(&tmp, out).map_err(|e| io_error("save the backup as", out, e))?;
        crate::files::sync_folder_of(out);
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Every copy of the database at `db` the app keeps: its automatic backups and the databases
/// a restore set aside. Encryption and a change of passphrase convert them all.
pub fn kept_copies(db: &Path) -> Vec<PathBuf> {
    let mut copies: Vec<PathBuf> = std::fs::read_dir(folder_for(db))
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "db"))
                .collect()
        })
        .unwrap_or_default();
    let prefix = format!(
        "{}.replaced-",
        db.file_name().unwrap_or_default().to_string_lossy()
    );
    let dir = match db.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if let Ok(entries) = std::fs::read_dir(dir) {
        copies.extend(entries.flatten().map(|e| e.path()).filter(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            name.starts_with(&prefix) && !name.ends_with("-wal") && !name.ends_with("-shm")
        }));
    }
    copies.sort();
    copies
}

/// Takes today's automatic backup if there is none yet, and keeps the newest `keep`.
pub fn daily(conn: &Connection, db: &Path, keep: usize) -> Result<Option<PathBuf>> {
    let folder = folder_for(db);
    let today = chrono::Local::now().format("%Y-%m-%d").to_string();
    let name = format!("daily-{today}.db");
    let target = folder.join(&name);
    let taken = !target.exists();
    if taken {
        write_copy(conn, &target)?;
    }
    let entries: Vec<PathBuf> = std::fs::read_dir(&folder)
        .map_err(|e| io_error("read", &folder, e))?
        .flatten()
        .map(|e| e.path())
        .collect();
    // A backup interrupted by a crash leaves only a temporary file; clear those away.
    for stale in entries.iter().filter(|p| {
        p.file_name()
            .is_some_and(|n| n.to_string_lossy().ends_with(".part"))
    }) {
        let _ = std::fs::remove_file(stale);
    }
    let mut dailies: Vec<PathBuf> = entries
        .into_iter()
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("daily-"))
        })
        .collect();
    dailies.sort();
    while dailies.len() > keep.max(1) {
        let oldest = dailies.remove(0);
        let _ = std::fs::remove_file(oldest);
    }
    if !taken {
        return Ok(None);
    }
    tracing::info!("daily backup taken");
    Ok(Some(target))
}

/// The backup taken before migrating a database from `from` to the current schema.
pub fn before_migration(conn: &Connection, db: &Path, from: i32) -> Result<PathBuf> {
    let stamp = chrono::Local::now().format("%Y-%m-%dT%H%M%S");
    let target = folder_for(db).join(format!("before-format-{}-{stamp}.db", from + 1));
    write_copy(conn, &target)?;
    tracing::info!(from, "backup taken before migration");
    Ok(target)
}

/// Checks that `path` is a healthy database this version can read, without changing it. An
/// encrypted backup is read under `passphrase`.
pub fn check_backup(path: &Path, passphrase: Option<&Passphrase>) -> Result<()> {
    if !path.is_file() {
        return Err(CoreError::not_found(format!(
            "There is no backup file at {}.",
            path.display()
        )));
    }
    let refuse = |why: String| {
        CoreError::new(
            ErrorKind::Damaged,
            format!(
                "{} cannot be restored: {why} Nothing was changed.",
                path.display()
            ),
        )
    };
    let conn = match (encryption::file_kind(path), passphrase) {
        (FileKind::Missing, _) => return Err(refuse("it holds no board records.".into())),
        (FileKind::Foreign, _) => {
            return Err(refuse("it cannot be opened as a database.".into()))
        }
        (FileKind::Encrypted, None) => {
            return Err(CoreError::new(
                ErrorKind::Locked,
                format!(
                    "{} is encrypted: give the passphrase it was taken under. Nothing was changed.",
                    path.display()
                ),
            ))
        }
        (FileKind::Encrypted, Some(p)) => {
            encryption::open_read_only(path, p).map_err(|e| match e.kind {
                ErrorKind::WrongPassphrase => CoreError::new(
                    ErrorKind::WrongPassphrase,
                    format!(
                        "{} does not open with this passphrase: it was taken under another one, or it is damaged. Nothing was changed.",
                        path.display()
                    ),
                ),
                _ => refuse("it is damaged.".into()),
            })?
        }
        (FileKind::Plain, _) => {
            Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
                .map_err(|_| refuse("it cannot be opened as a database.".into()))?
        }
    };
    let version = migrations::check_compatible(&conn).map_err(|e| refuse(e.message))?;
    if version == 0 {
        return Err(refuse("it holds no board records.".into()));
    }
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|_| refuse("it is damaged.".into()))?;
    if check != "ok" {
        return Err(refuse(format!("it is damaged ({check}).")));
    }
    Ok(())
}

/// Puts a copy of `backup` at `tmp`, ready to be renamed into place. A plain backup restored
/// over an encrypted database is encrypted on the way, so restoring never undoes encryption.
fn stage(db: &Path, backup: &Path, tmp: &Path, passphrase: Option<&Passphrase>) -> Result<()> {
    let encrypt_on_the_way = encryption::file_kind(backup) == FileKind::Plain
        && encryption::file_kind(db) == FileKind::Encrypted;
    match passphrase {
        Some(p) if encrypt_on_the_way => {
            let conn = Connection::open_with_flags(
                backup,
                OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
            )?;
            encryption::export_encrypted(&conn, tmp, p)
        }
        _ => {
            std::fs::copy(backup, tmp).map_err(|e| io_error("copy the backup to", tmp, e))?;
            let flushed = std::fs::File::open(tmp).and_then(|f| f.sync_all());
            if let Err(e) = flushed {
                let _ = std::fs::remove_file(tmp);
                return Err(io_error("flush", tmp, e));
            }
            Ok(())
        }
    }
}

/// Refuses to make a new, empty database at `db` when a restore was interrupted there (the
/// process killed between setting the database aside and putting the backup in its place):
/// the board's records are in the file set aside, and an empty database under the old name
/// would hide them behind a "healthy" check.
pub(crate) fn refuse_after_interrupted_restore(db: &Path) -> Result<()> {
    let (Some(dir), Some(name)) = (db.parent(), db.file_name()) else {
        return Ok(());
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let prefix = format!("{}.replaced-", name.to_string_lossy());
    let mut aside: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| {
                    p.file_name().is_some_and(|n| {
                        let n = n.to_string_lossy();
                        n.starts_with(&prefix) && !n.ends_with("-wal") && !n.ends_with("-shm")
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    aside.sort();
    match aside.last() {
        None => Ok(()),
        Some(newest) => Err(CoreError::new(
            ErrorKind::Damaged,
            format!(
                "The database {} is missing, but {} holds the records a restore set aside, so no new database was made. To go back to them, rename that file to {} (and its -wal file, if there is one, to match); then open the app again.",
                db.display(),
                newest.display(),
                name.to_string_lossy()
            ),
        )),
    }
}

/// Replaces the database at `db` with the backup at `backup`. Returns where the replaced
/// database was kept, if there was one.
pub fn restore(
    db: &Path,
    backup: &Path,
    passphrase: Option<&Passphrase>,
) -> Result<Option<PathBuf>> {
    check_backup(backup, passphrase)?;
    let _lock = WriterLock::acquire(db)?;
    let dir = match db.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let tmp = dir.join(format!(
        ".boardassure-restore-{}.part",
        crate::store::new_id()
    ));
    stage(db, backup, &tmp, passphrase)?;
    // Every rename made, so a failure part way can put each back: the database is then
    // exactly where and what it was, never missing from its path.
    let mut moved: Vec<(PathBuf, PathBuf)> = Vec::new();
    let mut kept = None;
    let swapped = (|| -> Result<()> {
        if db.exists() {
            let stamp = chrono::Local::now().format("%Y-%m-%dT%H%M%S");
            let aside = PathBuf::from(format!("{}.replaced-{stamp}", db.display()));
            std::fs::rename(db, &aside).map_err(|e| io_error("set aside", db, e))?;
            moved.push((db.to_path_buf(), aside.clone()));
            // The write-ahead log and shared memory belong to the replaced file: move them
            // with it so the restored database never picks up frames that are not its own.
            for suffix in ["-wal", "-shm"] {
                let from = PathBuf::from(format!("{}{suffix}", db.display()));
                if from.exists() {
                    let to = PathBuf::from(format!("{}{suffix}", aside.display()));
                    std::fs::rename(&from, &to).map_err(|e| io_error("set aside", &from, e))?;
                    moved.push((from, to));
                }
            }
            kept = Some(aside);
        }
        std::fs::rename(&tmp, db).map_err(|e| io_error("put the backup in place as", db, e))
    })();
    if let Err(mut e) = swapped {
        for (from, to) in moved.iter().rev() {
            if let Err(back) = std::fs::rename(to, from) {
                tracing::error!(error = %back.kind(), "a file set aside by a restore could not be put back");
            }
        }
        let _ = std::fs::remove_file(&tmp);
        crate::files::sync_folder_of(db);
        e.message = format!(
            "{} The restore was undone: the database is as it was before.",
            e.message
        );
        return Err(e);
    }
    crate::files::sync_folder_of(db);
    // The check file follows the passphrase that opened what is now in place.
    match (encryption::file_kind(db), passphrase) {
        (FileKind::Encrypted, Some(p)) => {
            if let Err(e) = encryption::write_check(db, p) {
                tracing::warn!(kind = ?e.kind, "passphrase check file not written");
            }
        }
        _ => encryption::remove_check(db),
    }
    tracing::info!("database restored from a backup");
    Ok(kept)
}
