//! Diff and text lines, plain or coloured.

use crate::engine::{Outcome, Status};
use std::fmt::Write as _;

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
    let line = memchr::memchr_iter(b'\n', before).count() + 1;
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
    match &o.status {
        // The file's own line on stderr says why it was not written (once).
        Status::Skipped(why) if why.is_write() => s.push_str(" (fix not written, see above)"),
        Status::Skipped(why) => {
            let _ = write!(s, " (fix skipped: {why})");
        }
        _ => {}
    }
    s
}

/// ANSI colours for a unified diff (headers bold, hunks cyan, -/+ red/green).
#[must_use]
pub fn color_diff(diff: &str) -> String {
    let mut out = String::with_capacity(diff.len() + 64);
    for line in diff.split_inclusive('\n') {
        let (body, nl) = line.strip_suffix('\n').map_or((line, ""), |b| (b, "\n"));
        let code = if body.starts_with("diff ") || body.starts_with("--- ") || body.starts_with("+++ ") {
            "1"
        } else if body.starts_with("@@") {
            "36"
        } else if body.starts_with('-') {
            "31"
        } else if body.starts_with('+') {
            "32"
        } else {
            ""
        };
        if code.is_empty() {
            out.push_str(line);
        } else {
            let _ = write!(out, "\x1b[{code}m{body}\x1b[0m{nl}");
        }
    }
    out
}

/// ANSI colours for a text finding: the location bold, the id yellow.
#[must_use]
pub fn color_text(line: &str) -> String {
    let mut parts = line.splitn(3, ": ");
    match (parts.next(), parts.next(), parts.next()) {
        (Some(loc), Some(id), Some(rest)) => format!("\x1b[1m{loc}\x1b[0m: \x1b[33m{id}\x1b[0m: {rest}"),
        _ => line.to_owned(),
    }
}
