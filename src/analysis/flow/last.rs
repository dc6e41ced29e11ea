//! Whether a send is the last thing its goroutine does, so that buffering
//! its channel cannot let anything run where it used to block.

use crate::syntax::Fast as _;
use crate::syntax::Up as _;
use tree_sitter::Node;

use crate::syntax::{kinds as k, named_children, walk_preorder};

/// Is `send` the last thing its goroutine does on its path (within `body`)?
/// Only `return` without calls, `break` and empty statements may follow
/// (a `close` only when the caller knows whose channel it closes). Buffering a channel lets a sender run on past its send, so
/// anything more after it would start running where it used to block.
#[must_use]
pub fn is_last_action(send: Node<'_>, body: Node<'_>) -> bool {
    is_last_action_with(send, body, &|_| false)
}

/// [`is_last_action`], with `also_quiet` naming more statements that can
/// neither block nor be seen by the parent (the caller knows the types and
/// the channels: `wg.Done()` on a `sync.WaitGroup`, the close of a channel
/// only this goroutine closes).
#[must_use]
pub fn is_last_action_with<'t>(send: Node<'t>, body: Node<'t>, also_quiet: &dyn Fn(Node<'t>) -> bool) -> bool {
    let quiet = |s: Node<'t>| quiet(s) || also_quiet(s);
    let mut cur = send;
    while cur.id() != body.id() {
        let Some(parent) = cur.up() else { return false };
        let rest: Vec<Node> = match parent.kind_str() {
            k::STATEMENT_LIST => {
                named_children(parent).into_iter().filter(|s| s.start_byte() >= cur.end_byte()).collect()
            }
            k::COMMUNICATION_CASE => named_children(parent)
                .into_iter()
                .filter(|s| s.kind_str() == k::STATEMENT_LIST && s.start_byte() >= cur.end_byte())
                .flat_map(named_children)
                .collect(),
            k::FOR_STATEMENT => return false,
            k::IF_STATEMENT if parent.field("condition").is_some_and(|c| c.id() == cur.id()) => {
                return false;
            }
            // A func literal deferred by the goroutine runs as it exits.
            k::FUNC_LITERAL => return crate::analysis::starts::deferred_by(parent).is_some(),
            _ => Vec::new(),
        };
        for s in rest {
            match s.kind_str() {
                // The path ends here (a return, after which the calls
                // deferred before the send run), or leaves this list (break).
                k::RETURN_STATEMENT if quiet(s) => return deferred_before(send, body).into_iter().all(also_quiet),
                k::BREAK_STATEMENT => break,
                _ if quiet(s) => {}
                _ => return false,
            }
        }
        cur = parent;
    }
    // Calls deferred before the send run after it, as the goroutine ends.
    deferred_before(send, body).into_iter().all(also_quiet)
}

/// The `defer` statements of `body` (not in nested func literals) written
/// before `send`.
fn deferred_before<'t>(send: Node<'t>, body: Node<'t>) -> Vec<Node<'t>> {
    let mut out = Vec::new();
    walk_preorder(body, |n| {
        if n.start_byte() >= send.start_byte() {
            return false;
        }
        if n.kind_str() == k::DEFER_STATEMENT {
            out.push(n);
        }
        n.kind_str() != k::FUNC_LITERAL || n.id() == body.id()
    });
    out
}

fn quiet(stmt: Node<'_>) -> bool {
    match stmt.kind_str() {
        k::COMMENT | k::EMPTY_STATEMENT | k::BREAK_STATEMENT => true,
        k::RETURN_STATEMENT => {
            let mut calls = false;
            walk_preorder(stmt, |n| {
                calls |= n.kind_str() == k::CALL_EXPRESSION || n.kind_str() == k::FUNC_LITERAL;
                !calls
            });
            !calls
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{all, body, in_func, parse};
    use super::*;

    /// Is the first send in `stmts`, the body of a function, its last action?
    fn last(stmts: &str) -> bool {
        let src = in_func(stmts);
        let tree = parse(&src);
        is_last_action(all(&tree, k::SEND_STATEMENT)[0], body(&tree))
    }

    #[test]
    fn only_quiet_statements_may_follow() {
        assert!(last("c <- 1"));
        assert!(last("c <- 1\nreturn"));
        assert!(last("c <- 1\n// done\nreturn"));
        assert!(last("if x {\n\tc <- 1\n}\n;"));
        // Whose channel a close closes is the caller's to say.
        assert!(!last("c <- 1\nclose(d)"));
        assert!(!last("c <- 1\nprintln()"));
        assert!(!last("c <- 1\nreturn f()"));
        assert!(!last("if x {\n\tc <- 1\n}\nprintln()"));
    }

    #[test]
    fn loops_selects_and_closures() {
        assert!(!last("for x {\n\tc <- 1\n}"));
        assert!(!last("for x {\n\tc <- 1\n\tbreak\n}"));
        assert!(last("select {\ncase c <- 1:\n\treturn\ncase <-d:\n}\nprintln()"));
        assert!(!last("select {\ncase c <- 1:\ncase <-d:\n}\nprintln()"));
        // A deferred closure runs as the goroutine exits; a started one does not.
        assert!(last("defer func() {\n\tc <- 1\n}()\nprintln()"));
        // Calls deferred before the send run after it: more work, unless
        // the caller knows them quiet (`wg.Done()`).
        assert!(!last("defer println()\nc <- 1"));
        assert!(!last("if x {\n\tdefer println()\n}\nc <- 1"));
        assert!(!last("go func() {\n\tc <- 1\n}()"));
    }
}
