//! Where a function can leave, as the package shows it: the jumps its own
//! syntax spells ([`flow::jumps`]), and the calls of test helpers that can
//! end the goroutine, `requireNoError(t, err)` whose body calls `t.Fatalf`.
//! Transforms looking for an exit that skips a receive or a close ask here.

use crate::syntax::Fast as _;
use tree_sitter::Node;

use super::scope::BindingKind;
use super::{Package, flow, known};
use crate::syntax::Named as _;
use crate::syntax::kinds as k;

/// The statements in `region` (a node of the checked file, not inside
/// nested function literals) through which control may leave: its jumps and
/// its calls of helpers that may end the goroutine ([`ends_in_helper`]), in
/// source order.
#[must_use]
pub fn exits<'t>(pkg: &Package<'t>, region: Node<'t>) -> Vec<Node<'t>> {
    let src = pkg.own().src;
    let mut out = flow::jumps(region, src);
    let mut helpers = Vec::new();
    flow::walk_own(region, |n, kind| {
        if kind == k::EXPRESSION_STATEMENT && !out.iter().any(|j| j.id() == n.id()) && ends_in_helper(pkg, n) {
            helpers.push(n);
        }
        kind != k::FUNC_LITERAL
    });
    if !helpers.is_empty() {
        out.extend(helpers);
        out.sort_by_key(Node::start_byte);
    }
    out
}

/// `helper(t, ...)`, a call statement of a package function handed, first,
/// a parameter of a testing type (`*testing.T`, `testing.TB`...), whose own
/// body (not a function literal in it) can end the goroutine: a
/// `t.Fatal`-style call on its testing parameter, `runtime.Goexit()`, or a
/// testify `require` assertion. Control may leave at the call, or go on.
#[must_use]
pub fn ends_in_helper(pkg: &Package<'_>, stmt: Node<'_>) -> bool {
    let facts = pkg.own();
    let Some(call) = stmt.named(0).filter(|c| c.kind_str() == k::CALL_EXPRESSION) else { return false };
    let (Some(f), Some(first)) = (call.field("function"), call.field("arguments").and_then(|a| a.named(0))) else {
        return false;
    };
    if f.kind_str() != k::IDENTIFIER || first.kind_str() != k::IDENTIFIER {
        return false;
    }
    let Some((_, scopes)) = facts.scopes_for(stmt) else { return false };
    let is_test_param = scopes
        .resolve(first)
        .map(|b| scopes.binding(b))
        .is_some_and(|b| b.kind == BindingKind::Param && b.ty.is_some_and(|ty| known::is_test_type(ty, facts.src)));
    // A local closure of that name is not the package's function.
    if !is_test_param || scopes.resolve(f).is_some() {
        return false;
    }
    let Some(helper) = pkg.func(facts.text(f)) else { return false };
    let (Some(body), src) = (helper.value.field("body"), pkg.file(helper.file).src) else { return false };
    flow::jumps(body, src).iter().any(|j| {
        j.kind_str() == k::EXPRESSION_STATEMENT && (flow::is_goexit_call(*j, src) || flow::is_conditional_exit(*j, src))
    })
}
