//! Reminders for the member using the app: training lapsing within the due-soon period,
//! actions they own due within a week (or overdue), and a meeting tomorrow. Each is shown at
//! most once a day: what was shown is remembered with the date.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, Result};
use crate::home::{self, Home};
use crate::store::entity::Entity;
use crate::store::{settings, Store};

const SHOWN: &str = "reminders_shown";
const PREFS: &str = "reminder_preferences";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ReminderKind {
    Training,
    Action,
    Meeting,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Reminder {
    /// Stable for the same thing on the same day, so it is shown once.
    pub key: String,
    pub kind: ReminderKind,
    pub text: String,
    /// The record it is about: a meeting, a challenge (for an action) or a member.
    pub record_id: String,
}

/// Which reminders the member wants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReminderPreferences {
    pub training: bool,
    pub actions: bool,
    pub meetings: bool,
    /// Also as a desktop notification, where the system offers them.
    pub desktop: bool,
    /// How many days ahead an action's due date brings a reminder (1 to 31).
    pub action_days: u32,
}

impl Default for ReminderPreferences {
    fn default() -> Self {
        ReminderPreferences {
            training: true,
            actions: true,
            meetings: true,
            desktop: true,
            action_days: 7,
        }
    }
}

pub fn preferences(store: &Store) -> Result<ReminderPreferences> {
    Ok(settings::get(store.conn(), PREFS)?.unwrap_or_default())
}

pub fn save_preferences(
    store: &mut Store,
    prefs: ReminderPreferences,
) -> Result<ReminderPreferences> {
    if !(1..=31).contains(&prefs.action_days) {
        return Err(CoreError::validation(
            "actionDays",
            "Remind about actions between 1 and 31 days before they are due.",
        ));
    }
    store.write(|tx| {
        settings::set(tx, PREFS, &prefs)?;
        crate::store::history::record(
            tx,
            Entity::Settings,
            "reminder-preferences",
            "edited",
            &prefs,
        )?;
        Ok(())
    })?;
    Ok(prefs)
}

/// Everything worth a reminder today, whether or not already shown.
pub fn due(home: &Home, prefs: &ReminderPreferences) -> Vec<Reminder> {
    let day = home.today;
    let mut out = Vec::new();
    if prefs.meetings {
        // Every meeting tomorrow: a committee today does not hide tomorrow's board.
        for m in home.upcoming_meetings.iter().filter(|m| m.in_days == 1) {
            let planned = match m.planned_questions {
                0 => String::new(),
                1 => " You plan to ask 1 question.".to_string(),
                n => format!(" You plan to ask {n} questions."),
            };
            out.push(Reminder {
                key: format!("{day}:meeting:{}", m.meeting_id),
                kind: ReminderKind::Meeting,
                text: format!(
                    "Tomorrow: {}, {} agenda items.{planned}",
                    m.label,
                    m.items.len()
                ),
                record_id: m.meeting_id.clone(),
            });
        }
    }
    if prefs.actions {
        let horizon = day + chrono::Days::new(u64::from(prefs.action_days));
        for a in &home.my_actions {
            let action = &a.view.action;
            let Some(due_on) = action.due_on.filter(|d| *d <= horizon) else {
                continue;
            };
            let when = if a.view.overdue {
                format!(
                    "was due on {} ({} days ago)",
                    crate::dates::prose(due_on),
                    a.view.days_overdue
                )
            } else if due_on == day {
                "is due today".to_string()
            } else {
                format!("is due on {}", crate::dates::prose(due_on))
            };
            out.push(Reminder {
                key: format!("{day}:action:{}", action.id),
                kind: ReminderKind::Action,
                text: format!("Your action “{}” {when}.", action.description),
                record_id: action.entry_id.clone(),
            });
        }
    }
    if prefs.training {
        if let Some(me) = &home.me {
            for t in &home.training_due {
                out.push(Reminder {
                    key: format!("{day}:training:{}", t.requirement),
                    kind: ReminderKind::Training,
                    text: format!("{}: {}", t.requirement, t.detail),
                    record_id: me.id.clone(),
                });
            }
        }
    }
    out
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Shown {
    day: Option<NaiveDate>,
    keys: Vec<String>,
}

/// The reminders not yet shown today, remembered as shown. Called at start and from time to
/// time while the app is open.
pub fn take_new(store: &mut Store, today: NaiveDate) -> Result<Vec<Reminder>> {
    let prefs = preferences(store)?;
    let all = due(&home::home(store, today)?, &prefs);
    let mut shown: Shown = settings::get(store.conn(), SHOWN)?.unwrap_or_default();
    if shown.day != Some(today) {
        shown = Shown {
            day: Some(today),
            keys: Vec::new(),
        };
    }
    let new: Vec<Reminder> = all
        .into_iter()
        .filter(|r| !shown.keys.contains(&r.key))
        .collect();
    if !new.is_empty() {
        shown.keys.extend(new.iter().map(|r| r.key.clone()));
        store.write(|tx| settings::set(tx, SHOWN, &shown))?;
    }
    Ok(new)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::board;

    #[test]
    fn training_reminders_come_once_a_day_and_again_the_next_day() {
        let mut store = Store::open_in_memory().unwrap();
        crate::demo::load_demo(&mut store).unwrap();
        let me = board::list_members(&store, board::MemberFilter::Current).unwrap()[0].clone();
        let mut s = crate::settings::get_settings(&store).unwrap();
        s.my_member_id = Some(me.id.clone());
        crate::settings::save_settings(&mut store, &s).unwrap();
        let today = crate::dates::today();
        let first = take_new(&mut store, today).unwrap();
        assert!(
            first.iter().any(|r| r.kind == ReminderKind::Training),
            "{first:?}"
        );
        assert!(
            take_new(&mut store, today).unwrap().is_empty(),
            "not twice in a day"
        );
        let tomorrow = today.succ_opt().unwrap();
        assert!(!take_new(&mut store, tomorrow).unwrap().is_empty());

        let off = ReminderPreferences {
            training: false,
            ..Default::default()
        };
        save_preferences(&mut store, off).unwrap();
        let later = tomorrow.succ_opt().unwrap();
        assert!(take_new(&mut store, later)
            .unwrap()
            .iter()
            .all(|r| r.kind != ReminderKind::Training));
    }
}
