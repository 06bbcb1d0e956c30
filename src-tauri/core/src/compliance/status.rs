//! The status of one member against one requirement on one day: a pure calculation, so every
//! boundary (expiry, the due-soon threshold, 29 February, a window ending 31 March) is testable.

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use super::{Requirement, RequirementKind};
use crate::board::FrameworkRole;
use crate::codes::coded;
use crate::dates;
use crate::training::TrainingRecord;

/// What the status rules read of a piece of learning.
pub trait Learning {
    fn title(&self) -> &str;
    fn level(&self) -> &str;
    fn completed_on(&self) -> NaiveDate;
    fn minutes(&self) -> u32;
    fn expires_on(&self) -> Option<NaiveDate>;
}

impl Learning for TrainingRecord {
    fn title(&self) -> &str {
        &self.title
    }
    fn level(&self) -> &str {
        &self.level
    }
    fn completed_on(&self) -> NaiveDate {
        self.completed_on
    }
    fn minutes(&self) -> u32 {
        self.minutes
    }
    fn expires_on(&self) -> Option<NaiveDate> {
        self.expires_on
    }
}

/// Just the parts of a training record the status rules read: the board-wide matrix reads
/// tens of thousands of these, so it leaves the rest in the database.
#[derive(Debug, Clone)]
pub struct LearningDates {
    pub title: String,
    pub level: String,
    pub completed_on: NaiveDate,
    pub minutes: u32,
    pub expires_on: Option<NaiveDate>,
}

impl Learning for LearningDates {
    fn title(&self) -> &str {
        &self.title
    }
    fn level(&self) -> &str {
        &self.level
    }
    fn completed_on(&self) -> NaiveDate {
        self.completed_on
    }
    fn minutes(&self) -> u32 {
        self.minutes
    }
    fn expires_on(&self) -> Option<NaiveDate> {
        self.expires_on
    }
}

coded!(
    /// Where a member stands against a requirement. Always shown as a word, never colour alone.
    Status, "status", {
        InDate => "in-date", "In date";
        DueSoon => "due-soon", "Due soon";
        Expired => "expired", "Expired";
        NotMet => "not-met", "Not met";
        NotRequired => "not-required", "Not required";
    }
);

/// One cell of the compliance matrix.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Cell {
    pub requirement_id: String,
    pub status: Status,
    /// The day the status will next change if nothing new is recorded.
    pub next_change: Option<NaiveDate>,
    /// One sentence explaining the status, with dates.
    pub detail: String,
}

/// The date `months` after `from`, where a missing day (29 February, 31 April) rolls on to the
/// 1st of the next month, as UK law treats a 29 February anniversary: a learning's life is never
/// cut short by the calendar.
pub fn anniversary(from: NaiveDate, months: u32) -> NaiveDate {
    let same_day = from
        .checked_add_months(Months::new(months))
        .expect("dates stay within 1900–2100 plus at most ten years");
    if same_day.day() == from.day() {
        same_day
    } else {
        same_day + Days::new(1)
    }
}

/// Where `roles` stand against `req` on `today`, from the member's training `records`.
pub fn assess<L: Learning>(
    req: &Requirement,
    roles: &[FrameworkRole],
    records: &[L],
    today: NaiveDate,
    due_soon_days: u32,
) -> Cell {
    let cell = |status, next_change, detail: String| Cell {
        requirement_id: req.id.clone(),
        status,
        next_change,
        detail,
    };
    if !req.applies_to(roles) {
        return cell(
            Status::NotRequired,
            None,
            "Not required for this member's roles.".into(),
        );
    }
    let done: Vec<&L> = records
        .iter()
        .filter(|r| r.completed_on() <= today)
        .collect();
    let (lapses_on, met_text) = match req.kind {
        RequirementKind::Renewal => {
            let months = req.renew_months.unwrap_or(36);
            let Some(lapses_on) = done
                .iter()
                .filter(|r| req.counts(**r))
                .map(|r| renewal_lapses_on(*r, months))
                .max()
            else {
                return cell(
                    Status::NotMet,
                    None,
                    "No matching training has been recorded.".into(),
                );
            };
            let last_day = lapses_on.pred_opt().unwrap_or(lapses_on);
            (lapses_on, format!("valid until {}", dates::dense(last_day)))
        }
        RequirementKind::Hours => {
            let required = req.minutes.unwrap_or(0);
            let window = req.window_months.unwrap_or(36);
            let mut counting: Vec<(NaiveDate, u32)> = done
                .iter()
                .filter(|r| req.counts(**r))
                .map(|r| (anniversary(r.completed_on(), window), r.minutes()))
                .filter(|(leaves_on, _)| *leaves_on > today)
                .collect();
            let total: u32 = counting.iter().map(|(_, m)| m).sum();
            let summary = format!(
                "{} of {} hours in the last {} months",
                hours(total),
                hours(required),
                window
            );
            if total < required {
                return cell(Status::NotMet, None, format!("{summary}."));
            }
            // The total falls short on the day the record that tips it leaves the window.
            counting.sort();
            let mut remaining = total;
            let mut lapses_on = None;
            for (leaves_on, minutes) in counting {
                remaining -= minutes;
                if remaining < required {
                    lapses_on = Some(leaves_on);
                    break;
                }
            }
            let lapses_on = lapses_on.expect("a zero requirement is refused when saved");
            (
                lapses_on,
                format!("{summary}; falls short on {}", dates::dense(lapses_on)),
            )
        }
    };
    let due_from = lapses_on
        .checked_sub_days(Days::new(u64::from(due_soon_days)))
        .unwrap_or(lapses_on);
    if today >= lapses_on {
        cell(
            Status::Expired,
            None,
            format!("Expired on {}.", dates::dense(lapses_on)),
        )
    } else if today >= due_from {
        cell(
            Status::DueSoon,
            Some(lapses_on),
            format!("Due soon: {met_text}."),
        )
    } else {
        cell(
            Status::InDate,
            Some(due_from),
            format!("In date: {met_text}."),
        )
    }
}

/// The first day a record no longer satisfies a renewal requirement: the day after its own
/// expiry date, or the anniversary `months` after completion, whichever comes first.
fn renewal_lapses_on(r: &impl Learning, months: u32) -> NaiveDate {
    let by_policy = anniversary(r.completed_on(), months);
    match r.expires_on().and_then(|d| d.succ_opt()) {
        Some(by_certificate) => by_certificate.min(by_policy),
        None => by_policy,
    }
}

/// Minutes as hours for people: 90 → "1.5", 720 → "12".
pub fn hours(minutes: u32) -> String {
    let text = format!("{:.2}", f64::from(minutes) / 60.0);
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}
