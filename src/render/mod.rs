//! Output formats: git-style unified diff, text lines, JSON, SARIF, a
//! Markdown pull-request description and GitHub annotations; the run's counts in [`Summary`].

pub mod github;
pub mod json;
pub mod markdown;
pub mod sarif;
mod summary;
mod text;

pub use json::JsonFinding;
pub use summary::{Summary, TransformCount};
pub use text::*;

use crate::engine::Outcome;

/// One file's results, as every renderer sees them.
pub struct FileReport<'a> {
    /// The path as shown to users (relative to the current directory).
    pub path: &'a str,
    /// The same path's bytes, exactly.
    pub raw_path: &'a [u8],
    pub src: &'a str,
    pub outcomes: &'a [Outcome],
    /// The fixed text, if any fix applies.
    pub fixed: Option<&'a str>,
}

/// A file the run could not check or write, for the formats that list them.
#[derive(Debug, Clone)]
pub struct Problem<'a> {
    pub path: &'a str,
    pub message: String,
    /// Not checked at all (`--max-file-size`, `--timeout-per-file`), as
    /// opposed to an error (unreadable, not UTF-8, not written, ...).
    pub not_checked: bool,
}
