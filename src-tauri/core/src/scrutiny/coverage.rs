//! Coverage: for a period, which assurance areas had scrutiny and at what levels of assurance,
//! and which had none.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::{areas, levels, AssuranceArea, AssuranceLevel};
use crate::error::Result;
use crate::periods::Period;
use crate::scrutiny::repo as scrutiny;
use crate::store::Store;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CoverageRow {
    pub area: AssuranceArea,
    pub entries: u32,
    /// How many entries gave each level, in the order of `Coverage::levels`.
    pub by_level: Vec<u32>,
    /// The weakest assurance taken in the period, if any scrutiny.
    pub weakest_level: Option<String>,
    pub last_scrutinised: Option<NaiveDate>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Coverage {
    pub period: Period,
    pub period_label: String,
    pub levels: Vec<AssuranceLevel>,
    pub rows: Vec<CoverageRow>,
    /// Areas with no scrutiny in the period.
    pub uncovered: u32,
}

pub fn coverage(store: &Store, period: Period) -> Result<Coverage> {
    let levels = levels::assurance_levels(store)?;
    // Counted in the database: a decade's log is never read into memory for this.
    let tallies = scrutiny::coverage_tallies(store.conn(), period.start(), period.end())?;
    // The chosen areas, then any area of another set that was scrutinised in the period (logged
    // before the board changed its set), so no challenge drops out of the picture.
    let mut shown = areas::areas(store)?;
    let chosen = shown.len();
    shown.extend(
        areas::all_areas(store)?
            .into_iter()
            .skip(chosen)
            .filter(|a| tallies.iter().any(|t| t.area_id == a.id)),
    );
    let rows: Vec<CoverageRow> = shown
        .into_iter()
        .map(|area| {
            let mine: Vec<_> = tallies.iter().filter(|t| t.area_id == area.id).collect();
            let by_level: Vec<u32> = levels
                .iter()
                .map(|l| {
                    mine.iter()
                        .filter(|t| t.level == l.code)
                        .map(|t| t.entries)
                        .sum()
                })
                .collect();
            // Levels run strongest first, so the weakest is the last one used.
            let weakest_level = levels
                .iter()
                .zip(&by_level)
                .rev()
                .find(|(_, n)| **n > 0)
                .map(|(l, _)| l.code.clone());
            CoverageRow {
                entries: mine.iter().map(|t| t.entries).sum(),
                last_scrutinised: mine.iter().map(|t| t.last).max(),
                by_level,
                weakest_level,
                area,
            }
        })
        .collect();
    Ok(Coverage {
        period,
        period_label: period.label(),
        uncovered: rows.iter().filter(|r| r.entries == 0).count() as u32,
        levels,
        rows,
    })
}
