//! The safeguarding assurance paper and the board pack from the command line, checked as a
//! reader's tools see them: qpdf, pdfinfo, pdffonts and pdftotext.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::support::ok;
use crate::support::pdf::{self, ForeignPage};
use crate::support::{cli, register, stderr};

const BRITISH: &str = "The Board is asked to note the report’s “findings” – £1,200; café.";

/// The demonstration board's register with a quarter's challenge log: 45 challenges in
/// 2026/27 Q2, long enough that the log runs over several pages.
fn board_with_a_log() -> (tempfile::TempDir, PathBuf) {
    let (dir, db) = register();
    let mut csv = String::from("Date,Meeting,Agenda item,Assurance area,Raised by,Challenge,Directed to,Response,Evidence,Assurance level,Action,Action owner,Due date,Action status,Minute ref\n");
    let areas = [
        "Safeguarding training",
        "Safeguarding supervision",
        "Induction",
    ];
    let levels = ["Substantial", "Reasonable", "Limited", "No assurance"];
    for i in 0..45 {
        let _ = writeln!(
            csv,
            "{:02}/{:02}/2026,Board,4.2 Safeguarding report,{},Fiona Gallagher,\"Challenge {i}: how does the board know the voice of the child is heard in maternity and the emergency department?\",Chief Nurse,\"The audit found improvement; the dashboard shows the trend over three quarters.\",Audit; Dashboard,{},{},{},{},{},BD/26/{i:03}",
            1 + i % 28,
            7 + i % 3,
            areas[i % 3],
            levels[i % 4],
            if i % 5 == 0 { format!("Report back {i}") } else { String::new() },
            if i % 5 == 0 { "Priya Raman" } else { "" },
            if i % 5 == 0 { "30/09/2026" } else { "" },
            if i % 5 == 0 { "Open" } else { "" },
        );
    }
    let file = dir.path().join("log.csv");
    std::fs::write(&file, csv).unwrap();
    ok(&db, &["scrutiny", "import", file.to_str().unwrap()]);
    ok(
        &db,
        &[
            "cover",
            "set",
            "--period",
            "2026/27-Q2",
            "--set",
            &format!("recommendation={BRITISH}"),
            "--set",
            "presenter=Dr David Okafor, Chief Nurse",
        ],
    );
    (dir, db)
}

fn paper(db: &Path, out: &Path) -> String {
    ok(
        db,
        &[
            "paper",
            "--period",
            "2026/27-Q2",
            "--as-at",
            "01/10/2026",
            "--out",
            out.to_str().unwrap(),
        ],
    )
}

/// The paper with every appendix: the summary, then the log, the open actions, the training
/// matrix and the framework items.
fn paper_with_appendices(db: &Path, out: &Path) -> String {
    ok(
        db,
        &[
            "paper",
            "--period",
            "2026/27-Q2",
            "--as-at",
            "01/10/2026",
            "--sections",
            "summary,log,actions,training,appendix",
            "--out",
            out.to_str().unwrap(),
        ],
    )
}

#[test]
fn the_paper_is_a4_with_subset_fonts_bookmarks_a_running_marking_and_page_numbers() {
    let (dir, db) = board_with_a_log();
    let file = dir.path().join("paper.pdf");
    let said = paper_with_appendices(&db, &file);

    pdf::assert_qpdf_clean(&file);
    let info = pdf::info(&file);
    assert!(
        info.contains("Page size:       595.276 x 841.89 pts (A4)"),
        "{info}"
    );
    assert!(
        info.contains("Title:           Safeguarding assurance report: 2026/27 Q2"),
        "{info}"
    );
    assert!(
        info.contains("Author:          Wyvern Valley Hospitals NHS Foundation Trust"),
        "{info}"
    );
    let n = pdf::pages(&file);
    assert!(said.contains(&format!("{n} pages")), "{said}");

    let fonts = pdf::fonts(&file);
    assert!(!fonts.is_empty());
    for (name, embedded, subset) in &fonts {
        assert!(*embedded && *subset && name.contains('+'), "{fonts:?}");
    }

    let all = pdf::text(&file);
    assert!(all.contains(BRITISH), "British punctuation survives intact");
    assert!(all.contains("Dr David Okafor, Chief Nurse"));
    let third = pdf::page_text(&file, 3);
    assert!(third.contains(&format!("Page 3 of {n}")), "{third}");
    for page in 1..=n {
        let text = pdf::page_text(&file, page);
        assert_eq!(
            text.matches("OFFICIAL-SENSITIVE").count(),
            2,
            "the marking heads and foots page {page}"
        );
    }

    // The log, in the appendix, runs over at least three pages, each with the header row
    // repeated.
    let log_pages: Vec<usize> = (1..=n)
        .filter(|p| {
            let t = pdf::page_text(&file, *p);
            t.contains("Scrutiny log, 2026/27 Q2") && t.contains("Raised by")
        })
        .collect();
    assert!(log_pages.len() >= 3, "log on pages {log_pages:?}");
    assert!(pdf::page_text(&file, log_pages[1]).contains("(continued)"));
    let log: String = log_pages
        .iter()
        .map(|p| pdf::page_text(&file, *p))
        .collect();
    for i in 0..45 {
        assert!(
            log.contains(&format!("Challenge {i}:")),
            "challenge {i} is in the log"
        );
    }

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

    // By default the paper is the summary: fewer pages, and no log.
    let summary = dir.path().join("summary.pdf");
    paper(&db, &summary);
    pdf::assert_qpdf_clean(&summary);
    assert!(pdf::pages(&summary) < n);
    let text = pdf::text(&summary);
    assert!(!text.contains("Challenge 0:"), "the log is an appendix");
    assert!(text.contains("Headline figures"));
}

#[test]
fn the_same_data_gives_the_same_bytes_and_html_carries_the_same_content() {
    let (dir, db) = board_with_a_log();
    let (a, b) = (dir.path().join("a.pdf"), dir.path().join("b.pdf"));
    paper_with_appendices(&db, &a);
    paper_with_appendices(&db, &b);
    assert!(
        std::fs::read(&a).unwrap() == std::fs::read(&b).unwrap(),
        "two runs on the same data give identical files"
    );
    paper(&db, &a);
    paper(&db, &b);
    assert!(
        std::fs::read(&a).unwrap() == std::fs::read(&b).unwrap(),
        "and so does the summary alone"
    );

    let html = dir.path().join("paper.html");
    paper_with_appendices(&db, &html);
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains(BRITISH));
    assert!(page.contains("<caption>Scrutiny log, 2026/27 Q2"));
    assert!(page.contains("Challenge 44:"));
    assert!(page.contains("role=\"img\""));
}

#[test]
fn the_web_page_version_has_no_serious_accessibility_problems() {
    let (dir, db) = board_with_a_log();
    let html = dir.path().join("paper.html");
    paper_with_appendices(&db, &html);
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/it/support/axe-file.mjs");
    let out = std::process::Command::new("node")
        .arg(script)
        .arg(&html)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/ui"))
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "axe-core found problems:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("0 serious or critical"));
}

fn meeting(db: &Path) -> String {
    let out = ok(
        db,
        &[
            "meetings",
            "add",
            "--kind",
            "board",
            "--date",
            "08/10/2026",
            "--item",
            "1|Welcome and apologies||Chair",
            "--item",
            "4.2|Safeguarding assurance report|BD/26/090|Dr David Okafor",
            "--item",
            "5.1|Finance report|BD/26/091|Director of Finance",
            "--item",
            "6.1|Estates strategy|BD/26/092|Director of Estates",
            "--json",
        ],
    );
    let m: serde_json::Value = serde_json::from_str(&out).unwrap();
    m["id"].as_str().unwrap().to_string()
}

#[test]
fn a_pack_joins_agenda_paper_and_two_external_papers_with_continuous_numbers() {
    let (dir, db) = board_with_a_log();
    let id = meeting(&db);
    let finance = dir.path().join("finance.pdf");
    std::fs::write(
        &finance,
        pdf::foreign_pdf(&[
            ForeignPage {
                width: 595.0,
                height: 842.0,
                rotate: 0,
                text: "Finance report page one",
            },
            ForeignPage {
                width: 595.0,
                height: 842.0,
                rotate: 0,
                text: "Finance report page two",
            },
        ]),
    )
    .unwrap();
    // Made in America, with a page turned sideways.
    let estates = dir.path().join("estates.pdf");
    std::fs::write(
        &estates,
        pdf::foreign_pdf(&[
            ForeignPage {
                width: 612.0,
                height: 792.0,
                rotate: 0,
                text: "Estates strategy page one",
            },
            ForeignPage {
                width: 612.0,
                height: 792.0,
                rotate: 90,
                text: "Estates strategy page two",
            },
            ForeignPage {
                width: 612.0,
                height: 792.0,
                rotate: 0,
                text: "Estates strategy page three",
            },
        ]),
    )
    .unwrap();
    let pack = dir.path().join("pack.pdf");
    let said = ok(
        &db,
        &[
            "pack",
            "--meeting",
            &id,
            "--period",
            "2026/27-Q2",
            "--attach",
            &format!("5.1={}", finance.display()),
            "--attach",
            &format!("6.1={}", estates.display()),
            "--as-at",
            "01/10/2026",
            "--out",
            pack.to_str().unwrap(),
        ],
    );

    pdf::assert_qpdf_clean(&pack);
    let n = pdf::pages(&pack);
    assert!(said.contains(&format!("{n} pages")), "{said}");
    let mut paper_alone = dir.path().join("paper.pdf");
    paper(&db, &paper_alone);
    let paper_pages = pdf::pages(&paper_alone);
    paper_alone.pop();

    // Every page, including the other papers', is numbered through the whole pack.
    for page in 1..=n {
        let text = pdf::page_text(&pack, page);
        assert!(
            text.contains(&format!("Page {page} of {n}")),
            "page {page}: {text}"
        );
    }

    // The index gives the page each paper starts on, and that is where it starts.
    let front = pdf::page_text(&pack, 1);
    assert!(
        front.contains("Agenda") && front.contains("Index of papers"),
        "{front}"
    );
    let start_of = |title: &str| -> usize {
        let line = front
            .lines()
            .rfind(|l| l.contains(title))
            .unwrap_or_else(|| panic!("{title} is in the index:\n{front}"));
        line.split_whitespace().last().unwrap().parse().unwrap()
    };
    let paper_start = start_of("Safeguarding assurance report: 2026/27 Q2");
    let finance_start = start_of("Finance report");
    let estates_start = start_of("Estates strategy");
    assert_eq!(paper_start, 2, "the agenda fits on one page");
    assert_eq!(finance_start, paper_start + paper_pages);
    assert_eq!(estates_start, finance_start + 2);
    assert_eq!(n, estates_start + 2);
    assert!(pdf::page_text(&pack, paper_start).contains("Cover sheet"));
    assert!(pdf::page_text(&pack, finance_start).contains("Finance report page one"));
    assert!(pdf::page_text(&pack, estates_start + 1).contains("Estates strategy page two"));

    let marks = pdf::bookmarks(&pack);
    let titles: Vec<&str> = marks.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        titles.len(),
        4,
        "the front matter and one per paper: {titles:?}"
    );
    assert_eq!(marks[2], ("Finance report".to_string(), finance_start));
    assert_eq!(marks[3], ("Estates strategy".to_string(), estates_start));
}

#[test]
fn a_paper_that_is_not_a_readable_pdf_is_refused_by_name_and_nothing_is_written() {
    let (dir, db) = board_with_a_log();
    let id = meeting(&db);
    let pack = dir.path().join("pack.pdf");
    let good = pdf::foreign_pdf(&[ForeignPage {
        width: 595.0,
        height: 842.0,
        rotate: 0,
        text: "Whole",
    }]);
    let cases: [(&str, Vec<u8>, &str); 3] = [
        (
            "minutes.pdf",
            b"Minutes of the last meeting".to_vec(),
            "not a PDF file",
        ),
        (
            "cut-short.pdf",
            good[..good.len() / 2].to_vec(),
            "damaged or incomplete",
        ),
        ("missing.pdf", Vec::new(), "could not be read"),
    ];
    for (name, bytes, says) in cases {
        let file = dir.path().join(name);
        if !bytes.is_empty() {
            std::fs::write(&file, bytes).unwrap();
        }
        let out = cli(
            &db,
            &[
                "pack",
                "--meeting",
                &id,
                "--attach",
                &format!("5.1={}", file.display()),
                "--out",
                pack.to_str().unwrap(),
            ],
        );
        assert_eq!(out.status.code(), Some(1), "{name}");
        let err = stderr(&out);
        assert!(err.contains(name) && err.contains(says), "{name}: {err}");
        assert!(!pack.exists(), "no pack is written for {name}");
    }
}

#[test]
fn a_paper_saved_where_it_cannot_be_written_says_so_and_leaves_nothing_behind() {
    let (dir, db) = board_with_a_log();
    let out_dir = dir.path().join("no-such-folder");
    let out = cli(
        &db,
        &[
            "paper",
            "--period",
            "2026/27-Q2",
            "--out",
            out_dir.join("paper.pdf").to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("Could not save"), "{}", stderr(&out));
    assert!(!out_dir.exists());
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".part"))
        .collect();
    assert!(leftovers.is_empty());

    let bad = cli(&db, &["paper", "--period", "2026/27-Q5", "--out", "x.pdf"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("not a period"), "{}", stderr(&bad));
}

#[test]
fn the_cover_sheet_field_set_can_change_and_a_field_put_back_keeps_its_text() {
    let (dir, db) = board_with_a_log();
    ok(
        &db,
        &["cover", "add-field", "--label", "Patient voice", "--long"],
    );
    ok(
        &db,
        &[
            "cover",
            "set",
            "--period",
            "2026/27-Q2",
            "--set",
            "patient-voice=Families told us waits were long.",
        ],
    );
    ok(&db, &["cover", "remove-field", "presenter"]);
    let file = dir.path().join("paper.pdf");
    paper(&db, &file);
    let cover = pdf::page_text(&file, 1);
    assert!(
        cover.contains("Patient voice") && cover.contains("Families told us waits were long."),
        "{cover}"
    );
    assert!(!cover.contains("Presented by"), "{cover}");

    // Put back by its label, the standard field brings back what was written in it.
    ok(&db, &["cover", "add-field", "--label", "Presented by"]);
    paper(&db, &file);
    assert!(pdf::page_text(&file, 1).contains("Dr David Okafor, Chief Nurse"));

    let out = cli(&db, &["cover", "remove-field", "no-such-field"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no field 'no-such-field'"));
}

#[test]
fn home_names_the_board_wide_gaps_for_scripts() {
    let (_dir, db) = board_with_a_log();
    let h: serde_json::Value = serde_json::from_str(&ok(&db, &["home", "--json"])).unwrap();
    assert!(h["me"].is_null());
    assert_eq!(
        h["board"]["openActions"], 9,
        "every fifth of 45 challenges has an open action"
    );
    assert!(h["board"]["complianceGaps"].as_array().unwrap().len() > 3);
    let text = ok(&db, &["home"]);
    assert!(text.contains("Board: 9 open actions"), "{text}");
}

#[test]
fn the_log_names_no_file_a_board_saved_or_attached() {
    let (dir, db) = board_with_a_log();
    let named = dir.path().join("Serious case review - Baby K.pdf");
    let info = [("BOARDASSURE_LOG", "info")];
    let paper = crate::support::cli_with(
        &db,
        &[
            "paper",
            "--period",
            "2026/27-Q2",
            "--out",
            named.to_str().unwrap(),
        ],
        &info,
    );
    assert!(paper.status.success(), "{}", stderr(&paper));
    let id = crate::support::ok(&db, &["meetings", "list", "--period", "2026/27", "--json"]);
    let meetings: Vec<serde_json::Value> = serde_json::from_str(&id).unwrap();
    let meeting = meetings[0]["meeting"]["id"].as_str().unwrap();
    let damaged = dir.path().join("Strategy discussion - Baby K.pdf");
    std::fs::write(&damaged, b"%PDF-1.7\n1 0 obj\n<< /Type /Cat").unwrap();
    let pack = crate::support::cli_with(
        &db,
        &[
            "pack",
            "--meeting",
            meeting,
            "--attach",
            damaged.to_str().unwrap(),
            "--out",
            dir.path().join("pack.pdf").to_str().unwrap(),
        ],
        &info,
    );
    assert_eq!(pack.status.code(), Some(1));
    // The user is told which file; the log, which outlives the session, is not.
    assert!(stderr(&pack).contains("Baby K"), "{}", stderr(&pack));
    for out in [paper, pack] {
        let text = stderr(&out);
        assert!(
            !text.contains('\u{1b}'),
            "no terminal colours in a log that is not a terminal"
        );
        let logged: Vec<&str> = text
            .lines()
            .filter(|l| l.contains(" INFO ") || l.contains(" WARN ") || l.contains(" ERROR "))
            .collect();
        assert!(!logged.is_empty(), "the command logged something: {text}");
        for line in logged {
            assert!(!line.contains("Baby K"), "a log line names a file: {line}");
        }
    }
}
