//! Self-assessments against the senior-manager competency framework, from
//! `assets/demo/competency.json`: the executive lead's, most of them signed off by the chair,
//! and a few of the chair's and a non-executive's, backed by the challenges they raised.

use chrono::{Days, NaiveDate};
use serde::Deserialize;

use super::register::Board;
use super::scrutiny::Log;
use crate::competency::{self, AssessmentInput, EvidenceInput, EvidenceKind, SignOffInput};
use crate::error::{CoreError, Result};
use crate::store::Store;

const ASSESSMENTS: &str = include_str!("../../../../assets/demo/competency.json");

#[derive(Deserialize)]
struct Plan {
    framework: String,
    assessments: Vec<Planned>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Planned {
    member: String,
    item: String,
    rating: String,
    days_ago: u64,
    note: String,
    evidence: Vec<Evidence>,
    #[serde(default)]
    signed_off_by: Option<String>,
    #[serde(default)]
    signed_days_ago: u64,
}

/// A training record of the member, by title; or their most recent challenge in an area
/// (any area when empty).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
enum Evidence {
    Training(String),
    Scrutiny(String),
}

/// Saves the assessments and their sign-offs; returns how many assessments were saved.
pub(super) fn load(store: &mut Store, board: &Board, log: &Log, today: NaiveDate) -> Result<usize> {
    let plan: Plan = super::data("competency.json", ASSESSMENTS)?;
    for a in &plan.assessments {
        let member = board.member(&a.member)?;
        let assessed_on = today - Days::new(a.days_ago);
        let mut evidence = Vec::new();
        for e in &a.evidence {
            let found = match e {
                Evidence::Training(title) => board
                    .training
                    .iter()
                    .find(|t| t.member_id == member.id && &t.title == title)
                    .map(|t| (EvidenceKind::Training, t.id.clone()))
                    .ok_or_else(|| {
                        CoreError::internal(format!(
                            "the demonstration gives {} no training called {title}",
                            a.member
                        ))
                    })?,
                // A member who has raised nothing yet (the board is young) has none to cite.
                Evidence::Scrutiny(area) => {
                    let latest = |in_area: bool| {
                        log.entries
                            .iter()
                            .filter(|x| x.raised_by == member.id && x.raised_on <= assessed_on)
                            .filter(|x| !in_area || area.is_empty() || &x.area_id == area)
                            .max_by_key(|x| (x.raised_on, x.created_at.clone()))
                    };
                    match latest(true).or_else(|| latest(false)) {
                        Some(x) => (EvidenceKind::Scrutiny, x.id.clone()),
                        None => continue,
                    }
                }
            };
            evidence.push(EvidenceInput {
                kind: Some(found.0),
                reference: found.1,
                title: String::new(),
            });
        }
        let saved = competency::save_assessment(
            store,
            &AssessmentInput {
                member_id: member.id.clone(),
                framework_id: plan.framework.clone(),
                item_id: a.item.clone(),
                rating: a.rating.clone(),
                assessed_on: assessed_on.to_string(),
                note: a.note.clone(),
                evidence,
            },
        )?;
        if let Some(signer) = &a.signed_off_by {
            competency::sign_off_assessment(
                store,
                &saved.id,
                &SignOffInput {
                    by_member_id: board.member(signer)?.id.clone(),
                    on: (today - Days::new(a.signed_days_ago)).to_string(),
                },
            )?;
        }
    }
    Ok(plan.assessments.len())
}
