//! Parsing: one tree-sitter parser per thread, and small node helpers shared
//! by every later stage.

use std::cell::RefCell;
use tree_sitter::{Node, Parser, Tree};

pub mod deadline;
pub mod kinds;
pub mod outline;
pub mod parents;
pub mod reparse;
pub mod tokens;
pub mod work;

thread_local! {
    static PARSER: RefCell<Parser> = RefCell::new({
        let mut p = Parser::new();
        p.set_language(&tree_sitter_go::LANGUAGE.into())
            .expect("tree-sitter-go grammar matches the tree-sitter ABI");
        p
    });
}

/// Parse Go source. Returns `None` only if tree-sitter gives up (it does not
/// for any input we have seen; parse errors show up as ERROR nodes instead).
#[must_use]
pub fn parse(src: &[u8]) -> Option<Tree> {
    let tree = PARSER.with(|p| run_parser(&mut p.borrow_mut(), src))?;
    work::parsed(src.len(), 1, &tree);
    Some(tree)
}

/// Parse only `ranges` of `src` (sorted, disjoint); nodes keep their
/// offsets in `src`.
#[must_use]
pub fn parse_ranges(src: &[u8], ranges: &[std::ops::Range<usize>]) -> Option<Tree> {
    let lines = LineIndex::new(src);
    parse_included(src, &ranges.iter().map(|r| lines.range(r)).collect::<Vec<_>>())
}

/// Where the lines of a text start, to give any offset its row and column
/// (tree-sitter's ranges carry both) in a lookup, in any order. The text is
/// scanned once, and only as far as the furthest offset asked for.
pub struct LineIndex<'s> {
    src: &'s [u8],
    /// Offsets of the bytes after each `\n` before `scanned`.
    starts: std::sync::Mutex<(Vec<usize>, usize)>,
}

impl<'s> LineIndex<'s> {
    #[must_use]
    pub fn new(src: &'s [u8]) -> Self {
        LineIndex { src, starts: std::sync::Mutex::new((Vec::new(), 0)) }
    }

    #[must_use]
    pub fn point(&self, at: usize) -> tree_sitter::Point {
        let mut guard = self.starts.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let (starts, scanned) = &mut *guard;
        if at > *scanned {
            let end = at.min(self.src.len());
            work::lines_scanned(end - *scanned);
            starts.extend(memchr::memchr_iter(b'\n', &self.src[*scanned..end]).map(|i| *scanned + i + 1));
            *scanned = end;
        }
        let row = starts.partition_point(|&s| s <= at);
        let line_start = if row == 0 { 0 } else { starts[row - 1] };
        tree_sitter::Point { row, column: at - line_start }
    }

    #[must_use]
    pub fn range(&self, r: &std::ops::Range<usize>) -> tree_sitter::Range {
        tree_sitter::Range {
            start_byte: r.start,
            end_byte: r.end,
            start_point: self.point(r.start),
            end_point: self.point(r.end),
        }
    }
}

/// Parse the included `ranges` of `src`.
#[must_use]
pub fn parse_included(src: &[u8], ranges: &[tree_sitter::Range]) -> Option<Tree> {
    let tree = PARSER.with(|p| {
        let mut p = p.borrow_mut();
        p.set_included_ranges(ranges).ok()?;
        let tree = run_parser(&mut p, src);
        p.set_included_ranges(&[]).ok()?;
        tree
    })?;
    work::parsed(ranges.iter().map(|r| r.end_byte - r.start_byte).sum(), ranges.len(), &tree);
    Some(tree)
}

/// Parse `src`, giving up at this thread's [`deadline`] (then `None`).
fn run_parser(p: &mut Parser, src: &[u8]) -> Option<Tree> {
    if deadline::get().is_none() {
        return p.parse(src, None);
    }
    let mut stop = |_: &tree_sitter::ParseState| {
        if deadline::expired() { std::ops::ControlFlow::Break(()) } else { std::ops::ControlFlow::Continue(()) }
    };
    let options = tree_sitter::ParseOptions::new().progress_callback(&mut stop);
    let tree = p.parse_with_options(&mut |i, _| src.get(i..).unwrap_or_default(), None, Some(options));
    halted(p, tree)
}

/// A parse that gave up leaves the parser in the middle of it, to be
/// resumed by the next call, whatever its text: start that one afresh.
fn halted(p: &mut Parser, tree: Option<Tree>) -> Option<Tree> {
    if tree.is_none() {
        p.reset();
    }
    tree
}

/// The most declarations parsed into one tree by [`parse_parts`].
///
/// tree-sitter looks each token's included range up from the first one and
/// finds a node's parent by descending from the root, so both cost grows
/// with the ranges of a parse and the children of its root: trees of a few
/// declarations each keep parsing and every `parent` call independent of
/// the size of the file.
pub const DECLS_PER_TREE: usize = 16;

/// Parse the header of `src` and its declarations `parts.chunks`, at most
/// [`DECLS_PER_TREE`] to a tree, each tree with the header (so that every
/// node's root shows the file's imports). Nodes keep their offsets in
/// `src` (no chunk: the header alone). `None` if tree-sitter gives up.
#[must_use]
pub fn parse_parts(src: &[u8], parts: &outline::Parts, lines: &LineIndex) -> Option<Vec<Tree>> {
    groups(parts, lines).iter().map(|g| parse_included(src, g)).collect()
}

/// The included ranges of each tree of [`parse_parts`] (to parse them one
/// at a time, or on several threads).
#[must_use]
pub fn groups(parts: &outline::Parts, lines: &LineIndex) -> Vec<Vec<tree_sitter::Range>> {
    if parts.chunks.is_empty() {
        return vec![vec![lines.range(&parts.header)]];
    }
    parts
        .chunks
        .chunks(DECLS_PER_TREE)
        .map(|group| {
            outline::merge(parts.header.clone(), group.iter().cloned()).iter().map(|r| lines.range(r)).collect()
        })
        .collect()
}

/// The smallest nodes of `root` spanning each occurrence of the token
/// `word` in its text (a quick way to the few nodes that matter, instead of
/// visiting every node). Occurrences inside identifiers are skipped.
#[must_use]
pub fn token_nodes<'t>(root: Node<'t>, src: &[u8], word: &[u8]) -> Vec<Node<'t>> {
    let start = root.start_byte();
    let text = &src[root.byte_range()];
    let ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    memchr::memmem::find_iter(text, word)
        .filter(|&at| (at == 0 || !ident(text[at - 1])) && text.get(at + word.len()).is_none_or(|b| !ident(*b)))
        .filter_map(|at| root.descendant_for_byte_range(start + at, start + at + word.len()))
        .collect()
}

/// The text of a node (empty if it is not UTF-8).
#[must_use]
pub fn text<'a>(node: Node<'_>, src: &'a [u8]) -> &'a str {
    node.utf8_text(src).unwrap_or("")
}

/// Named children of a node other than comments (tree-sitter-go's only
/// named extras), collected: tree-sitter puts comments anywhere, e.g.
/// among a call's arguments.
#[must_use]
pub fn named_children(node: Node<'_>) -> Vec<Node<'_>> {
    let mut cursor = node.walk();
    node.named_children(&mut cursor).filter(|n| !n.is_extra()).collect()
}

/// The statements of a block (`{ ... }`), comments skipped.
#[must_use]
pub fn statements(block: Node<'_>) -> Vec<Node<'_>> {
    match block.named(0) {
        Some(list) if list.kind_str() == kinds::STATEMENT_LIST => named_children(list),
        _ => Vec::new(),
    }
}

/// A node's kind and fields, looked up by number: tree-sitter's `kind()`
/// measures and checks its C string on every call, and its
/// `child_by_field_name` compares the name with every field's in turn.
/// Use `node.kind_str()` and `node.field(name)`; they give the same.
pub trait Fast<'t> {
    fn kind_str(&self) -> &'static str;
    fn field(&self, name: &str) -> Option<Node<'t>>;
}

impl<'t> Fast<'t> for Node<'t> {
    fn kind_str(&self) -> &'static str {
        // ERROR (the id past the grammar's kinds) is tree-sitter's own.
        names().kinds.get(usize::from(self.kind_id())).copied().unwrap_or("ERROR")
    }

    fn field(&self, name: &str) -> Option<Node<'t>> {
        self.child_by_field_id(names().fields.get(name)?.get())
    }
}

/// The grammar's kind names by id and field ids by name.
struct Names {
    kinds: Vec<&'static str>,
    fields: std::collections::HashMap<&'static str, std::num::NonZeroU16, parents::Fast>,
}

fn names() -> &'static Names {
    static LANGUAGE: std::sync::LazyLock<tree_sitter::Language> =
        std::sync::LazyLock::new(|| tree_sitter_go::LANGUAGE.into());
    static NAMES: std::sync::LazyLock<Names> = std::sync::LazyLock::new(|| {
        let lang = &*LANGUAGE;
        let kinds = (0..lang.node_kind_count())
            .map(|id| u16::try_from(id).ok().and_then(|id| lang.node_kind_for_id(id)).unwrap_or(""))
            .collect();
        let fields = (1..=lang.field_count())
            .filter_map(|id| {
                let id = u16::try_from(id).ok()?;
                Some((lang.field_name_for_id(id)?, std::num::NonZeroU16::new(id)?))
            })
            .collect();
        Names { kinds, fields }
    });
    &NAMES
}

/// A node's parent: [`parents::parent`], indexed while a check runs. Use
/// `node.up()`, never tree-sitter's `parent()`, which descends from the
/// root on every call.
pub trait Up<'t> {
    fn up(&self) -> Option<Node<'t>>;
}

impl<'t> Up<'t> for Node<'t> {
    fn up(&self) -> Option<Node<'t>> {
        parents::parent(*self)
    }
}

/// Positional access to named children that skips comments: use
/// `node.named(i)`, never tree-sitter's `named_child(i)`, which counts them.
pub trait Named<'t> {
    fn named(&self, i: usize) -> Option<Node<'t>>;
}

impl<'t> Named<'t> for Node<'t> {
    fn named(&self, i: usize) -> Option<Node<'t>> {
        let mut cursor = self.walk();
        self.named_children(&mut cursor).filter(|n| !n.is_extra()).nth(i)
    }
}

/// Ancestors of a node, innermost first, excluding the node itself: the
/// chain up to its tree's root, found in one descent from the root (what a
/// single `parent` call costs, since tree-sitter finds a parent by
/// descending from the root).
pub fn ancestors(node: Node<'_>) -> impl Iterator<Item = Node<'_>> {
    if parents::active() {
        return std::iter::successors(parents::parent(node), |n| parents::parent(*n)).collect::<Vec<_>>().into_iter();
    }
    let root = root_of(node);
    let mut chain = if root.id() == node.id() { Vec::new() } else { ancestors_within(root, node) };
    if root.id() != node.id() {
        chain.push(root);
    }
    chain.into_iter()
}

/// The root of the tree holding `node`.
pub(crate) fn root_of(node: Node<'_>) -> Node<'_> {
    let raw = node.into_raw();
    // SAFETY: a node's tree pointer is its tree's, alive as long as the node
    // (the lifetime ties the root to it), and the root of a tree is a node.
    unsafe { Node::from_raw(tree_sitter::ffi::ts_tree_root_node(raw.tree)) }
}

/// The ancestors of `node` below `root`, innermost first: what
/// `ancestors(node).take_while(|a| a.id() != root.id())` gives, found in one
/// descent from `root` (tree-sitter finds each parent by descending from
/// the tree's root, so a chain of `parent` calls costs the depth squared).
#[must_use]
pub fn ancestors_within<'t>(root: Node<'t>, node: Node<'t>) -> Vec<Node<'t>> {
    let slow = || {
        std::iter::successors(parents::parent(node), |n| parents::parent(*n))
            .take_while(|a| a.id() != root.id())
            .collect()
    };
    if parents::active() {
        return slow();
    }
    // A node of the same range may be the child, not the parent.
    if !contains(root, node) || root.byte_range() == node.byte_range() {
        return slow();
    }
    let mut path = Vec::new();
    let mut cur = root;
    loop {
        match cur.child_with_descendant(node) {
            Some(child) if child.id() == node.id() => break,
            Some(child) if child.id() != cur.id() => {
                path.push(child);
                cur = child;
            }
            // Not below `root` after all (a zero-width node at its edge).
            _ => return slow(),
        }
    }
    path.reverse();
    path
}

/// Is `inner` inside `outer` (or the same node)?
#[must_use]
pub fn contains(outer: Node<'_>, inner: Node<'_>) -> bool {
    outer.start_byte() <= inner.start_byte() && inner.end_byte() <= outer.end_byte()
}

/// Strip any number of parentheses around an expression.
#[must_use]
pub fn unparen(mut node: Node<'_>) -> Node<'_> {
    while node.kind_str() == kinds::PARENTHESIZED_EXPRESSION {
        match node.named(0) {
            Some(n) => node = n,
            None => break,
        }
    }
    node
}

/// Visit every node of a subtree in pre-order without recursion, so deeply
/// nested input cannot overflow the stack. `f` returns false to skip children.
pub fn walk_preorder<'t>(root: Node<'t>, mut f: impl FnMut(Node<'t>) -> bool) {
    let mut visited = 0;
    let mut f = |n| {
        visited += 1;
        f(n)
    };
    walk_preorder_counted(root, &mut f);
    work::visited(visited);
}

/// Does the subtree of `root` (`root` included) hold a node for which
/// `pred` holds? Stops at the first.
pub fn any_node<'t>(root: Node<'t>, pred: impl Fn(Node<'t>) -> bool) -> bool {
    let mut found = false;
    walk_preorder(root, |n| {
        found |= pred(n);
        !found
    });
    found
}

fn walk_preorder_counted<'t>(root: Node<'t>, f: &mut impl FnMut(Node<'t>) -> bool) {
    let mut cursor = root.walk();
    let mut descend = f(root);
    loop {
        if descend && cursor.goto_first_child() {
            descend = f(cursor.node());
            continue;
        }
        loop {
            if cursor.node().id() == root.id() {
                return;
            }
            if cursor.goto_next_sibling() {
                descend = f(cursor.node());
                break;
            }
            if !cursor.goto_parent() {
                return;
            }
        }
    }
}

/// Does `src` contain `make(chan` as Go tokens? Exact at the token level: `make`, then `(` and `chan`
/// with any whitespace or comments between them, so it never hides a file
/// the parser would find something in.
#[must_use]
pub fn has_make_chan(src: &[u8]) -> bool {
    memchr::memmem::find_iter(src, b"make").any(|at| {
        let rest = skip_blank(&src[at + 4..]);
        rest.first() == Some(&b'(') && skip_blank(&rest[1..]).starts_with(b"chan")
    })
}

/// Does `src` declare a channel variable without a value, `var c chan T`
/// or `var c <-chan T` (comments allowed between the tokens)? Exact enough
/// for a prefilter: it never says no to such a declaration.
#[must_use]
pub fn has_var_chan(src: &[u8]) -> bool {
    memchr::memmem::find_iter(src, b"var").any(|at| {
        let rest = skip_blank(&src[at + 3..]);
        let name = rest.iter().take_while(|b| tokens::is_ident(**b)).count();
        if name == 0 || name == rest.len() {
            return false;
        }
        let rest = skip_blank(&rest[name..]);
        rest.starts_with(b"chan") || (rest.starts_with(b"<-") && skip_blank(&rest[2..]).starts_with(b"chan"))
    })
}

/// Skip whitespace and comments.
pub(crate) fn skip_blank(mut s: &[u8]) -> &[u8] {
    loop {
        match s {
            [b' ' | b'\t' | b'\r' | b'\n', rest @ ..] => s = rest,
            _ => match tokens::comment_end(s, 0) {
                Some(end) => s = &s[end.unwrap_or(s.len())..],
                None => return s,
            },
        }
    }
}

/// [`skip_blank`] backwards: `s` without the blanks and comments it ends
/// with (a block comment `/* ... */`, or a line's `// ...` once a newline
/// is crossed).
pub(crate) fn skip_blank_back(mut s: &[u8]) -> &[u8] {
    loop {
        let mut crossed = false;
        while let [rest @ .., last] = s
            && matches!(last, b' ' | b'\t' | b'\r' | b'\n')
        {
            crossed |= *last == b'\n';
            s = rest;
        }
        if let Some(before) = s.strip_suffix(b"*/")
            && let Some(open) = memchr::memmem::rfind(before, b"/*")
        {
            s = &s[..open];
            continue;
        }
        if crossed {
            let line = s.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
            if let Some(c) = line_comment(&s[line..]) {
                s = &s[..line + c];
                continue;
            }
        }
        return s;
    }
}

/// Where a line's `//` comment starts, outside quotes (`"http://x"` is no
/// comment; a raw string spanning lines is not followed).
fn line_comment(line: &[u8]) -> Option<usize> {
    let mut quote: Option<u8> = None;
    let mut i = 0;
    while i < line.len() {
        let b = line[i];
        match quote {
            Some(q) if b == b'\\' && q != b'`' => i += 1,
            Some(q) if b == q => quote = None,
            None if matches!(b, b'"' | b'`' | b'\'') => quote = Some(b),
            None if line[i..].starts_with(b"//") => return Some(i),
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::has_make_chan as may_match;

    #[test]
    fn skip_blank_back_sees_comments_but_not_strings() {
        use super::skip_blank_back as back;
        assert_eq!(back(b"fetch /* c */ "), b"fetch");
        assert_eq!(back(b"x := 1 // note\n\t"), b"x := 1");
        assert_eq!(back(b"s.spawn(\"http://a\",\n\t"), b"s.spawn(\"http://a\",");
        assert_eq!(back(b"a /* x */ /* y */\n"), b"a");
    }

    #[test]
    fn a_parse_after_one_that_gave_up_starts_afresh() {
        let big = format!("package p\n\n{}", "func f() { c := make(chan int); _ = c }\n".repeat(50_000));
        {
            let _past = super::deadline::set(Some(std::time::Instant::now()));
            assert!(super::parse(big.as_bytes()).is_none(), "the deadline has passed");
            let lines = super::LineIndex::new(big.as_bytes());
            assert!(super::parse_included(big.as_bytes(), &[lines.range(&(0..big.len()))]).is_none());
        }
        let small = b"package p\n\nfunc g() {}\n";
        let tree = super::parse(small).unwrap();
        assert_eq!(tree.root_node().byte_range(), 0..small.len());
        assert!(!tree.root_node().has_error());
    }

    #[test]
    fn kinds_and_fields_by_number_are_tree_sitters() {
        use super::Fast as _;
        let lang: tree_sitter::Language = tree_sitter_go::LANGUAGE.into();
        let fields: Vec<&str> =
            (1..=lang.field_count()).filter_map(|i| lang.field_name_for_id(u16::try_from(i).ok()?)).collect();
        assert!(fields.contains(&"body") && fields.contains(&"operand"));
        // Every fixture: every kind the analysis meets.
        let mut kinds = std::collections::HashSet::new();
        let mut tree = None;
        for dir in std::fs::read_dir("transforms").unwrap() {
            for file in std::fs::read_dir(dir.unwrap().path()).unwrap() {
                let path = file.unwrap().path();
                if path.extension().is_none_or(|e| e != "go") {
                    continue;
                }
                let t = super::parse(&std::fs::read(&path).unwrap()).unwrap();
                super::walk_preorder(t.root_node(), |n| {
                    assert_eq!(n.kind_str(), n.kind());
                    for f in &fields {
                        assert_eq!(n.field(f), n.child_by_field_name(f), "{} {f}", n.kind());
                    }
                    kinds.insert(n.kind().to_owned());
                    true
                });
                tree = Some(t);
            }
        }
        assert!(kinds.len() > 100, "{} kinds", kinds.len());
        let broken = super::parse(b"package p\nfunc f() { x := }\n)(\n").unwrap();
        super::walk_preorder(broken.root_node(), |n| {
            assert_eq!(n.kind_str(), n.kind());
            true
        });
        assert!(broken.root_node().has_error());
        let tree = tree.unwrap();
        assert_eq!(tree.root_node().field("no such field"), None);
    }

    #[test]
    fn ancestors_within_is_the_parent_chain_up_to_the_root() {
        fn parents(n: tree_sitter::Node<'_>) -> Vec<tree_sitter::Node<'_>> {
            std::iter::successors(n.parent(), tree_sitter::Node::parent).collect()
        }
        let src = b"package p\nfunc f(c chan int) {\n\tgo func() {\n\t\tfor i := range 3 {\n\t\t\tif i > 0 {\n\t\t\t\tc <- i\n\t\t\t}\n\t\t}\n\t}()\n\tdefer func() { <-c }()\n}\nfunc g() {}\n";
        let tree = super::parse(src).unwrap();
        let root = tree.root_node();
        let mut nodes = Vec::new();
        super::walk_preorder(root, |n| {
            nodes.push(n);
            true
        });
        let ids = |v: &[tree_sitter::Node<'_>]| v.iter().map(tree_sitter::Node::id).collect::<Vec<_>>();
        for &n in &nodes {
            let all: Vec<_> = super::ancestors(n).collect();
            assert_eq!(ids(&all), ids(&parents(n)), "{n:?}");
        }
        for &within in &nodes {
            for &n in &nodes {
                let slow: Vec<_> = parents(n).into_iter().take_while(|a| a.id() != within.id()).collect();
                assert_eq!(ids(&super::ancestors_within(within, n)), ids(&slow), "{within:?} {n:?}");
            }
        }
    }

    #[test]
    fn prefilter_matches_every_spelling_of_make_chan() {
        for yes in [
            "make(chan int)",
            "make (chan int)",
            "make( chan int)",
            "make(\n\tchan int)",
            "make(/* x */chan int)",
            "make // c\n(chan int)",
        ] {
            assert!(may_match(yes.as_bytes()), "{yes:?}");
        }
        for no in ["make([]int, 3)", "chan int", "make", "make(", "var c chan int; make(m)"] {
            assert!(!may_match(no.as_bytes()), "{no:?}");
        }
    }
}
