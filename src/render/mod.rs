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
    /// Where `src`'s lines start, found once for all its findings (each
    /// counting from the start would cost the findings times the text).
    pub lines: crate::syntax::LineIndex<'a>,
}

impl FileReport<'_> {
    /// 1-based line and column (in bytes) of a byte offset of `src`.
    #[must_use]
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        text::line_col_in(&self.lines, offset)
    }
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
