//! What the core's unit tests share: a board to test against and ways to find its records.

use chrono::NaiveDate;

use crate::board::{self, Member, MemberFilter};
use crate::store::Store;

/// The demonstration board, with its year of meetings, challenges and actions, in memory.
pub fn demo() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    crate::demo::load_demo(&mut store).unwrap();
    store
}

/// The demonstration board's register (organisation, members, training, posts) with an empty
/// log, in memory.
pub fn register() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    crate::demo::load_demo_register(&mut store).unwrap();
    store
}

/// The member called `name` (current or past).
pub fn member(store: &Store, name: &str) -> Member {
    board::list_members(store, MemberFilter::All)
        .unwrap()
        .into_iter()
        .find(|m| m.name == name)
        .unwrap_or_else(|| panic!("no member called {name}"))
}

/// The id of the member called `name`.
pub fn member_id(store: &Store, name: &str) -> String {
    member(store, name).id
}

/// A date written as a person would (`31/03/2026`).
pub fn d(text: &str) -> NaiveDate {
    crate::dates::parse_date("d", "d", text).unwrap()
}
