//! The demonstration board from the command line: a year of board life loaded in one go, and
//! the safeguarding assurance paper it gives for the last completed quarter, read back as a
//! reader's tools see it. Every section of the paper has something in it.

use chrono::{Datelike, NaiveDate};

use crate::support::pdf;
use crate::support::{ok, temp_db};

/// The quarter before the one `today` falls in, as the command line writes it ("2026/27-Q2")
/// and as the paper names it ("2026/27 Q2").
fn last_quarter(today: NaiveDate) -> (String, String) {
    let (year, quarter) = match today.month() {
        1..=3 => (today.year() - 1, 3),
        4..=6 => (today.year() - 1, 4),
        7..=9 => (today.year(), 1),
        _ => (today.year(), 2),
    };
    let year_label = format!("{year}/{:02}", (year + 1) % 100);
    (
        format!("{year_label}-Q{quarter}"),
        format!("{year_label} Q{quarter}"),
    )
}

#[test]
fn the_last_quarters_paper_from_the_demonstration_board_has_something_in_every_section() {
    let (dir, db) = temp_db();
    let said = ok(&db, &["demo"]);
    assert!(
        said.contains("13 members, 14 training records, ")
            && said.contains(" 150 challenges, ")
            && said.contains(" follow-up actions and "),
        "{said}"
    );
    let actions: Vec<serde_json::Value> =
        serde_json::from_str(&ok(&db, &["actions", "list", "--all", "--json"])).unwrap();
    for status in ["open", "in-progress", "closed", "escalated"] {
        assert!(
            actions.iter().any(|a| a["action"]["status"] == status),
            "an action {status}"
        );
    }
    assert!(actions.iter().any(
        |a| a["action"]["ownerName"] == "Chief Nurse" && a["action"]["ownerMemberId"].is_null()
    ));

    let today = chrono::Local::now().date_naive();
    let (period, label) = last_quarter(today);
    let file = dir.path().join("paper.pdf");
    let said = ok(
        &db,
        &[
            "paper",
            "--period",
            &period,
            "--sections",
            "summary,log,actions,training,appendix",
            "--out",
            file.to_str().unwrap(),
        ],
    );
    assert!(said.contains(&label), "{said}");
    pdf::assert_qpdf_clean(&file);
    let text = pdf::text(&file);
    // Words as a reader follows them, however the lines wrap.
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");

    // Every part of the summary and every appendix is there, in order.
    let parts = [
        "Cover sheet",
        "Headline figures",
        "Assurance summary by area",
        "Areas with ",
        "Actions for the period",
        "Board members’ training compliance",
        "Competency coverage",
        "Appendix A: Scrutiny log",
        "Appendix B: Open actions",
        "Appendix C: Training compliance matrix",
        "Appendix D: Framework items and assurance areas",
    ];
    let mut from = 0;
    for s in parts {
        let at = flat[from..]
            .find(s)
            .unwrap_or_else(|| panic!("no part {s} after byte {from}:\n{text}"));
        from += at + s.len();
    }

    // None of them is empty: no part says it has nothing to show.
    for empty in [
        "Not stated",
        "No challenges were logged",
        "None of the",
        "No challenge in ",
        " the 0 actions ",
        "No training requirement applies",
        "No challenges were recorded in the period.",
        "There are no open actions.",
        "The register has no current members.",
        "No framework items apply to the current members.",
        "No assurance areas are selected.",
        "The organisation has no assurance areas selected.",
        "Across the board, 0 of",
        " and 0 are signed off",
    ] {
        assert!(!flat.contains(empty), "the paper says “{empty}”:\n{text}");
    }

    // The cover sheet was filled in for this quarter by the board secretary.
    let cover = pdf::page_text(&file, 1);
    for field in [
        "Board of Directors",
        &format!("Safeguarding assurance report: {label}"),
        "Joanne Pritchard, Head of Safeguarding",
        "The Board is asked to note the report",
        "Key NED challenge",
        "asked",
    ] {
        assert!(cover.contains(field), "cover sheet lacks {field}:\n{cover}");
    }

    // The log lists the quarter's challenges, each with its evidence; the actions include
    // overdue ones; the training matrix has members in each status.
    assert!(
        flat.matches("Evidence:").count() >= 10,
        "a quarter's challenges, each with evidence:\n{text}"
    );
    assert!(flat.contains("Overdue by "), "overdue actions are listed");
    for status in ["In date", "Due soon", "Expired", "Not met"] {
        assert!(flat.contains(status), "training {status}");
    }
}

#[test]
fn the_last_quarter_is_the_one_before_today() {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    assert_eq!(last_quarter(d(2026, 12, 8)).0, "2026/27-Q2");
    assert_eq!(last_quarter(d(2026, 4, 1)).0, "2025/26-Q4");
    assert_eq!(last_quarter(d(2027, 3, 31)).1, "2026/27 Q3");
    assert_eq!(last_quarter(d(2026, 7, 1)).0, "2026/27-Q1");
}
