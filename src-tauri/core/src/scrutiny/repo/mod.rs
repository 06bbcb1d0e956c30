//! The scrutiny domain's tables: meetings with their agendas and attendance, challenges
//! (entries), follow-up actions, custom assurance areas, meeting kinds and planned questions. Created by the
//! migrations in `store/migrations/` (see `0004_scrutiny.sql` and later files that name these
//! tables); only this module writes SQL against them.

mod actions;
mod areas;
mod coverage;
mod entries;
mod meetings;
mod questions;

pub use actions::*;
pub use areas::*;
pub use coverage::*;
pub use entries::*;
pub use meetings::*;
pub use questions::*;

use crate::error::CoreError;

fn conversion(i: usize, e: CoreError) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
}
