//! Which files to look at: explicit files always; directories walked for
//! `*.go`, honouring .gitignore and skipping vendor/, testdata/, and
//! directories starting with `.` or `_` (the go tool's own rules).

use std::path::{Path, PathBuf};

use globset::GlobSet;

/// Walk settings.
#[derive(Debug, Clone, Default)]
pub struct WalkOptions {
    pub no_ignore: bool,
    pub include_vendor: bool,
    pub include_testdata: bool,
    pub include: Option<GlobSet>,
    pub exclude: Option<GlobSet>,
}

/// A file to process; `explicit` when named on the command line.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Candidate {
    pub path: PathBuf,
    pub explicit: bool,
}

/// Is this directory name one the go tool (and so leakfix) skips?
#[must_use]
pub fn skipped_dir(name: &str, opts: &WalkOptions) -> bool {
    (name.starts_with('.') && name != "." && name != "..")
        || name.starts_with('_')
        || (name == "vendor" && !opts.include_vendor)
        || (name == "testdata" && !opts.include_testdata)
}

/// Expand `roots` to the files to check, sorted, with errors for roots or
/// entries that cannot be read.
#[must_use]
pub fn collect(roots: &[PathBuf], opts: &WalkOptions) -> (Vec<Candidate>, Vec<(PathBuf, String)>) {
    let mut files = Vec::new();
    let errors = stream(roots, opts, |c| files.push(c));
    files.sort();
    (files, errors)
}

/// Hand each file to check to `emit` as the walk finds it (each path once,
/// in walk order), and return the roots or entries that cannot be read.
pub fn stream(roots: &[PathBuf], opts: &WalkOptions, mut emit: impl FnMut(Candidate)) -> Vec<(PathBuf, String)> {
    let mut errors = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut once = |c: Candidate| {
        if seen.insert(c.path.clone()) {
            emit(c);
        }
    };
    for root in roots {
        match std::fs::metadata(root) {
            Err(e) => errors.push((root.clone(), e.to_string())),
            Ok(m) if m.is_file() => once(Candidate { path: root.clone(), explicit: true }),
            Ok(_) => walk_dir(root, opts, &mut once, &mut errors),
        }
    }
    errors
}

fn walk_dir(root: &Path, opts: &WalkOptions, emit: &mut impl FnMut(Candidate), errors: &mut Vec<(PathBuf, String)>) {
    let o = opts.clone();
    let walker = ignore::WalkBuilder::new(root)
        .hidden(false)
        .git_ignore(!opts.no_ignore)
        .git_global(!opts.no_ignore)
        .git_exclude(!opts.no_ignore)
        .ignore(!opts.no_ignore)
        .parents(!opts.no_ignore)
        .require_git(false)
        .follow_links(false)
        .filter_entry(move |e| {
            e.depth() == 0
                || !e.file_type().is_some_and(|t| t.is_dir())
                || !skipped_dir(&e.file_name().to_string_lossy(), &o)
        })
        .build();
    for entry in walker {
        match entry {
            Err(e) => errors.push((root.to_path_buf(), e.to_string())),
            Ok(e) => {
                let p = e.path();
                let is_file = e.file_type().is_some_and(|t| t.is_file());
                if !is_file || p.extension().is_none_or(|x| x != "go") {
                    continue;
                }
                let rel = p.strip_prefix(root).unwrap_or(p);
                if opts.include.as_ref().is_some_and(|g| !g.is_match(rel) && !g.is_match(p)) {
                    continue;
                }
                if opts.exclude.as_ref().is_some_and(|g| g.is_match(rel) || g.is_match(p)) {
                    continue;
                }
                emit(Candidate { path: clean(p), explicit: false });
            }
        }
    }
}

/// `./a/b.go` → `a/b.go`.
fn clean(p: &Path) -> PathBuf {
    p.strip_prefix(".").map_or_else(|_| p.to_path_buf(), Path::to_path_buf)
}

/// The path as shown to users: relative to the current directory if under it.
#[must_use]
pub fn display_path(p: &Path) -> String {
    let shown = std::env::current_dir()
        .ok()
        .and_then(|cwd| p.strip_prefix(&cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| p.to_path_buf());
    shown.to_string_lossy().replace('\\', "/")
}

/// The `go` line of the nearest go.mod above `file`, as (major, minor).
#[must_use]
pub fn go_version_for(file: &Path) -> Option<(u32, u32)> {
    let abs = std::fs::canonicalize(file).ok()?;
    for dir in abs.ancestors().skip(1) {
        let Ok(text) = std::fs::read_to_string(dir.join("go.mod")) else { continue };
        return text.lines().find_map(|l| {
            let v = l.trim().strip_prefix("go ")?.trim();
            let mut parts = v.split('.');
            Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
        });
    }
    None
}
