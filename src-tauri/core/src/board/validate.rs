//! Rules a member record must meet, with messages that say how to put it right.

use chrono::NaiveDate;

use super::{FrameworkRole, Member, MemberInput, MemberKind};
use crate::dates;
use crate::error::{CoreError, Result};

pub const MAX_NAME: usize = 120;
pub const MAX_TITLE: usize = 150;
pub const MAX_COMMITTEE: usize = 100;
pub const MAX_COMMITTEES: usize = 30;

/// A member input that has passed every rule.
pub struct ValidMember {
    pub name: String,
    pub kind: MemberKind,
    pub roles: Vec<FrameworkRole>,
    pub job_title: String,
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    pub committees: Vec<String>,
}

impl ValidMember {
    /// The member record with these details, under the given identity and times.
    pub fn into_member(self, id: String, created_at: String, updated_at: String) -> Member {
        Member {
            id,
            name: self.name,
            kind: self.kind,
            roles: self.roles,
            job_title: self.job_title,
            start_date: self.start_date,
            end_date: self.end_date,
            committees: self.committees,
            created_at,
            updated_at,
        }
    }
}

pub fn member(input: &MemberInput) -> Result<ValidMember> {
    let name = required_text("name", "the member's full name", &input.name, MAX_NAME)?;
    let kind = input.kind.ok_or_else(|| {
        CoreError::validation(
            "kind",
            "Select whether the member is executive or non-executive.",
        )
    })?;
    let mut roles = input.roles.clone();
    roles.sort();
    roles.dedup();
    for role in &roles {
        if let Some(needed) = role.required_kind().filter(|k| *k != kind) {
            return Err(CoreError::validation(
                "roles",
                format!(
                    "The {} role is held by a {} member; change the member type or the role.",
                    role.label(),
                    needed.label().to_lowercase()
                ),
            ));
        }
    }
    let job_title = required_text("jobTitle", "a job title", &input.job_title, MAX_TITLE)?;
    let start_date = dates::parse_date("startDate", "start date", &input.start_date)?;
    let end_date = dates::parse_optional_date("endDate", "end date", &input.end_date)?;
    if let Some(end) = end_date {
        check_end_after_start(start_date, end)?;
    }
    let committees = committees(&input.committees)?;
    Ok(ValidMember {
        name,
        kind,
        roles,
        job_title,
        start_date,
        end_date,
        committees,
    })
}

pub fn check_end_after_start(start: NaiveDate, end: NaiveDate) -> Result<()> {
    if end < start {
        return Err(CoreError::validation(
            "endDate",
            format!(
                "The end date must be on or after the start date ({}).",
                dates::dense(start)
            ),
        ));
    }
    Ok(())
}

pub fn required_text(field: &str, what: &str, text: &str, max: usize) -> Result<String> {
    // Collapse runs of whitespace so "Jane  Smith" and "Jane Smith" are one person.
    let clean = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if clean.is_empty() {
        return Err(CoreError::validation(field, format!("Enter {what}.")));
    }
    if clean.chars().count() > max {
        return Err(CoreError::validation(
            field,
            format!("Shorten {what} to {max} characters or fewer."),
        ));
    }
    Ok(clean)
}

fn committees(list: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for raw in list {
        let clean = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        if clean.is_empty() {
            continue;
        }
        if clean.chars().count() > MAX_COMMITTEE {
            return Err(CoreError::validation(
                "committees",
                format!(
                    "Shorten the committee name '{clean}' to {MAX_COMMITTEE} characters or fewer."
                ),
            ));
        }
        if !out.iter().any(|c| c.eq_ignore_ascii_case(&clean)) {
            out.push(clean);
        }
    }
    if out.len() > MAX_COMMITTEES {
        return Err(CoreError::validation(
            "committees",
            format!("A member can sit on at most {MAX_COMMITTEES} committees."),
        ));
    }
    Ok(out)
}
