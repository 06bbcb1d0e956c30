use chrono::NaiveDate;

use super::*;
use crate::store::entity::Entity;
use crate::training::{LearningType, TrainingRecord};

fn d(text: &str) -> NaiveDate {
    crate::dates::parse_date("d", "date", text).unwrap()
}

fn record(completed: &str, hours: u32, expires: Option<&str>) -> TrainingRecord {
    TrainingRecord {
        id: format!("t-{completed}"),
        member_id: "m".into(),
        title: "Safeguarding children: board level".into(),
        provider: "Partnership".into(),
        completed_on: d(completed),
        minutes: hours * 60,
        learning_type: LearningType::FaceToFace,
        level: "Board level".into(),
        certificate_ref: String::new(),
        expires_on: expires.map(d),
        created_at: String::new(),
        updated_at: String::new(),
    }
}

fn renewal(months: u32) -> Requirement {
    Requirement {
        id: "renewal".into(),
        title: "Board-level training".into(),
        kind: RequirementKind::Renewal,
        roles: Vec::new(),
        minutes: None,
        window_months: None,
        renew_months: Some(months),
        matches: "board".into(),
        retired: false,
        created_at: String::new(),
        updated_at: String::new(),
    }
}

fn hours_req(hours: u32, months: u32) -> Requirement {
    Requirement {
        id: "hours".into(),
        kind: RequirementKind::Hours,
        minutes: Some(hours * 60),
        window_months: Some(months),
        renew_months: None,
        matches: String::new(),
        ..renewal(0)
    }
}

fn status_on(req: &Requirement, records: &[TrainingRecord], on: &str) -> (Status, Option<String>) {
    let cell = assess(req, &[], records, d(on), 90);
    (cell.status, cell.next_change.map(crate::dates::dense))
}

#[test]
fn a_certificate_is_in_date_through_its_expiry_day_and_expired_the_day_after() {
    let req = renewal(36);
    let records = [record("06/08/2026", 3, Some("06/08/2027"))];
    assert_eq!(status_on(&req, &records, "05/08/2027").0, Status::DueSoon);
    assert_eq!(
        status_on(&req, &records, "06/08/2027"),
        (Status::DueSoon, Some("07/08/2027".into()))
    );
    assert_eq!(
        status_on(&req, &records, "07/08/2027"),
        (Status::Expired, None)
    );
    let cell = assess(&req, &[], &records, d("07/08/2027"), 90);
    assert_eq!(cell.detail, "Expired on 07/08/2027.");
}

#[test]
fn due_soon_starts_exactly_the_configured_number_of_days_before_lapsing() {
    let req = renewal(12);
    // Completed 1 April 2026, renewed after 12 months: lapses on 1 April 2027.
    let records = [record("01/04/2026", 2, None)];
    // 90 days before 1 April 2027 is 1 January 2027.
    assert_eq!(
        status_on(&req, &records, "31/12/2026"),
        (Status::InDate, Some("01/01/2027".into()))
    );
    assert_eq!(
        status_on(&req, &records, "01/01/2027"),
        (Status::DueSoon, Some("01/04/2027".into()))
    );
    assert_eq!(status_on(&req, &records, "31/03/2027").0, Status::DueSoon);
    assert_eq!(status_on(&req, &records, "01/04/2027").0, Status::Expired);
    // A different threshold moves the boundary.
    let cell = assess(&req, &[], &records, d("01/01/2027"), 30);
    assert_eq!(cell.status, Status::InDate);
    assert_eq!(cell.next_change, Some(d("02/03/2027")));
}

#[test]
fn learning_on_29_february_lasts_until_1_march_in_a_common_year() {
    assert_eq!(anniversary(d("29/02/2024"), 12), d("01/03/2025"));
    assert_eq!(anniversary(d("29/02/2024"), 48), d("29/02/2028"));
    assert_eq!(anniversary(d("31/08/2026"), 6), d("01/03/2027"));
    let req = renewal(12);
    let records = [record("29/02/2024", 2, None)];
    assert_eq!(status_on(&req, &records, "28/02/2025").0, Status::DueSoon);
    assert_eq!(status_on(&req, &records, "01/03/2025").0, Status::Expired);
    // A window reaching back from 29 February in a leap year.
    let hours = hours_req(2, 12);
    let leap = [record("01/03/2027", 2, None)];
    assert_eq!(status_on(&hours, &leap, "29/02/2028").0, Status::DueSoon);
    assert_eq!(status_on(&hours, &leap, "01/03/2028").0, Status::NotMet);
}

#[test]
fn a_three_year_window_ending_31_march_runs_from_1_april_three_years_before() {
    let req = hours_req(12, 36);
    let records = [
        record("31/03/2024", 6, None),
        record("01/04/2024", 6, None),
        record("15/06/2025", 6, None),
    ];
    // On 30 March 2027 all three count (18 hours); on 31 March 2027 the first has left.
    let cell = assess(&req, &[], &records, d("30/03/2027"), 90);
    assert_eq!(cell.status, Status::DueSoon);
    assert!(
        cell.detail.starts_with("Due soon: 18 of 12 hours"),
        "{}",
        cell.detail
    );
    assert_eq!(cell.next_change, Some(d("01/04/2027")));
    let cell = assess(&req, &[], &records, d("31/03/2027"), 90);
    assert_eq!(cell.status, Status::DueSoon);
    assert!(cell.detail.contains("12 of 12 hours"), "{}", cell.detail);
    // The record of 1 April 2024 leaves on 1 April 2027 and the total falls to 6.
    assert_eq!(status_on(&req, &records, "01/04/2027").0, Status::NotMet);
    // Long before then, the board is in date and told when "due soon" begins.
    assert_eq!(
        status_on(&req, &records, "01/07/2025"),
        (Status::InDate, Some("01/01/2027".into()))
    );
}

#[test]
fn requirements_apply_only_to_their_roles_and_count_only_matching_learning() {
    use crate::board::FrameworkRole;
    let mut req = renewal(36);
    req.roles = vec![FrameworkRole::Chair];
    let records = [record("01/09/2026", 1, None)];
    let cell = assess(
        &req,
        &[FrameworkRole::NonExecutiveLead],
        &records,
        d("01/10/2026"),
        90,
    );
    assert_eq!(cell.status, Status::NotRequired);
    let cell = assess(&req, &[FrameworkRole::Chair], &records, d("01/10/2026"), 90);
    assert_eq!(cell.status, Status::InDate);
    req.matches = "Prevent".into();
    let cell = assess(&req, &[FrameworkRole::Chair], &records, d("01/10/2026"), 90);
    assert_eq!(cell.status, Status::NotMet);
    // Learning dated after the day being assessed does not count.
    let cell = assess(&renewal(36), &[], &records, d("31/08/2026"), 90);
    assert_eq!(cell.status, Status::NotMet);
}

#[test]
fn the_matrix_covers_current_members_and_filters_by_role() {
    use crate::board::{self, MemberFilter};
    use crate::training::{add_training, TrainingInput};
    let mut store = Store::open_in_memory().unwrap();
    crate::demo::load_demo(&mut store).unwrap();
    let elaine = board::list_members(&store, MemberFilter::Current)
        .unwrap()
        .into_iter()
        .find(|m| m.name == "Elaine Brooks")
        .unwrap();
    let today = crate::dates::today();
    let before = matrix(&store, today, None).unwrap();
    assert_eq!(before.rows.len(), 12, "ended memberships are left out");
    assert_eq!(before.requirements.len(), 2, "the default requirements");
    // The demonstration training: three in date, one due soon, one expired, seven without any.
    assert_eq!(
        before.totals[1],
        RequirementTotals {
            requirement_id: "default-board-renewal".into(),
            in_date: 3,
            due_soon: 1,
            expired: 1,
            not_met: 7,
            not_required: 0
        }
    );
    assert_eq!(
        before.totals[0].in_date, 2,
        "Professor Kumar has 12.5 hours and Priya Raman 13.5"
    );
    add_training(
        &mut store,
        &TrainingInput {
            member_id: elaine.id.clone(),
            title: "Board safeguarding update".into(),
            provider: "Partnership".into(),
            completed_on: crate::dates::dense(today),
            hours: "2".into(),
            learning_type: Some(LearningType::BoardDevelopmentSession),
            level: "Board level".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let after = matrix(&store, today, None).unwrap();
    let row = after
        .rows
        .iter()
        .find(|r| r.member_id == elaine.id)
        .unwrap();
    assert_eq!(row.cells[1].status, Status::InDate);
    assert_eq!(row.cells[0].status, Status::NotMet, "2 of 12 hours");
    assert_eq!(after.totals[1].in_date, 4);

    let leads = matrix(
        &store,
        today,
        Some(crate::board::FrameworkRole::ExecutiveLead),
    )
    .unwrap();
    assert_eq!(leads.rows.len(), 1);
    assert_eq!(leads.rows[0].name, "Priya Raman");

    let csv = matrix_csv(&after);
    assert!(csv.starts_with('\u{feff}'));
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert_eq!(
        lines[0],
        "Name,Roles,Safeguarding learning hours,Board-level safeguarding training,Safeguarding learning hours – next change,Board-level safeguarding training – next change"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("Elaine Brooks,,Not met,In date,,")),
        "{csv}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l
                .starts_with("Priya Raman,Executive Lead / Executive Director,In date,In date,")),
        "{csv}"
    );
}

#[test]
fn requirements_are_validated_edited_and_retired_with_history() {
    let mut store = Store::open_in_memory().unwrap();
    let input = RequirementInput {
        title: "Prevent training".into(),
        kind: Some(RequirementKind::Renewal),
        roles: vec![],
        hours: String::new(),
        window_months: String::new(),
        renew_months: "0".into(),
        matches: "Prevent".into(),
    };
    let e = add_requirement(&mut store, &input).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("renewMonths"));
    let r = add_requirement(
        &mut store,
        &RequirementInput {
            renew_months: "36".into(),
            ..input.clone()
        },
    )
    .unwrap();
    assert_eq!(list_requirements(&store).unwrap().len(), 3);
    assert_eq!(list_requirements(&store).unwrap()[2].id, r.id);
    let hours = RequirementInput {
        kind: Some(RequirementKind::Hours),
        hours: "eight".into(),
        window_months: "36".into(),
        ..input
    };
    assert_eq!(
        update_requirement(&mut store, &r.id, &hours)
            .unwrap_err()
            .field
            .as_deref(),
        Some("hours")
    );
    retire_requirement(&mut store, &r.id).unwrap();
    assert_eq!(list_requirements(&store).unwrap().len(), 2);
    let versions =
        crate::store::history::versions(store.conn(), Entity::Requirement, &r.id).unwrap();
    assert_eq!(versions.len(), 2);
    // Undone: assessed again, the retirement kept in its history.
    let back = reinstate_requirement(&mut store, &r.id).unwrap();
    assert!(!back.retired);
    let versions =
        crate::store::history::versions(store.conn(), Entity::Requirement, &r.id).unwrap();
    assert_eq!(versions.len(), 3);
}

/// The matrix reads only recent learning (and, for a lapsed renewal, only learning that may
/// match); it must agree cell for cell with assessing each member's whole history.
#[test]
fn the_matrix_reading_only_what_counts_agrees_with_reading_everything() {
    use crate::store::Store;
    use crate::training::{add_training, TrainingInput};
    let mut store = Store::open_in_memory().unwrap();
    crate::demo::load_demo(&mut store).unwrap();
    add_requirement(
        &mut store,
        &RequirementInput {
            title: "Café 50% refresher".into(),
            kind: Some(RequirementKind::Renewal),
            renew_months: "12".into(),
            matches: "50%_refresher".into(),
            ..Default::default()
        },
    )
    .unwrap();
    add_requirement(
        &mut store,
        &RequirementInput {
            title: "Prévention".into(),
            kind: Some(RequirementKind::Renewal),
            renew_months: "24".into(),
            matches: "prévention".into(),
            ..Default::default()
        },
    )
    .unwrap();
    // "Board \u{212A}nowledge" is written with the Kelvin sign, which only Unicode-aware
    // lowering turns into the "k" of "knowledge".
    add_requirement(
        &mut store,
        &RequirementInput {
            title: "Knowledge refresher".into(),
            kind: Some(RequirementKind::Renewal),
            renew_months: "6".into(),
            matches: "knowledge".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let members = board::list_members(&store, MemberFilter::Current).unwrap();
    let titles = [
        "BOARD development day",
        "Safeguarding update",
        "Café board session",
        "50%_refresher for leads",
        "50% refresher (not the same)",
        "PRÉVENTION awareness",
        "Board \u{212A}nowledge",
    ];
    let years = ["2015", "2019", "2021", "2023", "2024", "2025", "2025"];
    for (i, m) in members.iter().enumerate() {
        for k in 0..(i % 5) {
            let n = i * 7 + k * 3;
            add_training(
                &mut store,
                &TrainingInput {
                    member_id: m.id.clone(),
                    title: titles[n % titles.len()].into(),
                    provider: "Partnership".into(),
                    completed_on: format!(
                        "{:02}/{:02}/{}",
                        1 + n % 28,
                        1 + n % 12,
                        years[n % years.len()]
                    ),
                    hours: ["1", "3", "6.5"][n % 3].into(),
                    learning_type: Some(LearningType::FaceToFace),
                    level: ["Board level", "Level 3", "Level 1"][n % 3].into(),
                    certificate_ref: String::new(),
                    expires_on: if n % 4 == 0 {
                        format!("01/01/{}", 2026 + n % 3)
                    } else {
                        String::new()
                    },
                },
            )
            .unwrap();
        }
    }
    let reqs = list_requirements(&store).unwrap();
    for on in ["23/11/2026", "01/04/2020", "31/03/2027"] {
        let on = d(on);
        let m = matrix(&store, on, None).unwrap();
        for row in &m.rows {
            let member = members.iter().find(|x| x.id == row.member_id).unwrap();
            let all = crate::training::repo::list_for_member(store.conn(), &member.id).unwrap();
            let expected: Vec<Cell> = reqs
                .iter()
                .map(|r| assess(r, &member.roles, &all, on, 90))
                .collect();
            assert_eq!(row.cells, expected, "{} on {on}", member.name);
        }
    }
}

/// The look-back finds matching learning through the trigram index, which follows every
/// edit: learning retitled to match starts to count, and retitled away stops.
#[test]
fn an_edited_title_is_found_by_the_renewal_look_back() {
    use crate::store::Store;
    use crate::training::{add_training, update_training, TrainingInput};
    let mut store = Store::open_in_memory().unwrap();
    crate::demo::load_demo(&mut store).unwrap();
    let req = add_requirement(
        &mut store,
        &RequirementInput {
            title: "Mental Capacity Act refresher".into(),
            kind: Some(RequirementKind::Renewal),
            renew_months: "12".into(),
            matches: "capacity act".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let member = board::list_members(&store, MemberFilter::Current).unwrap()[0].clone();
    let input = |title: &str| TrainingInput {
        member_id: member.id.clone(),
        title: title.into(),
        provider: "Partnership".into(),
        completed_on: "03/02/2022".into(),
        hours: "2".into(),
        learning_type: Some(LearningType::FaceToFace),
        level: "Level 3".into(),
        certificate_ref: String::new(),
        expires_on: String::new(),
    };
    let record = add_training(&mut store, &input("Safeguarding adults update")).unwrap();
    let on = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let cell = |store: &Store| {
        let m = matrix(store, on, None).unwrap();
        let row = m.rows.iter().find(|r| r.member_id == member.id).unwrap();
        let i = m.requirements.iter().position(|r| r.id == req.id).unwrap();
        row.cells[i].clone()
    };
    assert_eq!(cell(&store).status, Status::NotMet);
    update_training(
        &mut store,
        &record.id,
        &input("MENTAL CAPACITY ACT in practice"),
    )
    .unwrap();
    let lapsed = cell(&store);
    assert_eq!(lapsed.status, Status::Expired, "{}", lapsed.detail);
    assert_eq!(lapsed.next_change, None);
    update_training(&mut store, &record.id, &input("Deprivation of liberty")).unwrap();
    assert_eq!(cell(&store).status, Status::NotMet);
}
