//! Two installations (two databases, two keys) exchanging signed files from the command
//! line: both ways, again with no effect, with a conflict, and with every kind of bad file.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::support::{members_json, stderr, stdout, temp_db, BIN};

const PASS: &str = "amber kettle lighthouse";

/// Runs the binary with the exchange passphrase in the environment (or none).
fn run(db: &Path, args: &[&str], passphrase: Option<&str>) -> Output {
    let mut c = Command::new(BIN);
    c.arg("--db")
        .arg(db)
        .args(args)
        .env_remove("BOARDASSURE_DB");
    match passphrase {
        Some(p) => c.env("BOARDASSURE_EXCHANGE_PASSPHRASE", p),
        None => c.env_remove("BOARDASSURE_EXCHANGE_PASSPHRASE"),
    };
    c.output().expect("the boardassure binary runs")
}

fn ok(db: &Path, args: &[&str]) -> String {
    let out = run(db, args, Some(PASS));
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

fn json(db: &Path, args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&ok(db, args)).unwrap()
}

fn refused(db: &Path, args: &[&str], passphrase: &str) -> String {
    let before = fingerprint_of_state(db);
    let out = run(db, args, Some(passphrase));
    assert_eq!(out.status.code(), Some(1), "{args:?} should be refused");
    assert_eq!(
        fingerprint_of_state(db),
        before,
        "nothing written by {args:?}"
    );
    stderr(&out)
}

/// Everything a refused import could have changed: the audit trail's length and the register.
fn fingerprint_of_state(db: &Path) -> (serde_json::Value, serde_json::Value) {
    let audit = json(db, &["audit", "verify", "--json"]);
    (
        audit["rows"].clone(),
        serde_json::Value::Array(members_json(db)),
    )
}

fn key(db: &Path) -> String {
    json(db, &["key", "--json"])["fingerprint"]
        .as_str()
        .unwrap()
        .to_string()
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn fiona(db: &Path) -> String {
    members_json(db)
        .into_iter()
        .find(|m| m["name"] == "Fiona Gallagher")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string()
}

/// The secretary's laptop with the demonstration board, and a director's laptop set up from
/// the secretary's board file.
fn two_laptops() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let (dir, secretary) = temp_db();
    let director = dir.path().join("director.db");
    ok(&secretary, &["demo"]);
    let board = dir.path().join("board.boardx");
    ok(&secretary, &["export", "--board", "--out", path(&board)]);
    let fp = key(&secretary);
    ok(&director, &["import", path(&board), "--trust", &fp]);
    (dir, secretary, director)
}

#[test]
fn two_laptops_exchange_files_both_ways_and_importing_again_changes_nothing() {
    let (dir, secretary, director) = two_laptops();
    assert_eq!(members_json(&director), members_json(&secretary));

    // The director records training on her laptop and sends her records.
    let fiona = fiona(&director);
    ok(
        &director,
        &[
            "training",
            "add",
            "--member",
            &fiona,
            "--title",
            "Prevent awareness",
            "--provider",
            "NHS England",
            "--completed",
            "03/11/2026",
            "--hours",
            "1.5",
            "--type",
            "e-learning",
            "--level",
            "Level 2",
        ],
    );
    let file = dir.path().join("fiona.boardx");
    let said = ok(
        &director,
        &["export", "--member", &fiona, "--out", path(&file)],
    );
    assert!(said.contains("Records of Fiona Gallagher"), "{said}");
    assert!(
        said.contains(&key(&director)),
        "the fingerprint is shown: {said}"
    );

    // The preview (with the fingerprint vouched for) is what the import then does.
    let fp = key(&director);
    let preview = json(
        &secretary,
        &["import", path(&file), "--dry-run", "--trust", &fp, "--json"],
    );
    assert_eq!(preview["applied"], false);
    assert_eq!(preview["counts"]["new"], 1);
    let done = json(
        &secretary,
        &["import", path(&file), "--trust", &fp, "--json"],
    );
    assert_eq!(done["applied"], true);
    assert_eq!(done["changes"], preview["changes"]);
    let training = json(
        &secretary,
        &["training", "list", "--member", &fiona, "--json"],
    );
    assert!(training
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t["title"] == "Prevent awareness"));

    // Importing the same file again is a no-op.
    let rows = json(&secretary, &["audit", "verify", "--json"])["rows"].clone();
    let again = json(&secretary, &["import", path(&file), "--json"]);
    let c = &again["counts"];
    assert_eq!(
        c["new"].as_u64().unwrap() + c["updated"].as_u64().unwrap(),
        0
    );
    assert_eq!(
        json(&secretary, &["audit", "verify", "--json"])["rows"],
        rows
    );

    // And the secretary's board file back to the director changes nothing she has.
    let back = dir.path().join("board2.boardx");
    ok(&secretary, &["export", "--board", "--out", path(&back)]);
    let returned = json(&director, &["import", path(&back), "--json"]);
    assert_eq!(returned["counts"]["new"], 0, "{}", returned["changes"]);
    assert_eq!(returned["counts"]["conflicts"], 0);
    assert!(json(&director, &["audit", "verify", "--json"])["ok"]
        .as_bool()
        .unwrap());
}

#[test]
fn a_conflict_is_reported_and_nothing_is_lost_until_the_user_decides() {
    let (dir, secretary, director) = two_laptops();
    let fiona = fiona(&secretary);
    ok(
        &secretary,
        &[
            "members",
            "edit",
            &fiona,
            "--job-title",
            "Senior Independent Director",
        ],
    );
    ok(
        &director,
        &["members", "edit", &fiona, "--job-title", "Vice Chair"],
    );
    let file = dir.path().join("director.boardx");
    ok(
        &director,
        &["export", "--member", &fiona, "--out", path(&file)],
    );
    let fp = key(&director);

    let said = ok(&secretary, &["import", path(&file), "--trust", &fp]);
    assert!(said.contains("Conflicts: 1"), "{said}");
    assert!(said.contains(&format!("--theirs {fiona}")), "{said}");
    assert!(
        said.contains("here “Senior Independent Director”, in the file “Vice Chair”"),
        "{said}"
    );
    let job = |db: &Path| {
        members_json(db)
            .into_iter()
            .find(|m| m["id"] == fiona.as_str())
            .unwrap()["jobTitle"]
            .clone()
    };
    assert_eq!(job(&secretary), "Senior Independent Director");

    ok(&secretary, &["import", path(&file), "--theirs", &fiona]);
    assert_eq!(job(&secretary), "Vice Chair");
    let history = json(&secretary, &["members", "history", &fiona, "--json"]);
    let text = history.to_string();
    assert!(
        text.contains("Senior Independent Director"),
        "the replaced version is kept"
    );
}

#[test]
fn bad_files_are_each_refused_in_their_own_words_and_nothing_is_written() {
    let (dir, secretary) = temp_db();
    let stranger = dir.path().join("stranger.db");
    ok(&secretary, &["demo"]);
    ok(&stranger, &["demo"]);
    let file = dir.path().join("board.boardx");
    ok(&secretary, &["export", "--board", "--out", path(&file)]);
    let bytes = std::fs::read(&file).unwrap();
    let write = |name: &str, b: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, b).unwrap();
        p
    };

    let unknown = refused(&stranger, &["import", path(&file)], PASS);
    assert!(
        unknown.contains("does not yet trust") && unknown.contains(&key(&secretary)),
        "{unknown}"
    );
    let dry = refused(&stranger, &["import", path(&file), "--dry-run"], PASS);
    assert!(dry.contains("does not yet trust"), "{dry}");
    let wrong_fp = refused(
        &stranger,
        &[
            "import",
            path(&file),
            "--trust",
            "0000 1111 2222 3333 4444 5555 6666 7777 8888 9999",
        ],
        PASS,
    );
    assert!(
        wrong_fp.contains("not the one this file was signed with"),
        "{wrong_fp}"
    );

    let fp = key(&secretary);
    let wrong = refused(
        &stranger,
        &["import", path(&file), "--trust", &fp],
        "the wrong words",
    );
    assert!(wrong.contains("passphrase does not open"), "{wrong}");

    let mut flipped = bytes.clone();
    flipped[bytes.len() / 2] ^= 0x10;
    let f = write("flipped.boardx", &flipped);
    let altered = refused(&stranger, &["import", path(&f), "--trust", &fp], PASS);
    assert!(altered.contains("damaged or altered"), "{altered}");

    let t = write("truncated.boardx", &bytes[..bytes.len() - 100]);
    let cut = refused(&stranger, &["import", path(&t), "--trust", &fp], PASS);
    assert!(cut.contains("incomplete"), "{cut}");

    let mut newer = bytes.clone();
    newer[9] += 1;
    let n = write("newer.boardx", &newer);
    let too_new = refused(&stranger, &["import", path(&n), "--trust", &fp], PASS);
    assert!(too_new.contains("newer version"), "{too_new}");

    // All distinct messages.
    let all = [&unknown, &wrong, &altered, &cut, &too_new];
    for (i, a) in all.iter().enumerate() {
        for b in &all[i + 1..] {
            assert_ne!(a, b);
        }
    }
}

#[test]
fn the_passphrase_is_never_an_argument_and_is_required() {
    let (dir, db) = temp_db();
    ok(&db, &["demo"]);
    let out_file = dir.path().join("board.boardx");
    let out = run(&db, &["export", "--board", "--out", path(&out_file)], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("BOARDASSURE_EXCHANGE_PASSPHRASE"),
        "{}",
        stderr(&out)
    );
    assert!(!out_file.exists());
    let flag = run(
        &db,
        &[
            "export",
            "--board",
            "--out",
            path(&out_file),
            "--passphrase",
            "x",
        ],
        Some(PASS),
    );
    assert_eq!(
        flag.status.code(),
        Some(2),
        "there is no --passphrase option"
    );
    let short = run(
        &db,
        &["export", "--board", "--out", path(&out_file)],
        Some("short"),
    );
    assert!(
        stderr(&short).contains("at least 8 characters"),
        "{}",
        stderr(&short)
    );
    assert!(!out_file.exists());
}

#[test]
fn csv_exports_open_in_excel_and_the_json_export_holds_everything() {
    let (dir, db) = temp_db();
    ok(&db, &["demo"]);
    for what in ["log", "actions", "training", "matrix"] {
        let f = dir.path().join(format!("{what}.csv"));
        let said = ok(
            &db,
            &[
                "export-csv",
                "--what",
                what,
                "--out",
                path(&f),
                "--period",
                "2026/27",
            ],
        );
        assert!(said.starts_with("Wrote "), "{said}");
        let bytes = std::fs::read(&f).unwrap();
        assert_eq!(
            &bytes[..3],
            b"\xEF\xBB\xBF",
            "{what}: UTF-8 with a byte-order mark"
        );
        assert!(String::from_utf8(bytes).unwrap().contains("\r\n"));
    }
    let training = std::fs::read_to_string(dir.path().join("training.csv")).unwrap();
    assert!(training.contains("Completed on"));
    assert!(
        training.lines().skip(1).all(|l| l.contains("/2026")),
        "British dates in the period: {training}"
    );
    let bad = run(
        &db,
        &[
            "export-csv",
            "--what",
            "minutes",
            "--out",
            path(&dir.path().join("x.csv")),
        ],
        None,
    );
    assert!(
        stderr(&bad).contains("log, actions, training, matrix"),
        "{}",
        stderr(&bad)
    );

    let j = dir.path().join("all.json");
    ok(&db, &["export-json", "--out", path(&j)]);
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&j).unwrap()).unwrap();
    assert_eq!(v["schema"], "boardassure-records");
    assert_eq!(
        v["members"].as_array().unwrap().len(),
        members_json(&db).len()
    );
    assert!(v["training"].as_array().unwrap().len() >= 5);
}
