//! Rules a training record must meet.

use chrono::NaiveDate;

use super::{LearningType, TrainingInput, TrainingRecord};
use crate::board::validate::required_text;
use crate::dates;
use crate::error::{noted, CoreError, Result};

const MAX_TEXT: usize = 200;
/// A single record of more than 100 hours is almost certainly a typing slip.
const MAX_MINUTES: u32 = 100 * 60;

pub struct ValidTraining {
    pub member_id: String,
    title: String,
    provider: String,
    completed_on: NaiveDate,
    minutes: u32,
    learning_type: LearningType,
    level: String,
    certificate_ref: String,
    expires_on: Option<NaiveDate>,
}

impl ValidTraining {
    pub fn into_record(self, id: String, created_at: String, updated_at: String) -> TrainingRecord {
        TrainingRecord {
            id,
            member_id: self.member_id,
            title: self.title,
            provider: self.provider,
            completed_on: self.completed_on,
            minutes: self.minutes,
            learning_type: self.learning_type,
            level: self.level,
            certificate_ref: self.certificate_ref,
            expires_on: self.expires_on,
            created_at,
            updated_at,
        }
    }
}

/// Checks a training record: every problem at once, the first leading (see `error::all_of`).
pub fn training(input: &TrainingInput) -> Result<ValidTraining> {
    training_all(input).map_err(|problems| match crate::error::all_of(problems) {
        Err(e) => e,
        Ok(()) => CoreError::internal("a training check failed without saying why"),
    })
}

/// Checks a training record and returns every problem, in the order of the form's fields.
pub fn training_all(input: &TrainingInput) -> std::result::Result<ValidTraining, Vec<CoreError>> {
    let mut problems = Vec::new();
    let member_id = noted(
        &mut problems,
        if input.member_id.trim().is_empty() {
            Err(CoreError::validation(
                "memberId",
                "Choose the board member this training is for.",
            ))
        } else {
            Ok(input.member_id.trim().to_string())
        },
    );
    let title = noted(
        &mut problems,
        required_text("title", "the title of the training", &input.title, MAX_TEXT),
    );
    let provider = noted(
        &mut problems,
        required_text(
            "provider",
            "who provided the training",
            &input.provider,
            MAX_TEXT,
        ),
    );
    let completed_on = noted(
        &mut problems,
        dates::parse_date("completedOn", "completion date", &input.completed_on).and_then(|d| {
            if d > crate::dates::today() {
                Err(CoreError::validation(
                    "completedOn",
                    "The completion date cannot be in the future. Record training once it is done.",
                ))
            } else {
                Ok(d)
            }
        }),
    );
    let minutes = noted(&mut problems, hours_to_minutes(&input.hours));
    let learning_type = noted(
        &mut problems,
        input
            .learning_type
            .ok_or_else(|| CoreError::validation("learningType", "Select the type of learning.")),
    );
    let level = noted(
        &mut problems,
        required_text(
            "level",
            "the level, for example Level 5 or Board level",
            &input.level,
            MAX_TEXT,
        ),
    );
    let certificate_ref = input
        .certificate_ref
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let certificate_ref = noted(
        &mut problems,
        if certificate_ref.chars().count() > MAX_TEXT {
            Err(CoreError::validation(
                "certificateRef",
                format!("Shorten the certificate reference to {MAX_TEXT} characters or fewer."),
            ))
        } else {
            Ok(certificate_ref)
        },
    );
    let expires_on = noted(
        &mut problems,
        dates::parse_optional_date("expiresOn", "expiry date", &input.expires_on).and_then(|e| {
            match (e, completed_on) {
                (Some(expiry), Some(done)) if expiry <= done => Err(CoreError::validation(
                    "expiresOn",
                    format!(
                        "The expiry date ({}) must be after the completion date ({}).",
                        dates::dense(expiry),
                        dates::dense(done)
                    ),
                )),
                _ => Ok(e),
            }
        }),
    );
    match (
        member_id,
        title,
        provider,
        completed_on,
        minutes,
        learning_type,
        level,
        certificate_ref,
        expires_on,
    ) {
        (
            Some(member_id),
            Some(title),
            Some(provider),
            Some(completed_on),
            Some(minutes),
            Some(learning_type),
            Some(level),
            Some(certificate_ref),
            Some(expires_on),
        ) => Ok(ValidTraining {
            member_id,
            title,
            provider,
            completed_on,
            minutes,
            learning_type,
            level,
            certificate_ref,
            expires_on,
        }),
        _ => Err(problems),
    }
}

/// Reads hours as typed (`2`, `1.5`, `0.25`, `1:30`) into whole minutes.
pub fn hours_to_minutes(text: &str) -> Result<u32> {
    let t = text.trim();
    let bad = || {
        CoreError::validation(
            "hours",
            "Enter the hours as a number, for example 1.5 for an hour and a half.",
        )
    };
    if t.is_empty() {
        return Err(CoreError::validation(
            "hours",
            "Enter how many hours the training took.",
        ));
    }
    let minutes = if let Some((h, m)) = t.split_once(':') {
        let h: u32 = h.parse().map_err(|_| bad())?;
        let m: u32 = m.parse().map_err(|_| bad())?;
        if m >= 60 {
            return Err(bad());
        }
        h * 60 + m
    } else {
        let hours: f64 = t.parse().map_err(|_| bad())?;
        if !hours.is_finite() || hours < 0.0 {
            return Err(bad());
        }
        (hours * 60.0).round() as u32
    };
    if minutes == 0 {
        return Err(CoreError::validation(
            "hours",
            "The hours must be more than zero.",
        ));
    }
    if minutes > MAX_MINUTES {
        return Err(CoreError::validation(
            "hours",
            "A single record can be at most 100 hours; record longer programmes in parts.",
        ));
    }
    Ok(minutes)
}
