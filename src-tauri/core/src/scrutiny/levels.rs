//! The assurance-level scale: what a director took from an answer. Configurable; by default
//! Substantial, Reasonable, Limited and No assurance, each with a one-line definition.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, ErrorKind, Result};
use crate::scrutiny::repo as scrutiny;
use crate::store::entity::Entity;
use crate::store::{history, settings, Store};

const SETTING: &str = "assurance_levels";

/// One level, strongest first. `code` is stored with each entry and never changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AssuranceLevel {
    pub code: String,
    pub label: String,
    pub definition: String,
}

impl crate::scale::Level for AssuranceLevel {
    fn code(&self) -> &str {
        &self.code
    }
    fn label(&self) -> &str {
        &self.label
    }
    fn tidied(&self, code: String, label: String) -> Option<Self> {
        let definition = self.definition.trim().to_string();
        (!definition.is_empty()).then_some(AssuranceLevel {
            code,
            label,
            definition,
        })
    }
}

pub fn default_levels() -> Vec<AssuranceLevel> {
    let level = |code: &str, label: &str, definition: &str| AssuranceLevel {
        code: code.into(),
        label: label.into(),
        definition: definition.into(),
    };
    vec![
        level("substantial", "Substantial", "The arrangements are sound and the evidence shows them working well; only minor improvement is needed."),
        level("reasonable", "Reasonable", "The arrangements are largely sound; some weaknesses need action but do not put children or adults at significant risk."),
        level("limited", "Limited", "Significant weaknesses in the arrangements or the evidence; action is needed to reduce risk."),
        level("none", "No assurance", "The arrangements are not working or there is no evidence that they are; urgent action and escalation are needed."),
    ]
}

pub fn assurance_levels(store: &Store) -> Result<Vec<AssuranceLevel>> {
    Ok(settings::get(store.conn(), SETTING)?.unwrap_or_else(default_levels))
}

/// Saves a new scale: two to six levels, each with a label and a definition; a level that
/// entries use cannot be removed (reword it instead).
pub fn save_assurance_levels(
    store: &mut Store,
    levels: &[AssuranceLevel],
) -> Result<Vec<AssuranceLevel>> {
    let out = crate::scale::validate(
        levels,
        &crate::scale::Rules {
            field: "assuranceLevels",
            sizes: 2..=6,
            wrong_size: "An assurance scale needs between two and six levels.",
            incomplete: "Every assurance level needs a label and a one-line definition.",
            name: "The scale",
        },
    )?;
    // Named as the board last saw it, since the level is gone from the scale being saved.
    let before = assurance_levels(store)?;
    store.write(|tx| {
        if let Some(code) = scrutiny::levels_in_use(tx)?
            .into_iter()
            .find(|c| !out.iter().any(|l| &l.code == c))
        {
            let name = before
                .iter()
                .find(|l| l.code == code)
                .map_or(code.as_str(), |l| l.label.as_str());
            return Err(CoreError::new(
                ErrorKind::InUse,
                format!("The assurance level '{name}' is used by scrutiny entries, so it cannot be removed. Reword it instead."),
            ));
        }
        settings::set(tx, SETTING, &out)?;
        history::record(tx, Entity::Settings, SETTING, "edited", &out)
    })?;
    Ok(out)
}
