//! Search across everything the board has written: challenges and responses, actions,
//! meetings and their agenda, training, self-assessment notes, plans and members. Ranked best
//! first, matching words marked, each word matched as the start of a word so results come as
//! a person types.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::board::codes::coded;
use crate::error::Result;
use crate::periods::Period;
use crate::store::{self, Store};

coded!(
    /// What kind of record a search result is.
    SearchKind, "kind", {
        Challenge => "challenge", "Challenge";
        Action => "action", "Action";
        Meeting => "meeting", "Meeting";
        Training => "training", "Training";
        Assessment => "assessment", "Self-assessment";
        Plan => "plan", "Planned learning";
        Member => "member", "Board member";
    }
);

/// A piece of a title or snippet, marked when it matched the search.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TextPart {
    pub text: String,
    pub matched: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SearchHit {
    pub kind: SearchKind,
    pub record_id: String,
    /// The member a training record, assessment or plan belongs to; the entry an action
    /// follows up. Lets the window open the right page.
    pub context_id: Option<String>,
    pub day: Option<chrono::NaiveDate>,
    pub title: Vec<TextPart>,
    pub snippet: Vec<TextPart>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SearchFilter {
    /// Only these kinds; empty means all.
    pub kinds: Vec<SearchKind>,
    pub period: Option<Period>,
}

const LIMIT: u32 = 50;

/// Turns typed text into an FTS5 query: every word must match the start of a word, and
/// nothing a person types can be read as query syntax.
fn fts_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

fn parts(marked: &str) -> Vec<TextPart> {
    let mut out = Vec::new();
    let mut matched = false;
    for (i, piece) in marked.split(['\u{1}', '\u{2}']).enumerate() {
        if i > 0 {
            matched = !matched;
        }
        if !piece.is_empty() {
            out.push(TextPart {
                text: piece.to_string(),
                matched,
            });
        }
    }
    out
}

pub fn search(store: &Store, text: &str, filter: &SearchFilter) -> Result<Vec<SearchHit>> {
    let Some(query) = fts_query(text) else {
        return Ok(Vec::new());
    };
    let conn = store.conn();
    let mut hits = Vec::new();
    // Ask for more than shown when filtering, so filters do not empty a page of good results.
    let wanted = if filter.kinds.is_empty() && filter.period.is_none() {
        LIMIT
    } else {
        LIMIT * 10
    };
    for m in store::search::query(conn, &query, wanted)? {
        let Ok(kind) = SearchKind::parse("kind", &m.kind) else {
            continue;
        };
        if !filter.kinds.is_empty() && !filter.kinds.contains(&kind) {
            continue;
        }
        let day = chrono::NaiveDate::parse_from_str(&m.day, "%Y-%m-%d").ok();
        if let Some(p) = filter.period {
            if !day.is_some_and(|d| p.contains(d)) {
                continue;
            }
        }
        let context_id = match kind {
            SearchKind::Training => store::training::get(conn, &m.record_id)?.map(|t| t.member_id),
            SearchKind::Assessment => {
                store::competency::get_assessment(conn, &m.record_id)?.map(|a| a.member_id)
            }
            SearchKind::Plan => {
                store::competency::get_plan(conn, &m.record_id)?.map(|p| p.member_id)
            }
            SearchKind::Action => {
                store::scrutiny::get_action(conn, &m.record_id)?.map(|a| a.entry_id)
            }
            _ => None,
        };
        hits.push(SearchHit {
            kind,
            record_id: m.record_id,
            context_id,
            day,
            title: parts(&m.title),
            snippet: parts(&m.snippet),
        });
        if hits.len() as u32 >= LIMIT {
            break;
        }
    }
    Ok(hits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scrutiny::{add_entry, EntryInput};

    fn board() -> Store {
        let mut store = Store::open_in_memory().unwrap();
        crate::demo::load_demo(&mut store).unwrap();
        let fiona = crate::board::list_members(&store, crate::board::MemberFilter::All)
            .unwrap()
            .into_iter()
            .find(|m| m.name == "Fiona Gallagher")
            .unwrap();
        add_entry(
            &mut store,
            &EntryInput {
                raised_on: "12/05/2026".into(),
                area_id: "saaf.4.2.1.6".into(),
                raised_by: fiona.id,
                challenge: "Where is the voice of the child in the annual report?".into(),
                response: "The Children’s Safeguarding Team will add case studies from looked-after children.".into(),
                assurance_level: "limited".into(),
                ..Default::default()
            },
        )
        .unwrap();
        store
    }

    #[test]
    fn a_phrase_from_a_response_is_found_with_its_words_marked() {
        let store = board();
        let hits = search(&store, "case stud", &SearchFilter::default()).unwrap();
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].kind, SearchKind::Challenge);
        let marked: Vec<&str> = hits[0]
            .snippet
            .iter()
            .filter(|p| p.matched)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(marked, ["case", "studies"]);
        // Accents, case and apostrophes do not matter; query syntax typed by a person is text.
        assert_eq!(
            search(
                &store,
                "CHILDREN’S safeguarding TEAM",
                &SearchFilter::default()
            )
            .unwrap()
            .len(),
            1
        );
        assert!(search(&store, "\"AND (OR", &SearchFilter::default())
            .unwrap()
            .is_empty());
        assert!(search(&store, "   ", &SearchFilter::default())
            .unwrap()
            .is_empty());
    }

    #[test]
    fn results_are_cut_by_kind_and_period_and_follow_edits() {
        let store = board();
        let training = search(
            &store,
            "safeguarding",
            &SearchFilter {
                kinds: vec![SearchKind::Training],
                period: None,
            },
        )
        .unwrap();
        assert!(!training.is_empty());
        assert!(training
            .iter()
            .all(|h| h.kind == SearchKind::Training && h.context_id.is_some()));
        let earlier = SearchFilter {
            kinds: vec![SearchKind::Challenge],
            period: Some(Period::year(2024)),
        };
        assert!(search(&store, "voice", &earlier).unwrap().is_empty());
        let members = search(&store, "gallagher", &SearchFilter::default()).unwrap();
        assert_eq!(members[0].kind, SearchKind::Member);
    }
}
