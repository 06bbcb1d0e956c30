//! The cover sheet of the last completed quarter's safeguarding assurance report, as the board
//! secretary filled it in, from `assets/demo/cover-sheet.json` with the quarter's figures.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use serde::Deserialize;

use super::meetings::DemoMeeting;
use super::register::Board;
use super::scrutiny::Log;
use crate::codes::loose;
use crate::dates::prose;
use crate::error::Result;
use crate::periods::Period;
use crate::scrutiny::{self, ActionFilter};
use crate::store::Store;

const COVER: &str = include_str!("../../../../assets/demo/cover-sheet.json");

#[derive(Deserialize)]
struct Cover {
    values: BTreeMap<String, String>,
}

/// The quarter before the one `today` falls in.
pub(super) fn last_completed_quarter(today: NaiveDate) -> Period {
    Period::quarter_of(Period::quarter_of(today).start() - Days::new(1))
}

pub(super) fn load(
    store: &mut Store,
    board: &Board,
    meetings: &[DemoMeeting],
    log: &Log,
    today: NaiveDate,
) -> Result<()> {
    let cover: Cover = super::data("cover-sheet.json", COVER)?;
    let quarter = last_completed_quarter(today);
    let to_be_confirmed = || "to be confirmed".to_string();

    // The Board meeting that receives the report, and the agenda item it is.
    let receiving = meetings.iter().find(|m| m.receives_report == Some(quarter));
    let item = receiving.and_then(|m| {
        m.meeting
            .items
            .iter()
            .find(|i| i.title.contains(&super::meetings::quarter_name(quarter)))
    });
    // The Safeguarding Committee that saw it first: its last meeting in the quarter.
    let committee = meetings
        .iter()
        .filter(|m| loose(&m.meeting.kind_label) == loose("Safeguarding Committee"))
        .filter(|m| quarter.contains(m.meeting.held_on))
        .map(|m| m.meeting.held_on)
        .max();

    let coverage = scrutiny::coverage(store, quarter)?;
    let in_quarter: Vec<_> = log
        .entries
        .iter()
        .filter(|e| quarter.contains(e.raised_on))
        .collect();
    let weak = |level: &'static str| {
        in_quarter
            .iter()
            .filter(move |e| e.assurance_level == level)
    };
    let limited = weak("limited").count() + weak("none").count();
    // The areas most of those weak answers were about, most first.
    let mut weak_areas: Vec<(u32, &str)> = coverage
        .rows
        .iter()
        .map(|r| {
            let n = weak("limited")
                .chain(weak("none"))
                .filter(|e| e.area_id == r.area.id)
                .count() as u32;
            (n, r.area.title.as_str())
        })
        .filter(|(n, _)| *n > 0)
        .collect();
    weak_areas.sort_by_key(|(n, _)| std::cmp::Reverse(*n));
    let weak_areas: Vec<String> = weak_areas
        .iter()
        .take(3)
        .map(|(_, t)| t.to_string())
        .collect();
    let weak_areas = match weak_areas.as_slice() {
        [] => String::new(),
        [one] => format!(", on {one}"),
        [rest @ .., last] => format!(", chiefly on {} and {last}", rest.join(", ")),
    };
    let open = scrutiny::list_actions_on(store, ActionFilter::default(), today)?;
    let overdue = open.iter().filter(|a| a.view.overdue).count();
    let ned_challenge = weak("none")
        .chain(weak("limited"))
        .next()
        .map(|e| {
            let who = board
                .members
                .iter()
                .find(|m| m.id == e.raised_by)
                .map_or("A non-executive director", |m| m.name.as_str());
            let at = meetings
                .iter()
                .find(|m| Some(&m.meeting.id) == e.meeting_id.as_ref())
                .map(|m| format!(" at the {}", m.meeting.label()))
                .unwrap_or_default();
            let level = if e.assurance_level == "none" {
                "no"
            } else {
                "limited"
            };
            format!(
                "{who} asked{at}: “{}” The answer gave {level} assurance; the action agreed is tracked in the log and reported in section 4.",
                e.challenge
            )
        })
        .unwrap_or_else(|| "No challenge in the quarter gave less than reasonable assurance.".into());

    let figures: [(&str, String); 13] = [
        ("{weak_areas}", weak_areas),
        ("{period}", quarter.label()),
        (
            "{meeting_date}",
            receiving.map_or_else(to_be_confirmed, |m| prose(m.meeting.held_on)),
        ),
        (
            "{item}",
            item.map_or_else(to_be_confirmed, |i| format!("{} {}", i.number, i.title)),
        ),
        (
            "{paper_ref}",
            item.map_or_else(to_be_confirmed, |i| i.paper_ref.clone()),
        ),
        (
            "{committee_date}",
            committee.map_or_else(to_be_confirmed, prose),
        ),
        (
            "{challenges}",
            coverage
                .rows
                .iter()
                .map(|r| r.entries)
                .sum::<u32>()
                .to_string(),
        ),
        (
            "{areas_covered}",
            (coverage.rows.len() as u32 - coverage.uncovered).to_string(),
        ),
        ("{areas}", coverage.rows.len().to_string()),
        ("{limited}", limited.to_string()),
        ("{open}", open.len().to_string()),
        ("{overdue}", overdue.to_string()),
        ("{ned_challenge}", ned_challenge),
    ];
    let values: BTreeMap<String, String> = cover
        .values
        .into_iter()
        .map(|(code, text)| {
            let filled = figures
                .iter()
                .fold(text, |t, (key, value)| t.replace(key, value));
            (code, filled)
        })
        .collect();
    crate::paper::save_cover_sheet(store, quarter, &values)?;
    Ok(())
}
