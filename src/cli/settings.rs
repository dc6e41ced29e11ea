//! Validated settings: the chosen transforms, compiled globs, the colour decision.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context as _, Result, bail};

use super::{Args, ColorChoice, Format};
use crate::config::{Config, ConfigError, Configs, Mode};
use crate::engine::Options;
use crate::fix::Applicability;
use crate::profile::sites::BLOCKED_GOROUTINE;
use crate::transforms::{self, Transform};
use crate::walk::WalkOptions;

/// Validated settings.
pub struct Settings {
    pub paths: Vec<PathBuf>,
    pub write: bool,
    /// Replace read-only files too (`--force-write`).
    pub force_write: bool,
    pub list: bool,
    /// `-z`: NUL-terminated `-l` output.
    pub null: bool,
    pub format: Format,
    pub context: usize,
    /// `--select` / `--ignore` as given (empty: not given; the
    /// configuration's apply).
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    /// `--unsafe-fixes` given.
    pub unsafe_fixes: bool,
    pub walk: WalkOptions,
    /// `--include-generated` given.
    pub include_generated: bool,
    /// The configuration files of the run.
    pub configs: Arc<Configs>,
    /// `--show-settings FILE`.
    pub show_settings: Option<PathBuf>,
    pub threads: usize,
    pub shortcuts: bool,
    /// How one large file is split (its threads worked out once: asking the
    /// system for its cores reads cgroup files).
    pub batching: crate::engine::Batching,
    /// `--max-file-size`: larger files are skipped, with a note.
    pub max_file_size: u64,
    /// `--timeout-per-file` (none: no limit).
    pub timeout: Option<std::time::Duration>,
    pub stdin_filename: Option<String>,
    pub color: bool,
    /// `--profile` files, read before the walk.
    pub profiles: Vec<PathBuf>,
    pub min_goroutines: u64,
    pub only_confirmed: bool,
}

/// What applies to one file: the flags, over its configuration file.
pub struct FileSettings {
    pub transforms: Vec<&'static dyn Transform>,
    pub threshold: Applicability,
    pub include_generated: bool,
    /// `blocked-goroutine` findings are selected (`select`, `ignore`).
    pub report_blocked: bool,
    /// The configuration file applied, if any.
    pub config: Option<Arc<Config>>,
}

fn globs(patterns: &[String]) -> Result<Option<globset::GlobSet>> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let mut b = globset::GlobSetBuilder::new();
    for p in patterns {
        b.add(globset::Glob::new(crate::walk::glob_pattern(p)).with_context(|| format!("bad glob {p:?}"))?);
    }
    Ok(Some(b.build()?))
}

/// Colour on a terminal unless `NO_COLOR` is set, or when forced.
fn use_color(choice: ColorChoice) -> bool {
    use std::io::IsTerminal;
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
        }
    }
}

impl Settings {
    pub fn from_args(a: Args) -> Result<Self> {
        for id in a.select.iter().chain(&a.ignore) {
            if transforms::by_id(id).is_none() && id != BLOCKED_GOROUTINE {
                bail!("unknown transform id {id:?} (known: {})", ids().join(", "));
            }
        }
        let mode = match (&a.config, a.isolated) {
            (_, true) => Mode::Isolated,
            (Some(p), false) => Mode::Explicit(Arc::new(Config::load(p, &ids()).map_err(|e| anyhow::anyhow!("{e}"))?)),
            (None, false) => Mode::Discover,
        };
        let configs = Arc::new(Configs::new(mode, ids()));
        let paths = if a.paths.is_empty() { vec![PathBuf::from(".")] } else { a.paths };
        if paths.iter().any(|p| p.as_os_str() == "-") && paths.len() > 1 {
            bail!("`-` (stdin) cannot be combined with other paths");
        }
        Ok(Settings {
            paths,
            write: a.write,
            force_write: a.force_write,
            list: a.list,
            null: a.null,
            format: a.format,
            context: a.context,
            select: a.select,
            ignore: a.ignore,
            unsafe_fixes: a.unsafe_fixes,
            walk: WalkOptions {
                no_ignore: a.no_ignore,
                include_vendor: a.include_vendor,
                include_testdata: a.include_testdata,
                include: globs(&a.include)?,
                exclude: globs(&a.exclude)?,
                force_exclude: a.force_exclude,
                configs: Some(Arc::clone(&configs)),
            },
            include_generated: a.include_generated,
            configs,
            show_settings: a.show_settings,
            threads: a.threads.unwrap_or(0),
            shortcuts: !a.no_shortcuts,
            batching: leakfix_batching(a.batch_bytes, a.threads.unwrap_or(0)),
            max_file_size: a.max_file_size.0,
            timeout: a.timeout_per_file.0,
            stdin_filename: a.stdin_filename,
            color: use_color(a.color),
            profiles: a.profiles,
            min_goroutines: a.min_goroutines,
            only_confirmed: a.only_confirmed,
        })
    }

    /// The settings for the file at `path` (as walked): its configuration
    /// file's, with the flags given over them.
    ///
    /// # Errors
    /// The configuration file that applies cannot be used.
    pub fn for_file(&self, path: &Path) -> Result<FileSettings, ConfigError> {
        let config = self.configs.for_path(path, false)?;
        Ok(self.with_config(path, config))
    }

    /// The settings for `path` from the flags alone (no configuration file).
    #[must_use]
    pub fn from_flags(&self, path: &Path) -> FileSettings {
        self.with_config(path, None)
    }

    fn with_config(&self, path: &Path, config: Option<Arc<Config>>) -> FileSettings {
        let c = config.as_deref();
        let select: Vec<&str> = if self.select.is_empty() {
            c.and_then(|c| c.select.as_ref()).map(|s| s.iter().map(String::as_str).collect()).unwrap_or_default()
        } else {
            self.select.iter().map(String::as_str).collect()
        };
        // A selection given on the command line starts over, as ruff's does:
        // the file's `select` and `ignore` no longer apply (its per-path
        // ignores do).
        let mut ignore: Vec<&str> = if self.ignore.is_empty() && self.select.is_empty() {
            c.and_then(|c| c.ignore.as_ref()).map(|s| s.iter().map(String::as_str).collect()).unwrap_or_default()
        } else {
            self.ignore.iter().map(String::as_str).collect()
        };
        let abs = c.filter(|c| !c.per_path_ignore.is_empty()).map(|_| self.configs.absolute(path));
        if let (Some(c), Some(abs)) = (c, &abs) {
            ignore.extend(c.ignored_for(abs));
        }
        let selected = |id: &str| (select.is_empty() || select.contains(&id)) && !ignore.contains(&id);
        FileSettings {
            transforms: transforms::ALL.iter().copied().filter(|t| selected(t.id())).collect(),
            threshold: if self.unsafe_fixes || c.and_then(|c| c.unsafe_fixes).unwrap_or(false) {
                Applicability::Unsafe
            } else {
                Applicability::Safe
            },
            include_generated: self.include_generated || c.and_then(|c| c.include_generated).unwrap_or(false),
            report_blocked: selected(BLOCKED_GOROUTINE),
            config,
        }
    }

    #[must_use]
    pub fn options<'a>(&'a self, f: &'a FileSettings, path: Option<&'a std::path::Path>) -> Options<'a> {
        Options {
            transforms: &f.transforms,
            threshold: f.threshold,
            path,
            shortcuts: self.shortcuts,
            batching: self.batching,
            timeout: self.timeout,
            keep: None,
            overlay: None,
        }
    }

    /// The goroutines a site needs for a `blocked-goroutine` finding
    /// (`None`: none are reported).
    pub(super) fn blocked_threshold(&self, f: &FileSettings) -> Option<u64> {
        f.report_blocked.then_some(self.min_goroutines)
    }

    pub(super) fn is_stdin(&self) -> bool {
        self.paths.len() == 1 && self.paths[0].as_os_str() == "-"
    }
}

pub(super) fn ids() -> Vec<&'static str> {
    transforms::ALL.iter().map(|t| t.id()).chain([BLOCKED_GOROUTINE]).collect()
}

/// Batches of `bytes`, on as many threads as the walk uses (`-j`, capped as
/// the walk caps it; 0: one per core).
fn leakfix_batching(bytes: usize, threads: usize) -> crate::engine::Batching {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let threads = match threads {
        0 => cores,
        n => n.min(super::run::MAX_THREADS_PER_CORE * cores),
    };
    crate::engine::Batching { bytes, threads }
}
