//! Encryption at rest: the database file is an SQLCipher file keyed from the user's passphrase.
//!
//! SQLCipher encrypts every page (AES-256, with an HMAC per page) under a key it stretches from
//! the passphrase with PBKDF2 and a salt kept at the start of the file, so the file alone is
//! enough to open it again: nothing else is needed to read a database or one of its backups.
//!
//! SQLCipher cannot tell a wrong passphrase from a damaged first page: both read as "not a
//! database". So that the two get different messages, a small check file sits beside the
//! database (`<name>.keycheck`): an Argon2id hash of the passphrase, consulted only after a
//! passphrase has failed. It makes no file readable, and losing it loses nothing but the
//! sharper message.
//!
//! Encrypting a plain database, or changing the passphrase, writes a new encrypted copy beside
//! the file, checks it, and only then renames it over the old one: a crash at any point leaves
//! either the old file or the new one, whole.

use std::io::Read;
use std::path::{Path, PathBuf};

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use rusqlite::{Connection, OpenFlags};
use zeroize::Zeroizing;

use super::migrations::{self, APPLICATION_ID};
use crate::error::{CoreError, ErrorKind, Result};

/// The shortest passphrase accepted: three or four random words comfortably exceed it.
pub const MIN_CHARS: usize = 10;
/// The longest, so a pasted document is refused rather than hashed.
pub const MAX_CHARS: usize = 256;

/// A passphrase, wiped from memory when dropped; never printed.
#[derive(Clone)]
pub struct Passphrase(Zeroizing<String>);

impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase(hidden)")
    }
}

impl Passphrase {
    /// A new passphrase being chosen: held to the length rules, reported against `field`.
    pub fn new(field: &str, text: String) -> Result<Passphrase> {
        let text = Zeroizing::new(text);
        let chars = text.chars().count();
        if chars < MIN_CHARS {
            return Err(CoreError::validation(
                field,
                format!("Choose a passphrase of at least {MIN_CHARS} characters: three or four unrelated words are strong and easy to remember."),
            ));
        }
        if chars > MAX_CHARS {
            return Err(CoreError::validation(
                field,
                format!("A passphrase can be at most {MAX_CHARS} characters."),
            ));
        }
        Ok(Passphrase(text))
    }

    /// A passphrase being entered to open something: only emptiness and length are refused,
    /// so a passphrase chosen under other rules still opens its file.
    pub fn entered(field: &str, text: String) -> Result<Passphrase> {
        let text = Zeroizing::new(text);
        if text.is_empty() {
            return Err(CoreError::validation(field, "Enter the passphrase."));
        }
        if text.chars().count() > MAX_CHARS {
            return Err(CoreError::validation(
                field,
                format!("A passphrase can be at most {MAX_CHARS} characters."),
            ));
        }
        Ok(Passphrase(text))
    }

    fn expose(&self) -> &str {
        self.0.as_str()
    }
}

/// What a file on disk is, judged from its first bytes and size without opening it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// No file, or an empty one: a new database starts here.
    Missing,
    /// An unencrypted SQLite database (or a damaged one that still starts like one).
    Plain,
    /// Looks like an SQLCipher file: whole pages of bytes with no readable header.
    Encrypted,
    /// Neither: text, a truncated page, or something else entirely.
    Foreign,
}

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

pub fn file_kind(path: &Path) -> FileKind {
    let Ok(mut file) = std::fs::File::open(path) else {
        return FileKind::Missing;
    };
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if len == 0 {
        return FileKind::Missing;
    }
    let mut head = [0u8; 16];
    if file.read_exact(&mut head).is_err() {
        return FileKind::Foreign;
    }
    if &head == SQLITE_HEADER {
        return FileKind::Plain;
    }
    // An SQLCipher file is a whole number of pages (512 bytes at the least) and begins with a
    // random salt; sixteen printable characters in a row are text, not salt.
    let printable = head
        .iter()
        .all(|b| b.is_ascii_graphic() || b.is_ascii_whitespace());
    if len % 512 != 0 || printable {
        return FileKind::Foreign;
    }
    FileKind::Encrypted
}

/// Sets the key on a fresh connection, before anything is read through it.
pub(crate) fn apply_key(conn: &Connection, passphrase: &Passphrase) -> Result<()> {
    conn.pragma_update(None, "key", passphrase.expose())?;
    Ok(())
}

/// SQLCipher writes its own diagnostics to standard error by default; the app reports
/// problems in its own words, so those are switched off once for the process.
pub(crate) fn quiet_library_log() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        if let Ok(c) = Connection::open_in_memory() {
            let _ = c.query_row("PRAGMA cipher_log_level = NONE", [], |_| Ok(()));
        }
    });
}

/// Keys a fresh connection to the encrypted file at `path` and reads its first page. A
/// passphrase that does not fit is explained: wrong, or right for a damaged file.
pub(crate) fn unlock(conn: &Connection, path: &Path, passphrase: &Passphrase) -> Result<()> {
    apply_key(conn, passphrase)?;
    match conn.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(())) {
        Ok(()) => Ok(()),
        Err(e) if is_not_a_database(&e) => Err(explain_unreadable(path, passphrase)),
        Err(e) => Err(e.into()),
    }
}

fn is_not_a_database(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt)
    )
}

/// The encrypted database cannot be read without its passphrase.
pub fn locked(db: &Path) -> CoreError {
    CoreError::new(
        ErrorKind::Locked,
        format!(
            "The database {} is encrypted. Enter its passphrase to open it.",
            db.display()
        ),
    )
}

pub(crate) fn wrong_passphrase() -> CoreError {
    CoreError::new(
        ErrorKind::WrongPassphrase,
        "That passphrase does not open this database. Check it (and Caps Lock) and try again. Nothing has been changed.",
    )
}

/// Why an encrypted file did not open under `passphrase`: the check file, when there is one,
/// says whether the passphrase was right and so whether the file is damaged.
pub(crate) fn explain_unreadable(db: &Path, passphrase: &Passphrase) -> CoreError {
    match check_matches(db, passphrase) {
        Some(true) => CoreError::new(
            ErrorKind::Damaged,
            "The passphrase is right, but the database file is damaged and cannot be read. It has been left untouched. Restore a backup copy.",
        ),
        Some(false) => wrong_passphrase(),
        None => CoreError::new(
            ErrorKind::WrongPassphrase,
            "This database did not open with that passphrase: either the passphrase is wrong or the file is damaged. Check the passphrase and try again; if you are sure of it, restore a backup copy. Nothing has been changed.",
        ),
    }
}

/// Opens the encrypted file at `path` read-only under `passphrase` and reads its first page.
pub(crate) fn open_read_only(path: &Path, passphrase: &Passphrase) -> Result<Connection> {
    quiet_library_log();
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    unlock(&conn, path, passphrase)?;
    Ok(conn)
}

/// Tries `passphrase` on the encrypted database at `db` without changing anything.
pub fn verify(db: &Path, passphrase: &Passphrase) -> Result<()> {
    open_read_only(db, passphrase).map(drop)
}

/// The check file beside the database at `db`.
pub fn check_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".keycheck");
    PathBuf::from(name)
}

/// Records a hash of `passphrase` beside `db`, for telling a wrong passphrase from damage,
/// with the salt at the head of the database file it was made for. Re-encrypting writes a new
/// file with a new salt, so a check file left from before (its rewrite failed, or a backup was
/// restored) is known to be stale rather than believed.
pub(crate) fn write_check(db: &Path, passphrase: &Passphrase) -> Result<()> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt)
        .map_err(|e| CoreError::internal(format!("No random numbers for a salt: {e}")))?;
    let salt = SaltString::encode_b64(&salt)
        .map_err(|e| CoreError::internal(format!("Salt could not be encoded: {e}")))?;
    let hash = Argon2::default()
        .hash_password(passphrase.expose().as_bytes(), &salt)
        .map_err(|e| CoreError::internal(format!("The passphrase could not be hashed: {e}")))?;
    let file = file_salt(db).unwrap_or_default();
    crate::files::write_atomically(&check_path(db), format!("{hash}\n{file}\n").as_bytes())
}

/// The first 16 bytes of the database file, where SQLCipher keeps the salt of its key, in hex.
fn file_salt(db: &Path) -> Option<String> {
    let mut head = [0u8; 16];
    std::fs::File::open(db).ok()?.read_exact(&mut head).ok()?;
    Some(head.iter().map(|b| format!("{b:02x}")).collect())
}

/// The check file's hash, when the file was made for the database now at `db`.
fn current_check(db: &Path) -> Option<String> {
    let text = std::fs::read_to_string(check_path(db)).ok()?;
    let mut lines = text.lines();
    let hash = lines.next()?.trim().to_string();
    let made_for = lines.next()?.trim();
    (Some(made_for) == file_salt(db).as_deref()).then_some(hash)
}

/// After `passphrase` has opened the encrypted database at `db`: rewrites the check file when
/// it is missing or was made for another file, so it never speaks for a passphrase that no
/// longer opens the database. Costs a file read when the check is current.
pub(crate) fn repair_check(db: &Path, passphrase: &Passphrase) {
    if current_check(db).is_none() {
        if let Err(e) = write_check(db, passphrase) {
            tracing::warn!(kind = ?e.kind, "passphrase check file not written");
        }
    }
}

/// Whether `passphrase` is the one recorded beside `db`; `None` when there is no usable record.
fn check_matches(db: &Path, passphrase: &Passphrase) -> Option<bool> {
    let text = current_check(db)?;
    let hash = PasswordHash::new(text.trim()).ok()?;
    Some(
        Argon2::default()
            .verify_password(passphrase.expose().as_bytes(), &hash)
            .is_ok(),
    )
}

/// Removes the check file of a database that is no longer encrypted.
pub(crate) fn remove_check(db: &Path) {
    let _ = std::fs::remove_file(check_path(db));
}

/// Writes an encrypted copy of the database open on `conn` to `dest` under `passphrase`, and
/// checks the copy before returning. `dest` must not exist; on failure nothing is left there.
pub(crate) fn export_encrypted(
    conn: &Connection,
    dest: &Path,
    passphrase: &Passphrase,
) -> Result<()> {
    let result = (|| -> Result<()> {
        conn.execute(
            "ATTACH DATABASE ?1 AS converted KEY ?2",
            [dest.to_string_lossy().as_ref(), passphrase.expose()],
        )?;
        let exported = (|| -> Result<()> {
            conn.query_row("SELECT sqlcipher_export('converted')", [], |_| Ok(()))?;
            // The export copies schema and rows, not the header fields that mark the file.
            let version = migrations::schema_version(conn)?;
            conn.pragma_update(Some("converted"), "user_version", version)?;
            conn.pragma_update(Some("converted"), "application_id", APPLICATION_ID)?;
            Ok(())
        })();
        conn.execute_batch("DETACH DATABASE converted")?;
        exported?;
        let copy = open_read_only(dest, passphrase)?;
        let check: String = copy.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        let same_version = migrations::schema_version(&copy)? == migrations::schema_version(conn)?;
        if check != "ok" || !same_version {
            return Err(CoreError::internal(
                "The encrypted copy did not read back correctly, so the database was left as it was.",
            ));
        }
        drop(copy);
        std::fs::File::open(dest)
            .and_then(|f| f.sync_all())
            .map_err(CoreError::from)?;
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(dest);
    }
    result
}

/// A temporary name beside `path` for a copy being written.
pub(crate) fn part_beside(path: &Path) -> PathBuf {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    dir.join(format!(".boardassure-encrypt-{}.part", super::new_id()))
}

/// Puts `part` in place of `path` and flushes the folder, so the rename itself survives a
/// power cut.
pub(crate) fn swap_in(part: &Path, path: &Path) -> Result<()> {
    std::fs::rename(part, path).map_err(|e| {
        let _ = std::fs::remove_file(part);
        let mut err = CoreError::from(e);
        err.message = format!("Could not replace {}: {}", path.display(), err.message);
        err
    })?;
    crate::files::sync_folder_of(path);
    Ok(())
}

// The attached copy is created through the main connection, so it needs the create flag.
const READ_WRITE_CREATE: OpenFlags =
    OpenFlags::SQLITE_OPEN_READ_WRITE.union(OpenFlags::SQLITE_OPEN_CREATE);

/// Re-encrypts one kept copy (a backup, a replaced database) under `new`: a plain copy is
/// encrypted, one under `old` is re-keyed. Returns whether it is now under `new`.
pub(crate) fn rewrap_copy(path: &Path, old: Option<&Passphrase>, new: &Passphrase) -> bool {
    let open_under = |key: &Passphrase| -> Result<Connection> {
        let conn = Connection::open_with_flags(path, READ_WRITE_CREATE)?;
        unlock(&conn, path, key)?;
        Ok(conn)
    };
    let result = (|| -> Result<()> {
        let conn = match file_kind(path) {
            FileKind::Plain => Connection::open_with_flags(path, READ_WRITE_CREATE)?,
            FileKind::Encrypted => match old.map(open_under) {
                Some(Ok(conn)) => conn,
                // Already under the new passphrase (converted when the database reopened).
                _ if open_under(new).is_ok() => return Ok(()),
                _ => return Err(CoreError::internal("not a copy this passphrase opens")),
            },
            _ => return Err(CoreError::internal("not a database")),
        };
        let part = part_beside(path);
        export_encrypted(&conn, &part, new)?;
        drop(conn);
        swap_in(&part, path)?;
        for suffix in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(PathBuf::from(format!("{}{suffix}", path.display())));
        }
        Ok(())
    })();
    if let Err(e) = &result {
        tracing::warn!(kind = ?e.kind, "a kept copy could not be re-encrypted");
    }
    result.is_ok()
}

/// Clears away copies left half-written by an encryption that was interrupted.
pub(crate) fn clear_interrupted(db: &Path) {
    let Some(dir) = db.parent().filter(|p| !p.as_os_str().is_empty()) else {
        return;
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(".boardassure-encrypt-") && name.ends_with(".part") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests;
