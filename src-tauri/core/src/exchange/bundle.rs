//! Choosing what goes into an exchange file: one member's records or the whole board's,
//! optionally for one period, with everything they refer to so the file stands on its own.

use std::collections::HashSet;

use rusqlite::Connection;

use super::records::Record;
use crate::board::MemberFilter;
use crate::error::{CoreError, Result};
use crate::periods::{self, Period};

/// Records for `member` (their profile, training, self-assessments, plan, the challenges they
/// raised with their actions, and actions assigned to them), or for the whole board when
/// `member` is `None`. Dated records outside `period` are left out.
pub fn collect(
    conn: &Connection,
    member: Option<&str>,
    period: Option<Period>,
) -> Result<Vec<Record>> {
    let (from, to) = periods::span(period);
    let in_period = |d: chrono::NaiveDate| d >= from && d <= to;
    let mut out: Vec<Record> = Vec::new();
    let members: Vec<_> = match member {
        Some(id) => vec![crate::board::repo::members::get(conn, id)?
            .ok_or_else(|| CoreError::not_found("That board member is not in this database."))?],
        None => crate::board::repo::members::list(conn, MemberFilter::All, "")?,
    };
    let included = |id: &str| member.is_none_or(|m| m == id);
    let entries: Vec<_> = crate::scrutiny::repo::entries_between(conn, from, to)?;
    let actions = crate::scrutiny::repo::all_actions(conn)?;
    let mine: HashSet<String> = entries
        .iter()
        .filter(|e| included(&e.raised_by))
        .map(|e| e.id.clone())
        .chain(
            actions
                .iter()
                .filter(|a| a.owner_member_id.as_deref().is_some_and(included))
                .map(|a| a.entry_id.clone()),
        )
        .collect();

    if let Some(o) = crate::board::repo::organisation::get(conn)? {
        out.push(Record::Organisation(o));
    }
    if member.is_none() {
        out.extend(
            crate::scrutiny::repo::meeting_kinds(conn)?
                .into_iter()
                .map(Record::MeetingKind),
        );
        out.extend(
            crate::scrutiny::repo::meetings_between(conn, from, to)?
                .into_iter()
                .map(Record::Meeting),
        );
    }
    for m in &members {
        out.extend(
            crate::training::repo::list_for_member(conn, &m.id)?
                .into_iter()
                .filter(|t| in_period(t.completed_on))
                .map(Record::Training),
        );
        out.extend(
            crate::competency::repo::assessments_for_member(conn, &m.id)?
                .into_iter()
                .filter(|a| in_period(a.assessed_on))
                .map(Record::Assessment),
        );
        out.extend(
            crate::competency::repo::plan_for_member(conn, &m.id)?
                .into_iter()
                .map(Record::Plan),
        );
    }
    out.extend(members.into_iter().map(Record::Member));
    for e in entries.into_iter().filter(|e| mine.contains(e.id.as_str())) {
        out.push(Record::Entry(e));
    }
    for a in actions
        .into_iter()
        .filter(|a| mine.contains(a.entry_id.as_str()))
    {
        out.push(Record::Action(a));
    }
    close_over_references(conn, &mut out)?;
    out.sort_by_key(Record::rank);
    Ok(out)
}

/// Adds every record the chosen ones refer to, and what those refer to in turn.
fn close_over_references(conn: &Connection, records: &mut Vec<Record>) -> Result<()> {
    let mut have: HashSet<(String, String)> = records
        .iter()
        .map(|r| (r.entity().to_string(), r.id().to_string()))
        .collect();
    let mut next = 0;
    while next < records.len() {
        for (entity, id) in records[next].references() {
            if have.insert((entity.to_string(), id.clone())) {
                if let Some(found) = Record::load(conn, entity, &id)? {
                    records.push(found);
                }
            }
        }
        next += 1;
    }
    Ok(())
}
