//! The safeguarding assurance paper for a period, as a plain document: cover sheet, assurance
//! summary, the scrutiny log, actions, training compliance, competency coverage and an
//! appendix of the framework items and areas it refers to. Everything here reads the store
//! through the domain modules; nothing here knows about pages.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::cover::{self, CoverSheet};
use crate::board::{self, MemberFilter};
use crate::compliance::{self, ComplianceMatrix};
use crate::dates::{dense, prose};
use crate::document::{
    columns, heading, palette, para, section, small, Block, Chart, Document, Field, Series, Table,
    TextStyle,
};
use crate::error::Result;
use crate::periods::Period;
use crate::scrutiny::{self, ActionFilter, Coverage, LogFilter};
use crate::store::Store;
use crate::{competency, framework};

/// Which paper to build: the period it reports on and the day it is "as at" (which decides
/// what is overdue or expired, and is printed as its date).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PaperRequest {
    pub period: Period,
    pub as_at: NaiveDate,
}

pub fn paper_title(period: Period) -> String {
    format!("Safeguarding assurance report: {}", period.label())
}

pub fn build_paper(store: &Store, req: PaperRequest) -> Result<Document> {
    let sheet = cover::cover_sheet(store, req.period)?;
    let organisation = board::get_organisation(store)?
        .map(|o| o.name)
        .unwrap_or_default();
    let coverage = scrutiny::coverage(store, req.period)?;
    let log = scrutiny::list_entries(
        store,
        &LogFilter {
            period: Some(req.period),
            ..Default::default()
        },
    )?;
    let actions = scrutiny::list_actions_on(
        store,
        ActionFilter {
            include_closed: false,
            ..Default::default()
        },
        req.as_at,
    )?;
    let matrix = compliance::matrix(store, req.as_at, None)?;

    let title = match sheet.value("title") {
        "" => paper_title(req.period),
        t => t.to_string(),
    };
    let mut blocks = Vec::new();
    cover_sheet(&mut blocks, &sheet, &title, &organisation, req);
    assurance_summary(&mut blocks, &coverage);
    scrutiny_log(&mut blocks, &log, req.period);
    open_actions(&mut blocks, &actions, req.as_at);
    training(&mut blocks, &matrix);
    let referred = competency_coverage(&mut blocks, store)?;
    let frameworks: Vec<_> = framework::all_frameworks(store)?
        .into_iter()
        .map(|(fw, _)| fw)
        .collect();
    appendix(&mut blocks, &coverage, &referred, &frameworks);

    Ok(Document {
        title,
        author: match sheet.value("author") {
            "" => organisation,
            a => a.to_string(),
        },
        subject: format!("Safeguarding assurance, {}", req.period.label()),
        marking: cover::protective_marking(store)?,
        dated: req.as_at,
        blocks,
    })
}

fn cover_sheet(
    blocks: &mut Vec<Block>,
    sheet: &CoverSheet,
    title: &str,
    organisation: &str,
    req: PaperRequest,
) {
    blocks.push(Block::Heading {
        level: 1,
        text: "Cover sheet".into(),
        new_page: false,
    });
    if !organisation.is_empty() {
        blocks.push(Block::Paragraph {
            text: organisation.to_string(),
            style: TextStyle::Strong,
        });
    }
    blocks.push(para(format!(
        "Reporting period: {}. Figures as at {}.",
        req.period.label(),
        prose(req.as_at)
    )));
    let fields = sheet
        .fields
        .iter()
        .map(|f| Field {
            label: f.label.clone(),
            value: match (f.code.as_str(), sheet.value(&f.code)) {
                ("title", "") => title.to_string(),
                (_, "") => "Not stated".to_string(),
                (_, v) => v.to_string(),
            },
        })
        .collect();
    blocks.push(Block::Fields(fields));
}

fn assurance_summary(blocks: &mut Vec<Block>, coverage: &Coverage) {
    blocks.push(section("Assurance summary by area"));
    let scrutinised = coverage.rows.len() as u32 - coverage.uncovered;
    let entries: u32 = coverage.rows.iter().map(|r| r.entries).sum();
    blocks.push(para(format!(
        "In {}, the board recorded {entries} {} across {scrutinised} of {} assurance areas. {} {} no scrutiny.",
        coverage.period_label,
        plural(entries, "challenge", "challenges"),
        coverage.rows.len(),
        coverage.uncovered,
        if coverage.uncovered == 1 { "area had" } else { "areas had" },
    )));

    let colours = [
        palette::GREEN,
        palette::NHS_BLUE,
        palette::WARM_YELLOW,
        palette::RED,
        palette::DARK_BLUE,
        palette::ORANGE,
        palette::MID_GREY,
    ];
    let covered: Vec<_> = coverage.rows.iter().filter(|r| r.entries > 0).collect();
    let series = coverage
        .levels
        .iter()
        .enumerate()
        .map(|(i, level)| Series {
            name: level.label.clone(),
            colour: colours[i % colours.len()],
            values: covered.iter().map(|r| r.by_level[i]).collect(),
        })
        .collect();
    let described: Vec<String> = covered
        .iter()
        .map(|r| {
            let levels: Vec<String> = coverage
                .levels
                .iter()
                .zip(&r.by_level)
                .filter(|(_, n)| **n > 0)
                .map(|(l, n)| format!("{n} {}", l.label.to_lowercase()))
                .collect();
            format!("{}: {}", r.area.title, levels.join(", "))
        })
        .collect();
    blocks.push(Block::Chart(Chart {
        title: "Assurance levels by area".into(),
        categories: covered.iter().map(|r| r.area.title.clone()).collect(),
        series,
        text_equivalent: if described.is_empty() {
            "No area had scrutiny in the period, so there is nothing to chart.".into()
        } else {
            format!(
                "Challenges by the assurance they gave, for each area with scrutiny. {}.",
                described.join("; ")
            )
        },
    }));

    let mut spec: Vec<(&str, f32)> = vec![("Area", 4.0), ("Challenges", 1.4)];
    spec.extend(coverage.levels.iter().map(|l| (l.label.as_str(), 1.4)));
    spec.push(("Last scrutinised", 1.8));
    blocks.push(Block::Table(Table {
        caption: format!("Scrutiny by assurance area, {}", coverage.period_label),
        columns: columns(&spec),
        rows: coverage
            .rows
            .iter()
            .map(|r| {
                let mut row = vec![r.area.title.clone(), r.entries.to_string()];
                row.extend(r.by_level.iter().map(u32::to_string));
                row.push(
                    r.last_scrutinised
                        .map(dense)
                        .unwrap_or_else(|| "None".into()),
                );
                row
            })
            .collect(),
        empty: "The organisation has no assurance areas selected.".into(),
    }));

    blocks.push(heading(2, "Areas with no scrutiny in the period"));
    let none: Vec<String> = coverage
        .rows
        .iter()
        .filter(|r| r.entries == 0)
        .map(|r| r.area.title.clone())
        .collect();
    if none.is_empty() {
        blocks.push(para("Every assurance area had scrutiny in the period."));
    } else {
        blocks.push(Block::List(none));
    }
}

fn scrutiny_log(blocks: &mut Vec<Block>, log: &[scrutiny::EntryView], period: Period) {
    blocks.push(section("Scrutiny log"));
    blocks.push(para(format!(
        "Every challenge recorded in {}, oldest first: what was asked, the answer and evidence given, and the assurance the board took from it.",
        period.label()
    )));
    let mut log: Vec<&scrutiny::EntryView> = log.iter().collect();
    log.sort_by(|a, b| {
        (a.entry.raised_on, &a.entry.created_at).cmp(&(b.entry.raised_on, &b.entry.created_at))
    });
    let rows: Vec<Vec<String>> = log
        .iter()
        .map(|e| {
            let evidence: Vec<&str> = e.entry.evidence.iter().map(|s| s.label()).collect();
            let mut response = e.entry.response.clone();
            if !evidence.is_empty() {
                response.push_str(&format!("\nEvidence: {}", evidence.join(", ")));
            }
            let mut when = dense(e.entry.raised_on);
            if let Some(m) = &e.meeting_label {
                when.push('\n');
                when.push_str(m);
            }
            if let Some(i) = &e.item_label {
                when.push('\n');
                when.push_str(i);
            }
            vec![
                when,
                e.area_title.clone(),
                format!("{}\nto {}", e.raised_by_name, e.entry.directed_to),
                e.entry.challenge.clone(),
                response,
                e.level_label.clone(),
                e.entry.minute_ref.clone(),
            ]
        })
        .collect();
    blocks.push(Block::Table(Table {
        caption: format!("Scrutiny log, {}", period.label()),
        columns: columns(&[
            ("Date and meeting", 2.0),
            ("Area", 2.0),
            ("Raised by", 1.6),
            ("Challenge", 3.4),
            ("Response and evidence", 3.4),
            ("Assurance", 1.4),
            ("Minute", 1.0),
        ]),
        rows,
        empty: "No challenges were recorded in the period.".into(),
    }));
}

fn open_actions(blocks: &mut Vec<Block>, actions: &[scrutiny::TrackedAction], as_at: NaiveDate) {
    blocks.push(section("Open and overdue actions"));
    let overdue = actions.iter().filter(|a| a.view.overdue).count() as u32;
    blocks.push(para(format!(
        "{} {} not closed on {}; {overdue} {} overdue.",
        actions.len(),
        plural(actions.len() as u32, "action was", "actions were"),
        prose(as_at),
        plural(overdue, "is", "are"),
    )));
    blocks.push(Block::Table(Table {
        caption: format!("Actions not closed on {}, overdue first", dense(as_at)),
        columns: columns(&[
            ("Action", 3.6),
            ("Owner", 1.8),
            ("Due", 1.3),
            ("Status", 1.6),
            ("From the challenge", 3.4),
        ]),
        rows: actions
            .iter()
            .map(|t| {
                let a = &t.view.action;
                let mut status = a.status.label().to_string();
                if t.view.overdue {
                    status = format!(
                        "Overdue by {} {}",
                        t.view.days_overdue,
                        plural(t.view.days_overdue, "day", "days")
                    );
                }
                if !a.escalated_to.is_empty() {
                    status.push_str(&format!("\nEscalated to {}", a.escalated_to));
                }
                vec![
                    a.description.clone(),
                    a.owner_name.clone(),
                    a.due_on.map(dense).unwrap_or_else(|| "No date".into()),
                    status,
                    format!("{} ({}, {})", t.challenge, t.area_title, dense(t.raised_on)),
                ]
            })
            .collect(),
        empty: "There are no open actions.".into(),
    }));
}

fn training(blocks: &mut Vec<Block>, matrix: &ComplianceMatrix) {
    blocks.push(section("Board members’ training compliance"));
    blocks.push(para(format!(
        "Each current board member against each training requirement on {}. “Due soon” means the learning lapses within {} days.",
        prose(matrix.on),
        matrix.due_soon_days
    )));
    let values = |f: fn(&compliance::RequirementTotals) -> u32| -> Vec<u32> {
        matrix.totals.iter().map(f).collect()
    };
    let described: Vec<String> = matrix
        .requirements
        .iter()
        .zip(&matrix.totals)
        .map(|(r, t)| {
            format!(
                "{}: {} in date, {} due soon, {} expired, {} not met",
                r.title, t.in_date, t.due_soon, t.expired, t.not_met
            )
        })
        .collect();
    blocks.push(Block::Chart(Chart {
        title: "Training compliance by requirement".into(),
        categories: matrix
            .requirements
            .iter()
            .map(|r| r.title.clone())
            .collect(),
        series: vec![
            Series {
                name: "In date".into(),
                colour: palette::GREEN,
                values: values(|t| t.in_date),
            },
            Series {
                name: "Due soon".into(),
                colour: palette::WARM_YELLOW,
                values: values(|t| t.due_soon),
            },
            Series {
                name: "Expired".into(),
                colour: palette::RED,
                values: values(|t| t.expired),
            },
            Series {
                name: "Not met".into(),
                colour: palette::DARK_BLUE,
                values: values(|t| t.not_met),
            },
        ],
        text_equivalent: if described.is_empty() {
            "No training requirements are set, so there is nothing to chart.".into()
        } else {
            format!(
                "Board members by status for each requirement that applies to them. {}.",
                described.join("; ")
            )
        },
    }));
    let mut spec: Vec<(&str, f32)> = vec![("Member", 2.2)];
    spec.extend(matrix.requirements.iter().map(|r| (r.title.as_str(), 1.6)));
    blocks.push(Block::Table(Table {
        caption: format!("Training compliance matrix on {}", dense(matrix.on)),
        columns: columns(&spec),
        rows: matrix
            .rows
            .iter()
            .map(|row| {
                let mut out = vec![row.name.clone()];
                out.extend(row.cells.iter().map(|c| match c.next_change {
                    Some(d) if c.status != compliance::Status::NotRequired => {
                        format!("{}\nuntil {}", c.status.label(), dense(d))
                    }
                    _ => c.status.label().to_string(),
                }));
                out
            })
            .collect(),
        empty: "The register has no current members.".into(),
    }));
}

/// The competency table; returns the ids of the framework items it covers, for the appendix.
fn competency_coverage(blocks: &mut Vec<Block>, store: &Store) -> Result<BTreeSet<String>> {
    blocks.push(section("Competency coverage"));
    blocks.push(para(
        "How far each current member has assessed themselves against the framework items that apply to their roles, and how many assessments were signed off. The items are listed in the appendix.",
    ));
    let mut referred = BTreeSet::new();
    let mut rows = Vec::new();
    for member in board::list_members(store, MemberFilter::Current)? {
        let (items, s) = competency::competency_coverage(store, &member)?;
        referred.extend(items.iter().map(|i| i.item.id.clone()));
        rows.push(vec![
            member.name,
            s.items.to_string(),
            s.assessed.to_string(),
            s.meeting.to_string(),
            s.signed_off.to_string(),
            (s.items - s.meeting).to_string(),
        ]);
    }
    blocks.push(Block::Table(Table {
        caption: "Self-assessment against the competency framework".into(),
        columns: columns(&[
            ("Member", 2.6),
            ("Items that apply", 1.4),
            ("Assessed", 1.4),
            ("Meeting the item", 1.4),
            ("Signed off", 1.4),
            ("Gaps", 1.2),
        ]),
        rows,
        empty: "The register has no current members.".into(),
    }));
    Ok(referred)
}

fn appendix(
    blocks: &mut Vec<Block>,
    coverage: &Coverage,
    referred: &BTreeSet<String>,
    frameworks: &[framework::Framework],
) {
    blocks.push(section("Appendix: framework items and assurance areas"));
    blocks.push(heading(2, "Assurance areas"));
    blocks.push(Block::Table(Table {
        caption: "The assurance areas this paper reports against".into(),
        columns: columns(&[("Area", 3.0), ("What it covers", 6.0), ("Source", 2.4)]),
        rows: coverage
            .rows
            .iter()
            .map(|r| {
                vec![
                    r.area.title.clone(),
                    r.area.text.clone(),
                    r.area
                        .source
                        .as_ref()
                        .map(|s| format!("{}, {}", s.document, s.section))
                        .unwrap_or_else(|| "The organisation’s own".into()),
                ]
            })
            .collect(),
        empty: "No assurance areas are selected.".into(),
    }));
    blocks.push(heading(2, "Framework items"));
    blocks.push(small(
        "The items that apply to at least one current member, word for word from their framework.",
    ));
    let rows: Vec<Vec<String>> = frameworks
        .iter()
        .flat_map(|fw| fw.all_items())
        .filter(|i| referred.contains(&i.id))
        .map(|i| {
            vec![
                i.id.clone(),
                i.text.clone(),
                format!("{}, {}", i.source.document, i.source.section),
            ]
        })
        .collect();
    blocks.push(Block::Table(Table {
        caption: "Framework items referred to".into(),
        columns: columns(&[("Item", 1.8), ("Text", 7.0), ("Section", 2.4)]),
        rows,
        empty: "No framework items apply to the current members.".into(),
    }));
}

fn plural<'a>(n: u32, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}
