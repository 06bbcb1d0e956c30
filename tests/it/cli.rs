//! The headless command line, run as a user or a script would run it.

use crate::support::{cli, members_json, stderr, stdout, temp_db, BIN};

#[test]
fn demo_then_members_list_json_prints_the_demonstration_board() {
    let (_dir, db) = temp_db();
    let out = cli(&db, &["demo"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(
        said.contains(
            "Wyvern Valley Hospitals NHS Foundation Trust, 13 members, 14 training records,"
        ) && said.contains(" 150 challenges, "),
        "{said}"
    );

    let out = cli(&db, &["members", "list", "--json"]);
    assert!(out.status.success());
    let current: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(current.len(), 12, "current members only by default");
    let chair = current
        .iter()
        .find(|m| m["roles"] == serde_json::json!(["chair"]))
        .unwrap();
    assert_eq!(chair["name"], "Margaret Ellison");
    // The documented JSON shape: every field present, dates in ISO 8601.
    let mut keys: Vec<&str> = chair
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.as_str())
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "committees",
            "createdAt",
            "endDate",
            "id",
            "jobTitle",
            "kind",
            "name",
            "roles",
            "startDate",
            "updatedAt"
        ]
    );
    assert_eq!(chair["startDate"], "2021-04-01");
    assert_eq!(members_json(&db).len(), 13);

    // A second load refuses rather than doubling the board.
    let again = cli(&db, &["demo"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("already holds a board register"));
    assert_eq!(members_json(&db).len(), 13);
}

#[test]
fn bad_input_exits_1_with_one_line_and_changes_nothing() {
    let (_dir, db) = temp_db();
    assert!(cli(&db, &["demo"]).status.success());
    let before = members_json(&db);
    let cases: &[(&[&str], &str)] = &[
        (
            &[
                "members",
                "add",
                "--name",
                "  ",
                "--kind",
                "executive",
                "--job-title",
                "Director",
                "--start",
                "01/04/2024",
            ],
            "Enter the member's full name.",
        ),
        (
            &[
                "members",
                "add",
                "--name",
                "Sam Lee",
                "--kind",
                "executive",
                "--job-title",
                "Director",
                "--start",
                "01/04/2024",
                "--end",
                "01/03/2024",
            ],
            "The end date must be on or after the start date (01/04/2024).",
        ),
        (
            &[
                "members",
                "add",
                "--name",
                "Sam Lee",
                "--kind",
                "executive",
                "--role",
                "treasurer",
                "--job-title",
                "Director",
                "--start",
                "01/04/2024",
            ],
            "Unknown role 'treasurer'",
        ),
        (
            &[
                "members",
                "add",
                "--name",
                "Sam Lee",
                "--kind",
                "executive",
                "--job-title",
                "Director",
                "--start",
                "31/02/2024",
            ],
            "must be a real date",
        ),
        (
            &["members", "end", "no-such-id", "--on", "01/04/2025"],
            "No board member has the id 'no-such-id'",
        ),
    ];
    for (args, message) in cases {
        let out = cli(&db, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr(&out);
        assert!(err.contains(message), "{args:?}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
        assert!(
            !err.contains("panicked") && !err.contains("Error {"),
            "no debug dump: {err}"
        );
        assert!(out.stdout.is_empty());
    }
    assert_eq!(members_json(&db), before, "the database is untouched");
}

#[test]
fn usage_errors_exit_2_and_help_and_version_exit_0() {
    let (_dir, db) = temp_db();
    let out = cli(&db, &["members", "frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    let out = cli(&db, &["members", "add", "--colour", "blue"]);
    assert_eq!(out.status.code(), Some(2));
    for args in [
        &["--help"][..],
        &["members", "--help"],
        &["members", "add", "--help"],
        &["check", "--help"],
    ] {
        let out = cli(&db, args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(stdout(&out).contains("Usage: boardassure"), "{args:?}");
    }
    let out = std::process::Command::new(BIN)
        .arg("--version")
        .output()
        .unwrap();
    assert_eq!(
        stdout(&out).trim(),
        format!("boardassure {}", env!("CARGO_PKG_VERSION"))
    );
    assert!(
        !db.exists(),
        "help and usage errors never create a database"
    );
}

#[test]
fn add_edit_end_and_history_through_the_command_line() {
    let (_dir, db) = temp_db();
    let out = cli(
        &db,
        &[
            "members",
            "add",
            "--name",
            "Aled Evans",
            "--kind",
            "non-executive",
            "--role",
            "non-executive-lead",
            "--job-title",
            "Independent Member",
            "--start",
            "2023-06-01",
            "--committee",
            "Quality, Safety and Experience Committee",
            "--json",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let added: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let id = added["id"].as_str().unwrap().to_string();

    let out = cli(
        &db,
        &[
            "members",
            "edit",
            &id,
            "--job-title",
            "Vice Chair",
            "--role",
            "chair",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = cli(&db, &["members", "end", &id, "--on", "31/03/2026"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out).trim(),
        "Aled Evans's membership ends on 31 March 2026."
    );

    let out = cli(&db, &["members", "history", &id, "--json"]);
    let history: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let changes: Vec<&str> = history
        .iter()
        .map(|h| h["change"].as_str().unwrap())
        .collect();
    assert_eq!(changes, ["added", "edited", "ended"]);
    assert_eq!(
        history[1]["changes"],
        serde_json::json!([
            "Framework roles: Non-Executive Lead → Chair",
            "Job title: Independent Member → Vice Chair"
        ])
    );
    let ended = cli(&db, &["members", "list", "--show", "ended", "--json"]);
    let ended: Vec<serde_json::Value> = serde_json::from_slice(&ended.stdout).unwrap();
    assert_eq!(ended.len(), 1);
    assert_eq!(ended[0]["endDate"], "2026-03-31");
}

#[test]
fn check_reports_health_and_refuses_damaged_or_newer_files() {
    let (dir, db) = temp_db();
    assert!(cli(&db, &["demo"]).status.success());
    let out = cli(&db, &["check", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["healthy"], true);
    assert_eq!(report["integrity"], "ok");

    let newer = dir.path().join("newer.db");
    assert!(cli(&newer, &["demo"]).status.success());
    {
        let c = rusqlite::Connection::open(&newer).unwrap();
        c.pragma_update(None, "user_version", 99).unwrap();
    }
    let out = cli(&newer, &["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("saved by a newer version"),
        "{}",
        stderr(&out)
    );

    let junk = dir.path().join("junk.db");
    std::fs::write(
        &junk,
        "this is a spreadsheet export, not a database\n".repeat(100),
    )
    .unwrap();
    let out = cli(&junk, &["members", "list"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("damaged or is not a Safeguarding Board Assurance database"));

    let missing = dir.path().join("missing.db");
    let out = cli(&missing, &["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!missing.exists(), "check never creates a database");
}

#[test]
fn the_environment_variable_chooses_the_database() {
    let (_dir, db) = temp_db();
    let out = std::process::Command::new(BIN)
        .args(["demo"])
        .env("BOARDASSURE_DB", &db)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(members_json(&db).len(), 13);
}

#[test]
fn framework_show_prints_the_senior_manager_framework() {
    let (_dir, db) = temp_db();
    let out = cli(&db, &["framework", "show"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("Competencies for Senior Managers and Executives"));
    assert!(
        text.contains("Non-Executive Lead\n  Not employed by the provider"),
        "{text}"
    );
    assert!(text.contains("    • oversee the appraisal and revalidation process for doctors  [smc.role.responsible-officer.responsibility.3]"));
    assert!(text.contains("Health care staff at this level should:"));

    let out = cli(&db, &["framework", "show", "--json"]);
    let fw: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(fw["formatVersion"], 1);
    assert_eq!(fw["roles"].as_array().unwrap().len(), 7);
    assert_eq!(fw["roles"][5]["code"], "non-executive-lead");
    assert!(!db.exists(), "showing the framework needs no database");
}

#[test]
fn training_is_recorded_and_listed_through_the_command_line() {
    let (_dir, db) = temp_db();
    assert!(cli(&db, &["demo"]).status.success());
    // A member with no training in the demonstration board yet.
    let elaine = members_json(&db)
        .into_iter()
        .find(|m| m["name"] == "Elaine Brooks")
        .unwrap();
    let id = elaine["id"].as_str().unwrap();
    let out = cli(
        &db,
        &[
            "training",
            "add",
            "--member",
            id,
            "--title",
            "Safeguarding children: board level",
            "--provider",
            "Regional safeguarding partnership",
            "--completed",
            "14/05/2025",
            "--hours",
            "1:30",
            "--type",
            "board-development-session",
            "--level",
            "Board level",
            "--expires",
            "14/05/2028",
            "--json",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let t: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(t["minutes"], 90);
    assert_eq!(t["learningType"], "board-development-session");

    let out = cli(&db, &["training", "list", "--member", id]);
    assert!(stdout(&out).starts_with("14/05/2025  Elaine Brooks  Safeguarding children: board level (Regional safeguarding partnership, Board development session, 1.5 h, expires 14/05/2028)"), "{}", stdout(&out));
    let history = stdout(&cli(
        &db,
        &["training", "history", t["id"].as_str().unwrap()],
    ));
    assert!(
        history.contains("  added by ") && history.ends_with(": Recorded\n"),
        "{history}"
    );

    let bad = cli(
        &db,
        &[
            "training",
            "add",
            "--member",
            id,
            "--title",
            "X",
            "--provider",
            "Y",
            "--completed",
            "14/05/2025",
            "--hours",
            "2",
            "--type",
            "webinar",
            "--level",
            "Board level",
        ],
    );
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stderr(&bad).contains("Unknown learning type 'webinar'"),
        "{}",
        stderr(&bad)
    );
    let list = cli(&db, &["training", "list", "--member", id, "--json"]);
    let list: Vec<serde_json::Value> = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(list.len(), 1, "the refused record was not saved");
}
