//! A full disk: papers, backups and the database itself, on a tiny file system that fills up.
//! Each failure must say the disk is full, leave nothing half-written under a final name, and
//! leave what was there before (an older paper, the saved records) intact.
//!
//! The test mounts a 256 KB tmpfs, so it needs root, as CI on this machine has.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{cli, stderr, stdout, temp_db};

/// A small tmpfs, unmounted when dropped; the temporary folder it is mounted in goes after.
struct SmallDisk(PathBuf, #[allow(dead_code)] tempfile::TempDir);

impl SmallDisk {
    fn mount(kb: u32) -> SmallDisk {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("disk");
        std::fs::create_dir(&path).unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={kb}k"), "tmpfs"])
            .arg(&path)
            .status()
            .map(|s| s.success())
            .unwrap_or(false);
        assert!(ok, "mounting a small tmpfs needs root (CI runs as root)");
        SmallDisk(path, dir)
    }

    /// Fills the disk, leaving about `leave` bytes free.
    fn fill(&self, leave: u64) {
        let stat = free_bytes(&self.0);
        let size = stat.saturating_sub(leave);
        let _ = std::fs::write(self.0.join("filler"), vec![0u8; size as usize]);
    }
}

fn free_bytes(path: &Path) -> u64 {
    let out = Command::new("df")
        .args(["--output=avail", "-B1"])
        .arg(path)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .nth(1)
        .and_then(|l| l.trim().parse().ok())
        .unwrap()
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "filler")
        .collect()
}

#[test]
fn a_paper_or_backup_on_a_full_disk_says_so_and_keeps_the_older_file() {
    let (_dir, db) = temp_db();
    assert!(cli(&db, &["demo"]).status.success());
    let disk = SmallDisk::mount(256);
    let older = disk.0.join("paper.pdf");
    std::fs::write(&older, b"%PDF-1.7 the paper from last month").unwrap();
    disk.fill(8 * 1024);

    let out = cli(
        &db,
        &[
            "paper",
            "--period",
            "2026/27",
            "--out",
            older.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(
        stderr(&out).contains("The disk is full"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read(&older).unwrap(),
        b"%PDF-1.7 the paper from last month",
        "last month's paper is untouched"
    );
    assert_eq!(leftovers(&disk.0), ["paper.pdf"], "no partial file is left");

    let backup = disk.0.join("board-backup.db");
    let out = cli(&db, &["backup", "--out", backup.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("disk is full"), "{}", stderr(&out));
    assert!(!backup.exists());
    assert_eq!(leftovers(&disk.0), ["paper.pdf"]);
}

#[test]
fn a_database_whose_disk_fills_refuses_the_change_and_keeps_every_saved_record() {
    let disk = SmallDisk::mount(2048);
    let db = disk.0.join("board.db");
    assert!(cli(&db, &["demo"]).status.success());
    let before = stdout(&cli(&db, &["members", "list", "--json"]));
    disk.fill(0);

    let mut refused = false;
    for i in 0..20 {
        let out = cli(
            &db,
            &[
                "members",
                "add",
                "--name",
                &format!("New Member {i}"),
                "--kind",
                "non-executive",
                "--job-title",
                "Director of Nursing",
                "--start",
                "01/04/2026",
            ],
        );
        if !out.status.success() {
            let err = stderr(&out);
            assert!(err.contains("disk is full"), "{err}");
            refused = true;
            break;
        }
    }
    assert!(refused, "the disk filled up");
    std::fs::remove_file(disk.0.join("filler")).unwrap();
    let check = cli(&db, &["check"]);
    assert!(check.status.success(), "{}", stdout(&check));
    let after = stdout(&cli(&db, &["members", "list", "--json"]));
    let names = |json: &str| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_str(json).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|m| m["name"].as_str().unwrap().to_string())
            .collect()
    };
    for name in names(&before) {
        assert!(names(&after).contains(&name), "{name} is still there");
    }
    assert!(cli(&db, &["audit", "verify"]).status.success());
}
