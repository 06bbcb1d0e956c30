use super::*;

const PASS: &str = "correct horse battery staple";

fn temp_path() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("board.db");
    (dir, path)
}

/// A session on a new encrypted database holding the demonstration board.
fn demo_board(path: &Path) -> Session {
    let session = Session::open(path);
    session.create(PASS.into()).unwrap();
    session
        .with(|s| crate::demo::load_demo(s).map(drop))
        .unwrap();
    session
}

#[test]
fn a_first_run_chooses_a_passphrase_and_the_database_is_created_encrypted() {
    let (_dir, path) = temp_path();
    let session = Session::open(&path);
    let status = session.status();
    assert!(status.new_database && !status.locked && status.open_error.is_none());
    assert!(
        !path.exists(),
        "nothing is written before a passphrase is chosen"
    );
    assert_eq!(
        session.with(|_| Ok(())).unwrap_err().kind,
        ErrorKind::Locked
    );

    let short = session.create("short".into()).unwrap_err();
    assert_eq!(short.field.as_deref(), Some("passphrase"));
    let status = session.create(PASS.into()).unwrap();
    assert!(status.encrypted && status.first_run && !status.new_database);
    assert_eq!(encryption::file_kind(&path), FileKind::Encrypted);
}

#[test]
fn locking_forgets_the_passphrase_and_only_the_right_one_unlocks() {
    let (_dir, path) = temp_path();
    let session = demo_board(&path);

    let status = session.lock().unwrap();
    assert!(status.locked && !status.encrypted);
    assert_eq!(
        session.with(|_| Ok(())).unwrap_err().kind,
        ErrorKind::Locked
    );
    // The writer lock went with the database: another program may open it meanwhile.
    drop(Store::open_keyed(&path, Some(&Passphrase::entered("p", PASS.into()).unwrap())).unwrap());

    let wrong = session.unlock("not the passphrase".into()).unwrap_err();
    assert_eq!(wrong.kind, ErrorKind::WrongPassphrase);
    assert_eq!(wrong.field.as_deref(), Some("passphrase"));
    assert!(
        session.status().locked,
        "a wrong passphrase leaves it locked"
    );

    // Locked, nothing but the passphrase is accepted: not a look at the backups, not a restore.
    let backups = std::fs::read_dir(path.parent().unwrap().join("backups"))
        .map(|d| d.count())
        .unwrap_or(0);
    assert_eq!(session.backups().unwrap_err().kind, ErrorKind::Locked);
    assert_eq!(
        session.restore_backup("anything.db").unwrap_err().kind,
        ErrorKind::Locked
    );
    assert!(
        session.status().locked,
        "a refused restore leaves it locked"
    );
    assert_eq!(
        std::fs::read_dir(path.parent().unwrap().join("backups"))
            .map(|d| d.count())
            .unwrap_or(0),
        backups
    );

    let status = session.unlock(PASS.into()).unwrap();
    assert!(!status.locked && status.encrypted && !status.first_run);
    let members = session.with(|s| members::count(s.conn())).unwrap();
    assert!(members > 0);
}

#[test]
fn a_plain_database_is_encrypted_from_the_window_and_can_then_lock() {
    let (_dir, path) = temp_path();
    drop(Store::open(&path).unwrap());
    let session = Session::open(&path);
    let status = session.status();
    assert!(!status.encrypted && !status.locked && !status.new_database);
    assert_eq!(session.lock().unwrap_err().kind, ErrorKind::Conflict);

    let outcome = session.encrypt(PASS.into()).unwrap();
    assert!(outcome.status.encrypted, "{:?}", outcome.status);
    assert!(outcome.unconverted.is_empty(), "{:?}", outcome.unconverted);
    assert!(session.lock().unwrap().locked);
    session.unlock(PASS.into()).unwrap();

    let wrong = session
        .change_passphrase(
            "not the passphrase".into(),
            "purple elephant umbrella".into(),
        )
        .unwrap_err();
    assert_eq!(wrong.field.as_deref(), Some("current"));
    session
        .change_passphrase(PASS.into(), "purple elephant umbrella".into())
        .unwrap();
    session.lock().unwrap();
    assert!(session.unlock(PASS.into()).is_err());
    assert!(session.unlock("purple elephant umbrella".into()).is_ok());
}

#[test]
fn a_damaged_encrypted_file_opens_to_the_restore_screen_with_the_passphrase_kept() {
    let (_dir, path) = temp_path();
    drop(demo_board(&path));
    let mut bytes = std::fs::read(&path).unwrap();
    for b in &mut bytes[300..340] {
        *b ^= 0xFF;
    }
    std::fs::write(&path, &bytes).unwrap();

    let session = Session::open(&path);
    assert!(session.status().locked);
    let status = session.unlock(PASS.into()).unwrap();
    let error = status.open_error.expect("the damage is reported");
    assert_eq!(error.kind, ErrorKind::Damaged);
    assert!(
        error.message.contains("passphrase is right"),
        "{}",
        error.message
    );
}

#[test]
fn the_opening_call_reads_the_first_screen_only_from_an_open_database() {
    let (_dir, path) = temp_path();
    let session = Session::open(&path);
    let new = session.opening().unwrap();
    assert!(new.status.new_database);
    assert!(new.organisation.is_none() && new.text_size.is_none());
    assert!(
        !new.options.nations.is_empty(),
        "the set-up screen's choices come with it"
    );
    assert!(!path.exists(), "asking writes nothing");

    session.create(PASS.into()).unwrap();
    session
        .with(|s| crate::demo::load_demo(s).map(drop))
        .unwrap();
    session
        .with(|s| settings::save_text_size(s, TextSize::Larger))
        .unwrap();
    let open = session.opening().unwrap();
    assert!(!open.status.locked && !open.status.first_run);
    assert!(open.organisation.is_some());
    assert_eq!(open.text_size, Some(TextSize::Larger));

    session.lock().unwrap();
    let locked = session.opening().unwrap();
    assert!(locked.status.locked);
    assert!(locked.organisation.is_none() && locked.text_size.is_none());
}

#[test]
fn the_page_is_given_its_opening_only_while_no_call_is_using_the_database() {
    let (_dir, path) = temp_path();
    let session = demo_board(&path);
    let served = session
        .try_opening()
        .expect("the database is free")
        .unwrap();
    assert_eq!(
        serde_json::to_value(&served).unwrap(),
        serde_json::to_value(session.opening().unwrap()).unwrap(),
        "the same as the window would ask for"
    );
    let while_busy = session.with(|_| Ok(session.try_opening().is_none()));
    assert!(while_busy.unwrap(), "a busy database is not waited for");
}

#[test]
fn opened_in_the_background_the_database_is_waited_for_by_calls_but_never_by_the_page() {
    let (_dir, path) = temp_path();
    drop(demo_board(&path));
    let (tx, rx) = mpsc::channel();
    let session = Session::opened_by(&path, rx);
    assert!(
        session.try_opening().is_none(),
        "the page is served without its opening while the file is being opened"
    );
    tx.send(reopen(&path, None)).unwrap();
    let served = session.try_opening().expect("opened by now").unwrap();
    assert!(
        served.status.locked,
        "the encrypted board waits for its passphrase"
    );

    let session = Session::open_in_background(&path);
    assert!(session.status().locked, "a call waits for the opening");
    session.unlock(PASS.into()).unwrap();
    assert_eq!(session.with(|s| members::count(s.conn())).unwrap(), 13);
}

#[test]
fn an_opening_that_stopped_part_way_is_reported_and_can_be_tried_again() {
    let (_dir, path) = temp_path();
    drop(demo_board(&path));
    let (tx, rx) = mpsc::channel::<Opened>();
    drop(tx);
    let session = Session::opened_by(&path, rx);
    let error = session.status().open_error.expect("the failure is shown");
    assert!(error.message.contains("Try again"), "{}", error.message);
    assert!(session.retry_open().locked, "trying again opens the file");
}
