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
        let delta = capacity.len().cast_signed() - c.byte_range().len().cast_signed();
        let mut edits = vec![Edit::replacement(c.byte_range(), capacity)];
        edits.extend(keep_comment_column(facts.src, c.end_byte(), delta)?);
        return Some(edits);
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
    let insert = format!(", {capacity}");
    let mut edits = vec![Edit::insertion(close.start_byte(), insert.as_str())];
    edits.extend(keep_comment_column(facts.src, close.end_byte(), insert.len().cast_signed())?);
    Some(edits)
}

/// An edit that makes the line holding byte `at` longer by `delta` bytes
/// keeps a trailing `// comment` where gofmt aligned it: the spaces before
/// the comment shrink (or grow) by `delta` (no edit: nothing to keep);
/// `None` when it cannot be kept, the comment being aligned with its
/// neighbours' on a line too full to shrink (gofmt would move them all).
fn keep_comment_column(src: &[u8], at: usize, delta: isize) -> Option<Vec<Edit>> {
    let end = memchr::memchr(b'\n', &src[at..]).map_or(src.len(), |i| at + i);
    let rest = &src[at..end];
    let Some(c) = memchr::memmem::find(rest, b"//") else { return Some(Vec::new()) };
    // A `//` after a string or a block comment may be inside it: left alone.
    if rest[..c].iter().any(|b| matches!(b, b'"' | b'`' | b'\'' | b'*')) {
        return Some(Vec::new());
    }
    let comment = at + c;
    let spaces = rest[..c].iter().rev().take_while(|b| **b == b' ').count();
    if spaces == 0 || rest[..c].ends_with(b"\t") {
        return None;
    }
    let pad = comment - spaces;
    match delta.cmp(&0) {
        std::cmp::Ordering::Less => Some(vec![Edit::insertion(comment, " ".repeat(delta.unsigned_abs()))]),
        std::cmp::Ordering::Equal => Some(Vec::new()),
        std::cmp::Ordering::Greater if spaces > delta.unsigned_abs() => {
            Some(vec![Edit::replacement(pad..pad + delta.unsigned_abs(), "")])
        }
        // One space: the longest line of its block. Alone, it stays one.
        std::cmp::Ordering::Greater => (!neighbour_has_comment(src, at)).then(Vec::new),
    }
}

/// Does the line before or after the one holding `at` end with a `//`
/// comment after code (one gofmt aligns with this line's)?
fn neighbour_has_comment(src: &[u8], at: usize) -> bool {
    let start = src[..at].iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    let end = memchr::memchr(b'\n', &src[at..]).map_or(src.len(), |i| at + i);
    let trailing = |line: &[u8]| {
        memchr::memmem::find(line, b"//").is_some_and(|c| line[..c].iter().any(|b| !b.is_ascii_whitespace()))
    };
    let prev = start.checked_sub(1).map(|e| {
        let s = src[..e].iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        &src[s..e]
    });
    let next = (end < src.len()).then(|| {
        let e = memchr::memchr(b'\n', &src[end + 1..]).map_or(src.len(), |i| end + 1 + i);
        &src[end + 1..e]
    });
    prev.is_some_and(trailing) || next.is_some_and(trailing)
}

/// Why a capacity fix is only graded unsafe although the leak is real.
pub const NOT_LAST: &str =
    "unsafe fix: the goroutine does more after its send, and a buffer would let it run on where it now blocks";

/// Why a capacity fix is graded unsafe when a wrapper counting the
/// goroutine on a `WaitGroup` starts it.
const WRAPPER_DONE: &str = "unsafe fix: the wrapper starting the goroutine marks it done on a WaitGroup after the send, where it now blocks; a buffer lets that `Done` run, and a `Wait` on the WaitGroup elsewhere may then return";

/// Why a capacity fix is graded unsafe when the function measures the
/// channel.
const MEASURED: &str = "unsafe fix: the function, or one its goroutines run, reads `len` or `cap` of the channel, which the buffer changes";

/// Does the channel's function call `len` or `cap` on it (`if len(c) ==
/// 0`), or a function or method its goroutines run on a channel parameter
/// (`go upload(s, c)` printing `len(c)`)? A buffer changes what they
/// return. By name: a shadowing name counts too.
fn measured(pkg: &crate::analysis::Package<'_>, ch: &Channel<'_>) -> bool {
    use crate::syntax::Fast as _;
    use crate::syntax::Up as _;
    use crate::syntax::kinds as k;
    let measures = |facts: &FileFacts<'_>, root: tree_sitter::Node<'_>, name: &str| {
        crate::syntax::token_nodes(root, facts.src, name.as_bytes()).into_iter().any(|n| {
            n.up()
                .filter(|a| a.kind_str() == k::ARGUMENT_LIST)
                .and_then(|a| a.up())
                .and_then(|c| c.field("function"))
                .is_some_and(|f| matches!(facts.text(f), "len" | "cap"))
        })
    };
    if measures(pkg.own(), ch.func, ch.name) {
        return true;
    }
    ch.starts.iter().any(|s| {
        let decl = s.func.value;
        if !matches!(decl.kind_str(), k::FUNCTION_DECLARATION | k::METHOD_DECLARATION) {
            return false;
        }
        let facts = pkg.file(s.func.file);
        let params = decl.field("parameters").map(crate::syntax::named_children).unwrap_or_default();
        params
            .iter()
            .filter(|p| p.field("type").is_some_and(|t| t.kind_str() == k::CHANNEL_TYPE))
            .flat_map(|p| crate::syntax::named_children(*p))
            .filter(|n| n.kind_str() == k::IDENTIFIER)
            .any(|n| decl.field("body").is_some_and(|b| measures(facts, b, facts.text(n))))
    })
}

/// A finding that sets the capacity: a safe fix when the senders' sends are
/// their `last` action, an unsafe one (applied only with `--unsafe-fixes`) when
/// the sender would go on to do more, or the function measures the channel;
/// none when the sender is `gated`, blocking first on what nothing releases.
pub fn capacity_finding<'t>(
    t: &dyn Transform,
    pkg: &crate::analysis::Package<'t>,
    ch: &Channel<'t>,
    (last, gated): (bool, Option<tree_sitter::Node<'_>>),
    capacity: &str,
    message: String,
) -> Finding {
    let facts = pkg.own();
    // The sender may block for good before its send, where a buffer does
    // not free it.
    if let Some(gate) = gated {
        let message = format!(
            "{message} (no fix: the goroutine may first block for good on line {}, where a buffer would not free it)",
            gate.start_position().row + 1
        );
        return Finding::about(t, ch, message, None);
    }
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
        let (fix, message) = if measured(pkg, ch) {
            (edits.map(Fix::is_unsafe), format!("{message} ({MEASURED})"))
        } else if last {
            (edits.map(Fix::safe), message)
        } else if ch.starts.iter().any(|s| !crate::analysis::starts::counted_done_is_quiet(pkg, s)) {
            (edits.map(Fix::is_unsafe), format!("{message} ({WRAPPER_DONE})"))
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

#[cfg(test)]
mod tests {
    use super::keep_comment_column;

    /// The line after inserting 3 bytes at `at`'s `)`, with the padding edit applied.
    fn after(src: &str, delta: isize) -> Option<String> {
        let at = src.find(')').unwrap() + 1;
        let mut out = src.to_owned();
        for e in keep_comment_column(src.as_bytes(), at, delta)? {
            out.replace_range(e.range.clone(), &e.content);
        }
        Some(out)
    }

    #[test]
    fn a_trailing_comment_keeps_its_column_or_the_fix_is_refused() {
        // Room to shrink: the padding loses what the edit adds.
        assert_eq!(
            after("a: f(x),      // c\nbb: g(yyyyy), // d\n", 3).as_deref(),
            Some("a: f(x),   // c\nbb: g(yyyyy), // d\n")
        );
        // The longest line of an aligned block: gofmt would move them all.
        assert_eq!(after("bb: g(x), // c\na: f(y),  // d\n", 3), None);
        // Alone, one space stays one space; no comment, nothing to keep.
        assert_eq!(after("x := f(y) // c\n\nz := 1\n", 3).as_deref(), Some("x := f(y) // c\n\nz := 1\n"));
        assert_eq!(after("x := f(y)\n", 3).as_deref(), Some("x := f(y)\n"));
        // Shorter: the padding grows.
        assert_eq!(after("a: f(xy), // c\n", -2).as_deref(), Some("a: f(xy),   // c\n"));
    }
}
