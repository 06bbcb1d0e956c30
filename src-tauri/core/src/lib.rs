//! Safeguarding Board Assurance: the domain and the local store.
//!
//! This crate never depends on the window toolkit: the desktop shell and the command line are
//! both thin callers of the functions here.

#[cfg(test)]
mod architecture_tests;
pub mod audit;
pub mod board;
pub mod changes;
pub mod cli;
pub mod codes;
pub mod competency;
pub mod compliance;
pub mod csvfile;
pub mod dates;
pub mod demo;
pub mod document;
pub mod error;
pub mod exchange;
pub mod exports;
pub mod files;
pub mod framework;
pub mod home;
pub mod import;
pub mod logging;
pub mod paper;
pub mod paths;
pub mod pdf;
pub mod periods;
pub mod reminders;
pub mod scale;
mod schema;
pub mod scrutiny;
pub mod search;
pub mod session;
pub mod settings;
pub mod store;
#[cfg(test)]
mod test_support;
pub mod training;

pub use error::{CoreError, ErrorBody, ErrorKind, Result};
