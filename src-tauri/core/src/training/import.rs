//! Importing training records from a spreadsheet saved as CSV.
//!
//! Files from Excel on UK Windows are Windows-1252; others are UTF-8, with or without a
//! byte-order mark. Every row is checked before anything is written: by default one bad row
//! stops the whole import, and the report names each bad row's line and reason. A row already
//! in the database is skipped, so importing the same file twice adds nothing.

use std::collections::HashSet;
use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

use super::{validate, LearningType, TrainingInput, ENTITY};
use crate::board::codes::loose;
use crate::board::{self, MemberFilter};
use crate::error::{CoreError, Result};
use crate::store::{self, history, training, Store};

/// Files larger than this are refused before they are read: no board's training log is close.
const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// The columns read, as named in the header row (any case, any order).
const COLUMNS: [(&str, bool); 9] = [
    ("Name", true),
    ("Course", true),
    ("Provider", true),
    ("Completed", true),
    ("Hours", true),
    ("Learning type", true),
    ("Level", true),
    ("Expires", false),
    ("Certificate", false),
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
    let read_error = |e: std::io::Error| {
        let mut err = CoreError::from(e);
        err.message = format!("Could not read {}: {}", path.display(), err.message);
        err
    };
    let size = std::fs::metadata(path).map_err(read_error)?.len();
    if size > MAX_FILE_BYTES {
        return Err(CoreError::validation(
            "file",
            format!(
                "{} is larger than 20 MB; check that it is a training spreadsheet saved as CSV.",
                path.display()
            ),
        ));
    }
    let bytes = std::fs::read(path).map_err(read_error)?;
    let mut report = import_training_bytes(store, &bytes, skip_invalid)?;
    report.file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(report)
}

/// Decodes the file: UTF-8 (dropping a byte-order mark) when it is valid UTF-8, else
/// Windows-1252, which Excel on UK Windows writes and which can decode any byte.
fn decode(bytes: &[u8]) -> (String, &'static str) {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(body) {
        Ok(text) => (text.to_string(), "UTF-8"),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(body);
            (text.into_owned(), "Windows-1252")
        }
    }
}

/// Names compare without regard to case, spacing or the style of apostrophe.
fn name_key(name: &str) -> String {
    name.replace(['\u{2019}', '\u{2018}', '`'], "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

pub fn import_training_bytes(
    store: &mut Store,
    bytes: &[u8],
    skip_invalid: bool,
) -> Result<ImportReport> {
    let (text, encoding) = decode(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = reader.headers().map_err(csv_error)?.clone();
    let mut index = [None; COLUMNS.len()];
    let mut ignored_columns = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        match COLUMNS.iter().position(|(c, _)| loose(c) == loose(h)) {
            Some(c) if index[c].is_some() => {
                return Err(CoreError::validation(
                    "file",
                    format!(
                        "The column '{}' appears twice in the header row.",
                        COLUMNS[c].0
                    ),
                ))
            }
            Some(c) => index[c] = Some(i),
            None if h.is_empty() => {}
            None => ignored_columns.push(h.to_string()),
        }
    }
    let missing: Vec<&str> = COLUMNS
        .iter()
        .zip(index)
        .filter(|((_, required), i)| *required && i.is_none())
        .map(|((name, _), _)| *name)
        .collect();
    if !missing.is_empty() {
        return Err(CoreError::validation(
            "file",
            format!(
                "The header row (line 1) has no {} column. The columns are: {}.",
                missing.join(", "),
                COLUMNS.map(|(c, _)| c).join(", ")
            ),
        ));
    }

    let members = board::list_members(store, MemberFilter::All)?;
    let mut seen: HashSet<(String, String, String, String, u32)> = HashSet::new();
    for m in &members {
        for t in training::list_for_member(store.conn(), &m.id)? {
            seen.insert(duplicate_key(
                &t.member_id,
                &t.title,
                &t.provider,
                t.completed_on,
                t.minutes,
            ));
        }
    }

    let mut report = ImportReport {
        file_name: String::new(),
        encoding: encoding.into(),
        rows: 0,
        added: 0,
        already_recorded: 0,
        rejected: Vec::new(),
        ignored_columns,
        imported: false,
    };
    let mut valid = Vec::new();
    for row in reader.records() {
        let row = row.map_err(csv_error)?;
        if row.iter().all(str::is_empty) {
            continue;
        }
        report.rows += 1;
        // The csv crate counts records, not the newlines inside quoted fields; count the
        // file's own lines so the number matches what a spreadsheet user sees in an editor.
        let line = row
            .position()
            .map_or(0, |p| line_at(&text, p.byte() as usize));
        let field = |c: usize| index[c].and_then(|i| row.get(i)).unwrap_or("").to_string();
        let name = field(0);
        let reject = |reason: String| RejectedRow {
            line,
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
            history::record(tx, ENTITY, &record.id, "imported", &record)?;
        }
        Ok(())
    })?;
    report.added = added;
    report.imported = true;
    tracing::info!(added, skipped = report.rejected.len(), "training imported");
    Ok(report)
}

/// The 1-based line of the file on which the record starting at byte `offset` falls. With
/// CRLF endings the csv crate reports a record as starting on the previous line's LF.
fn line_at(text: &str, offset: usize) -> u32 {
    let bytes = text.as_bytes();
    let end = if bytes.get(offset) == Some(&b'\n') {
        offset + 1
    } else {
        offset
    };
    let before = bytes.get(..end).unwrap_or(bytes);
    before.iter().filter(|b| **b == b'\n').count() as u32 + 1
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

fn csv_error(e: csv::Error) -> CoreError {
    let at = e
        .position()
        .map(|p| format!(" at line {}", p.line()))
        .unwrap_or_default();
    CoreError::validation("file", format!("This file cannot be read as CSV{at}: {e}."))
}

#[cfg(test)]
mod tests {
    use super::line_at;

    #[test]
    fn line_numbers_count_the_files_own_lines_for_lf_and_crlf() {
        for (text, wanted) in [
            ("a,b\n1,2\n3,\"x\ny\"\n4,5\n", [2, 3, 5]),
            ("a,b\r\n1,2\r\n3,\"x\ny\"\r\n4,5\r\n", [2, 3, 5]),
        ] {
            let mut r = csv::ReaderBuilder::new().from_reader(text.as_bytes());
            let lines: Vec<u32> = r
                .records()
                .map(|rec| line_at(text, rec.unwrap().position().unwrap().byte() as usize))
                .collect();
            assert_eq!(lines, wanted, "{text:?}");
        }
    }
}
