//! Writing files the user asked for, safely: the bytes go to a temporary file beside the
//! target, are flushed to disk, and only then take the final name. A full disk or a killed
//! process leaves the old file (or nothing), never a truncated one.

use std::io::Write;
use std::path::Path;

use crate::error::{CoreError, Result};

pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let fail = |e: std::io::Error| {
        let mut err = CoreError::from(e);
        err.message = format!("Could not save {}: {}", path.display(), err.message);
        err
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".boardassure-")
        .suffix(".part")
        .tempfile_in(dir)
        .map_err(fail)?;
    tmp.write_all(bytes).map_err(fail)?;
    tmp.as_file().sync_all().map_err(fail)?;
    tmp.persist(path).map_err(|e| fail(e.error))?;
    sync_folder_of(path);
    Ok(())
}

/// Flushes the folder holding `path`, so a rename into it survives a power cut: until the
/// folder is on disk, the new name may not be. The file itself is already flushed, so a
/// failure here is logged rather than reported as a failed save.
pub fn sync_folder_of(path: &Path) {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if let Err(e) = std::fs::File::open(dir).and_then(|d| d.sync_all()) {
        tracing::warn!(error = %e, "a folder could not be flushed after a rename");
    }
}
