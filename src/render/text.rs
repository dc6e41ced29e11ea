//! Diff and text lines, plain or coloured.

use crate::engine::{Outcome, Status};
use std::fmt::Write as _;

/// A git-applicable unified diff of one file (empty if unchanged).
#[must_use]
pub fn diff(path: &[u8], old: &str, new: &str, context: usize) -> String {
    if old == new {
        return String::new();
    }
    let path = path.strip_prefix(b"/").unwrap_or(path);
    let (a, b) = (git_quoted(b"a/", path), git_quoted(b"b/", path));
    let d = similar::TextDiff::from_lines(old, new);
    let mut u = d.unified_diff();
    u.context_radius(context).header(&a, &b);
    format!("diff --git {a} {b}\n{u}")
}

/// `prefix` + `path` as git writes a name in a patch (`core.quotePath`):
/// as it is, or in double quotes with C escapes when it holds a quote, a
/// backslash, a control character or a byte that is not ASCII.
#[must_use]
pub fn git_quoted(prefix: &[u8], path: &[u8]) -> String {
    let name: Vec<u8> = prefix.iter().chain(path).copied().collect();
    if !name.iter().any(|&b| b == b'"' || b == b'\\' || !(0x20..0x7f).contains(&b)) {
        return String::from_utf8_lossy(&name).into_owned();
    }
    let mut s = String::from("\"");
    for b in name {
        match b {
            b'"' => s.push_str("\\\""),
            b'\\' => s.push_str("\\\\"),
            b'\t' => s.push_str("\\t"),
            b'\n' => s.push_str("\\n"),
            b'\r' => s.push_str("\\r"),
            0x07 => s.push_str("\\a"),
            0x08 => s.push_str("\\b"),
            0x0b => s.push_str("\\v"),
            0x0c => s.push_str("\\f"),
            b if !(0x20..0x7f).contains(&b) => {
                let _ = write!(s, "\\{b:03o}");
            }
            b => s.push(char::from(b)),
        }
    }
    s.push('"');
    s
}

/// 1-based line and column (in bytes) of a byte offset.
#[must_use]
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    line_col_in(&crate::syntax::LineIndex::new(src.as_bytes()), offset)
}

/// [`line_col`] in the text `lines` indexes.
#[must_use]
pub fn line_col_in(lines: &crate::syntax::LineIndex<'_>, offset: usize) -> (usize, usize) {
    let p = lines.point(offset);
    (p.row + 1, p.column + 1)
}

/// `path:line:col: id: message` (plus ` [fix]` when the fix is in the output).
#[must_use]
pub fn text_line(path: &str, src: &str, o: &Outcome, mark_fix: bool) -> String {
    text_line_in(path, &crate::syntax::LineIndex::new(src.as_bytes()), o, mark_fix)
}

/// [`text_line`] in the text `lines` indexes.
#[must_use]
pub fn text_line_in(path: &str, lines: &crate::syntax::LineIndex<'_>, o: &Outcome, mark_fix: bool) -> String {
    let (l, c) = line_col_in(lines, o.finding.range.start);
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
    if let Some(e) = &o.evidence {
        let _ = write!(s, " (confirmed by profile: {})", e.describe(path));
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

#[cfg(test)]
mod tests {
    #[test]
    fn names_are_quoted_as_git_quotes_them() {
        assert_eq!(super::git_quoted(b"a/", b"pkg/x.go"), "a/pkg/x.go");
        assert_eq!(super::git_quoted(b"a/", b"sp ace.go"), "a/sp ace.go");
        assert_eq!(super::git_quoted(b"a/", b"sub\\x.go"), r#""a/sub\\x.go""#);
        assert_eq!(super::git_quoted(b"b/", b"n\nt\t\"q\".go"), r#""b/n\nt\t\"q\".go""#);
        assert_eq!(super::git_quoted(b"a/", "café\x7f.go".as_bytes()), r#""a/caf\303\251\177.go""#);
    }
}
