//! Which files to look at: explicit files always; directories walked for
//! `*.go`, honouring .gitignore and skipping vendor/, testdata/, and
//! directories starting with `.` or `_` (the go tool's own rules).

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use std::sync::Arc;

use globset::GlobSet;

use crate::config::{Config, Configs};

/// Walk settings: the command line's, and the configuration files that
/// apply below each directory (flags win: a flag given turns a rule on, a
/// glob given replaces the file's).
#[derive(Clone, Default)]
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
    /// `leakfix.toml` files (none: flags only).
    pub configs: Option<Arc<Configs>>,
}

/// The directory rules that hold in one directory.
#[derive(Debug, Clone, Copy)]
pub struct DirRules {
    pub include_vendor: bool,
    pub include_testdata: bool,
}

impl WalkOptions {
    /// The configuration for `path` (a broken one counts as none here: the
    /// file's check reports it).
    fn config(&self, path: &Path, is_dir: bool) -> Option<Arc<Config>> {
        self.configs.as_ref().and_then(|c| c.for_path(path, is_dir).ok().flatten())
    }

    /// The rules for the entries of the directory `dir`.
    #[must_use]
    pub fn rules_in(&self, dir: &Path) -> DirRules {
        let c = self.config(dir, true);
        DirRules {
            include_vendor: self.include_vendor || c.as_ref().and_then(|c| c.include_vendor).unwrap_or(false),
            include_testdata: self.include_testdata || c.as_ref().and_then(|c| c.include_testdata).unwrap_or(false),
        }
    }

    /// Is the file `p` (`rel` below the walk's root) kept by the include
    /// and exclude globs: the command line's, else its configuration's
    /// (matched below the configuration file's directory)?
    fn globs_keep(&self, p: &Path, rel: &Path) -> bool {
        let cli = |g: &GlobSet| g.is_match(rel) || g.is_match(p);
        let c = if self.include.is_none() || self.exclude.is_none() { self.config(p, false) } else { None };
        // Globs of the file match below its directory (made absolute only
        // when there are some).
        let config = |g: Option<&crate::config::Globs>, exclude: bool| {
            let (c, g, configs) = (c.as_deref()?, g?, self.configs.as_ref()?);
            let abs = configs.absolute(p);
            Some(c.relative(&abs).is_some_and(|r| if exclude { excludes(&g.set, r) } else { g.set.is_match(r) }))
        };
        let included = match &self.include {
            Some(g) => cli(g),
            None => config(c.as_deref().and_then(|c| c.include.as_ref()), false).unwrap_or(true),
        };
        let excluded = match &self.exclude {
            Some(g) => excludes(g, rel) || g.is_match(p),
            None => config(c.as_deref().and_then(|c| c.exclude.as_ref()), true).unwrap_or(false),
        };
        included && !excluded
    }
}

/// `path` with `.` dropped and each `..` taking off the component before
/// it, lexically, as the go tool reads paths (`a/b/../c` is `a/c`).
#[must_use]
pub fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}

/// A glob as the walk reads it: `./` in front and `/` at the end add
/// nothing (`./gen/` is `gen`).
#[must_use]
pub fn glob_pattern(p: &str) -> &str {
    let p = p.strip_prefix("./").unwrap_or(p);
    let t = p.trim_end_matches('/');
    if t.is_empty() { p } else { t }
}

/// Does the exclude glob `g` match `rel` (a path below where the walk or
/// the configuration starts), one of its directories (`pkg/gen` for
/// `pkg/gen/x.go`) or one of their names (`gen`)? As ruff and
/// `.gitignore` read a pattern: without a `/` it names a file or directory
/// at any depth, and excluding a directory excludes what is below it.
#[must_use]
pub fn excludes(g: &GlobSet, rel: &Path) -> bool {
    let rel = rel.strip_prefix(".").unwrap_or(rel);
    if g.is_match(rel) || rel.file_name().is_some_and(|n| g.is_match(n)) {
        return true;
    }
    // The directories of an absolute path (a file named on the command
    // line elsewhere) are not the project's; `..` names no directory.
    let absolute =
        rel.components().any(|c| matches!(c, std::path::Component::RootDir | std::path::Component::Prefix(_)));
    !absolute
        && (rel.ancestors().skip(1).filter(|a| !a.as_os_str().is_empty()).any(|a| g.is_match(a))
            || rel.components().any(|c| matches!(c, std::path::Component::Normal(n) if g.is_match(n))))
}

/// A file to process; `explicit` when named on the command line.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Candidate {
    pub path: PathBuf,
    pub explicit: bool,
}

/// Is this directory name one the go tool (and so leakfix) skips?
#[must_use]
pub fn skipped_dir(name: &str, rules: DirRules) -> bool {
    (name.starts_with('.') && name != "." && name != "..")
        || name.starts_with('_')
        || (name == "vendor" && !rules.include_vendor)
        || (name == "testdata" && !rules.include_testdata)
}

/// Would a walk skip the file `path`: excluded or not included by the
/// globs, or under a directory the walk skips (vendor/, testdata/, `.x`,
/// `_x`)? (Not a `.go` file: skipped too.)
fn skipped_file(path: &Path, opts: &WalkOptions) -> bool {
    let p = clean(path);
    if !p.is_absolute() {
        return skipped_below(&p, &p, opts);
    }
    // An absolute path: below the current directory if the file is (as
    // spelled, or once symlinks are resolved), else below its module, as an
    // editor's file is; the directories above are not the project's.
    let Ok(cwd) = std::env::current_dir() else { return skipped_below(&p, &p, opts) };
    let abs = lexical(&p);
    if let Ok(below) = abs.strip_prefix(&cwd) {
        return skipped_below(&p, below, opts);
    }
    let real = |q: &Path| std::fs::canonicalize(q).ok();
    if let (Some(real_file), Some(real_cwd)) = (real(&abs), real(&cwd))
        && let Ok(below) = real_file.strip_prefix(&real_cwd)
    {
        return skipped_below(&p, below, opts);
    }
    skipped_in_module(&abs, opts)
}

/// [`skipped_file`] for an absolute path an editor names: the directory
/// rules apply below the file's module root (the nearest go.mod's
/// directory; else to the file's own directory alone), as a walk from
/// there would apply them.
#[must_use]
pub fn skipped_in_module(abs: &Path, opts: &WalkOptions) -> bool {
    let dir = abs.parent().unwrap_or(Path::new("/"));
    let root = dir.ancestors().find(|d| d.join("go.mod").is_file()).unwrap_or(dir);
    skipped_below(abs, abs.strip_prefix(root).unwrap_or(abs), opts)
}

/// Is `path` skipped, its directory rules applied to the directories of
/// `below` (its path below where a walk would start)?
fn skipped_below(path: &Path, below: &Path, opts: &WalkOptions) -> bool {
    let not_go = path.extension().is_none_or(|e| e != "go");
    let rules = opts.rules_in(path.parent().unwrap_or(Path::new(".")));
    let in_skipped_dir =
        below.parent().is_some_and(|d| d.components().any(|c| skipped_dir(&c.as_os_str().to_string_lossy(), rules)));
    not_go || in_skipped_dir || !opts.globs_keep(path, below)
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
            if is_dir && skipped_dir(&e.file_name().to_string_lossy(), o.rules_in(e.path().parent().unwrap_or(&base))) {
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
                    if is_go_file && opts.globs_keep(p, rel) {
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
