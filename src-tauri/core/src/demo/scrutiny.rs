//! The challenge log: about 150 challenges raised by the non-executive directors at the
//! meetings held, across every assurance area, with the answers given, the evidence cited and
//! the assurance taken, and follow-up actions in every state. The words come from the bank in
//! `assets/demo/challenges.json`; which topic, figure and outcome each challenge gets is decided
//! here, the same way on every load.

use std::collections::HashMap;

use chrono::{Datelike, Days, NaiveDate};
use serde::Deserialize;

use super::meetings::DemoMeeting;
use super::register::Board;
use super::sequence::Sequence;
use crate::error::{CoreError, Result};
use crate::periods::Period;
use crate::scrutiny::{self, ActionInput, ActionStatus, Entry, EntryInput, EvidenceSource};
use crate::store::Store;

const BANK: &str = include_str!("../../../../assets/demo/challenges.json");

/// Posts whose actions the log mostly names by post, not by the person holding it.
const NAMED_BY_POST: &[&str] = &["Chief Nurse", "Medical Director"];

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Bank {
    count: usize,
    levels: Vec<String>,
    closings: HashMap<String, Vec<String>>,
    follow_ups: Vec<String>,
    closure_notes: Vec<String>,
    escalations: Vec<String>,
    topics: Vec<Topic>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Topic {
    area: String,
    ask: Vec<String>,
    to: String,
    evidence: Vec<EvidenceSource>,
    good: String,
    poor: String,
    action: String,
    owner: String,
    due_weeks: u64,
}

/// The log as loaded.
pub(super) struct Log {
    pub entries: Vec<Entry>,
    pub actions: usize,
}

pub(super) fn load(
    store: &mut Store,
    board: &Board,
    meetings: &[DemoMeeting],
    today: NaiveDate,
) -> Result<Log> {
    let bank: Bank = super::data("challenges.json", BANK)?;
    let areas: Vec<String> = scrutiny::areas(store)?.into_iter().map(|a| a.id).collect();
    let held: Vec<&DemoMeeting> = meetings.iter().filter(|m| m.held(today)).collect();
    let quotas = quotas(&held, bank.count);

    let mut seq = Sequence::new(0xc4a1_1e9e);
    let mut state = State::default();
    let mut log = Log {
        entries: Vec::new(),
        actions: 0,
    };
    for (m, quota) in held.iter().zip(quotas) {
        let present_neds: Vec<&String> = m
            .meeting
            .attendance
            .iter()
            .filter(|a| a.status == scrutiny::AttendanceStatus::Present)
            .map(|a| &a.member_id)
            .filter(|id| {
                board
                    .members
                    .iter()
                    .any(|b| &b.id == *id && Board::is_non_executive(b))
            })
            .collect();
        let quarter = Period::quarter_of(m.meeting.held_on);
        for slot in 0..quota {
            let item_index = (slot + m.meeting.held_on.day() as usize) % m.items.len();
            let facts = &m.items[item_index];
            let area = state.area_for(&facts.areas, &areas, quarter, slot);
            let topics: Vec<&Topic> = bank.topics.iter().filter(|t| t.area == area).collect();
            if topics.is_empty() {
                return Err(CoreError::internal(format!(
                    "the demonstration has no challenges about {area}"
                )));
            }
            let turn = state.next_turn(&area);
            let topic = topics[turn % topics.len()];
            let asked_before = turn / topics.len();
            let level = bank.levels[log.entries.len() % bank.levels.len()].clone();
            let good = matches!(level.as_str(), "substantial" | "reasonable");

            let words = Words::new(m.meeting.held_on, &mut seq);
            let mut challenge = topic.ask[asked_before % topic.ask.len()].clone();
            let follow_up = seq.pick(&bank.follow_ups);
            if !follow_up.is_empty() {
                challenge = format!("{challenge} {follow_up}");
            }
            let closings = bank.closings.get(&level).ok_or_else(|| {
                CoreError::internal(format!("the demonstration has no closings for {level}"))
            })?;
            let closing = seq.pick(closings);
            let answer = if good { &topic.good } else { &topic.poor };
            let response = format!("{answer} {closing}").trim().to_string();

            let raiser = match present_neds.len() {
                0 => board
                    .current_on(m.meeting.held_on)
                    .find(|b| Board::is_non_executive(b))
                    .map(|b| &b.id)
                    .ok_or_else(|| CoreError::internal("no non-executive to raise a challenge"))?,
                n => present_neds[(slot + seq.below(n)) % n],
            };
            let wants_action = match level.as_str() {
                "limited" | "none" => true,
                "reasonable" => State::turn(&mut state.reasonable).is_multiple_of(3),
                _ => State::turn(&mut state.substantial).is_multiple_of(8),
            };
            let due_on = m.meeting.held_on + Days::new(topic.due_weeks * 7);
            let owner = owner(board, &topic.owner, &mut state);
            let actions = if wants_action {
                vec![ActionInput {
                    description: topic.action.clone(),
                    owner_member_id: owner.0.clone(),
                    owner_name: owner.1.clone(),
                    due_on: due_on.to_string(),
                    status: None,
                    ..Default::default()
                }]
            } else {
                Vec::new()
            };
            let view = scrutiny::add_entry(
                store,
                &EntryInput {
                    meeting_id: m.meeting.id.clone(),
                    agenda_item_id: m.meeting.items[item_index].id.clone(),
                    raised_on: m.meeting.held_on.to_string(),
                    area_id: area.clone(),
                    raised_by: raiser.clone(),
                    challenge: words.fill(&challenge),
                    directed_to: topic.to.clone(),
                    response: words.fill(&response),
                    evidence: topic.evidence.clone(),
                    assurance_level: level.clone(),
                    minute_ref: facts.minute_ref.clone(),
                    actions,
                },
            )?;
            state.scrutinised(&area, quarter);
            for a in &view.actions {
                let progress = progress(&level, m.meeting.held_on, due_on, today, &mut seq);
                if let Some(input) = progress.map(|p| {
                    p.input(
                        ActionInput {
                            description: a.action.description.clone(),
                            owner_member_id: owner.0.clone(),
                            owner_name: owner.1.clone(),
                            due_on: due_on.to_string(),
                            ..Default::default()
                        },
                        &m.meeting.kind_label,
                        &bank,
                        &mut seq,
                    )
                }) {
                    scrutiny::update_action(store, &a.action.id, &input)?;
                }
                log.actions += 1;
            }
            log.entries.push(view.entry);
        }
    }
    Ok(log)
}

/// How many challenges each held meeting draws: `count` shared by weight, at most three an
/// agenda item, any left over going to the meetings with room.
fn quotas(held: &[&DemoMeeting], count: usize) -> Vec<usize> {
    let total: u32 = held.iter().map(|m| m.weight).sum();
    if total == 0 {
        return vec![0; held.len()];
    }
    let room = |m: &DemoMeeting| m.items.len() * 3;
    let mut out = Vec::new();
    let mut running = 0u32;
    for m in held {
        let before = (running as usize * count + total as usize / 2) / total as usize;
        running += m.weight;
        let after = (running as usize * count + total as usize / 2) / total as usize;
        out.push((after - before).min(room(m)));
    }
    let mut short = count.saturating_sub(out.iter().sum());
    for (m, q) in held.iter().zip(out.iter_mut()).rev() {
        let more = short.min(room(m) - *q);
        *q += more;
        short -= more;
    }
    out
}

/// What the log has done so far: which areas each quarter has covered, and whose turn is next.
#[derive(Default)]
struct State {
    per_quarter: HashMap<(Period, String), u32>,
    overall: HashMap<String, u32>,
    turns: HashMap<String, usize>,
    reasonable: usize,
    substantial: usize,
    by_post: HashMap<String, usize>,
}

impl State {
    /// The area a challenge on an item is about: of the item's areas (or any area, when it
    /// names none), the one with least scrutiny so far in the quarter, then overall.
    fn area_for(&self, item: &[String], all: &[String], quarter: Period, slot: usize) -> String {
        let choices = if item.is_empty() { all } else { item };
        let offset = slot % choices.len();
        let rotated = choices[offset..].iter().chain(&choices[..offset]);
        rotated
            .min_by_key(|a| {
                (
                    self.per_quarter
                        .get(&(quarter, (*a).clone()))
                        .copied()
                        .unwrap_or(0),
                    if item.is_empty() {
                        self.overall.get(*a).copied().unwrap_or(0)
                    } else {
                        0
                    },
                )
            })
            .cloned()
            .unwrap_or_default()
    }

    fn scrutinised(&mut self, area: &str, quarter: Period) {
        *self
            .per_quarter
            .entry((quarter, area.to_string()))
            .or_default() += 1;
        *self.overall.entry(area.to_string()).or_default() += 1;
    }

    fn next_turn(&mut self, area: &str) -> usize {
        let turn = self.turns.entry(area.to_string()).or_default();
        *turn += 1;
        *turn - 1
    }

    /// Counts one more, returning how many there were before.
    fn turn(counter: &mut usize) -> usize {
        *counter += 1;
        *counter - 1
    }
}

/// Who owns an action on a post's behalf: the member who holds it, or the post itself (the log
/// names the Chief Nurse's and the Medical Director's actions by post two times in three).
/// Posts no board member holds are named as written.
fn owner(board: &Board, post: &str, state: &mut State) -> (String, String) {
    let Some(holder) = board.holder(post) else {
        return (String::new(), post.to_string());
    };
    if NAMED_BY_POST.contains(&post) {
        let turn = state.by_post.entry(post.to_string()).or_default();
        *turn += 1;
        if !turn.is_multiple_of(3) {
            return (String::new(), post.to_string());
        }
    }
    (holder.id.clone(), holder.name.clone())
}

/// Where an action has got to by today, when it is no longer just open.
enum Reached {
    InProgress,
    Closed(NaiveDate),
    Escalated,
}

impl Reached {
    fn input(
        self,
        base: ActionInput,
        meeting: &str,
        bank: &Bank,
        seq: &mut Sequence,
    ) -> ActionInput {
        match self {
            Reached::InProgress => ActionInput {
                status: Some(ActionStatus::InProgress),
                ..base
            },
            Reached::Closed(on) => ActionInput {
                status: Some(ActionStatus::Closed),
                closure_note: seq
                    .pick(&bank.closure_notes)
                    .replace("{committee}", meeting)
                    .replace("{date}", &crate::dates::prose(on)),
                closed_on: on.to_string(),
                ..base
            },
            Reached::Escalated => ActionInput {
                status: Some(ActionStatus::Escalated),
                escalated_to: seq.pick(&bank.escalations).clone(),
                ..base
            },
        }
    }
}

/// Most actions due weeks ago are closed, a few escalated and a few still open and overdue;
/// those due lately are more often still in hand; those not yet due are open or in progress;
/// those due half a year ago or more have all been closed or escalated. A challenge that gave
/// no assurance has its action escalated once it falls due.
fn progress(
    level: &str,
    raised: NaiveDate,
    due: NaiveDate,
    today: NaiveDate,
    seq: &mut Sequence,
) -> Option<Reached> {
    let roll = seq.below(100);
    let closed_on = |seq: &mut Sequence| {
        let early = Days::new(seq.between(0, 14).into());
        (due - early).max(raised + Days::new(7)).min(today)
    };
    if due >= today {
        return (roll < 55).then_some(Reached::InProgress);
    }
    if level == "none" {
        return Some(Reached::Escalated);
    }
    let overdue_by = (today - due).num_days();
    Some(match (overdue_by, roll) {
        (183.., 0..=89) => Reached::Closed(closed_on(seq)),
        (183.., _) => Reached::Escalated,
        (22.., 0..=71) => Reached::Closed(closed_on(seq)),
        (22.., 72..=79) => Reached::Escalated,
        (22.., 80..=91) => Reached::InProgress,
        (22.., _) => return None,
        (_, 0..=34) => Reached::Closed(closed_on(seq)),
        (_, 35..=74) => Reached::InProgress,
        (_, _) => return None,
    })
}

/// The figures one challenge and its answer quote, drawn once so the two agree.
struct Words {
    pct: u32,
    low: u32,
    n: u32,
    big: u32,
    days: u32,
    weeks: u32,
    quarter: String,
    month: String,
}

impl Words {
    fn new(held_on: NaiveDate, seq: &mut Sequence) -> Words {
        let reported = Period::quarter_of(Period::quarter_of(held_on).start() - Days::new(1));
        let later = held_on
            .checked_add_months(chrono::Months::new(3))
            .expect("dates stay within the years a period allows");
        Words {
            pct: seq.between(86, 98),
            low: seq.between(58, 79),
            n: seq.between(3, 14),
            big: seq.between(40, 260),
            days: seq.between(3, 15),
            weeks: seq.between(5, 14),
            quarter: format!("Q{}", reported.quarter.unwrap_or(1)),
            month: later.format("%B").to_string(),
        }
    }

    fn fill(&self, text: &str) -> String {
        text.replace("{pct}", &self.pct.to_string())
            .replace("{low}", &self.low.to_string())
            .replace("{n}", &self.n.to_string())
            .replace("{big}", &self.big.to_string())
            .replace("{days}", &self.days.to_string())
            .replace("{weeks}", &self.weeks.to_string())
            .replace("{quarter}", &self.quarter)
            .replace("{month}", &self.month)
    }
}
