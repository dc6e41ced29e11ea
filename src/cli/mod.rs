//! Command line: clap structs, validated settings, and the run loop.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context as _, Result, bail};
use clap::{Parser, ValueEnum};

use crate::engine::{self, FileResult, Options, Status};
use crate::fix::Applicability;
use crate::render;
use crate::transforms::{self, Transform};
use crate::walk::{self, Candidate, WalkOptions};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Unified diff of the fixes (git apply-able); findings without a fix on stderr.
    Diff,
    /// `path:line:col: id: message` per finding.
    Text,
    /// One JSON document with every finding.
    Json,
    /// SARIF 2.1.0 (GitHub code scanning), fixes as replacements.
    Sarif,
    /// A pull-request description in Markdown.
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// List the transforms with a one-line summary each.
    List,
    /// Show a transform's documentation, with a before/after example.
    Explain {
        /// Transform id, e.g. premature-return.
        id: String,
    },
}

/// Find goroutine leaks in Go code and fix them with minimal edits.
///
/// Without --write, prints the fixes as a unified diff (dry run).
/// Exit status: 0 nothing pending, 1 findings pending, 2 error.
#[derive(Debug, Parser)]
#[command(name = "leakfix", version, args_conflicts_with_subcommands = true)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Files or directories (walked recursively for *.go); `-` reads stdin.
    /// Default: `.`
    pub paths: Vec<PathBuf>,
    /// Apply the fixes in place (with `-`, print the fixed source).
    #[arg(short, long)]
    pub write: bool,
    /// Print only the paths of files that would change (or, with --write, did).
    #[arg(short, long)]
    pub list: bool,
    /// The file name to show for input read from stdin (`-`).
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<String>,
    /// Colour the diff and text output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Diff)]
    pub format: Format,
    /// Lines of context in the diff.
    #[arg(short = 'U', long = "unified", default_value_t = 3)]
    pub context: usize,
    /// Only run these transforms (comma-separated ids).
    #[arg(long, value_delimiter = ',')]
    pub select: Vec<String>,
    /// Do not run these transforms (comma-separated ids).
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Also apply fixes graded unsafe.
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Do not honour .gitignore and .ignore files.
    #[arg(long)]
    pub no_ignore: bool,
    /// Also check generated files (`// Code generated ... DO NOT EDIT.`).
    #[arg(long)]
    pub include_generated: bool,
    /// Also walk vendor/ directories.
    #[arg(long)]
    pub include_vendor: bool,
    /// Also walk testdata/ directories.
    #[arg(long)]
    pub include_testdata: bool,
    /// Only check walked files matching this glob (repeatable).
    #[arg(long)]
    pub include: Vec<String>,
    /// Skip walked files matching this glob (repeatable).
    #[arg(long)]
    pub exclude: Vec<String>,
    /// Parse every file whole, without the shortcut that skips functions
    /// that cannot matter (for checking that the shortcut changes nothing).
    #[arg(long, hide = true)]
    pub no_shortcuts: bool,
    /// Worker threads (default: number of cores).
    #[arg(short = 'j', long)]
    pub threads: Option<usize>,
}

/// Validated settings.
pub struct Settings {
    pub paths: Vec<PathBuf>,
    pub write: bool,
    pub list: bool,
    pub format: Format,
    pub context: usize,
    pub transforms: Vec<&'static dyn Transform>,
    pub threshold: Applicability,
    pub walk: WalkOptions,
    pub include_generated: bool,
    pub threads: usize,
    pub shortcuts: bool,
    pub stdin_filename: Option<String>,
    pub color: bool,
}

fn globs(patterns: &[String]) -> Result<Option<globset::GlobSet>> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let mut b = globset::GlobSetBuilder::new();
    for p in patterns {
        b.add(globset::Glob::new(p).with_context(|| format!("bad glob {p:?}"))?);
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
            if transforms::by_id(id).is_none() {
                bail!("unknown transform id {id:?} (known: {})", ids().join(", "));
            }
        }
        let transforms = transforms::ALL
            .iter()
            .copied()
            .filter(|t| a.select.is_empty() || a.select.iter().any(|s| s == t.id()))
            .filter(|t| !a.ignore.iter().any(|s| s == t.id()))
            .collect();
        let paths = if a.paths.is_empty() { vec![PathBuf::from(".")] } else { a.paths };
        if paths.iter().any(|p| p.as_os_str() == "-") && paths.len() > 1 {
            bail!("`-` (stdin) cannot be combined with other paths");
        }
        Ok(Settings {
            paths,
            write: a.write,
            list: a.list,
            format: a.format,
            context: a.context,
            transforms,
            threshold: if a.unsafe_fixes { Applicability::Unsafe } else { Applicability::Safe },
            walk: WalkOptions {
                no_ignore: a.no_ignore,
                include_vendor: a.include_vendor,
                include_testdata: a.include_testdata,
                include: globs(&a.include)?,
                exclude: globs(&a.exclude)?,
            },
            include_generated: a.include_generated,
            threads: a.threads.unwrap_or(0),
            shortcuts: !a.no_shortcuts,
            stdin_filename: a.stdin_filename,
            color: use_color(a.color),
        })
    }

    fn options<'a>(&'a self, path: Option<&'a std::path::Path>) -> Options<'a> {
        Options { transforms: &self.transforms, threshold: self.threshold, path, shortcuts: self.shortcuts }
    }

    fn is_stdin(&self) -> bool {
        self.paths.len() == 1 && self.paths[0].as_os_str() == "-"
    }
}

fn ids() -> Vec<&'static str> {
    transforms::ALL.iter().map(|t| t.id()).collect()
}

/// The result of one file, ready to print.
struct Report {
    path: String,
    src: String,
    result: FileResult,
    error: Option<String>,
}

impl Report {
    fn failed(path: String, error: String) -> Self {
        Report { path, src: String::new(), result: FileResult::default(), error: Some(error) }
    }

    fn view(&self) -> render::FileReport<'_> {
        render::FileReport {
            path: &self.path,
            src: &self.src,
            outcomes: &self.result.outcomes,
            fixed: self.result.fixed.as_deref(),
        }
    }
}

/// Check one file: read it, test it, analyse it; with --write, fix it.
fn process(c: &Candidate, s: &Settings) -> Option<Report> {
    with_file(&c.path, |bytes| if s.shortcuts && !engine::may_match(bytes) { None } else { analyse(c, bytes, s) })
        .unwrap_or_else(|e| Some(Report::failed(walk::display_path(&c.path), e.to_string())))
}

/// Analyse one file's bytes and, with --write, apply the fixes. The text is
/// copied into the report only when there is something to show.
fn analyse(c: &Candidate, bytes: &[u8], s: &Settings) -> Option<Report> {
    if !c.explicit && !s.include_generated && engine::is_generated(bytes) {
        return None;
    }
    let Ok(src) = std::str::from_utf8(bytes) else {
        return Some(Report::failed(walk::display_path(&c.path), "not valid UTF-8; skipped".into()));
    };
    let result = engine::check_source(src, &s.options(Some(&c.path)));
    if result.outcomes.is_empty() && result.notes.is_empty() {
        return None;
    }
    let mut error = None;
    if s.write
        && let Some(fixed) = &result.fixed
        && let Err(e) = write_atomic(&c.path, src, fixed)
    {
        error = Some(format!("cannot write: {e:#}"));
    }
    Some(Report { path: walk::display_path(&c.path), src: src.to_owned(), result, error })
}

/// Run `f` on the bytes of `path`, read into a per-thread buffer (most
/// files are dropped by a byte test and cost no allocation).
fn with_file<R>(path: &std::path::Path, f: impl FnOnce(&[u8]) -> R) -> std::io::Result<R> {
    thread_local! {
        static BUF: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    // The buffer stays initialised at its full length; `filled` is the file.
    BUF.with_borrow_mut(|buf| {
        let mut file = std::fs::File::open(path)?;
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
        Ok(f(&buf[..filled]))
    })
}

/// Replace `path` with `content` via a temporary file in the same directory,
/// keeping permissions; refuse if the file changed since it was read.
fn write_atomic(path: &std::path::Path, read: &str, content: &str) -> Result<()> {
    // Write through a symlink to its target (renaming over the link would
    // replace it), and say so when the target is outside this tree.
    let resolved;
    let path = if std::fs::symlink_metadata(path)?.file_type().is_symlink() {
        resolved = std::fs::canonicalize(path)?;
        let inside = std::env::current_dir()
            .ok()
            .and_then(|d| std::fs::canonicalize(d).ok())
            .is_some_and(|d| resolved.starts_with(d));
        if !inside {
            eprintln!(
                "leakfix: {} is a symlink to {}, outside this tree; writing the target",
                path.display(),
                resolved.display()
            );
        }
        resolved.as_path()
    } else {
        path
    };
    let now = std::fs::read(path)?;
    if now != read.as_bytes() {
        bail!("the file changed while leakfix ran");
    }
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
    let perms = std::fs::metadata(path)?.permissions();
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(content.as_bytes())?;
    tmp.as_file().set_permissions(perms)?;
    tmp.persist(path)?;
    Ok(())
}

/// `leakfix list` / `leakfix explain ID`.
fn subcommand(c: Command) -> Result<i32> {
    let mut out = std::io::stdout().lock();
    match c {
        Command::List => {
            for t in transforms::ALL {
                writeln!(out, "{:<18} {}", t.id(), t.summary())?;
            }
        }
        Command::Explain { id } => {
            let Some(t) = transforms::by_id(&id) else {
                bail!("unknown transform id {id:?} (known: {})", ids().join(", "));
            };
            out.write_all(t.docs().as_bytes())?;
        }
    }
    Ok(0)
}

/// Read stdin as one file named `--stdin-filename`.
fn process_stdin(s: &Settings) -> Result<Report> {
    let mut src = String::new();
    std::io::Read::read_to_string(&mut std::io::stdin(), &mut src).context("cannot read stdin")?;
    let name = s.stdin_filename.clone().unwrap_or_else(|| "<stdin>".into());
    let path = s.stdin_filename.as_ref().map(PathBuf::from);
    let result = engine::check_source(&src, &s.options(path.as_deref()));
    Ok(Report { path: name, src, result, error: None })
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

/// Run the command line; returns the exit code.
pub fn run(args: Args) -> Result<i32> {
    if let Some(c) = args.command {
        return subcommand(c);
    }
    let s = Settings::from_args(args)?;
    let mut errors = 0usize;
    let (reports, files) = if s.is_stdin() {
        (vec![process_stdin(&s)?], 1)
    } else {
        // Each walking thread reads the files it finds, tests them, and
        // analyses the few that may hold a finding: reading and parsing
        // overlap from the first file found, and no thread waits on another.
        let bar = progress();
        let files = std::sync::atomic::AtomicUsize::new(0);
        let reports = std::sync::Mutex::new(Vec::new());
        let walk_errors = walk::parallel(&s.paths, &s.walk, s.threads, &|c: Candidate| {
            let n = files.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            if let Some(b) = &bar {
                b.set_position(n as u64);
                if b.is_hidden() && n.is_multiple_of(256) && b.elapsed() > std::time::Duration::from_secs(1) {
                    b.set_draw_target(indicatif::ProgressDrawTarget::stderr());
                }
            }
            if let Some(r) = process(&c, &s) {
                reports.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push((c.path, r));
            }
        });
        if let Some(b) = bar {
            b.finish_and_clear();
        }
        errors += walk_errors.len();
        for (p, e) in &walk_errors {
            eprintln!("leakfix: {}: {e}", p.display());
        }
        // Files finish in any order; output is in path order.
        let mut reports = reports.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
        reports.sort_by(|a, b| a.0.cmp(&b.0));
        (reports.into_iter().map(|(_, r)| r).collect(), files.into_inner())
    };
    for r in &reports {
        if let Some(e) = &r.error {
            errors += 1;
            eprintln!("leakfix: {}: {e}", r.path);
        }
        for n in &r.result.notes {
            eprintln!("leakfix: {}: {n}", r.path);
        }
    }
    let count = |pred: &dyn Fn(&Status) -> bool| {
        reports.iter().flat_map(|r| &r.result.outcomes).filter(|o| pred(&o.status)).count()
    };
    let fixed = count(&|st| *st == Status::Fixed);
    let unfixed = count(&|st| *st != Status::Fixed);
    let held_back = reports
        .iter()
        .flat_map(|r| &r.result.outcomes)
        .filter(|o| {
            o.status != Status::Fixed
                && o.finding.fix.as_ref().is_some_and(|f| f.applicability == Applicability::Unsafe)
        })
        .count();

    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    print(&mut out, &s, &reports, files, errors)?;
    out.flush()?;
    drop(out);

    let files_word = if files == 1 { "file" } else { "files" };
    if s.write {
        eprintln!("leakfix: {fixed} fixed, {unfixed} left without a fix, in {files} {files_word} checked");
    } else if fixed + unfixed > 0 {
        eprintln!("leakfix: {fixed} fixable, {unfixed} without a fix, in {files} {files_word} checked");
    }
    if held_back > 0 {
        eprintln!("leakfix: {held_back} unsafe fixes held back; apply them with --unsafe-fixes");
    }
    let pending = if s.write { 0 } else { fixed };
    Ok(if errors > 0 {
        2
    } else if pending + unfixed > 0 {
        1
    } else {
        0
    })
}

/// Write the chosen output format to stdout (findings without a fix go to
/// stderr in the diff and list formats).
fn print(out: &mut impl Write, s: &Settings, reports: &[Report], files: usize, errors: usize) -> Result<()> {
    let unfixed_to_stderr = || {
        for r in reports {
            for o in r.result.outcomes.iter().filter(|o| o.status != Status::Fixed) {
                eprintln!("{}", render::text_line(&r.path, &r.src, o, false));
            }
        }
    };
    if s.list {
        for r in reports.iter().filter(|r| r.result.fixed.is_some()) {
            writeln!(out, "{}", r.path)?;
        }
        unfixed_to_stderr();
        return Ok(());
    }
    if s.is_stdin() && s.write {
        // Like gofmt: the fixed source (or the unchanged one) on stdout.
        let r = &reports[0];
        out.write_all(r.result.fixed.as_deref().unwrap_or(&r.src).as_bytes())?;
        unfixed_to_stderr();
        return Ok(());
    }
    match s.format {
        Format::Diff => {
            if !s.write {
                for r in reports {
                    if let Some(new) = &r.result.fixed {
                        let d = render::diff(&r.path, &r.src, new, s.context);
                        out.write_all(if s.color { render::color_diff(&d) } else { d }.as_bytes())?;
                    }
                }
            }
            unfixed_to_stderr();
        }
        Format::Text => {
            let mut n = 0;
            for r in reports {
                for o in &r.result.outcomes {
                    n += 1;
                    let line = render::text_line(&r.path, &r.src, o, true);
                    writeln!(out, "{}", if s.color { render::color_text(&line) } else { line })?;
                }
            }
            let fixable = reports.iter().flat_map(|r| &r.result.outcomes).filter(|o| o.status == Status::Fixed).count();
            let verb = if s.write { "fixed" } else { "fixable" };
            writeln!(
                out,
                "Found {n} goroutine leak{} ({fixable} {verb}) in {files} files checked.",
                if n == 1 { "" } else { "s" }
            )?;
        }
        Format::Json => {
            let mut json = Vec::new();
            for r in reports {
                for o in &r.result.outcomes {
                    json.push(serde_json::to_value(render::JsonFinding::new(&r.path, &r.src, o))?);
                }
            }
            let count = |st: &str| json.iter().filter(|f| f["status"] == st).count();
            let doc = serde_json::json!({
                "tool": "leakfix",
                "version": env!("CARGO_PKG_VERSION"),
                "findings": json,
                "summary": {
                    "files": files,
                    "findings": json.len(),
                    "fixable": count("fixed"),
                    "unfixed": count("unfixed") + count("skipped"),
                    "written": s.write,
                    "errors": errors,
                },
            });
            serde_json::to_writer_pretty(&mut *out, &doc)?;
            writeln!(out)?;
        }
        Format::Sarif => {
            let views: Vec<_> = reports.iter().map(Report::view).collect();
            serde_json::to_writer_pretty(&mut *out, &render::sarif::document(&views))?;
            writeln!(out)?;
        }
        Format::Markdown => {
            let views: Vec<_> = reports.iter().map(Report::view).collect();
            out.write_all(render::markdown::document(&views, s.write).as_bytes())?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_changed_since_it_was_read_is_not_written() {
        let t = tempfile::tempdir().unwrap();
        let p = t.path().join("a.go");
        std::fs::write(&p, "package p // edited by someone else meanwhile\n").unwrap();
        let err = write_atomic(&p, "package p\n", "package p // fixed\n").unwrap_err();
        assert!(err.to_string().contains("changed while leakfix ran"), "{err}");
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "package p // edited by someone else meanwhile\n");
    }

    #[test]
    fn a_path_that_vanished_after_the_walk_is_an_error_report() {
        let t = tempfile::tempdir().unwrap();
        let s = Settings::from_args(Args::parse_from(["leakfix", "."])).unwrap();
        let gone = Candidate { path: t.path().join("gone.go"), explicit: false };
        let r = process(&gone, &s).expect("a report");
        assert!(r.error.is_some_and(|e| e.contains("No such file")));
    }
}
