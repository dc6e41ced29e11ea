//! Goroutines: which body a `go` statement runs, how its arguments bind to
//! parameters, and in which execution context a node runs relative to the
//! function that made a channel.

use tree_sitter::Node;

use super::FileFacts;
use crate::syntax::{ancestors, kinds as k, named_children};

/// A `go` statement whose body is analysed.
#[derive(Debug, Clone, Copy)]
pub struct Goroutine<'t> {
    pub stmt: Node<'t>,
    /// The function that runs: a func literal or a same-file declaration.
    pub func: Node<'t>,
}

impl<'t> Goroutine<'t> {
    /// The goroutine's body block.
    #[must_use]
    pub fn body(&self) -> Option<Node<'t>> {
        self.func.child_by_field_name("body")
    }
}

/// Where a node runs, seen from a function `root`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place<'t> {
    /// In `root` itself, in order.
    Direct,
    /// In a `defer` of `root` (a deferred call or deferred func literal).
    Deferred,
    /// In the func literal of a `go` statement of `root`.
    Go { stmt: Node<'t>, func: Node<'t> },
    /// Anywhere else: a stored closure, a goroutine inside a goroutine, ...
    Unknown,
}

/// Classify where `node` runs relative to the function `root` containing it.
#[must_use]
pub fn place_of<'t>(node: Node<'t>, root: Node<'t>) -> Place<'t> {
    let mut lits = Vec::new();
    let mut deferred = false;
    for a in ancestors(node) {
        if a.id() == root.id() {
            break;
        }
        match a.kind() {
            k::FUNC_LITERAL => lits.push(a),
            k::DEFER_STATEMENT => deferred = true,
            _ => {}
        }
    }
    match lits.as_slice() {
        [] if deferred => Place::Deferred,
        [] => Place::Direct,
        [lit] => {
            let call = lit
                .parent()
                .filter(|p| p.kind() == k::CALL_EXPRESSION)
                .filter(|c| c.child_by_field_name("function").is_some_and(|f| f.id() == lit.id()));
            match call.and_then(|c| c.parent()) {
                Some(stmt) if stmt.kind() == k::GO_STATEMENT => Place::Go { stmt, func: *lit },
                Some(stmt) if stmt.kind() == k::DEFER_STATEMENT => Place::Deferred,
                _ => Place::Unknown,
            }
        }
        _ => Place::Unknown,
    }
}

/// For `go f(args)`: the function that runs, if its body is in this file
/// (a func literal, a top-level function, or a method no other type shares).
#[must_use]
pub fn callee<'t>(facts: &FileFacts<'t>, call: Node<'t>) -> Option<Node<'t>> {
    let f = call.child_by_field_name("function")?;
    match f.kind() {
        k::FUNC_LITERAL => Some(f),
        k::IDENTIFIER => {
            // A local variable holding a func value is not analysable.
            let (_, scopes) = facts.scopes_for(f)?;
            if scopes.resolve(f).is_some() {
                return None;
            }
            facts.func(facts.text(f))
        }
        k::SELECTOR_EXPRESSION => {
            let field = f.child_by_field_name("field")?;
            facts.unique_method(facts.text(field))
        }
        _ => None,
    }
}

/// The declaring identifier of parameter number `index` of `func`, `Ok(None)`
/// if that parameter is unnamed or `_`, `Err` if variadic or out of range.
pub fn param_ident<'t>(func: Node<'t>, index: usize, src: &[u8]) -> Result<Option<Node<'t>>, ()> {
    let list = func.child_by_field_name("parameters").ok_or(())?;
    let mut i = 0;
    for p in named_children(list) {
        let variadic = p.kind() == k::VARIADIC_PARAMETER_DECLARATION;
        let mut c = p.walk();
        let names: Vec<_> = p.children_by_field_name("name", &mut c).collect();
        let width = names.len().max(1);
        if index < i + width {
            if variadic {
                return Err(());
            }
            return Ok(names.get(index - i).copied().filter(|n| n.utf8_text(src) != Ok("_")));
        }
        i += width;
    }
    Err(())
}
