//! Board compliance: each current member's status against each training requirement, with
//! the date it next changes, for the matrix, the member's training page and CSV export.

mod export;
pub(crate) mod repo;
mod requirements;
mod status;

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

pub use export::{matrix_csv, write_matrix_csv};
pub use requirements::{
    add_requirement, list_requirements, reinstate_requirement, retire_requirement,
    update_requirement, Requirement, RequirementInput, RequirementKind,
};
pub use status::{anniversary, assess, hours, Cell, Learning, LearningDates, Status};

use crate::board::{self, FrameworkRole, MemberFilter};
use crate::error::Result;
use crate::store::Store;
use crate::training::repo as training;

/// One member's row of the matrix.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ComplianceRow {
    pub member_id: String,
    pub name: String,
    pub roles: Vec<FrameworkRole>,
    /// One cell per requirement, in the order of `ComplianceMatrix::requirements`.
    pub cells: Vec<Cell>,
}

/// How many members are in each status for one requirement: the chart's data.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RequirementTotals {
    pub requirement_id: String,
    pub in_date: u32,
    pub due_soon: u32,
    pub expired: u32,
    pub not_met: u32,
    pub not_required: u32,
}

/// The whole board against every requirement on one day.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ComplianceMatrix {
    pub on: NaiveDate,
    pub due_soon_days: u32,
    pub requirements: Vec<Requirement>,
    pub rows: Vec<ComplianceRow>,
    pub totals: Vec<RequirementTotals>,
}

/// The matrix for current members on `on`; with `role`, only members who hold it.
pub fn matrix(
    store: &Store,
    on: NaiveDate,
    role: Option<FrameworkRole>,
) -> Result<ComplianceMatrix> {
    let requirements = list_requirements(store)?;
    let due_soon_days = crate::settings::get_settings(store)?.due_soon_days;
    let lookback = requirements
        .iter()
        .map(Requirement::lookback_months)
        .max()
        .unwrap_or(36);
    // A day's margin either side of the window costs nothing and spares any boundary doubt.
    let since = on
        .checked_sub_months(chrono::Months::new(lookback))
        .and_then(|d| d.pred_opt())
        .unwrap_or(NaiveDate::MIN);
    let mut rows = Vec::new();
    let mut recents = Vec::new();
    for member in board::list_members(store, MemberFilter::Current)? {
        if role.is_some_and(|r| !member.roles.contains(&r)) {
            continue;
        }
        // Only learning recent enough to count is read.
        let recent = training::learning_between(store.conn(), &member.id, since, on)?;
        let cells: Vec<Cell> = requirements
            .iter()
            .map(|req| assess(req, &member.roles, &recent, on, due_soon_days))
            .collect();
        rows.push(ComplianceRow {
            member_id: member.id,
            name: member.name,
            roles: member.roles,
            cells,
        });
        recents.push(recent);
    }
    // Where a renewal then shows as expired or not met, matching learning from before the
    // window is read too, so the date it lapsed is the true one: for the whole board at once
    // through the trigram index when the phrase allows, else member by member.
    for (i, req) in requirements.iter().enumerate() {
        let lapsed: Vec<usize> = (0..rows.len())
            .filter(|&r| {
                req.kind == RequirementKind::Renewal
                    && matches!(rows[r].cells[i].status, Status::Expired | Status::NotMet)
            })
            .collect();
        if lapsed.is_empty() {
            continue;
        }
        let mut board_wide =
            training::learning_matching_by_member(store.conn(), &req.matches, since)?;
        for r in lapsed {
            let row = &mut rows[r];
            let before = match board_wide.as_mut() {
                Some(found) => found.remove(&row.member_id).unwrap_or_default(),
                None => {
                    training::learning_matching(store.conn(), &row.member_id, &req.matches, since)?
                }
            };
            let history: Vec<_> = recents[r].iter().cloned().chain(before).collect();
            row.cells[i] = assess(req, &row.roles, &history, on, due_soon_days);
        }
    }
    let totals = requirements
        .iter()
        .enumerate()
        .map(|(i, req)| {
            let mut t = RequirementTotals {
                requirement_id: req.id.clone(),
                ..Default::default()
            };
            for row in &rows {
                *match row.cells[i].status {
                    Status::InDate => &mut t.in_date,
                    Status::DueSoon => &mut t.due_soon,
                    Status::Expired => &mut t.expired,
                    Status::NotMet => &mut t.not_met,
                    Status::NotRequired => &mut t.not_required,
                } += 1;
            }
            t
        })
        .collect();
    Ok(ComplianceMatrix {
        on,
        due_soon_days,
        requirements,
        rows,
        totals,
    })
}

/// One member's status against each requirement today.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MemberCompliance {
    pub requirements: Vec<Requirement>,
    pub cells: Vec<Cell>,
}

pub fn member_compliance(
    store: &Store,
    member_id: &str,
    on: NaiveDate,
) -> Result<MemberCompliance> {
    let member = board::get_member(store, member_id)?;
    let requirements = list_requirements(store)?;
    let due_soon_days = crate::settings::get_settings(store)?.due_soon_days;
    let records = training::list_for_member(store.conn(), member_id)?;
    let cells = requirements
        .iter()
        .map(|req| assess(req, &member.roles, &records, on, due_soon_days))
        .collect();
    Ok(MemberCompliance {
        requirements,
        cells,
    })
}

#[cfg(test)]
mod tests;
