//! Structured dominance: what runs on every path to a node, which nodes
//! no single execution reaches both of, which loops enclose a node.

use crate::syntax::Fast as _;
use tree_sitter::Node;

use crate::syntax::Named as _;
use crate::syntax::{ancestors, contains, kinds as k, named_children};

/// `for` statements enclosing `node`, innermost first, up to (excluding) `root`.
pub fn loops_between<'t>(node: Node<'t>, root: Node<'t>) -> impl Iterator<Item = Node<'t>> {
    crate::syntax::ancestors_within(root, node).into_iter().filter(|a| a.kind_str() == k::FOR_STATEMENT)
}

/// Are `a` and `b` in different branches of one `if`, `switch` or `select`
/// (so that no single execution reaches both)?
#[must_use]
pub fn exclusive(a: Node<'_>, b: Node<'_>) -> bool {
    let Some(common) = ancestors(a).find(|x| contains(*x, b)) else { return false };
    // The child of `common` holding `n` (none when `n` is `common`).
    let kids = named_children(common);
    let child = |n: Node<'_>| kids.iter().find(|c| c.id() == n.id() || contains(**c, n)).map(Node::id);
    let (Some(ca), Some(cb)) = (child(a), child(b)) else { return false };
    if ca == cb {
        return false;
    }
    match common.kind_str() {
        // Not the initializer or the condition, which run before either arm.
        k::IF_STATEMENT => {
            let arm = |id: usize| {
                ["consequence", "alternative"].iter().any(|f| common.field(f).is_some_and(|c| c.id() == id))
            };
            arm(ca) && arm(cb)
        }
        k::EXPRESSION_SWITCH_STATEMENT | k::TYPE_SWITCH_STATEMENT | k::SELECT_STATEMENT => {
            let case = |id: usize| kids.iter().any(|c| c.id() == id && is_case(c.kind_str()));
            case(ca) && case(cb)
        }
        _ => false,
    }
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
        // Not when they are in different branches of the node holding
        // both (a select's two cases, an if's two arms).
        if contains(parent, e) {
            return !exclusive(r, e);
        }
        if conditional_edge(parent, child) {
            return false;
        }
        child = parent;
    }
    false
}

/// Is this the kind of a `switch` or `select` case (`default` included)?
#[must_use]
pub fn is_case(kind: &str) -> bool {
    matches!(kind, k::EXPRESSION_CASE | k::TYPE_CASE | k::DEFAULT_CASE | k::COMMUNICATION_CASE)
}

/// Can a node of this kind run some of what it holds and not the rest: a
/// branch, a loop, a `switch` or `select`, `a && b`, `a || b`? (The
/// coarse, syntax-kind test; [`dominates`] looks at which child.)
#[must_use]
pub fn branches(kind: &str) -> bool {
    matches!(
        kind,
        k::IF_STATEMENT
            | k::FOR_STATEMENT
            | k::EXPRESSION_SWITCH_STATEMENT
            | k::TYPE_SWITCH_STATEMENT
            | k::SELECT_STATEMENT
            | k::BINARY_EXPRESSION
    )
}

/// Does running `parent` not always run its child `child`?
fn conditional_edge(parent: Node<'_>, child: Node<'_>) -> bool {
    let is = |field: &str| parent.field(field).is_some_and(|c| c.id() == child.id());
    match parent.kind_str() {
        k::IF_STATEMENT => is("consequence") || is("alternative"),
        k::EXPRESSION_SWITCH_STATEMENT | k::TYPE_SWITCH_STATEMENT | k::SELECT_STATEMENT => is_case(child.kind_str()),
        k::FOR_STATEMENT => child.kind_str() != k::RANGE_CLAUSE,
        k::RANGE_CLAUSE => !is("right"),
        k::FUNC_LITERAL | k::GO_STATEMENT | k::DEFER_STATEMENT => true,
        k::BINARY_EXPRESSION => {
            is("right") && parent.field("operator").is_some_and(|o| matches!(o.kind_str(), "&&" | "||"))
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
        if matches!(parent.kind_str(), k::FUNC_LITERAL | k::FUNCTION_DECLARATION | k::METHOD_DECLARATION) {
            return false;
        }
        // Only a list with an op before `cur` can show one surely ran (a
        // function of many blocks would otherwise step through all of them
        // for each channel). A jump among those statements then still
        // stops the search; without such an op, one there would only make
        // `cur` unreachable or a `goto` target, and what ran before the
        // whole list ran before `e` either way.
        let op_before = ops.iter().any(|o| o.start_byte() >= parent.start_byte() && o.start_byte() < cur.start_byte());
        if parent.kind_str() == k::STATEMENT_LIST && op_before {
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
    matches!(s.kind_str(), k::BREAK_STATEMENT | k::CONTINUE_STATEMENT | k::GOTO_STATEMENT | k::RETURN_STATEMENT)
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
    match s.kind_str() {
        k::BLOCK => list_surely(s.named(0)),
        k::LABELED_STATEMENT => named_children(s).into_iter().any(|c| c.kind_str() != k::LABEL_NAME && surely(ops, c)),
        k::IF_STATEMENT => {
            let cons = s.field("consequence");
            let alt = s.field("alternative");
            cons.is_some_and(|c| surely(ops, c)) && alt.is_some_and(|a| surely(ops, a))
        }
        k::SELECT_STATEMENT | k::EXPRESSION_SWITCH_STATEMENT | k::TYPE_SWITCH_STATEMENT => {
            let cases: Vec<Node> = named_children(s).into_iter().filter(|c| is_case(c.kind_str())).collect();
            let has_default = cases.iter().any(|c| c.kind_str() == k::DEFAULT_CASE);
            if s.kind_str() != k::SELECT_STATEMENT && !has_default {
                return false;
            }
            !cases.is_empty()
                && cases.iter().all(|c| {
                    let comm = c.field("communication");
                    comm.is_some_and(|m| ops.iter().any(|o| contains(m, *o)))
                        || list_surely(named_children(*c).into_iter().find(|x| x.kind_str() == k::STATEMENT_LIST))
                })
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{all, body, find, in_func, parse};
    use super::*;

    const CALLS: &str = "a()
if x {
	b()
} else {
	h()
}
c1()
for x {
	d()
}
if x && f() {
}
go func() {
	g()
}()
e()";

    #[test]
    fn dominance_follows_structure() {
        let src = in_func(CALLS);
        let tree = parse(&src);
        let call = |t| find(&tree, &src, k::CALL_EXPRESSION, t);
        assert!(dominates(call("a()"), call("b()")));
        assert!(dominates(call("a()"), call("e()")));
        assert!(dominates(call("c1()"), call("e()")));
        assert!(!dominates(call("e()"), call("a()")), "after is not before");
        assert!(!dominates(call("b()"), call("c1()")), "a branch");
        assert!(!dominates(call("d()"), call("e()")), "a loop body");
        assert!(!dominates(call("f()"), call("e()")), "a short-circuit operand");
        assert!(!dominates(call("g()"), call("e()")), "a closure");
        assert!(!dominates(call("b()"), call("h()")), "the other arm of the same if");
        let src =
            in_func("select {\ncase v := <-c:\n\ta(v)\ncase <-t:\n\tb()\n}\nif err := h(); err != nil {\n\te()\n}");
        let tree = parse(&src);
        let call = |t| find(&tree, &src, k::CALL_EXPRESSION, t);
        let recv = all(&tree, k::UNARY_EXPRESSION)[0];
        assert!(dominates(recv, call("a(v)")), "a case's communication runs before its body");
        assert!(!dominates(recv, call("b()")), "another case of the same select");
        assert!(dominates(call("h()"), call("e()")), "an if's initializer runs before its arms");
    }

    #[test]
    fn branches_are_exclusive() {
        let src = in_func(CALLS);
        let tree = parse(&src);
        let call = |t| find(&tree, &src, k::CALL_EXPRESSION, t);
        assert!(exclusive(call("b()"), call("h()")));
        assert!(!exclusive(call("a()"), call("b()")));
        assert!(!exclusive(call("b()"), call("c1()")));
        let src = in_func("switch {\ncase x:\n\ta()\ncase !x:\n\tb()\n}");
        let tree = parse(&src);
        assert!(exclusive(find(&tree, &src, k::CALL_EXPRESSION, "a()"), find(&tree, &src, k::CALL_EXPRESSION, "b()")));
        // An if's initializer and condition run before either arm.
        let src = in_func("if err := a(); b(err) {\n\tc1()\n} else {\n\td()\n}");
        let tree = parse(&src);
        let call = |t| find(&tree, &src, k::CALL_EXPRESSION, t);
        assert!(!exclusive(call("a()"), call("c1()")), "initializer and arm");
        assert!(!exclusive(call("b(err)"), call("d()")), "condition and arm");
        assert!(exclusive(call("c1()"), call("d()")));
    }

    /// Has every path to the last `return` received from `c`?
    fn received_before_return(stmts: &str) -> bool {
        let src = in_func(&format!("{stmts}\nreturn"));
        let tree = parse(&src);
        let recvs = all(&tree, k::UNARY_EXPRESSION);
        always_before(&recvs, *all(&tree, k::RETURN_STATEMENT).last().unwrap())
    }

    #[test]
    fn receives_before() {
        assert!(received_before_return("<-c"));
        assert!(received_before_return("if x {\n\t<-c\n} else {\n\t<-c\n}"));
        assert!(received_before_return("select {\ncase <-c:\ncase v := <-c:\n\t_ = v\n}"));
        assert!(received_before_return("switch {\ncase x:\n\t<-c\ndefault:\n\t<-c\n}"));
        assert!(!received_before_return(""));
        assert!(!received_before_return("if x {\n\t<-c\n}"));
        assert!(!received_before_return("select {\ncase <-c:\ndefault:\n}"));
        assert!(!received_before_return("switch {\ncase x:\n\t<-c\n}"));
        assert!(!received_before_return("for x {\n\t<-c\n}"));
        // The early return is not the one asked about.
        assert!(received_before_return("if x {\n\treturn\n}\n<-c"));
    }

    #[test]
    fn loops_innermost_first() {
        let src = in_func("for x {\n\tfor _, v := range xs {\n\t\tc <- v\n\t}\n}");
        let tree = parse(&src);
        let send = all(&tree, k::SEND_STATEMENT)[0];
        let fors = all(&tree, k::FOR_STATEMENT);
        assert_eq!(loops_between(send, body(&tree)).collect::<Vec<_>>(), [fors[1], fors[0]]);
        assert_eq!(loops_between(send, fors[0]).collect::<Vec<_>>(), [fors[1]]);
    }
}
