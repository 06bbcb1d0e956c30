//! The kinds of record an exchange file carries, and for each: how it is named in the audit
//! trail, what it refers to, how it is read from and written to this store.

use rusqlite::Connection;

use crate::board::{Member, Organisation};
use crate::competency::{Assessment, PlannedLearning};
use crate::error::{CoreError, Result};
use crate::scrutiny::{Action, Entry, Meeting, MeetingKind};
use crate::store;
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
pub const ENTITIES: [&str; 9] = [
    "organisation",
    "member",
    "meeting-kind",
    "meeting",
    "scrutiny-entry",
    "action",
    "training",
    "assessment",
    "planned-learning",
];

/// A reference from one record to another: entity and id.
pub type Reference = (&'static str, String);

impl Record {
    pub fn entity(&self) -> &'static str {
        match self {
            Record::Organisation(_) => "organisation",
            Record::Member(_) => "member",
            Record::MeetingKind(_) => "meeting-kind",
            Record::Meeting(_) => "meeting",
            Record::Entry(_) => "scrutiny-entry",
            Record::Action(_) => "action",
            Record::Training(_) => "training",
            Record::Assessment(_) => "assessment",
            Record::Plan(_) => "planned-learning",
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
        fn parse<T: serde::de::DeserializeOwned>(text: &str) -> Result<T> {
            serde_json::from_str(text).map_err(|e| {
                CoreError::new(
                    crate::error::ErrorKind::Damaged,
                    format!("The exchange file holds a record this version cannot read ({e}). Nothing was changed."),
                )
            })
        }
        Ok(match entity {
            "organisation" => Record::Organisation(parse(text)?),
            "member" => Record::Member(parse(text)?),
            "meeting-kind" => Record::MeetingKind(parse(text)?),
            "meeting" => Record::Meeting(parse(text)?),
            "scrutiny-entry" => Record::Entry(parse(text)?),
            "action" => Record::Action(parse(text)?),
            "training" => Record::Training(parse(text)?),
            "assessment" => Record::Assessment(parse(text)?),
            "planned-learning" => Record::Plan(parse(text)?),
            other => {
                return Err(CoreError::new(
                    crate::error::ErrorKind::Damaged,
                    format!("The exchange file holds records of a kind this version does not know (“{other}”). Update the app and import it again. Nothing was changed."),
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
                out.push(("meeting-kind", m.kind.clone()));
                out.extend(m.attendance.iter().map(|a| ("member", a.member_id.clone())));
            }
            Record::Entry(e) => {
                out.push(("member", e.raised_by.clone()));
                out.extend(e.meeting_id.iter().map(|m| ("meeting", m.clone())));
            }
            Record::Action(a) => {
                out.push(("scrutiny-entry", a.entry_id.clone()));
                out.extend(a.owner_member_id.iter().map(|m| ("member", m.clone())));
            }
            Record::Training(t) => out.push(("member", t.member_id.clone())),
            Record::Assessment(a) => {
                out.push(("member", a.member_id.clone()));
                out.extend(
                    a.sign_off
                        .iter()
                        .map(|s| ("member", s.by_member_id.clone())),
                );
            }
            Record::Plan(p) => out.push(("member", p.member_id.clone())),
        }
        out
    }

    /// The record with this entity and id as it stands in the store.
    pub fn load(conn: &Connection, entity: &str, id: &str) -> Result<Option<Record>> {
        Ok(match entity {
            "organisation" => store::organisation::get(conn)?
                .filter(|o| o.id == id)
                .map(Record::Organisation),
            "member" => store::members::get(conn, id)?.map(Record::Member),
            "meeting-kind" => store::scrutiny::meeting_kinds(conn)?
                .into_iter()
                .find(|k| k.code == id)
                .map(Record::MeetingKind),
            "meeting" => store::scrutiny::get_meeting(conn, id)?.map(Record::Meeting),
            "scrutiny-entry" => store::scrutiny::get_entry(conn, id)?.map(Record::Entry),
            "action" => store::scrutiny::get_action(conn, id)?.map(Record::Action),
            "training" => store::training::get(conn, id)?.map(Record::Training),
            "assessment" => store::competency::get_assessment(conn, id)?.map(Record::Assessment),
            "planned-learning" => store::competency::get_plan(conn, id)?.map(Record::Plan),
            _ => None,
        })
    }

    /// Why this record, new here, cannot sit beside what is already stored, if it cannot: the
    /// store allows one organisation, one meeting of a kind and part per day, and one
    /// assessment per member and item.
    pub fn clash(&self, conn: &Connection) -> Result<Option<String>> {
        Ok(match self {
            Record::Organisation(o) => store::organisation::get(conn)?
                .filter(|local| local.id != o.id)
                .map(|local| format!("this database is kept for {}, not for {}", local.name, o.name)),
            Record::MeetingKind(k) => store::scrutiny::meeting_kinds(conn)?
                .into_iter()
                .find(|local| local.code != k.code && local.label.eq_ignore_ascii_case(&k.label))
                .map(|_| format!("a kind of meeting called “{}” was added separately here", k.label)),
            Record::Meeting(m) => store::scrutiny::find_meeting(conn, &m.kind, m.held_on, m.part)?
                .filter(|local| local.id != m.id)
                .map(|local| format!("the same meeting ({}) was entered separately here under another record, so the two cannot be merged; share meetings from the secretary's laptop first", local.label())),
            Record::Assessment(a) => {
                store::competency::find_assessment(conn, &a.member_id, &a.framework_id, &a.item_id)?
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
                if let Some(local) = store::scrutiny::get_meeting(conn, &m.id)? {
                    for item in &local.items {
                        if !m.items.iter().any(|i| i.id == item.id)
                            && store::scrutiny::item_in_use(conn, &item.id)?
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
                    || store::frameworks::is_imported(conn, &a.framework_id)?;
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
            Record::Organisation(r) => store::organisation::upsert(conn, r),
            Record::Member(r) => store::members::save(conn, r),
            Record::MeetingKind(r) => store::scrutiny::save_meeting_kind(conn, r),
            Record::Meeting(r) => store::scrutiny::save_meeting(conn, r),
            Record::Entry(r) => store::scrutiny::save_entry(conn, r),
            Record::Action(r) => store::scrutiny::save_action(conn, r),
            Record::Training(r) => store::training::save(conn, r),
            Record::Assessment(r) => store::competency::save_assessment(conn, r),
            Record::Plan(r) => store::competency::save_plan(conn, r),
        }
    }

    pub fn record_history(&self, conn: &Connection, change: &str, by: &str) -> Result<()> {
        store::history::record_json(conn, self.entity(), self.id(), change, self.snapshot(), by)
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
