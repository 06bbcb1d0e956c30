//! The audit trail from the command line: intact after real work, and any change made outside
//! the app is found.

use crate::support::{cli, stderr, stdout, temp_db};

#[test]
fn audit_verify_passes_after_real_work_and_finds_tampering_outside_the_app() {
    let (_dir, db) = temp_db();
    assert!(cli(&db, &["demo"]).status.success());
    let fixture = format!(
        "{}/tests/fixtures/scrutiny/legacy-windows-1252.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    assert!(
        cli(&db, &["scrutiny", "import", &fixture, "--skip-invalid"])
            .status
            .success()
    );
    let out = cli(&db, &["audit", "verify"]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    assert!(
        stdout(&out).starts_with("The audit trail is intact:"),
        "{}",
        stdout(&out)
    );

    // Someone edits the database with another tool: a challenge's assurance level is raised.
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute(
        "UPDATE scrutiny_entry SET assurance_level = 'substantial' WHERE assurance_level = 'none'",
        [],
    )
    .unwrap();
    drop(conn);
    let out = cli(&db, &["audit", "verify", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["ok"], false);
    assert_eq!(report["alteredRecords"][0]["entity"], "scrutiny-entry");

    // ...and then tries to cover it by rewriting the entry's history.
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute(
        "UPDATE record_history SET snapshot = replace(snapshot, '\"assuranceLevel\":\"none\"', '\"assuranceLevel\":\"substantial\"') WHERE entity = 'scrutiny-entry'",
        [],
    )
    .unwrap();
    drop(conn);
    let out = cli(&db, &["audit", "verify"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("its contents were changed after it was written"),
        "{}",
        stdout(&out)
    );
}
