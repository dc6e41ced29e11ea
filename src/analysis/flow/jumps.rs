//! Statements that transfer control (`return`, `panic`, `break`,
//! `continue`, `goto`, calls ending the goroutine), where they go, and
//! whether they leave a region.

use tree_sitter::Node;

use crate::syntax::Named as _;
use crate::syntax::{ancestors, contains, kinds as k, named_children, text, walk_preorder};

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

pub(super) fn is_panic_call(stmt: Node<'_>, src: &[u8]) -> bool {
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

#[cfg(test)]
mod tests {
    use super::super::testing::{all, body, find, in_func, parse};
    use super::*;

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

    #[test]
    fn jumps_in_source_order_outside_closures() {
        let src = in_func(LOOPS);
        let tree = parse(&src);
        let found: Vec<_> = jumps(body(&tree), src.as_bytes()).iter().map(|j| text(*j, src.as_bytes())).collect();
        assert_eq!(found, ["break outer", "break", "continue", "panic(\"no\")", "t.Fatal(\"x\")", "goto L", "return"]);
        let lit = all(&tree, k::FUNC_LITERAL)[0];
        assert!(jumps(lit, src.as_bytes()).is_empty(), "a function literal region holds no jumps of its own");
    }

    #[test]
    fn targets_of_break_continue_goto() {
        let src = in_func(LOOPS);
        let tree = parse(&src);
        let b = src.as_bytes();
        let fors = all(&tree, k::FOR_STATEMENT);
        let target = |kind, t| jump_target(find(&tree, &src, kind, t), b);
        assert_eq!(target(k::BREAK_STATEMENT, "break outer"), Some(fors[0]));
        assert_eq!(target(k::BREAK_STATEMENT, "break"), Some(all(&tree, k::EXPRESSION_SWITCH_STATEMENT)[0]));
        assert_eq!(target(k::CONTINUE_STATEMENT, "continue"), Some(fors[1]));
        let label = all(&tree, k::LABELED_STATEMENT)[1];
        assert_eq!(target(k::GOTO_STATEMENT, "goto L"), Some(label));
        assert_eq!(target(k::RETURN_STATEMENT, "return"), None);
    }

    #[test]
    fn goto_stays_in_its_function() {
        let src = in_func("L:\n\tgo func() {\n\t\tgoto L\n\t}()\n\tgo func() {\n\tM:\n\t\tgoto M\n\t}()");
        let tree = parse(&src);
        let b = src.as_bytes();
        assert_eq!(jump_target(find(&tree, &src, k::GOTO_STATEMENT, "goto L"), b), None);
        let m = find(&tree, &src, k::LABELED_STATEMENT, "M:\n\t\tgoto M");
        assert_eq!(jump_target(find(&tree, &src, k::GOTO_STATEMENT, "goto M"), b), Some(m));
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
    fn goexit_needs_a_testing_receiver() {
        let src = in_func("t.Fatal(\"x\")\nu.Fatal(\"x\")\nruntime.Goexit()\nt := 1\nt.Fatal(\"y\")");
        let tree = parse(&src);
        let b = src.as_bytes();
        let ends: Vec<_> = all(&tree, k::EXPRESSION_STATEMENT)
            .into_iter()
            .filter(|s| is_goexit_call(*s, b))
            .map(|s| text(s, b))
            .collect();
        assert_eq!(ends, ["t.Fatal(\"x\")", "runtime.Goexit()"]);
    }
}
