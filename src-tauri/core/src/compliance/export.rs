//! The compliance matrix as CSV, for spreadsheets and board papers.

use std::path::Path;

use super::ComplianceMatrix;
use crate::dates;
use crate::error::Result;

/// One row per member, one column per requirement holding the status word, then a column per
/// requirement for the date it next changes. UTF-8 with a byte-order mark so Excel on Windows
/// shows names with accents and curly apostrophes correctly.
pub fn matrix_csv(m: &ComplianceMatrix) -> String {
    let mut header = vec!["Name".to_string(), "Roles".to_string()];
    header.extend(m.requirements.iter().map(|r| r.title.clone()));
    header.extend(
        m.requirements
            .iter()
            .map(|r| format!("{} – next change", r.title)),
    );
    let rows: Vec<Vec<String>> = m
        .rows
        .iter()
        .map(|row| {
            let roles: Vec<&str> = row.roles.iter().map(|r| r.label()).collect();
            let mut record = vec![row.name.clone(), roles.join("; ")];
            record.extend(row.cells.iter().map(|c| c.status.label().to_string()));
            record.extend(
                row.cells
                    .iter()
                    .map(|c| c.next_change.map(dates::dense).unwrap_or_default()),
            );
            record
        })
        .collect();
    crate::csvfile::to_text(&header, &rows)
}

/// Writes the matrix to `path` without ever leaving a half-written file under that name.
pub fn write_matrix_csv(m: &ComplianceMatrix, path: &Path) -> Result<()> {
    crate::files::write_atomically(path, matrix_csv(m).as_bytes())
}
