use super::*;
use crate::board::{self, MemberFilter};
use crate::scrutiny::{self, ActionInput, EntryInput, EvidenceSource};

/// The demonstration board's register with one challenge logged.
fn register_with_entry() -> Store {
    let mut store = crate::test_support::register();
    let fiona = board::list_members(&store, MemberFilter::All)
        .unwrap()
        .into_iter()
        .find(|m| m.name == "Fiona Gallagher")
        .unwrap()
        .id;
    scrutiny::add_entry(
        &mut store,
        &EntryInput {
            raised_on: "06/08/2026".into(),
            area_id: "saaf.4.2.1.1".into(),
            raised_by: fiona,
            challenge: "Are “looked after” children’s reviews on time, and how do we know?".into(),
            directed_to: "Chief Nurse".into(),
            response: "92%, improving; see the dashboard, page 4".into(),
            evidence: vec![EvidenceSource::Dashboard, EvidenceSource::Audit],
            assurance_level: "limited".into(),
            actions: vec![ActionInput {
                description: "Report the review timeliness trend to the committee".into(),
                owner_name: "Head of Safeguarding".into(),
                due_on: "01/09/2026".into(),
                ..Default::default()
            }],
            ..Default::default()
        },
    )
    .unwrap();
    store
}

fn parse(text: &str) -> Vec<csv::StringRecord> {
    assert!(text.starts_with('\u{feff}'), "a byte-order mark for Excel");
    assert!(text.contains("\r\n"), "CRLF line ends");
    csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes())
        .records()
        .map(|r| r.unwrap())
        .collect()
}

#[test]
fn the_log_csv_has_british_dates_labels_and_text_with_commas_and_quotes_intact() {
    let store = register_with_entry();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let (text, n) = csv(
        &store,
        CsvExport::Log,
        Some(Period::parse("2026/27").unwrap()),
        today,
    )
    .unwrap();
    let rows = parse(&text);
    assert_eq!((n, rows.len()), (1, 1));
    assert_eq!(&rows[0][0], "06/08/2026");
    assert_eq!(
        &rows[0][5],
        "Are “looked after” children’s reviews on time, and how do we know?"
    );
    assert_eq!(&rows[0][8], "Audit; Dashboard or KPI");
    assert_eq!(&rows[0][9], "Limited");
    let (_, none) = csv(
        &store,
        CsvExport::Log,
        Some(Period::parse("2025/26").unwrap()),
        today,
    )
    .unwrap();
    assert_eq!(none, 0, "the period cuts the log");
}

#[test]
fn the_actions_csv_says_which_are_overdue_and_by_how_long() {
    let store = register_with_entry();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let (text, _) = csv(&store, CsvExport::Actions, None, today).unwrap();
    let rows = parse(&text);
    assert_eq!(&rows[0][2], "01/09/2026");
    assert_eq!((&rows[0][4], &rows[0][5]), ("Yes", "84"));
}

#[test]
fn the_training_and_matrix_csvs_have_a_row_per_record_and_per_member() {
    let store = register_with_entry();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let (text, n) = csv(&store, CsvExport::Training, None, today).unwrap();
    let rows = parse(&text);
    assert_eq!(rows.len() as u64, n);
    assert_eq!(
        n as usize,
        crate::training::list_all_training(&store).unwrap().len()
    );
    assert!(rows.iter().all(|r| r[3].len() == 10 && &r[3][2..3] == "/"));
    let (_, members) = csv(&store, CsvExport::Matrix, None, today).unwrap();
    assert_eq!(
        members as usize,
        board::list_members(&store, MemberFilter::Current)
            .unwrap()
            .len()
    );
}

#[test]
fn the_json_export_holds_every_record_under_a_versioned_schema() {
    let store = register_with_entry();
    let dir = tempfile::tempdir().unwrap();
    let saved = write_json(&store, &dir.path().join("all.json")).unwrap();
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&saved.path).unwrap()).unwrap();
    assert_eq!(v["schema"], "boardassure-records");
    assert_eq!(v["schemaVersion"], JSON_SCHEMA_VERSION);
    assert_eq!(v["scrutinyEntries"].as_array().unwrap().len(), 1);
    assert_eq!(v["actions"][0]["dueOn"], "2026-09-01");
    assert_eq!(v["members"].as_array().unwrap().len(), 13);
}
