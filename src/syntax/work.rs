//! Counts of the work done on this thread, for the tests that keep the cost
//! linear in the input: they compare the work per function of small and
//! large files instead of timing them. Counting is a few additions per
//! parse and per tree walk.

use std::cell::Cell;

/// The work done on a thread since the last [`take`].
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Work {
    /// Parser calls.
    pub parses: usize,
    /// Bytes handed to the parser (included ranges only).
    pub parsed_bytes: usize,
    /// The most included ranges of one parse (tree-sitter looks each
    /// token's range up from the first).
    pub widest_parse: usize,
    /// The most children of one tree's root (tree-sitter finds a parent by
    /// descending from the root through them).
    pub widest_root: usize,
    /// Nodes visited by [`super::walk_preorder`].
    pub visited: usize,
    /// Trees parsed again after edits, reusing what the edits leave alone
    /// ([`super::reparse`]).
    pub reparses: usize,
    /// Bytes handed to the Go tokenizer ([`super::tokens::tokenize`]).
    pub tokenized: usize,
    /// Bytes a [`super::LineIndex`] scanned for line starts.
    pub lines_scanned: usize,
    /// Tokens the plan's scans for one channel's name looked at (the calls
    /// handed it, the literals keyed with it).
    pub plan_scanned: usize,
    /// Jumps a function's jump list stepped through to answer which lie
    /// in a region.
    pub jumps_listed: usize,
}

thread_local! {
    static WORK: Cell<Work> = Cell::new(Work::default());
}

/// The work counted on this thread since the last call, and start over.
#[must_use]
pub fn take() -> Work {
    WORK.with(Cell::take)
}

pub(super) fn parsed(bytes: usize, ranges: usize, tree: &tree_sitter::Tree) {
    WORK.with(|w| {
        let mut c = w.get();
        c.parses += 1;
        c.parsed_bytes += bytes;
        c.widest_parse = c.widest_parse.max(ranges);
        c.widest_root = c.widest_root.max(usize::try_from(tree.root_node().child_count()).unwrap_or(usize::MAX));
        w.set(c);
    });
}

pub(super) fn reparsed() {
    WORK.with(|w| {
        let mut c = w.get();
        c.reparses += 1;
        w.set(c);
    });
}

pub(super) fn lines_scanned(n: usize) {
    WORK.with(|w| {
        let mut c = w.get();
        c.lines_scanned += n;
        w.set(c);
    });
}

pub(super) fn tokenized(n: usize) {
    WORK.with(|w| {
        let mut c = w.get();
        c.tokenized += n;
        w.set(c);
    });
}

pub(super) fn visited(n: usize) {
    WORK.with(|w| {
        let mut c = w.get();
        c.visited += n;
        w.set(c);
    });
}

pub(crate) fn plan_scanned(n: usize) {
    WORK.with(|w| {
        let mut c = w.get();
        c.plan_scanned += n;
        w.set(c);
    });
}

pub(crate) fn jumps_listed(n: usize) {
    WORK.with(|w| {
        let mut c = w.get();
        c.jumps_listed += n;
        w.set(c);
    });
}
