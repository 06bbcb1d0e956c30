//! The IPC surface: each command is one call into the core, returning the one error shape.
//! Commands that need a file ask for it in a native dialog first (see `files`).

pub mod board;
pub mod competency;
pub mod compliance;
pub mod exchange;
mod files;
pub mod framework;
pub mod home;
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
pub use papers::*;
pub use scrutiny::*;
pub use settings::*;
pub use status::*;
pub use training::*;
