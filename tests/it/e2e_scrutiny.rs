//! End-to-end: a non-executive director records a board meeting, logs three challenges with
//! follow-up actions during it, closes one action, and sees the overdue one and the areas
//! nobody has scrutinised, all in the real window.

use std::time::{Duration, Instant};

use crate::support::desktop::click_xpath;
use crate::support::desktop::{
    assert_accessible, click, screenshot, type_into, wait_for_text, wait_for_texts, Desktop,
};
use crate::support::{cli, members_json, stderr, temp_db};
use fantoccini::{Client, Locator};

fn id_of(members: &[serde_json::Value], name: &str) -> String {
    members.iter().find(|m| m["name"] == name).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string()
}

/// One challenge as a director would type it, with its follow-up action.
struct Challenge<'a> {
    area: &'a str,
    raised_by: &'a str,
    text: &'a str,
    /// The answer given, if one is typed.
    response: &'a str,
    /// The position of the assurance level on the form, strongest first.
    level: usize,
    action: &'a str,
    owner: &'a str,
    due: String,
}

/// Fills in one challenge on the entry form (the meeting is already chosen).
async fn log_challenge(client: &Client, c: Challenge<'_>) {
    wait_for_text(client, "The question or challenge").await;
    click(client, &format!("#entry-area option[value='{}']", c.area)).await;
    click(
        client,
        &format!("#entry-raised-by option[value='{}']", c.raised_by),
    )
    .await;
    type_into(client, "#entry-challenge", c.text).await;
    if !c.response.is_empty() {
        type_into(client, "#entry-response", c.response).await;
    }
    click(client, &format!("label[for='entry-level-{}']", c.level)).await;
    type_into(client, "#action-description", c.action).await;
    click(
        client,
        &format!("#action-owner option[value='{}']", c.owner),
    )
    .await;
    type_into(client, "#action-due", &c.due).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_director_logs_challenges_in_a_meeting_and_follows_them_up() {
    let (_dir, db) = temp_db();
    // The demonstration board's register, with an empty log for this director's meeting.
    assert!(cli(&db, &["demo", "--register-only"]).status.success());
    let members = members_json(&db);
    let fiona = id_of(&members, "Fiona Gallagher");
    let priya = id_of(&members, "Priya Raman");
    let today = chrono::Local::now().date_naive();
    let day = |offset: i64| {
        (today + chrono::Duration::days(offset))
            .format("%d/%m/%Y")
            .to_string()
    };

    let desktop = Desktop::start();
    let client = desktop.launch(&db).await;
    wait_for_text(&client, "What needs me now").await;

    // Record today's board meeting with one agenda item and Fiona present.
    click(&client, "a[href='#/scrutiny']").await;
    wait_for_text(&client, "Log a challenge").await;
    click(&client, "a[href='#/meetings']").await;
    wait_for_text(&client, "Record a meeting").await;
    click(&client, "a[href='#/meetings/new']").await;
    wait_for_text(&client, "Date of the meeting").await;
    click(&client, "#meeting-kind option[value='board']").await;
    click(&client, "#meeting-add-item").await;
    type_into(&client, "input[id^='meeting-item-'][id$='-number']", "4.2").await;
    type_into(
        &client,
        "input[id^='meeting-item-'][id$='-title']",
        "Safeguarding annual report",
    )
    .await;
    click(
        &client,
        &format!("#meeting-attendance-{fiona} option[value='present']"),
    )
    .await;
    assert_accessible(&client, "meeting form").await;
    click(&client, "form button[type='submit']").await;
    wait_for_text(&client, "Log a challenge at this meeting").await;
    assert_accessible(&client, "meeting").await;

    // Three challenges, logged as they are raised: two with "Save and log another".
    click_xpath(
        &client,
        "//a[normalize-space()='Log a challenge at this meeting']",
    )
    .await;
    log_challenge(
        &client,
        Challenge {
            area: "saaf.4.2.1.6",
            raised_by: &fiona,
            text: "Where is the voice of the child in this year’s annual report?",
            response: "Next year’s report will carry accounts from young carers and looked-after children.",
            level: 2,
            action: "Add case studies to the annual report",
            owner: &priya,
            due: day(-1),
        },
    )
    .await;
    assert_accessible(&client, "entry form").await;
    click(&client, "button[value='another']").await;
    wait_for_text(&client, "Challenge logged.").await;
    log_challenge(
        &client,
        Challenge {
            area: "saaf.4.2.1.8",
            raised_by: &fiona,
            text: "Why is level 3 training below the 85% target?",
            response: "",
            level: 1,
            action: "Report the training recovery trajectory",
            owner: &priya,
            due: day(30),
        },
    )
    .await;
    click(&client, "button[value='another']").await;
    wait_for_text(&client, "Challenge logged.").await;
    log_challenge(
        &client,
        Challenge {
            area: "saaf.4.2.1.10",
            raised_by: &fiona,
            text: "Do named professionals get protected supervision time?",
            response: "",
            level: 0,
            action: "Share the supervision audit",
            owner: &priya,
            due: day(60),
        },
    )
    .await;
    click_xpath(
        &client,
        "//button[normalize-space()='Save and return to the log']",
    )
    .await;
    wait_for_texts(
        &client,
        &["3 challenges", "Where is the voice of the child"],
    )
    .await;
    screenshot(&client, "challenge-log").await;
    assert_accessible(&client, "challenge log").await;

    // The tracker shows the overdue action first; close the supervision one.
    click(&client, "a[href='#/actions']").await;
    let page = wait_for_text(&client, "Share the supervision audit").await;
    let first = page.find("Add case studies").unwrap();
    assert!(
        first < page.find("Share the supervision audit").unwrap(),
        "overdue first: {page}"
    );
    assert!(page.contains("Overdue by 1 day"), "{page}");
    click_xpath(
        &client,
        "//button[contains(., 'Update') and contains(., 'Share the supervision audit')]",
    )
    .await;
    wait_for_text(&client, "Update this action").await;
    click(&client, "select[id$='-status'] option[value='closed']").await;
    type_into(
        &client,
        "textarea[id$='-closure-note']",
        "Audit shared at the quality committee.",
    )
    .await;
    assert_accessible(&client, "action update").await;
    click_xpath(&client, "//button[normalize-space()='Save update']").await;
    let page = wait_for_text(
        &client,
        "The action “Share the supervision audit” was closed.",
    )
    .await;
    assert!(page.contains("1 action is overdue"), "{page}");
    let left = client
        .find_all(Locator::XPath(
            "//h3[normalize-space()='Share the supervision audit']",
        ))
        .await
        .unwrap();
    assert!(left.is_empty(), "a closed action leaves the tracker");
    screenshot(&client, "actions").await;

    // Coverage: three of the 13 areas were scrutinised this year; ten were not.
    click(&client, "a[href='#/coverage']").await;
    wait_for_texts(&client, &["10 of 13 areas had no scrutiny", "No scrutiny"]).await;
    screenshot(&client, "coverage").await;
    assert_accessible(&client, "coverage").await;

    // At the meeting, a second action on the training challenge: owned by an officer who is not
    // on the board, and escalated to a committee.
    click(&client, "a[href='#/meetings']").await;
    wait_for_text(&client, "Record a meeting").await;
    click_xpath(
        &client,
        "//th//a[starts-with(normalize-space(), 'Board, ')]",
    )
    .await;
    wait_for_text(&client, "Why is level 3 training below the 85% target?").await;
    click_xpath(
        &client,
        "//button[contains(., 'Add an action') and contains(., 'Why is level 3 training')]",
    )
    .await;
    wait_for_text(&client, "What is to be done").await;
    type_into(
        &client,
        "[id^='new-action-'][id$='-description']",
        "Take the training trajectory to the quality committee",
    )
    .await;
    click(
        &client,
        "select[id^='new-action-'][id$='-owner'] option[value='someone-else']",
    )
    .await;
    type_into(
        &client,
        "input[id^='new-action-'][id$='-owner-name']",
        "Head of Learning",
    )
    .await;
    click(
        &client,
        "select[id^='new-action-'][id$='-status'] option[value='escalated']",
    )
    .await;
    type_into(
        &client,
        "input[id^='new-action-'][id$='-escalated-to']",
        "Quality committee",
    )
    .await;
    assert_accessible(&client, "adding an action at the meeting").await;
    click_xpath(&client, "//button[normalize-space()='Add action']").await;
    let page = wait_for_text(
        &client,
        "The action “Take the training trajectory to the quality committee” was added.",
    )
    .await;
    assert!(page.contains("Head of Learning"), "{page}");

    // A phrase from a response is found in a keystroke or two, its words marked.
    click(&client, "a[href='#/search']").await;
    type_into(&client, "#search-text", "young carers").await;
    wait_for_texts(&client, &["Where is the voice of the child", "1 result"]).await;
    let marked = client
        .find_all(Locator::Css(".app-search-result mark"))
        .await
        .unwrap();
    assert_eq!(marked.len(), 2, "both words are marked");
    assert_accessible(&client, "search").await;

    // The database screen reports the audit trail intact after all of this.
    click(&client, "a[href='#/database']").await;
    let page = wait_for_text(&client, "Intact").await;
    assert!(
        page.contains("records match their last saved version"),
        "{page}"
    );
    assert_accessible(&client, "database").await;
    client.close().await.unwrap();
    drop(desktop);

    // The command line reads back the same record.
    let start = Instant::now();
    let out = loop {
        let out = cli(&db, &["actions", "list", "--all", "--json"]);
        if out.status.success() || start.elapsed() > Duration::from_secs(15) {
            break out;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    let actions: Vec<serde_json::Value> =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|_| panic!("{}", stderr(&out)));
    assert_eq!(actions.len(), 4);
    assert_eq!(actions[0]["overdue"], true);
    let escalated: Vec<_> = actions
        .iter()
        .filter(|a| a["action"]["status"] == "escalated")
        .collect();
    assert_eq!(escalated.len(), 1);
    assert_eq!(escalated[0]["action"]["ownerName"], "Head of Learning");
    assert_eq!(escalated[0]["action"]["escalatedTo"], "Quality committee");
    assert_eq!(
        escalated[0]["challenge"],
        "Why is level 3 training below the 85% target?"
    );
    let closed: Vec<_> = actions
        .iter()
        .filter(|a| a["action"]["status"] == "closed")
        .collect();
    assert_eq!(closed.len(), 1);
    assert_eq!(
        closed[0]["action"]["closureNote"],
        "Audit shared at the quality committee."
    );
    let entries = cli(&db, &["scrutiny", "list", "--json"]);
    let entries: Vec<serde_json::Value> = serde_json::from_slice(&entries.stdout).unwrap();
    assert_eq!(entries.len(), 3);
    assert!(entries
        .iter()
        .all(|e| e["itemLabel"].is_null()
            || e["meetingLabel"].as_str().unwrap().starts_with("Board, ")));
    // Every change made in the window is in the audit trail, chained and matching.
    let audit = cli(&db, &["audit", "verify"]);
    assert!(
        audit.status.success(),
        "{}",
        String::from_utf8_lossy(&audit.stdout)
    );
}
