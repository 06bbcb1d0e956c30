// No console window on Windows release builds; Linux and macOS are unaffected.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::process::ExitCode;

/// One binary: no command opens the window; a command runs headless and exits.
fn main() -> ExitCode {
    boardassure_core::paths::keep_new_files_private();
    let cli = boardassure_core::cli::Cli::from_args();
    let db = cli.db_path();
    match cli.command {
        None => {
            boardassure_app::run(db);
            ExitCode::SUCCESS
        }
        Some(command) => boardassure_core::cli::run(db, command),
    }
}
