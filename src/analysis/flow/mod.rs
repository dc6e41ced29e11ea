//! Control flow over the syntax tree, structured and conservative: how many
//! times a body can send on a path (`paths.rs`), which statements leave a
//! region (`jumps.rs`), what runs on every path to a node and which loops
//! enclose it (`dominance.rs`), whether a send is a goroutine's last action
//! (`last.rs`), how the loop of a goroutine's body ends (`waits.rs`).

mod dominance;
mod jumps;
mod last;
mod paths;
mod waits;

pub use dominance::{always_before, branches, dominates, exclusive, is_case, loops_between};
pub use jumps::{
    DeclJumps, Jump, Jumps, ends_process, ends_process_after, innermost_function, is_conditional_exit, is_goexit_call,
    is_panic_call, is_panic_or_exit, jump_target, jumps, leaves, walk_own, window_root,
};
pub use last::{is_last_action, is_last_action_with};
pub use paths::{MANY, max_sends, min_sends, send_bounds};
pub use waits::BodyLoop;

/// Small helpers for the unit tests of this module: parse a snippet, find
/// nodes in it by kind and text.
#[cfg(test)]
mod testing {
    use crate::syntax::Fast as _;
    use tree_sitter::{Node, Tree};

    use crate::syntax::{kinds as k, text, walk_preorder};

    /// `body` as the body of `func f(c chan int, t *testing.T, x bool, xs []int)`
    /// in a file importing "testing".
    pub(super) fn in_func(body: &str) -> String {
        format!(
            "package p\n\nimport \"testing\"\n\nfunc f(c chan int, t *testing.T, x bool, xs []int) {{\n{body}\n}}\n"
        )
    }

    pub(super) fn parse(src: &str) -> Tree {
        let tree = crate::syntax::parse(src.as_bytes()).expect("tree-sitter parses");
        assert!(!tree.root_node().has_error(), "test snippet has a syntax error:\n{src}");
        tree
    }

    /// Every node of `kind`, in source order.
    pub(super) fn all<'t>(tree: &'t Tree, kind: &str) -> Vec<Node<'t>> {
        let mut out = Vec::new();
        walk_preorder(tree.root_node(), |n| {
            if n.kind_str() == kind {
                out.push(n);
            }
            true
        });
        out
    }

    /// The first node of `kind` whose text is `text`.
    pub(super) fn find<'t>(tree: &'t Tree, src: &str, kind: &str, want: &str) -> Node<'t> {
        let found = all(tree, kind).into_iter().find(|n| text(*n, src.as_bytes()) == want);
        found.unwrap_or_else(|| panic!("no {kind} `{want}` in:\n{src}"))
    }

    /// The body of the first function declared.
    pub(super) fn body(tree: &Tree) -> Node<'_> {
        let decl = all(tree, k::FUNCTION_DECLARATION)[0];
        decl.field("body").expect("a function with a body")
    }
}
