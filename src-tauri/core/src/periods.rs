//! Financial years (1 April to 31 March, written 2026/27) and their quarters (Q1 April–June to
//! Q4 January–March): the periods every list and report is cut by.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, Result};

/// A financial year, or one quarter of it. `year` is the calendar year it starts in: 2026 is
/// 2026/27.
///
/// A period that arrives from outside (the window, a file) is checked as it is read: a year
/// outside 1900 to 2099 or a fifth quarter is refused there, so no later step meets a date
/// that cannot exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", try_from = "PeriodParts")]
#[ts(export)]
pub struct Period {
    pub year: i32,
    /// 1 to 4, or `None` for the whole year.
    pub quarter: Option<u8>,
}

/// The years a period may start in, as `Period::parse` reads them.
pub(crate) const YEARS: std::ops::RangeInclusive<i32> = 1900..=2099;

/// A period as it arrives, before it is checked.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PeriodParts {
    year: i32,
    quarter: Option<u8>,
}

impl TryFrom<PeriodParts> for Period {
    type Error = String;

    fn try_from(p: PeriodParts) -> std::result::Result<Period, String> {
        if !YEARS.contains(&p.year) {
            return Err(format!(
                "{} is not a financial year this app keeps records for; choose one from 1900/01 to 2099/00.",
                p.year
            ));
        }
        if p.quarter.is_some_and(|q| !(1..=4).contains(&q)) {
            return Err("A quarter is numbered 1 to 4.".to_string());
        }
        Ok(Period {
            year: p.year,
            quarter: p.quarter,
        })
    }
}

impl Period {
    pub fn year(year: i32) -> Period {
        Period {
            year,
            quarter: None,
        }
    }

    pub fn quarter(year: i32, quarter: u8) -> Period {
        Period {
            year,
            quarter: Some(quarter),
        }
    }

    /// The financial year a date falls in.
    pub fn year_of(date: NaiveDate) -> Period {
        let start = if date.month() >= 4 {
            date.year()
        } else {
            date.year() - 1
        };
        Period::year(start)
    }

    /// The quarter a date falls in.
    pub fn quarter_of(date: NaiveDate) -> Period {
        let q = match date.month() {
            4..=6 => 1,
            7..=9 => 2,
            10..=12 => 3,
            _ => 4,
        };
        Period::quarter(Period::year_of(date).year, q)
    }

    /// Reads `2025/26` (a financial year) or `2025/26-Q3` (a quarter of it).
    pub fn parse(text: &str) -> Result<Period> {
        let bad = || {
            CoreError::validation(
                "period",
                format!("'{}' is not a period. Write a financial year as 2025/26, or a quarter as 2025/26-Q3.", crate::error::shown(text)),
            )
        };
        let t = text.trim().to_ascii_uppercase();
        let (year_part, quarter) = match t.split_once('-') {
            Some((y, q)) => {
                let q = q.trim().strip_prefix('Q').ok_or_else(bad)?;
                let q: u8 = q.parse().map_err(|_| bad())?;
                if !(1..=4).contains(&q) {
                    return Err(bad());
                }
                (y.trim(), Some(q))
            }
            None => (t.as_str(), None),
        };
        let (start, end) = year_part.split_once('/').ok_or_else(bad)?;
        let start: i32 = start.parse().map_err(|_| bad())?;
        let end: i32 = end.parse().map_err(|_| bad())?;
        if !YEARS.contains(&start) || end != (start + 1) % 100 {
            return Err(bad());
        }
        Ok(Period {
            year: start,
            quarter,
        })
    }

    /// The first day of the period.
    pub fn start(&self) -> NaiveDate {
        let (y, m) = match self.quarter {
            None | Some(1) => (self.year, 4),
            Some(2) => (self.year, 7),
            Some(3) => (self.year, 10),
            Some(_) => (self.year + 1, 1),
        };
        NaiveDate::from_ymd_opt(y, m, 1).expect("the first of a month exists")
    }

    /// The last day of the period, inclusive.
    pub fn end(&self) -> NaiveDate {
        let (y, m, d) = match self.quarter {
            None | Some(4) => (self.year + 1, 3, 31),
            Some(1) => (self.year, 6, 30),
            Some(2) => (self.year, 9, 30),
            Some(_) => (self.year, 12, 31),
        };
        NaiveDate::from_ymd_opt(y, m, d).expect("quarter ends exist")
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start() <= date && date <= self.end()
    }

    /// For people: "2026/27" or "2026/27 Q3 (October to December 2026)".
    pub fn label(&self) -> String {
        match self.quarter {
            None => self.to_string(),
            Some(_) => format!(
                "{} Q{} ({} to {})",
                Period::year(self.year),
                self.quarter.unwrap_or(0),
                self.start().format("%B"),
                self.end().format("%B %Y")
            ),
        }
    }
}

/// All time, as dates compared as ISO text in SQL: years 1 to 9999 rather than chrono's signed
/// extremes, which do not sort as text.
pub const ALL_TIME: (NaiveDate, NaiveDate) = (
    NaiveDate::from_ymd_opt(1, 1, 1).expect("a valid date"),
    NaiveDate::from_ymd_opt(9999, 12, 31).expect("a valid date"),
);

/// The first and last day of a period, or all time.
pub fn span(period: Option<Period>) -> (NaiveDate, NaiveDate) {
    period.map_or(ALL_TIME, |p| (p.start(), p.end()))
}

/// A period offered in a list: its value, its command-line form and its label.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PeriodChoice {
    pub period: Period,
    pub code: String,
    pub label: String,
}

/// The periods to offer on `today`: this financial year and the two before, and back to the
/// year of `earliest` (the first thing recorded) when that is older, each year followed by its
/// quarters that have begun, most recent first.
pub fn periods_since(today: NaiveDate, earliest: Option<NaiveDate>) -> Vec<PeriodChoice> {
    let this = Period::year_of(today).year;
    let first = earliest
        .map(|d| Period::year_of(d).year)
        .map_or(this - 2, |y| y.min(this - 2));
    let mut out = Vec::new();
    for year in (first..=this).rev() {
        for p in std::iter::once(Period::year(year))
            .chain((1..=4).rev().map(|q| Period::quarter(year, q)))
            .filter(|p| p.start() <= today)
        {
            out.push(PeriodChoice {
                code: p.to_string(),
                label: p.label(),
                period: p,
            });
        }
    }
    out
}

/// `2026/27` or `2026/27-Q3`: the form the command line reads.
impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{:02}", self.year, (self.year + 1) % 100)?;
        if let Some(q) = self.quarter {
            write!(f, "-Q{q}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_period_from_outside_with_an_impossible_year_or_quarter_is_refused_as_it_is_read() {
        let read = |v: serde_json::Value| serde_json::from_value::<Period>(v);
        assert_eq!(
            read(serde_json::json!({ "year": 2026, "quarter": 3 })).unwrap(),
            Period::quarter(2026, 3)
        );
        assert_eq!(
            read(serde_json::json!({ "year": 2026, "quarter": null })).unwrap(),
            Period::year(2026)
        );
        for bad in [
            serde_json::json!({ "year": 300000, "quarter": null }),
            serde_json::json!({ "year": -262143, "quarter": 1 }),
            serde_json::json!({ "year": 2026, "quarter": 5 }),
            serde_json::json!({ "year": 2026, "quarter": 0 }),
        ] {
            let e = read(bad.clone()).unwrap_err().to_string();
            assert!(
                e.contains("financial year") || e.contains("quarter"),
                "{bad}: {e}"
            );
        }
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_financial_year_runs_from_1_april_to_31_march() {
        let p = Period::parse("2026/27").unwrap();
        assert_eq!((p.start(), p.end()), (d(2026, 4, 1), d(2027, 3, 31)));
        assert!(!p.contains(d(2026, 3, 31)));
        assert!(p.contains(d(2026, 4, 1)));
        assert!(p.contains(d(2027, 3, 31)));
        assert!(!p.contains(d(2027, 4, 1)));
        assert_eq!(Period::year_of(d(2027, 3, 31)), p);
        assert_eq!(Period::year_of(d(2027, 4, 1)), Period::year(2027));
        assert_eq!(p.to_string(), "2026/27");
    }

    #[test]
    fn quarters_start_in_april_july_october_and_january() {
        let bounds: Vec<(NaiveDate, NaiveDate)> = (1..=4)
            .map(|q| {
                let p = Period::quarter(2025, q);
                (p.start(), p.end())
            })
            .collect();
        assert_eq!(
            bounds,
            [
                (d(2025, 4, 1), d(2025, 6, 30)),
                (d(2025, 7, 1), d(2025, 9, 30)),
                (d(2025, 10, 1), d(2025, 12, 31)),
                (d(2026, 1, 1), d(2026, 3, 31)),
            ]
        );
        assert_eq!(Period::quarter_of(d(2026, 3, 31)), Period::quarter(2025, 4));
        assert_eq!(Period::quarter_of(d(2026, 4, 1)), Period::quarter(2026, 1));
        assert_eq!(
            Period::quarter_of(d(2025, 12, 31)),
            Period::quarter(2025, 3)
        );
        assert_eq!(
            Period::parse("2025/26-q3").unwrap(),
            Period::quarter(2025, 3)
        );
        assert_eq!(Period::quarter(2025, 3).to_string(), "2025/26-Q3");
        assert_eq!(
            Period::quarter(2025, 4).label(),
            "2025/26 Q4 (January to March 2026)"
        );
        assert_eq!(Period::parse("1999/00").unwrap().end(), d(2000, 3, 31));
    }

    #[test]
    fn periods_offered_start_with_this_year_and_reach_back_to_the_first_record() {
        let list = periods_since(d(2026, 11, 23), None);
        let codes: Vec<&str> = list.iter().take(4).map(|p| p.code.as_str()).collect();
        assert_eq!(codes, ["2026/27", "2026/27-Q3", "2026/27-Q2", "2026/27-Q1"]);
        assert_eq!(list.len(), 4 + 5 + 5);
        // A log going back further brings its years; a recent one changes nothing.
        let older = periods_since(d(2026, 11, 23), Some(d(2021, 3, 31)));
        assert_eq!(older.last().unwrap().code, "2020/21-Q1");
        assert_eq!(older.len(), 4 + 5 * 6);
        assert_eq!(
            periods_since(d(2026, 11, 23), Some(d(2026, 4, 1))).len(),
            14
        );
    }

    #[test]
    fn malformed_periods_say_how_to_write_one() {
        for bad in [
            "2025",
            "2025/27",
            "2025-26",
            "2025/26-Q5",
            "2025/26-Q",
            "Q3",
            "",
        ] {
            let e = Period::parse(bad).unwrap_err();
            assert_eq!(e.field.as_deref(), Some("period"));
            assert!(e.message.contains("2025/26-Q3"), "{bad}: {}", e.message);
        }
    }
}
