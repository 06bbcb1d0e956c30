use super::validate::hours_to_minutes;
use super::*;
use crate::board::{self, MemberFilter};
use crate::error::ErrorKind;

/// The demonstration board and a member of it with no training recorded yet.
fn demo_store() -> (Store, String) {
    let mut store = Store::open_in_memory().unwrap();
    crate::demo::load_demo(&mut store).unwrap();
    let id = board::list_members(&store, MemberFilter::All)
        .unwrap()
        .into_iter()
        .find(|m| m.name == "Elaine Brooks")
        .unwrap()
        .id;
    (store, id)
}

fn input(member_id: &str) -> TrainingInput {
    TrainingInput {
        member_id: member_id.into(),
        title: "Safeguarding children: board level".into(),
        provider: "Regional safeguarding partnership".into(),
        completed_on: "14/05/2025".into(),
        hours: "3.5".into(),
        learning_type: Some(LearningType::BoardDevelopmentSession),
        level: "Board level".into(),
        certificate_ref: "RSP-2025-0142".into(),
        expires_on: "14/05/2028".into(),
    }
}

#[test]
fn a_record_is_added_listed_and_edited_with_history() {
    let (mut store, elaine) = demo_store();
    let t = add_training(&mut store, &input(&elaine)).unwrap();
    assert_eq!(t.minutes, 210);
    assert_eq!(t.expires_on.unwrap().to_string(), "2028-05-14");
    let older = add_training(
        &mut store,
        &TrainingInput {
            completed_on: "2024-01-10".into(),
            expires_on: String::new(),
            ..input(&elaine)
        },
    )
    .unwrap();
    let list = list_training(&store, &elaine).unwrap();
    assert_eq!(
        list.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        [t.id.as_str(), older.id.as_str()]
    );

    let edited = update_training(
        &mut store,
        &t.id,
        &TrainingInput {
            hours: "4".into(),
            ..input(&elaine)
        },
    )
    .unwrap();
    assert_eq!(edited.minutes, 240);
    assert_eq!(edited.created_at, t.created_at);
    let versions = crate::store::history::versions(store.conn(), ENTITY, &t.id).unwrap();
    assert_eq!(
        versions
            .iter()
            .map(|v| v.change.as_str())
            .collect::<Vec<_>>(),
        ["added", "edited"]
    );
    let history = training_history(&store, &t.id).unwrap();
    assert_eq!(history[0].changes, ["Recorded"]);
    assert_eq!(history[1].changes, ["Hours: “3.5” → “4”"]);
    assert_eq!(history[1].record.minutes, 240);
    let gone = training_history(&store, "no-such-record").unwrap_err();
    assert_eq!(gone.kind, ErrorKind::NotFound);
}

#[test]
fn invalid_training_is_refused_with_the_field_named() {
    let (mut store, elaine) = demo_store();
    let cases: Vec<(TrainingInput, &str, &str)> = vec![
        (
            TrainingInput {
                title: " ".into(),
                ..input(&elaine)
            },
            "title",
            "Enter the title",
        ),
        (
            TrainingInput {
                hours: "lots".into(),
                ..input(&elaine)
            },
            "hours",
            "as a number",
        ),
        (
            TrainingInput {
                hours: "0".into(),
                ..input(&elaine)
            },
            "hours",
            "more than zero",
        ),
        (
            TrainingInput {
                hours: "150".into(),
                ..input(&elaine)
            },
            "hours",
            "at most 100 hours",
        ),
        (
            TrainingInput {
                learning_type: None,
                ..input(&elaine)
            },
            "learningType",
            "type of learning",
        ),
        (
            TrainingInput {
                completed_on: "31/09/2025".into(),
                ..input(&elaine)
            },
            "completedOn",
            "real date",
        ),
        (
            TrainingInput {
                completed_on: "01/01/2099".into(),
                ..input(&elaine)
            },
            "completedOn",
            "future",
        ),
        (
            TrainingInput {
                expires_on: "01/05/2025".into(),
                ..input(&elaine)
            },
            "expiresOn",
            "must be after the completion date (14/05/2025)",
        ),
    ];
    for (bad, field, words) in cases {
        let e = add_training(&mut store, &bad).unwrap_err();
        assert_eq!(e.field.as_deref(), Some(field), "{}", e.message);
        assert!(
            e.message.contains(words),
            "'{}' should contain '{words}'",
            e.message
        );
    }
    let e = add_training(&mut store, &input("nobody")).unwrap_err();
    assert_eq!(e.kind, ErrorKind::NotFound);
    assert!(
        list_training(&store, &elaine).unwrap().is_empty(),
        "nothing was saved"
    );
}

#[test]
fn hours_are_read_as_people_write_them() {
    assert_eq!(hours_to_minutes("2").unwrap(), 120);
    assert_eq!(hours_to_minutes("1.5").unwrap(), 90);
    assert_eq!(hours_to_minutes(" 0.25 ").unwrap(), 15);
    assert_eq!(hours_to_minutes("1:30").unwrap(), 90);
    assert!(hours_to_minutes("1:75").is_err());
    assert!(hours_to_minutes("-1").is_err());
    assert!(hours_to_minutes("NaN").is_err());
}

#[test]
fn a_record_stays_with_its_member() {
    let (mut store, elaine) = demo_store();
    let t = add_training(&mut store, &input(&elaine)).unwrap();
    let other = board::list_members(&store, MemberFilter::All).unwrap()[0]
        .id
        .clone();
    let e = update_training(&mut store, &t.id, &input(&other)).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("memberId"));
}
