//! Importing training records from a spreadsheet saved as CSV (read by `csvfile`, its
//! columns and words matched by `import`).
//!
//! Every row is checked before anything is written, and every problem of a row is reported:
//! by default one bad row stops the whole import, and the report names each bad row's line and
//! reasons. A name or learning type the app does not know is reported once, with how many rows
//! hold it. A row already in the database is skipped, so importing the same file twice adds
//! nothing.

use std::collections::HashSet;
use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

use super::{validate, LearningType, TrainingInput};
use crate::board::{self, MemberFilter};
use crate::csvfile::{self, name_key};
use crate::error::Result;
use crate::import::{self, Field, ImportKind, ImportOptions, MappingReport, Resolved, Vocabulary};
use crate::store::{self, history, Store};
use crate::training::repo as training;

/// The columns read, with the other names spreadsheets give them.
pub const FIELDS: &[Field] = &[
    Field {
        name: "Name",
        required: true,
        aliases: &[
            "Member",
            "Board member",
            "Full name",
            "Staff name",
            "Person",
            "Employee name",
        ],
    },
    Field {
        name: "Course",
        required: true,
        aliases: &[
            "Title",
            "Course title",
            "Training",
            "Training course",
            "Module",
            "Course name",
        ],
    },
    Field {
        name: "Provider",
        required: true,
        aliases: &[
            "Provided by",
            "Trainer",
            "Delivered by",
            "Training provider",
            "Organisation",
        ],
    },
    Field {
        name: "Completed",
        required: true,
        aliases: &[
            "Date completed",
            "Completion date",
            "Completed on",
            "Date",
            "Date attended",
        ],
    },
    Field {
        name: "Hours",
        required: true,
        aliases: &[
            "Duration",
            "Duration (hours)",
            "Hours completed",
            "CPD hours",
            "Length (hours)",
        ],
    },
    Field {
        name: "Learning type",
        required: true,
        aliases: &[
            "Type",
            "Format",
            "Delivery",
            "Mode",
            "Type of learning",
            "Delivery method",
        ],
    },
    Field {
        name: "Level",
        required: true,
        aliases: &[
            "Safeguarding level",
            "Training level",
            "Intercollegiate level",
        ],
    },
    Field {
        name: "Expires",
        required: false,
        aliases: &[
            "Expiry",
            "Expiry date",
            "Expires on",
            "Renewal date",
            "Valid until",
            "Renewal due",
        ],
    },
    Field {
        name: "Certificate",
        required: false,
        aliases: &[
            "Certificate ref",
            "Certificate number",
            "Certificate reference",
            "Certificate no",
        ],
    },
];

const NAME: usize = 0;
const LEARNING_TYPE: usize = 5;

/// The values the coded columns can take: the board's members and the learning types.
pub fn vocabularies(store: &Store) -> Result<Vec<Vocabulary>> {
    Ok(vec![
        Vocabulary {
            field: FIELDS[NAME].name,
            options: board::list_members(store, MemberFilter::All)?
                .into_iter()
                .map(|m| (m.id, m.name))
                .collect(),
            create: None,
            unknown: None,
            list: false,
        },
        Vocabulary {
            field: FIELDS[LEARNING_TYPE].name,
            options: LearningType::ALL
                .iter()
                .map(|t| (t.code().to_string(), t.label().to_string()))
                .collect(),
            create: None,
            unknown: None,
            list: false,
        },
    ])
}

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
    /// Rows holding a value the person chose to leave out.
    pub left_out: u32,
    /// Rows holding a name or type still unknown: each value is in `mapping.values`, once.
    pub unknown_rows: u32,
    /// Header columns this import does not read.
    pub ignored_columns: Vec<String>,
    /// Where each field was found, and what each of the file's words was taken to mean.
    pub mapping: MappingReport,
    /// True when the person asked only to see what would happen.
    pub dry_run: bool,
    /// False when bad rows stopped the import, or on a dry run: nothing was written.
    pub imported: bool,
}

pub fn import_training_csv(
    store: &mut Store,
    path: &Path,
    options: &ImportOptions,
) -> Result<ImportReport> {
    let remembered = import::remembered_mapping(store.conn(), ImportKind::Training)?;
    let mapped = import::map(
        csvfile::read_file(path)?,
        FIELDS,
        &vocabularies(store)?,
        &options.mapping,
        &remembered,
    )?;
    mapped.report.require_columns()?;
    let mut report = import_table(store, &mapped, options)?;
    report.file_name = import::file_name(path);
    Ok(report)
}

fn import_table(
    store: &mut Store,
    mapped: &import::Mapped,
    options: &ImportOptions,
) -> Result<ImportReport> {
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
        encoding: mapped.table.encoding.into(),
        rows: mapped.table.rows.len() as u32,
        added: 0,
        already_recorded: 0,
        rejected: Vec::new(),
        left_out: 0,
        unknown_rows: 0,
        ignored_columns: mapped.report.unread_columns(),
        mapping: mapped.report.clone(),
        dry_run: options.dry_run,
        imported: false,
    };
    let mut valid = Vec::new();
    for row in &mapped.table.rows {
        let field = |c: usize| mapped.text(row, c).to_string();
        let (member, learning_type) = (mapped.value(row, NAME), mapped.value(row, LEARNING_TYPE));
        if [member, learning_type].contains(&Resolved::LeaveOut) {
            report.left_out += 1;
            continue;
        }
        if [member, learning_type]
            .iter()
            .any(|v| matches!(v, Resolved::Unknown(_)))
        {
            report.unknown_rows += 1;
            continue;
        }
        let input = TrainingInput {
            member_id: match member {
                Resolved::Use(id) => id.to_string(),
                _ => String::new(),
            },
            title: field(1),
            provider: field(2),
            completed_on: field(3),
            hours: field(4),
            learning_type: match learning_type {
                Resolved::Use(code) => LearningType::parse("learningType", code).ok(),
                _ => None,
            },
            level: field(6),
            expires_on: field(7),
            certificate_ref: field(8),
        };
        match validate::training_all(&input) {
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
            Err(problems) => report.rejected.push(RejectedRow {
                line: row.line,
                name: field(NAME),
                reason: problems
                    .into_iter()
                    .map(|p| match p.field.as_deref() {
                        Some("memberId") => "The name is empty.".to_string(),
                        Some("learningType") => "The learning type is empty.".to_string(),
                        _ => p.message,
                    })
                    .collect::<Vec<_>>()
                    .join(" "),
            }),
        }
    }
    if import::stops_here(
        ImportKind::Training,
        options,
        report.rejected.len(),
        report.unknown_rows,
        &report.mapping,
    ) {
        report.added = valid.len() as u32;
        return Ok(report);
    }
    let added = valid.len() as u32;
    let keep = mapped.report.to_keep();
    store.write(|tx| {
        for mut record in valid {
            let now = crate::dates::now_utc();
            record.id = store::new_id();
            record.created_at = now.clone();
            record.updated_at = now;
            training::save(tx, &record)?;
            history::record_searched(tx, &record.id, "imported", &record)?;
        }
        import::remember_mapping(tx, ImportKind::Training, &keep)
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
