//! Native file dialogs, shown from Rust so the window never handles file paths of its own:
//! every path the app reads or writes was chosen by the user in one of these.

use std::path::PathBuf;

use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

/// Asks for an existing file; `None` when the user cancels. Blocks, so call it only from an
/// async command (never on the main thread).
pub fn choose_file(
    app: &AppHandle,
    title: &str,
    kind: &str,
    extensions: &[&str],
) -> Option<PathBuf> {
    app.dialog()
        .file()
        .set_title(title)
        .add_filter(kind, extensions)
        .blocking_pick_file()
        .and_then(|p| p.into_path().ok())
}

/// Asks where to save a new file, suggesting `file_name`; `None` when the user cancels.
pub fn choose_save_path(
    app: &AppHandle,
    title: &str,
    file_name: &str,
    kind: &str,
    extensions: &[&str],
) -> Option<PathBuf> {
    app.dialog()
        .file()
        .set_title(title)
        .set_file_name(file_name)
        .add_filter(kind, extensions)
        .blocking_save_file()
        .and_then(|p| p.into_path().ok())
}

/// Any document, for evidence.
pub fn choose_any_file(app: &AppHandle, title: &str) -> Option<PathBuf> {
    app.dialog()
        .file()
        .set_title(title)
        .blocking_pick_file()
        .and_then(|p| p.into_path().ok())
}
