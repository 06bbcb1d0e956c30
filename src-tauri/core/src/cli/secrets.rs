//! Passphrases on the command line: from an environment variable, else asked for on the
//! terminal without echo. Never from an argument, where other users and the shell history
//! would see it.

use std::io::IsTerminal;

use crate::error::{CoreError, Result};

/// The database's passphrase.
pub const DB_PASSPHRASE_ENV: &str = "BOARDASSURE_PASSPHRASE";
/// A new database passphrase, for `encrypt` and `change-passphrase`.
pub const NEW_PASSPHRASE_ENV: &str = "BOARDASSURE_NEW_PASSPHRASE";

/// The passphrase in `env`, else asked for as `what` (twice when it is being chosen).
pub fn passphrase(env: &str, what: &str, choosing: bool) -> Result<String> {
    if let Ok(p) = std::env::var(env) {
        return Ok(p);
    }
    // A script with no terminal gets an error at once rather than a prompt nobody sees.
    let no_terminal = || {
        CoreError::validation(
            "passphrase",
            format!("No {what}: run this in a terminal to be asked for it, or set {env}."),
        )
    };
    if !std::io::stdin().is_terminal() {
        return Err(no_terminal());
    }
    let ask = |prompt: &str| rpassword::prompt_password(prompt).map_err(|_| no_terminal());
    let first = ask(&format!("{}: ", capitalised(what)))?;
    if choosing && ask("The same passphrase again: ")? != first {
        return Err(CoreError::validation(
            "passphrase",
            "The two passphrases differ. Nothing was changed; try again.",
        ));
    }
    Ok(first)
}

/// The passphrase in `env` if it is set; never asks.
pub fn from_env(env: &str) -> Option<String> {
    std::env::var(env).ok()
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
