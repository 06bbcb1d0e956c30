//! Builds the window's access rules from its commands: each function marked
//! `#[tauri::command]` in `src-tauri/commands` gets a permission, the set the capability grants
//! holds them all, and the handler registration names them all (see `command_list.rs`).

#[path = "command_list.rs"]
mod command_list;

use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/commands");
    println!("cargo:rerun-if-changed=src-tauri/command_list.rs");
    let commands = command_list::read(Path::new("src-tauri/commands"))
        .unwrap_or_else(|e| panic!("the commands could not be read: {e}"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let permissions = out.join("permissions");
    std::fs::create_dir_all(&permissions).expect("OUT_DIR is writable");
    write_if_changed(
        &permissions.join("app-commands.toml"),
        &command_list::permissions_toml(&commands),
    );
    write_if_changed(
        &out.join("handler.rs"),
        &command_list::handler_rs(&commands),
    );
    // Tauri keeps the pattern for the whole build.
    let pattern: &'static str =
        Box::leak(format!("{}/**/*", permissions.display()).into_boxed_str());
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .capabilities_path_pattern("./src-tauri/capabilities/**/*")
            // Declaring the app's own permissions switches on the command allow-list: a
            // command not granted by a capability cannot be called from the window.
            .app_manifest(tauri_build::AppManifest::new().permissions_path_pattern(pattern)),
    )
    .expect("the Tauri build step failed");
}

/// Leaves an unchanged file alone, so its time does not trigger rebuilds.
fn write_if_changed(path: &Path, text: &str) {
    if std::fs::read_to_string(path).ok().as_deref() != Some(text) {
        std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}
