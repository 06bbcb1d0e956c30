//! What needs the laptop's user now, and search over everything the board has written.

use std::io::Write;

use super::{line, print_json};
use crate::error::Result;
use crate::store::Store;

pub(super) fn home(store: &Store, json: bool, out: &mut impl Write) -> Result<()> {
    let h = crate::home::home(store, crate::dates::today())?;
    if json {
        print_json(out, &h)?;
    } else {
        print_home(out, &h)?;
    }
    Ok(())
}

pub(super) fn search(
    store: &Store,
    text: &str,
    kinds: &[String],
    period: Option<&str>,
    page: u32,
    json: bool,
    out: &mut impl Write,
) -> Result<()> {
    let filter = crate::search::SearchFilter {
        kinds: kinds
            .iter()
            .map(|k| crate::search::SearchKind::parse("kind", k))
            .collect::<Result<_>>()?,
        period: period.map(crate::periods::Period::parse).transpose()?,
    };
    let offset = (page - 1) * crate::search::SHOWN as u32;
    let found = crate::search::search_page(store, text, &filter, offset)?;
    if json {
        print_json(out, &found)?;
    } else if found.total == 0 {
        line(out, format!("Nothing matches “{text}”."))?;
    } else if found.hits.is_empty() {
        line(
            out,
            format!(
                "{} records match “{text}”; page {page} is past the last of them.",
                found.total
            ),
        )?;
    } else {
        let show = |parts: &[crate::search::TextPart]| {
            parts
                .iter()
                .map(|p| {
                    if p.matched {
                        format!("[{}]", p.text)
                    } else {
                        p.text.clone()
                    }
                })
                .collect::<String>()
                .replace('\n', " ")
        };
        for h in &found.hits {
            let day = h.day.map(crate::dates::dense).unwrap_or_default();
            line(
                out,
                format!(
                    "{:<16} {:<10} {}\n{:<28}{}",
                    h.kind.label(),
                    day,
                    show(&h.title),
                    "",
                    show(&h.snippet)
                ),
            )?;
        }
        line(
            out,
            format!(
                "{} record{} match; showing {} to {}{}.",
                found.total,
                if found.total == 1 { "" } else { "s" },
                found.offset + 1,
                found.offset + found.hits.len() as u32,
                if found.offset + (found.hits.len() as u32) < found.ranked {
                    format!(" (--page {} for the next)", page + 1)
                } else {
                    String::new()
                }
            ),
        )?;
        if found.more {
            line(out, crate::search::more_note(found.ranked))?;
        }
    }
    Ok(())
}

fn print_home(out: &mut impl Write, h: &crate::home::Home) -> Result<()> {
    let dates = crate::dates::dense;
    match &h.me {
        Some(me) => line(out, format!("For {}, {}.", me.name, crate::dates::prose(h.today)))?,
        None => line(out, "No one is chosen as this laptop's user (Settings), so only the board-wide view follows.".to_string())?,
    }
    if let Some(m) = &h.next_meeting {
        line(
            out,
            format!(
                "Next meeting: {} ({} agenda items).",
                m.label,
                m.items.len()
            ),
        )?;
    }
    for a in &h.my_actions {
        let due = a.view.action.due_on.map(dates).unwrap_or_default();
        let overdue = if a.view.overdue { " OVERDUE" } else { "" };
        line(
            out,
            format!(
                "My action: {} (due {due}){overdue}",
                a.view.action.description
            ),
        )?;
    }
    for a in &h.following_up {
        line(
            out,
            format!(
                "Following up: {} ({})",
                a.view.action.description, a.view.action.owner_name
            ),
        )?;
    }
    for t in &h.training_due {
        line(out, format!("Training: {}: {}", t.requirement, t.detail))?;
    }
    if h.me.is_some() {
        line(
            out,
            format!(
                "{} of {} framework items have no evidence yet.",
                h.unevidenced.len(),
                h.applicable_items
            ),
        )?;
    }
    line(
        out,
        format!(
            "{} assurance areas have had no scrutiny in {}.",
            h.unscrutinised_areas.len(),
            h.year_label
        ),
    )?;
    line(
        out,
        format!(
            "Board: {} open actions, {} overdue; {} members with training gaps.",
            h.board.open_actions,
            h.board.overdue_actions,
            h.board.compliance_gaps.len()
        ),
    )?;
    Ok(())
}
