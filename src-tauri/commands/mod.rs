//! The IPC surface: each command is one call into the core, returning the one error shape.
//! Commands that need a file ask for it in a native dialog first (see `files`).
//!
//! Every command runs off the window's main thread: `async fn`, or `command(async)` for plain
//! functions. A plain command would run on the thread that draws the window and serves the
//! page, so a query over ten years of records would hold up drawing and every other call.

pub mod board;
pub mod competency;
pub mod compliance;
pub mod exchange;
pub mod files;
pub mod framework;
pub mod home;
pub mod imports;
pub mod papers;
pub mod scrutiny;
pub mod settings;
pub mod status;
pub mod training;

pub use board::*;
pub use competency::*;
pub use compliance::*;
pub use exchange::*;
pub use framework::*;
pub use home::*;
pub use imports::*;
pub use papers::*;
pub use scrutiny::*;
pub use settings::*;
pub use status::*;
pub use training::*;
