//! `boardassure training …`: training records, one by one or imported from CSV.

use std::io::Write;

use clap::Subcommand;

use super::{line, print_json};
use crate::compliance::hours as hours_text;
use crate::dates;
use crate::error::Result;
use crate::import::ImportKind;
use crate::store::Store;
use crate::training;

#[derive(Debug, Subcommand)]
pub enum TrainingCommand {
    /// Training records, most recent first: one member's, or every member's
    List {
        /// Only this member's records (their id, from `members list`)
        #[arg(long)]
        member: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Import records from a CSV file with the fields Name, Course, Provider, Completed,
    /// Hours, Learning type, Level, Expires, Certificate (any order, any case; common other
    /// column names are recognised, and --column says which column is which)
    #[command(
        after_help = "All-or-nothing: if any row is bad, nothing is imported and every bad row is listed with its line number and all its problems (exit 1). A name or learning type the app cannot place is listed once with its row count; map it with --map. Rows already recorded are skipped, so importing a file twice adds nothing."
    )]
    Import {
        #[command(flatten)]
        args: super::imports::ImportArgs,
    },
    /// Every version of a training record: when, by whom, what changed
    History {
        /// The record's id (see `training list --json`)
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Record a completed piece of training
    Add {
        /// The member's id (see `members list`)
        #[arg(long)]
        member: String,
        #[arg(long)]
        title: String,
        #[arg(long)]
        provider: String,
        /// The date it was completed
        #[arg(long, value_name = "DATE")]
        completed: String,
        /// How long it took, e.g. 1.5 or 1:30
        #[arg(long)]
        hours: String,
        /// e-learning, face-to-face, board-development-session, reflective-account,
        /// case-review-learning, supervision-or-peer-discussion, conference, multi-agency-training
        #[arg(long = "type", value_name = "TYPE")]
        learning_type: String,
        /// e.g. "Level 5" or "Board level"
        #[arg(long)]
        level: String,
        #[arg(long, default_value = "")]
        certificate: String,
        /// When it must be renewed, if it must
        #[arg(long, value_name = "DATE", default_value = "")]
        expires: String,
        #[arg(long)]
        json: bool,
    },
}

/// Returns `Ok(false)` when bad rows stopped an import.
pub fn run(store: &mut Store, command: TrainingCommand, out: &mut impl Write) -> Result<bool> {
    match command {
        TrainingCommand::List { member, json } => {
            let list = match member {
                Some(id) => training::list_training(store, &id)?,
                None => training::list_all_training(store)?,
            };
            if json {
                print_json(out, &list)?;
                return Ok(true);
            }
            if list.is_empty() {
                line(out, "No training recorded.".into())?;
                return Ok(true);
            }
            let names = member_names(store)?;
            for t in list {
                let expiry = t
                    .expires_on
                    .map(|d| format!(", expires {}", dates::dense(d)))
                    .unwrap_or_default();
                line(
                    out,
                    format!(
                        "{}  {}  {} ({}, {}, {} h{})  [{}]",
                        dates::dense(t.completed_on),
                        names.get(&t.member_id).map_or("?", String::as_str),
                        t.title,
                        t.provider,
                        t.learning_type.label(),
                        hours_text(t.minutes),
                        expiry,
                        t.id
                    ),
                )?;
            }
        }
        TrainingCommand::History { id, json } => {
            let versions = training::training_history(store, &id)?;
            super::print_history(out, json, &versions, |v| {
                (&v.recorded_at, &v.change, &v.changed_by, &v.changes)
            })?;
        }
        TrainingCommand::Add {
            member,
            title,
            provider,
            completed,
            hours,
            learning_type,
            level,
            certificate,
            expires,
            json,
        } => {
            let input = training::TrainingInput {
                member_id: member,
                title,
                provider,
                completed_on: completed,
                hours,
                learning_type: Some(training::LearningType::parse(
                    "learningType",
                    &learning_type,
                )?),
                level,
                certificate_ref: certificate,
                expires_on: expires,
            };
            let t = training::add_training(store, &input)?;
            if json {
                print_json(out, &t)?;
            } else {
                line(
                    out,
                    format!(
                        "Recorded {} ({} h) (id {}).",
                        t.title,
                        hours_text(t.minutes),
                        t.id
                    ),
                )?;
            }
        }
        TrainingCommand::Import { args } => {
            let options = args.options(ImportKind::Training, false)?;
            let report = training::import_training_csv(store, &args.file, &options)?;
            if args.json {
                print_json(out, &report)?;
            } else {
                print_report(&report, out)?;
            }
            return Ok(super::imports::finish(&(&report).into()));
        }
    }
    Ok(true)
}

fn print_report(r: &training::ImportReport, out: &mut impl Write) -> Result<()> {
    for bad in &r.rejected {
        let who = if bad.name.is_empty() {
            String::new()
        } else {
            format!(" ({})", bad.name)
        };
        line(out, format!("Line {}{who}: {}", bad.line, bad.reason))?;
    }
    super::imports::print_mapping(out, &r.mapping)?;
    if r.imported {
        line(
            out,
            format!(
                "Imported {} of {} rows from {} ({}); {} already recorded, {} left out, {} skipped as invalid.",
                r.added,
                r.rows,
                r.file_name,
                r.encoding,
                r.already_recorded,
                r.left_out,
                r.rejected.len() as u32 + r.unknown_rows
            ),
        )
    } else if r.dry_run {
        super::imports::print_dry_run(out, &r.into())
    } else {
        Ok(())
    }
}

fn member_names(store: &Store) -> Result<std::collections::HashMap<String, String>> {
    Ok(
        crate::board::list_members(store, crate::board::MemberFilter::All)?
            .into_iter()
            .map(|m| (m.id, m.name))
            .collect(),
    )
}
