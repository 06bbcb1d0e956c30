use std::path::Path;

use super::*;

fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("board.db");
    (dir, path)
}

fn pragma(store: &Store, name: &str) -> String {
    store
        .conn()
        .query_row(&format!("PRAGMA {name}"), [], |r| {
            r.get::<_, rusqlite::types::Value>(0)
        })
        .map(|v| match v {
            rusqlite::types::Value::Integer(i) => i.to_string(),
            rusqlite::types::Value::Text(t) => t,
            other => format!("{other:?}"),
        })
        .unwrap()
}

fn file_bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

#[test]
fn a_new_database_is_durable_and_migrated() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    assert_eq!(pragma(&store, "journal_mode"), "wal");
    assert_eq!(
        pragma(&store, "synchronous"),
        "2",
        "synchronous must be FULL"
    );
    assert_eq!(pragma(&store, "foreign_keys"), "1");
    assert_eq!(pragma(&store, "user_version"), SCHEMA_VERSION.to_string());
    assert_eq!(
        pragma(&store, "application_id"),
        migrations::APPLICATION_ID.to_string()
    );
    let health = store.health().unwrap();
    assert!(health.healthy, "{health:?}");
    assert_eq!(health.integrity, "ok");
}

#[test]
fn the_folder_is_created_when_missing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/deeper/board.db");
    Store::open(&path).unwrap();
    assert!(path.exists());
}

#[test]
fn a_second_writer_is_refused_until_the_first_closes() {
    let (_dir, path) = temp_db();
    let first = Store::open(&path).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert_eq!(err.kind, ErrorKind::InUse);
    assert!(err.message.contains("in use"), "{}", err.message);
    drop(first);
    Store::open(&path).expect("the lock is released when the store closes");
}

#[test]
fn a_database_from_a_newer_app_is_refused_and_left_untouched() {
    let (_dir, path) = temp_db();
    drop(Store::open(&path).unwrap());
    {
        let c = Connection::open(&path).unwrap();
        c.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        c.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = file_bytes(&path);
    let err = Store::open(&path).unwrap_err();
    assert_eq!(err.kind, ErrorKind::TooNew);
    assert!(err.message.contains("newer version"), "{}", err.message);
    assert!(file_bytes(&path) == before, "the file must not be changed");
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_left_untouched() {
    let (_dir, path) = temp_db();
    let junk = b"Minutes of the board meeting, typed in the wrong window.\n".repeat(200);
    std::fs::write(&path, &junk).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Damaged);
    assert!(err.message.contains("left untouched"), "{}", err.message);
    assert!(file_bytes(&path) == junk, "the file must not be changed");
}

#[test]
fn another_programs_sqlite_database_is_refused() {
    let (_dir, path) = temp_db();
    {
        let c = Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE contacts (name TEXT);")
            .unwrap();
    }
    let err = Store::open(&path).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Damaged);
    assert!(err.message.contains("another program"), "{}", err.message);
}

#[test]
fn a_truncated_database_is_reported_as_damaged() {
    let (_dir, path) = temp_db();
    {
        let mut store = Store::open(&path).unwrap();
        crate::demo::load_demo(&mut store).unwrap();
        store
            .conn()
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
            .unwrap();
    }
    let bytes = file_bytes(&path);
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    let _ = std::fs::remove_file(path.with_extension("db-wal"));
    let err = Store::open(&path).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Damaged, "{}", err.message);
}

#[test]
fn reopening_keeps_what_was_saved() {
    let (_dir, path) = temp_db();
    {
        let mut store = Store::open(&path).unwrap();
        crate::demo::load_demo(&mut store).unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(
        crate::board::repo::members::count(store.conn()).unwrap(),
        13
    );
}

#[test]
fn a_failed_write_leaves_nothing_behind() {
    let mut store = Store::open_in_memory().unwrap();
    let count = |store: &Store| -> i64 {
        store
            .conn()
            .query_row("SELECT count(*) FROM record_history", [], |r| r.get(0))
            .unwrap()
    };
    let before = count(&store);
    let result: Result<()> = store.write(|tx| {
        tx.execute(
            "INSERT INTO record_history (id, entity, record_id, recorded_at, change, snapshot)
             VALUES ('x', 'member', 'm', 'now', 'added', '{}')",
            [],
        )?;
        Err(CoreError::conflict("stop half way"))
    });
    assert!(result.is_err());
    assert_eq!(count(&store), before);
}

#[test]
fn a_database_at_an_older_schema_is_migrated_keeping_its_records() {
    let (_dir, path) = temp_db();
    {
        let c = Connection::open(&path).unwrap();
        c.execute_batch(include_str!("migrations/0001_board_register.sql"))
            .unwrap();
        c.pragma_update(None, "application_id", migrations::APPLICATION_ID)
            .unwrap();
        c.pragma_update(None, "user_version", 1).unwrap();
        c.execute(
            "INSERT INTO member VALUES ('m1', 'Jane Smith', 'executive', '[]', 'Chief Nurse',
             '2024-04-01', NULL, '[]', 'now', 'now')",
            [],
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(pragma(&store, "user_version"), SCHEMA_VERSION.to_string());
    const { assert!(SCHEMA_VERSION >= 2) };
    let m = crate::board::repo::members::get(store.conn(), "m1")
        .unwrap()
        .unwrap();
    assert_eq!(m.name, "Jane Smith");
    let n: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM training_record", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0, "the new table exists");
    // The file as it was before the migration is kept, and it still reads as format 1.
    let kept: Vec<_> = std::fs::read_dir(backup::folder_for(&path))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("before-format-2-")
        })
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    let old = Connection::open(&kept[0]).unwrap();
    let version: i32 = old
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 1);
}

/// A database whose last pages are overwritten, its header and schema intact.
fn damaged_in_the_middle() -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, path) = temp_db();
    {
        let mut store = Store::open(&path).unwrap();
        crate::demo::load_demo(&mut store).unwrap();
        store
            .conn()
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
            .unwrap();
    }
    let mut bytes = file_bytes(&path);
    // The last pages hold the search index, which opening does not read.
    let tail = bytes.len() - 2 * 4096;
    for b in &mut bytes[tail..] {
        *b = 0x5A;
    }
    std::fs::write(&path, &bytes).unwrap();
    (dir, path)
}

#[test]
fn a_large_file_checked_in_the_background_refuses_its_first_write_when_damaged() {
    let (_dir, path) = damaged_in_the_middle();
    let before = file_bytes(&path);
    // As the window opens a large file: the check runs beside it.
    integrity::window_ready();
    let mut store = Store::open_checking(&path, None, Some(0)).unwrap();
    let err = crate::board::save_organisation(
        &mut store,
        &crate::board::OrganisationInput {
            name: "NHS Borders".into(),
            nation: crate::board::Nation::Scotland,
            org_type: crate::board::OrgType::HealthBoard,
        },
    )
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Damaged, "{}", err.message);
    assert!(store.integrity_failure().is_some());
    drop(store);
    assert_eq!(
        file_bytes(&path),
        before,
        "the damaged file is left exactly as it was"
    );
    // Opened the ordinary way, the same file is refused at once.
    assert_eq!(Store::open(&path).unwrap_err().kind, ErrorKind::Damaged);
}

#[test]
fn a_sound_file_checked_in_the_background_takes_writes_once_the_check_passes() {
    let (_dir, path) = temp_db();
    {
        let mut store = Store::open(&path).unwrap();
        crate::demo::load_demo(&mut store).unwrap();
    }
    integrity::window_ready();
    let mut store = Store::open_checking(&path, None, Some(0)).unwrap();
    store.wait_for_integrity().unwrap();
    assert!(store.integrity_failure().is_none());
    crate::board::save_organisation(
        &mut store,
        &crate::board::OrganisationInput {
            name: "NHS Borders".into(),
            nation: crate::board::Nation::Scotland,
            org_type: crate::board::OrgType::HealthBoard,
        },
    )
    .unwrap();
}

#[test]
fn the_search_index_of_format_11_is_carried_over_with_its_kinds_and_periods() {
    let (_dir, path) = temp_db();
    {
        let c = Connection::open(&path).unwrap();
        for sql in &migrations::MIGRATIONS[..11] {
            c.execute_batch(sql).unwrap();
        }
        c.pragma_update(None, "application_id", migrations::APPLICATION_ID)
            .unwrap();
        c.pragma_update(None, "user_version", 11).unwrap();
        c.execute_batch(
            "INSERT INTO search_doc (id, kind, record_id) VALUES (7, 'challenge', 'e1');
             INSERT INTO search_index (rowid, kind, record_id, day, title, body)
             VALUES (7, 'challenge', 'e1', '2026-03-31', 'Is the year-end audit complete?', '');",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let find = |period| {
        let filter = crate::search::SearchFilter {
            kinds: vec![crate::search::SearchKind::Challenge],
            period: Some(period),
        };
        crate::search::search(&store, "year-end audit", &filter)
            .unwrap()
            .hits
            .into_iter()
            .map(|h| h.record_id)
            .collect::<Vec<_>>()
    };
    assert_eq!(find(crate::periods::Period::quarter(2025, 4)), ["e1"]);
    assert!(find(crate::periods::Period::year(2026)).is_empty());
    let old: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'search_index_before%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(old, 0, "the old index is dropped");
}

#[test]
fn a_database_reached_through_a_link_is_held_by_the_same_lock() {
    let (dir, db) = temp_db();
    let _first = Store::open(&db).unwrap();
    let link = dir.path().join("link.db");
    std::os::unix::fs::symlink(&db, &link).unwrap();
    let dotted = dir.path().join(".").join("board.db");
    for other in [link, dotted] {
        let err = Store::open(&other).unwrap_err();
        assert_eq!(err.kind, ErrorKind::InUse, "{}", other.display());
    }
}

#[test]
fn a_date_sqlite_cannot_read_is_refused_by_the_store_itself() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    crate::demo::load_demo(&mut store).unwrap();
    let conn = store.conn();
    let id: String = conn
        .query_row("SELECT id FROM member LIMIT 1", [], |r| r.get(0))
        .unwrap();
    // date() reads none of these, so the first migrations' CHECKs let them through.
    for bad in ["-262143-01-15", "2026-02-30x", "20260230", "not a date"] {
        let err = conn
            .execute(
                "UPDATE member SET start_date = ?1 WHERE id = ?2",
                [bad, &id],
            )
            .unwrap_err();
        assert!(
            err.to_string().contains("not a real calendar date"),
            "{bad}: {err}"
        );
    }
    conn.execute(
        "UPDATE member SET start_date = '2020-04-01' WHERE id = ?1",
        [&id],
    )
    .expect("a real date is kept");
}

#[test]
fn writes_made_together_are_saved_together_or_not_at_all() {
    let mut store = Store::open_in_memory().unwrap();
    let count = |store: &Store| -> i64 {
        store
            .conn()
            .query_row("SELECT count(*) FROM record_history", [], |r| r.get(0))
            .unwrap()
    };
    let before = count(&store);
    let insert = |store: &mut Store, id: &str| -> Result<()> {
        store.write(|tx| {
            tx.execute(
                "INSERT INTO record_history (id, entity, record_id, recorded_at, change, snapshot)
                 VALUES (?1, 'member', 'm', 'now', 'added', '{}')",
                [id],
            )?;
            Ok(())
        })
    };

    // A failure part way undoes the writes already made.
    let result: Result<()> = store.write_together(|s| {
        insert(s, "a")?;
        insert(s, "b")?;
        assert_eq!(count(s), before + 2, "each write sees the ones before it");
        Err(CoreError::conflict("stop half way"))
    });
    assert!(result.is_err());
    assert_eq!(count(&store), before);

    // A write refused inside leaves nothing of itself, and the rest is still saved.
    store
        .write_together(|s| {
            insert(s, "c")?;
            let refused: Result<()> = s.write(|tx| {
                tx.execute(
                    "INSERT INTO record_history (id, entity, record_id, recorded_at, change, snapshot)
                     VALUES ('d', 'member', 'm', 'now', 'added', '{}')",
                    [],
                )?;
                Err(CoreError::conflict("refused"))
            });
            assert!(refused.is_err());
            insert(s, "e")
        })
        .unwrap();
    assert_eq!(count(&store), before + 2);

    // A panic part way rolls back too, and the store takes writes afterwards.
    let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let _ = store.write_together(|s| -> Result<()> {
            insert(s, "f")?;
            panic!("a bug half way");
        });
    }));
    assert!(panicked.is_err());
    assert_eq!(count(&store), before + 2);
    insert(&mut store, "g").unwrap();
    assert_eq!(count(&store), before + 3);
}
