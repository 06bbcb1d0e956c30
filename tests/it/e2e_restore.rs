//! End-to-end: the database file is damaged; the window explains, offers the automatic
//! backups, and restores one after confirmation, keeping the damaged file aside.

use std::io::{Seek, SeekFrom, Write};

use crate::support::desktop::{
    assert_accessible, click, screenshot, wait_for_text, wait_for_texts, Desktop,
};
use crate::support::{cli, temp_db};

#[tokio::test(flavor = "multi_thread")]
async fn a_damaged_database_is_restored_from_its_daily_backup_in_the_window() {
    let (dir, db) = temp_db();
    assert!(cli(&db, &["demo"]).status.success());
    // The first use on a later open takes the day's backup.
    assert!(cli(&db, &["members", "list"]).status.success());
    {
        let mut f = std::fs::OpenOptions::new().write(true).open(&db).unwrap();
        f.seek(SeekFrom::Start(0)).unwrap();
        f.write_all(&[0x5a; 100]).unwrap();
    }
    let damaged = std::fs::read(&db).unwrap();

    let desktop = Desktop::start();
    let client = desktop.launch(&db).await;
    wait_for_texts(
        &client,
        &[
            "The database cannot be read",
            "Restore a backup",
            "Daily backup",
        ],
    )
    .await;
    assert_eq!(
        std::fs::read(&db).unwrap(),
        damaged,
        "the damaged file is untouched"
    );
    assert_accessible(&client, "cannot open").await;
    click(&client, "table button.nhsuk-button--secondary").await;
    wait_for_text(&client, "Restore this backup?").await;
    click(&client, "dialog .nhsuk-button--warning").await;
    wait_for_texts(
        &client,
        &["Current members (12)", "The backup was restored."],
    )
    .await;
    screenshot(&client, "restored").await;
    client.close().await.unwrap();
    drop(desktop);

    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".replaced-"))
        .collect();
    assert!(!kept.is_empty(), "the damaged file is kept aside");
    let out = cli(&db, &["audit", "verify"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}
