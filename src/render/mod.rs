//! Output formats: git-style unified diff, text lines, JSON, SARIF and a
//! Markdown pull-request description.

pub mod markdown;
pub mod sarif;
mod text;

pub use text::*;

use crate::engine::Outcome;

/// One file's results, as every renderer sees them.
pub struct FileReport<'a> {
    /// The path as shown to users (relative to the current directory).
    pub path: &'a str,
    pub src: &'a str,
    pub outcomes: &'a [Outcome],
    /// The fixed text, if any fix applies.
    pub fixed: Option<&'a str>,
}
