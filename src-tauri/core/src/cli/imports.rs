//! What the two CSV imports share on the command line: the file, `--column` and `--map`,
//! `--dry-run`, and how a mapping and a refusal are printed.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::line;
use crate::error::Result;
use crate::import::{
    ImportKind, ImportMapping, ImportOptions, MappingReport, MatchHow, ValueTarget,
};

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The CSV file (UTF-8, with or without BOM, or Windows-1252 from Excel)
    pub file: PathBuf,
    /// Which of the file's columns holds an app field, as "FILE HEADER=App field"; repeatable
    #[arg(long = "column", value_name = "HEADER=FIELD")]
    pub columns: Vec<String>,
    /// What one of the file's words means, as "App field:file value=target", where the target
    /// is a label or a code, "(new)" to add it, or "(leave out)" to leave its rows out;
    /// repeatable
    #[arg(long = "map", value_name = "FIELD:VALUE=TARGET")]
    pub maps: Vec<String>,
    /// Import the good rows and report the bad ones instead of importing nothing
    #[arg(long)]
    pub skip_invalid: bool,
    /// Print what would be imported and the mapping that would be used; change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Print the import report as JSON
    #[arg(long)]
    pub json: bool,
}

impl ImportArgs {
    pub fn options(&self, kind: ImportKind, create_people: bool) -> Result<ImportOptions> {
        let mut mapping = ImportMapping::default();
        for spec in &self.columns {
            mapping.add_column_spec(kind.fields(), spec)?;
        }
        for spec in &self.maps {
            mapping.add_value_spec(kind.fields(), spec)?;
        }
        Ok(ImportOptions {
            mapping,
            skip_invalid: self.skip_invalid,
            create_people,
            dry_run: self.dry_run,
        })
    }
}

fn how(how: MatchHow) -> &'static str {
    match how {
        MatchHow::Given => "as given",
        MatchHow::Remembered => "as remembered from an earlier import",
        MatchHow::Exact => "same words",
        MatchHow::Loose => "same words, ignoring case and punctuation",
        MatchHow::Closest => "closest label",
        MatchHow::Unknown => "unknown",
    }
}

/// The columns not matched word for word, then each of the file's words that was not: what
/// it became, or (once per word, however many rows hold it) that it is unknown and how to map
/// it.
pub fn print_mapping(out: &mut impl Write, m: &MappingReport) -> Result<()> {
    for c in &m.columns {
        if let (Some(header), h) = (&c.header, c.how) {
            if h != MatchHow::Exact {
                let why = match h {
                    MatchHow::Loose => "a usual name for it",
                    other => how(other),
                };
                line(
                    out,
                    format!("Column \"{header}\" read as {} ({why}).", c.field),
                )?;
            }
        }
    }
    let unread = m.unread_columns();
    if !unread.is_empty() {
        line(out, format!("Columns not read: {}.", unread.join(", ")))?;
    }
    for v in &m.values {
        let rows = if v.rows == 1 {
            "1 row".to_string()
        } else {
            format!("{} rows", v.rows)
        };
        let text = match (&v.target, &v.label) {
            (Some(ValueTarget::Use(_)), Some(label)) => {
                format!(
                    "{} \"{}\" ({rows}) read as \"{label}\" ({}).",
                    v.field,
                    v.value,
                    how(v.how)
                )
            }
            (Some(ValueTarget::Use(code)), None) => {
                format!(
                    "{} \"{}\" ({rows}) read as {code} ({}).",
                    v.field,
                    v.value,
                    how(v.how)
                )
            }
            (Some(ValueTarget::Create), _) => {
                format!(
                    "{} \"{}\" ({rows}) will be added as new ({}).",
                    v.field,
                    v.value,
                    how(v.how)
                )
            }
            (Some(ValueTarget::LeaveOut), _) => {
                format!(
                    "{} \"{}\" ({rows}) left out ({}).",
                    v.field,
                    v.value,
                    how(v.how)
                )
            }
            (None, suggestion) => format!(
                "{} \"{}\" ({rows}) is unknown{}. Map it with --map \"{}:{}={}\".",
                v.field,
                v.value,
                suggestion
                    .as_ref()
                    .map_or(String::new(), |s| format!("; the nearest is \"{s}\"")),
                v.field,
                v.value,
                suggestion.as_deref().unwrap_or("TARGET")
            ),
        };
        line(out, text)?;
    }
    Ok(())
}

/// What both imports' reports say, for the lines the command line prints about either.
pub struct Outcome<'a> {
    pub file: &'a str,
    pub rows: u32,
    pub added: u32,
    pub already_recorded: u32,
    pub left_out: u32,
    pub unknown_rows: u32,
    pub rejected: usize,
    pub mapping: &'a MappingReport,
    pub dry_run: bool,
    pub imported: bool,
}

/// Both reports carry the same counts under the same names.
macro_rules! outcome_of {
    ($report:ty) => {
        impl<'a> From<&'a $report> for Outcome<'a> {
            fn from(r: &'a $report) -> Self {
                Outcome {
                    file: &r.file_name,
                    rows: r.rows,
                    added: r.added,
                    already_recorded: r.already_recorded,
                    left_out: r.left_out,
                    unknown_rows: r.unknown_rows,
                    rejected: r.rejected.len(),
                    mapping: &r.mapping,
                    dry_run: r.dry_run,
                    imported: r.imported,
                }
            }
        }
    };
}
outcome_of!(crate::scrutiny::ScrutinyImportReport);
outcome_of!(crate::training::ImportReport);

/// What a dry run would have done.
pub fn print_dry_run(out: &mut impl Write, o: &Outcome) -> Result<()> {
    line(
        out,
        format!(
            "Dry run, nothing changed: {} of {} rows in {} would be imported ({} already recorded, {} left out, {} with unknown values, {} with other problems).",
            o.added, o.rows, o.file, o.already_recorded, o.left_out, o.unknown_rows, o.rejected
        ),
    )
}

/// Ends an import command: a refusal is one line on standard error, and the command succeeds
/// when the import went ahead, or on a dry run that found nothing in the way.
pub fn finish(o: &Outcome) -> bool {
    if !o.imported && !o.dry_run {
        refusal_summary(
            o.file,
            o.rows,
            o.rejected,
            o.mapping.unknown().count(),
            o.unknown_rows,
        );
    }
    o.imported || (o.dry_run && o.rejected == 0 && o.unknown_rows == 0)
}

/// One line on standard error for an import that did not go ahead: scripts and logs see why
/// without reading the report.
fn refusal_summary(
    file: &str,
    rows: u32,
    rejected: usize,
    unknown_values: usize,
    unknown_rows: u32,
) {
    let mut parts = Vec::new();
    if unknown_values > 0 {
        parts.push(format!(
            "{unknown_values} unknown value{} in {unknown_rows} row{}",
            if unknown_values == 1 { "" } else { "s" },
            if unknown_rows == 1 { "" } else { "s" }
        ));
    }
    if rejected > 0 {
        parts.push(format!(
            "{rejected} row{} with other problems",
            if rejected == 1 { "" } else { "s" }
        ));
    }
    let _ = writeln!(
        std::io::stderr(),
        "Nothing was imported from {file} ({rows} rows): {}. Map the values with --map, correct the rows, or use --skip-invalid to import the rest.",
        parts.join(" and ")
    );
}
