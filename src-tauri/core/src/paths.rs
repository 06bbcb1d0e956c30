//! Where the app keeps its files by default.

use std::path::PathBuf;

/// The environment variable that chooses the database when `--db` is not given.
pub const DB_ENV: &str = "BOARDASSURE_DB";

const APP_DIR: &str = "boardassure";

/// The per-user data folder's database, e.g. `~/.local/share/boardassure/boardassure.db`.
pub fn default_db_path() -> PathBuf {
    data_dir().join("boardassure.db")
}

/// Rolling log files, e.g. `~/.local/state/boardassure/logs`.
pub fn log_dir() -> PathBuf {
    let base = directories::BaseDirs::new();
    base.as_ref()
        .and_then(|b| b.state_dir().map(|p| p.to_path_buf()))
        .unwrap_or_else(data_dir)
        .join(APP_DIR)
        .join("logs")
}

fn data_dir() -> PathBuf {
    directories::BaseDirs::new()
        .map(|b| b.data_dir().join(APP_DIR))
        .unwrap_or_else(|| PathBuf::from(".").join(APP_DIR))
}

/// Makes every file and folder the app creates from now on its user's alone (files 0600,
/// folders 0700): the database and its journal, backups, the log and the papers and exports it
/// writes all hold safeguarding records, and on a shared computer the usual 0644 would let
/// every other account read them. Called first, before anything is opened or written.
pub fn keep_new_files_private() {
    #[cfg(unix)]
    // SAFETY: umask only sets the process's file-creation mask; it cannot fail.
    unsafe {
        libc::umask(0o077);
    }
}
