//! Verifying the audit trail: the hash chain over every saved version of every record, and
//! each record as it stands against its last recorded version. Altering, inserting or removing
//! a history row, or editing a record outside the app, is reported with the first place found.

use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use crate::board::MemberFilter;
use crate::error::Result;
use crate::store::entity::Entity;
use crate::store::{history, Store};

/// What `audit verify` found.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AuditReport {
    /// History rows checked.
    #[ts(type = "number")]
    pub rows: u64,
    /// Records compared with their last recorded version.
    #[ts(type = "number")]
    pub records: u64,
    /// The first broken link of the chain, if any.
    pub broken_link: Option<AuditProblem>,
    /// Records that differ from their last recorded version.
    pub altered_records: Vec<AuditProblem>,
    pub ok: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AuditProblem {
    #[ts(type = "number | null")]
    pub seq: Option<i64>,
    pub entity: String,
    pub record_id: String,
    pub reason: String,
}

/// How many saved versions the audit trail holds.
pub fn history_rows(store: &Store) -> Result<u64> {
    crate::store::history::count(store.conn())
}

pub fn verify(store: &Store) -> Result<AuditReport> {
    let conn = store.conn();
    let chain = history::chain(conn)?;
    let mut broken_link = None;
    let mut prev = history::GENESIS.to_string();
    for (i, (link, prev_hash, hash)) in chain.iter().enumerate() {
        let expected_seq = i as i64 + 1;
        let problem = |reason: &str| AuditProblem {
            seq: Some(link.seq),
            entity: link.entity.clone(),
            record_id: link.record_id.clone(),
            reason: reason.to_string(),
        };
        let reason = if link.seq != expected_seq {
            Some(format!(
                "history row {expected_seq} is missing or out of place (found {})",
                link.seq
            ))
        } else if prev_hash.as_deref() != Some(prev.as_str()) {
            Some("it does not follow on from the row before it".to_string())
        } else if hash.as_deref() != Some(link.hash(&prev).as_str()) {
            Some("its contents were changed after it was written".to_string())
        } else {
            None
        };
        if let Some(reason) = reason {
            broken_link = Some(problem(&reason));
            break;
        }
        prev = hash.clone().unwrap_or_default();
    }

    let mut altered_records = Vec::new();
    let mut records = 0;
    for (entity, current) in current_records(store)? {
        let recorded = history::latest_snapshots(conn, entity)?;
        for (id, value) in current {
            records += 1;
            let reason = match recorded.get(&id) {
                None => Some("it has no recorded history"),
                Some(snapshot) if comparable(entity, snapshot) != comparable(entity, &value) => {
                    Some("it differs from its last recorded version")
                }
                Some(_) => None,
            };
            if let Some(reason) = reason {
                altered_records.push(AuditProblem {
                    seq: None,
                    entity: entity.to_string(),
                    record_id: id,
                    reason: reason.to_string(),
                });
            }
        }
    }
    let ok = broken_link.is_none() && altered_records.is_empty();
    if !ok {
        tracing::warn!(altered = altered_records.len(), "audit verification failed");
    }
    Ok(AuditReport {
        rows: chain.len() as u64,
        records,
        broken_link,
        altered_records,
        ok,
    })
}

/// Records of one entity as they stand: (record id, the record as JSON).
type Current = Vec<(String, Value)>;

/// Every record the app keeps history for, as it stands, by entity.
fn current_records(store: &Store) -> Result<Vec<(Entity, Current)>> {
    fn values<T: Serialize>(items: Vec<T>, id: impl Fn(&T) -> String) -> Current {
        items
            .into_iter()
            .map(|t| (id(&t), serde_json::to_value(&t).unwrap_or(Value::Null)))
            .collect()
    }
    let conn = store.conn();
    let members = crate::board::list_members(store, MemberFilter::All)?;
    let mut assessments = Vec::new();
    let mut plans = Vec::new();
    for m in &members {
        assessments.extend(crate::competency::repo::assessments_for_member(
            conn, &m.id,
        )?);
        plans.extend(crate::competency::repo::plan_for_member(conn, &m.id)?);
    }
    let (from, to) = crate::periods::ALL_TIME;
    Ok(vec![
        (Entity::Member, values(members, |m| m.id.clone())),
        (
            Entity::Training,
            values(crate::training::repo::list_all(conn)?, |t| t.id.clone()),
        ),
        (
            Entity::Requirement,
            values(crate::compliance::repo::list(conn)?, |r| r.id.clone()),
        ),
        (Entity::Assessment, values(assessments, |a| a.id.clone())),
        (Entity::PlannedLearning, values(plans, |p| p.id.clone())),
        (
            Entity::Meeting,
            values(
                crate::scrutiny::repo::meetings_between(conn, from, to)?,
                |m| m.id.clone(),
            ),
        ),
        (
            Entity::ScrutinyEntry,
            values(
                crate::scrutiny::repo::entries_between(conn, from, to)?,
                |e| e.id.clone(),
            ),
        ),
        (
            Entity::Action,
            values(crate::scrutiny::repo::all_actions(conn)?, |a| a.id.clone()),
        ),
    ])
}

/// A record with the fields it borrows from other records (a member's current name on a
/// meeting's attendance or a sign-off) taken out, so renaming someone is not an alteration.
fn comparable(entity: Entity, value: &Value) -> Value {
    let mut v = value.clone();
    match entity {
        Entity::Meeting => {
            if let Some(o) = v.as_object_mut() {
                o.remove("kindLabel");
                if let Some(Value::Array(list)) = o.get_mut("attendance") {
                    for a in list.iter_mut().filter_map(Value::as_object_mut) {
                        a.remove("name");
                    }
                    // Listed by name, so a renamed member may move in the list.
                    list.sort_by_key(|a| a["memberId"].as_str().unwrap_or_default().to_string());
                }
            }
        }
        Entity::Assessment => {
            if let Some(Value::Object(s)) = v.get_mut("signOff") {
                s.remove("byName");
            }
        }
        _ => {}
    }
    v
}

#[cfg(test)]
mod tests;
