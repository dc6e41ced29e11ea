//! In-process benchmarks (divan): the stages of one file, over the fixtures.
//! Run with `cargo bench`; `scripts/bench.sh` times the whole binary against
//! ripgrep on real trees.

use std::fmt::Write as _;

use leakfix::engine::{Options, check_source};
use leakfix::syntax;
use leakfix::transforms::ALL;

fn main() {
    divan::main();
}

fn fixtures() -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("transforms");
    let mut out = Vec::new();
    for dir in std::fs::read_dir(root).unwrap() {
        let dir = dir.unwrap().path();
        if dir.is_dir() {
            for f in std::fs::read_dir(dir).unwrap() {
                let f = f.unwrap().path();
                if f.extension().is_some_and(|e| e == "go") {
                    out.push(std::fs::read_to_string(f).unwrap());
                }
            }
        }
    }
    out
}

/// The byte prefilter over every fixture.
#[divan::bench]
fn prefilter(b: divan::Bencher) {
    let files = fixtures();
    b.bench(|| files.iter().filter(|s| leakfix::analysis::relevance::may_leak(s.as_bytes())).count());
}

/// The lexer outline (which functions to parse).
#[divan::bench]
fn outline(b: divan::Bencher) {
    let files = fixtures();
    b.bench(|| files.iter().filter_map(|s| leakfix::analysis::relevance::relevant_ranges(s.as_bytes())).count());
}

/// A whole-file tree-sitter parse of every fixture.
#[divan::bench]
fn parse_whole(b: divan::Bencher) {
    let files = fixtures();
    b.bench(|| files.iter().filter_map(|s| syntax::parse(s.as_bytes())).count());
}

/// Analyse and fix every fixture, with and without the parse shortcut.
#[divan::bench(args = [true, false])]
fn check(b: divan::Bencher, shortcuts: bool) {
    let files = fixtures();
    let opts = Options { shortcuts, ..Options::new(ALL) };
    b.bench(|| files.iter().map(|s| check_source(s, &opts).outcomes.len()).sum::<usize>());
}

/// A generated file of `n` functions, each leaking as
/// `scripts/gen-large.py leaking` writes them.
fn generated(n: usize) -> String {
    let mut s = String::from("package big\n\nimport \"errors\"\n");
    for i in 0..n {
        let _ = write!(
            s,
            "\nfunc work{i}(fail bool) (int, error) {{\n\tc := make(chan int)\n\tgo func() {{\n\t\tc <- {i}\n\t}}()\n\tif fail {{\n\t\treturn 0, errors.New(\"fail\")\n\t}}\n\treturn <-c, nil\n}}\n"
        );
    }
    s
}

/// An editor's re-check of the function being edited in a 4 MB file
/// (about 25,000 functions), against checking the whole file.
#[divan::bench(args = ["one function", "whole file"], sample_count = 10)]
fn recheck_in_large_file(b: divan::Bencher, what: &str) {
    let src = generated(25_000);
    let at = src.find("func work12345(").unwrap() + 10;
    let opts = Options::new(ALL);
    b.bench(|| match what {
        "one function" => leakfix::engine::check_function_at(&src, &opts, at).outcomes.len(),
        _ => check_source(&src, &opts).outcomes.len(),
    });
}

/// What `leakfix server` does on each change of a 2,000-line file in
/// which every function leaks (the worst case): check the whole text.
/// The editor integration aims at under 20 ms at the median.
#[divan::bench(sample_count = 30)]
fn editor_recheck_2000_lines(b: divan::Bencher) {
    let src = generated(182);
    assert!((1_990..=2_010).contains(&src.lines().count()), "{} lines", src.lines().count());
    let opts = Options::new(ALL);
    b.bench(|| check_source(&src, &opts).outcomes.len());
}
