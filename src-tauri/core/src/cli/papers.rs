//! `boardassure paper`, `boardassure pack` and `boardassure cover`: the safeguarding
//! assurance paper and the board pack, and the cover sheet's fields.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::{line, print_json};
use crate::dates;
use crate::error::{CoreError, Result};
use crate::paper::{self, PaperFormat, PaperRequest, PaperSections};
use crate::periods::Period;
use crate::store::Store;

#[derive(Debug, Args)]
pub struct PaperArgs {
    /// The financial year (2026/27) or quarter (2026/27-Q2) it reports on
    #[arg(long, value_name = "PERIOD")]
    period: String,
    /// Where to write it
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// pdf or html [default: from the file name, else pdf]
    #[arg(long, value_name = "FORMAT")]
    format: Option<String>,
    /// The day its figures are "as at" (what is overdue or expired) [default: today]
    #[arg(long, value_name = "DATE")]
    as_at: Option<String>,
    /// The parts to print, comma-separated, in any order: summary (cover sheet, headline
    /// figures, assurance, the period's actions, training gaps, competency: a few pages), and
    /// the appendices log (every challenge of the period), actions (every open action),
    /// training (the whole training matrix) and appendix (framework items and areas). Leave
    /// out summary to save an appendix as its own document [default: summary]
    #[arg(long, value_name = "PARTS")]
    sections: Option<String>,
}

#[derive(Debug, Args)]
pub struct PackArgs {
    /// The meeting's id (see `meetings list --json`)
    #[arg(long, value_name = "ID")]
    meeting: String,
    /// Where to write the pack
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// The period of the safeguarding paper, instead of the papers saved for this meeting
    #[arg(long, value_name = "PERIOD")]
    period: Option<String>,
    /// Add a PDF paper, as ITEM=FILE (ITEM is the agenda item number, e.g. 4.2) or FILE;
    /// repeatable, in order. With --period or --attach, the saved papers are not used
    #[arg(long, value_name = "ITEM=FILE")]
    attach: Vec<String>,
    /// The day its figures are "as at" [default: today]
    #[arg(long, value_name = "DATE")]
    as_at: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum CoverCommand {
    /// Show a period's cover sheet
    Show {
        #[arg(long, value_name = "PERIOD")]
        period: String,
        #[arg(long)]
        json: bool,
    },
    /// Fill cover-sheet fields for a period's paper: --set CODE=TEXT, repeatable (an empty
    /// TEXT clears the field)
    Set {
        #[arg(long, value_name = "PERIOD")]
        period: String,
        #[arg(long = "set", value_name = "CODE=TEXT", required = true)]
        values: Vec<String>,
    },
    /// Set the protective marking printed on every page
    Marking { marking: String },
    /// The fields a cover sheet has, in order
    Fields {
        #[arg(long)]
        json: bool,
    },
    /// Add a field to the end of the cover sheet
    AddField {
        #[arg(long)]
        label: String,
        /// A multi-line field
        #[arg(long)]
        long: bool,
    },
    /// Take a field off the cover sheet (what was written in it is kept, and comes back if
    /// the field is added again with the same code)
    RemoveField { code: String },
}

fn as_at(text: Option<&str>) -> Result<chrono::NaiveDate> {
    match text {
        Some(t) => dates::parse_date("asAt", "as-at date", t),
        None => Ok(dates::today()),
    }
}

pub fn run_paper(store: &Store, args: PaperArgs, out: &mut impl Write) -> Result<()> {
    let format = match args
        .format
        .as_deref()
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        None => PaperFormat::from_path(&args.out),
        Some("pdf") => PaperFormat::Pdf,
        Some("html") => PaperFormat::Html,
        Some(other) => {
            return Err(CoreError::validation(
                "format",
                format!("'{other}' is not a paper format. Use pdf or html."),
            ))
        }
    };
    let req = PaperRequest {
        period: Period::parse(&args.period)?,
        as_at: as_at(args.as_at.as_deref())?,
        sections: match args.sections.as_deref() {
            Some(text) => PaperSections::parse(text)?,
            None => PaperSections::default(),
        },
    };
    let w = paper::write_paper(store, req, format, &args.out)?;
    let pages = w.pages.map(|p| format!(", {p} pages")).unwrap_or_default();
    line(
        out,
        format!(
            "Wrote “{}” to {} ({} bytes{pages}).",
            w.title, w.path, w.bytes
        ),
    )
}

pub fn run_pack(store: &Store, args: PackArgs, out: &mut impl Write) -> Result<()> {
    let plan = if args.period.is_some() || !args.attach.is_empty() {
        let files: Vec<(Option<String>, PathBuf)> = args
            .attach
            .iter()
            .map(|a| match a.split_once('=') {
                Some((item, file)) => (Some(item.to_string()), PathBuf::from(file)),
                None => (None, PathBuf::from(a)),
            })
            .collect();
        let period = args.period.as_deref().map(Period::parse).transpose()?;
        paper::plan_for(store, &args.meeting, period, &files)?
    } else {
        paper::pack_plan(store, &args.meeting)?
    };
    let w = paper::write_pack(store, &plan, as_at(args.as_at.as_deref())?, &args.out)?;
    line(
        out,
        format!(
            "Wrote the board pack to {} ({} papers, {} pages, {} bytes).",
            w.path,
            plan.papers.len(),
            w.pages.unwrap_or(0),
            w.bytes
        ),
    )
}

pub fn run_cover(store: &mut Store, command: CoverCommand, out: &mut impl Write) -> Result<()> {
    match command {
        CoverCommand::Show { period, json } => {
            let sheet = paper::cover_sheet(store, Period::parse(&period)?)?;
            if json {
                return print_json(out, &sheet);
            }
            for f in &sheet.fields {
                line(
                    out,
                    format!("{:<24} {:<44} {}", f.code, f.label, sheet.value(&f.code)),
                )?;
            }
            line(
                out,
                format!("Protective marking: {}", paper::protective_marking(store)?),
            )
        }
        CoverCommand::Set { period, values } => {
            let mut map = BTreeMap::new();
            for v in values {
                let (code, text) = v.split_once('=').ok_or_else(|| {
                    CoreError::validation("set", format!("'{v}' is not CODE=TEXT."))
                })?;
                map.insert(code.trim().to_string(), text.to_string());
            }
            let sheet = paper::save_cover_sheet(store, Period::parse(&period)?, &map)?;
            line(
                out,
                format!("Saved the cover sheet for {}.", sheet.period.label()),
            )
        }
        CoverCommand::Fields { json } => {
            let fields = paper::cover_fields(store)?;
            if json {
                return print_json(out, &fields);
            }
            for f in &fields {
                let long = if f.long { " (long)" } else { "" };
                line(out, format!("{:<24} {}{long}", f.code, f.label))?;
            }
            Ok(())
        }
        CoverCommand::AddField { label, long } => {
            let mut fields = paper::cover_fields(store)?;
            fields.push(paper::CoverField {
                code: String::new(),
                label,
                long,
            });
            let saved = paper::save_cover_fields(store, &fields)?;
            let added = saved.last().expect("a field was just added");
            line(
                out,
                format!(
                    "Added “{}” ({}) to the cover sheet.",
                    added.label, added.code
                ),
            )
        }
        CoverCommand::RemoveField { code } => {
            let mut fields = paper::cover_fields(store)?;
            let before = fields.len();
            fields.retain(|f| f.code != code);
            if fields.len() == before {
                return Err(CoreError::validation(
                    "code",
                    format!("The cover sheet has no field '{code}'. See `cover fields`."),
                ));
            }
            paper::save_cover_fields(store, &fields)?;
            line(out, format!("Took '{code}' off the cover sheet."))
        }
        CoverCommand::Marking { marking } => {
            let m = paper::save_protective_marking(store, &marking)?;
            line(out, format!("Papers are now marked {m}."))
        }
    }
}
