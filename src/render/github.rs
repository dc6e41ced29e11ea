//! GitHub Actions workflow commands: one `::warning` per finding, at the
//! `make` (its fix, if any, in the message), and one `::error` per file not
//! checked or not written, so that they show inline on a pull request.

use std::fmt::Write as _;

use super::{FileReport, Problem};
use crate::engine::Status;

/// A command's message, escaped as GitHub's toolkit escapes data.
fn data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// A command's property value (`file=`, `title=`), escaped as the toolkit
/// escapes properties.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

/// The annotations for these reports and problems, one line each (`written`:
/// the fixes were written, not only shown).
#[must_use]
pub fn annotations(reports: &[FileReport<'_>], problems: &[Problem<'_>], written: bool) -> String {
    let mut out = String::new();
    for r in reports {
        for o in r.outcomes {
            let f = &o.finding;
            let (line, col) = r.line_col(f.range.start);
            let (end_line, end_col) = r.line_col(f.range.end);
            let state = match &o.status {
                Status::Fixed if written => " (fixed)".to_owned(),
                Status::Fixed => " (fix available: leakfix --write)".to_owned(),
                Status::Skipped(why) => format!(" (fix skipped: {why})"),
                Status::Unfixed if f.fix.is_some() => " (fix held back: unsafe; apply with --unsafe-fixes)".to_owned(),
                Status::Unfixed => String::new(),
            };
            let state = match &o.evidence {
                Some(e) => format!("{state} (confirmed by profile: {})", e.describe(r.path)),
                None => state,
            };
            let _ = writeln!(
                out,
                "::warning file={},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}",
                property(r.path),
                property(&format!("leakfix {}", f.transform)),
                data(&format!("{}{state}", f.message))
            );
        }
    }
    for p in problems {
        let _ = writeln!(out, "::error file={},title=leakfix::{}", property(p.path), data(&p.message));
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn messages_and_properties_are_escaped_as_the_toolkit_does() {
        assert_eq!(super::data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(super::property("a,b:c.go"), "a%2Cb%3Ac.go");
    }
}
