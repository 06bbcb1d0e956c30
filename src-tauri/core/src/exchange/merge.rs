//! Merging another installation's records by their stable ids. Each incoming record is
//! compared with the one held here through both histories: the same version is skipped, a
//! version that follows on from ours replaces it, an older one is left, and when both sides
//! changed the record since they last agreed the user decides. The plan is worked out the
//! same way for a preview and for the import itself, so the two cannot disagree.

use std::collections::{HashMap, HashSet};

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use super::records::Record;
use crate::error::Result;
use crate::exchange::repo::{add_lineage, known_versions, version_hash};
use crate::store::entity::Entity;

/// A record as it arrived: the record, its snapshot text as signed, and every version of it
/// the sender knew.
pub struct Incoming {
    pub record: Record,
    pub text: String,
    pub lineage: HashSet<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum Outcome {
    /// Not held here: it will be added.
    New,
    /// The file has a later version of ours: it will replace ours.
    Updated,
    /// The same version is held here.
    Unchanged,
    /// Ours is a later version of the file's: ours stays.
    YoursNewer,
    /// Both sides changed it since they last agreed: the user chooses.
    Conflict,
    /// It cannot be added here; `reason` says why.
    Blocked,
}

/// What the user chose for a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum Resolution {
    Undecided,
    KeepMine,
    TakeTheirs,
}

/// The user's decisions on conflicts, by record id.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportChoices {
    pub take_theirs: Vec<String>,
    pub keep_mine: Vec<String>,
}

/// One field that differs between the version here and the file's.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Difference {
    pub field: String,
    pub yours: String,
    pub theirs: String,
}

/// What will happen (or happened) to one record.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PlannedChange {
    pub entity: String,
    pub id: String,
    pub label: String,
    pub outcome: Outcome,
    /// For conflicts.
    pub resolution: Resolution,
    /// Why a record is blocked.
    pub reason: String,
    /// Fields that differ, for updates and conflicts.
    pub differences: Vec<Difference>,
    /// Whether the import writes this record.
    pub writes: bool,
}

pub fn plan(
    conn: &Connection,
    incoming: &[Incoming],
    choices: &ImportChoices,
) -> Result<Vec<PlannedChange>> {
    let mut usable: HashSet<(Entity, &str)> = HashSet::new();
    let mut out = Vec::with_capacity(incoming.len());
    for inc in incoming {
        let r = &inc.record;
        let local = Record::load(conn, r.entity(), r.id())?;
        let local_text = local.as_ref().map(Record::snapshot);
        let theirs = version_hash(&inc.text);
        let mut reason = String::new();
        let mut outcome = match &local_text {
            None => match r.clash(conn)? {
                Some(why) => {
                    reason = why;
                    Outcome::Blocked
                }
                None => Outcome::New,
            },
            Some(text) => {
                let ours = version_hash(text);
                if ours == theirs || *text == r.snapshot() {
                    Outcome::Unchanged
                } else if inc.lineage.contains(&ours) {
                    Outcome::Updated
                } else if known_versions(conn, r.entity().code(), r.id())?.contains(&theirs) {
                    Outcome::YoursNewer
                } else {
                    Outcome::Conflict
                }
            }
        };
        let resolution = if outcome != Outcome::Conflict {
            Resolution::Undecided
        } else if choices.take_theirs.iter().any(|id| id == r.id()) {
            Resolution::TakeTheirs
        } else if choices.keep_mine.iter().any(|id| id == r.id()) {
            Resolution::KeepMine
        } else {
            Resolution::Undecided
        };
        let mut writes = matches!(outcome, Outcome::New | Outcome::Updated)
            || resolution == Resolution::TakeTheirs;
        if writes {
            let missing = r.references().into_iter().find(|(entity, id)| {
                !usable.contains(&(*entity, id.as_str()))
                    && !matches!(Record::load(conn, *entity, id), Ok(Some(_)))
            });
            let broken = match missing {
                Some((entity, id)) => Some(format!(
                    "it refers to a {} ({id}) that is neither held here nor could be added from the file",
                    entity.code().replace('-', " ")
                )),
                None => r.breaks(conn)?,
            };
            if let Some(why) = broken {
                reason = why;
                outcome = Outcome::Blocked;
                writes = false;
            }
        }
        if outcome != Outcome::Blocked {
            usable.insert((r.entity(), r.id()));
        }
        let differences = match (&local_text, outcome) {
            (Some(ours), Outcome::Updated | Outcome::Conflict | Outcome::YoursNewer) => {
                differences(ours, &inc.text)
            }
            _ => Vec::new(),
        };
        out.push(PlannedChange {
            entity: r.entity().to_string(),
            id: r.id().to_string(),
            label: r.label(),
            outcome,
            resolution,
            reason,
            differences,
            writes,
        });
    }
    Ok(out)
}

/// Carries out a plan made by `plan` in the same transaction. Every written record gets a
/// version in the audit trail attributed to `by`, and the sender's versions are remembered
/// so that the same file, imported again, changes nothing.
pub fn apply(
    conn: &Connection,
    incoming: &[Incoming],
    plan: &[PlannedChange],
    by: &str,
) -> Result<()> {
    for (inc, change) in incoming.iter().zip(plan) {
        let r = &inc.record;
        let mut versions: Vec<String> = inc.lineage.iter().cloned().collect();
        versions.push(version_hash(&inc.text));
        if change.writes {
            r.save(conn)?;
            // What the store holds can differ in derived fields (a member's current name in an
            // attendance list); the audit trail records what is actually held.
            let stored = Record::load(conn, r.entity(), r.id())?.unwrap_or_else(|| r.clone());
            let what = match change.outcome {
                Outcome::New => "added from an exchange file",
                Outcome::Updated => "updated from an exchange file",
                _ => "conflict resolved in favour of an exchange file",
            };
            stored.record_history(conn, what, by)?;
            versions.push(version_hash(&stored.snapshot()));
            add_lineage(conn, r.entity().code(), r.id(), &versions)?;
        } else if change.resolution == Resolution::KeepMine {
            // Ours now supersedes theirs: the same file will not raise the conflict again.
            add_lineage(conn, r.entity().code(), r.id(), &versions)?;
        }
    }
    Ok(())
}

/// The fields that differ between two snapshots, leaving out the bookkeeping times.
fn differences(ours: &str, theirs: &str) -> Vec<Difference> {
    let parse = |t: &str| match serde_json::from_str::<Value>(t) {
        Ok(Value::Object(m)) => m.into_iter().collect::<HashMap<_, _>>(),
        _ => HashMap::new(),
    };
    let (a, b) = (parse(ours), parse(theirs));
    let mut fields: Vec<&String> = a.keys().chain(b.keys()).collect();
    fields.sort();
    fields.dedup();
    fields
        .into_iter()
        .filter(|f| !matches!(f.as_str(), "createdAt" | "updatedAt"))
        .filter(|f| a.get(*f) != b.get(*f))
        .map(|f| Difference {
            field: f.clone(),
            yours: show(a.get(f)),
            theirs: show(b.get(f)),
        })
        .collect()
}

fn show(v: Option<&Value>) -> String {
    let text = match v {
        None | Some(Value::Null) => "—".to_string(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    };
    if text.chars().count() > 300 {
        format!("{}…", text.chars().take(300).collect::<String>())
    } else {
        text
    }
}
