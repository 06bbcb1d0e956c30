//! The integrity check of a large database, run beside the window instead of before it.
//!
//! `PRAGMA quick_check` reads every page: on a decade's database (hundreds of megabytes) that
//! takes seconds, which would all be spent before the first screen. For such a file, when
//! nothing else about opening it needs to write, the check runs on its own read-only
//! connection in the background. Reading goes ahead meanwhile; the first write waits for the
//! verdict, and a damaged file is then refused exactly as it would have been at opening. The
//! check begins once the window has drawn its first screen (two seconds at most), so it does
//! not slow the window's start.

use std::path::Path;
use std::sync::{Arc, Condvar, Mutex};

use rusqlite::{Connection, OpenFlags};

use super::encryption::Passphrase;
use crate::error::{damaged_database, CoreError, Result};

/// Files at least this large are checked in the background.
pub const BACKGROUND_FROM_BYTES: u64 = 64 * 1024 * 1024;

/// Whether the window has drawn its first screen. Reading every page of a large file competes
/// for the processor with the window starting, so the check waits for this, or for
/// `WINDOW_WAIT_AT_MOST` (a window that never reports, or the command line).
static WINDOW_READY: (Mutex<bool>, Condvar) = (Mutex::new(false), Condvar::new());
const WINDOW_WAIT_AT_MOST: std::time::Duration = std::time::Duration::from_secs(2);

/// Lets a waiting background check begin: the window's first screen is drawn.
pub fn window_ready() {
    *WINDOW_READY.0.lock().unwrap_or_else(|p| p.into_inner()) = true;
    WINDOW_READY.1.notify_all();
}

fn wait_for_window() {
    let ready = WINDOW_READY.0.lock().unwrap_or_else(|p| p.into_inner());
    let _ = WINDOW_READY
        .1
        .wait_timeout_while(ready, WINDOW_WAIT_AT_MOST, |ready| !*ready);
}

#[derive(Debug, Clone)]
enum Verdict {
    Pending,
    Sound,
    Damaged(CoreError),
}

/// The outcome of a check, shared between the thread running it and the store.
#[derive(Debug)]
pub struct Gate {
    verdict: Mutex<Verdict>,
    done: Condvar,
}

impl Gate {
    /// A gate that is already open: the check ran before the store was handed out.
    pub fn sound() -> Arc<Gate> {
        Arc::new(Gate {
            verdict: Mutex::new(Verdict::Sound),
            done: Condvar::new(),
        })
    }

    /// Starts checking `path` on a thread of its own.
    pub fn check_in_background(path: &Path, key: Option<Passphrase>) -> Arc<Gate> {
        let gate = Arc::new(Gate {
            verdict: Mutex::new(Verdict::Pending),
            done: Condvar::new(),
        });
        let (g, path) = (gate.clone(), path.to_path_buf());
        std::thread::spawn(move || {
            wait_for_window();
            let started = std::time::Instant::now();
            let verdict = match quick_check(&path, key.as_ref()) {
                Ok(()) => Verdict::Sound,
                Err(e) => Verdict::Damaged(e),
            };
            tracing::info!(
                ms = started.elapsed().as_millis() as u64,
                sound = matches!(verdict, Verdict::Sound),
                "background integrity check finished"
            );
            *g.verdict.lock().unwrap_or_else(|p| p.into_inner()) = verdict;
            g.done.notify_all();
        });
        gate
    }

    /// Waits for the verdict: `Ok` when the file is sound, the damaged-file error when not.
    pub fn wait(&self) -> Result<()> {
        let mut v = self.verdict.lock().unwrap_or_else(|p| p.into_inner());
        while matches!(*v, Verdict::Pending) {
            v = self.done.wait(v).unwrap_or_else(|p| p.into_inner());
        }
        match &*v {
            Verdict::Damaged(e) => Err(e.clone()),
            _ => Ok(()),
        }
    }

    /// The damaged-file error once the check has found damage; `None` while it runs or when
    /// the file is sound.
    pub fn failure(&self) -> Option<CoreError> {
        match &*self.verdict.lock().unwrap_or_else(|p| p.into_inner()) {
            Verdict::Damaged(e) => Some(e.clone()),
            _ => None,
        }
    }
}

fn quick_check(path: &Path, key: Option<&Passphrase>) -> Result<()> {
    let conn = match key {
        Some(key) => super::encryption::open_read_only(path, key)?,
        None => Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?,
    };
    let quick: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    if quick != "ok" {
        tracing::warn!("background quick_check failed");
        return Err(damaged_database());
    }
    Ok(())
}
