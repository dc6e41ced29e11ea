//! How many sends a body makes per path: the most on any path and the
//! fewest on any path that ends normally.

use crate::syntax::Fast as _;
use crate::syntax::Up as _;
use tree_sitter::Node;

use super::jumps::{is_conditional_exit, is_goexit_call, is_panic_call};
use crate::syntax::Named as _;
use crate::syntax::{kinds as k, named_children, walk_preorder};

/// Saturating count of sends on one path; `MANY` means "unbounded".
pub const MANY: u32 = u32::MAX;

/// The fewest and the most sends on one path through `body`, as
/// ([`min_sends`], [`max_sends`]) give them, counted in one pass.
#[must_use]
pub fn send_bounds(body: Node<'_>, src: &[u8], is_send: &dyn Fn(Node<'_>) -> bool) -> (u32, u32) {
    let [least, most] = paths(body, src, is_send, [Bound::Least, Bound::Most]);
    (Bound::Least.total(least), Bound::Most.total(most))
}

/// The largest number of sends (nodes for which `is_send` holds) executed
/// on any single path through `body`. Loops containing a send (unless each
/// send ends the goroutine), `goto`, and sends in nested functions count as
/// [`MANY`]. (Wanting [`min_sends`] too, call [`send_bounds`].)
#[must_use]
pub fn max_sends(body: Node<'_>, src: &[u8], is_send: &dyn Fn(Node<'_>) -> bool) -> u32 {
    let [most] = paths(body, src, is_send, [Bound::Most]);
    Bound::Most.total(most)
}

/// The smallest number of sends on any path through `body` that ends
/// normally (falls off the end or returns); paths that panic are ignored.
/// (Wanting [`max_sends`] too, call [`send_bounds`].)
#[must_use]
pub fn min_sends(body: Node<'_>, src: &[u8], is_send: &dyn Fn(Node<'_>) -> bool) -> u32 {
    let [least] = paths(body, src, is_send, [Bound::Least]);
    Bound::Least.total(least)
}

/// Sends counted on (paths falling through, paths that return or end the
/// goroutine); `None` when there is no such path.
type Paths = (Option<u32>, Option<u32>);

/// What an empty statement gives: it falls through, sending nothing.
const EMPTY: Paths = (Some(0), None);

/// `f(i, bounds[i])` for each bound.
fn each<const N: usize>(bounds: [Bound; N], f: impl Fn(usize, Bound) -> Paths) -> [Paths; N] {
    std::array::from_fn(|i| f(i, bounds[i]))
}

/// A bound [`paths`] computes; every choice it makes is conservative for
/// that bound (more sends for `Most`, fewer for `Least`).
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

    /// The bound over all paths through a body.
    fn total(self, (ft, term): Paths) -> u32 {
        self.pick(ft, term).unwrap_or(0)
    }

    /// Both kinds of path, each as conservative as the bound asks.
    fn untracked(self) -> Paths {
        match self {
            Bound::Most => (Some(MANY), Some(MANY)),
            Bound::Least => (Some(0), Some(0)),
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
        found |= x.kind_str() == k::RETURN_STATEMENT;
        !found && x.kind_str() != k::FUNC_LITERAL
    });
    found
}

fn add(a: Option<u32>, b: u32) -> Option<u32> {
    a.map(|a| a.saturating_add(b))
}

/// Sends per path through statement `n`, under each of `bounds` (one pass
/// for all of them; each result is what a pass for that bound alone gives).
fn paths<const N: usize>(
    n: Node<'_>,
    src: &[u8],
    is_send: &dyn Fn(Node<'_>) -> bool,
    bounds: [Bound; N],
) -> [Paths; N] {
    let rec = |c: Node<'_>| paths(c, src, is_send, bounds);
    let unknown = || bounds.map(|b| b.unknown(n, is_send));
    // Sends in an initializer, condition or switch value are not followed.
    let header_sends =
        ["initializer", "condition", "value"].iter().any(|f| n.field(f).is_some_and(|h| has_send(h, is_send)));
    if header_sends
        && matches!(n.kind_str(), k::IF_STATEMENT | k::EXPRESSION_SWITCH_STATEMENT | k::TYPE_SWITCH_STATEMENT)
    {
        return bounds.map(Bound::untracked);
    }
    match n.kind_str() {
        k::BLOCK | k::STATEMENT_LIST => {
            let mut out = [EMPTY; N];
            for s in named_children(n) {
                // A bound stops counting where its paths stop falling through.
                if out.iter().all(|(ft, _)| ft.is_none()) {
                    break;
                }
                let r = rec(s);
                for (i, b) in bounds.iter().enumerate() {
                    let (ft, term) = &mut out[i];
                    if let Some(cur) = *ft {
                        *term = b.pick(*term, add(r[i].1, cur));
                        *ft = add(r[i].0, cur);
                    }
                }
            }
            out
        }
        // `return <-c` counts, then ends the path.
        k::RETURN_STATEMENT if is_send(n) => [(None, Some(1)); N],
        k::RETURN_STATEMENT => [(None, Some(0)); N],
        // A statement that is (or holds) one counted operation: a send, a
        // call that sends once (see `summaries::ParamSummary::at_call`),
        // `v := <-c`, a ranging loop.
        _ if is_send(n) => [(Some(1), None); N],
        k::EXPRESSION_STATEMENT if is_goexit_call(n, src) => [(None, Some(0)); N],
        // `require.NoError(t, err)`: the path goes on, or ends there.
        k::EXPRESSION_STATEMENT if is_conditional_exit(n, src) => [(Some(0), Some(0)); N],
        // A panic ends the path; the fewest-sends bound ignores such paths.
        k::EXPRESSION_STATEMENT if is_panic_call(n, src) => bounds.map(|b| (None, (b == Bound::Most).then_some(0))),
        k::LABELED_STATEMENT => {
            named_children(n).into_iter().find(|c| c.kind_str() != k::LABEL_NAME).map_or([EMPTY; N], rec)
        }
        k::IF_STATEMENT => {
            let cons = n.field("consequence").map_or([EMPTY; N], rec);
            let alt = n.field("alternative").map_or([EMPTY; N], rec);
            each(bounds, |i, b| (b.pick(cons[i].0, alt[i].0), b.pick(cons[i].1, alt[i].1)))
        }
        k::EXPRESSION_SWITCH_STATEMENT | k::TYPE_SWITCH_STATEMENT | k::SELECT_STATEMENT => {
            let mut out: [Paths; N] = [(None, None); N];
            let mut has_default = n.kind_str() == k::SELECT_STATEMENT;
            for case in named_children(n) {
                let comm = match case.kind_str() {
                    k::EXPRESSION_CASE | k::TYPE_CASE => 0,
                    k::DEFAULT_CASE => {
                        has_default = true;
                        0
                    }
                    k::COMMUNICATION_CASE => u32::from(case.field("communication").is_some_and(is_send)),
                    _ => continue,
                };
                let body = named_children(case).into_iter().find(|c| c.kind_str() == k::STATEMENT_LIST);
                if body.is_some_and(has_fallthrough) {
                    return unknown();
                }
                let r = body.map_or([EMPTY; N], rec);
                out = each(bounds, |i, b| (b.pick(out[i].0, add(r[i].0, comm)), b.pick(out[i].1, add(r[i].1, comm))));
            }
            if !has_default {
                out = each(bounds, |i, b| (b.pick(out[i].0, Some(0)), out[i].1));
            }
            out
        }
        k::GOTO_STATEMENT => bounds.map(Bound::untracked),
        // A loop whose every send ends the goroutine right after (`c <- v;
        // return`) sends at most once, on the path that leaves by that return.
        // The fewest bound: such a loop falls through having sent nothing,
        // and ends the path having sent once when its every `return` (and
        // goroutine exit) comes right after a send.
        k::FOR_STATEMENT if sends_then_returns(n, src, is_send) => bounds.map(|b| match b {
            Bound::Most => (Some(0), Some(1)),
            Bound::Least if every_return_follows_a_send(n, src, is_send) => (Some(0), Some(1)),
            Bound::Least => b.unknown(n, is_send),
        }),
        // `defer func() { ... }()`: runs once, at exit, on every path that
        // passes here; counting it here gives the same per-path totals.
        k::DEFER_STATEMENT => {
            let lit = n.named(0).and_then(|c| c.field("function")).filter(|f| f.kind_str() == k::FUNC_LITERAL);
            match lit.and_then(|l| l.field("body")) {
                Some(body) => {
                    let r = rec(body);
                    each(bounds, |i, b| (Some(b.pick(r[i].0, r[i].1).unwrap_or(0)), None))
                }
                None => unknown(),
            }
        }
        _ => unknown(),
    }
}

/// Every `return` and goroutine exit inside the loop `n` (none in nested
/// functions) directly follows a send in its statement list, and no `goto`
/// can jump around: the loop ends its path only right after a send.
fn every_return_follows_a_send(n: Node<'_>, src: &[u8], is_send: &dyn Fn(Node<'_>) -> bool) -> bool {
    let mut ok = true;
    walk_preorder(n, |x| {
        let kind = x.kind_str();
        let ends = kind == k::RETURN_STATEMENT
            || (kind == k::EXPRESSION_STATEMENT && (is_goexit_call(x, src) || is_conditional_exit(x, src)));
        if kind == k::GOTO_STATEMENT {
            ok = false;
        } else if ends {
            let before =
                std::iter::successors(x.prev_named_sibling(), Node::prev_named_sibling).find(|p| !p.is_extra());
            ok &= x.up().is_some_and(|p| p.kind_str() == k::STATEMENT_LIST) && before.is_some_and(is_send);
        }
        ok && kind != k::FUNC_LITERAL
    });
    ok
}

/// Every send inside `n` (none in nested functions) is directly followed by
/// a `return` (or a call ending the goroutine) in its statement list, or is
/// a select case whose body starts with one.
fn sends_then_returns(n: Node<'_>, src: &[u8], is_send: &dyn Fn(Node<'_>) -> bool) -> bool {
    let mut sends = Vec::new();
    let mut in_closure = false;
    walk_preorder(n, |x| {
        if x.kind_str() == k::FUNC_LITERAL {
            in_closure |= has_send(x, is_send);
            return false;
        }
        if is_send(x) {
            sends.push(x);
        }
        true
    });
    let ends = |s: Node<'_>| {
        s.kind_str() == k::RETURN_STATEMENT
            || (s.kind_str() == k::EXPRESSION_STATEMENT && (is_panic_call(s, src) || is_goexit_call(s, src)))
    };
    !in_closure
        && !sends.is_empty()
        && sends.iter().all(|send| {
            let next = match send.up() {
                Some(p) if p.kind_str() == k::COMMUNICATION_CASE => {
                    named_children(p).into_iter().find(|c| c.kind_str() == k::STATEMENT_LIST).and_then(|l| l.named(0))
                }
                Some(p) if p.kind_str() == k::STATEMENT_LIST => {
                    std::iter::successors(send.next_named_sibling(), Node::next_named_sibling).find(|n| !n.is_extra())
                }
                _ => None,
            };
            next.is_some_and(ends)
        })
}

fn has_fallthrough(list: Node<'_>) -> bool {
    named_children(list).iter().any(|s| s.kind_str() == k::FALLTHROUGH_STATEMENT)
}

#[cfg(test)]
mod tests {
    use super::super::testing::{body, in_func, parse};
    use super::*;
    use crate::syntax::text;

    /// (fewest, most) sends on `c` through `stmts`, the body of a function,
    /// from the one pass, checked against a pass per bound.
    fn bounds(stmts: &str) -> (u32, u32) {
        let src = in_func(stmts);
        let tree = parse(&src);
        let is_send = |n: Node<'_>| {
            n.kind_str() == k::SEND_STATEMENT && n.field("channel").is_some_and(|c| text(c, src.as_bytes()) == "c")
        };
        let (b, src) = (body(&tree), src.as_bytes());
        let both = send_bounds(b, src, &is_send);
        assert_eq!(both, (min_sends(b, src, &is_send), max_sends(b, src, &is_send)), "{stmts}");
        both
    }

    #[test]
    fn straight_line() {
        assert_eq!(bounds(""), (0, 0));
        assert_eq!(bounds("c <- 1\nc <- 2"), (2, 2));
        assert_eq!(bounds("d <- 1\nc <- 2"), (1, 1));
    }

    #[test]
    fn branches() {
        assert_eq!(bounds("if x {\n\tc <- 1\n} else {\n\tc <- 1\n\tc <- 2\n}"), (1, 2));
        assert_eq!(bounds("if x {\n\tc <- 1\n}"), (0, 1));
        assert_eq!(bounds("if x {\n\treturn\n}\nc <- 1"), (0, 1));
        assert_eq!(bounds("switch {\ncase x:\n\tc <- 1\n}"), (0, 1));
        assert_eq!(bounds("switch {\ncase x:\n\tc <- 1\ndefault:\n\tc <- 2\n}"), (1, 1));
        // A send in a header is not followed; fallthrough neither.
        assert_eq!(bounds("if c <- 1; x {\n}"), (0, MANY));
        assert_eq!(bounds("switch {\ncase x:\n\tc <- 1\n\tfallthrough\ndefault:\n}"), (0, MANY));
    }

    #[test]
    fn loops() {
        assert_eq!(bounds("for i := 0; i < 3; i++ {\n\tc <- i\n}"), (0, MANY));
        assert_eq!(bounds("for _, v := range xs {\n\t_ = v\n}\nc <- 1"), (1, 1));
        // Each send ends the goroutine: at most one, on the path leaving by it.
        assert_eq!(bounds("for _, v := range xs {\n\tif v > 0 {\n\t\tc <- v\n\t\treturn\n\t}\n}"), (0, 1));
        assert_eq!(bounds("for _, v := range xs {\n\tif v > 0 {\n\t\tc <- v\n\t}\n}"), (0, MANY));
    }

    #[test]
    fn select() {
        assert_eq!(bounds("select {\ncase c <- 1:\n}"), (1, 1));
        assert_eq!(bounds("select {\ncase c <- 1:\ncase <-d:\n}"), (0, 1));
        assert_eq!(bounds("select {\ncase c <- 1:\ndefault:\n\tc <- 2\n\tc <- 3\n}"), (1, 2));
    }

    #[test]
    fn defer() {
        assert_eq!(bounds("defer func() {\n\tc <- 1\n}()"), (1, 1));
        assert_eq!(bounds("defer func() {\n\tc <- 1\n}()\nif x {\n\treturn\n}\nc <- 2"), (1, 2));
        assert_eq!(bounds("defer close(c)"), (0, 0));
    }

    #[test]
    fn goto() {
        assert_eq!(bounds("L:\n\tc <- 1\n\tif x {\n\t\tgoto L\n\t}"), (1, MANY));
        assert_eq!(bounds("goto L\nL:\n\treturn"), (0, MANY));
    }

    #[test]
    fn panic_and_goexit() {
        // The fewest-sends bound ignores paths that panic...
        assert_eq!(bounds("if x {\n\tpanic(\"no\")\n}\nc <- 1"), (1, 1));
        assert_eq!(bounds("c <- 1\npanic(\"no\")"), (0, 1));
        // ...but not those ending the goroutine, which run its defers.
        assert_eq!(bounds("if x {\n\tt.Fatal(\"no\")\n}\nc <- 1"), (0, 1));
    }

    #[test]
    fn closures() {
        assert_eq!(bounds("go func() {\n\tc <- 1\n}()"), (0, MANY));
        assert_eq!(bounds("f := func() {\n\treturn\n}\nf()\nc <- 1"), (1, 1));
    }
}
