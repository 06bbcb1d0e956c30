//! The headless command line: the same binary as the window, for scripts and tests.
//!
//! Exit codes: 0 success; 1 a user error, with a one-line message on stderr; 2 a usage error
//! (reported by clap).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

mod competency;
mod compliance;
mod exchange;
mod framework;
mod members;
mod papers;
mod scrutiny;
mod secrets;
mod training;

use clap::{Parser, Subcommand};
use serde::Serialize;

use crate::board::{self, Nation, OrgType, OrganisationInput};
use crate::error::{CoreError, Result};
use crate::store::encryption::{self, FileKind, Passphrase};
use crate::store::Store;
use crate::{demo, paths};
use competency::CompetencyCommand;
use compliance::{ComplianceArgs, RequirementsCommand};
use framework::FrameworkCommand;
use members::MembersCommand;
use papers::{CoverCommand, PackArgs, PaperArgs};
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
    /// Load the demonstration board (an English NHS trust) into an empty database
    Demo,
    /// The board members: list, add, edit, end a membership, see history
    #[command(subcommand, arg_required_else_help = true)]
    Members(MembersCommand),
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
        #[arg(long)]
        json: bool,
    },
    /// What needs the laptop's user now: the next meeting, their actions and training, items
    /// without evidence, areas not scrutinised this year, and the board-wide gaps
    Home {
        #[arg(long)]
        json: bool,
    },
    /// Write the safeguarding assurance paper for a period, as A4 PDF or accessible HTML
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
        Command::Encrypt => {
            if store.is_encrypted() {
                return Err(CoreError::conflict(
                    "The database is already encrypted. To change its passphrase, use change-passphrase.",
                ));
            }
            let new = Passphrase::new(
                "passphrase",
                secrets::passphrase(secrets::NEW_PASSPHRASE_ENV, "new passphrase", true)?,
            )?;
            let left = store.reencrypt(None, &new)?;
            line(out, format!("Encrypted {} and its backups.", db.display()))?;
            unconverted(out, &left)?;
        }
        Command::ChangePassphrase => {
            if !store.is_encrypted() {
                return Err(CoreError::conflict(
                    "The database is not encrypted. To encrypt it, use encrypt.",
                ));
            }
            let current = database_passphrase()?;
            let new = Passphrase::new(
                "passphrase",
                secrets::passphrase(secrets::NEW_PASSPHRASE_ENV, "new passphrase", true)?,
            )?;
            let left = store.reencrypt(Some(&current), &new)?;
            line(
                out,
                format!(
                    "Changed the passphrase of {} and its backups.",
                    db.display()
                ),
            )?;
            unconverted(out, &left)?;
        }
        Command::Demo => {
            let s = demo::load_demo(&mut store)?;
            line(
                out,
                format!(
                    "Loaded the demonstration board: {}, {} members, {} training records.",
                    s.organisation.name, s.members_added, s.training_added
                ),
            )?;
        }
        Command::Members(m) => members::run(&mut store, m, out)?,
        Command::Training(t) => return training::run(&mut store, t, out),
        Command::Compliance(args) => compliance::run(&store, args, out)?,
        Command::Requirements(r) => compliance::run_requirements(&mut store, r, out)?,
        Command::Competency(c) => competency::run(&mut store, c, out)?,
        Command::Framework(f) => framework::run(&mut store, f, out)?,
        Command::Home { json } => {
            let h = crate::home::home(&store, crate::dates::today())?;
            if json {
                print_json(out, &h)?;
            } else {
                print_home(out, &h)?;
            }
        }
        Command::Paper(args) => papers::run_paper(&store, args, out)?,
        Command::Pack(args) => papers::run_pack(&store, args, out)?,
        Command::Cover(c) => papers::run_cover(&mut store, c, out)?,
        Command::Search {
            text,
            kinds,
            period,
            json,
        } => {
            let filter = crate::search::SearchFilter {
                kinds: kinds
                    .iter()
                    .map(|k| crate::search::SearchKind::parse("kind", k))
                    .collect::<Result<_>>()?,
                period: period
                    .as_deref()
                    .map(crate::periods::Period::parse)
                    .transpose()?,
            };
            let found = crate::search::search(&store, &text, &filter)?;
            if json {
                print_json(out, &found)?;
            } else if found.hits.is_empty() {
                line(out, format!("Nothing matches “{text}”."))?;
            } else {
                let show = |parts: &[crate::search::TextPart]| {
                    parts
                        .iter()
                        .map(|p| {
                            if p.matched {
                                format!("[{}]", p.text)
                            } else {
                                p.text.clone()
                            }
                        })
                        .collect::<String>()
                        .replace('\n', " ")
                };
                for h in &found.hits {
                    let day = h.day.map(crate::dates::dense).unwrap_or_default();
                    line(
                        out,
                        format!(
                            "{:<16} {:<10} {}\n{:<28}{}",
                            h.kind.label(),
                            day,
                            show(&h.title),
                            "",
                            show(&h.snippet)
                        ),
                    )?;
                }
                if found.more {
                    line(out, crate::search::more_note(found.ranked))?;
                }
            }
        }
        Command::Backups { keep, json } => {
            if let Some(n) = keep {
                crate::settings::save_daily_backups_kept(&mut store, n)?;
            }
            let kept = crate::settings::daily_backups_kept(&store)?;
            let list = crate::store::backup::list(&db);
            if json {
                print_json(
                    out,
                    &serde_json::json!({ "dailyKept": kept, "backups": list }),
                )?;
            } else {
                line(out, format!("The newest {kept} daily backups are kept."))?;
                for b in &list {
                    line(out, format!("{}  {}", b.file_name, b.taken_at))?;
                }
            }
        }
        Command::Backup { out: file } => {
            store.backup_to(&file)?;
            line(out, format!("Backed up to {}.", file.display()))?;
        }
        Command::Audit(AuditCommand::Verify { json }) => {
            let r = crate::audit::verify(&store)?;
            if json {
                print_json(out, &r)?;
            } else {
                if let Some(b) = &r.broken_link {
                    line(
                        out,
                        format!(
                            "The audit trail is broken at history row {} ({} {}): {}.",
                            b.seq.unwrap_or(0),
                            b.entity,
                            b.record_id,
                            b.reason
                        ),
                    )?;
                }
                for a in &r.altered_records {
                    line(out, format!("{} {}: {}.", a.entity, a.record_id, a.reason))?;
                }
                if r.ok {
                    line(
                        out,
                        format!(
                            "The audit trail is intact: {} history rows chained, {} records match their last recorded version.",
                            r.rows, r.records
                        ),
                    )?;
                }
            }
            return Ok(r.ok);
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
        Command::Check { .. } | Command::Restore { .. } => unreachable!("handled above"),
    }
    Ok(true)
}

/// The database's passphrase, from the environment or the terminal.
fn database_passphrase() -> Result<Passphrase> {
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

/// Names the kept copies a re-encryption could not convert.
fn unconverted(out: &mut impl Write, left: &[String]) -> Result<()> {
    if left.is_empty() {
        return Ok(());
    }
    line(
        out,
        format!(
            "These kept copies could not be opened to convert them (they may be damaged); delete them yourself:\n{}",
            left.join("\n")
        ),
    )
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

fn print_home(out: &mut impl Write, h: &crate::home::Home) -> Result<()> {
    let dates = crate::dates::dense;
    match &h.me {
        Some(me) => line(out, format!("For {}, {}.", me.name, crate::dates::prose(h.today)))?,
        None => line(out, "No one is chosen as this laptop's user (Settings), so only the board-wide view follows.".to_string())?,
    }
    if let Some(m) = &h.next_meeting {
        line(
            out,
            format!(
                "Next meeting: {} ({} agenda items).",
                m.label,
                m.items.len()
            ),
        )?;
    }
    for a in &h.my_actions {
        let due = a.view.action.due_on.map(dates).unwrap_or_default();
        let overdue = if a.view.overdue { " OVERDUE" } else { "" };
        line(
            out,
            format!(
                "My action: {} (due {due}){overdue}",
                a.view.action.description
            ),
        )?;
    }
    for a in &h.following_up {
        line(
            out,
            format!(
                "Following up: {} ({})",
                a.view.action.description, a.view.action.owner_name
            ),
        )?;
    }
    for t in &h.training_due {
        line(out, format!("Training: {}: {}", t.requirement, t.detail))?;
    }
    if h.me.is_some() {
        line(
            out,
            format!(
                "{} of {} framework items have no evidence yet.",
                h.unevidenced.len(),
                h.applicable_items
            ),
        )?;
    }
    line(
        out,
        format!(
            "{} assurance areas have had no scrutiny in {}.",
            h.unscrutinised_areas.len(),
            h.year_label
        ),
    )?;
    line(
        out,
        format!(
            "Board: {} open actions, {} overdue; {} members with training gaps.",
            h.board.open_actions,
            h.board.overdue_actions,
            h.board.compliance_gaps.len()
        ),
    )?;
    Ok(())
}
