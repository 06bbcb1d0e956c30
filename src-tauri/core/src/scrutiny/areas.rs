//! Assurance areas: the shipped sets (SAAF provider arrangements for England, the ten
//! standards for Scotland), the one the organisation uses, and areas it adds of its own.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::CustomArea;
use crate::board::{self, Nation};
use crate::error::{CoreError, Result};
use crate::framework::{DocumentRef, Note, Source};
use crate::scrutiny::repo as scrutiny;
use crate::store::entity::Entity;
use crate::store::{self, history, settings, Store};

const SETS: [&str; 2] = [
    include_str!("../../../../assets/assurance-areas/saaf-provider-arrangements.json"),
    include_str!("../../../../assets/assurance-areas/scotland-chief-officers-standards.json"),
];
const SETTING: &str = "assurance_area_set";
/// Longest name of an area, the organisation's own or one added by an import.
pub(crate) const MAX_AREA_TITLE: usize = 120;
/// A set loaded from a file, for a nation the app ships none for (or a board's own).
const LOADED: &str = "loaded_assurance_area_set";
/// A loaded set's file is a list of areas: far below this.
const MAX_SET_BYTES: u64 = 2 * 1024 * 1024;

/// A set of assurance areas as shipped in `assets/assurance-areas/`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AreaSet {
    pub format_version: u32,
    pub id: String,
    pub title: String,
    pub nations: Vec<Nation>,
    pub source: DocumentRef,
    pub introduction: String,
    pub areas: Vec<ShippedArea>,
    #[serde(default)]
    pub corrections: Vec<Note>,
    #[serde(default)]
    pub titles_note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ShippedArea {
    pub id: String,
    /// A short label for lists and grids.
    pub title: String,
    /// The arrangement or standard as the source words it.
    pub text: String,
    pub source: Source,
}

/// An area the organisation scrutinises: from its chosen set, or one it added.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AssuranceArea {
    pub id: String,
    pub title: String,
    pub text: String,
    /// Where the area comes from; `None` for the organisation's own.
    pub source: Option<Source>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AreaSetSummary {
    pub id: String,
    pub title: String,
    pub nations: Vec<Nation>,
    pub area_count: u32,
    pub selected: bool,
    /// Loaded from a file rather than shipped with the app.
    pub loaded: bool,
}

/// Which set of areas is in use, and, when none is, why and what to do.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AreaSetStatus {
    /// `None` when the organisation's nation has no shipped set and none has been chosen.
    pub set_id: Option<String>,
    pub set_title: Option<String>,
    /// True when someone chose the set, false when it follows the organisation's nation.
    pub chosen: bool,
    /// What to tell the person when no set is in use.
    pub notice: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CustomAreaInput {
    pub title: String,
    pub text: String,
}

fn shipped() -> Vec<AreaSet> {
    SETS.iter()
        .map(|json| serde_json::from_str(json).expect("shipped area sets are valid (tested)"))
        .collect()
}

/// The shipped sets, then the one loaded from a file, if any.
fn available(store: &Store) -> Result<Vec<(AreaSet, bool)>> {
    let mut out: Vec<(AreaSet, bool)> = shipped().into_iter().map(|s| (s, false)).collect();
    if let Some(loaded) = settings::get::<AreaSet>(store.conn(), LOADED)? {
        out.push((loaded, true));
    }
    Ok(out)
}

/// The set in use: the one chosen, else the one shipped for the organisation's nation (SAAF
/// for England, and before the organisation is entered; the ten standards for Scotland).
/// `None` for a nation the app ships no set for, until one is chosen: an organisation in Wales
/// or Northern Ireland is never given England's areas in silence.
pub fn selected_set_id(store: &Store) -> Result<Option<String>> {
    if let Some(id) = settings::get::<String>(store.conn(), SETTING)? {
        return Ok(Some(id));
    }
    let sets = shipped();
    Ok(match board::get_organisation(store)?.map(|o| o.nation) {
        None => Some(sets[0].id.clone()),
        Some(n) => sets
            .iter()
            .find(|s| s.nations.contains(&n))
            .map(|s| s.id.clone()),
    })
}

/// Which set is in use, or what to do when none is.
pub fn area_set_status(store: &Store) -> Result<AreaSetStatus> {
    let chosen = settings::get::<String>(store.conn(), SETTING)?.is_some();
    let id = selected_set_id(store)?;
    let title = match &id {
        Some(id) => available(store)?
            .into_iter()
            .find(|(s, _)| &s.id == id)
            .map(|(s, _)| s.title),
        None => None,
    };
    let notice = match (&id, board::get_organisation(store)?) {
        (None, Some(org)) => Some(format!(
            "The app has no set of assurance areas for {}. Choose in Settings which set {} scrutinises (one of those shipped, or a set loaded from a file of the same shape), or add areas of its own.",
            org.nation.label(),
            org.name
        )),
        _ => None,
    };
    Ok(AreaSetStatus {
        set_id: id,
        set_title: title,
        chosen,
        notice,
    })
}

pub fn area_sets(store: &Store) -> Result<Vec<AreaSetSummary>> {
    let selected = selected_set_id(store)?;
    Ok(available(store)?
        .into_iter()
        .map(|(s, loaded)| AreaSetSummary {
            selected: selected.as_deref() == Some(s.id.as_str()),
            loaded,
            area_count: s.areas.len() as u32,
            id: s.id,
            title: s.title,
            nations: s.nations,
        })
        .collect())
}

pub fn choose_area_set(store: &mut Store, id: &str) -> Result<()> {
    let sets = available(store)?;
    if !sets.iter().any(|(s, _)| s.id == id) {
        let ids: Vec<String> = sets.into_iter().map(|(s, _)| s.id).collect();
        return Err(CoreError::validation(
            "areaSet",
            format!(
                "There is no area set '{}'. Choose one of: {}.",
                crate::error::shown(id),
                ids.join(", ")
            ),
        ));
    }
    store.write(|tx| {
        settings::set(tx, SETTING, &id)?;
        history::record(tx, Entity::Settings, SETTING, "edited", &id)
    })
}

/// The organisation's assurance areas: its chosen set, then its own. With no set in use (see
/// `area_set_status`), its own only.
pub fn areas(store: &Store) -> Result<Vec<AssuranceArea>> {
    let id = selected_set_id(store)?;
    let set = available(store)?
        .into_iter()
        .map(|(s, _)| s)
        .find(|s| Some(&s.id) == id.as_ref());
    let mut out: Vec<AssuranceArea> = set
        .map(|s| s.areas.into_iter().map(shipped_area).collect())
        .unwrap_or_default();
    out.extend(
        scrutiny::custom_areas(store.conn())?
            .into_iter()
            .map(|c| AssuranceArea {
                id: c.id,
                title: c.title,
                text: c.text,
                source: None,
            }),
    );
    Ok(out)
}

/// Every area an entry can name: the organisation's own and chosen ones, then those of the
/// other shipped sets. A board that changes its set keeps its earlier challenges, and they are
/// still shown by name.
pub fn all_areas(store: &Store) -> Result<Vec<AssuranceArea>> {
    let mut out = areas(store)?;
    let others: Vec<AssuranceArea> = available(store)?
        .into_iter()
        .flat_map(|(s, _)| s.areas)
        .map(shipped_area)
        .filter(|a| !out.iter().any(|o| o.id == a.id))
        .collect();
    out.extend(others);
    Ok(out)
}

fn shipped_area(a: ShippedArea) -> AssuranceArea {
    AssuranceArea {
        id: a.id,
        title: a.title,
        text: a.text,
        source: Some(a.source),
    }
}

/// Loads a set of areas from a JSON file of the shipped sets' shape (see
/// `assets/assurance-areas/`), checked as strictly as a local edit, and uses it. A set loaded
/// earlier is replaced; challenges logged against its areas keep their area ids.
pub fn load_area_set(store: &mut Store, path: &std::path::Path) -> Result<AreaSetSummary> {
    let size = std::fs::metadata(path)?.len();
    if size > MAX_SET_BYTES {
        return Err(CoreError::validation(
            "file",
            "This file is larger than 2 MB; a set of assurance areas is far smaller. Check it is the right file.",
        ));
    }
    let text = std::fs::read_to_string(path).map_err(|_| {
        CoreError::validation(
            "file",
            "This file is not a set of assurance areas: it is not text.",
        )
    })?;
    let mut set: AreaSet = serde_json::from_str(&text).map_err(|e| {
        CoreError::validation(
            "file",
            format!("This file is not a set of assurance areas of the shape the app ships ({e})."),
        )
    })?;
    let bad = |m: String| Err(CoreError::validation("file", m));
    if set.format_version != 1 {
        return bad(format!(
            "This set is in format {}; the app reads format 1.",
            set.format_version
        ));
    }
    set.title = board::validate::required_text("title", "the set's title", &set.title, 200)?;
    if set.areas.is_empty() || set.areas.len() > 200 {
        return bad("A set holds between 1 and 200 areas.".into());
    }
    if shipped().iter().any(|s| s.id == set.id) || set.id.trim().is_empty() {
        set.id = format!("loaded.{}", crate::codes::slug(&set.title));
    }
    let mut ids = std::collections::HashSet::new();
    for a in &mut set.areas {
        a.title = board::validate::required_text("title", "each area's title", &a.title, 120)?;
        if a.text.chars().count() > 20_000 || a.id.trim().is_empty() || a.id.len() > 120 {
            return bad(format!(
                "The area '{}' needs an id of at most 120 characters and a text of at most 20,000.",
                crate::error::shown(&a.title)
            ));
        }
        if !ids.insert(a.id.clone()) {
            return bad(format!(
                "Two areas share the id '{}'.",
                crate::error::shown(&a.id)
            ));
        }
    }
    let summary = AreaSetSummary {
        id: set.id.clone(),
        title: set.title.clone(),
        nations: set.nations.clone(),
        area_count: set.areas.len() as u32,
        selected: true,
        loaded: true,
    };
    store.write(|tx| {
        settings::set(tx, LOADED, &set)?;
        history::record(tx, Entity::Settings, LOADED, "edited", &set)?;
        settings::set(tx, SETTING, &set.id)?;
        history::record(tx, Entity::Settings, SETTING, "edited", &set.id)
    })?;
    Ok(summary)
}

pub fn add_custom_area(store: &mut Store, input: &CustomAreaInput) -> Result<AssuranceArea> {
    let title = board::validate::required_text(
        "title",
        "a name for the area",
        &input.title,
        MAX_AREA_TITLE,
    )?;
    if areas(store)?
        .iter()
        .any(|a| a.title.eq_ignore_ascii_case(&title))
    {
        return Err(CoreError::conflict(format!(
            "There is already an area called '{title}'."
        )));
    }
    let area = CustomArea {
        id: format!("own.{}", store::new_id()),
        title,
        text: input.text.trim().to_string(),
    };
    store.write(|tx| {
        scrutiny::add_custom_area(tx, &area, &crate::dates::now_utc())?;
        history::record(tx, Entity::AssuranceArea, &area.id, "added", &area)
    })?;
    Ok(AssuranceArea {
        id: area.id,
        title: area.title,
        text: area.text,
        source: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The source documents are kept beside the data so this test can prove the text.
    fn source_text(name: &str) -> String {
        let path = format!(
            "{}/../../assets/assurance-areas/sources/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    #[test]
    fn every_shipped_area_is_in_its_source_word_for_word() {
        for set in shipped() {
            let source = source_text(&set.source.document);
            // Compare with whitespace runs and list bullets flattened, as the data records.
            let flat = |t: &str| {
                t.replace(['•', '\n'], " ")
                    .replace("[", "")
                    .replace("](#)", "")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let haystack = flat(&source);
            for area in &set.areas {
                // Items whose sub-bullets the data joins with semicolons: check each part.
                for part in area.text.split("; ") {
                    assert!(
                        haystack.contains(&flat(part)),
                        "{} not found in {}: {part}",
                        area.id,
                        set.source.document
                    );
                }
            }
            let mut ids: Vec<&str> = set.areas.iter().map(|a| a.id.as_str()).collect();
            ids.dedup();
            assert_eq!(ids.len(), set.areas.len());
        }
        let sets = shipped();
        assert_eq!(sets[0].areas.len(), 13);
        assert_eq!(sets[1].areas.len(), 10);
    }
}
