//! Posts and the members who hold them. Real logs name an action's owner by post ("Chief
//! Nurse", "Medical Director"); tying the post to the member who holds it makes such an action
//! that member's: on Home, in reminders and in the tracker, while it is still shown as owned by
//! the post. A holding has dates, so when the post changes hands the open actions follow the
//! new holder and the closed ones stay with the one who held it when they closed.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::repo::{members, posts};
use super::validate::required_text;
use super::Member;
use crate::dates;
use crate::error::{CoreError, Result};
use crate::import::{self, Found};
use crate::store::entity::Entity;
use crate::store::{self, history, Store};

/// A member holding a post, from a day and (once handed on) to a day.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PostHolder {
    pub id: String,
    /// The post as the board writes it: "Chief Nurse".
    pub post: String,
    pub member_id: String,
    pub member_name: String,
    pub held_from: NaiveDate,
    /// `None` while they still hold it.
    pub held_to: Option<NaiveDate>,
}

impl PostHolder {
    fn held_on(&self, day: NaiveDate) -> bool {
        self.held_from <= day && self.held_to.is_none_or(|to| day <= to)
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PostInput {
    pub post: String,
    pub member_id: String,
    /// Empty means the member's start date on the board.
    pub held_from: String,
    /// Empty while they still hold it.
    pub held_to: String,
}

/// A title an import or an action names that is not a member's name, with who holds it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PostUse {
    /// As written ("Chief Nurse").
    pub post: String,
    /// How many rows or open actions name it.
    pub uses: u32,
    /// Who holds it today, when the post is tied.
    pub holder: Option<PostHolder>,
    /// A current member whose job title matches, to offer when it is not tied yet.
    pub suggested_member_id: Option<String>,
    pub suggested_member_name: Option<String>,
}

/// Who held which post when: the lookups actions need, read once.
pub struct PostBook {
    holdings: Vec<PostHolder>,
}

impl PostBook {
    pub fn load(conn: &rusqlite::Connection) -> Result<PostBook> {
        Ok(PostBook {
            holdings: posts::all(conn)?,
        })
    }

    /// The holding of the post named `title` on `day`, matched without regard to case,
    /// punctuation or articles.
    pub fn holder_on(&self, title: &str, day: NaiveDate) -> Option<&PostHolder> {
        let wanted = import::key(title);
        self.holdings
            .iter()
            .find(|h| h.held_on(day) && import::key(&h.post) == wanted)
    }

    /// Whether `title` is a post anyone has held.
    pub fn is_post(&self, title: &str) -> bool {
        let wanted = import::key(title);
        self.holdings.iter().any(|h| import::key(&h.post) == wanted)
    }

    /// The holdings of one member.
    pub fn held_by<'a>(&'a self, member_id: &'a str) -> impl Iterator<Item = &'a PostHolder> {
        self.holdings
            .iter()
            .filter(move |h| h.member_id == member_id)
    }
}

pub fn list_posts(store: &Store) -> Result<Vec<PostHolder>> {
    posts::all(store.conn())
}

/// Ties a post to a member. When someone else holds the post with no end date and the new
/// holding starts later, theirs ends the day before: the post has changed hands.
pub fn tie_post(store: &mut Store, input: &PostInput) -> Result<PostHolder> {
    let id = store::new_id();
    store.write(|tx| {
        let holder = validate(tx, input, &id)?;
        let now = dates::now_utc();
        for mut other in posts::all(tx)? {
            let same_post = import::key(&other.post) == import::key(&holder.post);
            if same_post && other.held_to.is_none() && other.held_from < holder.held_from {
                other.held_to = holder.held_from.checked_sub_days(Days::new(1));
                posts::save(tx, &other, &now)?;
                history::record(tx, Entity::Post, &other.id, "handed on", &other)?;
            }
        }
        check_no_overlap(tx, &holder)?;
        posts::save(tx, &holder, &now)?;
        history::record(tx, Entity::Post, &holder.id, "added", &holder)?;
        Ok(holder)
    })
}

/// Changes a holding's post, member or dates.
pub fn update_post(store: &mut Store, id: &str, input: &PostInput) -> Result<PostHolder> {
    store.write(|tx| {
        if posts::get(tx, id)?.is_none() {
            return Err(CoreError::not_found("That post holding no longer exists."));
        }
        let holder = validate(tx, input, id)?;
        check_no_overlap(tx, &holder)?;
        posts::save(tx, &holder, &dates::now_utc())?;
        history::record(tx, Entity::Post, id, "edited", &holder)?;
        Ok(holder)
    })
}

/// Unties a post from a member; its actions go back to being owned by the post alone.
pub fn untie_post(store: &mut Store, id: &str) -> Result<()> {
    store.write(|tx| {
        let Some(holder) = posts::get(tx, id)? else {
            return Err(CoreError::not_found("That post holding no longer exists."));
        };
        posts::delete(tx, id)?;
        history::record(tx, Entity::Post, id, "removed", &holder)
    })
}

fn validate(conn: &rusqlite::Connection, input: &PostInput, id: &str) -> Result<PostHolder> {
    let post = required_text(
        "post",
        "the post, for example Chief Nurse",
        &input.post,
        120,
    )?;
    let member = members::get(conn, input.member_id.trim())?.ok_or_else(|| {
        CoreError::validation("memberId", "Choose the member who holds the post.")
    })?;
    let held_from = match input.held_from.trim() {
        "" => member.start_date,
        text => dates::parse_date("heldFrom", "date they took up the post", text)?,
    };
    let held_to = dates::parse_optional_date("heldTo", "date they left the post", &input.held_to)?;
    if let Some(to) = held_to.filter(|to| *to < held_from) {
        return Err(CoreError::validation(
            "heldTo",
            format!(
                "The date they left the post ({}) must be on or after the date they took it up ({}).",
                dates::dense(to),
                dates::dense(held_from)
            ),
        ));
    }
    Ok(PostHolder {
        id: id.to_string(),
        post,
        member_id: member.id,
        member_name: member.name,
        held_from,
        held_to,
    })
}

/// Two people cannot hold one post on the same day: an action owned by it would have two
/// owners.
fn check_no_overlap(conn: &rusqlite::Connection, holder: &PostHolder) -> Result<()> {
    let end = |h: &PostHolder| h.held_to.unwrap_or(NaiveDate::MAX);
    let clash = posts::all(conn)?.into_iter().find(|o| {
        o.id != holder.id
            && import::key(&o.post) == import::key(&holder.post)
            && o.held_from <= end(holder)
            && holder.held_from <= end(o)
    });
    match clash {
        Some(o) => Err(CoreError::conflict(format!(
            "{} already holds the post of {} from {}{}. End that holding first, or choose other dates.",
            o.member_name,
            o.post,
            dates::dense(o.held_from),
            o.held_to.map_or(String::new(), |t| format!(" to {}", dates::dense(t)))
        ))),
        None => Ok(()),
    }
}

/// The current member whose job title names the post, when exactly one does ("Chief Nurse"
/// in "Chief Nurse and Executive Lead for Safeguarding").
pub fn suggest_holder<'m>(
    members: &'m [Member],
    post: &str,
    today: NaiveDate,
) -> Option<&'m Member> {
    let current: Vec<&Member> = members
        .iter()
        .filter(|m| m.end_date.is_none_or(|end| end >= today) && !m.job_title.is_empty())
        .collect();
    let titles: Vec<(&str, &str)> = current
        .iter()
        .map(|m| (m.id.as_str(), m.job_title.as_str()))
        .collect();
    match import::find(post, &titles) {
        Found::Exact(i) | Found::Loose(i) | Found::Closest(i) => Some(current[i]),
        _ => None,
    }
}

/// The titles among `names` (each with how often it is used) that name no member: each with
/// who holds it today, or whom their job title suggests.
pub fn post_uses(store: &Store, names: &[(String, u32)], today: NaiveDate) -> Result<Vec<PostUse>> {
    let members = super::list_members(store, super::MemberFilter::All)?;
    let book = PostBook::load(store.conn())?;
    Ok(names
        .iter()
        .filter(|(name, _)| {
            !name.trim().is_empty()
                && !members
                    .iter()
                    .any(|m| crate::csvfile::name_key(&m.name) == crate::csvfile::name_key(name))
        })
        .map(|(name, uses)| {
            let suggested = suggest_holder(&members, name, today);
            PostUse {
                post: name.clone(),
                uses: *uses,
                holder: book.holder_on(name, today).cloned(),
                suggested_member_id: suggested.map(|m| m.id.clone()),
                suggested_member_name: suggested.map(|m| m.name.clone()),
            }
        })
        .collect())
}
