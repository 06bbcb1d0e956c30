//! Exports for other tools: the log, actions, training and the compliance matrix as CSV that
//! Excel opens correctly, and every record as one documented JSON file.

mod json;
mod tables;

use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

use crate::codes::coded;
use crate::error::Result;
use crate::periods::Period;
use crate::store::Store;

pub use json::{everything, write_json, JSON_SCHEMA_VERSION};

coded!(
    /// Which table a CSV export holds.
    CsvExport, "export", {
        Log => "log", "Scrutiny log";
        Actions => "actions", "Follow-up actions";
        Training => "training", "Training records";
        Matrix => "matrix", "Compliance matrix";
    }
);

/// What an export wrote.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Saved {
    pub path: String,
    /// Data rows (CSV) or records (JSON) written.
    #[ts(type = "number")]
    pub rows: u64,
}

/// The CSV text of one table, for `period` where the table has dates (the matrix is as at
/// `today`).
pub fn csv(
    store: &Store,
    what: CsvExport,
    period: Option<Period>,
    today: chrono::NaiveDate,
) -> Result<(String, u64)> {
    let (header, rows) = match what {
        CsvExport::Log => tables::log(store, period)?,
        CsvExport::Actions => tables::actions(store, period, today)?,
        CsvExport::Training => tables::training(store, period)?,
        CsvExport::Matrix => {
            let m = crate::compliance::matrix(store, today, None)?;
            let n = m.rows.len() as u64;
            return Ok((crate::compliance::matrix_csv(&m), n));
        }
    };
    let n = rows.len() as u64;
    Ok((crate::csvfile::to_text(&header, &rows), n))
}

/// Writes one table as CSV to `path`; the file appears whole or not at all.
pub fn write_csv(
    store: &Store,
    what: CsvExport,
    period: Option<Period>,
    path: &Path,
) -> Result<Saved> {
    let (text, rows) = csv(store, what, period, crate::dates::today())?;
    crate::files::write_atomically(path, text.as_bytes())?;
    tracing::info!(what = what.code(), rows, "CSV exported");
    Ok(Saved {
        path: path.display().to_string(),
        rows,
    })
}

/// A file name to suggest: "Scrutiny log 2026-27.csv".
pub fn suggested_name(what: CsvExport, period: Option<Period>) -> String {
    match period {
        Some(p) => format!("{} {}.csv", what.label(), p.to_string().replace('/', "-")),
        None => format!("{}.csv", what.label()),
    }
}

#[cfg(test)]
mod tests;
