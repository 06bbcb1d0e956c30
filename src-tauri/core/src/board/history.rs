//! A member's history: every saved version, described as the changes a person would notice.

use super::members::ENTITY;
use super::Member;
use crate::changes::RecordVersion;
use crate::dates;
use crate::error::Result;
use crate::store::Store;

pub fn member_history(store: &Store, id: &str) -> Result<Vec<RecordVersion<Member>>> {
    // Fails with a clear message when the id is unknown.
    super::get_member(store, id)?;
    crate::changes::described(store, ENTITY, id, "Added to the register", describe)
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
