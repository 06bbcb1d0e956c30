//! The cover sheet: which fields a board's papers carry (configurable; the default is the
//! usual NHS set) and what the secretary wrote in them for each period's paper.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, Result};
use crate::periods::Period;
use crate::store::entity::Entity;
use crate::store::{history, settings, Store};

const FIELDS: &str = "paper_cover_fields";
const MARKING: &str = "protective_marking";
pub const DEFAULT_MARKING: &str = "OFFICIAL-SENSITIVE";
const MAX_VALUE_CHARS: usize = 4000;
const MAX_FIELDS: usize = 40;

/// One field of the cover sheet. `code` is the key its value is stored under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CoverField {
    pub code: String,
    pub label: String,
    /// Shown as a multi-line box in the form.
    pub long: bool,
}

/// The cover sheet of one period's paper: every field with what was written in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CoverSheet {
    pub period: Period,
    pub fields: Vec<CoverField>,
    /// Field code → text; a field never written is absent.
    pub values: BTreeMap<String, String>,
}

impl CoverSheet {
    pub fn value(&self, code: &str) -> &str {
        self.values.get(code).map(String::as_str).unwrap_or("")
    }
}

/// The field that holds the meeting's date, checked as a real date.
const DATE_FIELD: &str = "date";

pub fn default_fields() -> Vec<CoverField> {
    let f = |code: &str, label: &str, long| CoverField {
        code: code.into(),
        label: label.into(),
        long,
    };
    vec![
        f("meeting", "Meeting", false),
        f("part", "Part (public or private)", false),
        f("date", "Date of meeting", false),
        f("agenda-item", "Agenda item", false),
        f("paper-ref", "Paper reference", false),
        f("title", "Title", false),
        f("executive-lead", "Executive lead", false),
        f("author", "Author", false),
        f("presenter", "Presented by", false),
        f("purpose", "Purpose", false),
        f("previously-considered", "Previously considered by", true),
        f("executive-summary", "Executive summary", true),
        f("recommendation", "Recommendation", true),
        f(
            "strategic-links",
            "Links to strategic objectives and BAF risks",
            true,
        ),
        f("assurance-offered", "Level of assurance offered", false),
        f("impact", "Equality and quality impact", true),
        f(
            "ned-challenge",
            "Key NED challenge the board should know about",
            true,
        ),
    ]
}

pub fn cover_fields(store: &Store) -> Result<Vec<CoverField>> {
    Ok(settings::get(store.conn(), FIELDS)?.unwrap_or_else(default_fields))
}

/// Replaces the field set. A field taken off keeps its stored values, so putting it back
/// brings them back.
pub fn save_cover_fields(store: &mut Store, fields: &[CoverField]) -> Result<Vec<CoverField>> {
    if fields.is_empty() || fields.len() > MAX_FIELDS {
        return Err(CoreError::validation(
            "fields",
            format!("A cover sheet needs between 1 and {MAX_FIELDS} fields."),
        ));
    }
    let mut out: Vec<CoverField> = Vec::new();
    for f in fields {
        let label = f.label.split_whitespace().collect::<Vec<_>>().join(" ");
        if label.is_empty() || label.chars().count() > 120 {
            return Err(CoreError::validation(
                "fields",
                "Every cover-sheet field needs a label of at most 120 characters.",
            ));
        }
        // A standard field added back by its label takes its old code, and so its text.
        let code = if f.code.trim().is_empty() {
            default_fields()
                .into_iter()
                .find(|d| d.label.eq_ignore_ascii_case(&label))
                .map(|d| d.code)
                .unwrap_or_else(|| crate::codes::slug(&label))
        } else {
            f.code.trim().to_string()
        };
        if out.iter().any(|o| o.code == code) {
            return Err(CoreError::validation(
                "fields",
                format!("The cover sheet has '{label}' twice."),
            ));
        }
        out.push(CoverField {
            code,
            label,
            long: f.long,
        });
    }
    store.write(|tx| {
        settings::set(tx, FIELDS, &out)?;
        history::record(tx, Entity::CoverFields, "cover-fields", "edited", &out)?;
        Ok(())
    })?;
    Ok(out)
}

fn key(period: Period) -> String {
    format!("paper_cover:{period}")
}

pub fn cover_sheet(store: &Store, period: Period) -> Result<CoverSheet> {
    let values: BTreeMap<String, String> =
        settings::get(store.conn(), &key(period))?.unwrap_or_default();
    Ok(CoverSheet {
        period,
        fields: cover_fields(store)?,
        values,
    })
}

/// Saves what the secretary wrote. Blank fields are dropped; unknown fields are refused.
pub fn save_cover_sheet(
    store: &mut Store,
    period: Period,
    values: &BTreeMap<String, String>,
) -> Result<CoverSheet> {
    let fields = cover_fields(store)?;
    let mut stored: BTreeMap<String, String> =
        settings::get(store.conn(), &key(period))?.unwrap_or_default();
    // Every problem of the sheet is reported at once (see `error::all_of`).
    let mut problems = Vec::new();
    for (code, text) in values {
        let Some(field) = fields.iter().find(|f| &f.code == code) else {
            problems.push(CoreError::validation(
                code,
                format!("The cover sheet has no field '{code}'."),
            ));
            continue;
        };
        if text.chars().count() > MAX_VALUE_CHARS {
            problems.push(CoreError::validation(
                code,
                format!(
                    "{} is too long: at most {MAX_VALUE_CHARS} characters.",
                    field.label
                ),
            ));
            continue;
        }
        let text = text.trim();
        if text.is_empty() {
            stored.remove(code);
        } else if code == DATE_FIELD {
            // A real date, printed the British way whatever way it was typed.
            if let Some(day) = crate::error::noted(
                &mut problems,
                crate::dates::parse_date(code, "date of the meeting", text),
            ) {
                stored.insert(code.clone(), crate::dates::dense(day));
            }
        } else {
            stored.insert(code.clone(), text.replace("\r\n", "\n"));
        }
    }
    crate::error::all_of(problems)?;
    store.write(|tx| {
        settings::set(tx, &key(period), &stored)?;
        history::record(
            tx,
            Entity::CoverSheet,
            &period.to_string(),
            "edited",
            &stored,
        )?;
        Ok(())
    })?;
    tracing::info!(period = %period.to_string(), "cover sheet saved");
    cover_sheet(store, period)
}

/// The protective marking printed on every page of a paper.
pub fn protective_marking(store: &Store) -> Result<String> {
    Ok(settings::get(store.conn(), MARKING)?.unwrap_or_else(|| DEFAULT_MARKING.to_string()))
}

pub fn save_protective_marking(store: &mut Store, marking: &str) -> Result<String> {
    let marking = marking.split_whitespace().collect::<Vec<_>>().join(" ");
    if marking.is_empty() || marking.chars().count() > 60 {
        return Err(CoreError::validation(
            "marking",
            "The protective marking needs 1 to 60 characters, for example OFFICIAL-SENSITIVE.",
        ));
    }
    store.write(|tx| {
        settings::set(tx, MARKING, &marking)?;
        history::record(
            tx,
            Entity::Settings,
            "protective-marking",
            "edited",
            &marking,
        )?;
        Ok(())
    })?;
    Ok(marking)
}
