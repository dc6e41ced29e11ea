//! One file from bytes to findings and fixed text: prefilter, parse, facts,
//! transforms, then apply the fixes with a re-parse guard.

use crate::analysis::FileFacts;
use crate::fix::{self, Applicability};
use crate::syntax;
use crate::transforms::{self, Context, Finding, Transform};

/// What to run and which fixes to apply.
pub struct Options<'a> {
    pub transforms: &'a [&'static dyn Transform],
    /// Fixes at or above this grade are applied.
    pub threshold: Applicability,
    /// The file's path, to find goroutine bodies declared in sibling files
    /// of the same package (none when reading a bare text).
    pub path: Option<&'a std::path::Path>,
    /// Parse only the functions that can matter (see [`syntax::outline`]);
    /// off, every file is parsed whole. Findings must not differ.
    pub shortcuts: bool,
}

/// A finding with what became of its fix.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub finding: Finding,
    pub status: Status,
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
}

#[derive(Debug, Default)]
pub struct FileResult {
    pub outcomes: Vec<Outcome>,
    /// The new content, if any fix applied.
    pub fixed: Option<String>,
    /// What could not be analysed, for the user (stderr).
    pub notes: Vec<String>,
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

/// Cheap test that a file can hold a finding: see [`syntax::outline::may_leak`].
#[must_use]
pub fn may_match(src: &[u8]) -> bool {
    syntax::outline::may_leak(src)
}

/// Analyse one file's text and, when fixes apply, produce the fixed text.
#[must_use]
pub fn check_source(src: &str, opts: &Options<'_>) -> FileResult {
    let mut result = FileResult::default();
    let Some((findings, errors_before)) = findings(src, opts, &mut result.notes) else { return result };
    let fixes: Vec<_> =
        findings.iter().filter_map(|f| f.fix.as_ref().filter(|x| x.applicability >= opts.threshold)).collect();
    let (fixed, applied) = fix::apply(src, &fixes);
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
        if introduces_errors(src, errors_before, &fixed, &at, opts.shortcuts) {
            for s in &mut statuses {
                if *s == Status::Fixed {
                    *s = Status::Skipped(SkipReason::WouldNotParse);
                }
            }
        } else {
            result.fixed = Some(fixed);
        }
    }
    result.outcomes = findings.into_iter().zip(statuses).map(|(finding, status)| Outcome { finding, status }).collect();
    result
}

/// Findings in `src`, or `None` if it cannot hold any.
/// Findings in `src` and the number of syntax errors its parse showed, or
/// `None` if it cannot hold any finding.
fn findings(src: &str, opts: &Options<'_>, notes: &mut Vec<String>) -> Option<(Vec<Finding>, usize)> {
    if opts.shortcuts && !may_match(src.as_bytes()) {
        return None;
    }
    let tree = parse(src, opts.shortcuts)?;
    let errors = count_errors(tree.root_node());
    let facts = FileFacts::new(&tree, src.as_bytes(), Vec::new());
    let mut own_notes = Vec::new();
    let found = transforms::check_file(&Context::new(&facts, opts.path), opts.transforms, &mut own_notes);
    // Goroutine bodies declared in other files of the package: load the
    // ones asked for, and look again.
    let wanted = facts.wanted();
    let (loaded, refused) = match opts.path {
        Some(path) if !wanted.is_empty() => load_siblings(path, facts.package(), &wanted, opts.shortcuts),
        _ => Siblings::default(),
    };
    if loaded.is_empty() {
        notes.append(&mut own_notes);
        return Some((found, errors));
    }
    drop(facts);
    let siblings = loaded.iter().map(|(s, t)| FileFacts::new(t, s.as_bytes(), Vec::new())).collect();
    let mut facts = FileFacts::new(&tree, src.as_bytes(), siblings);
    facts.refused = refused;
    Some((transforms::check_file(&Context::new(&facts, opts.path), opts.transforms, notes), errors))
}

/// Parse `src`, or with shortcuts only its relevant functions (`None` when
/// none is). Top-level functions parse independently, so a kept function's
/// tree is the same either way (a test compares both paths on every
/// fixture, and `scripts/bench.sh` and `scripts/stdlib-check.sh` on whole trees).
fn parse(src: &str, shortcuts: bool) -> Option<tree_sitter::Tree> {
    if shortcuts {
        return parse_where(src, syntax::outline::relevant_ranges(src.as_bytes()));
    }
    syntax::parse(src.as_bytes())
}

/// Parse `ranges` of `src` (all of it for `None`); `None` for no range.
fn parse_where(src: &str, ranges: Option<Vec<std::ops::Range<usize>>>) -> Option<tree_sitter::Tree> {
    match ranges {
        Some(r) if r.is_empty() => None,
        Some(r) => syntax::parse_ranges(src.as_bytes(), &r),
        None => syntax::parse(src.as_bytes()),
    }
}

/// Parse the parts of a sibling file that declare one of `names` (the
/// whole file if it cannot be outlined or that shows a syntax error).
fn parse_declaring(text: &str, names: &[&str]) -> Option<tree_sitter::Tree> {
    if let Some(ranges) = syntax::outline::declaring(text.as_bytes(), names) {
        let tree = syntax::parse_ranges(text.as_bytes(), &ranges)?;
        if !tree.root_node().has_error() {
            return Some(tree);
        }
    }
    syntax::parse(text.as_bytes())
}

/// Would the fixed text have more syntax errors than the original? With
/// shortcuts, both are compared over the functions the edits (starting at
/// `at`) are in.
fn introduces_errors(before: &str, errors_before: usize, after: &str, at: &[usize], shortcuts: bool) -> bool {
    let errors = |t: Option<tree_sitter::Tree>| t.map(|t| count_errors(t.root_node()));
    match syntax::outline::edited(before.as_bytes(), after.as_bytes(), at).filter(|_| shortcuts) {
        // Almost always the edited functions parse cleanly: then the
        // original need not be parsed again.
        Some([rb, ra]) => match errors(parse_where(after, Some(ra))) {
            Some(0) => false,
            Some(a) => errors(parse_where(before, Some(rb))).is_none_or(|b| a > b),
            None => true,
        },
        None => errors(syntax::parse(after.as_bytes())).is_none_or(|a| a > errors_before),
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

/// Sibling files' texts and trees, and the names declared in a file built
/// only under some constraint (which body runs is not known).
type Siblings = (Vec<(String, tree_sitter::Tree)>, Vec<String>);

/// Parse the other files of `path`'s package in its directory that may
/// declare one of `names` (a cheap text test first). Test files are seen
/// only from test files, as the go tool builds them.
fn load_siblings(path: &std::path::Path, package: Option<&str>, names: &[&str], shortcuts: bool) -> Siblings {
    let Some(package) = package else { return Siblings::default() };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => std::path::Path::new("."),
    };
    let Ok(entries) = std::fs::read_dir(dir) else { return Siblings::default() };
    let own_name = path.file_name();
    let is_test = |n: &str| n.ends_with("_test.go");
    let from_test = own_name.is_some_and(|n| is_test(&n.to_string_lossy()));
    let mut files: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "go") && p.file_name() != own_name)
        .filter(|p| from_test || !is_test(&p.file_name().unwrap_or_default().to_string_lossy()))
        .collect();
    files.sort();
    let mut out = Vec::new();
    let mut refused = Vec::new();
    for p in files {
        let Ok(text) = std::fs::read_to_string(&p) else { continue };
        let name = p.file_name().unwrap_or_default().to_string_lossy();
        if name.starts_with('_') || name.starts_with('.') {
            continue; // the go tool ignores these files
        }
        // With shortcuts, only files that mention a name, and only the
        // functions the outline says declare one, are parsed.
        let tree = if shortcuts {
            let mentioned: Vec<&str> = names
                .iter()
                .copied()
                .filter(|n| memchr::memmem::find(text.as_bytes(), n.as_bytes()).is_some())
                .collect();
            if mentioned.is_empty() {
                continue;
            }
            parse_declaring(&text, &mentioned)
        } else {
            syntax::parse(text.as_bytes())
        };
        let Some(tree) = tree else { continue };
        let facts = FileFacts::new(&tree, text.as_bytes(), Vec::new());
        let declared: Vec<&str> = names.iter().copied().filter(|n| facts.declares(n)).collect();
        if declared.is_empty() {
            continue;
        }
        if constrained(&name, &text) {
            // Built only for some platforms or tags: which body runs is not
            // known, so calls to these names stay unanalysed.
            refused.extend(declared.iter().map(|n| (*n).to_owned()));
            continue;
        }
        if facts.package() == Some(package) {
            drop(facts);
            out.push((text, tree));
        }
    }
    (out, refused)
}

const GOOS: &[&str] = &[
    "aix",
    "android",
    "darwin",
    "dragonfly",
    "freebsd",
    "hurd",
    "illumos",
    "ios",
    "js",
    "linux",
    "nacl",
    "netbsd",
    "openbsd",
    "plan9",
    "solaris",
    "wasip1",
    "windows",
    "zos",
];
const GOARCH: &[&str] = &[
    "386",
    "amd64",
    "amd64p32",
    "arm",
    "arm64",
    "arm64be",
    "armbe",
    "loong64",
    "mips",
    "mipsle",
    "mips64",
    "mips64le",
    "mips64p32",
    "mips64p32le",
    "ppc",
    "ppc64",
    "ppc64le",
    "riscv",
    "riscv64",
    "s390",
    "s390x",
    "sparc",
    "sparc64",
    "wasm",
];

/// Is this file built only under some constraint: a `//go:build` (or
/// `// +build`) line before the package clause, or a `_GOOS`/`_GOARCH`
/// file-name suffix?
fn constrained(name: &str, text: &str) -> bool {
    let stem = name.trim_end_matches(".go").trim_end_matches("_test");
    let parts: Vec<&str> = stem.split('_').collect();
    let suffix = |i: usize| {
        parts.len() > i && parts.get(parts.len() - 1 - i).is_some_and(|p| GOOS.contains(p) || GOARCH.contains(p))
    };
    if suffix(0) || (suffix(1) && parts.len() > 2) {
        return true;
    }
    for line in text.lines() {
        let l = line.trim();
        if l.starts_with("package ") {
            break;
        }
        if l.starts_with("//go:build") || l.starts_with("// +build") {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::introduces_errors;

    #[test]
    fn the_parse_guard_sees_an_edit_that_breaks_the_edited_function() {
        let before = "package p\n\nfunc f() {\n\tc := make(chan int)\n\tgo func() { c <- 1 }()\n}\n";
        let good = before.replace("make(chan int)", "make(chan int, 1)");
        let bad = before
            .replace("make(chan int)", "make(chan int, 1")
            .replace("go func() { c <- 1 }()", "go func() { c <- 1 }");
        let at = [before.find("make").unwrap() + 13];
        for shortcuts in [true, false] {
            assert!(!introduces_errors(before, 0, &good, &at, shortcuts));
            assert!(introduces_errors(before, 0, &bad, &at, shortcuts), "shortcuts: {shortcuts}");
            // Balanced, so the outline still works, but not Go.
            let bad = before.replace("make(chan int)", "make(chan int, 1 1)");
            assert!(introduces_errors(before, 0, &bad, &at, shortcuts), "shortcuts: {shortcuts}");
        }
        // The buffered channel no longer needs the analysis' parse; the
        // guard still checks the function.
        assert!(super::parse(&good, true).is_none());
    }
}
