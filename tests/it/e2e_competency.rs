//! End-to-end: a non-executive director records training and a self-assessment in the real
//! window, and the board compliance matrix shows her new status.

use std::time::{Duration, Instant};

use crate::support::desktop::click_xpath;
use crate::support::desktop::{
    assert_accessible, click, screenshot, type_into, wait_for_text, wait_for_texts, Desktop,
};
use crate::support::{cli, stderr, stdout, temp_db};
use fantoccini::{Client, Locator};

async fn text_of(client: &Client, xpath: &str) -> String {
    client
        .find(Locator::XPath(xpath))
        .await
        .unwrap_or_else(|e| panic!("{xpath}: {e}"))
        .text()
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_director_records_training_and_a_self_assessment_and_the_matrix_follows() {
    let (_dir, db) = temp_db();
    assert!(cli(&db, &["demo"]).status.success());
    let today = chrono::Local::now().date_naive();
    let completed = (today - chrono::Days::new(7))
        .format("%d/%m/%Y")
        .to_string();
    let desktop = Desktop::start();
    let client = desktop.launch(&db).await;

    // Before: the matrix shows Fiona Gallagher without board-level training.
    wait_for_text(&client, "What needs me now").await;
    click(&client, "a[href='#/compliance']").await;
    wait_for_text(&client, "Board compliance by requirement").await;
    let row = text_of(&client, "//table//tr[contains(., 'Fiona Gallagher')]").await;
    assert!(!row.contains("In date"), "{row}");
    assert!(row.contains("Not met"), "{row}");
    assert_accessible(&client, "compliance matrix").await;

    // She records a board development session on her training page.
    click_xpath(&client, "//table//tr[contains(., 'Fiona Gallagher')]//a").await;
    wait_for_text(
        &client,
        "No training has been recorded for Fiona Gallagher yet.",
    )
    .await;
    let board_level =
        "//table[@id='standing-table']//tr[contains(., 'Board-level safeguarding training')]";
    let standing = text_of(&client, board_level).await;
    assert!(standing.contains("Not met"), "{standing}");
    type_into(
        &client,
        "#training-title",
        "Board safeguarding development session",
    )
    .await;
    type_into(
        &client,
        "#training-provider",
        "Wyvern Valley Safeguarding Partnership",
    )
    .await;
    type_into(&client, "#training-completed", &completed).await;
    type_into(&client, "#training-hours", "2.5").await;
    click(
        &client,
        "#training-type option[value='board-development-session']",
    )
    .await;
    type_into(&client, "#training-level", "Board level").await;
    click(&client, "form button[type='submit']").await;
    wait_for_text(
        &client,
        "“Board safeguarding development session” was recorded.",
    )
    .await;
    let standing = text_of(&client, board_level).await;
    assert!(standing.contains("In date"), "{standing}");
    assert_accessible(&client, "training with status").await;

    // Then assesses herself against a core competency, citing that training.
    click_xpath(
        &client,
        "//a[normalize-space()='Competency and development']",
    )
    .await;
    wait_for_text(&client, "Key responsibilities of your roles").await;
    // The second item: her first core competency (the first is her role's responsibility).
    click_xpath(
        &client,
        "(//button[starts-with(normalize-space(), 'Assess ')])[2]",
    )
    .await;
    let form = "#maincontent form.app-assessment-form";
    wait_for_text(&client, "Your rating").await;
    click_xpath(
        &client,
        "//form[contains(@class,'app-assessment-form')]//label[normalize-space()='Competent']",
    )
    .await;
    type_into(
        &client,
        &format!("{form} textarea"),
        "Challenged the annual safeguarding report on waiting times for child protection medicals.",
    )
    .await;
    click_xpath(
        &client,
        "//form[contains(@class,'app-assessment-form')]//label[contains(., 'Board safeguarding development session')]",
    )
    .await;
    assert_accessible(&client, "self-assessment form").await;
    click(&client, &format!("{form} button[type='submit']")).await;
    wait_for_texts(
        &client,
        &[
            "Your self-assessment was saved.",
            "Training: Board safeguarding development session",
        ],
    )
    .await;
    screenshot(&client, "my-competency").await;
    assert_accessible(&client, "competency after assessment").await;

    // The matrix now shows her board-level training in date.
    click(&client, "a[href='#/compliance']").await;
    wait_for_text(&client, "Board compliance by requirement").await;
    let start = Instant::now();
    let row = loop {
        let row = text_of(&client, "//table//tr[contains(., 'Fiona Gallagher')]").await;
        if row.contains("In date") || start.elapsed() > Duration::from_secs(10) {
            break row;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    assert!(row.contains("In date"), "{row}");
    screenshot(&client, "compliance-matrix").await;
    client.close().await.unwrap();
    drop(desktop);

    // Read back through the command line: the same records, in the same database.
    let start = Instant::now();
    let out = loop {
        let out = cli(&db, &["members", "list", "--json"]);
        if out.status.success() || start.elapsed() > Duration::from_secs(15) {
            break out;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    let members: Vec<serde_json::Value> =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|_| panic!("{}", stderr(&out)));
    let fiona = members
        .iter()
        .find(|m| m["name"] == "Fiona Gallagher")
        .unwrap();
    let id = fiona["id"].as_str().unwrap();
    let out = cli(&db, &["competency", "show", "--member", id, "--json"]);
    let mc: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|_| panic!("{}", stderr(&out)));
    assert_eq!(mc["summary"]["assessed"], 1, "{}", stdout(&out));
    let assessed = mc["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| !i["assessment"].is_null())
        .unwrap();
    assert_eq!(assessed["assessment"]["rating"], "competent");
    assert_eq!(assessed["assessment"]["evidence"][0]["kind"], "training");
}
