//! End-to-end journeys through the real app in a real WebKitGTK window, driven over WebDriver
//! (tauri-driver + WebKitWebDriver) on a private virtual display.

use crate::support::desktop::{
    self, assert_accessible, click, close_app, close_app_with, find, focus_matches, screenshot,
    type_into, wait_for_text, wait_for_texts, Desktop,
};
use crate::support::with_passphrase;
use crate::support::{cli, cli_with, members_json, members_json_with, stderr, temp_db};
use fantoccini::{Client, Locator};

#[tokio::test(flavor = "multi_thread")]
async fn a_member_added_in_the_window_is_in_the_database() {
    let (_dir, db) = temp_db();
    let desktop = Desktop::start();
    let client = desktop.launch(&db).await;

    // First run: a passphrase is chosen before anything is written, and checked twice.
    wait_for_text(&client, "Choose a passphrase").await;
    assert_accessible(&client, "choose a passphrase").await;
    assert!(
        !db.exists(),
        "nothing is written before the passphrase is chosen"
    );
    type_into(&client, "#new-db-passphrase", PASS).await;
    type_into(
        &client,
        "#new-db-passphrase-confirm",
        "correct horse battery stable",
    )
    .await;
    click(&client, "form button[type='submit']").await;
    wait_for_text(&client, "The two passphrases differ").await;
    assert_accessible(&client, "choose a passphrase with an error").await;
    type_into(&client, "#new-db-passphrase-confirm", PASS).await;
    click(&client, "form button[type='submit']").await;

    // Then the organisation.
    wait_for_text(&client, "Welcome to Safeguarding Board Assurance").await;
    assert_accessible(&client, "first run").await;
    type_into(&client, "#org-name", "Tayside Children’s Hospital Trust").await;
    click(&client, "#org-nation option[value='scotland']").await;
    click(&client, "#org-type option[value='nhs-trust']").await;
    click(&client, "form button[type='submit']").await;
    wait_for_text(&client, "There are no board members yet").await;

    // Add a member, first with a mistake the app must catch and explain.
    click(&client, "a[href='#/members/new']").await;
    wait_for_text(&client, "Add a board member").await;
    type_into(&client, "#member-name", "Dr Morag McLeod").await;
    click(&client, "label[for='member-kind-executive']").await;
    click(&client, "label[for='member-role-executive-lead']").await;
    type_into(&client, "#member-job-title", "Executive Nurse Director").await;
    type_into(&client, "#member-start-date", "01/04/2024").await;
    type_into(&client, "#member-end-date", "31/03/2024").await;
    click(&client, "form button[type='submit']").await;
    let page = wait_for_text(&client, "There is a problem").await;
    assert_accessible(&client, "member form with an error").await;
    assert!(
        page.contains("The end date must be on or after the start date (01/04/2024)."),
        "{page}"
    );
    let field_error = find(&client, "#member-end-date-error")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        field_error.contains("on or after the start date"),
        "the error is tied to its field"
    );
    assert!(
        members_json_while_open_fails(&db),
        "nothing may be read while the app holds the database"
    );

    desktop::clear(&client, "#member-end-date").await;
    type_into(
        &client,
        "#member-committees",
        "Clinical Governance Committee",
    )
    .await;
    click(&client, "form button[type='submit']").await;
    let page = wait_for_text(&client, "Dr Morag McLeod was added to the register.").await;
    let row = find(&client, "#members-table tbody tr")
        .await
        .text()
        .await
        .unwrap();
    assert!(row.contains("Dr Morag McLeod"), "{row}");
    assert!(row.contains("Executive Lead / Executive Director"), "{row}");
    assert!(
        row.contains("01/04/2024"),
        "British date in the list: {row}"
    );
    assert!(page.contains("Tayside Children’s Hospital Trust"));
    screenshot(&client, "register-after-add").await;
    assert_accessible(&client, "register").await;

    // While the window has it open, neither the file nor its write-ahead log holds a word of
    // what was typed, and the sqlite3 tool cannot read it.
    for file in [db.clone(), db.with_extension("db-wal")] {
        let bytes = std::fs::read(&file).unwrap_or_default();
        for typed in [
            "Morag McLeod",
            "Tayside Children",
            "Executive Nurse Director",
        ] {
            assert!(
                !bytes.windows(typed.len()).any(|w| w == typed.as_bytes()),
                "{typed} is readable in {}",
                file.display()
            );
        }
    }
    let tool = std::process::Command::new("sqlite3")
        .arg(&db)
        .arg("SELECT name FROM member;")
        .output()
        .expect("the sqlite3 tool is installed");
    assert!(!tool.status.success(), "sqlite3 read the database");
    close_app_with(client, &db, &with_passphrase(PASS)).await;

    // The same member, read back through the command line with the passphrase.
    let members = members_json_with(&db, &with_passphrase(PASS));
    assert_eq!(members.len(), 1);
    let m = &members[0];
    assert_eq!(m["name"], "Dr Morag McLeod");
    assert_eq!(m["kind"], "executive");
    assert_eq!(m["roles"], serde_json::json!(["executive-lead"]));
    assert_eq!(m["startDate"], "2024-04-01");
    assert_eq!(m["endDate"], serde_json::Value::Null);
    assert_eq!(
        m["committees"],
        serde_json::json!(["Clinical Governance Committee"])
    );
    let org = cli_with(&db, &["org", "show", "--json"], &with_passphrase(PASS));
    let org: serde_json::Value = serde_json::from_slice(&org.stdout).unwrap();
    assert_eq!(org["nation"], "scotland");

    // The window logged its work to its log folder, by record id and never by name.
    let logs = desktop.app_logs();
    assert!(logs.contains("member added"), "{logs}");
    // The page came with what its first screen needed, so it opened without asking.
    assert!(logs.contains("page served with its opening"), "{logs}");
    assert!(logs.contains(m["id"].as_str().unwrap()), "{logs}");
    for personal in ["Morag", "McLeod", "Tayside", "Executive Nurse Director"] {
        assert!(!logs.contains(personal), "the log names {personal}: {logs}");
    }
    drop(desktop);
}

const PASS: &str = "correct horse battery staple";

/// While the window holds the database a second process must be refused with "in use".
fn members_json_while_open_fails(db: &std::path::Path) -> bool {
    let out = cli_with(db, &["members", "list", "--json"], &with_passphrase(PASS));
    out.status.code() == Some(1) && stderr(&out).contains("in use") && out.stdout.is_empty()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_demonstration_board_loads_and_a_membership_can_be_ended() {
    let (_dir, db) = temp_db();
    // An empty plain database, as a script makes one.
    assert!(cli(&db, &["org", "show"]).status.success());
    let desktop = Desktop::start();
    let client = desktop.launch(&db).await;

    wait_for_text(&client, "Explore with a demonstration board").await;
    let open_button = client
        .find(Locator::XPath(
            "//button[normalize-space()='Load the demonstration board']",
        ))
        .await
        .unwrap();
    open_button.click().await.unwrap();
    wait_for_text(&client, "Load the demonstration board?").await;
    click(
        &client,
        "dialog .nhsuk-button:not(.nhsuk-button--secondary)",
    )
    .await;
    let page = wait_for_texts(
        &client,
        &["Current members (12)", "The demonstration board was loaded"],
    )
    .await;
    assert!(
        page.contains("Wyvern Valley Hospitals NHS Foundation Trust"),
        "{page}"
    );
    let rows = client
        .find_all(Locator::Css("#members-table tbody tr"))
        .await
        .unwrap();
    assert_eq!(rows.len(), 12);
    screenshot(&client, "register-demo-board").await;
    assert_accessible(&client, "register with the demonstration board").await;

    let out = cli(&db, &["members", "list"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("is in use by another Safeguarding Board Assurance window"),
        "{}",
        stderr(&out)
    );

    // End Tomasz Nowak's membership through the confirmation dialog.
    let row = client
        .find(Locator::XPath(
            "//table[@id='members-table']//tr[contains(., 'Tomasz Nowak')]",
        ))
        .await
        .unwrap();
    row.find(Locator::Css("button.app-link-button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(&client, "End Tomasz Nowak’s membership").await;
    type_into(&client, "#end-date", "30/09/2026").await;
    click(&client, "dialog .nhsuk-button--warning").await;
    wait_for_texts(
        &client,
        &[
            "Current members (11)",
            "Tomasz Nowak’s membership ends on 30 September 2026",
        ],
    )
    .await;

    // Record Elaine Brooks's board-level training, her first, after a mistake the app explains.
    client
        .find(Locator::XPath(
            "//tr[contains(., 'Elaine Brooks')]//a[contains(., 'Training')]",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(
        &client,
        "No training has been recorded for Elaine Brooks yet.",
    )
    .await;
    type_into(
        &client,
        "#training-title",
        "Safeguarding children: board level",
    )
    .await;
    type_into(
        &client,
        "#training-provider",
        "Regional safeguarding partnership",
    )
    .await;
    type_into(&client, "#training-completed", "14/05/2025").await;
    type_into(&client, "#training-hours", "three").await;
    click(
        &client,
        "#training-type option[value='board-development-session']",
    )
    .await;
    type_into(&client, "#training-level", "Board level").await;
    type_into(&client, "#training-expires", "14/05/2028").await;
    click(&client, "form button[type='submit']").await;
    wait_for_text(&client, "Enter the hours as a number").await;
    assert_accessible(&client, "training form with an error").await;
    type_into(&client, "#training-hours", "3.5").await;
    click(&client, "form button[type='submit']").await;
    let page = wait_for_text(
        &client,
        "“Safeguarding children: board level” was recorded.",
    )
    .await;
    assert!(page.contains("Completed training (1, 3.5 hours)"), "{page}");
    assert!(page.contains("14/05/2028"), "{page}");
    assert_accessible(&client, "training records").await;
    click(&client, "a.nhsuk-back-link").await;
    wait_for_text(&client, "Current members (11)").await;

    // What the framework asks of the Non-Executive Lead, from her roles in the register.
    client
        .find(Locator::XPath(
            "//tr[contains(., 'Fiona Gallagher')]//a[contains(., 'Competency')]",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let page = wait_for_text(&client, "Key responsibilities of your roles").await;
    assert_accessible(&client, "member competency").await;
    assert!(
        page.contains("provide informed scrutiny on behalf of the Board"),
        "{page}"
    );
    assert!(
        page.contains("Core competencies for everyone at this level"),
        "{page}"
    );
    click(&client, "a[href='#/framework']").await;
    let page = wait_for_text(&client, "Competencies for Senior Managers and Executives").await;
    assert!(
        page.contains("oversee the appraisal and revalidation process for doctors"),
        "{page}"
    );
    screenshot(&client, "competency-framework").await;
    assert_accessible(&client, "competency framework").await;
    click(&client, "a[href='#/members']").await;
    wait_for_text(&client, "Current members (11)").await;

    click(&client, "a[href='#/members/ended']").await;
    wait_for_texts(
        &client,
        &["Ended memberships (2)", "Tomasz Nowak", "Christopher Hale"],
    )
    .await;
    let history_link = client
        .find(Locator::XPath(
            "//tr[contains(., 'Tomasz Nowak')]//a[contains(., 'History')]",
        ))
        .await
        .unwrap();
    history_link.click().await.unwrap();
    let page = wait_for_text(&client, "History of changes").await;
    assert_accessible(&client, "member history").await;
    assert!(page.contains("End date: none → 30/09/2026"), "{page}");
    close_app(client, &db).await;

    let members = members_json(&db);
    assert_eq!(members.len(), 13, "ending a membership deletes nothing");
    let tomasz = members
        .iter()
        .find(|m| m["name"] == "Tomasz Nowak")
        .unwrap();
    assert_eq!(tomasz["endDate"], "2026-09-30");
    let _ = desktop::screenshot_dir();
    drop(desktop);
}

/// Presses keys on whatever has the focus, as a keyboard user does.
async fn press(client: &Client, keys: &str) {
    client
        .active_element()
        .await
        .expect("something has the focus")
        .send_keys(keys)
        .await
        .expect("keys reach the focused element");
}

const TAB: &str = "\u{E004}";
const ENTER: &str = "\u{E007}";
const SPACE: &str = "\u{E00D}";

#[tokio::test(flavor = "multi_thread")]
async fn a_member_can_be_added_with_the_keyboard_alone() {
    let (_dir, db) = temp_db();
    assert!(cli(&db, &["demo"]).status.success());
    let desktop = Desktop::start();
    let client = desktop.launch(&db).await;
    wait_for_text(&client, "What needs me now").await;

    // From Home along the navigation to the register; focus lands on its heading, and the
    // first control after it is "Add a board member".
    let mut steps = 0;
    while !focus_matches(&client, "nav a[href='#/members']").await {
        press(&client, TAB).await;
        steps += 1;
        assert!(
            steps < 30,
            "the keyboard never reached the Board register link"
        );
    }
    press(&client, ENTER).await;
    wait_for_text(&client, "Current members (12)").await;
    press(&client, TAB).await;
    let focused = client.active_element().await.unwrap().text().await.unwrap();
    assert_eq!(focused, "Add a board member");
    press(&client, ENTER).await;
    wait_for_text(&client, "Add a board member").await;

    // Focus moves to the new screen's heading; the fields follow in reading order.
    press(&client, TAB).await;
    press(&client, "Grace Okonkwo").await;
    press(&client, TAB).await; // the first seat: Executive
    press(&client, SPACE).await;
    press(&client, &TAB.repeat(4)).await; // Chair … Executive Lead / Executive Director
    press(&client, SPACE).await;
    press(&client, &TAB.repeat(4)).await; // past the other roles to the job title
    press(&client, "Director of Nursing").await;
    press(&client, TAB).await;
    press(&client, "06/01/2026").await;
    press(&client, &TAB.repeat(3)).await; // end date, committees, then the button
    let focused = client.active_element().await.unwrap().text().await.unwrap();
    assert_eq!(focused, "Add member");
    press(&client, ENTER).await;
    wait_for_texts(
        &client,
        &[
            "Grace Okonkwo was added to the register.",
            "Current members (13)",
        ],
    )
    .await;
    close_app(client, &db).await;

    let grace = members_json(&db)
        .into_iter()
        .find(|m| m["name"] == "Grace Okonkwo")
        .unwrap();
    assert_eq!(grace["kind"], "executive");
    assert_eq!(grace["roles"], serde_json::json!(["executive-lead"]));
    assert_eq!(grace["jobTitle"], "Director of Nursing");
    assert_eq!(grace["startDate"], "2026-01-06");
    drop(desktop);
}
