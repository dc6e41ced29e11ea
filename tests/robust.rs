//! Hostile input: leakfix never panics, hangs or breaks a file, and
//! `--write` keeps line endings, BOMs, permissions and symlinks.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::{check, fixtures};
use proptest::prelude::*;

fn leakfix(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_leakfix")).args(args).current_dir(dir).output().unwrap()
}

const LEAK: &str = "package p\n\nfunc f(fail bool) error {\n\tc := make(chan error)\n\tgo func() {\n\t\tc <- nil\n\t}()\n\tif fail {\n\t\treturn nil\n\t}\n\treturn <-c\n}\n";

/// Every invariant of one analysis: no panic (the call returns), edits in
/// bounds and on char boundaries, and applying the fixes twice equals once.
fn invariants(src: &str) {
    let r = check(src);
    // The parse shortcuts never change a finding of a file tree-sitter-go
    // reads without error. (In a broken file, tree-sitter's error recovery
    // can swallow a function whole when it parses everything; the shortcut
    // parses the functions apart.)
    if leakfix::syntax::parse(src.as_bytes()).is_some_and(|t| !t.root_node().has_error()) {
        let full = common::check_with(src, false);
        let show = |r: &leakfix::engine::FileResult| format!("{:?} {:?}", r.outcomes, r.fixed);
        assert_eq!(show(&r), show(&full), "the shortcuts change the findings of:\n{src}");
    }
    for o in &r.outcomes {
        if let Some(fix) = &o.finding.fix {
            for e in &fix.edits {
                assert!(e.range.start <= e.range.end && e.range.end <= src.len());
                assert!(src.is_char_boundary(e.range.start) && src.is_char_boundary(e.range.end));
            }
        }
    }
    if let Some(fixed) = &r.fixed {
        let again = check(fixed);
        assert!(again.fixed.is_none(), "fixing twice differs from fixing once");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn mutated_fixtures_keep_the_invariants(pick in 0usize..1000, cut in 0usize..100_000, flips in proptest::collection::vec((0usize..100_000, any::<u8>()), 0..8)) {
        let all = fixtures();
        let (_, path) = &all[pick % all.len()];
        let mut bytes = std::fs::read(path).unwrap();
        for (at, b) in flips {
            if !bytes.is_empty() {
                let i = at % bytes.len();
                bytes[i] = b;
            }
        }
        bytes.truncate(cut % (bytes.len() + 1));
        let src = String::from_utf8_lossy(&bytes);
        invariants(&src);
    }

    /// Fixtures re-spelled the ways Go allows (the code stays valid Go):
    /// comments between tokens, tabs for spaces, blank lines, comments at
    /// line ends. The token scan behind the parse shortcut must see through
    /// them all.
    #[test]
    fn respelled_fixtures_keep_the_invariants(pick in 0usize..1000, edits in proptest::collection::vec((0usize..100_000, 0usize..3), 1..12)) {
        let all = fixtures();
        let (_, path) = &all[pick % all.len()];
        let mut src = std::fs::read_to_string(path).unwrap();
        for (at, how) in edits {
            // Blanks on lines of plain code (no comment, string or rune).
            let mut blanks = Vec::new();
            let mut line_start = 0;
            for (i, c) in src.char_indices() {
                if c == ' ' || c == '\n' {
                    let line_end = src[i..].find('\n').map_or(src.len(), |n| i + n);
                    let line = &src[line_start..line_end];
                    if !line.contains(['"', '\'', '`']) && !["//", "/*", "*/"].iter().any(|c| line.contains(c)) {
                        blanks.push(i);
                    }
                }
                if c == '\n' {
                    line_start = i + 1;
                }
            }
            if blanks.is_empty() {
                break;
            }
            let i = blanks[at % blanks.len()];
            let put = match (how, &src[i..=i]) {
                (0, " ") => " /* c */ ",
                (_, " ") => "\t",
                (0, _) => " /* a\nb */ ",
                (1, _) => " // c\n",
                _ => "\n\n",
            };
            src.replace_range(i..=i, put);
        }
        invariants(&src);
    }

    #[test]
    fn arbitrary_text_keeps_the_invariants(s in "(package p\n)?(func f\\(\\) \\{\n)?[ -~\n\t{}()<>-]{0,400}") {
        invariants(&s);
    }
}

/// Valid Go that once fooled the outline or the token scan behind the parse
/// shortcut (found by an adversarial probe): each leaks once, and the
/// shortcut finds exactly what a whole parse finds.
#[test]
fn the_parse_shortcut_sees_through_odd_spellings() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/shortcut");
    let mut n = 0;
    for case in std::fs::read_dir(&dir).unwrap() {
        let case = case.unwrap().path();
        let fast = leakfix(&case, &["--format", "json", "a.go"]);
        let full = leakfix(&case, &["--no-shortcuts", "--format", "json", "a.go"]);
        let v: serde_json::Value = serde_json::from_slice(&fast.stdout).unwrap();
        assert_eq!(v["findings"].as_array().map(Vec::len), Some(1), "{}", case.display());
        assert_eq!(fast.stdout, full.stdout, "{}", case.display());
        n += 1;
    }
    assert!(n >= 9);
}

#[test]
fn regression_inputs_keep_the_invariants() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let mut n = 0;
    for e in std::fs::read_dir(&dir).unwrap() {
        let bytes = std::fs::read(e.unwrap().path()).unwrap();
        invariants(&String::from_utf8_lossy(&bytes));
        n += 1;
    }
    assert!(n > 0, "no regression inputs in {}", dir.display());
}

#[test]
fn hostile_files_are_reported_and_the_run_goes_on() {
    let t = tempfile::tempdir().unwrap();
    let d = t.path();
    let deep = format!(
        "package p\n\nfunc f() {{\n\tc := make(chan int)\n{}{}\n\tgo func() {{ c <- 1 }}()\n\treturn\n}}\n",
        "{".repeat(20_000),
        "}".repeat(20_000)
    );
    std::fs::write(d.join("deep.go"), deep).unwrap();
    let deep_expr = format!(
        "package p\n\nfunc g() int {{\n\tc := make(chan int)\n\tgo func() {{ c <- 1 }}()\n\treturn {}1{}\n}}\n",
        "(".repeat(20_000),
        ")".repeat(20_000)
    );
    std::fs::write(d.join("deepexpr.go"), deep_expr).unwrap();
    std::fs::write(d.join("utf8.go"), b"package p\nfunc f() { c := make(chan int) \xff\xfe go func(){ c <- 1 }() }\n")
        .unwrap();
    std::fs::write(d.join("nul.go"), b"package p\x00\n\x00func f() { c := make(chan int); go func(){ c <- 1 }() }\n")
        .unwrap();
    std::fs::write(d.join("empty.go"), "").unwrap();
    std::fs::write(d.join("truncated.go"), &LEAK[..LEAK.len() / 2]).unwrap();
    let long = format!("package p\n\nvar s = \"{}\"\n\n{}", "x".repeat(2_000_000), &LEAK[10..]);
    std::fs::write(d.join("longline.go"), long).unwrap();
    // A 20 MB file: a big table and, at the end, one leak.
    let mut big = String::from("package p\n\nvar table = []int{\n");
    while big.len() < 20_000_000 {
        big.push_str("\t1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,\n");
    }
    big.push_str("}\n\n");
    big.push_str(&LEAK[10..]);
    std::fs::write(d.join("big.go"), big).unwrap();
    std::fs::create_dir(d.join("loop")).unwrap();
    std::os::unix::fs::symlink(d.join("loop"), d.join("loop/again")).unwrap();

    let o = leakfix(d, &["--format", "text"]);
    let out = String::from_utf8_lossy(&o.stdout);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "invalid UTF-8 is an error: {err}");
    assert!(err.contains("utf8.go: not valid UTF-8"), "{err}");
    assert!(err.contains("deep.go: `f` on line 3 is nested too deeply"), "{err}");
    // The run went on: the leaks in the big file and the long-line file are found.
    assert!(out.contains("big.go:") && out.contains("longline.go:"), "{out}");
}

#[test]
fn write_keeps_crlf_bom_and_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let t = tempfile::tempdir().unwrap();
    let d = t.path();
    let crlf = format!("\u{feff}{}", LEAK.replace('\n', "\r\n"));
    std::fs::write(d.join("a.go"), &crlf).unwrap();
    std::fs::set_permissions(d.join("a.go"), std::fs::Permissions::from_mode(0o640)).unwrap();
    let ranged = "package p\r\n\r\nfunc g(xs []int) {\r\n\tc := make(chan int)\r\n\tgo func() {\r\n\t\tfor v := range c {\r\n\t\t\t_ = v\r\n\t\t}\r\n\t}()\r\n\tfor _, x := range xs {\r\n\t\tc <- x\r\n\t}\r\n}\r\n";
    std::fs::write(d.join("b.go"), ranged).unwrap();
    let o = leakfix(d, &["--write"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let a = std::fs::read_to_string(d.join("a.go")).unwrap();
    assert_eq!(a, crlf.replace("make(chan error)", "make(chan error, 1)"));
    assert_eq!(std::fs::metadata(d.join("a.go")).unwrap().permissions().mode() & 0o777, 0o640);
    let b = std::fs::read_to_string(d.join("b.go")).unwrap();
    assert!(b.contains("\tc := make(chan int)\r\n\tdefer close(c)\r\n"), "{b:?}");
    assert!(!b.replace("\r\n", "").contains('\n'), "every line ending stays CRLF");
}

#[test]
fn write_nothing_when_nothing_changes_and_keep_symlinks() {
    let t = tempfile::tempdir().unwrap();
    let d = t.path();
    std::fs::create_dir(d.join("real")).unwrap();
    std::fs::write(d.join("real/a.go"), LEAK).unwrap();
    std::os::unix::fs::symlink(d.join("real/a.go"), d.join("link.go")).unwrap();
    let ok = LEAK.replace("make(chan error)", "make(chan error, 1)");
    std::fs::write(d.join("clean.go"), &ok).unwrap();
    let before = std::fs::metadata(d.join("clean.go")).unwrap().modified().unwrap();
    let o = leakfix(d, &["--write", "link.go", "clean.go"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(std::fs::symlink_metadata(d.join("link.go")).unwrap().file_type().is_symlink(), "the link stays a link");
    assert_eq!(std::fs::read_to_string(d.join("real/a.go")).unwrap(), ok, "the target is fixed");
    assert_eq!(
        std::fs::metadata(d.join("clean.go")).unwrap().modified().unwrap(),
        before,
        "unchanged file not rewritten"
    );
    // The walk does not follow symlinks: only the real file is seen.
    std::fs::write(d.join("real/a.go"), LEAK).unwrap();
    let o = leakfix(d, &["-l"]);
    assert_eq!(String::from_utf8_lossy(&o.stdout), "real/a.go\n");
}
