use std::path::{Path, PathBuf};

use super::*;
use crate::store::entity::Entity;
use crate::store::{backup, Store};

const CANARY: &str = "Canary-7f3a Sunflower Ward serious case review";

fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("board.db");
    (dir, path)
}

fn pass(text: &str) -> Passphrase {
    Passphrase::new("passphrase", text.into()).unwrap()
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

/// Every byte of the database's files on disk: the file itself, its write-ahead log, and
/// everything the app keeps beside it.
fn everything_on_disk(dir: &Path) -> Vec<u8> {
    let mut all = Vec::new();
    for entry in walk(dir) {
        all.extend(std::fs::read(entry).unwrap_or_default());
    }
    all
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// A database with the demonstration board and a canary in a member's name.
fn with_canary(path: &Path, key: Option<&Passphrase>) -> Store {
    let mut store = Store::open_keyed(path, key).unwrap();
    crate::demo::load_demo(&mut store).unwrap();
    store
        .conn()
        .execute(
            "UPDATE member SET job_title = ?1 WHERE rowid = (SELECT min(rowid) FROM member)",
            [CANARY],
        )
        .unwrap();
    store
}

fn canary_reads_back(store: &Store) -> bool {
    store
        .conn()
        .query_row(
            "SELECT count(*) FROM member WHERE job_title = ?1",
            [CANARY],
            |r| r.get::<_, i64>(0),
        )
        .unwrap()
        == 1
}

#[test]
fn a_passphrase_is_held_to_a_sensible_length() {
    let short = Passphrase::new("passphrase", "too short".into()).unwrap_err();
    assert_eq!(short.field.as_deref(), Some("passphrase"));
    assert!(
        short.message.contains("at least 10 characters"),
        "{}",
        short.message
    );
    assert!(Passphrase::new("p", "x".repeat(257)).is_err());
    assert!(Passphrase::entered("p", String::new()).is_err());
    // One chosen elsewhere still opens its file.
    assert!(Passphrase::entered("p", "short".into()).is_ok());
    assert_eq!(
        format!("{:?}", pass("correct horse battery")),
        "Passphrase(hidden)"
    );
}

#[test]
fn an_encrypted_database_holds_no_readable_text_in_its_file_or_log() {
    let (dir, path) = temp_db();
    let key = pass("correct horse battery staple");
    let store = with_canary(&path, Some(&key));
    // The write-ahead log is still present, uncheckpointed, while the store is open.
    let wal = PathBuf::from(format!("{}-wal", path.display()));
    assert!(std::fs::metadata(&wal)
        .map(|m| m.len() > 0)
        .unwrap_or(false));
    let on_disk = everything_on_disk(dir.path());
    assert!(
        !contains(&on_disk, CANARY),
        "the canary is on disk in plain text"
    );
    assert!(
        !contains(&on_disk, "SQLite format 3"),
        "a plain SQLite file is on disk"
    );
    assert!(canary_reads_back(&store));
    assert!(store.is_encrypted());
    drop(store);
    assert_eq!(file_kind(&path), FileKind::Encrypted);
    assert!(
        check_path(&path).exists(),
        "the passphrase check file is written"
    );
}

#[test]
fn an_encrypted_database_opens_only_with_its_passphrase() {
    let (_dir, path) = temp_db();
    drop(with_canary(
        &path,
        Some(&pass("correct horse battery staple")),
    ));
    let before = std::fs::read(&path).unwrap();

    let locked = Store::open(&path).unwrap_err();
    assert_eq!(locked.kind, ErrorKind::Locked, "{}", locked.message);

    let wrong = Store::open_keyed(&path, Some(&pass("incorrect horse battery"))).unwrap_err();
    assert_eq!(wrong.kind, ErrorKind::WrongPassphrase, "{}", wrong.message);
    assert!(wrong.message.contains("does not open"), "{}", wrong.message);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file is untouched"
    );

    let store = Store::open_keyed(&path, Some(&pass("correct horse battery staple"))).unwrap();
    assert!(canary_reads_back(&store));
}

#[test]
fn a_damaged_encrypted_file_is_told_apart_from_a_wrong_passphrase() {
    let (_dir, path) = temp_db();
    let key = pass("correct horse battery staple");
    drop(with_canary(&path, Some(&key)));
    // Flip bytes in the first page, past the salt: SQLCipher reads this exactly as it reads a
    // wrong key.
    let mut bytes = std::fs::read(&path).unwrap();
    for b in &mut bytes[100..140] {
        *b ^= 0xFF;
    }
    std::fs::write(&path, &bytes).unwrap();

    let damaged = Store::open_keyed(&path, Some(&key)).unwrap_err();
    assert_eq!(damaged.kind, ErrorKind::Damaged, "{}", damaged.message);
    assert!(
        damaged.message.contains("passphrase is right"),
        "{}",
        damaged.message
    );
    let wrong = Store::open_keyed(&path, Some(&pass("incorrect horse battery"))).unwrap_err();
    assert_eq!(wrong.kind, ErrorKind::WrongPassphrase, "{}", wrong.message);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "the file is untouched"
    );

    // Without the check file the app cannot know which it is, and says so.
    std::fs::remove_file(check_path(&path)).unwrap();
    let unsure = Store::open_keyed(&path, Some(&key)).unwrap_err();
    assert!(
        unsure
            .message
            .contains("either the passphrase is wrong or the file is damaged"),
        "{}",
        unsure.message
    );
}

#[test]
fn damage_past_the_first_page_is_found_by_the_integrity_check() {
    let (_dir, path) = temp_db();
    let key = pass("correct horse battery staple");
    {
        let store = with_canary(&path, Some(&key));
        store
            .conn()
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
            .unwrap();
    }
    let mut bytes = std::fs::read(&path).unwrap();
    let middle = bytes.len() / 2;
    for b in &mut bytes[middle..middle + 64] {
        *b ^= 0x55;
    }
    std::fs::write(&path, &bytes).unwrap();
    let err = Store::open_keyed(&path, Some(&key)).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Damaged, "{}", err.message);
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn text_and_half_pages_are_not_taken_for_encrypted_databases() {
    let (dir, path) = temp_db();
    std::fs::write(&path, "Minutes of the board\n".repeat(512)).unwrap();
    assert_eq!(file_kind(&path), FileKind::Foreign);
    let odd = dir.path().join("odd.db");
    std::fs::write(&odd, vec![0x9Cu8; 4096 + 100]).unwrap();
    assert_eq!(file_kind(&odd), FileKind::Foreign);
    assert_eq!(file_kind(&dir.path().join("none.db")), FileKind::Missing);
    let err = Store::open_keyed(&path, Some(&pass("correct horse battery"))).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Damaged);
}

#[test]
fn a_plain_database_is_encrypted_in_place_with_its_backups() {
    let (dir, path) = temp_db();
    let mut store = with_canary(&path, None);
    // A backup from before encryption, as the first use of a day would take.
    let daily = backup::daily(store.conn(), &path, 7).unwrap();
    assert!(daily.is_some() || !backup::list(&path).is_empty());
    assert!(
        contains(&everything_on_disk(dir.path()), CANARY),
        "plain to begin with"
    );

    let key = pass("correct horse battery staple");
    let left = store.reencrypt(None, &key).unwrap();
    assert!(left.is_empty(), "{left:?}");
    assert!(store.is_encrypted());
    assert!(
        canary_reads_back(&store),
        "the records survive, and the store stays open"
    );
    crate::demo::load_demo(&mut store).ok();
    drop(store);

    let on_disk = everything_on_disk(dir.path());
    assert!(
        !contains(&on_disk, CANARY),
        "a readable copy is left on disk"
    );
    assert_eq!(Store::open(&path).unwrap_err().kind, ErrorKind::Locked);
    for b in backup::list(&path) {
        let file = backup::folder_for(&path).join(&b.file_name);
        assert_eq!(file_kind(&file), FileKind::Encrypted, "{}", b.file_name);
        backup::check_backup(&file, Some(&key)).unwrap();
    }
    let store = Store::open_keyed(&path, Some(&key)).unwrap();
    assert!(canary_reads_back(&store));
    assert!(store.health().unwrap().healthy);
    let versions =
        crate::store::history::versions(store.conn(), Entity::Database, "encryption").unwrap();
    assert_eq!(versions.len(), 1);
    assert_eq!(versions[0].change, "encrypted");
}

#[test]
fn a_changed_passphrase_replaces_the_old_one_for_the_database_and_its_backups() {
    let (_dir, path) = temp_db();
    let old = pass("correct horse battery staple");
    let new = pass("purple elephant umbrella");
    let mut store = with_canary(&path, Some(&old));
    backup::daily(store.conn(), &path, 7).unwrap();

    let wrong = store
        .reencrypt(Some(&pass("not the passphrase")), &new)
        .unwrap_err();
    assert_eq!(wrong.field.as_deref(), Some("current"), "{}", wrong.message);
    assert!(
        canary_reads_back(&store),
        "a refused change leaves the store open"
    );

    store.reencrypt(Some(&old), &new).unwrap();
    assert!(canary_reads_back(&store));
    // The change is in the audit trail (the command-line tests verify the chain after it).
    let changes: Vec<String> =
        crate::store::history::versions(store.conn(), Entity::Database, "encryption")
            .unwrap()
            .into_iter()
            .map(|v| v.change)
            .collect();
    assert_eq!(changes, ["passphrase changed"]);
    drop(store);
    assert_eq!(
        Store::open_keyed(&path, Some(&old)).unwrap_err().kind,
        ErrorKind::WrongPassphrase
    );
    let store = Store::open_keyed(&path, Some(&new)).unwrap();
    assert!(canary_reads_back(&store));
    drop(store);
    let daily = backup::list(&path).remove(0);
    let file = backup::folder_for(&path).join(daily.file_name);
    backup::check_backup(&file, Some(&new)).unwrap();
    assert_eq!(
        backup::check_backup(&file, Some(&old)).unwrap_err().kind,
        ErrorKind::WrongPassphrase
    );
}

#[test]
fn backups_of_an_encrypted_database_are_encrypted_and_restore_under_it() {
    let (dir, path) = temp_db();
    let key = pass("correct horse battery staple");
    let store = with_canary(&path, Some(&key));
    let out = dir.path().join("elsewhere").join("copy.db");
    store.backup_to(&out).unwrap();
    drop(store);
    assert_eq!(file_kind(&out), FileKind::Encrypted);
    assert!(!contains(&std::fs::read(&out).unwrap(), CANARY));

    assert_eq!(
        backup::check_backup(&out, None).unwrap_err().kind,
        ErrorKind::Locked
    );
    std::fs::remove_file(&path).unwrap();
    backup::restore(&path, &out, Some(&key)).unwrap();
    let store = Store::open_keyed(&path, Some(&key)).unwrap();
    assert!(canary_reads_back(&store));
}

#[test]
fn a_plain_backup_restored_over_an_encrypted_database_is_encrypted_on_the_way() {
    let (dir, path) = temp_db();
    let plain = dir.path().join("old-plain.db");
    drop(with_canary(&plain, None));
    let key = pass("correct horse battery staple");
    drop(Store::open_keyed(&path, Some(&key)).unwrap());

    let kept = backup::restore(&path, &plain, Some(&key)).unwrap().unwrap();
    assert_eq!(file_kind(&path), FileKind::Encrypted);
    assert!(!contains(&std::fs::read(&path).unwrap(), CANARY));
    let store = Store::open_keyed(&path, Some(&key)).unwrap();
    assert!(canary_reads_back(&store));
    assert!(kept.exists());
}

#[test]
fn a_check_file_left_from_before_a_passphrase_change_never_blames_the_file() {
    let (_dir, path) = temp_db();
    let old = pass("correct horse battery staple");
    let new = pass("purple elephant umbrella");
    let mut store = with_canary(&path, Some(&old));
    let before = std::fs::read(check_path(&path)).unwrap();
    store.reencrypt(Some(&old), &new).unwrap();
    drop(store);
    // As if the check file's rewrite had failed: it still speaks for the old passphrase.
    std::fs::write(check_path(&path), &before).unwrap();
    let err = Store::open_keyed(&path, Some(&old)).unwrap_err();
    assert_eq!(err.kind, ErrorKind::WrongPassphrase, "{}", err.message);
    assert!(
        !err.message.contains("damaged and cannot be read"),
        "{}",
        err.message
    );
    // The next opening with the right passphrase mends it: the old one is then simply wrong.
    drop(Store::open_keyed(&path, Some(&new)).unwrap());
    let err = Store::open_keyed(&path, Some(&old)).unwrap_err();
    assert_eq!(err.kind, ErrorKind::WrongPassphrase);
    assert_eq!(err.message, wrong_passphrase().message);
}
