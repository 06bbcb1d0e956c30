//! Competency frameworks as data. The senior-manager framework ships in `assets/frameworks/`,
//! word for word from its source document, each item with a stable id and its source section;
//! other frameworks load from files of the same shape.

mod library;
pub(crate) mod repo;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::board::FrameworkRole;
use crate::error::{CoreError, ErrorKind, Result};

pub use library::{
    all_frameworks, frameworks_for, get_framework, import_framework, import_framework_text,
    list_frameworks, set_applies_to, AppliesTo, FrameworkSummary,
};

const SENIOR_MANAGER_CHILDREN: &str =
    include_str!("../../../../assets/frameworks/senior-manager-children.json");

/// The id of the framework shipped with the app, which applies to every board member unless
/// the board decides otherwise.
pub const SHIPPED_ID: &str = "senior-manager-children";

/// The newest framework file format this build reads.
pub const FORMAT_VERSION: u32 = 1;

/// Where an item comes from: the document and the section within it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Source {
    pub document: String,
    pub section: String,
}

/// One piece of framework text. `id` never changes once shipped: assessments refer to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Item {
    pub id: String,
    pub text: String,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NationTitle {
    pub id: String,
    pub nation: crate::board::Nation,
    pub text: String,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct JobRoles {
    pub introduction: Item,
    pub categories: Vec<Item>,
    pub nation_titles: Vec<NationTitle>,
}

/// A senior system leadership role: its purpose and key responsibilities.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Role {
    pub code: FrameworkRole,
    /// The title as the document gives it.
    pub title: String,
    pub purpose: Item,
    pub responsibilities_heading: String,
    pub responsibilities: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CoreCompetencies {
    /// The sentence that introduces the list ("Health care staff at this level should:").
    pub stem: String,
    pub applies_to: String,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Voice {
    pub id: String,
    pub text: String,
    pub attribution: String,
    pub source: Source,
}

/// A change made to the source's text or structure, recorded so it can be checked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Note {
    pub item_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DocumentRef {
    pub document: String,
    pub title: String,
}

/// A whole framework, as shipped or imported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Framework {
    pub format_version: u32,
    pub id: String,
    pub title: String,
    pub description: String,
    pub source: DocumentRef,
    pub expectation: Item,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expectation_restated: Option<Item>,
    pub job_roles: JobRoles,
    #[serde(default)]
    pub overview: Vec<Item>,
    pub roles: Vec<Role>,
    pub core_competencies: CoreCompetencies,
    #[serde(default)]
    pub voices: Vec<Voice>,
    /// Repairs of extraction damage, each described.
    #[serde(default)]
    pub corrections: Vec<Note>,
    /// Places where the source itself is incomplete; the text is kept as published.
    #[serde(default)]
    pub source_gaps: Vec<Note>,
    /// Lines of the source that are not the framework's words (such as a web page's image
    /// captions) and so are not shipped, each with why.
    #[serde(default)]
    pub omitted: Vec<Omission>,
}

/// A line of the source left out of the framework, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Omission {
    pub text: String,
    pub note: String,
}

/// Whether an applicable item is a role's responsibility or a competency for everyone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum ItemKind {
    Responsibility,
    CoreCompetency,
}

/// A framework item that applies to a board member, and why.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ApplicableItem {
    pub kind: ItemKind,
    /// The role that brings this item, or `None` for a core competency.
    pub role: Option<FrameworkRole>,
    pub item: Item,
}

/// The senior-manager framework shipped with the app.
pub fn senior_manager_children() -> Framework {
    parse(SENIOR_MANAGER_CHILDREN).expect("the shipped framework is valid (checked by tests)")
}

/// Reads a framework file, refusing one that is malformed, newer than this build, or has
/// duplicate ids.
pub fn parse(json: &str) -> Result<Framework> {
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| {
        CoreError::validation(
            "file",
            format!("This framework file is not valid JSON ({e})."),
        )
    })?;
    let version = value
        .get("formatVersion")
        .and_then(|v| v.as_u64())
        .unwrap_or(0);
    if version > u64::from(FORMAT_VERSION) {
        return Err(CoreError::new(
            ErrorKind::TooNew,
            format!("This framework file uses format {version}; this version of the app reads up to format {FORMAT_VERSION}. Install the newer version to use it."),
        ));
    }
    let framework: Framework = serde_json::from_value(value).map_err(|e| {
        CoreError::validation(
            "file",
            format!("This framework file is not in the expected shape: {e}."),
        )
    })?;
    let mut ids: Vec<&str> = framework.all_items().map(|i| i.id.as_str()).collect();
    let count = ids.len();
    ids.sort_unstable();
    ids.dedup();
    if ids.len() != count {
        return Err(CoreError::validation(
            "file",
            "Two items in this framework file share an id; every id must be unique.",
        ));
    }
    Ok(framework)
}

impl Framework {
    /// Every item of text with an id, in document order.
    pub fn all_items(&self) -> impl Iterator<Item = &Item> {
        std::iter::once(&self.expectation)
            .chain(self.expectation_restated.iter())
            .chain(std::iter::once(&self.job_roles.introduction))
            .chain(self.job_roles.categories.iter())
            .chain(self.overview.iter())
            .chain(
                self.roles
                    .iter()
                    .flat_map(|r| std::iter::once(&r.purpose).chain(r.responsibilities.iter())),
            )
            .chain(self.core_competencies.items.iter())
    }

    /// What a member holding `roles` must meet: each role's key responsibilities, then the
    /// core competencies, which apply to everyone at this level.
    pub fn applicable_items(&self, roles: &[FrameworkRole]) -> Vec<ApplicableItem> {
        let mut out = Vec::new();
        for role in self.roles.iter().filter(|r| roles.contains(&r.code)) {
            for item in &role.responsibilities {
                // A responsibility shared by two of the member's roles is listed once.
                if !out
                    .iter()
                    .any(|a: &ApplicableItem| a.item.text == item.text)
                {
                    out.push(ApplicableItem {
                        kind: ItemKind::Responsibility,
                        role: Some(role.code),
                        item: item.clone(),
                    });
                }
            }
        }
        out.extend(
            self.core_competencies
                .items
                .iter()
                .map(|item| ApplicableItem {
                    kind: ItemKind::CoreCompetency,
                    role: None,
                    item: item.clone(),
                }),
        );
        out
    }
}

#[cfg(test)]
mod tests;
