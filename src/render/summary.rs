//! The counts of a run, made once from the reports: the formats, the
//! summary lines on stderr, the JSON `summary` object and the exit code all
//! read them.

use serde_json::{Value, json};

use super::FileReport;
use crate::engine::Status;
use crate::fix::Applicability;
use crate::transforms::ALL;

/// One transform's findings: fixed, and left for review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TransformCount {
    pub id: &'static str,
    pub fixed: usize,
    pub left: usize,
}

/// What a run found and did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Files checked.
    pub files: usize,
    /// Files with a fix in the output (in the diff, or written).
    pub files_changed: usize,
    /// Paths and files that could not be walked, read or written.
    pub errors: usize,
    /// Files not checked: larger than `--max-file-size`, or over
    /// `--timeout-per-file`.
    pub files_skipped: usize,
    /// The fixes were written (`--write`), not only shown.
    pub written: bool,
    /// Findings whose fix is in the output.
    pub fixed: usize,
    /// Findings without a fix, or with one below the threshold.
    pub unfixed: usize,
    /// Findings whose fix was dropped.
    pub skipped: usize,
    /// Findings left with a fix graded unsafe.
    pub held_back: usize,
    /// Per transform, in registry order (all of them, counts may be zero),
    /// then `blocked-goroutine` when a profile gave any.
    pub by_transform: Vec<TransformCount>,
    /// Findings a goroutine profile confirms (`--profile`).
    pub confirmed: usize,
}

impl Summary {
    #[must_use]
    pub fn new(reports: &[FileReport<'_>], files: usize, errors: usize, written: bool) -> Self {
        let mut s = Summary {
            files,
            files_changed: 0,
            errors,
            files_skipped: 0,
            written,
            fixed: 0,
            unfixed: 0,
            skipped: 0,
            held_back: 0,
            confirmed: 0,
            by_transform: ALL.iter().map(|t| TransformCount { id: t.id(), fixed: 0, left: 0 }).collect(),
        };
        for r in reports {
            s.files_changed += usize::from(r.fixed.is_some());
            for o in r.outcomes {
                match o.status {
                    Status::Fixed => s.fixed += 1,
                    Status::Unfixed => s.unfixed += 1,
                    Status::Skipped(_) => s.skipped += 1,
                }
                let fixed = o.status == Status::Fixed;
                if !fixed && o.finding.fix.as_ref().is_some_and(|f| f.applicability == Applicability::Unsafe) {
                    s.held_back += 1;
                }
                s.confirmed += usize::from(o.evidence.is_some());
                let i = s.by_transform.iter().position(|t| t.id == o.finding.transform).unwrap_or_else(|| {
                    s.by_transform.push(TransformCount { id: o.finding.transform, fixed: 0, left: 0 });
                    s.by_transform.len() - 1
                });
                let t = &mut s.by_transform[i];
                if fixed {
                    t.fixed += 1;
                } else {
                    t.left += 1;
                }
            }
        }
        s
    }

    /// The same, with `n` files not checked.
    #[must_use]
    pub fn with_skipped(self, n: usize) -> Self {
        Summary { files_skipped: n, ..self }
    }

    /// All findings.
    #[must_use]
    pub fn findings(&self) -> usize {
        self.fixed + self.unfixed + self.skipped
    }

    /// Findings whose fix is not in the output: unfixed or skipped.
    #[must_use]
    pub fn left(&self) -> usize {
        self.unfixed + self.skipped
    }

    /// The summary for stderr, one line each (without the `leakfix: ` prefix).
    #[must_use]
    pub fn lines(&self) -> Vec<String> {
        let (fixed, left, files) = (self.fixed, self.left(), self.files);
        let files_word = if files == 1 { "file" } else { "files" };
        let mut lines = Vec::new();
        if self.written {
            lines.push(format!("{fixed} fixed, {left} left without a fix, in {files} {files_word} checked"));
        } else if fixed + left > 0 {
            // Held-back unsafe fixes are among those without one here.
            let held = match self.held_back {
                0 => String::new(),
                n => format!(" ({n} with an unsafe fix held back)"),
            };
            lines.push(format!("{fixed} fixable, {left} without a fix{held}, in {files} {files_word} checked"));
        } else {
            // Always the count, so that a walk that found nothing says so.
            lines.push(format!("no goroutine leaks found in {files} {files_word} checked"));
        }
        if self.confirmed > 0 {
            let n = self.confirmed;
            lines.push(format!("{n} of them confirmed by a goroutine profile (--profile)"));
        }
        if self.held_back > 0 {
            lines.push(format!("{} unsafe fixes held back; apply them with --unsafe-fixes", self.held_back));
        }
        if self.files_skipped > 0 {
            let n = self.files_skipped;
            lines.push(format!(
                "{n} {} not checked (too large, too slow or under a broken configuration file, see above)",
                if n == 1 { "file" } else { "files" }
            ));
        }
        lines
    }

    /// The last line of the text format.
    #[must_use]
    pub fn footer(&self) -> String {
        let n = self.findings();
        let verb = if self.written { "fixed" } else { "fixable" };
        format!(
            "Found {n} goroutine leak{} ({} {verb}) in {} file{} checked.",
            if n == 1 { "" } else { "s" },
            self.fixed,
            self.files,
            if self.files == 1 { "" } else { "s" }
        )
    }

    /// The `summary` object of the JSON document.
    #[must_use]
    pub fn json(&self) -> Value {
        json!({
            "files": self.files,
            "findings": self.findings(),
            "fixable": self.fixed,
            "unfixed": self.left(),
            "written": self.written,
            "errors": self.errors,
            "files_skipped": self.files_skipped,
            "confirmed": self.confirmed,
        })
    }

    /// 2 if an error happened or a file was not checked, else 1 if findings
    /// are pending (a fix not written, or no fix), else 0.
    #[must_use]
    pub fn exit_code(&self) -> i32 {
        let pending = if self.written { 0 } else { self.fixed };
        if self.errors + self.files_skipped > 0 {
            2
        } else if pending + self.left() > 0 {
            1
        } else {
            0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Outcome;
    use crate::fix::{Edit, Fix};
    use crate::transforms::Finding;

    fn outcome(transform: &'static str, fix: Option<Fix>, status: Status) -> Outcome {
        let finding = Finding {
            transform,
            range: 0..1,
            channel: "c".into(),
            function: "f".into(),
            message: "m".into(),
            fix,
            waits: Vec::new(),
            related: Vec::new(),
        };
        Outcome { finding, status, evidence: None }
    }

    fn summary(outcomes: &[Outcome], written: bool, errors: usize) -> Summary {
        let reports = [FileReport {
            path: "a.go",
            raw_path: b"a.go",
            src: "x",
            outcomes,
            fixed: Some("y"),
            lines: crate::syntax::LineIndex::new(b"x"),
        }];
        Summary::new(&reports, 3, errors, written)
    }

    #[test]
    fn counts_per_status_and_transform() {
        let id = ALL[0].id();
        let outcomes = [
            outcome(id, Some(Fix::safe(vec![Edit::insertion(0, "a")])), Status::Fixed),
            outcome(id, Some(Fix::is_unsafe(vec![Edit::insertion(0, "b")])), Status::Unfixed),
            outcome(id, None, Status::Unfixed),
        ];
        let s = summary(&outcomes, false, 0);
        assert_eq!((s.fixed, s.unfixed, s.skipped, s.held_back, s.files_changed), (1, 2, 0, 1, 1));
        assert_eq!(s.by_transform[0], TransformCount { id, fixed: 1, left: 2 });
        assert!(s.by_transform[1..].iter().all(|t| t.fixed + t.left == 0));
        assert_eq!(
            s.lines(),
            [
                "1 fixable, 2 without a fix (1 with an unsafe fix held back), in 3 files checked",
                "1 unsafe fixes held back; apply them with --unsafe-fixes"
            ]
        );
        assert_eq!(s.footer(), "Found 3 goroutine leaks (1 fixable) in 3 files checked.");
        assert_eq!(s.json()["unfixed"], 2);
    }

    #[test]
    fn exit_code_says_error_pending_or_done() {
        let fixed = [outcome(ALL[0].id(), None, Status::Fixed)];
        assert_eq!(summary(&fixed, false, 0).exit_code(), 1, "a fix not written is pending");
        assert_eq!(summary(&fixed, true, 0).exit_code(), 0);
        assert_eq!(summary(&fixed, true, 1).exit_code(), 2);
        assert_eq!(summary(&[], false, 0).exit_code(), 0);
        assert_eq!(summary(&[], false, 0).lines(), ["no goroutine leaks found in 3 files checked"]);
        assert_eq!(summary(&[], true, 0).lines(), ["0 fixed, 0 left without a fix, in 3 files checked"]);
    }
}
