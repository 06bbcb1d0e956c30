//! An editable scale: an ordered list of levels a board words for itself (the competency rating
//! scale, the assurance scale). Each level keeps a stable code, stored on every record rated
//! with it, and a label people read; one set of rules checks any scale before it is saved.

use std::ops::RangeInclusive;

use crate::error::{CoreError, Result};

/// A level of an editable scale.
pub trait Level: Sized {
    fn code(&self) -> &str;
    fn label(&self) -> &str;
    /// The same level under a tidied code and label, with its own fields tidied; `None` when a
    /// field of its own that must be filled in is empty.
    fn tidied(&self, code: String, label: String) -> Option<Self>;
}

/// What a scale allows and how its problems are put.
pub struct Rules {
    /// The input field problems are tied to.
    pub field: &'static str,
    pub sizes: RangeInclusive<usize>,
    /// Said when the scale has too few or too many levels.
    pub wrong_size: &'static str,
    /// Said when a level lacks its label (or another required field).
    pub incomplete: &'static str,
    /// How the scale is named when a level appears twice: "The rating scale".
    pub name: &'static str,
}

/// The levels tidied (spaces collapsed, a missing code made from the label), or the first
/// problem: a wrong number of levels, an empty one, or one that appears twice.
pub fn validate<L: Level>(levels: &[L], rules: &Rules) -> Result<Vec<L>> {
    if !rules.sizes.contains(&levels.len()) {
        return Err(CoreError::validation(rules.field, rules.wrong_size));
    }
    let mut out: Vec<L> = Vec::new();
    for l in levels {
        let label = l.label().split_whitespace().collect::<Vec<_>>().join(" ");
        let code = if l.code().trim().is_empty() {
            crate::codes::slug(&label)
        } else {
            l.code().trim().to_string()
        };
        let tidied = (!label.is_empty())
            .then(|| l.tidied(code.clone(), label.clone()))
            .flatten()
            .ok_or_else(|| CoreError::validation(rules.field, rules.incomplete))?;
        if out
            .iter()
            .any(|o| o.code() == code || o.label().eq_ignore_ascii_case(&label))
        {
            return Err(CoreError::validation(
                rules.field,
                format!(
                    "{} has '{label}' twice; each level must be different.",
                    rules.name
                ),
            ));
        }
        out.push(tidied);
    }
    Ok(out)
}
