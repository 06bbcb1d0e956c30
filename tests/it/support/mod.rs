//! Shared helpers for the integration tests: running the real binary headless, and a desktop
//! (virtual display + WebDriver) for the end-to-end tests.

pub mod desktop;
pub mod pdf;
pub mod process_group;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const BIN: &str = env!("CARGO_BIN_EXE_boardassure");

/// A fresh folder for one test's database, removed afterwards.
pub fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::Builder::new()
        .prefix("boardassure-test")
        .tempdir()
        .unwrap();
    let db = dir.path().join("board.db");
    (dir, db)
}

/// Runs `boardassure --db DB args...` with no inherited database setting or passphrase.
pub fn cli(db: &Path, args: &[&str]) -> Output {
    cli_with(db, args, &[])
}

/// Runs `boardassure --db DB args...` with the environment variables `env` set.
pub fn cli_with(db: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("BOARDASSURE_DB")
        .env_remove("BOARDASSURE_PASSPHRASE")
        .env_remove("BOARDASSURE_NEW_PASSPHRASE")
        .envs(env.iter().copied())
        .output()
        .expect("the boardassure binary runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// `members list --show all --json`, parsed.
pub fn members_json(db: &Path) -> Vec<serde_json::Value> {
    members_json_with(db, &[])
}

/// `members list --show all --json` with the environment variables `env` set, parsed.
pub fn members_json_with(db: &Path, env: &[(&str, &str)]) -> Vec<serde_json::Value> {
    let out = cli_with(db, &["members", "list", "--show", "all", "--json"], env);
    assert!(
        out.status.success(),
        "members list failed: {}",
        stderr(&out)
    );
    serde_json::from_slice(&out.stdout).expect("members list --json prints JSON")
}

/// Runs a command that must succeed, and returns what it printed.
pub fn ok(db: &Path, args: &[&str]) -> String {
    let out = cli(db, args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

/// A fresh database holding the demonstration board, with its year of meetings and log.
pub fn demo() -> (tempfile::TempDir, PathBuf) {
    let (dir, db) = temp_db();
    assert!(cli(&db, &["demo"]).status.success());
    (dir, db)
}

/// A fresh database holding the demonstration board's register alone (organisation, members,
/// training, posts): an empty log for a test to fill.
pub fn register() -> (tempfile::TempDir, PathBuf) {
    let (dir, db) = temp_db();
    let out = cli(&db, &["demo", "--register-only"]);
    assert!(out.status.success(), "{}", stderr(&out));
    (dir, db)
}

/// The id of the member called `name`, read through the command line.
pub fn member_id(db: &Path, name: &str) -> String {
    members_json(db)
        .into_iter()
        .find(|m| m["name"] == name)
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string()
}

/// The environment that gives a command the database's passphrase.
pub fn with_passphrase(pass: &str) -> [(&str, &str); 1] {
    [("BOARDASSURE_PASSPHRASE", pass)]
}
