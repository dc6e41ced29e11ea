//! Where a function can leave, as the package shows it: the jumps its own
//! syntax spells ([`flow::jumps`]), and the calls of test helpers that can
//! end the goroutine, `requireNoError(t, err)` whose body calls `t.Fatalf`.
//! Transforms looking for an exit that skips a receive or a close ask here.

use crate::syntax::Fast as _;
use tree_sitter::Node;

use super::scope::BindingKind;
use super::{FileFacts, FileId, Package, flow, known};
use crate::syntax::Named as _;
use crate::syntax::kinds as k;

/// The statements in `region` (a node of the checked file, not inside
/// nested function literals) through which control may leave: its jumps and
/// its calls of helpers that may end the goroutine ([`ends_in_helper`]), in
/// source order.
#[must_use]
pub fn exits<'t>(pkg: &Package<'t>, region: Node<'t>) -> Vec<Node<'t>> {
    exits_within(pkg, region, region.byte_range())
}

/// [`exits`], with the helper calls looked up only for statements starting
/// in `window` (the stretch the caller asks about: finding a helper's body
/// may read the package's other files).
#[must_use]
pub fn exits_within<'t>(pkg: &Package<'t>, region: Node<'t>, window: std::ops::Range<usize>) -> Vec<Node<'t>> {
    let facts = pkg.own();
    let mut out = facts.jumps(region);
    // `log.Fatalf(...); return`: the process has ended before the jump.
    if facts.may_end_process(region) {
        out.retain(|j| !after_process_exit(*j, facts.src));
    }
    let helpers: Vec<_> = call_statements(region, window)
        .into_iter()
        .filter(|n| !out.iter().any(|j| j.id() == n.id()) && ends_in_helper(pkg, *n))
        .collect();
    if !helpers.is_empty() {
        out.extend(helpers);
        out.sort_by_key(Node::start_byte);
    }
    out
}

/// Does the statement before `stmt` end the process (`os.Exit`,
/// `log.Fatal`...), so that `stmt` is never reached?
fn after_process_exit(stmt: Node<'_>, src: &[u8]) -> bool {
    std::iter::successors(stmt.prev_named_sibling(), Node::prev_named_sibling)
        .find(|n| !n.is_extra())
        .is_some_and(|n| flow::ends_process(n, src))
}

/// The statements of `region` (not in nested function literals) starting
/// in `window` that may be calls: call statements and assignments. The
/// walk goes only where statements can be, and skips what lies outside the
/// window.
fn call_statements(region: Node<'_>, window: std::ops::Range<usize>) -> Vec<Node<'_>> {
    let mut out = Vec::new();
    let start = flow::window_root(region, &window, holds_statements);
    flow::walk_own(start, |n, kind| {
        if n.end_byte() <= window.start || n.start_byte() >= window.end {
            return false;
        }
        if matches!(kind, k::EXPRESSION_STATEMENT | k::SHORT_VAR_DECLARATION | k::ASSIGNMENT_STATEMENT)
            && window.contains(&n.start_byte())
        {
            out.push(n);
        }
        kind != k::FUNC_LITERAL && (n.id() == region.id() || n.id() == start.id() || holds_statements(kind))
    });
    out
}

/// Can a node of this kind hold statements of its own function (not in a
/// function literal)? Blocks, the compound statements and their cases and
/// clauses, and what a syntax error leaves.
fn holds_statements(kind: &str) -> bool {
    matches!(
        kind,
        k::BLOCK
            | k::STATEMENT_LIST
            | k::IF_STATEMENT
            | k::FOR_STATEMENT
            | k::FOR_CLAUSE
            | k::EXPRESSION_SWITCH_STATEMENT
            | k::TYPE_SWITCH_STATEMENT
            | k::SELECT_STATEMENT
            | k::COMMUNICATION_CASE
            | k::EXPRESSION_CASE
            | k::DEFAULT_CASE
            | k::TYPE_CASE
            | k::LABELED_STATEMENT
            | "ERROR"
    )
}

/// A call statement of a test helper whose own body (not a function
/// literal in it) can end the goroutine: a `t.Fatal`-style call on a
/// testing parameter, `runtime.Goexit()`, or a testify `require` assertion.
/// The helper is a package function handed, first, a parameter of a
/// testing type (`requireNoError(t, err)` with `t *testing.T` or
/// `testing.TB`), or a local closure never reassigned (`check :=
/// func(err error) { ... t.Fatalf(...) }` then `check(err)`). Also a
/// `must` helper of the checked file whose own body panics (`b :=
/// mustDecode(raw)`, see [`is_must_name`]), or such a method of a type of
/// the file (`n := l.mustParse(s)`). Control may leave at the call, or go
/// on.
#[must_use]
pub fn ends_in_helper<'t>(pkg: &Package<'t>, stmt: Node<'t>) -> bool {
    helper_may_end(pkg, pkg.own(), stmt, true)
}

/// [`ends_in_helper`] for a statement of `file`; `follow`: a helper may
/// end the goroutine through the helpers it calls in turn (one more call:
/// `mustParse(t, s)` whose body calls `fatalIf(t, err)`), when it is a
/// helper of the checked file or a local closure.
fn helper_may_end<'t>(pkg: &Package<'t>, file: &FileFacts<'t>, stmt: Node<'t>, follow: bool) -> bool {
    let Some(call) = statement_call(stmt) else { return false };
    // A method of a type of the checked file that calls `runtime.Goexit`
    // in its own body (an in-house test harness's `t.Fatalf`).
    if std::ptr::eq(file, pkg.own())
        && call.field("function").is_some_and(|f| f.kind_str() == k::SELECTOR_EXPRESSION)
        && let Some(m) = super::starts::callee(pkg, call)
            .filter(|c| c.file == FileId::OWN && c.value.kind_str() == k::METHOD_DECLARATION)
        && m.value.field("body").is_some_and(|body| {
            file.jumps(body)
                .iter()
                .any(|j| j.kind_str() == k::EXPRESSION_STATEMENT && flow::is_goexit_call(*j, file.src))
        })
    {
        return true;
    }
    // A `must` method of a type of the checked file (`n := l.mustParse(s)`).
    if std::ptr::eq(file, pkg.own())
        && let Some(m) = call.field("function").filter(|f| f.kind_str() == k::SELECTOR_EXPRESSION)
        && m.field("field").is_some_and(|n| is_must_name(file.text(n)))
    {
        return super::starts::callee(pkg, call)
            .filter(|c| c.file == FileId::OWN && c.value.kind_str() == k::METHOD_DECLARATION)
            .is_some_and(|c| panics_itself(file, c.value));
    }
    let Some(f) = call.field("function").filter(|f| f.kind_str() == k::IDENTIFIER) else { return false };
    let Some((_, scopes)) = file.scopes_for(stmt) else { return false };
    if let Some(b) = scopes.resolve(f).map(|b| scopes.binding(b)) {
        let literal = b.init.filter(|i| i.kind_str() == k::FUNC_LITERAL && b.kind == BindingKind::Local);
        return b.assignments.is_empty()
            && literal.and_then(|l| l.field("body")).is_some_and(|body| may_end(pkg, body, file, follow));
    }
    // A `must` helper of the checked file (`b := mustDecode(raw)`) whose
    // own body panics: a panic written in place, one call away.
    // (Of the checked file only: no sibling is read for it.)
    if is_must_name(file.text(f))
        && std::ptr::eq(file, pkg.own())
        && file.func(file.text(f)).is_some_and(|h| panics_itself(file, h))
    {
        return true;
    }
    let first = call.field("arguments").and_then(|a| a.named(0)).filter(|a| a.kind_str() == k::IDENTIFIER);
    let is_test_param = first
        .and_then(|a| scopes.resolve(a))
        .map(|b| scopes.binding(b))
        .is_some_and(|b| b.kind == BindingKind::Param && b.ty.is_some_and(|ty| known::is_test_type(ty, file.src)));
    if !is_test_param {
        return false;
    }
    let Some(helper) = pkg.func(file.text(f)) else { return false };
    // A helper of another file is not followed further: the plan, which
    // reads the checked file only, keeps what a helper of that file calls.
    let follow = follow && helper.file == FileId::OWN;
    helper.value.field("body").is_some_and(|body| may_end(pkg, body, pkg.file(helper.file), follow))
}

/// Does the function `h` (of `file`) panic in its own body? A helper
/// recovering its own panic (a deferred `recover()`) returns.
fn panics_itself<'t>(file: &FileFacts<'t>, h: Node<'t>) -> bool {
    h.field("body").is_some_and(|body| {
        file.jumps(body).iter().any(|j| flow::is_panic_call(*j, file.src))
            && !crate::syntax::token_nodes(body, file.src, b"recover")
                .into_iter()
                .any(|n| n.kind_str() == k::IDENTIFIER)
    })
}

/// `must`, `mustDecode`, `MustParse`: Go's name for a function that panics
/// instead of returning an error.
#[must_use]
pub fn is_must_name(name: &str) -> bool {
    let rest = name.strip_prefix("must").or_else(|| name.strip_prefix("Must"));
    rest.is_some_and(|r| r.is_empty() || r.starts_with(|c: char| c.is_ascii_uppercase() || c == '_'))
}

/// The call a statement makes: `f(...)` as a statement, or the one value
/// of an assignment, `x := f(...)`, `x, err = f(...)`.
#[must_use]
pub fn statement_call(stmt: Node<'_>) -> Option<Node<'_>> {
    let call = match stmt.kind_str() {
        k::EXPRESSION_STATEMENT => stmt.named(0),
        k::SHORT_VAR_DECLARATION | k::ASSIGNMENT_STATEMENT => {
            stmt.field("right").filter(|r| r.named_child_count() == 1).and_then(|r| r.named(0))
        }
        _ => None,
    };
    call.filter(|c| c.kind_str() == k::CALL_EXPRESSION)
}

/// Can the function body `body` (of `file`) end its goroutine, by its own
/// statements, or (`follow`) by a helper it calls?
fn may_end<'t>(pkg: &Package<'t>, body: Node<'t>, file: &FileFacts<'t>, follow: bool) -> bool {
    let src = file.src;
    file.jumps(body).iter().any(|j| {
        j.kind_str() == k::EXPRESSION_STATEMENT && (flow::is_goexit_call(*j, src) || flow::is_conditional_exit(*j, src))
    }) || follow && call_statements(body, body.byte_range()).into_iter().any(|s| helper_may_end(pkg, file, s, false))
}
