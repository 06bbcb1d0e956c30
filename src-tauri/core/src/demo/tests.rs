use std::collections::{BTreeSet, HashSet};

use chrono::{Days, NaiveDate};

use super::*;
use crate::board::{MemberFilter, MemberKind};
use crate::compliance::{self, Status};
use crate::error::ErrorKind;
use crate::periods::Period;
use crate::scrutiny::{self, ActionFilter, ActionStatus, LogFilter, MeetingSummary};
use crate::test_support::member;

fn loaded_on(today: NaiveDate) -> (Store, DemoSummary) {
    let mut store = Store::open_in_memory().unwrap();
    let summary = load_demo_on(&mut store, today).unwrap();
    (store, summary)
}

/// Everything the demonstration promises, checked as at `today`, the day it was loaded.
fn check_a_year_of_board_life(store: &Store, summary: &DemoSummary, today: NaiveDate) {
    let this_year = Period::year_of(today);
    let last_year = Period::year(this_year.year - 1);

    // Meetings of the board and three committees in both years, with agendas and attendance.
    let meetings: Vec<MeetingSummary> = scrutiny::list_meetings(store, None).unwrap();
    assert_eq!(meetings.len(), summary.meetings_added);
    // The app's own "Safeguarding committee" is used; the others are added.
    let kinds: BTreeSet<String> = meetings
        .iter()
        .map(|m| crate::codes::loose(&m.meeting.kind_label))
        .collect();
    for kind in [
        "Board",
        "Quality and Safety Committee",
        "Safeguarding Committee",
        "People Committee",
    ] {
        assert!(
            kinds.contains(&crate::codes::loose(kind)),
            "{kind} in {kinds:?}"
        );
    }
    // Early in April the new year's meetings are all still to come.
    for year in [last_year, this_year] {
        assert!(
            meetings.iter().any(|m| year.contains(m.meeting.held_on)),
            "meetings in {year}"
        );
    }
    assert!(meetings
        .iter()
        .any(|m| last_year.contains(m.meeting.held_on) && m.meeting.held_on <= today));
    let held_this_year = meetings
        .iter()
        .any(|m| this_year.contains(m.meeting.held_on) && m.meeting.held_on <= today);
    assert!(meetings
        .iter()
        .all(|m| m.meeting.held_on >= last_year.start()));
    let boards = meetings
        .iter()
        .filter(|m| m.meeting.kind == "board" && last_year.contains(m.meeting.held_on))
        .count();
    assert_eq!(boards, 6, "the board meets every other month");
    for m in &meetings {
        assert!((3..=6).contains(&m.meeting.items.len()), "{}", m.label);
        for item in &m.meeting.items {
            assert!(
                !item.number.is_empty()
                    && !item.title.is_empty()
                    && !item.paper_ref.is_empty()
                    && !item.executive_lead.is_empty(),
                "{item:?}"
            );
        }
        assert_eq!(
            m.meeting.attendance.is_empty(),
            m.meeting.held_on > today,
            "attendance is recorded for meetings held, and only for them: {}",
            m.label
        );
    }
    let coming: Vec<_> = meetings
        .iter()
        .filter(|m| m.meeting.held_on > today)
        .collect();
    assert!(
        (2..=3).contains(&coming.len()),
        "{coming:?}",
        coming = coming.len()
    );
    assert!(coming
        .iter()
        .any(|m| m.meeting.held_on <= today + Days::new(56)));

    // About 150 challenges from the non-executives, in both years and every area.
    let log = scrutiny::list_entries(store, &LogFilter::default()).unwrap();
    assert_eq!(log.len(), summary.challenges_added);
    assert!(log.len() >= 140, "{} challenges", log.len());
    let non_executives: HashSet<String> = crate::board::list_members(store, MemberFilter::All)
        .unwrap()
        .into_iter()
        .filter(|m| m.kind == MemberKind::NonExecutive)
        .map(|m| m.id)
        .collect();
    for e in &log {
        assert!(e.entry.raised_on <= today && e.entry.raised_on >= last_year.start());
        assert!(non_executives.contains(&e.entry.raised_by), "{e:?}");
        assert!(e.meeting_label.is_some() && e.item_label.is_some());
        assert!(!e.entry.response.is_empty() && !e.entry.directed_to.is_empty());
        assert!(!e.entry.evidence.is_empty() && !e.entry.minute_ref.is_empty());
        assert!(
            !e.entry.challenge.contains('{') && !e.entry.response.contains('{'),
            "every figure is filled in: {}",
            e.entry.challenge
        );
    }
    assert!(log.iter().any(|e| last_year.contains(e.entry.raised_on)));
    assert_eq!(
        log.iter().any(|e| this_year.contains(e.entry.raised_on)),
        held_this_year,
        "challenges at every meeting held this year"
    );
    let covered: HashSet<&str> = log.iter().map(|e| e.entry.area_id.as_str()).collect();
    for area in scrutiny::areas(store).unwrap() {
        assert!(
            covered.contains(area.id.as_str()),
            "{} scrutinised",
            area.title
        );
    }
    let challenges: HashSet<&str> = log.iter().map(|e| e.entry.challenge.as_str()).collect();
    assert!(
        challenges.len() * 10 >= log.len() * 6,
        "the challenges do not read as copies: {} different of {}",
        challenges.len(),
        log.len()
    );
    let level = |code: &str| {
        log.iter()
            .filter(|e| e.entry.assurance_level == code)
            .count()
    };
    assert!(level("substantial") + level("reasonable") > log.len() * 2 / 3);
    assert!(level("limited") > level("none") && level("none") >= 1);

    // Actions in every state: overdue, due soon, closed with a note, escalated with where to.
    let actions = scrutiny::list_actions_on(
        store,
        ActionFilter {
            include_closed: true,
            ..Default::default()
        },
        today,
    )
    .unwrap();
    assert_eq!(actions.len(), summary.actions_added);
    for status in [
        ActionStatus::Open,
        ActionStatus::InProgress,
        ActionStatus::Closed,
        ActionStatus::Escalated,
    ] {
        assert!(
            actions.iter().any(|a| a.view.action.status == status),
            "an action {}",
            status.label()
        );
    }
    for a in actions.iter().map(|a| &a.view.action) {
        match a.status {
            ActionStatus::Closed => {
                assert!(!a.closure_note.is_empty() && !a.closure_note.contains('{'));
                assert!(a.closed_on.is_some_and(|d| d <= today));
            }
            ActionStatus::Escalated => assert!(!a.escalated_to.is_empty()),
            _ => {}
        }
    }
    assert!(actions.iter().any(|a| a.view.overdue));
    assert!(actions.iter().any(|a| {
        a.view.action.status != ActionStatus::Closed
            && a.view
                .action
                .due_on
                .is_some_and(|d| d >= today && d <= today + Days::new(42))
    }));
    let by_post = |post: &str| {
        actions
            .iter()
            .any(|a| a.view.action.owner_member_id.is_none() && a.view.action.owner_name == post)
    };
    assert!(by_post("Chief Nurse") && by_post("Medical Director"));
    // Those posts are tied to the members who hold them.
    let posts = crate::board::list_posts(store).unwrap();
    for (post, holder) in [
        ("Chief Nurse", "Priya Raman"),
        ("Medical Director", "Dr Helen Carter"),
    ] {
        assert!(
            posts
                .iter()
                .any(|p| p.post == post && p.member_name == holder && p.held_to.is_none()),
            "{post}: {posts:?}"
        );
    }
    assert!(actions
        .iter()
        .any(|a| a.view.action.owner_member_id.is_some()));

    // Self-assessments with evidence, the executive lead's signed off.
    let priya = member(store, "Priya Raman");
    let mc = crate::competency::member_competency(store, &priya.id).unwrap();
    assert!(mc.summary.assessed >= 5 && mc.summary.signed_off >= 1);
    let chair = member(store, "Margaret Ellison");
    let mc = crate::competency::member_competency(store, &chair.id).unwrap();
    assert!(mc
        .items
        .iter()
        .any(|i| i.assessment.as_ref().is_some_and(|a| a
            .evidence
            .iter()
            .any(|e| e.kind == crate::competency::EvidenceKind::Scrutiny))));
    assert!(summary.assessments_added >= 8);

    // Training in every status.
    let matrix = compliance::matrix(store, today, None).unwrap();
    let statuses: HashSet<Status> = matrix
        .rows
        .iter()
        .flat_map(|r| r.cells.iter().map(|c| c.status))
        .collect();
    for status in [
        Status::InDate,
        Status::DueSoon,
        Status::Expired,
        Status::NotMet,
    ] {
        assert!(statuses.contains(&status), "training {}", status.label());
    }

    // The last completed quarter's cover sheet, every field filled in.
    let quarter = papers::last_completed_quarter(today);
    let sheet = crate::paper::cover_sheet(store, quarter).unwrap();
    for field in &sheet.fields {
        let value = sheet.value(&field.code);
        assert!(!value.is_empty(), "{} is filled in", field.label);
        assert!(!value.contains('{'), "{}: {value}", field.label);
    }
    assert!(sheet.value("title").contains(&quarter.label()));
    assert!(sheet
        .value("recommendation")
        .starts_with("The Board is asked to"));
}

#[test]
fn the_demonstration_is_a_year_of_board_life_dated_from_the_day_it_is_loaded() {
    let today = crate::dates::today();
    let (store, summary) = loaded_on(today);
    check_a_year_of_board_life(&store, &summary, today);

    // Loaded in another quarter, everything moves with the day.
    let earlier = today - Days::new(137);
    let (before, summary_before) = loaded_on(earlier);
    check_a_year_of_board_life(&before, &summary_before, earlier);
    let first = |s: &Store| {
        scrutiny::list_meetings(s, None)
            .unwrap()
            .into_iter()
            .map(|m| m.meeting.held_on)
            .min()
            .unwrap()
    };
    assert_eq!(
        first(&store),
        crate::scrutiny::repo::earliest_date(store.conn())
            .unwrap()
            .unwrap()
    );
    assert!(first(&before) <= first(&store));
}

#[test]
fn the_same_day_gives_the_same_board() {
    let day = NaiveDate::from_ymd_opt(2026, 2, 11).unwrap();
    let words = |s: &Store| {
        scrutiny::list_entries(s, &LogFilter::default())
            .unwrap()
            .into_iter()
            .map(|e| {
                (
                    e.entry.raised_on,
                    e.area_title,
                    e.raised_by_name,
                    e.entry.challenge,
                    e.entry.response,
                    e.entry.assurance_level,
                )
            })
            .collect::<Vec<_>>()
    };
    let (a, _) = loaded_on(day);
    let (b, _) = loaded_on(day);
    // Challenges raised at one meeting are listed in the order of their ids, which differ.
    let (mut a, mut b) = (words(&a), words(&b));
    a.sort();
    b.sort();
    assert_eq!(a, b);
}

#[test]
fn the_demonstration_loads_only_into_an_empty_database_and_whole_or_not_at_all() {
    let mut store = Store::open_in_memory().unwrap();
    crate::board::add_member(
        &mut store,
        &crate::board::MemberInput {
            name: "Dr Morag McLeod".into(),
            kind: Some(MemberKind::Executive),
            job_title: "Executive Nurse Director".into(),
            start_date: "01/04/2024".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let e = load_demo(&mut store).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Conflict);
    assert!(scrutiny::list_meetings(&store, None).unwrap().is_empty());

    // A demonstration that fails part way leaves nothing behind: here its training is dated in
    // the future, which the training rules refuse, after the register is already written.
    let mut store = Store::open_in_memory().unwrap();
    let versions = crate::store::history::count(store.conn()).unwrap();
    let future = crate::dates::today() + Days::new(400);
    assert!(load_demo_on(&mut store, future).is_err());
    assert!(crate::board::list_members(&store, MemberFilter::All)
        .unwrap()
        .is_empty());
    assert!(crate::board::get_organisation(&store).unwrap().is_none());
    assert_eq!(
        crate::store::history::count(store.conn()).unwrap(),
        versions
    );
    load_demo(&mut store).unwrap();
}

#[test]
fn the_register_alone_has_the_board_and_its_training_but_no_log() {
    let mut store = Store::open_in_memory().unwrap();
    let summary = load_demo_register(&mut store).unwrap();
    assert_eq!((summary.members_added, summary.training_added), (13, 14));
    assert_eq!(summary.challenges_added + summary.meetings_added, 0);
    assert!(scrutiny::list_meetings(&store, None).unwrap().is_empty());
    assert!(crate::board::list_posts(&store)
        .unwrap()
        .iter()
        .any(|p| p.post == "Chief Nurse" && p.member_name == "Priya Raman"));
    assert_eq!(
        load_demo(&mut store).unwrap_err().kind,
        ErrorKind::Conflict,
        "nor is the rest added to it"
    );
}
