//! Known APIs of the standard library and of common modules, recognised by
//! what a name resolves to through the file's imports (as ruff's
//! `resolve_qualified_name` does), never by its spelling alone: `rt.Goexit()`
//! is `runtime.Goexit` after `import rt "runtime"`, and `context.TODO()` is
//! not when `context` names something else.

use crate::syntax::Fast as _;
use tree_sitter::Node;

use crate::syntax::Named as _;
use crate::syntax::Up as _;
use crate::syntax::{kinds as k, named_children, text};

/// A function, method or type of a package, by import path and name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Api {
    pub path: &'static str,
    pub name: &'static str,
}

const fn api(path: &'static str, name: &'static str) -> Api {
    Api { path, name }
}

pub const RUNTIME_GOEXIT: Api = api("runtime", "Goexit");
/// testify's `require`: every assertion calls `t.FailNow()` when it fails.
pub const TESTIFY_REQUIRE: &str = "github.com/stretchr/testify/require";
pub const SYNC_WAITGROUP: Api = api("sync", "WaitGroup");
pub const TIME_AFTER_FUNC: Api = api("time", "AfterFunc");
pub const TIME_AFTER: Api = api("time", "After");
pub const CONTEXT_AFTER_FUNC: Api = api("context", "AfterFunc");
pub const ERRGROUP_GROUP: Api = api("golang.org/x/sync/errgroup", "Group");
pub const ERRGROUP_WITH_CONTEXT: Api = api("golang.org/x/sync/errgroup", "WithContext");
/// Functions whose first result is a slice (or a string), whose length
/// then counts a `range` over it: `files, err := filepath.Glob(pattern)`.
pub const SLICE_RESULTS: &[Api] = &[
    api("path/filepath", "Glob"),
    api("path/filepath", "SplitList"),
    api("os", "ReadDir"),
    api("os", "Environ"),
    api("strings", "Split"),
    api("strings", "SplitN"),
    api("strings", "SplitAfter"),
    api("strings", "Fields"),
    api("bytes", "Split"),
    api("bytes", "Fields"),
];
/// Calls that end the process: goroutines blocked then do not outlive it.
pub const PROCESS_EXITS: &[Api] =
    &[api("os", "Exit"), api("log", "Fatal"), api("log", "Fatalf"), api("log", "Fatalln")];
/// Calls that always panic, as the `panic` builtin does.
pub const PANICS: &[Api] = &[api("log", "Panic"), api("log", "Panicf"), api("log", "Panicln")];
/// The standard logger's prints, which neither block nor end the goroutine.
pub const LOG_PRINTS: &[Api] = &[api("log", "Print"), api("log", "Printf"), api("log", "Println")];
/// Does the call expression `call` only build a value, so that skipping
/// it changes nothing but that value? A function of `strings`, `strconv`,
/// `errors`, `unicode`, `math` or `path`, `fmt.Sprint*` / `fmt.Errorf`, or
/// `len`, `cap`, `min`, `max` or a conversion to a predeclared type (when
/// the file does not declare the name). Its arguments are checked apart.
#[must_use]
pub fn builds_value(call: Node<'_>, src: &[u8]) -> bool {
    let Some(f) = call.field("function") else { return false };
    // A func value handed in (`strings.ContainsFunc(s, c.bad)`, a literal)
    // runs code of its own.
    let handed_func = call.field("arguments").is_some_and(|a| {
        crate::syntax::named_children(a).iter().any(|x| {
            x.kind_str() == k::FUNC_LITERAL
                || (x.kind_str() == k::SELECTOR_EXPRESSION
                    && !is_package_value(*x, src)
                    && x.field("field").is_some_and(|m| declares_method(src, text(m, src))))
        })
    });
    if handed_func {
        return false;
    }
    if let Some((path, name)) = qualified(f, src) {
        if name.ends_with("Func") || name == "Map" {
            return false;
        }
        return matches!(path, "strings" | "strconv" | "errors" | "unicode" | "math" | "path")
            || (path == "fmt" && (name.starts_with("Sprint") || name == "Errorf"));
    }
    f.kind_str() == k::IDENTIFIER
        && matches!(
            text(f, src),
            "len"
                | "cap"
                | "min"
                | "max"
                | "string"
                | "int"
                | "int64"
                | "int32"
                | "uint"
                | "uint64"
                | "float64"
                | "bool"
        )
        && !declares(src, text(f, src))
}

/// `pkg.Name` for an import `pkg` of the file (a constant, a variable or a
/// function of another package, not a method value).
fn is_package_value(e: Node<'_>, src: &[u8]) -> bool {
    qualified(e, src).is_some()
}

/// Does the file's text declare a method `name` (`) name(`, a superset)?
fn declares_method(src: &[u8], name: &str) -> bool {
    let pattern = format!(") {name}(");
    memchr::memmem::find(src, pattern.as_bytes()).is_some()
}

/// Does the file's text spell `name` as a declared or assigned word (`func
/// len`, `len :=`, `var len`, `type string`)? A superset.
fn declares(src: &[u8], name: &str) -> bool {
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    memchr::memmem::find_iter(src, name.as_bytes()).any(|at| {
        let before = src[..at].iter().rev().take_while(|b| **b == b' ' || **b == b'\t').count();
        let prev = &src[..at - before];
        let after = &src[at + name.len()..];
        let whole = !prev.last().is_some_and(|b| word(*b)) && !after.first().is_some_and(|b| word(*b));
        let rest = after.iter().skip_while(|b| **b == b' ' || **b == b'\t').copied().collect::<Vec<u8>>();
        whole
            && (prev.ends_with(b"func")
                || prev.ends_with(b"var")
                || prev.ends_with(b"type")
                || prev.ends_with(b"const")
                || rest.starts_with(b":=")
                || rest.starts_with(b",")
                || (rest.starts_with(b"=") && !rest.starts_with(b"==")))
    })
}

pub const CONTEXT_BACKGROUND: Api = api("context", "Background");
pub const CONTEXT_TODO: Api = api("context", "TODO");
pub const CONTEXT_WITHOUT_CANCEL: Api = api("context", "WithoutCancel");
/// The types whose `Fatal`, `FailNow`, `Skip`... end the calling goroutine,
/// used through a pointer: testing's, and gocheck's `C`.
pub const TEST_TYPES: &[Api] =
    &[api("testing", "T"), api("testing", "B"), api("testing", "F"), api("gopkg.in/check.v1", "C")];
/// testing's interface of those methods.
pub const TESTING_TB: Api = api("testing", "TB");

/// Is the declared type `ty` one whose `Fatal`... ends the goroutine:
/// `*testing.T`, `*testing.B`, `*testing.F`, `testing.TB`, `*check.C`?
#[must_use]
pub fn is_test_type(ty: Node<'_>, src: &[u8]) -> bool {
    match ty.kind_str() {
        k::POINTER_TYPE => ty.named(0).is_some_and(|t| TEST_TYPES.iter().any(|api| is(t, src, *api))),
        _ => is(ty, src, TESTING_TB),
    }
}

/// Is `e` (a selector `pkg.Name`, or a qualified type) the API `api`?
#[must_use]
pub fn is(e: Node<'_>, src: &[u8], api: Api) -> bool {
    // The name first: resolving the package reads the imports.
    let name = match e.kind_str() {
        k::SELECTOR_EXPRESSION => e.field("field"),
        k::QUALIFIED_TYPE => e.field("name"),
        _ => None,
    };
    name.is_some_and(|n| text(n, src) == api.name) && qualified(e, src) == Some((api.path, api.name))
}

/// Is `ty` (a type, or the initialiser of a variable) the named type `api`,
/// or a pointer to it: `T`, `*T`, `T{}`, `&T{}`, `new(T)`?
#[must_use]
pub fn is_type(ty: Node<'_>, src: &[u8], api: Api) -> bool {
    match ty.kind_str() {
        k::QUALIFIED_TYPE => is(ty, src, api),
        k::POINTER_TYPE => ty.named(0).is_some_and(|t| is_type(t, src, api)),
        k::COMPOSITE_LITERAL => {
            ty.field("body").is_some_and(|b| named_children(b).is_empty())
                && ty.field("type").is_some_and(|t| is_type(t, src, api))
        }
        k::UNARY_EXPRESSION => {
            ty.field("operator").is_some_and(|o| o.kind_str() == "&")
                && ty.field("operand").is_some_and(|o| o.kind_str() == k::COMPOSITE_LITERAL && is_type(o, src, api))
        }
        k::CALL_EXPRESSION => {
            let args = ty.field("arguments").map(named_children).unwrap_or_default();
            ty.field("function").is_some_and(|f| text(f, src) == "new")
                && matches!(args.as_slice(), [t] if is_type(*t, src, api))
        }
        _ => false,
    }
}

/// Is the local `b` of the type `api` (or a pointer to it), by its declared
/// type or its initialiser?
#[must_use]
pub fn binding_is(b: &crate::analysis::scope::Binding<'_>, src: &[u8], api: Api) -> bool {
    b.ty.or(b.init).is_some_and(|t| is_type(t, src, api))
}

/// `pkg.Name`, a selector expression or a qualified type whose `pkg` is an
/// import of the file, as (import path, `Name`).
#[must_use]
pub fn qualified<'s>(e: Node<'_>, src: &'s [u8]) -> Option<(&'s str, &'s str)> {
    let (pkg, name) = match e.kind_str() {
        k::SELECTOR_EXPRESSION => (e.field("operand")?, e.field("field")?),
        k::QUALIFIED_TYPE => (e.field("package")?, e.field("name")?),
        _ => return None,
    };
    if !matches!(pkg.kind_str(), k::IDENTIFIER | k::PACKAGE_IDENTIFIER) {
        return None;
    }
    Some((import_path(src, text(pkg, src))?, text(name, src)))
}

/// The import path that the package name `name` refers to in the file
/// with text `src` (read from the text: a partial parse has no imports).
#[must_use]
pub fn import_path<'s>(src: &'s [u8], name: &str) -> Option<&'s str> {
    crate::syntax::outline::imports(src).into_iter().find_map(|(local, path)| {
        let path = std::str::from_utf8(path).ok()?;
        let local = match local {
            Some(l) => std::str::from_utf8(l).ok()?,
            None => default_name(path),
        };
        (local == name).then_some(path)
    })
}

/// The name a package is imported under by default: the last element of
/// its path, without a major-version element (`/v2`) or gopkg.in's `.v1`.
fn default_name(path: &str) -> &str {
    let mut parts = path.rsplit('/');
    let last = parts.next().unwrap_or(path);
    let is_version = |p: &str| p.len() > 1 && p.starts_with('v') && p[1..].bytes().all(|b| b.is_ascii_digit());
    let last = if is_version(last) { parts.next().unwrap_or(last) } else { last };
    match last.rsplit_once(".v") {
        Some((stem, v)) if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) => stem,
        _ => last,
    }
}

/// For a binding declared by `ctx, cancel := context.WithCancel(...)` (or
/// `WithTimeout`, `WithDeadline`), never reassigned: its place on the left
/// (0 for the context, 1 for its cancel function).
#[must_use]
pub fn derived_context_slot(facts: &super::FileFacts<'_>, b: &super::scope::Binding<'_>) -> Option<usize> {
    let list = b.ident.up().filter(|l| l.kind_str() == k::EXPRESSION_LIST)?;
    let decl = list.up().filter(|d| d.kind_str() == k::SHORT_VAR_DECLARATION)?;
    let right = decl.field("right").map(named_children).unwrap_or_default();
    let [call] = right[..] else { return None };
    let f = call.field("function").filter(|_| call.kind_str() == k::CALL_EXPRESSION)?;
    if !b.assignments.is_empty()
        || !matches!(facts.text(f), "context.WithCancel" | "context.WithTimeout" | "context.WithDeadline")
    {
        return None;
    }
    named_children(list).iter().position(|n| n.id() == b.ident.id())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_resolve_through_the_imports() {
        let src = b"package p\n\nimport (\n\t\"context\"\n\trt \"runtime\"\n\t\"gopkg.in/check.v1\"\n\t\"example.com/mod/v2\"\n)\nimport \"testing\"\n\nfunc f(t *testing.T, c *check.C) { _ = context.Background(); rt.Goexit(); runtime.Goexit(); mod.X() }\n";
        let tree = crate::syntax::parse(src).unwrap();
        let mut found = Vec::new();
        crate::syntax::walk_preorder(tree.root_node(), |n| {
            if matches!(n.kind_str(), k::SELECTOR_EXPRESSION | k::QUALIFIED_TYPE) {
                found.push(qualified(n, src));
            }
            true
        });
        assert_eq!(
            found,
            [
                Some(("testing", "T")),
                Some(("gopkg.in/check.v1", "C")),
                Some(("context", "Background")),
                Some(("runtime", "Goexit")),
                None, // `runtime` is not imported under that name
                Some(("example.com/mod/v2", "X")),
            ]
        );
    }
}
