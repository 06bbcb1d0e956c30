//! The headless command line: the same binary as the window, for scripts and tests.
//!
//! Exit codes: 0 success; 1 a user error, with a one-line message on stderr; 2 a usage error
//! (reported by clap).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

mod competency;
mod compliance;
mod database;
mod exchange;
mod framework;
mod home;
mod imports;
mod members;
mod organisation;
mod papers;
mod posts;
mod scrutiny;
mod secrets;
mod training;

use clap::{Parser, Subcommand};
use serde::Serialize;

use crate::error::{CoreError, Result};
use crate::paths;
use crate::store::encryption::{self, FileKind, Passphrase};
use crate::store::Store;
use competency::CompetencyCommand;
use compliance::{ComplianceArgs, RequirementsCommand};
use framework::FrameworkCommand;
use members::MembersCommand;
use papers::{CoverCommand, PackArgs, PaperArgs};
use posts::PostsCommand;
use scrutiny::{ActionsCommand, AreasCommand, MeetingsCommand, ScrutinyCommand};
use training::TrainingCommand;

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
    /// Load the demonstration board (an English NHS trust with a year of meetings, challenges and
    /// actions) into an empty database
    Demo {
        /// Only the organisation, its members, their training and posts: no meetings or log,
        /// to try importing a log of your own against a board
        #[arg(long)]
        register_only: bool,
    },
    /// The board members: list, add, edit, end a membership, see history
    #[command(subcommand, arg_required_else_help = true)]
    Members(MembersCommand),
    /// Posts ("Chief Nurse") and the members who hold them
    #[command(subcommand, arg_required_else_help = true)]
    Posts(PostsCommand),
    /// The organisation profile
    #[command(subcommand, arg_required_else_help = true)]
    Org(OrgCommand),
    /// Board members' training records: list, add, import from CSV
    #[command(subcommand, arg_required_else_help = true)]
    Training(TrainingCommand),
    /// Every current member's status against each training requirement
    Compliance(ComplianceArgs),
    /// The training requirements the board sets
    #[command(subcommand, arg_required_else_help = true)]
    Requirements(RequirementsCommand),
    /// Self-assessment against the competency frameworks
    #[command(subcommand, arg_required_else_help = true)]
    Competency(CompetencyCommand),
    /// Board and committee meetings and their agendas
    #[command(subcommand, arg_required_else_help = true)]
    Meetings(MeetingsCommand),
    /// The challenge log: list, add, history, import an existing log from CSV
    #[command(subcommand, arg_required_else_help = true)]
    Scrutiny(ScrutinyCommand),
    /// Follow-up actions from the challenge log
    #[command(subcommand, arg_required_else_help = true)]
    Actions(ActionsCommand),
    /// Which assurance areas had scrutiny in a period, at what levels, and which had none
    Coverage {
        /// A financial year (2025/26) or quarter (2025/26-Q3)
        #[arg(long)]
        period: String,
        #[arg(long)]
        json: bool,
    },
    /// The organisation's assurance areas
    #[command(subcommand, arg_required_else_help = true)]
    Areas(AreasCommand),
    /// The competency frameworks: show, list, import, choose who each applies to
    #[command(subcommand, arg_required_else_help = true)]
    Framework(FrameworkCommand),
    /// Copy the database to a file (a consistent copy, written whole or not at all)
    Backup {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// The automatic backups kept beside the database; --keep N sets how many daily ones
    /// are kept (older ones go at the next start)
    Backups {
        #[arg(long, value_name = "N")]
        keep: Option<u32>,
        #[arg(long)]
        json: bool,
    },
    /// Encrypt a plain database in place under a new passphrase (from
    /// BOARDASSURE_NEW_PASSPHRASE or asked twice); its backups are encrypted too
    Encrypt,
    /// Change the passphrase of an encrypted database (current from BOARDASSURE_PASSPHRASE,
    /// new from BOARDASSURE_NEW_PASSPHRASE, or asked); its backups follow
    ChangePassphrase,
    /// Replace the database with a backup, after checking the backup; the replaced database
    /// is kept beside it as <db>.replaced-<time>
    Restore {
        /// The backup file
        file: PathBuf,
    },
    /// Search challenges, responses, actions, meetings, training, notes and members
    Search {
        /// Words to find (each matches the start of a word)
        text: String,
        /// challenge, action, meeting, training, assessment, plan or member; repeatable
        #[arg(long = "kind", value_name = "KIND")]
        kinds: Vec<String>,
        /// A financial year (2025/26) or quarter (2025/26-Q3)
        #[arg(long)]
        period: Option<String>,
        /// Which page of 50 results (the first is 1)
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=10))]
        page: u32,
        #[arg(long)]
        json: bool,
    },
    /// What needs the laptop's user now: the next meeting, their actions and training, items
    /// without evidence, areas not scrutinised this year, and the board-wide gaps
    Home {
        #[arg(long)]
        json: bool,
    },
    /// Write the safeguarding assurance paper for a period, as A4 PDF or accessible HTML: a
    /// summary of a few pages, with the appendices chosen by --sections
    Paper(PaperArgs),
    /// Write the board pack for a meeting: agenda, index and papers, as one PDF
    Pack(PackArgs),
    /// The paper's cover sheet and protective marking
    #[command(subcommand, arg_required_else_help = true)]
    Cover(CoverCommand),
    /// The tamper-evident audit trail
    #[command(subcommand, arg_required_else_help = true)]
    Audit(AuditCommand),
    /// Write an exchange file of a member's or the whole board's records, signed by this
    /// laptop and locked with a passphrase (from BOARDASSURE_EXCHANGE_PASSPHRASE or a prompt)
    Export(exchange::ExportArgs),
    /// Merge an exchange file from another laptop: new records added, later versions taken,
    /// conflicts listed for you to decide; all or nothing
    Import(exchange::ImportArgs),
    /// This laptop's fingerprint and the laptops whose exchange files it accepts
    Key {
        #[arg(long)]
        json: bool,
    },
    /// Write the log, actions, training or compliance matrix as CSV for Excel
    ExportCsv(exchange::ExportCsvArgs),
    /// Write every record as one JSON file (schema in the README)
    ExportJson {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Check the database's integrity and schema version (exit 0 healthy, 1 not)
    Check {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Check the hash chain over every saved version, and every record against its last
    /// recorded version (exit 0 intact, 1 not)
    Verify {
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
    if let Command::Restore { file } = &command {
        // An encrypted backup, or any backup restored over an encrypted database, needs the
        // passphrase.
        let needs_key = [file.as_path(), db.as_path()]
            .iter()
            .any(|p| encryption::file_kind(p) == FileKind::Encrypted);
        let key = if needs_key {
            Some(database_passphrase()?)
        } else {
            None
        };
        let kept = crate::store::backup::restore(&db, file, key.as_ref())?;
        let aside = kept
            .map(|k| format!(" The database it replaced is kept as {}.", k.display()))
            .unwrap_or_default();
        line(
            out,
            format!("Restored {} from {}.{aside}", db.display(), file.display()),
        )?;
        return Ok(true);
    }
    if let Command::Framework(f) = &command {
        if let Some(result) = framework::run_without_store(f, out) {
            return result.map(|()| true);
        }
    }
    let mut store = open_store(&db)?;
    match command {
        Command::Encrypt => database::encrypt(&mut store, &db, out)?,
        Command::ChangePassphrase => database::change_passphrase(&mut store, &db, out)?,
        Command::Demo { register_only } => organisation::demo(&mut store, register_only, out)?,
        Command::Members(m) => members::run(&mut store, m, out)?,
        Command::Posts(p) => posts::run(&mut store, p, out)?,
        Command::Training(t) => return training::run(&mut store, t, out),
        Command::Compliance(args) => compliance::run(&store, args, out)?,
        Command::Requirements(r) => compliance::run_requirements(&mut store, r, out)?,
        Command::Competency(c) => competency::run(&mut store, c, out)?,
        Command::Framework(f) => framework::run(&mut store, f, out)?,
        Command::Home { json } => home::home(&store, json, out)?,
        Command::Paper(args) => papers::run_paper(&store, args, out)?,
        Command::Pack(args) => papers::run_pack(&store, args, out)?,
        Command::Cover(c) => papers::run_cover(&mut store, c, out)?,
        Command::Search {
            text,
            kinds,
            period,
            page,
            json,
        } => home::search(&store, &text, &kinds, period.as_deref(), page, json, out)?,
        Command::Backups { keep, json } => database::backups(&mut store, &db, keep, json, out)?,
        Command::Backup { out: file } => database::backup(&store, &file, out)?,
        Command::Audit(AuditCommand::Verify { json }) => {
            return database::verify_audit(&store, json, out)
        }
        Command::Export(args) => exchange::export(&mut store, args, out)?,
        Command::Import(args) => return exchange::import(&mut store, args, out),
        Command::Key { json } => exchange::key(&mut store, json, out)?,
        Command::ExportCsv(args) => exchange::export_csv(&store, args, out)?,
        Command::ExportJson { out: file } => exchange::export_json(&store, &file, out)?,
        Command::Meetings(m) => scrutiny::meetings(&mut store, m, out)?,
        Command::Scrutiny(s) => return scrutiny::run(&mut store, s, out),
        Command::Actions(a) => scrutiny::actions(&mut store, a, out)?,
        Command::Coverage { period, json } => scrutiny::coverage(&store, &period, json, out)?,
        Command::Areas(a) => scrutiny::areas(&mut store, a, out)?,
        Command::Org(c) => organisation::run(&mut store, c, out)?,
        Command::Check { .. } | Command::Restore { .. } => unreachable!("handled above"),
    }
    Ok(true)
}

/// The database's passphrase, from the environment or the terminal.
pub(crate) fn database_passphrase() -> Result<Passphrase> {
    Passphrase::entered(
        "passphrase",
        secrets::passphrase(secrets::DB_PASSPHRASE_ENV, "database passphrase", false)?,
    )
}

/// Opens the database: an encrypted one with its passphrase; a new one is created encrypted
/// when a passphrase is in the environment, and plain otherwise (for scripts and tests).
fn open_store(db: &std::path::Path) -> Result<Store> {
    let key = match encryption::file_kind(db) {
        FileKind::Encrypted => Some(database_passphrase().map_err(|e| {
            if e.kind == crate::error::ErrorKind::Validation {
                CoreError::new(
                    crate::error::ErrorKind::Locked,
                    format!(
                        "The database {} is encrypted. Set {} to its passphrase, or run the command in a terminal to be asked for it.",
                        db.display(),
                        secrets::DB_PASSPHRASE_ENV
                    ),
                )
            } else {
                e
            }
        })?),
        FileKind::Missing => secrets::from_env(secrets::DB_PASSPHRASE_ENV)
            .map(|p| Passphrase::new("passphrase", p))
            .transpose()?,
        FileKind::Plain | FileKind::Foreign => None,
    };
    Store::open_keyed(db, key.as_ref())
}

fn check(db: PathBuf, json: bool, out: &mut impl Write) -> Result<bool> {
    if !db.exists() {
        return Err(CoreError::not_found(format!(
            "There is no database at {}. Give the right path with --db.",
            db.display()
        )));
    }
    let store = open_store(&db)?;
    let report = store.health()?;
    if json {
        print_json(out, &report)?;
    } else {
        line(
            out,
            format!(
                "{}\nSchema version: {} (this app: {})\nEncrypted: {}\nIntegrity: {}\n{}",
                report.path,
                report.schema_version,
                report.app_schema_version,
                if report.encrypted { "yes" } else { "no" },
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

pub(crate) fn print_json(out: &mut impl Write, value: &impl Serialize) -> Result<()> {
    let text = serde_json::to_string_pretty(value).expect("records serialise to JSON");
    line(out, text)
}

/// A record's saved versions as the history commands print them: JSON, or a line each.
pub(crate) fn print_history<V: Serialize>(
    out: &mut impl Write,
    json: bool,
    versions: &[V],
    facts: impl Fn(&V) -> (&str, &str, &str, &[String]),
) -> Result<()> {
    if json {
        return print_json(out, &versions);
    }
    for v in versions {
        let (recorded_at, change, changed_by, changes) = facts(v);
        let by = if changed_by.is_empty() {
            "unknown"
        } else {
            changed_by
        };
        line(
            out,
            format!("{recorded_at}  {change} by {by}: {}", changes.join("; ")),
        )?;
    }
    Ok(())
}

pub(crate) fn line(out: &mut impl Write, text: String) -> Result<()> {
    writeln!(out, "{text}").map_err(CoreError::from)
}
