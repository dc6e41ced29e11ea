use crate::syntax::Fast as _;
use crate::syntax::Up as _;
use tree_sitter::Node;

use super::capacity::describe;
use super::{Context, Finding, Transform};
use crate::analysis::relevance::GoroutineUse;
use crate::analysis::selects::select_of;
use crate::analysis::{Channel, FileFacts, OpKind, Place, flow};
use crate::fix::{Edit, Fix};
use crate::syntax::{contains, kinds as k};

/// A goroutine waits for a close that the parent makes only at the end of
/// its normal path; an early exit skips it.
pub struct SkippedClose;

impl Transform for SkippedClose {
    fn id(&self) -> &'static str {
        "skipped-close"
    }

    fn summary(&self) -> &'static str {
        "a goroutine waits for a close that an early return, t.Fatal or panic skips"
    }

    fn needs(&self) -> GoroutineUse {
        GoroutineUse::WaitClose
    }

    fn docs(&self) -> &'static str {
        include_str!("../../transforms/skipped-close/README.md")
    }

    fn check<'t>(&self, cx: &Context<'_, 't>, ch: &Channel<'t>) -> Option<Finding> {
        let facts = cx.facts;
        if ch.escape.is_some() || ch.recv_only {
            return None;
        }
        // The parent is the only closer, once, as the last thing its body does.
        let closes: Vec<_> = ch.ops_of(OpKind::Close).collect();
        let [close] = closes[..] else { return None };
        let stmt = close.node.up().filter(|s| s.kind_str() == k::EXPRESSION_STATEMENT)?;
        let body = ch.func.field("body")?;
        let list = ch.stmt.up()?;
        if close.place != Place::Parent || list.up().is_none_or(|b| b.id() != body.id()) {
            return None;
        }
        if stmt.up().is_none_or(|p| p.id() != list.id()) {
            return None;
        }
        let last = ends_body(facts, list, stmt);
        // Nobody else may send (a close under a sender panics it).
        if ch.ops_of(OpKind::Send).any(|o| o.place != Place::Parent) {
            return None;
        }
        // A goroutine waits for the close: `<-c` on its own, a range, or a
        // `for { select { ... } }` whose only way out is receiving from `c`.
        let waiter = ch.ops.iter().find(|o| {
            let Place::Goroutine(g) = o.place else { return false };
            match o.kind {
                OpKind::Range => o.node.kind_str() == k::FOR_STATEMENT,
                OpKind::Recv => plain_receive(o.node) || lone_case(o.node) || only_way_out(cx, ch, g, o.node),
                _ => false,
            }
        })?;
        let Place::Goroutine(g) = waiter.place else { return None };
        let start = ch.starts[g];
        if ch.ops.iter().any(|o| o.kind == OpKind::Recv && o.place == Place::Parent) {
            return None;
        }
        // Deferred calls registered after the make would run before a
        // deferred close, where they used to run after the close (a
        // deferred wait for the goroutine would deadlock); and on the exit
        // they may release the goroutine before it waits (`defer
        // lis.Close()` ending its `Accept`): no finding.
        if super::lines::defer_after(list, ch.stmt) {
            return None;
        }
        let window = start.stmt.end_byte()..stmt.start_byte().max(start.stmt.end_byte());
        let exit = crate::analysis::exits::exits_within(cx.pkg, body, window).into_iter().find(|j| {
            j.start_byte() > start.stmt.end_byte()
                && j.end_byte() <= stmt.start_byte()
                && flow::leaves(*j, body, facts.src)
                && !flow::exclusive(*j, start.stmt)
        })?;
        // A select loop's other cases may keep it busy rather than blocked.
        let outcome =
            if select_of(waiter.node).is_some() && !lone_case(waiter.node) { "runs forever" } else { "blocks forever" };
        let message = format!(
            "{} leaves before `close({})` on line {}: the goroutine waiting for that close on line {} then {outcome}",
            describe(facts, exit),
            ch.name,
            stmt.start_position().row + 1,
            waiter.node.start_position().row + 1
        );
        // Released on the early paths too, the waiter must not then panic
        // or close what the parent may close there.
        let released = crate::analysis::channel_facts::released_cleanly(cx.pkg, &start, waiter.node);
        let fix = move_close(facts, ch, stmt).filter(|_| last && released).map(Fix::safe);
        let message = match (&fix, last) {
            (Some(_), _) => message,
            (None, false) => format!(
                "{message} (no fix: the close is not the function's last statement, and a deferred close would run after what follows it)"
            ),
            (None, true) if !released => format!(
                "{message} (no fix: once released, the goroutine panics, exits, or closes a channel something else may close too)"
            ),
            (None, true) => format!("{message} (no fix: a statement does not end its line)"),
        };
        Some(Finding::about(self, ch, message, fix))
    }
}

/// Is `stmt` the last statement of the function body `list` (or followed
/// only by a `return` without calls)?
fn ends_body(facts: &FileFacts<'_>, list: Node<'_>, stmt: Node<'_>) -> bool {
    match super::lines::only_return_after(list, stmt) {
        Some(super::lines::Tail::Nothing) => true,
        Some(super::lines::Tail::Return(r)) => {
            let mut calls = false;
            crate::syntax::walk_preorder(r, |n| {
                calls |= matches!(n.kind_str(), k::CALL_EXPRESSION | k::FUNC_LITERAL);
                !calls
            });
            !calls && !facts.text(r).contains("<-")
        }
        None => false,
    }
}

/// Is the receive `recv` in goroutine `g` its loop's only way out: the
/// goroutine's body loops `for { select { ... } }` and every way out of
/// the loop is a case receiving from this channel, which surely leaves?
fn only_way_out(cx: &Context<'_, '_>, ch: &Channel<'_>, g: usize, recv: Node<'_>) -> bool {
    let start = &ch.starts[g];
    let src = cx.pkg.file(start.file()).src;
    let Some(exits) = start.body().and_then(|b| flow::BodyLoop::of(b, src)).and_then(|l| l.exit_receives(src)) else {
        return false;
    };
    exits.iter().any(|e| e.id() == recv.id())
        && exits.iter().all(|e| ch.ops.iter().any(|o| o.place == Place::Goroutine(g) && o.node.id() == e.id()))
}

/// `select { case <-c: ... }`: one case, no default, so it waits for `c`
/// as `<-c` does.
fn lone_case(recv: Node<'_>) -> bool {
    select_of(recv).is_some_and(|s| crate::analysis::selects::case_count(s) == 1)
}

/// `<-c` as a statement of its own or the value of an assignment.
fn plain_receive(recv: Node<'_>) -> bool {
    recv.up().is_some_and(|p| {
        p.kind_str() == k::EXPRESSION_STATEMENT
            || (p.kind_str() == k::EXPRESSION_LIST
                && p.up().is_some_and(|s| matches!(s.kind_str(), k::SHORT_VAR_DECLARATION | k::ASSIGNMENT_STATEMENT)))
    })
}

/// `defer close(c)` on the line after the make, and the old `close(c)`
/// line deleted, when both statements have lines of their own.
fn move_close(facts: &FileFacts<'_>, ch: &Channel<'_>, close: Node<'_>) -> Option<Vec<Edit>> {
    if contains(ch.stmt, close) {
        return None;
    }
    super::lines::moved_into_defer(facts.src, ch.stmt, close, &format!("close({})", ch.name))
}
