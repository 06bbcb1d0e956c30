//! Encryption at rest in the window: the unlock screen, locking on request, and encrypting a
//! plain database from the Database screen.

use crate::support::desktop::{
    assert_accessible, click, close_app_with, find, screenshot, type_into, wait_for_text,
    wait_for_texts, Desktop,
};
use crate::support::with_passphrase;
use crate::support::{cli, cli_with, stderr, temp_db};

const PASS: &str = "correct horse battery staple";

#[tokio::test(flavor = "multi_thread")]
async fn an_encrypted_database_opens_on_the_unlock_screen_and_locks_on_request() {
    let (_dir, db) = temp_db();
    assert!(cli_with(&db, &["demo"], &with_passphrase(PASS))
        .status
        .success());
    let desktop = Desktop::start();
    let client = desktop.launch(&db).await;

    let page = wait_for_text(&client, "Unlock the board’s records").await;
    assert!(
        !page.contains("Board register"),
        "no navigation before unlocking: {page}"
    );
    assert_accessible(&client, "unlock").await;

    type_into(&client, "#unlock-passphrase", "not the passphrase").await;
    click(&client, "form button[type='submit']").await;
    wait_for_text(&client, "does not open this database").await;
    let described = find(&client, "#unlock-passphrase")
        .await
        .attr("aria-describedby")
        .await
        .unwrap()
        .unwrap_or_default();
    assert!(
        !described.is_empty(),
        "the error is tied to the passphrase field"
    );
    assert_accessible(&client, "unlock with an error").await;

    type_into(&client, "#unlock-passphrase", PASS).await;
    click(&client, "form button[type='submit']").await;
    wait_for_texts(&client, &["Lock now", "Board register"]).await;
    screenshot(&client, "unlocked").await;

    // Locking closes the database: another program may open it, with the passphrase.
    let lock = client
        .find(fantoccini::Locator::XPath(
            "//button[normalize-space()='Lock now']",
        ))
        .await
        .unwrap();
    lock.click().await.unwrap();
    wait_for_text(&client, "Unlock the board’s records").await;
    let listed = cli_with(&db, &["members", "list"], &with_passphrase(PASS));
    assert!(listed.status.success(), "{}", stderr(&listed));

    type_into(&client, "#unlock-passphrase", PASS).await;
    click(&client, "form button[type='submit']").await;
    wait_for_text(&client, "Lock now").await;
    close_app_with(client, &db, &with_passphrase(PASS)).await;
    drop(desktop);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_plain_database_is_encrypted_from_the_database_screen() {
    let (_dir, db) = temp_db();
    assert!(cli(&db, &["demo"]).status.success());
    let desktop = Desktop::start();
    let client = desktop.launch(&db).await;

    wait_for_text(&client, "Board register").await;
    click(&client, "nav a[href='#/database']").await;
    wait_for_text(&client, "This database is not encrypted").await;
    assert_accessible(&client, "database, not encrypted").await;
    type_into(&client, "#encrypt-passphrase", PASS).await;
    type_into(&client, "#encrypt-passphrase-confirm", PASS).await;
    let encrypt = client
        .find(fantoccini::Locator::XPath(
            "//button[normalize-space()='Encrypt the database']",
        ))
        .await
        .unwrap();
    encrypt.click().await.unwrap();
    wait_for_texts(&client, &["now encrypted", "Lock now"]).await;
    assert_accessible(&client, "database, encrypted").await;
    close_app_with(client, &db, &with_passphrase(PASS)).await;

    let without = cli(&db, &["members", "list"]);
    assert_eq!(without.status.code(), Some(1));
    assert!(
        stderr(&without).contains("is encrypted"),
        "{}",
        stderr(&without)
    );
    let with = cli_with(&db, &["members", "list"], &with_passphrase(PASS));
    assert!(with.status.success(), "{}", stderr(&with));
    drop(desktop);
}
