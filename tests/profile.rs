//! `--profile`: goroutine profiles written by the real Go runtime (never by
//! hand) for a program with several leaks (tests/profile/multi), in every
//! form, read by leakfix from a copy of the source in another directory so
//! that the profile's paths differ from the scanned ones by their prefix.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use serde_json::Value;

const PROGRAM: &str = include_str!("profile/multi/main.go");
const GO_MOD: &str = include_str!("profile/multi/go.mod");

/// The lines of `PROGRAM` the tests look at (1-based).
fn line_of(text: &str) -> usize {
    PROGRAM.lines().position(|l| l.trim() == text).unwrap_or_else(|| panic!("no line {text:?}")) + 1
}

fn go() -> String {
    std::env::var("GO").unwrap_or_else(|_| "go".into())
}

/// The program built and run once for all tests (with `-trimpath` when
/// `trim`, so that its profiles name `example.com/multi/main.go`), its
/// profiles in a directory whose name has a space.
fn profiles(trim: bool) -> &'static Path {
    static PLAIN: OnceLock<tempfile::TempDir> = OnceLock::new();
    static TRIMMED: OnceLock<tempfile::TempDir> = OnceLock::new();
    let cell = if trim { &TRIMMED } else { &PLAIN };
    cell.get_or_init(|| {
        let t = tempfile::tempdir().unwrap();
        // Built from a checkout named as the one leakfix reads (`app`): a
        // profile's path matches a scanned file by at least two components.
        let src = t.path().join("app");
        let out = t.path().join("prof files");
        std::fs::create_dir_all(&src).unwrap();
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(src.join("main.go"), PROGRAM).unwrap();
        std::fs::write(src.join("go.mod"), GO_MOD).unwrap();
        let mut cmd = Command::new(go());
        cmd.arg("run");
        if trim {
            cmd.arg("-trimpath");
        }
        let o = cmd.arg(".").current_dir(&src).env("PROFILE_DIR", &out).output().expect("go (see README)");
        assert!(o.status.success(), "go run: {}", String::from_utf8_lossy(&o.stderr));
        // The protobuf uncompressed too (pprof reads both).
        let gz = std::fs::read(out.join("goroutineleak.debug0")).unwrap();
        let mut raw = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(gz.as_slice()), &mut raw).unwrap();
        std::fs::write(out.join("goroutineleak.raw"), raw).unwrap();
        t
    });
    cell.get().unwrap().path()
}

fn profile(name: &str) -> PathBuf {
    profiles(false).join("prof files").join(name)
}

/// A checkout of the program elsewhere: `DIR/check out/app/main.go`.
fn checkout(src: &str) -> tempfile::TempDir {
    let t = tempfile::tempdir().unwrap();
    let app = t.path().join("check out/app");
    std::fs::create_dir_all(&app).unwrap();
    std::fs::write(app.join("main.go"), src).unwrap();
    std::fs::write(app.join("go.mod"), GO_MOD).unwrap();
    t
}

fn leakfix(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_leakfix")).args(args).current_dir(dir.join("check out")).output().unwrap()
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stderr)))
}

/// The finding of `transform` at `line` (of the make, or of the blocked
/// operation for blocked-goroutine).
fn finding<'a>(doc: &'a Value, transform: &str, line: usize) -> Option<&'a Value> {
    doc["findings"].as_array().unwrap().iter().find(|f| f["transform"] == transform && f["line"] == line)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn every_form_of_both_profiles_confirms_the_leak_that_ran_and_only_it() {
    let dir = checkout(PROGRAM);
    let fetch_make = line_of("// fetch leaks its sender when it fails: premature-return fixes it.") + 2;
    let never_make = line_of("// never leaks the same way, but main never calls it with true.") + 2;
    let send = line_of("c <- 42");
    let select = line_of("select {");
    let field_send = line_of("s.results <- v");
    let mutex = line_of("mu.Lock()");
    for name in [
        "goroutineleak.debug0",
        "goroutineleak.raw",
        "goroutineleak.debug1",
        "goroutineleak.debug2",
        "goroutine.debug0",
        "goroutine.debug1",
        "goroutine.debug2",
    ] {
        for trim in [false, true] {
            let p = profiles(trim).join("prof files").join(name);
            let o = leakfix(dir.path(), &["--format", "json", "--profile", p.to_str().unwrap(), "app"]);
            assert_eq!(o.status.code(), Some(1), "{name}: {}", stderr(&o));
            let doc = json(&o);
            let confirmed = finding(&doc, "premature-return", fetch_make).expect("fetch's leak");
            let e = &confirmed["evidence"];
            assert_eq!(e["goroutines"], 5, "{name}: {confirmed}");
            assert_eq!(e["wait"], "chan send", "{name}");
            assert_eq!(e["line"], send, "{name}");
            assert_eq!(e["profiles"], serde_json::json!([p.to_str().unwrap()]), "{name}");
            assert_eq!(e["leaked"], name.starts_with("goroutineleak") || name.ends_with("debug2"), "{name}");
            assert!(e["minutes"].is_null());
            // The same leak in a function that never ran: no evidence.
            let unrun = finding(&doc, "premature-return", never_make).expect("never's leak");
            assert!(unrun.get("evidence").is_none(), "{name}: {unrun}");
            // The runtime proved the select's goroutine leaked: reported
            // whatever the count, where the profile says it (not from
            // debug=0/1 of the plain profile, which cannot say so).
            let proven = !name.starts_with("goroutine.") || name.ends_with("debug2");
            let blocked = finding(&doc, "blocked-goroutine", select);
            assert_eq!(blocked.is_some(), proven, "{name}: {doc}");
            if let Some(b) = blocked {
                assert_eq!(b["evidence"]["wait"], "select", "{name}");
                assert_eq!(b["status"], "unfixed");
                assert!(b["fix"].is_null());
                assert!(b["message"].as_str().unwrap().contains("select"), "{b}");
            }
            // Three goroutines blocked on a field are under the plain
            // profile's default threshold; a mutex is not a channel.
            assert!(finding(&doc, "blocked-goroutine", field_send).is_none(), "{name}");
            assert!(finding(&doc, "blocked-goroutine", mutex).is_none(), "{name}");
            // Sends one call away: in a helper the goroutine's literal calls
            // (the stack shows the call in the finding's function), and in a
            // worker started with `go worker(c)`, which only debug=2 ties to
            // the `go` statement (`created by`); without it the worker's
            // send is not taken for this finding's.
            let helper = finding(
                &doc,
                "premature-return",
                line_of("// viaHelper leaks a goroutine that sends through a helper.") + 2,
            )
            .unwrap();
            assert_eq!(helper["evidence"]["goroutines"], 4, "{name}: {helper}");
            assert_eq!(helper["evidence"]["line"], line_of("c <- v"), "{name}");
            assert!(finding(&doc, "blocked-goroutine", line_of("c <- v")).is_none(), "{name}: {doc}");
            let worker = finding(
                &doc,
                "premature-return",
                line_of("// viaWorker leaks a worker that sends on the channel it is handed.") + 2,
            )
            .unwrap();
            let created_by = name.ends_with("debug2");
            assert_eq!(worker.get("evidence").is_some(), created_by, "{name}: {worker}");
            if created_by {
                assert_eq!(worker["evidence"]["goroutines"], 2, "{name}");
            }
            let worker_send = finding(&doc, "blocked-goroutine", line_of("c <- 1"));
            assert_eq!(worker_send.is_some(), !created_by && name.starts_with("goroutineleak"), "{name}: {doc}");
            let confirmed = 2 + usize::from(created_by) + usize::from(proven) + usize::from(worker_send.is_some());
            assert_eq!(doc["summary"]["confirmed"], confirmed, "{name}");
        }
    }
}

#[test]
fn a_plain_profile_needs_min_goroutines_and_the_message_says_why_there_is_no_fix() {
    let dir = checkout(PROGRAM);
    let field_send = line_of("s.results <- v");
    let p = profile("goroutine.debug1");
    let args =
        |n: &'static str| vec!["--format", "json", "--min-goroutines", n, "--profile", p.to_str().unwrap(), "app"];
    let doc = json(&leakfix(dir.path(), &args("4")));
    assert!(finding(&doc, "blocked-goroutine", field_send).is_none());
    let doc = json(&leakfix(dir.path(), &args("3")));
    let b = finding(&doc, "blocked-goroutine", field_send).expect("3 goroutines, threshold 3");
    assert_eq!(b["evidence"]["goroutines"], 3);
    assert_eq!(b["evidence"]["wait"], "chan send", "debug=1 has no wait reason: the line's operation names it");
    assert_eq!(b["channel"], "s.results");
    assert_eq!(b["function"], "server.handle");
    assert!(b["message"].as_str().unwrap().contains("`s.results` is a field"), "{b}");
}

#[test]
fn text_diff_sarif_and_markdown_show_the_evidence() {
    let dir = checkout(PROGRAM);
    let p = profile("goroutineleak.debug2");
    let p = p.to_str().unwrap();
    let send = line_of("c <- 42");
    let said = format!("confirmed by profile: 5 goroutines blocked at app/main.go:{send}");
    let text = leakfix(dir.path(), &["--format", "text", "--profile", p, "app"]);
    assert!(String::from_utf8_lossy(&text.stdout).contains(&said), "{}", String::from_utf8_lossy(&text.stdout));
    let diff = leakfix(dir.path(), &["--profile", p, "app"]);
    assert!(String::from_utf8_lossy(&diff.stdout).contains("+\tc := make(chan int, 1)"));
    assert!(stderr(&diff).contains(&said), "{}", stderr(&diff));
    let sarif: Value =
        serde_json::from_slice(&leakfix(dir.path(), &["--format", "sarif", "--profile", p, "app"]).stdout).unwrap();
    let run = &sarif["runs"][0];
    let results = run["results"].as_array().unwrap();
    let confirmed: Vec<_> = results.iter().filter(|r| r["properties"]["evidence"]["goroutines"] == 5).collect();
    assert_eq!(confirmed.len(), 1, "{results:?}");
    let blocked = results.iter().find(|r| r["ruleId"] == "blocked-goroutine").expect("a blocked-goroutine result");
    let index = usize::try_from(blocked["ruleIndex"].as_u64().unwrap()).unwrap();
    assert_eq!(run["tool"]["driver"]["rules"][index]["id"], "blocked-goroutine");
    let md = String::from_utf8(leakfix(dir.path(), &["--format", "markdown", "--profile", p, "app"]).stdout).unwrap();
    let first_section = md.find("### ").unwrap();
    assert!(md[first_section..].starts_with("### Confirmed by goroutine profiles"), "{md}");
    assert!(md.contains("5 goroutines blocked at app/main.go"), "{md}");
}

#[test]
fn only_confirmed_shows_and_writes_only_what_a_profile_confirms() {
    let dir = checkout(PROGRAM);
    let p = profile("goroutineleak.debug2");
    let p = p.to_str().unwrap();
    let o = leakfix(dir.path(), &["--only-confirmed", "--write", "--format", "json", "--profile", p, "app"]);
    let doc = json(&o);
    let ids: Vec<&str> = doc["findings"].as_array().unwrap().iter().map(|f| f["transform"].as_str().unwrap()).collect();
    let functions: Vec<&str> =
        doc["findings"].as_array().unwrap().iter().map(|f| f["function"].as_str().unwrap()).collect();
    assert_eq!(ids, ["premature-return", "premature-return", "premature-return", "blocked-goroutine"], "{doc}");
    assert_eq!(functions, ["fetch", "viaWorker", "viaHelper", "waitBoth"]);
    assert_eq!(o.status.code(), Some(1), "the blocked goroutine is left: {}", stderr(&o));
    let written = std::fs::read_to_string(dir.path().join("check out/app/main.go")).unwrap();
    let fetch = written.find("func fetch").unwrap();
    let never = written.find("func never").unwrap();
    let via = written.find("func viaWorker").unwrap();
    assert!(written[fetch..never].contains("c := make(chan int, 1)"), "fetch fixed");
    assert!(written[never..via].contains("c := make(chan int)\n"), "never's unconfirmed leak left alone");
    assert_eq!(written.matches("make(chan int, 1)").count(), 3);
    // Without --only-confirmed never's leak is fixed too.
    let all = checkout(PROGRAM);
    let _ = leakfix(all.path(), &["--write", "--profile", p, "app"]);
    let written = std::fs::read_to_string(all.path().join("check out/app/main.go")).unwrap();
    assert_eq!(written.matches("make(chan int, 1)").count(), 4);
}

#[test]
fn a_stale_profile_maps_nothing_wrong_and_says_so() {
    // Two lines added at the top since the profile was taken.
    let moved = PROGRAM.replacen("package main\n", "package main\n\n// moved\n", 1);
    let dir = checkout(&moved);
    for name in ["goroutineleak.debug0", "goroutineleak.debug2", "goroutine.debug2"] {
        let p = profile(name);
        let o = leakfix(dir.path(), &["--format", "json", "--profile", p.to_str().unwrap(), "app"]);
        let doc = json(&o);
        for f in doc["findings"].as_array().unwrap() {
            assert!(f.get("evidence").is_none(), "{name}: {f}");
            assert_ne!(f["transform"], "blocked-goroutine", "{name}: {f}");
        }
        assert!(stderr(&o).contains("the profile is stale for that site"), "{name}: {}", stderr(&o));
        assert_eq!(o.status.code(), Some(1), "a stale site is not an error");
    }
}

#[test]
fn a_file_that_is_no_goroutine_profile_is_an_error_naming_it_and_the_rest_still_runs() {
    let dir = checkout(PROGRAM);
    let bad = tempfile::tempdir().unwrap();
    let gz = std::fs::read(profile("goroutineleak.debug0")).unwrap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("truncated.pb.gz", gz[..gz.len() / 2].to_vec(), "gzip data that does not decompress"),
        ("garbage.pb", (0..4096u32).map(|i| i.wrapping_mul(2_654_435_761).to_le_bytes()[2]).collect(), "protobuf"),
        ("notes.txt", b"these are my notes\nnot a profile\n".to_vec(), "not a goroutine profile"),
        ("empty", Vec::new(), "empty file"),
        ("heap with space.pb.gz", std::fs::read(profile("heap.debug0")).unwrap(), "not a goroutine profile"),
    ];
    let good = profile("goroutineleak.debug2");
    for (name, bytes, says) in cases {
        let path = bad.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let o = leakfix(
            dir.path(),
            &["--format", "json", "--profile", path.to_str().unwrap(), "--profile", good.to_str().unwrap(), "app"],
        );
        assert_eq!(o.status.code(), Some(2), "{name}: {}", stderr(&o));
        let err = stderr(&o);
        assert!(err.contains(&format!("{}: ", path.display())) && err.contains(says), "{name}: {err}");
        let doc = json(&o);
        assert_eq!(doc["errors"][0]["path"], path.to_str().unwrap(), "{name}");
        // The other profile and the analysis still ran.
        assert_eq!(doc["summary"]["confirmed"], 4, "{name}: {doc}");
    }
}

/// Peak resident memory (KiB) of a command, from its own rusage.
#[allow(clippy::zombie_processes)] // reaped by wait4, which std does not know
fn peak_rss(cmd: &mut Command) -> (i32, i64) {
    let child = cmd.stdout(std::process::Stdio::null()).stderr(std::process::Stdio::null()).spawn().unwrap();
    let pid = i32::try_from(child.id()).unwrap();
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: pid is our child, not yet waited for; both pointers are valid.
    let r = unsafe { libc::wait4(pid, &raw mut status, 0, &raw mut usage) };
    assert_eq!(r, pid);
    (libc::WEXITSTATUS(status), usage.ru_maxrss)
}

#[test]
fn a_100_mb_profile_is_streamed_in_bounded_memory() {
    let t = tempfile::tempdir().unwrap();
    let src = t.path().join("app");
    std::fs::create_dir_all(&src).unwrap();
    std::fs::write(src.join("main.go"), PROGRAM).unwrap();
    std::fs::write(src.join("go.mod"), GO_MOD).unwrap();
    let o = Command::new(go())
        .args(["run", "-trimpath", "."])
        .current_dir(&src)
        .env("PROFILE_DIR", t.path())
        .env("DEEP_LEAKS", "30000")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // The runtime writes at most 64 MiB of debug=2 stacks: two dumps in one
    // file, as from two instances of a service.
    let one = t.path().join("large.debug2");
    assert!(std::fs::metadata(&one).unwrap().len() >= 60 << 20);
    // Each blocked goroutine's top frame is the send. Counted a line at a
    // time: this process stays small, since a child's peak memory as the
    // kernel reports it includes its parent's peak before the exec.
    let send = line_of("c <- depth");
    let at_send = format!("main.go:{send}");
    let lines = std::io::BufRead::split(std::io::BufReader::new(std::fs::File::open(&one).unwrap()), b'\n');
    let at = |l: &[u8]| {
        l.ends_with(at_send.as_bytes()) || memchr::memmem::find(l, format!("{at_send} +").as_bytes()).is_some()
    };
    let expected = lines.filter(|l| at(l.as_ref().unwrap())).count() * 2;
    let large = t.path().join("two dumps.txt");
    let mut out = std::fs::File::create(&large).unwrap();
    for part in [Some(&one), None, Some(&one)] {
        match part {
            Some(p) => {
                std::io::copy(&mut std::fs::File::open(p).unwrap(), &mut out).unwrap();
            }
            None => std::io::Write::write_all(&mut out, b"\n\n").unwrap(),
        }
    }
    drop(out);
    let size = std::fs::metadata(&large).unwrap().len();
    assert!(size > 100 << 20, "a profile of {size} bytes");
    let dir = checkout(PROGRAM);
    let (code, kib) = peak_rss(
        Command::new(env!("CARGO_BIN_EXE_leakfix"))
            .args(["--format", "json", "--profile", large.to_str().unwrap(), "app"])
            .current_dir(dir.path().join("check out")),
    );
    assert_eq!(code, 1);
    assert!(kib < 64 << 10, "peak RSS {kib} KiB for a {size}-byte profile");
    // And the goroutines under the deep stack count at their send.
    let o = leakfix(dir.path(), &["--format", "json", "--profile", large.to_str().unwrap(), "app"]);
    let doc = json(&o);
    let b = finding(&doc, "blocked-goroutine", send).expect("the deep send");
    assert!(expected > 40_000, "{expected}");
    assert_eq!(b["evidence"]["goroutines"], expected);
    assert!(b["message"].as_str().unwrap().contains("parameter"), "{b}");
}

#[test]
fn blocked_goroutine_findings_follow_select_ignore_and_ignore_comments() {
    let select = line_of("select {");
    let p = profile("goroutineleak.debug2");
    let p = p.to_str().unwrap();
    let dir = checkout(PROGRAM);
    let run = |extra: &[&str]| {
        let mut args = vec!["--format", "json", "--profile", p];
        args.extend_from_slice(extra);
        args.push("app");
        json(&leakfix(dir.path(), &args))
    };
    assert!(finding(&run(&[]), "blocked-goroutine", select).is_some());
    assert!(finding(&run(&["--ignore", "blocked-goroutine"]), "blocked-goroutine", select).is_none());
    let only = run(&["--select", "blocked-goroutine"]);
    assert!(finding(&only, "blocked-goroutine", select).is_some());
    assert!(
        finding(
            &only,
            "premature-return",
            line_of("// fetch leaks its sender when it fails: premature-return fixes it.") + 2
        )
        .is_none()
    );
    // A comment on the line above silences it, as for every finding.
    let quiet = checkout(&PROGRAM.replacen("\t\tselect {", "\t\t//leakfix:ignore blocked-goroutine\n\t\tselect {", 1));
    let o = leakfix(quiet.path(), &["--format", "json", "--profile", p, "app"]);
    let doc = json(&o);
    assert!(!doc["findings"].as_array().unwrap().iter().any(|f| f["transform"] == "blocked-goroutine"), "{doc}");
    // Annotations carry the evidence too; `explain` documents the id.
    let gh = leakfix(dir.path(), &["--format", "github", "--profile", p, "app"]);
    let gh = String::from_utf8(gh.stdout).unwrap();
    assert!(gh.contains("title=leakfix blocked-goroutine::"), "{gh}");
    assert!(gh.contains("(confirmed by profile: 1 goroutine blocked at app/main.go:"), "{gh}");
    let explain = leakfix(dir.path(), &["explain", "blocked-goroutine"]);
    assert!(String::from_utf8_lossy(&explain.stdout).contains("--min-goroutines"));
}
