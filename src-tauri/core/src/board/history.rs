//! A member's history: every saved version, described as the changes a person would notice.

use serde::Serialize;
use ts_rs::TS;

use super::members::ENTITY;
use super::Member;
use crate::dates;
use crate::error::Result;
use crate::store::{history, Store};

/// One saved version of a member, with what changed from the version before.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HistoryEntry {
    /// UTC time of the change, ISO 8601.
    pub recorded_at: String,
    /// `added`, `edited` or `ended`.
    pub change: String,
    /// Plain-English lines, e.g. "Job title: Chief Nurse → Chief Nursing Officer".
    pub changes: Vec<String>,
    pub snapshot: Member,
}

pub fn member_history(store: &Store, id: &str) -> Result<Vec<HistoryEntry>> {
    // Fails with a clear message when the id is unknown.
    super::get_member(store, id)?;
    let mut out: Vec<HistoryEntry> = Vec::new();
    for v in history::versions(store.conn(), ENTITY, id)? {
        let Ok(snapshot) = serde_json::from_value::<Member>(v.snapshot) else {
            continue;
        };
        let changes = match out.last() {
            None => vec!["Added to the register".to_string()],
            Some(prev) => describe(&prev.snapshot, &snapshot),
        };
        out.push(HistoryEntry {
            recorded_at: v.recorded_at,
            change: v.change,
            changes,
            snapshot,
        });
    }
    Ok(out)
}

fn describe(a: &Member, b: &Member) -> Vec<String> {
    let mut out = Vec::new();
    let mut diff = |label: &str, x: String, y: String| {
        if x != y {
            out.push(format!("{label}: {} → {}", or_none(&x), or_none(&y)));
        }
    };
    diff("Name", a.name.clone(), b.name.clone());
    diff("Type", a.kind.label().into(), b.kind.label().into());
    let roles = |m: &Member| {
        m.roles
            .iter()
            .map(|r| r.label())
            .collect::<Vec<_>>()
            .join(", ")
    };
    diff("Framework roles", roles(a), roles(b));
    diff("Job title", a.job_title.clone(), b.job_title.clone());
    diff(
        "Start date",
        dates::dense(a.start_date),
        dates::dense(b.start_date),
    );
    let end = |m: &Member| m.end_date.map(dates::dense).unwrap_or_default();
    diff("End date", end(a), end(b));
    diff(
        "Committees",
        a.committees.join(", "),
        b.committees.join(", "),
    );
    out
}

fn or_none(s: &str) -> &str {
    if s.is_empty() {
        "none"
    } else {
        s
    }
}
