//! Rules a member record must meet, with messages that say how to put it right.

use chrono::NaiveDate;

use super::{FrameworkRole, Member, MemberInput, MemberKind};
use crate::dates;
use crate::error::{all_of, noted, CoreError, Result};

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

/// Checks a whole member input and reports every problem at once (see `error::all_of`).
pub fn member(input: &MemberInput) -> Result<ValidMember> {
    let mut problems = Vec::new();
    let name = noted(
        &mut problems,
        required_text("name", "the member's full name", &input.name, MAX_NAME),
    );
    let kind = noted(
        &mut problems,
        input.kind.ok_or_else(|| {
            CoreError::validation(
                "kind",
                "Select whether the member is executive or non-executive.",
            )
        }),
    );
    let mut roles = input.roles.clone();
    roles.sort();
    roles.dedup();
    if let Some(kind) = kind {
        if let Some((role, needed)) = roles
            .iter()
            .find_map(|r| r.required_kind().filter(|k| *k != kind).map(|k| (r, k)))
        {
            problems.push(CoreError::validation(
                "roles",
                format!(
                    "The {} role is held by a {} member; change the member type or the role.",
                    role.label(),
                    needed.label().to_lowercase()
                ),
            ));
        }
    }
    let job_title = noted(
        &mut problems,
        required_text("jobTitle", "a job title", &input.job_title, MAX_TITLE),
    );
    let start_date = noted(
        &mut problems,
        dates::parse_date("startDate", "start date", &input.start_date),
    );
    let end_date = noted(
        &mut problems,
        dates::parse_optional_date("endDate", "end date", &input.end_date),
    )
    .flatten();
    if let (Some(start), Some(end)) = (start_date, end_date) {
        noted(&mut problems, check_end_after_start(start, end));
    }
    let committees = noted(&mut problems, committees(&input.committees));
    all_of(problems)?;
    match (name, kind, job_title, start_date, committees) {
        (Some(name), Some(kind), Some(job_title), Some(start_date), Some(committees)) => {
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
        _ => Err(CoreError::internal(
            "a member check failed without saying why",
        )),
    }
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
