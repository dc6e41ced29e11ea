//! What the capacity fixes (premature-return, timeout-leak, ncast-leak)
//! share: the edit that sets a `make`'s capacity, the grading of that fix,
//! and how an exit is named in messages.

use crate::syntax::Fast as _;
use tree_sitter::Node;

use super::{Finding, Transform};
use crate::analysis::{Channel, FileFacts};
use crate::fix::{Edit, Fix};
use crate::syntax::kinds as k;

/// A short description of a jump for messages: "`return` on line 12".
pub fn describe(facts: &FileFacts<'_>, jump: Node<'_>) -> String {
    let what = match jump.kind_str() {
        k::RETURN_STATEMENT => "return",
        k::BREAK_STATEMENT => "break",
        k::CONTINUE_STATEMENT => "continue",
        k::GOTO_STATEMENT => "goto",
        // panic(...), t.Fatal(...), runtime.Goexit(), x := mustParse(t, s):
        // name the call.
        _ => crate::analysis::exits::statement_call(jump)
            .and_then(|c| c.field("function"))
            .map_or("panic", |f| facts.text(f)),
    };
    format!("`{what}` on line {}", jump.start_position().row + 1)
}

/// The fix setting the capacity of `make(chan T)` / `make(chan T, 0)` to
/// `capacity`, when it can be written as a minimal edit.
pub fn set_capacity(facts: &FileFacts<'_>, ch: &Channel<'_>, capacity: &str) -> Option<Vec<Edit>> {
    if let Some(c) = ch.capacity {
        return Some(vec![Edit::replacement(c.byte_range(), capacity)]);
    }
    let args = ch.made().field("arguments")?;
    let close = args.child(args.child_count().checked_sub(1)?)?;
    if close.kind_str() != ")" {
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
pub const NOT_LAST: &str =
    "unsafe fix: the goroutine does more after its send, and a buffer would let it run on where it now blocks";

/// A finding that sets the capacity: a safe fix when the senders' sends are
/// their `last` action, an unsafe one (applied only with `--unsafe-fixes`) when
/// the sender would go on to do more.
pub fn capacity_finding(
    t: &dyn Transform,
    facts: &FileFacts<'_>,
    ch: &Channel<'_>,
    last: bool,
    capacity: &str,
    message: String,
) -> Finding {
    let edits = set_capacity(facts, ch, capacity);
    // The sender is the handler of the request the channel travels in.
    let (message, answer) = match ch.handed.as_deref() {
        Some(h) => {
            let send = h.handler.sends[0];
            let line = |n: tree_sitter::Node<'_>| n.start_position().row + 1;
            let message = format!(
                "{message}; the request handed over on line {} is answered on line {}",
                line(h.start.stmt),
                line(send)
            );
            (message, Some(send.start_byte()))
        }
        None => (message, None),
    };
    let with_answer = |f: Finding| match answer {
        Some(at) => f.with_related(at, "the handler answers the request here"),
        None => f,
    };
    let Some(r) = ch.returned else {
        let (fix, message) = if last {
            (edits.map(Fix::safe), message)
        } else {
            (edits.map(Fix::is_unsafe), format!("{message} ({NOT_LAST})"))
        };
        return with_answer(Finding::about(t, ch, message, fix));
    };
    // The fix is in the constructor, for every caller.
    let line = r.make.start_position().row + 1;
    let message = format!("{message}; `{}` makes it on line {line}, where the fix buffers it for every caller", r.by);
    let (fix, message) = match (last, r.recv_only) {
        (true, true) => (edits.map(Fix::safe), message),
        (false, _) => (edits.map(Fix::is_unsafe), format!("{message} ({NOT_LAST})")),
        (true, false) => (edits.map(Fix::is_unsafe), format!("{message} ({NOT_RECV_ONLY})")),
    };
    Finding::about(t, ch, message, fix).with_related(r.make.start_byte(), format!("`{}` makes the channel here", r.by))
}

/// Why a constructor's capacity fix is only graded unsafe.
pub const NOT_RECV_ONLY: &str = "unsafe fix: the constructor returns the channel as a plain `chan`, so callers elsewhere may send on it or close it, and a buffer would change what they see";
