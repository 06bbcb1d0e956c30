//! Importing training records from a spreadsheet saved as CSV (read by `csvfile`).
//!
//! Every row is checked before anything is written: by default one bad row stops the whole
//! import, and the report names each bad row's line and reason. A row already
//! in the database is skipped, so importing the same file twice adds nothing.

use std::collections::HashSet;
use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

use super::{validate, LearningType, TrainingInput};
use crate::board::{self, MemberFilter};
use crate::csvfile::{self, name_key, Column, Table};
use crate::error::Result;
use crate::store::{self, history, Store};
use crate::training::repo as training;

/// The columns read, as named in the header row (any case, any order).
const COLUMNS: &[Column] = &[
    Column {
        name: "Name",
        required: true,
    },
    Column {
        name: "Course",
        required: true,
    },
    Column {
        name: "Provider",
        required: true,
    },
    Column {
        name: "Completed",
        required: true,
    },
    Column {
        name: "Hours",
        required: true,
    },
    Column {
        name: "Learning type",
        required: true,
    },
    Column {
        name: "Level",
        required: true,
    },
    Column {
        name: "Expires",
        required: false,
    },
    Column {
        name: "Certificate",
        required: false,
    },
];

/// A row that was not imported, and why.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RejectedRow {
    /// The line of the file the row starts on, counting the header as line 1.
    pub line: u32,
    pub name: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportReport {
    /// The file's name, without its folder.
    pub file_name: String,
    /// "UTF-8" or "Windows-1252".
    pub encoding: String,
    /// Data rows read (blank rows are not counted).
    pub rows: u32,
    pub added: u32,
    /// Rows that match a record already in the database, or an earlier row of the file.
    pub already_recorded: u32,
    pub rejected: Vec<RejectedRow>,
    /// Header columns this import does not read.
    pub ignored_columns: Vec<String>,
    /// False when bad rows stopped the import and nothing was written.
    pub imported: bool,
}

pub fn import_training_csv(
    store: &mut Store,
    path: &Path,
    skip_invalid: bool,
) -> Result<ImportReport> {
    let table = csvfile::read_file(path, COLUMNS)?;
    let mut report = import_table(store, &table, skip_invalid)?;
    report.file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(report)
}

fn import_table(store: &mut Store, table: &Table, skip_invalid: bool) -> Result<ImportReport> {
    let members = board::list_members(store, MemberFilter::All)?;
    let mut seen: HashSet<(String, String, String, String, u32)> = HashSet::new();
    for t in training::list_all(store.conn())? {
        seen.insert(duplicate_key(
            &t.member_id,
            &t.title,
            &t.provider,
            t.completed_on,
            t.minutes,
        ));
    }

    let mut report = ImportReport {
        file_name: String::new(),
        encoding: table.encoding.into(),
        rows: table.rows.len() as u32,
        added: 0,
        already_recorded: 0,
        rejected: Vec::new(),
        ignored_columns: table.ignored_columns.clone(),
        imported: false,
    };
    let mut valid = Vec::new();
    for row in &table.rows {
        let field = |c: usize| table.get(row, c).to_string();
        let name = field(0);
        let reject = |reason: String| RejectedRow {
            line: row.line,
            name: name.clone(),
            reason,
        };
        let matches: Vec<_> = members
            .iter()
            .filter(|m| name_key(&m.name) == name_key(&name))
            .collect();
        let member = match matches.as_slice() {
            [m] => m,
            [] if name.is_empty() => {
                report.rejected.push(reject("The name is empty.".into()));
                continue;
            }
            [] => {
                report.rejected.push(reject(format!(
                    "No board member is called '{name}'. Add them to the register first, or correct the name."
                )));
                continue;
            }
            _ => {
                report.rejected.push(reject(format!(
                    "More than one board member is called '{name}'; add this record in the app instead."
                )));
                continue;
            }
        };
        let learning_type = match LearningType::parse("learningType", &field(5)) {
            Ok(t) => Some(t),
            Err(e) => {
                report.rejected.push(reject(e.message));
                continue;
            }
        };
        let input = TrainingInput {
            member_id: member.id.clone(),
            title: field(1),
            provider: field(2),
            completed_on: field(3),
            hours: field(4),
            learning_type,
            level: field(6),
            expires_on: field(7),
            certificate_ref: field(8),
        };
        match validate::training(&input) {
            Ok(v) => {
                let record = v.into_record(String::new(), String::new(), String::new());
                let key = duplicate_key(
                    &record.member_id,
                    &record.title,
                    &record.provider,
                    record.completed_on,
                    record.minutes,
                );
                if seen.insert(key) {
                    valid.push(record);
                } else {
                    report.already_recorded += 1;
                }
            }
            Err(e) => report.rejected.push(reject(e.message)),
        }
    }
    if !report.rejected.is_empty() && !skip_invalid {
        tracing::warn!(rejected = report.rejected.len(), "training import refused");
        return Ok(report);
    }
    let added = valid.len() as u32;
    store.write(|tx| {
        for mut record in valid {
            let now = crate::dates::now_utc();
            record.id = store::new_id();
            record.created_at = now.clone();
            record.updated_at = now;
            training::save(tx, &record)?;
            history::record_searched(tx, &record.id, "imported", &record)?;
        }
        Ok(())
    })?;
    report.added = added;
    report.imported = true;
    tracing::info!(added, skipped = report.rejected.len(), "training imported");
    Ok(report)
}

fn duplicate_key(
    member_id: &str,
    title: &str,
    provider: &str,
    completed_on: chrono::NaiveDate,
    minutes: u32,
) -> (String, String, String, String, u32) {
    (
        member_id.to_string(),
        name_key(title),
        name_key(provider),
        completed_on.to_string(),
        minutes,
    )
}
