//! Search across everything the board has written: challenges and responses, actions,
//! meetings and their agenda, training, self-assessment notes, plans and members. Each word
//! is matched as the start of a word, so results come as a person types, with the matching
//! words marked.
//!
//! Ranking: of the most recently recorded matches (up to [`RANKED`]), those with more of the
//! searched words in their title (the challenge, the action, the course) come first, and the
//! newest first among equals. A search matching more records than that says so, so the person
//! can add a word or cut it by type or period, which the index answers directly.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::codes::coded;
use crate::error::Result;
use crate::periods::Period;
use crate::store::entity::Entity;
use crate::store::search::Searchable;
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

impl SearchKind {
    /// The kind of record this is in the history chain.
    pub fn entity(self) -> Entity {
        match self {
            SearchKind::Challenge => Entity::ScrutinyEntry,
            SearchKind::Action => Entity::Action,
            SearchKind::Meeting => Entity::Meeting,
            SearchKind::Training => Entity::Training,
            SearchKind::Assessment => Entity::Assessment,
            SearchKind::Plan => Entity::PlannedLearning,
            SearchKind::Member => Entity::Member,
        }
    }

    /// The word the index files this kind under.
    fn entity_word(self) -> &'static str {
        self.entity()
            .search_word()
            .expect("every kind of result is a searched kind of record")
    }
}

/// Fills the search index from every record of the kinds search finds, as they stand: run when
/// the index is first made (format 6).
pub(crate) fn rebuild_index(conn: &rusqlite::Connection) -> Result<()> {
    fn add<T: Searchable>(
        conn: &rusqlite::Connection,
        records: &[T],
        id: impl Fn(&T) -> &str,
    ) -> Result<()> {
        for r in records {
            store::search::index(conn, T::ENTITY, id(r), &r.search_document())?;
        }
        Ok(())
    }
    store::search::clear(conn)?;
    let (from, to) = crate::periods::ALL_TIME;
    let members = crate::board::repo::members::list(conn, crate::board::MemberFilter::All, "")?;
    add(conn, &members, |m| &m.id)?;
    add(
        conn,
        &crate::scrutiny::repo::meetings_between(conn, from, to)?,
        |m| &m.id,
    )?;
    add(
        conn,
        &crate::scrutiny::repo::entries_between(conn, from, to)?,
        |e| &e.id,
    )?;
    add(conn, &crate::scrutiny::repo::all_actions(conn)?, |a| &a.id)?;
    add(conn, &crate::training::repo::list_all(conn)?, |t| &t.id)?;
    for m in &members {
        add(
            conn,
            &crate::competency::repo::assessments_for_member(conn, &m.id)?,
            |a| &a.id,
        )?;
        add(
            conn,
            &crate::competency::repo::plan_for_member(conn, &m.id)?,
            |p| &p.id,
        )?;
    }
    Ok(())
}

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

/// What a search found.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SearchResults {
    /// One page of the best matches, at most [`SHOWN`], from `offset`.
    pub hits: Vec<SearchHit>,
    /// How many records match in all: the true count, not the page's.
    pub total: u32,
    /// Where this page starts among the ranked matches.
    pub offset: u32,
    /// How many of the most recent matches were ranked.
    pub ranked: u32,
    /// More records matched than were ranked: older ones appear when the search is narrowed.
    pub more: bool,
}

/// What to tell a person whose search matched more records than were ranked.
pub fn more_note(ranked: u32) -> String {
    format!("More than {ranked} records match. These are the best of the {ranked} most recent: add a word, or choose a type or a period, to narrow the search.")
}

/// Results shown.
pub const SHOWN: usize = 50;
/// Matches ranked, the most recently recorded first.
pub const RANKED: u32 = 500;

/// Turns typed text into an FTS5 query over titles and text: every word must match the start
/// of a word, and nothing a person types can be read as query syntax. The filter's kinds and
/// period become words of the `facets` column.
fn fts_query(text: &str, filter: &SearchFilter) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\"*"))
        .collect();
    if words.is_empty() {
        return None;
    }
    let mut query = format!("{{title body}} : ({})", words.join(" "));
    if !filter.kinds.is_empty() {
        let kinds: Vec<String> = filter
            .kinds
            .iter()
            .map(|k| format!("\"{}\"", store::search::kind_word(k.entity_word())))
            .collect();
        query.push_str(&format!(" AND facets : ({})", kinds.join(" OR ")));
    }
    if let Some(period) = filter.period {
        query.push_str(&format!(
            " AND facets : \"{}\"",
            store::search::period_word(period)
        ));
    }
    Some(query)
}

/// The distinct words marked in a marked-up title: how well a record's title matches.
fn title_matches(marked: &str) -> usize {
    let mut words: Vec<String> = marked
        .match_indices('\u{1}')
        .filter_map(|(at, _)| marked[at + 1..].split('\u{2}').next())
        .map(str::to_lowercase)
        .collect();
    words.sort();
    words.dedup();
    words.len()
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

/// The first page of what a search finds.
pub fn search(store: &Store, text: &str, filter: &SearchFilter) -> Result<SearchResults> {
    search_page(store, text, filter, 0)
}

/// One page of what a search finds: [`SHOWN`] ranked matches from `offset`, with how many
/// records match in all.
pub fn search_page(
    store: &Store,
    text: &str,
    filter: &SearchFilter,
    offset: u32,
) -> Result<SearchResults> {
    let Some(query) = fts_query(text, filter) else {
        return Ok(SearchResults {
            hits: Vec::new(),
            total: 0,
            offset: 0,
            ranked: 0,
            more: false,
        });
    };
    let conn = store.conn();
    let total = store::search::count_matches(conn, &query)?;
    let mut matches = store::search::recent_matches(conn, &query, RANKED + 1)?;
    let more = matches.len() > RANKED as usize;
    matches.truncate(RANKED as usize);
    let ranked = matches.len() as u32;
    // Matches arrive newest-recorded first; the stable sort keeps that order among equals.
    let mut scored: Vec<(usize, store::search::Match)> = matches
        .into_iter()
        .map(|m| (title_matches(&m.title), m))
        .collect();
    scored.sort_by(|(a, m), (b, n)| b.cmp(a).then_with(|| n.day.cmp(&m.day)));
    let mut hits = Vec::new();
    for (_, m) in scored.into_iter().skip(offset as usize).take(SHOWN) {
        let Ok(kind) = SearchKind::parse("kind", &m.kind) else {
            continue;
        };
        let day = chrono::NaiveDate::parse_from_str(&m.day, "%Y-%m-%d").ok();
        let context_id = match kind {
            SearchKind::Training => {
                crate::training::repo::get(conn, &m.record_id)?.map(|t| t.member_id)
            }
            SearchKind::Assessment => {
                crate::competency::repo::get_assessment(conn, &m.record_id)?.map(|a| a.member_id)
            }
            SearchKind::Plan => {
                crate::competency::repo::get_plan(conn, &m.record_id)?.map(|p| p.member_id)
            }
            SearchKind::Action => {
                crate::scrutiny::repo::get_action(conn, &m.record_id)?.map(|a| a.entry_id)
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
    }
    Ok(SearchResults {
        hits,
        total,
        offset,
        ranked,
        more,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scrutiny::{add_entry, EntryInput};

    /// The demonstration board's register with one challenge: each test knows every hit.
    fn board() -> Store {
        let mut store = crate::test_support::register();
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
        let hits = search(&store, "case stud", &SearchFilter::default())
            .unwrap()
            .hits;
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
            .hits
            .len(),
            1
        );
        assert!(search(&store, "\"AND (OR", &SearchFilter::default())
            .unwrap()
            .hits
            .is_empty());
        assert!(search(&store, "   ", &SearchFilter::default())
            .unwrap()
            .hits
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
        .unwrap()
        .hits;
        assert!(!training.is_empty());
        assert!(training
            .iter()
            .all(|h| h.kind == SearchKind::Training && h.context_id.is_some()));
        let earlier = SearchFilter {
            kinds: vec![SearchKind::Challenge],
            period: Some(Period::year(2024)),
        };
        assert!(search(&store, "voice", &earlier).unwrap().hits.is_empty());
        let members = search(&store, "gallagher", &SearchFilter::default())
            .unwrap()
            .hits;
        assert_eq!(members[0].kind, SearchKind::Member);
    }

    fn challenge(store: &mut Store, on: &str, challenge: &str, response: &str) {
        let fiona = crate::board::list_members(store, crate::board::MemberFilter::All)
            .unwrap()
            .into_iter()
            .find(|m| m.name == "Fiona Gallagher")
            .unwrap();
        add_entry(
            store,
            &EntryInput {
                raised_on: on.into(),
                area_id: "saaf.4.2.1.6".into(),
                raised_by: fiona.id,
                challenge: challenge.into(),
                response: response.into(),
                assurance_level: "reasonable".into(),
                ..Default::default()
            },
        )
        .unwrap();
    }

    fn titles(found: &SearchResults) -> Vec<String> {
        found
            .hits
            .iter()
            .map(|h| h.title.iter().map(|p| p.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn words_in_the_title_rank_first_then_the_newest() {
        let mut store = board();
        challenge(
            &mut store,
            "03/02/2025",
            "Is perinatal mental health staffed?",
            "Yes.",
        );
        challenge(
            &mut store,
            "10/06/2026",
            "What did the audit find?",
            "Perinatal mental health was short-staffed.",
        );
        challenge(
            &mut store,
            "04/03/2026",
            "Who reviews the rota?",
            "Perinatal mental health leads.",
        );
        let found = search(&store, "perinatal mental", &SearchFilter::default()).unwrap();
        assert_eq!(
            titles(&found),
            [
                "Is perinatal mental health staffed?",
                "What did the audit find?",
                "Who reviews the rota?"
            ]
        );
        assert_eq!(found.ranked, 3);
        assert!(!found.more);
    }

    #[test]
    fn periods_cut_at_the_end_of_march() {
        let mut store = board();
        challenge(
            &mut store,
            "31/03/2026",
            "Year-end safeguarding audit: March",
            "Done.",
        );
        challenge(
            &mut store,
            "01/04/2026",
            "Year-end safeguarding audit: April",
            "Done.",
        );
        let cut = |period| {
            let filter = SearchFilter {
                kinds: vec![SearchKind::Challenge],
                period: Some(period),
            };
            titles(&search(&store, "year-end audit", &filter).unwrap())
        };
        assert_eq!(
            cut(Period::year(2025)),
            ["Year-end safeguarding audit: March"]
        );
        assert_eq!(
            cut(Period::quarter(2025, 4)),
            ["Year-end safeguarding audit: March"]
        );
        assert_eq!(
            cut(Period::quarter(2026, 1)),
            ["Year-end safeguarding audit: April"]
        );
        assert!(cut(Period::quarter(2026, 2)).is_empty());
        // The words that mark kinds and periods are not searched as text.
        assert!(search(&store, "fy2025", &SearchFilter::default())
            .unwrap()
            .hits
            .is_empty());
    }

    #[test]
    fn a_search_matching_more_than_is_ranked_says_so_and_narrowing_finds_older_records() {
        let mut store = board();
        // Recorded before the 501 that follow, so outside the most recent matches.
        challenge(
            &mut store,
            "01/05/2020",
            "Board seminar follow-up from 2020",
            "Noted.",
        );
        {
            let conn = store.conn();
            for n in 0..=RANKED {
                let document = store::search::SearchDocument::new(
                    &format!("Board seminar {n}"),
                    &[],
                    chrono::NaiveDate::from_ymd_opt(2024, 4 + n % 9, 1 + n % 28),
                );
                store::search::index(conn, Entity::Meeting, &format!("seminar-{n}"), &document)
                    .unwrap();
            }
        }
        let all = search(&store, "board seminar", &SearchFilter::default()).unwrap();
        assert!(all.more);
        assert_eq!(all.ranked, RANKED);
        assert_eq!(all.hits.len(), SHOWN);
        assert_eq!(
            all.total,
            RANKED + 2,
            "the true count of matches, not the page's"
        );
        // Pages follow one another without a gap or a repeat, to the last ranked match.
        let second = search_page(
            &store,
            "board seminar",
            &SearchFilter::default(),
            SHOWN as u32,
        )
        .unwrap();
        assert_eq!(
            (second.offset, second.hits.len(), second.total),
            (SHOWN as u32, SHOWN, all.total)
        );
        let firsts: std::collections::HashSet<_> =
            all.hits.iter().map(|h| h.record_id.clone()).collect();
        assert!(second.hits.iter().all(|h| !firsts.contains(&h.record_id)));
        let last = search_page(
            &store,
            "board seminar",
            &SearchFilter::default(),
            RANKED - 10,
        )
        .unwrap();
        assert_eq!(last.hits.len(), 10);
        let older = SearchFilter {
            kinds: vec![],
            period: Some(Period::year(2020)),
        };
        let found = search(&store, "board seminar", &older).unwrap();
        assert_eq!(titles(&found), ["Board seminar follow-up from 2020"]);
        assert!(!found.more);
    }

    #[test]
    fn every_kind_of_result_is_filed_under_its_own_code() {
        // Results are read back from the index by their kind's code.
        for kind in SearchKind::ALL {
            assert_eq!(kind.entity_word(), kind.code());
        }
    }
}
