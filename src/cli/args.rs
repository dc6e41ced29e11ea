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
    /// GitHub Actions workflow commands (`::warning file=...::message`),
    /// shown inline on a pull request without SARIF upload rights.
    Github,
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
    /// Run the language server on stdin and stdout (diagnostics and quick
    /// fixes in an editor).
    Server,
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
    /// With -l, end each path with a NUL byte instead of a newline, and
    /// print it exactly as its bytes (for `xargs -0`).
    #[arg(short = 'z', requires = "list")]
    pub null: bool,
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
    /// Apply --exclude, --include and the walk's skip rules (vendor/,
    /// testdata/, generated files) to files named on the command line too
    /// (for pre-commit, which names every staged file).
    #[arg(long)]
    pub force_exclude: bool,
    /// Parse every file whole, without the shortcut that skips functions
    /// that cannot matter (for checking that the shortcut changes nothing).
    #[arg(long, hide = true)]
    pub no_shortcuts: bool,
    /// Analyse a large file in batches of about this many bytes of
    /// functions (for checking that batching changes nothing).
    #[arg(long, hide = true, default_value_t = crate::engine::BATCH_BYTES)]
    pub batch_bytes: usize,
    /// Skip files larger than this (with a note; `K`, `M`, `G` suffixes,
    /// in units of 1024).
    #[arg(long, value_name = "SIZE", default_value = "20M")]
    pub max_file_size: ByteSize,
    /// Stop checking a file after this long and report it instead (`10s`,
    /// `500ms`, `2m`; `0`: no limit).
    #[arg(long, value_name = "DURATION", default_value = "60s")]
    pub timeout_per_file: Timeout,
    /// Read settings from this file only, for every file (instead of the
    /// nearest `leakfix.toml` or `.leakfix.toml` at or above each file).
    #[arg(long, value_name = "PATH", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,
    /// Read no configuration file: the flags only.
    #[arg(long)]
    pub isolated: bool,
    /// Print the settings that apply to FILE (the configuration file found,
    /// merged with the flags) and exit.
    #[arg(long, value_name = "FILE")]
    pub show_settings: Option<PathBuf>,
    /// A Go goroutine profile as evidence (repeatable): `goroutineleak` or
    /// `goroutine`, written with debug=0 (protobuf, gzipped or not), 1 or
    /// 2. Findings whose goroutines it shows blocked say so; blocked
    /// goroutines no transform explains become `blocked-goroutine` findings.
    #[arg(long = "profile", value_name = "FILE")]
    pub profiles: Vec<PathBuf>,
    /// The goroutines a plain `goroutine` profile must show blocked at one
    /// operation for a `blocked-goroutine` finding (leaks the runtime
    /// proved count whatever their number). Needs `--profile`.
    #[arg(long, value_name = "N", default_value_t = 100, requires = "profiles")]
    pub min_goroutines: u64,
    /// Show and apply only the findings a profile confirms. Needs `--profile`.
    #[arg(long, requires = "profiles")]
    pub only_confirmed: bool,
    /// Worker threads (default: number of cores).
    #[arg(short = 'j', long)]
    pub threads: Option<usize>,
}

/// `1.5` and `MB` from `1.5MB` or `1.5 MB`; `None` without a number.
fn number_and_unit(s: &str) -> Option<(f64, &str)> {
    let t = s.trim();
    let digits = t.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(t.len());
    let (n, unit) = t.split_at(digits);
    Some((n.parse().ok()?, unit.trim()))
}

/// A size in bytes: `20M`, `512K`, `1G` (powers of 1024; `MB`, `KiB`... too)
/// or a bare number of bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ByteSize(pub u64);

impl std::str::FromStr for ByteSize {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("{s:?} is not a size (like 20M)");
        let (n, unit) = number_and_unit(s).ok_or_else(bad)?;
        let shift = match unit.to_ascii_uppercase().as_str() {
            "" | "B" => 0,
            "K" | "KB" | "KIB" => 10,
            "M" | "MB" | "MIB" => 20,
            "G" | "GB" | "GIB" => 30,
            _ => return Err(bad()),
        };
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, clippy::cast_precision_loss)]
        Ok(ByteSize((n * (1u64 << shift) as f64) as u64))
    }
}

/// A duration: `60s`, `500ms`, `2m`, or a bare number of seconds; `0`:
/// none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeout(pub Option<std::time::Duration>);

impl std::str::FromStr for Timeout {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("{s:?} is not a duration (like 60s)");
        let (n, unit) = number_and_unit(s).ok_or_else(bad)?;
        let secs = match unit {
            "" | "s" => n,
            "ms" => n / 1000.0,
            "m" => n * 60.0,
            _ => return Err(bad()),
        };
        let d = std::time::Duration::try_from_secs_f64(secs).map_err(|e| format!("{s:?}: {e}"))?;
        Ok(Timeout((!d.is_zero()).then_some(d)))
    }
}

#[cfg(test)]
mod tests {
    use super::{ByteSize, Timeout};
    use std::time::Duration;

    #[test]
    fn sizes_and_durations_parse_as_written() {
        for (s, n) in
            [("20M", 20 << 20), ("512K", 512 << 10), ("1G", 1 << 30), ("100", 100), ("1.5MB", 3 << 19), ("2 KiB", 2048)]
        {
            assert_eq!(s.parse::<ByteSize>(), Ok(ByteSize(n)), "{s}");
        }
        for (s, d) in [("60s", 60_000), ("500ms", 500), ("2m", 120_000), ("10", 10_000)] {
            assert_eq!(s.parse::<Timeout>(), Ok(Timeout(Some(Duration::from_millis(d)))), "{s}");
        }
        assert_eq!("0".parse::<Timeout>(), Ok(Timeout(None)));
        for bad in ["", "12X", "M", "-1"] {
            assert!(bad.parse::<ByteSize>().is_err(), "{bad}");
        }
        for bad in ["", "1h", "s", "-1s"] {
            assert!(bad.parse::<Timeout>().is_err(), "{bad}");
        }
    }
}
