//! Channels handed to another goroutine inside a request value: a struct
//! field holds the reply channel (`req := request{key: k, reply: make(chan
//! string)}` or `reply := make(chan string)` ... `request{key: k, reply:
//! reply}`), the parent sends the request on a channel (`s.reqs <- req`),
//! and a handler answers on that field once per request it receives (`for
//! req := range s.reqs { req.reply <- v }`).
//!
//! The handler is found through the field, not through the channel the
//! request travels on: every use of the field in the package must be a
//! caller's receive from its own request or a handler's send, at most once
//! per request. That holds only for an unexported field (no other package
//! can touch it) that no other struct of the package declares, spelled in
//! the checked file alone, so that every use is in view.
//!
//! The handler becomes the channel's one start ([`StartKind::HandedOff`]),
//! started where the request is handed over, its body the handler's code for
//! one request.

use crate::syntax::Fast as _;
use crate::syntax::Named as _;
use crate::syntax::Up as _;
use tree_sitter::Node;

use super::channel_facts::SoleSender;
use super::starts::{Start, StartKind};
use super::{FileFacts, FileId, InFile, Package, flow};
use crate::syntax::{ancestors_within, contains, kinds as k, named_children};

/// A reply field's handler: the sends of one request's answer.
#[derive(Debug, Clone)]
pub struct Handler<'t> {
    /// The handler's code for one request: the body of the loop ranging
    /// over the requests, the case receiving one, or the rest of the block
    /// after `req := <-reqs`.
    pub region: Node<'t>,
    /// The channel it receives its requests from (`s.reqs` in `range s.reqs`),
    /// or the call a go statement starts it with (`s.handle(req)`).
    pub source: Node<'t>,
    /// Its sends on the field (or calls of a relay), in source order.
    pub sends: Vec<Node<'t>>,
    /// The handler sends on every path through `region` that ends normally.
    pub every_path: bool,
    /// Nothing runs in `region` after a send (only a `return`, `continue`
    /// or `break` leaving it).
    pub last: bool,
}

/// The reply field a channel is stored in: the value `value` (the `make`
/// call, or the channel variable) of the keyed element `f: value` of a
/// composite literal of a struct type of the file; with the literal, the
/// key and the field's name.
fn reply_field<'t>(facts: &FileFacts<'t>, value: Node<'t>) -> Option<(Node<'t>, Node<'t>, &'t str)> {
    let elem = value.up().filter(|e| e.kind_str() == k::LITERAL_ELEMENT)?;
    let (keyed, lit, spec) = struct_literal_element(facts, elem)?;
    if keyed.field("value") != Some(elem) {
        return None;
    }
    let key = keyed.field("key")?.named(0).filter(|n| n.kind_str() == k::IDENTIFIER)?;
    let field = facts.text(key);
    let unexported = field.chars().next().is_some_and(|c| c.is_ascii_lowercase() || c == '_');
    (unexported && declares_chan_field(facts, spec, field)).then_some((lit, key, field))
}

/// For the literal element `elem` (key or value) of a keyed element of a
/// composite literal of a struct type of the file (`request{reply: c}`):
/// the keyed element, the literal and the type's spec.
fn struct_literal_element<'t>(facts: &FileFacts<'t>, elem: Node<'t>) -> Option<(Node<'t>, Node<'t>, Node<'t>)> {
    let keyed = elem.up().filter(|kd| kd.kind_str() == k::KEYED_ELEMENT)?;
    let lit = keyed.up().filter(|l| l.kind_str() == k::LITERAL_VALUE)?.up()?;
    let ty = super::starts::literal_type(lit).filter(|t| t.kind_str() == k::TYPE_IDENTIFIER)?;
    // The file's type, not a local type or a type parameter of its name.
    if super::starts::type_shadowed(facts, lit, facts.text(ty))? {
        return None;
    }
    let spec = facts.type_spec(facts.text(ty))?;
    spec.field("type").is_some_and(|t| t.kind_str() == k::STRUCT_TYPE).then_some((keyed, lit, spec))
}

/// Is `n` a receive `<-c`?
fn is_receive(n: Node<'_>) -> bool {
    n.kind_str() == k::UNARY_EXPRESSION && n.field("operator").is_some_and(|o| o.kind_str() == "<-")
}

/// Is `v` a new request: a composite literal (`T{...}`, `&T{...}`), or a
/// local never reassigned that one initialises?
fn is_new_request(facts: &FileFacts<'_>, v: Node<'_>) -> bool {
    super::starts::literal_type(v).is_some()
        || (v.kind_str() == k::IDENTIFIER
            && facts.scopes_for(v).and_then(|(_, sc)| sc.resolve(v).map(|b| sc.binding(b))).is_some_and(|b| {
                b.kind == super::scope::BindingKind::Local
                    && b.assignments.is_empty()
                    && b.init.is_some_and(|i| super::starts::literal_type(i).is_some())
            }))
}

/// The channel expressions of the file named `name` (`reqs`, or `s.reqs`
/// for its field), among the word's other occurrences.
fn named_channels<'t>(facts: &FileFacts<'t>, name: &str) -> Vec<Node<'t>> {
    facts
        .roots()
        .flat_map(|root| crate::syntax::token_nodes(root, facts.src, name.as_bytes()))
        .map(|n| match n.up() {
            Some(p) if p.kind_str() == k::SELECTOR_EXPRESSION && p.field("field") == Some(n) => p,
            _ => n,
        })
        .collect()
}

/// Does the use `u` of a request select one of its fields (`u.key`), not
/// call a method on it (`u.resend(s)` may hand it on)?
fn selects_field(u: Node<'_>) -> bool {
    u.up().is_some_and(|p| {
        p.kind_str() == k::SELECTOR_EXPRESSION
            && p.field("operand") == Some(u)
            && p.up().is_none_or(|c| c.kind_str() != k::CALL_EXPRESSION || c.field("function") != Some(p))
    })
}

/// The name a channel expression goes by: `reqs`, or the field of `s.reqs`.
fn chan_name<'t>(facts: &FileFacts<'t>, e: Node<'_>) -> Option<&'t str> {
    match e.kind_str() {
        k::IDENTIFIER => Some(facts.text(e)),
        k::SELECTOR_EXPRESSION => e.field("field").map(|f| facts.text(f)),
        _ => None,
    }
}

/// Is every send on a channel named `name` in the file (`s.reqs <- v`,
/// `reqs <- v`) one of a new request ([`is_new_request`])? Then no request
/// goes on that channel twice by being handed on (a stage forwarding it, a
/// resend).
fn only_new_requests(facts: &FileFacts<'_>, name: &str) -> bool {
    named_channels(facts, name).into_iter().all(|e| {
        match e.up().filter(|s| s.kind_str() == k::SEND_STATEMENT && s.field("channel") == Some(e)) {
            Some(send) => send.field("value").is_some_and(|v| is_new_request(facts, v)),
            None => true,
        }
    })
}

/// Is `source` (the handler's `s.reqs` or `reqs`) the only place of the file
/// that receives from or ranges over a channel named `name`? Another
/// consumer (an auditor's `for range a.reqs`) may take a request and never
/// answer it.
fn only_consumer(facts: &FileFacts<'_>, name: &str, source: Node<'_>) -> bool {
    named_channels(facts, name).into_iter().all(|e| {
        let consumes =
            e.up().is_some_and(|p| (p.kind_str() == k::RANGE_CLAUSE && p.field("right") == Some(e)) || is_receive(p));
        !consumes || e.id() == source.id()
    })
}

/// Is the literal element `elem` the key of a keyed element of a literal
/// of a struct type of the file (`reply` in `request{reply: c}`): a field's
/// name, not a use of a variable of that name?
#[must_use]
pub fn is_field_key<'t>(facts: &FileFacts<'t>, elem: Node<'t>) -> bool {
    struct_literal_element(facts, elem).is_some_and(|(keyed, _, _)| keyed.field("key") == Some(elem))
}

/// Does the struct type spec `spec` declare `field` as a `chan T`?
fn declares_chan_field(facts: &FileFacts<'_>, spec: Node<'_>, field: &str) -> bool {
    let Some(list) = spec.field("type").and_then(|s| s.named(0)) else { return false };
    named_children(list).into_iter().filter(|d| d.kind_str() == k::FIELD_DECLARATION).any(|d| {
        let mut c = d.walk();
        let named = d.children_by_field_name("name", &mut c).any(|n| facts.text(n) == field);
        // `chan T`, not `chan<- T` nor `<-chan T`.
        let both_ways =
            |t: Node<'_>| facts.text(t).strip_prefix("chan").is_some_and(|rest| !rest.trim_start().starts_with("<-"));
        named && d.field("type").is_some_and(|t| t.kind_str() == k::CHANNEL_TYPE && both_ways(t))
    })
}

/// For a channel stored in a reply field ([`reply_field`]): the start of its
/// handler at the statement handing the request over, with the handler's
/// sends, the receives of `<-x.f` in the caller when the request is the
/// variable `x` (the caller's own reads of the field), and the sole-sender
/// facts the capacity fixes read. `None` when any use of the field, of the
/// request or of the handler's request variable is one this module does not
/// follow.
pub fn handed_off<'t>(pkg: &Package<'t>, value: Node<'t>, make: Node<'t>, func: Node<'t>) -> Option<HandedOff<'t>> {
    let facts = pkg.own();
    let (lit, key, field) = reply_field(facts, value)?;
    // The request: the literal itself (`s.reqs <- request{...}`, `&request{...}`),
    // or a variable it initialises.
    let mut request = lit;
    if let Some(p) = request.up().filter(|p| p.field("operator").is_some_and(|o| o.kind_str() == "&")) {
        request = p;
    }
    let (handoff, via, receives) = match handoff_of(request, make, func) {
        Some((stmt, via)) => (stmt, via, Vec::new()),
        None => request_variable(facts, request, field, make, func)?,
    };
    let handler = match via {
        Via::Channel(on) => {
            let (handler, relays) = handler(facts, field, &receives)?;
            // The handler receives from the channel the request is sent on,
            // the only code of the file receiving from a channel of that
            // name, and that channel carries only new requests.
            let source = chan_name(facts, handler.source)?;
            if contains(func, handler.region)
                || chan_name(facts, on) != Some(source)
                || !only_new_requests(facts, source)
                || !only_consumer(facts, source, handler.source)
            {
                return None;
            }
            // (Last: it reads the other files of the directory.)
            if [field, source].iter().chain(&relays).any(|n| pkg.named_elsewhere(n)) {
                return None;
            }
            handler
        }
        Via::Call { call, index } => {
            let handler = started_handler(pkg, field, &receives, call, index)?;
            if pkg.named_elsewhere(field) {
                return None;
            }
            handler
        }
    };
    let start = Start { kind: StartKind::HandedOff, stmt: handoff, func: InFile::new(FileId::OWN, handler.region) };
    let sender = SoleSender { go: handoff, every_path: handler.every_path, last: handler.last, gated: None };
    // Named as the caller reads it (`req.reply`), else as the field.
    let name = receives.first().and_then(|r| r.named(0)).map_or_else(|| facts.text(key), |sel| facts.text(sel));
    Some(HandedOff { name, start, handler, receives, sender })
}

/// A channel handed to a handler ([`handed_off`]).
#[derive(Debug, Clone)]
pub struct HandedOff<'t> {
    /// What the caller calls the channel: `req.reply`, or the field's name.
    pub name: &'t str,
    pub start: Start<'t>,
    pub handler: Handler<'t>,
    /// The caller's receives `<-x.f` (the unary expressions).
    pub receives: Vec<Node<'t>>,
    pub sender: SoleSender<'t>,
}

/// How a request is handed over.
#[derive(Debug, Clone, Copy)]
enum Via<'t> {
    /// Sent on a channel (`s.reqs <- req`) to a handler receiving from it.
    Channel(Node<'t>),
    /// Passed, as argument number `index`, to the call a go statement
    /// starts (`go s.handle(req)`).
    Call { call: Node<'t>, index: usize },
}

/// The statement handing `request` over, when `request` is the value of a
/// send in `func` itself, or an argument of the call a go statement of
/// `func` starts, in no loop that `make` is not in (one request per
/// channel): the send statement, or the select whose case it is, or the go
/// statement.
fn handoff_of<'t>(request: Node<'t>, make: Node<'t>, func: Node<'t>) -> Option<(Node<'t>, Via<'t>)> {
    let in_func = |n: Node<'t>| {
        flow::innermost_function(n) == Some(func) && !flow::loops_between(n, func).any(|l| !contains(l, make))
    };
    if let Some(args) = request.up().filter(|a| a.kind_str() == k::ARGUMENT_LIST) {
        let call = args.up().filter(|c| c.kind_str() == k::CALL_EXPRESSION)?;
        let go = call.up().filter(|g| g.kind_str() == k::GO_STATEMENT)?;
        let index = named_children(args).iter().position(|a| a.id() == request.id())?;
        return in_func(go).then_some((go, Via::Call { call, index }));
    }
    let send = request.up().filter(|s| s.kind_str() == k::SEND_STATEMENT && s.field("value") == Some(request))?;
    let on = Via::Channel(send.field("channel")?);
    if !in_func(send) {
        return None;
    }
    let stmt = match send.up() {
        Some(p) if p.kind_str() == k::STATEMENT_LIST => Some(send),
        Some(case) if case.kind_str() == k::COMMUNICATION_CASE => case.up().filter(|s| {
            s.kind_str() == k::SELECT_STATEMENT && s.up().is_some_and(|l| l.kind_str() == k::STATEMENT_LIST)
        }),
        _ => None,
    };
    Some((stmt?, on))
}

/// `x := request{...}` (or `&request{...}`, or `var x = ...`): a local never
/// reassigned whose one use as a whole is the value of a send handing it
/// over ([`handoff_of`]), its other uses selecting a field (`x.key`) or
/// receiving from the reply field (`<-x.f`). The hand-over and those
/// receives.
fn request_variable<'t>(
    facts: &FileFacts<'t>,
    request: Node<'t>,
    field: &str,
    make: Node<'t>,
    func: Node<'t>,
) -> Option<(Node<'t>, Via<'t>, Vec<Node<'t>>)> {
    let (ident, _) = super::channels::target(request)?;
    let (_, scopes) = facts.scopes_for(ident)?;
    let b = scopes.binding(scopes.resolve(ident)?);
    if !b.assignments.is_empty() || b.ident.id() != ident.id() {
        return None;
    }
    let mut handoff = None;
    let mut receives = Vec::new();
    for &u in &b.uses {
        let p = u.up()?;
        if selects_field(u) {
            if p.field("field").is_some_and(|f| facts.text(f) == field) {
                let recv = p.up().filter(|r| is_receive(*r))?;
                receives.push(recv);
            }
            continue;
        }
        if handoff.is_some() {
            return None;
        }
        handoff = Some(handoff_of(u, make, func)?);
    }
    let (stmt, on) = handoff?;
    Some((stmt, on, receives))
}

/// Every use of the reply field `field` in the file, when each is the
/// field's one declaration, one of the caller's `receives`, a receive from
/// a request the receiving function built itself, or a send on `x.field`,
/// which `send` (given the selector and the send) accepts or refuses.
/// `None` for anything else (a method or an interface method of that
/// name, a field of that name in a type of another package, a second
/// declaration) or a refused send.
fn field_sends<'t>(
    facts: &FileFacts<'t>,
    field: &str,
    receives: &[Node<'t>],
    mut send: impl FnMut(Node<'t>, Node<'t>) -> Option<()>,
) -> Option<()> {
    let mut declared = 0;
    for root in facts.roots() {
        for n in crate::syntax::token_nodes(root, facts.src, field.as_bytes()) {
            let Some(p) = n.up() else { continue };
            match (n.kind_str(), p.kind_str()) {
                (k::FIELD_IDENTIFIER, k::FIELD_DECLARATION) => declared += 1,
                (k::FIELD_IDENTIFIER, k::SELECTOR_EXPRESSION) => {
                    let use_ = p.up()?;
                    match use_.kind_str() {
                        k::UNARY_EXPRESSION if receives.iter().any(|r| r.id() == use_.id()) => {}
                        k::UNARY_EXPRESSION if is_receive(use_) && own_request(facts, p)? => {}
                        k::SEND_STATEMENT if use_.field("channel") == Some(p) => send(p, use_)?,
                        _ => return None,
                    }
                }
                (k::FIELD_IDENTIFIER, _) => return None,
                _ => {}
            }
        }
    }
    (declared == 1).then_some(())
}

/// The one handler of the reply field `field`: every selector `x.field` of
/// the file is either one of the caller's `receives`, a receive from a
/// request the receiving function built itself, or a send of one handler
/// region, at most once per path through it, written there or in a relay
/// the region calls with its request. With the names of those relays.
fn handler<'t>(facts: &FileFacts<'t>, field: &str, receives: &[Node<'t>]) -> Option<(Handler<'t>, Vec<&'t str>)> {
    let mut direct = Vec::new();
    let mut relays: Vec<Relay<'t>> = Vec::new();
    field_sends(facts, field, receives, |sel, send| {
        // On a request the function receives (checked below), or on its
        // parameter: a relay.
        let Some((decl, name, index)) = relay_of(facts, sel) else {
            direct.push(send);
            return Some(());
        };
        match relays.iter_mut().find(|r| r.decl.id() == decl.id()) {
            Some(r) if r.index == index => r.sends.push(send),
            Some(_) => return None,
            None => relays.push(Relay { decl, name, index, sends: vec![send] }),
        }
        Some(())
    })?;
    // A relay answers at most once per call, by the rule a region follows.
    let mut relays_last = true;
    for r in &mut relays {
        let body = r.decl.field("body")?;
        relays_last &= once_per_request(facts, body, &mut r.sends)?;
        if facts.decls().iter().filter(|d| d.field("name").is_some_and(|n| facts.text(n) == r.name)).count() != 1 {
            return None;
        }
    }
    // The sites of the region: its sends, and its calls of a relay with
    // its request at the relay's index.
    let relayed = |u: Node<'t>| {
        let args = u.up().filter(|a| a.kind_str() == k::ARGUMENT_LIST);
        let call = args.and_then(|a| a.up());
        let callee = call.and_then(|c| c.field("function")).map(|f| f.field("field").unwrap_or(f));
        relays.iter().any(|r| {
            callee.is_some_and(|f| facts.text(f) == r.name)
                && args.is_some_and(|a| named_children(a).get(r.index).is_some_and(|x| x.id() == u.id()))
        })
    };
    let mut region: Option<(Node<'t>, Node<'t>)> = None;
    let mut sites = Vec::new();
    let mut at = |r: (Node<'t>, Node<'t>), site: Node<'t>| {
        if region.is_some_and(|g| g.0.id() != r.0.id()) {
            return false;
        }
        region = Some(r);
        sites.push(site);
        true
    };
    for s in &direct {
        let x = s.field("channel").and_then(|c| c.field("operand"))?;
        if !at(request_region(facts, x, &relayed)?, *s) {
            return None;
        }
    }
    for r in &relays {
        for call in relay_calls(facts, r)? {
            let x = call.field("arguments").and_then(|a| named_children(a).get(r.index).copied())?;
            if !at(request_region(facts, x, &relayed)?, call.up()?) {
                return None;
            }
        }
    }
    let (region, source) = region?;
    let last = once_per_request(facts, region, &mut sites)? && relays_last;
    let every_path = match (&sites[..], &relays[..]) {
        ([one], []) => unconditional(facts, region, *one),
        ([one], [r]) => {
            unconditional(facts, region, *one)
                && matches!(r.sends[..], [s] if unconditional(facts, r.decl.field("body")?, s))
        }
        _ => false,
    };
    Some((Handler { region, source, sends: sites, every_path, last }, relays.iter().map(|r| r.name).collect()))
}

/// The handler a go statement starts with the request (`go s.handle(req)`):
/// `call`'s callee, a function or method of the checked file, whose
/// parameter number `index` is the request, never reassigned and used
/// only through its fields. Every selector of `field` in the file is the
/// field's one declaration, one of the caller's `receives`, a receive from
/// a request the receiving function built itself, or a send on the
/// parameter's field in the callee, at most once per call (see
/// [`once_per_request`]): no other code answers on, or takes, a reply
/// channel.
fn started_handler<'t>(
    pkg: &Package<'t>,
    field: &str,
    receives: &[Node<'t>],
    call: Node<'t>,
    index: usize,
) -> Option<Handler<'t>> {
    let facts = pkg.own();
    let callee = super::starts::callee(pkg, call).filter(|f| f.file == FileId::OWN)?.value;
    if !matches!(callee.kind_str(), k::FUNCTION_DECLARATION | k::METHOD_DECLARATION)
        || named_children(call.field("arguments")?).iter().any(|a| a.kind_str() == k::VARIADIC_ARGUMENT)
    {
        return None;
    }
    let body = callee.field("body")?;
    let mut sends = Vec::new();
    field_sends(facts, field, receives, |sel, send| {
        let (decl, _, i) = relay_of(facts, sel)?;
        (decl.id() == callee.id() && i == index).then(|| sends.push(send))
    })?;
    // A deferred call runs after the answer, unseen by the rules above (it
    // may block, or signal the caller: `defer s.cancel()`).
    if crate::syntax::any_node(body, |x| x.kind_str() == k::DEFER_STATEMENT) {
        return None;
    }
    let last = once_per_request(facts, body, &mut sends)?;
    // At least once on every path that ends normally (once at most, above).
    let every_path = flow::min_sends(body, facts.src, &|x| sends.iter().any(|s| s.id() == x.id())) >= 1;
    Some(Handler { region: body, source: call, sends, every_path, last })
}

/// The `sites` (sends, or calls of a relay that sends once) in `region`
/// run at most once per run of it: none in a loop of its own or a `goto`
/// region, each a plain statement, each but the last ending the region's
/// work (see [`ends_region_after`]). `Some(last)`: whether the last ends it
/// too, so nothing runs after any of them.
fn once_per_request<'t>(facts: &FileFacts<'t>, region: Node<'t>, sites: &mut [Node<'t>]) -> Option<bool> {
    if sites.is_empty() || crate::syntax::any_node(region, |n| n.kind_str() == k::GOTO_STATEMENT) {
        return None;
    }
    sites.sort_by_key(Node::start_byte);
    let ends = |s: Node<'t>| ends_region_after(s, region, facts.src);
    if sites.iter().any(|s| {
        flow::loops_between(*s, region).next().is_some()
            || s.up().is_none_or(|l| l.kind_str() != k::STATEMENT_LIST)
            || flow::innermost_function(*s) != flow::innermost_function(region)
    }) || sites[..sites.len() - 1].iter().any(|s| !ends(*s))
    {
        return None;
    }
    Some(sites.iter().all(|s| ends(*s)))
}

/// Does `site` run on every path through `region` that ends normally: no
/// branch around it, no jump out of `region` before it?
fn unconditional<'t>(facts: &FileFacts<'t>, region: Node<'t>, site: Node<'t>) -> bool {
    ancestors_within(region, site).iter().all(|a| !flow::branches(a.kind_str()))
        && !flow::jumps(region, facts.src)
            .iter()
            .any(|j| j.start_byte() < site.start_byte() && flow::leaves(*j, region, facts.src))
}

/// Is the receive from `x.f` (the selector `sel`) one from a request `x`
/// the receiving function built itself (`x := T{...}` or `&T{...}`, never
/// reassigned)? `None` when `x` is not a plain name.
fn own_request(facts: &FileFacts<'_>, sel: Node<'_>) -> Option<bool> {
    let x = sel.field("operand").filter(|x| x.kind_str() == k::IDENTIFIER)?;
    let (_, scopes) = facts.scopes_for(x)?;
    let b = scopes.binding(scopes.resolve(x)?);
    // Every use a field (not `*x = *other`, which takes another's channel).
    Some(is_new_request(facts, x) && b.uses.iter().all(|u| selects_field(*u)))
}

/// The handler's code for one request `x` (the identifier at a use):
/// `x` is declared by `for x := range reqs` (the loop's body), by `case x
/// := <-reqs:` (the case's statements) or by `x := <-reqs` (the rest of its
/// block), is never reassigned, and every use of it selects a field or is
/// one `relayed` accepts (an argument handing it to a relay); the use runs
/// in the same function as the declaration.
fn request_region<'t>(
    facts: &FileFacts<'t>,
    x: Node<'t>,
    relayed: &dyn Fn(Node<'t>) -> bool,
) -> Option<(Node<'t>, Node<'t>)> {
    if x.kind_str() != k::IDENTIFIER {
        return None;
    }
    let (_, scopes) = facts.scopes_for(x)?;
    let b = scopes.binding(scopes.resolve(x)?);
    if !b.assignments.is_empty() || b.kind != super::scope::BindingKind::Local {
        return None;
    }
    if flow::innermost_function(x) != flow::innermost_function(b.ident) {
        return None;
    }
    if b.uses.iter().any(|u| !selects_field(*u) && !relayed(*u)) {
        return None;
    }
    let list = b.ident.up().filter(|l| l.kind_str() == k::EXPRESSION_LIST)?;
    let decl = list.up()?;
    // The channel received from: the operand of `<-reqs`.
    let received = |e: Option<Node<'t>>| {
        let e = e?;
        let e = if e.kind_str() == k::EXPRESSION_LIST { e.named(0).unwrap_or(e) } else { e };
        is_receive(e).then(|| e.field("operand"))?
    };
    let source = match decl.kind_str() {
        k::RANGE_CLAUSE => decl.field("right"),
        k::RECEIVE_STATEMENT | k::SHORT_VAR_DECLARATION => received(decl.field("right")),
        _ => None,
    };
    let source = source.filter(|e| chan_name(facts, *e).is_some())?;
    let region = match decl.kind_str() {
        // A range in no loop of its own: each request once (a slice ranged
        // again and again would answer its requests again).
        k::RANGE_CLAUSE => {
            let for_ = decl.up().filter(|f| f.kind_str() == k::FOR_STATEMENT)?;
            if flow::loops_between(for_, flow::innermost_function(for_)?).next().is_some() {
                return None;
            }
            for_.field("body")?
        }
        k::RECEIVE_STATEMENT => {
            let case = decl.up().filter(|c| c.kind_str() == k::COMMUNICATION_CASE)?;
            named_children(case).into_iter().find(|c| c.kind_str() == k::STATEMENT_LIST)?
        }
        k::SHORT_VAR_DECLARATION => decl.up().filter(|l| l.kind_str() == k::STATEMENT_LIST)?,
        _ => return None,
    };
    contains(region, x).then_some((region, source))
}

/// A relay: a function or method of the file, the only declaration of its
/// name, whose parameter number `index` is a request it answers on the
/// reply field (`func (s *server) handleGet(r *getReq) { r.resp <- v }`),
/// using it only through fields; `sends` are its sends on the field.
struct Relay<'t> {
    decl: Node<'t>,
    name: &'t str,
    index: usize,
    sends: Vec<Node<'t>>,
}

/// For a send on `p.f` (the selector `sel`), `p` a parameter of a
/// top-level function or method of the file: that function, its name and
/// the parameter's index.
fn relay_of<'t>(facts: &FileFacts<'t>, sel: Node<'t>) -> Option<(Node<'t>, &'t str, usize)> {
    let p = sel.field("operand").filter(|x| x.kind_str() == k::IDENTIFIER)?;
    let decl = flow::innermost_function(sel)
        .filter(|d| matches!(d.kind_str(), k::FUNCTION_DECLARATION | k::METHOD_DECLARATION))?;
    let (_, scopes) = facts.scopes_for(p)?;
    let b = scopes.binding(scopes.resolve(p)?);
    if b.kind != super::scope::BindingKind::Param || !b.assignments.is_empty() {
        return None;
    }
    if !b.uses.iter().all(|u| selects_field(*u)) {
        return None;
    }
    let name = facts.text(decl.field("name")?);
    let index = (0..64)
        .find(|&i| super::starts::param_ident(decl, i, facts.src).flatten().is_some_and(|n| n.id() == b.ident.id()))?;
    Some((decl, name, index))
}

/// The calls of the relay `r` in the file, each a statement of its own
/// (not started, deferred or nested in an expression): `None` when its name
/// is used otherwise (a method value, another declaration).
fn relay_calls<'t>(facts: &FileFacts<'t>, r: &Relay<'t>) -> Option<Vec<Node<'t>>> {
    let mut calls = Vec::new();
    for root in facts.roots() {
        for n in crate::syntax::token_nodes(root, facts.src, r.name.as_bytes()) {
            if !matches!(n.kind_str(), k::IDENTIFIER | k::FIELD_IDENTIFIER) {
                continue; // a comment or a string
            }
            if r.decl.field("name") == Some(n) {
                continue;
            }
            let f = if n.up().is_some_and(|p| p.kind_str() == k::SELECTOR_EXPRESSION && p.field("field") == Some(n)) {
                n.up()?
            } else {
                n
            };
            let call = f.up().filter(|c| c.kind_str() == k::CALL_EXPRESSION && c.field("function") == Some(f))?;
            let stmt = call.up().filter(|s| s.kind_str() == k::EXPRESSION_STATEMENT)?;
            stmt.up().filter(|l| l.kind_str() == k::STATEMENT_LIST)?;
            calls.push(call);
        }
    }
    Some(calls)
}

/// Does nothing run in `region` after `send`: each statement after it, up
/// to `region`, is a comment, or a jump leaving `region` (a `return` without
/// calls, a `continue` or `break` out of it), which ends the request?
fn ends_region_after(send: Node<'_>, region: Node<'_>, src: &[u8]) -> bool {
    let mut cur = send;
    while cur.id() != region.id() {
        let Some(parent) = cur.up() else { return false };
        let rest: Vec<Node> = match parent.kind_str() {
            k::STATEMENT_LIST | k::BLOCK => {
                named_children(parent).into_iter().filter(|s| s.start_byte() >= cur.end_byte()).collect()
            }
            k::IF_STATEMENT if parent.field("condition").is_some_and(|c| c.id() == cur.id()) => return false,
            k::IF_STATEMENT
            | k::EXPRESSION_CASE
            | k::DEFAULT_CASE
            | k::COMMUNICATION_CASE
            | k::TYPE_CASE
            | k::EXPRESSION_SWITCH_STATEMENT
            | k::TYPE_SWITCH_STATEMENT
            | k::SELECT_STATEMENT => Vec::new(),
            _ => return false,
        };
        for s in rest {
            match s.kind_str() {
                k::COMMENT | k::EMPTY_STATEMENT => {}
                k::RETURN_STATEMENT => {
                    return !crate::syntax::any_node(s, |n| {
                        n.kind_str() == k::CALL_EXPRESSION || n.kind_str() == k::FUNC_LITERAL
                    });
                }
                k::CONTINUE_STATEMENT | k::BREAK_STATEMENT if flow::leaves(s, region, src) => return true,
                _ => return false,
            }
        }
        cur = parent;
    }
    true
}
