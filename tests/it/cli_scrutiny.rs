//! The scrutiny record from the command line: meetings, the challenge log, actions, coverage,
//! and importing legacy logs from real files.

use std::fmt::Write as _;
use std::path::Path;

use crate::support::{cli, ok, stderr, stdout};
use crate::support::{member_id, register};

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/scrutiny/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn json(db: &Path, args: &[&str]) -> serde_json::Value {
    let out = cli(db, args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn entries(db: &Path) -> Vec<serde_json::Value> {
    json(db, &["scrutiny", "list", "--json"])
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn a_legacy_excel_log_with_bad_rows_is_refused_whole_with_line_numbers() {
    let (_dir, db) = register();
    let out = cli(
        &db,
        &["scrutiny", "import", &fixture("legacy-windows-1252.csv")],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let report = stdout(&out);
    assert!(
        report.contains(
            "Line 6 (Fiona Gallagher): The date must be a real date: 31/02/2026 does not exist."
        ),
        "{report}"
    );
    assert!(
        report.contains("Raised by \"Jo Bloggs\" (1 row) is unknown."),
        "{report}"
    );
    assert!(
        report.contains("Assurance area \"Car parking\" (1 row) is unknown."),
        "{report}"
    );
    assert!(
        stderr(&out).contains("Nothing was imported from legacy-windows-1252.csv (6 rows): 2 unknown values in 2 rows and 1 row with other problems."),
        "{}",
        stderr(&out)
    );
    assert!(entries(&db).is_empty(), "the database is unchanged");
    assert!(json(&db, &["meetings", "list", "--json"])
        .as_array()
        .unwrap()
        .is_empty());
}

#[test]
fn skip_invalid_keeps_curly_apostrophes_and_pound_signs_and_a_second_import_adds_nothing() {
    let (_dir, db) = register();
    let file = fixture("legacy-windows-1252.csv");
    let report = json(
        &db,
        &[
            "scrutiny",
            "import",
            &file,
            "--skip-invalid",
            "--create-people",
            "--json",
        ],
    );
    assert_eq!(report["encoding"], "Windows-1252");
    assert_eq!(report["added"], 4, "{report}");
    assert_eq!(report["peopleCreated"], 1, "Jo Bloggs was added: {report}");
    assert_eq!(report["meetingsCreated"], 3, "{report}");
    assert_eq!(report["actionsAdded"], 2);
    assert_eq!(report["rejected"].as_array().unwrap().len(), 1);
    assert_eq!(report["unknownRows"], 1, "the Car parking row: {report}");

    let list = entries(&db);
    let named = list
        .iter()
        .find(|e| e["areaTitle"] == "Annual safeguarding report to the board")
        .unwrap();
    assert_eq!(
        named["entry"]["challenge"],
        "How does the Children\u{2019}s safeguarding team know the \u{a3}40,000 for named nurse time is spent on it?"
    );
    assert_eq!(
        named["entry"]["evidence"],
        serde_json::json!(["annual-report", "audit"])
    );
    assert_eq!(named["itemLabel"], "4.2 Safeguarding annual report");
    assert_eq!(named["levelLabel"], "Limited");
    assert_eq!(named["actions"][0]["action"]["ownerName"], "Priya Raman");
    let quality = list
        .iter()
        .find(|e| e["levelLabel"] == "No assurance")
        .unwrap();
    assert_eq!(
        quality["entry"]["raisedOn"], "2026-08-06",
        "'6 August 2026' read day first"
    );
    assert!(quality["entry"]["challenge"]
        .as_str()
        .unwrap()
        .contains('\n'));

    let again = json(
        &db,
        &[
            "scrutiny",
            "import",
            &file,
            "--skip-invalid",
            "--create-people",
            "--json",
        ],
    );
    assert_eq!(again["added"], 0);
    assert_eq!(again["alreadyRecorded"], 4);
    assert_eq!(entries(&db).len(), 4);
}

/// Text as Windows-1252 bytes; the tests use only ASCII, ’ and £ beyond it.
fn windows_1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '\u{2019}' => 0x92,
            '\u{a3}' => 0xa3,
            c if c.is_ascii() => c as u8,
            c => panic!("not in the test's Windows-1252 table: {c}"),
        })
        .collect()
}

#[test]
fn a_1500_row_log_imports_in_one_transaction_or_not_at_all() {
    let (dir, db) = register();
    let areas = json(&db, &["areas", "list", "--json"]);
    let titles: Vec<&str> = areas
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    let people = [
        "Fiona Gallagher",
        "Margaret Ellison",
        "Elaine Brooks",
        "Tomasz Nowak",
    ];
    let levels = ["Substantial", "Reasonable", "Limited", "No assurance"];
    let statuses = ["Open", "In progress", "Closed", "Escalated"];
    // As a spreadsheet saved on a UK Windows laptop might give it: columns in another order
    // and case, Windows line ends, Windows-1252 text.
    let mut csv = String::from("Minute REF,date,ASSURANCE AREA,Raised By,meeting,agenda item,Challenge,Directed To,Response,Evidence,Assurance Level,Action,Action owner,Due Date,Action Status\r\n");
    for i in 0..1500 {
        let month = 4 + (i % 6);
        let action = i % 3 == 0;
        let _ = write!(
            csv,
            "BD/{i},{:02}/{:02}/2026,{},{},{},{}.1 Item {i},\"Children\u{2019}s challenge {i}: is the \u{a3}{i} spent, as planned?\",Chief Nurse,Response {i},Audit,{},{},Head of Safeguarding,{},{}\r\n",
            1 + i % 28,
            month,
            titles[i % titles.len()],
            people[i % people.len()],
            if i % 500 == 1 { "People committee" } else { "Board" },
            i % 9,
            levels[i % levels.len()],
            if action { format!("Action {i}") } else { String::new() },
            if action { "31/12/2026" } else { "" },
            if action { statuses[(i / 3) % statuses.len()] } else { "" },
        );
    }
    let csv = windows_1252(&csv);
    let good = dir.path().join("legacy-1500.csv");
    std::fs::write(&good, &csv).unwrap();
    let bad = dir.path().join("legacy-1500-bad-last-row.csv");
    let mut with_bad_row = csv.clone();
    with_bad_row
        .extend_from_slice(b",31/13/2026,Induction,Fiona Gallagher,Board,,Last,,,,Limited,,,,\r\n");
    std::fs::write(&bad, with_bad_row).unwrap();

    let out = cli(&db, &["scrutiny", "import", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("Line 1502 (Fiona Gallagher)"),
        "{}",
        stdout(&out)
    );
    assert!(
        entries(&db).is_empty(),
        "one bad row among 1,501 leaves nothing behind"
    );

    let report = json(
        &db,
        &["scrutiny", "import", good.to_str().unwrap(), "--json"],
    );
    assert_eq!(report["added"], 1500);
    assert_eq!(report["encoding"], "Windows-1252");
    assert_eq!(report["actionsAdded"], 500);
    assert_eq!(
        report["kindsCreated"],
        serde_json::json!(["People committee"])
    );
    let list = entries(&db);
    assert_eq!(list.len(), 1500);
    let first = list
        .iter()
        .find(|e| e["entry"]["minuteRef"] == "BD/0")
        .unwrap();
    assert_eq!(
        first["entry"]["challenge"],
        "Children\u{2019}s challenge 0: is the \u{a3}0 spent, as planned?"
    );
    assert_eq!(first["itemLabel"], "0.1 Item 0");
    // An action imported as escalated or closed says what the log could not tell.
    let actions = json(&db, &["actions", "list", "--all", "--json"]);
    let status_of = |s: &str| {
        actions
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["action"]["status"] == s)
            .collect::<Vec<_>>()
    };
    assert_eq!(status_of("escalated").len(), 125);
    assert!(status_of("escalated")
        .iter()
        .all(|a| a["action"]["escalatedTo"] == "Not given in the imported log."));
    assert!(status_of("closed")
        .iter()
        .all(|a| a["action"]["closureNote"] == "Closed before the log was imported."));
    let again = json(
        &db,
        &["scrutiny", "import", good.to_str().unwrap(), "--json"],
    );
    assert_eq!(again["added"], 0);
    assert_eq!(again["alreadyRecorded"], 1500);
}

#[test]
fn a_meeting_its_challenges_actions_and_coverage_through_the_command_line() {
    let (_dir, db) = register();
    let m = json(
        &db,
        &[
            "meetings",
            "add",
            "--kind",
            "board",
            "--date",
            "14/05/2026",
            "--item",
            "4.2|Safeguarding annual report|BD/26/041|Priya Raman",
            "--json",
        ],
    );
    let meeting = m["id"].as_str().unwrap();
    let item = m["items"][0]["id"].as_str().unwrap();
    let history = json(&db, &["meetings", "history", meeting, "--json"]);
    assert_eq!(history[0]["changes"], serde_json::json!(["Recorded"]));
    assert_eq!(history[0]["record"]["items"][0]["paperRef"], "BD/26/041");
    let fiona = member_id(&db, "Fiona Gallagher");
    let e = json(
        &db,
        &[
            "scrutiny",
            "add",
            "--meeting",
            meeting,
            "--item",
            item,
            "--area",
            "saaf.4.2.1.6",
            "--raised-by",
            &fiona,
            "--challenge",
            "Where is the voice of the child in the report?",
            "--level",
            "limited",
            "--evidence",
            "annual-report",
            "--json",
        ],
    );
    assert_eq!(e["entry"]["raisedOn"], "2026-05-14", "the meeting's date");
    let entry = e["entry"]["id"].as_str().unwrap();
    let out = cli(
        &db,
        &[
            "actions",
            "add",
            entry,
            "--description",
            "Add case studies",
            "--owner",
            "Head of Safeguarding",
            "--due",
            "01/06/2026",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let overdue = json(&db, &["actions", "list", "--overdue", "--json"]);
    assert_eq!(overdue.as_array().unwrap().len(), 1);
    assert_eq!(overdue[0]["overdue"], true);
    let action = overdue[0]["action"]["id"].as_str().unwrap().to_string();
    let out = cli(&db, &["actions", "close", &action, "--note", ""]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("Say how the action was closed"),
        "{}",
        stderr(&out)
    );
    let out = cli(
        &db,
        &[
            "actions",
            "close",
            &action,
            "--note",
            "Case studies added to the report.",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(json(&db, &["actions", "list", "--json"])
        .as_array()
        .unwrap()
        .is_empty());
    // The action's history: agreed, then closed, with what changed.
    let history = json(&db, &["actions", "history", &action, "--json"]);
    assert_eq!(history.as_array().unwrap().len(), 2);
    assert_eq!(history[1]["change"], "closed");
    let text = stdout(&cli(&db, &["actions", "history", &action]));
    assert!(
        text.contains("closed by ")
            && text.contains("Status: “Open” → “Closed”; How it was closed: (none) → “Case studies added to the report.”"),
        "{text}"
    );

    let q1 = json(&db, &["coverage", "--period", "2026/27-Q1", "--json"]);
    assert_eq!(q1["uncovered"], 12);
    let q4 = json(&db, &["coverage", "--period", "2025/26-Q4", "--json"]);
    assert_eq!(q4["uncovered"], 13, "14 May 2026 is not in 2025/26");
    let text = stdout(&cli(&db, &["coverage", "--period", "2026/27"]));
    assert!(
        text.contains("Coverage for 2026/27: 12 of 13 areas had no scrutiny."),
        "{text}"
    );
    let bad = cli(&db, &["coverage", "--period", "2026"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("2025/26-Q3"));

    let out = cli(
        &db,
        &["scrutiny", "list", "--period", "2026/27-Q1", "--json"],
    );
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&out.stdout)
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let history = json(&db, &["scrutiny", "history", entry, "--json"]);
    assert_eq!(history[0]["change"], "added");
}

#[test]
fn search_finds_a_phrase_from_an_imported_response_and_cuts_by_kind_and_period() {
    let (_dir, db) = register();
    let file = fixture("legacy-windows-1252.csv");
    assert!(cli(&db, &["scrutiny", "import", &file, "--skip-invalid"])
        .status
        .success());
    let both = json(&db, &["search", "trajectory", "--json"]);
    assert_eq!(
        both["hits"].as_array().unwrap().len(),
        2,
        "the response and the action that follows it"
    );
    let found = json(&db, &["search", "recovery trajectory", "--json"]);
    assert_eq!(found["more"], false);
    let hits = found["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 1, "every word must match: {hits:?}");
    let challenge = hits.iter().find(|h| h["kind"] == "challenge").unwrap();
    let marked: Vec<&str> = challenge["snippet"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["matched"] == true)
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert_eq!(marked, ["Recovery", "trajectory"]);
    let only_actions = json(&db, &["search", "trajectory", "--kind", "action", "--json"]);
    assert_eq!(only_actions["hits"].as_array().unwrap().len(), 1);
    let earlier = json(
        &db,
        &["search", "recovery", "--period", "2024/25", "--json"],
    );
    assert!(earlier["hits"].as_array().unwrap().is_empty());
    let text = stdout(&cli(&db, &["search", "children’s £40,000"]));
    assert!(text.contains("[Children]"), "{text}");
}

fn import(db: &Path, file: &str, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["scrutiny", "import", file];
    args.extend_from_slice(extra);
    cli(db, &args)
}

#[test]
fn another_trusts_log_imports_after_one_mapping_and_its_next_file_needs_none() {
    let (_dir, db) = crate::support::register();
    let q3 = fixture("other-trust-q3.csv");

    // Its own headers are read; its short labels find the app's; the one word the app cannot
    // place is reported once, with its row count, however many rows hold it.
    let refused = import(&db, &q3, &[]);
    assert_eq!(refused.status.code(), Some(1), "{}", stdout(&refused));
    let report = stdout(&refused);
    assert!(
        report.contains("Column \"Question asked\" read as Challenge (a usual name for it)."),
        "{report}"
    );
    assert!(
        report.contains("Assurance area \"Children in care\" (2 rows) read as \"Named professionals for children in care\" (closest label)."),
        "{report}"
    );
    assert_eq!(
        report.lines().filter(|l| l.contains("\"Estates\"")).count(),
        1,
        "one line for an unknown word: {report}"
    );
    assert!(
        report.contains("Assurance area \"Estates\" (3 rows) is unknown."),
        "{report}"
    );
    assert_eq!(stderr(&refused).lines().count(), 1, "{}", stderr(&refused));
    assert!(entries(&db).is_empty());

    // A dry run with the mapping changes nothing and says what it would do.
    let map = ["--map", "Assurance area:Estates=(new)"];
    let dry = import(&db, &q3, &[map[0], map[1], "--dry-run"]);
    assert!(dry.status.success(), "{}", stdout(&dry));
    assert!(stdout(&dry)
        .contains("Assurance area \"Estates\" (3 rows) will be added as new (as given)."));
    assert!(
        stdout(&dry).contains("Dry run, nothing changed: 6 of 6 rows"),
        "{}",
        stdout(&dry)
    );
    assert!(entries(&db).is_empty(), "a dry run writes nothing");

    let done = json(&db, &["scrutiny", "import", &q3, map[0], map[1], "--json"]);
    assert_eq!(done["added"], 6, "{done}");
    assert_eq!(done["areasCreated"], serde_json::json!(["Estates"]));
    let applied: Vec<&str> = done["mapping"]["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["how"].as_str().unwrap())
        .collect();
    assert!(
        applied.contains(&"given") && applied.contains(&"closest"),
        "{applied:?}"
    );

    // Next quarter's file from the same spreadsheet: no --map, the mapping is remembered.
    let next = json(
        &db,
        &[
            "scrutiny",
            "import",
            &fixture("other-trust-q4.csv"),
            "--json",
        ],
    );
    assert_eq!(next["added"], 2, "{next}");
    let estates = next["mapping"]["values"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["value"] == "Estates")
        .unwrap()
        .clone();
    assert_eq!(estates["how"], "remembered");
    assert_eq!(entries(&db).len(), 8);
}

#[test]
fn actions_owned_by_a_post_are_the_holders_once_the_post_is_tied() {
    let (_dir, db) = crate::support::register();
    let q3 = fixture("other-trust-q3.csv");
    let out = import(&db, &q3, &["--map", "Assurance area:Estates=(leave out)"]);
    assert!(out.status.success(), "{}", stdout(&out));
    assert!(stdout(&out).contains("3 left out"), "{}", stdout(&out));

    // The demonstration register ties its posts; untie the chief nurse's to start as a
    // board that has never done so.
    let posts = json(&db, &["posts", "list", "--json"]);
    for h in posts["holders"].as_array().unwrap() {
        if h["post"] == "Chief Nurse" {
            ok(&db, &["posts", "untie", h["id"].as_str().unwrap()]);
        }
    }
    let listed = ok(&db, &["posts", "list"]);
    assert!(
        listed.contains("\"Chief Nurse\" owns 2 open actions and is tied to no member (job title suggests Priya Raman)."),
        "{listed}"
    );
    let priya = member_id(&db, "Priya Raman");
    let theirs = |db: &Path| json(db, &["actions", "list", "--owner", "Priya Raman", "--json"]);
    assert_eq!(theirs(&db).as_array().unwrap().len(), 0);
    ok(
        &db,
        &["posts", "tie", "--post", "Chief Nurse", "--member", &priya],
    );
    let hers = theirs(&db);
    let hers = hers.as_array().unwrap();
    assert_eq!(hers.len(), 2, "{hers:?}");
    assert!(hers
        .iter()
        .all(|a| a["action"]["ownerName"] == "Chief Nurse" && a["postHolder"] == "Priya Raman"));
    assert!(ok(&db, &["actions", "list", "--owner", "Chief Nurse"])
        .contains("[post held by Priya Raman]"));
}
