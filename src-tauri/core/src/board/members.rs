//! Adding, editing, ending and listing board memberships.

use rusqlite::Connection;

use super::validate::{self, ValidMember};
use super::{Member, MemberFilter, MemberInput};
use crate::board::repo::members;
use crate::dates;
use crate::dates::today;
use crate::error::{CoreError, Result};
use crate::store::entity::Entity;
use crate::store::search::Searchable;
use crate::store::{self, history, Store};

pub(super) const ENTITY: Entity = <crate::board::Member as Searchable>::ENTITY;

pub fn list_members(store: &Store, filter: MemberFilter) -> Result<Vec<Member>> {
    members::list(store.conn(), filter, &today().to_string())
}

pub fn get_member(store: &Store, id: &str) -> Result<Member> {
    find(store.conn(), id)
}

pub fn add_member(store: &mut Store, input: &MemberInput) -> Result<Member> {
    let valid = validate::member(input)?;
    let member = store.write(|tx| insert_member(tx, valid))?;
    tracing::info!(id = %member.id, "member added");
    Ok(member)
}

/// Inserts a validated member within a caller's transaction (an import adds many at once).
pub fn insert_member(conn: &Connection, valid: ValidMember) -> Result<Member> {
    let now = dates::now_utc();
    let member = valid.into_member(store::new_id(), now.clone(), now);
    members::save(conn, &member)?;
    history::record_searched(conn, &member.id, "added", &member)?;
    Ok(member)
}

pub fn update_member(store: &mut Store, id: &str, input: &MemberInput) -> Result<Member> {
    let valid = validate::member(input)?;
    let member = store.write(|tx| {
        let before = find(tx, id)?;
        let after = valid.into_member(
            before.id.clone(),
            before.created_at.clone(),
            dates::now_utc(),
        );
        if same_content(&before, &after) {
            return Ok(before);
        }
        members::save(tx, &after)?;
        history::record_searched(tx, id, "edited", &after)?;
        Ok(after)
    })?;
    tracing::info!(id, "member edited");
    Ok(member)
}

/// Records the last day of a membership. The member stays in the register (and in every
/// record that names them) and can be listed under "ended".
pub fn end_membership(store: &mut Store, id: &str, end_date: &str) -> Result<Member> {
    let end = dates::parse_date("endDate", "end date", end_date)?;
    let member = store.write(|tx| {
        let before = find(tx, id)?;
        if let Some(existing) = before.end_date {
            return Err(CoreError::conflict(format!(
                "{}'s membership already ends on {}. Edit the member to change that date.",
                before.name,
                dates::prose(existing)
            )));
        }
        validate::check_end_after_start(before.start_date, end)?;
        let after = Member {
            end_date: Some(end),
            updated_at: dates::now_utc(),
            ..before
        };
        members::save(tx, &after)?;
        history::record_searched(tx, id, "ended", &after)?;
        Ok(after)
    })?;
    tracing::info!(id, "membership ended");
    Ok(member)
}

fn find(conn: &Connection, id: &str) -> Result<Member> {
    members::get(conn, id)?.ok_or_else(|| {
        CoreError::not_found(format!(
            "No board member has the id '{}'. List the members to see their ids.",
            crate::error::shown(id)
        ))
    })
}

fn same_content(a: &Member, b: &Member) -> bool {
    Member {
        updated_at: String::new(),
        ..a.clone()
    } == Member {
        updated_at: String::new(),
        ..b.clone()
    }
}
