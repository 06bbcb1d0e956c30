//! The frameworks a board uses: the shipped senior-manager framework plus any imported from
//! files of the same shape, and which roles each applies to.

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{parse, senior_manager_children, Framework};
use crate::board::FrameworkRole;
use crate::error::{CoreError, Result};
use crate::framework::repo as frameworks;
use crate::store::entity::Entity;
use crate::store::{history, Store};

/// Framework files larger than this are refused before they are read.
const MAX_FILE_BYTES: u64 = 5 * 1024 * 1024;
const EVERYONE: &str = "*";

/// A framework in the library, for the settings screen and `framework list`.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FrameworkSummary {
    pub id: String,
    pub title: String,
    pub built_in: bool,
    pub item_count: u32,
    pub applies_to: AppliesTo,
    pub imported_at: Option<String>,
}

/// Who a framework applies to: every board member, or holders of the listed roles (none
/// means it is in the library but not yet used).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AppliesTo {
    pub everyone: bool,
    pub roles: Vec<FrameworkRole>,
}

impl AppliesTo {
    fn from_scopes(scopes: &[String]) -> AppliesTo {
        AppliesTo {
            everyone: scopes.iter().any(|s| s == EVERYONE),
            roles: scopes
                .iter()
                .filter_map(|s| FrameworkRole::parse("roles", s).ok())
                .collect(),
        }
    }

    fn scopes(&self) -> Vec<String> {
        if self.everyone {
            return vec![EVERYONE.into()];
        }
        self.roles.iter().map(|r| r.code().to_string()).collect()
    }

    pub fn includes(&self, roles: &[FrameworkRole]) -> bool {
        self.everyone || self.roles.iter().any(|r| roles.contains(r))
    }
}

/// Every framework in the library, shipped one first.
pub fn all_frameworks(store: &Store) -> Result<Vec<(Framework, FrameworkSummary)>> {
    let conn = store.conn();
    let mut out = Vec::new();
    let shipped = senior_manager_children();
    let summary = summarise(
        &shipped,
        true,
        None,
        &frameworks::scopes(conn, &shipped.id)?,
    );
    out.push((shipped, summary));
    for row in frameworks::imported(conn)? {
        let fw = parse(&row.file_json)?;
        let summary = summarise(
            &fw,
            false,
            Some(row.imported_at),
            &frameworks::scopes(conn, &row.id)?,
        );
        out.push((fw, summary));
    }
    Ok(out)
}

pub fn list_frameworks(store: &Store) -> Result<Vec<FrameworkSummary>> {
    Ok(all_frameworks(store)?.into_iter().map(|(_, s)| s).collect())
}

/// One framework from the library by id.
pub fn get_framework(store: &Store, id: &str) -> Result<Framework> {
    all_frameworks(store)?
        .into_iter()
        .map(|(f, _)| f)
        .find(|f| f.id == id)
        .ok_or_else(|| {
            CoreError::not_found(format!(
                "No framework has the id '{id}'. See `framework list`."
            ))
        })
}

/// The frameworks that apply to a member holding `roles`.
pub fn frameworks_for(store: &Store, roles: &[FrameworkRole]) -> Result<Vec<Framework>> {
    Ok(all_frameworks(store)?
        .into_iter()
        .filter(|(_, s)| s.applies_to.includes(roles))
        .map(|(f, _)| f)
        .collect())
}

/// Adds the framework in the file at `path` to the library. It applies to nobody until the
/// board chooses its roles.
pub fn import_framework(store: &mut Store, path: &Path) -> Result<FrameworkSummary> {
    let size = std::fs::metadata(path)
        .map_err(|e| read_error(path, e))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(CoreError::validation(
            "file",
            format!(
                "{} is {} MB; a framework file is at most 5 MB. Check that this is the right file.",
                path.display(),
                size / (1024 * 1024)
            ),
        ));
    }
    let text = std::fs::read_to_string(path).map_err(|e| read_error(path, e))?;
    import_framework_text(store, &text)
}

pub fn import_framework_text(store: &mut Store, text: &str) -> Result<FrameworkSummary> {
    let fw = parse(text)?;
    if all_frameworks(store)?.iter().any(|(f, _)| f.id == fw.id) {
        return Err(CoreError::conflict(format!(
            "A framework with the id '{}' is already in the library. Give the file's framework a new id to import it alongside.",
            fw.id
        )));
    }
    let now = crate::dates::now_utc();
    store.write(|tx| {
        frameworks::insert(tx, &fw.id, &fw.title, text, &now)?;
        history::record(tx, Entity::Framework, &fw.id, "imported", &fw)?;
        Ok(())
    })?;
    tracing::info!(id = %fw.id, "framework imported");
    Ok(summarise(&fw, false, Some(now), &[]))
}

/// Chooses who a framework applies to.
pub fn set_applies_to(
    store: &mut Store,
    framework_id: &str,
    applies_to: &AppliesTo,
) -> Result<FrameworkSummary> {
    get_framework(store, framework_id)?;
    let scopes = applies_to.scopes();
    store.write(|tx| {
        frameworks::set_scopes(tx, framework_id, &scopes)?;
        history::record(
            tx,
            Entity::FrameworkAssignment,
            framework_id,
            "edited",
            applies_to,
        )?;
        Ok(())
    })?;
    list_frameworks(store)?
        .into_iter()
        .find(|s| s.id == framework_id)
        .ok_or_else(|| CoreError::internal("framework vanished"))
}

fn summarise(
    fw: &Framework,
    built_in: bool,
    imported_at: Option<String>,
    scopes: &[String],
) -> FrameworkSummary {
    FrameworkSummary {
        id: fw.id.clone(),
        title: fw.title.clone(),
        built_in,
        item_count: fw.all_items().count() as u32,
        applies_to: AppliesTo::from_scopes(scopes),
        imported_at,
    }
}

fn read_error(path: &Path, e: std::io::Error) -> CoreError {
    let mut err = CoreError::from(e);
    err.message = format!("Could not read {}: {}", path.display(), err.message);
    err
}
