//! The local store: one SQLite file per board, opened in exactly one way.

pub mod backup;
pub mod encryption;
pub mod entity;
pub mod history;
pub mod integrity;
mod lock;
pub mod migrations;
pub mod search;
pub mod settings;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use ts_rs::TS;

use encryption::{FileKind, Passphrase};
use lock::WriterLock;
pub use migrations::SCHEMA_VERSION;

use crate::error::{damaged_database, CoreError, ErrorKind, Result};
use crate::store::entity::Entity;

/// An open database: the connection plus the writer lock that keeps it ours.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    /// Whether the file passed its integrity check; writes wait for it.
    integrity: std::sync::Arc<integrity::Gate>,
    /// Whether the file is encrypted (SQLCipher) rather than plain.
    encrypted: bool,
    /// Inside `write_together`: each write is a savepoint of its one transaction.
    together: bool,
    // Dropped after `conn` (fields drop in order), so the lock outlives every write.
    _lock: Option<WriterLock>,
}

/// The result of `boardassure check` and the Database screen.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HealthReport {
    pub path: String,
    pub schema_version: i32,
    pub app_schema_version: i32,
    /// Whether the file is encrypted at rest.
    pub encrypted: bool,
    /// `ok`, or the first problems SQLite's integrity check found.
    pub integrity: String,
    pub healthy: bool,
}

impl Store {
    /// Opens (creating if needed) the database at `path`: takes the writer lock, sets the
    /// pragmas every connection must have, checks the file, and migrates it.
    /// An encrypted file is refused as locked; a new file is created plain.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_checking(path, None, None)
    }

    /// Opens as `open` does, with a passphrase: it unlocks an encrypted file, and a new file
    /// is created encrypted under it. A plain file opens as it is (see `encrypt`).
    pub fn open_keyed(path: &Path, passphrase: Option<&Passphrase>) -> Result<Store> {
        Store::open_checking(path, passphrase, None)
    }

    /// Opens as `open_keyed` does, but a large file already at this schema version has its
    /// integrity checked in the background (see `integrity`), so reading can begin at once.
    /// The window opens its database this way; the command line checks before it starts.
    pub fn open_for_window(path: &Path, passphrase: Option<&Passphrase>) -> Result<Store> {
        Store::open_checking(path, passphrase, Some(integrity::BACKGROUND_FROM_BYTES))
    }

    /// Opens with the integrity check in the background for files of at least `from` bytes.
    pub(crate) fn open_checking(
        path: &Path,
        passphrase: Option<&Passphrase>,
        background_from: Option<u64>,
    ) -> Result<Store> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| {
                let mut err = CoreError::from(e);
                err.message = format!(
                    "Cannot create the folder {} for the database: {}",
                    parent.display(),
                    err.message
                );
                err
            })?;
        }
        if path.is_dir() {
            return Err(CoreError::new(
                ErrorKind::Io,
                format!(
                    "{} is a folder, not a database file. Give a file name.",
                    path.display()
                ),
            ));
        }
        let lock = WriterLock::acquire(path)?;
        if !path.exists() {
            backup::refuse_after_interrupted_restore(path)?;
        }
        Store::open_locked(path, lock, passphrase, background_from)
    }

    /// Opens the file at `path`, whose writer lock the caller already holds.
    fn open_locked(
        path: &Path,
        lock: WriterLock,
        passphrase: Option<&Passphrase>,
        background_from: Option<u64>,
    ) -> Result<Store> {
        encryption::quiet_library_log();
        let kind = encryption::file_kind(path);
        let key = match (kind, passphrase) {
            (FileKind::Foreign, _) => return Err(damaged_database()),
            (FileKind::Encrypted, None) => return Err(encryption::locked(path)),
            (FileKind::Encrypted | FileKind::Missing, Some(p)) => Some(p),
            (FileKind::Plain | FileKind::Missing, _) => None,
        };
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        match key {
            Some(p) if kind == FileKind::Encrypted => encryption::unlock(&conn, path, p)?,
            // A new file: keyed before its first page is written.
            Some(p) => encryption::apply_key(&conn, p)?,
            None => {}
        }
        encryption::clear_interrupted(path);
        let mut store = Store {
            conn,
            path: Some(path.to_path_buf()),
            integrity: integrity::Gate::sound(),
            encrypted: key.is_some(),
            together: false,
            _lock: Some(lock),
        };
        let background = background_from.is_some_and(|from| {
            std::fs::metadata(path)
                .map(|m| m.len() >= from)
                .unwrap_or(false)
        });
        // Opening writes too (the write-ahead log, pending migrations): a full disk here
        // must read as one.
        if let Err(e) = store.prepare(background, key) {
            return Err(store.explain_io_error(e));
        }
        match key {
            // A new encrypted file gets its check file; a plain one loses any stale one.
            Some(p) if kind == FileKind::Missing => encryption::write_check(path, p)?,
            None => encryption::remove_check(path),
            // An encryption interrupted after the swap may have left readable backups, and a
            // check file written for the file before it.
            Some(p) => {
                encryption::repair_check(path, p);
                for copy in backup::kept_copies(path) {
                    if encryption::file_kind(&copy) == FileKind::Plain {
                        encryption::rewrap_copy(&copy, None, p);
                    }
                }
            }
        }
        tracing::info!(
            schema = SCHEMA_VERSION,
            encrypted = store.encrypted,
            "database opened"
        );
        Ok(store)
    }

    /// A private database in memory, for tests and previews.
    pub fn open_in_memory() -> Result<Store> {
        let mut store = Store {
            conn: Connection::open_in_memory()?,
            path: None,
            integrity: integrity::Gate::sound(),
            encrypted: false,
            together: false,
            _lock: None,
        };
        store.prepare(false, None)?;
        Ok(store)
    }

    fn prepare(&mut self, background: bool, key: Option<&Passphrase>) -> Result<()> {
        let c = &self.conn;
        c.busy_timeout(Duration::from_secs(5))?;
        // Read-only checks first, so a file we refuse is left exactly as it was. A file that
        // is not a database fails on this first read and is reported as damaged.
        let version = migrations::check_compatible(c)?;
        // The check may wait only when opening writes nothing to the file: no migration is
        // due and the write-ahead log is already in use.
        let current: String = c.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
        let background =
            background && version == SCHEMA_VERSION && current.eq_ignore_ascii_case("wal");
        if background {
            let path = self
                .path
                .clone()
                .expect("only files are checked in the background");
            self.integrity = integrity::Gate::check_in_background(&path, key.cloned());
        } else {
            let quick: String = c.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
            if quick != "ok" {
                tracing::warn!("quick_check failed on open");
                return Err(damaged_database());
            }
        }
        let c = &self.conn;
        let journal: String = c.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if self.path.is_some() && !journal.eq_ignore_ascii_case("wal") {
            return Err(CoreError::new(
                ErrorKind::Io,
                "The database could not switch to write-ahead logging; its folder may be read-only or on a network drive. Keep the database on a local disk.",
            ));
        }
        // Board records must survive a power cut: wait for the disk on every commit.
        c.pragma_update(None, "synchronous", "FULL")?;
        c.pragma_update(None, "foreign_keys", "ON")?;
        // Up to 64 MiB of pages kept in memory (the default is 2 MiB): a decade's log is read
        // from memory after the first screen, and the cache only grows as pages are read.
        c.pragma_update(None, "cache_size", -65536)?;
        if let Some(path) = &self.path {
            if version > 0 && version < SCHEMA_VERSION {
                backup::before_migration(c, path, version)?;
            }
        }
        migrations::migrate(&mut self.conn, version)?;
        if let Some(path) = &self.path {
            // A missed daily backup must not keep anyone out of their records; it is logged
            // and tried again on the next start.
            if version > 0 {
                let keep = settings::get::<u32>(&self.conn, settings::DAILY_BACKUPS_KEPT)
                    .ok()
                    .flatten()
                    .unwrap_or(backup::KEEP_DAILY as u32);
                if let Err(e) = backup::daily(&self.conn, path, keep as usize) {
                    tracing::warn!(kind = ?e.kind, "daily backup failed");
                }
            }
        }
        Ok(())
    }

    /// Copies the database to `out` (a consistent copy, never left half-written).
    pub fn backup_to(&self, out: &Path) -> Result<()> {
        if self.path.as_deref() == Some(out) {
            return Err(CoreError::validation(
                "out",
                "Choose a different file for the backup: that is the database itself.",
            ));
        }
        backup::write_copy(&self.conn, out)
    }

    /// Whether the store still has its file: false only after a re-encryption failed between
    /// closing the old file and opening the new one.
    pub fn is_attached(&self) -> bool {
        self.path.is_none() || self._lock.is_some()
    }

    /// The database file; `None` for a database in memory.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Whether the file is encrypted at rest.
    pub fn is_encrypted(&self) -> bool {
        self.encrypted
    }

    /// Encrypts a plain database in place under `new`, or (when it is already encrypted)
    /// changes its passphrase to `new`. The automatic backups and any database kept aside by
    /// a restore follow, so no readable or old-passphrase copy is left by the app. `current`
    /// must open an encrypted database; it is ignored for a plain one.
    ///
    /// Returns the names of kept copies that could not be converted (damaged ones), which the
    /// person should delete themselves.
    pub fn reencrypt(
        &mut self,
        current: Option<&Passphrase>,
        new: &Passphrase,
    ) -> Result<Vec<String>> {
        let path = self
            .path
            .clone()
            .ok_or_else(|| CoreError::internal("A database in memory has no file to encrypt."))?;
        self.integrity.wait()?;
        if self.encrypted {
            let current = current
                .ok_or_else(|| CoreError::validation("current", "Enter the current passphrase."))?;
            encryption::verify(&path, current).map_err(|e| match e.kind {
                ErrorKind::WrongPassphrase => CoreError::validation(
                    "current",
                    "That is not the current passphrase, so nothing was changed.",
                ),
                _ => e,
            })?;
        }
        let old = if self.encrypted { current } else { None };
        let part = encryption::part_beside(&path);
        encryption::export_encrypted(&self.conn, &part, new)
            .map_err(|e| self.explain_io_error(e))?;
        // The old connection must be closed before its file is replaced; the writer lock
        // stays held throughout, so nothing else opens the file in between.
        let old_conn = std::mem::replace(&mut self.conn, Connection::open_in_memory()?);
        if let Err((conn, e)) = old_conn.close() {
            self.conn = conn;
            let _ = std::fs::remove_file(&part);
            return Err(e.into());
        }
        let swapped = encryption::swap_in(&part, &path);
        for suffix in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(PathBuf::from(format!("{}{suffix}", path.display())));
        }
        let lock = self._lock.take().expect("a file database holds its lock");
        let reopened = match swapped {
            Ok(()) => {
                if let Err(e) = encryption::write_check(&path, new) {
                    tracing::warn!(kind = ?e.kind, "passphrase check file not written");
                }
                Store::open_locked(&path, lock, Some(new), None)
            }
            // The old file is still in place: open it as it was.
            Err(e) => {
                *self = Store::open_locked(&path, lock, old, None)?;
                return Err(e);
            }
        }?;
        *self = reopened;
        // Who encrypted the database or changed its passphrase, and when, joins the audit
        // trail (never the passphrase itself).
        let change = if old.is_some() {
            "passphrase changed"
        } else {
            "encrypted"
        };
        self.write(|tx| {
            history::record(
                tx,
                Entity::Database,
                "encryption",
                change,
                &serde_json::json!({ "encrypted": true }),
            )
        })?;
        let mut left = Vec::new();
        for copy in backup::kept_copies(&path) {
            if !encryption::rewrap_copy(&copy, old, new) {
                left.push(copy.display().to_string());
            }
        }
        tracing::info!(
            unconverted = left.len(),
            "database encrypted under a new passphrase"
        );
        Ok(left)
    }

    /// The damaged-file error, once a background check has found damage.
    pub fn integrity_failure(&self) -> Option<CoreError> {
        self.integrity.failure()
    }

    /// Waits for the integrity check, if one is still running.
    pub fn wait_for_integrity(&self) -> Result<()> {
        self.integrity.wait()
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `f` in one write transaction: all of it is saved, or none of it. Inside
    /// [`Store::write_together`] it is a savepoint of that transaction instead: a refused write
    /// still leaves nothing behind, and the whole is saved only at the end.
    pub(crate) fn write<T>(&mut self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        // Nothing is written to a file before it is known to be sound.
        self.integrity.wait()?;
        let together = self.together;
        let result = (|| {
            if together {
                let savepoint = self.conn.savepoint()?;
                let out = f(&savepoint)?;
                savepoint.commit()?;
                Ok(out)
            } else {
                let tx = self
                    .conn
                    .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
                let out = f(&tx)?;
                tx.commit()?;
                Ok(out)
            }
        })();
        result.map_err(|e| self.explain_io_error(e))
    }

    /// Runs `f`, which saves through the domains' own functions, as one transaction: every
    /// write it makes is saved, or none is (a failure or a panic part way rolls all of it
    /// back). Writes inside see each other, as they would one after another.
    pub(crate) fn write_together<T>(
        &mut self,
        f: impl FnOnce(&mut Store) -> Result<T>,
    ) -> Result<T> {
        if self.together {
            return f(self);
        }
        self.integrity.wait()?;
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(|e| self.explain_io_error(e.into()))?;
        self.together = true;
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(self)));
        self.together = false;
        let rollback = |conn: &Connection| {
            if let Err(e) = conn.execute_batch("ROLLBACK") {
                // SQLite may already have rolled back on its own (a full disk, for one).
                tracing::debug!(error = %e, "rollback after a failed write found nothing to undo");
            }
        };
        match outcome {
            Ok(Ok(out)) => match self.conn.execute_batch("COMMIT") {
                Ok(()) => Ok(out),
                Err(e) => {
                    rollback(&self.conn);
                    Err(self.explain_io_error(e.into()))
                }
            },
            Ok(Err(e)) => {
                rollback(&self.conn);
                Err(e)
            }
            Err(panic) => {
                rollback(&self.conn);
                std::panic::resume_unwind(panic)
            }
        }
    }

    /// SQLite reports a write that ran out of disk in WAL mode as a general I/O error; the
    /// operating system's error says what really happened, so the message can say so too.
    fn explain_io_error(&self, e: CoreError) -> CoreError {
        if e.kind != crate::error::ErrorKind::Io {
            return e;
        }
        // SAFETY: the handle is this store's open connection, used on this thread only, and
        // sqlite3_system_errno only reads the last error number recorded on it.
        let errno = unsafe { rusqlite::ffi::sqlite3_system_errno(self.conn.handle()) };
        if errno == 0 {
            return e;
        }
        match std::io::Error::from_raw_os_error(errno).kind() {
            std::io::ErrorKind::StorageFull => CoreError::new(
                crate::error::ErrorKind::Io,
                "The disk is full, so the change was not saved. Free some space and try again; nothing already saved has been lost.",
            ),
            std::io::ErrorKind::ReadOnlyFilesystem | std::io::ErrorKind::PermissionDenied => {
                CoreError::new(
                    crate::error::ErrorKind::Io,
                    "The database file cannot be written (the folder or file is read-only). Check where it is kept and try again; nothing already saved has been lost.",
                )
            }
            _ => e,
        }
    }

    /// A full integrity check and the schema version, for `boardassure check`.
    pub fn health(&self) -> Result<HealthReport> {
        let schema_version = migrations::schema_version(&self.conn)?;
        let mut stmt = self.conn.prepare("PRAGMA integrity_check(20)")?;
        let problems: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let fk_violations: i64 =
            self.conn
                .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                    r.get(0)
                })?;
        let mut integrity = problems.join("; ");
        if fk_violations > 0 {
            integrity = format!("{integrity}; {fk_violations} broken reference(s) between records");
        }
        let healthy = integrity == "ok" && schema_version == SCHEMA_VERSION;
        Ok(HealthReport {
            path: self
                .path
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_else(|| ":memory:".into()),
            schema_version,
            app_schema_version: SCHEMA_VERSION,
            encrypted: self.encrypted,
            integrity,
            healthy,
        })
    }
}

/// A new stable record id: UUID v7, so ids sort by creation time and never collide across
/// laptops when records are later exchanged.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

#[cfg(test)]
mod tests;
