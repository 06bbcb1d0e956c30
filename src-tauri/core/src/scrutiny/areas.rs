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

/// The set in use: the one chosen, else the one for the organisation's nation (SAAF for
/// England and until a nation is set; the ten standards for Scotland).
pub fn selected_set_id(store: &Store) -> Result<String> {
    if let Some(id) = settings::get::<String>(store.conn(), SETTING)? {
        return Ok(id);
    }
    let nation = board::get_organisation(store)?.map(|o| o.nation);
    let sets = shipped();
    Ok(sets
        .iter()
        .find(|s| nation.is_some_and(|n| s.nations.contains(&n)))
        .unwrap_or(&sets[0])
        .id
        .clone())
}

pub fn area_sets(store: &Store) -> Result<Vec<AreaSetSummary>> {
    let selected = selected_set_id(store)?;
    Ok(shipped()
        .into_iter()
        .map(|s| AreaSetSummary {
            selected: s.id == selected,
            area_count: s.areas.len() as u32,
            id: s.id,
            title: s.title,
            nations: s.nations,
        })
        .collect())
}

pub fn choose_area_set(store: &mut Store, id: &str) -> Result<()> {
    if !shipped().iter().any(|s| s.id == id) {
        let ids: Vec<String> = shipped().into_iter().map(|s| s.id).collect();
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

/// The organisation's assurance areas: its chosen set, then its own.
pub fn areas(store: &Store) -> Result<Vec<AssuranceArea>> {
    let id = selected_set_id(store)?;
    let set = shipped()
        .into_iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| shipped().remove(0));
    let mut out: Vec<AssuranceArea> = set.areas.into_iter().map(shipped_area).collect();
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
    let others: Vec<AssuranceArea> = shipped()
        .into_iter()
        .flat_map(|s| s.areas)
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

pub fn add_custom_area(store: &mut Store, input: &CustomAreaInput) -> Result<AssuranceArea> {
    let title = board::validate::required_text("title", "a name for the area", &input.title, 120)?;
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
