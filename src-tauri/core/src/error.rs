//! The one error shape that crosses every boundary: IPC, the command line and the logs.
//!
//! Every message is written for the person using the app: it says what went wrong and what to
//! do next, and never carries a debug dump.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What kind of failure occurred; the UI chooses its presentation from this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub enum ErrorKind {
    /// The input was wrong; `field` names the input to correct.
    Validation,
    /// The record asked for does not exist.
    NotFound,
    /// The operation conflicts with what is already stored.
    Conflict,
    /// Another window or command already has the database open.
    InUse,
    /// The database was written by a newer version of the app.
    TooNew,
    /// The database is encrypted and waits for its passphrase.
    Locked,
    /// The passphrase given does not open the database.
    WrongPassphrase,
    /// The file is damaged, truncated or not one of this app's databases.
    Damaged,
    /// The disk or file system refused (full, read-only, missing folder).
    Io,
    /// Anything else; reported with enough words to be useful.
    Internal,
}

/// The serialised form of every error, pinned by a test so the UI can rely on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ErrorBody {
    pub kind: ErrorKind,
    pub message: String,
    /// The input field at fault, in the camelCase name the UI uses.
    pub field: Option<String>,
    /// Every problem of the input when there are several, the first of them being `message`
    /// and `field`, so a form can show them all at once; absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub problems: Option<Vec<FieldProblem>>,
}

/// One problem with one field of an input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FieldProblem {
    pub field: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct CoreError {
    pub kind: ErrorKind,
    pub message: String,
    pub field: Option<String>,
    /// See [`ErrorBody::problems`].
    pub problems: Vec<FieldProblem>,
}

pub type Result<T> = std::result::Result<T, CoreError>;

/// `Ok` when no problem was found, else one error that is the first problem and lists them
/// all. A problem that is not about a field (the database failed) is returned alone.
pub fn all_of(mut problems: Vec<CoreError>) -> Result<()> {
    if problems.is_empty() {
        return Ok(());
    }
    if let Some(i) = problems
        .iter()
        .position(|p| p.kind != ErrorKind::Validation)
    {
        return Err(problems.swap_remove(i));
    }
    let listed: Vec<FieldProblem> = problems
        .iter()
        .map(|p| FieldProblem {
            field: p.field.clone().unwrap_or_default(),
            message: p.message.clone(),
        })
        .collect();
    let mut first = problems.remove(0);
    if listed.len() > 1 {
        first.problems = listed;
    }
    Err(first)
}

/// The value of `result`, or `None` with its error added to `problems`: for checks that go
/// on after a problem so that every problem of an input is reported at once.
pub fn noted<T>(problems: &mut Vec<CoreError>, result: Result<T>) -> Option<T> {
    result.map_err(|e| problems.push(e)).ok()
}

impl CoreError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        CoreError {
            kind,
            message: message.into(),
            field: None,
            problems: Vec::new(),
        }
    }

    pub fn validation(field: &str, message: impl Into<String>) -> Self {
        CoreError {
            kind: ErrorKind::Validation,
            message: message.into(),
            field: Some(field.to_string()),
            problems: Vec::new(),
        }
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::NotFound, message)
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Conflict, message)
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Internal, message)
    }

    pub fn body(&self) -> ErrorBody {
        ErrorBody {
            kind: self.kind,
            message: self.message.clone(),
            field: self.field.clone(),
            problems: (!self.problems.is_empty()).then(|| self.problems.clone()),
        }
    }
}

impl Serialize for CoreError {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.body().serialize(s)
    }
}

impl From<rusqlite::Error> for CoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as C;
        if let rusqlite::Error::SqliteFailure(f, _) = &e {
            match f.code {
                C::DiskFull => {
                    return CoreError::new(
                        ErrorKind::Io,
                        "The disk is full, so the change was not saved. Free some space and try again; nothing already saved has been lost.",
                    )
                }
                C::ReadOnly | C::CannotOpen | C::PermissionDenied => {
                    return CoreError::new(
                        ErrorKind::Io,
                        "The database file cannot be written (the folder or file is read-only, or missing). Check where it is kept and try again.",
                    )
                }
                C::SystemIoFailure => {
                    return CoreError::new(
                        ErrorKind::Io,
                        "The disk reported an input/output error, so the change was not saved. Check the drive, then try again.",
                    )
                }
                C::DatabaseCorrupt | C::NotADatabase => return damaged_database(),
                C::DatabaseBusy | C::DatabaseLocked => {
                    return CoreError::new(
                        ErrorKind::InUse,
                        "The database is busy in another program. Close other copies of Safeguarding Board Assurance and try again.",
                    )
                }
                _ => {}
            }
        }
        CoreError::internal(format!(
            "The database reported an unexpected problem ({e}). Nothing was changed."
        ))
    }
}

impl From<std::io::Error> for CoreError {
    fn from(e: std::io::Error) -> Self {
        use std::io::ErrorKind as K;
        let message = match e.kind() {
            K::StorageFull => "The disk is full. Free some space and try again.".to_string(),
            K::ReadOnlyFilesystem => {
                "The folder is on a read-only disk or share. Choose a folder you can write to."
                    .to_string()
            }
            K::PermissionDenied => {
                "Permission was refused by the file system. Choose a folder you can write to."
                    .to_string()
            }
            K::NotFound => "The file or folder does not exist.".to_string(),
            _ => format!("The file system reported a problem: {e}."),
        };
        CoreError::new(ErrorKind::Io, message)
    }
}

pub(crate) fn damaged_database() -> CoreError {
    CoreError::new(
        ErrorKind::Damaged,
        "This file is damaged or is not a Safeguarding Board Assurance database. It has been left untouched. Open another file, or restore a backup copy.",
    )
}

/// Input quoted back in a message, cut to a readable length: a pasted document must not turn
/// an error into a page of text.
pub fn shown(input: &str) -> String {
    const MAX: usize = 60;
    let text = input.trim();
    if text.chars().count() <= MAX {
        return text.to_string();
    }
    let cut: String = text.chars().take(MAX).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_error_shape_across_ipc_is_pinned() {
        let e = CoreError::validation(
            "endDate",
            "The end date must be on or after the start date.",
        );
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            r#"{"kind":"Validation","message":"The end date must be on or after the start date.","field":"endDate"}"#
        );
        let e = CoreError::new(ErrorKind::InUse, "busy");
        assert_eq!(
            serde_json::to_value(&e).unwrap(),
            serde_json::json!({"kind": "InUse", "message": "busy", "field": null})
        );
        let e = all_of(vec![
            CoreError::validation("name", "Enter the name."),
            CoreError::validation("startDate", "Enter the start date."),
        ])
        .unwrap_err();
        assert_eq!(
            serde_json::to_value(&e).unwrap(),
            serde_json::json!({"kind": "Validation", "message": "Enter the name.", "field": "name", "problems": [
                {"field": "name", "message": "Enter the name."},
                {"field": "startDate", "message": "Enter the start date."},
            ]}),
            "several problems: the first leads, and all are listed"
        );
    }
}
