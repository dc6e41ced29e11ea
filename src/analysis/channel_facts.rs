//! Facts about one channel that several transforms ask: its sole sending
//! goroutine (or its several senders), the exits that skip its receives,
//! the loops that repeat an operation on it, and the `wg.Wait()` that joins
//! its senders. Computed here, once, from the channel's operations; the
//! selects it is received in are [`super::selects`].

use crate::syntax::Fast as _;
use crate::syntax::Up as _;
use std::cell::OnceCell;

use tree_sitter::Node;

use super::{Channel, FileFacts, FileId, OpKind, Package, Place, Start, StartKind, flow, known};
use crate::syntax::Named as _;
use crate::syntax::{ancestors, contains, kinds as k, named_children};

/// Facts cached on a [`Channel`], computed on first use.
#[derive(Debug, Default)]
pub struct Cache<'t> {
    sole_sender: OnceCell<Option<SoleSender<'t>>>,
    senders: OnceCell<Option<Senders<'t>>>,
    wait_closer: OnceCell<Option<usize>>,
}

impl<'t> Channel<'t> {
    /// The one goroutine sending on the channel, if the capacity fixes'
    /// pattern holds (see [`SoleSender`]).
    pub fn sole_sender(&self, pkg: &Package<'t>) -> Option<&SoleSender<'t>> {
        self.facts.sole_sender.get_or_init(|| sole_sender(pkg, self)).as_ref()
    }

    /// Two or more goroutines sending on the channel, each once (see
    /// [`Senders`]).
    pub fn senders(&self, pkg: &Package<'t>) -> Option<&Senders<'t>> {
        self.facts.senders.get_or_init(|| senders(pkg, self)).as_ref()
    }

    /// The most receives (not ranges) one path through the make's block
    /// makes, those in exclusive arms counted once (`if x { return <-c };
    /// return <-c` receives once); all of them when one lies outside it.
    #[must_use]
    pub fn most_receives_on_a_path(&self) -> usize {
        let recvs: Vec<_> = self.ops_of(OpKind::Recv).map(|r| r.node).collect();
        let is_recv = |x: Node<'_>| recvs.iter().any(|r| r.id() == x.id());
        match self.stmt.up() {
            Some(region) if recvs.iter().all(|r| contains(region, *r)) => most_on_a_path(region, &is_recv),
            _ => recvs.len(),
        }
    }

    /// The goroutine (index into `starts`) that closes the channel once
    /// every sender is done (see [`wait_closer`]).
    pub fn wait_closer(&self, pkg: &Package<'t>) -> Option<usize> {
        *self.facts.wait_closer.get_or_init(|| wait_closer(pkg, self))
    }
}

/// Several goroutines sending on a channel outside any loop: each started
/// at most once per make, none in a branch exclusive of another, each
/// sending exactly once on every path that ends normally, unguarded; nobody
/// else sends, closes or ranges, and only the parent receives.
#[derive(Debug, Clone)]
pub struct Senders<'t> {
    /// The statements starting them, in source order (for the one started
    /// in a loop, that loop).
    pub stmts: Vec<Node<'t>>,
    /// Every send is its goroutine's last action.
    pub last: bool,
    /// The starts repeated by a launch loop (statements of its body), with
    /// that loop: each starts as many goroutines as the loop iterates.
    pub looped: Option<(Vec<Node<'t>>, Node<'t>)>,
    /// The most of them any one path starts: all, when they are in one
    /// block; fewer when some are in exclusive branches (`if hedge { go
    /// a(); go b() } else { go a() }` starts at most 2).
    pub most: usize,
    /// Where one of them may first block for good before its send, on
    /// what nothing releases (see `gate_before_send`): a buffer frees none.
    pub gated: Option<Node<'t>>,
}

fn senders<'t>(pkg: &Package<'t>, ch: &Channel<'t>) -> Option<Senders<'t>> {
    if ch.escape.is_some()
        || ch.handed.is_some()
        || ch.ops.iter().any(|o| matches!(o.kind, OpKind::Range | OpKind::Close))
    {
        return None;
    }
    if ch.ops.iter().any(|o| match o.kind {
        OpKind::Send => !matches!(o.place, Place::Goroutine(_)) || super::selects::guarded_by_select(o.node).is_some(),
        OpKind::Recv => o.place != Place::Parent,
        _ => false,
    }) {
        return None;
    }
    let mut index = ch.sender_goroutines();
    index.sort_unstable();
    index.dedup();
    if index.len() < 2 {
        return None;
    }
    let region = ch.stmt.up()?;
    let mut stmts = Vec::new();
    let mut last = true;
    let mut looped = None;
    let mut gated = None;
    for i in index {
        let start = ch.starts[i];
        // Outside loops, or (some of them) in one launch loop of their own.
        let loops = loops_after_make(ch, start.stmt);
        let (anchor, repeated) = match (&loops[..], &mut looped) {
            ([], _) => (start.stmt, false),
            ([launch], None) => {
                looped = Some((vec![start.stmt], *launch));
                (*launch, false)
            }
            ([launch], Some((gos, l))) if l.id() == launch.id() => {
                gos.push(start.stmt);
                (*launch, true)
            }
            _ => return None,
        };
        // In the make's block, after it; each once (a launch loop's starts
        // are its own).
        if !repeated
            && (!contains(region, anchor)
                || anchor.start_byte() < ch.stmt.end_byte()
                || stmts.iter().any(|s: &Node<'t>| s.id() == anchor.id()))
        {
            return None;
        }
        let sends: Vec<_> =
            ch.ops_of(OpKind::Send).filter(|o| o.place == Place::Goroutine(i)).map(|o| o.node).collect();
        let body = start.body()?;
        let src = pkg.file(start.file()).src;
        if flow::send_bounds(body, src, &|x| sends.iter().any(|s| s.id() == x.id())) != (1, 1) {
            return None;
        }
        last &= sends.iter().all(|s| flow::is_last_action_with(*s, body, &|x| quiet_after_send(pkg, ch, &start, x)))
            && super::starts::counted_done_is_quiet(pkg, &start);
        if gated.is_none() && start.file() == FileId::OWN {
            gated = gate_before_send(pkg, ch, &start, &sends);
        }
        if !repeated {
            stmts.push(anchor);
        }
    }
    if stmts.len() < 2 && looped.is_none() {
        return None;
    }
    stmts.sort_by_key(Node::start_byte);
    // All in one block, so that every one runs whenever the last does; or
    // (no launch loop) the most that one path through the make's block
    // starts, branches counted once.
    let same_block = stmts.iter().all(|s| s.up() == stmts[0].up());
    let most = if same_block {
        stmts.len()
    } else {
        if looped.is_some() {
            return None;
        }
        // No exit inside a branch holding a start: the count adds up what
        // follows a branch as if every path reached it.
        // And one statement of the block holds every start in a branch:
        // two (`if x { go a() }; if !x { go b() }`) may have correlated
        // conditions that no path satisfies both of.
        let mut outer: Vec<usize> = stmts
            .iter()
            .filter(|s| s.up() != Some(region))
            .filter_map(|s| crate::syntax::ancestors_within(region, *s).last().map(Node::id))
            .collect();
        outer.dedup();
        if outer.len() > 1 {
            return None;
        }
        for s in &stmts {
            for b in crate::syntax::ancestors_within(region, *s) {
                if flow::branches(b.kind_str()) && !super::exits::exits(pkg, b).is_empty() {
                    return None;
                }
            }
        }
        most_on_a_path(region, &|n| stmts.iter().any(|s| s.id() == n.id()))
    };
    Some(Senders { stmts, last, looped, most, gated })
}

/// The most nodes `is_one` accepts that one run of `n` reaches: each
/// once, the arms of an `if`, `switch` or `select` exclusive. (Loops and
/// func literals are not counted into: the callers allow none there.)
pub fn most_on_a_path(n: Node<'_>, is_one: &dyn Fn(Node<'_>) -> bool) -> usize {
    if is_one(n) {
        return 1;
    }
    let children = named_children(n);
    match n.kind_str() {
        k::FUNC_LITERAL => 0,
        k::IF_STATEMENT => {
            let arm = |f: &str| n.field(f).map_or(0, |a| most_on_a_path(a, is_one));
            let rest: usize = children
                .iter()
                .filter(|c| ![n.field("consequence"), n.field("alternative")].contains(&Some(**c)))
                .map(|c| most_on_a_path(*c, is_one))
                .sum();
            rest + arm("consequence").max(arm("alternative"))
        }
        k::EXPRESSION_SWITCH_STATEMENT | k::TYPE_SWITCH_STATEMENT | k::SELECT_STATEMENT => {
            let case = |c: &&Node<'_>| flow::is_case(c.kind_str());
            let rest: usize = children.iter().filter(|c| !case(c)).map(|c| most_on_a_path(*c, is_one)).sum();
            rest + children.iter().filter(case).map(|c| most_on_a_path(*c, is_one)).max().unwrap_or(0)
        }
        _ => children.iter().map(|c| most_on_a_path(*c, is_one)).sum(),
    }
}

/// Why a channel's single sending goroutine is (or is not) the pattern the
/// capacity fixes handle.
#[derive(Debug, Clone, Copy)]
pub struct SoleSender<'t> {
    /// The goroutine sends on every path that ends normally (not only "at most once").
    pub every_path: bool,
    /// Every send is the goroutine's last action, so a buffer only unblocks it.
    pub last: bool,
    pub go: Node<'t>,
    /// What the goroutine may block on for good before its send, where a
    /// buffer would not free it ([`gate_before_send`]).
    pub gated: Option<Node<'t>>,
}

/// The one goroutine sending on `ch`, provided it sends at most once on
/// every path, unguarded, and nothing else sends, closes or ranges.
fn sole_sender<'t>(pkg: &Package<'t>, ch: &Channel<'t>) -> Option<SoleSender<'t>> {
    if ch.escape.is_some() {
        return None;
    }
    // A request's handler sends at most once per request (its own facts);
    // nobody else may send, and only the parent receives.
    if let Some(h) = ch.handed.as_deref() {
        let g = ch.starts.iter().position(|s| s.stmt.id() == h.start.stmt.id())?;
        let only = ch.ops.iter().all(|o| match o.kind {
            OpKind::Send => o.place == Place::Goroutine(g),
            OpKind::Recv => o.place == Place::Parent,
            OpKind::Range | OpKind::Close => false,
        });
        return only.then_some(h.sender);
    }
    // The parent may range over the channel when a closer closes it after
    // every sender is done (the WaitGroup fan-in): the range is then a
    // receive loop bounded by the sends.
    let closer = ch.wait_closer(pkg);
    let mut ranges = ch.ops_of(OpKind::Range).peekable();
    if ranges.peek().is_some() && (closer.is_none() || ranges.any(|o| o.place != Place::Parent)) {
        return None;
    }
    let senders = ch.sender_goroutines();
    let [index] = senders.as_slice() else { return None };
    // The sender may close after its send (buffered values are still
    // delivered before the close is seen), or the closer once every sender
    // is done; anyone else closing is not this pattern.
    let parent_closes = ch.ops_of(OpKind::Close).filter(|o| o.place == Place::Parent).count();
    if ch.ops_of(OpKind::Close).any(|o| {
        o.place != Place::Goroutine(*index)
            && closer.is_none_or(|c| o.place != Place::Goroutine(c))
            && !(parent_closes == 1 && closes_after_every_send(pkg, ch, *index, o.node))
    }) {
        return None;
    }
    let sends: Vec<_> = ch.ops_of(OpKind::Send).map(|o| o.node).collect();
    if ch.ops_of(OpKind::Send).any(|o| o.place != Place::Goroutine(*index)) {
        return None;
    }
    // A send that is itself a select case with an alternative is guarded.
    if sends.iter().any(|s| super::selects::guarded_by_select(*s).is_some()) {
        return None;
    }
    let g = ch.starts[*index];
    let body = g.body()?;
    let src = pkg.file(g.file()).src;
    // Receiving in the sender itself, or in another goroutine, is not this pattern.
    if ch.ops_of(OpKind::Recv).any(|o| matches!(o.place, Place::Goroutine(_))) {
        return None;
    }
    let (fewest, n) = flow::send_bounds(body, src, &|x| sends.iter().any(|s| s.id() == x.id()));
    let every_path = fewest == 1;
    let last = sends.iter().all(|s| flow::is_last_action_with(*s, body, &|x| quiet_after_send(pkg, ch, &g, x)))
        && super::starts::counted_done_is_quiet(pkg, &g);
    let gated = if g.file() == FileId::OWN { gate_before_send(pkg, ch, &g, &sends) } else { None };
    (n == 1).then_some(SoleSender { go: g.stmt, every_path, last, gated })
}

/// An operation of the start `g`'s own body, before one of its `sends`,
/// that waits on a variable of the parent's function or of the package
/// that nothing releases in time: `<-x`, `x.Wait()`, `x.Lock()` or
/// `x.RLock()` on `x` a local of the parent that no statement of its own
/// releases (`x <- v`, `close(x)`, `x.Done()`, `x.Unlock()`) before its
/// first way out or receive after the start, deferred or from a closure
/// (which run later, or anywhere: then it is taken as released); or on a
/// package-level `x` that nothing in the file releases. The goroutine then
/// blocks there on the leaking path, and a buffer frees nothing. Before a
/// send: in an earlier statement of a block holding it, or in the header
/// of a statement holding it; nested func literals aside. Gates on anything
/// else (a method's result, a parameter) are taken as released.
fn gate_before_send<'t>(pkg: &Package<'t>, ch: &Channel<'t>, g: &Start<'t>, sends: &[Node<'t>]) -> Option<Node<'t>> {
    let facts = pkg.own();
    let body = g.body()?;
    let held = |root: Node<'t>| {
        let mut hit = None;
        crate::syntax::walk_preorder(root, |n| {
            if hit.is_none() && gate_object(facts, n).is_some_and(|x| unreleased(pkg, ch, g, x)) {
                hit = Some(n);
            }
            hit.is_none() && n.kind_str() != k::FUNC_LITERAL
        });
        hit
    };
    for &send in sends {
        let mut at = send;
        while at.id() != body.id() {
            let Some(parent) = at.up() else { break };
            for c in named_children(parent) {
                if c.id() == at.id() {
                    break;
                }
                let exclusive = matches!(
                    c.kind_str(),
                    k::BLOCK | k::COMMUNICATION_CASE | k::EXPRESSION_CASE | k::DEFAULT_CASE | k::TYPE_CASE
                );
                if (parent.kind_str() == k::STATEMENT_LIST || !exclusive)
                    && let Some(hit) = held(c)
                {
                    return Some(hit);
                }
            }
            at = parent;
        }
    }
    None
}

/// The variable a node waits on: `x` in `<-x`, `x.Wait()`, `x.Lock()`,
/// `x.RLock()`.
fn gate_object<'t>(facts: &FileFacts<'t>, n: Node<'t>) -> Option<Node<'t>> {
    match n.kind_str() {
        k::CALL_EXPRESSION if n.field("arguments").is_some_and(|a| a.named_child_count() == 0) => {
            ["Wait", "Lock", "RLock"].iter().find_map(|m| method_call_on(facts, n, m))
        }
        k::UNARY_EXPRESSION if n.field("operator").is_some_and(|o| o.kind_str() == "<-") => {
            n.field("operand").filter(|o| o.kind_str() == k::IDENTIFIER)
        }
        _ => None,
    }
}

/// Is the use `u` of a gate a release: `u <- v`, `close(u)`, `u.Done()`,
/// `u.Unlock()`, `u.RUnlock()`?
fn releases_gate(facts: &FileFacts<'_>, u: Node<'_>) -> bool {
    let p = u.up();
    let call = p.and_then(|s| s.up()).filter(|c| c.kind_str() == k::CALL_EXPRESSION);
    let method = p
        .filter(|s| s.kind_str() == k::SELECTOR_EXPRESSION)
        .and_then(|s| s.field("field"))
        .is_some_and(|f| matches!(facts.text(f), "Done" | "Unlock" | "RUnlock"));
    let sent = p.is_some_and(|s| s.kind_str() == k::SEND_STATEMENT && s.field("channel") == Some(u));
    let closed = call.is_some_and(|c| c.field("function").is_some_and(|f| facts.text(f) == "close"));
    (method && call.is_some()) || sent || closed
}

/// Is the gate `x` (see [`gate_before_send`]) surely not released in time?
fn unreleased<'t>(pkg: &Package<'t>, ch: &Channel<'t>, g: &Start<'t>, x: Node<'t>) -> bool {
    let facts = pkg.own();
    let Some((_, scopes)) = facts.scopes_for(x) else { return false };
    match scopes.resolve(x).map(|b| scopes.binding(b)) {
        // A local of the parent (the goroutine captures it).
        Some(b)
            if b.kind == super::scope::BindingKind::Local
                && crate::syntax::contains(ch.func, b.ident)
                && !crate::syntax::contains(g.func.value, b.ident) =>
        {
            let Some(body) = ch.func.field("body") else { return false };
            let first_recv = ch.ops_of(OpKind::Recv).filter(|o| o.place == Place::Parent).map(|o| o.node.start_byte());
            let first_exit = super::exits::exits(pkg, body)
                .into_iter()
                .filter(|j| j.start_byte() > g.stmt.end_byte())
                .map(|j| j.start_byte());
            let Some(deadline) = first_recv.chain(first_exit).min() else { return false };
            // A release deferred or in a closure runs later, or anywhere.
            let later_or_elsewhere = |u: Node<'t>| {
                crate::syntax::ancestors_within(ch.func, u)
                    .iter()
                    .any(|a| matches!(a.kind_str(), k::FUNC_LITERAL | k::DEFER_STATEMENT))
            };
            !b.uses
                .iter()
                .filter(|u| releases_gate(facts, **u))
                .any(|u| later_or_elsewhere(*u) || u.start_byte() < deadline)
        }
        // Not a local: a package-level variable nothing in the file
        // releases or assigns, named in no other file.
        None => {
            let name = facts.text(x);
            !facts.roots().any(|root| {
                crate::syntax::token_nodes(root, facts.src, name.as_bytes())
                    .into_iter()
                    .any(|u| releases_gate(facts, u) || u.up().is_some_and(|s| s.kind_str() == k::ASSIGNMENT_STATEMENT))
            }) && !pkg.named_elsewhere(name)
        }
        Some(_) => false,
    }
}

/// Is the parent's `close(c)` (the call `close`) reached only once every
/// send of goroutine `g` is received, whatever the buffer? It is a
/// statement of the function's top level, after a statement of that level
/// that receives them all: a plain receive (`v := <-c`) after the start,
/// for a goroutine started once; or, for one started once per iteration of
/// a launch loop `for ... range xs`, a loop `for range xs` after it over the
/// same never-reassigned slice, array or map (no `xs[k] = v` either), whose
/// body receives once, as a plain statement of its own, and holds no
/// `break` or `goto`, nor a `continue` unless the receive comes first (its
/// other ways out leave the function).
/// The goroutine sends at most once (see [`sole_sender`]), so the receives
/// take every send; a buffer only lets the sends finish sooner.
fn closes_after_every_send<'t>(pkg: &Package<'t>, ch: &Channel<'t>, g: usize, close: Node<'t>) -> bool {
    let facts = pkg.own();
    let Some(stmt) = close.up().filter(|s| s.kind_str() == k::EXPRESSION_STATEMENT) else { return false };
    let Some(list) = stmt.up().filter(|l| l.kind_str() == k::STATEMENT_LIST) else { return false };
    if ch.func.field("body").is_none_or(|b| list.up() != Some(b)) {
        return false;
    }
    let start = ch.starts[g];
    let before: Vec<Node<'t>> =
        named_children(list).into_iter().filter(|p| p.end_byte() <= stmt.start_byte()).collect();
    // A plain receive of the channel by the parent, as the statement `p`.
    let receives = |p: Node<'t>| {
        let value = match p.kind_str() {
            k::EXPRESSION_STATEMENT => p.named(0),
            k::SHORT_VAR_DECLARATION | k::ASSIGNMENT_STATEMENT => {
                p.field("right").filter(|r| r.named_child_count() == 1).and_then(|r| r.named(0))
            }
            _ => None,
        };
        value.is_some_and(|v| ch.ops_of(OpKind::Recv).any(|r| r.place == Place::Parent && r.node.id() == v.id()))
    };
    match loops_after_make(ch, start.stmt)[..] {
        [] => before.iter().any(|p| p.start_byte() >= start.stmt.end_byte() && receives(*p)),
        [launch] => {
            let Some((_, scopes)) = facts.scopes_for(list) else { return false };
            let over = |l: Node<'t>| {
                named_children(l)
                    .into_iter()
                    .find(|c| c.kind_str() == k::RANGE_CLAUSE)
                    .and_then(|c| c.field("right"))
                    .filter(|r| r.kind_str() == k::IDENTIFIER)
                    .and_then(|r| scopes.resolve(r))
            };
            let Some(xs) = over(launch) else { return false };
            let b = scopes.binding(xs);
            if !b.assignments.is_empty() || super::types::elements_assigned(b) {
                return false;
            }
            before.iter().any(|p| {
                let recvs_in = ch.ops_of(OpKind::Recv).filter(|r| contains(*p, r.node)).count();
                p.kind_str() == k::FOR_STATEMENT
                    && p.start_byte() >= launch.end_byte()
                    && over(*p) == Some(xs)
                    && recvs_in == 1
                    && p.field("body").is_some_and(|body| {
                        // First, a `continue` cannot skip it.
                        let stmts = crate::syntax::statements(body);
                        let first = stmts.first().is_some_and(|f| receives(*f));
                        (first || stmts.into_iter().any(receives))
                            && !facts.jumps(body).iter().any(|j| match j.kind_str() {
                                k::CONTINUE_STATEMENT => !first,
                                k::BREAK_STATEMENT | k::GOTO_STATEMENT => true,
                                _ => false,
                            })
                    })
            })
        }
        _ => false,
    }
}

/// A statement a sender may run after its send without a buffer changing
/// more than ending the blocked goroutine: `wg.Done()` (see
/// [`is_waitgroup_done`]) or the close of a channel only it closes
/// ([`closes_its_own`]), the one it sends on included.
fn quiet_after_send<'t>(pkg: &Package<'t>, ch: &Channel<'t>, start: &Start<'t>, stmt: Node<'t>) -> bool {
    let facts = pkg.file(start.file());
    // The closer's wait only leads to the close of a channel whose every send is done.
    let closer = ch.wait_closer(pkg).filter(|_| start.file() == FileId::OWN).map(|c| ch.starts[c].func.value);
    is_waitgroup_done(facts, stmt, closer)
        || closes_its_own(pkg, ch, start, stmt)
        || super::starts::recovers_only(facts, stmt)
        || start.body().is_some_and(|body| releases_its_own(facts, stmt, body))
}

/// The call a call statement or a `defer` makes (`f(x)`, `defer f(x)`).
fn statement_call(stmt: Node<'_>) -> Option<Node<'_>> {
    let call = stmt.named(0).filter(|c| c.kind_str() == k::CALL_EXPRESSION)?;
    matches!(stmt.kind_str(), k::EXPRESSION_STATEMENT | k::DEFER_STATEMENT).then_some(call)
}

/// `mu.Unlock()` / `mu.RUnlock()`, or `cancel()` of a context the
/// goroutine derived itself (`ctx, cancel := context.WithTimeout(...)` in
/// its `body`; a context of the parent's, which the parent may select on,
/// is not its own): releasing what the blocked goroutine held is part of
/// ending it, and neither can block.
fn releases_its_own(facts: &FileFacts<'_>, stmt: Node<'_>, body: Node<'_>) -> bool {
    let Some(call) = statement_call(stmt) else { return false };
    if call.field("arguments").is_none_or(|a| !named_children(a).is_empty()) {
        return false;
    }
    if method_call_on(facts, call, "Unlock").is_some() || method_call_on(facts, call, "RUnlock").is_some() {
        return true;
    }
    let Some(f) = call.field("function").filter(|f| f.kind_str() == k::IDENTIFIER) else { return false };
    let Some((_, scopes)) = facts.scopes_for(call) else { return false };
    let Some(b) = scopes.resolve(f).map(|b| scopes.binding(b)) else { return false };
    // The second name of `x, cancel := context.WithCancel/Timeout/Deadline(...)`.
    contains(body, b.ident) && super::known::derived_context_slot(facts, b) == Some(1)
}

/// `close(d)` (in the start's body, in the checked file) where `d` is a
/// channel made in the same function that nothing sends on, nothing else
/// closes and whose operations are all seen: run after the send, it can
/// neither block nor panic, and on the path where the parent took the
/// value it runs anyway; on the leaking path it only wakes goroutines that
/// wait for it to end.
fn closes_its_own<'t>(pkg: &Package<'t>, ch: &Channel<'t>, start: &Start<'t>, stmt: Node<'t>) -> bool {
    let facts = pkg.own();
    let Some(call) = statement_call(stmt) else { return false };
    // The channel sent on (by any name, in any body): one close, the sender's.
    let own: Vec<_> = ch.ops_of(OpKind::Close).collect();
    if own.iter().any(|c| c.node.id() == call.id()) {
        return own.len() == 1 && matches!(own[0].place, Place::Goroutine(_));
    }
    if start.file() != FileId::OWN || !contains(ch.func, call) {
        return false;
    }
    let args = call.field("arguments").map(named_children).unwrap_or_default();
    let Some(f) = call.field("function") else { return false };
    let [d] = args[..] else { return false };
    let Some((_, scopes)) = facts.scopes_for(call) else { return false };
    if f.kind_str() != k::IDENTIFIER
        || facts.text(f) != "close"
        || scopes.resolve(f).is_some()
        || d.kind_str() != k::IDENTIFIER
    {
        return false;
    }
    let init = scopes.resolve(d).and_then(|b| scopes.binding(b).init);
    let Some(other) =
        init.filter(|i| super::channels::is_make_chan(facts, *i)).and_then(|i| super::channels::channel_of(pkg, i))
    else {
        return false;
    };
    let closes: Vec<_> = other.ops_of(OpKind::Close).collect();
    other.escape.is_none()
        && other.ops_of(OpKind::Send).next().is_none()
        && matches!(closes[..], [c] if c.node.id() == call.id()
            && matches!(c.place, Place::Goroutine(j) if other.starts[j].stmt.id() == start.stmt.id()))
}

/// `wg.Done()` on a local `sync.WaitGroup` (or a pointer to one) that is
/// never reassigned and is waited for only by the function declaring it,
/// never in a goroutine or closure (but `closer`, when given): after a
/// send, it neither blocks nor wakes anyone but a parent that was waiting
/// for the send too.
fn is_waitgroup_done(facts: &FileFacts<'_>, stmt: Node<'_>, closer: Option<Node<'_>>) -> bool {
    let Some(call) = statement_call(stmt) else { return false };
    let no_args = call.field("arguments").is_some_and(|a| named_children(a).is_empty());
    let Some(wg) = method_call_on(facts, call, "Done").filter(|_| no_args) else { return false };
    let Some((_, scopes)) = facts.scopes_for(wg) else { return false };
    scopes.resolve(wg).map(|b| scopes.binding(b)).is_some_and(|b| {
        let waited_elsewhere = b.uses.iter().any(|u| {
            let wait = u.up().and_then(|s| s.field("field")).is_some_and(|f| facts.text(f) == "Wait");
            wait && ancestors(*u)
                .take_while(|a| !contains(*a, b.ident))
                .any(|a| a.kind_str() == k::FUNC_LITERAL && closer.is_none_or(|c| c.id() != a.id()))
        });
        b.kind == super::scope::BindingKind::Local
            && !waited_elsewhere
            && b.assignments.is_empty()
            && known::binding_is(b, facts.src, known::SYNC_WAITGROUP)
    })
}

/// Loops enclosing `node` in the channel's function that do not also
/// enclose the make (so they repeat `node` for one channel).
pub fn loops_after_make<'t>(ch: &Channel<'t>, node: Node<'t>) -> Vec<Node<'t>> {
    flow::loops_between(node, ch.func).filter(|l| !contains(*l, ch.make)).collect()
}

/// Jumps in the channel's function after `from` that leave the block the
/// channel lives in (or jump past a receive) before any receive from it has
/// certainly happened (ranging over it counts as receiving).
///
/// A receive inside a loop counts as happening where its outermost loop
/// (after the make) starts only when `whole_loops` is set (ncast: the
/// receiving loop as a whole is what must be reached).
pub fn exits_after<'t>(pkg: &Package<'t>, ch: &Channel<'t>, from: Node<'t>, whole_loops: bool) -> Vec<Node<'t>> {
    let recvs: Vec<_> = ch
        .ops
        .iter()
        .filter(|o| matches!(o.kind, OpKind::Recv | OpKind::Range))
        .map(|o| match ch.looped_in {
            // In the parent's flow, a receive in the closure it calls happens at the call.
            Some((call, lit)) if contains(lit, o.node) => call,
            _ if whole_loops => loops_after_make(ch, o.node).last().copied().unwrap_or(o.node),
            _ => o.node,
        })
        .collect();
    exits_before(pkg, ch, from, whole_loops, &recvs)
}

/// [`exits_after`], counting only the receives `recvs`.
fn exits_before<'t>(
    pkg: &Package<'t>,
    ch: &Channel<'t>,
    from: Node<'t>,
    whole_loops: bool,
    recvs: &[Node<'t>],
) -> Vec<Node<'t>> {
    let facts = pkg.own();
    let Some(body) = ch.func.field("body") else { return Vec::new() };
    let region = ch.stmt.up().unwrap_or(body);
    let first_recv = recvs.iter().map(Node::start_byte).min().unwrap_or(usize::MAX);
    // Only exits between `from` and the last receive can skip one.
    let last_recv = recvs.iter().map(Node::end_byte).max().unwrap_or(region.end_byte());
    // (The exits of `region`, not of the whole body: those are the only
    // ones kept, and one function may hold thousands of channels.)
    super::exits::exits_within(pkg, region, from.end_byte()..last_recv.max(from.end_byte()))
        .into_iter()
        .filter(|j| j.start_byte() >= from.end_byte() && contains(region, *j))
        // With whole loops, jumps inside a receiving loop are the loop's business.
        .filter(|j| !whole_loops || !recvs.iter().any(|r| contains(*r, *j)))
        // So are those of the closure that receives (they leave the closure).
        .filter(|j| ch.looped_in.is_none_or(|(_, lit)| !contains(lit, *j)))
        .filter(|j| {
            if j.kind_str() == k::GOTO_STATEMENT {
                return flow::jump_target(*j, facts.src).is_none_or(|t| {
                    !contains(region, t) || t.start_byte() > first_recv || t.start_byte() < from.start_byte()
                });
            }
            flow::leaves(*j, region, facts.src)
        })
        // (Most jumps of code that receives come after a receive: that
        // test first, the costlier exclusivity after it.)
        .filter(|j| !recvs.iter().any(|r| contains(*j, *r)) && !flow::always_before(recvs, *j))
        .filter(|j| !flow::exclusive(*j, from))
        .filter(|j| {
            // A jump inside the case that received the value is after receiving.
            !ancestors(*j)
                .filter(|a| a.kind_str() == k::COMMUNICATION_CASE)
                .any(|case| case.field("communication").is_some_and(|c| recvs.iter().any(|r| contains(c, *r))))
        })
        .filter(|j| !skips_a_signal(pkg, ch, *j, recvs))
        .collect()
}

impl<'t> Senders<'t> {
    /// With receives between the starts (`go a(); <-c; go b(); select
    /// {...}`): an exit after some starts that leaves when fewer receives
    /// than starts can have happened, with how many goroutines it leaves
    /// unreceived. Every receive before the exit in the text, and not in a
    /// branch exclusive of it, counts as done (none is in a loop: the
    /// caller checks), so the count is never more than on the path. Not
    /// for a launch loop, whose count is not known here.
    pub fn exit_with_pending(&self, pkg: &Package<'t>, ch: &Channel<'t>) -> Option<(Node<'t>, usize)> {
        if self.looped.is_some() || self.most != self.stmts.len() {
            return None;
        }
        let recvs: Vec<_> = ch.ops.iter().filter(|o| o.kind == OpKind::Recv).map(|o| o.node).collect();
        let mut worst: Option<(Node<'t>, usize)> = None;
        for (i, start) in self.stmts.iter().enumerate() {
            let next = self.stmts.get(i + 1).map_or(usize::MAX, Node::start_byte);
            let later: Vec<_> = recvs.iter().copied().filter(|r| r.start_byte() > start.end_byte()).collect();
            for j in exits_before(pkg, ch, *start, false, &later) {
                // Counted with the next start; and only where every start
                // so far surely ran. Not a `goto` (it may land on a drain),
                // nor an exit in a select case that cannot fire (a nil
                // channel's).
                if j.start_byte() >= next
                    || !start.up().is_some_and(|b| contains(b, j))
                    || j.kind_str() == k::GOTO_STATEMENT
                    || in_dead_case(pkg, ch, j)
                {
                    continue;
                }
                let received =
                    recvs.iter().filter(|r| r.start_byte() < j.start_byte() && !flow::exclusive(**r, j)).count();
                let pending = (i + 1).saturating_sub(received);
                if pending > worst.map_or(0, |(_, p)| p) {
                    worst = Some((j, pending));
                }
            }
        }
        worst
    }
}

/// Is `j` in a case of a select none of whose cases but those receiving
/// from `ch` can fire (the others wait on nil channels)?
fn in_dead_case(pkg: &Package<'_>, ch: &Channel<'_>, j: Node<'_>) -> bool {
    ancestors(j)
        .find(|a| a.kind_str() == k::COMMUNICATION_CASE || a.kind_str() == k::DEFAULT_CASE)
        .and_then(|case| case.up())
        .filter(|sel| sel.kind_str() == k::SELECT_STATEMENT)
        .is_some_and(|sel| !super::selects::other_case_can_fire(pkg.own(), sel, ch))
}

/// Does the parent, after the exit `exit` and before its next receive,
/// surely (outside any branch or loop) send on or close a channel that a
/// goroutine sending on `ch` can see
/// (`begin <- go`, `close(start)`, with `begin` or `start` named in the
/// goroutine's start or body)? That goroutine may be waiting for the
/// signal before its own send: on the exit's path it then blocks there,
/// and a buffer would change nothing.
fn skips_a_signal(pkg: &Package<'_>, ch: &Channel<'_>, exit: Node<'_>, recvs: &[Node<'_>]) -> bool {
    let facts = pkg.own();
    let Some(next) = recvs.iter().map(Node::start_byte).filter(|r| *r > exit.end_byte()).min() else { return false };
    let Some(body) = ch.func.field("body") else { return false };
    let own = |x: Node<'_>| ch.ops.iter().any(|o| o.node.id() == x.id());
    let mut signalled = Vec::new();
    let start = flow::window_root(body, &(exit.end_byte()..next), |_| true);
    flow::walk_own(start, |n, kind| {
        if n.end_byte() <= exit.end_byte() || n.start_byte() >= next {
            return false;
        }
        // Only a signal the path to the receive surely gives.
        let conditional = crate::syntax::ancestors_within(body, n).iter().any(|a| flow::branches(a.kind_str()));
        let target = match kind {
            _ if conditional => None,
            k::SEND_STATEMENT if !own(n) => n.field("channel"),
            k::CALL_EXPRESSION if !own(n) => n
                .field("function")
                .filter(|f| f.kind_str() == k::IDENTIFIER && facts.text(*f) == "close")
                .and_then(|_| n.field("arguments")?.named(0)),
            _ => None,
        };
        // The variable the channel is reached from: `begin`, `e` in `e.begin`.
        let root = target.map(|mut t| {
            while let Some(inner) = t.field("operand") {
                t = inner;
            }
            t
        });
        signalled.extend(root.filter(|r| r.kind_str() == k::IDENTIFIER).map(|r| facts.text(r)));
        kind != k::FUNC_LITERAL
    });
    if signalled.is_empty() {
        return false;
    }
    // Named in the code (not in a comment or a string).
    let mentions = |text: &[u8]| {
        crate::syntax::tokens::tokenize(text).is_none_or(|toks| {
            toks.iter().any(
                |t| matches!(t, crate::syntax::tokens::Tok::Ident(w) if signalled.iter().any(|n| n.as_bytes() == *w)),
            )
        })
    };
    ch.sender_goroutines().iter().any(|&i| {
        let start = &ch.starts[i];
        let body = start.func.value.byte_range();
        mentions(&facts.src[start.stmt.byte_range()]) || mentions(&pkg.file(start.file()).src[body])
    })
}

/// The `wg.Wait()` statement that joins the start: the goroutine defers
/// `wg.Done()` at its top level (or is started by `wg.Go`), and the parent
/// calls `wg.Wait()` in the channel's block after the start.
pub fn joined_by<'t>(facts: &FileFacts<'t>, ch: &Channel<'t>, start: &Start<'t>) -> Option<Node<'t>> {
    let (_, scopes) = facts.scopes_for(start.func.value)?;
    let wg = counting_wait_group(facts, ch, start)?;
    wait_after(facts, scopes, ch, start.stmt, wg)
}

/// The local `WaitGroup` that counts the start: the goroutine defers
/// `wg.Done()` at its top level (or is started by `wg.Go`), and every
/// `wg.Add` runs in the parent, one of them before the start.
fn counting_wait_group<'t>(
    facts: &FileFacts<'t>,
    ch: &Channel<'t>,
    start: &Start<'t>,
) -> Option<super::scope::BindingId> {
    let (func, go) = (start.func.value, start.stmt);
    if func.kind_str() != k::FUNC_LITERAL || start.file() != FileId::OWN {
        return None;
    }
    let (_, scopes) = facts.scopes_for(func)?;
    // `defer wg.Done()` at the top of the body.
    let deferred_done = || {
        let body = func.field("body")?.named(0)?;
        named_children(body).into_iter().find_map(|s| {
            let call = (s.kind_str() == k::DEFER_STATEMENT).then(|| s.named(0))??;
            method_call_on(facts, call, "Done")
        })
    };
    let mut by_launcher = false;
    let wg = match start.kind {
        StartKind::Go => deferred_done()?,
        // A WaitGroup of its own the body is done with (`wg.Add(1)` then
        // `g.Go(func() error { defer wg.Done(); ... })`), or else the
        // launcher's: `wg.Go(f)` adds before it starts f and is done when f
        // returns.
        StartKind::WaitGroupGo | StartKind::ErrGroupGo => match deferred_done() {
            Some(wg) => wg,
            None => {
                by_launcher = true;
                method_call_on(facts, go.named(0)?, "Go")?
            }
        },
        StartKind::AfterFunc | StartKind::Wrapper | StartKind::Spawner | StartKind::Returned | StartKind::HandedOff => {
            return None;
        }
    };
    let wg = scopes.resolve(wg)?;
    // Every `wg.Add` must run in the parent itself, one before this go
    // statement: an Add inside a goroutine can come after the Wait returned.
    let adds: Vec<Node> = scopes
        .binding(wg)
        .uses
        .iter()
        .filter_map(|u| u.up().and_then(|sel| sel.up().map(|call| (sel, call))))
        .filter(|(sel, call)| {
            sel.kind_str() == k::SELECTOR_EXPRESSION
                && sel.field("field").is_some_and(|f| facts.text(f) == "Add")
                && call.kind_str() == k::CALL_EXPRESSION
        })
        .map(|(_, call)| call)
        .collect();
    let in_parent = |n: Node<'_>| flow::innermost_function(n).is_some_and(|f| f.id() == ch.func.id());
    let counted = by_launcher || adds.iter().any(|a| a.start_byte() < go.start_byte());
    (adds.iter().all(|a| in_parent(*a)) && counted).then_some(wg)
}

/// The goroutine that closes the channel once every sender is done: the
/// `WaitGroup` fan-in's closer, `go func() { wg.Wait(); close(c) }()` (or
/// `defer close(c)` then `wg.Wait()`), nothing else in its body. It is
/// started once, after every goroutine that sends on the channel, and `wg`
/// counts each of them ([`counting_wait_group`]), so its close comes after
/// every send has completed: a buffer cannot make it panic a sender.
fn wait_closer<'t>(pkg: &Package<'t>, ch: &Channel<'t>) -> Option<usize> {
    let facts = pkg.own();
    let closes: Vec<_> = ch.ops_of(OpKind::Close).collect();
    let [close] = closes[..] else { return None };
    let Place::Goroutine(index) = close.place else { return None };
    let closer = ch.starts[index];
    if closer.kind != StartKind::Go
        || closer.file() != FileId::OWN
        || closer.func.value.kind_str() != k::FUNC_LITERAL
        || !loops_after_make(ch, closer.stmt).is_empty()
        || ch.ops.iter().any(|o| o.place == Place::Goroutine(index) && o.node.id() != close.node.id())
    {
        return None;
    }
    let (_, scopes) = facts.scopes_for(closer.func.value)?;
    // `wg.Wait()`, or `_ = g.Wait()` (an errgroup's error dropped).
    let waited = |s: Node<'t>| {
        let call = match s.kind_str() {
            k::EXPRESSION_STATEMENT => s.named(0),
            k::ASSIGNMENT_STATEMENT => s.field("right").and_then(|r| r.named(0)),
            _ => None,
        }?;
        let dropped = super::starts::dropped_result(facts, call).is_some_and(|d| d.id() == s.id());
        dropped.then(|| method_call_on(facts, call, "Wait")).flatten().and_then(|w| scopes.resolve(w))
    };
    let closes_it = |s: Node<'t>, deferred: bool| {
        let want = if deferred { k::DEFER_STATEMENT } else { k::EXPRESSION_STATEMENT };
        s.kind_str() == want && s.named(0).is_some_and(|c| c.id() == close.node.id())
    };
    let wg = match crate::syntax::statements(closer.body()?)[..] {
        [a, b] if closes_it(b, false) => waited(a)?,
        [a, b] if closes_it(a, true) => waited(b)?,
        _ => return None,
    };
    let senders = ch.sender_goroutines();
    let counted = senders.iter().all(|&i| {
        ch.starts[i].stmt.end_byte() <= closer.stmt.start_byte()
            && counting_wait_group(facts, ch, &ch.starts[i]) == Some(wg)
    });
    (!senders.is_empty() && counted).then_some(index)
}

/// The first `wg.Wait()` statement, on the `WaitGroup` binding `wg`, in the
/// channel's block after the statement `after`.
fn wait_after<'t>(
    facts: &FileFacts<'t>,
    scopes: &super::Scopes<'t>,
    ch: &Channel<'t>,
    after: Node<'t>,
    wg: super::scope::BindingId,
) -> Option<Node<'t>> {
    named_children(ch.stmt.up()?).into_iter().find(|s| {
        s.start_byte() > after.end_byte()
            && s.kind_str() == k::EXPRESSION_STATEMENT
            && s.named(0).and_then(|c| method_call_on(facts, c, "Wait")).is_some_and(|w| scopes.resolve(w) == Some(wg))
    })
}

/// The `wg.Wait()` statement after which every send on the channel has
/// been received, when the goroutine ranging over it counts the items: the
/// seed's channel-iteration shape. The ranger's loop body calls
/// `wg.Done()` once per item, unconditionally (no `continue`); every other
/// start that uses the channel sends on it exactly once on every path and
/// is paired with a `wg.Add(1)` before it in the same block, in the
/// parent; nothing else adds, is done or uses `wg`; the parent itself does
/// not send; and the parent calls `wg.Wait()` in the channel's block after
/// the last start. When that Wait returns, as many items were received as
/// were sent, so every send is complete and a close cannot panic a sender.
#[must_use]
pub fn joined_through_ranger<'t>(pkg: &Package<'t>, ch: &Channel<'t>) -> Option<Node<'t>> {
    let facts = pkg.own();
    let ranges: Vec<_> = ch.ops_of(OpKind::Range).collect();
    let [range] = ranges[..] else { return None };
    let Place::Goroutine(r) = range.place else { return None };
    let ranger = ch.starts[r];
    if ranger.file() != FileId::OWN || range.node.kind_str() != k::FOR_STATEMENT || !contains(ch.func, range.node) {
        return None;
    }
    if ch.escape.is_some()
        || ch.ops.iter().any(|o| o.kind == OpKind::Close || (o.kind == OpKind::Send && o.place == Place::Parent))
    {
        return None;
    }
    // `wg.Done()` once per item, at the top of the loop body's statements,
    // or deferred at the top of a literal called there (`func() { defer
    // wg.Done(); ... }()`).
    let body = range.node.field("body")?;
    let dones: Vec<Node<'t>> = crate::syntax::statements(body).into_iter().filter_map(|s| dones_in(facts, s)).collect();
    let [wg] = dones[..] else { return None };
    if facts.jumps(body).iter().any(|j| j.kind_str() == k::CONTINUE_STATEMENT || j.kind_str() == k::GOTO_STATEMENT) {
        return None;
    }
    let (_, scopes) = facts.scopes_for(ch.make)?;
    let id = scopes.resolve(wg)?;
    let b = scopes.binding(id);
    if !b.assignments.is_empty() || !known::binding_is(b, facts.src, known::SYNC_WAITGROUP) {
        return None;
    }
    // Every use of `wg`: this Done, `wg.Add(1)` statements in the parent
    // (or `wg.Add(len(xs))` right before a loop over `xs` starting one
    // sender per item), Waits.
    let mut adds = Vec::new();
    let mut loop_adds = Vec::new();
    for u in &b.uses {
        let call = u.up().filter(|s| s.kind_str() == k::SELECTOR_EXPRESSION).and_then(|s| s.up());
        let method = u.up().and_then(|s| s.field("field")).map(|f| facts.text(f));
        let stmt = call.and_then(|c| c.up()).filter(|s| s.kind_str() == k::EXPRESSION_STATEMENT);
        match (method, call, stmt) {
            (Some("Done"), _, _) if u.id() == wg.id() => {}
            (Some("Wait"), Some(_), Some(_)) => {}
            (Some("Add"), Some(c), Some(s)) => {
                let one = c
                    .field("arguments")
                    .map(named_children)
                    .is_some_and(|a| matches!(a[..], [n] if n.kind_str() == k::INT_LITERAL && facts.text(n) == "1"));
                let per_item = if one { None } else { Some(len_of_next_range(pkg, scopes, c, s)?) };
                if !matches!(
                    super::starts::place_of(pkg, crate::analysis::InFile::new(FileId::OWN, s), ch.func),
                    Some(Place::Parent)
                ) {
                    return None;
                }
                match per_item {
                    None => adds.push(s),
                    Some(launch) => loop_adds.push(launch),
                }
            }
            _ => return None,
        }
    }
    // Each sender: exactly one send on every path, right after its own Add.
    let mut senders = ch.sender_goroutines();
    senders.sort_unstable();
    senders.dedup();
    if senders.is_empty() || senders.contains(&r) || adds.len() + loop_adds.len() != senders.len() {
        return None;
    }
    let mut last_start: Option<Node<'t>> = None;
    for g in senders {
        let start = ch.starts[g];
        let sends: Vec<_> =
            ch.ops_of(OpKind::Send).filter(|o| o.place == Place::Goroutine(g)).map(|o| o.node).collect();
        let body = start.body()?;
        let src = pkg.file(start.file()).src;
        if flow::send_bounds(body, src, &|x| sends.iter().any(|s| s.id() == x.id())) != (1, 1)
            || sends
                .iter()
                .any(|s| crate::syntax::ancestors_within(body, *s).iter().any(|a| a.kind_str() == k::DEFER_STATEMENT))
        {
            return None;
        }
        let paired = std::iter::successors(start.stmt.prev_named_sibling(), Node::prev_named_sibling)
            .find(|n| !n.is_extra())
            .is_some_and(|a| adds.iter().any(|x| x.id() == a.id()));
        // The one start of a loop counted by the Add before it.
        let counted = loop_adds.iter().any(|l: &Node<'t>| {
            l.field("body")
                .is_some_and(|b| matches!(crate::syntax::statements(b)[..], [only] if only.id() == start.stmt.id()))
        });
        if !paired && !counted {
            return None;
        }
        if last_start.is_none_or(|l| start.stmt.start_byte() > l.start_byte()) {
            last_start = Some(start.stmt);
        }
    }
    wait_after(facts, scopes, ch, last_start?, id)
}

/// The `wg.Done()` a loop body's statement `s` surely runs once: `s`
/// itself, or `defer wg.Done()` at the top of a literal `s` calls at once
/// (`func() { defer wg.Done(); ... }()`).
fn dones_in<'t>(facts: &FileFacts<'t>, s: Node<'t>) -> Option<Node<'t>> {
    let call = s.named(0).filter(|c| s.kind_str() == k::EXPRESSION_STATEMENT && c.kind_str() == k::CALL_EXPRESSION)?;
    if let Some(wg) = method_call_on(facts, call, "Done") {
        return Some(wg);
    }
    let lit = call.field("function").filter(|f| f.kind_str() == k::FUNC_LITERAL)?;
    if !call.field("arguments").is_some_and(|a| named_children(a).is_empty()) {
        return None;
    }
    let dones: Vec<_> = crate::syntax::statements(lit.field("body")?)
        .into_iter()
        .filter(|d| d.kind_str() == k::DEFER_STATEMENT)
        .filter_map(|d| d.named(0).and_then(|c| method_call_on(facts, c, "Done")))
        .collect();
    match dones[..] {
        [wg] => Some(wg),
        _ => None,
    }
}

/// For `wg.Add(len(xs))` (the call `add`, statement `stmt`) followed at
/// once by `for ... range xs`, `xs` a slice, array or map of the package's
/// types: that loop, which iterates `len(xs)` times.
fn len_of_next_range<'t>(
    pkg: &Package<'t>,
    scopes: &super::Scopes<'t>,
    add: Node<'t>,
    stmt: Node<'t>,
) -> Option<Node<'t>> {
    let facts = pkg.own();
    let [arg] = add.field("arguments").map(named_children).unwrap_or_default()[..] else { return None };
    let len = arg.field("function").filter(|f| arg.kind_str() == k::CALL_EXPRESSION && facts.text(*f) == "len")?;
    let [xs] = arg.field("arguments").map(named_children).unwrap_or_default()[..] else { return None };
    if xs.kind_str() != k::IDENTIFIER || scopes.resolve(len).is_some() {
        return None;
    }
    let next = std::iter::successors(stmt.next_named_sibling(), Node::next_named_sibling).find(|n| !n.is_extra())?;
    let clause = named_children(next).into_iter().find(|c| c.kind_str() == k::RANGE_CLAUSE)?;
    let over = clause.field("right").filter(|o| o.kind_str() == k::IDENTIFIER)?;
    let same = scopes.resolve(over).is_some_and(|b| scopes.resolve(xs) == Some(b));
    let collection = matches!(super::types::shape_in_package(pkg, scopes, xs), super::types::Shape::Collection);
    (next.kind_str() == k::FOR_STATEMENT && same && collection).then_some(next)
}

/// For `x.method()`, the identifier `x`.
fn method_call_on<'t>(facts: &FileFacts<'_>, call: Node<'t>, method: &str) -> Option<Node<'t>> {
    if call.kind_str() != k::CALL_EXPRESSION {
        return None;
    }
    let f = call.field("function").filter(|f| f.kind_str() == k::SELECTOR_EXPRESSION)?;
    let field = f.field("field")?;
    let operand = f.field("operand").filter(|o| o.kind_str() == k::IDENTIFIER)?;
    (facts.text(field) == method).then_some(operand)
}

/// Can the goroutine `start`, released from waiting at `wait` (its range
/// over the channel ending, its receive taking the close), run what follows
/// without a new panic? What follows the wait in its body, and its deferred
/// calls, may not panic (`panic`, `log.Panic`, a `t.Fatal`-style exit) nor
/// close a channel other than one of the function, made there, that nothing
/// else closes (`close(out)` ending a pipeline stage; not `close(s.conns)`
/// or a channel the parent closes too). Before the fix that code never ran
/// (a range that never ended), or ran only on the normal path.
#[must_use]
pub fn released_cleanly<'t>(pkg: &Package<'t>, start: &Start<'t>, wait: Node<'t>) -> bool {
    let Some(body) = start.body() else { return false };
    if start.file() != FileId::OWN {
        return false;
    }
    let facts = pkg.own();
    let Some((_, scopes)) = facts.scopes_for(body) else { return false };
    let mut clean = true;
    crate::syntax::walk_preorder(body, |n| {
        if !clean || n.id() == wait.id() {
            return false;
        }
        let after = n.start_byte() >= wait.end_byte();
        let relevant = matches!(n.kind_str(), k::EXPRESSION_STATEMENT | k::CALL_EXPRESSION)
            && (after || ancestors(n).any(|a| a.kind_str() == k::DEFER_STATEMENT && contains(body, a)));
        if !relevant {
            return true;
        }
        if n.kind_str() == k::EXPRESSION_STATEMENT && flow::is_panic_or_exit(n, facts.src) {
            clean = false;
        }
        if n.kind_str() == k::CALL_EXPRESSION {
            let f = n.field("function");
            let name = f.map(|f| facts.text(f));
            if name == Some("panic") {
                clean = false;
            }
            if name == Some("close") {
                let arg = n.field("arguments").and_then(|a| a.named(0)).filter(|a| a.kind_str() == k::IDENTIFIER);
                let closes_once = arg
                    .and_then(|a| scopes.resolve(a))
                    .and_then(|b| scopes.binding(b).init)
                    .filter(|i| super::channels::is_make_chan(facts, *i))
                    .and_then(|i| super::channels::channel_of(pkg, i))
                    .is_some_and(|c| c.escape.is_none() && c.ops_of(OpKind::Close).count() == 1);
                clean &= closes_once;
            }
        }
        true
    });
    clean
}

#[cfg(test)]
mod tests {
    use crate::analysis::{FileFacts, OpKind, Package, Sources, channels};
    use crate::syntax::Fast as _;

    /// The channels of the first function of `src`, with their package.
    fn with_channels(src: &str, f: impl for<'t> Fn(&Package<'t>, &[super::Channel<'t>])) {
        let tree = crate::syntax::parse(src.as_bytes()).unwrap();
        let sources = Sources::new(None, Vec::new(), true);
        let pkg = Package::new(FileFacts::new(std::slice::from_ref(&tree), src.as_bytes()), &sources);
        let decl = pkg.own().decls()[0];
        f(&pkg, &channels::channels_in(&pkg, decl));
    }

    #[test]
    fn the_sole_sender_is_computed_once_and_shared() {
        with_channels(
            "package p\nfunc f() int {\n\tc := make(chan int)\n\tgo func() { c <- 1 }()\n\treturn <-c\n}\n",
            |pkg, chs| {
                let [ch] = chs else { panic!("one channel") };
                let s = ch.sole_sender(pkg).expect("one sender");
                assert!(s.every_path && s.last);
                assert!(std::ptr::eq(s, ch.sole_sender(pkg).unwrap()), "cached, not recomputed");
            },
        );
        // Two goroutines send: not the capacity fixes' pattern.
        with_channels(
            "package p\nfunc f() {\n\tc := make(chan int)\n\tgo func() { c <- 1 }()\n\tgo func() { c <- 2 }()\n\t<-c\n}\n",
            |pkg, chs| {
                assert!(chs[0].sole_sender(pkg).is_none());
            },
        );
    }

    #[test]
    fn a_receive_in_a_select_knows_its_select_and_cases() {
        let src = "package p\nfunc f(d chan int) {\n\tc := make(chan int)\n\tgo func() { c <- 1 }()\n\tselect {\n\tcase <-c:\n\tcase <-d:\n\tdefault:\n\t}\n}\n";
        with_channels(src, |_, chs| {
            let recv = chs[0].ops_of(OpKind::Recv).next().unwrap().node;
            let sel = crate::analysis::selects::select_of(recv).expect("received in a select");
            assert_eq!(crate::analysis::selects::case_count(sel), 3);
        });
    }

    #[test]
    fn unbuffered_means_the_builtin_make_without_capacity() {
        let src = "package p\nfunc f() {\n\ta := make(chan int)\n\tb := make(chan int, 0)\n\tc := make(chan int, 1)\n\tmake := func(x any) chan int { return nil }\n\td := make(chan int)\n\t_, _, _, _ = a, b, c, d\n}\n";
        let tree = crate::syntax::parse(src.as_bytes()).unwrap();
        let facts = FileFacts::new(std::slice::from_ref(&tree), src.as_bytes());
        let mut calls = Vec::new();
        crate::syntax::walk_preorder(tree.root_node(), |n| {
            if n.kind_str() == "call_expression"
                && n.utf8_text(src.as_bytes()).is_ok_and(|t| t.starts_with("make(chan"))
            {
                calls.push(channels::is_unbuffered_make(&facts, n));
            }
            true
        });
        assert_eq!(calls, [true, true, false, false], "a shadowed make is not the builtin");
    }

    /// The most `go` statements one path through the body of `f` in
    /// `body` runs, by [`super::most_on_a_path`].
    fn most_gos(body: &str) -> usize {
        let src = format!("package p\nfunc f(x, y bool, n int) {{\n{body}\n}}\n");
        let tree = crate::syntax::parse(src.as_bytes()).unwrap();
        let mut block = None;
        crate::syntax::walk_preorder(tree.root_node(), |n| {
            if block.is_none() && n.kind_str() == "block" {
                block = Some(n);
            }
            block.is_none()
        });
        super::most_on_a_path(block.unwrap(), &|n| n.kind_str() == "go_statement")
    }

    #[test]
    fn the_most_started_on_a_path_counts_exclusive_arms_once() {
        assert_eq!(most_gos("go a()\ngo b()"), 2);
        assert_eq!(most_gos("if x {\n\tgo a()\n\tgo b()\n} else {\n\tgo a()\n}"), 2);
        assert_eq!(most_gos("go a()\nif x {\n\tgo b()\n}"), 2);
        assert_eq!(most_gos("if x {\n\tgo a()\n} else if y {\n\tgo b()\n} else {\n\tgo c()\n}"), 1);
        assert_eq!(most_gos("switch n {\ncase 1:\n\tgo a()\ncase 2:\n\tgo a()\n\tgo b()\ndefault:\n}"), 2);
        assert_eq!(most_gos("f := func() {\n\tgo inner()\n}\nf()"), 0, "not into a func literal");
        // Blind to correlated conditions: the caller refuses two conditionals.
        assert_eq!(most_gos("if x {\n\tgo a()\n}\nif !x {\n\tgo b()\n}"), 2);
    }
}
