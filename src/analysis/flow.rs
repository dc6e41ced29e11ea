//! Control flow over the syntax tree, structured and conservative: how many
//! times a body can send on a path, which statements leave a region, which
//! loops enclose a node.

use tree_sitter::Node;

use crate::syntax::Named as _;
use crate::syntax::{ancestors, contains, kinds as k, named_children, text, walk_preorder};

/// Saturating count of sends on one path; `MANY` means "unbounded".
pub const MANY: u32 = u32::MAX;

/// The largest number of sends (nodes for which `is_send` holds) executed
/// on any single path through `body`. Loops containing a send (unless each
/// send ends the goroutine), `goto`, and sends in nested functions count as
/// [`MANY`].
#[must_use]
pub fn max_sends(body: Node<'_>, src: &[u8], is_send: &dyn Fn(Node<'_>) -> bool) -> u32 {
    let (ft, term) = paths(body, src, is_send, Bound::Most);
    ft.unwrap_or(0).max(term.unwrap_or(0))
}

/// The smallest number of sends on any path through `body` that ends
/// normally (falls off the end or returns); paths that panic are ignored.
#[must_use]
pub fn min_sends(body: Node<'_>, src: &[u8], is_send: &dyn Fn(Node<'_>) -> bool) -> u32 {
    let (ft, term) = paths(body, src, is_send, Bound::Least);
    Bound::Least.pick(ft, term).unwrap_or(0)
}

/// Sends counted on (paths falling through, paths that return or end the
/// goroutine); `None` when there is no such path.
type Paths = (Option<u32>, Option<u32>);

/// Which bound [`paths`] computes; every choice it makes is conservative
/// for that bound (more sends for `Most`, fewer for `Least`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Bound {
    Most,
    Least,
}

impl Bound {
    fn pick(self, a: Option<u32>, b: Option<u32>) -> Option<u32> {
        match (a, b) {
            (Some(x), Some(y)) => Some(if self == Bound::Most { x.max(y) } else { x.min(y) }),
            (x, None) => x,
            (None, y) => y,
        }
    }

    /// What a construct the count does not follow contributes.
    fn unknown(self, n: Node<'_>, is_send: &dyn Fn(Node<'_>) -> bool) -> Paths {
        match self {
            Bound::Most if has_send(n, is_send) => (Some(MANY), Some(MANY)),
            Bound::Most => (Some(0), None),
            Bound::Least => (Some(0), has_return(n).then_some(0)),
        }
    }
}

fn has_send(n: Node<'_>, is_send: &dyn Fn(Node<'_>) -> bool) -> bool {
    let mut found = false;
    walk_preorder(n, |x| {
        found |= is_send(x);
        !found
    });
    found
}

fn has_return(n: Node<'_>) -> bool {
    let mut found = false;
    walk_preorder(n, |x| {
        found |= x.kind() == k::RETURN_STATEMENT;
        !found && x.kind() != k::FUNC_LITERAL
    });
    found
}

fn add(a: Option<u32>, b: u32) -> Option<u32> {
    a.map(|a| a.saturating_add(b))
}

/// Sends per path through statement `n`, bounded by `bound`.
fn paths(n: Node<'_>, src: &[u8], is_send: &dyn Fn(Node<'_>) -> bool, bound: Bound) -> Paths {
    let rec = |c: Node<'_>| paths(c, src, is_send, bound);
    // Sends in an initializer, condition or switch value are not followed.
    let header_sends = ["initializer", "condition", "value"]
        .iter()
        .any(|f| n.child_by_field_name(f).is_some_and(|h| has_send(h, is_send)));
    if header_sends && matches!(n.kind(), k::IF_STATEMENT | k::EXPRESSION_SWITCH_STATEMENT | k::TYPE_SWITCH_STATEMENT) {
        return match bound {
            Bound::Most => (Some(MANY), Some(MANY)),
            Bound::Least => (Some(0), Some(0)),
        };
    }
    match n.kind() {
        k::BLOCK | k::STATEMENT_LIST => {
            let mut ft = Some(0u32);
            let mut term: Option<u32> = None;
            for s in named_children(n) {
                let Some(cur) = ft else { break };
                let (f, t) = rec(s);
                term = bound.pick(term, add(t, cur));
                ft = add(f, cur);
            }
            (ft, term)
        }
        k::SEND_STATEMENT if is_send(n) => (Some(1), None),
        k::RETURN_STATEMENT => (None, Some(0)),
        k::EXPRESSION_STATEMENT if is_goexit_call(n, src) => (None, Some(0)),
        // A panic ends the path; the fewest-sends bound ignores such paths.
        k::EXPRESSION_STATEMENT if is_panic_call(n, src) => (None, (bound == Bound::Most).then_some(0)),
        k::LABELED_STATEMENT => {
            named_children(n).into_iter().find(|c| c.kind() != k::LABEL_NAME).map_or((Some(0), None), rec)
        }
        k::IF_STATEMENT => {
            let cons = n.child_by_field_name("consequence").map_or((Some(0), None), rec);
            let alt = n.child_by_field_name("alternative").map_or((Some(0), None), rec);
            (bound.pick(cons.0, alt.0), bound.pick(cons.1, alt.1))
        }
        k::EXPRESSION_SWITCH_STATEMENT | k::TYPE_SWITCH_STATEMENT | k::SELECT_STATEMENT => {
            let mut out: Paths = (None, None);
            let mut has_default = n.kind() == k::SELECT_STATEMENT;
            for case in named_children(n) {
                let comm = match case.kind() {
                    k::EXPRESSION_CASE | k::TYPE_CASE => 0,
                    k::DEFAULT_CASE => {
                        has_default = true;
                        0
                    }
                    k::COMMUNICATION_CASE => u32::from(case.child_by_field_name("communication").is_some_and(is_send)),
                    _ => continue,
                };
                let body = named_children(case).into_iter().find(|c| c.kind() == k::STATEMENT_LIST);
                if body.is_some_and(has_fallthrough) {
                    return bound.unknown(n, is_send);
                }
                let (f, t) = body.map_or((Some(0), None), rec);
                out = (bound.pick(out.0, add(f, comm)), bound.pick(out.1, add(t, comm)));
            }
            if !has_default {
                out.0 = bound.pick(out.0, Some(0));
            }
            out
        }
        k::GOTO_STATEMENT => match bound {
            Bound::Most => (Some(MANY), Some(MANY)),
            Bound::Least => (Some(0), Some(0)),
        },
        // A loop whose every send ends the goroutine right after (`c <- v;
        // return`) sends at most once, on the path that leaves by that return.
        k::FOR_STATEMENT if bound == Bound::Most && sends_then_returns(n, src, is_send) => (Some(0), Some(1)),
        // `defer func() { ... }()`: runs once, at exit, on every path that
        // passes here; counting it here gives the same per-path totals.
        k::DEFER_STATEMENT => {
            let lit =
                n.named(0).and_then(|c| c.child_by_field_name("function")).filter(|f| f.kind() == k::FUNC_LITERAL);
            match lit.and_then(|l| l.child_by_field_name("body")) {
                Some(body) => {
                    let (f, t) = rec(body);
                    (Some(bound.pick(f, t).unwrap_or(0)), None)
                }
                None => bound.unknown(n, is_send),
            }
        }
        _ => bound.unknown(n, is_send),
    }
}

/// Every send inside `n` (none in nested functions) is directly followed by
/// a `return` (or a call ending the goroutine) in its statement list, or is
/// a select case whose body starts with one.
fn sends_then_returns(n: Node<'_>, src: &[u8], is_send: &dyn Fn(Node<'_>) -> bool) -> bool {
    let mut sends = Vec::new();
    let mut in_closure = false;
    walk_preorder(n, |x| {
        if x.kind() == k::FUNC_LITERAL {
            in_closure |= has_send(x, is_send);
            return false;
        }
        if is_send(x) {
            sends.push(x);
        }
        true
    });
    let ends = |s: Node<'_>| {
        s.kind() == k::RETURN_STATEMENT
            || (s.kind() == k::EXPRESSION_STATEMENT && (is_panic_call(s, src) || is_goexit_call(s, src)))
    };
    !in_closure
        && !sends.is_empty()
        && sends.iter().all(|send| {
            let next = match send.parent() {
                Some(p) if p.kind() == k::COMMUNICATION_CASE => {
                    named_children(p).into_iter().find(|c| c.kind() == k::STATEMENT_LIST).and_then(|l| l.named(0))
                }
                Some(p) if p.kind() == k::STATEMENT_LIST => {
                    std::iter::successors(send.next_named_sibling(), Node::next_named_sibling).find(|n| !n.is_extra())
                }
                _ => None,
            };
            next.is_some_and(ends)
        })
}

fn has_fallthrough(list: Node<'_>) -> bool {
    named_children(list).iter().any(|s| s.kind() == "fallthrough_statement")
}

/// Statements in `region` (not inside nested functions) that transfer
/// control: `return`, `panic(...)`, `break`, `continue`, `goto`.
#[must_use]
pub fn jumps<'t>(region: Node<'t>, src: &[u8]) -> Vec<Node<'t>> {
    let mut out = Vec::new();
    walk_preorder(region, |n| match n.kind() {
        k::FUNC_LITERAL => false,
        k::RETURN_STATEMENT | k::BREAK_STATEMENT | k::CONTINUE_STATEMENT | k::GOTO_STATEMENT => {
            out.push(n);
            true
        }
        k::EXPRESSION_STATEMENT => {
            if is_panic_call(n, src) || is_goexit_call(n, src) {
                out.push(n);
            }
            true
        }
        _ => true,
    });
    out
}

/// A statement that ends the goroutine running it, deferred calls run:
/// `runtime.Goexit()`, or `t.Fatal`/`Fatalf`/`FailNow`/`Skip`/`Skipf`/
/// `SkipNow` on a parameter declared `*testing.T`, `*testing.B`,
/// `*testing.F`, `testing.TB` or gocheck's `*check.C`.
#[must_use]
pub fn is_goexit_call(stmt: Node<'_>, src: &[u8]) -> bool {
    let Some(f) = stmt
        .named(0)
        .filter(|c| c.kind() == k::CALL_EXPRESSION)
        .and_then(|c| c.child_by_field_name("function"))
        .filter(|f| f.kind() == k::SELECTOR_EXPRESSION)
    else {
        return false;
    };
    let (Some(x), Some(m)) = (f.child_by_field_name("operand"), f.child_by_field_name("field")) else { return false };
    if x.kind() != k::IDENTIFIER {
        return false;
    }
    let (x, m) = (text(x, src), text(m, src));
    if x == "runtime" && m == "Goexit" {
        return true;
    }
    if !matches!(m, "Fatal" | "Fatalf" | "FailNow" | "Skip" | "Skipf" | "SkipNow") {
        return false;
    }
    // The receiver is a parameter of an enclosing function with a testing
    // type, not re-declared on the way (a textual check: it only refuses more).
    ancestors(stmt)
        .filter(|a| matches!(a.kind(), k::FUNC_LITERAL | k::FUNCTION_DECLARATION | k::METHOD_DECLARATION))
        .find_map(|func| {
            let params = func.child_by_field_name("parameters")?;
            named_children(params).into_iter().find_map(|p| {
                let mut c = p.walk();
                let named = p.children_by_field_name("name", &mut c).any(|n| text(n, src) == x);
                named.then(|| (func, p.child_by_field_name("type").map(|t| text(t, src))))
            })
        })
        .is_some_and(|(func, ty)| {
            let between = &src[func.start_byte()..stmt.start_byte()];
            let word_start =
                |at: usize| at == 0 || !(between[at - 1].is_ascii_alphanumeric() || between[at - 1] == b'_');
            let redeclared = [format!("{x} :="), format!("var {x} ")]
                .iter()
                .any(|pat| memchr::memmem::find_iter(between, pat.as_bytes()).any(word_start));
            let imports_testing = memchr::memmem::find(src, b"\"testing\"").is_some()
                || memchr::memmem::find(src, b"check.v1\"").is_some();
            !redeclared
                && imports_testing
                && ty.is_some_and(|ty| {
                    matches!(ty, "*testing.T" | "*testing.B" | "*testing.F" | "testing.TB" | "*check.C")
                })
        })
}

fn is_panic_call(stmt: Node<'_>, src: &[u8]) -> bool {
    let call = stmt.named(0).filter(|c| c.kind() == k::CALL_EXPRESSION);
    call.and_then(|c| c.child_by_field_name("function"))
        .is_some_and(|f| f.kind() == k::IDENTIFIER && text(f, src) == "panic")
}

/// The statement a `break`/`continue` leaves (a loop, switch or select), or
/// the labelled statement a `goto` jumps to.
#[must_use]
pub fn jump_target<'t>(jump: Node<'t>, src: &[u8]) -> Option<Node<'t>> {
    let label = named_children(jump).into_iter().find(|c| c.kind() == k::LABEL_NAME).map(|l| text(l, src));
    if jump.kind() == k::GOTO_STATEMENT {
        let func = ancestors(jump)
            .find(|a| matches!(a.kind(), k::FUNC_LITERAL | k::FUNCTION_DECLARATION | k::METHOD_DECLARATION))?;
        let mut found = None;
        walk_preorder(func, |n| {
            if n.kind() == k::LABELED_STATEMENT
                && n.child_by_field_name("label").is_some_and(|l| Some(text(l, src)) == label)
            {
                found = Some(n);
            }
            found.is_none() && (n.id() == func.id() || n.kind() != k::FUNC_LITERAL)
        });
        return found;
    }
    let loops_only = jump.kind() == k::CONTINUE_STATEMENT;
    for a in ancestors(jump) {
        match a.kind() {
            k::FUNC_LITERAL | k::FUNCTION_DECLARATION | k::METHOD_DECLARATION => return None,
            k::LABELED_STATEMENT
                if label.is_some() && a.child_by_field_name("label").map(|l| text(l, src)) == label =>
            {
                return named_children(a).into_iter().find(|c| c.kind() != k::LABEL_NAME);
            }
            k::FOR_STATEMENT if label.is_none() => return Some(a),
            k::EXPRESSION_SWITCH_STATEMENT | k::TYPE_SWITCH_STATEMENT | k::SELECT_STATEMENT
                if label.is_none() && !loops_only =>
            {
                return Some(a);
            }
            _ => {}
        }
    }
    None
}

/// Does the jump statement `j` (from [`jumps`]) take control out of `region`?
#[must_use]
pub fn leaves(j: Node<'_>, region: Node<'_>, src: &[u8]) -> bool {
    match j.kind() {
        k::BREAK_STATEMENT => jump_target(j, src).is_none_or(|t| contains(t, region)),
        k::CONTINUE_STATEMENT => jump_target(j, src).is_none_or(|t| contains(t, region) && t.id() != region.id()),
        k::GOTO_STATEMENT => jump_target(j, src).is_none_or(|t| !contains(region, t)),
        _ => true,
    }
}

/// `for` statements enclosing `node`, innermost first, up to (excluding) `root`.
pub fn loops_between<'t>(node: Node<'t>, root: Node<'t>) -> impl Iterator<Item = Node<'t>> {
    ancestors(node).take_while(move |a| a.id() != root.id()).filter(|a| a.kind() == k::FOR_STATEMENT)
}

/// Are `a` and `b` in different branches of one `if`, `switch` or `select`
/// (so that no single execution reaches both)?
#[must_use]
pub fn exclusive(a: Node<'_>, b: Node<'_>) -> bool {
    let Some(common) = ancestors(a).find(|x| contains(*x, b)) else { return false };
    matches!(
        common.kind(),
        k::IF_STATEMENT | k::EXPRESSION_SWITCH_STATEMENT | k::TYPE_SWITCH_STATEMENT | k::SELECT_STATEMENT
    ) && !common.child_by_field_name("condition").is_some_and(|c| contains(c, a) || contains(c, b))
}

/// Is `r` executed on every path that reaches `e` (within one function,
/// ignoring `goto`)? Structured: `r` precedes `e` and nothing between `r`
/// and the innermost node holding both is a branch, loop body, case, closure
/// or short-circuit operand.
#[must_use]
pub fn dominates(r: Node<'_>, e: Node<'_>) -> bool {
    if r.end_byte() > e.start_byte() {
        return false;
    }
    let mut child = r;
    for parent in ancestors(r) {
        if contains(parent, e) {
            return true;
        }
        if conditional_edge(parent, child) {
            return false;
        }
        child = parent;
    }
    false
}

/// Does running `parent` not always run its child `child`?
fn conditional_edge(parent: Node<'_>, child: Node<'_>) -> bool {
    let is = |field: &str| parent.child_by_field_name(field).is_some_and(|c| c.id() == child.id());
    match parent.kind() {
        k::IF_STATEMENT => is("consequence") || is("alternative"),
        k::EXPRESSION_SWITCH_STATEMENT | k::TYPE_SWITCH_STATEMENT | k::SELECT_STATEMENT => {
            matches!(child.kind(), k::EXPRESSION_CASE | k::TYPE_CASE | k::DEFAULT_CASE | k::COMMUNICATION_CASE)
        }
        k::FOR_STATEMENT => child.kind() != k::RANGE_CLAUSE,
        k::RANGE_CLAUSE => !is("right"),
        k::FUNC_LITERAL | k::GO_STATEMENT | k::DEFER_STATEMENT => true,
        k::BINARY_EXPRESSION => {
            is("right") && parent.child_by_field_name("operator").is_some_and(|o| matches!(o.kind(), "&&" | "||"))
        }
        _ => false,
    }
}

/// Is `send` the last thing its goroutine does on its path (within `body`)?
/// Only `return` without calls, `close(...)`, `break` and empty statements
/// may follow. Buffering a channel lets a sender run on past its send, so
/// anything more after it would start running where it used to block.
#[must_use]
pub fn is_last_action(send: Node<'_>, body: Node<'_>, src: &[u8]) -> bool {
    let mut cur = send;
    while cur.id() != body.id() {
        let Some(parent) = cur.parent() else { return false };
        let rest: Vec<Node> = match parent.kind() {
            k::STATEMENT_LIST => {
                named_children(parent).into_iter().filter(|s| s.start_byte() >= cur.end_byte()).collect()
            }
            k::COMMUNICATION_CASE => named_children(parent)
                .into_iter()
                .filter(|s| s.kind() == k::STATEMENT_LIST && s.start_byte() >= cur.end_byte())
                .flat_map(named_children)
                .collect(),
            k::FOR_STATEMENT => return false,
            k::IF_STATEMENT if parent.child_by_field_name("condition").is_some_and(|c| c.id() == cur.id()) => {
                return false;
            }
            // A func literal deferred by the goroutine runs as it exits.
            k::FUNC_LITERAL => return super::starts::deferred_by(parent).is_some(),
            _ => Vec::new(),
        };
        for s in rest {
            match s.kind() {
                // The path ends here (a return), or leaves this list (break).
                k::RETURN_STATEMENT if quiet(s, src) => return true,
                k::BREAK_STATEMENT => break,
                _ if quiet(s, src) => {}
                _ => return false,
            }
        }
        cur = parent;
    }
    true
}

fn quiet(stmt: Node<'_>, src: &[u8]) -> bool {
    match stmt.kind() {
        k::COMMENT | "empty_statement" | k::BREAK_STATEMENT => true,
        k::RETURN_STATEMENT => {
            let mut calls = false;
            walk_preorder(stmt, |n| {
                calls |= n.kind() == k::CALL_EXPRESSION || n.kind() == k::FUNC_LITERAL;
                !calls
            });
            !calls
        }
        k::EXPRESSION_STATEMENT => {
            let call = stmt.named(0).filter(|c| c.kind() == k::CALL_EXPRESSION);
            call.and_then(|c| c.child_by_field_name("function"))
                .is_some_and(|f| f.kind() == k::IDENTIFIER && text(f, src) == "close")
        }
        _ => false,
    }
}

/// Has every path reaching `e` executed one of `ops` (receives, say)?
/// True when one op dominates `e`, or when a statement before `e` (in `e`'s
/// own or an enclosing statement list) runs one of them on every path
/// through it — e.g. a select whose every case receives.
#[must_use]
pub fn always_before(ops: &[Node<'_>], e: Node<'_>) -> bool {
    if ops.iter().any(|r| dominates(*r, e)) {
        return true;
    }
    let mut cur = e;
    for parent in ancestors(e) {
        if matches!(parent.kind(), k::FUNC_LITERAL | k::FUNCTION_DECLARATION | k::METHOD_DECLARATION) {
            return false;
        }
        if parent.kind() == k::STATEMENT_LIST {
            for s in named_children(parent).into_iter().take_while(|s| s.end_byte() <= cur.start_byte()) {
                if is_jump(s) {
                    return false;
                }
                if surely(ops, s) {
                    return true;
                }
            }
        }
        cur = parent;
    }
    false
}

fn is_jump(s: Node<'_>) -> bool {
    matches!(s.kind(), k::BREAK_STATEMENT | k::CONTINUE_STATEMENT | k::GOTO_STATEMENT | k::RETURN_STATEMENT)
}

/// Does every normal path through statement `s` run one of `ops`?
fn surely(ops: &[Node<'_>], s: Node<'_>) -> bool {
    let inside: Vec<Node> = ops.iter().copied().filter(|o| contains(s, *o)).collect();
    if inside.is_empty() {
        return false;
    }
    // An op reached without passing a branch, loop body or closure.
    let unconditional = inside.iter().any(|o| {
        let mut child = *o;
        for p in ancestors(*o) {
            if conditional_edge(p, child) {
                return false;
            }
            if p.id() == s.id() {
                return true;
            }
            child = p;
        }
        false
    });
    if unconditional {
        return true;
    }
    let list_surely = |list: Option<Node<'_>>| {
        list.is_some_and(|l| {
            for st in named_children(l) {
                if is_jump(st) {
                    return false;
                }
                if surely(ops, st) {
                    return true;
                }
            }
            false
        })
    };
    match s.kind() {
        k::BLOCK => list_surely(s.named(0)),
        k::LABELED_STATEMENT => named_children(s).into_iter().any(|c| c.kind() != k::LABEL_NAME && surely(ops, c)),
        k::IF_STATEMENT => {
            let cons = s.child_by_field_name("consequence");
            let alt = s.child_by_field_name("alternative");
            cons.is_some_and(|c| surely(ops, c)) && alt.is_some_and(|a| surely(ops, a))
        }
        k::SELECT_STATEMENT | k::EXPRESSION_SWITCH_STATEMENT | k::TYPE_SWITCH_STATEMENT => {
            let cases: Vec<Node> = named_children(s)
                .into_iter()
                .filter(|c| {
                    matches!(c.kind(), k::COMMUNICATION_CASE | k::DEFAULT_CASE | k::EXPRESSION_CASE | k::TYPE_CASE)
                })
                .collect();
            let has_default = cases.iter().any(|c| c.kind() == k::DEFAULT_CASE);
            if s.kind() != k::SELECT_STATEMENT && !has_default {
                return false;
            }
            !cases.is_empty()
                && cases.iter().all(|c| {
                    let comm = c.child_by_field_name("communication");
                    comm.is_some_and(|m| ops.iter().any(|o| contains(m, *o)))
                        || list_surely(named_children(*c).into_iter().find(|x| x.kind() == k::STATEMENT_LIST))
                })
        }
        _ => false,
    }
}
