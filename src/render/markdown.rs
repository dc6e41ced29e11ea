//! A pull-request description: what changed and why, counts per transform,
//! each fix with its place and an excerpt, and the findings left for a human.

use std::fmt::Write as _;

use super::{FileReport, Summary};
use crate::engine::Status;

/// GitHub rejects pull-request bodies over 65,536 characters.
pub const LIMIT: usize = 60_000;

/// The Markdown body; the summary says whether the fixes were applied.
#[must_use]
pub fn document(reports: &[FileReport<'_>], problems: &[super::Problem<'_>], summary: &Summary) -> String {
    let fixed: Vec<_> = reports
        .iter()
        .flat_map(|r| r.outcomes.iter().filter(|o| o.status == Status::Fixed).map(move |o| (r, o)))
        .collect();
    let left: Vec<_> = reports
        .iter()
        .flat_map(|r| r.outcomes.iter().filter(|o| o.status != Status::Fixed).map(move |o| (r, o)))
        .collect();
    let files = summary.files_changed;
    let mut s = String::new();
    let _ = writeln!(s, "## leakfix: fix goroutine leaks\n");
    // Leaks a production profile shows first: the strongest reason to merge.
    confirmed_section(&mut s, reports);
    let verb = if summary.written { "fixes" } else { "would fix" };
    let _ = writeln!(
        s,
        "This change {verb} {} goroutine leak{} in {files} file{}. Each fix is a minimal edit: a channel \
         buffer so that a goroutine's last send completes when nobody is left to receive it, a close (or \
         a close moved into a `defer`) so that a goroutine waiting on a channel can end, or a `return` \
         after a send that used to fall through to a second one. leakfix makes an edit only when the \
         code shows the leak and the edit cannot add a panic or change behaviour beyond that.\n",
        summary.fixed,
        if summary.fixed == 1 { "" } else { "s" },
        if files == 1 { "" } else { "s" },
    );
    let _ = writeln!(s, "| transform | fixed | left for review |\n| --- | ---: | ---: |");
    for t in summary.by_transform.iter().filter(|t| t.fixed + t.left > 0) {
        let _ = writeln!(s, "| `{}` | {} | {} |", t.id, t.fixed, t.left);
    }
    let mut omitted = 0;
    if !fixed.is_empty() {
        let _ = writeln!(s, "\n### Fixes\n");
        for (r, o) in &fixed {
            let mut item = String::new();
            let (line, _) = r.line_col(o.finding.range.start);
            let _ = writeln!(
                item,
                "- **{}:{line}** `{}` in `{}`: {}",
                r.path, o.finding.transform, o.finding.function, o.finding.message
            );
            if let Some(fix) = &o.finding.fix {
                let _ = writeln!(item, "  ```diff");
                for e in &fix.edits {
                    let (before, after) = excerpt(r.src, e.range.clone(), &e.content);
                    let _ = writeln!(item, "  - {before}\n  + {after}");
                }
                let _ = writeln!(item, "  ```");
            }
            if s.len() + item.len() > LIMIT - 2_000 {
                omitted += 1;
            } else {
                s.push_str(&item);
            }
        }
    }
    if !left.is_empty() {
        let _ = writeln!(s, "\n### Left for a human\n\nReal leaks leakfix found but could not fix safely:\n");
        for (r, o) in &left {
            let (line, _) = r.line_col(o.finding.range.start);
            let item = format!("- **{}:{line}** `{}`: {}\n", r.path, o.finding.transform, o.finding.message);
            if s.len() + item.len() > LIMIT - 500 {
                omitted += 1;
            } else {
                s.push_str(&item);
            }
        }
    }
    if !problems.is_empty() {
        let _ = writeln!(
            s,
            "\n### Not checked or not written\n\nleakfix could not check or fix these files; this change says nothing about them:\n"
        );
        for p in problems {
            let item = format!("- **{}**: {}\n", p.path, p.message);
            if s.len() + item.len() > LIMIT - 300 {
                omitted += 1;
            } else {
                s.push_str(&item);
            }
        }
    }
    if omitted > 0 {
        let _ = writeln!(
            s,
            "\n…and {omitted} more, not listed to keep this description short; run `leakfix --format text` for all."
        );
    }
    s
}

/// The findings a goroutine profile confirms, with their evidence.
fn confirmed_section(s: &mut String, reports: &[FileReport<'_>]) {
    let confirmed: Vec<_> = reports
        .iter()
        .flat_map(|r| r.outcomes.iter().filter_map(move |o| Some((r, o, o.evidence.as_ref()?))))
        .collect();
    if !confirmed.is_empty() {
        let _ = writeln!(s, "### Confirmed by goroutine profiles\n");
        for (r, o, e) in &confirmed {
            let (line, _) = r.line_col(o.finding.range.start);
            let state = if o.status == Status::Fixed { "fixed below" } else { "no fix, see below" };
            let proven = if e.leaked { ", proven leaked by the runtime" } else { "" };
            let item = format!(
                "- **{}:{line}** `{}`: {} ({}{proven}; {}), {state}\n",
                r.path,
                o.finding.transform,
                e.describe(r.path),
                e.wait,
                e.profiles.iter().map(|p| format!("`{p}`")).collect::<Vec<_>>().join(", ")
            );
            if s.len() + item.len() < LIMIT / 4 {
                s.push_str(&item);
            }
        }
        s.push('\n');
    }
}

/// The edited line before and after, trimmed.
fn excerpt(src: &str, range: std::ops::Range<usize>, content: &str) -> (String, String) {
    let start = src[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let end = src[range.end..].find('\n').map_or(src.len(), |i| range.end + i);
    let before = &src[start..end];
    let after = format!("{}{}{}", &src[start..range.start], content, &src[range.end..end]);
    let clip = |s: &str| {
        let t = s.trim();
        if t.chars().count() > 200 { format!("{}…", t.chars().take(200).collect::<String>()) } else { t.to_owned() }
    };
    // An inserted line shows as the anchor line and the new one.
    let after = after.replace('\n', " ⏎ ");
    (clip(before), clip(&after))
}
