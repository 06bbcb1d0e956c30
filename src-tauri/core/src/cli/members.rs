//! `boardassure members …`: the board register.

use std::io::Write;

use clap::{Args, Subcommand};

use super::{line, print_json};
use crate::board::{self, FrameworkRole, Member, MemberFilter, MemberInput, MemberKind};
use crate::dates;
use crate::error::Result;
use crate::store::Store;

#[derive(Debug, Subcommand)]
pub enum MembersCommand {
    /// List board members (current ones unless told otherwise)
    List {
        /// Print JSON (an array of members) instead of a table
        #[arg(long)]
        json: bool,
        /// Which memberships to list
        #[arg(long, value_enum, default_value_t = FilterArg::Current)]
        show: FilterArg,
    },
    /// Add a board member
    Add {
        #[command(flatten)]
        fields: MemberFields,
        /// Print the new member as JSON
        #[arg(long)]
        json: bool,
    },
    /// Change a member's details; fields not given stay as they are
    Edit {
        /// The member's id (see `members list`)
        id: String,
        #[command(flatten)]
        fields: MemberFields,
        /// Print the member as JSON
        #[arg(long)]
        json: bool,
    },
    /// End a membership on a date; the member stays in the register's history
    End {
        /// The member's id (see `members list`)
        id: String,
        /// The last day of the membership
        #[arg(long, value_name = "DATE")]
        on: String,
    },
    /// Every saved version of a member's record
    History {
        id: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum FilterArg {
    Current,
    Ended,
    All,
}

#[derive(Debug, Args)]
pub struct MemberFields {
    /// Full name, e.g. "Priya Raman"
    #[arg(long)]
    name: Option<String>,
    /// executive or non-executive
    #[arg(long, value_name = "KIND")]
    kind: Option<String>,
    /// A framework role, repeatable: chair, chief-executive, chief-executive-officer,
    /// executive-lead, lead-executive-officer, non-executive-lead, responsible-officer
    #[arg(long = "role", value_name = "ROLE")]
    roles: Vec<String>,
    /// Remove every framework role (with `edit`)
    #[arg(long, conflicts_with = "roles")]
    no_roles: bool,
    /// Job title, e.g. "Chief Nurse"
    #[arg(long)]
    job_title: Option<String>,
    /// First day on the board
    #[arg(long, value_name = "DATE")]
    start: Option<String>,
    /// Last day on the board; "" clears it (with `edit`)
    #[arg(long, value_name = "DATE")]
    end: Option<String>,
    /// A committee the member sits on, repeatable
    #[arg(long = "committee", value_name = "NAME")]
    committees: Vec<String>,
    /// Remove every committee (with `edit`)
    #[arg(long, conflicts_with = "committees")]
    no_committees: bool,
}

pub fn run(store: &mut Store, command: MembersCommand, out: &mut impl Write) -> Result<()> {
    match command {
        MembersCommand::List { json, show } => {
            let filter = match show {
                FilterArg::Current => MemberFilter::Current,
                FilterArg::Ended => MemberFilter::Ended,
                FilterArg::All => MemberFilter::All,
            };
            let list = board::list_members(store, filter)?;
            if json {
                print_json(out, &list)?;
            } else {
                print_table(out, &list)?;
            }
        }
        MembersCommand::Add { fields, json } => {
            let input = fields.apply(MemberInput::default())?;
            let m = board::add_member(store, &input)?;
            if json {
                print_json(out, &m)?;
            } else {
                line(
                    out,
                    format!("Added {} to the register (id {}).", m.name, m.id),
                )?;
            }
        }
        MembersCommand::Edit { id, fields, json } => {
            let current = board::get_member(store, &id)?;
            let input = fields.apply(input_from(&current))?;
            let m = board::update_member(store, &id, &input)?;
            if json {
                print_json(out, &m)?;
            } else {
                line(out, format!("Saved changes to {}.", m.name))?;
            }
        }
        MembersCommand::End { id, on } => {
            let m = board::end_membership(store, &id, &on)?;
            let end = m.end_date.map(dates::prose).unwrap_or_default();
            line(out, format!("{}'s membership ends on {end}.", m.name))?;
        }
        MembersCommand::History { id, json } => {
            let versions = board::member_history(store, &id)?;
            super::print_history(out, json, &versions, |v| {
                (&v.recorded_at, &v.change, &v.changed_by, &v.changes)
            })?;
        }
    }
    Ok(())
}

impl MemberFields {
    /// Overlays the flags given on `base`, parsing codes with clear messages.
    fn apply(self, mut base: MemberInput) -> Result<MemberInput> {
        if let Some(v) = self.name {
            base.name = v;
        }
        if let Some(v) = self.kind {
            base.kind = Some(MemberKind::parse("kind", &v)?);
        }
        if self.no_roles {
            base.roles.clear();
        } else if !self.roles.is_empty() {
            base.roles = self
                .roles
                .iter()
                .map(|r| FrameworkRole::parse("roles", r))
                .collect::<Result<_>>()?;
        }
        if let Some(v) = self.job_title {
            base.job_title = v;
        }
        if let Some(v) = self.start {
            base.start_date = v;
        }
        if let Some(v) = self.end {
            base.end_date = v;
        }
        if self.no_committees {
            base.committees.clear();
        } else if !self.committees.is_empty() {
            base.committees = self.committees;
        }
        Ok(base)
    }
}

fn input_from(m: &Member) -> MemberInput {
    MemberInput {
        name: m.name.clone(),
        kind: Some(m.kind),
        roles: m.roles.clone(),
        job_title: m.job_title.clone(),
        start_date: m.start_date.to_string(),
        end_date: m.end_date.map(|d| d.to_string()).unwrap_or_default(),
        committees: m.committees.clone(),
    }
}

fn print_table(out: &mut impl Write, list: &[Member]) -> Result<()> {
    if list.is_empty() {
        return line(out, "No board members to show.".into());
    }
    let rows: Vec<[String; 6]> = list
        .iter()
        .map(|m| {
            [
                m.name.clone(),
                m.kind.label().to_string(),
                m.job_title.clone(),
                dates::dense(m.start_date),
                m.end_date.map(dates::dense).unwrap_or_else(|| "–".into()),
                m.id.clone(),
            ]
        })
        .collect();
    let header = ["Name", "Type", "Job title", "Start", "End", "Id"];
    let mut widths = header.map(|h| h.chars().count());
    for r in &rows {
        for (w, cell) in widths.iter_mut().zip(r) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let fmt_row = |cells: [&str; 6]| {
        cells
            .iter()
            .zip(widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    line(out, fmt_row(header))?;
    for r in &rows {
        line(out, fmt_row([&r[0], &r[1], &r[2], &r[3], &r[4], &r[5]]))?;
    }
    Ok(())
}
