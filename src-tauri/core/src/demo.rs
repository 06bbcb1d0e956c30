//! The demonstration board: a realistic English NHS trust, so every screen has something true
//! to show before a user types their own board in. The data lives in `assets/demo/`.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::board::{self, MemberInput, Organisation, OrganisationInput};
use crate::error::{CoreError, Result};
use crate::store::{members, organisation, Store};

const DEMO_BOARD: &str = include_str!("../../../assets/demo/demo-board.json");

#[derive(Deserialize)]
struct DemoBoard {
    organisation: OrganisationInput,
    members: Vec<MemberInput>,
}

/// What loading the demonstration board did.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DemoSummary {
    pub organisation: Organisation,
    pub members_added: usize,
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
        for input in &demo.members {
            board::insert_member(tx, board::validate_member(input)?)?;
        }
        Ok(DemoSummary {
            organisation,
            members_added: demo.members.len(),
        })
    })?;
    tracing::info!(
        members = summary.members_added,
        "demonstration board loaded"
    );
    Ok(summary)
}
