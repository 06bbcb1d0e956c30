//! The integration tests of the desktop app, as one test binary (one link instead of one per
//! file): the command line, the security settings, crash safety and the end-to-end journeys in
//! a real window. Each file is a module; `support` holds what they share.
//!
//! Run one file's tests with `cargo test --test it <module>::` (see docs/TESTING.md).

mod support;

mod cli;
mod cli_audit;
mod cli_backup;
mod cli_competency;
mod cli_demo;
mod cli_encryption;
mod cli_exchange;
mod cli_framework;
mod cli_full_disk;
mod cli_paper_sections;
mod cli_papers;
mod cli_read_only;
mod cli_scrutiny;
mod cli_training;
mod crash;
mod e2e;
mod e2e_competency;
mod e2e_demo;
mod e2e_encryption;
mod e2e_exchange;
mod e2e_import;
mod e2e_keyboard;
mod e2e_network;
mod e2e_papers;
mod e2e_restore;
mod e2e_scrutiny;
mod security;
