//! Facts about the selects a channel is received in: which select a
//! receive is a case of, how many cases it has, whether another case can
//! ever be chosen (a nil channel, a never-done context), and whether the
//! select receives whatever the sender sends (it sends on exactly one of
//! the select's channels).

use crate::syntax::Fast as _;
use crate::syntax::Up as _;
use tree_sitter::Node;

use super::scope::{BindingKind, Scopes};
use super::{Channel, FileFacts, OpKind, Package, Place, Start, flow, known};
use crate::syntax::{ancestors, contains, kinds as k, named_children};

/// The select statement whose case communication is (or contains) `op`.
#[must_use]
pub fn select_of(op: Node<'_>) -> Option<Node<'_>> {
    let case = ancestors(op).find(|a| a.kind_str() == k::COMMUNICATION_CASE)?;
    let comm = case.field("communication")?;
    if !contains(comm, op) {
        return None;
    }
    case.up()
}

/// The select whose case `op` is, when that select has other cases (so
/// that it may not take `op`'s).
#[must_use]
pub fn guarded_by_select(op: Node<'_>) -> Option<Node<'_>> {
    select_of(op).filter(|s| case_count(*s) > 1)
}

/// Number of cases (communication and default) of a select.
#[must_use]
pub fn case_count(select: Node<'_>) -> usize {
    let mut c = select.walk();

    select
        .named_children(&mut c)
        .filter(|n| n.kind_str() == k::COMMUNICATION_CASE || n.kind_str() == k::DEFAULT_CASE)
        .count()
}

/// Can a case of `sel` other than the ones receiving from `ch` be chosen?
/// Not when it waits on a nil channel: a `var c chan T` never assigned, or
/// `ctx.Done()` of `context.Background()` / `context.TODO()`.
pub fn other_case_can_fire(facts: &FileFacts<'_>, sel: Node<'_>, ch: &Channel<'_>) -> bool {
    let Some((_, scopes)) = facts.scopes_for(sel) else { return true };
    let recvs = ch.receive_sites();
    named_children(sel).into_iter().any(|case| match case.kind_str() {
        k::DEFAULT_CASE => true,
        k::COMMUNICATION_CASE => {
            let Some(comm) = case.field("communication") else { return true };
            if recvs.iter().any(|r| contains(comm, *r)) {
                return false;
            }
            !case_channel(comm).is_some_and(|t| is_nil_channel(facts, scopes, t))
        }
        _ => false,
    })
}

/// Is every case of `sel` other than those receiving from `ch` one no
/// goroutine of the program can make ready by its own progress: `default`,
/// `<-ctx.Done()` (any `x.Done()` call), `<-time.After(d)`, `<-t.C`? (A
/// handler going on to its next request could otherwise close or signal
/// what another case waits on: see `handoff`.)
#[must_use]
fn other_cases_independent(facts: &FileFacts<'_>, sel: Node<'_>, ch: &Channel<'_>) -> bool {
    let recvs = ch.receive_sites();
    // (`default`, like a comment, passes.)
    named_children(sel).into_iter().all(|case| match case.kind_str() {
        k::COMMUNICATION_CASE => {
            let Some(comm) = case.field("communication") else { return false };
            if recvs.iter().any(|r| contains(comm, *r)) {
                return true;
            }
            let Some(t) = case_channel(comm).filter(|_| comm.kind_str() != k::SEND_STATEMENT) else { return false };
            let Some(f) = t.field("function").filter(|_| t.kind_str() == k::CALL_EXPRESSION) else { return false };
            let Some((_, scopes)) = facts.scopes_for(f) else { return false };
            let operand = f.field("operand").filter(|o| o.kind_str() == k::IDENTIFIER);
            let binding = operand.and_then(|o| scopes.resolve(o)).map(|b| scopes.binding(b));
            let is_done = f.field("field").is_some_and(|m| facts.text(m) == "Done");
            // `time.After(d)`, `time` the package (not a local of that name).
            (operand.is_some() && binding.is_none() && super::known::is(f, facts.src, super::known::TIME_AFTER))
                // `ctx.Done()` of the caller's own context: a parameter, or
                // one it derives itself (`ctx, cancel :=
                // context.WithTimeout(...)`), never of a struct the handler
                // shares.
                || (is_done && binding.is_some_and(|b| own_context(facts, b)))
        }
        _ => true,
    })
}

/// Is the context variable `b` the function's own: a parameter, or the
/// first name of `ctx, cancel := context.WithCancel/Timeout/Deadline(...)`
/// (never reassigned)?
fn own_context(facts: &FileFacts<'_>, b: &super::scope::Binding<'_>) -> bool {
    if !b.assignments.is_empty() {
        return false;
    }
    if b.kind == super::scope::BindingKind::Param {
        return b.ty.is_some_and(|t| facts.text(t) == "context.Context");
    }
    super::known::derived_context_slot(facts, b) == Some(0)
}

/// Is the jump `j` in another case of a select that also receives from
/// `ch` (`case <-ctx.Done(): return`, a timeout, `default`), a case that
/// can fire, and that no goroutine signals ([`other_case_signalled`])? The
/// parent then leaves without waiting for a sender, whatever the senders do.
pub fn leaves_by_an_independent_case<'t>(pkg: &Package<'t>, ch: &Channel<'t>, j: Node<'t>) -> bool {
    let Some(case) = ancestors(j).find(|a| matches!(a.kind_str(), k::COMMUNICATION_CASE | k::DEFAULT_CASE)) else {
        return false;
    };
    let Some(sel) = case.up() else { return false };
    let recvs = ch.receive_sites();
    let receives_here = recvs.iter().any(|r| select_of(*r).is_some_and(|s| s.id() == sel.id()));
    let in_receiving_case = case.field("communication").is_some_and(|c| recvs.iter().any(|r| contains(c, *r)));
    receives_here
        && !in_receiving_case
        && other_case_can_fire(pkg.own(), sel, ch)
        && !other_case_signalled(pkg, sel, ch)
}

/// Does a case of `sel` other than the ones receiving from `ch` wait on a
/// channel of the function that a goroutine closes or sends on (`done`
/// closed by the sender's `defer`, `allFailed` closed after `wg.Wait()`)?
/// That case may become ready because the sender got past its send: with a
/// buffer, the select could then take it with the value unread, a changed
/// result rather than an ended goroutine. A channel leakfix cannot follow
/// counts as signalled too. For a channel handed to a request's handler,
/// which goes on to its next request and whatever follows (a deferred
/// close, a pool's `wg.Wait()`), any case but those it cannot make ready
/// ([`other_cases_independent`]).
pub fn other_case_signalled<'t>(pkg: &Package<'t>, sel: Node<'t>, ch: &Channel<'t>) -> bool {
    let facts = pkg.own();
    if ch.handed.is_some() {
        return !other_cases_independent(facts, sel, ch);
    }
    let Some((_, scopes)) = facts.scopes_for(sel) else { return true };
    let recvs = ch.receive_sites();
    let senders: Vec<Start<'t>> = ch.sender_goroutines().into_iter().map(|g| ch.starts[g]).collect();
    // The sends on `ch`, with the statement starting their goroutine.
    let sends: Vec<(usize, Node<'t>)> = ch
        .ops_of(OpKind::Send)
        .filter_map(|o| match o.place {
            Place::Goroutine(g) => Some((ch.starts[g].stmt.id(), o.node)),
            _ => None,
        })
        .collect();
    // After a send of a sender, in its body (not exclusive of it, and not
    // past a send that is the last thing its path does: `errc <- err;
    // return`, then `rowc <- row` on the other path).
    let after_send = |n: Node<'t>| {
        sends.iter().any(|(_, s)| {
            senders
                .iter()
                .filter_map(Start::body)
                .any(|b| contains(b, *s) && contains(b, n) && !flow::is_last_action(*s, b))
                && !flow::exclusive(*s, n)
                && n.start_byte() > s.start_byte()
        })
    };
    // A goroutine waiting on a WaitGroup (or group) that a sender uses.
    let waits_for_senders =
        |body: Node<'t>| {
            let mut waited = Vec::new();
            crate::syntax::walk_preorder(body, |n| {
                if n.kind_str() == k::SELECTOR_EXPRESSION
                    && n.field("field").is_some_and(|f| facts.text(f) == "Wait")
                    && let Some(b) = n.field("operand").and_then(|x| scopes.resolve(x))
                {
                    waited.push(b);
                }
                true
            });
            waited.iter().any(|b| {
                scopes.binding(*b).uses.iter().any(|u| {
                    senders.iter().any(|st| contains(st.stmt, *u) || st.body().is_some_and(|sb| contains(sb, *u)))
                })
            })
        };
    named_children(sel).into_iter().any(|case| {
        let Some(comm) = case.field("communication").filter(|_| case.kind_str() == k::COMMUNICATION_CASE) else {
            return false;
        };
        if recvs.iter().any(|r| contains(comm, *r)) {
            return false;
        }
        let Some(target) = case_channel(comm) else { return false };
        // A field the sender also sends on (`j.errs`) may be its partner,
        // taking the send it makes instead: no leak leakfix can show.
        if target.kind_str() == k::SELECTOR_EXPRESSION {
            let text = facts.text(target);
            return senders.iter().any(|st| {
                let (Some(b), src) = (st.body(), pkg.file(st.file()).src) else { return true };
                crate::syntax::any_node(b, |n| {
                    n.kind_str() == k::SEND_STATEMENT
                        && n.field("channel").is_some_and(|c| crate::syntax::text(c, src) == text)
                })
            });
        }
        if target.kind_str() != k::IDENTIFIER {
            return false;
        }
        let Some(b) = scopes.resolve(target) else { return false };
        let Some(init) = scopes.binding(b).init.filter(|i| super::channels::is_make_chan(facts, *i)) else {
            return false;
        };
        // Signalled by a sender of `ch` itself, or by a goroutine that
        // waits (`wg.Wait()`) before it signals: its signal may follow the
        // send. Another goroutine's own result (`qErr` beside `hErr`) does
        // not, nor a sender's send on a partner instead, on another path
        // (`if err != nil { errc <- err } else { c <- v }`).
        super::channels::channel_of(pkg, init).is_none_or(|other| {
            other.escape.is_some_and(|(n, _)| after_send(n))
                || other.ops.iter().any(|o| {
                    let Place::Goroutine(g) = o.place else { return false };
                    let start = other.starts[g];
                    let by_sender = sends.iter().any(|(stmt, _)| *stmt == start.stmt.id())
                        && (o.kind == OpKind::Close || after_send(o.node));
                    let waits = start.file() == super::FileId::OWN && start.body().is_some_and(waits_for_senders);
                    matches!(o.kind, OpKind::Close | OpKind::Send) && (by_sender || waits)
                })
        })
    })
}

/// The channel a select case's communication sends on or receives from.
pub(super) fn case_channel(comm: Node<'_>) -> Option<Node<'_>> {
    match comm.kind_str() {
        k::SEND_STATEMENT => comm.field("channel"),
        _ => {
            let mut op = None;
            crate::syntax::walk_preorder(comm, |n| {
                if op.is_none() && n.kind_str() == k::UNARY_EXPRESSION {
                    op = n.field("operand");
                }
                op.is_none()
            });
            op
        }
    }
}

/// Does `sel` receive whatever `ch`'s sole sender sends? True when every
/// other case that can fire receives from a partner of `ch`: a channel made
/// in the same function that only that sender sends on (unguarded), that
/// nothing closes or ranges over and that does not escape, and the sender
/// sends on exactly one of `ch` and its partners on every path. Then the
/// select takes the case of the one channel sent on (`resc` or `errc`).
pub fn select_receives_every_send<'t>(pkg: &Package<'t>, ch: &Channel<'t>, sel: Node<'t>) -> bool {
    let facts = pkg.own();
    let (Some(sender), Some((_, scopes))) = (ch.sole_sender(pkg), facts.scopes_for(sel)) else { return false };
    let Some(start) = ch.starts.iter().find(|s| s.stmt.id() == sender.go.id()) else { return false };
    let recvs = ch.receive_sites();
    let mut sends: Vec<Node<'t>> = ch.ops_of(OpKind::Send).map(|o| o.node).collect();
    for case in named_children(sel) {
        match case.kind_str() {
            k::DEFAULT_CASE => return false,
            k::COMMUNICATION_CASE => {}
            _ => continue,
        }
        let Some(comm) = case.field("communication") else { return false };
        if recvs.iter().any(|r| contains(comm, *r)) {
            continue;
        }
        let Some(target) = case_channel(comm) else { return false };
        if is_nil_channel(facts, scopes, target) {
            continue;
        }
        if comm.kind_str() == k::SEND_STATEMENT || target.kind_str() != k::IDENTIFIER {
            return false;
        }
        let init = scopes.resolve(target).and_then(|b| scopes.binding(b).init);
        let Some(partner) =
            init.filter(|i| super::channels::is_make_chan(facts, *i)).and_then(|i| super::channels::channel_of(pkg, i))
        else {
            return false;
        };
        let partner_sends: Vec<_> = partner.ops_of(OpKind::Send).collect();
        let only_sender = partner_sends.iter().all(|o| {
            matches!(o.place, Place::Goroutine(j) if partner.starts[j].stmt.id() == start.stmt.id())
                && select_of(o.node).is_none_or(|s| case_count(s) <= 1)
        });
        if partner.escape.is_some()
            || partner.ops.iter().any(|o| matches!(o.kind, OpKind::Close | OpKind::Range))
            || partner_sends.is_empty()
            || !only_sender
        {
            return false;
        }
        sends.extend(partner_sends.iter().map(|o| o.node));
    }
    let Some(body) = start.body() else { return false };
    let src = pkg.file(start.file()).src;
    flow::send_bounds(body, src, &|x| sends.iter().any(|s| s.id() == x.id())) == (1, 1)
}

fn is_nil_channel(facts: &FileFacts<'_>, scopes: &Scopes<'_>, e: Node<'_>) -> bool {
    let unchanged = |ident: Node<'_>| {
        (ident.kind_str() == k::IDENTIFIER)
            .then(|| scopes.resolve(ident))
            .flatten()
            .map(|b| scopes.binding(b))
            .filter(|b| b.assignments.is_empty() && b.kind == BindingKind::Local)
    };
    // An unbuffered local channel that nothing ever receives from: a send
    // on it cannot complete.
    let send_only = |b: &super::scope::Binding<'_>| {
        let unbuffered = b.init.is_some_and(|i| super::channels::is_unbuffered_make(facts, i));
        unbuffered
            && b.uses.iter().all(|u| {
                u.up().is_some_and(|p| {
                    p.kind_str() == k::SEND_STATEMENT && p.field("channel").is_some_and(|c| c.id() == u.id())
                })
            })
    };
    if e.up().is_some_and(|p| p.kind_str() == k::SEND_STATEMENT) && unchanged(e).is_some_and(send_only) {
        return true;
    }
    match e.kind_str() {
        // `var never chan T`: receiving from it blocks forever.
        k::IDENTIFIER => {
            unchanged(e).is_some_and(|b| b.init.is_none() && b.ty.is_some_and(|t| t.kind_str() == k::CHANNEL_TYPE))
        }
        // `ctx.Done()` of a background context is nil.
        k::CALL_EXPRESSION => {
            let f = e.field("function").filter(|f| f.kind_str() == k::SELECTOR_EXPRESSION);
            let Some(f) = f else { return false };
            let is_done = f.field("field").is_some_and(|x| facts.text(x) == "Done");
            let Some(operand) = f.field("operand") else { return false };
            // The context, written in place or held in an unchanged local.
            let ctx = if operand.kind_str() == k::CALL_EXPRESSION {
                Some(operand)
            } else {
                unchanged(operand).and_then(|b| b.init)
            };
            // `context.Background()`, `context.TODO()`, `context.WithoutCancel(...)`,
            // with `context` the imported package (not a local).
            let never_done = |c: Node<'_>| {
                let Some(f) = c.field("function") else { return false };
                let local = f.field("operand").is_some_and(|o| scopes.resolve(o).is_some());
                let no_args = c.field("arguments").is_some_and(|a| named_children(a).is_empty());
                !local
                    && ((no_args
                        && (known::is(f, facts.src, known::CONTEXT_BACKGROUND)
                            || known::is(f, facts.src, known::CONTEXT_TODO)))
                        || known::is(f, facts.src, known::CONTEXT_WITHOUT_CANCEL))
            };
            is_done && ctx.is_some_and(never_done)
        }
        _ => false,
    }
}
