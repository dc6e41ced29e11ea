//! One harness over every fixture in transforms/<id>/: a reviewed insta
//! snapshot of findings and diff, plus invariants checked in code so that
//! accepting a snapshot cannot hide a regression.

mod common;

use common::{check, check_fixture_src, fixed_ids, fixtures, is_ok_fixture, is_unsafe_fixture, root};
use leakfix::render;
use leakfix::transforms;

fn report(path: &str, src: &str) -> String {
    let r = check(src);
    let mut s = String::new();
    for o in &r.outcomes {
        s.push_str(&render::text_line(path, src, o, true));
        s.push('\n');
    }
    if let Some(fixed) = &r.fixed {
        s.push_str(&render::diff(path.as_bytes(), src, fixed, 3));
    }
    s
}

#[test]
fn snapshots() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(root().join("snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for (id, path) in fixtures() {
            let name = format!("{id}__{}", path.file_stem().unwrap().to_string_lossy());
            let src = std::fs::read_to_string(&path).unwrap();
            let shown = format!("transforms/{id}/{}", path.file_name().unwrap().to_string_lossy());
            insta::assert_snapshot!(name, report(&shown, &src));
        }
    });
}

/// Does the transform `id` only report (no fixes)?
fn report_only(id: &str) -> bool {
    transforms::by_id(id).is_some_and(|t| !t.makes_fixes())
}

#[test]
fn ok_fixtures_get_no_edit_from_their_transform() {
    for (id, path) in fixtures().into_iter().filter(|(_, p)| is_ok_fixture(p)) {
        let r = check(&std::fs::read_to_string(&path).unwrap());
        assert!(!fixed_ids(&r).contains(&id.as_str()), "{} was edited by {id}", path.display());
        // A report-only transform's refusal is no finding at all.
        if report_only(&id) {
            assert!(r.outcomes.iter().all(|o| o.finding.transform != id), "{} was reported by {id}", path.display());
        }
    }
}

#[test]
fn positive_fixtures_get_fixes_from_their_transform_only() {
    for (id, path) in fixtures().into_iter().filter(|(_, p)| !is_ok_fixture(p)) {
        let src = std::fs::read_to_string(&path).unwrap();
        let r = check_fixture_src(&path, &src);
        if report_only(&id) {
            // Exactly one finding, of its transform, and no fix from anyone.
            let ids: Vec<_> = r.outcomes.iter().map(|o| o.finding.transform).collect();
            assert_eq!(ids, vec![id.as_str()], "{}", path.display());
            assert!(r.outcomes.iter().all(|o| o.finding.fix.is_none()) && r.fixed.is_none(), "{}", path.display());
            continue;
        }
        // Fixes from its transform only (one goroutine may leave two
        // channels to fix, each a finding: `two_results_one_per_path.go`).
        let mut ids = fixed_ids(&r);
        ids.dedup();
        assert_eq!(ids, vec![id.as_str()], "{}", path.display());
        // An `unsafe_*.go` fixture's fix is held back by default, and only it.
        if is_unsafe_fixture(&path) {
            assert!(fixed_ids(&check(&src)).is_empty(), "{} is fixed without --unsafe-fixes", path.display());
        }
    }
}

#[test]
fn fixes_are_idempotent_and_parse() {
    for (_, path) in fixtures() {
        let src = std::fs::read_to_string(&path).unwrap();
        let Some(fixed) = check_fixture_src(&path, &src).fixed else { continue };
        let tree = leakfix::syntax::parse(fixed.as_bytes()).unwrap();
        assert!(!tree.root_node().has_error(), "{} does not parse after the fix", path.display());
        let again = check_fixture_src(&path, &fixed);
        assert!(again.fixed.is_none(), "second run on fixed {} proposes more", path.display());
        assert!(again.outcomes.is_empty(), "second run on fixed {} still finds {:?}", path.display(), again.outcomes);
    }
}

#[test]
fn every_transform_has_docs_and_enough_fixtures() {
    let all = fixtures();
    for t in transforms::ALL {
        let dir = root().join("transforms").join(t.id());
        let readme = std::fs::read_to_string(dir.join("README.md")).unwrap_or_default();
        assert!(readme.contains(t.id()), "transforms/{}/README.md missing or does not name the transform", t.id());
        let (ok, pos): (Vec<_>, Vec<_>) =
            all.iter().filter(|(id, _)| id == t.id()).partition(|(_, p)| is_ok_fixture(p));
        // Five each for a report-only transform, ten each otherwise.
        let least = if t.makes_fixes() { 10 } else { 5 };
        assert!(
            pos.len() >= least && ok.len() >= least,
            "{}: {} positive, {} ok fixtures",
            t.id(),
            pos.len(),
            ok.len()
        );
    }
    // And every folder is a registered transform.
    for (id, _) in &all {
        assert!(transforms::by_id(id).is_some(), "transforms/{id}/ is not in transforms::ALL");
    }
}

#[test]
fn every_snapshot_has_its_fixture() {
    let names: Vec<String> =
        fixtures().iter().map(|(id, p)| format!("{id}__{}.snap", p.file_stem().unwrap().to_string_lossy())).collect();
    for e in std::fs::read_dir(root().join("snapshots")).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        assert!(names.contains(&name), "snapshots/{name} has no fixture (renamed or deleted?)");
    }
}

#[test]
fn a_function_with_a_syntax_error_is_left_alone() {
    let leak = "func f(fail bool) error {\n\tc := make(chan error)\n\tgo func() { c <- nil }()\n\tif fail {\n\t\treturn nil\n\t}\n\treturn <-c\n}\n";
    let broken = leak.replace("if fail {", "if fail {{ )");
    let src = format!("package p\n\n{broken}");
    let r = check(&src);
    assert!(r.outcomes.is_empty() && r.fixed.is_none(), "{:?}", r.outcomes);
    // A syntax error in another function does not stop this one.
    let src = format!("package p\n\n{leak}\nfunc g() {{ x := }}\n");
    assert_eq!(fixed_ids(&check(&src)), vec!["premature-return"]);
}

#[test]
fn the_parse_shortcut_changes_no_finding() {
    for (_, path) in fixtures() {
        let src = std::fs::read_to_string(&path).unwrap();
        let fast = common::check_with(&src, true);
        let full = common::check_with(&src, false);
        let show = |r: &leakfix::engine::FileResult| format!("{:?} {:?}", r.outcomes, r.fixed);
        assert_eq!(show(&fast), show(&full), "{}", path.display());
        // Every function that may hold a finding analysed in a batch of its own.
        let alone = common::check_batched(&src, true, 1);
        assert_eq!(show(&alone), show(&full), "{} in batches", path.display());
        // Each transform alone: the prefilter keeps only what it needs.
        for t in transforms::ALL {
            let only = |shortcuts| {
                let opts =
                    leakfix::engine::Options { shortcuts, ..leakfix::engine::Options::new(std::slice::from_ref(t)) };
                show(&leakfix::engine::check_source(&src, &opts))
            };
            assert_eq!(only(true), only(false), "{} with only {}", path.display(), t.id());
        }
    }
}

#[test]
fn rechecking_one_function_finds_what_the_whole_file_finds_in_it() {
    let opts = leakfix::engine::Options::new(transforms::ALL);
    let mut rechecked = 0;
    for (_, path) in fixtures() {
        let src = std::fs::read_to_string(&path).unwrap();
        let whole = leakfix::engine::check_source(&src, &opts);
        for o in &whole.outcomes {
            let one = leakfix::engine::check_function_at(&src, &opts, o.finding.range.start);
            let theirs: Vec<_> = whole
                .outcomes
                .iter()
                .filter(|w| w.finding.function == o.finding.function)
                .map(|w| format!("{w:?}"))
                .collect();
            let ours: Vec<_> = one.outcomes.iter().map(|w| format!("{w:?}")).collect();
            assert_eq!(ours, theirs, "{} at {}", path.display(), o.finding.range.start);
            rechecked += 1;
        }
    }
    assert!(rechecked > 100, "{rechecked} findings rechecked");
}

#[test]
fn testing_fatal_ends_the_test_goroutine() {
    let test = |recv: &str, ty: &str| {
        format!(
            "package p\n\nimport \"testing\"\n\nfunc TestX(t {ty}) {{\n\terrc := make(chan error)\n\tgo func() {{\n\t\terrc <- nil\n\t}}()\n\tif testing.Short() {{\n\t\t{recv}.Fatal(\"short\")\n\t}}\n\t<-errc\n}}\n"
        )
    };
    for ty in ["*testing.T", "*testing.B", "testing.TB"] {
        assert_eq!(fixed_ids(&check(&test("t", ty))), vec!["premature-return"], "{ty}");
    }
    // Fatal on something that is not a testing parameter is not an exit.
    assert!(check(&test("t", "*logger")).outcomes.is_empty());
    assert!(check(&test("log", "*testing.T")).outcomes.is_empty());
    // A `t` re-declared in the function is not the test's t.
    let shadowed =
        test("t", "*testing.T").replace("\tif testing.Short() {", "\tt := &lenient{}\n\tif testing.Short() {");
    assert!(check(&shadowed).outcomes.is_empty(), "{shadowed}");
}
