//! "What needs me now": for the member using the app, the next meeting and its items, the
//! actions they own or are following up, their training that is lapsing or has lapsed, the
//! framework items they have not yet backed with evidence, and the assurance areas nobody has
//! scrutinised this financial year; and, for the secretary, the board-wide gaps.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::board::{self, Member};
use crate::compliance::{self, Status};
use crate::error::Result;
use crate::periods::Period;
use crate::scrutiny::{self, AgendaItem, Meeting, TrackedAction};
use crate::store::Store;
use crate::{competency, settings};

/// The next meeting on or after today, with its agenda.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NextMeeting {
    pub meeting_id: String,
    pub label: String,
    pub held_on: NaiveDate,
    /// Days from today: 0 is today, 1 tomorrow.
    pub in_days: u32,
    pub items: Vec<AgendaItem>,
    /// Questions I plan to ask there and have not yet asked.
    pub planned_questions: u32,
}

/// A training requirement of mine that is due soon, expired or not met.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TrainingDue {
    pub requirement: String,
    pub status: Status,
    pub next_change: Option<NaiveDate>,
    pub detail: String,
}

/// A framework item of mine with no evidence yet (not assessed, or assessed without any).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct UnevidencedItem {
    pub framework_id: String,
    pub item_id: String,
    pub text: String,
    pub assessed: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OverdueByOwner {
    pub owner: String,
    pub owner_member_id: Option<String>,
    pub overdue: u32,
    /// The most days any of them is overdue.
    pub longest_days: u32,
}

/// A member with training gaps, for the board-wide view.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ComplianceGap {
    pub member_id: String,
    pub name: String,
    pub expired: u32,
    pub not_met: u32,
    pub due_soon: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BoardWide {
    pub compliance_gaps: Vec<ComplianceGap>,
    pub overdue_by_owner: Vec<OverdueByOwner>,
    pub open_actions: u32,
    pub overdue_actions: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Home {
    pub today: NaiveDate,
    /// Who "me" is; `None` until the laptop's user is chosen in Settings.
    pub me: Option<Member>,
    pub next_meeting: Option<NextMeeting>,
    /// Every meeting from today to [`UPCOMING_DAYS`] ahead (at least the next one), soonest
    /// first: a committee today does not hide tomorrow's board.
    pub upcoming_meetings: Vec<NextMeeting>,
    /// Actions I own that are not closed (mine as a member, or as the holder of a post), the
    /// most pressing first: at most [`SHOWN_ACTIONS`].
    pub my_actions: Vec<TrackedAction>,
    /// How many actions I own in all, so a cut list says so.
    pub my_actions_total: u32,
    /// Actions on challenges I raised that someone else owns, not closed: at most
    /// [`SHOWN_ACTIONS`], the most pressing first.
    pub following_up: Vec<TrackedAction>,
    pub following_up_total: u32,
    pub training_due: Vec<TrainingDue>,
    pub unevidenced: Vec<UnevidencedItem>,
    /// How many framework items apply to me, to put `unevidenced` in proportion.
    pub applicable_items: u32,
    pub year_label: String,
    /// Assurance areas with no scrutiny so far this financial year.
    pub unscrutinised_areas: Vec<scrutiny::AssuranceArea>,
    pub board: BoardWide,
}

/// How far ahead Home lists the meetings to come.
pub const UPCOMING_DAYS: u64 = 14;

/// How many of each list of actions Home names; the rest are in the tracker, and Home says how
/// many there are.
pub const SHOWN_ACTIONS: usize = 50;

pub fn home(store: &Store, today: NaiveDate) -> Result<Home> {
    let me = match settings::get_settings(store)?.my_member_id {
        Some(id) => board::get_member(store, &id).ok(),
        None => None,
    };
    let planned: std::collections::HashMap<String, u32> = match &me {
        Some(me) => crate::scrutiny::repo::unraised_counts(store.conn(), &me.id)?
            .into_iter()
            .collect(),
        None => Default::default(),
    };
    let mut coming =
        crate::scrutiny::repo::meetings_between(store.conn(), today, crate::periods::ALL_TIME.1)?;
    coming.sort_by_key(|m| (m.held_on, m.label()));
    let horizon = today + chrono::Days::new(UPCOMING_DAYS);
    let upcoming_meetings: Vec<NextMeeting> = coming
        .into_iter()
        .enumerate()
        .filter(|(i, m)| *i == 0 || m.held_on <= horizon)
        .map(|(_, m): (usize, Meeting)| NextMeeting {
            label: m.label(),
            in_days: (m.held_on - today).num_days().max(0) as u32,
            planned_questions: planned.get(&m.id).copied().unwrap_or(0),
            meeting_id: m.id,
            held_on: m.held_on,
            items: m.items,
        })
        .collect();
    let next_meeting = upcoming_meetings.first().cloned();

    let (mut my_actions, mut following_up) = (Vec::new(), Vec::new());
    let (mut my_actions_total, mut following_up_total) = (0, 0);
    if let Some(me) = &me {
        // The most pressing of each, named; the rest are in the tracker, and counted here.
        let views = |list: Vec<scrutiny::Action>| {
            let total = list.len() as u32;
            let mut v: Vec<_> = list
                .into_iter()
                .map(|a| scrutiny::ActionView::new(a, today))
                .collect();
            v.sort_by_key(scrutiny::ActionView::urgency);
            v.truncate(SHOWN_ACTIONS);
            (v, total)
        };
        let conn = store.conn();
        let (mine, total) = views(scrutiny::actions_owned_by(store, &me.id, today)?);
        my_actions_total = total;
        my_actions = scrutiny::tracked(store, mine, None, today)?;
        let (theirs, total) = views(crate::scrutiny::repo::unclosed_actions_following(
            conn, &me.id,
        )?);
        following_up_total = total;
        following_up = scrutiny::tracked(store, theirs, None, today)?;
    }

    let (mut training_due, mut unevidenced, mut applicable_items) = (Vec::new(), Vec::new(), 0);
    if let Some(me) = &me {
        let mc = compliance::member_compliance(store, &me.id, today)?;
        for (req, cell) in mc.requirements.iter().zip(&mc.cells) {
            if matches!(
                cell.status,
                Status::DueSoon | Status::Expired | Status::NotMet
            ) {
                training_due.push(TrainingDue {
                    requirement: req.title.clone(),
                    status: cell.status,
                    next_change: cell.next_change,
                    detail: cell.detail.clone(),
                });
            }
        }
        let (items, _) = competency::competency_coverage(store, me)?;
        applicable_items = items.len() as u32;
        unevidenced = items
            .into_iter()
            .filter(|i| i.assessment.as_ref().is_none_or(|a| a.evidence.is_empty()))
            .map(|i| UnevidencedItem {
                assessed: i.assessment.is_some(),
                framework_id: i.framework_id,
                item_id: i.item.id,
                text: i.item.text,
            })
            .collect();
    }

    let year = Period::year_of(today);
    let coverage = scrutiny::coverage(store, year)?;
    let unscrutinised_areas = coverage
        .rows
        .into_iter()
        .filter(|r| r.entries == 0)
        .map(|r| r.area)
        .collect();

    Ok(Home {
        today,
        next_meeting,
        upcoming_meetings,
        my_actions,
        my_actions_total,
        following_up,
        following_up_total,
        training_due,
        unevidenced,
        applicable_items,
        year_label: year.label(),
        unscrutinised_areas,
        board: board_wide(store, today)?,
        me,
    })
}

fn board_wide(store: &Store, today: NaiveDate) -> Result<BoardWide> {
    let matrix = compliance::matrix(store, today, None)?;
    let compliance_gaps = matrix
        .rows
        .iter()
        .map(|row| {
            let count = |s: Status| row.cells.iter().filter(|c| c.status == s).count() as u32;
            ComplianceGap {
                member_id: row.member_id.clone(),
                name: row.name.clone(),
                expired: count(Status::Expired),
                not_met: count(Status::NotMet),
                due_soon: count(Status::DueSoon),
            }
        })
        .filter(|g| g.expired + g.not_met + g.due_soon > 0)
        .collect();
    let conn = store.conn();
    let posts = crate::board::PostBook::load(conn)?;
    let mut overdue_by_owner: Vec<OverdueByOwner> =
        crate::scrutiny::repo::overdue_by_owner(conn, today)?
            .into_iter()
            .map(
                |(owner, owner_member_id, overdue, earliest)| OverdueByOwner {
                    // A post's actions lead to the member who holds it.
                    owner_member_id: owner_member_id
                        .or_else(|| posts.holder_on(&owner, today).map(|h| h.member_id.clone())),
                    owner,
                    overdue,
                    longest_days: (today - earliest).num_days().max(0) as u32,
                },
            )
            .collect();
    overdue_by_owner.sort_by(|a, b| b.overdue.cmp(&a.overdue).then(a.owner.cmp(&b.owner)));
    Ok(BoardWide {
        compliance_gaps,
        overdue_actions: overdue_by_owner.iter().map(|o| o.overdue).sum(),
        open_actions: crate::scrutiny::repo::count_unclosed_actions(conn)?,
        overdue_by_owner,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{demo, register};

    #[test]
    fn a_long_list_of_my_actions_says_how_many_there_are_and_leads_with_the_most_pressing() {
        let mut store = register();
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("log.csv");
        let mut csv = String::from("Date,Assurance area,Raised by,Challenge,Assurance level,Action,Action owner,Due date\n");
        for i in 0..60 {
            // Every tenth is overdue; the rest fall due over the coming months.
            let due = if i % 10 == 0 {
                "01/01/2026".to_string()
            } else {
                format!("{:02}/01/2027", 1 + i % 28)
            };
            csv.push_str(&format!(
                "01/10/2026,Safeguarding training,Fiona Gallagher,Question {i}?,Limited,Action {i},Chief Nurse,{due}\n"
            ));
        }
        std::fs::write(&file, csv).unwrap();
        let r =
            crate::scrutiny::import_scrutiny_csv(&mut store, &file, &Default::default()).unwrap();
        assert!(r.imported, "{:?} {:?}", r.rejected, r.mapping.values);
        let mut s = settings::get_settings(&store).unwrap();
        s.my_member_id = Some(crate::test_support::member_id(&store, "Priya Raman"));
        settings::save_settings(&mut store, &s).unwrap();

        let h = home(&store, crate::dates::today()).unwrap();
        assert_eq!(h.my_actions.len(), SHOWN_ACTIONS);
        assert_eq!(
            h.my_actions_total, 60,
            "the count is true though the list is cut"
        );
        assert!(
            h.my_actions[..6].iter().all(|t| t.view.overdue),
            "overdue first"
        );
        assert_eq!(h.my_actions[0].post_holder.as_deref(), Some("Priya Raman"));
        let fiona = crate::test_support::member_id(&store, "Fiona Gallagher");
        s.my_member_id = Some(fiona);
        settings::save_settings(&mut store, &s).unwrap();
        let h = home(&store, crate::dates::today()).unwrap();
        assert_eq!(
            (h.following_up.len(), h.following_up_total),
            (SHOWN_ACTIONS, 60)
        );
    }

    #[test]
    fn without_a_chosen_member_home_still_shows_the_board_and_the_areas() {
        let store = register();
        let h = home(&store, crate::dates::today()).unwrap();
        assert!(h.me.is_none());
        assert!(h.my_actions.is_empty() && h.training_due.is_empty());
        assert_eq!(
            h.unscrutinised_areas.len(),
            13,
            "a board with no scrutiny yet"
        );
        assert!(h.next_meeting.is_none());
        assert!(!h.board.compliance_gaps.is_empty());
    }

    #[test]
    fn the_demonstration_board_has_a_meeting_coming_and_actions_to_chase() {
        let store = demo();
        let today = crate::dates::today();
        let h = home(&store, today).unwrap();
        let next = h.next_meeting.expect("a meeting coming up");
        assert!(next.held_on > today && next.in_days <= 56 && next.items.len() >= 3);
        assert!(h.board.open_actions > 0 && h.board.overdue_actions > 0);
        // Actions owned by a post lead to the member who holds it.
        assert!(h
            .board
            .overdue_by_owner
            .iter()
            .all(|o| o.owner_member_id.is_some()
                || o.owner == "Head of Safeguarding"
                || o.owner == "Director of Corporate Affairs"));
    }
}
