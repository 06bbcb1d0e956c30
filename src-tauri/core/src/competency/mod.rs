//! "My competency": a member's self-assessment against every framework item that applies to
//! them, with evidence and sign-off, the gaps that remain, and their development plan.

mod assessments;
mod plan;
pub(crate) mod repo;

use crate::store::entity::Entity;
use crate::store::search::{SearchDocument, Searchable};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use assessments::{
    assessment_history, save_assessment, sign_off_assessment, AssessmentInput, EvidenceInput,
    SignOffInput,
};
pub use plan::{add_plan, update_plan, PlanInput};

use crate::board::{self, FrameworkRole, Member, MemberFilter};
use crate::codes::coded;
use crate::competency::repo as competency;
use crate::error::Result;
use crate::framework::{self, ItemKind};
use crate::settings::{self, RatingLevel};
use crate::store::Store;
use crate::training::repo as training;
use crate::training::TrainingRecord;

coded!(
    /// What a piece of evidence is.
    EvidenceKind, "evidence type", {
        Training => "training", "Training record";
        Document => "document", "Document";
        Scrutiny => "scrutiny", "Scrutiny log entry";
    }
);

coded!(
    /// Where a piece of planned learning stands.
    PlanStatus, "plan status", {
        Planned => "planned", "Planned";
        Booked => "booked", "Booked";
        Done => "done", "Done";
        Dropped => "dropped", "Dropped";
    }
);

/// What a self-assessment rests on. `reference` is a training record id, a document's path,
/// or a scrutiny-log entry id; `title` is how it is shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct EvidenceLink {
    pub kind: EvidenceKind,
    pub reference: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SignOff {
    pub by_member_id: String,
    pub by_name: String,
    pub on: NaiveDate,
}

/// A member's current self-assessment of one framework item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Assessment {
    pub id: String,
    pub member_id: String,
    pub framework_id: String,
    pub item_id: String,
    /// A code from the rating scale.
    pub rating: String,
    pub assessed_on: NaiveDate,
    /// The reflective note.
    pub note: String,
    pub evidence: Vec<EvidenceLink>,
    pub sign_off: Option<SignOff>,
    pub created_at: String,
    pub updated_at: String,
}

/// One piece of learning a member plans to do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PlannedLearning {
    pub id: String,
    pub member_id: String,
    pub title: String,
    /// The framework item it addresses, or empty.
    pub item_id: String,
    pub target_date: Option<NaiveDate>,
    pub status: PlanStatus,
    pub created_at: String,
    pub updated_at: String,
}

/// A framework item that applies to the member, with their assessment of it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CompetencyItem {
    pub framework_id: String,
    pub framework_title: String,
    pub kind: ItemKind,
    /// The role that brings this item, or `None` for a core competency.
    pub role: Option<FrameworkRole>,
    pub item: framework::Item,
    pub assessment: Option<Assessment>,
    /// Not yet assessed, or rated below a level that meets the item.
    pub gap: bool,
}

#[derive(Debug, Clone, Default, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CompetencySummary {
    pub items: u32,
    pub assessed: u32,
    pub meeting: u32,
    pub signed_off: u32,
}

/// Someone who may sign off a self-assessment.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Signer {
    pub member_id: String,
    pub name: String,
}

/// Everything the "My competency" screen shows for one member.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MemberCompetency {
    pub member: Member,
    pub scale: Vec<RatingLevel>,
    pub items: Vec<CompetencyItem>,
    pub summary: CompetencySummary,
    pub plan: Vec<PlannedLearning>,
    /// The member's training, to choose as evidence.
    pub training: Vec<TrainingRecord>,
    /// Who may sign off this member's assessments.
    pub signers: Vec<Signer>,
    /// The challenges this member raised, to choose as evidence (most recent first).
    pub scrutiny: Vec<ScrutinyEvidence>,
}

/// A challenge the member raised, offered as evidence for their scrutiny responsibilities.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ScrutinyEvidence {
    pub entry_id: String,
    pub raised_on: NaiveDate,
    pub challenge: String,
}

/// The roles whose holders may sign off another member's self-assessment: the chair and the
/// executive and non-executive safeguarding leads.
pub const SIGNING_ROLES: &[FrameworkRole] = &[
    FrameworkRole::Chair,
    FrameworkRole::ExecutiveLead,
    FrameworkRole::NonExecutiveLead,
];

pub fn member_competency(store: &Store, member_id: &str) -> Result<MemberCompetency> {
    let member = board::get_member(store, member_id)?;
    let scale = settings::get_settings(store)?.rating_scale;
    let items = assessed_items(store, &member, &scale)?;
    let summary = summarise(&items);
    let (from, to) = crate::periods::ALL_TIME;
    let scrutiny = crate::scrutiny::repo::entries_between(store.conn(), from, to)?
        .into_iter()
        .filter(|e| e.raised_by == member_id)
        .map(|e| ScrutinyEvidence {
            entry_id: e.id,
            raised_on: e.raised_on,
            challenge: e.challenge,
        })
        .collect();
    Ok(MemberCompetency {
        scrutiny,
        signers: signers_for(store, member_id)?,
        plan: competency::plan_for_member(store.conn(), member_id)?,
        training: training::list_for_member(store.conn(), member_id)?,
        member,
        scale,
        items,
        summary,
    })
}

/// The items that apply to a member and how far they have assessed them: what the board
/// paper reports, without the rest of the competency page.
pub fn competency_coverage(
    store: &Store,
    member: &Member,
) -> Result<(Vec<CompetencyItem>, CompetencySummary)> {
    let scale = settings::get_settings(store)?.rating_scale;
    let items = assessed_items(store, member, &scale)?;
    let summary = summarise(&items);
    Ok((items, summary))
}

fn assessed_items(
    store: &Store,
    member: &Member,
    scale: &[RatingLevel],
) -> Result<Vec<CompetencyItem>> {
    let assessments = competency::assessments_for_member(store.conn(), &member.id)?;
    let mut items = Vec::new();
    for fw in framework::frameworks_for(store, &member.roles)? {
        for applicable in fw.applicable_items(&member.roles) {
            let assessment = assessments
                .iter()
                .find(|a| a.framework_id == fw.id && a.item_id == applicable.item.id)
                .cloned();
            let meets = assessment
                .as_ref()
                .is_some_and(|a| scale.iter().any(|l| l.code == a.rating && l.meets));
            items.push(CompetencyItem {
                framework_id: fw.id.clone(),
                framework_title: fw.title.clone(),
                kind: applicable.kind,
                role: applicable.role,
                item: applicable.item,
                assessment,
                gap: !meets,
            });
        }
    }
    Ok(items)
}

fn summarise(items: &[CompetencyItem]) -> CompetencySummary {
    CompetencySummary {
        items: items.len() as u32,
        assessed: items.iter().filter(|i| i.assessment.is_some()).count() as u32,
        meeting: items.iter().filter(|i| !i.gap).count() as u32,
        signed_off: items
            .iter()
            .filter(|i| i.assessment.as_ref().is_some_and(|a| a.sign_off.is_some()))
            .count() as u32,
    }
}

fn signers_for(store: &Store, member_id: &str) -> Result<Vec<Signer>> {
    Ok(board::list_members(store, MemberFilter::Current)?
        .into_iter()
        .filter(|m| m.id != member_id && m.roles.iter().any(|r| SIGNING_ROLES.contains(r)))
        .map(|m| Signer {
            member_id: m.id,
            name: m.name,
        })
        .collect())
}

impl Searchable for Assessment {
    const ENTITY: Entity = Entity::Assessment;
    fn search_document(&self) -> SearchDocument {
        SearchDocument::new(&self.item_id, &[&self.note], Some(self.assessed_on))
    }
}

impl Searchable for PlannedLearning {
    const ENTITY: Entity = Entity::PlannedLearning;
    fn search_document(&self) -> SearchDocument {
        SearchDocument::new(&self.title, &[], self.target_date)
    }
}

#[cfg(test)]
mod tests;
