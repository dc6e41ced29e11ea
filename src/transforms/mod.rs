//! The transforms: one pure function per leak pattern over the shared
//! channel facts. Adding one is a file here, a line in [`ALL`] and a folder
//! under `transforms/<id>/` (docs and fixtures); tests fail if one is missing.

mod ncast_leak;
mod premature_return;
mod timeout_leak;
mod unclosed_range;

use std::ops::Range;

use serde::Serialize;
use tree_sitter::Node;

use crate::analysis::{Channel, FileFacts, OpKind, Package, Place, channels, flow};
use crate::fix::{Edit, Fix};
use crate::syntax::Named as _;
use crate::syntax::{ancestors, contains, kinds as k};

/// A leak found in a file, with the fix when one is safe to make.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub transform: &'static str,
    /// Byte range of the `make` call the finding is about.
    pub range: Range<usize>,
    /// The channel variable.
    pub channel: String,
    /// The top-level function or method (`Type.Method`) holding the make.
    pub function: String,
    pub message: String,
    pub fix: Option<Fix>,
}

impl Finding {
    /// A finding of transform `t` about channel `ch` (the function is filled
    /// in by [`check_file`]).
    #[must_use]
    pub fn about(t: &dyn Transform, ch: &Channel<'_>, message: String, fix: Option<Fix>) -> Self {
        Finding {
            transform: t.id(),
            range: ch.make.byte_range(),
            channel: ch.name.to_owned(),
            function: String::new(),
            message,
            fix,
        }
    }
}

/// What every transform sees: the package, and the facts of the file
/// being checked.
pub struct Context<'a, 't> {
    pub pkg: &'a Package<'t>,
    pub facts: &'a FileFacts<'t>,
}

impl<'a, 't> Context<'a, 't> {
    #[must_use]
    pub fn new(pkg: &'a Package<'t>) -> Self {
        Context { pkg, facts: pkg.own() }
    }

    /// The go.mod language version, if there is a go.mod.
    #[must_use]
    pub fn go_version(&self) -> Option<(u32, u32)> {
        self.pkg.go_version()
    }
}

pub trait Transform: Sync {
    fn id(&self) -> &'static str;
    fn summary(&self) -> &'static str;
    /// The user docs, `transforms/<id>/README.md` (shown by `leakfix explain`).
    fn docs(&self) -> &'static str;
    /// Inspect one channel; at most one finding per channel and transform.
    fn check<'t>(&self, cx: &Context<'_, 't>, ch: &Channel<'t>) -> Option<Finding>;
}

/// Every transform, in the order their findings are preferred when two
/// claim the same channel.
pub static ALL: &[&dyn Transform] = &[
    &premature_return::PrematureReturn,
    &timeout_leak::TimeoutLeak,
    &ncast_leak::NcastLeak,
    &unclosed_range::UnclosedRange,
];

#[must_use]
pub fn by_id(id: &str) -> Option<&'static dyn Transform> {
    ALL.iter().copied().find(|t| t.id() == id)
}

/// Run the selected transforms over every channel of a parsed file. Parts
/// that cannot be analysed (syntax errors, extreme nesting) are skipped with
/// a note for the user in `notes`.
#[must_use]
pub fn check_file(cx: &Context<'_, '_>, selected: &[&dyn Transform], notes: &mut Vec<String>) -> Vec<Finding> {
    let facts = cx.facts;
    let mut out = Vec::new();
    for &decl in facts.decls() {
        if !crate::syntax::has_make_chan(&facts.src[decl.byte_range()]) {
            continue;
        }
        if facts.scopes_for(decl).is_some_and(|(_, s)| s.too_deep) {
            notes.push(format!(
                "`{}` on line {} is nested too deeply to analyse; skipped",
                decl_name(facts, decl),
                decl.start_position().row + 1
            ));
            continue;
        }
        let mut broken = false;
        for ch in channels::channels_in(cx.pkg, decl) {
            if ch.func.has_error() {
                broken = true;
                continue;
            }
            let ignored = suppressed(facts, ch.make);
            for t in selected {
                if ignored.as_ref().is_some_and(|ids| ids.is_empty() || ids.iter().any(|i| i == t.id())) {
                    continue;
                }
                if let Some(mut f) = t.check(cx, &ch) {
                    f.function = decl_name(facts, decl);
                    out.push(f);
                    break;
                }
            }
        }
        if broken {
            notes.push(format!(
                "`{}` on line {} has a syntax error (as tree-sitter-go reads it); its channels are not analysed",
                decl_name(facts, decl),
                decl.start_position().row + 1
            ));
        }
    }
    out.sort_by_key(|f| (f.range.start, f.transform));
    out
}

/// `name`, or `Type.name` for a method.
fn decl_name<'t>(facts: &FileFacts<'t>, decl: Node<'t>) -> String {
    let name = decl.child_by_field_name("name").map_or("", |n| facts.text(n));
    let recv = decl
        .child_by_field_name("receiver")
        .and_then(|r| r.named(0))
        .and_then(|p| p.child_by_field_name("type"))
        .and_then(|t| crate::analysis::starts::type_name(facts, t));
    recv.map_or_else(|| name.to_owned(), |r| format!("{r}.{name}"))
}

/// `//leakfix:ignore [ids]` on the make's line or the line above: the ids
/// named (empty = all).
fn suppressed(facts: &FileFacts<'_>, make: Node<'_>) -> Option<Vec<String>> {
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

// ---- helpers shared by the transforms -------------------------------------

/// Why a channel's single sending goroutine is (or is not) the pattern the
/// capacity fixes handle.
pub(crate) struct SoleSender<'t> {
    /// The goroutine sends on every path that ends normally (not only "at most once").
    pub every_path: bool,
    /// Every send is the goroutine's last action, so a buffer only unblocks it.
    pub last: bool,
    pub go: Node<'t>,
}

/// The one goroutine sending on `ch`, provided it sends at most once on
/// every path, unguarded, and nothing else sends, closes or ranges.
pub(crate) fn sole_sender<'t>(pkg: &Package<'t>, ch: &Channel<'t>) -> Option<SoleSender<'t>> {
    if ch.escape.is_some() || ch.ops_of(OpKind::Range).next().is_some() {
        return None;
    }
    let senders = ch.sender_goroutines();
    let [index] = senders.as_slice() else { return None };
    // The sender may close after its send (buffered values are still
    // delivered before the close is seen); anyone else closing is not this pattern.
    if ch.ops_of(OpKind::Close).any(|o| o.place != Place::Goroutine(*index)) {
        return None;
    }
    let sends: Vec<_> = ch.ops_of(OpKind::Send).map(|o| o.node).collect();
    if ch.ops_of(OpKind::Send).any(|o| o.place != Place::Goroutine(*index)) {
        return None;
    }
    // A send that is itself a select case with an alternative is guarded.
    if sends.iter().any(|s| select_of(*s).is_some_and(|sel| case_count(sel) > 1)) {
        return None;
    }
    let g = ch.starts[*index];
    let body = g.body()?;
    let src = pkg.file(g.file()).src;
    let n = flow::max_sends(body, src, &|x| sends.iter().any(|s| s.id() == x.id()));
    // Receiving in the sender itself, or in another goroutine, is not this pattern.
    if ch.ops_of(OpKind::Recv).any(|o| matches!(o.place, Place::Goroutine(_))) {
        return None;
    }
    let every_path = flow::min_sends(body, src, &|x| sends.iter().any(|s| s.id() == x.id())) == 1;
    let last = sends.iter().all(|s| flow::is_last_action(*s, body, src));
    (n == 1).then_some(SoleSender { go: g.stmt, every_path, last })
}

/// The select statement whose case communication is (or contains) `op`.
pub(crate) fn select_of(op: Node<'_>) -> Option<Node<'_>> {
    let case = ancestors(op).find(|a| a.kind() == k::COMMUNICATION_CASE)?;
    let comm = case.child_by_field_name("communication")?;
    if !contains(comm, op) {
        return None;
    }
    case.parent()
}

/// Number of cases (communication and default) of a select.
pub(crate) fn case_count(select: Node<'_>) -> usize {
    let mut c = select.walk();

    select.named_children(&mut c).filter(|n| n.kind() == k::COMMUNICATION_CASE || n.kind() == k::DEFAULT_CASE).count()
}

/// Loops enclosing `node` in the channel's function that do not also
/// enclose the make (so they repeat `node` for one channel).
pub(crate) fn loops_after_make<'t>(ch: &Channel<'t>, node: Node<'t>) -> Vec<Node<'t>> {
    flow::loops_between(node, ch.func).filter(|l| !contains(*l, ch.make)).collect()
}

/// Jumps in the channel's function after `from` that leave the block the
/// channel lives in (or jump past a receive) before any receive from it has
/// certainly happened.
///
/// A receive inside a loop counts as happening where its outermost loop
/// (after the make) starts only when `whole_loops` is set (ncast: the
/// receiving loop as a whole is what must be reached).
pub(crate) fn exits_after<'t>(
    facts: &FileFacts<'_>,
    ch: &Channel<'t>,
    from: Node<'t>,
    whole_loops: bool,
) -> Vec<Node<'t>> {
    let Some(body) = ch.func.child_by_field_name("body") else { return Vec::new() };
    let region = ch.stmt.parent().unwrap_or(body);
    let recvs: Vec<_> = ch
        .ops_of(OpKind::Recv)
        .map(|o| if whole_loops { loops_after_make(ch, o.node).last().copied().unwrap_or(o.node) } else { o.node })
        .collect();
    let first_recv = recvs.iter().map(|r| r.start_byte()).min().unwrap_or(usize::MAX);
    flow::jumps(body, facts.src)
        .into_iter()
        .filter(|j| j.start_byte() >= from.end_byte() && contains(region, *j))
        // With whole loops, jumps inside a receiving loop are the loop's business.
        .filter(|j| !whole_loops || !recvs.iter().any(|r| contains(*r, *j)))
        .filter(|j| {
            if j.kind() == k::GOTO_STATEMENT {
                return flow::jump_target(*j, facts.src).is_none_or(|t| {
                    !contains(region, t) || t.start_byte() > first_recv || t.start_byte() < from.start_byte()
                });
            }
            flow::leaves(*j, region, facts.src)
        })
        .filter(|j| !flow::exclusive(*j, from))
        .filter(|j| !recvs.iter().any(|r| contains(*j, *r)) && !flow::always_before(&recvs, *j))
        .filter(|j| {
            // A jump inside the case that received the value is after receiving.
            !ancestors(*j).filter(|a| a.kind() == k::COMMUNICATION_CASE).any(|case| {
                case.child_by_field_name("communication").is_some_and(|c| recvs.iter().any(|r| contains(c, *r)))
            })
        })
        .collect()
}

/// A short description of a jump for messages: "`return` on line 12".
pub(crate) fn describe(facts: &FileFacts<'_>, jump: Node<'_>) -> String {
    let what = match jump.kind() {
        k::RETURN_STATEMENT => "return",
        k::BREAK_STATEMENT => "break",
        k::CONTINUE_STATEMENT => "continue",
        k::GOTO_STATEMENT => "goto",
        // panic(...), t.Fatal(...), runtime.Goexit(): name the call.
        _ => jump.named(0).and_then(|c| c.child_by_field_name("function")).map_or("panic", |f| facts.text(f)),
    };
    format!("`{what}` on line {}", jump.start_position().row + 1)
}

/// The fix setting the capacity of `make(chan T)` / `make(chan T, 0)` to
/// `capacity`, when it can be written as a minimal edit.
pub(crate) fn set_capacity(facts: &FileFacts<'_>, ch: &Channel<'_>, capacity: &str) -> Option<Vec<Edit>> {
    if let Some(c) = ch.capacity {
        return Some(vec![Edit::replacement(c.byte_range(), capacity)]);
    }
    let args = ch.make.child_by_field_name("arguments")?;
    let close = args.child(args.child_count().checked_sub(1)?)?;
    if close.kind() != ")" {
        return None;
    }
    let before = facts.src[..close.start_byte()].last()?;
    if matches!(before, b',' | b'\n' | b' ' | b'\t' | b'\r') || close.start_position().row != args.start_position().row
    {
        return None;
    }
    Some(vec![Edit::insertion(close.start_byte(), format!(", {capacity}"))])
}

/// Why a capacity fix is only graded unsafe although the leak is real.
pub(crate) const NOT_LAST: &str =
    "unsafe fix: the goroutine does more after its send, and a buffer would let it run on where it now blocks";

/// A finding that sets the capacity: a safe fix when the sender's send is
/// its last action, an unsafe one (applied only with `--unsafe-fixes`) when
/// the sender would go on to do more.
pub(crate) fn capacity_finding(
    t: &dyn Transform,
    facts: &FileFacts<'_>,
    ch: &Channel<'_>,
    sender: &SoleSender<'_>,
    capacity: &str,
    message: String,
) -> Finding {
    let edits = set_capacity(facts, ch, capacity);
    let (fix, message) = if sender.last {
        (edits.map(Fix::safe), message)
    } else {
        (edits.map(Fix::is_unsafe), format!("{message} ({NOT_LAST})"))
    };
    Finding::about(t, ch, message, fix)
}
