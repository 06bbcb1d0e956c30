//! Every record as one JSON document, for other tools and for a regulator's request. The
//! shape is documented in the README ("JSON export") and versioned by `schemaVersion`.

use std::path::Path;

use serde::Serialize;

use super::Saved;
use crate::board::{Member, MemberFilter, Organisation};
use crate::competency::{Assessment, PlannedLearning};
use crate::compliance::Requirement;
use crate::error::Result;
use crate::scrutiny::{Action, AssuranceArea, AssuranceLevel, Entry, Meeting, MeetingKind};
use crate::store::Store;
use crate::training::TrainingRecord;

/// Raised when a field is removed or changes meaning; adding a field keeps the version.
pub const JSON_SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Everything {
    pub schema: &'static str,
    pub schema_version: u32,
    pub exported_at: String,
    pub organisation: Option<Organisation>,
    pub members: Vec<Member>,
    pub meeting_kinds: Vec<MeetingKind>,
    pub meetings: Vec<Meeting>,
    pub scrutiny_entries: Vec<Entry>,
    pub actions: Vec<Action>,
    pub assurance_areas: Vec<AssuranceArea>,
    pub assurance_levels: Vec<AssuranceLevel>,
    pub training: Vec<TrainingRecord>,
    pub training_requirements: Vec<Requirement>,
    pub self_assessments: Vec<Assessment>,
    pub planned_learning: Vec<PlannedLearning>,
}

impl Everything {
    fn records(&self) -> u64 {
        (self.organisation.iter().count()
            + self.members.len()
            + self.meetings.len()
            + self.scrutiny_entries.len()
            + self.actions.len()
            + self.training.len()
            + self.self_assessments.len()
            + self.planned_learning.len()) as u64
    }
}

pub fn everything(st: &Store) -> Result<Everything> {
    let conn = st.conn();
    let members = crate::board::repo::members::list(conn, MemberFilter::All, "")?;
    let (from, to) = crate::periods::span(None);
    let mut self_assessments = Vec::new();
    let mut planned_learning = Vec::new();
    for m in &members {
        self_assessments.extend(crate::competency::repo::assessments_for_member(
            conn, &m.id,
        )?);
        planned_learning.extend(crate::competency::repo::plan_for_member(conn, &m.id)?);
    }
    Ok(Everything {
        schema: "boardassure-records",
        schema_version: JSON_SCHEMA_VERSION,
        exported_at: crate::dates::now_utc(),
        organisation: crate::board::repo::organisation::get(conn)?,
        meeting_kinds: crate::scrutiny::repo::meeting_kinds(conn)?,
        meetings: crate::scrutiny::repo::meetings_between(conn, from, to)?,
        scrutiny_entries: crate::scrutiny::repo::entries_between(conn, from, to)?,
        actions: crate::scrutiny::repo::all_actions(conn)?,
        assurance_areas: crate::scrutiny::areas(st)?,
        assurance_levels: crate::scrutiny::assurance_levels(st)?,
        training: crate::training::repo::list_all(conn)?,
        training_requirements: crate::compliance::list_requirements(st)?,
        members,
        self_assessments,
        planned_learning,
    })
}

/// Writes everything to `path` as indented JSON; the file appears whole or not at all.
pub fn write_json(store: &Store, path: &Path) -> Result<Saved> {
    let all = everything(store)?;
    let mut text = serde_json::to_string_pretty(&all).expect("records serialise to JSON");
    text.push('\n');
    crate::files::write_atomically(path, text.as_bytes())?;
    Ok(Saved {
        path: path.display().to_string(),
        rows: all.records(),
    })
}
