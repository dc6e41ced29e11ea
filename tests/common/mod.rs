//! Shared by the test binaries: the fixtures and how leakfix sees them.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use leakfix::engine::{self, FileResult, Options, Status};
use leakfix::fix::Applicability;
use leakfix::transforms;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every fixture: (transform id from its folder, path).
pub fn fixtures() -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    for dir in std::fs::read_dir(root().join("transforms")).unwrap() {
        let dir = dir.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        let id = dir.file_name().unwrap().to_string_lossy().into_owned();
        for f in std::fs::read_dir(&dir).unwrap() {
            let f = f.unwrap().path();
            if f.extension().is_some_and(|e| e == "go") {
                out.push((id.clone(), f));
            }
        }
    }
    out.sort();
    out
}

pub fn is_ok_fixture(p: &Path) -> bool {
    p.file_name().unwrap().to_string_lossy().starts_with("ok_")
}

/// A positive fixture whose fix is graded unsafe (`unsafe_*.go`): its fix
/// is checked as `--unsafe-fixes` applies it.
pub fn is_unsafe_fixture(p: &Path) -> bool {
    p.file_name().unwrap().to_string_lossy().starts_with("unsafe_")
}

/// leakfix over a fixture as its name asks: with `--unsafe-fixes` for an
/// `unsafe_*.go` fixture, else with default settings.
pub fn check_fixture_src(p: &Path, src: &str) -> FileResult {
    let threshold = if is_unsafe_fixture(p) { Applicability::Unsafe } else { Applicability::Safe };
    let opts = Options { threshold, ..Options::new(transforms::ALL) };
    engine::check_source(src, &opts)
}

/// leakfix over one source text with every transform and default settings.
pub fn check(src: &str) -> FileResult {
    check_with(src, true)
}

/// Same, choosing whether the parse shortcut is used.
pub fn check_with(src: &str, shortcuts: bool) -> FileResult {
    check_batched(src, shortcuts, engine::BATCH_BYTES)
}

/// Same, with batches of `batch_bytes` (1: every function that may hold a
/// finding is analysed on its own).
pub fn check_batched(src: &str, shortcuts: bool, batch_bytes: usize) -> FileResult {
    let opts = Options {
        shortcuts,
        batching: engine::Batching { bytes: batch_bytes, threads: 2 },
        ..Options::new(transforms::ALL)
    };
    engine::check_source(src, &opts)
}

/// Ids of transforms whose fix is in the fixed text.
pub fn fixed_ids(r: &FileResult) -> Vec<&'static str> {
    r.outcomes.iter().filter(|o| o.status == Status::Fixed).map(|o| o.finding.transform).collect()
}
