//! Edits and fixes (ruff's model, sized down) and applying them safely.

use std::ops::Range;

use serde::Serialize;

/// Replace a byte range with new text. Built only through the constructors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub range: Range<usize>,
    pub content: String,
}

impl Edit {
    #[must_use]
    pub fn insertion(at: usize, content: impl Into<String>) -> Self {
        Edit { range: at..at, content: content.into() }
    }

    #[must_use]
    pub fn replacement(range: Range<usize>, content: impl Into<String>) -> Self {
        Edit { range, content: content.into() }
    }
}

/// How sure the analysis is that a fix is right. Ordered so that "apply at or
/// above a threshold" is one comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    DisplayOnly,
    Unsafe,
    Safe,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub edits: Vec<Edit>,
    pub applicability: Applicability,
}

impl Fix {
    #[must_use]
    pub fn safe(edits: Vec<Edit>) -> Self {
        Fix { edits, applicability: Applicability::Safe }
    }

    #[must_use]
    pub fn is_unsafe(edits: Vec<Edit>) -> Self {
        // (named so because `unsafe` is a keyword)
        Fix { edits, applicability: Applicability::Unsafe }
    }

    fn start(&self) -> usize {
        self.edits.iter().map(|e| e.range.start).min().unwrap_or(0)
    }
}

/// Apply non-overlapping fixes to `src`: sorted by position, a fix that
/// overlaps one already taken is skipped. Returns the new text and, per
/// input fix, whether it was applied.
#[must_use]
pub fn apply(src: &str, fixes: &[&Fix]) -> (String, Vec<bool>) {
    let applied = select(src, fixes);
    let mut out = String::with_capacity(src.len() + 64);
    let mut pos = 0;
    for e in taken(fixes, &applied) {
        out.push_str(&src[pos..e.range.start]);
        out.push_str(&e.content);
        pos = e.range.end;
    }
    out.push_str(&src[pos..]);
    (out, applied)
}

/// The edits of the fixes `applied` says [`apply`] takes, in order.
#[must_use]
pub fn taken<'f>(fixes: &[&'f Fix], applied: &[bool]) -> Vec<&'f Edit> {
    let mut taken: Vec<&Edit> =
        fixes.iter().zip(applied).filter(|(_, a)| **a).flat_map(|(f, _)| f.edits.iter()).collect();
    taken.sort_by_key(|e| (e.range.start, e.range.end));
    taken
}

/// Which of `fixes` [`apply`] takes: sorted by position, those that do not
/// overlap one taken before and stay in `src`. Each overlap test is a
/// lookup among the edits taken, so that a file with many fixes costs no
/// more per fix.
#[must_use]
pub fn select(src: &str, fixes: &[&Fix]) -> Vec<bool> {
    let mut order: Vec<usize> = (0..fixes.len()).collect();
    order.sort_by_key(|&i| fixes[i].start());
    // The ranges taken, disjoint (no two start at the same offset): start to end.
    let mut spans: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut applied = vec![false; fixes.len()];
    for i in order {
        let edits = &fixes[i].edits;
        let in_bounds = edits.iter().all(|e| {
            e.range.start <= e.range.end
                && e.range.end <= src.len()
                && src.is_char_boundary(e.range.start)
                && src.is_char_boundary(e.range.end)
        });
        let overlaps = edits
            .iter()
            .enumerate()
            .any(|(j, e)| overlaps_any(&spans, &e.range) || edits[..j].iter().any(|d| overlap(&d.range, &e.range)));
        if in_bounds && !overlaps {
            spans.extend(edits.iter().map(|e| (e.range.start, e.range.end)));
            applied[i] = true;
        }
    }
    applied
}

/// Does `r` [`overlap`] one of the disjoint `spans`? Only the span starting
/// last before `r` and those starting inside it (or at it) can.
fn overlaps_any(spans: &std::collections::BTreeMap<usize, usize>, r: &Range<usize>) -> bool {
    let before = spans.range(..r.start).next_back().is_some_and(|(_, &end)| end > r.start);
    before || spans.range(r.start..r.end.max(r.start + 1)).next().is_some()
}

/// Two ranges overlap, or are two insertions at the same point (whose order
/// would be ambiguous).
fn overlap(a: &Range<usize>, b: &Range<usize>) -> bool {
    (a.start < b.end && b.start < a.end) || (a.start == b.start && (a.is_empty() || b.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applies_in_order_and_skips_overlaps() {
        let src = "make(chan int)\nmake(chan int)\n";
        let a = Fix::safe(vec![Edit::insertion(13, ", 1")]);
        let b = Fix::safe(vec![Edit::insertion(28, ", 1")]);
        let c = Fix::safe(vec![Edit::replacement(10..13, "bool")]);
        let (out, applied) = apply(src, &[&b, &a, &c]);
        assert_eq!(out, "make(chan bool, 1)\nmake(chan int, 1)\n");
        assert_eq!(applied, vec![true, true, true]);
        let d = Fix::safe(vec![Edit::insertion(13, ", 2")]);
        let (_, applied) = apply(src, &[&a, &d]);
        assert_eq!(applied, vec![true, false]);
    }

    #[test]
    fn out_of_bounds_edit_is_skipped() {
        let (out, applied) = apply("ab", &[&Fix::safe(vec![Edit::insertion(9, "x")])]);
        assert_eq!((out.as_str(), applied), ("ab", vec![false]));
    }
}
