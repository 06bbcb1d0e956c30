//! The organisation, its board members, their training and the posts the executives hold, from
//! `assets/demo/demo-board.json`.

use chrono::{Days, NaiveDate};
use serde::Deserialize;

use crate::board::{self, Member, MemberInput, MemberKind, Organisation, OrganisationInput};
use crate::codes::loose;
use crate::error::{CoreError, Result};
use crate::store::Store;
use crate::training::{self, LearningType, TrainingInput, TrainingRecord};

const DEMO_BOARD: &str = include_str!("../../../../assets/demo/demo-board.json");

#[derive(Deserialize)]
struct DemoBoard {
    organisation: OrganisationInput,
    members: Vec<MemberInput>,
    training: Vec<DemoTraining>,
    posts: Vec<DemoPost>,
}

/// A training record, dated relative to the day it is loaded so the matrix always shows a
/// realistic mix: in date, due soon, expired and not met.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct DemoTraining {
    member: String,
    title: String,
    provider: String,
    days_ago: u64,
    hours: String,
    learning_type: LearningType,
    level: String,
    certificate_ref: String,
}

/// A post an executive holds ("Chief Nurse"), as the log names owners.
#[derive(Deserialize)]
struct DemoPost {
    post: String,
    member: String,
}

/// The board as loaded: what the later parts of the demonstration refer to.
pub(super) struct Board {
    pub organisation: Organisation,
    pub members: Vec<Member>,
    pub training: Vec<TrainingRecord>,
    /// Each post and the member who holds it.
    pub posts: Vec<(String, Member)>,
}

impl Board {
    pub fn member(&self, name: &str) -> Result<&Member> {
        self.members
            .iter()
            .find(|m| m.name == name)
            .ok_or_else(|| CoreError::internal(format!("the demonstration names no member {name}")))
    }

    /// The member who holds `post`, if a board member does.
    pub fn holder(&self, post: &str) -> Option<&Member> {
        self.posts
            .iter()
            .find(|(p, _)| loose(p) == loose(post))
            .map(|(_, m)| m)
    }

    /// Members whose membership covers `day`.
    pub fn current_on(&self, day: NaiveDate) -> impl Iterator<Item = &Member> {
        self.members
            .iter()
            .filter(move |m| m.start_date <= day && m.end_date.is_none_or(|end| day <= end))
    }

    /// Whether the member is a non-executive (who raise the board's challenges).
    pub fn is_non_executive(member: &Member) -> bool {
        member.kind == MemberKind::NonExecutive
    }
}

pub(super) fn load(store: &mut Store, today: NaiveDate) -> Result<Board> {
    let demo: DemoBoard = super::data("demo-board.json", DEMO_BOARD)?;
    let organisation = board::save_organisation(store, &demo.organisation)?;
    let mut members = Vec::new();
    for input in &demo.members {
        members.push(board::add_member(store, input)?);
    }
    let mut board = Board {
        organisation,
        members,
        training: Vec::new(),
        posts: Vec::new(),
    };
    for t in &demo.training {
        let member_id = board.member(&t.member)?.id.clone();
        let input = TrainingInput {
            member_id,
            title: t.title.clone(),
            provider: t.provider.clone(),
            completed_on: (today - Days::new(t.days_ago)).to_string(),
            hours: t.hours.clone(),
            learning_type: Some(t.learning_type),
            level: t.level.clone(),
            certificate_ref: t.certificate_ref.clone(),
            expires_on: String::new(),
        };
        board.training.push(training::add_training(store, &input)?);
    }
    for p in &demo.posts {
        let holder = board.member(&p.member)?.clone();
        board.posts.push((p.post.clone(), holder));
    }
    Ok(board)
}
