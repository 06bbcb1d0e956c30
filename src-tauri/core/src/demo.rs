//! The demonstration board: a realistic English NHS trust, so every screen has something true
//! to show before a user types their own board in. The data lives in `assets/demo/`.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use chrono::Days;

use crate::board::repo::members;
use crate::board::repo::organisation;
use crate::board::{self, MemberInput, Organisation, OrganisationInput};
use crate::error::{CoreError, Result};
use crate::store::{self, history, Store};
use crate::training::repo as training;
use crate::training::{LearningType, TrainingInput};

const DEMO_BOARD: &str = include_str!("../../../assets/demo/demo-board.json");

#[derive(Deserialize)]
struct DemoBoard {
    organisation: OrganisationInput,
    members: Vec<MemberInput>,
    training: Vec<DemoTraining>,
}

/// A training record of the demonstration board, dated relative to the day it is loaded so the
/// matrix always shows a realistic mix: in date, due soon, expired and not met.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct DemoTraining {
    member: String,
    title: String,
    provider: String,
    days_ago: u64,
    hours: String,
    learning_type: LearningType,
    level: String,
    certificate_ref: String,
}

/// What loading the demonstration board did.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DemoSummary {
    pub organisation: Organisation,
    pub members_added: usize,
    pub training_added: usize,
}

/// Loads the demonstration board into an empty database, all of it or none of it.
pub fn load_demo(store: &mut Store) -> Result<DemoSummary> {
    let demo: DemoBoard = serde_json::from_str(DEMO_BOARD)
        .map_err(|e| CoreError::internal(format!("The demonstration data is unreadable: {e}")))?;
    let summary = store.write(|tx| {
        if members::count(tx)? > 0 || organisation::get(tx)?.is_some() {
            return Err(CoreError::conflict(
                "This database already holds a board register, so the demonstration board was not loaded. Use a new database file for the demonstration.",
            ));
        }
        let organisation = board::upsert_organisation(tx, &demo.organisation)?;
        let mut added = Vec::new();
        for input in &demo.members {
            added.push(board::insert_member(tx, board::validate_member(input)?)?);
        }
        let today = crate::dates::today();
        for t in &demo.training {
            let member = added.iter().find(|m| m.name == t.member).ok_or_else(|| {
                CoreError::internal(format!("demonstration training names no member: {}", t.member))
            })?;
            let completed = today - Days::new(t.days_ago);
            let input = TrainingInput {
                member_id: member.id.clone(),
                title: t.title.clone(),
                provider: t.provider.clone(),
                completed_on: completed.to_string(),
                hours: t.hours.clone(),
                learning_type: Some(t.learning_type),
                level: t.level.clone(),
                certificate_ref: t.certificate_ref.clone(),
                expires_on: String::new(),
            };
            let now = crate::dates::now_utc();
            let record = crate::training::validate_record(&input, store::new_id(), now)?;
            training::save(tx, &record)?;
            history::record_searched(tx, &record.id, "added", &record)?;
        }
        Ok(DemoSummary {
            organisation,
            members_added: demo.members.len(),
            training_added: demo.training.len(),
        })
    })?;
    tracing::info!(
        members = summary.members_added,
        "demonstration board loaded"
    );
    Ok(summary)
}
