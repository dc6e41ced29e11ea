//! Parents of nodes, remembered while a declaration is checked.
//! tree-sitter stores no parent links: it finds a node's parent by
//! descending from the root, so each call costs the depth times the
//! children passed on the way, and the analysis asks for the parents and
//! ancestor chains of the same few nodes again and again. While an
//! [`Indexing`] guard lives (the driver holds one per declaration, when
//! every tree the check sees is alive and none is freed), a descent records
//! the parent of every node it passes; a later question about one of them
//! is a lookup. (Recording every node of a declaration in one walk cost
//! more than it saved: tree-sitter's cursor is slow over hidden nodes.)
//! Without a guard, [`parent`] is tree-sitter's.

use std::cell::RefCell;
use std::collections::HashMap;

use tree_sitter::Node;

thread_local! {
    static INDEX: RefCell<Option<Index>> = const { RefCell::new(None) };
}

/// A node's identity across the trees of a check: trees share subtrees
/// (an incremental parse reuses the old tree's), so the id alone is not.
type Key = (usize, usize);

fn key(n: Node<'_>) -> Key {
    (n.into_raw().tree as usize, n.id())
}

#[derive(Default)]
struct Index {
    parent: HashMap<Key, tree_sitter::ffi::TSNode, Fast>,
}

/// Keys are addresses (and the grammar's field names, fixed): one
/// multiplication per eight bytes mixes them well enough (the standard
/// hasher resists adversarial keys, at several times the cost).
#[derive(Default, Clone, Copy)]
pub(crate) struct Fast;

impl std::hash::BuildHasher for Fast {
    type Hasher = FastHasher;
    fn build_hasher(&self) -> FastHasher {
        FastHasher(0)
    }
}

pub(crate) struct FastHasher(u64);

impl std::hash::Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Eight bytes at a time: keys are addresses and short names.
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.write_u64(u64::from_le_bytes(c.try_into().expect("eight bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.write_u64(u64::from_le_bytes(last));
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// Parents are indexed on this thread until the guard is dropped.
pub struct Indexing {
    outer: Option<Index>,
}

/// Index parents on this thread until the guard is dropped.
///
/// # Safety
/// Every tree whose nodes [`parent`] is asked about while the guard lives
/// must outlive the guard, and no tree may be freed while it lives (a new
/// tree at a freed one's address would meet its stale entries). The guard
/// must be dropped, not forgotten.
#[must_use]
pub unsafe fn indexing() -> Indexing {
    Indexing { outer: INDEX.with(|i| i.replace(Some(Index::default()))) }
}

impl Drop for Indexing {
    fn drop(&mut self) {
        let outer = self.outer.take();
        INDEX.with(|i| *i.borrow_mut() = outer);
    }
}

/// Is an [`Indexing`] guard alive on this thread?
#[must_use]
pub fn active() -> bool {
    INDEX.with(|i| i.borrow().is_some())
}

/// The parent of `node` (what `node.parent()` gives).
#[must_use]
pub fn parent(node: Node<'_>) -> Option<Node<'_>> {
    let found = INDEX.with(|i| {
        let mut i = i.borrow_mut();
        let ix = i.as_mut()?;
        if let Some(p) = ix.parent.get(&key(node)) {
            return Some(Some(*p));
        }
        // One descent from the root to `node`, recording the parent of
        // every node on the way (later questions about them are lookups).
        let root = super::root_of(node);
        if root.id() == node.id() {
            return Some(None);
        }
        let mut cur = root;
        loop {
            let child = cur.child_with_descendant(node)?;
            if child.id() == cur.id() {
                return None; // not below after all: ask tree-sitter
            }
            ix.parent.insert(key(child), cur.into_raw());
            if child.id() == node.id() {
                return Some(Some(cur.into_raw()));
            }
            cur = child;
        }
    });
    match found {
        // SAFETY: the recorded parent is a node of `node`'s tree (recorded
        // on a descent of it), alive as long as `node` (the guard's rule: no
        // tree is freed while it lives, so no key is stale).
        Some(p) => p.map(|raw| unsafe { Node::from_raw(raw) }),
        None => node.parent(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::Fast as _;

    #[test]
    fn indexed_parents_are_tree_sitters() {
        let src =
            b"package p\n\n// c\nfunc f(a int) {\n\tif a > 0 { go func() { _ = a /* x */ }() }\n}\n\nfunc g() {}\n";
        let tree = crate::syntax::parse(src).unwrap();
        let mut nodes = Vec::new();
        crate::syntax::walk_preorder(tree.root_node(), |n| {
            nodes.push(n);
            true
        });
        // SAFETY: `tree` outlives the guard; no tree is freed meanwhile.
        let _index = unsafe { indexing() };
        for n in nodes {
            assert_eq!(parent(n), n.parent(), "{}", n.kind_str());
        }
    }
}
