//! Campaigns across many repositories run on multi-gitter: its script
//! (examples/multi-gitter/leakfix-fix.sh) run as multi-gitter runs it, in
//! a cloned repository with `REPOSITORY` set, on a repository with leaks,
//! one without, and one leakfix cannot check.

use std::path::Path;
use std::process::{Command, Output};

const LEAK: &str = "package p\n\nimport \"errors\"\n\nfunc f(fail bool) error {\n\tc := make(chan error)\n\tgo func() {\n\t\tc <- errors.New(\"x\")\n\t}()\n\tif fail {\n\t\treturn nil\n\t}\n\treturn <-c\n}\n";

fn git(dir: &Path, args: &[&str]) -> Output {
    Command::new("git").args(args).current_dir(dir).output().unwrap()
}

/// A git repository holding `files`, committed.
fn repo(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let t = tempfile::tempdir().unwrap();
    for (name, content) in files {
        std::fs::write(t.path().join(name), content).unwrap();
    }
    assert!(git(t.path(), &["init", "-q"]).status.success());
    assert!(git(t.path(), &["add", "."]).status.success());
    let c = git(t.path(), &["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "init"]);
    assert!(c.status.success(), "{}", String::from_utf8_lossy(&c.stderr));
    t
}

/// Run the script in `dir` as multi-gitter would; the bodies go to `bodies`.
fn script(dir: &Path, bodies: &Path) -> Output {
    let s = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/multi-gitter/leakfix-fix.sh");
    Command::new(s)
        .current_dir(dir)
        .env("REPOSITORY", "my-org/svc")
        .env("LEAKFIX", env!("CARGO_BIN_EXE_leakfix"))
        .env("LEAKFIX_BODIES", bodies)
        .output()
        .unwrap()
}

#[test]
fn the_multi_gitter_script_fixes_and_writes_the_body_outside_the_repository() {
    let bodies = tempfile::tempdir().unwrap();
    let r = repo(&[("a.go", LEAK.as_bytes())]);
    let o = script(r.path(), bodies.path());
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    // The change multi-gitter would commit: the fix, and nothing else.
    let status = String::from_utf8(git(r.path(), &["status", "--porcelain"]).stdout).unwrap();
    assert_eq!(status, " M a.go\n");
    let diff = String::from_utf8(git(r.path(), &["diff"]).stdout).unwrap();
    assert!(diff.contains("+\tc := make(chan error, 1)"), "{diff}");
    let body = std::fs::read_to_string(bodies.path().join("my-org_svc.md")).unwrap();
    assert!(body.starts_with("## leakfix: fix goroutine leaks") && body.contains("**a.go:6**"), "{body}");

    // Nothing to fix: success, no change (multi-gitter opens no PR).
    let clean = repo(&[("a.go", b"package p\n")]);
    let o = script(clean.path(), bodies.path());
    assert_eq!(o.status.code(), Some(0));
    assert!(git(clean.path(), &["status", "--porcelain"]).stdout.is_empty());

    // A file leakfix cannot check: the script fails, so no PR for it.
    let broken = repo(&[("a.go", LEAK.as_bytes()), ("b.go", b"package p\n\xff\n")]);
    let o = script(broken.path(), bodies.path());
    assert_eq!(o.status.code(), Some(2), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no pull request"));
}

#[test]
fn the_sourcegraph_spec_runs_the_same_command_and_uses_its_markdown() {
    let spec =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sourcegraph/leakfix.batch.yaml"))
            .unwrap();
    let run = spec.lines().find_map(|l| l.trim().strip_prefix("- run: ")).expect("a run step");
    assert!(spec.contains("body: ${{ outputs.body }}") && spec.contains("value: ${{ step.stdout }}"));
    // The step's command, run by a shell in a repository with a leak: its
    // stdout is the Markdown body, its status success.
    let r = repo(&[("a.go", LEAK.as_bytes())]);
    let dir = Path::new(env!("CARGO_BIN_EXE_leakfix")).parent().unwrap().to_owned();
    let path = format!("{}:{}", dir.display(), std::env::var("PATH").unwrap_or_default());
    let o = Command::new("sh").args(["-c", run]).current_dir(r.path()).env("PATH", path).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("## leakfix: fix goroutine leaks"));
    assert!(std::fs::read_to_string(r.path().join("a.go")).unwrap().contains("make(chan error, 1)"));
}
