//! Edits by whole lines, for the fixes that insert or delete a statement
//! (a close, a `return`): the new line takes the anchor's indentation and
//! line ending, so the file stays gofmt-clean.

use std::ops::Range;

use tree_sitter::Node;

use crate::fix::Edit;
use crate::syntax::Fast as _;
use crate::syntax::{kinds as k, named_children};

/// A new line `text` after the statement `anchor`, with its indentation and
/// line ending, when the statement starts its line (after blanks) and ends
/// it (a trailing comment allowed).
pub fn line_after(src: &[u8], anchor: Node<'_>, text: &str) -> Option<Edit> {
    let (start, nl) = own_line(src, anchor, true)?;
    let indent = std::str::from_utf8(&src[start..anchor.start_byte()]).ok()?;
    Some(Edit::insertion(nl + 1, format!("{indent}{text}{}", eol(src, nl))))
}

/// A new line `text` before the statement `anchor`, with its indentation
/// and line ending, when the statement starts its line (after blanks).
pub fn line_before(src: &[u8], anchor: Node<'_>, text: &str) -> Option<Edit> {
    let start = indented_start(src, anchor)?;
    let indent = std::str::from_utf8(&src[start..anchor.start_byte()]).ok()?;
    Some(Edit::insertion(start, format!("{indent}{text}{}", eol(src, start.checked_sub(1)?))))
}

/// The start of the line `node` starts on, when only blanks precede it there.
fn indented_start(src: &[u8], node: Node<'_>) -> Option<usize> {
    let start = src[..node.start_byte()].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    src[start..node.start_byte()].iter().all(|b| matches!(b, b' ' | b'\t')).then_some(start)
}

/// The line ending of the line whose `\n` is at `nl`.
fn eol(src: &[u8], nl: usize) -> &'static str {
    if nl > 0 && src[nl - 1] == b'\r' { "\r\n" } else { "\n" }
}

/// The bytes of the line holding only the statement `stmt` (blanks before
/// it, nothing but blanks after it), line end included: what deleting the
/// statement removes.
pub fn whole_line(src: &[u8], stmt: Node<'_>) -> Option<Range<usize>> {
    let (start, nl) = own_line(src, stmt, false)?;
    Some(start..nl + 1)
}

/// The start of the line `node` starts on and the offset of the `\n` ending
/// the line it ends on, when only blanks precede it on its line and only
/// blanks (or, with `comment`, a `//` comment) follow it.
fn own_line(src: &[u8], node: Node<'_>, comment: bool) -> Option<(usize, usize)> {
    let end = node.end_byte();
    let nl = end + memchr::memchr(b'\n', &src[end..])?;
    let rest = std::str::from_utf8(&src[end..nl]).ok()?.trim_end_matches('\r').trim();
    if !(rest.is_empty() || (comment && rest.starts_with("//"))) {
        return None;
    }
    Some((indented_start(src, node)?, nl))
}

/// `defer TEXT` on the line after `anchor` and the line of the statement
/// `old` deleted (moving `old` into a deferred call), when both statements
/// have lines of their own (no trailing comment after `anchor` either).
pub fn moved_into_defer(src: &[u8], anchor: Node<'_>, old: Node<'_>, text: &str) -> Option<Vec<Edit>> {
    whole_line(src, anchor)?;
    let insert = line_after(src, anchor, &format!("defer {text}"))?;
    Some(vec![insert, Edit::replacement(whole_line(src, old)?, "")])
}

/// What follows a statement in its statement list, when the statement may
/// still be the list's last action.
pub enum Tail<'t> {
    Nothing,
    /// One `return` statement.
    Return(Node<'t>),
}

/// What follows the statement `stmt` in the statement list `list`:
/// nothing, or one `return`; `None` for anything else.
pub fn only_return_after<'t>(list: Node<'t>, stmt: Node<'_>) -> Option<Tail<'t>> {
    let after: Vec<_> = named_children(list).into_iter().filter(|s| s.start_byte() >= stmt.end_byte()).collect();
    match after[..] {
        [] => Some(Tail::Nothing),
        [r] if r.kind_str() == k::RETURN_STATEMENT => Some(Tail::Return(r)),
        _ => None,
    }
}

/// Is a `defer` statement in `list` after `stmt`, at any depth (in an
/// `if`, a `switch` case, a loop), outside nested func literals? Moving
/// `stmt` into a deferred call would then run that one first, where it ran
/// after it.
pub fn defer_after(list: Node<'_>, stmt: Node<'_>) -> bool {
    defer_in(list, stmt.end_byte() + 1..usize::MAX)
}

/// Is there a `defer` in `list` (not in a nested func literal) starting in
/// `within` (byte offsets)?
pub fn defer_in(list: Node<'_>, within: std::ops::Range<usize>) -> bool {
    let mut found = false;
    crate::syntax::walk_preorder(list, |n| {
        found |= n.kind_str() == k::DEFER_STATEMENT && within.contains(&n.start_byte());
        !found && n.kind_str() != k::FUNC_LITERAL
    });
    found
}
