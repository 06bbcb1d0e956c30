//! The board's and its committees' meetings, from the rules in `assets/demo/meetings.json`:
//! every meeting of the last and the current financial year up to the day the demonstration is
//! loaded, each with its agenda and who attended, then the next three, with their agendas.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::Deserialize;

use super::register::Board;
use super::sequence::Sequence;
use crate::codes::loose;
use crate::error::Result;
use crate::periods::Period;
use crate::scrutiny::{self, AgendaItemInput, Meeting, MeetingInput, MeetingPart};
use crate::store::Store;

const PLAN: &str = include_str!("../../../../assets/demo/meetings.json");

/// How many meetings after today the demonstration shows coming up.
const UPCOMING: usize = 3;

#[derive(Deserialize)]
struct Plan {
    kinds: Vec<KindPlan>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct KindPlan {
    label: String,
    prefix: String,
    months: Vec<u32>,
    week: u32,
    weekday: Weekday,
    attendees: Attendees,
    first_number: u32,
    weight: u32,
    /// The quarterly safeguarding assurance report, on the first such meeting after a quarter.
    #[serde(default)]
    quarterly_report: Option<ReportPlan>,
    standing: Vec<ItemPlan>,
    rotating: Vec<ItemPlan>,
}

#[derive(Deserialize, Clone, Copy, PartialEq)]
#[serde(rename_all = "kebab-case")]
enum Attendees {
    /// Every current board member.
    Everyone,
    /// The current members who list the committee among theirs.
    Committee,
}

#[derive(Deserialize)]
struct ReportPlan {
    title: String,
    lead: String,
}

#[derive(Deserialize, Clone)]
struct ItemPlan {
    title: String,
    lead: String,
    areas: Vec<String>,
}

/// A meeting as saved, with what the challenge log needs to know about it.
pub(super) struct DemoMeeting {
    pub meeting: Meeting,
    /// How many challenges it draws, relative to the others.
    pub weight: u32,
    /// For each agenda item, in order: the assurance areas it concerns (empty for any) and the
    /// minute reference its discussion was given.
    pub items: Vec<ItemFacts>,
    /// The quarter whose safeguarding assurance report this meeting receives, if any.
    pub receives_report: Option<Period>,
}

pub(super) struct ItemFacts {
    pub areas: Vec<String>,
    pub minute_ref: String,
}

impl DemoMeeting {
    pub fn held(&self, today: NaiveDate) -> bool {
        self.meeting.held_on <= today
    }
}

/// One meeting to be made: its kind (an index into the plan) and date.
struct Slot {
    kind: usize,
    on: NaiveDate,
}

pub(super) fn load(store: &mut Store, board: &Board, today: NaiveDate) -> Result<Vec<DemoMeeting>> {
    let plan: Plan = super::data("meetings.json", PLAN)?;
    let first_day = Period::year(Period::year_of(today).year - 1).start();
    let slots = schedule(&plan, first_day, today);
    let mut kinds = Vec::new();
    for k in &plan.kinds {
        kinds.push(scrutiny::add_meeting_kind(store, &k.label)?);
    }
    let mut seq = Sequence::new(0x5afe_6a4d);
    // Per kind: meetings made so far, the next rotating item, and minute numbers by year.
    let mut made = vec![0usize; plan.kinds.len()];
    let mut rotation = vec![0usize; plan.kinds.len()];
    let mut minutes: Vec<(usize, i32, u32)> = Vec::new();
    let mut out = Vec::new();
    for slot in &slots {
        let k = &plan.kinds[slot.kind];
        let receives_report = k
            .quarterly_report
            .as_ref()
            .and_then(|_| report_received(k, slot.on));
        let mut agenda: Vec<ItemPlan> = k.standing.clone();
        if let (Some(report), Some(period)) = (&k.quarterly_report, receives_report) {
            agenda.push(ItemPlan {
                title: report.title.replace("{period}", &quarter_name(period)),
                lead: report.lead.clone(),
                areas: Vec::new(),
            });
        }
        let wanted = 3 + made[slot.kind] % 4;
        while agenda.len() < wanted && !k.rotating.is_empty() {
            agenda.push(k.rotating[rotation[slot.kind] % k.rotating.len()].clone());
            rotation[slot.kind] += 1;
        }
        made[slot.kind] += 1;

        let year = Period::year_of(slot.on).year;
        let mut items = Vec::new();
        let mut facts = Vec::new();
        for (i, item) in agenda.iter().enumerate() {
            let number = k.first_number + i as u32;
            items.push(AgendaItemInput {
                id: String::new(),
                number: number.to_string(),
                title: item.title.clone(),
                paper_ref: format!(
                    "{}/{}-{:02}/{number}",
                    k.prefix,
                    slot.on.year(),
                    slot.on.month()
                ),
                executive_lead: item.lead.clone(),
            });
            let minute = match minutes
                .iter_mut()
                .find(|(kind, y, _)| *kind == slot.kind && *y == year)
            {
                Some(m) => {
                    m.2 += 1;
                    m.2
                }
                None => {
                    minutes.push((slot.kind, year, 1));
                    1
                }
            };
            facts.push(ItemFacts {
                areas: item.areas.clone(),
                minute_ref: format!("{} {:02}/{minute:03}", k.prefix, year % 100),
            });
        }

        let (present, apologies) = if slot.on <= today {
            attendance(board, k, slot.on, &mut seq)
        } else {
            (Vec::new(), Vec::new())
        };
        let meeting = scrutiny::add_meeting(
            store,
            &MeetingInput {
                kind: kinds[slot.kind].code.clone(),
                held_on: slot.on.to_string(),
                part: Some(MeetingPart::Public),
                items,
                present,
                apologies,
            },
        )?;
        out.push(DemoMeeting {
            meeting,
            weight: k.weight,
            items: facts,
            receives_report,
        });
    }
    Ok(out)
}

/// "2026/27 Q2", as an agenda names a quarter.
pub(super) fn quarter_name(quarter: Period) -> String {
    format!(
        "{} Q{}",
        Period::year(quarter.year),
        quarter.quarter.unwrap_or(1)
    )
}

/// Every meeting from `first_day` to `today`, then the next few.
fn schedule(plan: &Plan, first_day: NaiveDate, today: NaiveDate) -> Vec<Slot> {
    let mut slots = Vec::new();
    let mut month = first_day;
    // A few months past today is always enough for the next meetings: one kind meets monthly.
    let last = today + Days::new(150);
    while month <= last {
        for (kind, k) in plan.kinds.iter().enumerate() {
            if k.months.contains(&month.month()) {
                slots.push(Slot {
                    kind,
                    on: nth_weekday(month, k.week, k.weekday),
                });
            }
        }
        month = month
            .checked_add_months(chrono::Months::new(1))
            .expect("dates stay within the years a period allows");
    }
    slots.sort_by_key(|s| (s.on, s.kind));
    let held = slots.iter().filter(|s| s.on <= today).count();
    slots.truncate(held + UPCOMING);
    slots
}

/// The `week`th `weekday` of the month that `first` (the 1st) begins.
fn nth_weekday(first: NaiveDate, week: u32, weekday: Weekday) -> NaiveDate {
    let offset = (7 + weekday.num_days_from_monday() - first.weekday().num_days_from_monday()) % 7;
    first + Days::new(u64::from(offset + 7 * (week - 1)))
}

/// The quarter whose report a meeting of this kind on `on` receives: the quarter just ended,
/// when this is the kind's first meeting since it ended.
fn report_received(kind: &KindPlan, on: NaiveDate) -> Option<Period> {
    let this = Period::quarter_of(on);
    let mut month = this.start();
    while month <= on {
        let held = nth_weekday(month, kind.week, kind.weekday);
        if kind.months.contains(&month.month()) && held < on {
            return None;
        }
        month = month
            .checked_add_months(chrono::Months::new(1))
            .expect("dates stay within the years a period allows");
    }
    Some(Period::quarter_of(this.start() - Days::new(1)))
}

/// Who attended a meeting held on `on`, and who sent apologies: the board, or the committee's
/// members, current on the day. A few send apologies, never the chair or the last non-executive.
fn attendance(
    board: &Board,
    kind: &KindPlan,
    on: NaiveDate,
    seq: &mut Sequence,
) -> (Vec<String>, Vec<String>) {
    let invited: Vec<_> = board
        .current_on(on)
        .filter(|m| {
            kind.attendees == Attendees::Everyone
                || m.committees.iter().any(|c| loose(c) == loose(&kind.label))
        })
        .collect();
    let most_away = match kind.attendees {
        Attendees::Everyone => 2,
        Attendees::Committee => usize::from(invited.len() >= 3),
    };
    let away = seq.below(most_away + 1);
    let mut present: Vec<_> = invited.clone();
    let mut apologies = Vec::new();
    for _ in 0..away {
        let candidate = present[seq.below(present.len())];
        let non_executives = present
            .iter()
            .filter(|m| Board::is_non_executive(m))
            .count();
        let is_chair = candidate
            .roles
            .contains(&crate::board::FrameworkRole::Chair);
        if is_chair || (Board::is_non_executive(candidate) && non_executives <= 2) {
            continue;
        }
        present.retain(|m| m.id != candidate.id);
        apologies.push(candidate.id.clone());
    }
    (
        present.into_iter().map(|m| m.id.clone()).collect(),
        apologies,
    )
}

impl std::fmt::Debug for DemoMeeting {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.meeting.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_schedule_covers_two_years_and_always_shows_meetings_coming_up() {
        let plan: Plan = serde_json::from_str(PLAN).unwrap();
        assert_eq!(
            nth_weekday(ymd(2026, 10, 1), 3, Weekday::Tue),
            ymd(2026, 10, 20)
        );
        assert_eq!(
            nth_weekday(ymd(2026, 10, 1), 1, Weekday::Thu),
            ymd(2026, 10, 1)
        );
        let mut today = ymd(2025, 1, 1);
        while today < ymd(2027, 1, 1) {
            let first = Period::year(Period::year_of(today).year - 1).start();
            let slots = schedule(&plan, first, today);
            let coming: Vec<_> = slots.iter().filter(|s| s.on > today).collect();
            assert_eq!(coming.len(), UPCOMING);
            assert!(
                coming[1].on <= today + Days::new(56),
                "two meetings within eight weeks of {today}"
            );
            assert!(slots[0].on >= first && slots.iter().filter(|s| s.on <= today).count() >= 24);
            today = today + Days::new(5);
        }
    }

    #[test]
    fn the_quarterly_report_goes_to_the_first_board_after_the_quarter() {
        let plan: Plan = serde_json::from_str(PLAN).unwrap();
        let board = &plan.kinds[0];
        // Boards meet on the first Thursday of odd months.
        assert_eq!(
            report_received(board, ymd(2026, 7, 2)),
            Some(Period::quarter(2026, 1))
        );
        assert_eq!(report_received(board, ymd(2026, 9, 3)), None);
        assert_eq!(
            report_received(board, ymd(2026, 11, 5)),
            Some(Period::quarter(2026, 2))
        );
        assert_eq!(
            report_received(board, ymd(2027, 1, 7)),
            Some(Period::quarter(2026, 3))
        );
        assert_eq!(report_received(board, ymd(2027, 3, 4)), None);
        assert_eq!(
            report_received(board, ymd(2026, 5, 7)),
            Some(Period::quarter(2025, 4))
        );
    }
}
