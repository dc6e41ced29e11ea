use std::io::BufRead;
use leakfix::engine::{Batching, Options, check_source, may_match};
use leakfix::fix::Applicability;
use leakfix::syntax::work;
use leakfix::transforms::ALL;
fn main() {
    let opts = Options { transforms: ALL, threshold: Applicability::Unsafe, path: None, shortcuts: true,
        batching: Batching { bytes: 256 << 10, threads: 1 }, timeout: None };
    let (mut p, mut b, mut v, mut files, mut matched) = (0, 0, 0, 0, 0);
    for l in std::io::stdin().lock().lines() {
        let s = std::fs::read(l.unwrap()).unwrap();
        files += 1;
        if !may_match(&s) { continue; }
        matched += 1;
        let Ok(s) = std::str::from_utf8(&s) else { continue };
        let _ = work::take();
        let _ = check_source(s, &opts);
        let w = work::take();
        p += w.parses; b += w.parsed_bytes; v += w.visited;
    }
    println!("files {files} matched {matched} parses {p} bytes {b} visited {v}");
}
