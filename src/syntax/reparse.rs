//! A tree parsed again after small edits, reusing every part of it the
//! edits do not touch (tree-sitter's incremental parsing): the parse guard's
//! cost is then that of the edited statements, not of the functions again.

use std::ops::Range;

use tree_sitter::{InputEdit, Point, Tree};

use super::{LineIndex, PARSER, deadline, work};

/// A text as edits leave it, without building it: the original's pieces
/// between the edits and the edits' contents, in order.
struct Edited<'a> {
    /// Each piece's offset in the edited text, and its bytes.
    pieces: Vec<(usize, &'a [u8])>,
}

impl<'a> Edited<'a> {
    fn new(src: &'a [u8], edits: &[(Range<usize>, &'a [u8])]) -> Self {
        let mut pieces = Vec::with_capacity(2 * edits.len() + 1);
        let (mut pos, mut at) = (0, 0);
        for (r, content) in edits {
            pieces.push((at, &src[pos..r.start]));
            at += r.start - pos;
            pieces.push((at, *content));
            at += content.len();
            pos = r.end;
        }
        pieces.push((at, &src[pos..]));
        Edited { pieces }
    }

    /// The edited text from `at` to the end of its piece (empty past the
    /// end), as tree-sitter reads its input.
    fn from(&self, at: usize) -> &'a [u8] {
        let i = self.pieces.partition_point(|(start, _)| *start <= at).saturating_sub(1);
        let (start, bytes) = self.pieces[i];
        bytes.get(at - start..).unwrap_or_default()
    }
}

/// Is the edit at `r` before the original offset `at` (not inside an
/// edit)? An insertion at `at` is not: it belongs to what starts there (a
/// range starting at `at` holds it).
fn is_before(r: &Range<usize>, at: usize) -> bool {
    r.end < at || (r.end == at && r.start < at)
}

/// Where the original offset `at` (not inside an edit) is in the edited
/// text: its offset and its row and column. `edits` are sorted and
/// disjoint.
fn moved(src: &[u8], lines: &LineIndex, edits: &[(Range<usize>, &[u8])], at: usize) -> (usize, Point) {
    let before = edits.partition_point(|(r, _)| is_before(r, at));
    let offset = moved_offset(edits, at);
    let p = lines.point(at);
    let newlines = |b: &[u8]| memchr::memchr_iter(b'\n', b).count();
    let row = edits[..before].iter().fold(p.row, |row, (r, c)| row + newlines(c) - newlines(&src[r.clone()]));
    // The column moves only by an edit ending on the same line: from where
    // that edit's text ends (found from the edits before it).
    let column = match edits[..before].last() {
        Some((r, c)) if lines.point(r.end).row == p.row => {
            let end_column = match memchr::memrchr(b'\n', c) {
                Some(nl) => c.len() - nl - 1,
                None => moved(src, lines, &edits[..before - 1], r.start).1.column + c.len(),
            };
            end_column + (at - r.end)
        }
        _ => p.column,
    };
    (offset, Point { row, column })
}

/// Where the original offset `at` (not inside an edit) is in the text
/// `edits` (sorted, disjoint) make; an insertion at `at` stays after it.
#[must_use]
pub fn moved_offset(edits: &[(Range<usize>, &[u8])], at: usize) -> usize {
    edits.iter().filter(|(r, _)| is_before(r, at)).fold(at, |o, (r, c)| o + c.len() - r.len())
}

/// `tree`, parsed from `ranges` of `src`, parsed again as `edits` (sorted,
/// disjoint, each inside one of `ranges`) change `src`, reusing what they
/// leave alone; with the new tree, `ranges` moved to the edited text.
/// `None` if tree-sitter gives up (or this thread's deadline passes).
#[must_use]
pub fn reparse(
    src: &[u8],
    lines: &LineIndex,
    tree: &Tree,
    ranges: &[tree_sitter::Range],
    edits: &[(Range<usize>, &[u8])],
) -> Option<(Tree, Vec<tree_sitter::Range>)> {
    let mut old = tree.clone();
    // Last to first: each edit's offsets are still the original's.
    for (r, content) in edits.iter().rev() {
        let start = lines.point(r.start);
        let end = match memchr::memrchr(b'\n', content) {
            Some(nl) => {
                Point { row: start.row + memchr::memchr_iter(b'\n', content).count(), column: content.len() - nl - 1 }
            }
            None => Point { row: start.row, column: start.column + content.len() },
        };
        old.edit(&InputEdit {
            start_byte: r.start,
            old_end_byte: r.end,
            new_end_byte: r.start + content.len(),
            start_position: start,
            old_end_position: lines.point(r.end),
            new_end_position: end,
        });
    }
    let moved_ranges: Vec<tree_sitter::Range> = ranges
        .iter()
        .map(|r| {
            let (start_byte, start_point) = moved(src, lines, edits, r.start_byte);
            let (end_byte, end_point) = moved(src, lines, edits, r.end_byte);
            tree_sitter::Range { start_byte, end_byte, start_point, end_point }
        })
        .collect();
    let text = Edited::new(src, edits);
    let new = PARSER.with(|p| {
        let mut p = p.borrow_mut();
        p.set_included_ranges(&moved_ranges).ok()?;
        let mut stop = |_: &tree_sitter::ParseState| {
            if deadline::expired() { std::ops::ControlFlow::Break(()) } else { std::ops::ControlFlow::Continue(()) }
        };
        let options = tree_sitter::ParseOptions::new().progress_callback(&mut stop);
        let tree = p.parse_with_options(&mut |i, _| text.from(i), Some(&old), Some(options));
        let tree = super::halted(&mut p, tree);
        p.set_included_ranges(&[]).ok()?;
        tree
    })?;
    work::reparsed();
    Some((new, moved_ranges))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_all(text: &[u8]) -> (Tree, Vec<tree_sitter::Range>) {
        let lines = LineIndex::new(text);
        let ranges = vec![lines.range(&(0..text.len()))];
        (super::super::parse_included(text, &ranges).unwrap(), ranges)
    }

    #[test]
    fn an_incremental_parse_gives_the_tree_a_fresh_parse_gives() {
        let src = b"package p\n\nfunc f() {\n\tc := make(chan int)\n\tgo func() { c <- 1 }()\n}\n\nfunc g() { d := make(chan int); _ = d }\n";
        let lines = LineIndex::new(src);
        let (tree, ranges) = parse_all(src);
        let after = |needle: &str, nth: usize| {
            let mut at = 0;
            for _ in 0..nth {
                at += memchr::memmem::find(&src[at..], needle.as_bytes()).unwrap() + needle.len();
            }
            at
        };
        // `, 1` into both makes (one on a line with another edit after it),
        // a new line, and a deletion.
        let a = after("make(chan int", 1);
        let b = after("go func() {", 1);
        let c = after("make(chan int", 2);
        let d = after("; _ = d", 1);
        let edits: Vec<(Range<usize>, &[u8])> =
            vec![(a..a, b", 1"), (b..b, b"\n\t\tdefer close(c)\n"), (c..c, b", 1"), (d - 7..d, b"")];
        let (new, moved) = reparse(src, &lines, &tree, &ranges, &edits).unwrap();
        let mut edited = Vec::new();
        let mut pos = 0;
        for (r, content) in &edits {
            edited.extend_from_slice(&src[pos..r.start]);
            edited.extend_from_slice(content);
            pos = r.end;
        }
        edited.extend_from_slice(&src[pos..]);
        let (fresh, fresh_ranges) = parse_all(&edited);
        assert_eq!(new.root_node().to_sexp(), fresh.root_node().to_sexp());
        assert_eq!(moved, fresh_ranges, "offsets, rows and columns of the moved ranges");
        let points = |t: &Tree| {
            let mut out = Vec::new();
            super::super::walk_preorder(t.root_node(), |n| {
                out.push((n.byte_range(), n.start_position(), n.end_position()));
                true
            });
            out
        };
        assert_eq!(points(&new), points(&fresh));

        // Included ranges, as the engine parses: the package clause and `f`
        // only, edited inside `f`.
        let f = memchr::memmem::find(src, b"func f").unwrap();
        let f_end = memchr::memmem::find(src, b"\n}\n").unwrap() + 2;
        let ranges = vec![lines.range(&(0..10)), lines.range(&(f..f_end))];
        let tree = super::super::parse_included(src, &ranges).unwrap();
        let (new, moved) = reparse(src, &lines, &tree, &ranges, &edits[..2]).unwrap();
        let edited = [&src[..a], b", 1", &src[a..b], b"\n\t\tdefer close(c)\n", &src[b..]].concat();
        let lines = LineIndex::new(&edited);
        let shift = 3 + 18;
        let fresh_ranges = vec![lines.range(&(0..10)), lines.range(&(f..f_end + shift))];
        assert_eq!(moved, fresh_ranges);
        let fresh = super::super::parse_included(&edited, &fresh_ranges).unwrap();
        assert_eq!(new.root_node().to_sexp(), fresh.root_node().to_sexp());
        assert_eq!(points(&new), points(&fresh));
        assert!(!new.root_node().has_error());
    }

    /// The edited text, parsed fresh from `ranges` moved as [`reparse`]
    /// moves them, against [`reparse`]'s tree.
    fn same_as_fresh(src: &[u8], ranges: &[Range<usize>], edits: &[(Range<usize>, &[u8])]) {
        let lines = LineIndex::new(src);
        let ranges: Vec<_> = ranges.iter().map(|r| lines.range(r)).collect();
        let tree = super::super::parse_included(src, &ranges).unwrap();
        let (new, moved) = reparse(src, &lines, &tree, &ranges, edits).unwrap();
        let mut edited = Vec::new();
        let mut pos = 0;
        for (r, content) in edits {
            edited.extend_from_slice(&src[pos..r.start]);
            edited.extend_from_slice(content);
            pos = r.end;
        }
        edited.extend_from_slice(&src[pos..]);
        let fresh_lines = LineIndex::new(&edited);
        let fresh_ranges: Vec<_> = moved.iter().map(|r| fresh_lines.range(&(r.start_byte..r.end_byte))).collect();
        assert_eq!(moved, fresh_ranges, "rows and columns");
        let fresh = super::super::parse_included(&edited, &fresh_ranges).unwrap();
        assert_eq!(new.root_node().to_sexp(), fresh.root_node().to_sexp());
    }

    #[test]
    fn a_range_ending_on_the_line_of_an_insertion() {
        // No newline at the end: the range ends on the edited line (this
        // recursed without end).
        let src = b"package p\n\nfunc f() { c := make(chan int); go func() { c <- 1 }() }";
        let at = memchr::memmem::find(src, b"int)").unwrap() + 3;
        same_as_fresh(src, &[0..10, 11..src.len()], &[(at..at, b", 1")]);
        let whole = 0..src.len();
        same_as_fresh(src, std::slice::from_ref(&whole), &[(at..at, b", 1"), (at + 2..at + 4, b"")]);
    }

    #[test]
    fn an_insertion_at_a_range_start_is_parsed_with_the_range() {
        let src = b"package p\n\nfunc f() {}\n\nfunc g() {}\n";
        let f = memchr::memmem::find(src, b"func f").unwrap();
        let g = memchr::memmem::find(src, b"func g").unwrap();
        let edits: &[(Range<usize>, &[u8])] = &[(f..f, b"}}} 1 2 (("), (g..g, b"// g\n")];
        same_as_fresh(src, &[0..10, f..f + 11, g..g + 11], edits);
        let lines = LineIndex::new(src);
        let ranges = [lines.range(&(0..10)), lines.range(&(f..f + 11))];
        let tree = super::super::parse_included(src, &ranges).unwrap();
        let (new, _) = reparse(src, &lines, &tree, &ranges, &edits[..1]).unwrap();
        assert!(new.root_node().has_error(), "the inserted text is parsed");
    }
}
