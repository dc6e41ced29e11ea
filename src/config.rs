//! `leakfix.toml` / `.leakfix.toml`: settings for a subtree, as ruff reads
//! its `ruff.toml`. The nearest file at or above a file's directory applies
//! to it (no merging with files further up); `--config PATH` names one for
//! every file and `--isolated` reads none. Its keys mirror the flags, and
//! flags given on the command line override them.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use globset::{Glob, GlobMatcher, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use toml::Spanned;

/// The file names looked for in each directory, in this order.
pub const NAMES: [&str; 2] = [".leakfix.toml", "leakfix.toml"];

/// The keys, as written in the file.
const KEYS: &[&str] = &[
    "select",
    "ignore",
    "unsafe-fixes",
    "include",
    "exclude",
    "include-generated",
    "include-vendor",
    "include-testdata",
    "per-path-ignore",
];

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Raw {
    select: Option<Vec<Spanned<String>>>,
    ignore: Option<Vec<Spanned<String>>>,
    unsafe_fixes: Option<bool>,
    include: Option<Vec<Spanned<String>>>,
    exclude: Option<Vec<Spanned<String>>>,
    include_generated: Option<bool>,
    include_vendor: Option<bool>,
    include_testdata: Option<bool>,
    per_path_ignore: Option<BTreeMap<Spanned<String>, Vec<Spanned<String>>>>,
}

/// Globs as written, and compiled.
#[derive(Debug, Clone)]
pub struct Globs {
    pub patterns: Vec<String>,
    pub set: GlobSet,
}

/// One configuration file, read and checked.
#[derive(Debug)]
pub struct Config {
    pub path: PathBuf,
    /// Its directory (absolute): globs match paths below it.
    pub dir: PathBuf,
    pub select: Option<Vec<String>>,
    pub ignore: Option<Vec<String>>,
    pub unsafe_fixes: Option<bool>,
    pub include: Option<Globs>,
    pub exclude: Option<Globs>,
    pub include_generated: Option<bool>,
    pub include_vendor: Option<bool>,
    pub include_testdata: Option<bool>,
    /// `"glob" = ["id", ...]`: ids not run on the files below `dir` the
    /// glob matches.
    pub per_path_ignore: Vec<(String, GlobMatcher, Vec<String>)>,
}

/// A configuration file that cannot be used: where, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}:{line}:{column}: {message}")]
pub struct ConfigError {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// The closest of `known` to `word` (a typo's likely meaning), if close.
#[must_use]
pub fn did_you_mean<'k>(word: &str, known: &[&'k str]) -> Option<&'k str> {
    known.iter().map(|k| (edit_distance(word, k), *k)).filter(|(d, k)| *d <= (k.len() / 3).max(2)).min().map(|(_, k)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(row[j + 1] + 1);
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

impl Config {
    /// Read the file at `path`; transform ids are checked against `known`.
    pub fn load(path: &Path, known: &[&str]) -> Result<Config, ConfigError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: shown.clone(),
            line: 1,
            column: 1,
            message: format!("cannot read: {e}"),
        })?;
        let at = |offset: usize, message: String| {
            let before = &text[..offset.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
            ConfigError { path: shown.clone(), line, column, message }
        };
        let raw: Raw = toml::from_str(&text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            let mut message = e.message().trim().to_owned();
            // `unknown field `selct`, expected one of ...`: say what was meant.
            if let Some(rest) = message.strip_prefix("unknown field `")
                && let Some((key, _)) = rest.split_once('`')
            {
                message = match did_you_mean(key, KEYS) {
                    Some(k) => format!("unknown key `{key}`; did you mean `{k}`?"),
                    None => format!("unknown key `{key}` (known: {})", KEYS.join(", ")),
                };
            } else if let Some(key) = key_at(&text, offset) {
                message = format!("`{key}`: {message}");
            }
            at(offset, message)
        })?;
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let dir = std::path::absolute(dir).map_err(|e| at(0, format!("cannot resolve its directory: {e}")))?;
        let ids = |key: &str, list: Option<Vec<Spanned<String>>>| -> Result<Option<Vec<String>>, ConfigError> {
            let Some(list) = list else { return Ok(None) };
            let mut out = Vec::new();
            for id in list {
                if !known.contains(&id.get_ref().as_str()) {
                    let hint = did_you_mean(id.get_ref(), known).map_or_else(
                        || format!(" (known: {})", known.join(", ")),
                        |k| format!("; did you mean `{k}`?"),
                    );
                    return Err(at(id.span().start, format!("`{key}`: unknown transform id `{}`{hint}", id.get_ref())));
                }
                out.push(id.into_inner());
            }
            Ok(Some(out))
        };
        let globs = |key: &str, list: Option<Vec<Spanned<String>>>| -> Result<Option<Globs>, ConfigError> {
            let Some(list) = list else { return Ok(None) };
            let mut b = GlobSetBuilder::new();
            let mut patterns = Vec::new();
            for g in list {
                let pattern = crate::walk::glob_pattern(g.get_ref());
                b.add(Glob::new(pattern).map_err(|e| at(g.span().start, format!("`{key}`: bad glob: {e}")))?);
                patterns.push(g.into_inner());
            }
            let set = b.build().map_err(|e| at(0, format!("`{key}`: {e}")))?;
            Ok(Some(Globs { patterns, set }))
        };
        let mut per_path_ignore = Vec::new();
        for (glob, list) in raw.per_path_ignore.unwrap_or_default() {
            // TOML puts every key after a table's header in the table: a
            // setting written below `[per-path-ignore]` would silently be a
            // glob of it.
            if KEYS.contains(&glob.get_ref().as_str()) {
                return Err(at(
                    glob.span().start,
                    format!(
                        "`{}` is read as a glob of `[per-path-ignore]` here (every key after a table's header is in the table); move it above `[per-path-ignore]`",
                        glob.get_ref()
                    ),
                ));
            }
            let matcher = Glob::new(glob.get_ref())
                .map_err(|e| at(glob.span().start, format!("`per-path-ignore`: bad glob: {e}")))?
                .compile_matcher();
            let list = ids("per-path-ignore", Some(list))?.unwrap_or_default();
            per_path_ignore.push((glob.into_inner(), matcher, list));
        }
        Ok(Config {
            path: path.to_path_buf(),
            dir,
            select: ids("select", raw.select)?,
            ignore: ids("ignore", raw.ignore)?,
            unsafe_fixes: raw.unsafe_fixes,
            include: globs("include", raw.include)?,
            exclude: globs("exclude", raw.exclude)?,
            include_generated: raw.include_generated,
            include_vendor: raw.include_vendor,
            include_testdata: raw.include_testdata,
            per_path_ignore,
        })
    }

    /// `path` (as walked) below this file's directory, if it is.
    #[must_use]
    pub fn relative<'p>(&self, abs: &'p Path) -> Option<&'p Path> {
        abs.strip_prefix(&self.dir).ok()
    }

    /// The ids `per-path-ignore` turns off for the file at `abs`.
    #[must_use]
    pub fn ignored_for(&self, abs: &Path) -> Vec<&str> {
        let Some(rel) = self.relative(abs) else { return Vec::new() };
        self.per_path_ignore
            .iter()
            .filter(|(_, m, _)| m.is_match(rel))
            .flat_map(|(_, _, ids)| ids.iter().map(String::as_str))
            .collect()
    }
}

/// The key of the `key = value` line holding `offset`, if it is one.
fn key_at(text: &str, offset: usize) -> Option<&str> {
    let start = text[..offset.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[start..];
    let (key, _) = line.split_once('=')?;
    let key = key.trim().trim_matches('"');
    (!key.is_empty() && !key.contains(['[', '\n'])).then_some(key)
}

/// Where settings come from.
pub enum Mode {
    /// No configuration file (`--isolated`).
    Isolated,
    /// This one for every file (`--config PATH`).
    Explicit(Arc<Config>),
    /// The nearest at or above each file's directory.
    Discover,
}

/// What applies below a directory: the nearest file, none, or why it
/// cannot be used.
type Found = Result<Option<Arc<Config>>, ConfigError>;

/// A thread's last answer: for which `Configs` (and generation), which
/// directory, what was found.
type Last = ((usize, usize), PathBuf, Found);

/// The configuration of every file of a run, found once per directory.
pub struct Configs {
    mode: Mode,
    /// The current directory, for absolute paths without asking each time.
    cwd: PathBuf,
    known: Vec<&'static str>,
    by_dir: Mutex<HashMap<PathBuf, Found>>,
    /// The broken files said so far (each is said once).
    reported: Mutex<std::collections::HashSet<String>>,
    /// The files broken configuration files kept from being checked.
    unchecked: std::sync::atomic::AtomicUsize,
    /// Bumped by [`Configs::forget`]: answers kept per thread from before
    /// no longer hold.
    generation: std::sync::atomic::AtomicUsize,
}

impl Configs {
    #[must_use]
    pub fn new(mode: Mode, known: Vec<&'static str>) -> Self {
        let cwd = std::env::current_dir().unwrap_or_default();
        Configs {
            mode,
            cwd,
            known,
            by_dir: Mutex::new(HashMap::new()),
            reported: Mutex::default(),
            unchecked: std::sync::atomic::AtomicUsize::new(0),
            generation: std::sync::atomic::AtomicUsize::new(0),
        }
    }

    /// Forget the files found so far (a language server calls it before a
    /// check: configuration files change between checks).
    pub fn forget(&self) {
        self.by_dir.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clear();
        self.reported.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clear();
        self.generation.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }

    /// Where settings come from.
    #[must_use]
    pub fn mode(&self) -> &Mode {
        &self.mode
    }

    /// Count a file that the broken configuration file of `e` keeps from
    /// being checked; is it the first (then `e` is reported, once)?
    pub fn not_checked(&self, e: &ConfigError) -> bool {
        self.unchecked.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.reported.lock().unwrap_or_else(std::sync::PoisonError::into_inner).insert(e.path.clone())
    }

    /// The files counted by [`Configs::not_checked`].
    #[must_use]
    pub fn unchecked(&self) -> usize {
        self.unchecked.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// `path` made absolute against the run's current directory.
    #[must_use]
    pub fn absolute(&self, path: &Path) -> PathBuf {
        let p = path.strip_prefix(".").unwrap_or(path);
        let joined = if p.is_absolute() { p.to_path_buf() } else { self.cwd.join(p) };
        // `a/b/../c` is `a/c`, so that the directories searched are the
        // file's own and its parents.
        crate::walk::lexical(&joined)
    }

    /// The configuration for the file or directory `path` (as walked).
    pub fn for_path(&self, path: &Path, is_dir: bool) -> Result<Option<Arc<Config>>, ConfigError> {
        match &self.mode {
            Mode::Isolated => Ok(None),
            Mode::Explicit(c) => Ok(Some(Arc::clone(c))),
            Mode::Discover => {
                let dir = if is_dir { path } else { path.parent().unwrap_or(Path::new("")) };
                // The files of a directory come one after the other: the last
                // answer of this thread is most often the one.
                thread_local! {
                    static LAST: std::cell::RefCell<Option<Last>> = const { std::cell::RefCell::new(None) };
                }
                let me =
                    (std::ptr::from_ref(self) as usize, self.generation.load(std::sync::atomic::Ordering::Relaxed));
                if let Some(found) = LAST
                    .with_borrow(|l| l.as_ref().filter(|(who, d, _)| *who == me && d == dir).map(|(_, _, f)| f.clone()))
                {
                    return found;
                }
                let found = self.discover(&self.absolute(dir));
                LAST.with_borrow_mut(|l| *l = Some((me, dir.to_path_buf(), found.clone())));
                found
            }
        }
    }

    fn discover(&self, dir: &Path) -> Result<Option<Arc<Config>>, ConfigError> {
        let mut cache = self.by_dir.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut visited = Vec::new();
        let mut found = None;
        for d in dir.ancestors() {
            if let Some(known) = cache.get(d) {
                found = Some(known.clone());
                break;
            }
            visited.push(d.to_path_buf());
            if let Some(file) = NAMES.iter().map(|n| d.join(n)).find(|p| p.is_file()) {
                found = Some(Config::load(&file, &self.known).map(|c| Some(Arc::new(c))));
                break;
            }
        }
        let found = found.unwrap_or(Ok(None));
        for d in visited {
            cache.insert(d, found.clone());
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_get_the_closest_known_word() {
        assert_eq!(did_you_mean("selct", KEYS), Some("select"));
        assert_eq!(did_you_mean("unsafe_fixes", KEYS), Some("unsafe-fixes"));
        assert_eq!(did_you_mean("premature-retrun", &["premature-return", "timeout-leak"]), Some("premature-return"));
        assert_eq!(did_you_mean("colour", KEYS), None);
    }

    #[test]
    fn the_key_of_a_bad_value_is_named() {
        let text = "select = [\"x\"]\nunsafe-fixes = \"yes\"\n";
        assert_eq!(key_at(text, text.find("\"yes\"").unwrap()), Some("unsafe-fixes"));
        assert_eq!(key_at("[per-path-ignore]\n", 3), None);
    }
}
