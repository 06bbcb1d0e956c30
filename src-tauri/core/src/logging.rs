//! Logging: a rolling file for the window, stderr for the command line.
//!
//! Personal data (names, free text) is never logged at info level or above: log record ids.

use std::path::Path;

use tracing_appender::non_blocking::WorkerGuard;
use tracing_subscriber::{fmt, prelude::*, EnvFilter};

const FILTER_ENV: &str = "BOARDASSURE_LOG";
const KEEP_LOG_FILES: usize = 14;

/// Command line: warnings and errors to stderr unless `BOARDASSURE_LOG` asks for more.
pub fn init_cli() {
    let filter = EnvFilter::try_from_env(FILTER_ENV).unwrap_or_else(|_| EnvFilter::new("warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(stderr_is_terminal())
        .with_target(false)
        .try_init();
}

/// Window: info and above to a daily file in `dir` (last 14 kept), warnings to stderr.
/// Keep the guard alive for the life of the app so the last lines are flushed.
pub fn init_app(dir: &Path) -> Option<WorkerGuard> {
    let _ = std::fs::create_dir_all(dir);
    let file = tracing_appender::rolling::Builder::new()
        .rotation(tracing_appender::rolling::Rotation::DAILY)
        .filename_prefix("boardassure")
        .filename_suffix("log")
        .max_log_files(KEEP_LOG_FILES)
        .build(dir);
    let filter = || EnvFilter::try_from_env(FILTER_ENV).unwrap_or_else(|_| EnvFilter::new("info"));
    match file {
        Ok(appender) => {
            let (writer, guard) = tracing_appender::non_blocking(appender);
            let file_layer = fmt::layer()
                .with_writer(writer)
                .with_ansi(false)
                .with_filter(filter());
            let _ = tracing_subscriber::registry()
                .with(file_layer)
                .with(stderr_layer())
                .try_init();
            Some(guard)
        }
        Err(e) => {
            let _ = tracing_subscriber::registry()
                .with(stderr_layer())
                .try_init();
            // The error names the folder, which holds the account's name: not logged.
            let _ = e;
            tracing::warn!("the log folder is unavailable");
            None
        }
    }
}

fn stderr_layer<S>() -> impl tracing_subscriber::Layer<S>
where
    S: tracing::Subscriber + for<'a> tracing_subscriber::registry::LookupSpan<'a>,
{
    fmt::layer()
        .with_writer(std::io::stderr)
        .with_ansi(stderr_is_terminal())
        .with_target(false)
        .with_filter(EnvFilter::new("warn"))
}

/// Colours only for a person at a terminal: a script, a pipe or a log file would keep the
/// escape codes as noise.
fn stderr_is_terminal() -> bool {
    use std::io::IsTerminal;
    std::io::stderr().is_terminal()
}
