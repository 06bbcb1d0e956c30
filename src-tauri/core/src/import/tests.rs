//! A trust's own spreadsheet, as it comes: other column names, short labels, officers named by
//! post.

use super::*;
use crate::board::{self, MemberInput, MemberKind, PostInput};
use crate::scrutiny::{self, ActionFilter, ActionOwner};
use crate::store::Store;
use crate::test_support::member_id;

/// A board of three: a chair, a non-executive and the chief nurse.
fn board_of_three() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    for (name, kind, title) in [
        ("Margaret Ellison", MemberKind::NonExecutive, "Chair"),
        (
            "Fiona Gallagher",
            MemberKind::NonExecutive,
            "Non-executive Director",
        ),
        (
            "Priya Raman",
            MemberKind::Executive,
            "Chief Nurse and Executive Lead for Safeguarding",
        ),
    ] {
        board::add_member(
            &mut store,
            &MemberInput {
                name: name.into(),
                kind: Some(kind),
                job_title: title.into(),
                start_date: "2022-01-10".into(),
                ..Default::default()
            },
        )
        .unwrap();
    }
    store
}

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, format!("\u{feff}{text}")).unwrap();
    path
}

/// Another trust's log: its own headers, its own short labels, owners by post.
const LEGACY: &str = "Date raised,Forum,Area,NED,Question asked,Answer,Evidence offered,Level of assurance,Action agreed,Owner,Due,Status\n\
    07/05/2026,Board,Children in care,Fiona Gallagher,Are health assessments on time?,Mostly.,Action plan; Report,Reasonable,Audit timeliness,Chief Nurse,30/06/2026,Open\n\
    07/05/2026,Board,Learning culture,Fiona Gallagher,How do we learn from reviews?,Through the group.,Report,Limited,Share the learning,Chief Nurse,01/04/2026,In progress\n\
    07/05/2026,Board,Children in care,Margaret Ellison,Who checks placements?,The named nurse.,Dashboard,Reasonble,,,,\n\
    07/05/2026,Board,Estates,Margaret Ellison,Are the wards safe?,Yes.,Report,Substantial,,,,\n";

#[test]
fn a_legacy_log_is_read_by_its_own_column_names_and_short_labels() {
    let mut store = board_of_three();
    let dir = tempfile::tempdir().unwrap();
    let file = write(&dir, "legacy.csv", LEGACY);
    let preview = preview(
        &store,
        ImportKind::ScrutinyLog,
        &file,
        &ImportOptions::default(),
    )
    .unwrap();
    let header = |field: &str| {
        preview
            .mapping
            .columns
            .iter()
            .find(|c| c.field == field)
            .and_then(|c| c.header.clone())
    };
    assert_eq!(header("Date").as_deref(), Some("Date raised"));
    assert_eq!(header("Assurance area").as_deref(), Some("Area"));
    assert_eq!(header("Challenge").as_deref(), Some("Question asked"));
    assert_eq!(header("Action owner").as_deref(), Some("Owner"));
    let value = |field: &str, v: &str| {
        preview
            .mapping
            .values
            .iter()
            .find(|m| m.field == field && m.value == v)
            .cloned()
            .unwrap_or_else(|| panic!("{field} {v} not reported"))
    };
    let care = value("Assurance area", "Children in care");
    assert_eq!((care.rows, care.how), (2, MatchHow::Closest));
    assert_eq!(
        care.label.as_deref(),
        Some("Named professionals for children in care")
    );
    assert_eq!(value("Evidence", "Action plan").how, MatchHow::Closest);
    assert_eq!(value("Assurance level", "Reasonble").how, MatchHow::Closest);
    let estates = value("Assurance area", "Estates");
    assert_eq!(
        (estates.rows, estates.how, estates.target),
        (1, MatchHow::Unknown, None)
    );
    assert!(!preview.ready, "an unknown value waits for the person");
    assert_eq!(preview.posts.len(), 1, "{:?}", preview.posts);
    assert_eq!(preview.posts[0].post, "Chief Nurse");
    assert_eq!(preview.posts[0].uses, 2);
    assert_eq!(
        preview.posts[0].suggested_member_name.as_deref(),
        Some("Priya Raman"),
        "the job title suggests who holds the post"
    );

    // Refused: the unknown value is reported once with its count, not row by row.
    let refused =
        scrutiny::import_scrutiny_csv(&mut store, &file, &ImportOptions::default()).unwrap();
    assert!(!refused.imported);
    assert!(refused.rejected.is_empty(), "{:?}", refused.rejected);
    assert_eq!(refused.unknown_rows, 1);
    assert_eq!(refused.mapping.unknown().count(), 1);

    // One pass of mapping: the unknown area becomes one of the organisation's own.
    let mut mapping = ImportMapping::default();
    mapping
        .add_value_spec(FIELDS_OF_LOG(), "Assurance area:Estates=(new)")
        .unwrap();
    let dry = scrutiny::import_scrutiny_csv(
        &mut store,
        &file,
        &ImportOptions {
            mapping: mapping.clone(),
            dry_run: true,
            ..Default::default()
        },
    )
    .unwrap();
    assert!(!dry.imported && dry.dry_run);
    assert_eq!(dry.added, 4, "a dry run counts what would be added");
    assert!(scrutiny::list_entries(&store, &Default::default())
        .unwrap()
        .is_empty());
    let done = scrutiny::import_scrutiny_csv(
        &mut store,
        &file,
        &ImportOptions {
            mapping,
            ..Default::default()
        },
    )
    .unwrap();
    assert!(done.imported, "{:?}", done.rejected);
    assert_eq!((done.added, done.actions_added), (4, 2));
    assert_eq!(done.areas_created, ["Estates"]);

    // The next file from the same spreadsheet needs no mapping: "Estates" is remembered.
    let next = write(
        &dir,
        "next.csv",
        &LEGACY
            .replace("07/05/2026", "02/07/2026")
            .replace("Are the wards safe?", "Are the wards still safe?"),
    );
    let again =
        scrutiny::import_scrutiny_csv(&mut store, &next, &ImportOptions::default()).unwrap();
    assert!(again.imported, "{:?}", again.mapping.values);
    let estates = again
        .mapping
        .values
        .iter()
        .find(|v| v.value == "Estates")
        .unwrap();
    assert_eq!(estates.how, MatchHow::Remembered);
    let kept = remembered_mapping(store.conn(), ImportKind::ScrutinyLog).unwrap();
    assert!(
        matches!(&kept.values["Assurance area"]["Estates"], ValueTarget::Use(id) if id.starts_with("own.")),
        "the mapping is a setting of the organisation, now naming the area it added: {kept:?}"
    );
}

#[allow(non_snake_case)]
fn FIELDS_OF_LOG() -> &'static [Field] {
    ImportKind::ScrutinyLog.fields()
}

#[test]
fn a_missing_column_names_the_files_own_headers_and_can_be_given() {
    let mut store = board_of_three();
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        &dir,
        "odd.csv",
        "When,Area,NED,Question asked,Level of assurance\n07/05/2026,Learning culture,Fiona Gallagher,Why?,Limited\n",
    );
    let e =
        scrutiny::import_scrutiny_csv(&mut store, &file, &ImportOptions::default()).unwrap_err();
    assert!(e.message.contains("no column for Date"), "{}", e.message);
    assert!(e.message.contains("When, Area, NED"), "{}", e.message);
    let mut mapping = ImportMapping::default();
    mapping
        .add_column_spec(FIELDS_OF_LOG(), "When=Date")
        .unwrap();
    let r = scrutiny::import_scrutiny_csv(
        &mut store,
        &file,
        &ImportOptions {
            mapping,
            ..Default::default()
        },
    )
    .unwrap();
    assert!(r.imported, "{:?}", r.rejected);
    let mut absent = ImportMapping::default();
    absent
        .add_column_spec(FIELDS_OF_LOG(), "Nonsense=Date")
        .unwrap();
    let e = scrutiny::import_scrutiny_csv(
        &mut store,
        &file,
        &ImportOptions {
            mapping: absent,
            ..Default::default()
        },
    )
    .unwrap_err();
    assert!(
        e.message.contains("no column called 'Nonsense'"),
        "{}",
        e.message
    );
    let mut wrong = ImportMapping::default();
    assert!(wrong
        .add_column_spec(FIELDS_OF_LOG(), "When=Not a field")
        .is_err());
    assert!(wrong
        .add_value_spec(FIELDS_OF_LOG(), "no colon here")
        .is_err());
}

#[test]
fn every_problem_of_a_row_is_reported_at_once() {
    let mut store = board_of_three();
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        &dir,
        "training.csv",
        "Name,Course,Provider,Completed,Hours,Learning type,Level\nFiona Gallagher,,,31/02/2026,lots,E-learning,\n",
    );
    let r =
        crate::training::import_training_csv(&mut store, &file, &ImportOptions::default()).unwrap();
    assert!(!r.imported);
    let reason = &r.rejected[0].reason;
    for words in [
        "title",
        "who provided",
        "31/02/2026",
        "hours as a number",
        "level",
    ] {
        assert!(reason.contains(words), "{words} missing from: {reason}");
    }
}

#[test]
fn a_post_tied_to_its_holder_makes_its_actions_theirs_and_follows_a_handover() {
    let mut store = board_of_three();
    let dir = tempfile::tempdir().unwrap();
    let mut mapping = ImportMapping::default();
    mapping
        .add_value_spec(FIELDS_OF_LOG(), "Assurance area:Estates=(leave out)")
        .unwrap();
    let file = write(&dir, "legacy.csv", LEGACY);
    let r = scrutiny::import_scrutiny_csv(
        &mut store,
        &file,
        &ImportOptions {
            mapping,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!((r.added, r.left_out), (3, 1));
    let priya = member_id(&store, "Priya Raman");
    let today = crate::dates::today();
    assert!(scrutiny::actions_owned_by(&store, &priya, today)
        .unwrap()
        .is_empty());

    board::tie_post(
        &mut store,
        &PostInput {
            post: "chief nurse".into(),
            member_id: priya.clone(),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        scrutiny::actions_owned_by(&store, &priya, today)
            .unwrap()
            .len(),
        2
    );
    let hers = ActionFilter {
        owner: Some(ActionOwner::Member(priya.clone())),
        ..Default::default()
    };
    let listed = scrutiny::list_actions(&store, hers.clone()).unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0].post_holder.as_deref(), Some("Priya Raman"));
    assert_eq!(
        listed[0].view.action.owner_name, "Chief Nurse",
        "still shown as the post's"
    );
    let page = scrutiny::action_page(
        &store,
        hers,
        scrutiny::PageRequest {
            offset: 0,
            limit: 50,
        },
        today,
    )
    .unwrap();
    assert_eq!(page.total, 2, "the tracker's pages use the same rule");

    // Close one, then hand the post on: the open one follows, the closed one stays.
    let closed = &listed[1].view.action;
    scrutiny::update_action(
        &mut store,
        &closed.id,
        &scrutiny::ActionInput {
            description: closed.description.clone(),
            owner_name: closed.owner_name.clone(),
            status: Some(scrutiny::ActionStatus::Closed),
            closure_note: "Done.".into(),
            closed_on: (today - chrono::Days::new(10)).to_string(),
            ..Default::default()
        },
    )
    .unwrap();
    let fiona = member_id(&store, "Fiona Gallagher");
    board::tie_post(
        &mut store,
        &PostInput {
            post: "Chief Nurse".into(),
            member_id: fiona.clone(),
            held_from: (today - chrono::Days::new(2)).to_string(),
            ..Default::default()
        },
    )
    .unwrap();
    let posts = board::list_posts(&store).unwrap();
    assert_eq!(posts.len(), 2);
    assert!(
        posts
            .iter()
            .any(|p| p.member_id == priya && p.held_to.is_some()),
        "{posts:?}"
    );
    let with_closed = |id: &str| {
        scrutiny::list_actions(
            &store,
            ActionFilter {
                owner: Some(ActionOwner::Member(id.to_string())),
                include_closed: true,
                ..Default::default()
            },
        )
        .unwrap()
        .into_iter()
        .map(|t| t.view.action.status)
        .collect::<Vec<_>>()
    };
    let fionas = with_closed(&fiona);
    assert_eq!(fionas.len(), 1, "the open action follows the new holder");
    assert_ne!(fionas[0], scrutiny::ActionStatus::Closed);
    assert_eq!(with_closed(&priya), [scrutiny::ActionStatus::Closed]);
    // Two people cannot hold a post on the same day.
    let clash = board::tie_post(
        &mut store,
        &PostInput {
            post: "Chief Nurse".into(),
            member_id: priya.clone(),
            held_from: (today - chrono::Days::new(5)).to_string(),
            ..Default::default()
        },
    );
    assert!(clash.is_err());
}

#[test]
fn a_word_added_as_a_new_area_or_kind_meets_the_rules_of_a_name_typed_in_the_window() {
    let mut store = board_of_three();
    let dir = tempfile::tempdir().unwrap();
    let long = "Estates ".repeat(20);
    let file = write(
        &dir,
        "long.csv",
        &format!(
            "Date,Meeting,Assurance area,Raised by,Challenge,Assurance level\n\
             07/05/2026,{},{long},Fiona Gallagher,Why?,Limited\n",
            "Committee ".repeat(10)
        ),
    );
    let mut mapping = ImportMapping::default();
    mapping
        .add_value_spec(
            FIELDS_OF_LOG(),
            &format!("Assurance area:{}=(new)", long.trim()),
        )
        .unwrap();
    let r = scrutiny::import_scrutiny_csv(
        &mut store,
        &file,
        &ImportOptions {
            mapping,
            ..Default::default()
        },
    )
    .unwrap();
    assert!(!r.imported);
    let reason = &r.rejected[0].reason;
    assert!(
        reason.contains("Shorten the name of a new assurance area to 120"),
        "{reason}"
    );
    assert!(
        reason.contains("Shorten the name of a new kind of meeting to 80"),
        "{reason}"
    );
    assert!(crate::scrutiny::areas(&store)
        .unwrap()
        .iter()
        .all(|a| !a.title.starts_with("Estates")));
}

#[test]
fn a_remembered_word_whose_target_has_gone_is_matched_afresh_and_settings_bound_a_mapping() {
    let mut store = board_of_three();
    let mut stale = ImportMapping::default();
    stale
        .values
        .entry("Assurance area".into())
        .or_default()
        .insert(
            "Children in care".into(),
            ValueTarget::Use("own.an-area-since-removed".into()),
        );
    save_remembered_mapping(&mut store, ImportKind::ScrutinyLog, &stale).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = write(&dir, "legacy.csv", LEGACY);
    let p = preview(
        &store,
        ImportKind::ScrutinyLog,
        &file,
        &ImportOptions::default(),
    )
    .unwrap();
    let care = p
        .mapping
        .values
        .iter()
        .find(|v| v.value == "Children in care")
        .unwrap();
    assert_eq!(
        care.how,
        MatchHow::Closest,
        "the stale entry is passed over, not an error"
    );

    let mut huge = ImportMapping::default();
    for i in 0..2_001 {
        huge.values
            .entry("Assurance area".into())
            .or_default()
            .insert(format!("word {i}"), ValueTarget::LeaveOut);
    }
    assert!(save_remembered_mapping(&mut store, ImportKind::ScrutinyLog, &huge).is_err());
}
