//! Function summaries: what a function of the package does with one of its
//! channel parameters, computed once per package from its body and read
//! wherever a call hands it a channel (today: the body of a start, `go
//! f(c)`). A summary lists the operations on the parameter, all of which
//! run inside the function, or says why they cannot all be seen; a caller
//! then treats the call as those operations. Unknown bodies have no
//! summary, and callers refuse them.

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
    /// The function only sends on the parameter: exactly once on every path
    /// that ends normally, unguarded, as its last action. A call of it is
    /// then one send, at the call.
    pub sends_once: bool,
}

/// Summaries computed so far, by function and parameter.
#[derive(Default)]
pub struct Cache<'t> {
    params: RefCell<HashMap<(FileId, usize), Rc<ParamSummary<'t>>>>,
}

impl<'t> Package<'t> {
    /// The summary of the parameter declared by `param` in the function
    /// `func` (computed on first use, then shared).
    #[must_use]
    pub fn summary(&self, func: InFile<Node<'t>>, param: Node<'t>) -> Rc<ParamSummary<'t>> {
        let key = (func.file, param.id());
        if let Some(s) = self.summaries().params.borrow().get(&key) {
            return Rc::clone(s);
        }
        let s = Rc::new(summarize(self, func, param));
        self.summaries().params.borrow_mut().insert(key, Rc::clone(&s));
        s
    }
}

fn summarize<'t>(pkg: &Package<'t>, func: InFile<Node<'t>>, param: Node<'t>) -> ParamSummary<'t> {
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
            starts::place_of(facts, InFile::new(func.file, u), func.value),
            Some(Place::Parent | Place::Deferred)
        ) {
            out.escape = Some((u, Escape::ClosureInGoroutine));
            return out;
        }
        match use_of(facts, u) {
            Use::Op(kind, node) => out.ops.push((kind, node)),
            Use::Nothing => {}
            // Calls inside the body are not followed (one step only).
            Use::Argument { call, .. } => out.escape = Some((call, Escape::PassedToUnknown)),
            Use::Escape(node, why) => out.escape = Some((node, why)),
        }
        if out.escape.is_some() {
            return out;
        }
    }
    out.sends_once = sends_once(facts, func.value, &out.ops);
    out
}

fn sends_once(facts: &super::FileFacts<'_>, func: Node<'_>, ops: &[(OpKind, Node<'_>)]) -> bool {
    let Some(body) = func.child_by_field_name("body") else { return false };
    let guarded = |s: Node<'_>| super::selects::select_of(s).is_some_and(|sel| super::selects::case_count(sel) > 1);
    !ops.is_empty()
        && ops
            .iter()
            .all(|(k, n)| *k == OpKind::Send && !guarded(*n) && super::flow::is_last_action(*n, body, facts.src))
        && super::flow::send_bounds(body, facts.src, &|x| ops.iter().any(|(_, n)| n.id() == x.id())) == (1, 1)
}

#[cfg(test)]
mod tests {
    use crate::analysis::{FileFacts, FileId, InFile, OpKind, Package, Sources};

    #[test]
    fn a_summary_lists_what_the_body_does_with_its_channel_parameter() {
        let src = "package p\nfunc work(out chan int, in chan int) {\n\tdefer close(out)\n\tfor v := range in {\n\t\tout <- v\n\t}\n\tif len(out) == 0 {\n\t\tgo func() { <-in }()\n\t}\n}\n";
        let tree = crate::syntax::parse(src.as_bytes()).unwrap();
        let sources = Sources::new(None, Vec::new(), true);
        let pkg = Package::new(FileFacts::new(&tree, src.as_bytes()), &sources);
        let func = pkg.own().func("work").unwrap();
        let params = func.child_by_field_name("parameters").unwrap();
        let name = |i: usize| {
            let decl = crate::syntax::named_children(params)[i];
            decl.child_by_field_name("name").unwrap()
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
}
