//! The cost of a file grows linearly with its functions: the work done per
//! function (bytes parsed, nodes visited, trees parsed again by the guard)
//! is the same for a small and an
//! eight times larger generated file, and no parse or tree grows with the
//! file (tree-sitter's cost per token grows with the included ranges of a
//! parse, and per parent lookup with the children of a tree's root).
//! Counted, not timed: `scripts/bench-large.sh` times the large files.

use std::fmt::Write as _;

use leakfix::engine::{Batching, Options, check_source};
use leakfix::syntax::work;
use leakfix::transforms::ALL;

/// Functions of the shapes `scripts/gen-large.py` writes, and four more: a
/// function that cannot leak between every two (so that the kept ones are
/// not adjacent), a shared worker or a shared spawner that every batch
/// needs, and a launch loop whose count is `len(xs)`.
fn generated(n: usize, shape: &str) -> String {
    let mut s = String::from("package big\n\nimport \"errors\"\n");
    for i in 0..n {
        let (start, recv) = match shape {
            "worker" => ("go worker(c)", "return <-c, nil"),
            "spawner" => ("spawn(c)", "return <-c, nil"),
            // ncast-leak, its count `len(xs)` (`len` surely the builtin).
            "counted" => ("for _, x := range xs {\n\t\tgo func() {\n\t\t\tc <- x\n\t\t}()\n\t}", "return <-c, nil"),
            _ => ("go func() {\n\t\tc <- 1\n\t}()", "return <-c, nil"),
        };
        let body = if shape == "clean" {
            format!(
                "\tc := make(chan int)\n\t{start}\n\tv := <-c\n\tif fail {{\n\t\treturn 0, errors.New(\"fail\")\n\t}}\n\treturn v, nil\n"
            )
        } else {
            format!(
                "\tc := make(chan int)\n\t{start}\n\tif fail {{\n\t\treturn 0, errors.New(\"fail\")\n\t}}\n\t{recv}\n"
            )
        };
        let params = if shape == "counted" { "fail bool, xs []int" } else { "fail bool" };
        let _ = write!(s, "\nfunc work{i}({params}) (int, error) {{\n{body}}}\n");
        if shape == "interleaved" {
            let _ = write!(s, "\nfunc plain{i}(x int) int {{\n\treturn x + {i}\n}}\n");
        }
    }
    if shape == "worker" {
        s.push_str("\nfunc worker(c chan int) {\n\tc <- 1\n}\n");
    }
    if shape == "spawner" {
        s.push_str("\nfunc spawn(c chan int) {\n\tgo func() {\n\t\tc <- 1\n\t}()\n}\n");
    }
    s
}

/// The work of checking `src` on this thread, and the number of findings.
fn work_of(src: &str) -> (work::Work, usize) {
    let opts = Options { batching: Batching { bytes: 16 << 10, threads: 1 }, ..Options::new(ALL) };
    let _ = work::take();
    let n = check_source(src, &opts).outcomes.len();
    (work::take(), n)
}

/// Per function, the large file's work (`large`, for `large_n` functions)
/// is at most 5% more than the small one's, counter by counter.
fn same_per_function(shape: &str, (small, small_n): (work::Work, usize), (large, large_n): (work::Work, usize)) {
    for (what, s, l) in [
        ("bytes parsed", small.parsed_bytes, large.parsed_bytes),
        ("nodes visited", small.visited, large.visited),
        ("parses", small.parses, large.parses),
        ("bytes tokenized", small.tokenized, large.tokenized),
    ] {
        assert!(
            l * small_n * 100 <= s * large_n * 105,
            "{shape}: {what}: {s} for {small_n} functions, {l} for {large_n}"
        );
    }
    assert!(small.parsed_bytes > 0 && small.parses > 0, "{shape}: nothing parsed");
}

#[test]
fn the_work_per_function_does_not_grow_with_the_file() {
    for shape in ["leaking", "clean", "interleaved", "worker", "spawner", "counted"] {
        let (small_n, large_n) = (200, 1600);
        let (small, found_small) = work_of(&generated(small_n, shape));
        let (large, found_large) = work_of(&generated(large_n, shape));
        let expected = |n: usize| if shape == "clean" { 0 } else { n };
        assert_eq!((found_small, found_large), (expected(small_n), expected(large_n)), "{shape}");
        same_per_function(shape, (small, small_n), (large, large_n));
        assert!(small.visited > 0 && small.tokenized > 0, "{shape}: no nodes visited or bytes tokenized");
        // The guard parses each edited tree again, once, incrementally.
        let fixed = shape != "clean";
        assert_eq!(small.reparses > 0, fixed, "{shape}: {} trees parsed again", small.reparses);
        assert!(large.reparses * small_n * 100 <= small.reparses * large_n * 105, "{shape}: reparses");
        assert!(large.reparses <= large.parses, "{shape}: each tree at most once");
        // No parse and no tree grows with the file: a few declarations each
        // (the batches of 16 KB hold about 100 functions).
        let bound = 24;
        assert!(large.widest_parse <= bound, "{shape}: a parse of {} ranges", large.widest_parse);
        assert!(large.widest_root <= bound, "{shape}: a tree of {} top-level nodes", large.widest_root);
    }
}

/// `n` functions from `template` (`{i}` numbers each), after `header`.
fn templated(n: usize, header: &str, template: &str) -> String {
    let mut s = format!("package big\n\n{header}\n");
    for i in 0..n {
        s.push('\n');
        s.push_str(&template.replace("{i}", &i.to_string()));
    }
    s
}

/// The other transforms' shapes, one finding per function: the work per
/// function is the same in a file eight times larger.
#[test]
fn every_transform_costs_the_same_per_function_in_a_larger_file() {
    let shapes = [
        (
            "timeout-leak",
            "import \"time\"",
            "func work{i}(d time.Duration) int {\n\tc := make(chan int)\n\tgo func() {\n\t\tc <- {i}\n\t}()\n\tselect {\n\tcase v := <-c:\n\t\treturn v\n\tcase <-time.After(d):\n\t\treturn 0\n\t}\n}\n",
        ),
        (
            "unclosed-range",
            "",
            "func work{i}(xs []int) {\n\tc := make(chan int)\n\tgo func() {\n\t\tfor v := range c {\n\t\t\t_ = v\n\t\t}\n\t}()\n\tfor _, x := range xs {\n\t\tc <- x\n\t}\n}\n",
        ),
        (
            "double-send",
            "",
            "func work{i}(fail bool) int {\n\tc := make(chan int)\n\tgo func() {\n\t\tif fail {\n\t\t\tc <- 0\n\t\t}\n\t\tc <- {i}\n\t}()\n\treturn <-c\n}\n",
        ),
        (
            "skipped-close",
            "",
            "func work{i}(n int) int {\n\tstop := make(chan int)\n\tgo func() {\n\t\t<-stop\n\t}()\n\tif n > 100 {\n\t\treturn -1\n\t}\n\tclose(stop)\n\treturn n\n}\n",
        ),
        (
            "missing-stop",
            "",
            "type w{i} struct {\n\tdone chan struct{}\n}\n\nfunc (w *w{i}) Start() {\n\tgo func() {\n\t\tfor {\n\t\t\tselect {\n\t\t\tcase <-w.done:\n\t\t\t\treturn\n\t\t\t}\n\t\t}\n\t}()\n}\n\nfunc (w *w{i}) Stop() {\n\tclose(w.done)\n}\n\nfunc use{i}() {\n\tw := &w{i}{done: make(chan struct{})}\n\tw.Start()\n}\n",
        ),
        ("nil-channel", "", "func work{i}() {\n\tvar c chan int\n\tgo func() {\n\t\tc <- {i}\n\t}()\n}\n"),
    ];
    for (id, header, template) in shapes {
        let (small_n, large_n) = (200, 1600);
        let (small, found_small) = work_of(&templated(small_n, header, template));
        let (large, found_large) = work_of(&templated(large_n, header, template));
        assert_eq!((found_small, found_large), (small_n, large_n), "{id}: one finding per function");
        same_per_function(id, (small, small_n), (large, large_n));
    }
}

/// Every output format finds the lines of a file's findings in one scan of
/// its text, however many findings it has (counting the newlines before
/// each one cost the findings times the text: 60 s for 16,000 missing-stop
/// findings in one file).
#[test]
fn rendering_a_files_findings_scans_its_text_once() {
    use leakfix::render::{self, FileReport, Summary};
    type Render<'a> = &'a dyn Fn(&[FileReport<'_>]) -> usize;
    let template = "type w{i} struct {\n\tdone chan struct{}\n}\n\nfunc (w *w{i}) Start() {\n\tgo func() {\n\t\tfor {\n\t\t\tselect {\n\t\t\tcase <-w.done:\n\t\t\t\treturn\n\t\t\t}\n\t\t}\n\t}()\n}\n\nfunc (w *w{i}) Stop() {\n\tclose(w.done)\n}\n\nfunc use{i}() {\n\tw := &w{i}{done: make(chan struct{})}\n\tw.Start()\n}\n";
    let src = templated(400, "", template);
    let result = check_source(&src, &Options::new(ALL));
    assert_eq!(result.outcomes.len(), 400);
    let report = || FileReport {
        path: "a.go",
        raw_path: b"a.go",
        src: &src,
        outcomes: &result.outcomes,
        fixed: result.fixed.as_deref(),
        lines: leakfix::syntax::LineIndex::new(src.as_bytes()),
    };
    let outputs: [(&str, Render<'_>); 5] = [
        ("text", &|r| r[0].outcomes.iter().map(|o| render::text_line_in(r[0].path, &r[0].lines, o, true).len()).sum()),
        ("json", &|r| render::json::document(r, &[], &Summary::new(r, 1, 0, false)).unwrap().to_string().len()),
        ("sarif", &|r| render::sarif::document(r, &[]).to_string().len()),
        ("markdown", &|r| render::markdown::document(r, &[], &Summary::new(r, 1, 0, false)).len()),
        ("github", &|r| render::github::annotations(r, &[], false).len()),
    ];
    for (format, render) in outputs {
        let reports = [report()];
        let _ = work::take();
        assert!(render(&reports) > 0, "{format}: no output");
        let scanned = work::take().lines_scanned;
        // Found through the report's index (a count from the text's start
        // for each finding scans nothing it counts)...
        assert!(scanned > 0, "{format}: lines not found through the report's index");
        // ...once.
        assert!(scanned <= src.len(), "{format}: {scanned} bytes scanned for lines of a {}-byte file", src.len());
    }
}

/// One function making many channels, each in a block of its own with a
/// sender and an early return: the work per channel (nodes visited among
/// the rest) is the same in a function eight times longer, where each
/// channel's walks once stepped through every statement of the function.
#[test]
fn the_work_per_channel_does_not_grow_with_its_function() {
    let one = |n: usize| {
        let mut s = String::from("package big\n\nfunc huge(fail bool) int {\n");
        for i in 0..n {
            let _ = write!(
                s,
                "\t{{\n\t\tc{i} := make(chan int)\n\t\tgo func() {{\n\t\t\tc{i} <- {i}\n\t\t}}()\n\t\tif fail {{\n\t\t\treturn {i}\n\t\t}}\n\t\t<-c{i}\n\t}}\n"
            );
        }
        s.push_str("\treturn 0\n}\n");
        s
    };
    let (small_n, large_n) = (50, 400);
    let (small, found_small) = work_of(&one(small_n));
    let (large, found_large) = work_of(&one(large_n));
    assert_eq!((found_small, found_large), (small_n, large_n), "one finding per channel");
    same_per_function("one function", (small, small_n), (large, large_n));
    // The plan's scans for a channel's name look where the name is, and a
    // channel's exits are looked up in its own block: with whole-function
    // scans (as until 2026-12-04), 400 channels cost 8 times 50's per channel.
    for (what, s, l) in [
        ("tokens scanned by the plan", small.plan_scanned, large.plan_scanned),
        ("jumps listed", small.jumps_listed, large.jumps_listed),
    ] {
        assert!(s > 0, "one function: no {what}");
        assert!(
            l * small_n * 100 <= s * large_n * 105,
            "one function: {what}: {s} for {small_n} channels, {l} for {large_n}"
        );
    }
}
