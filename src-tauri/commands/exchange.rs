//! Exchange files between laptops, and exports for other tools. Every path comes from a
//! native dialog; the file chosen for import is held here, never handed to the page.

use boardassure_core::exchange::{
    self, ExportOptions, ExportSummary, Identity, ImportChoices, ImportPlan, TrustedSigner,
};
use boardassure_core::exports::{self, CsvExport, Saved};
use boardassure_core::periods::Period;
use boardassure_core::session::Session;
use boardassure_core::CoreError;
use tauri::{AppHandle, State};

use super::files::{choose_file, choose_save_path, ExchangeFile};

#[tauri::command(async)]
pub fn exchange_identity(session: State<'_, Session>) -> Result<Identity, CoreError> {
    session.with(exchange::identity)
}

/// Checks the choices, asks where to save, then writes the signed, encrypted file.
#[tauri::command]
pub async fn exchange_export(
    app: AppHandle,
    session: State<'_, Session>,
    options: ExportOptions,
    passphrase: String,
) -> Result<Option<ExportSummary>, CoreError> {
    let name = session.with(|s| {
        exchange::validate_export(s, &options, &passphrase)?;
        Ok(exchange::suggested_name(s, &options))
    })?;
    let ext = [exchange::EXTENSION];
    let Some(path) = choose_save_path(&app, "Save the exchange file", &name, "Exchange file", &ext)
    else {
        return Ok(None);
    };
    session
        .with(|s| exchange::export(s, &options, &passphrase, &path))
        .map(Some)
}

/// Asks for an exchange file; returns its name, or `None` if cancelled.
#[tauri::command]
pub async fn exchange_choose_file(
    app: AppHandle,
    chosen: State<'_, ExchangeFile>,
) -> Result<Option<String>, CoreError> {
    let ext = [exchange::EXTENSION];
    let Some(path) = choose_file(&app, "Open an exchange file", "Exchange file", &ext) else {
        return Ok(None);
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    chosen.remember(path);
    Ok(Some(name))
}

#[tauri::command(async)]
pub fn exchange_preview(
    session: State<'_, Session>,
    chosen: State<'_, ExchangeFile>,
    passphrase: String,
    choices: ImportChoices,
) -> Result<ImportPlan, CoreError> {
    let path = chosen.path()?;
    session.with(|s| exchange::preview(s, &path, &passphrase, &choices))
}

#[tauri::command(async)]
pub fn exchange_trust(
    session: State<'_, Session>,
    chosen: State<'_, ExchangeFile>,
    passphrase: String,
    fingerprint: String,
) -> Result<TrustedSigner, CoreError> {
    let path = chosen.path()?;
    session.with(|s| exchange::trust_sender(s, &path, &passphrase, &fingerprint))
}

#[tauri::command(async)]
pub fn exchange_import(
    session: State<'_, Session>,
    chosen: State<'_, ExchangeFile>,
    passphrase: String,
    choices: ImportChoices,
) -> Result<ImportPlan, CoreError> {
    let path = chosen.path()?;
    session.with(|s| exchange::import(s, &path, &passphrase, &choices))
}

#[tauri::command(async)]
pub fn exchange_forget_signer(
    session: State<'_, Session>,
    public_key: String,
) -> Result<(), CoreError> {
    session.with(|s| exchange::forget_signer(s, &public_key))
}

/// Asks where to save, then writes one table as CSV; `None` when the user cancels.
#[tauri::command]
pub async fn export_csv(
    app: AppHandle,
    session: State<'_, Session>,
    what: CsvExport,
    period: Option<Period>,
) -> Result<Option<Saved>, CoreError> {
    let name = exports::suggested_name(what, period);
    let Some(path) = choose_save_path(&app, "Save as CSV", &name, "CSV", &["csv"]) else {
        return Ok(None);
    };
    session
        .with(|s| exports::write_csv(s, what, period, &path))
        .map(Some)
}

/// Asks where to save, then writes every record as JSON; `None` when the user cancels.
#[tauri::command]
pub async fn export_json(
    app: AppHandle,
    session: State<'_, Session>,
) -> Result<Option<Saved>, CoreError> {
    let name = format!("Board records {}.json", boardassure_core::dates::today());
    let Some(path) = choose_save_path(&app, "Save all records as JSON", &name, "JSON", &["json"])
    else {
        return Ok(None);
    };
    session.with(|s| exports::write_json(s, &path)).map(Some)
}
