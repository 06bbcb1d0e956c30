//! `export`, `import`, `key`, `export-csv` and `export-json`: exchange files between laptops
//! and exports for other tools. The passphrase is never an argument (it would sit in the shell
//! history and the process list): it comes from the environment or a prompt.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;

use super::{line, print_json};
use crate::error::{CoreError, Result};
use crate::exchange::{self, ExportOptions, ImportChoices, ImportPlan, Outcome, Resolution};
use crate::exports::{self, CsvExport};
use crate::periods::Period;
use crate::store::Store;

/// Where scripts give the exchange passphrase.
pub const PASSPHRASE_ENV: &str = "BOARDASSURE_EXCHANGE_PASSPHRASE";

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The exchange file to write (.boardx)
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Only records dated in this financial year (2026/27) or quarter (2026/27-Q2)
    #[arg(long)]
    period: Option<String>,
    /// This member's records (their id, from `members list`) [default: the laptop's owner,
    /// as chosen in Settings]
    #[arg(long, conflicts_with = "board")]
    member: Option<String>,
    /// The whole board's records (from the secretary's laptop)
    #[arg(long)]
    board: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The exchange file to read
    file: PathBuf,
    /// Show what would change and write nothing
    #[arg(long)]
    dry_run: bool,
    /// Trust the sending laptop, whose fingerprint you have confirmed with its owner by phone
    #[arg(long, value_name = "FINGERPRINT")]
    trust: Option<String>,
    /// For a conflict: take the file's version of this record (its id); repeatable
    #[arg(long = "theirs", value_name = "ID")]
    theirs: Vec<String>,
    /// For a conflict: keep this laptop's version of this record (its id); repeatable
    #[arg(long = "mine", value_name = "ID")]
    mine: Vec<String>,
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct ExportCsvArgs {
    /// log, actions, training or matrix
    #[arg(long)]
    what: String,
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// A financial year (2026/27) or quarter (2026/27-Q2); the matrix is always as at today
    #[arg(long)]
    period: Option<String>,
}

pub fn export(store: &mut Store, args: ExportArgs, out: &mut impl Write) -> Result<()> {
    let member_id = if args.board {
        None
    } else {
        match args.member.or(exchange::my_member_id(store)?) {
            Some(id) => Some(id),
            None => {
                return Err(CoreError::validation(
                    "member",
                    "Whose records? Give --member ID, or --board for the whole board, or choose who this laptop belongs to in Settings.",
                ))
            }
        }
    };
    let options = ExportOptions {
        member_id,
        period: args.period.unwrap_or_default(),
    };
    let passphrase = passphrase(true)?;
    let s = exchange::export(store, &options, &passphrase, &args.out)?;
    line(
        out,
        format!(
            "Wrote {}: {} ({} records, {} bytes).\nThis laptop's fingerprint: {}\nSend the passphrase separately (by phone or in person), and read the fingerprint to the recipient.",
            s.path, s.description, s.records, s.bytes, s.fingerprint
        ),
    )
}

pub fn import(store: &mut Store, args: ImportArgs, out: &mut impl Write) -> Result<bool> {
    let passphrase = passphrase(false)?;
    let choices = ImportChoices {
        take_theirs: args.theirs,
        keep_mine: args.mine,
    };
    let plan = if args.dry_run {
        // A dry run writes nothing, not even the trust: the fingerprint is only checked.
        let plan = exchange::preview(store, &args.file, &passphrase, &choices)?;
        let vouched = args
            .trust
            .as_deref()
            .is_some_and(|f| exchange::same_fingerprint(f, &plan.sender.fingerprint));
        if args.trust.is_some() && !vouched {
            return Err(CoreError::validation(
                "fingerprint",
                format!("That fingerprint is not the one this file was signed with ({}). Do not import it until the sender confirms the fingerprint they read you.", plan.sender.fingerprint),
            ));
        }
        if !plan.sender.trusted && !vouched {
            return Err(exchange::untrusted(&plan.sender));
        }
        plan
    } else {
        if let Some(fingerprint) = &args.trust {
            let signer = exchange::trust_sender(store, &args.file, &passphrase, fingerprint)?;
            if !args.json {
                line(
                    out,
                    format!("Trusted {} ({}).", signer.name, signer.fingerprint),
                )?;
            }
        }
        exchange::import(store, &args.file, &passphrase, &choices)?
    };
    if args.json {
        print_json(out, &plan)?;
    } else {
        report(&plan, out)?;
    }
    Ok(true)
}

fn report(plan: &ImportPlan, out: &mut impl Write) -> Result<()> {
    let c = &plan.counts;
    let verb = if plan.applied {
        "Imported"
    } else {
        "Would import"
    };
    line(
        out,
        format!(
            "{verb} {} from {} ({}).\nNew: {}. Updated: {}. Unchanged: {}. Newer here: {}. Conflicts: {}. Cannot be added: {}.",
            plan.description,
            plan.sender.name,
            plan.sender.fingerprint,
            c.new,
            c.updated,
            c.unchanged,
            c.yours_newer,
            c.conflicts,
            c.blocked
        ),
    )?;
    for ch in plan
        .changes
        .iter()
        .filter(|c| c.outcome != Outcome::Unchanged)
    {
        let what = match (ch.outcome, ch.resolution) {
            (Outcome::New, _) => "new".to_string(),
            (Outcome::Updated, _) => "updated".to_string(),
            (Outcome::YoursNewer, _) => "kept (newer here)".to_string(),
            (Outcome::Conflict, Resolution::TakeTheirs) => {
                "conflict: took the file's version".to_string()
            }
            (Outcome::Conflict, Resolution::KeepMine) => {
                "conflict: kept this laptop's version".to_string()
            }
            (Outcome::Conflict, _) => format!(
                "CONFLICT, left unchanged: decide with --theirs {0} or --mine {0}",
                ch.id
            ),
            (Outcome::Blocked, _) => format!("cannot be added: {}", ch.reason),
            (Outcome::Unchanged, _) => unreachable!("filtered out"),
        };
        line(out, format!("  {}: {what}", ch.label))?;
        if matches!(ch.outcome, Outcome::Conflict | Outcome::Updated) {
            for d in &ch.differences {
                line(
                    out,
                    format!(
                        "      {}: here “{}”, in the file “{}”",
                        d.field, d.yours, d.theirs
                    ),
                )?;
            }
        }
    }
    Ok(())
}

pub fn key(store: &mut Store, json: bool, out: &mut impl Write) -> Result<()> {
    let id = exchange::identity(store)?;
    if json {
        return print_json(out, &id);
    }
    line(
        out,
        format!("This laptop's fingerprint: {}", id.fingerprint),
    )?;
    if id.signers.is_empty() {
        line(out, "No other laptops are trusted yet.".into())?;
    }
    for s in &id.signers {
        line(out, format!("Trusted: {}  {}", s.name, s.fingerprint))?;
    }
    Ok(())
}

pub fn export_csv(store: &Store, args: ExportCsvArgs, out: &mut impl Write) -> Result<()> {
    let what = CsvExport::parse("what", &args.what)?;
    let period = args.period.as_deref().map(Period::parse).transpose()?;
    let saved = exports::write_csv(store, what, period, &args.out)?;
    line(out, format!("Wrote {} rows to {}.", saved.rows, saved.path))
}

pub fn export_json(store: &Store, file: &Path, out: &mut impl Write) -> Result<()> {
    let saved = exports::write_json(store, file)?;
    line(
        out,
        format!("Wrote {} records to {}.", saved.rows, saved.path),
    )
}

/// The exchange file's passphrase (twice on the terminal when it is being chosen).
fn passphrase(choosing: bool) -> Result<String> {
    super::secrets::passphrase(PASSPHRASE_ENV, "exchange file passphrase", choosing)
}
