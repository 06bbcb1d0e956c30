//! End-to-end: the Exchange and export screen in the real window shows this laptop's
//! fingerprint (made and kept in the database), lists the laptops trusted from the command
//! line, stops trusting one only after confirmation, and checks a passphrase before any
//! dialog opens.

use std::path::Path;
use std::process::Command;

use crate::support::desktop::{
    assert_accessible, click, close_app, find, screenshot, type_into, wait_for_text,
    wait_for_texts, Desktop,
};
use crate::support::{stderr, stdout, temp_db, BIN};
use fantoccini::Locator;

const PASS: &str = "amber kettle lighthouse";

fn ok(db: &Path, args: &[&str]) -> String {
    let out = Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("BOARDASSURE_DB")
        .env("BOARDASSURE_EXCHANGE_PASSPHRASE", PASS)
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

fn key(db: &Path) -> serde_json::Value {
    serde_json::from_str(&ok(db, &["key", "--json"])).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_secretary_sees_the_fingerprint_and_manages_trusted_laptops() {
    let (dir, db) = temp_db();
    ok(&db, &["demo"]);
    // A new director's laptop, with nothing on it yet, sends a file: importing it (with the
    // fingerprint confirmed) trusts that laptop and adds nothing.
    let director = dir.path().join("director.db");
    let file = dir.path().join("director.boardx");
    ok(
        &director,
        &["export", "--board", "--out", file.to_str().unwrap()],
    );
    let theirs = key(&director)["fingerprint"].as_str().unwrap().to_string();
    ok(&db, &["key"]);
    let mine = key(&db)["fingerprint"].as_str().unwrap().to_string();
    ok(&db, &["import", file.to_str().unwrap(), "--trust", &theirs]);

    let desktop = Desktop::start();
    let client = desktop.launch(&db).await;
    wait_for_text(&client, "What needs me now").await;
    click(&client, "a[href='#/exchange']").await;
    wait_for_texts(&client, &["Exchange and export", &mine, &theirs]).await;
    let shown = find(&client, "#exchange-fingerprint")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(
        shown.trim(),
        mine,
        "the fingerprint shown is the one the laptop signs with"
    );
    assert_accessible(&client, "exchange").await;

    // A passphrase too short is refused before any save dialog opens, tied to its field.
    click(&client, "#send-whose-board").await;
    type_into(&client, "#send-passphrase", "short").await;
    type_into(&client, "#send-passphrase-confirm", "short").await;
    click(&client, "#send-save").await;
    wait_for_text(&client, "at least 8 characters").await;
    let field = find(&client, "#send-passphrase").await;
    let described = field
        .attr("aria-describedby")
        .await
        .unwrap()
        .unwrap_or_default();
    assert!(described.contains("send-passphrase-error"), "{described}");
    // Two passphrases that differ are caught on the confirmation field.
    type_into(&client, "#send-passphrase", "amber kettle lighthouse").await;
    type_into(&client, "#send-passphrase-confirm", "amber kettle lantern").await;
    click(&client, "#send-save").await;
    let mismatch = find(&client, "#send-passphrase-confirm-error")
        .await
        .text()
        .await
        .unwrap();
    assert!(!mismatch.trim().is_empty());
    assert_accessible(&client, "exchange with errors").await;
    screenshot(&client, "exchange").await;

    // Stop trusting the director's laptop: only after saying so in the confirmation.
    let stop = client
        .find(Locator::XPath("//table[@id='trusted-senders']//button[starts-with(normalize-space(), 'Stop trusting')]"))
        .await
        .unwrap();
    stop.click().await.unwrap();
    let confirm = client
        .wait()
        .for_element(Locator::XPath(
            "//dialog//button[normalize-space()='Stop trusting']",
        ))
        .await
        .unwrap();
    confirm.click().await.unwrap();
    find(&client, "#trusted-senders-empty").await;
    close_app(client, &db).await;

    let after = key(&db);
    assert_eq!(after["fingerprint"], mine.as_str());
    assert_eq!(after["signers"].as_array().unwrap().len(), 0);
    drop(desktop);
}
