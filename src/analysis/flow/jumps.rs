//! Statements that transfer control (`return`, `panic`, `break`,
//! `continue`, `goto`, calls ending the goroutine), where they go, and
//! whether they leave a region.

use crate::syntax::Fast as _;
use crate::syntax::Up as _;
use tree_sitter::Node;

use crate::analysis::known;
use crate::syntax::Named as _;
use crate::syntax::{ancestors, contains, kinds as k, named_children, text, walk_preorder};

/// The jump statements of one function, each with its target, found in one
/// walk: what [`jumps`] and [`jump_target`] answer, for a caller that holds
/// it, without walking the function again for every `goto`.
pub struct Jumps<'t> {
    /// In source order.
    list: Vec<Jump<'t>>,
}

/// A statement that transfers control, and where to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Jump<'t> {
    pub stmt: Node<'t>,
    /// The statement a `break`/`continue` leaves, the labelled statement a
    /// `goto` jumps to (as [`jump_target`] finds them); `None` for the
    /// others and for a target not found.
    pub target: Option<Node<'t>>,
}

impl<'t> Jumps<'t> {
    /// The jumps of `func`, a function declaration, method or function
    /// literal, or the body of one (the table is then the function's).
    /// Jumps inside nested function literals belong to those.
    #[must_use]
    pub fn of(func: Node<'t>, src: &[u8]) -> Self {
        let holds = |f: &Node<'t>| is_function(*f) && f.field("body").is_some_and(|b| b.id() == func.id());
        let func = func.up().filter(holds).unwrap_or(func);
        let mut stmts = Vec::new();
        let mut labels = Labels::default();
        walk_own(func, |n, kind| {
            labels.visit(n, kind, func, src);
            if is_jump(n, kind, src) {
                stmts.push(n);
            }
            true
        });
        let target = |stmt: Node<'t>| match stmt.kind_str() {
            // A goto in a function declaration nested in `func` (only in a
            // tree broken by syntax errors) jumps within that one.
            k::GOTO_STATEMENT
                if is_function(func) && (!labels.nested_decls || innermost_function(stmt) == Some(func)) =>
            {
                label_of(stmt, src).and_then(|l| labels.goto_target(l, func))
            }
            k::GOTO_STATEMENT => jump_target(stmt, src),
            k::BREAK_STATEMENT | k::CONTINUE_STATEMENT => loop_target(stmt, src),
            _ => None,
        };
        Jumps { list: stmts.iter().map(|&stmt| Jump { stmt, target: target(stmt) }).collect() }
    }

    /// Every jump of the function, in source order.
    #[must_use]
    pub fn all(&self) -> &[Jump<'t>] {
        &self.list
    }

    /// The jumps inside `region` (a node of the function, not inside a
    /// nested function literal), in source order: those [`jumps`] finds in it.
    pub fn within(&self, region: Node<'_>) -> impl Iterator<Item = Jump<'t>> {
        let from = self.list.partition_point(|j| j.stmt.start_byte() < region.start_byte());
        self.list[from..]
            .iter()
            .take_while(move |j| j.stmt.start_byte() <= region.end_byte())
            .filter(move |j| inside(region, j.stmt))
            .copied()
    }

    /// Where the jump statement `jump` of this function goes.
    #[must_use]
    pub fn target(&self, jump: Node<'_>) -> Option<Node<'t>> {
        let at = self.list.partition_point(|j| j.stmt.start_byte() < jump.start_byte());
        let mut same_start = self.list[at..].iter().take_while(|j| j.stmt.start_byte() == jump.start_byte());
        same_start.find(|j| j.stmt.id() == jump.id())?.target
    }

    /// Does the jump statement `jump` of this function take control out of
    /// `region`? (See [`leaves`].)
    #[must_use]
    pub fn leaves(&self, jump: Node<'_>, region: Node<'_>) -> bool {
        leaves_to(jump, || self.target(jump), region)
    }
}

/// Statements in `region` (not inside nested functions) that transfer
/// control: `return`, `panic(...)`, `break`, `continue`, `goto`, and calls
/// ending the goroutine ([`is_goexit_call`]) or that may end it
/// ([`is_conditional_exit`]).
#[must_use]
pub fn jumps<'t>(region: Node<'t>, src: &[u8]) -> Vec<Node<'t>> {
    let mut out = Vec::new();
    walk_own(region, |n, kind| {
        if is_jump(n, kind, src) {
            out.push(n);
        }
        // Not even into `region` if it is a function literal.
        kind != k::FUNC_LITERAL
    });
    out
}

/// Every jump statement of one top-level declaration, found in one walk,
/// each with the function literal it is directly in (`None`: the
/// declaration's own body). [`jumps`] of any region of the declaration is
/// then a lookup: the file's facts keep one per declaration
/// ([`crate::analysis::FileFacts::jumps`]), so that the many questions
/// about exits do not walk the function again each time.
pub struct DeclJumps<'t> {
    /// In source order.
    list: Vec<(Node<'t>, Option<std::ops::Range<usize>>)>,
}

impl<'t> DeclJumps<'t> {
    #[must_use]
    pub fn of(decl: Node<'t>, src: &[u8]) -> Self {
        let mut list = Vec::new();
        // The function literals open at the node visited, innermost last.
        let mut open: Vec<std::ops::Range<usize>> = Vec::new();
        walk_preorder(decl, |n| {
            while open.last().is_some_and(|f| f.end <= n.start_byte()) {
                open.pop();
            }
            let kind = n.kind_str();
            if kind == k::FUNC_LITERAL {
                open.push(n.byte_range());
            } else if is_jump(n, kind, src) {
                list.push((n, open.last().cloned()));
            }
            // Jumps are statements: below anything that is not a block or
            // a statement holding blocks, only inside a func literal, which
            // the text then spells.
            holds_statements(kind) || memchr::memmem::find(&src[n.byte_range()], b"func").is_some()
        });
        DeclJumps { list }
    }

    /// What [`jumps`] finds in `region`, a node of the declaration.
    #[must_use]
    pub fn within(&self, region: Node<'t>) -> Vec<Node<'t>> {
        if region.kind_str() == k::FUNC_LITERAL {
            return Vec::new();
        }
        let r = region.byte_range();
        let from = self.list.partition_point(|(j, _)| j.start_byte() < r.start);
        let to = from + self.list[from..].partition_point(|(j, _)| j.start_byte() < r.end);
        crate::syntax::work::jumps_listed(to - from);
        self.list[from..to]
            .iter()
            .filter(|(j, lit)| {
                // In a literal nested in `region`: that literal's.
                let nested = lit.as_ref().is_some_and(|l| r.start <= l.start && l.end <= r.end);
                !nested
                    && j.end_byte() <= r.end
                    && (j.byte_range() != r || j.id() == region.id() || !is_above(*j, region))
            })
            .map(|(j, _)| *j)
            .collect()
    }
}

/// Is `a` an ancestor of `n` (over the same bytes)?
fn is_above(a: Node<'_>, n: Node<'_>) -> bool {
    ancestors(n).take_while(|p| p.byte_range() == a.byte_range()).any(|p| p.id() == a.id())
}

/// Can a node of this kind hold statements other than through a func
/// literal (a block, a compound statement, a case)?
fn holds_statements(kind: &str) -> bool {
    matches!(
        kind,
        k::SOURCE_FILE
            | k::FUNCTION_DECLARATION
            | k::METHOD_DECLARATION
            | k::FUNC_LITERAL
            | k::BLOCK
            | k::STATEMENT_LIST
            | k::IF_STATEMENT
            | k::FOR_STATEMENT
            | k::EXPRESSION_SWITCH_STATEMENT
            | k::TYPE_SWITCH_STATEMENT
            | k::SELECT_STATEMENT
            | k::EXPRESSION_CASE
            | k::TYPE_CASE
            | k::DEFAULT_CASE
            | k::COMMUNICATION_CASE
            | k::LABELED_STATEMENT
    )
}

/// Is `n`, of kind `kind`, a jump statement?
fn is_jump(n: Node<'_>, kind: &str, src: &[u8]) -> bool {
    match kind {
        k::RETURN_STATEMENT | k::BREAK_STATEMENT | k::CONTINUE_STATEMENT | k::GOTO_STATEMENT => true,
        k::EXPRESSION_STATEMENT => is_panic_call(n, src) || is_goexit_call(n, src) || is_conditional_exit(n, src),
        _ => false,
    }
}

/// A call statement that ends the goroutine or not, depending on its
/// arguments: an assertion of testify's `require` package
/// (`require.NoError(t, err)`), which calls `t.FailNow()` when it fails.
/// Control may leave there, so it is a jump; paths through it also go on
/// (unlike [`is_goexit_call`]).
#[must_use]
pub fn is_conditional_exit(stmt: Node<'_>, src: &[u8]) -> bool {
    stmt.named(0)
        .filter(|c| c.kind_str() == k::CALL_EXPRESSION)
        .and_then(|c| c.field("function"))
        .and_then(|f| known::qualified(f, src))
        .is_some_and(|(path, name)| path == known::TESTIFY_REQUIRE && name != "New")
        && stmt.named(0).and_then(|c| c.field("function")).and_then(|f| f.field("operand")).is_some_and(|pkg| {
            let name = text(pkg, src);
            // `require := require.New(t)`, or a parameter so named: a local
            // value, whose methods may be anything.
            let outermost = ancestors(stmt).filter(|a| is_function(*a)).last();
            !outermost.is_some_and(|f| declared_between(f, stmt, name, src))
                && !ancestors(stmt)
                    .filter(|a| is_function(*a))
                    .any(|f| param_named(f, &["parameters", "receiver"], name, src).is_some())
        })
}

/// Is `name` declared (`name :=`, `var name `) in the text of `func`
/// before `stmt`? (Textual: it only refuses more.)
fn declared_between(func: Node<'_>, stmt: Node<'_>, name: &str, src: &[u8]) -> bool {
    let between = &src[func.start_byte()..stmt.start_byte()];
    let word_start = |at: usize| at == 0 || !(between[at - 1].is_ascii_alphanumeric() || between[at - 1] == b'_');
    [format!("{name} :="), format!("var {name} ")]
        .iter()
        .any(|pat| memchr::memmem::find_iter(between, pat.as_bytes()).any(word_start))
}

/// The parameter declaration among the lists `fields` of `func`
/// (`"parameters"`, `"receiver"`) that declares `name`.
fn param_named<'t>(func: Node<'t>, fields: &[&str], name: &str, src: &[u8]) -> Option<Node<'t>> {
    fields.iter().filter_map(|f| func.field(f)).find_map(|params| {
        named_children(params).into_iter().find(|p| {
            let mut c = p.walk();
            p.children_by_field_name("name", &mut c).any(|n| text(n, src) == name)
        })
    })
}

/// Visit `root` and the nodes under it in source order, except those inside
/// nested function literals (they belong to another function) and below a
/// node for which `visit` (given the node and its kind) returns false.
pub fn walk_own<'t>(root: Node<'t>, mut visit: impl FnMut(Node<'t>, &str) -> bool) {
    walk_preorder(root, |n| {
        let kind = n.kind_str();
        visit(n, kind) && (kind != k::FUNC_LITERAL || n.id() == root.id())
    });
}

/// Where a [`walk_own`] of `region` that skips every node outside `window`
/// may start instead: the smallest node of `region` holding every node that
/// starts in `window`, when the walk descends into it and every node
/// between (`descends` says it for a kind; never a function literal); else
/// `region`. The walk then visits the same nodes without stepping through
/// every child of `region` (a function's thousands of statements, once per
/// channel).
pub fn window_root<'t>(region: Node<'t>, window: &std::ops::Range<usize>, descends: impl Fn(&str) -> bool) -> Node<'t> {
    use crate::syntax::Up as _;
    if window.start >= window.end || window.start < region.start_byte() {
        return region;
    }
    let Some(mut root) = region.descendant_for_byte_range(window.start, window.end.min(region.end_byte())) else {
        return region;
    };
    // A node starting at the window's start may hold the others.
    while root.id() != region.id() && root.start_byte() >= window.start {
        match root.up() {
            Some(up) => root = up,
            None => return region,
        }
    }
    if root.id() == region.id() {
        return region;
    }
    let path = crate::syntax::ancestors_within(region, root);
    let walkable = |n: &Node<'_>| n.id() == region.id() || (n.kind_str() != k::FUNC_LITERAL && descends(n.kind_str()));
    if walkable(&root) && path.iter().all(walkable) { root } else { region }
}

/// The labelled statements of a function, with their labels, in source order.
#[derive(Default)]
struct Labels<'t, 's> {
    list: Vec<(&'s str, Node<'t>)>,
    /// Saw a function declaration inside the function: only in trees broken
    /// by syntax errors.
    nested_decls: bool,
}

impl<'t, 's> Labels<'t, 's> {
    /// The labels a `goto label` in `func` may jump to: those so called met
    /// walking `func`, not below the first one.
    fn named(func: Node<'t>, label: &str, src: &'s [u8]) -> Self {
        let mut labels = Labels::default();
        walk_own(func, |n, kind| {
            if kind == k::LABELED_STATEMENT {
                labels.list.extend(label_name(n, src).filter(|l| *l == label).map(|l| (l, n)));
            }
            labels.list.is_empty()
        });
        labels
    }

    /// Note `n`, of kind `kind`, met walking `func` with [`walk_own`].
    fn visit(&mut self, n: Node<'t>, kind: &str, func: Node<'t>, src: &'s [u8]) {
        match kind {
            k::FUNCTION_DECLARATION | k::METHOD_DECLARATION => self.nested_decls |= n.id() != func.id(),
            k::LABELED_STATEMENT => self.list.extend(label_name(n, src).map(|l| (l, n))),
            _ => {}
        }
    }

    /// The labelled statement a `goto label` in `func` jumps to: the first
    /// one so labelled. Go rejects a label declared twice, tree-sitter does
    /// not: then a later one wins if it follows the first, or a statement
    /// enclosing it, in one list (as the walk this replaced found it).
    fn goto_target(&self, label: &str, func: Node<'t>) -> Option<Node<'t>> {
        let mut same = self.list.iter().filter(|(l, _)| *l == label).map(|(_, n)| *n);
        let first = same.next()?;
        let later: Vec<Node<'t>> = same.collect();
        if later.is_empty() {
            return Some(first);
        }
        let enclosing: Vec<usize> =
            crate::syntax::ancestors_within(func, first).iter().map(Node::id).chain([func.id()]).collect();
        let wins = later.into_iter().rev().find(|l| l.up().is_some_and(|p| enclosing.contains(&p.id())));
        Some(wins.unwrap_or(first))
    }
}

fn is_function(n: Node<'_>) -> bool {
    matches!(n.kind_str(), k::FUNC_LITERAL | k::FUNCTION_DECLARATION | k::METHOD_DECLARATION)
}

/// The innermost function declaration, method or literal holding `n`.
#[must_use]
pub fn innermost_function(n: Node<'_>) -> Option<Node<'_>> {
    ancestors(n).find(|a| is_function(*a))
}

/// Is `n` inside `region` (or `region` itself)? The offsets say so, unless
/// `n` is an ancestor spanning the same text (the statement around a call).
fn inside(region: Node<'_>, n: Node<'_>) -> bool {
    contains(region, n)
        && (n.byte_range() != region.byte_range()
            || n.id() == region.id()
            || !ancestors(region).any(|a| a.id() == n.id()))
}

/// The label of a labelled statement.
fn label_name<'s>(stmt: Node<'_>, src: &'s [u8]) -> Option<&'s str> {
    stmt.field("label").map(|l| text(l, src))
}

/// The label a `break`, `continue` or `goto` names.
fn label_of<'s>(jump: Node<'_>, src: &'s [u8]) -> Option<&'s str> {
    named_children(jump).into_iter().find(|c| c.kind_str() == k::LABEL_NAME).map(|l| text(l, src))
}

/// A statement that ends the goroutine running it, deferred calls run:
/// `runtime.Goexit()`, or `t.Fatal`/`Fatalf`/`FailNow`/`Skip`/`Skipf`/
/// `SkipNow` on a parameter declared `*testing.T`, `*testing.B`,
/// `*testing.F`, `testing.TB` or gocheck's `*check.C` (resolved through the
/// file's imports, see [`known`]).
#[must_use]
pub fn is_goexit_call(stmt: Node<'_>, src: &[u8]) -> bool {
    let Some(f) = stmt
        .named(0)
        .filter(|c| c.kind_str() == k::CALL_EXPRESSION)
        .and_then(|c| c.field("function"))
        .filter(|f| f.kind_str() == k::SELECTOR_EXPRESSION)
    else {
        return false;
    };
    let (Some(x), Some(m)) = (f.field("operand"), f.field("field")) else { return false };
    if x.kind_str() != k::IDENTIFIER {
        return false;
    }
    if known::is(f, src, known::RUNTIME_GOEXIT) {
        return true;
    }
    let (x, m) = (text(x, src), text(m, src));
    if !matches!(m, "Fatal" | "Fatalf" | "FailNow" | "Skip" | "Skipf" | "SkipNow") {
        return false;
    }
    // The receiver is a parameter of an enclosing function with a testing
    // type, not re-declared on the way (a textual check: it only refuses more).
    ancestors(stmt)
        .filter(|a| is_function(*a))
        .find_map(|func| param_named(func, &["parameters"], x, src).map(|p| (func, p.field("type"))))
        .is_some_and(|(func, ty)| {
            !declared_between(func, stmt, x, src) && ty.is_some_and(|ty| known::is_test_type(ty, src))
        })
}

/// Is the statement holding `node` directly followed by a call that ends
/// the process (`os.Exit`, `log.Fatal`)?
#[must_use]
pub fn ends_process_after(node: Node<'_>, src: &[u8]) -> bool {
    let stmt = ancestors(node).find(|a| a.up().is_some_and(|p| p.kind_str() == k::STATEMENT_LIST));
    let next = stmt
        .and_then(|s| std::iter::successors(s.next_named_sibling(), Node::next_named_sibling).find(|n| !n.is_extra()));
    next.is_some_and(|n| ends_process(n, src))
}

/// Is `stmt` a call that ends the process (`os.Exit`, `log.Fatal`...)?
#[must_use]
pub fn ends_process(stmt: Node<'_>, src: &[u8]) -> bool {
    Some(stmt)
        .filter(|n| n.kind_str() == k::EXPRESSION_STATEMENT)
        .and_then(|n| n.named(0))
        .filter(|c| c.kind_str() == k::CALL_EXPRESSION)
        .and_then(|c| c.field("function"))
        .is_some_and(|f| known::PROCESS_EXITS.iter().any(|api| known::is(f, src, *api)))
}

/// Can the statement end the goroutine or the process by itself: a panic,
/// a `t.Fatal`-style exit (sure or conditional), `os.Exit`/`log.Fatal`?
#[must_use]
pub fn is_panic_or_exit(stmt: Node<'_>, src: &[u8]) -> bool {
    is_panic_call(stmt, src) || is_goexit_call(stmt, src) || is_conditional_exit(stmt, src) || ends_process(stmt, src)
}

/// `panic(...)`, or `log.Panic(...)` and its `f`/`ln` forms.
#[must_use]
pub fn is_panic_call(stmt: Node<'_>, src: &[u8]) -> bool {
    let call = stmt.named(0).filter(|c| c.kind_str() == k::CALL_EXPRESSION);
    call.and_then(|c| c.field("function")).is_some_and(|f| {
        (f.kind_str() == k::IDENTIFIER && text(f, src) == "panic")
            || known::PANICS.iter().any(|api| known::is(f, src, *api))
    })
}

/// The statement a `break`/`continue` leaves (a loop, switch or select), or
/// the labelled statement a `goto` jumps to. (Any other statement is
/// answered as an unlabelled `break`; [`Jumps::target`] says `None`.)
#[must_use]
pub fn jump_target<'t>(jump: Node<'t>, src: &[u8]) -> Option<Node<'t>> {
    if jump.kind_str() == k::GOTO_STATEMENT {
        let (func, label) = (innermost_function(jump)?, label_of(jump, src)?);
        return Labels::named(func, label, src).goto_target(label, func);
    }
    loop_target(jump, src)
}

/// What a `break`/`continue` leaves: the innermost loop (or, for `break`,
/// switch or select) enclosing it, or the labelled statement it names.
fn loop_target<'t>(jump: Node<'t>, src: &[u8]) -> Option<Node<'t>> {
    let label = label_of(jump, src);
    let loops_only = jump.kind_str() == k::CONTINUE_STATEMENT;
    for a in ancestors(jump) {
        match a.kind_str() {
            k::FUNC_LITERAL | k::FUNCTION_DECLARATION | k::METHOD_DECLARATION => return None,
            k::LABELED_STATEMENT if label.is_some() && label_name(a, src) == label => {
                return named_children(a).into_iter().find(|c| c.kind_str() != k::LABEL_NAME);
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
    leaves_to(j, || jump_target(j, src), region)
}

/// [`leaves`], given how to find the target of `j`.
fn leaves_to<'t>(j: Node<'_>, target: impl FnOnce() -> Option<Node<'t>>, region: Node<'_>) -> bool {
    match j.kind_str() {
        k::BREAK_STATEMENT => target().is_none_or(|t| contains(t, region)),
        k::CONTINUE_STATEMENT => target().is_none_or(|t| contains(t, region) && t.id() != region.id()),
        k::GOTO_STATEMENT => target().is_none_or(|t| !contains(region, t)),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{all, body, find, in_func, parse};
    use super::*;

    #[test]
    fn a_declarations_jumps_answer_as_a_walk_of_each_region() {
        // Every node of every declaration of the repository's Go programs,
        // as a region: the table's answer is the walk's.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("transforms");
        let mut files: Vec<_> = std::fs::read_dir(&root)
            .unwrap()
            .flat_map(|d| std::fs::read_dir(d.unwrap().path()).unwrap())
            .map(|f| f.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "go"))
            .collect();
        files.sort();
        assert!(files.len() > 300, "{} programs", files.len());
        let mut regions = 0;
        for f in files {
            let b = std::fs::read(&f).unwrap();
            let tree = crate::syntax::parse(&b).unwrap();
            for decl in named_children(tree.root_node()) {
                let table = DeclJumps::of(decl, &b);
                walk_preorder(decl, |n| {
                    regions += 1;
                    assert_eq!(table.within(n), jumps(n, &b), "{}: {:?}", f.display(), n.byte_range());
                    true
                });
            }
        }
        assert!(regions > 50_000, "{regions} regions");
    }

    const LOOPS: &str = "outer:
for _, a := range xs {
	for _, b := range xs {
		if a == b {
			break outer
		}
		switch {
		case x:
			break
		}
		select {
		default:
			continue
		}
	}
}
go func() {
	return
}()
if x {
	panic(\"no\")
}
t.Fatal(\"x\")
goto L
L:
return";

    /// The statement the first `goto` in `stmts` jumps to, as both the
    /// table and [`jump_target`] find it.
    fn goto_lands_on(stmts: &str) -> Option<String> {
        let src = in_func(stmts);
        let tree = parse(&src);
        let (b, goto) = (src.as_bytes(), all(&tree, k::GOTO_STATEMENT)[0]);
        let target = jump_target(goto, b);
        assert_eq!(Jumps::of(innermost_function(goto).unwrap(), b).target(goto), target, "{stmts}");
        let stmt = target.and_then(|t| named_children(t).into_iter().find(|c| c.kind_str() != k::LABEL_NAME));
        stmt.map(|s| text(s, b).to_owned())
    }

    #[test]
    fn goto_targets() {
        assert_eq!(goto_lands_on("goto L\nL:\n\ta()").as_deref(), Some("a()"));
        // Labels belong to one function.
        assert_eq!(goto_lands_on("L:\n\tgo func() {\n\t\tgoto L\n\t}()"), None);
        assert_eq!(goto_lands_on("go func() {\n\tgoto M\nM:\n\ta()\n}()\nM:\n\tb()").as_deref(), Some("a()"));
        // Go rejects a label declared twice, tree-sitter does not: the one a
        // walk of the function finds first wins, unless a later one follows
        // it, or a statement enclosing it, in one list.
        for (stmts, want) in [
            ("goto L\nif x {\nL:\n\ta()\n}\nL:\n\tb()", "b()"),
            ("goto L\nL:\n\tb()\nif x {\nL:\n\ta()\n}", "b()"),
            ("goto L\nif x {\nL:\n\ta()\n}\nif x {\nL:\n\tb()\n}", "a()"),
        ] {
            assert_eq!(goto_lands_on(stmts).as_deref(), Some(want), "{stmts}");
        }
    }

    #[test]
    fn what_leaves_a_region() {
        let src = in_func(LOOPS);
        let tree = parse(&src);
        let b = src.as_bytes();
        let inner = all(&tree, k::FOR_STATEMENT)[1];
        let switch = all(&tree, k::EXPRESSION_SWITCH_STATEMENT)[0];
        let leaving = |region| -> Vec<_> {
            jumps(region, b).into_iter().filter(|j| leaves(*j, region, b)).map(|j| text(j, b)).collect()
        };
        assert_eq!(leaving(inner), ["break outer"]);
        assert_eq!(leaving(switch), ["break"]);
        let whole = body(&tree);
        assert_eq!(leaving(whole), ["panic(\"no\")", "t.Fatal(\"x\")", "return"]);
        let early = find(&tree, &src, k::IF_STATEMENT, "if x {\n\tpanic(\"no\")\n}");
        let goto = find(&tree, &src, k::GOTO_STATEMENT, "goto L");
        assert!(leaves(goto, early, b), "a goto to a label outside the region leaves it");
        assert!(!leaves(goto, whole, b));
    }

    #[test]
    fn jumps_in_source_order_and_their_targets() {
        let src = in_func(LOOPS);
        let tree = parse(&src);
        let b = src.as_bytes();
        let table = Jumps::of(body(&tree), b);
        let found: Vec<_> = jumps(body(&tree), b).iter().map(|j| text(*j, b)).collect();
        assert_eq!(found, ["break outer", "break", "continue", "panic(\"no\")", "t.Fatal(\"x\")", "goto L", "return"]);
        assert_eq!(table.all().iter().map(|j| j.stmt).collect::<Vec<_>>(), jumps(body(&tree), b));
        let fors = all(&tree, k::FOR_STATEMENT);
        let target = |kind, t| table.target(find(&tree, &src, kind, t));
        assert_eq!(target(k::BREAK_STATEMENT, "break outer"), Some(fors[0]));
        assert_eq!(target(k::BREAK_STATEMENT, "break"), Some(all(&tree, k::EXPRESSION_SWITCH_STATEMENT)[0]));
        assert_eq!(target(k::CONTINUE_STATEMENT, "continue"), Some(fors[1]));
        assert_eq!(target(k::GOTO_STATEMENT, "goto L"), Some(all(&tree, k::LABELED_STATEMENT)[1]));
        assert_eq!(target(k::RETURN_STATEMENT, "return"), None);
        // The closure has a table of its own, and no jumps as a region.
        let lit = all(&tree, k::FUNC_LITERAL)[0];
        assert_eq!(Jumps::of(lit, b).all().iter().map(|j| text(j.stmt, b)).collect::<Vec<_>>(), ["return"]);
        assert!(jumps(lit, b).is_empty());
    }

    #[test]
    fn table_answers_as_the_free_functions_for_every_region() {
        for stmts in [LOOPS, "if x {\n\treturn\n}\nL:\n\tfor {\n\t\tgoto L\n\t}\nM:\n\tpanic(\"no\")\n\tgoto M"] {
            let src = in_func(stmts);
            let tree = parse(&src);
            let b = src.as_bytes();
            let table = Jumps::of(all(&tree, k::FUNCTION_DECLARATION)[0], b);
            // Targets too (a panic has none, whatever `jump_target` says).
            for j in table.all().iter().filter(|j| j.stmt.kind_str() != k::RETURN_STATEMENT) {
                assert_eq!(j.target, jump_target(j.stmt, b).filter(|_| j.stmt.kind_str() != k::EXPRESSION_STATEMENT));
            }
            // Every region of the function, not inside a nested one.
            walk_preorder(tree.root_node(), |region| {
                let within: Vec<_> = table.within(region).map(|j| j.stmt).collect();
                assert_eq!(within, jumps(region, b), "jumps in {region:?}");
                for j in table.all() {
                    assert_eq!(table.leaves(j.stmt, region), leaves(j.stmt, region, b), "{j:?} leaves {region:?}");
                }
                region.kind_str() != k::FUNC_LITERAL
            });
        }
    }

    #[test]
    fn goexit_needs_a_testing_receiver() {
        // `runtime` names the import only where it is imported (here as `rt`).
        let src = in_func("t.Fatal(\"x\")\nu.Fatal(\"x\")\nruntime.Goexit()\nrt.Goexit()\nt := 1\nt.Fatal(\"y\")")
            .replace("import \"testing\"", "import (\n\trt \"runtime\"\n\t\"testing\"\n)");
        let tree = parse(&src);
        let b = src.as_bytes();
        let ends = all(&tree, k::EXPRESSION_STATEMENT).into_iter().filter(|s| is_goexit_call(*s, b));
        assert_eq!(ends.map(|s| text(s, b)).collect::<Vec<_>>(), ["t.Fatal(\"x\")", "rt.Goexit()"]);
    }

    #[test]
    fn require_assertions_may_exit_and_assert_ones_do_not() {
        let src = in_func("require.NoError(t, err)
assert.NoError(t, err)
r.NoError(err)
require.New(t)
must.NoError(t, err)")
            .replace(
                "import \"testing\"",
                "import (\n\t\"testing\"\n\n\t\"github.com/stretchr/testify/assert\"\n\t\"github.com/stretchr/testify/require\"\n\tmust \"github.com/stretchr/testify/require\"\n)",
            );
        let tree = parse(&src);
        let b = src.as_bytes();
        let stmts = all(&tree, k::EXPRESSION_STATEMENT);
        let may = stmts.iter().filter(|s| is_conditional_exit(**s, b)).map(|s| text(*s, b)).collect::<Vec<_>>();
        assert_eq!(may, ["require.NoError(t, err)", "must.NoError(t, err)"]);
        // A jump (control may leave), not an end of every path.
        let found: Vec<_> = jumps(body(&tree), b).iter().map(|j| text(*j, b)).collect();
        assert_eq!(found, may);
        assert!(stmts.iter().all(|s| !is_goexit_call(*s, b)));
    }
}
