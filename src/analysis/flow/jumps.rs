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
