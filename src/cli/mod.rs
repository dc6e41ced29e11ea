//! Command line: the clap structs (`args.rs`), validated [`Settings`]
//! (`settings.rs`), the run loop (`run.rs`) and writing the fixed files
//! (`write.rs`).

mod args;
mod run;
mod settings;
mod write;

pub use args::{Args, ColorChoice, Command, Format};
pub use run::run;
pub use settings::{FileSettings, Settings};
