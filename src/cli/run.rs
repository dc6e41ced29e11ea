//! The run loop: walk the paths, check the files found a directory at a
//! time, then print the reports in path order.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};

use super::settings::FileSettings;
use super::settings::ids;
use super::write::{NotWritten, OutsideTree, write_atomic};
use super::{Args, Command, Format, Settings};
use crate::engine::{self, FileResult, Status};
use crate::profile::{self, sites::Site};
use crate::render::{self, FileReport, Summary};
use crate::transforms;
use crate::walk::{self, Candidate};

/// The most walking threads per core (`-j` above is capped, with a note).
pub(super) const MAX_THREADS_PER_CORE: usize = 8;

/// The result of one file, ready to print.
struct Report {
    path: String,
    /// The path's bytes, exactly (for the diff headers, `-z`, SARIF and
    /// JSON's `path_bytes`).
    raw: Vec<u8>,
    src: String,
    result: FileResult,
    error: Option<FileError>,
    /// Set when --write went through a symlink out of the tree.
    outside: Option<OutsideTree>,
    /// Why the file was not checked (too large, or too slow).
    skipped: Option<String>,
}

/// Why a file could not be checked or written.
#[derive(Debug, thiserror::Error)]
enum FileError {
    #[error(transparent)]
    Read(#[from] std::io::Error),
    #[error("not valid UTF-8; skipped")]
    NotUtf8,
    #[error("holds NUL bytes (UTF-16?), which Go source cannot; skipped")]
    Nul,
    #[error("cannot write: {0:#}")]
    Write(anyhow::Error),
    /// The write was refused before anything was written.
    #[error(transparent)]
    NotWritten(NotWritten),
    /// A configuration file that cannot be used.
    #[error("line {}, column {}: {} (no file it applies to is checked)", .0.line, .0.column, .0.message)]
    Config(crate::config::ConfigError),
}

impl Report {
    fn failed(path: &std::path::Path, error: FileError) -> Self {
        Report { error: Some(error), ..Report::at(path) }
    }

    /// The report of the file at `path`, as yet empty.
    fn at(path: &std::path::Path) -> Self {
        use std::os::unix::ffi::OsStrExt as _;
        let shown = walk::shown_path(path);
        Report { raw: shown.as_os_str().as_bytes().to_vec(), ..Report::named(shown.to_string_lossy().into_owned()) }
    }

    /// The report of an input known by `name` only (stdin).
    fn named(name: String) -> Self {
        Report {
            raw: name.clone().into_bytes(),
            path: name,
            src: String::new(),
            result: FileResult::default(),
            error: None,
            outside: None,
            skipped: None,
        }
    }

    /// A file not checked, and why.
    fn not_checked(report: Report, why: String) -> Self {
        Report { skipped: Some(why), ..report }
    }

    /// The report of a check that ran out of time.
    fn timed_out(report: Report, s: &Settings) -> Self {
        let limit = s.timeout.map_or_else(String::new, |t| format!(" ({t:?})"));
        Report::not_checked(report, format!("not checked: took longer than --timeout-per-file{limit}"))
    }

    fn view(&self) -> render::FileReport<'_> {
        render::FileReport {
            path: &self.path,
            raw_path: &self.raw,
            src: &self.src,
            outcomes: &self.result.outcomes,
            fixed: self.result.fixed.as_deref(),
            lines: crate::syntax::LineIndex::new(self.src.as_bytes()),
        }
    }
}

/// Check one file: read it, test it, analyse it (against the goroutines
/// profiles show blocked in it, if any); with --write, fix it.
#[cfg(test)]
fn process(c: &Candidate, s: &Settings, sites: Option<&[Site]>) -> Option<Report> {
    process_read(c, s, sites, read_file(&c.path, s.max_file_size))
}

/// [`process`] for a file already read.
fn process_read(c: &Candidate, s: &Settings, sites: Option<&[Site]>, read: Read) -> Option<Report> {
    let f = match s.for_file(&c.path) {
        Ok(f) => f,
        // Said once, for the configuration file; no file it applies to is checked.
        Err(e) => {
            return s.configs.not_checked(&e).then(|| Report::failed(Path::new(&e.path.clone()), FileError::Config(e)));
        }
    };
    match read {
        Read::Text(src) => {
            // --only-confirmed: a file no profile site maps to has nothing to show.
            let nothing = sites.is_none() && (s.only_confirmed || (s.shortcuts && !engine::may_match(src.as_bytes())));
            if nothing { None } else { analyse(c, &src, s, &f, sites) }
        }
        // Go source is UTF-8 without NUL bytes (a UTF-16 file has them): say
        // so for every file, not only for those that may hold a finding.
        Read::NotText(bytes) => {
            let e = if std::str::from_utf8(&bytes).is_err() { FileError::NotUtf8 } else { FileError::Nul };
            let skipped_anyway = !c.explicit && !f.include_generated && engine::is_generated(&bytes);
            (!skipped_anyway).then(|| Report::failed(&c.path, e))
        }
        Read::TooLarge(size) => Some(Report::not_checked(
            Report::at(&c.path),
            format!("not checked: {} is larger than --max-file-size ({})", human(size), human(s.max_file_size)),
        )),
        Read::Failed(e) => Some(Report::failed(&c.path, e.into())),
        Read::Dropped => None,
    }
}

/// A file as read for its check.
enum Read {
    /// UTF-8 without NUL bytes: Go source, as far as its bytes tell.
    Text(std::sync::Arc<String>),
    /// Anything else (reported, not checked).
    NotText(Vec<u8>),
    /// Larger than `--max-file-size` (not read).
    TooLarge(u64),
    /// Go source that cannot hold a finding (see [`engine::may_match`]),
    /// not kept.
    Dropped,
    Failed(std::io::Error),
}

impl Read {
    /// The bytes it holds in memory.
    fn held(&self) -> usize {
        match self {
            Read::Text(t) => t.len(),
            Read::NotText(b) => b.len(),
            Read::TooLarge(_) | Read::Dropped | Read::Failed(_) => 0,
        }
    }
}

/// Read the file at `path`, unless it is larger than `max` bytes.
fn read_file(path: &Path, max: u64) -> Read {
    read_then(path, max, |bytes| match std::str::from_utf8(bytes) {
        Ok(text) if memchr::memchr(0, bytes).is_none() => Read::Text(std::sync::Arc::new(text.to_owned())),
        _ => Read::NotText(bytes.to_vec()),
    })
}

/// Read the file at `path` into a per-thread buffer (most files are
/// dropped by a byte test and cost no allocation) and make a [`Read`] of
/// its bytes with `keep`, unless it is larger than `max` bytes (then it is
/// not read).
fn read_then(path: &Path, max: u64, keep: impl FnOnce(&[u8]) -> Read) -> Read {
    thread_local! {
        static BUF: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    // The buffer stays initialised at its full length; `filled` is the file.
    let read = || {
        BUF.with_borrow_mut(|buf| {
            let mut file = std::fs::File::open(path)?;
            let size = file.metadata()?.len();
            if size > max {
                return Ok(Read::TooLarge(size));
            }
            let mut filled = 0;
            loop {
                if buf.len() - filled < 16 << 10 {
                    buf.resize((buf.len() * 2).max(64 << 10), 0);
                }
                match std::io::Read::read(&mut file, &mut buf[filled..]) {
                    Ok(0) => break,
                    Ok(n) => filled += n,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(e),
                }
            }
            Ok(keep(&buf[..filled]))
        })
    };
    read().unwrap_or_else(Read::Failed)
}

/// `20 MiB`, `1.5 MiB`, `100 KiB`, `12 bytes`.
fn human(bytes: u64) -> String {
    let Some((shift, unit)) = [(30, "GiB"), (20, "MiB"), (10, "KiB")].into_iter().find(|(s, _)| bytes >= 1 << s) else {
        return format!("{bytes} bytes");
    };
    #[allow(clippy::cast_precision_loss)]
    let n = bytes as f64 / (1u64 << shift) as f64;
    if n.fract() == 0.0 { format!("{n:.0} {unit}") } else { format!("{n:.1} {unit}") }
}

/// Analyse one file's text (UTF-8 already checked) and, with --write, apply the fixes. The text is
/// copied into the report only when there is something to show.
fn analyse(c: &Candidate, src: &str, s: &Settings, f: &FileSettings, sites: Option<&[Site]>) -> Option<Report> {
    if !c.explicit && !f.include_generated && engine::is_generated(src.as_bytes()) {
        return None;
    }
    let mut result = engine::check_prefiltered(src, &s.options(f, Some(&c.path)));
    if result.timed_out {
        return Some(Report::timed_out(Report::at(&c.path), s));
    }
    if let Some(sites) = sites {
        result = with_evidence(src, result, sites, s, f, Some(&c.path), &Report::at(&c.path).path);
    }
    if result.outcomes.is_empty() && result.notes.is_empty() {
        return None;
    }
    let (mut error, mut outside) = (None, None);
    if s.write
        && let Some(fixed) = &result.fixed
        && let Err(e) = write_atomic(&c.path, src, fixed, s.force_write, &mut outside)
    {
        // Nothing was written: the fixes are not counted, listed or
        // described as made (the temporary file is gone, the file as it was).
        let reason = match e.downcast::<NotWritten>() {
            Ok(why) => {
                let reason = match why {
                    NotWritten::ReadOnly => engine::SkipReason::NotWritable,
                    NotWritten::Directory(_) => engine::SkipReason::DirectoryNotWritable,
                    NotWritten::HardLinks(_) => engine::SkipReason::HardLinks,
                    NotWritten::Owner(..) => engine::SkipReason::OwnerNotKept,
                };
                error = Some(FileError::NotWritten(why));
                reason
            }
            Err(e) => {
                error = Some(FileError::Write(e));
                engine::SkipReason::WriteFailed
            }
        };
        for o in result.outcomes.iter_mut().filter(|o| o.status == Status::Fixed) {
            o.status = Status::Skipped(reason);
        }
        result.fixed = None;
    }
    Some(Report { src: src.to_owned(), result, error, outside, ..Report::at(&c.path) })
}

/// `result` with the profiles' evidence on its findings and a
/// `blocked-goroutine` finding per site no finding explains; with
/// `--only-confirmed`, only the confirmed findings, and only their fixes
/// applied (the file is checked again keeping those alone).
fn with_evidence(
    src: &str,
    mut result: FileResult,
    sites: &[Site],
    s: &Settings,
    f: &FileSettings,
    path: Option<&std::path::Path>,
    shown: &str,
) -> FileResult {
    let mut notes = Vec::new();
    profile::sites::resolve(shown, src, sites, &mut result.outcomes, s.blocked_threshold(f), &mut notes);
    result.notes.extend(notes.into_iter().map(engine::Note::plain));
    if !s.only_confirmed {
        return result;
    }
    let confirmed: Vec<usize> = result
        .outcomes
        .iter()
        .filter(|o| o.evidence.is_some() && o.finding.transform != profile::sites::BLOCKED_GOROUTINE)
        .map(|o| o.finding.range.start)
        .collect();
    if result.outcomes.iter().all(|o| o.evidence.is_some()) {
        return result;
    }
    let keep = |_: &str, f: &transforms::Finding| confirmed.contains(&f.range.start);
    let mut again = engine::check_prefiltered(src, &engine::Options { keep: Some(&keep), ..s.options(f, path) });
    // The same sites, the same evidence and blocked-goroutine findings (the
    // notes were said the first time).
    profile::sites::resolve(shown, src, sites, &mut again.outcomes, s.blocked_threshold(f), &mut Vec::new());
    again.notes = result.notes;
    again
}

/// `leakfix list` / `leakfix explain ID` / `leakfix server`.
fn subcommand(c: Command) -> Result<i32> {
    match c {
        Command::List => {
            let mut out = std::io::stdout().lock();
            for t in transforms::ALL {
                writeln!(out, "{:<18} {}", t.id(), t.summary())?;
            }
            writeln!(out, "{:<18} {}", profile::sites::BLOCKED_GOROUTINE, profile::sites::SUMMARY)?;
        }
        Command::Explain { id } if id == profile::sites::BLOCKED_GOROUTINE => {
            std::io::stdout().lock().write_all(profile::sites::DOCS.as_bytes())?;
        }
        Command::Explain { id } => {
            let Some(t) = transforms::by_id(&id) else {
                bail!("unknown transform id {id:?} (known: {})", ids().join(", "));
            };
            std::io::stdout().lock().write_all(t.docs().as_bytes())?;
        }
        Command::Server => {
            use clap::Parser as _;
            // The defaults, over the configuration file found upward from
            // each file (stdout is the protocol's: nothing else is printed).
            return crate::server::run(Settings::from_args(Args::parse_from(["leakfix"]))?);
        }
    }
    Ok(0)
}

/// Read stdin as one file named `--stdin-filename` (profiles map onto it
/// by that name).
fn process_stdin(s: &Settings, profiles: &[profile::Profile]) -> Result<Report> {
    let mut src = String::new();
    std::io::Read::read_to_string(&mut std::io::stdin(), &mut src).context("cannot read stdin")?;
    let name = s.stdin_filename.clone().unwrap_or_else(|| "<stdin>".into());
    let path = s.stdin_filename.as_ref().map(PathBuf::from);
    let f = s.for_file(path.as_deref().unwrap_or(Path::new("<stdin>"))).map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut result = engine::check_source(&src, &s.options(&f, path.as_deref()));
    if result.timed_out {
        return Ok(Report::timed_out(Report::named(name), s));
    }
    if !profiles.is_empty() {
        let mapping = path.as_ref().map(|p| profile::sites::map(profiles, std::slice::from_ref(p)));
        for n in mapping.iter().flat_map(|m| &m.notes) {
            eprintln!("leakfix: {n}");
        }
        match path.as_ref().zip(mapping.as_ref()).and_then(|(p, m)| m.by_file.get(p).map(|sites| (p, sites))) {
            Some((p, sites)) => result = with_evidence(&src, result, sites, s, &f, Some(p), &name),
            // Nothing confirmed: nothing to show or apply.
            None if s.only_confirmed => result = FileResult::default(),
            None => {}
        }
    }
    Ok(Report { src, result, ..Report::named(name) })
}

/// A progress counter on stderr, only on a terminal outside CI, and only
/// once the run has lasted long enough to be worth one.
fn progress() -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    let interactive = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
    interactive.then(|| {
        let bar = indicatif::ProgressBar::hidden();
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {pos} files checked")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        bar
    })
}

/// `--show-settings FILE`: what applies to the file, as TOML a
/// configuration file could hold, with where it comes from.
fn show_settings(s: &Settings, file: &Path) -> Result<i32> {
    if !file.exists() {
        eprintln!("leakfix: {}: no such file; the settings shown are those a file there would get", file.display());
    }
    let f = match s.for_file(file) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("leakfix: {e}");
            return Ok(2);
        }
    };
    let mut out = std::io::stdout().lock();
    writeln!(out, "# settings for {}", file.display())?;
    match &f.config {
        Some(c) => writeln!(out, "# configuration file: {} (flags given override it)", c.path.display())?,
        None if matches!(s.configs.mode(), crate::config::Mode::Isolated) => {
            writeln!(out, "# no configuration file (--isolated)")?;
        }
        None => writeln!(out, "# no configuration file found; defaults and flags")?,
    }
    let list = |v: &[&str]| format!("[{}]", v.iter().map(|x| format!("{x:?}")).collect::<Vec<_>>().join(", "));
    let mut ids: Vec<&str> = f.transforms.iter().map(|t| t.id()).collect();
    if f.report_blocked {
        ids.push(profile::sites::BLOCKED_GOROUTINE);
    }
    writeln!(out, "select = {}", list(&ids))?;
    writeln!(out, "unsafe-fixes = {}", f.threshold == crate::fix::Applicability::Unsafe)?;
    writeln!(out, "include-generated = {}", f.include_generated)?;
    let c = f.config.as_deref();
    let dir = file.parent().unwrap_or(Path::new("."));
    let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
    let rules = s.walk.rules_in(dir);
    writeln!(out, "include-vendor = {}", rules.include_vendor)?;
    writeln!(out, "include-testdata = {}", rules.include_testdata)?;
    let globs = |cli: bool, g: Option<&crate::config::Globs>, flag: &str| {
        if cli {
            format!("# from --{flag}")
        } else {
            list(&g.map(|g| g.patterns.iter().map(String::as_str).collect::<Vec<_>>()).unwrap_or_default())
        }
    };
    writeln!(out, "include = {}", globs(s.walk.include.is_some(), c.and_then(|c| c.include.as_ref()), "include"))?;
    writeln!(out, "exclude = {}", globs(s.walk.exclude.is_some(), c.and_then(|c| c.exclude.as_ref()), "exclude"))?;
    Ok(0)
}

/// The `--profile` files read, and those that could not be (said on
/// stderr), with why.
fn load_profiles(s: &Settings) -> (Vec<profile::Profile>, Vec<(String, String)>) {
    let mut profiles = Vec::new();
    let mut problems = Vec::new();
    for p in &s.profiles {
        match profile::load(p) {
            Ok(loaded) => profiles.push(loaded),
            Err(e) => {
                eprintln!("leakfix: {}: {e}", p.display());
                problems.push((p.display().to_string(), e.to_string()));
            }
        }
    }
    (profiles, problems)
}

/// Check a file found, with the profile sites mapped to it, as read.
type Visit<'a> = dyn Fn(&Candidate, Option<&[Site]>, Read) + Sync + 'a;

/// Text held for the directories being checked, at most (a file beyond it
/// is read again when its turn comes).
const HELD_BYTES: usize = 64 << 20;

/// Walk the paths, then check what the walk found a directory at a time
/// (largest first), on `threads` threads: every file of a directory is read
/// before any is checked, and the texts are held for the run's lookups of
/// declarations in sibling files (read once, not once by the walk and once
/// more as a sibling), then released with the directory. With profiles,
/// each file is checked against the sites they map to it.
fn walk_then_check(
    s: &Settings,
    threads: usize,
    profiles: &[profile::Profile],
    visit: &Visit<'_>,
) -> Vec<(PathBuf, String)> {
    let found = std::sync::Mutex::new(Vec::new());
    let walk_errors = walk::parallel(&s.paths, &s.walk, threads, &|c: Candidate| {
        found.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push(c);
    });
    let mut found = found.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
    let mapping = (!profiles.is_empty()).then(|| {
        found.sort_by(|a, b| a.path.cmp(&b.path));
        let paths: Vec<PathBuf> = found.iter().map(|c| c.path.clone()).collect();
        profile::sites::map(profiles, &paths)
    });
    for n in mapping.iter().flat_map(|m| &m.notes) {
        eprintln!("leakfix: {n}");
    }
    let sites = |c: &Candidate| mapping.as_ref().and_then(|m| m.by_file.get(&c.path)).map(Vec::as_slice);
    // Grouped by the bytes of their directory (comparing paths component
    // by component costs more than the grouping).
    let mut by_dir: std::collections::HashMap<&[u8], Vec<&Candidate>> = std::collections::HashMap::new();
    for c in &found {
        use std::os::unix::ffi::OsStrExt as _;
        by_dir.entry(c.path.parent().map_or(&b""[..], |d| d.as_os_str().as_bytes())).or_default().push(c);
    }
    let mut dirs: Vec<Vec<&Candidate>> = by_dir.into_values().collect();
    dirs.sort_by_key(|d| std::cmp::Reverse(d.len()));
    let held = std::sync::atomic::AtomicUsize::new(0);
    let check_dir = |files: &[&Candidate]| {
        use std::sync::atomic::Ordering::Relaxed;
        let mut kept = 0;
        let mut reads: Vec<Option<Read>> = files
            .iter()
            .map(|c| {
                // A text the prefilter drops is not held (`Dropped`): most are.
                let with_sites = sites(c).is_some();
                let r = read_then(&c.path, s.max_file_size, |bytes| match std::str::from_utf8(bytes) {
                    Ok(_) if memchr::memchr(0, bytes).is_some() => Read::NotText(bytes.to_vec()),
                    Ok(text) if with_sites || !s.shortcuts || engine::may_match(bytes) => {
                        Read::Text(std::sync::Arc::new(text.to_owned()))
                    }
                    Ok(_) => Read::Dropped,
                    Err(_) => Read::NotText(bytes.to_vec()),
                });
                if held.fetch_add(r.held(), Relaxed) + r.held() > HELD_BYTES {
                    held.fetch_sub(r.held(), Relaxed);
                    return None;
                }
                kept += r.held();
                if let Read::Text(t) = &r {
                    crate::analysis::hold_text(&c.path, std::sync::Arc::clone(t));
                }
                Some(r)
            })
            .collect();
        for (c, r) in files.iter().zip(&mut reads) {
            let r = r.take().unwrap_or_else(|| read_file(&c.path, s.max_file_size));
            visit(c, sites(c), r);
        }
        if let Some(dir) = files.first().and_then(|c| c.path.parent()) {
            crate::analysis::release_directory(if dir.as_os_str().is_empty() { Path::new(".") } else { dir });
        }
        held.fetch_sub(kept, Relaxed);
    };
    let next = std::sync::atomic::AtomicUsize::new(0);
    let pool =
        if threads == 0 { std::thread::available_parallelism().map_or(1, std::num::NonZero::get) } else { threads };
    std::thread::scope(|scope| {
        for _ in 0..pool.min(dirs.len()) {
            scope.spawn(|| {
                while let Some(d) = dirs.get(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed)) {
                    check_dir(d);
                }
            });
        }
    });
    walk_errors
}

/// Run the command line; returns the exit code.
pub fn run(args: Args) -> Result<i32> {
    if let Some(c) = args.command {
        return subcommand(c);
    }
    let s = Settings::from_args(args)?;
    if let Some(file) = &s.show_settings {
        return show_settings(&s, file);
    }
    // An interrupted --write leaves no temporary file behind.
    super::write::handle_signals();
    let mut errors = 0usize;
    let mut walk_problems: Vec<(String, String)> = Vec::new();
    // Profiles first: one that cannot be read is an error, and the others
    // and the analysis still run.
    let (profiles, profile_problems) = load_profiles(&s);
    errors += profile_problems.len();
    let (reports, files) = if s.is_stdin() {
        (vec![process_stdin(&s, &profiles)?], 1)
    } else {
        // The walk lists the files; then each thread takes a directory,
        // reads its files, tests them, and analyses the few that may hold a
        // finding, their siblings' texts at hand.
        let bar = progress();
        let files = std::sync::atomic::AtomicUsize::new(0);
        let reports = std::sync::Mutex::new(Vec::new());
        // More threads than a few per core only contend (-j 10000 took
        // minutes where -j 2 took a tenth of a second): cap them, and say so.
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        let threads = if s.threads > MAX_THREADS_PER_CORE * cores {
            eprintln!(
                "leakfix: -j {} capped at {} ({MAX_THREADS_PER_CORE} per core)",
                s.threads,
                MAX_THREADS_PER_CORE * cores
            );
            MAX_THREADS_PER_CORE * cores
        } else {
            s.threads
        };
        let visit = |c: &Candidate, sites: Option<&[Site]>, read: Read| {
            let n = files.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            if let Some(b) = &bar {
                b.set_position(n as u64);
                if b.is_hidden() && n.is_multiple_of(256) && b.elapsed() > std::time::Duration::from_secs(1) {
                    b.set_draw_target(indicatif::ProgressDrawTarget::stderr());
                }
            }
            if let Some(r) = process_read(c, &s, sites, read) {
                reports.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push((c.path.clone(), r));
            }
        };
        let walk_errors = walk_then_check(&s, threads, &profiles, &visit);
        if let Some(b) = bar {
            b.finish_and_clear();
        }
        errors += walk_errors.len();
        for (p, e) in &walk_errors {
            eprintln!("leakfix: {}: {e}", p.display());
            walk_problems.push((walk::display_path(p), e.clone()));
        }
        // Files finish in any order; output is in path order.
        let mut reports = reports.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
        reports.sort_by(|a, b| a.0.cmp(&b.0));
        (reports.into_iter().map(|(_, r)| r).collect(), files.into_inner())
    };
    for r in &reports {
        if let Some(o) = &r.outside {
            eprintln!("leakfix: {o}");
        }
        if let Some(e) = &r.error {
            errors += 1;
            eprintln!("leakfix: {}: {e}", r.path);
        }
        if let Some(why) = &r.skipped {
            eprintln!("leakfix: {}: {why}", r.path);
        }
        for n in &r.result.notes {
            eprintln!("leakfix: {}: {n}", r.path);
        }
    }
    let views: Vec<_> = reports.iter().map(Report::view).collect();
    let mut problems: Vec<render::Problem<'_>> = walk_problems
        .iter()
        .chain(&profile_problems)
        .map(|(p, e)| render::Problem { path: p, message: e.clone(), not_checked: false })
        .collect();
    for r in &reports {
        if let Some(why) = &r.skipped {
            problems.push(render::Problem { path: &r.path, message: why.clone(), not_checked: true });
        }
        if let Some(e) = &r.error {
            problems.push(render::Problem { path: &r.path, message: e.to_string(), not_checked: false });
        }
    }
    // Files a broken configuration file keeps from being checked are not
    // checked either (their error is said once, for the file).
    let skipped = problems.iter().filter(|p| p.not_checked).count() + s.configs.unchecked();
    let summary = render::Summary::new(&views, files.saturating_sub(skipped), errors, s.write).with_skipped(skipped);

    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    // A reader that closes the pipe early (`| head`) is not an error, in any
    // format: the exit code still says what is pending.
    match print(&mut out, &s, &views, &problems, &summary).and_then(|()| Ok(out.flush()?)) {
        Err(e) if is_broken_pipe(&e) => {}
        r => r?,
    }
    drop(out);

    for line in summary.lines() {
        eprintln!("leakfix: {line}");
    }
    Ok(summary.exit_code())
}

/// Is this error (or one it wraps, a JSON writer's included) a closed pipe?
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe))
    })
}

/// Write the chosen output format to stdout (findings without a fix go to
/// stderr in the diff and list formats).
fn print(
    out: &mut impl Write,
    s: &Settings,
    reports: &[FileReport<'_>],
    problems: &[render::Problem<'_>],
    summary: &Summary,
) -> Result<()> {
    // Findings without a fix in the output go to stderr, and so do fixed
    // ones a profile confirms (the diff cannot say it).
    let unfixed_to_stderr = || {
        for r in reports {
            for o in r.outcomes.iter().filter(|o| o.status != Status::Fixed || o.evidence.is_some()) {
                eprintln!("{}", render::text_line_in(r.path, &r.lines, o, false));
            }
        }
    };
    if s.list {
        for r in reports.iter().filter(|r| r.fixed.is_some()) {
            if s.null {
                out.write_all(r.raw_path)?;
                out.write_all(b"\0")?;
            } else {
                writeln!(out, "{}", r.path)?;
            }
        }
        unfixed_to_stderr();
        return Ok(());
    }
    if s.is_stdin() && s.write && s.format == Format::Diff {
        // Like gofmt: the fixed source (or the unchanged one) on stdout;
        // other formats print their document.
        let r = &reports[0];
        out.write_all(r.fixed.unwrap_or(r.src).as_bytes())?;
        unfixed_to_stderr();
        return Ok(());
    }
    match s.format {
        Format::Diff => {
            if !s.write {
                for r in reports {
                    if let Some(new) = r.fixed {
                        let d = render::diff(r.raw_path, r.src, new, s.context);
                        out.write_all(if s.color { render::color_diff(&d) } else { d }.as_bytes())?;
                    }
                }
            }
            unfixed_to_stderr();
        }
        Format::Text => {
            for r in reports {
                for o in r.outcomes {
                    let line = render::text_line_in(r.path, &r.lines, o, true);
                    writeln!(out, "{}", if s.color { render::color_text(&line) } else { line })?;
                }
            }
            writeln!(out, "{}", summary.footer())?;
        }
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &render::json::document(reports, problems, summary)?)?;
            writeln!(out)?;
        }
        Format::Sarif => {
            serde_json::to_writer_pretty(&mut *out, &render::sarif::document(reports, problems))?;
            writeln!(out)?;
        }
        Format::Markdown => {
            out.write_all(render::markdown::document(reports, problems, summary).as_bytes())?;
        }
        Format::Github => {
            out.write_all(render::github::annotations(reports, problems, s.write).as_bytes())?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use clap::Parser as _;

    use super::*;

    #[test]
    fn a_path_that_vanished_after_the_walk_is_an_error_report() {
        let t = tempfile::tempdir().unwrap();
        let s = Settings::from_args(Args::parse_from(["leakfix", "."])).unwrap();
        let gone = Candidate { path: t.path().join("gone.go"), explicit: false };
        let r = process(&gone, &s, None).expect("a report");
        let Some(FileError::Read(e)) = r.error else { panic!("a read error: {:?}", r.error) };
        assert_eq!(e.kind(), std::io::ErrorKind::NotFound);
        assert!(e.to_string().contains("No such file"), "{e}");
    }
}
