//! Native file dialogs, shown from Rust so the window never handles file paths of its own:
//! every path the app reads or writes was chosen by the user in one of these.

use std::marker::PhantomData;
use std::path::PathBuf;
use std::sync::Mutex;

use boardassure_core::CoreError;

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

/// What a remembered file is for, and what to say when none has been chosen yet.
pub trait Purpose: Send + Sync + 'static {
    const NOT_CHOSEN: &'static str;
}

/// The file chosen last for one purpose, kept on the Rust side so a second step ("import the
/// valid rows", "trust the sender") reuses the user's choice without the window ever holding
/// a path. One is managed per purpose.
pub struct ChosenFile<P: Purpose>(Mutex<Option<PathBuf>>, PhantomData<P>);

impl<P: Purpose> Default for ChosenFile<P> {
    fn default() -> Self {
        ChosenFile(Mutex::new(None), PhantomData)
    }
}

impl<P: Purpose> ChosenFile<P> {
    pub fn remember(&self, path: PathBuf) {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = Some(path);
    }

    /// The file chosen last; refused, with the purpose's words, when there is none.
    pub fn path(&self) -> Result<PathBuf, CoreError> {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
            .ok_or_else(|| CoreError::validation("file", P::NOT_CHOSEN))
    }
}

/// Declares a purpose and the chosen-file state kept for it.
macro_rules! purpose {
    ($(#[$doc:meta])* $state:ident, $purpose:ident, $not_chosen:literal) => {
        pub struct $purpose;
        impl Purpose for $purpose {
            const NOT_CHOSEN: &'static str = $not_chosen;
        }
        $(#[$doc])*
        pub type $state = ChosenFile<$purpose>;
    };
}

purpose!(
    /// The training CSV chosen last.
    TrainingCsv, TrainingImport, "Choose the training file to import first."
);
purpose!(
    /// The challenge log chosen last.
    ScrutinyCsv, ScrutinyImport, "Choose the challenge log to import first."
);
purpose!(
    /// The exchange file chosen last, for preview, trust and import.
    ExchangeFile, Exchange, "Choose the exchange file first."
);
