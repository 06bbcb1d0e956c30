//! The kinds of record an exchange file carries, and for each: how it is named in the audit
//! trail, what it refers to, how it is read from and written to this store.

use rusqlite::Connection;

use crate::board::{Member, Organisation};
use crate::competency::{Assessment, PlannedLearning};
use crate::error::{CoreError, Result};
use crate::scrutiny::{Action, Entry, Meeting, MeetingKind};
use crate::store;
use crate::store::entity::Entity;
use crate::store::search::{SearchDocument, Searchable};
use crate::training::TrainingRecord;

/// One record of any exchanged kind.
#[derive(Debug, Clone)]
pub enum Record {
    Organisation(Organisation),
    Member(Member),
    MeetingKind(MeetingKind),
    Meeting(Meeting),
    Entry(Entry),
    Action(Action),
    Training(TrainingRecord),
    Assessment(Assessment),
    Plan(PlannedLearning),
}

/// Entity names as the audit trail has them, in the order records must be written so that
/// everything a record refers to is there before it.
pub const ENTITIES: [Entity; 9] = [
    Entity::Organisation,
    Entity::Member,
    Entity::MeetingKind,
    Entity::Meeting,
    Entity::ScrutinyEntry,
    Entity::Action,
    Entity::Training,
    Entity::Assessment,
    Entity::PlannedLearning,
];

/// A reference from one record to another: entity and id.
pub type Reference = (Entity, String);

impl Record {
    pub fn entity(&self) -> Entity {
        match self {
            Record::Organisation(_) => Entity::Organisation,
            Record::Member(_) => Entity::Member,
            Record::MeetingKind(_) => Entity::MeetingKind,
            Record::Meeting(_) => Entity::Meeting,
            Record::Entry(_) => Entity::ScrutinyEntry,
            Record::Action(_) => Entity::Action,
            Record::Training(_) => Entity::Training,
            Record::Assessment(_) => Entity::Assessment,
            Record::Plan(_) => Entity::PlannedLearning,
        }
    }

    pub fn id(&self) -> &str {
        match self {
            Record::Organisation(r) => &r.id,
            Record::Member(r) => &r.id,
            Record::MeetingKind(r) => &r.code,
            Record::Meeting(r) => &r.id,
            Record::Entry(r) => &r.id,
            Record::Action(r) => &r.id,
            Record::Training(r) => &r.id,
            Record::Assessment(r) => &r.id,
            Record::Plan(r) => &r.id,
        }
    }

    /// Where the record comes in `ENTITIES`.
    pub fn rank(&self) -> usize {
        ENTITIES
            .iter()
            .position(|e| *e == self.entity())
            .expect("every entity is listed")
    }

    /// The record as its snapshot is saved in the audit trail.
    pub fn snapshot(&self) -> String {
        let json = match self {
            Record::Organisation(r) => serde_json::to_string(r),
            Record::Member(r) => serde_json::to_string(r),
            Record::MeetingKind(r) => serde_json::to_string(r),
            Record::Meeting(r) => serde_json::to_string(r),
            Record::Entry(r) => serde_json::to_string(r),
            Record::Action(r) => serde_json::to_string(r),
            Record::Training(r) => serde_json::to_string(r),
            Record::Assessment(r) => serde_json::to_string(r),
            Record::Plan(r) => serde_json::to_string(r),
        };
        json.expect("records serialise to JSON")
    }

    /// Reads a record of `entity` from its snapshot text as carried in a file.
    pub fn from_snapshot(entity: &str, text: &str) -> Result<Record> {
        fn unreadable(e: serde_json::Error) -> CoreError {
            CoreError::new(
                crate::error::ErrorKind::Damaged,
                format!("The exchange file holds a record this version cannot read ({e}). Nothing was changed."),
            )
        }
        fn parse<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> Result<T> {
            serde_json::from_value(value).map_err(unreadable)
        }
        // Read once: checked as it stands, then taken as its type.
        let value: serde_json::Value = serde_json::from_str(text).map_err(unreadable)?;
        within_bounds(entity, &value)?;
        Ok(match Entity::parse(entity) {
            Some(Entity::Organisation) => Record::Organisation(parse(value)?),
            Some(Entity::Member) => Record::Member(parse(value)?),
            Some(Entity::MeetingKind) => Record::MeetingKind(parse(value)?),
            Some(Entity::Meeting) => Record::Meeting(parse(value)?),
            Some(Entity::ScrutinyEntry) => Record::Entry(parse(value)?),
            Some(Entity::Action) => Record::Action(parse(value)?),
            Some(Entity::Training) => Record::Training(parse(value)?),
            Some(Entity::Assessment) => Record::Assessment(parse(value)?),
            Some(Entity::PlannedLearning) => Record::Plan(parse(value)?),
            _ => {
                return Err(CoreError::new(
                    crate::error::ErrorKind::Damaged,
                    format!("The exchange file holds records of a kind this version does not know (“{entity}”). Update the app and import it again. Nothing was changed."),
                ))
            }
        })
    }

    /// How the record is shown in a preview: "Training: Level 3 safeguarding (12/05/2026)".
    pub fn label(&self) -> String {
        let d = crate::dates::dense;
        match self {
            Record::Organisation(r) => format!("Organisation: {}", r.name),
            Record::Member(r) => format!("Board member: {}", r.name),
            Record::MeetingKind(r) => format!("Kind of meeting: {}", r.label),
            Record::Meeting(r) => format!("Meeting: {}", r.label()),
            Record::Entry(r) => format!("Challenge ({}): {}", d(r.raised_on), short(&r.challenge)),
            Record::Action(r) => format!("Action: {}", short(&r.description)),
            Record::Training(r) => format!("Training: {} ({})", r.title, d(r.completed_on)),
            Record::Assessment(r) => format!("Self-assessment of item {}", r.item_id),
            Record::Plan(r) => format!("Planned learning: {}", r.title),
        }
    }

    /// Every record this one needs to exist first.
    pub fn references(&self) -> Vec<Reference> {
        let mut out: Vec<Reference> = Vec::new();
        match self {
            Record::Organisation(_) | Record::Member(_) | Record::MeetingKind(_) => {}
            Record::Meeting(m) => {
                out.push((Entity::MeetingKind, m.kind.clone()));
                out.extend(
                    m.attendance
                        .iter()
                        .map(|a| (Entity::Member, a.member_id.clone())),
                );
            }
            Record::Entry(e) => {
                out.push((Entity::Member, e.raised_by.clone()));
                out.extend(e.meeting_id.iter().map(|m| (Entity::Meeting, m.clone())));
            }
            Record::Action(a) => {
                out.push((Entity::ScrutinyEntry, a.entry_id.clone()));
                out.extend(
                    a.owner_member_id
                        .iter()
                        .map(|m| (Entity::Member, m.clone())),
                );
            }
            Record::Training(t) => out.push((Entity::Member, t.member_id.clone())),
            Record::Assessment(a) => {
                out.push((Entity::Member, a.member_id.clone()));
                out.extend(
                    a.sign_off
                        .iter()
                        .map(|s| (Entity::Member, s.by_member_id.clone())),
                );
            }
            Record::Plan(p) => out.push((Entity::Member, p.member_id.clone())),
        }
        out
    }

    /// The record with this entity and id as it stands in the store.
    pub fn load(conn: &Connection, entity: Entity, id: &str) -> Result<Option<Record>> {
        Ok(match entity {
            Entity::Organisation => crate::board::repo::organisation::get(conn)?
                .filter(|o| o.id == id)
                .map(Record::Organisation),
            Entity::Member => crate::board::repo::members::get(conn, id)?.map(Record::Member),
            Entity::MeetingKind => crate::scrutiny::repo::meeting_kinds(conn)?
                .into_iter()
                .find(|k| k.code == id)
                .map(Record::MeetingKind),
            Entity::Meeting => crate::scrutiny::repo::get_meeting(conn, id)?.map(Record::Meeting),
            Entity::ScrutinyEntry => crate::scrutiny::repo::get_entry(conn, id)?.map(Record::Entry),
            Entity::Action => crate::scrutiny::repo::get_action(conn, id)?.map(Record::Action),
            Entity::Training => crate::training::repo::get(conn, id)?.map(Record::Training),
            Entity::Assessment => {
                crate::competency::repo::get_assessment(conn, id)?.map(Record::Assessment)
            }
            Entity::PlannedLearning => {
                crate::competency::repo::get_plan(conn, id)?.map(Record::Plan)
            }
            _ => None,
        })
    }

    /// Why this record, new here, cannot sit beside what is already stored, if it cannot: the
    /// store allows one organisation, one meeting of a kind and part per day, and one
    /// assessment per member and item.
    pub fn clash(&self, conn: &Connection) -> Result<Option<String>> {
        Ok(match self {
            Record::Organisation(o) => crate::board::repo::organisation::get(conn)?
                .filter(|local| local.id != o.id)
                .map(|local| format!("this database is kept for {}, not for {}", local.name, o.name)),
            Record::MeetingKind(k) => crate::scrutiny::repo::meeting_kinds(conn)?
                .into_iter()
                .find(|local| local.code != k.code && local.label.eq_ignore_ascii_case(&k.label))
                .map(|_| format!("a kind of meeting called “{}” was added separately here", k.label)),
            Record::Meeting(m) => crate::scrutiny::repo::find_meeting(conn, &m.kind, m.held_on, m.part)?
                .filter(|local| local.id != m.id)
                .map(|local| format!("the same meeting ({}) was entered separately here under another record, so the two cannot be merged; share meetings from the secretary's laptop first", local.label())),
            Record::Assessment(a) => {
                crate::competency::repo::find_assessment(conn, &a.member_id, &a.framework_id, &a.item_id)?
                    .filter(|local| local.id != a.id)
                    .map(|_| "this member assessed the same item separately here".to_string())
            }
            _ => None,
        })
    }

    /// Whether writing this version would break a record stored here: a meeting that drops an
    /// agenda item a challenge here refers to, or an assessment of a framework not installed.
    pub fn breaks(&self, conn: &Connection) -> Result<Option<String>> {
        match self {
            Record::Meeting(m) => {
                if let Some(local) = crate::scrutiny::repo::get_meeting(conn, &m.id)? {
                    for item in &local.items {
                        if !m.items.iter().any(|i| i.id == item.id)
                            && crate::scrutiny::repo::item_in_use(conn, &item.id)?
                        {
                            return Ok(Some(format!(
                                "it removes agenda item {} ({}), which a challenge here refers to",
                                item.number, item.title
                            )));
                        }
                    }
                }
                Ok(None)
            }
            Record::Assessment(a) => {
                let installed = a.framework_id == crate::framework::SHIPPED_ID
                    || crate::framework::repo::is_imported(conn, &a.framework_id)?;
                Ok((!installed).then(|| {
                    format!(
                        "it is against the framework “{}”, which is not installed here; import that framework first",
                        a.framework_id
                    )
                }))
            }
            _ => Ok(None),
        }
    }

    /// Writes the record as this version of it, replacing what was there.
    pub fn save(&self, conn: &Connection) -> Result<()> {
        match self {
            Record::Organisation(r) => crate::board::repo::organisation::upsert(conn, r),
            Record::Member(r) => crate::board::repo::members::save(conn, r),
            Record::MeetingKind(r) => crate::scrutiny::repo::save_meeting_kind(conn, r),
            Record::Meeting(r) => crate::scrutiny::repo::save_meeting(conn, r),
            Record::Entry(r) => crate::scrutiny::repo::save_entry(conn, r),
            Record::Action(r) => crate::scrutiny::repo::save_action(conn, r),
            Record::Training(r) => crate::training::repo::save(conn, r),
            Record::Assessment(r) => crate::competency::repo::save_assessment(conn, r),
            Record::Plan(r) => crate::competency::repo::save_plan(conn, r),
        }
    }

    pub fn record_history(&self, conn: &Connection, change: &str, by: &str) -> Result<()> {
        let document = self.search_document();
        store::history::record_json(
            conn,
            self.entity(),
            self.id(),
            change,
            self.snapshot(),
            by,
            document.as_ref(),
        )
    }

    /// What search finds the record by, for the kinds search finds.
    fn search_document(&self) -> Option<SearchDocument> {
        match self {
            Record::Organisation(_) | Record::MeetingKind(_) => None,
            Record::Member(r) => Some(r.search_document()),
            Record::Meeting(r) => Some(r.search_document()),
            Record::Entry(r) => Some(r.search_document()),
            Record::Action(r) => Some(r.search_document()),
            Record::Training(r) => Some(r.search_document()),
            Record::Assessment(r) => Some(r.search_document()),
            Record::Plan(r) => Some(r.search_document()),
        }
    }
}

/// The longest text any field of a record may hold: above every limit the app's own forms set.
const MAX_FIELD_CHARS: usize = 20_000;

/// Refuses a record from outside whose text or dates no local edit could have made: a field
/// longer than any form allows, or a date outside the years a board's records belong to
/// (1900 to 2099). A trusted laptop is not a trusted record: a file can be made by hand.
fn within_bounds(entity: &str, value: &serde_json::Value) -> Result<()> {
    fn walk(v: &serde_json::Value, problem: &mut Option<String>) {
        match v {
            serde_json::Value::String(s) => {
                if s.chars().count() > MAX_FIELD_CHARS {
                    *problem = Some(format!("a text longer than {MAX_FIELD_CHARS} characters"));
                } else if let Some(year) = date_year(s) {
                    if !i32::try_from(year).is_ok_and(|y| crate::periods::YEARS.contains(&y)) {
                        *problem = Some(format!("the date “{}”", crate::error::shown(s)));
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|i| walk(i, problem)),
            serde_json::Value::Object(fields) => fields.values().for_each(|f| walk(f, problem)),
            _ => {}
        }
    }
    let mut problem = None;
    walk(value, &mut problem);
    match problem {
        None => Ok(()),
        Some(what) => Err(CoreError::new(
            crate::error::ErrorKind::Damaged,
            format!("The exchange file holds a {} record with {what}, which the app would never write. Nothing was changed; ask the sender to check the record and send it again.", entity.replace('-', " ")),
        )),
    }
}

/// The year of a text written as a date (`2026-04-01`, `-262143-01-15`), if it is one.
fn date_year(s: &str) -> Option<i64> {
    let unsigned = s.strip_prefix(['-', '+']).unwrap_or(s);
    let digits = |t: &str, least: usize| t.len() >= least && t.bytes().all(|b| b.is_ascii_digit());
    match unsigned.split('-').collect::<Vec<_>>()[..] {
        [year, month, day]
            if digits(year, 4)
                && digits(month, 2)
                && month.len() == 2
                && digits(day, 2)
                && day.len() == 2 =>
        {
            let year: i64 = year.parse().ok()?;
            Some(if s.starts_with('-') { -year } else { year })
        }
        _ => None,
    }
}

fn short(text: &str) -> String {
    let first: String = text.chars().take(80).collect();
    if first.len() < text.len() {
        format!("{}…", first.trim_end())
    } else {
        first
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_with_a_date_or_text_no_local_edit_could_make_is_refused() {
        let meeting = |held_on: &str, label: &str| {
            serde_json::json!({
                "id": "m1", "kind": "board", "kindLabel": label, "heldOn": held_on,
                "part": "public", "items": [], "attendance": [],
                "createdAt": "2026-04-01T10:00:00Z", "updatedAt": "2026-04-01T10:00:00Z",
            })
            .to_string()
        };
        for (held_on, label) in [
            ("-262143-01-15", "Board"),
            ("+262142-12-31", "Board"),
            ("1066-10-14", "Board"),
            ("2026-04-01", &*"x".repeat(MAX_FIELD_CHARS + 1)),
        ] {
            let err = Record::from_snapshot("meeting", &meeting(held_on, label)).unwrap_err();
            assert_eq!(err.kind, crate::error::ErrorKind::Damaged);
            assert!(err.message.contains("would never write"), "{}", err.message);
        }
        assert_eq!(date_year("2026-04-01"), Some(2026));
        assert_eq!(date_year("2026-04-01T10:00:00Z"), None);
        assert_eq!(date_year("a-b-c"), None);
    }
}
