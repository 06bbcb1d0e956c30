//! The rows of each CSV export: British dates, labels rather than codes, one row per record.

use chrono::NaiveDate;

use crate::board::{self, MemberFilter};
use crate::dates::dense;
use crate::error::Result;
use crate::periods::Period;
use crate::scrutiny::{self, ActionFilter, LogFilter};
use crate::store::Store;

type Table = (Vec<&'static str>, Vec<Vec<String>>);

fn day(d: Option<NaiveDate>) -> String {
    d.map(dense).unwrap_or_default()
}

pub fn log(store: &Store, period: Option<Period>) -> Result<Table> {
    let header = vec![
        "Raised on",
        "Meeting",
        "Agenda item",
        "Assurance area",
        "Raised by",
        "Challenge",
        "Directed to",
        "Response",
        "Evidence",
        "Assurance level",
        "Minute reference",
        "Actions",
    ];
    let filter = LogFilter {
        period,
        ..Default::default()
    };
    let mut entries = scrutiny::list_entries(store, &filter)?;
    entries.sort_by(|a, b| {
        (a.entry.raised_on, &a.entry.created_at).cmp(&(b.entry.raised_on, &b.entry.created_at))
    });
    let rows = entries
        .into_iter()
        .map(|v| {
            let e = v.entry;
            let evidence: Vec<&str> = e.evidence.iter().map(|s| s.label()).collect();
            vec![
                dense(e.raised_on),
                v.meeting_label.unwrap_or_default(),
                v.item_label.unwrap_or_default(),
                v.area_title,
                v.raised_by_name,
                e.challenge,
                e.directed_to,
                e.response,
                evidence.join("; "),
                v.level_label,
                e.minute_ref,
                v.actions.len().to_string(),
            ]
        })
        .collect();
    Ok((header, rows))
}

pub fn actions(store: &Store, period: Option<Period>, today: NaiveDate) -> Result<Table> {
    let header = vec![
        "Action",
        "Owner",
        "Due",
        "Status",
        "Overdue",
        "Days overdue",
        "Escalated to",
        "Closure note",
        "Closed on",
        "Challenge",
        "Challenge raised on",
        "Assurance area",
        "Meeting",
    ];
    let filter = ActionFilter {
        include_closed: true,
        period,
        ..Default::default()
    };
    let rows = scrutiny::list_actions_on(store, filter, today)?
        .into_iter()
        .map(|t| {
            let a = t.view.action;
            vec![
                a.description,
                a.owner_name,
                day(a.due_on),
                a.status.label().to_string(),
                if t.view.overdue { "Yes" } else { "No" }.to_string(),
                if t.view.overdue {
                    t.view.days_overdue.to_string()
                } else {
                    String::new()
                },
                a.escalated_to,
                a.closure_note,
                day(a.closed_on),
                t.challenge,
                dense(t.raised_on),
                t.area_title,
                t.meeting_label.unwrap_or_default(),
            ]
        })
        .collect();
    Ok((header, rows))
}

pub fn training(store: &Store, period: Option<Period>) -> Result<Table> {
    let header = vec![
        "Member",
        "Title",
        "Provider",
        "Completed on",
        "Hours",
        "Learning type",
        "Level",
        "Certificate reference",
        "Expires on",
    ];
    let names: std::collections::HashMap<String, String> =
        board::list_members(store, MemberFilter::All)?
            .into_iter()
            .map(|m| (m.id, m.name))
            .collect();
    let mut records = crate::training::list_all_training(store)?;
    records.retain(|t| period.is_none_or(|p| p.contains(t.completed_on)));
    records.sort_by(|a, b| {
        let name = |id: &str| names.get(id).cloned().unwrap_or_default();
        (name(&a.member_id), b.completed_on).cmp(&(name(&b.member_id), a.completed_on))
    });
    let rows = records
        .into_iter()
        .map(|t| {
            let hours = t.minutes as f64 / 60.0;
            vec![
                names.get(&t.member_id).cloned().unwrap_or_default(),
                t.title,
                t.provider,
                dense(t.completed_on),
                format!("{}", (hours * 100.0).round() / 100.0),
                t.learning_type.label().to_string(),
                t.level,
                t.certificate_ref,
                day(t.expires_on),
            ]
        })
        .collect();
    Ok((header, rows))
}
