//! The command line as clap parses it; [`super::Settings`] validates it.

use std::path::PathBuf;

use clap::{Parser, ValueEnum};

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
    /// With --write, also replace files the user may not write (read-only
    /// files, or, as root, files with no write bit for anyone), as long as
    /// their directory is writable.
    #[arg(long, requires = "write")]
    pub force_write: bool,
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
    /// Analyse a large file in batches of about this many bytes of
    /// functions (for checking that batching changes nothing).
    #[arg(long, hide = true, default_value_t = crate::engine::BATCH_BYTES)]
    pub batch_bytes: usize,
    /// Worker threads (default: number of cores).
    #[arg(short = 'j', long)]
    pub threads: Option<usize>,
}
