//! Training requirements: what the board expects each role to keep up, and the rules a
//! requirement must meet to be saved.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::board::validate::required_text;
use crate::board::FrameworkRole;
use crate::codes::coded;
use crate::compliance::repo as requirements;
use crate::error::{CoreError, Result};
use crate::store::entity::Entity;
use crate::store::{self, history, Store};

coded!(
    /// How a requirement is met.
    RequirementKind, "requirement type", {
        Hours => "hours", "Hours of learning within a rolling window";
        Renewal => "renewal", "Learning renewed every so many months";
    }
);

const ENTITY: Entity = Entity::Requirement;

/// One thing the board expects members to keep in date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Requirement {
    pub id: String,
    pub title: String,
    pub kind: RequirementKind,
    /// The roles it applies to; empty means every board member.
    pub roles: Vec<FrameworkRole>,
    /// Hours requirements: the minutes of learning needed within the window.
    pub minutes: Option<u32>,
    /// Hours requirements: the rolling window, in months (36 is three years).
    pub window_months: Option<u32>,
    /// Renewal requirements: how many months a piece of learning lasts.
    pub renew_months: Option<u32>,
    /// A record counts when its title or level contains this text (any case); empty means
    /// every training record counts.
    pub matches: String,
    /// A retired requirement is kept for history but no longer shown or assessed.
    pub retired: bool,
    pub created_at: String,
    pub updated_at: String,
}

impl Requirement {
    pub fn applies_to(&self, roles: &[FrameworkRole]) -> bool {
        self.roles.is_empty() || self.roles.iter().any(|r| roles.contains(r))
    }

    /// Whether a training record counts towards this requirement.
    pub fn counts(&self, record: &impl super::status::Learning) -> bool {
        let wanted = self.matches.trim();
        if wanted.is_empty() {
            return true;
        }
        let wanted = wanted.to_lowercase();
        record.title().to_lowercase().contains(&wanted)
            || record.level().to_lowercase().contains(&wanted)
    }

    /// How far back learning can still count towards this requirement, in months.
    pub fn lookback_months(&self) -> u32 {
        match self.kind {
            RequirementKind::Hours => self.window_months.unwrap_or(36),
            RequirementKind::Renewal => self.renew_months.unwrap_or(36),
        }
    }
}

/// A requirement as typed in the settings screen or on the command line.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RequirementInput {
    pub title: String,
    pub kind: Option<RequirementKind>,
    pub roles: Vec<FrameworkRole>,
    /// Hours requirements: hours as text, e.g. `12` or `1.5`.
    pub hours: String,
    pub window_months: String,
    pub renew_months: String,
    pub matches: String,
}

/// The requirements in force, in the order the board set.
pub fn list_requirements(store: &Store) -> Result<Vec<Requirement>> {
    Ok(requirements::list(store.conn())?
        .into_iter()
        .filter(|r| !r.retired)
        .collect())
}

pub fn add_requirement(store: &mut Store, input: &RequirementInput) -> Result<Requirement> {
    let now = crate::dates::now_utc();
    let req = validate(input, store::new_id(), now.clone(), now)?;
    let saved = store.write(|tx| {
        requirements::save(tx, &req)?;
        history::record(tx, ENTITY, &req.id, "added", &req)?;
        Ok(req)
    })?;
    tracing::info!(id = %saved.id, "requirement added");
    Ok(saved)
}

pub fn update_requirement(
    store: &mut Store,
    id: &str,
    input: &RequirementInput,
) -> Result<Requirement> {
    store.write(|tx| {
        let before = existing(tx, id)?;
        let after = Requirement {
            retired: before.retired,
            ..validate(
                input,
                before.id.clone(),
                before.created_at.clone(),
                crate::dates::now_utc(),
            )?
        };
        requirements::save(tx, &after)?;
        history::record(tx, ENTITY, id, "edited", &after)?;
        Ok(after)
    })
}

/// Stops assessing a requirement; its history stays.
pub fn retire_requirement(store: &mut Store, id: &str) -> Result<Requirement> {
    store.write(|tx| {
        let mut req = existing(tx, id)?;
        if req.retired {
            return Ok(req);
        }
        req.retired = true;
        req.updated_at = crate::dates::now_utc();
        requirements::save(tx, &req)?;
        history::record(tx, ENTITY, id, "retired", &req)?;
        Ok(req)
    })
}

/// Assesses a retired requirement again, as before it was retired (undoing a retirement).
pub fn reinstate_requirement(store: &mut Store, id: &str) -> Result<Requirement> {
    store.write(|tx| {
        let mut req = existing(tx, id)?;
        if !req.retired {
            return Ok(req);
        }
        req.retired = false;
        req.updated_at = crate::dates::now_utc();
        requirements::save(tx, &req)?;
        history::record(tx, ENTITY, id, "reinstated", &req)?;
        Ok(req)
    })
}

fn existing(conn: &rusqlite::Connection, id: &str) -> Result<Requirement> {
    requirements::get(conn, id)?.ok_or_else(|| {
        CoreError::not_found(format!(
            "No training requirement has the id '{}'.",
            crate::error::shown(id)
        ))
    })
}

fn validate(
    input: &RequirementInput,
    id: String,
    created_at: String,
    updated_at: String,
) -> Result<Requirement> {
    let title = required_text("title", "a name for the requirement", &input.title, 200)?;
    let kind = input
        .kind
        .ok_or_else(|| CoreError::validation("kind", "Choose how the requirement is met."))?;
    let months = |field: &str, label: &str, text: &str| -> Result<u32> {
        let n: u32 = text.trim().parse().map_err(|_| {
            CoreError::validation(
                field,
                format!("Enter the {label} as a whole number of months, for example 36."),
            )
        })?;
        if !(1..=120).contains(&n) {
            return Err(CoreError::validation(
                field,
                format!("The {label} must be between 1 and 120 months."),
            ));
        }
        Ok(n)
    };
    let (minutes, window_months, renew_months) = match kind {
        RequirementKind::Hours => (
            Some(crate::training::hours_to_minutes(&input.hours)?),
            Some(months(
                "windowMonths",
                "rolling window",
                &input.window_months,
            )?),
            None,
        ),
        RequirementKind::Renewal => (
            None,
            None,
            Some(months(
                "renewMonths",
                "renewal period",
                &input.renew_months,
            )?),
        ),
    };
    let mut roles = input.roles.clone();
    roles.sort();
    roles.dedup();
    Ok(Requirement {
        id,
        title,
        kind,
        roles,
        minutes,
        window_months,
        renew_months,
        matches: input.matches.trim().to_string(),
        retired: false,
        created_at,
        updated_at,
    })
}
