//! The desktop shell: opens the window over the core. Nothing here knows SQL or the domain
//! rules; commands are one call each into `boardassure_core`.

mod commands;
mod page;

use std::path::PathBuf;

use boardassure_core::session::Session;

/// The page is drawn in software, without WebKitGTK's GPU compositing: screens of forms and
/// tables gain nothing from it, and on Linux it cost about 90 MB of memory and 30 ms of
/// start-up (measured by the start-up benchmark). It also avoids the blank windows some
/// graphics drivers give. Anyone who sets the variable themselves keeps their choice.
#[cfg(target_os = "linux")]
fn draw_without_compositing() {
    const NO_COMPOSITING: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";
    if std::env::var_os(NO_COMPOSITING).is_none() {
        // Called first, before the window or the log starts any thread.
        std::env::set_var(NO_COMPOSITING, "1");
    }
}

/// The workers that run the commands (see `commands`). A command waiting for the database
/// holds its worker until the one before it is done, and Tauri's default runtime has one worker
/// per core: on a two-core laptop, two calls queued behind a long query left none for the rest,
/// so the window's ready signal, a dialog or a keystroke's search waited too. Calls to the
/// database still run one at a time; the spare workers keep the other calls moving.
fn command_workers() -> tokio::runtime::Runtime {
    const WORKERS: usize = 8;
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(WORKERS.max(std::thread::available_parallelism().map_or(1, |n| n.get())))
        .thread_name("command")
        .enable_all()
        .build()
        .unwrap_or_else(|e| {
            eprintln!("boardassure: the window could not start its command workers: {e}");
            std::process::exit(1);
        })
}

/// Opens the window on the database at `db` and runs until it is closed.
pub fn run(db: PathBuf) {
    let started = commands::Started(std::time::Instant::now(), Default::default());
    #[cfg(target_os = "linux")]
    draw_without_compositing();
    let workers = command_workers();
    tauri::async_runtime::set(workers.handle().clone());
    let _log_guard = boardassure_core::logging::init_app(&boardassure_core::paths::log_dir());
    tracing::info!(version = env!("CARGO_PKG_VERSION"), "starting window");
    // The file is opened while GTK and WebKit start; the first call that needs it waits.
    let session = Session::open_in_background(&db);
    let mut context = tauri::generate_context!();
    page::serve_with_opening(&mut context);
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .manage(session)
        .manage(started)
        .manage(commands::ImportFile::default())
        .manage(commands::ExchangeFile::default())
        .manage(commands::ScrutinyImportFile::default())
        .invoke_handler(tauri::generate_handler![
            commands::get_framework,
            commands::list_frameworks,
            commands::set_framework_applies_to,
            commands::import_framework,
            commands::member_competency,
            commands::save_assessment,
            commands::sign_off_assessment,
            commands::assessment_history,
            commands::plan_statuses,
            commands::add_plan,
            commands::update_plan,
            commands::choose_evidence_document,
            commands::compliance_matrix,
            commands::member_compliance,
            commands::requirement_kinds,
            commands::list_requirements,
            commands::add_requirement,
            commands::update_requirement,
            commands::retire_requirement,
            commands::export_compliance_csv,
            commands::recent_periods,
            commands::evidence_sources,
            commands::action_statuses,
            commands::meeting_parts,
            commands::meeting_kinds,
            commands::add_meeting_kind,
            commands::list_meetings,
            commands::get_meeting,
            commands::add_meeting,
            commands::update_meeting,
            commands::meeting_history,
            commands::escalation_points,
            commands::list_entries,
            commands::get_entry,
            commands::add_entry,
            commands::update_entry,
            commands::entry_history,
            commands::list_actions,
            commands::add_action,
            commands::update_action,
            commands::action_history,
            commands::coverage,
            commands::assurance_areas,
            commands::area_sets,
            commands::choose_area_set,
            commands::add_custom_area,
            commands::assurance_levels,
            commands::save_assurance_levels,
            commands::import_scrutiny_csv,
            commands::import_scrutiny_valid_rows,
            commands::get_settings,
            commands::save_settings,
            commands::learning_types,
            commands::list_training,
            commands::add_training,
            commands::update_training,
            commands::training_history,
            commands::import_training_csv,
            commands::import_training_valid_rows,
            commands::register_options,
            commands::get_organisation,
            commands::save_organisation,
            commands::list_members,
            commands::get_member,
            commands::add_member,
            commands::update_member,
            commands::end_membership,
            commands::member_history,
            commands::opening,
            commands::retry_open,
            commands::check_database,
            commands::load_demo,
            commands::verify_audit,
            commands::search_kinds,
            commands::search,
            commands::list_backups,
            commands::restore_backup,
            commands::paper_cover,
            commands::save_paper_cover,
            commands::save_cover_fields,
            commands::protective_marking,
            commands::save_protective_marking,
            commands::preview_paper,
            commands::save_paper,
            commands::pack_plan,
            commands::update_pack_plan,
            commands::add_pack_paper,
            commands::save_pack,
            commands::home,
            commands::take_reminders,
            commands::reminder_preferences,
            commands::save_reminder_preferences,
            commands::daily_backups_kept,
            commands::save_daily_backups_kept,
            commands::exchange_identity,
            commands::exchange_export,
            commands::exchange_choose_file,
            commands::exchange_preview,
            commands::exchange_trust,
            commands::exchange_import,
            commands::exchange_forget_signer,
            commands::export_csv,
            commands::export_json,
            commands::entry_page,
            commands::action_page,
            commands::text_size,
            commands::save_text_size,
            commands::text_sizes,
            commands::ui_ready,
            commands::idle_lock_minutes,
            commands::save_idle_lock_minutes,
            commands::create_database,
            commands::unlock,
            commands::lock,
            commands::encrypt_database,
            commands::change_passphrase,
        ])
        .run(context);
    if let Err(e) = result {
        tracing::error!("the window could not start: {e}");
        eprintln!("boardassure: the window could not start: {e}");
        std::process::exit(1);
    }
}
