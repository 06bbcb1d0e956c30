//! `boardassure competency …`: self-assessment against the frameworks.

use std::io::Write;

use clap::Subcommand;

use super::{line, print_json};
use crate::competency::{self, AssessmentInput, EvidenceInput, EvidenceKind, SignOffInput};
use crate::error::Result;
use crate::store::Store;
use crate::{dates, framework};

#[derive(Debug, Subcommand)]
pub enum CompetencyCommand {
    /// A member's framework items with their ratings, evidence and gaps
    Show {
        /// The member's id (see `members list`)
        #[arg(long)]
        member: String,
        #[arg(long)]
        json: bool,
    },
    /// Record a self-assessment of one item; a new version if it was assessed before
    Assess {
        #[arg(long)]
        member: String,
        /// The item's id (see `competency show`)
        #[arg(long)]
        item: String,
        /// The framework the item belongs to
        #[arg(long, default_value = framework::SHIPPED_ID)]
        framework: String,
        /// A rating code: by default not-yet-started, developing, competent, confident-to-lead
        #[arg(long)]
        rating: String,
        /// The reflective note
        #[arg(long, default_value = "")]
        note: String,
        /// The date of the assessment [default: today]
        #[arg(long, value_name = "DATE", default_value = "")]
        on: String,
        /// A training record id as evidence; repeatable
        #[arg(long = "evidence-training", value_name = "ID")]
        training: Vec<String>,
        /// A document's full path as evidence; repeatable
        #[arg(long = "evidence-document", value_name = "PATH")]
        documents: Vec<String>,
        /// The id of a challenge in the scrutiny log that the member raised; repeatable
        #[arg(long = "evidence-scrutiny", value_name = "ID")]
        challenges: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// Sign off a self-assessment (the chair or a safeguarding lead)
    SignOff {
        /// The assessment's id
        id: String,
        /// The member signing off
        #[arg(long)]
        by: String,
        #[arg(long, value_name = "DATE", default_value = "")]
        on: String,
    },
}

pub fn run(store: &mut Store, command: CompetencyCommand, out: &mut impl Write) -> Result<()> {
    match command {
        CompetencyCommand::Show { member, json } => {
            let mc = competency::member_competency(store, &member)?;
            if json {
                return print_json(out, &mc);
            }
            line(
                out,
                format!(
                    "{}: {} items, {} assessed, {} met, {} signed off",
                    mc.member.name,
                    mc.summary.items,
                    mc.summary.assessed,
                    mc.summary.meeting,
                    mc.summary.signed_off
                ),
            )?;
            for i in &mc.items {
                let rating = i
                    .assessment
                    .as_ref()
                    .map(|a| {
                        let label = mc
                            .scale
                            .iter()
                            .find(|l| l.code == a.rating)
                            .map_or(a.rating.as_str(), |l| l.label.as_str());
                        format!("{label} ({})", dates::dense(a.assessed_on))
                    })
                    .unwrap_or_else(|| "Not assessed".into());
                let gap = if i.gap { "  GAP" } else { "" };
                line(
                    out,
                    format!("  [{}] {}{gap}\n      {}", i.item.id, rating, i.item.text),
                )?;
            }
            Ok(())
        }
        CompetencyCommand::Assess {
            member,
            item,
            framework,
            rating,
            note,
            on,
            training,
            documents,
            challenges,
            json,
        } => {
            let evidence = training
                .into_iter()
                .map(|id| (EvidenceKind::Training, id))
                .chain(documents.into_iter().map(|p| (EvidenceKind::Document, p)))
                .chain(
                    challenges
                        .into_iter()
                        .map(|id| (EvidenceKind::Scrutiny, id)),
                )
                .map(|(kind, reference)| EvidenceInput {
                    kind: Some(kind),
                    reference,
                    title: String::new(),
                })
                .collect();
            let a = competency::save_assessment(
                store,
                &AssessmentInput {
                    member_id: member,
                    framework_id: framework,
                    item_id: item,
                    rating,
                    assessed_on: on,
                    note,
                    evidence,
                },
            )?;
            if json {
                return print_json(out, &a);
            }
            line(
                out,
                format!("Saved the self-assessment of {} (id {}).", a.item_id, a.id),
            )
        }
        CompetencyCommand::SignOff { id, by, on } => {
            let a = competency::sign_off_assessment(
                store,
                &id,
                &SignOffInput {
                    by_member_id: by,
                    on,
                },
            )?;
            let s = a.sign_off.expect("just signed off");
            line(
                out,
                format!("Signed off by {} on {}.", s.by_name, dates::prose(s.on)),
            )
        }
    }
}
