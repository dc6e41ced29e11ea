//! The run loop: walk the paths, check each file on the walking threads,
//! then print the reports in path order.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context as _, Result, bail};

use super::settings::ids;
use super::write::write_atomic;
use super::{Args, Command, Format, Settings};
use crate::engine::{self, FileResult, Status};
use crate::fix::Applicability;
use crate::render;
use crate::transforms;
use crate::walk::{self, Candidate};

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
    use clap::Parser as _;

    use super::*;

    #[test]
    fn a_path_that_vanished_after_the_walk_is_an_error_report() {
        let t = tempfile::tempdir().unwrap();
        let s = Settings::from_args(Args::parse_from(["leakfix", "."])).unwrap();
        let gone = Candidate { path: t.path().join("gone.go"), explicit: false };
        let r = process(&gone, &s).expect("a report");
        assert!(r.error.is_some_and(|e| e.contains("No such file")));
    }
}
