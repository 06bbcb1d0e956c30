//! Saved versions of a record, each described by what a person would notice had changed since
//! the version before ("Due date: “30/06/2026” → “31/07/2026”").

use serde::de::DeserializeOwned;
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;
use crate::store::entity::Entity;
use crate::store::{history, Store};

/// The lines describing one change, field by field.
#[derive(Default)]
pub struct ChangeList(Vec<String>);

impl ChangeList {
    /// Notes a field whose shown value differs; an empty value reads as "(none)".
    pub fn field(&mut self, label: &str, before: &str, after: &str) {
        if before != after {
            let show = |t: &str| {
                if t.is_empty() {
                    "(none)".to_string()
                } else {
                    format!("“{t}”")
                }
            };
            self.0
                .push(format!("{label}: {} → {}", show(before), show(after)));
        }
    }

    pub fn lines(self) -> Vec<String> {
        self.0
    }
}

/// One saved version of a record, with who saved it and what changed.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RecordVersion<T> {
    /// UTC time of the change, ISO 8601.
    pub recorded_at: String,
    pub changed_by: String,
    /// `added`, `edited`, `imported`, and for actions `closed`, `escalated` or `reopened`.
    pub change: String,
    pub changes: Vec<String>,
    pub record: T,
}

/// Every saved version of a record, oldest first. The first is described by `first`; each later
/// one by `describe(before, after)`. A version that no longer reads as `T` is passed over.
pub fn described<T: DeserializeOwned>(
    store: &Store,
    entity: Entity,
    id: &str,
    first: &str,
    describe: impl Fn(&T, &T) -> Vec<String>,
) -> Result<Vec<RecordVersion<T>>> {
    let mut out: Vec<RecordVersion<T>> = Vec::new();
    for v in history::versions(store.conn(), entity, id)? {
        let Ok(record) = serde_json::from_value::<T>(v.snapshot) else {
            continue;
        };
        let changes = match out.last() {
            None => vec![first.to_string()],
            Some(prev) => describe(&prev.record, &record),
        };
        out.push(RecordVersion {
            recorded_at: v.recorded_at,
            changed_by: v.changed_by,
            change: v.change,
            changes,
            record,
        });
    }
    Ok(out)
}
