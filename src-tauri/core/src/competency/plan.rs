//! A member's personal development plan: learning they intend to do to close their gaps.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{PlanStatus, PlannedLearning};
use crate::board::validate::required_text;
use crate::competency::repo as competency;
use crate::error::{CoreError, Result};
use crate::store::{self, history, Store};
use crate::{board, dates};

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PlanInput {
    pub member_id: String,
    pub title: String,
    /// The framework item it addresses, or empty.
    pub item_id: String,
    /// Empty when there is no target date.
    pub target_date: String,
    /// Planned when not given.
    pub status: Option<PlanStatus>,
}

pub fn add_plan(store: &mut Store, input: &PlanInput) -> Result<PlannedLearning> {
    board::get_member(store, &input.member_id)?;
    let now = dates::now_utc();
    let plan = valid(input, store::new_id(), now.clone(), now)?;
    store.write(|tx| {
        competency::save_plan(tx, &plan)?;
        history::record_searched(tx, &plan.id, "planned", &plan)?;
        Ok(plan)
    })
}

pub fn update_plan(store: &mut Store, id: &str, input: &PlanInput) -> Result<PlannedLearning> {
    store.write(|tx| {
        let before = competency::get_plan(tx, id)?.ok_or_else(|| {
            CoreError::not_found(format!(
                "No planned learning has the id '{}'.",
                crate::error::shown(id)
            ))
        })?;
        let after = valid(
            &PlanInput {
                member_id: before.member_id.clone(),
                ..input.clone()
            },
            before.id.clone(),
            before.created_at.clone(),
            dates::now_utc(),
        )?;
        competency::save_plan(tx, &after)?;
        history::record_searched(tx, id, "edited", &after)?;
        Ok(after)
    })
}

fn valid(
    input: &PlanInput,
    id: String,
    created_at: String,
    updated_at: String,
) -> Result<PlannedLearning> {
    Ok(PlannedLearning {
        id,
        member_id: input.member_id.clone(),
        title: required_text("title", "what you plan to learn", &input.title, 200)?,
        item_id: item_id(&input.item_id)?,
        target_date: dates::parse_optional_date("targetDate", "target date", &input.target_date)?,
        status: input.status.unwrap_or(PlanStatus::Planned),
        created_at,
        updated_at,
    })
}

/// A framework item's id, or empty; ids are short codes such as `smc.core.1`.
fn item_id(input: &str) -> Result<String> {
    let id = input.trim();
    if id.chars().count() > 100 || id.chars().any(char::is_whitespace) {
        return Err(CoreError::validation(
            "itemId",
            "Choose the framework item from the list, or none.",
        ));
    }
    Ok(id.to_string())
}
