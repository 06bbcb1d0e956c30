//! One open database for the life of the window: every command borrows it in turn.
//!
//! When the database cannot be opened (in use, damaged, too new) the session keeps the reason
//! instead, so the window can explain it and offer to try again, and nothing writes.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::Serialize;
use ts_rs::TS;

use crate::board;
use crate::error::{CoreError, ErrorBody, Result};
use crate::store::{members, Store};

pub struct Session {
    path: PathBuf,
    store: Mutex<std::result::Result<Store, CoreError>>,
}

/// What the window needs to know before showing any screen.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AppStatus {
    pub app_version: String,
    pub db_path: String,
    /// Why the database could not be opened, if it could not.
    pub open_error: Option<ErrorBody>,
    /// No organisation and no members yet: show the first-run screen.
    pub first_run: bool,
}

impl Session {
    pub fn open(path: &Path) -> Session {
        let store = Store::open_for_window(path);
        if let Err(e) = &store {
            tracing::warn!(kind = ?e.kind, "database not opened");
        }
        Session {
            path: path.to_path_buf(),
            store: Mutex::new(store),
        }
    }

    /// Runs `f` on the open store, or returns why there is none.
    pub fn with<T>(&self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        // A panic in an earlier command must not lock the user out of their data.
        let mut guard = self.store.lock().unwrap_or_else(|p| p.into_inner());
        Self::close_if_damaged(&mut guard);
        match guard.as_mut() {
            Ok(store) => f(store),
            Err(e) => Err(e.clone()),
        }
    }

    /// A background integrity check that found damage closes the database, as finding it at
    /// opening would have: from then on every command says so and nothing is written.
    fn close_if_damaged(guard: &mut std::result::Result<Store, CoreError>) {
        if let Some(e) = guard.as_ref().ok().and_then(Store::integrity_failure) {
            tracing::warn!("database closed: the background integrity check found damage");
            *guard = Err(e);
        }
    }

    pub fn status(&self) -> AppStatus {
        let mut guard = self.store.lock().unwrap_or_else(|p| p.into_inner());
        Self::close_if_damaged(&mut guard);
        let (open_error, first_run) = match guard.as_ref() {
            Ok(store) => {
                let empty = members::count(store.conn())
                    .map(|n| n == 0)
                    .unwrap_or(false)
                    && board::get_organisation(store)
                        .map(|o| o.is_none())
                        .unwrap_or(false);
                (None, empty)
            }
            Err(e) => (Some(e.body()), false),
        };
        AppStatus {
            app_version: env!("CARGO_PKG_VERSION").to_string(),
            db_path: self.path.display().to_string(),
            open_error,
            first_run,
        }
    }

    /// The automatic backups of this database, newest first.
    pub fn backups(&self) -> Vec<crate::store::backup::BackupInfo> {
        crate::store::backup::list(&self.path)
    }

    /// Replaces the database with one of its automatic backups, then opens it. The database
    /// is closed first so the restore can take the writer lock.
    pub fn restore_backup(&self, file_name: &str) -> Result<AppStatus> {
        {
            let mut guard = self.store.lock().unwrap_or_else(|p| p.into_inner());
            *guard = Err(CoreError::new(
                crate::error::ErrorKind::InUse,
                "The database is being restored from a backup.",
            ));
            let restored = crate::store::backup::restore_automatic(&self.path, file_name);
            *guard = Store::open_for_window(&self.path);
            restored?;
        }
        Ok(self.status())
    }

    /// Tries again to open the database (after the other program holding it has closed).
    pub fn retry_open(&self) -> AppStatus {
        {
            let mut guard = self.store.lock().unwrap_or_else(|p| p.into_inner());
            if guard.is_err() {
                *guard = Store::open_for_window(&self.path);
            }
        }
        self.status()
    }
}

/// Where the start-up benchmark asks to be told the first screen is ready.
pub const READY_FILE_ENV: &str = "BOARDASSURE_READY_FILE";

/// Records how long the window took to show its first screen: in the log always, and in the
/// file named by `BOARDASSURE_READY_FILE` (milliseconds) when the benchmark sets it.
pub fn first_screen_ready(after: std::time::Duration) {
    let ms = after.as_millis();
    tracing::info!(ms = ms as u64, "first screen ready");
    if let Some(file) = std::env::var_os(READY_FILE_ENV) {
        if let Err(e) = crate::files::write_atomically(Path::new(&file), ms.to_string().as_bytes())
        {
            tracing::warn!(error = %e.message, "could not write the ready file");
        }
    }
}
