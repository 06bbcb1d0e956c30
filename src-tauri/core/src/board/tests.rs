use super::*;
use crate::error::ErrorKind;
use crate::store::Store;

fn input(name: &str) -> MemberInput {
    MemberInput {
        name: name.into(),
        kind: Some(MemberKind::NonExecutive),
        roles: vec![FrameworkRole::NonExecutiveLead],
        job_title: "Non-executive Director".into(),
        start_date: "01/04/2024".into(),
        end_date: String::new(),
        committees: vec![
            "Safeguarding Committee".into(),
            " safeguarding  committee ".into(),
        ],
    }
}

fn store() -> Store {
    Store::open_in_memory().unwrap()
}

#[test]
fn a_member_is_added_cleaned_and_listed() {
    let mut s = store();
    let m = add_member(&mut s, &input("  Jane   Smith ")).unwrap();
    assert_eq!(m.name, "Jane Smith");
    assert_eq!(m.start_date.to_string(), "2024-04-01");
    assert_eq!(
        m.committees,
        vec!["Safeguarding Committee"],
        "duplicates ignore case and spacing"
    );
    assert_eq!(uuid::Uuid::parse_str(&m.id).unwrap().get_version_num(), 7);
    let list = list_members(&s, MemberFilter::Current).unwrap();
    assert_eq!(list, vec![m]);
}

#[test]
fn invalid_members_are_refused_with_the_field_named() {
    let mut s = store();
    let cases: Vec<(MemberInput, &str, &str)> = vec![
        (
            MemberInput {
                name: "   ".into(),
                ..input("x")
            },
            "name",
            "Enter the member's full name.",
        ),
        (
            MemberInput {
                kind: None,
                ..input("x")
            },
            "kind",
            "executive or non-executive",
        ),
        (
            MemberInput {
                end_date: "31/03/2024".into(),
                ..input("x")
            },
            "endDate",
            "on or after the start date (01/04/2024)",
        ),
        (
            MemberInput {
                start_date: "30/02/2025".into(),
                ..input("x")
            },
            "startDate",
            "real date",
        ),
        (
            MemberInput {
                start_date: String::new(),
                ..input("x")
            },
            "startDate",
            "Enter the start date",
        ),
        (
            MemberInput {
                job_title: String::new(),
                ..input("x")
            },
            "jobTitle",
            "Enter a job title",
        ),
        (
            MemberInput {
                roles: vec![FrameworkRole::ChiefExecutive],
                ..input("x")
            },
            "roles",
            "Chief Executive role is held by a executive member",
        ),
        (
            MemberInput {
                name: "N".repeat(121),
                ..input("x")
            },
            "name",
            "120 characters",
        ),
    ];
    for (bad, field, words) in cases {
        let e = add_member(&mut s, &bad).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Validation);
        assert_eq!(e.field.as_deref(), Some(field), "{}", e.message);
        assert!(
            e.message.contains(words),
            "'{}' should contain '{words}'",
            e.message
        );
    }
    assert!(
        list_members(&s, MemberFilter::All).unwrap().is_empty(),
        "nothing was saved"
    );
}

#[test]
fn editing_keeps_every_version_and_describes_the_change() {
    let mut s = store();
    let m = add_member(&mut s, &input("Jane Smith")).unwrap();
    let edited = MemberInput {
        job_title: "Senior Independent Director".into(),
        ..input("Jane Smith")
    };
    let after = update_member(&mut s, &m.id, &edited).unwrap();
    assert_eq!(after.job_title, "Senior Independent Director");
    assert_eq!(after.created_at, m.created_at);
    // Saving the same content again records nothing new.
    update_member(&mut s, &m.id, &edited).unwrap();
    let history = member_history(&s, &m.id).unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0].change, "added");
    assert_eq!(history[0].record.job_title, "Non-executive Director");
    assert_eq!(history[1].change, "edited");
    assert_eq!(
        history[1].changes,
        vec!["Job title: Non-executive Director → Senior Independent Director"]
    );
}

#[test]
fn ending_a_membership_keeps_the_member_under_ended() {
    let mut s = store();
    let m = add_member(&mut s, &input("Jane Smith")).unwrap();
    let e = end_membership(&mut s, &m.id, "31/03/2024").unwrap_err();
    assert_eq!(e.field.as_deref(), Some("endDate"));
    let ended = end_membership(&mut s, &m.id, "31/03/2025").unwrap();
    assert_eq!(ended.end_date.unwrap().to_string(), "2025-03-31");
    assert!(list_members(&s, MemberFilter::Current).unwrap().is_empty());
    assert_eq!(list_members(&s, MemberFilter::Ended).unwrap().len(), 1);
    let again = end_membership(&mut s, &m.id, "01/04/2025").unwrap_err();
    assert_eq!(again.kind, ErrorKind::Conflict);
    assert!(again.message.contains("31 March 2025"), "{}", again.message);
    let history = member_history(&s, &m.id).unwrap();
    assert_eq!(
        history.last().unwrap().changes,
        vec!["End date: none → 31/03/2025"]
    );
}

#[test]
fn an_unknown_member_is_reported_not_invented() {
    let mut s = store();
    let e = update_member(&mut s, "no-such-id", &input("Jane")).unwrap_err();
    assert_eq!(e.kind, ErrorKind::NotFound);
    assert_eq!(
        member_history(&s, "no-such-id").unwrap_err().kind,
        ErrorKind::NotFound
    );
}

#[test]
fn the_organisation_profile_is_saved_and_versioned() {
    let mut s = store();
    assert!(get_organisation(&s).unwrap().is_none());
    let first = save_organisation(
        &mut s,
        &OrganisationInput {
            name: "NHS Borders".into(),
            nation: Nation::Scotland,
            org_type: OrgType::HealthBoard,
        },
    )
    .unwrap();
    let second = save_organisation(
        &mut s,
        &OrganisationInput {
            name: "NHS Borders Health Board".into(),
            nation: Nation::Scotland,
            org_type: OrgType::HealthBoard,
        },
    )
    .unwrap();
    assert_eq!(first.id, second.id, "one organisation per database");
    assert_eq!(
        get_organisation(&s).unwrap().unwrap().name,
        "NHS Borders Health Board"
    );
    let e = save_organisation(
        &mut s,
        &OrganisationInput {
            name: " ".into(),
            nation: Nation::Wales,
            org_type: OrgType::HealthBoard,
        },
    )
    .unwrap_err();
    assert_eq!(e.field.as_deref(), Some("name"));
}

#[test]
fn the_demonstration_board_loads_once_into_an_empty_database() {
    let mut s = store();
    let summary = crate::demo::load_demo(&mut s).unwrap();
    assert_eq!(summary.members_added, 13);
    assert_eq!(summary.organisation.nation, Nation::England);
    assert_eq!(summary.organisation.org_type, OrgType::NhsTrust);
    let current = list_members(&s, MemberFilter::Current).unwrap();
    assert_eq!(current.len(), 12);
    assert!(current
        .iter()
        .any(|m| m.roles.contains(&FrameworkRole::Chair)));
    assert!(current
        .iter()
        .any(|m| m.roles.contains(&FrameworkRole::ExecutiveLead)));
    let e = crate::demo::load_demo(&mut s).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Conflict);
    assert_eq!(
        list_members(&s, MemberFilter::All).unwrap().len(),
        13,
        "nothing added twice"
    );
}

#[test]
fn an_empty_member_form_reports_every_problem_at_once() {
    let Err(e) = validate_member(&MemberInput {
        end_date: "not a date".into(),
        ..Default::default()
    }) else {
        panic!("an empty form is refused");
    };
    let fields: Vec<&str> = e.problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["name", "kind", "jobTitle", "startDate", "endDate"]);
    assert_eq!(e.kind, ErrorKind::Validation);
    assert_eq!(e.message, e.problems[0].message);
}

#[test]
fn the_register_sorts_by_surname_setting_titles_aside() {
    assert_eq!(surname_order("Dr Amara Osei"), "osei amara");
    assert_eq!(surname_order("Margaret Ellison OBE"), "ellison margaret");
    assert_eq!(
        surname_order("Prof. Sir John de la Cruz"),
        "cruz john de la"
    );
    assert_eq!(surname_order("Aoife O\u{2019}Connor"), "oconnor aoife");
    assert_eq!(surname_order("Cher"), "cher");
    let mut names = vec![
        "Dr Amara Osei",
        "Margaret Ellison",
        "Dr David Okafor",
        "Fiona Gallagher",
    ];
    names.sort_by_key(|n| surname_order(n));
    assert_eq!(
        names,
        [
            "Margaret Ellison",
            "Fiona Gallagher",
            "Dr David Okafor",
            "Dr Amara Osei"
        ]
    );
}
