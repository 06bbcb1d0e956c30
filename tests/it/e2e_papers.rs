//! End-to-end: the board secretary fills in the cover sheet of this quarter's safeguarding
//! paper in the window, changes the protective marking, sees both in the preview, and lines
//! up the papers of a meeting's board pack; the saved paper then carries what was typed.

use std::time::Duration;

use crate::support;
use crate::support::desktop::{
    assert_accessible, click, close_app, screenshot, type_into, wait_for_text, wait_for_texts,
    Desktop,
};
use crate::support::ok;
use crate::support::temp_db;
use chrono::Datelike;
use fantoccini::Locator;

/// This quarter, as the command line and the period list write it.
fn this_quarter() -> (String, String) {
    let today = chrono::Local::now().date_naive();
    let start = if today.month() >= 4 {
        today.year()
    } else {
        today.year() - 1
    };
    let q = match today.month() {
        4..=6 => 1,
        7..=9 => 2,
        10..=12 => 3,
        _ => 4,
    };
    (
        format!("{start}/{:02}-Q{q}", (start + 1) % 100),
        today.format("%d/%m/%Y").to_string(),
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn the_secretary_prepares_the_paper_and_the_pack_in_the_window() {
    let (dir, db) = temp_db();
    let (quarter, today) = this_quarter();
    // The demonstration board's register, whose only meeting and challenge are this test's.
    ok(&db, &["demo", "--register-only"]);
    let log = dir.path().join("log.csv");
    std::fs::write(
        &log,
        format!("Date,Meeting,Agenda item,Assurance area,Raised by,Challenge,Directed to,Response,Evidence,Assurance level,Action,Action owner,Due date,Action status,Minute ref\n\
                 {today},Board,4.2 Safeguarding assurance report,Safeguarding training,Fiona Gallagher,How many staff have level 3 training?,Chief Nurse,82% against a target of 85%.,Dashboard,Reasonable,,,,,BD/1\n"),
    )
    .unwrap();
    ok(&db, &["scrutiny", "import", log.to_str().unwrap()]);
    let meetings: serde_json::Value =
        serde_json::from_str(&ok(&db, &["meetings", "list", "--json"])).unwrap();
    let meeting = meetings[0]["meeting"]["id"].as_str().unwrap().to_string();

    let desktop = Desktop::start();
    let client = desktop.launch(&db).await;
    wait_for_text(&client, "What needs me now").await;

    click(&client, "a[href='#/papers']").await;
    wait_for_text(&client, "Safeguarding assurance paper").await;
    click(&client, &format!("#paper-period option[value='{quarter}']")).await;
    wait_for_text(&client, "Key NED challenge the board should know about").await;
    type_into(
        &client,
        "#cover-executive-summary",
        "Training compliance is improving; supervision needs the board’s attention.",
    )
    .await;
    click(&client, "#save-cover-sheet").await;
    wait_for_texts(
        &client,
        &[
            "The cover sheet was saved.",
            "Training compliance is improving; supervision needs the board’s attention.",
        ],
    )
    .await;
    type_into(&client, "#paper-marking", "OFFICIAL").await;
    click(&client, "#save-marking").await;
    wait_for_text(&client, "The protective marking was saved.").await;
    // The preview is the paper: by default the summary, with the log as an appendix once
    // chosen, and the challenge logged this quarter in it.
    wait_for_texts(
        &client,
        &["Headline figures", "Training compliance by requirement"],
    )
    .await;
    click(&client, "#paper-appendices-log").await;
    click(&client, "#paper-appendices-appendix").await;
    let page = wait_for_texts(
        &client,
        &[
            "Appendix A: Scrutiny log",
            "How many staff have level 3 training?",
            "Training compliance by requirement",
            "Appendix B: Framework items and assurance areas",
        ],
    )
    .await;
    assert!(!page.contains("Appendix C"), "only the appendices chosen");
    assert_eq!(
        client
            .find_all(Locator::Css("#paper-preview table caption"))
            .await
            .unwrap()
            .len(),
        client
            .find_all(Locator::Css("#paper-preview table"))
            .await
            .unwrap()
            .len(),
        "every table in the preview has a caption"
    );
    screenshot(&client, "papers").await;
    assert_accessible(&client, "papers").await;

    // The board pack for the meeting: the safeguarding paper is already in it; add the
    // previous quarter's too, and move it to the top.
    client
        .execute(
            "location.hash = arguments[0];",
            vec![serde_json::json!(format!("#/meetings/{meeting}/pack"))],
        )
        .await
        .unwrap();
    wait_for_text(&client, "Papers in the pack").await;
    assert_accessible(&client, "board pack").await;
    click(&client, "#pack-add-safeguarding").await;
    wait_for_text(&client, "Paper 2").await;
    let second = client
        .find(Locator::Css(
            "li.app-pack-paper[data-paper-index='1'] button[id^='pack-up-']",
        ))
        .await
        .unwrap();
    second.click().await.unwrap();
    wait_for_text(&client, "is now paper 1 of 2").await;
    screenshot(&client, "board-pack").await;
    close_app(client, &db).await;

    // The paper saved from this data carries what the secretary typed, under the new marking.
    let pdf = dir.path().join("paper.pdf");
    ok(
        &db,
        &[
            "paper",
            "--period",
            &quarter,
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    let text = support::pdf::text(&pdf);
    assert!(text.contains("Training compliance is improving; supervision needs the board’s"));
    assert!(text.contains("OFFICIAL") && !text.contains("OFFICIAL-SENSITIVE"));
    ok(&db, &["audit", "verify"]);
    drop(desktop);
}

#[tokio::test(flavor = "multi_thread")]
async fn home_shows_what_needs_the_member_and_reminds_once() {
    let (dir, db) = temp_db();
    let (_, today) = this_quarter();
    // The demonstration board's register: Fiona's only action is this test's.
    ok(&db, &["demo", "--register-only"]);
    let members = support::members_json(&db);
    let fiona = members
        .iter()
        .find(|m| m["name"] == "Fiona Gallagher")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let log = dir.path().join("log.csv");
    std::fs::write(
        &log,
        format!("Date,Meeting,Agenda item,Assurance area,Raised by,Challenge,Directed to,Response,Evidence,Assurance level,Action,Action owner,Due date,Action status,Minute ref\n\
                 {today},Board,4.2 Safeguarding report,Induction,Margaret Ellison,Does induction cover safeguarding adults?,Chief Nurse,It will from January.,Plan,Limited,Bring the new induction pack,Fiona Gallagher,01/01/2020,Open,BD/2\n"),
    )
    .unwrap();
    ok(&db, &["scrutiny", "import", log.to_str().unwrap()]);
    // Fiona uses this laptop.
    let desktop = Desktop::start();
    let client = desktop.launch(&db).await;
    wait_for_text(&client, "What needs me now").await;
    click(&client, "a[href='#/settings']").await;
    wait_for_text(&client, "Whose laptop is this?").await;
    click(&client, &format!("#my-member option[value='{fiona}']")).await;
    client
        .find(Locator::XPath(
            "//button[normalize-space()='Save who uses this laptop']",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(&client, "now opens on Fiona Gallagher’s record").await;

    click(&client, "a[href='#/home']").await;
    wait_for_texts(
        &client,
        &[
            "What needs me now",
            "Bring the new induction pack",
            "Overdue by",
        ],
    )
    .await;
    screenshot(&client, "home").await;
    assert_accessible(&client, "home").await;
    close_app(client, &db).await;

    // Opened again, the app reminds Fiona of her overdue action, once: not on the next start
    // the same day.
    let client = desktop.launch(&db).await;
    let page = wait_for_texts(&client, &["Reminders", "What needs me now"]).await;
    assert!(
        page.contains("Your action “Bring the new induction pack” was due on 1 January 2020"),
        "{page}"
    );
    assert_accessible(&client, "reminders").await;
    close_app(client, &db).await;
    let client = desktop.launch(&db).await;
    wait_for_text(&client, "What needs me now").await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert!(
        client.find(Locator::Css("#reminders")).await.is_err(),
        "no reminder twice in a day"
    );
    close_app(client, &db).await;
    drop(desktop);
}
