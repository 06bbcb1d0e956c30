//! Training records: the safeguarding learning each board member has completed, with its
//! hours and, where it must be renewed, its expiry. Every change is kept as history.

pub mod import;
pub(crate) mod repo;
mod validate;

pub use import::{import_training_csv, ImportReport, RejectedRow};
pub use validate::hours_to_minutes;

use crate::store::search::{SearchDocument, Searchable};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::changes::RecordVersion;
use crate::codes::{coded, Choice};
use crate::dates;
use crate::error::{CoreError, Result};
use crate::store::entity::Entity;
use crate::store::{self, history, Store};
use crate::training::repo as training;

coded!(
    /// How a piece of learning was done.
    LearningType, "learning type", {
        ELearning => "e-learning", "E-learning";
        FaceToFace => "face-to-face", "Face-to-face";
        BoardDevelopmentSession => "board-development-session", "Board development session";
        ReflectiveAccount => "reflective-account", "Reflective account";
        CaseReviewLearning => "case-review-learning", "Case-review learning";
        SupervisionOrPeerDiscussion => "supervision-or-peer-discussion", "Supervision or peer discussion";
        Conference => "conference", "Conference";
        MultiAgencyTraining => "multi-agency-training", "Multi-agency training";
    }
);

const ENTITY: Entity = <TrainingRecord as Searchable>::ENTITY;

/// One completed piece of learning.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TrainingRecord {
    pub id: String,
    pub member_id: String,
    pub title: String,
    pub provider: String,
    /// ISO 8601 date.
    pub completed_on: NaiveDate,
    /// Whole minutes of learning (hours × 60), so totals are exact.
    pub minutes: u32,
    pub learning_type: LearningType,
    /// For example "Level 5" or "Board level".
    pub level: String,
    pub certificate_ref: String,
    /// ISO 8601 date after which the learning must be renewed, if it must.
    pub expires_on: Option<NaiveDate>,
    pub created_at: String,
    pub updated_at: String,
}

/// A training record as typed: dates in British or ISO form, hours as text such as `1.5`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TrainingInput {
    pub member_id: String,
    pub title: String,
    pub provider: String,
    pub completed_on: String,
    pub hours: String,
    pub learning_type: Option<LearningType>,
    pub level: String,
    pub certificate_ref: String,
    /// Empty when the learning does not expire.
    pub expires_on: String,
}

pub fn learning_types() -> Vec<Choice<LearningType>> {
    LearningType::choices()
}

/// A member's training, most recent first.
pub fn list_training(store: &Store, member_id: &str) -> Result<Vec<TrainingRecord>> {
    crate::board::get_member(store, member_id)?;
    training::list_for_member(store.conn(), member_id)
}

/// Every member's training, most recent first.
pub fn list_all_training(store: &Store) -> Result<Vec<TrainingRecord>> {
    training::list_all(store.conn())
}

pub fn add_training(store: &mut Store, input: &TrainingInput) -> Result<TrainingRecord> {
    let valid = validate::training(input)?;
    crate::board::get_member(store, &valid.member_id)?;
    let record = store.write(|tx| {
        let now = dates::now_utc();
        let record = valid.into_record(store::new_id(), now.clone(), now);
        training::save(tx, &record)?;
        history::record_searched(tx, &record.id, "added", &record)?;
        Ok(record)
    })?;
    tracing::info!(id = %record.id, "training record added");
    Ok(record)
}

pub fn update_training(
    store: &mut Store,
    id: &str,
    input: &TrainingInput,
) -> Result<TrainingRecord> {
    let valid = validate::training(input)?;
    let record = store.write(|tx| {
        let before = training::get(tx, id)?.ok_or_else(|| {
            CoreError::not_found(format!("No training record has the id '{}'.", crate::error::shown(id)))
        })?;
        if before.member_id != valid.member_id {
            return Err(CoreError::validation(
                "memberId",
                "A training record stays with the member it was recorded for; add a new record for someone else.",
            ));
        }
        let after = valid.into_record(before.id.clone(), before.created_at.clone(), dates::now_utc());
        if same_content(&before, &after) {
            return Ok(before);
        }
        training::save(tx, &after)?;
        history::record_searched(tx, id, "edited", &after)?;
        Ok(after)
    })?;
    tracing::info!(id, "training record edited");
    Ok(record)
}

/// Every saved version of a training record, oldest first.
pub fn training_history(store: &Store, id: &str) -> Result<Vec<RecordVersion<TrainingRecord>>> {
    training::get(store.conn(), id)?.ok_or_else(|| {
        CoreError::not_found(format!(
            "No training record has the id '{}'.",
            crate::error::shown(id)
        ))
    })?;
    crate::changes::described(store, ENTITY, id, "Recorded", describe)
}

fn describe(a: &TrainingRecord, b: &TrainingRecord) -> Vec<String> {
    let mut out = crate::changes::ChangeList::default();
    let expiry = |t: &TrainingRecord| t.expires_on.map(dates::dense).unwrap_or_default();
    out.field("Title", &a.title, &b.title);
    out.field("Provider", &a.provider, &b.provider);
    out.field(
        "Completed",
        &dates::dense(a.completed_on),
        &dates::dense(b.completed_on),
    );
    out.field(
        "Hours",
        &crate::compliance::hours(a.minutes),
        &crate::compliance::hours(b.minutes),
    );
    out.field(
        "Learning type",
        a.learning_type.label(),
        b.learning_type.label(),
    );
    out.field("Level", &a.level, &b.level);
    out.field("Certificate", &a.certificate_ref, &b.certificate_ref);
    out.field("Expires", &expiry(a), &expiry(b));
    out.lines()
}

fn same_content(a: &TrainingRecord, b: &TrainingRecord) -> bool {
    let strip = |t: &TrainingRecord| TrainingRecord {
        updated_at: String::new(),
        ..t.clone()
    };
    strip(a) == strip(b)
}

impl Searchable for TrainingRecord {
    const ENTITY: Entity = Entity::Training;
    fn search_document(&self) -> SearchDocument {
        SearchDocument::new(
            &self.title,
            &[&self.provider, &self.level, &self.certificate_ref],
            Some(self.completed_on),
        )
    }
}

#[cfg(test)]
mod tests;
