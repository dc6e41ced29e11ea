//! SARIF 2.1.0, as GitHub code scanning accepts it: one run, the
//! transforms as rules, a result per finding with its fix as replacements.

use std::fmt::Write as _;

use serde_json::{Value, json};

use super::FileReport;
use crate::profile::sites::{self as blocked, BLOCKED_GOROUTINE};
use crate::transforms::ALL;

fn region(r: &FileReport<'_>, start: usize, end: usize) -> Value {
    let (sl, sc) = line_col_chars(r, start);
    let (el, ec) = line_col_chars(r, end);
    json!({ "startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec })
}

/// 1-based line and column counted in Unicode code points (the run says so
/// with `columnKind`).
fn line_col_chars(r: &FileReport<'_>, offset: usize) -> (usize, usize) {
    let (line, col) = r.line_col(offset);
    let line_start = offset + 1 - col;
    (line, r.src[line_start..offset].chars().count() + 1)
}

/// A relative path as a URI reference: every byte outside RFC 3986's
/// unreserved characters and `/` percent-encoded (a `\\`, a space, a byte
/// that is not UTF-8 all stay the file they name).
#[must_use]
pub fn uri(path: &[u8]) -> String {
    let mut s = String::with_capacity(path.len());
    for &b in path {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            s.push(char::from(b));
        } else {
            let _ = write!(s, "%{b:02X}");
        }
    }
    s
}

/// The SARIF document for these reports, and the files not checked or not
/// written as tool notifications of an unsuccessful invocation.
#[must_use]
pub fn document(reports: &[FileReport<'_>], problems: &[super::Problem<'_>]) -> Value {
    let rule = |id: &str, summary: &str, docs: &str| {
        json!({
            "id": id,
            "name": id,
            "shortDescription": { "text": summary },
            "fullDescription": { "text": summary },
            "help": { "text": docs, "markdown": docs },
            "defaultConfiguration": { "level": "warning" },
        })
    };
    let mut rules: Vec<Value> = ALL.iter().map(|t| rule(t.id(), t.summary(), t.docs())).collect();
    // Findings of a goroutine profile (`--profile`) that no transform explains.
    rules.push(rule(BLOCKED_GOROUTINE, blocked::SUMMARY, blocked::DOCS));
    let mut results = Vec::new();
    for r in reports {
        for o in r.outcomes {
            let f = &o.finding;
            let rule_index = ALL.iter().position(|t| t.id() == f.transform).unwrap_or(ALL.len());
            let location = json!({
                "physicalLocation": {
                    "artifactLocation": { "uri": uri(r.raw_path), "uriBaseId": "%SRCROOT%" },
                    "region": region(r, f.range.start, f.range.end),
                }
            });
            let mut result = json!({
                "ruleId": f.transform,
                "ruleIndex": rule_index,
                "level": "warning",
                "message": { "text": f.message },
                "locations": [location],
            });
            if let Some(e) = &o.evidence {
                result["properties"] = json!({ "evidence": e });
            }
            if let Some(fix) = &f.fix {
                let replacements: Vec<Value> = fix
                    .edits
                    .iter()
                    .map(|e| {
                        json!({
                            "deletedRegion": region(r, e.range.start, e.range.end),
                            "insertedContent": { "text": e.content },
                        })
                    })
                    .collect();
                result["fixes"] = json!([{
                    "description": { "text": format!("{} ({:?})", f.transform, fix.applicability) },
                    "artifactChanges": [{
                        "artifactLocation": { "uri": uri(r.raw_path), "uriBaseId": "%SRCROOT%" },
                        "replacements": replacements,
                    }],
                }]);
            }
            results.push(result);
        }
    }
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "leakfix",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://github.com/leakfix/leakfix",
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "invocations": [{
                "executionSuccessful": problems.is_empty(),
                "toolExecutionNotifications": problems.iter().map(|p| json!({
                    "level": "error",
                    "message": { "text": p.message },
                    "locations": [{ "physicalLocation": { "artifactLocation": { "uri": uri(p.path.as_bytes()), "uriBaseId": "%SRCROOT%" } } }],
                })).collect::<Vec<_>>(),
            }],
            "results": results,
        }]
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn uris_keep_every_byte_of_the_name() {
        assert_eq!(super::uri(b"pkg/a_b-1.go"), "pkg/a_b-1.go");
        assert_eq!(super::uri(b"sub\\x.go"), "sub%5Cx.go");
        assert_eq!(super::uri(b"sp ace\n\xe9.go"), "sp%20ace%0A%E9.go");
    }
}
