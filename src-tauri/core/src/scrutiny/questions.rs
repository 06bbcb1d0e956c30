//! Planned questions: what a director means to ask at a coming meeting, drafted the night
//! before against its agenda, private to their laptop (no exchange file carries them), and
//! turned into a logged challenge in one step when asked.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::entries::{add_entry_then, EntryInput, EntryView};
use crate::dates;
use crate::error::{all_of, CoreError, Result};
use crate::scrutiny::repo as scrutiny;
use crate::store::entity::Entity;
use crate::store::{self, history, settings, Store};

/// Longest question: as long as a challenge may be.
const MAX_QUESTION: usize = 4000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PlannedQuestion {
    pub id: String,
    pub meeting_id: String,
    pub agenda_item_id: Option<String>,
    /// The director who means to ask it: this laptop's user.
    pub member_id: String,
    /// The assurance area it is about, when chosen; empty otherwise.
    pub area_id: String,
    pub question: String,
    /// The challenge logged from it, once asked.
    pub raised_entry_id: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PlannedQuestionInput {
    pub meeting_id: String,
    /// Empty for a question about the meeting as a whole.
    pub agenda_item_id: String,
    pub area_id: String,
    pub question: String,
}

/// This laptop's user, who plans questions: refused until chosen in Settings.
fn me(store: &Store) -> Result<String> {
    settings::get::<Option<String>>(store.conn(), settings::MY_MEMBER_ID)?
        .flatten()
        .ok_or_else(|| {
            CoreError::validation(
                "memberId",
                "Choose whose laptop this is in Settings first: planned questions are yours alone.",
            )
        })
}

/// My questions for a meeting, in the order written.
pub fn planned_questions(store: &Store, meeting_id: &str) -> Result<Vec<PlannedQuestion>> {
    scrutiny::questions_for(store.conn(), meeting_id, &me(store)?)
}

pub fn add_planned_question(
    store: &mut Store,
    input: &PlannedQuestionInput,
) -> Result<PlannedQuestion> {
    let now = dates::now_utc();
    let q = valid(store, input, store::new_id(), me(store)?, now.clone(), now)?;
    store.write(|tx| {
        scrutiny::save_question(tx, &q)?;
        history::record(tx, Entity::PlannedQuestion, &q.id, "added", &q)
    })?;
    Ok(q)
}

pub fn update_planned_question(
    store: &mut Store,
    id: &str,
    input: &PlannedQuestionInput,
) -> Result<PlannedQuestion> {
    let before = mine(store, id)?;
    if before.raised_entry_id.is_some() {
        return Err(CoreError::conflict(
            "This question has been asked and logged as a challenge; change the challenge instead.",
        ));
    }
    let q = valid(
        store,
        input,
        before.id.clone(),
        before.member_id.clone(),
        before.created_at.clone(),
        dates::now_utc(),
    )?;
    if q.meeting_id != before.meeting_id {
        return Err(CoreError::validation(
            "meetingId",
            "A planned question stays with its meeting; delete it and plan it for the other meeting.",
        ));
    }
    store.write(|tx| {
        scrutiny::save_question(tx, &q)?;
        history::record(tx, Entity::PlannedQuestion, id, "edited", &q)
    })?;
    Ok(q)
}

pub fn delete_planned_question(store: &mut Store, id: &str) -> Result<()> {
    let q = mine(store, id)?;
    store.write(|tx| {
        scrutiny::delete_question(tx, id)?;
        history::record(tx, Entity::PlannedQuestion, id, "deleted", &q)
    })
}

/// Logs the challenge asked from a planned question, and marks the question asked, together.
/// `entry` is the challenge as the form completed it (the answer and the assurance taken).
pub fn raise_planned_question(
    store: &mut Store,
    id: &str,
    entry: &EntryInput,
) -> Result<EntryView> {
    let q = mine(store, id)?;
    if q.raised_entry_id.is_some() {
        return Err(CoreError::conflict(
            "This question has already been logged as a challenge.",
        ));
    }
    add_entry_then(store, entry, |tx, logged| {
        let asked = PlannedQuestion {
            raised_entry_id: Some(logged.id.clone()),
            updated_at: dates::now_utc(),
            ..q.clone()
        };
        scrutiny::save_question(tx, &asked)?;
        history::record(tx, Entity::PlannedQuestion, &asked.id, "raised", &asked)
    })
}

fn mine(store: &Store, id: &str) -> Result<PlannedQuestion> {
    let me = me(store)?;
    scrutiny::get_question(store.conn(), id)?
        .filter(|q| q.member_id == me)
        .ok_or_else(|| CoreError::not_found("That planned question no longer exists."))
}

fn valid(
    store: &Store,
    input: &PlannedQuestionInput,
    id: String,
    member_id: String,
    created_at: String,
    updated_at: String,
) -> Result<PlannedQuestion> {
    let mut problems = Vec::new();
    let meeting = scrutiny::get_meeting(store.conn(), input.meeting_id.trim())?;
    match &meeting {
        None => problems.push(CoreError::validation(
            "meetingId",
            "Choose the meeting the question is for.",
        )),
        Some(m) if m.held_on < dates::today() => problems.push(CoreError::validation(
            "meetingId",
            "That meeting has been held; log what was asked as a challenge instead.",
        )),
        _ => {}
    }
    let agenda_item_id = match input.agenda_item_id.trim() {
        "" => None,
        item if meeting
            .as_ref()
            .is_some_and(|m| m.items.iter().any(|i| i.id == item)) =>
        {
            Some(item.to_string())
        }
        _ => {
            problems.push(CoreError::validation(
                "agendaItemId",
                "Choose an agenda item of the chosen meeting.",
            ));
            None
        }
    };
    let area_id = input.area_id.trim().to_string();
    if !area_id.is_empty() && !super::areas::areas(store)?.iter().any(|a| a.id == area_id) {
        problems.push(CoreError::validation(
            "areaId",
            "Choose one of the organisation's assurance areas, or none.",
        ));
    }
    let question = input.question.trim().to_string();
    if question.is_empty() {
        problems.push(CoreError::validation(
            "question",
            "Enter the question you mean to ask.",
        ));
    } else if question.chars().count() > MAX_QUESTION {
        problems.push(CoreError::validation(
            "question",
            format!("Shorten the question to {MAX_QUESTION} characters or fewer."),
        ));
    }
    all_of(problems)?;
    Ok(PlannedQuestion {
        id,
        meeting_id: input.meeting_id.trim().to_string(),
        agenda_item_id,
        member_id,
        area_id,
        question,
        raised_entry_id: None,
        created_at,
        updated_at,
    })
}
