//! The headless command line: the same binary as the window, for scripts and tests.
//!
//! Exit codes: 0 success; 1 a user error, with a one-line message on stderr; 2 a usage error
//! (reported by clap).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use serde::Serialize;

use crate::board::{
    self, FrameworkRole, Member, MemberFilter, MemberInput, MemberKind, Nation, OrgType,
    OrganisationInput,
};
use crate::error::{CoreError, Result};
use crate::framework::{self, Framework};
use crate::store::Store;
use crate::{dates, demo, paths, training};

#[derive(Debug, Parser)]
#[command(
    name = "boardassure",
    version,
    about = "Safeguarding Board Assurance: the board's safeguarding register, scrutiny and assurance record.",
    long_about = "Safeguarding Board Assurance: the board's safeguarding register, scrutiny and assurance record.\n\nWith no command, opens the app's window. With a command, works headless on the same database.",
    after_help = "Dates may be written 06/08/2026 or 2026-08-06. Add --json to a listing for stable, machine-readable output."
)]
pub struct Cli {
    /// The database file to use [default: the per-user data folder]
    #[arg(long, global = true, value_name = "PATH", env = paths::DB_ENV)]
    pub db: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// Reads the process arguments; prints help, the version or a usage error and exits
    /// (0 or 2) when that is what they ask for.
    pub fn from_args() -> Cli {
        Cli::parse()
    }

    pub fn db_path(&self) -> PathBuf {
        self.db.clone().unwrap_or_else(paths::default_db_path)
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load the demonstration board (an English NHS trust) into an empty database
    Demo,
    /// The board members: list, add, edit, end a membership, see history
    #[command(subcommand, arg_required_else_help = true)]
    Members(MembersCommand),
    /// The organisation profile
    #[command(subcommand, arg_required_else_help = true)]
    Org(OrgCommand),
    /// Board members' training records
    #[command(subcommand, arg_required_else_help = true)]
    Training(TrainingCommand),
    /// The competency framework in use
    #[command(subcommand, arg_required_else_help = true)]
    Framework(FrameworkCommand),
    /// Check the database's integrity and schema version (exit 0 healthy, 1 not)
    Check {
        #[arg(long)]
        json: bool,
    },
}

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

#[derive(Debug, Subcommand)]
pub enum TrainingCommand {
    /// A member's training records, most recent first
    List {
        /// The member's id (see `members list`)
        #[arg(long)]
        member: String,
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

#[derive(Debug, Subcommand)]
pub enum FrameworkCommand {
    /// Print the framework: roles, key responsibilities and core competencies, with item ids
    Show {
        /// Print the whole framework as JSON (the shape of a framework file)
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum OrgCommand {
    /// Show the organisation profile
    Show {
        #[arg(long)]
        json: bool,
    },
    /// Create or change the organisation profile
    Set {
        #[arg(long)]
        name: String,
        /// england, scotland, wales or northern-ireland
        #[arg(long)]
        nation: String,
        /// icb, nhs-trust, health-board, hsc-trust or third-sector-or-independent
        #[arg(long = "type", value_name = "TYPE")]
        org_type: String,
    },
}

/// Runs one command against the database at `db`, printing results to stdout and a one-line
/// message to stderr on failure.
pub fn run(db: PathBuf, command: Command) -> ExitCode {
    crate::logging::init_cli();
    let mut out = std::io::stdout().lock();
    match execute(db, command, &mut out) {
        Ok(healthy) => {
            if healthy {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "boardassure: {}", e.message);
            ExitCode::from(1)
        }
    }
}

/// Returns `Ok(false)` for a command that ran but found a problem (an unhealthy `check`).
fn execute(db: PathBuf, command: Command, out: &mut impl Write) -> Result<bool> {
    if let Command::Check { json } = command {
        return check(db, json, out);
    }
    if let Command::Framework(FrameworkCommand::Show { json }) = command {
        show_framework(&framework::senior_manager_children(), json, out)?;
        return Ok(true);
    }
    let mut store = Store::open(&db)?;
    match command {
        Command::Demo => {
            let s = demo::load_demo(&mut store)?;
            line(
                out,
                format!(
                    "Loaded the demonstration board: {}, {} members.",
                    s.organisation.name, s.members_added
                ),
            )?;
        }
        Command::Members(m) => members(&mut store, m, out)?,
        Command::Training(t) => training_command(&mut store, t, out)?,
        Command::Org(OrgCommand::Show { json }) => match board::get_organisation(&store)? {
            Some(o) if json => print_json(out, &o)?,
            Some(o) => line(
                out,
                format!(
                    "{}\nNation: {}\nType: {}",
                    o.name,
                    o.nation.label(),
                    o.org_type.label()
                ),
            )?,
            None if json => print_json(out, &serde_json::Value::Null)?,
            None => line(
                out,
                "No organisation profile yet. Set one with `boardassure org set`.".into(),
            )?,
        },
        Command::Org(OrgCommand::Set {
            name,
            nation,
            org_type,
        }) => {
            let input = OrganisationInput {
                name,
                nation: Nation::parse("nation", &nation)?,
                org_type: OrgType::parse("orgType", &org_type)?,
            };
            let o = board::save_organisation(&mut store, &input)?;
            line(
                out,
                format!("Saved the organisation profile for {}.", o.name),
            )?;
        }
        Command::Check { .. } | Command::Framework(_) => unreachable!("handled above"),
    }
    Ok(true)
}

fn members(store: &mut Store, command: MembersCommand, out: &mut impl Write) -> Result<()> {
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
            let entries = board::member_history(store, &id)?;
            if json {
                print_json(out, &entries)?;
            } else {
                for e in entries {
                    line(
                        out,
                        format!("{}  {}: {}", e.recorded_at, e.change, e.changes.join("; ")),
                    )?;
                }
            }
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

fn check(db: PathBuf, json: bool, out: &mut impl Write) -> Result<bool> {
    if !db.exists() {
        return Err(CoreError::not_found(format!(
            "There is no database at {}. Give the right path with --db.",
            db.display()
        )));
    }
    let store = Store::open(&db)?;
    let report = store.health()?;
    if json {
        print_json(out, &report)?;
    } else {
        line(
            out,
            format!(
                "{}\nSchema version: {} (this app: {})\nIntegrity: {}\n{}",
                report.path,
                report.schema_version,
                report.app_schema_version,
                report.integrity,
                if report.healthy {
                    "Healthy."
                } else {
                    "NOT healthy."
                }
            ),
        )?;
    }
    Ok(report.healthy)
}

fn training_command(
    store: &mut Store,
    command: TrainingCommand,
    out: &mut impl Write,
) -> Result<()> {
    match command {
        TrainingCommand::List { member, json } => {
            let list = training::list_training(store, &member)?;
            if json {
                return print_json(out, &list);
            }
            if list.is_empty() {
                return line(out, "No training recorded for this member.".into());
            }
            for t in list {
                let expiry = t
                    .expires_on
                    .map(|d| format!(", expires {}", dates::dense(d)))
                    .unwrap_or_default();
                line(
                    out,
                    format!(
                        "{}  {} ({}, {}, {} h{})  [{}]",
                        dates::dense(t.completed_on),
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
    }
    Ok(())
}

/// Minutes as hours for people: 90 → "1.5", 120 → "2".
fn hours_text(minutes: u32) -> String {
    let text = format!("{:.2}", f64::from(minutes) / 60.0);
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn show_framework(fw: &Framework, json: bool, out: &mut impl Write) -> Result<()> {
    if json {
        return print_json(out, fw);
    }
    line(
        out,
        format!(
            "{}\nSource: {} ({})\n",
            fw.title, fw.source.title, fw.source.document
        ),
    )?;
    line(out, format!("{}\n", fw.expectation.text))?;
    for role in &fw.roles {
        line(
            out,
            format!(
                "{}\n  {}\n  {}:",
                role.title, role.purpose.text, role.responsibilities_heading
            ),
        )?;
        for item in &role.responsibilities {
            line(out, format!("    • {}  [{}]", item.text, item.id))?;
        }
        line(out, String::new())?;
    }
    let core = &fw.core_competencies;
    line(
        out,
        format!("Core competencies ({})\n  {}", core.applies_to, core.stem),
    )?;
    for item in &core.items {
        line(out, format!("    • {}  [{}]", item.text, item.id))?;
    }
    Ok(())
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

fn print_json(out: &mut impl Write, value: &impl Serialize) -> Result<()> {
    let text = serde_json::to_string_pretty(value).expect("records serialise to JSON");
    line(out, text)
}

fn line(out: &mut impl Write, text: String) -> Result<()> {
    writeln!(out, "{text}").map_err(CoreError::from)
}
