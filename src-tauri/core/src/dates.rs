//! British dates: stored as ISO 8601, typed and shown day first, never month first.

use chrono::{Datelike, NaiveDate};

use crate::error::{CoreError, Result};

const EARLIEST_YEAR: i32 = 1900;
const LATEST_YEAR: i32 = 2100;

/// Reads a date typed by a person: `06/08/2026`, `6/8/2026`, `2026-08-06`, `6 August 2026` or
/// `6 Aug 2026`. Slashed dates are always day first.
///
/// `field` is the input's name for error reporting; `label` is how the message names it.
pub fn parse_date(field: &str, label: &str, input: &str) -> Result<NaiveDate> {
    let text = input.trim();
    if text.is_empty() {
        return Err(CoreError::validation(
            field,
            format!("Enter the {label}, for example 06/08/2026."),
        ));
    }
    let parts: Option<(i32, u32, u32)> = if text.contains('/') {
        let bits: Vec<&str> = text.split('/').collect();
        match bits.as_slice() {
            [d, m, y] if y.len() == 4 => Some((
                y.parse().ok().unwrap_or(-1),
                m.parse().ok().unwrap_or(0),
                d.parse().ok().unwrap_or(0),
            )),
            _ => None,
        }
    } else if let Some(parts) = day_month_name_year(text) {
        Some(parts)
    } else if text.len() == 10 && text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-' {
        Some((
            text[0..4].parse().ok().unwrap_or(-1),
            text[5..7].parse().ok().unwrap_or(0),
            text[8..10].parse().ok().unwrap_or(0),
        ))
    } else {
        None
    };
    let Some((y, m, d)) = parts else {
        return Err(CoreError::validation(
            field,
            format!("Enter the {label} as day/month/year, for example 06/08/2026."),
        ));
    };
    if !(EARLIEST_YEAR..=LATEST_YEAR).contains(&y) {
        return Err(CoreError::validation(
            field,
            format!("The {label} must have a four-digit year between {EARLIEST_YEAR} and {LATEST_YEAR}."),
        ));
    }
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| {
        CoreError::validation(
            field,
            format!(
                "The {label} must be a real date: {} does not exist.",
                crate::error::shown(text)
            ),
        )
    })
}

/// `6 August 2026` or `6 Aug 2026` (any case) as (year, month, day); `None` if not that shape.
fn day_month_name_year(text: &str) -> Option<(i32, u32, u32)> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let words: Vec<&str> = text.split_whitespace().collect();
    let [day, month, year] = words.as_slice() else {
        return None;
    };
    let month = month.to_lowercase();
    let month = month.trim_end_matches('.');
    let index = MONTHS
        .iter()
        .position(|m| month.len() >= 3 && m.starts_with(month))?;
    if !day.chars().all(|c| c.is_ascii_digit()) || year.len() != 4 {
        return None;
    }
    Some((
        year.parse().ok().unwrap_or(-1),
        index as u32 + 1,
        day.parse().ok().unwrap_or(0),
    ))
}

/// Like [`parse_date`] but an empty input means "no date".
pub fn parse_optional_date(field: &str, label: &str, input: &str) -> Result<Option<NaiveDate>> {
    if input.trim().is_empty() {
        Ok(None)
    } else {
        parse_date(field, label, input).map(Some)
    }
}

/// `06/08/2026`: for tables and inputs.
pub fn dense(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// `6 August 2026`: for prose.
pub fn prose(d: NaiveDate) -> String {
    format!("{} {}", d.day(), d.format("%B %Y"))
}

/// Now, in UTC, as stored.
pub fn now_utc() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// Today, on the laptop's own calendar (UK boards work to UK dates).
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn reads_day_first_and_iso_dates() {
        assert_eq!(
            parse_date("d", "date", "06/08/2026").unwrap(),
            ymd(2026, 8, 6)
        );
        assert_eq!(
            parse_date("d", "date", " 6/8/2026 ").unwrap(),
            ymd(2026, 8, 6)
        );
        assert_eq!(
            parse_date("d", "date", "2026-08-06").unwrap(),
            ymd(2026, 8, 6)
        );
    }

    #[test]
    fn reads_dates_written_in_words() {
        assert_eq!(
            parse_date("d", "date", "6 August 2026").unwrap(),
            ymd(2026, 8, 6)
        );
        assert_eq!(
            parse_date("d", "date", "06 aug 2026").unwrap(),
            ymd(2026, 8, 6)
        );
        assert_eq!(
            parse_date("d", "date", "29 Feb 2028").unwrap(),
            ymd(2028, 2, 29)
        );
        assert!(parse_date("d", "date", "29 February 2027")
            .unwrap_err()
            .message
            .contains("real date"));
        assert!(parse_date("d", "date", "6 Au 2026").is_err());
        assert!(parse_date("d", "date", "August 6 2026").is_err());
    }

    #[test]
    fn refuses_impossible_and_ambiguous_dates_with_the_field_named() {
        let e = parse_date("startDate", "start date", "31/02/2026").unwrap_err();
        assert_eq!(e.field.as_deref(), Some("startDate"));
        assert!(e.message.contains("real date"), "{}", e.message);
        // Month-first (US) order is never guessed: 13 is not a month.
        assert!(parse_date("d", "date", "08/13/2026").is_err());
        assert!(parse_date("d", "date", "6/8/26").is_err());
        assert!(parse_date("d", "date", "yesterday").is_err());
        assert!(parse_date("d", "date", "")
            .unwrap_err()
            .message
            .starts_with("Enter the date"));
        assert!(parse_date("d", "date", "01/01/0026").is_err());
    }

    #[test]
    fn shows_dates_the_british_way() {
        assert_eq!(dense(ymd(2026, 8, 6)), "06/08/2026");
        assert_eq!(prose(ymd(2026, 8, 6)), "6 August 2026");
    }
}
