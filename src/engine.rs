//! One file from bytes to findings and fixed text: prefilter, parse, facts,
//! transforms, then apply the fixes with a re-parse guard.

use crate::analysis::{FileFacts, Package, Sources, relevance};
use crate::fix::{self, Applicability};
use crate::syntax;
use crate::transforms::{self, Context, Finding, Transform};

/// What to run and which fixes to apply.
pub struct Options<'a> {
    pub transforms: &'a [&'static dyn Transform],
    /// Fixes at or above this grade are applied.
    pub threshold: Applicability,
    /// The file's path, to find its package: goroutine bodies declared in
    /// sibling files, and go.mod (none when reading a bare text).
    pub path: Option<&'a std::path::Path>,
    /// Parse only the functions that can matter (see [`syntax::outline`]);
    /// off, every file is parsed whole. Findings must not differ.
    pub shortcuts: bool,
    /// How a large file is split ([`Batching`]).
    pub batching: Batching,
    /// The longest a file's check may take (`--timeout-per-file`): past it,
    /// the check stops and the result says so ([`FileResult::timed_out`]).
    pub timeout: Option<std::time::Duration>,
    /// Only the findings this accepts (given the file's text) are kept, and
    /// only their fixes applied (`--only-confirmed`).
    pub keep: Option<Keep<'a>>,
    /// Texts that stand for the package's files on disk (an editor's
    /// unsaved buffers).
    pub overlay: Option<&'a crate::analysis::Overlay>,
}

impl<'a> Options<'a> {
    /// `transforms` with every other option at its default: safe fixes, a
    /// bare text (no package), shortcuts on, default batching, no time
    /// limit, no filter, no overlay.
    #[must_use]
    pub fn new(transforms: &'a [&'static dyn Transform]) -> Self {
        Options {
            transforms,
            threshold: Applicability::Safe,
            path: None,
            shortcuts: true,
            batching: Batching::default(),
            timeout: None,
            keep: None,
            overlay: None,
        }
    }
}

/// A filter of findings, given the file's text ([`Options::keep`]).
pub type Keep<'a> = &'a (dyn Fn(&str, &Finding) -> bool + Sync);

/// With shortcuts, a file is analysed in batches of about `bytes` of
/// functions that may hold a finding, each parsed, analysed and dropped in
/// turn, on up to `threads` threads (findings must not differ).
#[derive(Debug, Clone, Copy)]
pub struct Batching {
    pub bytes: usize,
    pub threads: usize,
}

/// How much of a large file is analysed at once: memory stays bounded by
/// this times the threads (tree-sitter's trees take about 50 bytes per byte
/// of source), and a hand-written file is one batch.
pub const BATCH_BYTES: usize = 256 << 10;

impl Default for Batching {
    /// Batches of [`BATCH_BYTES`], one thread.
    fn default() -> Self {
        Batching { bytes: BATCH_BYTES, threads: 1 }
    }
}

/// `f(&mut state, 0)`, ..., `f(&mut state, n - 1)` in order, computed on up
/// to `threads` scoped threads (on this one when one suffices), each with
/// its own `state` from `init`.
fn in_parallel<S, T: Send>(
    n: usize,
    threads: usize,
    init: impl Fn() -> S + Sync,
    f: impl Fn(&mut S, usize) -> T + Sync,
) -> Vec<T> {
    let threads = threads.clamp(1, n.max(1));
    if threads == 1 {
        let mut state = init();
        return (0..n).map(|i| f(&mut state, i)).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let deadline = syntax::deadline::get();
    let mut out: Vec<(usize, T)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let _deadline = syntax::deadline::set(deadline);
                    let mut state = init();
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        if i >= n {
                            return done;
                        }
                        done.push((i, f(&mut state, i)));
                    }
                })
            })
            .collect();
        workers.into_iter().flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
    });
    out.sort_by_key(|(i, _)| *i);
    out.into_iter().map(|(_, t)| t).collect()
}

/// A finding with what became of its fix.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub finding: Finding,
    pub status: Status,
    /// What goroutine profiles show blocked where the finding's goroutines
    /// block (`--profile`).
    pub evidence: Option<crate::profile::sites::Evidence>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// The fix is in the fixed text (applied with `--write`, shown in a diff).
    Fixed,
    /// No fix, or one below the threshold.
    Unfixed,
    /// The fix was dropped, with the reason.
    Skipped(SkipReason),
}

/// Why a fix at or above the threshold was dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SkipReason {
    #[error("overlaps another fix")]
    OverlapsAnotherFix,
    #[error("the fixed file would not parse")]
    WouldNotParse,
    /// `--write` found the file read-only for the user and left it alone.
    #[error("not writable (read-only); not changed")]
    NotWritable,
    /// `--write` could not create the new file in the file's directory.
    #[error("its directory is not writable; not changed")]
    DirectoryNotWritable,
    /// `--write` would have split the file's hard links.
    #[error("has several hard links; not changed")]
    HardLinks,
    /// `--write` could not give the new file the file's owner and group.
    #[error("its owner and group could not be kept; not changed")]
    OwnerNotKept,
    /// `--write` failed (the file changed meanwhile, the disk is full, ...);
    /// the file was left as it was.
    #[error("the write failed; not changed")]
    WriteFailed,
}

impl SkipReason {
    /// Did `--write` leave the file alone (the reason is then reported once
    /// for the file, not again for each of its fixes)?
    #[must_use]
    pub fn is_write(self) -> bool {
        !matches!(self, SkipReason::OverlapsAnotherFix | SkipReason::WouldNotParse)
    }
}

/// Something about the file the user should know (what could not be
/// analysed, and why), and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The byte offset it is about, if one.
    pub at: Option<usize>,
    pub message: String,
    /// It is about a syntax error (an editor shows those already).
    pub syntax_error: bool,
}

impl Note {
    #[must_use]
    pub fn at(at: usize, message: String) -> Self {
        Note { at: Some(at), message, syntax_error: false }
    }

    /// Code not analysed for a syntax error at `at`.
    #[must_use]
    pub fn syntax_error(at: usize, message: String) -> Self {
        Note { at: Some(at), message, syntax_error: true }
    }

    /// A note about no place in particular.
    #[must_use]
    pub fn plain(message: String) -> Self {
        Note { at: None, message, syntax_error: false }
    }
}

impl std::fmt::Display for Note {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

#[derive(Debug, Default)]
pub struct FileResult {
    pub outcomes: Vec<Outcome>,
    /// The new content, if any fix applied.
    pub fixed: Option<String>,
    /// What could not be analysed, for the user (stderr, the editor).
    pub notes: Vec<Note>,
    /// The check took longer than [`Options::timeout`] and was stopped:
    /// nothing else in the result holds.
    pub timed_out: bool,
}

/// Has the file the generated-code marker before its package clause?
#[must_use]
pub fn is_generated(src: &[u8]) -> bool {
    for line in src.split(|&b| b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.starts_with(b"package ") {
            return false;
        }
        if line.starts_with(b"// Code generated ") && line.ends_with(b" DO NOT EDIT.") {
            return true;
        }
    }
    false
}

/// Cheap test that a file can hold a finding: see [`relevance::may_leak`].
#[must_use]
pub fn may_match(src: &[u8]) -> bool {
    relevance::may_leak(src)
}

/// Analyse one file's text and, when fixes apply, produce the fixed text.
#[must_use]
pub fn check_source(src: &str, opts: &Options<'_>) -> FileResult {
    if opts.shortcuts && !may_match(src.as_bytes()) {
        return FileResult::default();
    }
    check_prefiltered(src, opts)
}

/// [`check_source`] for a text that [`may_match`] already accepted (the
/// prefilter runs once per file).
#[must_use]
pub fn check_prefiltered(src: &str, opts: &Options<'_>) -> FileResult {
    check_where(src, opts, None)
}

/// [`check_source`] for the top-level function holding the offset `at`
/// only (its findings and fixes), as an editor re-checks the function being
/// edited: the cost is the outline of the file and that function's analysis.
#[must_use]
pub fn check_function_at(src: &str, opts: &Options<'_>, at: usize) -> FileResult {
    check_where(src, opts, Some(at))
}

fn check_where(src: &str, opts: &Options<'_>, within: Option<usize>) -> FileResult {
    let _deadline = syntax::deadline::set(opts.timeout.map(|t| std::time::Instant::now() + t));
    let result = check_in_time(src, opts, within);
    if syntax::deadline::expired() {
        return FileResult { timed_out: true, ..FileResult::default() };
    }
    result
}

fn check_in_time(src: &str, opts: &Options<'_>, within: Option<usize>) -> FileResult {
    let mut result = FileResult::default();
    let Some(Found { mut findings, errors_before, guard }) = findings(src, opts, within, &mut result.notes) else {
        return result;
    };
    if let Some(keep) = opts.keep {
        findings.retain(|f| keep(src, f));
    }
    let fixes = taken_fixes(src, &findings, opts);
    let (fixed, applied) = fix::apply(src, &fixes);
    // The batches' own guards hold when they took exactly the edits taken
    // here (then each edited function's edits are all its batch's).
    let edits = fix::taken(&fixes, &applied);
    let guarded = guard.filter(|g| g.edits.len() == edits.len() && g.edits.iter().zip(&edits).all(|(a, b)| a == *b));
    let mut applied = applied.into_iter();
    let mut statuses: Vec<Status> = findings
        .iter()
        .map(|f| match &f.fix {
            Some(x) if x.applicability >= opts.threshold => {
                if applied.next().unwrap_or(false) {
                    Status::Fixed
                } else {
                    Status::Skipped(SkipReason::OverlapsAnotherFix)
                }
            }
            _ => Status::Unfixed,
        })
        .collect();
    if fixed != src {
        let at: Vec<usize> = fixes.iter().flat_map(|f| &f.edits).map(|e| e.range.start).collect();
        let worse = match guarded {
            Some(g) => g.after.is_none_or(|a| a > g.before),
            None => introduces_errors(src, errors_before, &fixed, &at, opts.shortcuts, opts.batching.threads),
        };
        if worse {
            for s in &mut statuses {
                if *s == Status::Fixed {
                    *s = Status::Skipped(SkipReason::WouldNotParse);
                }
            }
        } else {
            result.fixed = Some(fixed);
        }
    }
    result.outcomes = findings
        .into_iter()
        .zip(statuses)
        .map(|(finding, status)| Outcome { finding, status, evidence: None })
        .collect();
    result
}

/// The fixes of `findings` at or above the threshold, in order.
fn taken_fixes<'f>(src: &str, findings: &'f [Finding], opts: &Options<'_>) -> Vec<&'f fix::Fix> {
    findings
        .iter()
        .filter(|f| opts.keep.is_none_or(|keep| keep(src, f)))
        .filter_map(|f| f.fix.as_ref().filter(|x| x.applicability >= opts.threshold))
        .collect()
}

/// What [`findings`] found.
struct Found {
    findings: Vec<Finding>,
    /// When the file was parsed whole, the number of syntax errors the
    /// parse showed.
    errors_before: Option<usize>,
    /// With shortcuts, the batches' own parse guards, summed (`None` when
    /// one of them could not tell).
    guard: Option<Guard>,
}

/// A batch's parse guard: the edits of the fixes its findings alone would
/// have taken, each inside one of the functions the batch checks, and the
/// syntax errors of its edited trees before and after them (parsed again,
/// reusing what the edits leave alone, with the same declarations where
/// they were; `None` if that parse gave up).
struct Guard {
    edits: Vec<fix::Edit>,
    before: usize,
    after: Option<usize>,
}

impl Guard {
    /// `edits`, with no errors counted yet.
    fn new(edits: Vec<fix::Edit>) -> Self {
        Guard { edits, before: 0, after: Some(0) }
    }

    fn add(mut self, other: Guard) -> Guard {
        self.edits.extend(other.edits);
        self.before += other.before;
        self.after = self.after.zip(other.after).map(|(a, b)| a + b);
        self
    }
}

type TreeEdits<'e> = Vec<(std::ops::Range<usize>, &'e [u8])>;

/// The guard of a batch whose parts `parts` were parsed into `trees`, and
/// which checked the chunks `checked` and found `found`; `None` when one of
/// its edits is outside those chunks (the file's guard then parses what it
/// must).
fn batch_guard(
    src: &str,
    lines: &syntax::LineIndex,
    trees: &[tree_sitter::Tree],
    parts: &syntax::outline::Parts,
    checked: &[std::ops::Range<usize>],
    found: &[Finding],
    opts: &Options<'_>,
) -> Option<Guard> {
    let fixes = taken_fixes(src, found, opts);
    let edits = fix::taken(&fixes, &fix::select(src, &fixes));
    let mut guard = Guard::new(edits.iter().map(|e| (*e).clone()).collect());
    // Per tree: its edits, in order.
    let mut by_tree: std::collections::BTreeMap<usize, TreeEdits<'_>> = std::collections::BTreeMap::new();
    for e in &edits {
        let r = &e.range;
        let c = checked.get(checked.partition_point(|c| c.end <= r.start))?;
        if !(c.start <= r.start && r.end <= c.end) {
            return None;
        }
        let i = parts.chunks.binary_search_by_key(&c.start, |p| p.start).ok()?;
        by_tree.entry(i / syntax::DECLS_PER_TREE).or_default().push((r.clone(), e.content.as_bytes()));
    }
    if by_tree.is_empty() {
        return Some(guard);
    }
    let groups = syntax::groups(parts, lines);
    for (t, edits) in by_tree {
        let (tree, ranges) = (trees.get(t)?, groups.get(t)?);
        guard.before += count_errors(tree.root_node());
        let after = match syntax::reparse::reparse(src.as_bytes(), lines, tree, ranges, &edits) {
            // The edits must leave the tree's declarations as they were,
            // each where it moved to: a fix never changes them, and a brace
            // or a quote an edit leaves open may swallow what follows,
            // errors included. Else they are worse (`None`).
            Some((new, _)) if same_declarations(tree, &new, &edits) => Some(count_errors(new.root_node())),
            _ => None,
        };
        guard.after = guard.after.zip(after).map(|(a, b)| a + b);
    }
    Some(guard)
}

/// Has `new` (`old` parsed again after `edits`) the top-level nodes of
/// `old`, of the same kinds, each over its range moved by the edits?
fn same_declarations(old: &tree_sitter::Tree, new: &tree_sitter::Tree, edits: &TreeEdits<'_>) -> bool {
    let moved = |at| syntax::reparse::moved_offset(edits, at);
    let top = |t: &tree_sitter::Tree| {
        let mut cursor = t.walk();
        t.root_node().children(&mut cursor).map(|n| (n.kind_id(), n.byte_range())).collect::<Vec<_>>()
    };
    let (before, after) = (top(old), top(new));
    before.len() == after.len()
        && before
            .iter()
            .zip(&after)
            .all(|((k, r), (l, s))| k == l && moved(r.start) == s.start && moved(r.end) == s.end)
}

/// Findings in `src` (in the function holding `within` only, if given);
/// `None` if it cannot hold any finding.
fn findings(src: &str, opts: &Options<'_>, within: Option<usize>, notes: &mut Vec<Note>) -> Option<Found> {
    // Parse `src` whole, or with shortcuts only its relevant functions (none
    // may be), a batch at a time. Top-level functions parse independently,
    // so a kept function's tree is the same either way (a test compares
    // both paths on every fixture, and `scripts/bench.sh` and
    // `scripts/stdlib-check.sh` on whole trees).
    let whole = |names: Vec<String>, notes: &mut Vec<Note>| {
        let trees = vec![syntax::parse(src.as_bytes())?];
        let sources = Sources::new(opts.path, names, opts.shortcuts).with_overlay(opts.overlay);
        let pkg = Package::new(FileFacts::new(&trees, src.as_bytes()), &sources);
        let only: Option<Vec<_>> = within.map(|at| {
            pkg.own()
                .decls()
                .iter()
                .filter(|d| d.byte_range().contains(&at))
                .map(tree_sitter::Node::byte_range)
                .collect()
        });
        let found = transforms::check_file(&Context::new(&pkg), opts.transforms, notes, only.as_deref());
        let errors_before = Some(trees.iter().map(|t| count_errors(t.root_node())).sum());
        Some(Found { findings: found, errors_before, guard: None })
    };
    if !opts.shortcuts {
        return whole(Vec::new(), notes);
    }
    let uses: Vec<_> = opts.transforms.iter().map(|t| t.needs()).collect();
    let plan = match within {
        Some(at) => relevance::plan_at(src.as_bytes(), &uses, at),
        None => relevance::plan(src.as_bytes(), &uses),
    };
    let names: Vec<String> = plan.names.iter().map(|n| String::from_utf8_lossy(n).into_owned()).collect();
    let Some(batches) = plan.batches(opts.batching.bytes.max(1)) else { return whole(names, notes) };
    if batches.iter().all(|b| b.parts.chunks.is_empty()) {
        return None;
    }
    // A batch is parsed, analysed and dropped on its own; the package's
    // other files are read once for the run, and parsed once per thread
    // (a thread's batches share its `Sources`).
    let lines = syntax::LineIndex::new(src.as_bytes());
    let init = || Sources::new(opts.path, names.clone(), true).with_overlay(opts.overlay);
    let done = in_parallel(batches.len(), opts.batching.threads, init, |sources, i| {
        let batch = &batches[i];
        let trees = syntax::parse_parts(src.as_bytes(), &batch.parts, &lines)?;
        let pkg = Package::new(FileFacts::new(&trees, src.as_bytes()), sources);
        let mut notes = Vec::new();
        let found = transforms::check_file(&Context::new(&pkg), opts.transforms, &mut notes, Some(&batch.checked));
        let guard = batch_guard(src, &lines, &trees, &batch.parts, &batch.checked, &found, opts);
        Some((found, notes, guard))
    });
    let mut found = Vec::new();
    let mut guard = Some(Guard::new(Vec::new()));
    for d in done {
        let (f, n, g) = d?;
        found.extend(f);
        notes.extend(n);
        guard = guard.zip(g).map(|(a, b)| a.add(b));
    }
    if batches.len() > 1 {
        found.sort_by_key(|f| (f.range.start, f.transform));
    }
    if let Some(g) = guard.as_mut() {
        g.edits.sort_by_key(|e| (e.range.start, e.range.end));
    }
    Some(Found { findings: found, errors_before: None, guard })
}

/// Would the fixed text have more syntax errors than the original
/// (`errors_before`, if counted over the whole of it)? With shortcuts, both
/// are compared over the functions the edits (starting at `at`) are in.
fn introduces_errors(
    before: &str,
    errors_before: Option<usize>,
    after: &str,
    at: &[usize],
    shortcuts: bool,
    threads: usize,
) -> bool {
    // A fix never changes the file's top-level declarations: an edit that
    // breaks the outline (a quote left open swallows the rest of the file,
    // whose errors then go uncounted) is worse, whatever the counts say.
    let outlines = (syntax::outline::outline(before.as_bytes()), syntax::outline::outline(after.as_bytes()));
    let edited = match &outlines {
        (Some(b), a) if a.as_ref().is_none_or(|a| a.1.len() != b.1.len()) => return true,
        (Some(b), Some(a)) if shortcuts => syntax::outline::edited(b, a, at),
        _ => None,
    };
    let whole = |text: &str| syntax::parse(text.as_bytes()).map(|t| count_errors(t.root_node()));
    // The edited functions' errors, a tree at a time (on several threads).
    let partly = |text: &str, parts: &syntax::outline::Parts| {
        let groups = syntax::groups(parts, &syntax::LineIndex::new(text.as_bytes()));
        let count = |(): &mut (), i: usize| {
            syntax::parse_included(text.as_bytes(), &groups[i]).map(|t| count_errors(t.root_node()))
        };
        in_parallel(groups.len(), threads, || (), count).into_iter().sum::<Option<usize>>()
    };
    match edited {
        // Almost always the edited functions parse cleanly: then the
        // original need not be parsed again.
        Some([rb, ra]) => match partly(after, &ra) {
            Some(0) => false,
            Some(a) => partly(before, &rb).is_none_or(|b| a > b),
            None => true,
        },
        None => whole(after).is_none_or(|a| a > errors_before.or_else(|| whole(before)).unwrap_or(usize::MAX)),
    }
}

fn count_errors(root: tree_sitter::Node<'_>) -> usize {
    if !root.has_error() {
        return 0;
    }
    let mut n = 0;
    syntax::walk_preorder(root, |x| {
        if x.is_error() || x.is_missing() {
            n += 1;
        }
        x.has_error()
    });
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_parse_guard_sees_an_edit_that_breaks_the_edited_function() {
        let before = "package p\n\nfunc f() {\n\tc := make(chan int)\n\tgo func() { c <- 1 }()\n}\n";
        let good = before.replace("make(chan int)", "make(chan int, 1)");
        let bad = before
            .replace("make(chan int)", "make(chan int, 1")
            .replace("go func() { c <- 1 }()", "go func() { c <- 1 }");
        let at = [before.find("make").unwrap() + 13];
        for shortcuts in [true, false] {
            assert!(!introduces_errors(before, Some(0), &good, &at, shortcuts, 1));
            assert!(introduces_errors(before, Some(0), &bad, &at, shortcuts, 1), "shortcuts: {shortcuts}");
            // Balanced, so the outline still works, but not Go.
            let bad = before.replace("make(chan int)", "make(chan int, 1 1)");
            assert!(introduces_errors(before, Some(0), &bad, &at, shortcuts, 1), "shortcuts: {shortcuts}");
        }
        // The buffered channel no longer needs the analysis' parse; the
        // guard still checks the function.
        assert_eq!(crate::analysis::relevance::relevant_ranges(good.as_bytes()), Some(vec![]));
    }

    /// A transform whose fix writes `text` before the `)` of every `make`
    /// (with `.1`, after the `make` of the channel `c` only).
    struct Writes(&'static str, bool);

    impl Transform for Writes {
        fn id(&self) -> &'static str {
            "writes"
        }
        fn summary(&self) -> &'static str {
            ""
        }
        fn docs(&self) -> &'static str {
            ""
        }
        fn needs(&self) -> crate::analysis::relevance::GoroutineUse {
            crate::analysis::relevance::GoroutineUse::SendUnbuffered
        }
        fn check<'t>(&self, _cx: &Context<'_, 't>, ch: &crate::analysis::Channel<'t>) -> Option<Finding> {
            if self.1 && ch.name != "c" {
                return None;
            }
            let at = if self.1 { ch.make.end_byte() } else { ch.make.end_byte() - 1 };
            Some(Finding {
                transform: self.id(),
                range: ch.make.byte_range(),
                channel: ch.name.to_owned(),
                function: String::new(),
                message: String::new(),
                fix: Some(fix::Fix::safe(vec![fix::Edit::insertion(at, self.0)])),
                waits: Vec::new(),
                related: Vec::new(),
            })
        }
    }

    static GOOD: Writes = Writes(", 1", false);
    static BAD: Writes = Writes(", 1 1", false);
    static OPENS: Writes = Writes("\n\tfor {", true);

    #[test]
    fn a_batch_guards_its_fixes_by_parsing_its_trees_again_where_edited() {
        // 40 functions (three trees of a batch), on one line each or not.
        let funcs: String = (0..40)
            .map(|i| {
                if i % 2 == 0 {
                    format!("\nfunc f{i}() {{\n\tc := make(chan int)\n\tgo func() {{ c <- 1 }}()\n}}\n")
                } else {
                    format!("\nfunc f{i}() {{ c := make(chan int); go func() {{ c <- 1 }}() }}\n")
                }
            })
            .collect();
        let src = format!("package p\n{funcs}");
        for (t, fixed) in [(&GOOD, true), (&BAD, false)] {
            let transforms: &[&'static dyn Transform] = &[t];
            for (shortcuts, bytes) in [(true, BATCH_BYTES), (true, 1), (false, BATCH_BYTES)] {
                let opts = Options { shortcuts, batching: Batching { bytes, threads: 1 }, ..Options::new(transforms) };
                let _ = crate::syntax::work::take();
                let r = check_source(&src, &opts);
                let work = crate::syntax::work::take();
                let want = if fixed { Status::Fixed } else { Status::Skipped(SkipReason::WouldNotParse) };
                assert_eq!(r.outcomes.len(), 40);
                assert!(r.outcomes.iter().all(|o| o.status == want), "{} {shortcuts} {bytes}", t.0);
                assert_eq!(r.fixed.is_some(), fixed);
                if shortcuts {
                    // The analysis' parses only, and each of their trees again.
                    let trees = if bytes == 1 { 40 } else { 3 };
                    assert_eq!((work.parses, work.reparses), (trees, trees), "{} {bytes}", t.0);
                }
            }
        }
    }

    static QUOTE: Writes = Writes("`", false);

    #[test]
    fn an_edit_that_leaves_a_quote_open_is_refused_in_every_mode() {
        // A raw string left open swallows the rest of the file, errors and
        // all: counts alone would not go up.
        let src = "package p\n\nfunc f0() {\n\tc := make(chan int)\n\tgo func() { c <- 1 }()\n}\n\nfunc f1() { c := make(chan int); go func() { c <- 1 }(); x := }\n\nfunc f2() {\n\tc := make(chan int)\n\tgo func() { c <- 1 }()\n\tfor i := range {\n\t}\n}\n";
        for found in refused_in_every_mode(src, &QUOTE) {
            assert!(found > 0);
        }
    }

    /// Check `src` with `t` with shortcuts, one function per batch and
    /// without shortcuts: every fix is refused as not parsing and the text
    /// is left alone. Returns the findings of each mode.
    fn refused_in_every_mode(src: &str, t: &'static Writes) -> Vec<usize> {
        let transforms: &[&'static dyn Transform] = &[t];
        [(true, BATCH_BYTES), (true, 1), (false, BATCH_BYTES)]
            .into_iter()
            .map(|(shortcuts, bytes)| {
                let opts = Options { shortcuts, batching: Batching { bytes, threads: 1 }, ..Options::new(transforms) };
                let r = check_source(src, &opts);
                assert!(
                    r.outcomes.iter().all(|o| o.status == Status::Skipped(SkipReason::WouldNotParse)),
                    "{shortcuts} {bytes}: {:?}",
                    r.outcomes.iter().map(|o| &o.status).collect::<Vec<_>>()
                );
                assert_eq!(r.fixed, None, "{shortcuts} {bytes}");
                r.outcomes.len()
            })
            .collect()
    }

    #[test]
    fn a_batch_guard_sees_an_edit_that_swallows_the_next_function() {
        // `for {` left open in f: f's `}` closes the loop, and f takes g in
        // (whose lines, not f's, then hold the error).
        let src = "package p\n\nfunc f() {\n\tc := make(chan int)\n\tgo func() { c <- 1 }()\n}\n\nfunc g() {\n\td := make(chan int)\n\tgo func() { d <- 1 }()\n}\n";
        assert_eq!(refused_in_every_mode(src, &OPENS), [1, 1, 1]);
    }
}
