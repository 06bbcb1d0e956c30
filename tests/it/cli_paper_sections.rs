//! The paper a board reads: by default a summary of a few pages, for the demonstration board
//! and for a quarter of a 1,500-challenge year, with the detail in the appendices the
//! secretary chooses (`paper --sections`), checked as a reader's tools see the PDF.

use std::fmt::Write as _;
use std::path::Path;

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::support::pdf;
use crate::support::{cli, demo, ok, stderr};

const ALL: &str = "summary,log,actions,training,appendix";

/// The financial year a day falls in, by the year it starts ("2026" for 2026/27).
fn year_of(day: NaiveDate) -> i32 {
    if day.month() >= 4 {
        day.year()
    } else {
        day.year() - 1
    }
}

/// The quarter a day falls in, as the command line writes it ("2026/27-Q2"), with the day
/// after it ends.
fn quarter_of(day: NaiveDate) -> (String, NaiveDate) {
    let year = year_of(day);
    let q = (day.month0() as i32 - 3).rem_euclid(12) / 3 + 1;
    let start = NaiveDate::from_ymd_opt(year, 4, 1).unwrap() + Months::new(3 * (q as u32 - 1));
    (
        format!("{year}/{:02}-Q{q}", (year + 1) % 100),
        start + Months::new(3),
    )
}

fn write(db: &Path, period: &str, as_at: NaiveDate, sections: Option<&str>, out: &Path) -> usize {
    let as_at = as_at.format("%d/%m/%Y").to_string();
    let mut args = vec![
        "paper",
        "--period",
        period,
        "--as-at",
        &as_at,
        "--out",
        out.to_str().unwrap(),
    ];
    if let Some(s) = sections {
        args.extend(["--sections", s]);
    }
    let said = ok(db, &args);
    let n = pdf::pages(out);
    assert!(said.contains(&format!("{n} pages")), "{said}");
    n
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

#[test]
fn the_demonstration_boards_quarterly_paper_is_at_most_twelve_pages() {
    let (dir, db) = demo();
    // Every quarter of the demonstration board's year of meetings, as at the day it ended
    // (or today, for the quarter under way).
    for back in 0..=4 {
        let (period, after) = quarter_of(today() - Months::new(3 * back));
        let as_at = after.min(today());
        let file = dir.path().join(format!("paper-{back}.pdf"));
        let n = write(&db, &period, as_at, None, &file);
        assert!(n <= 12, "{period}: the summary is {n} pages");
        let text = pdf::text(&file);
        assert!(text.contains("Headline figures"), "{period}");
        assert!(
            !text.contains("Appendix A"),
            "{period}: no appendix unless chosen"
        );
    }
}

#[test]
fn a_quarter_with_no_challenges_says_so() {
    let (dir, db) = demo();
    // Three years before the demonstration board's log begins.
    let (period, after) = quarter_of(today() - Months::new(36));
    let file = dir.path().join("empty.pdf");
    let n = write(&db, &period, after, None, &file);
    let text = pdf::text(&file);
    let short = period.replace('-', " ");
    assert!(
        text.contains(&format!("No challenges were logged in {short}.")),
        "{text}"
    );
    assert!(n <= 12, "{n} pages for a quarter with no challenges");
}

/// The demonstration board with a year of 1,500 challenges on top, in the last financial year
/// that has ended: every fourth with an action, a third of them left open, a third in
/// progress. Each challenge carries a marker, `ZQ0000X`, to find it in the PDF. Returns the
/// year's first day and the day each challenge was raised.
fn a_year_of_1500_challenges(dir: &Path, db: &Path) -> (i32, Vec<NaiveDate>) {
    let year = year_of(today()) - 1;
    let start = NaiveDate::from_ymd_opt(year, 4, 1).unwrap();
    let areas: Vec<String> =
        serde_json::from_str::<Vec<serde_json::Value>>(&ok(db, &["areas", "list", "--json"]))
            .unwrap()
            .into_iter()
            .map(|a| a["title"].as_str().unwrap().to_string())
            .collect();
    let people = [
        "Fiona Gallagher",
        "Margaret Ellison",
        "Elaine Brooks",
        "Tomasz Nowak",
    ];
    let levels = ["Substantial", "Reasonable", "Limited", "No assurance"];
    let statuses = ["Open", "Closed", "In progress"];
    let mut csv = String::from("Date,Meeting,Agenda item,Assurance area,Raised by,Challenge,Directed to,Response,Evidence,Assurance level,Action,Action owner,Due date,Action status,Minute ref\n");
    let mut days = Vec::new();
    for i in 0..1500 {
        let day = start + Days::new(i * 365 / 1500);
        let action = i % 4 == 0;
        let _ = writeln!(
            csv,
            "{},Board,{}.2 Safeguarding report,{},{},\"Challenge ZQ{i:04}X: how does the board know that the voice of the child is heard, and what has changed as a result?\",Chief Nurse,\"The audit of case files showed improvement; the dashboard shows the trend over three quarters.\",Audit; Dashboard,{},{},{},{},{},BD/{i}",
            day.format("%d/%m/%Y"),
            i % 9,
            areas[i as usize % areas.len()],
            people[i as usize % people.len()],
            levels[i as usize % levels.len()],
            if action { format!("Report back on item {i}") } else { String::new() },
            if action { "Head of Safeguarding" } else { "" },
            if action { (day + Days::new(60)).format("%d/%m/%Y").to_string() } else { String::new() },
            if action { statuses[(i as usize / 4) % 3] } else { "" },
        );
        days.push(day);
    }
    let file = dir.join("year.csv");
    std::fs::write(&file, csv).unwrap();
    let said = ok(
        db,
        &[
            "scrutiny",
            "import",
            file.to_str().unwrap(),
            "--create-people",
        ],
    );
    assert!(said.contains("Imported 1500 of 1500 rows"), "{said}");
    (year, days)
}

#[test]
fn a_quarter_of_a_1500_challenge_year_is_at_most_twenty_pages_and_its_appendices_hold_every_challenge(
) {
    let (dir, db) = demo();
    let (year, days) = a_year_of_1500_challenges(dir.path(), &db);

    // Every quarter's summary, as at the day after it ended: overdue actions pile up through
    // the year, so the last quarter's is the longest.
    for q in 1..=4 {
        let first = NaiveDate::from_ymd_opt(year, 4, 1).unwrap() + Months::new(3 * (q - 1));
        let (period, after) = quarter_of(first);
        let file = dir.path().join(format!("q{q}.pdf"));
        let n = write(&db, &period, after, None, &file);
        assert!(n <= 20, "{period}: the summary is {n} pages");
    }

    // The second quarter with every appendix: every one of its challenges is in the log.
    let first = NaiveDate::from_ymd_opt(year, 7, 1).unwrap();
    let (period, after) = quarter_of(first);
    let in_quarter: Vec<usize> = (0..days.len())
        .filter(|i| days[*i] >= first && days[*i] < after)
        .collect();
    assert!(in_quarter.len() > 350, "{} challenges", in_quarter.len());
    let summary = dir.path().join("summary.pdf");
    let short = write(&db, &period, after, None, &summary);
    let file = dir.path().join("all.pdf");
    let long = write(&db, &period, after, Some(ALL), &file);
    assert!(
        long > short + 40,
        "{short} pages, then {long} with appendices"
    );
    pdf::assert_qpdf_clean(&file);
    for (name, embedded, subset) in pdf::fonts(&file) {
        assert!(embedded && subset, "{name}");
    }
    let text = pdf::text(&file);
    for i in &in_quarter {
        assert!(
            text.contains(&format!("ZQ{i:04}X")),
            "challenge {i}, raised {}, is in the appendix",
            days[*i]
        );
    }
    // A challenge of another quarter with no action (whose text the open actions would quote).
    let other = (0..days.len())
        .find(|i| !in_quarter.contains(i) && i % 4 != 0)
        .unwrap();
    assert!(
        !text.contains(&format!("ZQ{other:04}X")),
        "no challenge of another quarter is in its log"
    );
    // The summary alone names no challenge: the log is the appendix's.
    let summary_text = pdf::text(&summary);
    assert!(
        !summary_text.contains("ZQ"),
        "the log is not in the summary"
    );
    assert!(
        summary_text.contains("is not printed with this paper"),
        "{summary_text}"
    );

    let marks: Vec<String> = pdf::bookmarks(&file).into_iter().map(|b| b.0).collect();
    assert_eq!(
        marks,
        [
            "Cover sheet",
            "Headline figures",
            "Assurance summary by area",
            "Areas with no or limited assurance",
            "Actions for the period",
            "Board members’ training compliance",
            "Competency coverage",
            "Appendix A: Scrutiny log",
            "Appendix B: Open actions",
            "Appendix C: Training compliance matrix",
            "Appendix D: Framework items and assurance areas",
        ]
    );

    // The log saved alone: its own document, with no cover sheet, and every challenge.
    let log = dir.path().join("log.pdf");
    write(&db, &period, after, Some("log"), &log);
    let info = pdf::info(&log);
    assert!(info.contains("Title:           Scrutiny log:"), "{info}");
    let log_text = pdf::text(&log);
    assert!(!log_text.contains("Cover sheet"));
    assert!(in_quarter
        .iter()
        .all(|i| log_text.contains(&format!("ZQ{i:04}X"))));
}

#[test]
fn sections_are_checked_and_the_help_names_them() {
    let (dir, db) = demo();
    let out = dir.path().join("x.pdf");
    for (given, says) in [
        ("summary,minutes", "'minutes' is not a part of the paper"),
        ("log,log", "chosen twice"),
        (",", "Choose at least one part"),
    ] {
        let bad = cli(
            &db,
            &[
                "paper",
                "--period",
                "2026/27-Q2",
                "--sections",
                given,
                "--out",
                out.to_str().unwrap(),
            ],
        );
        assert_eq!(bad.status.code(), Some(1), "{given}");
        assert!(stderr(&bad).contains(says), "{given}: {}", stderr(&bad));
        assert!(!out.exists());
    }
    let help = ok(&db, &["paper", "--help"]);
    assert!(help.contains("--sections"), "{help}");
    for word in ["summary", "log", "actions", "training", "appendix"] {
        assert!(help.contains(word), "{word}: {help}");
    }
}
