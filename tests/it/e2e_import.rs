//! End-to-end: the board secretary imports another trust's challenge log, chosen in the real
//! file dialog, through the mapping step: its own column names and short labels are read, the
//! one area the app does not know is added as the organisation's own, and the post that owns
//! actions is tied to the member who holds it. The post holder then finds those actions on
//! Home, and next quarter's file from the same spreadsheet imports with no questions asked.

use std::path::{Path, PathBuf};

use crate::support::desktop::{
    assert_accessible, click, click_xpath, close_app, find, screenshot, wait_for_text,
    wait_for_texts, Desktop,
};
use crate::support::{member_id, ok, temp_db};
use fantoccini::{Client, Locator};

/// The title of the import's file dialog (`choose_csv_import`).
const DIALOG: &str = "Import a challenge log";

/// The three actions the file gives the Chief Nurse; the fourth is the Medical Director's.
const CHIEF_NURSE_ACTIONS: [&str; 3] = [
    "Agree a referral standard with the local authority",
    "Audit the reach of seven-minute briefings",
    "Review visitor checks",
];
const MEDICAL_DIRECTOR_ACTION: &str = "Complete the ligature survey";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/scrutiny")
        .join(name)
}

fn json(db: &Path, args: &[&str]) -> serde_json::Value {
    let out = ok(db, args);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?} printed no JSON ({e}): {out}"))
}

/// Evaluates `script` (its last line returns a string) in the window.
async fn text_of(client: &Client, script: &str) -> String {
    client
        .execute(script, vec![])
        .await
        .unwrap()
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// The words of the option shown in the mapping select on the row for the file's word `value`.
async fn read_as(client: &Client, value: &str) -> String {
    text_of(
        client,
        &format!(
            "const row = [...document.querySelectorAll('.app-import-mapping tr')]
                .find((r) => r.querySelector('th label')?.textContent.trim() === {value:?});
             const select = row?.querySelector('select');
             return select ? select.options[select.selectedIndex].text : '';"
        ),
    )
    .await
}

/// Waits until the mapping step has finished checking the file again and its import button
/// can be pressed, and returns that button's words.
async fn wait_until_ready(client: &Client) -> String {
    let start = std::time::Instant::now();
    loop {
        let button = client
            .find(Locator::XPath(
                "//section[contains(@class, 'app-import-mapping')]//button[starts-with(normalize-space(), 'Import ')]",
            ))
            .await;
        if let Ok(button) = button {
            if button.is_enabled().await.unwrap_or(false) {
                return button.text().await.unwrap();
            }
        }
        if start.elapsed() > std::time::Duration::from_secs(10) {
            screenshot(client, "import-not-ready").await;
            panic!("the mapping step never became ready to import");
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// Scrolls the import's report into view, for its screenshot.
async fn show_report(client: &Client) {
    client
        .execute(
            "document.querySelector('.nhsuk-inset-text[role=status]')?.scrollIntoView({ block: 'center' });",
            vec![],
        )
        .await
        .unwrap();
}

/// Opens the challenge log, presses its import button and chooses `file` in the file dialog.
async fn choose(client: &Client, desktop: &Desktop, file: &Path) {
    client
        .execute("location.hash = '#/scrutiny';", vec![])
        .await
        .unwrap();
    wait_for_text(client, "Import a log from CSV").await;
    click_xpath(
        client,
        "//button[normalize-space()='Import a log from CSV…']",
    )
    .await;
    // The dialog is driven from outside the window, blocking this thread while it waits.
    tokio::task::block_in_place(|| desktop.choose_in_file_dialog(DIALOG, file));
    let name = file.file_name().unwrap().to_str().unwrap();
    wait_for_text(client, &format!("How {name} will be read")).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn another_trusts_log_is_chosen_mapped_and_imported_and_its_posts_actions_reach_home() {
    // The demonstration board's register with an empty log, its Chief Nurse post tied to no
    // one, as at a board that has never said who holds it.
    let (_dir, db) = temp_db();
    ok(&db, &["demo", "--register-only"]);
    let posts = json(&db, &["posts", "list", "--json"]);
    let mut untied = 0;
    for h in posts["holders"].as_array().unwrap() {
        if h["post"] == "Chief Nurse" {
            ok(&db, &["posts", "untie", h["id"].as_str().unwrap()]);
            untied += 1;
        }
    }
    assert!(
        untied > 0,
        "the register ties the Chief Nurse post: {posts}"
    );
    let priya = member_id(&db, "Priya Raman");

    let desktop = Desktop::start();
    let client = desktop.launch(&db).await;
    wait_for_text(&client, "What needs me now").await;

    // Priya Raman uses this laptop.
    click(&client, "a[href='#/settings']").await;
    wait_for_text(&client, "Whose laptop is this?").await;
    click(&client, &format!("#my-member option[value='{priya}']")).await;
    click_xpath(
        &client,
        "//button[normalize-space()='Save who uses this laptop']",
    )
    .await;
    wait_for_text(&client, "now opens on Priya Raman’s record").await;

    // The file is chosen in the native dialog, as a person chooses it.
    choose(&client, &desktop, &fixture("other-trust-q3.csv")).await;

    // The file's columns against the app's fields: "Question asked" is the challenge.
    let challenge = find(&client, "#scrutiny-import-column-challenge").await;
    assert_eq!(
        challenge.prop("value").await.unwrap().as_deref(),
        Some("Question asked")
    );
    let page = wait_for_texts(
        &client,
        &[
            "6 rows",
            "Columns",
            "Words not matched exactly",
            "Say what 'Estates' means as Assurance area (3 rows)",
            "'Chief Nurse' names the owner of 3 actions and no member",
        ],
    )
    .await;
    assert!(
        !page.contains("Choose the column that holds"),
        "every required field has its column: {page}"
    );
    // Its short labels are the app's areas.
    assert_eq!(
        read_as(&client, "Children in care").await,
        "Named professionals for children in care"
    );
    // Estates is the one word not matched, in 3 rows.
    let estates = text_of(
        &client,
        "const row = [...document.querySelectorAll('tr.app-import-unknown')]
            .find((r) => r.querySelector('th label')?.textContent.trim() === 'Estates');
         return row ? [...row.cells].slice(0, 4).map((c) => c.textContent.trim()).join(' | ') : '';",
    )
    .await;
    assert_eq!(
        estates, "Assurance area | Estates | 3 | Not matched",
        "Estates is listed as not matched, with its row count"
    );
    let unknown = client
        .find_all(Locator::Css("tr.app-import-unknown"))
        .await
        .unwrap();
    assert_eq!(unknown.len(), 1, "only Estates is unknown");
    screenshot(&client, "import-mapping").await;
    assert_accessible(&client, "import mapping").await;

    // Estates becomes one of the organisation's own areas.
    click_xpath(
        &client,
        "//tr[th/label[normalize-space()='Estates']]//select/option[@value='create']",
    )
    .await;
    assert_eq!(wait_until_ready(&client).await, "Import 6 rows");
    assert_eq!(
        read_as(&client, "Estates").await,
        "Add it as one of the organisation's own assurance areas: 'Estates'"
    );

    // The Chief Nurse post is tied to Priya Raman, whom the job title suggests.
    let tie_to = find(
        &client,
        "select[id^='scrutiny-import-post-']:not([disabled])",
    )
    .await;
    if tie_to.prop("value").await.unwrap().as_deref() != Some(priya.as_str()) {
        click(
            &client,
            &format!("select[id^='scrutiny-import-post-'] option[value='{priya}']"),
        )
        .await;
    }
    click_xpath(&client, "//button[normalize-space()=\"Tie 'Chief Nurse'\"]").await;
    wait_for_texts(
        &client,
        &[
            "'Chief Nurse' is now tied to Priya Raman.",
            "'Chief Nurse' names the owner of 3 actions: held by Priya Raman.",
        ],
    )
    .await;

    // Import: six rows added.
    assert_eq!(wait_until_ready(&client).await, "Import 6 rows");
    click_xpath(&client, "//button[normalize-space()='Import 6 rows']").await;
    let page = wait_for_texts(
        &client,
        &[
            "Imported 6 of 6 rows from other-trust-q3.csv.",
            "6 challenges added",
        ],
    )
    .await;
    assert!(!page.contains("Nothing was imported"), "{page}");
    show_report(&client).await;
    screenshot(&client, "import-done").await;
    assert_accessible(&client, "import done").await;

    // The command line reads the same log once the window lets go of the database, and
    // Priya's actions are the Chief Nurse's.
    close_app(client, &db).await;
    let entries = json(&db, &["scrutiny", "list", "--json"]);
    assert_eq!(entries.as_array().unwrap().len(), 6, "{entries}");
    let hers = json(
        &db,
        &["actions", "list", "--owner", "Priya Raman", "--json"],
    );
    let hers = hers.as_array().unwrap();
    assert_eq!(hers.len(), 3, "{hers:?}");
    assert!(
        hers.iter()
            .all(|a| a["action"]["ownerName"] == "Chief Nurse" && a["postHolder"] == "Priya Raman"),
        "{hers:?}"
    );
    for description in CHIEF_NURSE_ACTIONS {
        assert!(
            hers.iter()
                .any(|a| a["action"]["description"] == description),
            "{description}: {hers:?}"
        );
    }

    // Home, opened again: the Chief Nurse's actions are Priya's own.
    let client = desktop.launch(&db).await;
    let mut wanted = vec!["For Priya Raman", "My actions"];
    wanted.extend(CHIEF_NURSE_ACTIONS);
    wait_for_texts(&client, &wanted).await;
    let mine = find(&client, "#home-my-actions-list")
        .await
        .text()
        .await
        .unwrap();
    for description in CHIEF_NURSE_ACTIONS {
        assert!(mine.contains(description), "{description}: {mine}");
    }
    assert!(
        !mine.contains(MEDICAL_DIRECTOR_ACTION),
        "the Medical Director's action is not hers: {mine}"
    );
    // Each is shown as hers by the post she holds.
    let listed = client
        .find_all(Locator::Css("#home-my-actions-list > li"))
        .await
        .unwrap();
    assert_eq!(listed.len(), 3, "{mine}");
    for item in listed {
        let text = item.text().await.unwrap();
        assert!(text.contains("As Chief Nurse."), "{text}");
    }
    screenshot(&client, "import-home").await;

    // Next quarter's file from the same spreadsheet: every word is remembered, so nothing is
    // asked and it imports at once.
    choose(&client, &desktop, &fixture("other-trust-q4.csv")).await;
    assert_eq!(wait_until_ready(&client).await, "Import 2 rows");
    let page = wait_for_text(&client, "How other-trust-q4.csv will be read").await;
    assert!(!page.contains("There is a problem"), "{page}");
    assert_eq!(
        client
            .find_all(Locator::Css("tr.app-import-unknown"))
            .await
            .unwrap()
            .len(),
        0,
        "{page}"
    );
    assert_eq!(
        read_as(&client, "Estates").await,
        "Estates",
        "Estates is read as the area added from the last file"
    );
    assert!(page.contains("As remembered from the last file"), "{page}");
    click_xpath(&client, "//button[normalize-space()='Import 2 rows']").await;
    wait_for_texts(
        &client,
        &[
            "Imported 2 of 2 rows from other-trust-q4.csv.",
            "2 challenges added",
        ],
    )
    .await;
    show_report(&client).await;
    screenshot(&client, "import-next-quarter").await;

    close_app(client, &db).await;
    drop(desktop);
    let entries = json(&db, &["scrutiny", "list", "--json"]);
    assert_eq!(entries.as_array().unwrap().len(), 8, "{entries}");
}
