use super::*;
use crate::board::{self, MemberInput};
use crate::scrutiny::{self, ActionInput, EntryInput};

/// A board with history of every kind: members, an edit, training, a challenge and an action.
fn busy_board() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    crate::demo::load_demo(&mut store).unwrap();
    let fiona = board::list_members(&store, MemberFilter::All)
        .unwrap()
        .into_iter()
        .find(|m| m.name == "Fiona Gallagher")
        .unwrap();
    board::update_member(
        &mut store,
        &fiona.id,
        &MemberInput {
            name: fiona.name.clone(),
            kind: Some(fiona.kind),
            roles: fiona.roles.clone(),
            job_title: "Non-executive Director and Safeguarding Lead".into(),
            start_date: fiona.start_date.to_string(),
            end_date: String::new(),
            committees: fiona.committees.clone(),
        },
    )
    .unwrap();
    scrutiny::add_entry(
        &mut store,
        &EntryInput {
            raised_on: "12/05/2026".into(),
            area_id: "saaf.4.2.1.6".into(),
            raised_by: fiona.id.clone(),
            challenge: "Where is the voice of the child?".into(),
            assurance_level: "limited".into(),
            actions: vec![ActionInput {
                description: "Add case studies".into(),
                owner_name: "Head of Safeguarding".into(),
                ..Default::default()
            }],
            ..Default::default()
        },
    )
    .unwrap();
    store
}

#[test]
fn an_untouched_database_verifies() {
    let store = busy_board();
    let report = verify(&store).unwrap();
    assert!(report.ok, "{report:?}");
    assert!(report.rows > 20, "{report:?}");
    assert!(report.records > 20, "{report:?}");
}

#[test]
fn an_altered_history_row_is_the_first_broken_link() {
    let store = busy_board();
    let seq: i64 = store
        .conn()
        .query_row(
            "SELECT seq FROM record_history WHERE snapshot LIKE '%Safeguarding Lead%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    store
        .conn()
        .execute(
            "UPDATE record_history SET snapshot = replace(snapshot, 'Safeguarding Lead', 'Chair') WHERE seq = ?1",
            [seq],
        )
        .unwrap();
    let report = verify(&store).unwrap();
    assert!(!report.ok);
    let broken = report.broken_link.unwrap();
    assert_eq!(broken.seq, Some(seq));
    assert_eq!(
        broken.reason,
        "its contents were changed after it was written"
    );
}

#[test]
fn a_removed_history_row_breaks_the_chain() {
    let store = busy_board();
    store
        .conn()
        .execute("DELETE FROM record_history WHERE seq = 5", [])
        .unwrap();
    let broken = verify(&store).unwrap().broken_link.unwrap();
    assert_eq!(broken.seq, Some(6));
    assert!(
        broken.reason.contains("history row 5 is missing"),
        "{}",
        broken.reason
    );
}

#[test]
fn a_record_edited_outside_the_app_is_reported() {
    let store = busy_board();
    store
        .conn()
        .execute(
            "UPDATE follow_up_action SET status = 'closed', closed_on = '2026-05-13', closure_note = 'x'
             WHERE description = 'Add case studies'",
            [],
        )
        .unwrap();
    store
        .conn()
        .execute(
            "UPDATE member SET name = 'Someone Else' WHERE name = 'Elaine Brooks'",
            [],
        )
        .unwrap();
    let report = verify(&store).unwrap();
    assert!(report.broken_link.is_none());
    let entities: Vec<&str> = report
        .altered_records
        .iter()
        .map(|p| p.entity.as_str())
        .collect();
    assert_eq!(entities.len(), 2, "{:?}", report.altered_records);
    assert!(entities.contains(&"action") && entities.contains(&"member"));
}

#[test]
fn history_written_before_the_chain_is_sealed_into_it() {
    let store = busy_board();
    let rows_before = verify(&store).unwrap().rows;
    store
        .conn()
        .execute(
            "INSERT INTO record_history (id, entity, record_id, recorded_at, change, snapshot)
             VALUES ('old', 'note', 'n1', '2020-01-01T00:00:00.000Z', 'added', '{}')",
            [],
        )
        .unwrap();
    assert!(
        !verify(&store).unwrap().ok,
        "an unsealed row is not part of the chain"
    );
    crate::store::history::seal_unsealed(store.conn()).unwrap();
    let report = verify(&store).unwrap();
    assert!(report.ok, "{report:?}");
    assert_eq!(report.rows, rows_before + 1);
}
