use chrono::NaiveDate;

use super::*;
use crate::document::Block;
use crate::periods::Period;
use crate::test_support::{demo, register};

fn req() -> PaperRequest {
    PaperRequest {
        period: Period::quarter(2026, 2),
        as_at: NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
    }
}

#[test]
fn the_paper_has_every_section_the_board_expects_in_order() {
    let doc = build_paper(&demo(), req()).unwrap();
    let sections: Vec<_> = doc.sections().collect();
    assert_eq!(
        sections,
        [
            "Cover sheet",
            "Assurance summary by area",
            "Scrutiny log",
            "Open and overdue actions",
            "Board members’ training compliance",
            "Competency coverage",
            "Appendix: framework items and assurance areas",
        ]
    );
    assert_eq!(doc.marking, "OFFICIAL-SENSITIVE");
    let charts = doc
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Chart(c) if !c.text_equivalent.is_empty()))
        .count();
    assert_eq!(charts, 2, "two charts, each with a text equivalent");
}

#[test]
fn cover_fields_the_secretary_fills_appear_and_blank_ones_say_so() {
    // A board whose secretary has not yet filled in this quarter's cover sheet.
    let mut store = register();
    let mut values = std::collections::BTreeMap::new();
    values.insert(
        "recommendation".to_string(),
        "The Board is asked to note the report.".to_string(),
    );
    save_cover_sheet(&mut store, req().period, &values).unwrap();
    let doc = build_paper(&store, req()).unwrap();
    let Block::Fields(fields) = &doc.blocks[3] else {
        panic!(
            "the cover sheet's fields come after its heading and introduction: {:?}",
            doc.blocks[3]
        );
    };
    let value = |label: &str| {
        fields
            .iter()
            .find(|f| f.label == label)
            .unwrap()
            .value
            .clone()
    };
    assert_eq!(
        value("Recommendation"),
        "The Board is asked to note the report."
    );
    assert_eq!(value("Presented by"), "Not stated");
    assert!(value("Title").starts_with("Safeguarding assurance report: 2026/27 Q2"));
}

#[test]
fn an_unknown_or_overlong_cover_field_is_refused_and_nothing_is_saved() {
    let mut store = register();
    let mut values = std::collections::BTreeMap::new();
    values.insert("favourite-colour".to_string(), "Blue".to_string());
    let err = save_cover_sheet(&mut store, req().period, &values).unwrap_err();
    assert!(err.message.contains("no field"), "{}", err.message);
    let mut values = std::collections::BTreeMap::new();
    values.insert("impact".to_string(), "x".repeat(4001));
    assert!(save_cover_sheet(&mut store, req().period, &values).is_err());
    assert!(cover_sheet(&store, req().period).unwrap().values.is_empty());
}

#[test]
fn the_cover_sheets_date_of_meeting_must_be_a_real_date_and_prints_the_british_way() {
    let mut store = register();
    let mut values = std::collections::BTreeMap::new();
    values.insert("date".to_string(), "31/02/2027".to_string());
    values.insert("title".to_string(), "x".repeat(4001));
    let err = save_cover_sheet(&mut store, req().period, &values).unwrap_err();
    let fields: Vec<&str> = err.problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["date", "title"], "both problems at once: {err:?}");
    assert!(err.problems[0].message.contains("31/02/2027"));
    assert!(cover_sheet(&store, req().period).unwrap().values.is_empty());
    values.remove("title");
    values.insert("date".to_string(), "2027-02-28".to_string());
    let saved = save_cover_sheet(&mut store, req().period, &values).unwrap();
    assert_eq!(saved.value("date"), "28/02/2027");
}

#[test]
fn the_marking_is_configurable_and_must_not_be_blank() {
    let mut store = demo();
    assert!(save_protective_marking(&mut store, "  ").is_err());
    save_protective_marking(&mut store, "OFFICIAL").unwrap();
    assert_eq!(build_paper(&store, req()).unwrap().marking, "OFFICIAL");
}

#[test]
fn the_html_version_carries_the_same_sections_as_headings() {
    let doc = build_paper(&demo(), req()).unwrap();
    let html = crate::document::html::render(&doc);
    for s in doc.sections() {
        assert!(html.contains(&format!("<h2>{s}</h2>")), "missing {s}");
    }
    assert!(html.contains("<html lang=\"en-GB\">"));
    assert!(html.contains("<th scope=\"col\">"));
}
