//! Layout checks that need no PDF tools; the files themselves are checked with poppler and
//! qpdf in the integration tests.

use super::*;
use crate::document::{columns, para, section, Block, Document, Table};

fn doc(blocks: Vec<Block>) -> Document {
    Document {
        title: "Test paper".into(),
        author: "Board secretary".into(),
        subject: "Testing".into(),
        marking: "OFFICIAL-SENSITIVE".into(),
        dated: chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
        blocks,
    }
}

fn long_table(rows: usize) -> Block {
    Block::Table(Table {
        caption: "Log".into(),
        columns: columns(&[("Date", 1.0), ("Challenge", 4.0)]),
        rows: (0..rows)
            .map(|i| {
                vec![
                    format!("{i:04}"),
                    "Where is the voice of the child in this report? ".repeat(3),
                ]
            })
            .collect(),
        empty: "None".into(),
    })
}

#[test]
fn a_long_table_runs_over_pages_and_each_section_is_bookmarked() {
    let laid = lay_out(&doc(vec![
        section("First"),
        para("Opening words."),
        long_table(120),
        section("Second"),
    ]));
    assert!(laid.pages.len() >= 4, "{} pages", laid.pages.len());
    let titles: Vec<_> = laid
        .bookmarks
        .iter()
        .map(|b| (b.title.as_str(), b.page))
        .collect();
    assert_eq!(titles[0], ("First", 0));
    assert_eq!(titles[1].0, "Second");
    assert_eq!(
        titles[1].1,
        laid.pages.len() - 1,
        "a new section starts a page"
    );
}

#[test]
fn the_same_document_gives_the_same_bytes() {
    let d = doc(vec![section("Only"), long_table(30)]);
    assert_eq!(render(&d).unwrap(), render(&d).unwrap());
}

#[test]
fn a_file_that_is_not_a_pdf_or_is_cut_short_is_refused_by_name() {
    let err = load_external(b"hello", "notes.txt").err().unwrap();
    assert!(
        err.message.contains("notes.txt") && err.message.contains("not a PDF"),
        "{}",
        err.message
    );
    let good = render(&doc(vec![para("x")])).unwrap();
    let err = load_external(&good[..good.len() / 3], "cut.pdf")
        .err()
        .unwrap();
    assert!(
        err.message.contains("damaged or incomplete"),
        "{}",
        err.message
    );
}
