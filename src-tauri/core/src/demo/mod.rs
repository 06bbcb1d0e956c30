//! The demonstration board: a realistic English NHS trust with a year of board life, so every
//! screen has something true to show before a user types their own board in. The data lives in
//! `assets/demo/`; everything is dated relative to the day it is loaded, and the same day always
//! gives the same board.
//!
//! Each part is saved through its domain's own functions (the ones the window's commands call),
//! so it is checked and given its history exactly as if a secretary had typed it, and all of it
//! in one transaction: the demonstration loads whole, or not at all.

mod competency;
mod meetings;
mod papers;
mod posts;
mod register;
mod scrutiny;
mod sequence;

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::board::{self, Organisation};
use crate::error::{CoreError, Result};
use crate::store::Store;

/// What loading the demonstration board did.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DemoSummary {
    pub organisation: Organisation,
    pub members_added: usize,
    pub training_added: usize,
    /// Board and committee meetings, held and coming up.
    pub meetings_added: usize,
    /// Challenges in the scrutiny log.
    pub challenges_added: usize,
    /// Follow-up actions on those challenges.
    pub actions_added: usize,
    /// Self-assessments against the competency framework.
    pub assessments_added: usize,
}

/// Loads the demonstration board into an empty database, all of it or none of it, dated
/// relative to today.
pub fn load_demo(store: &mut Store) -> Result<DemoSummary> {
    load_demo_on(store, crate::dates::today())
}

/// Loads the demonstration board as if today were `today` (which may not be later than the
/// real today: nothing is logged in the future).
pub fn load_demo_on(store: &mut Store, today: NaiveDate) -> Result<DemoSummary> {
    let summary = store.write_together(|store| {
        refuse_unless_empty(store)?;
        let board = register::load(store, today)?;
        posts::tie(store, &board)?;
        let meetings = meetings::load(store, &board, today)?;
        let log = scrutiny::load(store, &board, &meetings, today)?;
        let assessments = competency::load(store, &board, &log, today)?;
        papers::load(store, &board, &meetings, &log, today)?;
        Ok(DemoSummary {
            organisation: board.organisation.clone(),
            members_added: board.members.len(),
            training_added: board.training.len(),
            meetings_added: meetings.len(),
            challenges_added: log.entries.len(),
            actions_added: log.actions,
            assessments_added: assessments,
        })
    })?;
    tracing::info!(
        members = summary.members_added,
        meetings = summary.meetings_added,
        challenges = summary.challenges_added,
        "demonstration board loaded"
    );
    Ok(summary)
}

/// The demonstration board's register alone: the organisation, its members, their training and
/// the posts they hold, with no meetings, log or assessments (to try importing a log of one's
/// own against a board, and for tests that need an empty log).
pub fn load_demo_register(store: &mut Store) -> Result<DemoSummary> {
    store.write_together(|store| {
        refuse_unless_empty(store)?;
        let board = register::load(store, crate::dates::today())?;
        posts::tie(store, &board)?;
        Ok(DemoSummary {
            organisation: board.organisation.clone(),
            members_added: board.members.len(),
            training_added: board.training.len(),
            meetings_added: 0,
            challenges_added: 0,
            actions_added: 0,
            assessments_added: 0,
        })
    })
}

fn refuse_unless_empty(store: &Store) -> Result<()> {
    let held = !board::list_members(store, board::MemberFilter::All)?.is_empty()
        || board::get_organisation(store)?.is_some()
        || crate::scrutiny::repo::earliest_date(store.conn())?.is_some();
    if held {
        return Err(CoreError::conflict(
            "This database already holds a board register, so the demonstration board was not loaded. Use a new database file for the demonstration.",
        ));
    }
    Ok(())
}

/// Reads one of the demonstration's data files, shipped with the app.
fn data<T: serde::de::DeserializeOwned>(name: &str, json: &str) -> Result<T> {
    serde_json::from_str(json).map_err(|e| {
        CoreError::internal(format!(
            "The demonstration data ({name}) is unreadable: {e}"
        ))
    })
}

#[cfg(test)]
mod tests;
