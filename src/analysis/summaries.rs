//! Function summaries: what a function of the package does with one of its
//! channel parameters, computed once per package from its body and read
//! wherever a call hands it a channel (the body of a start, `go f(c)`, and
//! calls in the parent or in a goroutine, `wait(c)`). A summary lists the
//! operations on the parameter, all of which run inside the function, or
//! says why they cannot all be seen; when they are one operation at the
//! call ([`ParamSummary::at_call`]), a caller treats the call as that
//! operation. Unknown bodies have no summary, and callers refuse them. A
//! callee handing the channel on is followed further when both are
//! declared in the checked file (`digest(out)` calling `publish(out)`),
//! [`FOLLOWED`] calls at most: the last callee is summarised without
//! following anything, so recursion, which never ends in such a callee,
//! and any deeper call are refused.

use crate::syntax::Fast as _;
use crate::syntax::Up as _;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use tree_sitter::Node;

use super::channels::{Escape, OpKind, Use, use_of};
use super::starts::{self, Place};
use super::{FileId, InFile, Package};

/// What a function does with one channel parameter.
#[derive(Debug, Default)]
pub struct ParamSummary<'t> {
    /// The operations on the parameter, in the function itself (in order or
    /// deferred), in source order.
    pub ops: Vec<(OpKind, Node<'t>)>,
    /// Why its operations cannot all be seen (then `ops` is incomplete).
    pub escape: Option<(Node<'t>, Escape)>,
    /// What a call of the function is, for the channel it hands this
    /// parameter: one operation at the call, or `None` (see [`Self::at_call`]).
    pub at_call: Option<AtCall>,
    /// With [`AtCall::SelectRecv`]: the receive, a case of the select.
    pub select_recv: Option<Node<'t>>,
}

/// A call handing the channel to a function that does one thing with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AtCall {
    /// Exactly one send on every path that ends normally, unguarded, as the
    /// function's last action: the call is one send (in any caller).
    SendOnce,
    /// Only sends, any number of times, all before it returns: the call is
    /// sends that complete before the caller goes on (what a close after
    /// them needs; never a single send).
    Sends,
    /// Exactly one receive on every path that ends normally, unguarded: the
    /// call is one receive.
    RecvOnce,
    /// One range loop over it on every path, left only when the channel is
    /// closed: the call ranges.
    Range,
    /// Exactly one close on every path that ends normally: the call closes.
    CloseOnce,
    /// One receive, a case of a select with other cases, and the select
    /// reached exactly once on every path that ends normally: the call is
    /// that select's receive ([`ParamSummary::select_recv`]), which may
    /// take another case. No other case waits on a channel parameter (it
    /// may be the sender's partner, which the callee cannot tell).
    SelectRecv,
}

impl AtCall {
    /// The operation a caller sees at the call.
    #[must_use]
    pub fn kind(self) -> OpKind {
        match self {
            AtCall::SendOnce | AtCall::Sends => OpKind::Send,
            AtCall::RecvOnce | AtCall::SelectRecv => OpKind::Recv,
            AtCall::Range => OpKind::Range,
            AtCall::CloseOnce => OpKind::Close,
        }
    }
}

/// How many calls handing a channel parameter on a summary follows, one
/// inside another (`worker(c)` calling `load(c)` calling `deliver(c)`).
pub const FOLLOWED: u8 = 2;

/// A summary's file, function and parameter (node ids), and how many calls
/// handing it on it follows.
type SummaryKey = (FileId, usize, usize, u8);

/// Summaries computed so far, by function and parameter.
#[derive(Default)]
pub struct Cache<'t> {
    params: RefCell<HashMap<SummaryKey, Rc<ParamSummary<'t>>>>,
}

impl<'t> Package<'t> {
    /// The summary of the parameter declared by `param` in the function
    /// `func` (computed on first use, then shared).
    #[must_use]
    pub fn summary(&self, func: InFile<Node<'t>>, param: Node<'t>) -> Rc<ParamSummary<'t>> {
        self.summary_with(func, param, FOLLOWED)
    }

    /// [`Package::summary`], a call inside the function handing the
    /// parameter on never followed.
    #[must_use]
    pub fn direct_summary(&self, func: InFile<Node<'t>>, param: Node<'t>) -> Rc<ParamSummary<'t>> {
        self.summary_with(func, param, 0)
    }

    fn summary_with(&self, func: InFile<Node<'t>>, param: Node<'t>, follow: u8) -> Rc<ParamSummary<'t>> {
        // By function too: a spawner's literal is summarised for its
        // declaration's parameter.
        let key = (func.file, func.value.id(), param.id(), follow);
        if let Some(s) = self.summaries().params.borrow().get(&key) {
            return Rc::clone(s);
        }
        let s = Rc::new(summarize(self, func, param, follow));
        self.summaries().params.borrow_mut().insert(key, Rc::clone(&s));
        s
    }
}

fn summarize<'t>(pkg: &Package<'t>, func: InFile<Node<'t>>, param: Node<'t>, follow: u8) -> ParamSummary<'t> {
    let facts = pkg.file(func.file);
    let mut out = ParamSummary::default();
    let Some((_, scopes)) = facts.scopes_for(param) else { return out };
    if scopes.too_deep {
        out.escape = Some((func.value, Escape::BodyTooDeep));
        return out;
    }
    if func.value.has_error() {
        out.escape = Some((func.value, Escape::BodyBroken));
        return out;
    }
    let Some(b) = scopes.resolve(param) else { return out };
    let b = scopes.binding(b);
    if !b.assignments.is_empty() {
        out.escape = Some((param, Escape::ParamReassigned));
        return out;
    }
    for &u in &b.uses {
        if !matches!(
            starts::place_of(pkg, InFile::new(func.file, u), func.value),
            Some(Place::Parent | Place::Deferred)
        ) {
            out.escape = Some((u, Escape::ClosureInGoroutine));
            return out;
        }
        match use_of(facts, u) {
            Use::Op(kind, node) => out.ops.push((kind, node)),
            Use::Nothing => {}
            // A call handing it to a function of the checked file that does
            // one thing with it, summarised following one call less: that
            // thing at the call. Any other call is not followed.
            Use::Argument { call, args } => {
                match (follow > 0).then(|| handed_on(pkg, func, u, call, args, follow - 1)).flatten() {
                    Some(op) => out.ops.push(op),
                    None => out.escape = Some((call, Escape::PassedToUnknown)),
                }
            }
            Use::Escape(node, why) => out.escape = Some((node, why)),
        }
        if out.escape.is_some() {
            return out;
        }
    }
    out.at_call = at_call(facts, func.value, &out.ops);
    if out.at_call.is_none() {
        out.select_recv = select_recv(facts, func.value, &out.ops);
        out.at_call = out.select_recv.map(|_| AtCall::SelectRecv);
    }
    out
}

/// The one receive of `ops`, when it is a case of a select with other
/// cases that `func` reaches exactly once on every path ([`AtCall::SelectRecv`]).
fn select_recv<'t>(facts: &super::FileFacts<'t>, func: Node<'t>, ops: &[(OpKind, Node<'t>)]) -> Option<Node<'t>> {
    use crate::syntax::kinds as k;
    let [(OpKind::Recv, recv)] = ops[..] else { return None };
    let sel = super::selects::guarded_by_select(recv)?;
    let body = func.field("body")?;
    let (_, scopes) = facts.scopes_for(sel)?;
    // Another case waiting on a channel parameter may be the sender's partner.
    let on_param = crate::syntax::named_children(sel).into_iter().any(|case| {
        case.field("communication")
            .filter(|c| !crate::syntax::contains(*c, recv))
            .and_then(super::selects::case_channel)
            .filter(|t| t.kind_str() == k::IDENTIFIER)
            .and_then(|t| scopes.resolve(t))
            .is_some_and(|b| scopes.binding(b).kind == super::scope::BindingKind::Param)
    });
    let once = super::flow::send_bounds(body, facts.src, &|x| x.id() == sel.id()) == (1, 1);
    (once && !on_param).then_some(recv)
}

/// The operation a call in `func` (of the checked file) is for the
/// parameter `u` it hands on: the callee, a function declared in the
/// checked file too, does one thing with it ([`AtCall`]); the node is the
/// call's statement (the call itself for a receive or close in an
/// expression). Only the checked file's declarations: the parse shortcut
/// keeps those the plan names (`relevance::handed_on_names`).
fn handed_on<'t>(
    pkg: &Package<'t>,
    func: InFile<Node<'t>>,
    u: Node<'t>,
    call: Node<'t>,
    args: Node<'t>,
    follow: u8,
) -> Option<(OpKind, Node<'t>)> {
    use crate::syntax::kinds as k;
    if func.file != FileId::OWN || starts::starts_goroutine(call) {
        return None;
    }
    let facts = pkg.own();
    // A function of the file, or a method of a type of the file
    // (`p.emit(out, o)`).
    let f = call.field("function")?;
    let callee = match f.kind_str() {
        k::IDENTIFIER => {
            let (_, scopes) = facts.scopes_for(call)?;
            if scopes.resolve(f).is_some() {
                return None;
            }
            facts.func(facts.text(f))?
        }
        k::SELECTOR_EXPRESSION => starts::callee(pkg, call).filter(|c| c.file == FileId::OWN)?.value,
        _ => return None,
    };
    let all: Vec<Node<'t>> = crate::syntax::named_children(args);
    if all.iter().any(|a| a.kind_str() == k::VARIADIC_ARGUMENT) {
        return None;
    }
    let index = all.iter().position(|a| a.id() == u.id())?;
    let param = starts::param_ident(callee, index, facts.src)??;
    let at = pkg.summary_with(InFile::new(FileId::OWN, callee), param, follow).at_call?;
    let stmt = call.up().filter(|s| s.kind_str() == k::EXPRESSION_STATEMENT);
    match at {
        // Several sends, or a receive that may not happen, are not one
        // operation at the call.
        AtCall::Sends | AtCall::SelectRecv => None,
        AtCall::SendOnce | AtCall::Range => Some((at.kind(), stmt?)),
        AtCall::RecvOnce | AtCall::CloseOnce => Some((at.kind(), stmt.unwrap_or(call))),
    }
}

/// What a call of `func` is for a parameter with these operations.
fn at_call(facts: &super::FileFacts<'_>, func: Node<'_>, ops: &[(OpKind, Node<'_>)]) -> Option<AtCall> {
    let body = func.field("body")?;
    let src = facts.src;
    let (first, _) = ops.first()?;
    if ops.iter().any(|(k, _)| k != first) {
        return None;
    }
    if ops.iter().any(|(_, n)| super::selects::guarded_by_select(*n).is_some()) {
        return None;
    }
    // The statements counted once each on a path.
    let stmts: Vec<Node<'_>> = match first {
        OpKind::Recv => ops.iter().map(|(_, n)| statement_of(*n)).collect::<Option<_>>()?,
        // `close(c)` or `defer close(c)`.
        OpKind::Close => ops
            .iter()
            .map(|(_, n)| {
                n.up().filter(|s| {
                    matches!(
                        s.kind_str(),
                        crate::syntax::kinds::EXPRESSION_STATEMENT | crate::syntax::kinds::DEFER_STATEMENT
                    )
                })
            })
            .collect::<Option<_>>()?,
        _ => ops.iter().map(|(_, n)| *n).collect(),
    };
    let once = super::flow::send_bounds(body, src, &|x| stmts.iter().any(|s| s.id() == x.id())) == (1, 1);
    match first {
        OpKind::Send if once && ops.iter().all(|(_, n)| super::flow::is_last_action(*n, body)) => {
            Some(AtCall::SendOnce)
        }
        OpKind::Send => Some(AtCall::Sends),
        OpKind::Recv if once => Some(AtCall::RecvOnce),
        OpKind::Range if once && ops.len() == 1 => {
            let l = ops[0].1;
            let leaves = super::flow::jumps(l, src).iter().any(|j| super::flow::leaves(*j, l, src));
            (!leaves).then_some(AtCall::Range)
        }
        OpKind::Close if once => Some(AtCall::CloseOnce),
        _ => None,
    }
}

/// The statement a receive `<-c` is the whole value of: `<-c`, `v := <-c`,
/// `v, ok = <-c`, `return <-c`.
fn statement_of(recv: Node<'_>) -> Option<Node<'_>> {
    use crate::syntax::kinds as k;
    let p = recv.up()?;
    match p.kind_str() {
        k::EXPRESSION_STATEMENT => Some(p),
        k::EXPRESSION_LIST if crate::syntax::named_children(p).len() == 1 => {
            let s = p.up()?;
            let right = s.field("right").is_some_and(|r| r.id() == p.id());
            match s.kind_str() {
                k::RETURN_STATEMENT => Some(s),
                k::SHORT_VAR_DECLARATION | k::ASSIGNMENT_STATEMENT if right => Some(s),
                _ => None,
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::AtCall;
    use crate::analysis::{FileFacts, FileId, InFile, OpKind, Package, Sources};
    use crate::syntax::Fast as _;

    #[test]
    fn a_summary_lists_what_the_body_does_with_its_channel_parameter() {
        let src = "package p\nfunc work(out chan int, in chan int) {\n\tdefer close(out)\n\tfor v := range in {\n\t\tout <- v\n\t}\n\tif len(out) == 0 {\n\t\tgo func() { <-in }()\n\t}\n}\n";
        let tree = crate::syntax::parse(src.as_bytes()).unwrap();
        let sources = Sources::new(None, Vec::new(), true);
        let pkg = Package::new(FileFacts::new(std::slice::from_ref(&tree), src.as_bytes()), &sources);
        let func = pkg.own().func("work").unwrap();
        let params = func.field("parameters").unwrap();
        let name = |i: usize| {
            let decl = crate::syntax::named_children(params)[i];
            decl.field("name").unwrap()
        };
        let out = pkg.summary(InFile::new(FileId::OWN, func), name(0));
        let kinds: Vec<OpKind> = out.ops.iter().map(|(k, _)| *k).collect();
        assert_eq!(kinds, [OpKind::Close, OpKind::Send]);
        assert!(out.escape.is_none());
        assert!(std::rc::Rc::ptr_eq(&out, &pkg.summary(InFile::new(FileId::OWN, func), name(0))), "computed once");
        // `in` is also received in a goroutine the body starts: not followed.
        let r#in = pkg.summary(InFile::new(FileId::OWN, func), name(1));
        assert_eq!(r#in.ops.iter().map(|(k, _)| *k).collect::<Vec<_>>(), [OpKind::Range]);
        assert!(r#in.escape.is_some());
    }

    #[test]
    fn a_call_is_one_operation_only_when_the_body_does_one_thing_once() {
        let src = "package p\nfunc a(c chan int) { c <- 1 }\nfunc b(c chan int) { for i := 0; i < 3; i++ { c <- i } }\nfunc d(c chan int) int { return <-c }\nfunc e(c chan int, x bool) int { if x { return 0 }; return <-c }\nfunc g(c chan int) { for v := range c { _ = v } }\nfunc h(c chan int) { for v := range c { if v < 0 { return } } }\nfunc i(c chan int) { defer close(c) }\nfunc j(c chan int) { c <- 1; <-c }\nfunc l(c chan int) { c <- 1; println() }\nfunc m(c chan int) int { select { case v := <-c: return v; default: return 0 } }\nfunc n(c chan int, d chan int) { select { case <-c: case <-d: } }\nfunc o(c chan int) { for { select { case <-c: return; default: } } }\nfunc q(c chan int, x bool) { if x { return }; select { case <-c: default: } }\n";
        let tree = crate::syntax::parse(src.as_bytes()).unwrap();
        let sources = Sources::new(None, Vec::new(), true);
        let pkg = Package::new(FileFacts::new(std::slice::from_ref(&tree), src.as_bytes()), &sources);
        let at = |name: &str| {
            let func = pkg.own().func(name).unwrap();
            let params = func.field("parameters").unwrap();
            let first = crate::syntax::named_children(params)[0].field("name").unwrap();
            pkg.summary(InFile::new(FileId::OWN, func), first).at_call
        };
        assert_eq!(at("a"), Some(AtCall::SendOnce));
        assert_eq!(at("b"), Some(AtCall::Sends));
        assert_eq!(at("d"), Some(AtCall::RecvOnce));
        assert_eq!(at("e"), None, "receives on one path only");
        assert_eq!(at("g"), Some(AtCall::Range));
        assert_eq!(at("h"), None, "the range can end without a close");
        assert_eq!(at("i"), Some(AtCall::CloseOnce));
        assert_eq!(at("j"), None, "two kinds of operation");
        assert_eq!(at("l"), Some(AtCall::Sends), "one send, but not its last action");
        assert_eq!(at("m"), Some(AtCall::SelectRecv), "a select reached once");
        assert_eq!(at("n"), None, "the other case waits on a parameter, maybe the sender's partner");
        assert_eq!(at("o"), None, "the select repeats");
        assert_eq!(at("q"), None, "the select is skipped on one path");
    }
}
