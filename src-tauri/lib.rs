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
        .manage(commands::files::TrainingCsv::default())
        .manage(commands::files::ScrutinyCsv::default())
        .manage(commands::files::ExchangeFile::default())
        // Every function marked `#[tauri::command]` in `commands/`, listed by the build script.
        .invoke_handler(include!(concat!(env!("OUT_DIR"), "/handler.rs")))
        .run(context);
    if let Err(e) = result {
        tracing::error!("the window could not start: {e}");
        eprintln!("boardassure: the window could not start: {e}");
        std::process::exit(1);
    }
}
