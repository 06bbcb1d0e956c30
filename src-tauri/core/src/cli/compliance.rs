//! `boardassure compliance` and `boardassure requirements …`: where the board stands against
//! its training requirements, and what those requirements are.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::{line, print_json};
use crate::board::FrameworkRole;
use crate::compliance::{self, RequirementInput, RequirementKind};
use crate::dates;
use crate::error::Result;
use crate::store::Store;

#[derive(Debug, Args)]
pub struct ComplianceArgs {
    /// Only members holding this role
    #[arg(long, value_name = "ROLE")]
    role: Option<String>,
    /// The day to assess [default: today]
    #[arg(long, value_name = "DATE")]
    on: Option<String>,
    /// Print the matrix as JSON
    #[arg(long, conflicts_with = "csv")]
    json: bool,
    /// Write the matrix to this CSV file instead of printing it
    #[arg(long, value_name = "FILE")]
    csv: Option<PathBuf>,
}

pub fn run(store: &Store, args: ComplianceArgs, out: &mut impl Write) -> Result<()> {
    let role = args
        .role
        .map(|r| FrameworkRole::parse("role", &r))
        .transpose()?;
    let on = match args.on {
        Some(text) => dates::parse_date("on", "date", &text)?,
        None => dates::today(),
    };
    let m = compliance::matrix(store, on, role)?;
    if let Some(path) = args.csv {
        compliance::write_matrix_csv(&m, &path)?;
        return line(
            out,
            format!("Wrote the compliance matrix to {}.", path.display()),
        );
    }
    if args.json {
        return print_json(out, &m);
    }
    line(out, format!("Training compliance on {}", dates::dense(on)))?;
    for row in &m.rows {
        line(out, format!("\n{}", row.name))?;
        for (req, cell) in m.requirements.iter().zip(&row.cells) {
            line(
                out,
                format!(
                    "  {:<14} {}: {}",
                    cell.status.label(),
                    req.title,
                    cell.detail
                ),
            )?;
        }
    }
    Ok(())
}

#[derive(Debug, Subcommand)]
pub enum RequirementsCommand {
    /// The training requirements in force
    List {
        #[arg(long)]
        json: bool,
    },
    /// Add a requirement
    Add {
        #[arg(long)]
        title: String,
        /// hours (hours within a rolling window) or renewal (renewed every N months)
        #[arg(long)]
        kind: String,
        /// Hours: the hours of learning needed
        #[arg(long, default_value = "")]
        hours: String,
        /// Hours: the rolling window in months
        #[arg(long, value_name = "MONTHS", default_value = "36")]
        window_months: String,
        /// Renewal: how many months learning lasts
        #[arg(long, value_name = "MONTHS", default_value = "")]
        renew_months: String,
        /// Only holders of this role; repeatable [default: everyone]
        #[arg(long = "role", value_name = "ROLE")]
        roles: Vec<String>,
        /// Count only records whose title or level contains this text
        #[arg(long, default_value = "")]
        matches: String,
    },
    /// Stop assessing a requirement (its history is kept)
    Retire { id: String },
    /// Assess a retired requirement again
    Reinstate { id: String },
}

pub fn run_requirements(
    store: &mut Store,
    command: RequirementsCommand,
    out: &mut impl Write,
) -> Result<()> {
    match command {
        RequirementsCommand::List { json } => {
            let list = compliance::list_requirements(store)?;
            if json {
                return print_json(out, &list);
            }
            for r in list {
                let what = match r.kind {
                    RequirementKind::Hours => format!(
                        "{} hours within {} months",
                        compliance::hours(r.minutes.unwrap_or(0)),
                        r.window_months.unwrap_or(0)
                    ),
                    RequirementKind::Renewal => {
                        format!("renewed every {} months", r.renew_months.unwrap_or(0))
                    }
                };
                let who = if r.roles.is_empty() {
                    "everyone".to_string()
                } else {
                    r.roles
                        .iter()
                        .map(|x| x.label())
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                line(out, format!("{}  {}: {what}; {who}", r.id, r.title))?;
            }
            Ok(())
        }
        RequirementsCommand::Add {
            title,
            kind,
            hours,
            window_months,
            renew_months,
            roles,
            matches,
        } => {
            let input = RequirementInput {
                title,
                kind: Some(RequirementKind::parse("kind", &kind)?),
                roles: roles
                    .iter()
                    .map(|r| FrameworkRole::parse("roles", r))
                    .collect::<Result<_>>()?,
                hours,
                window_months,
                renew_months,
                matches,
            };
            let r = compliance::add_requirement(store, &input)?;
            line(
                out,
                format!("Added the requirement {} (id {}).", r.title, r.id),
            )
        }
        RequirementsCommand::Retire { id } => {
            let r = compliance::retire_requirement(store, &id)?;
            line(out, format!("Retired {}; its history is kept.", r.title))
        }
        RequirementsCommand::Reinstate { id } => {
            let r = compliance::reinstate_requirement(store, &id)?;
            line(out, format!("{} is assessed again.", r.title))
        }
    }
}
