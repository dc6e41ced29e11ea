//! Fuzz the analyse-and-fix entry point: for any input, no panic, edits in
//! bounds on char boundaries, and fixing twice equals fixing once; for input
//! tree-sitter-go reads without error, the parse shortcuts change nothing.
#![no_main]

use leakfix::engine::{check_source, Options};
use leakfix::fix::Applicability;
use leakfix::transforms::ALL;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let src = String::from_utf8_lossy(data);
    let mut shown = Vec::new();
    for shortcuts in [true, false] {
        let opts = Options { transforms: ALL, threshold: Applicability::Unsafe, path: None, shortcuts, batching: leakfix::engine::Batching::default(), timeout: None };
        let r = check_source(&src, &opts);
        for o in &r.outcomes {
            for e in o.finding.fix.iter().flat_map(|f| &f.edits) {
                assert!(e.range.start <= e.range.end && e.range.end <= src.len());
                assert!(src.is_char_boundary(e.range.start) && src.is_char_boundary(e.range.end));
            }
        }
        if let Some(fixed) = &r.fixed {
            assert!(check_source(fixed, &opts).fixed.is_none(), "fixing twice differs from fixing once");
        }
        shown.push(format!("{:?} {:?}", r.outcomes, r.fixed));
    }
    if leakfix::syntax::parse(src.as_bytes()).is_some_and(|t| !t.root_node().has_error()) {
        assert_eq!(shown[0], shown[1], "the parse shortcuts change a finding");
    }
});
