//! Training import, requirements and compliance from the command line, with real files.

use std::path::Path;

use crate::support::{cli, stderr, stdout, temp_db};

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/training/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// Records added by a test: the demonstration board brings some of its own.
const DEMO_RECORDS: usize = 14;

fn training_count(db: &Path) -> usize {
    let out = cli(db, &["training", "list", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice::<Vec<serde_json::Value>>(&out.stdout)
        .unwrap()
        .len()
}

/// The demonstration board plus a member whose name has a curly apostrophe.
fn board() -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, db) = temp_db();
    assert!(cli(&db, &["demo"]).status.success());
    let out = cli(
        &db,
        &[
            "members",
            "add",
            "--name",
            "Aoife O\u{2019}Connor",
            "--kind",
            "non-executive",
            "--job-title",
            "Non-executive director",
            "--start",
            "01/04/2025",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    (dir, db)
}

#[test]
fn a_messy_excel_file_is_refused_whole_with_every_bad_line_named() {
    let (_dir, db) = board();
    let out = cli(
        &db,
        &["training", "import", &fixture("messy-windows-1252.csv")],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let report = stdout(&out);
    // Line 6, not 5: the record before it has a quoted newline inside a field.
    assert!(
        report.contains("Line 6 (Dr David Okafor): The completion date must be a real date: 31/02/2026 does not exist."),
        "{report}"
    );
    // A name the register lacks is one line, however many rows hold it, with how to map it.
    assert!(
        report.contains("Name \"John Smith\" (1 row) is unknown. Map it with --map"),
        "{report}"
    );
    assert_eq!(
        stderr(&out).trim(),
        "Nothing was imported from messy-windows-1252.csv (6 rows): 1 unknown value in 1 row and 1 row with other problems. Map the values with --map, correct the rows, or use --skip-invalid to import the rest.",
        "the refusal is one line on standard error"
    );
    assert_eq!(
        training_count(&db),
        DEMO_RECORDS,
        "all-or-nothing: the database is unchanged"
    );
}

#[test]
fn skip_invalid_imports_the_good_rows_faithfully_and_a_second_import_adds_nothing() {
    let (_dir, db) = board();
    let file = fixture("messy-windows-1252.csv");
    let out = cli(
        &db,
        &["training", "import", &file, "--skip-invalid", "--json"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["encoding"], "Windows-1252");
    assert_eq!(report["added"], 4);
    assert_eq!(report["rejected"].as_array().unwrap().len(), 1);
    assert_eq!(report["unknownRows"], 1, "John Smith's row: {report}");
    assert_eq!(report["rejected"][0]["line"], 6);

    let out = cli(&db, &["training", "list", "--json"]);
    let records: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(records.len(), DEMO_RECORDS + 4);
    let titles: Vec<&str> = records
        .iter()
        .map(|r| r["title"].as_str().unwrap())
        .collect();
    // Windows-1252 decoded: the pound sign and the quoted comma survive intact.
    assert!(
        titles.contains(&"Cost of neglect: the \u{a3}1.2bn question"),
        "{titles:?}"
    );
    assert!(
        titles.contains(&"Safeguarding children, board level"),
        "{titles:?}"
    );
    let review = records
        .iter()
        .find(|r| r["title"] == "Learning from a child safeguarding practice review")
        .unwrap();
    assert_eq!(review["completedOn"], "2026-08-06", "ISO date read");
    assert_eq!(review["learningType"], "case-review-learning");
    let mca = records
        .iter()
        .find(|r| r["title"] == "Mental Capacity Act, liberty protection safeguards")
        .unwrap();
    assert_eq!(
        mca["completedOn"], "2026-08-06",
        "'6 August 2026' read day first"
    );
    assert_eq!(mca["expiresOn"], "2029-08-06");
    assert_eq!(mca["minutes"], 120);

    let again = cli(
        &db,
        &["training", "import", &file, "--skip-invalid", "--json"],
    );
    let report: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(report["added"], 0);
    assert_eq!(report["alreadyRecorded"], 4);
    assert_eq!(
        training_count(&db),
        DEMO_RECORDS + 4,
        "re-import adds nothing"
    );
}

#[test]
fn a_utf8_file_with_a_byte_order_mark_imports_cleanly() {
    let (_dir, db) = board();
    let out = cli(&db, &["training", "import", &fixture("clean-utf8-bom.csv")]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Imported 2 of 2 rows from clean-utf8-bom.csv (UTF-8)"),
        "{}",
        stdout(&out)
    );
    assert_eq!(training_count(&db), DEMO_RECORDS + 2);
}

#[test]
fn a_file_without_the_needed_columns_or_that_does_not_exist_is_refused_clearly() {
    let (dir, db) = board();
    let wrong = dir.path().join("wrong.csv");
    std::fs::write(&wrong, "Name,Date\nPriya Raman,01/01/2026\n").unwrap();
    let out = cli(&db, &["training", "import", wrong.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(
            "no column for Course, Provider, Hours, Learning type, Level. Its columns are: Name, Date."
        ),
        "{}",
        stderr(&out)
    );
    let out = cli(&db, &["training", "import", "/no/such/file.csv"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("Could not read /no/such/file.csv"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn compliance_shows_each_members_status_and_changes_when_training_is_recorded() {
    let (dir, db) = board();
    let matrix = |db: &Path| -> serde_json::Value {
        let out = cli(db, &["compliance", "--json", "--on", "23/11/2026"]);
        assert!(out.status.success(), "{}", stderr(&out));
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let before = matrix(&db);
    assert_eq!(before["rows"].as_array().unwrap().len(), 13);
    let row = |m: &serde_json::Value, name: &str| {
        m["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["name"] == name)
            .unwrap()
            .clone()
    };
    assert_eq!(
        row(&before, "Fiona Gallagher")["cells"][1]["status"],
        "not-met"
    );

    assert!(cli(
        &db,
        &[
            "training",
            "import",
            &fixture("messy-windows-1252.csv"),
            "--skip-invalid"
        ]
    )
    .status
    .success());
    let after = matrix(&db);
    let fiona = row(&after, "Fiona Gallagher");
    // Board-level renewal counts only learning whose title or level mentions "board".
    assert_eq!(fiona["cells"][1]["status"], "not-met");
    // Aoife O’Connor's only training is the file's.
    let aoife = row(&after, "Aoife O\u{2019}Connor");
    assert_eq!(aoife["cells"][1]["status"], "in-date");
    assert_eq!(
        aoife["cells"][1]["nextChange"], "2029-05-08",
        "90 days before 6 August 2029"
    );
    assert_eq!(aoife["cells"][0]["status"], "not-met", "3 of 12 hours");

    // A requirement for chairs only: everyone else is "not required".
    let out = cli(
        &db,
        &[
            "requirements",
            "add",
            "--title",
            "Chair's safeguarding induction",
            "--kind",
            "renewal",
            "--renew-months",
            "12",
            "--role",
            "chair",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let m = matrix(&db);
    assert_eq!(row(&m, "Priya Raman")["cells"][2]["status"], "not-required");
    assert_eq!(row(&m, "Margaret Ellison")["cells"][2]["status"], "in-date");

    let out = cli(
        &db,
        &[
            "compliance",
            "--role",
            "chair",
            "--json",
            "--on",
            "23/11/2026",
        ],
    );
    let chairs: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(chairs["rows"].as_array().unwrap().len(), 1);

    let csv = dir.path().join("matrix.csv");
    let out = cli(
        &db,
        &[
            "compliance",
            "--on",
            "23/11/2026",
            "--csv",
            csv.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with('\u{feff}'));
    assert!(
        text.contains("Aoife O\u{2019}Connor,,Not met,In date,Not required"),
        "{text}"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".part"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary files left behind");
}
