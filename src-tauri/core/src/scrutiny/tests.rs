use chrono::Days;

use super::*;
use crate::board;
use crate::error::ErrorKind;
use crate::periods::Period;
use crate::store::Store;
use crate::test_support::{d, member_id, register};

// The log's rules are tested on the demonstration board's register with an empty log, so each
// test sees only the challenges, meetings and actions it makes.

fn entry(store: &Store, on: &str, area: &str, level: &str) -> EntryInput {
    EntryInput {
        raised_on: on.into(),
        area_id: area.into(),
        raised_by: member_id(store, "Fiona Gallagher"),
        challenge: "How do we know named professionals have protected time?".into(),
        directed_to: "Chief Nurse".into(),
        response: "Job plans audited in Q2.".into(),
        evidence: vec![EvidenceSource::Audit],
        assurance_level: level.into(),
        ..Default::default()
    }
}

#[test]
fn an_english_trust_uses_saaf_and_a_scottish_board_the_ten_standards() {
    let mut store = register();
    let list = areas(&store).unwrap();
    assert_eq!(list.len(), 13);
    assert_eq!(
        list[0].title,
        "Named professionals for safeguarding children"
    );
    board::save_organisation(
        &mut store,
        &board::OrganisationInput {
            name: "NHS Borders".into(),
            nation: board::Nation::Scotland,
            org_type: board::OrgType::HealthBoard,
        },
    )
    .unwrap();
    assert_eq!(areas(&store).unwrap().len(), 10);
    let own = add_custom_area(
        &mut store,
        &CustomAreaInput {
            title: "Transitions to adult services".into(),
            text: "Young people moving from children's to adult services.".into(),
        },
    )
    .unwrap();
    assert!(own.source.is_none());
    assert_eq!(areas(&store).unwrap().len(), 11);
    choose_area_set(&mut store, "saaf-provider-arrangements").unwrap();
    assert_eq!(areas(&store).unwrap().len(), 14);
    assert_eq!(
        choose_area_set(&mut store, "nope")
            .unwrap_err()
            .field
            .as_deref(),
        Some("areaSet")
    );
}

#[test]
fn a_welsh_board_is_never_given_englands_areas_in_silence() {
    let mut store = register();
    board::save_organisation(
        &mut store,
        &board::OrganisationInput {
            name: "Bwrdd Iechyd Prifysgol Bae Abertawe".into(),
            nation: board::Nation::Wales,
            org_type: board::OrgType::HealthBoard,
        },
    )
    .unwrap();
    assert!(
        areas(&store).unwrap().is_empty(),
        "no set is taken for Wales unasked"
    );
    let status = area_set_status(&store).unwrap();
    assert_eq!(status.set_id, None);
    let notice = status.notice.unwrap();
    assert!(
        notice.contains("no set of assurance areas for Wales"),
        "{notice}"
    );
    assert!(area_sets(&store).unwrap().iter().all(|s| !s.selected));

    // A set of the shipped shape, loaded from a file, is checked and then used.
    let dir = tempfile::tempdir().unwrap();
    let mut set: serde_json::Value = serde_json::from_str(include_str!(
        "../../../../assets/assurance-areas/scotland-chief-officers-standards.json"
    ))
    .unwrap();
    set["title"] = "Safeguarding arrangements for Wales (board's own)".into();
    set["nations"] = serde_json::json!(["wales"]);
    let file = dir.path().join("wales.json");
    std::fs::write(&file, set.to_string()).unwrap();
    let loaded = load_area_set(&mut store, &file).unwrap();
    assert!(loaded.loaded && loaded.selected);
    assert!(
        loaded.id.starts_with("loaded."),
        "a shipped id is not taken over: {}",
        loaded.id
    );
    assert_eq!(areas(&store).unwrap().len(), 10);
    let status = area_set_status(&store).unwrap();
    assert!(status.chosen && status.notice.is_none());

    // A file of another shape, or with two areas of one id, is refused; the set in use stays.
    set["areas"][1]["id"] = set["areas"][0]["id"].clone();
    std::fs::write(&file, set.to_string()).unwrap();
    assert!(load_area_set(&mut store, &file)
        .unwrap_err()
        .message
        .contains("share the id"));
    std::fs::write(&file, "{\"areas\": 3}").unwrap();
    assert!(load_area_set(&mut store, &file).is_err());
    assert_eq!(areas(&store).unwrap().len(), 10);
    choose_area_set(&mut store, "saaf-provider-arrangements").unwrap();
    assert_eq!(
        areas(&store).unwrap().len(),
        13,
        "a shipped set can still be chosen"
    );
}

#[test]
fn a_meeting_with_challenges_actions_and_an_overdue_one() {
    let mut store = register();
    let today = crate::dates::today();
    let held = today - Days::new(30);
    let fiona = member_id(&store, "Fiona Gallagher");
    let elaine = member_id(&store, "Elaine Brooks");
    let priya = member_id(&store, "Priya Raman");
    let meeting = add_meeting(
        &mut store,
        &MeetingInput {
            kind: "board".into(),
            held_on: held.to_string(),
            part: None,
            items: vec![AgendaItemInput {
                number: "4.2".into(),
                title: "Safeguarding annual report".into(),
                paper_ref: "BD/26/041".into(),
                executive_lead: "Priya Raman".into(),
                ..Default::default()
            }],
            present: vec![fiona.clone()],
            apologies: vec![elaine],
        },
    )
    .unwrap();
    assert_eq!(
        meeting.label(),
        format!("Board, {}", crate::dates::prose(held))
    );
    let mut input = entry(&store, "", "saaf.4.2.1.1", "limited");
    input.meeting_id = meeting.id.clone();
    input.agenda_item_id = meeting.items[0].id.clone();
    input.actions = vec![ActionInput {
        description: "Report job-plan audit results".into(),
        owner_name: "Head of Safeguarding".into(),
        due_on: (today - Days::new(1)).to_string(),
        ..Default::default()
    }];
    let first = add_entry(&mut store, &input).unwrap();
    assert_eq!(
        first.entry.raised_on, held,
        "defaults to the meeting's date"
    );
    assert_eq!(
        first.item_label.as_deref(),
        Some("4.2 Safeguarding annual report")
    );
    assert!(first.actions[0].overdue);
    assert_eq!(first.actions[0].days_overdue, 1);

    let mut second = entry(&store, "", "saaf.4.2.1.6", "reasonable");
    second.meeting_id = meeting.id.clone();
    second.actions = vec![ActionInput {
        description: "Add LeDeR themes to next year's report".into(),
        owner_member_id: priya.clone(),
        due_on: (today + Days::new(60)).to_string(),
        ..Default::default()
    }];
    let second = add_entry(&mut store, &second).unwrap();
    assert_eq!(second.actions[0].action.owner_name, "Priya Raman");

    // Close the second action: a closure note is required.
    let id = second.actions[0].action.id.clone();
    let mut close = ActionInput {
        description: "Add LeDeR themes to next year's report".into(),
        owner_member_id: priya.clone(),
        status: Some(ActionStatus::Closed),
        ..Default::default()
    };
    assert_eq!(
        update_action(&mut store, &id, &close)
            .unwrap_err()
            .field
            .as_deref(),
        Some("closureNote")
    );
    close.closure_note = "Agreed at the safeguarding committee.".into();
    let closed = update_action(&mut store, &id, &close).unwrap();
    assert_eq!(closed.action.closed_on, Some(today));

    let open = list_actions(&store, ActionFilter::default()).unwrap();
    assert_eq!(open.len(), 1, "closed actions are left out by default");
    assert!(open[0].view.overdue);
    let overdue = list_actions(
        &store,
        ActionFilter {
            overdue_only: true,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(overdue.len(), 1);
    let earlier = Period::year_of(held).year - 1;
    let none = list_actions(
        &store,
        ActionFilter {
            period: Some(Period::year(earlier)),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(
        none.is_empty(),
        "actions are cut by the period their challenge was raised in"
    );

    let view = get_meeting(&store, &meeting.id).unwrap();
    assert_eq!(view.entries.len(), 2);
    assert_eq!(view.meeting.attendance.len(), 2);
    let with_open = list_entries(
        &store,
        &LogFilter {
            open_actions: true,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(with_open.len(), 1);

    // An agenda item with entries cannot be dropped from the meeting.
    let e = update_meeting(
        &mut store,
        &meeting.id,
        &MeetingInput {
            kind: "board".into(),
            held_on: held.to_string(),
            ..Default::default()
        },
    )
    .unwrap_err();
    assert_eq!(e.kind, ErrorKind::InUse);
}

#[test]
fn coverage_and_period_cuts_are_exact_at_year_and_quarter_boundaries() {
    let mut store = register();
    // 31 March 2026 is 2025/26 Q4; 1 April 2026 is 2026/27 Q1.
    {
        let e = entry(&store, "31/03/2026", "saaf.4.2.1.1", "substantial");
        add_entry(&mut store, &e)
    }
    .unwrap();
    {
        let e = entry(&store, "01/04/2026", "saaf.4.2.1.2", "limited");
        add_entry(&mut store, &e)
    }
    .unwrap();
    {
        let e = entry(&store, "30/06/2026", "saaf.4.2.1.2", "reasonable");
        add_entry(&mut store, &e)
    }
    .unwrap();
    {
        let e = entry(&store, "01/07/2026", "saaf.4.2.1.3", "none");
        add_entry(&mut store, &e)
    }
    .unwrap();

    let cut = |p: &str| {
        list_entries(
            &store,
            &LogFilter {
                period: Some(Period::parse(p).unwrap()),
                ..Default::default()
            },
        )
        .unwrap()
        .len()
    };
    assert_eq!(cut("2025/26"), 1);
    assert_eq!(cut("2025/26-Q4"), 1);
    assert_eq!(cut("2026/27"), 3);
    assert_eq!(cut("2026/27-Q1"), 2);
    assert_eq!(cut("2026/27-Q2"), 1);

    let c = coverage(&store, Period::parse("2026/27-Q1").unwrap()).unwrap();
    assert_eq!(c.period_label, "2026/27 Q1 (April to June 2026)");
    assert_eq!(c.uncovered, 12);
    let row = c.rows.iter().find(|r| r.area.id == "saaf.4.2.1.2").unwrap();
    assert_eq!(row.entries, 2);
    assert_eq!(row.by_level, [0, 1, 1, 0]);
    assert_eq!(row.weakest_level.as_deref(), Some("limited"));
    assert_eq!(row.last_scrutinised, Some(d("30/06/2026")));
    let year = coverage(&store, Period::parse("2025/26").unwrap()).unwrap();
    assert_eq!(year.uncovered, 12);
    assert_eq!(year.rows[0].entries, 1);
}

#[test]
fn an_edit_keeps_the_earlier_version_with_who_and_what_changed() {
    let mut store = register();
    let fiona = member_id(&store, "Fiona Gallagher");
    let settings = crate::settings::Settings {
        my_member_id: Some(fiona),
        ..crate::settings::get_settings(&store).unwrap()
    };
    crate::settings::save_settings(&mut store, &settings).unwrap();
    let first = {
        let e = entry(&store, "01/05/2026", "saaf.4.2.1.1", "limited");
        add_entry(&mut store, &e)
    }
    .unwrap();
    let mut changed = entry(&store, "01/05/2026", "saaf.4.2.1.1", "reasonable");
    changed.response = "Job plans audited in Q2; all named professionals have 2 PAs.".into();
    update_entry(&mut store, &first.entry.id, &changed).unwrap();
    // Saving the same again adds no version.
    update_entry(&mut store, &first.entry.id, &changed).unwrap();
    let versions = entry_history(&store, &first.entry.id).unwrap();
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[1].changed_by, "Fiona Gallagher");
    assert_eq!(versions[1].change, "edited");
    assert!(
        versions[1]
            .changes
            .iter()
            .any(|c| c.starts_with("Response: “Job plans audited in Q2.” → ")),
        "{:?}",
        versions[1].changes
    );
    assert!(
        versions[1]
            .changes
            .contains(&"Assurance level: “Limited” → “Reasonable”".to_string()),
        "{:?}",
        versions[1].changes
    );
    assert_eq!(versions[0].record.assurance_level, "limited");
}

#[test]
fn actions_are_escalated_to_the_board_or_a_committee_by_suggestion() {
    let mut store = register();
    add_meeting_kind(&mut store, "People committee").unwrap();
    add_meeting_kind(&mut store, "Audit working group").unwrap();
    assert_eq!(
        escalation_points(&store).unwrap(),
        [
            "Board",
            "Quality committee",
            "Safeguarding committee",
            "People committee"
        ]
    );
}

#[test]
fn an_actions_history_keeps_every_version_and_says_what_changed() {
    let mut store = register();
    let logged = {
        let e = entry(&store, "01/05/2026", "saaf.4.2.1.1", "limited");
        add_entry(&mut store, &e)
    }
    .unwrap();
    let agreed = ActionInput {
        description: "Audit job plans".into(),
        owner_name: "Head of Safeguarding".into(),
        due_on: "30/06/2026".into(),
        ..Default::default()
    };
    let a = add_action(&mut store, &logged.entry.id, &agreed).unwrap();
    let moved_on = ActionInput {
        description: "Audit job plans of every named professional".into(),
        owner_member_id: member_id(&store, "Priya Raman"),
        status: Some(ActionStatus::Escalated),
        escalated_to: "Quality committee".into(),
        ..agreed.clone()
    };
    update_action(&mut store, &a.action.id, &moved_on).unwrap();
    // Saving it unchanged adds no version.
    update_action(&mut store, &a.action.id, &moved_on).unwrap();
    let history = action_history(&store, &a.action.id).unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0].changes, ["Agreed"]);
    assert_eq!(history[1].change, "escalated");
    assert_eq!(
        history[1].changes,
        [
            "What is to be done: “Audit job plans” → “Audit job plans of every named professional”",
            "Owner: “Head of Safeguarding” → “Priya Raman”",
            "Status: “Open” → “Escalated”",
            "Escalated to: (none) → “Quality committee”",
        ]
    );
}

#[test]
fn a_meetings_history_says_what_changed_in_its_agenda_and_attendance() {
    let mut store = register();
    let fiona = member_id(&store, "Fiona Gallagher");
    let first = MeetingInput {
        kind: "board".into(),
        held_on: "07/05/2026".into(),
        items: vec![AgendaItemInput {
            number: "4.2".into(),
            title: "Safeguarding annual report".into(),
            ..Default::default()
        }],
        ..Default::default()
    };
    let meeting = add_meeting(&mut store, &first).unwrap();
    let mut second = first.clone();
    second.part = Some(MeetingPart::Private);
    second.items[0].id = meeting.items[0].id.clone();
    second.items[0].paper_ref = "BD/26/041".into();
    second.present = vec![fiona];
    update_meeting(&mut store, &meeting.id, &second).unwrap();
    // Saving it unchanged adds no version.
    update_meeting(&mut store, &meeting.id, &second).unwrap();
    let history = meeting_history(&store, &meeting.id).unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(
        history[1].changes,
        [
            "Part: “Public” → “Private”",
            "Agenda: “4.2 Safeguarding annual report” → “4.2 Safeguarding annual report (BD/26/041)”",
            "Present: (none) → “Fiona Gallagher”",
        ]
    );
}

#[test]
fn an_imported_row_joins_a_recorded_meeting_adding_only_the_items_it_lacks() {
    let mut store = register();
    let meeting = add_meeting(
        &mut store,
        &MeetingInput {
            kind: "board".into(),
            held_on: "07/05/2026".into(),
            items: vec![AgendaItemInput {
                number: "4.2".into(),
                title: "Safeguarding annual report".into(),
                paper_ref: "BD/26/041".into(),
                ..Default::default()
            }],
            ..Default::default()
        },
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("log.csv");
    std::fs::write(
        &file,
        "Date,Meeting,Agenda item,Assurance area,Raised by,Challenge,Assurance level\n\
         07/05/2026,Board,4.2 Safeguarding annual report,saaf.4.2.1.1,Fiona Gallagher,First?,Limited\n\
         07/05/2026,Board,5.1 Training report,saaf.4.2.1.8,Fiona Gallagher,Second?,Reasonable\n\
         07/05/2026,Board,6 Any other business,saaf.4.2.1.8,Fiona Gallagher,Third?,Reasonable\n",
    )
    .unwrap();
    let report = import_scrutiny_csv(&mut store, &file, &Default::default()).unwrap();
    assert!(report.imported, "{:?}", report.rejected);
    assert_eq!(report.meetings_created, 0);

    let view = get_meeting(&store, &meeting.id).unwrap();
    let items: Vec<String> = view
        .meeting
        .items
        .iter()
        .map(|i| format!("{} {}", i.number, i.title))
        .collect();
    assert_eq!(
        items,
        [
            "4.2 Safeguarding annual report",
            "5.1 Training report",
            "6 Any other business"
        ]
    );
    assert_eq!(
        view.meeting.items[0].paper_ref, "BD/26/041",
        "kept as it was"
    );
    assert_eq!(view.entries.len(), 3);
    let audit = crate::audit::verify(&store).unwrap();
    assert!(
        audit.ok,
        "{:?} {:?}",
        audit.broken_link, audit.altered_records
    );
}

#[test]
fn moving_an_entry_to_a_meeting_is_described_by_the_meetings_name_and_agenda_item() {
    let mut store = register();
    let meeting = add_meeting(
        &mut store,
        &MeetingInput {
            kind: "board".into(),
            held_on: "07/05/2026".into(),
            items: vec![AgendaItemInput {
                number: "4.2".into(),
                title: "Safeguarding annual report".into(),
                ..Default::default()
            }],
            ..Default::default()
        },
    )
    .unwrap();
    let first = {
        let e = entry(&store, "01/05/2026", "saaf.4.2.1.1", "limited");
        add_entry(&mut store, &e)
    }
    .unwrap();
    let mut moved = entry(&store, "07/05/2026", "saaf.4.2.1.1", "limited");
    moved.meeting_id = meeting.id.clone();
    moved.agenda_item_id = meeting.items[0].id.clone();
    update_entry(&mut store, &first.entry.id, &moved).unwrap();
    let changes = &entry_history(&store, &first.entry.id).unwrap()[1].changes;
    assert!(
        changes.contains(&"Meeting: (none) → “Board, 7 May 2026”".to_string()),
        "{changes:?}"
    );
    assert!(
        changes.contains(&"Agenda item: (none) → “4.2 Safeguarding annual report”".to_string()),
        "{changes:?}"
    );
}

#[test]
fn changing_the_area_set_keeps_earlier_challenges_named_counted_and_editable() {
    let mut store = register();
    let logged = {
        let e = entry(&store, "01/05/2026", "saaf.4.2.1.1", "limited");
        add_entry(&mut store, &e)
    }
    .unwrap();
    choose_area_set(&mut store, "scotland-chief-officers-standards").unwrap();

    let listed = list_entries(&store, &LogFilter::default()).unwrap();
    assert_eq!(
        listed[0].area_title,
        "Named professionals for safeguarding children"
    );
    let year = Period::parse("2026/27").unwrap();
    let cov = coverage(&store, year).unwrap();
    assert_eq!(
        cov.rows.len(),
        11,
        "the ten standards and the area scrutinised"
    );
    assert_eq!(cov.uncovered, 10);
    assert_eq!(cov.rows[10].area.id, "saaf.4.2.1.1");
    assert_eq!(cov.rows[10].entries, 1);

    // Editing keeps its area; a new challenge must use the chosen set.
    let mut edited = entry(&store, "01/05/2026", "saaf.4.2.1.1", "reasonable");
    update_entry(&mut store, &logged.entry.id, &edited).unwrap();
    edited.raised_on = "02/05/2026".into();
    let e = add_entry(&mut store, &edited).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("areaId"));
}

#[test]
fn bad_entries_name_their_field_and_the_scale_keeps_levels_in_use() {
    let mut store = register();
    let cases = [
        (
            EntryInput {
                challenge: " ".into(),
                ..entry(&store, "01/05/2026", "saaf.4.2.1.1", "limited")
            },
            "challenge",
        ),
        (entry(&store, "01/05/2026", "nowhere", "limited"), "areaId"),
        (
            entry(&store, "01/05/2026", "saaf.4.2.1.1", "superb"),
            "assuranceLevel",
        ),
        (
            entry(&store, "31/02/2026", "saaf.4.2.1.1", "limited"),
            "raisedOn",
        ),
        (
            EntryInput {
                raised_by: String::new(),
                ..entry(&store, "01/05/2026", "saaf.4.2.1.1", "limited")
            },
            "raisedBy",
        ),
        (
            EntryInput {
                meeting_id: "gone".into(),
                ..entry(&store, "01/05/2026", "saaf.4.2.1.1", "limited")
            },
            "meetingId",
        ),
    ];
    let cases: Vec<(EntryInput, &str)> = cases.into_iter().collect();
    for (input, field) in cases {
        assert_eq!(
            add_entry(&mut store, &input).unwrap_err().field.as_deref(),
            Some(field)
        );
    }
    {
        let e = entry(&store, "01/05/2026", "saaf.4.2.1.1", "limited");
        add_entry(&mut store, &e)
    }
    .unwrap();
    let mut scale = assurance_levels(&store).unwrap();
    assert_eq!(scale.len(), 4);
    scale.remove(2);
    let e = save_assurance_levels(&mut store, &scale).unwrap_err();
    assert_eq!(e.kind, ErrorKind::InUse);
    assert!(e.message.contains("'Limited' is used"), "{}", e.message);
    let mut reworded = assurance_levels(&store).unwrap();
    reworded[3].label = "None".into();
    reworded.push(AssuranceLevel {
        code: String::new(),
        label: "Not yet  assessed".into(),
        definition: "The board has not yet seen evidence.".into(),
    });
    let saved = save_assurance_levels(&mut store, &reworded).unwrap();
    assert_eq!(saved[3].code, "none", "rewording keeps the code");
    assert_eq!(
        saved[4].code, "not-yet-assessed",
        "a new level's code comes from its label"
    );
}

/// A log of 23 challenges over two years, a third of them with actions due on scattered
/// dates, some closed, some undated.
fn long_log() -> Store {
    let mut store = register();
    for i in 0..23u32 {
        let on = format!("{:02}/{:02}/{}", 1 + i % 27, 1 + i % 12, 2024 + i % 2);
        let mut input = entry(
            &store,
            &on,
            ["saaf.4.2.1.1", "saaf.4.2.1.6"][i as usize % 2],
            "limited",
        );
        input.challenge = format!("Challenge {i}");
        if i % 3 == 0 {
            input.actions.push(ActionInput {
                description: format!("Action {i}"),
                owner_name: "Head of Safeguarding".into(),
                due_on: if i % 9 == 0 {
                    String::new()
                } else {
                    format!("{:02}/06/2026", 1 + i)
                },
                status: Some(if i % 6 == 0 {
                    ActionStatus::Closed
                } else {
                    ActionStatus::Open
                }),
                closure_note: if i % 6 == 0 {
                    "Done".into()
                } else {
                    String::new()
                },
                ..Default::default()
            });
        }
        add_entry(&mut store, &input).unwrap();
    }
    store
}

#[test]
fn pages_of_the_log_are_the_full_list_cut_into_pieces() {
    let store = long_log();
    for filter in [
        LogFilter::default(),
        LogFilter {
            period: Some(Period::parse("2025/26").unwrap()),
            ..Default::default()
        },
        LogFilter {
            open_actions: true,
            ..Default::default()
        },
        LogFilter {
            area_id: Some("saaf.4.2.1.6".into()),
            ..Default::default()
        },
    ] {
        let whole: Vec<String> = list_entries(&store, &filter)
            .unwrap()
            .into_iter()
            .map(|v| v.entry.id)
            .collect();
        let mut paged = Vec::new();
        let mut offset = 0;
        loop {
            let page = entry_page(&store, &filter, PageRequest { offset, limit: 5 }).unwrap();
            assert_eq!(page.total as usize, whole.len());
            if page.entries.is_empty() {
                break;
            }
            paged.extend(page.entries.into_iter().map(|v| v.entry.id));
            offset += 5;
        }
        assert_eq!(paged, whole, "{filter:?}");
    }
    let err = entry_page(
        &store,
        &LogFilter::default(),
        PageRequest {
            offset: 0,
            limit: 0,
        },
    )
    .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("limit"));
}

#[test]
fn pages_of_the_tracker_keep_its_order_and_count_the_overdue() {
    let store = long_log();
    let today = d("20/06/2026");
    for filter in [
        ActionFilter::default(),
        ActionFilter {
            include_closed: true,
            ..Default::default()
        },
        ActionFilter {
            overdue_only: true,
            ..Default::default()
        },
        ActionFilter {
            period: Some(Period::parse("2024/25").unwrap()),
            ..Default::default()
        },
    ] {
        let whole: Vec<(String, bool)> = list_actions_on(&store, filter.clone(), today)
            .unwrap()
            .into_iter()
            .map(|t| (t.view.action.id, t.view.overdue))
            .collect();
        let first = action_page(
            &store,
            filter.clone(),
            PageRequest {
                offset: 0,
                limit: 3,
            },
            today,
        )
        .unwrap();
        let rest = action_page(
            &store,
            filter.clone(),
            PageRequest {
                offset: 3,
                limit: 100,
            },
            today,
        )
        .unwrap();
        let paged: Vec<(String, bool)> = first
            .actions
            .into_iter()
            .chain(rest.actions)
            .map(|t| (t.view.action.id, t.view.overdue))
            .collect();
        assert_eq!(paged, whole, "{filter:?}");
        assert_eq!(first.total as usize, whole.len());
        assert_eq!(
            first.overdue as usize,
            whole.iter().filter(|(_, o)| *o).count()
        );
    }
}

#[test]
fn an_empty_challenge_or_meeting_form_reports_every_problem_at_once() {
    let mut store = register();
    let e = add_entry(&mut store, &EntryInput::default()).unwrap_err();
    let fields: Vec<&str> = e.problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(
        fields,
        ["areaId", "raisedBy", "challenge", "assuranceLevel"]
    );
    assert_eq!(e.field.as_deref(), Some("areaId"), "the first leads");
    let e = add_meeting(
        &mut store,
        &MeetingInput {
            kind: "nonsense".into(),
            held_on: "31/02/2027".into(),
            ..Default::default()
        },
    )
    .unwrap_err();
    let fields: Vec<&str> = e.problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["kind", "heldOn"]);
    assert!(
        e.problems[1].message.contains("31/02/2027"),
        "{:?}",
        e.problems
    );
}

#[test]
fn a_director_plans_questions_for_tomorrows_board_and_logs_one_when_asked() {
    let mut store = register();
    let today = crate::dates::today();
    let fiona = member_id(&store, "Fiona Gallagher");
    let mut s = crate::settings::get_settings(&store).unwrap();
    // Not until the laptop knows whose it is: the questions are that person's alone.
    assert!(add_planned_question(&mut store, &PlannedQuestionInput::default()).is_err());
    s.my_member_id = Some(fiona.clone());
    crate::settings::save_settings(&mut store, &s).unwrap();

    let meeting = |kind: &str, day: chrono::NaiveDate| MeetingInput {
        kind: kind.into(),
        held_on: day.to_string(),
        items: vec![AgendaItemInput {
            number: "4.2".into(),
            title: "Safeguarding annual report".into(),
            ..Default::default()
        }],
        ..Default::default()
    };
    add_meeting(&mut store, &meeting("quality-committee", today)).unwrap();
    let board_meeting = add_meeting(&mut store, &meeting("board", today + Days::new(1))).unwrap();

    let e = add_planned_question(&mut store, &PlannedQuestionInput::default()).unwrap_err();
    let fields: Vec<&str> = e.problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["meetingId", "question"]);
    let item = board_meeting.items[0].id.clone();
    let q1 = add_planned_question(
        &mut store,
        &PlannedQuestionInput {
            meeting_id: board_meeting.id.clone(),
            agenda_item_id: item.clone(),
            area_id: "saaf.4.2.1.1".into(),
            question: "How do we know the named nurse has time for the role?".into(),
        },
    )
    .unwrap();
    add_planned_question(
        &mut store,
        &PlannedQuestionInput {
            meeting_id: board_meeting.id.clone(),
            question: "What did the last rapid review teach us?".into(),
            ..Default::default()
        },
    )
    .unwrap();

    // The night before: both meetings show, and tomorrow's board reminds with the questions.
    let home = crate::home::home(&store, today).unwrap();
    let coming: Vec<(u32, u32)> = home
        .upcoming_meetings
        .iter()
        .map(|m| (m.in_days, m.planned_questions))
        .collect();
    assert_eq!(
        coming,
        [(0, 0), (1, 2)],
        "a committee today does not hide tomorrow's board"
    );
    let reminders = crate::reminders::due(&home, &Default::default());
    let tomorrow: Vec<&str> = reminders
        .iter()
        .filter(|r| r.kind == crate::reminders::ReminderKind::Meeting)
        .map(|r| r.text.as_str())
        .collect();
    assert_eq!(tomorrow.len(), 1);
    assert!(
        tomorrow[0].ends_with("You plan to ask 2 questions."),
        "{tomorrow:?}"
    );

    // At the meeting: the question becomes a logged challenge in one step.
    let logged = raise_planned_question(
        &mut store,
        &q1.id,
        &EntryInput {
            meeting_id: board_meeting.id.clone(),
            agenda_item_id: item,
            raised_on: today.to_string(),
            area_id: q1.area_id.clone(),
            raised_by: fiona.clone(),
            challenge: q1.question.clone(),
            assurance_level: "reasonable".into(),
            response: "Job plans give two sessions a week.".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let mine = planned_questions(&store, &board_meeting.id).unwrap();
    assert_eq!(
        mine[0].raised_entry_id.as_deref(),
        Some(logged.entry.id.as_str())
    );
    assert!(raise_planned_question(&mut store, &q1.id, &EntryInput::default()).is_err());
    assert_eq!(
        crate::home::home(&store, today).unwrap().upcoming_meetings[1].planned_questions,
        1
    );

    // A question whose challenge fails its checks stays unasked: nothing is half saved.
    let q2 = &mine[1];
    assert!(raise_planned_question(&mut store, &q2.id, &EntryInput::default()).is_err());
    assert!(planned_questions(&store, &board_meeting.id).unwrap()[1]
        .raised_entry_id
        .is_none());

    // Another director on this laptop sees none of them.
    s.my_member_id = Some(member_id(&store, "Margaret Ellison"));
    crate::settings::save_settings(&mut store, &s).unwrap();
    assert!(planned_questions(&store, &board_meeting.id)
        .unwrap()
        .is_empty());
}
