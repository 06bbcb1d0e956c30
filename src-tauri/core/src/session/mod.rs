//! One open database for the life of the window: every command borrows it in turn.
//!
//! When the database cannot be opened (in use, damaged, too new) the session keeps the reason
//! instead, so the window can explain it and offer to try again, and nothing writes. An
//! encrypted database starts locked and is opened by its passphrase; locking it again (after
//! the idle time, or on request) closes it and forgets the passphrase.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::{Mutex, TryLockError};

use serde::Serialize;
use ts_rs::TS;

use crate::board;
use crate::board::repo::members;
use crate::error::{CoreError, ErrorBody, ErrorKind, Result};
use crate::settings::{self, TextSize};
use crate::store::encryption::{self, FileKind, Passphrase};
use crate::store::Store;

pub struct Session {
    path: PathBuf,
    state: Mutex<State>,
}

/// The database as the window has it.
struct State {
    opened: Opened,
    /// The passphrase that opened (or, for a damaged file, was confirmed for) the database:
    /// kept while unlocked so a restore can read the backups, wiped when the window locks.
    passphrase: Option<Passphrase>,
    /// While the database is opened on a thread of its own at start: where its result comes.
    /// The first call that needs the database takes it, waiting if it has not come yet.
    pending: Option<Receiver<Opened>>,
}

enum Opened {
    Open(Store),
    /// There is no database yet: a passphrase must be chosen to create it.
    New,
    /// The database is encrypted and waits for its passphrase.
    Locked,
    Failed(CoreError),
}

/// What the window needs to know before showing any screen.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AppStatus {
    pub app_version: String,
    pub db_path: String,
    /// Why the database could not be opened, if it could not.
    pub open_error: Option<ErrorBody>,
    /// No organisation and no members yet: show the first-run screen.
    pub first_run: bool,
    /// There is no database yet: choose a passphrase to create it, encrypted.
    pub new_database: bool,
    /// The database is encrypted and locked: ask for its passphrase.
    pub locked: bool,
    /// The open database is encrypted at rest.
    pub encrypted: bool,
}

/// Everything the window needs before its first screen, asked for in one call: each call
/// waits its turn in the page while it is busiest, so one is quicker than four.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Opening {
    pub status: AppStatus,
    pub options: board::RegisterOptions,
    /// The organisation, when the database is open and has one.
    pub organisation: Option<board::Organisation>,
    /// The text size chosen under Settings, when the database is open and it could be read;
    /// the window uses the standard size otherwise.
    pub text_size: Option<TextSize>,
}

/// The result of encrypting the database or changing its passphrase.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EncryptionOutcome {
    /// Kept copies (damaged backups) that could not be converted: they should be deleted.
    pub unconverted: Vec<String>,
    pub status: AppStatus,
}

/// Opens what is at `path` with what is known: a missing file waits for a passphrase to be
/// chosen, an encrypted one for its passphrase.
fn reopen(path: &Path, passphrase: Option<&Passphrase>) -> Opened {
    let opened = match (encryption::file_kind(path), passphrase) {
        (FileKind::Missing, None) => return Opened::New,
        (FileKind::Encrypted, None) => return Opened::Locked,
        _ => Store::open_for_window(path, passphrase),
    };
    match opened {
        Ok(store) => Opened::Open(store),
        Err(e) if e.kind == ErrorKind::WrongPassphrase => Opened::Locked,
        Err(e) => {
            tracing::warn!(kind = ?e.kind, "database not opened");
            Opened::Failed(e)
        }
    }
}

impl Session {
    pub fn open(path: &Path) -> Session {
        Session::new(path, reopen(path, None), None)
    }

    /// Opens the database on a thread of its own, so the window starts meanwhile: opening
    /// reads and checks the file, which on a slow disk takes a while.
    pub fn open_in_background(path: &Path) -> Session {
        let (tx, rx) = mpsc::channel();
        let file = path.to_path_buf();
        let spawned = std::thread::Builder::new()
            .name("open database".into())
            .spawn(move || {
                let _ = tx.send(reopen(&file, None));
            });
        match spawned {
            Ok(_) => Session::opened_by(path, rx),
            Err(_) => Session::open(path),
        }
    }

    /// A session whose database is being opened elsewhere and sent on `rx`.
    fn opened_by(path: &Path, rx: Receiver<Opened>) -> Session {
        // Never read: whoever reads the state takes the result first.
        let meanwhile = Opened::Failed(CoreError::new(
            ErrorKind::Io,
            "The database is still being opened. Try again in a moment.",
        ));
        Session::new(path, meanwhile, Some(rx))
    }

    fn new(path: &Path, opened: Opened, pending: Option<Receiver<Opened>>) -> Session {
        Session {
            path: path.to_path_buf(),
            state: Mutex::new(State {
                opened,
                passphrase: None,
                pending,
            }),
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        // A panic in an earlier command must not lock the user out of their data.
        let mut guard = self.state.lock().unwrap_or_else(|p| p.into_inner());
        Self::take_opened(&mut guard, true);
        Self::close_if_damaged(&mut guard);
        guard
    }

    /// Takes the result of opening in the background, waiting for it when `wait`. False only
    /// when it has not come and the caller would not wait.
    fn take_opened(state: &mut State, wait: bool) -> bool {
        let Some(rx) = &state.pending else {
            return true;
        };
        let result = if wait {
            rx.recv().ok()
        } else {
            match rx.try_recv() {
                Ok(opened) => Some(opened),
                Err(TryRecvError::Empty) => return false,
                Err(TryRecvError::Disconnected) => None,
            }
        };
        state.opened = result.unwrap_or_else(|| {
            // The thread ended without an answer: it failed while opening the file.
            Opened::Failed(CoreError::new(
                ErrorKind::Io,
                "The database could not be opened: opening it stopped part way. Try again.",
            ))
        });
        state.pending = None;
        true
    }

    /// Runs `f` on the open store, or returns why there is none.
    pub fn with<T>(&self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        let mut guard = self.state();
        match &mut guard.opened {
            Opened::Open(store) => f(store),
            Opened::New => Err(CoreError::new(
                ErrorKind::Locked,
                "Choose a passphrase first: it creates the encrypted database.",
            )),
            Opened::Locked => Err(encryption::locked(&self.path)),
            Opened::Failed(e) => Err(e.clone()),
        }
    }

    /// A background integrity check that found damage closes the database, as finding it at
    /// opening would have: from then on every command says so and nothing is written.
    fn close_if_damaged(state: &mut State) {
        if let Opened::Open(store) = &state.opened {
            if let Some(e) = store.integrity_failure() {
                tracing::warn!("database closed: the background integrity check found damage");
                state.opened = Opened::Failed(e);
            }
        }
    }

    pub fn status(&self) -> AppStatus {
        self.status_of(&self.state())
    }

    fn status_of(&self, state: &State) -> AppStatus {
        let (open_error, first_run, encrypted) = match &state.opened {
            Opened::Open(store) => {
                let empty = members::count(store.conn())
                    .map(|n| n == 0)
                    .unwrap_or(false)
                    && board::get_organisation(store)
                        .map(|o| o.is_none())
                        .unwrap_or(false);
                (None, empty, store.is_encrypted())
            }
            Opened::Failed(e) => (Some(e.body()), false, false),
            Opened::New | Opened::Locked => (None, false, false),
        };
        AppStatus {
            app_version: env!("CARGO_PKG_VERSION").to_string(),
            db_path: self.path.display().to_string(),
            open_error,
            first_run,
            new_database: matches!(state.opened, Opened::New),
            locked: matches!(state.opened, Opened::Locked),
            encrypted,
        }
    }

    /// The status, and what the first screen shows when the database is open. Nothing is read
    /// from a database that is still to be created, is locked, or failed to open.
    pub fn opening(&self) -> Result<Opening> {
        self.opening_of(&self.state())
    }

    /// The opening, if the database has been opened and no other call is using it at this
    /// moment; `None` rather than wait. For callers that must never block, such as serving the
    /// page.
    pub fn try_opening(&self) -> Option<Result<Opening>> {
        let mut guard = match self.state.try_lock() {
            Ok(guard) => guard,
            Err(TryLockError::Poisoned(p)) => p.into_inner(),
            Err(TryLockError::WouldBlock) => return None,
        };
        if !Self::take_opened(&mut guard, false) {
            return None;
        }
        Self::close_if_damaged(&mut guard);
        Some(self.opening_of(&guard))
    }

    /// Read under one lock, so the status and what goes with it cannot disagree.
    fn opening_of(&self, state: &State) -> Result<Opening> {
        let (organisation, text_size) = match &state.opened {
            Opened::Open(store) => (
                board::get_organisation(store)?,
                settings::text_size(store).ok(),
            ),
            Opened::New | Opened::Locked | Opened::Failed(_) => (None, None),
        };
        Ok(Opening {
            status: self.status_of(state),
            options: board::register_options(),
            organisation,
            text_size,
        })
    }

    /// Creates the database, encrypted under a newly chosen passphrase.
    pub fn create(&self, passphrase: String) -> Result<AppStatus> {
        let passphrase = Passphrase::new("passphrase", passphrase)?;
        {
            let mut guard = self.state();
            if !matches!(guard.opened, Opened::New) {
                return Err(CoreError::conflict("The database already exists."));
            }
            let store = Store::open_for_window(&self.path, Some(&passphrase))?;
            guard.opened = Opened::Open(store);
            guard.passphrase = Some(passphrase);
        }
        Ok(self.status())
    }

    /// Opens the locked database with its passphrase. A wrong passphrase leaves it locked and
    /// is reported against the passphrase field.
    pub fn unlock(&self, passphrase: String) -> Result<AppStatus> {
        let passphrase = Passphrase::entered("passphrase", passphrase)?;
        {
            let mut guard = self.state();
            if !matches!(guard.opened, Opened::Locked) {
                return Err(CoreError::conflict("The database is not locked."));
            }
            match Store::open_for_window(&self.path, Some(&passphrase)) {
                Ok(store) => guard.opened = Opened::Open(store),
                Err(mut e) if e.kind == ErrorKind::WrongPassphrase => {
                    e.field = Some("passphrase".into());
                    return Err(e);
                }
                // Damaged, in use, too new: shown as such, with the passphrase kept so a
                // backup can be restored or the opening tried again.
                Err(e) => guard.opened = Opened::Failed(e),
            }
            guard.passphrase = Some(passphrase);
        }
        tracing::info!("database unlocked");
        Ok(self.status())
    }

    /// Closes an encrypted database and forgets its passphrase, until it is unlocked again.
    pub fn lock(&self) -> Result<AppStatus> {
        {
            let mut guard = self.state();
            match &guard.opened {
                Opened::Open(store) if store.is_encrypted() => {}
                Opened::Open(_) => {
                    return Err(CoreError::conflict(
                        "This database is not encrypted, so it cannot be locked. Encrypt it under Database first.",
                    ))
                }
                _ => return Err(CoreError::conflict("The database is not open.")),
            }
            guard.opened = Opened::Locked;
            guard.passphrase = None;
        }
        tracing::info!("database locked");
        Ok(self.status())
    }

    /// Encrypts the open plain database under a new passphrase.
    pub fn encrypt(&self, passphrase: String) -> Result<EncryptionOutcome> {
        let new = Passphrase::new("passphrase", passphrase)?;
        self.reencrypt(None, new)
    }

    /// Changes the passphrase of the open encrypted database.
    pub fn change_passphrase(&self, current: String, new: String) -> Result<EncryptionOutcome> {
        let current = Passphrase::entered("current", current)?;
        let new = Passphrase::new("new", new)?;
        self.reencrypt(Some(current), new)
    }

    fn reencrypt(&self, current: Option<Passphrase>, new: Passphrase) -> Result<EncryptionOutcome> {
        let unconverted = {
            let mut guard = self.state();
            let Opened::Open(store) = &mut guard.opened else {
                return Err(CoreError::conflict("The database is not open."));
            };
            if current.is_none() && store.is_encrypted() {
                return Err(CoreError::conflict(
                    "The database is already encrypted; change its passphrase instead.",
                ));
            }
            match store.reencrypt(current.as_ref(), &new) {
                Ok(left) => {
                    guard.passphrase = Some(new);
                    left
                }
                Err(e) => {
                    // A failure after the old file was closed leaves the store without its
                    // file: open again whichever file is now in place.
                    if !store.is_attached() {
                        let opened = match reopen(&self.path, Some(&new)) {
                            Opened::Locked => reopen(&self.path, current.as_ref()),
                            other => other,
                        };
                        guard.opened = opened;
                    }
                    return Err(e);
                }
            }
        };
        Ok(EncryptionOutcome {
            unconverted,
            status: self.status(),
        })
    }

    /// The automatic backups of this database, newest first. Refused while the database is
    /// locked: until the passphrase is given, nothing about its records is shown.
    pub fn backups(&self) -> Result<Vec<crate::store::backup::BackupInfo>> {
        if matches!(self.state().opened, Opened::Locked) {
            return Err(encryption::locked(&self.path));
        }
        Ok(crate::store::backup::list(&self.path))
    }

    /// Replaces the database with one of its automatic backups, then opens it. The database
    /// is closed first so the restore can take the writer lock.
    pub fn restore_backup(&self, file_name: &str) -> Result<AppStatus> {
        {
            let mut guard = self.state();
            // Locked, the database waits for its passphrase: nobody may replace it meanwhile.
            if matches!(guard.opened, Opened::Locked) {
                return Err(encryption::locked(&self.path));
            }
            guard.opened = Opened::Failed(CoreError::new(
                ErrorKind::InUse,
                "The database is being restored from a backup.",
            ));
            let passphrase = guard.passphrase.clone();
            let restored =
                crate::store::backup::restore_automatic(&self.path, file_name, passphrase.as_ref());
            guard.opened = reopen(&self.path, passphrase.as_ref());
            restored?;
        }
        Ok(self.status())
    }

    /// Tries again to open the database (after the other program holding it has closed).
    pub fn retry_open(&self) -> AppStatus {
        {
            let mut guard = self.state();
            if matches!(guard.opened, Opened::Failed(_)) {
                guard.opened = reopen(&self.path, guard.passphrase.as_ref());
            }
        }
        self.status()
    }
}

/// Where the start-up benchmark asks to be told the first screen is ready.
pub const READY_FILE_ENV: &str = "BOARDASSURE_READY_FILE";

/// Records how long the window took to show its first screen: in the log always, and in the
/// file named by `BOARDASSURE_READY_FILE` (milliseconds) when the benchmark sets it.
pub fn first_screen_ready(after: std::time::Duration) {
    let ms = after.as_millis();
    tracing::info!(ms = ms as u64, "first screen ready");
    crate::store::integrity::window_ready();
    if let Some(file) = std::env::var_os(READY_FILE_ENV) {
        if let Err(e) = crate::files::write_atomically(Path::new(&file), ms.to_string().as_bytes())
        {
            tracing::warn!(kind = ?e.kind, "could not write the ready file");
        }
    }
}

#[cfg(test)]
mod tests;
