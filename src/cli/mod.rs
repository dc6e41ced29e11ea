//! Command line: clap structs, validated settings, and the run loop.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{bail, Context as _, Result};
use clap::{Parser, ValueEnum};
use rayon::prelude::*;

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
}

/// Find goroutine leaks in Go code and fix them with minimal edits.
///
/// Without --write, prints the fixes as a unified diff (dry run).
/// Exit status: 0 nothing pending, 1 findings pending, 2 error.
#[derive(Debug, Parser)]
#[command(name = "leakfix", version)]
pub struct Args {
    /// Files or directories (walked recursively for *.go). Default: `.`
    pub paths: Vec<PathBuf>,
    /// Apply the fixes in place.
    #[arg(short, long)]
    pub write: bool,
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
    pub format: Format,
    pub context: usize,
    pub transforms: Vec<&'static dyn Transform>,
    pub threshold: Applicability,
    pub walk: WalkOptions,
    pub include_generated: bool,
    pub threads: usize,
    pub shortcuts: bool,
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
        Ok(Settings {
            paths: if a.paths.is_empty() { vec![PathBuf::from(".")] } else { a.paths },
            write: a.write,
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
        })
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

fn process(c: &Candidate, s: &Settings) -> Option<Report> {
    let path = walk::display_path(&c.path);
    let bytes = match std::fs::read(&c.path) {
        Ok(b) => b,
        Err(e) => return Some(Report { path, src: String::new(), result: FileResult::default(), error: Some(e.to_string()) }),
    };
    if s.shortcuts && !engine::may_match(&bytes) {
        return None;
    }
    if !c.explicit && !s.include_generated && engine::is_generated(&bytes) {
        return None;
    }
    let Ok(src) = String::from_utf8(bytes) else {
        return Some(Report { path, src: String::new(), result: FileResult::default(), error: Some("not valid UTF-8; skipped".into()) });
    };
    let opts = Options { transforms: &s.transforms, threshold: s.threshold, path: Some(&c.path), shortcuts: s.shortcuts };
    let result = engine::check_source(&src, &opts);
    if result.outcomes.is_empty() {
        return None;
    }
    let mut error = None;
    if s.write {
        if let Some(fixed) = &result.fixed {
            if let Err(e) = write_atomic(&c.path, &src, fixed) {
                error = Some(format!("cannot write: {e:#}"));
            }
        }
    }
    Some(Report { path, src, result, error })
}

/// Replace `path` with `content` via a temporary file in the same directory,
/// keeping permissions; refuse if the file changed since it was read.
fn write_atomic(path: &std::path::Path, read: &str, content: &str) -> Result<()> {
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

/// Run the command line; returns the exit code.
pub fn run(args: Args) -> Result<i32> {
    let s = Settings::from_args(args)?;
    let (files, walk_errors) = walk::collect(&s.paths, &s.walk);
    let mut errors = walk_errors.len();
    for (p, e) in &walk_errors {
        eprintln!("leakfix: {}: {e}", p.display());
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(s.threads)
        .stack_size(16 << 20)
        .build()?;
    let reports: Vec<Report> = pool.install(|| files.par_iter().filter_map(|c| process(c, &s)).collect());

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let (mut pending, mut fixed, mut unfixed) = (0usize, 0usize, 0usize);
    let mut json = Vec::new();
    for r in &reports {
        if let Some(e) = &r.error {
            errors += 1;
            eprintln!("leakfix: {}: {e}", r.path);
        }
        for o in &r.result.outcomes {
            match o.status {
                Status::Fixed => fixed += 1,
                _ => unfixed += 1,
            }
        }
        match s.format {
            Format::Diff => {
                if !s.write {
                    if let Some(new) = &r.result.fixed {
                        write!(out, "{}", render::diff(&r.path, &r.src, new, s.context))?;
                    }
                }
                for o in r.result.outcomes.iter().filter(|o| o.status != Status::Fixed) {
                    eprintln!("{}", render::text_line(&r.path, &r.src, o, false));
                }
            }
            Format::Text => {
                for o in &r.result.outcomes {
                    writeln!(out, "{}", render::text_line(&r.path, &r.src, o, true))?;
                }
            }
            Format::Json => {
                for o in &r.result.outcomes {
                    json.push(serde_json::to_value(render::JsonFinding::new(&r.path, &r.src, o))?);
                }
            }
        }
    }
    if !s.write {
        pending = fixed;
    }
    if s.format == Format::Json {
        let doc = serde_json::json!({
            "tool": "leakfix",
            "version": env!("CARGO_PKG_VERSION"),
            "findings": json,
            "summary": { "files": files.len(), "findings": fixed + unfixed, "fixable": fixed, "unfixed": unfixed, "written": s.write, "errors": errors },
        });
        serde_json::to_writer_pretty(&mut out, &doc)?;
        writeln!(out)?;
    }
    out.flush()?;
    if s.write {
        eprintln!("leakfix: {fixed} fixed, {unfixed} left without a fix, in {} files checked", files.len());
    } else if fixed + unfixed > 0 {
        eprintln!("leakfix: {fixed} fixable, {unfixed} without a fix, in {} files checked", files.len());
    }
    Ok(if errors > 0 {
        2
    } else if pending + unfixed > 0 {
        1
    } else {
        0
    })
}
