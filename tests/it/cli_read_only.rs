//! A read-only folder (a disk or share mounted read-only): opening a database there, and
//! writing a paper, a backup, an export or an exchange file into it, each fail saying so,
//! leave the files there untouched and add no partial file.
//!
//! The test mounts a tmpfs and remounts it read-only, so it needs root, as CI on this machine
//! has (root ignores file permissions, so a read-only mount is the honest test).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support;
use crate::support::{cli, stderr, temp_db};

struct ReadOnlyDisk(PathBuf, #[allow(dead_code)] tempfile::TempDir);

impl ReadOnlyDisk {
    fn mount() -> ReadOnlyDisk {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("disk");
        std::fs::create_dir(&path).unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=8m", "tmpfs"])
            .arg(&path)
            .status()
            .map(|s| s.success())
            .unwrap_or(false);
        assert!(ok, "mounting a tmpfs needs root (CI runs as root)");
        ReadOnlyDisk(path, dir)
    }

    fn make_read_only(&self) {
        let ok = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(&self.0)
            .status()
            .unwrap()
            .success();
        assert!(ok, "remounting read-only");
    }
}

impl Drop for ReadOnlyDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

fn listing(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap_or_default(),
            )
        })
        .collect();
    files.sort();
    files
}

fn refused(db: &Path, args: &[&str], env: Option<(&str, &str)>) -> String {
    let mut c = Command::new(support::BIN);
    c.arg("--db")
        .arg(db)
        .args(args)
        .env_remove("BOARDASSURE_DB");
    if let Some((k, v)) = env {
        c.env(k, v);
    }
    let out = c.output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{args:?} should fail");
    stderr(&out)
}

#[test]
fn a_read_only_folder_is_reported_and_nothing_there_changes() {
    let disk = ReadOnlyDisk::mount();
    let kept_db = disk.0.join("board.db");
    assert!(cli(&kept_db, &["demo"]).status.success());
    std::fs::write(disk.0.join("paper.pdf"), b"%PDF-1.7 last month's paper").unwrap();
    disk.make_read_only();
    let before = listing(&disk.0);

    // The database on the read-only disk is not opened, and is left exactly as it was.
    let open = refused(&kept_db, &["members", "list"], None);
    assert!(open.contains("read-only"), "{open}");
    assert!(open.contains("nothing in it was changed"), "{open}");

    // Files written from a database elsewhere into the read-only folder.
    let (_dir, db) = temp_db();
    assert!(cli(&db, &["demo"]).status.success());
    let at = |name: &str| disk.0.join(name).to_str().unwrap().to_string();
    for (args, env) in [
        (
            vec![
                "paper".to_string(),
                "--period".into(),
                "2026/27".into(),
                "--out".into(),
                at("paper.pdf"),
            ],
            None,
        ),
        (vec!["backup".into(), "--out".into(), at("backup.db")], None),
        (
            vec![
                "export-csv".into(),
                "--what".into(),
                "log".into(),
                "--out".into(),
                at("log.csv"),
            ],
            None,
        ),
        (
            vec!["export-json".into(), "--out".into(), at("all.json")],
            None,
        ),
        (
            vec![
                "export".into(),
                "--board".into(),
                "--out".into(),
                at("board.boardx"),
            ],
            Some(("BOARDASSURE_EXCHANGE_PASSPHRASE", "amber kettle lighthouse")),
        ),
    ] {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let said = refused(&db, &args, env);
        assert!(said.contains("read-only"), "{args:?}: {said}");
    }
    assert_eq!(
        listing(&disk.0),
        before,
        "the read-only folder is exactly as it was"
    );
}
