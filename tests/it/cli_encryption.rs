//! Encryption at rest from the command line: the passphrase comes from the environment (or a
//! terminal prompt), never an argument; the file gives nothing away without it.

use std::path::Path;
use std::process::Command;

use crate::support::with_passphrase;
use crate::support::{cli, cli_with, stderr, stdout, temp_db};

const CANARY: &str = "Canary Ward 7f3a Review Trust";
const PASS: &str = "correct horse battery staple";
const NEW_PASS: &str = "purple elephant umbrella";

fn contains(bytes: &[u8], text: &str) -> bool {
    bytes.windows(text.len()).any(|w| w == text.as_bytes())
}

/// Every file in the database's folder, backups included, searched for `text`.
fn anywhere_on_disk(dir: &Path, text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(folder).unwrap().flatten() {
            let p = entry.path();
            if p.is_dir() {
                folders.push(p);
            } else if contains(&std::fs::read(&p).unwrap_or_default(), text) {
                found.push(p.display().to_string());
            }
        }
    }
    found
}

fn set_org(db: &Path, env: &[(&str, &str)]) {
    let out = cli_with(
        db,
        &[
            "org",
            "set",
            "--name",
            CANARY,
            "--nation",
            "england",
            "--type",
            "nhs-trust",
        ],
        env,
    );
    assert!(out.status.success(), "{}", stderr(&out));
}

/// What the sqlite3 tool makes of the file: it must not be able to read it.
fn sqlite3_reads(db: &Path) -> std::process::Output {
    Command::new("sqlite3")
        .arg(db)
        .arg("SELECT name FROM organisation;")
        .output()
        .expect("the sqlite3 tool is installed (apt-get install sqlite3)")
}

#[test]
fn a_database_created_with_a_passphrase_gives_nothing_away_without_it() {
    let (dir, db) = temp_db();
    assert!(cli_with(&db, &["demo"], &with_passphrase(PASS))
        .status
        .success());
    set_org(&db, &with_passphrase(PASS));

    assert!(
        anywhere_on_disk(dir.path(), CANARY).is_empty(),
        "plain text on disk: {:?}",
        anywhere_on_disk(dir.path(), CANARY)
    );
    let tool = sqlite3_reads(&db);
    assert!(
        !tool.status.success(),
        "sqlite3 read the file: {}",
        stdout(&tool)
    );
    assert!(
        stderr(&tool).contains("not a database"),
        "{}",
        stderr(&tool)
    );

    let shown = cli_with(&db, &["org", "show"], &with_passphrase(PASS));
    assert!(stdout(&shown).contains(CANARY), "{}", stdout(&shown));
    let check = cli_with(&db, &["check"], &with_passphrase(PASS));
    assert!(
        stdout(&check).contains("Encrypted: yes"),
        "{}",
        stdout(&check)
    );
}

#[test]
fn without_the_passphrase_or_with_a_wrong_one_the_command_says_what_to_do() {
    let (_dir, db) = temp_db();
    assert!(cli_with(&db, &["demo"], &with_passphrase(PASS))
        .status
        .success());
    let before = std::fs::read(&db).unwrap();

    let none = cli(&db, &["members", "list"]);
    assert_eq!(none.status.code(), Some(1));
    assert!(stderr(&none).contains("is encrypted"), "{}", stderr(&none));
    assert!(
        stderr(&none).contains("BOARDASSURE_PASSPHRASE"),
        "{}",
        stderr(&none)
    );

    let wrong = cli_with(
        &db,
        &["members", "list"],
        &with_passphrase("not the passphrase"),
    );
    assert_eq!(wrong.status.code(), Some(1));
    assert!(
        stderr(&wrong).contains("does not open this database"),
        "{}",
        stderr(&wrong)
    );
    assert_eq!(std::fs::read(&db).unwrap(), before, "nothing was changed");

    // No passphrase is ever accepted as an argument.
    let arg = cli(&db, &["members", "list", "--passphrase", PASS]);
    assert_eq!(arg.status.code(), Some(2), "{}", stderr(&arg));
}

#[test]
fn a_damaged_encrypted_file_is_reported_as_damaged_not_as_a_wrong_passphrase() {
    let (_dir, db) = temp_db();
    assert!(cli_with(&db, &["demo"], &with_passphrase(PASS))
        .status
        .success());
    let mut bytes = std::fs::read(&db).unwrap();
    for b in &mut bytes[200..260] {
        *b ^= 0xA5;
    }
    std::fs::write(&db, &bytes).unwrap();

    let right = cli_with(&db, &["members", "list"], &with_passphrase(PASS));
    assert_eq!(right.status.code(), Some(1));
    assert!(
        stderr(&right).contains("passphrase is right, but the database file is damaged"),
        "{}",
        stderr(&right)
    );
    let wrong = cli_with(
        &db,
        &["members", "list"],
        &with_passphrase("not the passphrase"),
    );
    assert!(
        stderr(&wrong).contains("does not open this database"),
        "{}",
        stderr(&wrong)
    );
    assert_eq!(
        std::fs::read(&db).unwrap(),
        bytes,
        "the damaged file is left as it was"
    );
}

#[test]
fn a_plain_database_is_encrypted_in_place_with_its_backups_and_its_passphrase_can_change() {
    let (dir, db) = temp_db();
    assert!(cli(&db, &["demo"]).status.success());
    set_org(&db, &[]);
    let backup = dir.path().join("manual-before.db");
    assert!(cli(&db, &["backup", "--out", backup.to_str().unwrap()])
        .status
        .success());
    std::fs::remove_file(&backup).unwrap();
    assert!(
        !anywhere_on_disk(dir.path(), CANARY).is_empty(),
        "plain to begin with"
    );

    let short = cli_with(
        &db,
        &["encrypt"],
        &[("BOARDASSURE_NEW_PASSPHRASE", "short")],
    );
    assert_eq!(short.status.code(), Some(1));
    assert!(
        stderr(&short).contains("at least 10 characters"),
        "{}",
        stderr(&short)
    );

    let enc = cli_with(&db, &["encrypt"], &[("BOARDASSURE_NEW_PASSPHRASE", PASS)]);
    assert!(enc.status.success(), "{}", stderr(&enc));
    assert!(stdout(&enc).contains("Encrypted"), "{}", stdout(&enc));
    assert!(
        anywhere_on_disk(dir.path(), CANARY).is_empty(),
        "left readable: {:?}",
        anywhere_on_disk(dir.path(), CANARY)
    );
    assert!(!sqlite3_reads(&db).status.success());
    let listed = cli_with(&db, &["org", "show"], &with_passphrase(PASS));
    assert!(stdout(&listed).contains(CANARY), "{}", stderr(&listed));
    let audit = cli_with(&db, &["audit", "verify"], &with_passphrase(PASS));
    assert!(
        audit.status.success(),
        "the audit chain survives: {}",
        stdout(&audit)
    );

    let again = cli_with(
        &db,
        &["encrypt"],
        &[
            ("BOARDASSURE_PASSPHRASE", PASS),
            ("BOARDASSURE_NEW_PASSPHRASE", PASS),
        ],
    );
    assert!(
        stderr(&again).contains("already encrypted"),
        "{}",
        stderr(&again)
    );

    let bad_current = cli_with(
        &db,
        &["change-passphrase"],
        &[
            ("BOARDASSURE_PASSPHRASE", "not the passphrase"),
            ("BOARDASSURE_NEW_PASSPHRASE", NEW_PASS),
        ],
    );
    assert_eq!(bad_current.status.code(), Some(1));
    let changed = cli_with(
        &db,
        &["change-passphrase"],
        &[
            ("BOARDASSURE_PASSPHRASE", PASS),
            ("BOARDASSURE_NEW_PASSPHRASE", NEW_PASS),
        ],
    );
    assert!(changed.status.success(), "{}", stderr(&changed));
    let audit = cli_with(&db, &["audit", "verify"], &with_passphrase(NEW_PASS));
    assert!(
        audit.status.success(),
        "the audit chain holds: {}",
        stdout(&audit)
    );
    assert!(!cli_with(&db, &["org", "show"], &with_passphrase(PASS))
        .status
        .success());
    assert!(stdout(&cli_with(&db, &["org", "show"], &with_passphrase(NEW_PASS))).contains(CANARY));
}

#[test]
fn backups_stay_encrypted_and_restore_with_the_passphrase() {
    let (dir, db) = temp_db();
    assert!(cli_with(&db, &["demo"], &with_passphrase(PASS))
        .status
        .success());
    set_org(&db, &with_passphrase(PASS));
    let copy = dir.path().join("copy.db");
    let out = cli_with(
        &db,
        &["backup", "--out", copy.to_str().unwrap()],
        &with_passphrase(PASS),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!contains(&std::fs::read(&copy).unwrap(), CANARY));
    assert!(!sqlite3_reads(&copy).status.success());

    let other = dir.path().join("other.db");
    let refused = cli(&other, &["restore", copy.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(!other.exists(), "nothing restored without the passphrase");
    let restored = cli_with(
        &other,
        &["restore", copy.to_str().unwrap()],
        &with_passphrase(PASS),
    );
    assert!(restored.status.success(), "{}", stderr(&restored));
    assert!(stdout(&cli_with(&other, &["org", "show"], &with_passphrase(PASS))).contains(CANARY));
}
