//! Output formats: git-style unified diff, text lines, JSON.

use serde::Serialize;

use crate::engine::{Outcome, Status};

/// A git-applicable unified diff of one file (empty if unchanged).
#[must_use]
pub fn diff(path: &str, old: &str, new: &str, context: usize) -> String {
    if old == new {
        return String::new();
    }
    let path = path.trim_start_matches('/');
    let d = similar::TextDiff::from_lines(old, new);
    let mut u = d.unified_diff();
    u.context_radius(context).header(&format!("a/{path}"), &format!("b/{path}"));
    format!("diff --git a/{path} b/{path}\n{u}")
}

/// 1-based line and column (in bytes) of a byte offset.
#[must_use]
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let before = &src.as_bytes()[..offset.min(src.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let col = offset - before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1) + 1;
    (line, col)
}

/// `path:line:col: id: message` (plus ` [fix]` when the fix is in the output).
#[must_use]
pub fn text_line(path: &str, src: &str, o: &Outcome, mark_fix: bool) -> String {
    let (l, c) = line_col(src, o.finding.range.start);
    let mut s = format!("{path}:{l}:{c}: {}: {}", o.finding.transform, o.finding.message);
    if mark_fix && o.status == Status::Fixed {
        s.push_str(" [fix]");
    }
    if let Status::Skipped(why) = &o.status {
        s.push_str(&format!(" (fix skipped: {why})"));
    }
    s
}

/// One finding in the JSON output.
#[derive(Serialize)]
pub struct JsonFinding<'a> {
    pub transform: &'a str,
    pub path: &'a str,
    /// Enclosing top-level function (`Type.Method` for methods).
    pub function: &'a str,
    /// The channel variable.
    pub channel: &'a str,
    pub line: usize,
    pub column: usize,
    /// Byte range of the `make` call.
    pub range: std::ops::Range<usize>,
    pub message: &'a str,
    pub fix: Option<&'a crate::fix::Fix>,
    /// `fixed` (in the diff, or written), `unfixed`, or `skipped`.
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'a str>,
}

impl<'a> JsonFinding<'a> {
    #[must_use]
    pub fn new(path: &'a str, src: &str, o: &'a Outcome) -> Self {
        let (line, column) = line_col(src, o.finding.range.start);
        let (status, reason) = match &o.status {
            Status::Fixed => ("fixed", None),
            Status::Unfixed => ("unfixed", None),
            Status::Skipped(r) => ("skipped", Some(r.as_str())),
        };
        JsonFinding {
            transform: o.finding.transform,
            path,
            function: &o.finding.function,
            channel: &o.finding.channel,
            line,
            column,
            range: o.finding.range.clone(),
            message: &o.finding.message,
            fix: o.finding.fix.as_ref(),
            status,
            reason,
        }
    }
}
