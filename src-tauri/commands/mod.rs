//! The IPC surface: each command is one call into the core, returning the one error shape.

pub mod board;
pub mod framework;
pub mod status;
pub mod training;

pub use board::*;
pub use framework::*;
pub use status::*;
pub use training::*;
