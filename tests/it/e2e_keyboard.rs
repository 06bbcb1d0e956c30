//! End-to-end, keyboard only: from home to the action tracker and through its pages, through
//! the pages of a long challenge log, and to Settings to make the text twice the size, which
//! the window keeps at the next start. No mouse click anywhere.

use crate::support::desktop::{
    assert_accessible, close_app, focus_matches, screenshot, wait_for_texts, Desktop,
};
use crate::support::ok;
use crate::support::temp_db;
use fantoccini::Client;

const TAB: &str = "\u{E004}";
const ENTER: &str = "\u{E007}";
const SPACE: &str = "\u{E00D}";
const SHIFT_TAB: &str = "\u{E008}\u{E004}";

async fn press(client: &Client, keys: &str) {
    client
        .active_element()
        .await
        .expect("something has the focus")
        .send_keys(keys)
        .await
        .expect("keys reach the focused element");
}

/// Presses Tab until the focus is on `css`, as a keyboard user moves through the page.
async fn tab_to(client: &Client, css: &str) {
    move_focus_to(client, css, TAB).await;
}

/// Presses Shift+Tab until the focus is on `css`: back up the page to the navigation.
async fn shift_tab_to(client: &Client, css: &str) {
    move_focus_to(client, css, SHIFT_TAB).await;
}

async fn move_focus_to(client: &Client, css: &str, key: &str) {
    for _ in 0..80 {
        if focus_matches(client, css).await {
            return;
        }
        press(client, key).await;
    }
    screenshot(client, "keyboard").await;
    panic!("the keyboard never reached {css}");
}

async fn root_font_size(client: &Client) -> String {
    client
        .execute("return document.documentElement.style.fontSize;", vec![])
        .await
        .unwrap()
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn home_the_tracker_the_log_and_text_size_work_by_keyboard_alone() {
    let (dir, db) = temp_db();
    // The demonstration board's register, with a log of exactly these sixty challenges.
    ok(&db, &["demo", "--register-only"]);
    // Sixty challenges today, each with an action that was due at New Year: two pages each.
    let today = chrono::Local::now()
        .date_naive()
        .format("%d/%m/%Y")
        .to_string();
    let mut csv = String::from("Date,Meeting,Agenda item,Assurance area,Raised by,Challenge,Directed to,Response,Evidence,Assurance level,Action,Action owner,Due date,Action status,Minute ref\n");
    for i in 0..60 {
        csv.push_str(&format!(
            "{today},Board,4.2 Safeguarding report,Induction,Fiona Gallagher,Keyboard challenge {i:02},Chief Nurse,Answered.,Audit,Reasonable,Follow up {i:02},Priya Raman,01/01/2026,Open,BD/{i}\n"
        ));
    }
    let file = dir.path().join("log.csv");
    std::fs::write(&file, csv).unwrap();
    ok(&db, &["scrutiny", "import", file.to_str().unwrap()]);

    let desktop = Desktop::start();
    let client = desktop.launch(&db).await;
    // The window opens on Home, whose board-wide line of open actions leads to the tracker.
    wait_for_texts(&client, &["What needs me now", "Overdue actions by owner"]).await;
    tab_to(&client, "main a[href='#/actions']").await;
    press(&client, ENTER).await;
    wait_for_texts(&client, &["Showing 1 to 50 of 60 actions", "Page 1 of 2"]).await;
    tab_to(&client, "#actions-top-next-page").await;
    press(&client, ENTER).await;
    wait_for_texts(&client, &["Showing 51 to 60 of 60 actions", "Page 2 of 2"]).await;
    assert!(
        focus_matches(&client, "#actions-showing").await,
        "after paging, the focus is on the new results"
    );
    assert_accessible(&client, "tracker, page 2").await;

    // The challenge log, a page at a time, with Space on the button this time.
    shift_tab_to(&client, "a[href='#/scrutiny']").await;
    press(&client, ENTER).await;
    wait_for_texts(
        &client,
        &["Showing 1 to 50 of 60 challenges", "Keyboard challenge 59"],
    )
    .await;
    tab_to(&client, "#log-top-next-page").await;
    press(&client, SPACE).await;
    wait_for_texts(&client, &["Page 2 of 2", "Keyboard challenge 00"]).await;
    assert!(focus_matches(&client, "#log-showing").await);
    tab_to(&client, "#log-top-previous-page").await;
    press(&client, ENTER).await;
    wait_for_texts(&client, &["Page 1 of 2", "Keyboard challenge 59"]).await;

    // Settings: the largest text, saved, and the page still fits the window's width.
    shift_tab_to(&client, "a[href='#/settings']").await;
    press(&client, ENTER).await;
    wait_for_texts(&client, &["Text size"]).await;
    tab_to(&client, "input[name][id^='text-size-']").await;
    // Arrow keys move within a radio group, as the platform does it.
    for _ in 0..3 {
        press(&client, "\u{E015}").await; // down
    }
    assert!(focus_matches(&client, "#text-size-largest").await);
    tab_to(&client, "#save-text-size").await;
    press(&client, ENTER).await;
    wait_for_texts(&client, &["Text size saved."]).await;
    assert_eq!(root_font_size(&client).await, "200%");
    let fits: bool = client
        .execute(
            "return document.documentElement.scrollWidth <= window.innerWidth;",
            vec![],
        )
        .await
        .unwrap()
        .as_bool()
        .unwrap();
    assert!(
        fits,
        "at 200% the page reflows instead of scrolling sideways"
    );
    screenshot(&client, "text-200").await;
    assert_accessible(&client, "settings at 200%").await;
    close_app(client, &db).await;

    // The next start keeps the size.
    let client = desktop.launch(&db).await;
    wait_for_texts(&client, &["What needs me now"]).await;
    let start = std::time::Instant::now();
    while root_font_size(&client).await != "200%" {
        assert!(
            start.elapsed().as_secs() < 10,
            "the stored text size is applied at start"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    close_app(client, &db).await;
    drop(desktop);
}
