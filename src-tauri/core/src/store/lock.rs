//! The writer lock: one process at a time may hold a database open.
//!
//! SQLite's own locking lets two processes write in turn; for a record that people sign off,
//! two live writers (a window and a script, say) would be a source of lost edits. A lock file
//! beside the database, held with an OS advisory lock for as long as the store is open, makes
//! the second opener fail at once with a clear message. The OS releases the lock if the
//! process dies, so a crash never leaves the database locked out.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use crate::error::{CoreError, ErrorKind, Result};

#[derive(Debug)]
pub struct WriterLock {
    _file: File,
}

impl WriterLock {
    pub fn acquire(db_path: &Path) -> Result<WriterLock> {
        let path = lock_path(&real_path(db_path));
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| {
                use std::io::ErrorKind as K;
                if matches!(e.kind(), K::ReadOnlyFilesystem | K::PermissionDenied) {
                    return CoreError::new(
                        ErrorKind::Io,
                        format!(
                            "The database's folder {} cannot be written to (it is read-only), so the database was not opened and nothing in it was changed. Move the database to a folder you can write to, or copy it there.",
                            path.parent().map(|p| p.display().to_string()).unwrap_or_default()
                        ),
                    );
                }
                let mut err = CoreError::from(e);
                err.message = format!(
                    "Cannot create the lock file {}: {}",
                    path.display(),
                    err.message
                );
                err
            })?;
        match file.try_lock() {
            Ok(()) => Ok(WriterLock { _file: file }),
            Err(TryLockError::WouldBlock) => Err(CoreError::new(
                ErrorKind::InUse,
                format!(
                    "The database {} is in use by another Safeguarding Board Assurance window or command. Close that one and try again.",
                    db_path.display()
                ),
            )),
            Err(TryLockError::Error(e)) => Err(e.into()),
        }
    }
}

/// The file a path names once links are followed: a database reached through a symbolic link
/// (or `..`) must find the same lock as through its own name, or two writers could hold it. A
/// database not made yet is named by its folder's real path.
fn real_path(db_path: &Path) -> PathBuf {
    if let Ok(real) = std::fs::canonicalize(db_path) {
        return real;
    }
    match (db_path.parent(), db_path.file_name()) {
        (Some(folder), Some(name)) => {
            let folder = if folder.as_os_str().is_empty() {
                Path::new(".")
            } else {
                folder
            };
            std::fs::canonicalize(folder)
                .map(|f| f.join(name))
                .unwrap_or_else(|_| db_path.to_path_buf())
        }
        _ => db_path.to_path_buf(),
    }
}

fn lock_path(db_path: &Path) -> PathBuf {
    let mut name = db_path.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}
