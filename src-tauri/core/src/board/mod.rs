//! The board register: the organisation profile and its board members.

pub mod codes;
mod history;
mod members;
mod organisation;
pub mod posts;
pub(crate) mod repo;
pub(crate) mod validate;

pub use validate::member as validate_member;

use crate::store::entity::Entity;
use crate::store::search::{SearchDocument, Searchable};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use codes::{FrameworkRole, MemberKind, Nation, OrgType};
pub use history::member_history;
pub use members::{
    add_member, end_membership, get_member, insert_member, list_members, update_member,
};
pub use organisation::{
    get_organisation, register_options, save_organisation, upsert_organisation, RegisterOptions,
};
pub use posts::{
    list_posts, post_uses, suggest_holder, tie_post, untie_post, update_post, PostBook, PostHolder,
    PostInput, PostUse,
};

/// How a name sorts in a register: surname first, honorifics and post-nominals set aside
/// ("Dr Amara Osei" as "osei amara", "Margaret Ellison OBE" as "ellison margaret").
pub fn surname_order(name: &str) -> String {
    const HONORIFICS: &[&str] = &[
        "dr",
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "prof",
        "professor",
        "sir",
        "dame",
        "lord",
        "lady",
        "rev",
        "revd",
        "cllr",
    ];
    let words: Vec<&str> = name.split_whitespace().collect();
    let plain = |w: &&str| -> String {
        w.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let start = words
        .iter()
        .take_while(|w| HONORIFICS.contains(&plain(w).as_str()))
        .count();
    // Post-nominals are written in capitals ("OBE", "MBE", "RN"); a surname is not.
    let end = words.len()
        - words[start..]
            .iter()
            .rev()
            .take_while(|w| w.len() > 1 && w.chars().all(|c| c.is_ascii_uppercase()))
            .count();
    let core = if start < end {
        &words[start..end]
    } else {
        &words[..]
    };
    match core.split_last() {
        Some((surname, forenames)) => {
            let mut key = plain(surname);
            for f in forenames {
                key.push(' ');
                key.push_str(&plain(f));
            }
            key
        }
        None => String::new(),
    }
}

/// The body whose board this database records.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Organisation {
    pub id: String,
    pub name: String,
    pub nation: Nation,
    pub org_type: OrgType,
    pub created_at: String,
    pub updated_at: String,
}

/// The organisation profile as typed in a form or on the command line.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OrganisationInput {
    pub name: String,
    pub nation: Nation,
    pub org_type: OrgType,
}

/// A person's membership of the board. Ending it keeps the record; nothing is deleted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Member {
    pub id: String,
    pub name: String,
    pub kind: MemberKind,
    pub roles: Vec<FrameworkRole>,
    pub job_title: String,
    /// ISO 8601 date.
    pub start_date: NaiveDate,
    /// ISO 8601 date; absent while the membership continues.
    pub end_date: Option<NaiveDate>,
    pub committees: Vec<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// A member as typed in a form or on the command line: dates are text in British or ISO form
/// and are checked by the core, so every mistake comes back tied to its field.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MemberInput {
    pub name: String,
    pub kind: Option<MemberKind>,
    pub roles: Vec<FrameworkRole>,
    pub job_title: String,
    pub start_date: String,
    /// Empty while the membership continues.
    pub end_date: String,
    pub committees: Vec<String>,
}

/// Which memberships a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum MemberFilter {
    /// Members sitting on the board today, and those appointed to start later.
    #[default]
    Current,
    /// Members whose membership has ended.
    Ended,
    All,
}

impl Searchable for Member {
    const ENTITY: Entity = Entity::Member;
    fn search_document(&self) -> SearchDocument {
        SearchDocument::new(&self.name, &[&self.job_title], Some(self.start_date))
    }
}

#[cfg(test)]
mod tests;
