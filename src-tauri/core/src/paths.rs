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
