//! Saving, signing off and tracing the history of self-assessments. A change never overwrites:
//! every saved version stays in the record history.

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Assessment, EvidenceKind, EvidenceLink, SignOff, SIGNING_ROLES};
use crate::changes::RecordVersion;
use crate::competency::repo as competency;
use crate::error::{CoreError, Result};
use crate::store::entity::Entity;
use crate::store::search::Searchable;
use crate::store::{self, history, Store};
use crate::training::repo as training;
use crate::{board, dates, framework, settings};

const ENTITY: Entity = <super::Assessment as Searchable>::ENTITY;
const MAX_NOTE: usize = 10_000;

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EvidenceInput {
    pub kind: Option<EvidenceKind>,
    pub reference: String,
    /// For documents: how to show it; the file name when empty.
    pub title: String,
}

/// A self-assessment as typed. Saving one for an item already assessed makes a new version.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AssessmentInput {
    pub member_id: String,
    pub framework_id: String,
    pub item_id: String,
    pub rating: String,
    /// Empty means today.
    pub assessed_on: String,
    pub note: String,
    pub evidence: Vec<EvidenceInput>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SignOffInput {
    pub by_member_id: String,
    /// Empty means today.
    pub on: String,
}

pub fn save_assessment(store: &mut Store, input: &AssessmentInput) -> Result<Assessment> {
    let member = board::get_member(store, &input.member_id)?;
    let fw = framework::frameworks_for(store, &member.roles)?
        .into_iter()
        .find(|f| f.id == input.framework_id)
        .ok_or_else(|| {
            CoreError::validation(
                "frameworkId",
                format!(
                    "The framework '{}' does not apply to {}.",
                    crate::error::shown(&input.framework_id),
                    member.name
                ),
            )
        })?;
    if !fw
        .applicable_items(&member.roles)
        .iter()
        .any(|a| a.item.id == input.item_id)
    {
        return Err(CoreError::validation(
            "itemId",
            format!(
                "The item '{}' is not one of {}'s responsibilities or competencies in this framework.",
                crate::error::shown(&input.item_id), member.name
            ),
        ));
    }
    let scale = settings::get_settings(store)?.rating_scale;
    if !scale.iter().any(|l| l.code == input.rating) {
        return Err(CoreError::validation("rating", "Choose a rating."));
    }
    let assessed_on = if input.assessed_on.trim().is_empty() {
        dates::today()
    } else {
        dates::parse_date("assessedOn", "date of the assessment", &input.assessed_on)?
    };
    if assessed_on > dates::today() {
        return Err(CoreError::validation(
            "assessedOn",
            "The date of the assessment cannot be in the future.",
        ));
    }
    let note = input.note.trim().to_string();
    if note.chars().count() > MAX_NOTE {
        return Err(CoreError::validation(
            "note",
            format!("The reflective note must be {MAX_NOTE} characters or fewer."),
        ));
    }
    let evidence = input
        .evidence
        .iter()
        .map(|e| evidence_link(store, &member.id, e))
        .collect::<Result<Vec<_>>>()?;

    let saved = store.write(|tx| {
        let before = competency::find_assessment(tx, &member.id, &fw.id, &input.item_id)?;
        let now = dates::now_utc();
        let (id, created_at) = match &before {
            Some(b) => (b.id.clone(), b.created_at.clone()),
            None => (store::new_id(), now.clone()),
        };
        let after = Assessment {
            id,
            member_id: member.id.clone(),
            framework_id: fw.id.clone(),
            item_id: input.item_id.clone(),
            rating: input.rating.clone(),
            assessed_on,
            note,
            evidence,
            sign_off: None,
            created_at,
            updated_at: now,
        };
        let change = match &before {
            None => "assessed",
            Some(b) if same_content(b, &after) => return Ok(b.clone()),
            // A sign-off vouches for what was signed; a changed assessment needs signing again.
            Some(_) => "reassessed",
        };
        competency::save_assessment(tx, &after)?;
        history::record_searched(tx, &after.id, change, &after)?;
        Ok(after)
    })?;
    tracing::info!(id = %saved.id, "self-assessment saved");
    Ok(saved)
}

fn same_content(a: &Assessment, b: &Assessment) -> bool {
    a.rating == b.rating
        && a.assessed_on == b.assessed_on
        && a.note == b.note
        && a.evidence == b.evidence
}

fn evidence_link(store: &Store, member_id: &str, e: &EvidenceInput) -> Result<EvidenceLink> {
    let kind = e.kind.ok_or_else(|| {
        CoreError::validation("evidence", "Choose what kind of evidence this is.")
    })?;
    let reference = e.reference.trim().to_string();
    let title = match kind {
        EvidenceKind::Training => {
            let t = training::get(store.conn(), &reference)?
                .filter(|t| t.member_id == member_id)
                .ok_or_else(|| {
                    CoreError::validation(
                        "evidence",
                        "That training record is not one of this member's. Choose from their training.",
                    )
                })?;
            format!("{} ({})", t.title, dates::dense(t.completed_on))
        }
        EvidenceKind::Document => {
            let path = Path::new(&reference);
            if reference.is_empty() || !path.is_absolute() {
                return Err(CoreError::validation(
                    "evidence",
                    "Choose the document with Browse, or give its full path.",
                ));
            }
            let given = e.title.split_whitespace().collect::<Vec<_>>().join(" ");
            if given.is_empty() {
                path.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| reference.clone())
            } else {
                given
            }
        }
        // A challenge evidences the scrutiny of the member who raised it, not anyone else's.
        EvidenceKind::Scrutiny => {
            let entry = crate::scrutiny::repo::get_entry(store.conn(), &reference)?
                .filter(|e| e.raised_by == member_id)
                .ok_or_else(|| {
                    CoreError::validation(
                        "evidence",
                        format!(
                            "No challenge in the scrutiny log with the id '{}' was raised by \
                             this member. Choose from the challenges they raised.",
                            crate::error::shown(&reference)
                        ),
                    )
                })?;
            format!("{} ({})", entry.challenge, dates::dense(entry.raised_on))
        }
    };
    Ok(EvidenceLink {
        kind,
        reference,
        title,
    })
}

/// Records that the chair or a safeguarding lead has reviewed this version of an assessment.
pub fn sign_off_assessment(
    store: &mut Store,
    id: &str,
    input: &SignOffInput,
) -> Result<Assessment> {
    let signer = board::get_member(store, &input.by_member_id)?;
    let on = if input.on.trim().is_empty() {
        dates::today()
    } else {
        dates::parse_date("on", "date of the sign-off", &input.on)?
    };
    let saved = store.write(|tx| {
        let mut a = competency::get_assessment(tx, id)?.ok_or_else(|| {
            CoreError::not_found(format!(
                "No self-assessment has the id '{}'.",
                crate::error::shown(id)
            ))
        })?;
        if signer.id == a.member_id {
            return Err(CoreError::validation(
                "byMemberId",
                "Members cannot sign off their own self-assessment.",
            ));
        }
        if signer.end_date.is_some_and(|end| end < on)
            || !signer.roles.iter().any(|r| SIGNING_ROLES.contains(r))
        {
            return Err(CoreError::validation(
                "byMemberId",
                format!(
                    "{} cannot sign off: only the chair or a safeguarding lead on the board can.",
                    signer.name
                ),
            ));
        }
        if on < a.assessed_on || on > dates::today() {
            return Err(CoreError::validation(
                "on",
                "The sign-off date must be between the date of the assessment and today.",
            ));
        }
        a.sign_off = Some(SignOff {
            by_member_id: signer.id.clone(),
            by_name: signer.name.clone(),
            on,
        });
        a.updated_at = dates::now_utc();
        competency::save_assessment(tx, &a)?;
        history::record_searched(tx, &a.id, "signed off", &a)?;
        Ok(a)
    })?;
    tracing::info!(id, "self-assessment signed off");
    Ok(saved)
}

/// Every saved version of an assessment, oldest first.
pub fn assessment_history(store: &Store, id: &str) -> Result<Vec<RecordVersion<Assessment>>> {
    crate::changes::described(store, ENTITY, id, "Assessed", describe)
}

/// What a person would notice had changed between two versions of a self-assessment.
fn describe(a: &Assessment, b: &Assessment) -> Vec<String> {
    let mut changes = crate::changes::ChangeList::default();
    changes.field("Rating", &a.rating, &b.rating);
    changes.field(
        "Assessed on",
        &dates::dense(a.assessed_on),
        &dates::dense(b.assessed_on),
    );
    changes.field("Note", &a.note, &b.note);
    let signed = |x: &Assessment| {
        x.sign_off
            .as_ref()
            .map(|s| format!("{} on {}", s.by_name, dates::dense(s.on)))
            .unwrap_or_default()
    };
    changes.field("Signed off", &signed(a), &signed(b));
    changes.lines()
}
