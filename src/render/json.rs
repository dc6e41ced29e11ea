//! The JSON document: every finding, then the run's summary.

use serde::Serialize;
use serde_json::{Value, json};

use super::{FileReport, Summary};
use crate::engine::{Outcome, Status};

/// One finding in the JSON output.
#[derive(Serialize)]
pub struct JsonFinding<'a> {
    pub transform: &'a str,
    pub path: &'a str,
    /// The path's bytes, when they are not UTF-8 (`path` then shows U+FFFD).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path_bytes: Option<&'a [u8]>,
    /// Enclosing top-level function (`Type.Method` for methods).
    pub function: &'a str,
    /// The channel variable.
    pub channel: &'a str,
    pub line: usize,
    pub column: usize,
    /// Byte range of the `make` call.
    pub range: std::ops::Range<usize>,
    pub message: &'a str,
    pub fix: Option<&'a crate::fix::Fix>,
    /// `fixed` (in the diff, or written), `unfixed`, or `skipped`.
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// What `--profile` profiles show blocked where its goroutines block.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<&'a crate::profile::sites::Evidence>,
}

impl<'a> JsonFinding<'a> {
    #[must_use]
    pub fn new(path: &'a str, src: &str, o: &'a Outcome) -> Self {
        Self::at(path, path.as_bytes(), &crate::syntax::LineIndex::new(src.as_bytes()), o)
    }

    /// [`JsonFinding::new`] for a path whose exact bytes are `raw`, in the
    /// text `lines` indexes.
    #[must_use]
    pub fn at(path: &'a str, raw: &'a [u8], lines: &crate::syntax::LineIndex<'_>, o: &'a Outcome) -> Self {
        let (line, column) = super::text::line_col_in(lines, o.finding.range.start);
        let (status, reason) = match &o.status {
            Status::Fixed => ("fixed", None),
            Status::Unfixed => ("unfixed", None),
            Status::Skipped(r) => ("skipped", Some(r.to_string())),
        };
        JsonFinding {
            transform: o.finding.transform,
            path,
            path_bytes: std::str::from_utf8(raw).is_err().then_some(raw),
            function: &o.finding.function,
            channel: &o.finding.channel,
            line,
            column,
            range: o.finding.range.clone(),
            message: &o.finding.message,
            fix: o.finding.fix.as_ref(),
            status,
            reason,
            evidence: o.evidence.as_ref(),
        }
    }
}

/// The JSON document for these reports, the files not checked and the
/// errors (an error only if a finding cannot be serialised).
pub fn document(
    reports: &[FileReport<'_>],
    problems: &[super::Problem<'_>],
    summary: &Summary,
) -> serde_json::Result<Value> {
    let mut findings = Vec::new();
    for r in reports {
        for o in r.outcomes {
            findings.push(serde_json::to_value(JsonFinding::at(r.path, r.raw_path, &r.lines, o))?);
        }
    }
    Ok(json!({
        "tool": "leakfix",
        "version": env!("CARGO_PKG_VERSION"),
        "findings": findings,
        "skipped": problems
            .iter()
            .filter(|p| p.not_checked)
            .map(|p| json!({ "path": p.path, "status": "skipped", "reason": p.message }))
            .collect::<Vec<_>>(),
        "errors": problems
            .iter()
            .filter(|p| !p.not_checked)
            .map(|p| json!({ "path": p.path, "message": p.message }))
            .collect::<Vec<_>>(),
        "summary": summary.json(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::SkipReason;
    use crate::render::text_line;
    use crate::transforms::Finding;

    #[test]
    fn a_skipped_fix_shows_its_reason() {
        let finding = Finding {
            transform: "premature-return",
            range: 0..1,
            channel: "c".into(),
            function: "f".into(),
            message: "m".into(),
            fix: None,
            waits: Vec::new(),
            related: Vec::new(),
        };
        for (reason, text) in [
            (SkipReason::OverlapsAnotherFix, "overlaps another fix"),
            (SkipReason::WouldNotParse, "the fixed file would not parse"),
        ] {
            let o = Outcome { finding: finding.clone(), status: Status::Skipped(reason), evidence: None };
            assert_eq!(
                text_line("a.go", "x", &o, true),
                format!("a.go:1:1: premature-return: m (fix skipped: {text})")
            );
            let json = serde_json::to_value(JsonFinding::new("a.go", "x", &o)).unwrap();
            assert_eq!((&json["status"], &json["reason"]), (&json!("skipped"), &json!(text)));
        }
        // A file --write left alone says why on its own line; its findings
        // do not repeat it (JSON keeps the reason on each).
        let o = Outcome { finding, status: Status::Skipped(SkipReason::NotWritable), evidence: None };
        assert_eq!(text_line("a.go", "x", &o, true), "a.go:1:1: premature-return: m (fix not written, see above)");
        let json = serde_json::to_value(JsonFinding::new("a.go", "x", &o)).unwrap();
        assert_eq!(json["reason"], json!("not writable (read-only); not changed"));
    }
}
