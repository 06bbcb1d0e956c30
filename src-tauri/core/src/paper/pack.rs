//! The board pack for a meeting: its agenda with an index of papers and their page numbers,
//! then the papers in agenda order (the generated safeguarding paper and PDF papers the
//! secretary added), as one PDF numbered from the first page to the last.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::build::{build_paper, paper_title, PaperRequest};
use super::cover;
use crate::dates::{dense, prose};
use crate::document::{columns, para, Block, Document, Table};
use crate::error::{CoreError, Result};
use crate::pdf::{self, Meta, Part};
use crate::periods::Period;
use crate::scrutiny::{self, AgendaItem, Meeting};
use crate::store::entity::Entity;
use crate::store::{history, settings, Store};

/// One paper in a pack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PackPaper {
    /// The agenda item it is for, if any.
    pub item_id: Option<String>,
    pub title: String,
    pub source: PackSource,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[ts(export)]
pub enum PackSource {
    /// The safeguarding assurance paper for a period, generated when the pack is made.
    Safeguarding { period: Period },
    /// A PDF paper from disk, included as it is.
    File { path: String },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PackPlan {
    pub meeting_id: String,
    pub papers: Vec<PackPaper>,
}

const MAX_PAPERS: usize = 60;

fn key(meeting_id: &str) -> String {
    format!("pack:{meeting_id}")
}

fn meeting(store: &Store, id: &str) -> Result<Meeting> {
    Ok(scrutiny::get_meeting(store, id)?.meeting)
}

/// The quarter before the one the meeting falls in: what a board usually reviews.
fn default_period(held_on: NaiveDate) -> Period {
    let this = Period::quarter_of(held_on);
    Period::quarter_of(
        this.start()
            .pred_opt()
            .expect("quarters start after year 1"),
    )
}

/// The papers saved for a meeting's pack; before any are saved, the safeguarding paper for
/// the previous quarter, under the agenda item about safeguarding if there is one.
pub fn pack_plan(store: &Store, meeting_id: &str) -> Result<PackPlan> {
    let m = meeting(store, meeting_id)?;
    if let Some(papers) = settings::get::<Vec<PackPaper>>(store.conn(), &key(meeting_id))? {
        return Ok(PackPlan {
            meeting_id: m.id,
            papers,
        });
    }
    let period = default_period(m.held_on);
    Ok(PackPlan {
        papers: vec![safeguarding_paper(&m, period)],
        meeting_id: m.id,
    })
}

/// A pack made on the spot and not saved (the command line's): the safeguarding paper for
/// `period`, if given, then each file, under the agenda item with the number given.
pub fn plan_for(
    store: &Store,
    meeting_id: &str,
    period: Option<Period>,
    files: &[(Option<String>, PathBuf)],
) -> Result<PackPlan> {
    let m = meeting(store, meeting_id)?;
    let mut papers: Vec<PackPaper> = period
        .map(|p| safeguarding_paper(&m, p))
        .into_iter()
        .collect();
    for (number, path) in files {
        let item =
            match number {
                Some(n) => Some(m.items.iter().find(|i| i.number == n.trim()).ok_or_else(
                    || {
                        CoreError::validation(
                            "attach",
                            format!(
                                "The meeting has no agenda item numbered '{}'.",
                                crate::error::shown(n)
                            ),
                        )
                    },
                )?),
                None => None,
            };
        papers.push(file_paper(path, item));
    }
    Ok(PackPlan {
        meeting_id: m.id,
        papers,
    })
}

/// The safeguarding paper for `period`, under the agenda item about safeguarding if any.
fn safeguarding_paper(m: &Meeting, period: Period) -> PackPaper {
    PackPaper {
        item_id: m
            .items
            .iter()
            .find(|i| i.title.to_lowercase().contains("safeguard"))
            .map(|i| i.id.clone()),
        title: paper_title(period),
        source: PackSource::Safeguarding { period },
    }
}

/// A paper from disk, titled as its agenda item, or else by its file name.
fn file_paper(path: &Path, item: Option<&AgendaItem>) -> PackPaper {
    PackPaper {
        item_id: item.map(|i| i.id.clone()),
        title: item.map(|i| i.title.clone()).unwrap_or_else(|| {
            path.file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "Paper".into())
        }),
        source: PackSource::File {
            path: path.display().to_string(),
        },
    }
}

/// Adds a PDF paper from disk to the end of a meeting's pack, after checking it reads.
pub fn add_pack_file(store: &mut Store, meeting_id: &str, path: &Path) -> Result<PackPlan> {
    read_paper(path)?;
    let mut plan = pack_plan(store, meeting_id)?;
    plan.papers.push(file_paper(path, None));
    save_pack_plan(store, &plan)
}

/// Saves a reordered, retitled or shortened plan. It may not bring in files that are not
/// already in the pack: new files come only through `add_pack_file`, from a file the user
/// chose.
pub fn update_pack_plan(store: &mut Store, plan: &PackPlan) -> Result<PackPlan> {
    let current = pack_plan(store, &plan.meeting_id)?;
    for p in &plan.papers {
        if let PackSource::File { path } = &p.source {
            let known = current
                .papers
                .iter()
                .any(|c| matches!(&c.source, PackSource::File { path: k } if k == path));
            if !known {
                return Err(CoreError::validation(
                    "papers",
                    "A paper can only be added by choosing its file.",
                ));
            }
        }
    }
    save_pack_plan(store, plan)
}

pub fn save_pack_plan(store: &mut Store, plan: &PackPlan) -> Result<PackPlan> {
    let m = meeting(store, &plan.meeting_id)?;
    if plan.papers.len() > MAX_PAPERS {
        return Err(CoreError::validation(
            "papers",
            format!("A pack holds at most {MAX_PAPERS} papers."),
        ));
    }
    let mut papers = Vec::new();
    for p in &plan.papers {
        let title = p.title.split_whitespace().collect::<Vec<_>>().join(" ");
        if title.is_empty() || title.chars().count() > 200 {
            return Err(CoreError::validation(
                "papers",
                "Every paper needs a title of at most 200 characters.",
            ));
        }
        if let Some(item) = &p.item_id {
            if !m.items.iter().any(|i| &i.id == item) {
                return Err(CoreError::validation(
                    "papers",
                    format!("'{title}' is tied to an agenda item this meeting does not have."),
                ));
            }
        }
        if let PackSource::File { path } = &p.source {
            if path.trim().is_empty() || path.len() > 4096 {
                return Err(CoreError::validation(
                    "papers",
                    format!("'{title}' needs the file it comes from."),
                ));
            }
        }
        papers.push(PackPaper { title, ..p.clone() });
    }
    store.write(|tx| {
        settings::set(tx, &key(&m.id), &papers)?;
        history::record(tx, Entity::PackPlan, &m.id, "edited", &papers)?;
        Ok(())
    })?;
    Ok(PackPlan {
        meeting_id: m.id,
        papers,
    })
}

/// The whole pack as PDF bytes, with the number of pages.
pub fn build_pack(store: &Store, plan: &PackPlan, as_at: NaiveDate) -> Result<(Vec<u8>, usize)> {
    let m = meeting(store, &plan.meeting_id)?;
    if plan.papers.is_empty() {
        return Err(CoreError::validation(
            "papers",
            "The pack has no papers. Add the safeguarding paper or a PDF paper first.",
        ));
    }
    // Each paper laid out (or read and checked) once; its page count places the next.
    let mut papers = Vec::new();
    for p in &plan.papers {
        let title = p.title.clone();
        papers.push(match &p.source {
            PackSource::Safeguarding { period } => Part::Generated {
                title,
                laid: pdf::lay_out(&build_paper(store, PaperRequest::summary(*period, as_at))?),
            },
            PackSource::File { path } => Part::External {
                title,
                pdf: read_paper(Path::new(path))?,
            },
        });
    }
    let counts: Vec<usize> = papers.iter().map(Part::pages).collect();
    let organisation = crate::board::get_organisation(store)?
        .map(|o| o.name)
        .unwrap_or_default();
    let title = format!("Board pack: {}", m.label());
    // The front matter's own length decides where the papers start; settle it by laying
    // it out until the count stops changing (a second pass almost always suffices).
    let front = |pages| front_matter(&m, plan, &counts, pages, &title, &organisation, as_at);
    let mut front_pages = 1;
    let mut laid = pdf::lay_out(&front(front_pages));
    for _ in 0..4 {
        if laid.pages.len() == front_pages {
            break;
        }
        front_pages = laid.pages.len();
        laid = pdf::lay_out(&front(front_pages));
    }
    let marking = cover::protective_marking(store)?;
    let mut parts = vec![Part::Generated {
        title: title.clone(),
        laid,
    }];
    parts.extend(papers);
    let total = front_pages + counts.iter().sum::<usize>();
    let bytes = pdf::join(
        &Meta {
            title,
            author: organisation,
            subject: format!("Papers for the {}", m.label()),
            marking,
            dated: as_at,
        },
        parts,
    )?;
    Ok((bytes, total))
}

/// The name the save dialog suggests for a meeting's pack, carrying the meeting and its date:
/// "Board pack, Board, 8 October 2026.pdf".
pub fn pack_file_name(store: &Store, meeting_id: &str) -> Result<String> {
    let m = meeting(store, meeting_id)?;
    let label: String = m
        .label()
        .chars()
        .map(|c| {
            if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '-'
            } else {
                c
            }
        })
        .collect();
    Ok(format!("Board pack, {label}.pdf"))
}

/// Writes the pack to `path` through a temporary file, so a failure never leaves a broken
/// file under the final name.
pub fn write_pack(
    store: &Store,
    plan: &PackPlan,
    as_at: NaiveDate,
    path: &Path,
) -> Result<super::Written> {
    let (bytes, pages) = build_pack(store, plan, as_at)?;
    crate::files::write_atomically(path, &bytes)?;
    tracing::info!(bytes = bytes.len(), pages, "board pack written");
    let m = meeting(store, &plan.meeting_id)?;
    Ok(super::Written {
        path: path.display().to_string(),
        title: format!("Board pack: {}", m.label()),
        bytes: bytes.len() as u64,
        pages: Some(pages as u32),
    })
}

fn read_paper(path: &Path) -> Result<pdf::External> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let bytes = std::fs::read(path).map_err(|e| {
        let reason = CoreError::from(e).message;
        CoreError::validation(
            "papers",
            format!(
                "{name} could not be read: {reason} Check the paper is still at {}, or add it again.",
                path.display()
            ),
        )
    })?;
    pdf::load_external(&bytes, &name)
}

fn front_matter(
    m: &Meeting,
    plan: &PackPlan,
    counts: &[usize],
    front_pages: usize,
    title: &str,
    organisation: &str,
    as_at: NaiveDate,
) -> Document {
    let mut starts = Vec::new();
    let mut next = front_pages + 1;
    for n in counts {
        starts.push(next);
        next += n;
    }
    let paper_for = |item_id: &str| {
        plan.papers
            .iter()
            .zip(&starts)
            .find(|(p, _)| p.item_id.as_deref() == Some(item_id))
    };
    let mut blocks: Vec<Block> = vec![
        Block::Heading {
            level: 1,
            text: "Agenda".into(),
            new_page: false,
        },
        para(format!(
            "{organisation}. {}, {}.",
            m.kind_label,
            prose(m.held_on)
        )),
        Block::Table(Table {
            caption: format!("Agenda, {}", m.label()),
            columns: columns(&[
                ("Item", 0.8),
                ("Title", 4.0),
                ("Paper", 1.4),
                ("Lead", 2.0),
                ("Page", 0.8),
            ]),
            rows: m
                .items
                .iter()
                .map(|i| {
                    vec![
                        i.number.clone(),
                        i.title.clone(),
                        i.paper_ref.clone(),
                        i.executive_lead.clone(),
                        paper_for(&i.id)
                            .map(|(_, s)| s.to_string())
                            .unwrap_or_else(|| "Verbal".into()),
                    ]
                })
                .collect(),
            empty: "The meeting has no agenda items yet.".into(),
        }),
        Block::Heading {
            level: 1,
            text: "Index of papers".into(),
            new_page: false,
        },
    ];
    blocks.push(Block::Table(Table {
        caption: "Papers in this pack, with the page each starts on".into(),
        columns: columns(&[
            ("Paper", 4.6),
            ("Agenda item", 2.4),
            ("Pages", 1.2),
            ("Starts on page", 1.4),
        ]),
        rows: plan
            .papers
            .iter()
            .zip(&starts)
            .zip(counts)
            .map(|((p, start), n)| {
                let item = p
                    .item_id
                    .as_deref()
                    .and_then(|id| m.items.iter().find(|i| i.id == id))
                    .map(|i| format!("{} {}", i.number, i.title))
                    .unwrap_or_default();
                vec![p.title.clone(), item, n.to_string(), start.to_string()]
            })
            .collect(),
        empty: "The pack has no papers.".into(),
    }));
    blocks.push(para(format!("Pack made on {}.", dense(as_at))));
    Document {
        title: title.to_string(),
        author: organisation.to_string(),
        subject: String::new(),
        marking: String::new(),
        dated: as_at,
        blocks,
    }
}
