//! The board register's tables, `organisation` and `member` (migration
//! `store/migrations/0001_board_register.sql`) and `post_holder` (`0014_post_holders.sql`);
//! only this module writes SQL against them.

pub(crate) mod members;
pub(crate) mod organisation;
pub(crate) mod posts;
