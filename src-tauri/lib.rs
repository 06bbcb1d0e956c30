//! The desktop shell: opens the window over the core. Nothing here knows SQL or the domain
//! rules; commands are one call each into `boardassure_core`.

mod commands;

use std::path::PathBuf;

use boardassure_core::session::Session;

/// Opens the window on the database at `db` and runs until it is closed.
pub fn run(db: PathBuf) {
    let _log_guard = boardassure_core::logging::init_app(&boardassure_core::paths::log_dir());
    tracing::info!(version = env!("CARGO_PKG_VERSION"), "starting window");
    let session = Session::open(&db);
    let result = tauri::Builder::default()
        .manage(session)
        .invoke_handler(tauri::generate_handler![
            commands::app_status,
            commands::retry_open,
            commands::register_options,
            commands::get_organisation,
            commands::save_organisation,
            commands::list_members,
            commands::get_member,
            commands::add_member,
            commands::update_member,
            commands::end_membership,
            commands::member_history,
            commands::load_demo,
            commands::check_database,
            commands::get_framework,
            commands::member_framework,
            commands::learning_types,
            commands::list_training,
            commands::add_training,
            commands::update_training,
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        tracing::error!("the window could not start: {e}");
        eprintln!("boardassure: the window could not start: {e}");
        std::process::exit(1);
    }
}
