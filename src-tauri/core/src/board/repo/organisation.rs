//! The `organisation` table: at most one row.

use rusqlite::{params, Connection, OptionalExtension};

use crate::board::{Nation, OrgType, Organisation};
use crate::error::{CoreError, Result};

pub fn get(conn: &Connection) -> Result<Option<Organisation>> {
    let row = conn
        .query_row(
            "SELECT id, name, nation, org_type, created_at, updated_at FROM organisation",
            [],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                ))
            },
        )
        .optional()?;
    row.map(|(id, name, nation, org_type, created_at, updated_at)| {
        Ok(Organisation {
            id,
            name,
            nation: Nation::parse("nation", &nation).map_err(corrupt)?,
            org_type: OrgType::parse("orgType", &org_type).map_err(corrupt)?,
            created_at,
            updated_at,
        })
    })
    .transpose()
}

pub fn upsert(conn: &Connection, o: &Organisation) -> Result<()> {
    conn.execute(
        "INSERT INTO organisation (id, name, nation, org_type, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, nation = excluded.nation,
             org_type = excluded.org_type, updated_at = excluded.updated_at",
        params![
            o.id,
            o.name,
            o.nation.code(),
            o.org_type.code(),
            o.created_at,
            o.updated_at
        ],
    )?;
    Ok(())
}

fn corrupt(e: CoreError) -> CoreError {
    CoreError::internal(format!(
        "A stored organisation value is not recognised: {e}"
    ))
}
