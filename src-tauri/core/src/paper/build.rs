//! The safeguarding assurance paper for a period, as a plain document. By default it is the
//! summary a board reads in a few pages: cover sheet, headline figures, the assurance summary
//! and its chart, the areas with no or limited assurance, the actions that matter to the
//! period, training gaps and competency in brief. The secretary may add appendices (the full
//! scrutiny log, every open action, the whole training matrix, the framework items and areas)
//! or save any of them alone. Everything here reads the store through the domain modules;
//! nothing here knows about pages.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::cover::{self, CoverSheet};
use super::sections::{PaperSection, PaperSections};
use crate::board::{self, MemberFilter};
use crate::compliance::{self, ComplianceMatrix};
use crate::dates::{dense, prose};
use crate::document::{
    columns, heading, palette, para, small, Block, Chart, Document, Field, Series, Table, TextStyle,
};
use crate::error::Result;
use crate::periods::Period;
use crate::scrutiny::{self, ActionFilter, ActionStatus, Coverage, LogFilter};
use crate::store::Store;
use crate::{competency, framework};

/// Which paper to build: the period it reports on, the day it is "as at" (which decides
/// what is overdue or expired, and is printed as its date) and the parts to print.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PaperRequest {
    pub period: Period,
    pub as_at: NaiveDate,
    pub sections: PaperSections,
}

impl PaperRequest {
    /// The summary a board reads, with no appendix.
    pub fn summary(period: Period, as_at: NaiveDate) -> PaperRequest {
        PaperRequest {
            period,
            as_at,
            sections: PaperSections::summary(),
        }
    }
}

pub fn paper_title(period: Period) -> String {
    format!("Safeguarding assurance report: {}", period.label())
}

/// "2026/27 Q3", or "2026/27" for a year: the period as a sentence names it.
pub fn short_label(period: Period) -> String {
    match period.quarter {
        Some(q) => format!("{} Q{q}", Period::year(period.year)),
        None => period.to_string(),
    }
}

/// The title of what is printed: the cover sheet's (or the report's) when the summary is in
/// it; otherwise the appendix saved alone, or "Appendices to ..." for several.
fn document_title(sheet: &CoverSheet, req: PaperRequest) -> String {
    if req.sections.includes(PaperSection::Summary) {
        return match sheet.value("title") {
            "" => paper_title(req.period),
            t => t.to_string(),
        };
    }
    match req.sections.appendices().as_slice() {
        [one] => format!("{}: {}", one.title(), req.period.label()),
        _ => format!(
            "Appendices to the safeguarding assurance report: {}",
            req.period.label()
        ),
    }
}

/// A file name for what is printed, without its extension: "Safeguarding assurance report
/// 2026-27-Q2", or "Scrutiny log 2026-27-Q2" for the log saved alone.
pub fn paper_file_stem(period: Period, sections: PaperSections) -> String {
    let period = period.to_string().replace('/', "-");
    let what = if sections.includes(PaperSection::Summary) {
        "Safeguarding assurance report"
    } else {
        match sections.appendices().as_slice() {
            [one] => one.title(),
            _ => "Safeguarding assurance appendices",
        }
    };
    format!("{what} {period}")
}

/// What the summary and the appendices are made from, read once.
struct Facts {
    period: Period,
    as_at: NaiveDate,
    sections: PaperSections,
    coverage: Coverage,
    /// The period's challenges, oldest first.
    log: Vec<scrutiny::EntryView>,
    /// Every action, closed ones included, in the tracker's order (overdue first).
    actions: Vec<scrutiny::TrackedAction>,
    matrix: ComplianceMatrix,
    /// Each current member's competency summary, and the framework items that apply.
    competency: Vec<(String, competency::CompetencySummary)>,
    referred: BTreeSet<String>,
}

pub fn build_paper(store: &Store, req: PaperRequest) -> Result<Document> {
    let sheet = cover::cover_sheet(store, req.period)?;
    let organisation = board::get_organisation(store)?
        .map(|o| o.name)
        .unwrap_or_default();
    let mut log = scrutiny::list_entries(
        store,
        &LogFilter {
            period: Some(req.period),
            ..Default::default()
        },
    )?;
    log.sort_by(|a, b| {
        (a.entry.raised_on, &a.entry.created_at).cmp(&(b.entry.raised_on, &b.entry.created_at))
    });
    let mut competency = Vec::new();
    let mut referred = BTreeSet::new();
    for member in board::list_members(store, MemberFilter::Current)? {
        let (items, s) = competency::competency_coverage(store, &member)?;
        referred.extend(items.iter().map(|i| i.item.id.clone()));
        competency.push((member.name, s));
    }
    let facts = Facts {
        period: req.period,
        as_at: req.as_at,
        sections: req.sections,
        coverage: scrutiny::coverage(store, req.period)?,
        log,
        actions: scrutiny::list_actions_on(
            store,
            ActionFilter {
                include_closed: true,
                ..Default::default()
            },
            req.as_at,
        )?,
        matrix: compliance::matrix(store, req.as_at, None)?,
        competency,
        referred,
    };

    let title = document_title(&sheet, req);
    let mut blocks = Vec::new();
    if req.sections.includes(PaperSection::Summary) {
        cover_sheet(&mut blocks, &sheet, &title, &organisation, req);
        headline_figures(&mut blocks, &facts);
        assurance_summary(&mut blocks, &facts.coverage);
        weak_areas(&mut blocks, &facts);
        period_actions(&mut blocks, &facts);
        training_gaps(&mut blocks, &facts);
        competency_summary(&mut blocks, &facts);
    } else {
        if !organisation.is_empty() {
            blocks.push(Block::Paragraph {
                text: organisation.clone(),
                style: TextStyle::Strong,
            });
        }
        blocks.push(para(format!(
            "{title}. Reporting period: {}. Figures as at {}.",
            req.period.label(),
            prose(req.as_at)
        )));
    }
    for (i, part) in req.sections.appendices().into_iter().enumerate() {
        let heading = Block::Heading {
            level: 1,
            text: req.sections.heading(part),
            // An appendix saved alone starts on its first page.
            new_page: i > 0 || req.sections.includes(PaperSection::Summary),
        };
        blocks.push(heading);
        match part {
            PaperSection::Summary => {}
            PaperSection::Log => scrutiny_log(&mut blocks, &facts.log, req.period),
            PaperSection::Actions => open_actions(&mut blocks, &facts.actions, req.as_at),
            PaperSection::Training => training_matrix(&mut blocks, &facts.matrix),
            PaperSection::Appendix => {
                let frameworks: Vec<_> = framework::all_frameworks(store)?
                    .into_iter()
                    .map(|(fw, _)| fw)
                    .collect();
                appendix(&mut blocks, &facts, &frameworks);
            }
        }
    }

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

/// A heading in the summary: bookmarked, but running on from what came before.
fn part(text: impl Into<String>) -> Block {
    Block::Heading {
        level: 1,
        text: text.into(),
        new_page: false,
    }
}

/// The sentence a quarter with no challenges carries.
pub fn no_challenges_sentence(period: Period) -> String {
    format!("No challenges were logged in {}.", short_label(period))
}

/// How many of the scale's levels, counted from the weakest, are "no or limited" assurance:
/// the weaker half (Limited and No assurance on the default scale).
fn weak_from(levels: usize) -> usize {
    levels / 2
}

fn is_weak(coverage: &Coverage, code: &str) -> bool {
    coverage
        .levels
        .iter()
        .position(|l| l.code == code)
        .is_some_and(|i| i >= weak_from(coverage.levels.len()))
}

/// The words for the weak levels, weakest first: "no or limited assurance".
fn weak_words(coverage: &Coverage) -> String {
    let labels: Vec<String> = coverage.levels[weak_from(coverage.levels.len())..]
        .iter()
        .rev()
        .map(|l| {
            let label = l.label.to_lowercase();
            label
                .strip_suffix(" assurance")
                .map(str::to_string)
                .unwrap_or(label)
        })
        .collect();
    format!("{} assurance", labels.join(" or "))
}

/// The actions the summary lists: raised, due or closed in the period, and every action
/// overdue on the paper's date whenever it was raised: overdue first, then open, then closed.
pub(crate) fn actions_for_period(
    actions: &[scrutiny::TrackedAction],
    period: Period,
) -> Vec<&scrutiny::TrackedAction> {
    let mut listed: Vec<&scrutiny::TrackedAction> = actions
        .iter()
        .filter(|t| {
            let a = &t.view.action;
            t.view.overdue
                || period.contains(t.raised_on)
                || a.due_on.is_some_and(|d| period.contains(d))
                || (a.status == ActionStatus::Closed
                    && a.closed_on.is_some_and(|d| period.contains(d)))
        })
        .collect();
    // Overdue first, then those still open, then those closed; the tracker's order within.
    listed.sort_by_key(|t| match (t.view.overdue, t.view.action.status) {
        (true, _) => 0,
        (false, ActionStatus::Closed) => 2,
        _ => 1,
    });
    listed
}

fn headline_figures(blocks: &mut Vec<Block>, f: &Facts) {
    blocks.push(Block::Heading {
        level: 1,
        text: "Headline figures".into(),
        new_page: true,
    });
    let challenges = f.log.len() as u32;
    let areas = f.coverage.rows.len() as u32;
    let scrutinised = areas - f.coverage.uncovered;
    if challenges == 0 {
        blocks.push(Block::Paragraph {
            text: no_challenges_sentence(f.period),
            style: TextStyle::Strong,
        });
    }
    let raised = f
        .actions
        .iter()
        .filter(|t| f.period.contains(t.raised_on))
        .count() as u32;
    let closed = f
        .actions
        .iter()
        .filter(|t| {
            t.view.action.status == ActionStatus::Closed
                && t.view
                    .action
                    .closed_on
                    .is_some_and(|d| f.period.contains(d))
        })
        .count() as u32;
    let overdue = f.actions.iter().filter(|t| t.view.overdue).count() as u32;
    let weak = weak_area_count(f);
    let t = f.matrix.totals.iter().fold([0u32; 4], |mut acc, t| {
        acc[0] += t.in_date;
        acc[1] += t.due_soon;
        acc[2] += t.expired;
        acc[3] += t.not_met;
        acc
    });
    let checks: u32 = t.iter().sum();
    let training = if checks == 0 {
        "No training requirement applies to the current members.".to_string()
    } else {
        format!(
            "{} of {checks} required items in date ({}%); {} due soon, {} expired, {} not met.",
            t[0],
            (t[0] as f32 * 100.0 / checks as f32).round() as u32,
            t[1],
            t[2],
            t[3]
        )
    };
    blocks.push(Block::Fields(vec![
        Field {
            label: "Challenges logged".into(),
            value: match challenges {
                0 => format!("None in {}", short_label(f.period)),
                n => format!("{n} in {}", short_label(f.period)),
            },
        },
        Field {
            label: "Areas scrutinised".into(),
            value: format!("{scrutinised} of {areas}"),
        },
        Field {
            label: format!("Areas with {}", weak_words(&f.coverage)),
            value: weak.to_string(),
        },
        Field {
            label: "Actions".into(),
            value: format!(
                "{raised} raised and {closed} closed in the period; {overdue} overdue on {}.",
                prose(f.as_at)
            ),
        },
        Field {
            label: "Training compliance".into(),
            value: training,
        },
    ]));
}

fn assurance_summary(blocks: &mut Vec<Block>, coverage: &Coverage) {
    blocks.push(part("Assurance summary by area"));
    let scrutinised = coverage.rows.len() as u32 - coverage.uncovered;
    let entries: u32 = coverage.rows.iter().map(|r| r.entries).sum();
    if entries == 0 {
        blocks.push(para(format!(
            "{} None of the {} assurance areas had scrutiny.",
            no_challenges_sentence(coverage.period),
            coverage.rows.len()
        )));
    } else {
        blocks.push(para(format!(
            "In {}, the board recorded {entries} {} across {scrutinised} of {} assurance areas. {} {} no scrutiny.",
            coverage.period_label,
            plural(entries, "challenge", "challenges"),
            coverage.rows.len(),
            coverage.uncovered,
            if coverage.uncovered == 1 { "area had" } else { "areas had" },
        )));
    }

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
    if !covered.is_empty() {
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
            text_equivalent: format!(
                "Challenges by the assurance they gave, for each area with scrutiny. {}.",
                described.join("; ")
            ),
        }));
    }

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

    let none: Vec<String> = coverage
        .rows
        .iter()
        .filter(|r| r.entries == 0)
        .map(|r| r.area.title.clone())
        .collect();
    if entries > 0 {
        blocks.push(heading(2, "Areas with no scrutiny in the period"));
        if none.is_empty() {
            blocks.push(para("Every assurance area had scrutiny in the period."));
        } else {
            blocks.push(Block::List(none));
        }
    }
}

fn weak_area_count(f: &Facts) -> usize {
    let mut areas: Vec<&str> = f
        .log
        .iter()
        .filter(|e| is_weak(&f.coverage, &e.entry.assurance_level))
        .map(|e| e.entry.area_id.as_str())
        .collect();
    areas.sort_unstable();
    areas.dedup();
    areas.len()
}

/// The areas where a challenge in the period gave no or limited assurance, each with how
/// often, the latest level taken and whether that was better or worse than the one before.
fn weak_areas(blocks: &mut Vec<Block>, f: &Facts) {
    let words = weak_words(&f.coverage);
    blocks.push(part(format!("Areas with {words}")));
    let rank = |code: &str| f.coverage.levels.iter().position(|l| l.code == code);
    let mut rows = Vec::new();
    for r in &f.coverage.rows {
        let entries: Vec<&scrutiny::EntryView> = f
            .log
            .iter()
            .filter(|e| e.entry.area_id == r.area.id)
            .collect();
        let weak = entries
            .iter()
            .filter(|e| is_weak(&f.coverage, &e.entry.assurance_level))
            .count();
        if weak == 0 {
            continue;
        }
        let last = entries.last().expect("a weak entry is there");
        let trend = match entries.len().checked_sub(2).map(|i| entries[i]) {
            None => "The only challenge in the period".to_string(),
            Some(before) => match (
                rank(&last.entry.assurance_level),
                rank(&before.entry.assurance_level),
            ) {
                (Some(now), Some(then)) if now < then => {
                    format!("Better than the one before ({})", before.level_label)
                }
                (Some(now), Some(then)) if now > then => {
                    format!("Worse than the one before ({})", before.level_label)
                }
                _ => "The same as the one before".to_string(),
            },
        };
        rows.push(vec![
            r.area.title.clone(),
            format!("{weak} of {}", entries.len()),
            format!("{} ({})", last.level_label, dense(last.entry.raised_on)),
            trend,
        ]);
    }
    blocks.push(para(if rows.is_empty() {
        format!(
            "No challenge in {} gave {words}.",
            short_label(f.period),
        )
    } else {
        format!(
            "The {} {} where at least one challenge in {} gave {words}, with the latest assurance taken and how it compares with the challenge before it.",
            rows.len(),
            plural(rows.len() as u32, "area", "areas"),
            short_label(f.period),
        )
    }));
    if !rows.is_empty() {
        blocks.push(Block::Table(Table {
            caption: format!("Areas with {words}, {}", f.coverage.period_label),
            columns: columns(&[
                ("Area", 4.0),
                ("Challenges at these levels", 1.8),
                ("Latest assurance", 2.2),
                ("Trend", 3.0),
            ]),
            rows,
            empty: String::new(),
        }));
    }
}

fn action_status(t: &scrutiny::TrackedAction) -> String {
    let a = &t.view.action;
    let mut status = a.status.label().to_string();
    if t.view.overdue {
        status = format!(
            "Overdue by {} {}",
            t.view.days_overdue,
            plural(t.view.days_overdue, "day", "days")
        );
    } else if let (ActionStatus::Closed, Some(d)) = (a.status, a.closed_on) {
        status = format!("Closed {}", dense(d));
    }
    if !a.escalated_to.is_empty() {
        status.push_str(&format!("\nEscalated to {}", a.escalated_to));
    }
    status
}

/// The actions that matter to the period, and a sentence saying that is what is listed.
fn period_actions(blocks: &mut Vec<Block>, f: &Facts) {
    blocks.push(part("Actions for the period"));
    let listed = actions_for_period(&f.actions, f.period);
    let overdue = listed.iter().filter(|t| t.view.overdue).count() as u32;
    blocks.push(para(format!(
        "Listed here: the {} {} raised, due or closed in {}, and every action overdue on {} whenever it was raised ({overdue} overdue), overdue first. {}",
        listed.len(),
        plural(listed.len() as u32, "action", "actions"),
        short_label(f.period),
        prose(f.as_at),
        f.sections.pointer(PaperSection::Actions, "The full list of open actions, whenever raised,")
    )));
    if listed.is_empty() {
        return;
    }
    blocks.push(Block::Table(Table {
        caption: format!(
            "Actions raised, due or closed in {}, and overdue on {}",
            short_label(f.period),
            dense(f.as_at)
        ),
        columns: columns(&[
            ("Action", 4.0),
            ("Owner", 2.7),
            ("Raised", 1.45),
            ("Due", 1.45),
            ("Status", 2.5),
        ]),
        rows: listed
            .iter()
            .map(|t| {
                let a = &t.view.action;
                vec![
                    a.description.clone(),
                    a.owner_name.clone(),
                    dense(t.raised_on),
                    a.due_on.map(dense).unwrap_or_else(|| "No date".into()),
                    action_status(t),
                ]
            })
            .collect(),
        empty: String::new(),
    }));
}

/// The training chart, and only the members with something expired or not met.
fn training_gaps(blocks: &mut Vec<Block>, f: &Facts) {
    let matrix = &f.matrix;
    blocks.push(part("Board members’ training compliance"));
    let values = |g: fn(&compliance::RequirementTotals) -> u32| -> Vec<u32> {
        matrix.totals.iter().map(g).collect()
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
    if !described.is_empty() {
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
            text_equivalent: format!(
                "Board members by status for each requirement that applies to them. {}.",
                described.join("; ")
            ),
        }));
    }
    let titles_where = |row: &compliance::ComplianceRow, status: compliance::Status| {
        let t: Vec<&str> = row
            .cells
            .iter()
            .zip(&matrix.requirements)
            .filter(|(c, _)| c.status == status)
            .map(|(_, r)| r.title.as_str())
            .collect();
        t.join(", ")
    };
    let rows: Vec<Vec<String>> = matrix
        .rows
        .iter()
        .map(|row| {
            vec![
                row.name.clone(),
                titles_where(row, compliance::Status::Expired),
                titles_where(row, compliance::Status::NotMet),
            ]
        })
        .filter(|r| !r[1].is_empty() || !r[2].is_empty())
        .collect();
    blocks.push(para(format!(
        "On {}, {} of {} current {} had training expired or not met. {}",
        prose(matrix.on),
        rows.len(),
        matrix.rows.len(),
        plural(matrix.rows.len() as u32, "member", "members"),
        f.sections.pointer(
            PaperSection::Training,
            "The full matrix of every member against every requirement"
        )
    )));
    if !rows.is_empty() {
        blocks.push(Block::Table(Table {
            caption: format!(
                "Members with training expired or not met on {}",
                dense(matrix.on)
            ),
            columns: columns(&[("Member", 2.6), ("Expired", 4.0), ("Not met", 4.0)]),
            rows,
            empty: String::new(),
        }));
    }
}

/// Competency in one paragraph: how far the board has assessed itself, and who has most to do.
fn competency_summary(blocks: &mut Vec<Block>, f: &Facts) {
    blocks.push(part("Competency coverage"));
    let total = |g: fn(&competency::CompetencySummary) -> u32| -> u32 {
        f.competency.iter().map(|(_, s)| g(s)).sum()
    };
    let complete = f
        .competency
        .iter()
        .filter(|(_, s)| s.items > 0 && s.assessed >= s.items)
        .count();
    let mut gaps: Vec<(&str, u32)> = f
        .competency
        .iter()
        .map(|(n, s)| (n.as_str(), s.items - s.meeting))
        .filter(|(_, g)| *g > 0)
        .collect();
    gaps.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let most: Vec<String> = gaps
        .iter()
        .take(3)
        .map(|(n, g)| format!("{n} ({g})"))
        .collect();
    let mut text = format!(
        "{complete} of {} current members have assessed every framework item that applies to them. Across the board, {} of {} items are assessed, {} meet the item and {} are signed off.",
        f.competency.len(),
        total(|s| s.assessed),
        total(|s| s.items),
        total(|s| s.meeting),
        total(|s| s.signed_off),
    );
    if !most.is_empty() {
        text.push_str(&format!(" Most gaps: {}.", most.join(", ")));
    }
    text.push(' ');
    text.push_str(&f.sections.pointer(
        PaperSection::Appendix,
        "Each member’s coverage, with the framework items,",
    ));
    blocks.push(para(text));
}

fn scrutiny_log(blocks: &mut Vec<Block>, log: &[scrutiny::EntryView], period: Period) {
    blocks.push(para(format!(
        "Every challenge recorded in {}, oldest first: what was asked, the answer and evidence given, and the assurance the board took from it.",
        period.label()
    )));
    if log.is_empty() {
        blocks.push(para(no_challenges_sentence(period)));
    }
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
    let actions: Vec<&scrutiny::TrackedAction> = actions
        .iter()
        .filter(|t| t.view.action.status != ActionStatus::Closed)
        .collect();
    let overdue = actions.iter().filter(|a| a.view.overdue).count() as u32;
    blocks.push(para(format!(
        "Every action not closed on {}, whenever it was raised: {} {}; {overdue} {} overdue.",
        prose(as_at),
        actions.len(),
        plural(actions.len() as u32, "action", "actions"),
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
                vec![
                    a.description.clone(),
                    a.owner_name.clone(),
                    a.due_on.map(dense).unwrap_or_else(|| "No date".into()),
                    action_status(t),
                    format!("{} ({}, {})", t.challenge, t.area_title, dense(t.raised_on)),
                ]
            })
            .collect(),
        empty: "There are no open actions.".into(),
    }));
}

fn training_matrix(blocks: &mut Vec<Block>, matrix: &ComplianceMatrix) {
    blocks.push(para(format!(
        "Each current board member against each training requirement on {}. “Due soon” means the learning lapses within {} days.",
        prose(matrix.on),
        matrix.due_soon_days
    )));
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

fn appendix(blocks: &mut Vec<Block>, f: &Facts, frameworks: &[framework::Framework]) {
    blocks.push(heading(2, "Competency coverage by member"));
    blocks.push(small(
        "How far each current member has assessed themselves against the framework items that apply to their roles, and how many assessments were signed off.",
    ));
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
        rows: f
            .competency
            .iter()
            .map(|(name, s)| {
                vec![
                    name.clone(),
                    s.items.to_string(),
                    s.assessed.to_string(),
                    s.meeting.to_string(),
                    s.signed_off.to_string(),
                    (s.items - s.meeting).to_string(),
                ]
            })
            .collect(),
        empty: "The register has no current members.".into(),
    }));
    blocks.push(heading(2, "Assurance areas"));
    blocks.push(Block::Table(Table {
        caption: "The assurance areas this paper reports against".into(),
        columns: columns(&[("Area", 3.0), ("What it covers", 6.0), ("Source", 2.4)]),
        rows: f
            .coverage
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
        .filter(|i| f.referred.contains(&i.id))
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
