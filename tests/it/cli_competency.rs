//! Self-assessment and framework choice from the command line.

use std::path::Path;

use crate::support::member_id;
use crate::support::{cli, stderr, stdout, temp_db};

fn competency(db: &Path, id: &str) -> serde_json::Value {
    let out = cli(db, &["competency", "show", "--member", id, "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_director_assesses_an_item_and_the_chair_signs_it_off() {
    let (_dir, db) = temp_db();
    assert!(cli(&db, &["demo"]).status.success());
    let fiona = member_id(&db, "Fiona Gallagher");
    let chair = member_id(&db, "Margaret Ellison");
    let before = competency(&db, &fiona);
    assert_eq!(before["summary"]["items"], 4);
    assert_eq!(before["summary"]["meeting"], 0);

    let out = cli(
        &db,
        &[
            "competency",
            "assess",
            "--member",
            &fiona,
            "--item",
            "smc.core.1",
            "--rating",
            "competent",
            "--note",
            "Led the board's review of the safeguarding annual report.",
            "--evidence-document",
            "/srv/board/annual-report-2026.pdf",
            "--json",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let a: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(a["evidence"][0]["title"], "annual-report-2026.pdf");
    let id = a["id"].as_str().unwrap();

    let out = cli(&db, &["competency", "sign-off", id, "--by", &fiona]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("cannot sign off their own"),
        "{}",
        stderr(&out)
    );
    let out = cli(&db, &["competency", "sign-off", id, "--by", &chair]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("Signed off by Margaret Ellison on "));

    let after = competency(&db, &fiona);
    assert_eq!(after["summary"]["meeting"], 1);
    assert_eq!(after["summary"]["signedOff"], 1);
    let text = stdout(&cli(&db, &["competency", "show", "--member", &fiona]));
    assert!(text.contains("[smc.core.2] Not assessed  GAP"), "{text}");

    // A challenge Fiona raised evidences her scrutiny responsibility; the chair's cannot.
    let raise = |by: &str| {
        let out = cli(
            &db,
            &[
                "scrutiny",
                "add",
                "--date",
                "12/05/2026",
                "--area",
                "saaf.4.2.1.6",
                "--raised-by",
                by,
                "--challenge",
                "Where is the voice of the child in the annual report?",
                "--level",
                "limited",
                "--json",
            ],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        let e: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        e["entry"]["id"].as_str().unwrap().to_string()
    };
    let (hers, chairs) = (raise(&fiona), raise(&chair));
    let assess_with = |challenge: &str| {
        cli(
            &db,
            &[
                "competency",
                "assess",
                "--member",
                &fiona,
                "--item",
                "smc.role.non-executive-lead.responsibility.1",
                "--rating",
                "developing",
                "--evidence-scrutiny",
                challenge,
                "--json",
            ],
        )
    };
    let out = assess_with(&chairs);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("was raised by this member"),
        "{}",
        stderr(&out)
    );
    let out = assess_with(&hers);
    assert!(out.status.success(), "{}", stderr(&out));
    let a: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(a["evidence"][0]["kind"], "scrutiny");
    assert_eq!(
        a["evidence"][0]["title"],
        "Where is the voice of the child in the annual report? (12/05/2026)"
    );

    let out = cli(
        &db,
        &[
            "competency",
            "assess",
            "--member",
            &fiona,
            "--item",
            "smc.core.1",
            "--rating",
            "superb",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out).trim(), "boardassure: Choose a rating.");
}

#[test]
fn an_imported_framework_is_listed_and_applies_to_the_roles_chosen() {
    let (dir, db) = temp_db();
    assert!(cli(&db, &["demo"]).status.success());
    let shipped = stdout(&cli(&db, &["framework", "show", "--json"]));
    let own = shipped
        .replace("\"senior-manager-children\"", "\"trust-adults\"")
        .replace("\"smc.", "\"adults.")
        .replace(
            "\"Competencies for Senior Managers and Executives\",\n  \"description\"",
            "\"Adult safeguarding for board members\",\n  \"description\"",
        );
    let file = dir.path().join("adults.json");
    std::fs::write(&file, own).unwrap();
    let out = cli(&db, &["framework", "import", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("applies to nobody until you choose"));
    let again = cli(&db, &["framework", "import", file.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("already in the library"));

    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, "{ \"formatVersion\": 1, ").unwrap();
    let out = cli(&db, &["framework", "import", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("not valid JSON"), "{}", stderr(&out));

    let fiona = member_id(&db, "Fiona Gallagher");
    assert_eq!(competency(&db, &fiona)["summary"]["items"], 4);
    let out = cli(
        &db,
        &[
            "framework",
            "apply",
            "trust-adults",
            "--role",
            "non-executive-lead",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(competency(&db, &fiona)["summary"]["items"], 8);
    let list = stdout(&cli(&db, &["framework", "list"]));
    assert!(list.contains("trust-adults  Adult safeguarding for board members (63 items) — applies to Non-Executive Lead"), "{list}");
    let shown = stdout(&cli(&db, &["framework", "show", "--id", "trust-adults"]));
    assert!(shown.contains("[adults.core.1]"), "{shown}");
}
