//! Follow-up actions: who will do what by when, until the board is assured. Whether an action
//! is overdue is worked out on the day, never stored.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Action, ActionStatus};
use crate::board;
use crate::changes::RecordVersion;
use crate::dates;
use crate::error::{CoreError, Result};
use crate::scrutiny::repo as scrutiny;
use crate::store::entity::Entity;
use crate::store::search::Searchable;
use crate::store::{self, history, Store};

pub(super) const ENTITY: Entity = <super::Action as Searchable>::ENTITY;

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActionInput {
    pub description: String,
    /// A board member's id when the owner is on the board; else empty.
    pub owner_member_id: String,
    /// A named officer who is not a board member; ignored when a member is chosen.
    pub owner_name: String,
    /// Empty when there is no due date.
    pub due_on: String,
    /// Open when not given.
    pub status: Option<ActionStatus>,
    pub escalated_to: String,
    pub closure_note: String,
    /// Empty means today, when closing.
    pub closed_on: String,
}

/// An action with what the tracker shows beside it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActionView {
    pub action: Action,
    pub overdue: bool,
    /// Days past the due date, when overdue.
    pub days_overdue: u32,
}

impl ActionView {
    pub fn new(action: Action, today: NaiveDate) -> ActionView {
        let overdue = action.overdue_on(today);
        let days_overdue = match (overdue, action.due_on) {
            (true, Some(due)) => (today - due).num_days() as u32,
            _ => 0,
        };
        ActionView {
            action,
            overdue,
            days_overdue,
        }
    }

    /// The tracker's order, as a sort key: overdue first (most overdue at the top), then by
    /// due date, undated last.
    pub fn urgency(&self) -> (bool, std::cmp::Reverse<u32>, bool, Option<NaiveDate>) {
        (
            !self.overdue,
            std::cmp::Reverse(self.days_overdue),
            self.action.due_on.is_none(),
            self.action.due_on,
        )
    }
}

/// An action in the tracker, with the entry it follows up.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TrackedAction {
    #[serde(flatten)]
    pub view: ActionView,
    pub challenge: String,
    pub area_title: String,
    pub raised_on: NaiveDate,
    pub meeting_label: Option<String>,
    /// When the owner is a post tied to a member ("Chief Nurse"), that member's name: who
    /// holds it now for an open action, who held it when it closed for a closed one.
    pub post_holder: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActionFilter {
    pub overdue_only: bool,
    /// Include closed actions.
    pub include_closed: bool,
    /// Only actions on challenges raised in this period.
    #[serde(default)]
    pub period: Option<crate::periods::Period>,
    /// Only one owner's actions.
    #[serde(default)]
    pub owner: Option<ActionOwner>,
}

/// Whose actions the tracker shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ActionOwner {
    /// A member's: those they own, and those of the posts they hold or held.
    Member(String),
    /// Those whose owner is written so (an officer, or a post), whoever holds it.
    Name(String),
}

/// The day that says who held a post for an action: today while it is open, the day it
/// closed once closed.
fn holding_day(a: &Action, today: NaiveDate) -> NaiveDate {
    match a.status {
        ActionStatus::Closed => a.closed_on.unwrap_or(today),
        _ => today,
    }
}

/// Bounds for "any day" in the owner query, which compares ISO dates as text.
const FIRST_DAY: &str = "0000-01-01";
const LAST_DAY: &str = "9999-12-31";

impl ActionOwner {
    /// Whether `a` is this owner's action (the same rule as `as_query`, for lists in memory).
    fn owns(&self, a: &Action, posts: &crate::board::PostBook, today: NaiveDate) -> bool {
        match self {
            ActionOwner::Member(id) => match &a.owner_member_id {
                Some(owner) => owner == id,
                None => posts
                    .holder_on(&a.owner_name, holding_day(a, today))
                    .is_some_and(|h| &h.member_id == id),
            },
            ActionOwner::Name(text) => {
                crate::import::key(&a.owner_name) == crate::import::key(text)
            }
        }
    }

    /// The owners as `ActionQuery::owners` takes them.
    fn as_query(&self, conn: &rusqlite::Connection) -> Result<String> {
        let names = scrutiny::unassigned_owner_names(conn)?;
        let mut owners = Vec::new();
        match self {
            ActionOwner::Member(id) => {
                owners.push(serde_json::json!({ "member": id }));
                let book = crate::board::PostBook::load(conn)?;
                for held in book.held_by(id) {
                    let key = crate::import::key(&held.post);
                    for name in names.iter().filter(|n| crate::import::key(n) == key) {
                        owners.push(serde_json::json!({
                            "name": name,
                            "from": held.held_from,
                            "to": held.held_to.map_or(LAST_DAY.to_string(), |d| d.to_string()),
                            "any": false,
                        }));
                    }
                }
            }
            ActionOwner::Name(text) => {
                let key = crate::import::key(text);
                let mut written: Vec<&String> = names
                    .iter()
                    .filter(|n| crate::import::key(n) == key)
                    .collect();
                written.push(text);
                for name in written {
                    owners.push(serde_json::json!({
                        "name": name,
                        "from": FIRST_DAY,
                        "to": LAST_DAY,
                        "any": true,
                    }));
                }
            }
        }
        Ok(serde_json::Value::Array(owners).to_string())
    }
}

/// The owners written on open actions that name no member, each with how many open actions
/// it owns and who holds it if it is a tied post: what Settings and the register offer to tie.
pub fn untied_owners(store: &Store) -> Result<Vec<board::PostUse>> {
    let mut names: Vec<(String, u32)> = Vec::new();
    for a in scrutiny::unclosed_unassigned_actions(store.conn())? {
        let key = crate::import::key(&a.owner_name);
        match names.iter_mut().find(|(n, _)| crate::import::key(n) == key) {
            Some((_, count)) => *count += 1,
            None => names.push((a.owner_name, 1)),
        }
    }
    names.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    board::post_uses(store, &names, dates::today())
}

/// Actions not yet closed that are `member_id`'s: those they own, and those owned by a post
/// they hold on `today`.
pub fn actions_owned_by(store: &Store, member_id: &str, today: NaiveDate) -> Result<Vec<Action>> {
    let conn = store.conn();
    let mut out = scrutiny::unclosed_actions_owned_by(conn, member_id)?;
    let posts = crate::board::PostBook::load(conn)?;
    let me = ActionOwner::Member(member_id.to_string());
    out.extend(
        scrutiny::unclosed_unassigned_actions(conn)?
            .into_iter()
            .filter(|a| me.owns(a, &posts, today)),
    );
    Ok(out)
}

/// The tracker: overdue first (most overdue at the top), then by due date.
pub fn list_actions(store: &Store, filter: ActionFilter) -> Result<Vec<TrackedAction>> {
    list_actions_on(store, filter, dates::today())
}

/// The tracker as it stood on `today`: what was overdue then.
pub fn list_actions_on(
    store: &Store,
    filter: ActionFilter,
    today: NaiveDate,
) -> Result<Vec<TrackedAction>> {
    let actions = if filter.include_closed {
        scrutiny::all_actions(store.conn())?
    } else {
        scrutiny::unclosed_actions(store.conn())?
    };
    let posts = crate::board::PostBook::load(store.conn())?;
    let views: Vec<ActionView> = actions
        .into_iter()
        .filter(|a| {
            filter
                .owner
                .as_ref()
                .is_none_or(|o| o.owns(a, &posts, today))
        })
        .map(|a| ActionView::new(a, today))
        .filter(|v| !filter.overdue_only || v.overdue)
        .collect();
    let mut out = tracked(store, views, filter.period, today)?;
    sort_for_tracker(&mut out);
    Ok(out)
}

/// One page of the tracker, with how many actions match and how many of them are overdue.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActionPage {
    pub actions: Vec<TrackedAction>,
    pub total: u32,
    pub overdue: u32,
    pub offset: u32,
}

/// The tracker a page at a time, in the same order as `list_actions_on`; only the page's
/// actions are named.
pub fn action_page(
    store: &Store,
    filter: ActionFilter,
    page: super::PageRequest,
    today: NaiveDate,
) -> Result<ActionPage> {
    let page = page.checked()?;
    let query = scrutiny::ActionQuery {
        include_closed: filter.include_closed,
        overdue_only: filter.overdue_only,
        raised_between: filter.period.map(|p| (p.start(), p.end())),
        owners: filter
            .owner
            .as_ref()
            .map(|o| o.as_query(store.conn()))
            .transpose()?,
        today,
    };
    let (actions, total, overdue) =
        scrutiny::actions_page(store.conn(), &query, page.offset, page.limit)?;
    let views = actions
        .into_iter()
        .map(|a| ActionView::new(a, today))
        .collect();
    Ok(ActionPage {
        actions: tracked(store, views, None, today)?,
        total,
        overdue,
        offset: page.offset,
    })
}

fn sort_for_tracker(list: &mut [TrackedAction]) {
    list.sort_by_key(|t| t.view.urgency());
}

/// Actions with the challenges they follow up, each challenge read and named once, in the
/// order given. With a period, actions on challenges raised outside it are left out.
pub fn tracked(
    store: &Store,
    views: Vec<ActionView>,
    period: Option<crate::periods::Period>,
    today: NaiveDate,
) -> Result<Vec<TrackedAction>> {
    let posts = crate::board::PostBook::load(store.conn())?;
    let mut ids: Vec<&str> = views.iter().map(|v| v.action.entry_id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    let entries = scrutiny::entries_by_ids(store.conn(), &ids)?
        .into_iter()
        .filter(|e| period.is_none_or(|p| p.contains(e.raised_on)))
        .collect();
    let entries: std::collections::HashMap<String, super::EntryView> =
        super::entries::views(store, entries)?
            .into_iter()
            .map(|e| (e.entry.id.clone(), e))
            .collect();
    Ok(views
        .into_iter()
        .filter_map(|view| {
            let entry = entries.get(&view.action.entry_id)?;
            let a = &view.action;
            let post_holder = match a.owner_member_id {
                None => posts
                    .holder_on(&a.owner_name, holding_day(a, today))
                    .map(|h| h.member_name.clone()),
                Some(_) => None,
            };
            Some(TrackedAction {
                post_holder,
                challenge: entry.entry.challenge.clone(),
                area_title: entry.area_title.clone(),
                raised_on: entry.entry.raised_on,
                meeting_label: entry.meeting_label.clone(),
                view,
            })
        })
        .collect())
}

pub fn add_action(store: &mut Store, entry_id: &str, input: &ActionInput) -> Result<ActionView> {
    scrutiny::get_entry(store.conn(), entry_id)?.ok_or_else(|| {
        CoreError::not_found(format!("No scrutiny entry has the id '{entry_id}'."))
    })?;
    let action = new_action(store, entry_id, input)?;
    store.write(|tx| {
        scrutiny::save_action(tx, &action)?;
        history::record_searched(tx, &action.id, "added", &action)
    })?;
    Ok(ActionView::new(action, dates::today()))
}

pub fn update_action(store: &mut Store, id: &str, input: &ActionInput) -> Result<ActionView> {
    let before = scrutiny::get_action(store.conn(), id)?.ok_or_else(|| {
        CoreError::not_found(format!(
            "No action has the id '{}'.",
            crate::error::shown(id)
        ))
    })?;
    let after = valid(
        store,
        input,
        before.id.clone(),
        before.entry_id.clone(),
        before.created_at.clone(),
    )?;
    // Saving what is already there adds no version.
    let content = |a: &Action| Action {
        updated_at: String::new(),
        ..a.clone()
    };
    if content(&before) == content(&after) {
        return Ok(ActionView::new(before, dates::today()));
    }
    let change = match (before.status, after.status) {
        (b, ActionStatus::Closed) if b != ActionStatus::Closed => "closed",
        (_, ActionStatus::Escalated) if before.status != ActionStatus::Escalated => "escalated",
        (ActionStatus::Closed, _) if after.status != ActionStatus::Closed => "reopened",
        _ => "edited",
    };
    store.write(|tx| {
        scrutiny::save_action(tx, &after)?;
        history::record_searched(tx, id, change, &after)
    })?;
    tracing::info!(id, change, "action saved");
    Ok(ActionView::new(after, dates::today()))
}

/// Every saved version of an action, oldest first.
pub fn action_history(store: &Store, id: &str) -> Result<Vec<RecordVersion<Action>>> {
    scrutiny::get_action(store.conn(), id)?.ok_or_else(|| {
        CoreError::not_found(format!(
            "No action has the id '{}'.",
            crate::error::shown(id)
        ))
    })?;
    crate::changes::described(store, ENTITY, id, "Agreed", describe)
}

fn describe(a: &Action, b: &Action) -> Vec<String> {
    let mut out = crate::changes::ChangeList::default();
    let date = |d: Option<NaiveDate>| d.map(dates::dense).unwrap_or_default();
    out.field("What is to be done", &a.description, &b.description);
    out.field("Owner", &a.owner_name, &b.owner_name);
    out.field("Due date", &date(a.due_on), &date(b.due_on));
    out.field("Status", a.status.label(), b.status.label());
    out.field("Escalated to", &a.escalated_to, &b.escalated_to);
    out.field("How it was closed", &a.closure_note, &b.closure_note);
    out.field("Date closed", &date(a.closed_on), &date(b.closed_on));
    out.lines()
}

pub(super) fn new_action(store: &Store, entry_id: &str, input: &ActionInput) -> Result<Action> {
    let now = dates::now_utc();
    valid(store, input, store::new_id(), entry_id.to_string(), now)
}

fn valid(
    store: &Store,
    input: &ActionInput,
    id: String,
    entry_id: String,
    created_at: String,
) -> Result<Action> {
    let description = board::validate::required_text(
        "description",
        "what is to be done",
        &input.description,
        2000,
    )?;
    let (owner_member_id, owner_name) = match input.owner_member_id.trim() {
        "" => (
            None,
            input
                .owner_name
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        ),
        id => {
            let m = board::get_member(store, id).map_err(|_| {
                CoreError::validation("ownerMemberId", "Choose the action's owner.")
            })?;
            (Some(m.id), m.name)
        }
    };
    if owner_name.is_empty() {
        return Err(CoreError::validation(
            "ownerName",
            "Enter who owns the action: choose a board member or type an officer's name.",
        ));
    }
    let due_on = dates::parse_optional_date("dueOn", "due date", &input.due_on)?;
    let status = input.status.unwrap_or(ActionStatus::Open);
    let escalated_to = input.escalated_to.trim().to_string();
    if status == ActionStatus::Escalated && escalated_to.is_empty() {
        return Err(CoreError::validation(
            "escalatedTo",
            "Say where the action was escalated: a committee or a board assurance framework risk.",
        ));
    }
    let closure_note = input.closure_note.trim().to_string();
    let closed_on = if status == ActionStatus::Closed {
        if closure_note.is_empty() {
            return Err(CoreError::validation(
                "closureNote",
                "Say how the action was closed: what was done, or why it is no longer needed.",
            ));
        }
        let on = if input.closed_on.trim().is_empty() {
            dates::today()
        } else {
            dates::parse_date("closedOn", "closing date", &input.closed_on)?
        };
        if on > dates::today() {
            return Err(CoreError::validation(
                "closedOn",
                "The closing date cannot be in the future.",
            ));
        }
        Some(on)
    } else {
        None
    };
    Ok(Action {
        id,
        entry_id,
        description,
        owner_member_id,
        owner_name,
        due_on,
        status,
        escalated_to,
        closure_note,
        closed_on,
        created_at,
        updated_at: dates::now_utc(),
    })
}
