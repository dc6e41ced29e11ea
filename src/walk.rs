//! Which files to look at: explicit files always; directories walked for
//! `*.go`, honouring .gitignore and skipping vendor/, testdata/, and
//! directories starting with `.` or `_` (the go tool's own rules).

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use globset::GlobSet;

/// Walk settings.
#[derive(Debug, Clone, Default)]
pub struct WalkOptions {
    pub no_ignore: bool,
    pub include_vendor: bool,
    pub include_testdata: bool,
    pub include: Option<GlobSet>,
    pub exclude: Option<GlobSet>,
    /// Apply the skip rules (`--exclude`, `--include`, vendor/, testdata/,
    /// generated files) to files named explicitly too (`--force-exclude`,
    /// as pre-commit passes every staged file by name).
    pub force_exclude: bool,
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

/// Would a walk skip the file `path`: excluded or not included by the
/// globs, or under a directory the walk skips (vendor/, testdata/, `.x`,
/// `_x`)? (Not a `.go` file: skipped too.)
fn skipped_file(path: &Path, opts: &WalkOptions) -> bool {
    let p = clean(path);
    let not_go = p.extension().is_none_or(|e| e != "go");
    let in_skipped_dir =
        p.parent().is_some_and(|d| d.components().any(|c| skipped_dir(&c.as_os_str().to_string_lossy(), opts)));
    let excluded = opts.exclude.as_ref().is_some_and(|g| g.is_match(&p));
    let not_included = opts.include.as_ref().is_some_and(|g| !g.is_match(&p));
    not_go || in_skipped_dir || excluded || not_included
}

/// Hand each file to check to `visit`, once, from `threads` walking
/// threads (0: one per core), as the walk finds it; return the roots or
/// entries that cannot be read, sorted.
pub fn parallel(
    roots: &[PathBuf],
    opts: &WalkOptions,
    threads: usize,
    visit: &(dyn Fn(Candidate) + Sync),
) -> Vec<(PathBuf, String)> {
    let errors = Mutex::new(Vec::new());
    // Overlapping roots must not check (or fix) a file twice.
    let seen = (roots.len() > 1).then(|| Mutex::new(HashSet::new()));
    let emit = |c: Candidate| {
        if seen.as_ref().is_none_or(|s| lock(s).insert(c.path.clone())) {
            visit(c);
        }
    };
    for root in roots {
        match std::fs::metadata(root) {
            Err(e) => lock(&errors).push((root.clone(), e.to_string())),
            Ok(m) if m.is_file() => {
                if !(opts.force_exclude && skipped_file(root, opts)) {
                    emit(Candidate { path: root.clone(), explicit: !opts.force_exclude });
                }
            }
            Ok(m) if m.is_dir() => walk_dir(root, opts, threads, &emit, &errors),
            // A FIFO, a device, `<(...)`: reading may block or never end.
            Ok(_) => lock(&errors).push((root.clone(), "not a regular file".to_owned())),
        }
    }
    let mut errors = errors.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
    errors.sort();
    errors
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn walk_dir(
    root: &Path,
    opts: &WalkOptions,
    threads: usize,
    emit: &(dyn Fn(Candidate) + Sync),
    errors: &Mutex<Vec<(PathBuf, String)>>,
) {
    let o = opts.clone();
    // Inside a git repository, ignore files are read as git reads them: up
    // to the repository's root, never above it (a `*` in the home
    // directory's .gitignore must not hide a repository below it).
    let repo = (!opts.no_ignore).then(|| repository_rules(root)).flatten();
    let canonical = repo.as_ref().and_then(|_| std::fs::canonicalize(root).ok());
    let base = root.to_path_buf();
    let walker = ignore::WalkBuilder::new(root)
        .hidden(false)
        .git_ignore(!opts.no_ignore)
        .git_global(!opts.no_ignore)
        .git_exclude(!opts.no_ignore)
        .ignore(!opts.no_ignore)
        .parents(!opts.no_ignore && repo.is_none())
        .require_git(false)
        .follow_links(false)
        .threads(threads)
        .filter_entry(move |e| {
            if e.depth() == 0 {
                return true;
            }
            let is_dir = e.file_type().is_some_and(|t| t.is_dir());
            if is_dir && skipped_dir(&e.file_name().to_string_lossy(), &o) {
                return false;
            }
            let (Some(rules), Some(canonical)) = (&repo, &canonical) else { return true };
            let abs = canonical.join(e.path().strip_prefix(&base).unwrap_or(e.path()));
            // Deepest rules first; the first that matches decides (a `!` keeps).
            rules.iter().map(|gi| gi.matched(&abs, is_dir)).find(|m| !m.is_none()).is_none_or(|m| !m.is_ignore())
        })
        .build_parallel();
    walker.run(|| {
        Box::new(|entry| {
            match entry {
                Err(e) => lock(errors).push((root.to_path_buf(), e.to_string())),
                Ok(e) => {
                    let p = e.path();
                    let is_go_file =
                        e.file_type().is_some_and(|t| t.is_file()) && p.extension().is_some_and(|x| x == "go");
                    let rel = p.strip_prefix(root).unwrap_or(p);
                    let included = opts.include.as_ref().is_none_or(|g| g.is_match(rel) || g.is_match(p));
                    let excluded = opts.exclude.as_ref().is_some_and(|g| g.is_match(rel) || g.is_match(p));
                    if is_go_file && included && !excluded {
                        emit(Candidate { path: clean(p), explicit: false });
                    }
                }
            }
            ignore::WalkState::Continue
        })
    });
}

/// When `root` is inside a git repository: the ignore rules git applies to
/// it from above it (the `.gitignore` files from the repository's root down
/// to `root`'s parent, and `.git/info/exclude`), deepest first; `None`
/// outside a repository (then parent ignore files apply, as ripgrep's
/// `--no-require-git` reads them).
fn repository_rules(root: &Path) -> Option<Vec<ignore::gitignore::Gitignore>> {
    let canonical = std::fs::canonicalize(root).ok()?;
    let repo = canonical.ancestors().find(|d| d.join(".git").exists())?;
    let mut rules = Vec::new();
    for dir in canonical.ancestors().skip(1).take_while(|d| d.starts_with(repo)) {
        let (gi, _) = ignore::gitignore::Gitignore::new(dir.join(".gitignore"));
        if !gi.is_empty() {
            rules.push(gi);
        }
    }
    if repo != canonical || repo.join(".git/info/exclude").exists() {
        let mut b = ignore::gitignore::GitignoreBuilder::new(repo);
        if b.add(repo.join(".git/info/exclude")).is_none()
            && let Ok(gi) = b.build()
            && !gi.is_empty()
        {
            rules.push(gi);
        }
    }
    Some(rules)
}

/// `./a/b.go` → `a/b.go`.
fn clean(p: &Path) -> PathBuf {
    p.strip_prefix(".").map_or_else(|_| p.to_path_buf(), Path::to_path_buf)
}

/// The path as shown to users: relative to the current directory if under
/// it, every byte as it is (a `\\` is part of a Unix file name).
#[must_use]
pub fn shown_path(p: &Path) -> PathBuf {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| p.strip_prefix(&cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| p.to_path_buf())
}

/// [`shown_path`] as text (bytes that are not UTF-8 shown as U+FFFD; the
/// formats that must be exact use the bytes).
#[must_use]
pub fn display_path(p: &Path) -> String {
    shown_path(p).to_string_lossy().into_owned()
}
