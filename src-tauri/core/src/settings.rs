//! Board-wide settings: the self-assessment rating scale, how early "due soon" starts, and
//! whose laptop this is (so "My competency" opens on the right member).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, ErrorKind, Result};
use crate::store::entity::Entity;
use crate::store::{history, settings, Store};

const SCALE: &str = "rating_scale";
const DUE_SOON: &str = "due_soon_days";
const ME: &str = settings::MY_MEMBER_ID;

/// One step of the rating scale. `code` is stored with each assessment and never changes;
/// the label can be reworded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RatingLevel {
    pub code: String,
    pub label: String,
    /// Whether a rating at this level meets the item; lower levels are shown as gaps.
    pub meets: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Settings {
    /// Lowest first.
    pub rating_scale: Vec<RatingLevel>,
    /// A requirement is "due soon" this many days before it lapses.
    pub due_soon_days: u32,
    /// The member who uses this laptop, if chosen.
    pub my_member_id: Option<String>,
}

pub const DEFAULT_DUE_SOON_DAYS: u32 = 90;

const TEXT_SIZE: &str = "text_size";

crate::codes::coded!(
    /// How large the window's text is, for people who read better with it larger; layouts
    /// reflow rather than clip up to 200%.
    TextSize, "text size", {
        Standard => "standard", "Standard (100%)";
        Large => "large", "Large (125%)";
        Larger => "larger", "Larger (150%)";
        Largest => "largest", "Largest (200%)";
    }
);

impl TextSize {
    pub fn percent(self) -> u32 {
        match self {
            TextSize::Standard => 100,
            TextSize::Large => 125,
            TextSize::Larger => 150,
            TextSize::Largest => 200,
        }
    }
}

/// The text size chosen on this laptop, standard until one is chosen.
pub fn text_size(store: &Store) -> Result<TextSize> {
    Ok(settings::get(store.conn(), TEXT_SIZE)?.unwrap_or(TextSize::Standard))
}

pub fn save_text_size(store: &mut Store, size: TextSize) -> Result<TextSize> {
    store.write(|tx| {
        settings::set(tx, TEXT_SIZE, &size)?;
        history::record(tx, Entity::Settings, "text-size", "edited", &size)
    })?;
    Ok(size)
}

const IDLE_LOCK_MINUTES: &str = "idle_lock_minutes";

/// How long the window may sit unused before an encrypted database locks, by default.
pub const DEFAULT_IDLE_LOCK_MINUTES: u32 = 15;

/// Minutes without use before the window locks an encrypted database; 0 means never.
pub fn idle_lock_minutes(store: &Store) -> Result<u32> {
    Ok(settings::get(store.conn(), IDLE_LOCK_MINUTES)?.unwrap_or(DEFAULT_IDLE_LOCK_MINUTES))
}

/// Sets the idle time before locking: 0 (never) or 1 to 240 minutes.
pub fn save_idle_lock_minutes(store: &mut Store, minutes: u32) -> Result<u32> {
    if minutes > 240 {
        return Err(CoreError::validation(
            "minutes",
            "Lock after at most 240 minutes (four hours), or choose never.",
        ));
    }
    store.write(|tx| {
        settings::set(tx, IDLE_LOCK_MINUTES, &minutes)?;
        history::record(
            tx,
            Entity::Settings,
            "idle-lock-minutes",
            "edited",
            &minutes,
        )?;
        Ok(())
    })?;
    Ok(minutes)
}

/// The setting that says how many daily backups to keep.
pub use crate::store::settings::DAILY_BACKUPS_KEPT;

/// How many daily backups are kept beside the database.
pub fn daily_backups_kept(store: &Store) -> Result<u32> {
    Ok(settings::get(store.conn(), DAILY_BACKUPS_KEPT)?
        .unwrap_or(crate::store::backup::KEEP_DAILY as u32))
}

/// Sets how many daily backups to keep (1 to 90); older ones go at the next start.
pub fn save_daily_backups_kept(store: &mut Store, keep: u32) -> Result<u32> {
    if !(1..=90).contains(&keep) {
        return Err(CoreError::validation(
            "keep",
            "Keep between 1 and 90 daily backups.",
        ));
    }
    store.write(|tx| {
        settings::set(tx, DAILY_BACKUPS_KEPT, &keep)?;
        history::record(tx, Entity::Settings, "daily-backups-kept", "edited", &keep)?;
        Ok(())
    })?;
    Ok(keep)
}

pub fn default_scale() -> Vec<RatingLevel> {
    let level = |code: &str, label: &str, meets| RatingLevel {
        code: code.into(),
        label: label.into(),
        meets,
    };
    vec![
        level("not-yet-started", "Not yet started", false),
        level("developing", "Developing", false),
        level("competent", "Competent", true),
        level("confident-to-lead", "Confident to lead", true),
    ]
}

pub fn get_settings(store: &Store) -> Result<Settings> {
    let conn = store.conn();
    Ok(Settings {
        rating_scale: settings::get(conn, SCALE)?.unwrap_or_else(default_scale),
        due_soon_days: settings::get(conn, DUE_SOON)?.unwrap_or(DEFAULT_DUE_SOON_DAYS),
        my_member_id: settings::get(conn, ME)?.flatten(),
    })
}

pub fn save_settings(store: &mut Store, input: &Settings) -> Result<Settings> {
    let scale = validate_scale(&input.rating_scale)?;
    if input.due_soon_days > 365 {
        return Err(CoreError::validation(
            "dueSoonDays",
            "Warn at most 365 days before something lapses.",
        ));
    }
    if let Some(id) = &input.my_member_id {
        crate::board::get_member(store, id)?;
    }
    let saved = Settings {
        rating_scale: scale,
        ..input.clone()
    };
    store.write(|tx| {
        let in_use = crate::competency::repo::ratings_in_use(tx)?;
        if let Some(code) = in_use
            .iter()
            .find(|c| !saved.rating_scale.iter().any(|l| &l.code == *c))
        {
            return Err(CoreError::new(
                ErrorKind::InUse,
                format!("The rating '{code}' is used by existing self-assessments, so it cannot be removed from the scale. Reword its label instead."),
            ));
        }
        settings::set(tx, SCALE, &saved.rating_scale)?;
        settings::set(tx, DUE_SOON, &saved.due_soon_days)?;
        settings::set(tx, ME, &saved.my_member_id)?;
        history::record(tx, Entity::Settings, "settings", "edited", &saved)?;
        Ok(())
    })?;
    tracing::info!("settings saved");
    Ok(saved)
}

/// A scale needs two to seven levels with distinct labels, at least one that meets the item;
/// a new level without a code gets one made from its label.
fn validate_scale(levels: &[RatingLevel]) -> Result<Vec<RatingLevel>> {
    let out = crate::scale::validate(
        levels,
        &crate::scale::Rules {
            field: "ratingScale",
            sizes: 2..=7,
            wrong_size: "A rating scale needs between two and seven levels.",
            incomplete: "Every level of the rating scale needs a label.",
            name: "The rating scale",
        },
    )?;
    if !out.iter().any(|l| l.meets) {
        return Err(CoreError::validation(
            "ratingScale",
            "At least one level must count as meeting the item.",
        ));
    }
    Ok(out)
}

impl crate::scale::Level for RatingLevel {
    fn code(&self) -> &str {
        &self.code
    }
    fn label(&self) -> &str {
        &self.label
    }
    fn tidied(&self, code: String, label: String) -> Option<Self> {
        Some(RatingLevel {
            code,
            label,
            meets: self.meets,
        })
    }
}
