//! Backups and restore from the command line, with real files.

use std::path::Path;

use crate::support::{cli, members_json, stderr, stdout, temp_db};

fn names(db: &Path) -> Vec<String> {
    let mut n: Vec<String> = members_json(db)
        .into_iter()
        .map(|m| m["name"].as_str().unwrap().to_string())
        .collect();
    n.sort();
    n
}

#[test]
fn a_backup_restores_to_exactly_what_was_saved_and_keeps_the_replaced_database() {
    let (dir, db) = temp_db();
    assert!(cli(&db, &["demo"]).status.success());
    let before = names(&db);
    let backup = dir.path().join("board-backup.db");
    let out = cli(&db, &["backup", "--out", backup.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));

    let out = cli(
        &db,
        &[
            "members",
            "add",
            "--name",
            "Sam Lee",
            "--kind",
            "executive",
            "--job-title",
            "Chief People Officer",
            "--start",
            "01/04/2026",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_ne!(names(&db), before);

    let out = cli(&db, &["restore", backup.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("The database it replaced is kept as"),
        "{}",
        stdout(&out)
    );
    assert_eq!(
        names(&db),
        before,
        "the restored database is the backup's content"
    );
    assert!(cli(&db, &["check"]).status.success());
    assert!(cli(&db, &["audit", "verify"]).status.success());
    let replaced: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".replaced-"))
        .collect();
    assert!(!replaced.is_empty(), "the replaced database is kept aside");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".part"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn a_damaged_or_foreign_backup_is_refused_and_nothing_changes() {
    let (dir, db) = temp_db();
    assert!(cli(&db, &["demo"]).status.success());
    let before = names(&db);
    let backup = dir.path().join("good.db");
    assert!(cli(&db, &["backup", "--out", backup.to_str().unwrap()])
        .status
        .success());
    let bytes = std::fs::read(&backup).unwrap();

    let truncated = dir.path().join("truncated.db");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    let text = dir.path().join("notes.db");
    std::fs::write(&text, "minutes of the last meeting").unwrap();
    let foreign = dir.path().join("foreign.db");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    for bad in [&truncated, &text, &foreign] {
        let out = cli(&db, &["restore", bad.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{}", bad.display());
        assert!(
            stderr(&out).contains("cannot be restored"),
            "{}",
            stderr(&out)
        );
        assert!(
            stderr(&out).contains("Nothing was changed"),
            "{}",
            stderr(&out)
        );
        assert_eq!(names(&db), before);
    }
    let out = cli(&db, &["restore", "/no/such/backup.db"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("There is no backup file"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_first_use_of_each_day_takes_a_backup_beside_the_database() {
    let (dir, db) = temp_db();
    assert!(cli(&db, &["demo"]).status.success());
    assert!(cli(&db, &["members", "list"]).status.success());
    let stem = db.file_stem().unwrap().to_string_lossy().into_owned();
    let folder = dir.path().join(format!("{stem}-backups"));
    let today = chrono::Local::now().format("daily-%Y-%m-%d.db").to_string();
    assert!(folder.join(&today).is_file(), "{}", folder.display());
    let copy = rusqlite::Connection::open(folder.join(&today)).unwrap();
    let n: i64 = copy
        .query_row("SELECT count(*) FROM member", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 13);
}

#[test]
fn the_number_of_daily_backups_kept_is_a_setting_and_the_oldest_go_first() {
    let (dir, db) = temp_db();
    assert!(cli(&db, &["demo"]).status.success());
    assert!(cli(&db, &["members", "list"]).status.success());
    let stem = db.file_stem().unwrap().to_string_lossy().into_owned();
    let folder = dir.path().join(format!("{stem}-backups"));
    let today = chrono::Local::now().format("daily-%Y-%m-%d.db").to_string();
    // Five older days' backups, as if the board had used the app all week.
    for day in 1..=5 {
        std::fs::copy(
            folder.join(&today),
            folder.join(format!("daily-2020-01-0{day}.db")),
        )
        .unwrap();
    }
    let out = cli(&db, &["backups", "--keep", "3"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("The newest 3 daily backups are kept."));
    // The next start applies it: today's and the two most recent older ones remain.
    assert!(cli(&db, &["members", "list"]).status.success());
    let mut left: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("daily-"))
        .collect();
    left.sort();
    assert_eq!(
        left,
        ["daily-2020-01-04.db", "daily-2020-01-05.db", today.as_str()]
    );

    let bad = cli(&db, &["backups", "--keep", "0"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("between 1 and 90"));
}

/// Every file and folder under `dir` whose mode lets another account read or enter it.
fn open_to_others(dir: &std::path::Path) -> Vec<String> {
    use std::os::unix::fs::PermissionsExt;
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap().flatten() {
            let path = entry.path();
            let mode = entry.metadata().unwrap().permissions().mode();
            if mode & 0o077 != 0 {
                found.push(format!("{} {:o}", path.display(), mode & 0o777));
            }
            if path.is_dir() {
                stack.push(path);
            }
        }
    }
    found
}

#[test]
fn the_database_its_folder_backups_and_copies_are_the_users_alone() {
    let (dir, _) = temp_db();
    // The app makes the folder itself, as it does for a first database.
    let db = dir.path().join("records").join("board.db");
    assert!(cli(&db, &["demo"]).status.success());
    // A second start takes the daily backup; then a copy is written on request.
    assert!(cli(&db, &["members", "list"]).status.success());
    let copy = dir.path().join("records").join("copy.db");
    let out = cli(&db, &["backup", "--out", copy.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(copy.exists());
    let files = std::fs::read_dir(dir.path().join("records"))
        .unwrap()
        .count();
    assert!(files >= 3, "the database, its lock and the copy at least");
    assert_eq!(open_to_others(dir.path()), Vec::<String>::new());
}

/// Runs the program under strace with `options`, as the command line runs it.
fn under_strace(db: &Path, args: &[&str], options: &[&str]) -> std::process::Output {
    std::process::Command::new("strace")
        .args(options)
        .arg(crate::support::BIN)
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("BOARDASSURE_DB")
        .output()
        .expect("strace is installed (make setup)")
}

/// The calls of `syscalls` a command made, in order, with the paths of their files (`strace -y`).
fn traced(db: &Path, args: &[&str], syscalls: &str) -> Vec<String> {
    let log = db.with_extension("strace");
    let trace = format!("trace={syscalls}");
    let out = under_strace(
        db,
        args,
        &["-f", "-y", "-qq", "-e", &trace, "-o", log.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    std::fs::read_to_string(&log)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn a_copy_and_a_paper_take_their_names_only_with_their_folder_flushed_after() {
    let (dir, db) = temp_db();
    assert!(cli(&db, &["demo"]).status.success());
    let folder = dir.path().canonicalize().unwrap().display().to_string();
    let copy = dir.path().join("copy.db");
    let paper = dir.path().join("paper.pdf");
    for (args, name) in [
        (vec!["backup", "--out", copy.to_str().unwrap()], "copy.db"),
        (
            vec![
                "paper",
                "--period",
                "2026/27",
                "--out",
                paper.to_str().unwrap(),
            ],
            "paper.pdf",
        ),
    ] {
        let calls = traced(&db, &args, "rename,renameat,renameat2,fsync");
        let renamed = calls
            .iter()
            .rposition(|c| c.contains("rename") && c.contains(name))
            .unwrap_or_else(|| panic!("{name} is renamed into place: {calls:#?}"));
        assert!(
            calls[renamed..]
                .iter()
                .any(|c| c.contains("fsync(") && c.contains(&format!("<{folder}>"))),
            "the folder is flushed after {name} takes its name: {calls:#?}"
        );
    }
}

/// Runs a command with the `n`th call of `syscall` failing with EIO, as a failing disk would.
fn with_failure(db: &Path, args: &[&str], syscall: &str, n: usize) -> std::process::Output {
    let inject = format!("inject={syscall}:error=EIO:when={n}");
    under_strace(db, args, &["-f", "-qq", "-o", "/dev/null", "-e", &inject])
}

#[test]
fn a_restore_that_fails_at_any_rename_leaves_the_database_as_it_was() {
    let (dir, db) = temp_db();
    assert!(cli(&db, &["demo"]).status.success());
    let backup = dir.path().join("older.db");
    assert!(cli(&db, &["backup", "--out", backup.to_str().unwrap()])
        .status
        .success());
    let before = names(&db);
    let restore = ["restore", backup.to_str().unwrap()];
    // How many renames a restore makes, counted on a run that succeeds.
    let counted = traced(&db, &restore, "rename,renameat,renameat2");
    let renames = counted.iter().filter(|c| c.contains("rename")).count();
    assert!(renames >= 2, "{counted:#?}");
    for n in 1..=renames {
        let out = with_failure(&db, &restore, "rename,renameat,renameat2", n);
        assert_eq!(
            out.status.code(),
            Some(1),
            "rename {n} failed: {}",
            stderr(&out)
        );
        assert!(
            stderr(&out).contains("as it was") || stderr(&out).contains("Could not"),
            "rename {n}: {}",
            stderr(&out)
        );
        assert!(
            db.exists(),
            "the database is at its path after rename {n} failed"
        );
        assert_eq!(
            names(&db),
            before,
            "every record is there after rename {n} failed"
        );
        let check = cli(&db, &["check"]);
        assert!(check.status.success(), "{}", stderr(&check));
        let audit = cli(&db, &["audit", "verify"]);
        assert!(audit.status.success(), "{}", stdout(&audit));
    }
}

#[test]
fn after_a_restore_killed_half_way_no_empty_database_takes_the_records_place() {
    let (dir, db) = temp_db();
    assert!(cli(&db, &["demo"]).status.success());
    // What a restore killed between its two renames leaves: the database set aside, nothing
    // under its name.
    let aside = dir.path().join("board.db.replaced-2026-12-01T101500");
    std::fs::rename(&db, &aside).unwrap();
    let out = cli(&db, &["members", "list"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("board.db.replaced-2026-12-01T101500"),
        "{}",
        stderr(&out)
    );
    assert!(!db.exists(), "no empty database was made in its place");
}
