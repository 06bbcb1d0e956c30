//! The organisation profile, and the lists its forms offer.

use serde::Serialize;
use ts_rs::TS;

use super::validate::{required_text, MAX_NAME};
use super::{FrameworkRole, MemberKind, Nation, OrgType, Organisation, OrganisationInput};
use crate::board::repo::organisation;
use crate::codes::Choice;
use crate::dates;
use crate::error::Result;
use crate::store::entity::Entity;
use crate::store::{self, history, Store};

const ENTITY: Entity = Entity::Organisation;

pub fn get_organisation(store: &Store) -> Result<Option<Organisation>> {
    organisation::get(store.conn())
}

pub fn save_organisation(store: &mut Store, input: &OrganisationInput) -> Result<Organisation> {
    let org = store.write(|tx| upsert_organisation(tx, input))?;
    tracing::info!("organisation profile saved");
    Ok(org)
}

/// Creates or updates the one organisation within a caller's transaction.
pub fn upsert_organisation(
    conn: &rusqlite::Connection,
    input: &OrganisationInput,
) -> Result<Organisation> {
    let name = required_text("name", "the organisation's name", &input.name, MAX_NAME * 2)?;
    let now = dates::now_utc();
    let (org, change) = match organisation::get(conn)? {
        Some(before) => {
            let after = Organisation {
                name,
                nation: input.nation,
                org_type: input.org_type,
                updated_at: now,
                ..before.clone()
            };
            if (&after.name, after.nation, after.org_type)
                == (&before.name, before.nation, before.org_type)
            {
                return Ok(before);
            }
            (after, "edited")
        }
        None => (
            Organisation {
                id: store::new_id(),
                name,
                nation: input.nation,
                org_type: input.org_type,
                created_at: now.clone(),
                updated_at: now,
            },
            "added",
        ),
    };
    organisation::upsert(conn, &org)?;
    history::record(conn, ENTITY, &org.id, change, &org)?;
    Ok(org)
}

/// Everything the register's forms offer, with labels, so labels live in one place.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RegisterOptions {
    pub nations: Vec<Choice<Nation>>,
    pub org_types: Vec<Choice<OrgType>>,
    pub kinds: Vec<Choice<MemberKind>>,
    pub roles: Vec<Choice<FrameworkRole>>,
}

pub fn register_options() -> RegisterOptions {
    RegisterOptions {
        nations: Nation::choices(),
        org_types: OrgType::choices(),
        kinds: MemberKind::choices(),
        roles: FrameworkRole::choices(),
    }
}
