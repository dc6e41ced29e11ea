//! Run the selected transforms over every channel of a file: one finding
//! per channel at most (the first transform of [`super::ALL`] that claims it),
//! `//leakfix:ignore` comments honoured, findings in source order.

use crate::syntax::Fast as _;
use tree_sitter::Node;

use super::{Context, Finding, Transform};
use crate::analysis::relevance::GoroutineUse;
use crate::analysis::{FileFacts, channels};

/// Run the selected transforms over every channel of a parsed file (of the
/// declarations starting `checked` ranges only, when given). Parts that
/// cannot be analysed (syntax errors, extreme nesting) are skipped with a
/// note for the user in `notes`.
#[must_use]
pub fn check_file(
    cx: &Context<'_, '_>,
    selected: &[&dyn Transform],
    notes: &mut Vec<crate::engine::Note>,
    checked: Option<&[std::ops::Range<usize>]>,
) -> Vec<Finding> {
    let facts = cx.facts;
    let mut out = Vec::new();
    // `checked` is sorted: the range that may hold a declaration is the
    // last one starting at or before it.
    let is_checked = |at: usize| {
        checked.is_none_or(|c| {
            c.get(c.partition_point(|r| r.start <= at).wrapping_sub(1)).is_some_and(|r| r.contains(&at))
        })
    };
    for &decl in facts.decls() {
        if crate::syntax::deadline::expired() {
            break; // the caller reports the file as timed out
        }
        if !is_checked(decl.start_byte()) {
            continue;
        }
        // Parents are indexed a declaration at a time (the index stays
        // small). SAFETY: every tree the check sees is alive until it
        // returns, and none is freed meanwhile: the package holds the
        // file's trees and the sibling trees it parses on demand, and
        // nothing in a declaration's check parses a tree of its own.
        let _parents = unsafe { crate::syntax::parents::indexing() };
        // Transforms about a declaration as a whole.
        let ignored_decl = suppressed(facts, decl);
        for t in selected.iter().filter(|t| t.needs() == GoroutineUse::MethodStart) {
            if ignored_decl.as_ref().is_some_and(|ids| ids.is_empty() || ids.iter().any(|i| i == t.id())) {
                continue;
            }
            for mut f in t.check_decl(cx, decl) {
                f.function = decl_name(facts, decl);
                out.push(f);
            }
        }
        let text = &facts.src[decl.byte_range()];
        let nil = selected.iter().any(|t| t.needs() == GoroutineUse::NilChannel) && crate::syntax::has_var_chan(text);
        // Channels a constructor of the file returns here, for the
        // transforms that read them.
        let reads_remote = selected.iter().any(|t| t.reads_remote_senders());
        let returned = if reads_remote { channels::returned_in(cx.pkg, decl) } else { Vec::new() };
        if !crate::syntax::has_make_chan(text) && !nil && returned.is_empty() {
            continue;
        }
        if facts.scopes_for(decl).is_some_and(|(_, s)| s.too_deep) {
            notes.push(decl_note(facts, decl, false, "is nested too deeply to analyse; skipped"));
            continue;
        }
        let mut broken = false;
        // Made channels go to the transforms that read them; channel
        // variables declared without a value only to those that read those.
        let nil_channels = if nil { channels::nil_channels_in(cx.pkg, decl) } else { Vec::new() };
        let made = channels::channels_in(cx.pkg, decl);
        let sources = made.iter().chain(&returned).map(|c| (c, false)).chain(nil_channels.iter().map(|c| (c, true)));
        for (ch, is_nil) in sources {
            if crate::syntax::deadline::expired() {
                break;
            }
            if ch.func.has_error() {
                broken = true;
                continue;
            }
            let ignored = suppressed(facts, ch.make);
            let reads = |t: &&&dyn Transform| {
                (t.needs() == GoroutineUse::NilChannel) == is_nil && (!ch.remote_sender() || t.reads_remote_senders())
            };
            for t in selected.iter().filter(reads) {
                if ignored.as_ref().is_some_and(|ids| ids.is_empty() || ids.iter().any(|i| i == t.id())) {
                    continue;
                }
                if let Some(mut f) = t.check(cx, ch) {
                    f.function = decl_name(facts, decl);
                    out.push(f);
                    break;
                }
            }
        }
        if broken {
            let what = "has a syntax error (as tree-sitter-go reads it); its channels are not analysed";
            notes.push(decl_note(facts, decl, true, what));
        }
    }
    // Code tree-sitter could not read as declarations at all (an unclosed
    // brace swallows what follows) is named too, once, where it may hide a
    // leak.
    // (An ERROR node may be an "extra" to tree-sitter, so not through
    // `named_children`.)
    let unread = facts.roots().flat_map(top_nodes).find(|n| {
        (n.is_error() || (n.has_error() && !facts.decls().contains(n)))
            && is_checked(n.start_byte())
            && crate::syntax::has_make_chan(&facts.src[n.byte_range()])
    });
    if let Some(n) = unread {
        notes.push(crate::engine::Note::syntax_error(
            n.start_byte(),
            format!(
                "syntax error on line {} (as tree-sitter-go reads it): lines {} to {} are not analysed",
                first_error_line(n),
                n.start_position().row + 1,
                n.end_position().row + 1
            ),
        ));
    }
    out.sort_by_key(|f| (f.range.start, f.transform));
    out
}

/// A note that the declaration `decl` (named, with its line) `what`.
fn decl_note<'t>(facts: &FileFacts<'t>, decl: Node<'t>, syntax_error: bool, what: &str) -> crate::engine::Note {
    let message = format!("`{}` on line {} {what}", decl_name(facts, decl), decl.start_position().row + 1);
    if syntax_error {
        crate::engine::Note::syntax_error(decl.start_byte(), message)
    } else {
        crate::engine::Note::at(decl.start_byte(), message)
    }
}

/// Every named child of a root, ERROR nodes that tree-sitter marks as
/// extras included.
fn top_nodes(root: Node<'_>) -> Vec<Node<'_>> {
    let mut cursor = root.walk();
    root.named_children(&mut cursor).collect()
}

/// The line of the first error or missing node in `n`.
fn first_error_line(n: Node<'_>) -> usize {
    let mut line = n.start_position().row + 1;
    let mut found = false;
    crate::syntax::walk_preorder(n, |x| {
        if !found && (x.is_missing() || (x.is_error() && x.id() != n.id())) {
            line = x.start_position().row + 1;
            found = true;
        }
        !found && x.has_error()
    });
    line
}

/// `name`, or `Type.name` for a method.
/// A top-level declaration's name as findings show it: `f`, or `T.m` for a method.
#[must_use]
pub fn decl_name<'t>(facts: &FileFacts<'t>, decl: Node<'t>) -> String {
    let name = decl.field("name").map_or("", |n| facts.text(n));
    let recv = facts.receiver_type(decl);
    recv.map_or_else(|| name.to_owned(), |r| format!("{r}.{name}"))
}

/// `//leakfix:ignore [ids]` on the make's line or the line above: the ids
/// named (empty = all).
#[must_use]
pub fn suppressed(facts: &FileFacts<'_>, make: Node<'_>) -> Option<Vec<String>> {
    let src = facts.src;
    let line_start = src[..make.start_byte()].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let prev_start =
        if line_start == 0 { 0 } else { src[..line_start - 1].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1) };
    let line_end = memchr::memchr(b'\n', &src[make.start_byte()..]).map_or(src.len(), |i| make.start_byte() + i);
    let region = std::str::from_utf8(&src[prev_start..line_end]).ok()?;
    let at = region.find("//leakfix:ignore")?;
    let rest = &region[at + "//leakfix:ignore".len()..];
    let rest = rest.lines().next().unwrap_or("");
    if !(rest.is_empty() || rest.starts_with([' ', '\t', ','])) {
        return None;
    }
    Some(rest.split(|c: char| c == ',' || c.is_whitespace()).filter(|s| !s.is_empty()).map(str::to_owned).collect())
}
