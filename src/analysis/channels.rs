//! Channels made in a function and every operation on them: where each is
//! sent, received, ranged over, closed, and whether the channel escapes
//! (returned, stored, passed to code that is not analysed).

use crate::syntax::Fast as _;
use crate::syntax::Up as _;
use tree_sitter::Node;

use super::starts::{self, CallStart, Place, Start};
use super::summaries::AtCall;
use super::{FileFacts, FileId, InFile, Package};
use crate::syntax::Named as _;
use crate::syntax::{ancestors, contains, kinds as k, named_children};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpKind {
    Send,
    Recv,
    Range,
    Close,
}

#[derive(Debug, Clone, Copy)]
pub struct Op<'t> {
    pub kind: OpKind,
    /// `send_statement`, `<-c` unary expression, the ranging `for_statement`,
    /// or the `close(c)` call.
    pub node: Node<'t>,
    pub place: Place,
}

/// Why a channel's operations cannot all be seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Escape {
    #[error("the variable is assigned more than once")]
    AssignedTwice,
    #[error("the variable is a parameter or named result")]
    Parameter,
    #[error("the variable is declared outside the function that makes the channel")]
    DeclaredOutside,
    #[error("the function loops with goto")]
    GotoLoop,
    #[error("used in a closure that is not a goroutine")]
    Closure,
    #[error("sent on another channel")]
    SentOnChannel,
    #[error("returned")]
    Returned,
    #[error("reassigned")]
    Reassigned,
    #[error("assigned to another variable")]
    Copied,
    #[error("used in an expression list")]
    ExpressionList,
    #[error("stored in a composite literal")]
    Stored,
    #[error("used in a way that is not analysed")]
    OtherUse,
    #[error("passed to a function whose body is not analysed")]
    PassedToUnknown,
    #[error("passed to a function that does more with it than one send, receive, range or close")]
    CalleeDoesMore,
    #[error("passed as a variadic argument")]
    Variadic,
    #[error("the goroutine's body is too deeply nested")]
    BodyTooDeep,
    #[error("the goroutine's body has a syntax error")]
    BodyBroken,
    #[error("the goroutine reassigns its parameter")]
    ParamReassigned,
    #[error("used in a closure inside the goroutine")]
    ClosureInGoroutine,
}

/// A channel made by `make(chan T[, n])` and held in one local variable.
#[derive(Debug)]
pub struct Channel<'t> {
    pub name: &'t str,
    /// The function (declaration or literal) the channel is made in.
    pub func: Node<'t>,
    /// The `make(...)` call.
    pub make: Node<'t>,
    /// The capacity argument, if any.
    pub capacity: Option<Node<'t>>,
    /// The statement holding the `make` (or the `var` that declares it).
    pub stmt: Node<'t>,
    /// The channel variable is declared receive-only (`<-chan T`).
    pub recv_only: bool,
    /// The starts whose body uses the channel.
    pub starts: Vec<Start<'t>>,
    pub ops: Vec<Op<'t>>,
    /// Facts computed from the operations on first use ([`super::channel_facts`]).
    pub(super) facts: super::channel_facts::Cache<'t>,
    /// Why the channel's operations cannot all be seen, if they cannot.
    pub escape: Option<(Node<'t>, Escape)>,
    /// Receives that are a case of a select in a closure variable the
    /// parent calls once (`wait := func() { select { case v := <-c: ...
    /// } }` ... `wait()`): the call (the [`Op::node`] of the receive, where
    /// it happens) and the receive itself.
    pub called: Vec<(Node<'t>, Node<'t>)>,
    /// For a channel a constructor of the file returns (`x :=
    /// fetchAsync(key)`, [`Channel::make`] being that call): the
    /// constructor's start and its own `make`.
    pub returned: Option<starts::Returned<'t>>,
    /// For a channel handed to a handler in a request's reply field
    /// ([`super::handoff`]): the handler, whose start is among
    /// [`Channel::starts`].
    pub handed: Option<Box<super::handoff::HandedOff<'t>>>,
    /// When the parent's receives are in a loop of a closure it calls once
    /// ([`starts::looped_closure_call`]): the call, where they happen in
    /// the parent's flow, and the closure.
    pub looped_in: Option<(Node<'t>, Node<'t>)>,
}

impl<'t> Channel<'t> {
    /// A channel with no operation, start or escape recorded yet.
    fn new(
        name: &'t str,
        func: Node<'t>,
        make: Node<'t>,
        capacity: Option<Node<'t>>,
        stmt: Node<'t>,
        recv_only: bool,
    ) -> Self {
        Channel {
            name,
            func,
            make,
            capacity,
            stmt,
            recv_only,
            starts: Vec::new(),
            ops: Vec::new(),
            facts: super::channel_facts::Cache::default(),
            escape: None,
            called: Vec::new(),
            returned: None,
            handed: None,
            looped_in: None,
        }
    }

    /// The `make(chan T)` call that makes the channel (the one a capacity
    /// fix edits): [`Channel::make`], or the constructor's own.
    #[must_use]
    pub fn made(&self) -> Node<'t> {
        self.returned.map_or(self.make, |r| r.make)
    }

    /// Does its sender run elsewhere: a constructor's goroutine, or a
    /// request's handler? (Only the capacity fixes of its `make` read it.)
    #[must_use]
    pub fn remote_sender(&self) -> bool {
        self.returned.is_some() || self.handed.is_some()
    }

    /// `make(chan T)` or `make(chan T, 0)`.
    #[must_use]
    pub fn unbuffered(&self, facts: &FileFacts<'_>) -> bool {
        zero_capacity(facts, self.capacity)
    }

    /// Where the receive whose [`Op::node`] is `node` is written: itself,
    /// or the receive inside the closure a call runs ([`Channel::called`]).
    #[must_use]
    pub fn receive_site(&self, node: Node<'t>) -> Node<'t> {
        self.called.iter().find(|(call, _)| call.id() == node.id()).map_or(node, |(_, recv)| *recv)
    }

    /// Where every receive from the channel is written ([`Self::receive_site`]).
    #[must_use]
    pub fn receive_sites(&self) -> Vec<Node<'t>> {
        self.ops_of(OpKind::Recv).map(|o| self.receive_site(o.node)).collect()
    }

    pub fn ops_of(&self, kind: OpKind) -> impl Iterator<Item = &Op<'t>> {
        self.ops.iter().filter(move |o| o.kind == kind)
    }

    /// Goroutines (indices) that send on the channel.
    #[must_use]
    pub fn sender_goroutines(&self) -> Vec<usize> {
        let mut v: Vec<usize> = self
            .ops_of(OpKind::Send)
            .filter_map(|o| match o.place {
                Place::Goroutine(g) => Some(g),
                _ => None,
            })
            .collect();
        v.dedup();
        v
    }
}

/// Every channel made in the top-level declaration `decl`.
#[must_use]
pub fn channels_in<'t>(pkg: &Package<'t>, decl: Node<'t>) -> Vec<Channel<'t>> {
    let facts = pkg.own();
    crate::syntax::token_nodes(decl, facts.src, b"make")
        .into_iter()
        .filter_map(|ident| ident.up())
        .filter(|call| call.kind_str() == k::CALL_EXPRESSION && is_make_chan(facts, *call))
        .filter_map(|m| channel_of(pkg, m).or_else(|| handed_channel(pkg, m)))
        .collect()
}

/// The channel `make` makes in a request's reply field (`req :=
/// request{key: k, reply: make(chan string)}`), handed to the handler of
/// that field ([`super::handoff`]): the caller's operations are its
/// receives from `req.reply`.
fn handed_channel<'t>(pkg: &Package<'t>, make: Node<'t>) -> Option<Channel<'t>> {
    let func = super::flow::innermost_function(make)?;
    let h = super::handoff::handed_off(pkg, make, make, func)?;
    let stmt = statement_of(make)?;
    let mut ch = Channel::new(h.name, func, make, make.field("arguments").and_then(|a| a.named(1)), stmt, false);
    hand_off(pkg, &mut ch, h);
    Some(ch)
}

/// The statement holding `n` (its ancestor in a block's statement list).
fn statement_of(n: Node<'_>) -> Option<Node<'_>> {
    ancestors(n).find(|a| a.up().is_some_and(|p| p.kind_str() == k::BLOCK || p.kind_str() == k::STATEMENT_LIST))
}

/// Record the handler `h` of the channel: its start, its sends, and the
/// caller's receives from the request's field (each the parent's, or the
/// channel escapes).
fn hand_off<'t>(pkg: &Package<'t>, ch: &mut Channel<'t>, h: super::handoff::HandedOff<'t>) {
    if ch.handed.is_some() {
        ch.escape = Some((h.start.stmt, Escape::Stored));
        return;
    }
    let g = ch.start(h.start);
    for &send in &h.handler.sends {
        ch.ops.push(Op { kind: OpKind::Send, node: send, place: Place::Goroutine(g) });
    }
    for &recv in &h.receives {
        match starts::place_of(pkg, InFile::new(FileId::OWN, recv), ch.func) {
            Some(Place::Parent) => ch.ops.push(Op { kind: OpKind::Recv, node: recv, place: Place::Parent }),
            _ => ch.escape = Some((recv, Escape::Closure)),
        }
    }
    ch.handed = Some(Box::new(h));
}

/// Every channel of the top-level declaration `decl` that a constructor of
/// the file returns to it (`x := fetchAsync(key)`, see
/// [`starts::returned_by`]), for the transforms that read unbuffered sends.
/// The constructor's goroutine is the channel's one start, its operations
/// on the constructor's variable the start's; the caller's uses of `x` are
/// the parent's, as for a made channel.
#[must_use]
pub fn returned_in<'t>(pkg: &Package<'t>, decl: Node<'t>) -> Vec<Channel<'t>> {
    let facts = pkg.own();
    facts
        .constructors()
        .iter()
        .flat_map(|n| crate::syntax::token_nodes(decl, facts.src, n.as_bytes()))
        .filter_map(|ident| {
            let f =
                if ident.up().is_some_and(|p| p.kind_str() == k::SELECTOR_EXPRESSION) { ident.up()? } else { ident };
            f.up()
                .filter(|c| c.kind_str() == k::CALL_EXPRESSION && c.field("function").is_some_and(|g| g.id() == f.id()))
        })
        .filter_map(|call| returned_of(pkg, call))
        .collect()
}

/// The channel a constructor returns to the call `call` ([`returned_in`]).
fn returned_of<'t>(pkg: &Package<'t>, call: Node<'t>) -> Option<Channel<'t>> {
    let facts = pkg.own();
    let r = starts::returned_by(pkg, call)?;
    let capacity = r.make.field("arguments").and_then(|a| a.named(1));
    let mut ch = if r.start.stmt.id() == call.id() {
        // Received from at once (`case v := <-fetchAsync(key):`): that
        // receive is the parent's only operation.
        let recv = call.up()?;
        let stmt = statement_of(call)?;
        let mut ch = Channel::new(facts.text(call), super::flow::innermost_function(call)?, call, capacity, stmt, true);
        ch.ops.push(Op { kind: OpKind::Recv, node: recv, place: Place::Parent });
        ch
    } else {
        let (ident, stmt) = target(call)?;
        collect(pkg, call, capacity, ident, stmt, false)?
    };
    ch.returned = Some(r);
    if ch.escape.is_some() {
        return Some(ch);
    }
    let g = ch.start(r.start);
    let (_, scopes) = facts.scopes_for(r.make)?;
    let b = scopes.binding(scopes.resolve(r.ident)?);
    for &u in &b.uses {
        if !crate::syntax::contains(r.start.func.value, u) {
            continue; // the `return c`
        }
        // Only in the goroutine itself, not in a closure inside it.
        if super::flow::innermost_function(u).is_none_or(|f| f.id() != r.start.func.value.id()) {
            ch.escape = Some((u, Escape::Closure));
            break;
        }
        record(pkg, &mut ch, u, Place::Goroutine(g), false);
        if ch.escape.is_some() {
            break;
        }
    }
    Some(ch)
}

/// No capacity argument, or a literal `0`.
fn zero_capacity(facts: &FileFacts<'_>, capacity: Option<Node<'_>>) -> bool {
    capacity.is_none_or(|c| c.kind_str() == k::INT_LITERAL && facts.text(c) == "0")
}

/// Is `e` the call `make(chan T)` or `make(chan T, 0)` of the builtin `make`?
#[must_use]
pub fn is_unbuffered_make(facts: &FileFacts<'_>, e: Node<'_>) -> bool {
    e.kind_str() == k::CALL_EXPRESSION
        && is_make_chan(facts, e)
        && zero_capacity(facts, e.field("arguments").and_then(|a| a.named(1)))
}

/// Is `call` a call of the builtin `make` (not shadowed) with a channel type?
pub(super) fn is_make_chan(facts: &FileFacts<'_>, call: Node<'_>) -> bool {
    let Some(f) = call.field("function") else { return false };
    if f.kind_str() != k::IDENTIFIER || facts.text(f) != "make" {
        return false;
    }
    let first = call.field("arguments").and_then(|a| a.named(0));
    first.is_some_and(|a| a.kind_str() == k::CHANNEL_TYPE)
        && facts.scopes_for(f).is_some_and(|(_, s)| s.resolve(f).is_none())
}

/// The variable a `make` call is stored in, with the statement that does it.
pub(super) fn target(make: Node<'_>) -> Option<(Node<'_>, Node<'_>)> {
    let list = make.up().filter(|p| p.kind_str() == k::EXPRESSION_LIST)?;
    let index = named_children(list).iter().position(|c| c.id() == make.id())?;
    let stmt = list.up()?;
    let names: Vec<Node> = match stmt.kind_str() {
        k::SHORT_VAR_DECLARATION | k::ASSIGNMENT_STATEMENT => {
            if stmt.kind_str() == k::ASSIGNMENT_STATEMENT && stmt.field("operator").is_some_and(|o| o.kind_str() != "=")
            {
                return None;
            }
            named_children(stmt.field("left")?)
        }
        k::VAR_SPEC => {
            let mut c = stmt.walk();
            stmt.children_by_field_name("name", &mut c).collect()
        }
        _ => return None,
    };
    if names.len() != named_children(list).len() {
        return None;
    }
    let ident = names.get(index).copied().filter(|n| n.kind_str() == k::IDENTIFIER)?;
    // A `var` spec is anchored by its whole declaration statement.
    let anchor = if stmt.kind_str() == k::VAR_SPEC {
        ancestors(stmt).find(|a| a.kind_str() == k::VAR_DECLARATION)?
    } else {
        stmt
    };
    Some((ident, anchor))
}

/// Every channel variable of the top-level declaration `decl` declared
/// without a value, by a `var` statement of one name (`var c chan T`): nil
/// until assigned. Its [`Channel::make`] is the `var` spec, its capacity
/// none; the transforms that read made channels never see these.
#[must_use]
pub fn nil_channels_in<'t>(pkg: &Package<'t>, decl: Node<'t>) -> Vec<Channel<'t>> {
    let facts = pkg.own();
    crate::syntax::token_nodes(decl, facts.src, b"var")
        .into_iter()
        .filter_map(|n| if n.kind_str() == k::VAR_DECLARATION { Some(n) } else { n.up() })
        .filter(|d| d.kind_str() == k::VAR_DECLARATION)
        .filter_map(|d| {
            let specs = named_children(d);
            let [spec] = specs.as_slice() else { return None };
            let mut c = spec.walk();
            let names: Vec<Node> = spec.children_by_field_name("name", &mut c).collect();
            let [ident] = names.as_slice() else { return None };
            let chan_type = spec.field("type").is_some_and(|t| t.kind_str() == k::CHANNEL_TYPE);
            (spec.kind_str() == k::VAR_SPEC && chan_type && spec.field("value").is_none())
                .then(|| collect(pkg, *spec, None, *ident, d, false))?
        })
        .collect()
}

/// The channel made by the `make` call `make` (another channel's facts may
/// need it: see [`super::selects::select_receives_every_send`]).
pub(super) fn channel_of<'t>(pkg: &Package<'t>, make: Node<'t>) -> Option<Channel<'t>> {
    let (ident, stmt) = target(make)?;
    let capacity = make.field("arguments").and_then(|a| a.named(1));
    collect(pkg, make, capacity, ident, stmt, false)
}

/// `ch` (made by `make`) as double-send reads it: a goroutine's call that
/// hands the channel to a function of the package that only sends on it,
/// any number of times ([`AtCall::Sends`]), is a send at the call statement
/// instead of an escape. Only double-send and nil-channel (where any send
/// blocks) read this view: such a call may be two sends, not one.
#[must_use]
pub fn with_sending_calls<'t>(pkg: &Package<'t>, ch: &Channel<'t>) -> Option<Channel<'t>> {
    let (ident, stmt) = if ch.make.kind_str() == k::VAR_SPEC {
        // A nil channel's `var c chan T` (see [`nil_channels_in`]).
        (ch.make.field("name")?, ch.make.up()?)
    } else {
        target(ch.make)?
    };
    collect(pkg, ch.make, ch.capacity, ident, stmt, true)
}

/// The channel held in the variable declared or assigned at `ident` by
/// `stmt`, from `make` (a `make` call, or a `var` spec without a value);
/// with `sending_calls`, as [`with_sending_calls`] reads it.
fn collect<'t>(
    pkg: &Package<'t>,
    make: Node<'t>,
    capacity: Option<Node<'t>>,
    ident: Node<'t>,
    stmt: Node<'t>,
    sending_calls: bool,
) -> Option<Channel<'t>> {
    let facts = pkg.own();
    let (decl, scopes) = facts.scopes_for(make)?;
    if scopes.too_deep {
        return None;
    }
    let binding = scopes.resolve(ident)?;
    let b = scopes.binding(binding);
    let func = super::flow::innermost_function(make).unwrap_or(decl);
    let recv_only = b.ty.is_some_and(|t| facts.text(t).starts_with("<-"));
    let mut ch = Channel::new(facts.text(ident), func, make, capacity, stmt, recv_only);
    // The variable must hold this channel and nothing else.
    let is_decl = b.ident.id() == ident.id();
    let other_assignments = b.assignments.iter().filter(|a| a.id() != ident.id()).count();
    if other_assignments > 0 || (!is_decl && b.init.is_some()) {
        ch.escape = Some((make, Escape::AssignedTwice));
        return Some(ch);
    }
    if !is_decl && b.kind == super::scope::BindingKind::Param {
        ch.escape = Some((make, Escape::Parameter));
        return Some(ch);
    }
    if !is_decl && !ancestors(b.ident).any(|a| a.id() == func.id()) {
        ch.escape = Some((make, Escape::DeclaredOutside));
        return Some(ch);
    }
    // A backward `goto` can repeat any statement, go statements included.
    if let Some(g) = backward_goto(facts, func) {
        ch.escape = Some((g, Escape::GotoLoop));
        return Some(ch);
    }
    let uses = b.uses.clone();
    for u in uses {
        if u.id() == ident.id() {
            continue;
        }
        let ctx = match starts::place_of(pkg, InFile::new(FileId::OWN, u), func) {
            Some(Place::Parent) => Place::Parent,
            Some(Place::Deferred) => Place::Deferred,
            Some(Place::Goroutine(start)) => Place::Goroutine(ch.start(start)),
            // In a closure the parent calls: the operation happens at the call.
            None if let Some(call) = starts::sync_closure_call(facts, u, func) => {
                match use_of(facts, u) {
                    Use::Op(kind, _) => ch.ops.push(Op { kind, node: call, place: Place::Parent }),
                    Use::Nothing => {}
                    Use::Argument { call, .. } => ch.escape = Some((call, Escape::PassedToUnknown)),
                    Use::Escape(node, why) => ch.escape = Some((node, why)),
                }
                if ch.escape.is_some() {
                    break;
                }
                continue;
            }
            // A case of a select the closure always reaches: the receive
            // happens at the call, if the select takes its case.
            None if let Some((call, recv)) = called_select_receive(facts, u, func) => {
                ch.ops.push(Op { kind: OpKind::Recv, node: call, place: Place::Parent });
                ch.called.push((call, recv));
                continue;
            }
            // A receive in a loop of a closure the parent calls once: the
            // parent's, where the closure's code puts it (every receive must
            // then be in that closure, checked below).
            None if receive_in_looped_closure(facts, &mut ch, u, func).is_some() => continue,
            // In a closure variable started by several go statements: the
            // operation happens in each of those goroutines.
            None if !starts::closure_var_starts(pkg, u, func).is_empty() => {
                for start in starts::closure_var_starts(pkg, u, func) {
                    let ctx = Place::Goroutine(ch.start(start));
                    record(pkg, &mut ch, u, ctx, sending_calls);
                }
                if ch.escape.is_some() {
                    break;
                }
                continue;
            }
            // A callback that only sends, handed to a go statement's
            // callee: each of its calls there is a send in that goroutine.
            None if let Some(started) = starts::callback_sends(pkg, u, func) => {
                for (start, calls) in started {
                    let g = ch.start(start);
                    for call in calls {
                        ch.ops.push(Op { kind: OpKind::Send, node: call, place: Place::Goroutine(g) });
                    }
                }
                continue;
            }
            None => {
                ch.escape.get_or_insert((u, Escape::Closure));
                continue;
            }
        };
        record(pkg, &mut ch, u, ctx, sending_calls);
        if ch.escape.is_some() {
            break;
        }
    }
    closure_receives_in_order(&mut ch);
    Some(ch)
}

/// Receives in closures the parent calls must each be one receive at the
/// call, in the order the calls run: an escape otherwise.
fn closure_receives_in_order(ch: &mut Channel<'_>) {
    // Receiving in a closure's loop and elsewhere too: which receive comes
    // first is not the order of the text.
    if let Some((_, lit)) = ch.looped_in
        && let Some(o) = ch.ops.iter().find(|o| {
            o.place == Place::Parent && matches!(o.kind, OpKind::Recv | OpKind::Range) && !contains(lit, o.node)
        })
    {
        ch.escape = Some((o.node, Escape::Closure));
    }
    // A call that is a select's receive and another operation too (`<-c`
    // before the select in the same closure) is not one receive that may
    // not happen.
    if let Some((call, _)) =
        ch.called.iter().find(|(call, _)| ch.ops.iter().filter(|o| o.node.id() == call.id()).count() > 1)
    {
        ch.escape = Some((*call, Escape::Closure));
    }
}

/// Record `u`, a receive in a loop of a closure the parent calls once
/// ([`starts::looped_closure_call`]), as the parent's: every such receive
/// of the channel must be in the same closure.
fn receive_in_looped_closure<'t>(
    facts: &FileFacts<'t>,
    ch: &mut Channel<'t>,
    u: Node<'t>,
    func: Node<'t>,
) -> Option<()> {
    let (call, lit) = starts::looped_closure_call(facts, u, func, ch.make)?;
    let Use::Op(OpKind::Recv, node) = use_of(facts, u) else { return None };
    if ch.looped_in.is_some_and(|(_, l)| l.id() != lit.id()) {
        return None;
    }
    ch.looped_in = Some((call, lit));
    ch.ops.push(Op { kind: OpKind::Recv, node, place: Place::Parent });
    Some(())
}

/// For `u` received from as a case of a select (with other cases) that a
/// closure variable's body always reaches, and that the parent calls once
/// ([`starts::sync_closure_call`]): the call and the receive.
fn called_select_receive<'t>(facts: &FileFacts<'t>, u: Node<'t>, func: Node<'t>) -> Option<(Node<'t>, Node<'t>)> {
    let Use::Op(OpKind::Recv, recv) = use_of(facts, u) else { return None };
    let sel = super::selects::guarded_by_select(recv)?;
    starts::sync_closure_call(facts, sel, func).map(|call| (call, recv))
}

/// What the use `u` of the channel, running at `ctx`, does to it: an
/// operation, a call it is handed to, or an escape.
fn record<'t>(pkg: &Package<'t>, ch: &mut Channel<'t>, u: Node<'t>, ctx: Place, sending_calls: bool) {
    match use_of(pkg.own(), u) {
        Use::Op(kind, node) => ch.ops.push(Op { kind, node, place: ctx }),
        Use::Nothing => {}
        Use::Argument { call, args } => argument(pkg, ch, u, call, args, ctx, sending_calls),
        // Stored in a request's reply field and handed to its handler.
        Use::Escape(_, Escape::Stored)
            if ctx == Place::Parent
                && let Some(h) = super::handoff::handed_off(pkg, u, ch.made(), ch.func) =>
        {
            hand_off(pkg, ch, h);
        }
        Use::Escape(node, why) => ch.escape = Some((node, why)),
    }
}

impl<'t> Channel<'t> {
    /// The operations of start `g`'s body on its parameter `param`, handed
    /// the channel, from the body's summary (and why they cannot all be
    /// seen).
    fn run_in(&mut self, pkg: &Package<'t>, g: usize, param: Node<'t>) {
        let summary = pkg.summary(self.starts[g].func, param);
        self.ops.extend(summary.ops.iter().map(|&(kind, node)| Op { kind, node, place: Place::Goroutine(g) }));
        self.escape = summary.escape;
    }

    fn start(&mut self, g: Start<'t>) -> usize {
        if let Some(i) = self.starts.iter().position(|x| x.stmt.id() == g.stmt.id()) {
            return i;
        }
        self.starts.push(g);
        self.starts.len() - 1
    }
}

/// What one use of a channel variable does.
pub(super) enum Use<'t> {
    /// An operation on the channel (its node as in [`Op::node`]).
    Op(OpKind, Node<'t>),
    /// Nothing that matters: `len(c)`, `cap(c)`, `c == nil`.
    Nothing,
    /// Passed to a call that is not a builtin.
    Argument {
        call: Node<'t>,
        args: Node<'t>,
    },
    Escape(Node<'t>, Escape),
}

/// What the use `u` of a channel variable in `facts` does, from its syntax.
pub(super) fn use_of<'t>(facts: &FileFacts<'t>, u: Node<'t>) -> Use<'t> {
    let Some(p) = u.up() else { return Use::Nothing };
    let is = |field: &str| p.field(field).is_some_and(|f| f.id() == u.id());
    match p.kind_str() {
        k::SEND_STATEMENT if is("channel") => Use::Op(OpKind::Send, p),
        k::SEND_STATEMENT => Use::Escape(p, Escape::SentOnChannel),
        k::UNARY_EXPRESSION if p.field("operator").is_some_and(|o| o.kind_str() == "<-") => Use::Op(OpKind::Recv, p),
        k::RANGE_CLAUSE if is("right") => p.up().map_or(Use::Nothing, |f| Use::Op(OpKind::Range, f)),
        k::BINARY_EXPRESSION if p.field("operator").is_some_and(|o| matches!(o.kind_str(), "==" | "!=")) => {
            Use::Nothing
        }
        k::ARGUMENT_LIST => {
            let Some(call) = p.up() else { return Use::Nothing };
            let Some(f) = call.field("function") else { return Use::Nothing };
            let builtin =
                f.kind_str() == k::IDENTIFIER && facts.scopes_for(f).is_some_and(|(_, s)| s.resolve(f).is_none());
            match facts.text(f) {
                "close" if builtin => Use::Op(OpKind::Close, call),
                "len" | "cap" if builtin => Use::Nothing,
                _ => Use::Argument { call, args: p },
            }
        }
        k::RETURN_STATEMENT => Use::Escape(p, Escape::Returned),
        k::EXPRESSION_LIST => {
            let owner = p.up();
            let reason = match owner.map(|o| o.kind_str()) {
                Some(k::RETURN_STATEMENT) => Escape::Returned,
                Some(k::ASSIGNMENT_STATEMENT | k::SHORT_VAR_DECLARATION | k::VAR_SPEC) => {
                    if owner.and_then(|o| o.field("left")).is_some_and(|l| l.id() == p.id()) {
                        Escape::Reassigned
                    } else {
                        Escape::Copied
                    }
                }
                _ => Escape::ExpressionList,
            };
            Use::Escape(p, reason)
        }
        // `request{reply: r}`: the key names a field, not the variable.
        k::LITERAL_ELEMENT if super::handoff::is_field_key(facts, p) => Use::Nothing,
        k::LITERAL_ELEMENT | k::KEYED_ELEMENT | k::LITERAL_VALUE => Use::Escape(p, Escape::Stored),
        _ => Use::Escape(p, Escape::OtherUse),
    }
}

/// The channel `u` is an argument of `call` (not a builtin) running at
/// `place`: a start in the parent hands it to the start's body, whose
/// summary says what the body does with it; a plain call of a function of
/// the package that does one thing with it is that operation, at the call;
/// anything else is not seen.
fn argument<'t>(
    pkg: &Package<'t>,
    ch: &mut Channel<'t>,
    u: Node<'t>,
    call: Node<'t>,
    args: Node<'t>,
    place: Place,
    sending_calls: bool,
) {
    if !starts::starts_goroutine(call) {
        // A spawner: the literal it starts has the channel.
        if place == Place::Parent
            && let Ok(index) = arg_index(args, u)
            && let Some((start, param)) = starts::spawned_by(pkg, call, index)
        {
            let g = ch.start(start);
            ch.run_in(pkg, g, param);
            return;
        }
        match callee_op(pkg, u, call, args) {
            Some((AtCall::Sends, stmt)) if sending_calls && matches!(place, Place::Goroutine(_)) => {
                ch.ops.push(Op { kind: OpKind::Send, node: stmt, place });
            }
            // Sends that are not one send count only outside goroutines
            // (where no transform counts them, and a close after them is
            // all that matters).
            Some((AtCall::Sends, _)) if matches!(place, Place::Goroutine(_)) => {
                ch.escape = Some((call, Escape::CalleeDoesMore));
            }
            // The parent's call of a function of this file whose select
            // may receive: a receive at the call, written in the callee.
            Some((AtCall::SelectRecv, node)) => match callee_select_recv(pkg, u, call, args) {
                Some(recv) if place == Place::Parent => {
                    ch.ops.push(Op { kind: OpKind::Recv, node, place });
                    ch.called.push((node, recv));
                }
                _ => ch.escape = Some((call, Escape::PassedToUnknown)),
            },
            Some((at, node)) => ch.ops.push(Op { kind: at.kind(), node, place }),
            None => ch.escape = Some((call, Escape::PassedToUnknown)),
        }
        return;
    }
    if place != Place::Parent {
        ch.escape = Some((call, Escape::PassedToUnknown));
        return;
    }
    let index = match arg_index(args, u) {
        Ok(i) => i,
        Err(why) => {
            ch.escape = Some((call, why));
            return;
        }
    };
    let CallStart::Known(start) = starts::start_of_call(pkg, call) else {
        ch.escape = Some((call, Escape::PassedToUnknown));
        return;
    };
    let Some(param) = start.param(pkg, index) else {
        ch.escape = Some((call, Escape::Variadic));
        return;
    };
    let g = ch.start(start);
    let Some(param) = param else { return };
    ch.run_in(pkg, g, param);
}

/// The position of the argument `u` in the argument list `args`; a
/// variadic call (`f(xs...)`) binds arguments to no fixed parameter.
fn arg_index(args: Node<'_>, u: Node<'_>) -> Result<usize, Escape> {
    let all_args = named_children(args);
    if all_args.iter().any(|a| a.kind_str() == k::VARIADIC_ARGUMENT) {
        return Err(Escape::Variadic);
    }
    Ok(all_args.iter().position(|a| a.id() == u.id()).unwrap_or(usize::MAX))
}

/// For a call `f(..., u, ...)` (in the checked file) of a function of the
/// package that does one thing with that parameter
/// ([`super::summaries::AtCall`]): what it does, and the node standing for
/// it (the call statement for a send, so that the send is the sender's last
/// action when the call is; else the call).
fn callee_op<'t>(pkg: &Package<'t>, u: Node<'t>, call: Node<'t>, args: Node<'t>) -> Option<(AtCall, Node<'t>)> {
    let index = arg_index(args, u).ok()?;
    let func = starts::callee(pkg, call)?;
    let param = super::starts::param_ident(func.value, index, pkg.file(func.file).src)??;
    let at = pkg.summary(func, param).at_call?;
    let stmt = call.up().filter(|s| s.kind_str() == k::EXPRESSION_STATEMENT);
    match at {
        AtCall::SendOnce | AtCall::Sends | AtCall::Range => Some((at, stmt?)),
        AtCall::RecvOnce | AtCall::CloseOnce | AtCall::SelectRecv => Some((at, stmt.unwrap_or(call))),
    }
}

/// The receive a call's callee, declared in the checked file, makes as a
/// case of its select ([`AtCall::SelectRecv`]).
fn callee_select_recv<'t>(pkg: &Package<'t>, u: Node<'t>, call: Node<'t>, args: Node<'t>) -> Option<Node<'t>> {
    let index = arg_index(args, u).ok()?;
    let func = starts::callee(pkg, call).filter(|f| f.file == FileId::OWN)?;
    let param = super::starts::param_ident(func.value, index, pkg.file(func.file).src)??;
    pkg.summary(func, param).select_recv
}

/// A `goto` in `func` (not in nested functions) to a label before it.
fn backward_goto<'t>(facts: &FileFacts<'t>, func: Node<'t>) -> Option<Node<'t>> {
    let body = func.field("body")?;
    // Most functions have no `goto` at all: a text search spares the walk.
    memchr::memmem::find(&facts.src[body.byte_range()], b"goto")?;
    facts.jumps(body).into_iter().find(|j| {
        j.kind_str() == k::GOTO_STATEMENT
            && super::flow::jump_target(*j, facts.src).is_none_or(|t| t.start_byte() < j.start_byte())
    })
}
