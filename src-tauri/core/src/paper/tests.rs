use chrono::NaiveDate;

use super::*;
use crate::document::Block;
use crate::periods::Period;
use crate::scrutiny::{self, ActionInput, ActionStatus, EntryInput};
use crate::test_support::{demo, register};

fn req() -> PaperRequest {
    PaperRequest::summary(
        Period::quarter(2026, 2),
        NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
    )
}

fn with(sections: &[PaperSection]) -> PaperRequest {
    PaperRequest {
        sections: PaperSections::new(sections).unwrap(),
        ..req()
    }
}

/// Every paragraph, list item, field and table cell of a document, one a line.
fn text_of(doc: &crate::document::Document) -> String {
    let mut out = String::new();
    for b in &doc.blocks {
        match b {
            Block::Heading { text, .. } | Block::Paragraph { text, .. } => out.push_str(text),
            Block::List(items) => out.push_str(&items.join("\n")),
            Block::Fields(fields) => {
                for f in fields {
                    out.push_str(&format!("{}: {}\n", f.label, f.value));
                }
            }
            Block::Table(t) => {
                out.push_str(&t.caption);
                for row in &t.rows {
                    out.push('\n');
                    out.push_str(&row.join(" | "));
                }
            }
            Block::Chart(c) => out.push_str(&c.text_equivalent),
        }
        out.push('\n');
    }
    out
}

#[test]
fn the_default_paper_is_the_summary_in_the_order_a_board_reads_it() {
    let doc = build_paper(&demo(), req()).unwrap();
    let sections: Vec<_> = doc.sections().collect();
    assert_eq!(
        sections,
        [
            "Cover sheet",
            "Headline figures",
            "Assurance summary by area",
            "Areas with no or limited assurance",
            "Actions for the period",
            "Board members’ training compliance",
            "Competency coverage",
        ]
    );
    assert_eq!(doc.marking, "OFFICIAL-SENSITIVE");
    let charts = doc
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Chart(c) if !c.text_equivalent.is_empty()))
        .count();
    assert_eq!(charts, 2, "two charts, each with a text equivalent");
    let text = text_of(&doc);
    assert!(
        text.contains(
            "The full list of open actions, whenever raised, is not printed with this paper"
        ),
        "{text}"
    );
    assert!(
        !text.contains("Scrutiny log, "),
        "the log is an appendix, not in the summary"
    );
}

#[test]
fn appendices_follow_the_summary_lettered_in_order_and_each_can_be_saved_alone() {
    let all = build_paper(
        &demo(),
        PaperRequest {
            sections: PaperSections::all(),
            ..req()
        },
    )
    .unwrap();
    let sections: Vec<_> = all.sections().collect();
    assert_eq!(
        sections[7..],
        [
            "Appendix A: Scrutiny log",
            "Appendix B: Open actions",
            "Appendix C: Training compliance matrix",
            "Appendix D: Framework items and assurance areas",
        ]
    );
    assert!(
        text_of(&all).contains("The full list of open actions, whenever raised, is in Appendix B.")
    );

    // Only the ones chosen, lettered from A.
    let two = build_paper(
        &demo(),
        with(&[PaperSection::Training, PaperSection::Summary]),
    )
    .unwrap();
    assert_eq!(
        two.sections().last(),
        Some("Appendix A: Training compliance matrix")
    );
    assert_eq!(two.sections().count(), 8);

    // The log alone: no cover sheet, no letter, titled as what it is.
    let log = build_paper(&demo(), with(&[PaperSection::Log])).unwrap();
    assert_eq!(log.sections().collect::<Vec<_>>(), ["Scrutiny log"]);
    assert!(
        log.title.starts_with("Scrutiny log: 2026/27 Q2"),
        "{}",
        log.title
    );
    assert_eq!(
        paper_file_stem(req().period, PaperSections::only(PaperSection::Log)),
        "Scrutiny log 2026-27-Q2"
    );
}

#[test]
fn sections_are_read_from_a_list_checked_as_it_is_read() {
    let parsed = PaperSections::parse("log, SUMMARY,appendix").unwrap();
    assert_eq!(
        parsed.list(),
        [
            PaperSection::Summary,
            PaperSection::Log,
            PaperSection::Appendix
        ]
    );
    assert_eq!(parsed.to_string(), "summary,log,appendix");
    assert!(PaperSections::parse("summary,minutes")
        .unwrap_err()
        .message
        .contains("'minutes' is not a part of the paper"));
    assert!(PaperSections::parse("log,log").is_err());
    assert!(PaperSections::parse(" , ").is_err());
    assert_eq!(PaperSections::default(), PaperSections::summary());

    let json: PaperSections = serde_json::from_str(r#"["log","summary"]"#).unwrap();
    assert_eq!(
        serde_json::to_string(&json).unwrap(),
        r#"["summary","log"]"#
    );
    assert!(serde_json::from_str::<PaperSections>("[]").is_err());
    assert!(serde_json::from_str::<PaperSections>(r#"["summary","summary"]"#).is_err());
    assert!(serde_json::from_str::<PaperSections>(r#"["everything"]"#).is_err());
}

/// A challenge in `area` raised on `on`, with one action as given.
fn challenge(
    store: &mut crate::store::Store,
    on: &str,
    action: &str,
    due: &str,
    status: ActionStatus,
    closed: &str,
) {
    let raised_by = crate::test_support::member_id(store, "Fiona Gallagher");
    scrutiny::add_entry(
        store,
        &EntryInput {
            raised_on: on.into(),
            area_id: "saaf.4.2.1.1".into(),
            raised_by,
            challenge: format!("Challenge behind {action}"),
            directed_to: "Chief Nurse".into(),
            response: "An answer.".into(),
            assurance_level: "reasonable".into(),
            actions: vec![ActionInput {
                description: action.into(),
                owner_name: "Head of Safeguarding".into(),
                due_on: due.into(),
                status: Some(status),
                closed_on: closed.into(),
                closure_note: if closed.is_empty() {
                    String::new()
                } else {
                    "Done.".into()
                },
                escalated_to: if status == ActionStatus::Escalated {
                    "Quality and Safety Committee".into()
                } else {
                    String::new()
                },
                ..Default::default()
            }],
            ..Default::default()
        },
    )
    .unwrap();
}

#[test]
fn the_summary_lists_the_actions_raised_due_or_closed_in_the_period_and_every_overdue_one() {
    use ActionStatus::*;
    let mut store = register();
    // The period is 2025/26 Q3, October to December 2025, as at 1 January 2026.
    challenge(
        &mut store,
        "01/04/2025",
        "Old, open, due next year",
        "30/06/2026",
        Open,
        "",
    );
    challenge(
        &mut store,
        "01/04/2025",
        "Old, closed before the quarter",
        "30/06/2025",
        Closed,
        "20/06/2025",
    );
    challenge(
        &mut store,
        "01/04/2025",
        "Old and overdue",
        "30/06/2025",
        InProgress,
        "",
    );
    challenge(
        &mut store,
        "01/05/2025",
        "Old, due in the quarter",
        "15/11/2025",
        Escalated,
        "",
    );
    challenge(
        &mut store,
        "01/05/2025",
        "Old, closed in the quarter",
        "30/06/2025",
        Closed,
        "10/10/2025",
    );
    challenge(
        &mut store,
        "05/10/2025",
        "Raised in the quarter",
        "30/06/2026",
        Open,
        "",
    );
    challenge(
        &mut store,
        "02/01/2026",
        "Raised after the quarter",
        "30/06/2026",
        Open,
        "",
    );
    let req = PaperRequest::summary(
        Period::quarter(2025, 3),
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
    );
    let doc = build_paper(&store, req).unwrap();
    let table = doc
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Table(t) if t.caption.starts_with("Actions raised, due or closed") => Some(t),
            _ => None,
        })
        .expect("the actions table");
    let listed: Vec<&str> = table.rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        listed,
        [
            "Old and overdue",
            "Old, due in the quarter",
            "Raised in the quarter",
            "Old, closed in the quarter",
        ],
        "overdue first, then open, then closed; never an open action that merely predates the quarter"
    );
    let text = text_of(&doc);
    assert!(
        text.contains("Listed here: the 4 actions raised, due or closed in 2025/26 Q3, and every action overdue on 1 January 2026 whenever it was raised (1 overdue)"),
        "{text}"
    );
    assert!(
        text.contains("Actions: 1 raised and 1 closed in the period; 1 overdue on 1 January 2026."),
        "{text}"
    );

    // The appendix lists every open action, whenever raised, and no closed one.
    let all = build_paper(
        &store,
        PaperRequest {
            sections: PaperSections::only(PaperSection::Actions),
            ..req
        },
    )
    .unwrap();
    let table = all
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .unwrap();
    let mut open: Vec<&str> = table.rows.iter().map(|r| r[0].as_str()).collect();
    open.sort_unstable();
    assert_eq!(
        open,
        [
            "Old and overdue",
            "Old, due in the quarter",
            "Old, open, due next year",
            "Raised after the quarter",
            "Raised in the quarter",
        ]
    );
}

#[test]
fn a_quarter_with_no_challenges_says_so_in_a_sentence() {
    let store = demo();
    let empty = PaperRequest::summary(
        Period::quarter(2024, 3),
        NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
    );
    let text = text_of(&build_paper(&store, empty).unwrap());
    assert!(
        text.contains("No challenges were logged in 2024/25 Q3."),
        "{text}"
    );
    assert!(
        text.contains("Challenges logged: None in 2024/25 Q3"),
        "{text}"
    );
    assert!(!text.contains("Assurance levels by area"), "no empty chart");
    let log = build_paper(
        &store,
        PaperRequest {
            sections: PaperSections::only(PaperSection::Log),
            ..empty
        },
    )
    .unwrap();
    assert!(text_of(&log).contains("No challenges were logged in 2024/25 Q3."));
    // A quarter with challenges carries no such sentence.
    assert!(!text_of(&build_paper(&store, req()).unwrap()).contains("No challenges were logged"));
}

#[test]
fn areas_with_no_or_limited_assurance_show_their_latest_level_and_trend() {
    let mut store = register();
    let raised_by = crate::test_support::member_id(&store, "Fiona Gallagher");
    for (on, level) in [
        ("01/10/2025", "reasonable"),
        ("01/11/2025", "none"),
        ("01/12/2025", "limited"),
    ] {
        scrutiny::add_entry(
            &mut store,
            &EntryInput {
                raised_on: on.into(),
                area_id: "saaf.4.2.1.1".into(),
                raised_by: raised_by.clone(),
                challenge: "Q".into(),
                directed_to: "Chief Nurse".into(),
                response: "A".into(),
                assurance_level: level.into(),
                ..Default::default()
            },
        )
        .unwrap();
    }
    let req = PaperRequest::summary(
        Period::quarter(2025, 3),
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
    );
    let doc = build_paper(&store, req).unwrap();
    let table = doc
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Table(t) if t.caption.starts_with("Areas with no or limited assurance") => {
                Some(t)
            }
            _ => None,
        })
        .expect("the weak areas table");
    assert_eq!(table.rows.len(), 1);
    assert_eq!(table.rows[0][1], "2 of 3");
    assert_eq!(table.rows[0][2], "Limited (01/12/2025)");
    assert_eq!(
        table.rows[0][3],
        "Better than the one before (No assurance)"
    );
}

#[test]
fn the_packs_file_name_carries_the_meetings_date() {
    let store = demo();
    let m = &scrutiny::list_meetings(&store, None).unwrap()[0];
    let name = pack_file_name(&store, &m.meeting.id).unwrap();
    assert!(name.starts_with("Board pack, "), "{name}");
    assert!(
        name.contains(&crate::dates::prose(m.meeting.held_on)),
        "{name}"
    );
    assert!(name.ends_with(".pdf"));
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
