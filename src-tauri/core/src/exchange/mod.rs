//! Exchange files: how a director's records reach the secretary's laptop (and the board's
//! reach the director's) with no server. A file is signed by the sending installation,
//! encrypted under a passphrase shared separately, and merged record by record by stable id,
//! never silently overwriting newer data.

mod bundle;
mod envelope;
mod keys;
mod merge;
mod records;
pub(crate) mod repo;
#[cfg(test)]
mod tests;

use std::collections::HashSet;
use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, ErrorKind, Result};
use crate::exchange::repo as table;
use crate::periods::Period;
use crate::store::Store;
use merge::Incoming;
use records::Record;

pub use envelope::{FORMAT_VERSION, MIN_PASSPHRASE};
pub use keys::{
    forget_signer, own_fingerprint, same_fingerprint, trust_signer, trusted_signers, TrustedSigner,
};
pub use merge::{Difference, ImportChoices, Outcome, PlannedChange, Resolution};

/// The file name ending the app gives exchange files.
pub const EXTENSION: &str = "boardx";
/// Files larger than this are not read: no board's records come near it.
const MAX_FILE: u64 = 1 << 30;

/// What to put in an exchange file.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExportOptions {
    /// One member's records; the whole board's when absent.
    pub member_id: Option<String>,
    /// `2026/27` or `2026/27-Q2`; all dates when empty.
    pub period: String,
}

/// What an export wrote.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExportSummary {
    pub path: String,
    pub description: String,
    #[ts(type = "number")]
    pub records: u64,
    #[ts(type = "number")]
    pub bytes: u64,
    /// This installation's fingerprint, for the recipient to confirm.
    pub fingerprint: String,
}

/// Who signed a file.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Sender {
    pub name: String,
    pub fingerprint: String,
    pub public_key: String,
    /// Whether this installation accepts files from it.
    pub trusted: bool,
}

/// How many records fall under each outcome.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OutcomeCounts {
    pub new: u32,
    pub updated: u32,
    pub unchanged: u32,
    pub yours_newer: u32,
    pub conflicts: u32,
    pub blocked: u32,
}

/// What importing a file will do (a preview) or did.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportPlan {
    pub sender: Sender,
    pub made_at: String,
    pub description: String,
    pub counts: OutcomeCounts,
    pub changes: Vec<PlannedChange>,
    /// False for a preview.
    pub applied: bool,
}

/// The signed content of a file.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Payload {
    format: u16,
    made_at: String,
    sender: String,
    description: String,
    records: Vec<Item>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Item {
    entity: String,
    id: String,
    /// The record exactly as its version is saved in the sender's audit trail.
    snapshot: String,
    /// Hashes of every version of the record the sender knows, including this one.
    lineage: Vec<String>,
}

/// This installation's fingerprint and the installations it accepts files from.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Identity {
    pub fingerprint: String,
    pub signers: Vec<TrustedSigner>,
}

pub fn identity(store: &mut Store) -> Result<Identity> {
    Ok(Identity {
        fingerprint: own_fingerprint(store)?,
        signers: trusted_signers(store)?,
    })
}

/// Longer passphrases than this are refused as a mistake (a pasted document).
const MAX_PASSPHRASE: usize = 1024;

/// Checks an export's choices before anything is asked or written; returns its period.
pub fn validate_export(
    store: &Store,
    options: &ExportOptions,
    passphrase: &str,
) -> Result<Option<Period>> {
    let n = passphrase.chars().count();
    if n < MIN_PASSPHRASE {
        return Err(CoreError::validation(
            "passphrase",
            format!("Choose a passphrase of at least {MIN_PASSPHRASE} characters. Share it with the recipient by phone or in person, never with the file."),
        ));
    }
    if n > MAX_PASSPHRASE {
        return Err(CoreError::validation(
            "passphrase",
            format!("A passphrase can be up to {MAX_PASSPHRASE} characters."),
        ));
    }
    if let Some(id) = &options.member_id {
        crate::board::get_member(store, id)?;
    }
    match options.period.trim() {
        "" => Ok(None),
        p => Period::parse(p).map(Some).map_err(|mut e| {
            e.field = Some("period".into());
            e
        }),
    }
}

/// A file name to suggest: "Board records 2026-27.boardx".
pub fn suggested_name(store: &Store, options: &ExportOptions) -> String {
    let whose = options
        .member_id
        .as_deref()
        .and_then(|id| crate::board::get_member(store, id).ok())
        .map(|m| m.name)
        .unwrap_or_else(|| "Board".into());
    let when = options.period.trim().replace('/', "-");
    let parts = [whose.as_str(), "records", when.as_str()];
    let name: Vec<&str> = parts.into_iter().filter(|p| !p.is_empty()).collect();
    format!("{}.{EXTENSION}", name.join(" "))
}

/// Writes an exchange file of the chosen records to `out`, signed by this installation.
pub fn export(
    store: &mut Store,
    options: &ExportOptions,
    passphrase: &str,
    out: &Path,
) -> Result<ExportSummary> {
    let period = validate_export(store, options, passphrase)?;
    let key = keys::signing_key(store)?;
    let conn = store.conn();
    let chosen = bundle::collect(conn, options.member_id.as_deref(), period)?;
    let whose = match &options.member_id {
        Some(id) => chosen
            .iter()
            .find_map(|r| match r {
                Record::Member(m) if m.id == *id => Some(format!("Records of {}", m.name)),
                _ => None,
            })
            .unwrap_or_else(|| "One member's records".into()),
        None => "The whole board's records".into(),
    };
    let description = match period {
        Some(p) => format!("{whose}, {}", p.label()),
        None => whose,
    };
    let mut items = Vec::with_capacity(chosen.len());
    for r in &chosen {
        let snapshot = r.snapshot();
        let mut lineage: Vec<String> = table::known_versions(conn, r.entity().code(), r.id())?
            .into_iter()
            .collect();
        lineage.push(table::version_hash(&snapshot));
        lineage.sort();
        lineage.dedup();
        items.push(Item {
            entity: r.entity().to_string(),
            id: r.id().to_string(),
            snapshot,
            lineage,
        });
    }
    // Files go out under the name this laptop records its own changes under.
    let sender = match crate::store::history::current_user(store.conn())? {
        name if name.trim().is_empty() => "Unnamed installation".to_string(),
        name => name,
    };
    let payload = Payload {
        format: FORMAT_VERSION,
        made_at: crate::dates::now_utc(),
        sender,
        description: description.clone(),
        records: items,
    };
    let json = serde_json::to_vec(&payload).expect("the payload serialises");
    let bytes = envelope::seal(&json, &key, passphrase)?;
    crate::files::write_atomically(out, &bytes)?;
    tracing::info!(
        records = chosen.len(),
        bytes = bytes.len(),
        "exchange file written"
    );
    Ok(ExportSummary {
        path: out.display().to_string(),
        description,
        records: chosen.len() as u64,
        bytes: bytes.len() as u64,
        fingerprint: keys::fingerprint(&key.verifying_key()),
    })
}

/// What importing `file` would do, without writing anything.
pub fn preview(
    store: &Store,
    file: &Path,
    passphrase: &str,
    choices: &ImportChoices,
) -> Result<ImportPlan> {
    let opened = open(store, file, passphrase)?;
    let changes = merge::plan(store.conn(), &opened.incoming, choices)?;
    Ok(opened.plan(changes, false))
}

/// Imports `file` in one transaction: all of the plan is carried out, or none of it. Refused
/// outright, with nothing written, unless the sender is trusted.
pub fn import(
    store: &mut Store,
    file: &Path,
    passphrase: &str,
    choices: &ImportChoices,
) -> Result<ImportPlan> {
    let opened = open(store, file, passphrase)?;
    if !opened.sender.trusted {
        return Err(untrusted(&opened.sender));
    }
    // Changes are attributed to the name this laptop recorded when it trusted the sender, not
    // the name the file now claims: a file can say anything of itself.
    let local_name = keys::trusted_signers(store)?
        .into_iter()
        .find(|s| s.public_key == opened.sender.public_key)
        .map_or_else(|| opened.sender.name.clone(), |s| s.name);
    let by = format!(
        "{local_name} (exchange file, {})",
        opened.sender.fingerprint
    );
    let changes = store.write(|tx| {
        let changes = merge::plan(tx, &opened.incoming, choices)?;
        merge::apply(tx, &opened.incoming, &changes, &by)?;
        Ok(changes)
    })?;
    let plan = opened.plan(changes, true);
    tracing::info!(
        new = plan.counts.new,
        updated = plan.counts.updated,
        conflicts = plan.counts.conflicts,
        "exchange file imported"
    );
    Ok(plan)
}

/// Trusts the installation that signed `file`, once the user has confirmed its fingerprint
/// with the sender: `fingerprint` must be the one they were read.
pub fn trust_sender(
    store: &mut Store,
    file: &Path,
    passphrase: &str,
    fingerprint: &str,
) -> Result<TrustedSigner> {
    let opened = open(store, file, passphrase)?;
    if !same_fingerprint(fingerprint, &opened.sender.fingerprint) {
        return Err(CoreError::validation(
            "fingerprint",
            format!(
                "That fingerprint is not the one this file was signed with ({}). Do not import it until the sender confirms the fingerprint they read you.",
                opened.sender.fingerprint
            ),
        ));
    }
    trust_signer(store, &opened.sender.public_key, &opened.sender.name)
}

pub fn untrusted(sender: &Sender) -> CoreError {
    CoreError::new(
        ErrorKind::Conflict,
        format!(
            "This file was signed by an installation this database does not yet trust: “{}”, fingerprint {}. Phone the sender and check that they read you the same fingerprint, then trust it and import again. Nothing was changed.",
            sender.name, sender.fingerprint
        ),
    )
}

struct OpenedFile {
    sender: Sender,
    made_at: String,
    description: String,
    incoming: Vec<Incoming>,
}

impl OpenedFile {
    fn plan(self, changes: Vec<PlannedChange>, applied: bool) -> ImportPlan {
        let mut counts = OutcomeCounts::default();
        for c in &changes {
            *match c.outcome {
                Outcome::New => &mut counts.new,
                Outcome::Updated => &mut counts.updated,
                Outcome::Unchanged => &mut counts.unchanged,
                Outcome::YoursNewer => &mut counts.yours_newer,
                Outcome::Conflict => &mut counts.conflicts,
                Outcome::Blocked => &mut counts.blocked,
            } += 1;
        }
        ImportPlan {
            sender: self.sender,
            made_at: self.made_at,
            description: self.description,
            counts,
            changes,
            applied,
        }
    }
}

fn open(store: &Store, file: &Path, passphrase: &str) -> Result<OpenedFile> {
    let bytes = read_file(file)?;
    let opened = envelope::open(&bytes, passphrase)?;
    let payload: Payload = serde_json::from_slice(&opened.json).map_err(|e| {
        CoreError::new(
            ErrorKind::Damaged,
            format!("The exchange file's contents cannot be read ({e}). Ask the sender for it again. Nothing was changed."),
        )
    })?;
    if payload.format > FORMAT_VERSION {
        return Err(CoreError::new(
            ErrorKind::TooNew,
            format!("This exchange file was made by a newer version of Safeguarding Board Assurance (content format {}; this version reads up to {FORMAT_VERSION}). Update the app, then import it again. Nothing was changed.", payload.format),
        ));
    }
    let mut incoming = Vec::with_capacity(payload.records.len());
    for item in payload.records {
        let record = Record::from_snapshot(&item.entity, &item.snapshot)?;
        if record.id() != item.id {
            return Err(CoreError::new(ErrorKind::Damaged, "The exchange file is inconsistent (a record's id does not match its contents). Nothing was changed."));
        }
        incoming.push(Incoming {
            record,
            text: item.snapshot,
            lineage: item.lineage.into_iter().collect::<HashSet<_>>(),
        });
    }
    // Everything a record refers to is written before it.
    incoming.sort_by_key(|i| i.record.rank());
    let public_key = keys::to_hex(opened.public_key.as_bytes());
    Ok(OpenedFile {
        sender: Sender {
            name: payload.sender,
            fingerprint: keys::fingerprint(&opened.public_key),
            trusted: keys::is_trusted(store, &opened.public_key)?,
            public_key,
        },
        made_at: payload.made_at,
        description: payload.description,
        incoming,
    })
}

fn read_file(file: &Path) -> Result<Vec<u8>> {
    let fail = |e: std::io::Error| {
        let mut err = CoreError::from(e);
        err.message = format!("Could not read {}: {}", file.display(), err.message);
        err
    };
    let len = std::fs::metadata(file).map_err(fail)?.len();
    if len > MAX_FILE {
        return Err(CoreError::validation(
            "file",
            "That file is far too large to be an exchange file. Choose the file the sender exported.",
        ));
    }
    std::fs::read(file).map_err(fail)
}

/// Public for the CLI: the member this laptop belongs to, if chosen.
pub fn my_member_id(store: &Store) -> Result<Option<String>> {
    Ok(crate::settings::get_settings(store)?.my_member_id)
}
