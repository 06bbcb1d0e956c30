//! End-to-end: a new user loads the demonstration board from the first screen, and Home, the
//! challenge log, coverage, the action tracker and Papers each show a year of board life rather
//! than their empty state. A screenshot of each is kept with the test's artefacts.

use chrono::Datelike;

use crate::support::desktop::{click, screenshot, wait_for_text, wait_for_texts, Desktop};
use crate::support::{cli, temp_db};
use fantoccini::{Client, Locator};

/// The last financial year ("2025/26") and the last completed quarter ("2026/27-Q2"), as the
/// window's period lists write them.
fn last_year_and_quarter() -> (String, String) {
    let today = chrono::Local::now().date_naive();
    let year = |y: i32| format!("{y}/{:02}", (y + 1) % 100);
    let this_year = if today.month() >= 4 {
        today.year()
    } else {
        today.year() - 1
    };
    let quarter = match today.month() {
        1..=3 => format!("{}-Q3", year(today.year() - 1)),
        4..=6 => format!("{}-Q4", year(today.year() - 1)),
        7..=9 => format!("{}-Q1", year(today.year())),
        _ => format!("{}-Q2", year(today.year())),
    };
    (year(this_year - 1), quarter)
}

async fn open(client: &Client, hash: &str) {
    client
        .execute(
            "location.hash = arguments[0];",
            vec![serde_json::json!(hash)],
        )
        .await
        .unwrap();
}

/// Scrolls the screen so the element `css` is at the top, for the screenshot to show the data.
async fn scroll_to(client: &Client, css: &str) {
    client
        .execute(
            "document.querySelector(arguments[0]).scrollIntoView();",
            vec![serde_json::json!(css)],
        )
        .await
        .unwrap();
}

async fn count(client: &Client, css: &str) -> usize {
    client.find_all(Locator::Css(css)).await.unwrap().len()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_demonstration_board_fills_every_screen_with_a_year_of_board_life() {
    let (_dir, db) = temp_db();
    // An empty plain database, as a script makes one.
    assert!(cli(&db, &["org", "show"]).status.success());
    let (last_year, last_quarter) = last_year_and_quarter();
    let desktop = Desktop::start();
    let client = desktop.launch(&db).await;

    // The first screen offers the demonstration board.
    wait_for_text(&client, "Explore with a demonstration board").await;
    client
        .find(Locator::XPath(
            "//button[normalize-space()='Load the demonstration board']",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(&client, "Load the demonstration board?").await;
    click(
        &client,
        "dialog .nhsuk-button:not(.nhsuk-button--secondary)",
    )
    .await;
    wait_for_texts(
        &client,
        &["The demonstration board was loaded", "Current members (12)"],
    )
    .await;

    // Home: the meetings coming up with their agendas, and the board's overdue actions.
    open(&client, "#/home").await;
    let page = wait_for_texts(&client, &["What needs me now", "Meetings coming up"]).await;
    assert!(!page.contains("No meeting is planned"), "{page}");
    assert!(!page.contains("No actions are overdue."), "{page}");
    assert!(count(&client, "#home-meetings-list .app-home-agenda li").await >= 3);
    scroll_to(&client, "#home-meetings").await;
    screenshot(&client, "demo-home").await;

    // The challenge log: last year's challenges, each with its response.
    open(&client, "#/scrutiny").await;
    wait_for_text(&client, "Challenge log").await;
    click(&client, &format!("#log-period option[value='{last_year}']")).await;
    let page = wait_for_text(&client, &format!("challenges in {last_year}")).await;
    assert!(!page.contains("No challenges have been logged"), "{page}");
    assert!(page.contains("Raised by") && page.contains("Response"));
    assert!(count(&client, "li.app-entry").await >= 10);
    scroll_to(&client, "#log-count").await;
    screenshot(&client, "demo-challenge-log").await;

    // Coverage: last year, area by area, with levels of assurance.
    open(&client, "#/coverage").await;
    wait_for_text(&client, "Which assurance areas the board scrutinised").await;
    click(
        &client,
        &format!("#coverage-period option[value='{last_year}']"),
    )
    .await;
    let page = wait_for_texts(
        &client,
        &[
            &format!("had no scrutiny in {last_year}"),
            "Scrutiny by assurance area",
        ],
    )
    .await;
    assert!(
        page.contains("Every area was scrutinised at least once."),
        "{page}"
    );
    scroll_to(&client, "#coverage-headline").await;
    screenshot(&client, "demo-coverage").await;

    // The action tracker: open actions, overdue first.
    open(&client, "#/actions").await;
    let page = wait_for_text(&client, "actions are overdue").await;
    assert!(!page.contains("There are no open actions."), "{page}");
    assert!(!page.contains("No actions are overdue"), "{page}");
    assert!(
        page.contains("Chief Nurse"),
        "actions owned by a post: {page}"
    );
    scroll_to(&client, "#actions-overdue-count").await;
    screenshot(&client, "demo-actions").await;

    // Papers: the last quarter's paper, its cover sheet filled in and its log in the preview.
    open(&client, "#/papers").await;
    wait_for_text(&client, "Safeguarding assurance paper").await;
    click(
        &client,
        &format!("#paper-period option[value='{last_quarter}']"),
    )
    .await;
    let page = wait_for_texts(
        &client,
        &[
            "Key NED challenge the board should know about",
            "Headline figures",
            "Assurance summary by area",
            "Actions for the period",
        ],
    )
    .await;
    for empty in [
        "No challenges were logged",
        "None of the",
        " the 0 actions ",
    ] {
        assert!(!page.contains(empty), "the preview says “{empty}”: {page}");
    }
    let author = client
        .find(Locator::Css("#cover-author"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default();
    assert_eq!(author, "Joanne Pritchard, Head of Safeguarding");
    scroll_to(&client, "#cover-sheet-form").await;
    screenshot(&client, "demo-papers").await;

    client.close().await.unwrap();
    drop(desktop);
}
