//! What every CSV import shares: finding the app's fields among a spreadsheet's own column
//! names, and the app's values among its own words, before a single row is read.
//!
//! An import declares its fields (with the other names spreadsheets give them) and, for each
//! coded field, the values the app knows. `map` then places each field on a column (as the
//! person said, as remembered from last time, or by name) and matches every distinct value of
//! every coded column once (as said, as remembered, exactly, loosely, or by the closest label).
//! A value still unknown is reported once with its row count and the nearest label, never once
//! per row.

mod matching;
mod remembered;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use matching::{find, key, words, Found};
pub use remembered::{
    forget_mapping, remember_mapping, remembered_mapping, remembered_mappings,
    save_remembered_mapping, RememberedMapping,
};

use crate::codes::{coded, Choice};
use crate::csvfile::{RawTable, Row};
use crate::error::{CoreError, Result};
use crate::store::Store;

coded!(
    /// The spreadsheets the app imports.
    ImportKind, "import", {
        ScrutinyLog => "scrutiny-log", "Challenge log";
        Training => "training", "Training records";
    }
);

/// A field an import reads.
pub struct Field {
    /// The app's name for it, as the person sees it ("Assurance area").
    pub name: &'static str,
    pub required: bool,
    /// Other names spreadsheets commonly give the column ("Area", "Theme").
    pub aliases: &'static [&'static str],
}

/// What the rows of a value should become.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ValueTarget {
    /// One of the app's values, by its code.
    Use(String),
    /// Add it as a new area, kind or person, named as the file names it.
    Create,
    /// Leave the rows that hold it out of the import.
    LeaveOut,
}

/// What the person says about a file: which column holds each field, and what each of the
/// file's words means. Kept per organisation so the next file from the same spreadsheet
/// imports without asking again.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportMapping {
    /// App field → the file's header for it.
    #[serde(default)]
    pub columns: BTreeMap<String, String>,
    /// App field → (the file's value → what it becomes).
    #[serde(default)]
    pub values: BTreeMap<String, BTreeMap<String, ValueTarget>>,
}

impl ImportKind {
    /// The fields the import reads, in the order its reports list them.
    pub fn fields(self) -> &'static [Field] {
        match self {
            ImportKind::ScrutinyLog => crate::scrutiny::import::FIELDS,
            ImportKind::Training => crate::training::import::FIELDS,
        }
    }
}

impl ImportMapping {
    pub fn is_empty(&self) -> bool {
        self.columns.is_empty() && self.values.values().all(BTreeMap::is_empty)
    }

    /// `other` laid over this mapping: where both say something, `other` wins.
    pub fn overlaid(&self, other: &ImportMapping) -> ImportMapping {
        let mut out = self.clone();
        out.columns
            .extend(other.columns.iter().map(|(k, v)| (k.clone(), v.clone())));
        for (field, values) in &other.values {
            out.values
                .entry(field.clone())
                .or_default()
                .extend(values.iter().map(|(k, v)| (k.clone(), v.clone())));
        }
        out
    }

    /// Reads the command line's `--column "FILE HEADER=App field"`.
    pub fn add_column_spec(&mut self, fields: &[Field], spec: &str) -> Result<()> {
        let bad = || {
            CoreError::validation(
                "column",
                format!(
                    "'{}' is not of the form \"FILE HEADER=App field\", for example --column \"Date raised=Date\".",
                    crate::error::shown(spec)
                ),
            )
        };
        let (header, field) = spec.rsplit_once('=').ok_or_else(bad)?;
        let (header, field) = (header.trim(), field.trim());
        if header.is_empty() || field.is_empty() {
            return Err(bad());
        }
        let field = field_named(fields, field)?;
        self.columns.insert(field.name.into(), header.into());
        Ok(())
    }

    /// Reads the command line's `--map "App field:file value=target"`, where the target is a
    /// label or a code, `(new)` to add it, or `(leave out)` to leave its rows out.
    pub fn add_value_spec(&mut self, fields: &[Field], spec: &str) -> Result<()> {
        let bad = || {
            CoreError::validation(
                "map",
                format!(
                    "'{}' is not of the form \"App field:file value=target\", for example --map \"Assurance area:Children in care=Named professionals for children in care\".",
                    crate::error::shown(spec)
                ),
            )
        };
        let (field, rest) = spec.split_once(':').ok_or_else(bad)?;
        let (value, target) = rest.rsplit_once('=').ok_or_else(bad)?;
        let (value, target) = (value.trim(), target.trim());
        if value.is_empty() || target.is_empty() {
            return Err(bad());
        }
        let field = field_named(fields, field.trim())?;
        let target = match key(target).as_str() {
            "new" => ValueTarget::Create,
            "leaveout" => ValueTarget::LeaveOut,
            _ => ValueTarget::Use(target.into()),
        };
        self.values
            .entry(field.name.into())
            .or_default()
            .insert(value.into(), target);
        Ok(())
    }
}

fn field_named<'f>(fields: &'f [Field], name: &str) -> Result<&'f Field> {
    fields
        .iter()
        .find(|f| key(f.name) == key(name))
        .ok_or_else(|| {
            let names: Vec<&str> = fields.iter().map(|f| f.name).collect();
            CoreError::validation(
                "column",
                format!(
                    "This import has no field called '{}'. Its fields are: {}.",
                    crate::error::shown(name),
                    names.join(", ")
                ),
            )
        })
}

/// How a column or a value was matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum MatchHow {
    /// As the person said for this import.
    Given,
    /// As the person said for an earlier file, remembered for this organisation.
    Remembered,
    /// The same words.
    Exact,
    /// The same words once case, punctuation and articles are set aside, or a common other
    /// name for the column.
    Loose,
    /// The closest label, taken because it was the only close one.
    Closest,
    /// Not matched.
    Unknown,
}

/// Where the import found one of its fields.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ColumnMatch {
    pub field: String,
    pub required: bool,
    /// The file's header read as this field; `None` when the file has none.
    pub header: Option<String>,
    pub how: MatchHow,
}

/// One distinct value of a coded column, with what its rows become.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ValueMatch {
    pub field: String,
    /// As the file has it.
    pub value: String,
    /// How many rows hold it.
    pub rows: u32,
    pub how: MatchHow,
    /// What the rows become; `None` while unknown.
    pub target: Option<ValueTarget>,
    /// The label of the matched or nearest value, for people to read.
    pub label: Option<String>,
}

/// The values a coded field accepts, and whether a value the app lacks can be added.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FieldChoices {
    pub field: String,
    pub options: Vec<Choice<String>>,
    /// The words for adding a missing value ("Add it as a new assurance area"), when that is
    /// possible.
    pub create: Option<String>,
}

/// The values the app knows for one coded field, given by the import.
pub struct Vocabulary {
    pub field: &'static str,
    /// (code, label)
    pub options: Vec<(String, String)>,
    pub create: Option<&'static str>,
    /// What an unknown value becomes when the person has said nothing about it.
    pub unknown: Option<ValueTarget>,
    /// Whether a cell holds a list ("Report; Audit").
    pub list: bool,
}

/// A header of the file, with a sample of what its column holds.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FileColumn {
    pub header: String,
    /// Up to three different values from the first rows.
    pub samples: Vec<String>,
    /// The app field read from it, if any.
    pub field: Option<String>,
}

/// What an import will do with a file's columns and words.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MappingReport {
    pub columns: Vec<ColumnMatch>,
    pub file_columns: Vec<FileColumn>,
    /// Every distinct value not matched exactly, once each, most rows first.
    pub values: Vec<ValueMatch>,
    pub choices: Vec<FieldChoices>,
}

impl MappingReport {
    /// Required fields the file has no column for.
    pub fn missing(&self) -> Vec<&str> {
        self.columns
            .iter()
            .filter(|c| c.required && c.header.is_none())
            .map(|c| c.field.as_str())
            .collect()
    }

    /// The file's columns no field is read from.
    pub fn unread_columns(&self) -> Vec<String> {
        self.file_columns
            .iter()
            .filter(|c| c.field.is_none())
            .map(|c| c.header.clone())
            .collect()
    }

    /// Values no one has said anything about and that matched nothing.
    pub fn unknown(&self) -> impl Iterator<Item = &ValueMatch> {
        self.values.iter().filter(|v| v.target.is_none())
    }

    /// The refusal when a required column is missing: it names the file's own headers.
    pub fn require_columns(&self) -> Result<()> {
        let missing = self.missing();
        if missing.is_empty() {
            return Ok(());
        }
        let headers: Vec<&str> = self
            .file_columns
            .iter()
            .map(|c| c.header.as_str())
            .collect();
        Err(CoreError::validation(
            "file",
            format!(
                "The file has no column for {}. Its columns are: {}. Say which column holds each, for example --column \"{}={}\".",
                missing.join(", "),
                if headers.is_empty() { "none".to_string() } else { headers.join(", ") },
                headers.first().copied().unwrap_or("FILE HEADER"),
                missing[0]
            ),
        ))
    }

    /// The mapping as the person could give it again: what was said or remembered, and what
    /// the closest-label match chose, so a later file reads the same way.
    pub fn to_keep(&self) -> ImportMapping {
        let mut keep = ImportMapping::default();
        for c in &self.columns {
            if let (Some(h), MatchHow::Given | MatchHow::Remembered) = (&c.header, c.how) {
                keep.columns.insert(c.field.clone(), h.clone());
            }
        }
        for v in &self.values {
            if let (Some(t), MatchHow::Given | MatchHow::Remembered) = (&v.target, v.how) {
                keep.values
                    .entry(v.field.clone())
                    .or_default()
                    .insert(v.value.clone(), t.clone());
            }
        }
        keep
    }
}

/// What a coded cell resolves to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolved<'a> {
    Empty,
    /// The app's code.
    Use(&'a str),
    /// To be added, named as the file has it.
    Create(&'a str),
    LeaveOut,
    Unknown(&'a str),
}

/// A file with its fields placed and its values matched.
pub struct Mapped {
    pub table: RawTable,
    pub report: MappingReport,
    index: Vec<Option<usize>>,
    /// Per field, per trimmed value: what it becomes.
    resolved: Vec<HashMap<String, Option<ValueTarget>>>,
    /// Per field: whether it is coded (has a vocabulary).
    coded: Vec<bool>,
}

impl Mapped {
    /// The trimmed text of field `f` (its position in the import's field list).
    pub fn text<'r>(&self, row: &'r Row, f: usize) -> &'r str {
        self.index[f].map_or("", |i| row.get(i))
    }

    /// What the coded cell of field `f` becomes.
    pub fn value<'r>(&'r self, row: &'r Row, f: usize) -> Resolved<'r> {
        self.resolve(f, self.text(row, f))
    }

    /// Each entry of a list cell ("Report; Audit") of field `f`.
    pub fn values<'r>(&'r self, row: &'r Row, f: usize) -> Vec<Resolved<'r>> {
        split_list(self.text(row, f))
            .map(|v| self.resolve(f, v))
            .collect()
    }

    fn resolve<'r>(&'r self, f: usize, text: &'r str) -> Resolved<'r> {
        if text.is_empty() {
            return Resolved::Empty;
        }
        match self.resolved[f].get(text) {
            Some(Some(ValueTarget::Use(code))) => Resolved::Use(code),
            Some(Some(ValueTarget::Create)) => Resolved::Create(text),
            Some(Some(ValueTarget::LeaveOut)) => Resolved::LeaveOut,
            // A field with no vocabulary is free text.
            None if !self.coded[f] => Resolved::Use(text),
            _ => Resolved::Unknown(text),
        }
    }
}

fn split_list(text: &str) -> impl Iterator<Item = &str> {
    text.split([';', ','])
        .map(str::trim)
        .filter(|p| !p.is_empty())
}

/// Places `fields` on the file's columns and matches every coded column's values, as `given`
/// says, else as `remembered` says, else by name.
pub fn map(
    table: RawTable,
    fields: &[Field],
    vocabularies: &[Vocabulary],
    given: &ImportMapping,
    remembered: &ImportMapping,
) -> Result<Mapped> {
    let headers = &table.headers;
    let mut index = vec![None; fields.len()];
    let mut columns = Vec::new();
    for (f, field) in fields.iter().enumerate() {
        let said = [
            (given.columns.get(field.name), MatchHow::Given),
            (remembered.columns.get(field.name), MatchHow::Remembered),
        ];
        let mut found = None;
        for (header, how) in said {
            let Some(header) = header else { continue };
            match headers.iter().position(|h| key(h) == key(header)) {
                Some(i) => {
                    found = Some((i, how));
                    break;
                }
                // A remembered column the file lacks is passed over; one given now is a slip.
                None if how == MatchHow::Given => {
                    return Err(CoreError::validation(
                        "column",
                        format!(
                            "The file has no column called '{}'. Its columns are: {}.",
                            crate::error::shown(header),
                            headers.join(", ")
                        ),
                    ))
                }
                None => {}
            }
        }
        if found.is_none() {
            // The field's own name in any case or spacing counts as exact; one of the other
            // names spreadsheets use for it is reported, so the person can check it.
            found = headers
                .iter()
                .position(|h| !h.trim().is_empty() && key(h) == key(field.name))
                .map(|i| (i, MatchHow::Exact))
                .or_else(|| {
                    headers
                        .iter()
                        .position(|h| field.aliases.iter().any(|a| key(a) == key(h)))
                        .map(|i| (i, MatchHow::Loose))
                });
        }
        if let Some((i, _)) = found {
            if let Some(other) = index.iter().position(|x| *x == Some(i)) {
                return Err(CoreError::validation(
                    "column",
                    format!(
                        "The column '{}' would be read as both {} and {}; say which with --column.",
                        headers[i], fields[other].name, field.name
                    ),
                ));
            }
            // The same field named twice in the header row cannot be read safely.
            if headers
                .iter()
                .enumerate()
                .any(|(j, h)| j != i && key(h) == key(&headers[i]))
            {
                return Err(CoreError::validation(
                    "file",
                    format!(
                        "The column '{}' appears twice in the header row.",
                        headers[i]
                    ),
                ));
            }
        }
        index[f] = found.map(|(i, _)| i);
        columns.push(ColumnMatch {
            field: field.name.into(),
            required: field.required,
            header: found.map(|(i, _)| headers[i].clone()),
            how: found.map_or(MatchHow::Unknown, |(_, how)| how),
        });
    }

    let mut file_columns: Vec<FileColumn> = headers
        .iter()
        .enumerate()
        .filter(|(_, h)| !h.trim().is_empty())
        .map(|(i, h)| FileColumn {
            header: h.clone(),
            samples: Vec::new(),
            field: index
                .iter()
                .position(|x| *x == Some(i))
                .map(|f| fields[f].name.to_string()),
        })
        .collect();
    for c in &mut file_columns {
        let i = headers.iter().position(|h| *h == c.header).unwrap_or(0);
        for row in &table.rows {
            let v = row.get(i);
            if !v.is_empty() && !c.samples.iter().any(|s| s == v) {
                c.samples.push(v.chars().take(80).collect());
                if c.samples.len() == 3 {
                    break;
                }
            }
        }
    }

    let mut resolved = vec![HashMap::new(); fields.len()];
    let mut coded = vec![false; fields.len()];
    let mut values = Vec::new();
    let mut choices = Vec::new();
    for vocab in vocabularies {
        let f = fields
            .iter()
            .position(|x| x.name == vocab.field)
            .ok_or_else(|| CoreError::internal(format!("no field {}", vocab.field)))?;
        coded[f] = true;
        choices.push(FieldChoices {
            field: vocab.field.into(),
            options: vocab
                .options
                .iter()
                .map(|(code, label)| Choice {
                    value: code.clone(),
                    label: label.clone(),
                })
                .collect(),
            create: vocab.create.map(str::to_string),
        });
        let Some(column) = index[f] else { continue };
        // Distinct values in the order first met, with their row counts.
        let mut counts: Vec<(String, u32)> = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for row in &table.rows {
            let cell = row.get(column);
            let parts: Vec<&str> = if vocab.list {
                split_list(cell).collect()
            } else if cell.is_empty() {
                Vec::new()
            } else {
                vec![cell]
            };
            for part in parts {
                match seen.get(part) {
                    Some(&i) => counts[i].1 += 1,
                    None => {
                        seen.insert(part.to_string(), counts.len());
                        counts.push((part.to_string(), 1));
                    }
                }
            }
        }
        let options: Vec<(&str, &str)> = vocab
            .options
            .iter()
            .map(|(c, l)| (c.as_str(), l.as_str()))
            .collect();
        let said = |m: &ImportMapping, value: &str| {
            m.values
                .get(vocab.field)
                .and_then(|vs| vs.iter().find(|(k, _)| key(k) == key(value)))
                .map(|(_, t)| t.clone())
        };
        for (value, rows) in counts {
            let label_of = |code: &str| {
                vocab
                    .options
                    .iter()
                    .find(|(c, _)| c == code)
                    .map(|(_, l)| l.clone())
            };
            // What the person says now must make sense; a remembered word whose target has
            // since gone (an area removed, a member renamed) is passed over and matched afresh.
            let stated = match said(given, &value) {
                Some(t) => Some((checked_target(vocab, &options, t)?, MatchHow::Given)),
                None => said(remembered, &value)
                    .and_then(|t| checked_target(vocab, &options, t).ok())
                    .map(|t| (t, MatchHow::Remembered)),
            };
            let m = match stated {
                Some((mut target, how)) => {
                    // A value added by an earlier import now exists: use it, not a second one.
                    if target == ValueTarget::Create {
                        if let Found::Exact(i) | Found::Loose(i) = matching::find(&value, &options)
                        {
                            target = ValueTarget::Use(vocab.options[i].0.clone());
                        }
                    }
                    let label = match &target {
                        ValueTarget::Use(code) => label_of(code),
                        _ => None,
                    };
                    ValueMatch {
                        field: vocab.field.into(),
                        value: value.clone(),
                        rows,
                        how,
                        target: Some(target),
                        label,
                    }
                }
                None => {
                    let (how, target, pick) = match matching::find(&value, &options) {
                        Found::Exact(i) => (MatchHow::Exact, Some(i), Some(i)),
                        Found::Loose(i) => (MatchHow::Loose, Some(i), Some(i)),
                        Found::Closest(i) => (MatchHow::Closest, Some(i), Some(i)),
                        Found::Suggest(i) => (MatchHow::Unknown, None, Some(i)),
                        Found::Nothing => (MatchHow::Unknown, None, None),
                    };
                    let target = match target {
                        Some(i) => Some(ValueTarget::Use(vocab.options[i].0.clone())),
                        None => vocab.unknown.clone(),
                    };
                    ValueMatch {
                        field: vocab.field.into(),
                        value: value.clone(),
                        rows,
                        how,
                        target,
                        label: pick.map(|i| vocab.options[i].1.clone()),
                    }
                }
            };
            resolved[f].insert(value, m.target.clone());
            if m.how != MatchHow::Exact {
                values.push(m);
            }
        }
    }
    values.sort_by_key(|v| std::cmp::Reverse(v.rows));
    Ok(Mapped {
        table,
        report: MappingReport {
            columns,
            file_columns,
            values,
            choices,
        },
        index,
        resolved,
        coded,
    })
}

/// A target the person gave, as a code the vocabulary has; a label is accepted for its code.
fn checked_target(
    vocab: &Vocabulary,
    options: &[(&str, &str)],
    target: ValueTarget,
) -> Result<ValueTarget> {
    match target {
        ValueTarget::Use(t) => match matching::find(&t, options) {
            Found::Exact(i) | Found::Loose(i) => Ok(ValueTarget::Use(options[i].0.to_string())),
            _ => {
                let labels: Vec<&str> = options.iter().map(|(_, l)| *l).collect();
                Err(CoreError::validation(
                    "map",
                    format!(
                        "'{}' is not one of the values of {}. Use one of: {}{}.",
                        crate::error::shown(&t),
                        vocab.field,
                        labels.join("; "),
                        if vocab.create.is_some() { "; (new); (leave out)" } else { "; (leave out)" }
                    ),
                ))
            }
        },
        ValueTarget::Create if vocab.create.is_none() => Err(CoreError::validation(
            "map",
            format!(
                "A new value cannot be added to {} by an import; map it to one the app has, or (leave out).",
                vocab.field
            ),
        )),
        other => Ok(other),
    }
}

/// How to run an import.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ImportOptions {
    /// What the person says about this file's columns and words, over what is remembered.
    pub mapping: ImportMapping,
    /// Import the good rows and report the rest, instead of importing nothing.
    pub skip_invalid: bool,
    /// Add every unknown person named as raising a challenge to the register.
    pub create_people: bool,
    /// Report what would happen and change nothing.
    pub dry_run: bool,
}

/// What a file holds and how it would be read, before anything is imported.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportPreview {
    pub kind: ImportKind,
    pub file_name: String,
    pub encoding: String,
    pub rows: u32,
    pub mapping: MappingReport,
    /// Titles in the action owner column that name no board member ("Chief Nurse"), with
    /// the member who holds the post, when one is tied to it.
    pub posts: Vec<crate::board::PostUse>,
    /// True when every required column is found and every value is matched or decided.
    pub ready: bool,
}

/// The file's name without its folder, as reports show it.
pub fn file_name(path: &std::path::Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Whether an import stops before writing anything: on a dry run, or when rows were refused
/// and the person did not ask to import the rest. A refusal is told to the person in the report
/// (and by the command line in one line on standard error); the log keeps a quieter note.
pub fn stops_here(
    kind: ImportKind,
    options: &ImportOptions,
    rejected: usize,
    unknown_rows: u32,
    mapping: &MappingReport,
) -> bool {
    let refused = rejected > 0 || unknown_rows > 0;
    if refused {
        tracing::info!(
            import = kind.code(),
            rejected,
            unknown_values = mapping.unknown().count(),
            "import refused"
        );
    }
    options.dry_run || (refused && !options.skip_invalid)
}

/// Reads the file at `path` and says how `kind` would read it, changing nothing.
pub fn preview(
    store: &Store,
    kind: ImportKind,
    path: &std::path::Path,
    options: &ImportOptions,
) -> Result<ImportPreview> {
    let table = crate::csvfile::read_file(path)?;
    let remembered = remembered_mapping(store.conn(), kind)?;
    let vocabularies = match kind {
        ImportKind::ScrutinyLog => {
            crate::scrutiny::import::vocabularies(store, options.create_people)?
        }
        ImportKind::Training => crate::training::import::vocabularies(store)?,
    };
    let mapped = map(
        table,
        kind.fields(),
        &vocabularies,
        &options.mapping,
        &remembered,
    )?;
    let posts = match kind {
        ImportKind::ScrutinyLog => crate::scrutiny::import::posts_named(store, &mapped)?,
        ImportKind::Training => Vec::new(),
    };
    Ok(ImportPreview {
        kind,
        file_name: file_name(path),
        encoding: mapped.table.encoding.into(),
        rows: mapped.table.rows.len() as u32,
        ready: mapped.report.missing().is_empty() && mapped.report.unknown().next().is_none(),
        mapping: mapped.report,
        posts,
    })
}
