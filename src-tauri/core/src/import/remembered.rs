//! Mappings remembered per organisation: one setting per import, with its history, so next
//! quarter's file from the same spreadsheet imports without being asked again.

use std::collections::BTreeMap;

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::{key, ImportKind, ImportMapping};
use crate::error::{CoreError, Result};
use crate::store::entity::Entity;
use crate::store::{history, settings, Store};

/// Bounds on a mapping edited in Settings: far beyond any spreadsheet's words.
const MAX_ENTRIES: usize = 2_000;
const MAX_TEXT: usize = 500;

fn setting_key(kind: ImportKind) -> String {
    format!("import_mapping.{}", kind.code())
}

/// One import's remembered mapping, for Settings.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RememberedMapping {
    pub kind: ImportKind,
    pub label: String,
    pub mapping: ImportMapping,
}

pub fn remembered_mapping(conn: &Connection, kind: ImportKind) -> Result<ImportMapping> {
    Ok(settings::get(conn, &setting_key(kind))?.unwrap_or_default())
}

/// Every import's remembered mapping, empty ones included.
pub fn remembered_mappings(store: &Store) -> Result<Vec<RememberedMapping>> {
    ImportKind::ALL
        .iter()
        .map(|&kind| {
            Ok(RememberedMapping {
                kind,
                label: kind.label().into(),
                mapping: remembered_mapping(store.conn(), kind)?,
            })
        })
        .collect()
}

/// Adds what an import was told to what is remembered (inside the import's transaction, so
/// a refused import remembers nothing).
pub fn remember_mapping(conn: &Connection, kind: ImportKind, said: &ImportMapping) -> Result<()> {
    let before = remembered_mapping(conn, kind)?;
    let after = before.overlaid(said);
    if after != before {
        write(conn, kind, &after)?;
    }
    Ok(())
}

/// Replaces an import's remembered mapping, as edited in Settings.
pub fn save_remembered_mapping(
    store: &mut Store,
    kind: ImportKind,
    mapping: &ImportMapping,
) -> Result<RememberedMapping> {
    let fields = kind.fields();
    // A mapping is a few dozen words; this bounds what the window can make the store keep.
    let words: usize = mapping.values.values().map(BTreeMap::len).sum();
    let longest = mapping
        .columns
        .iter()
        .map(|(k, v)| k.len().max(v.len()))
        .chain(
            mapping
                .values
                .values()
                .flat_map(|vs| vs.keys().map(String::len)),
        )
        .max()
        .unwrap_or(0);
    if words + mapping.columns.len() > MAX_ENTRIES || longest > MAX_TEXT {
        return Err(CoreError::validation(
            "mapping",
            format!(
                "A remembered mapping holds at most {MAX_ENTRIES} columns and words, each at most {MAX_TEXT} characters."
            ),
        ));
    }
    for field in mapping.columns.keys().chain(mapping.values.keys()) {
        if !fields.iter().any(|f| key(f.name) == key(field)) {
            return Err(CoreError::validation(
                "mapping",
                format!(
                    "The {} import has no field called '{}'.",
                    kind.label().to_lowercase(),
                    crate::error::shown(field)
                ),
            ));
        }
    }
    store.write(|tx| write(tx, kind, mapping))?;
    Ok(RememberedMapping {
        kind,
        label: kind.label().into(),
        mapping: mapping.clone(),
    })
}

/// Forgets everything remembered for an import.
pub fn forget_mapping(store: &mut Store, kind: ImportKind) -> Result<RememberedMapping> {
    save_remembered_mapping(store, kind, &ImportMapping::default())
}

fn write(conn: &Connection, kind: ImportKind, mapping: &ImportMapping) -> Result<()> {
    let key = setting_key(kind);
    settings::set(conn, &key, mapping)?;
    history::record(conn, Entity::Settings, &key, "edited", mapping)
}
