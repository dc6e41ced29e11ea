//! From profile stacks to the scanned files: a stack's site is its top
//! frame in a scanned file, matched by the longest path suffix (profiles
//! name files by absolute build paths, `-trimpath` module paths or
//! module-cache paths with `@version`). At a site the line must hold a
//! channel operation of the reported kind ([`resolve`]); the site then
//! confirms the finding whose goroutine blocks there, or becomes a
//! `blocked-goroutine` finding of its own.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Component, Path, PathBuf};

use tree_sitter::Node;

use super::{Profile, Wait};
use crate::analysis::FileFacts;
use crate::analysis::scope::{BindingKind, Scopes};
use crate::engine::{Outcome, Status};
use crate::syntax::{self, kinds as k};
use crate::transforms::Finding;

/// The id of the findings a profile shows and no transform explains.
pub const BLOCKED_GOROUTINE: &str = "blocked-goroutine";
/// Its one-line summary (`leakfix list`, SARIF).
pub const SUMMARY: &str =
    "goroutines a profile shows blocked in a channel operation that no transform explains (--profile; no fix)";
/// Its documentation (`leakfix explain blocked-goroutine`, SARIF).
pub const DOCS: &str = include_str!("../../docs/blocked-goroutine.md");

/// What the profiles show blocked at one operation.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Evidence {
    /// Goroutines blocked there, summed over the profiles.
    pub goroutines: u64,
    /// The operation, as the runtime names it (`chan send`).
    pub wait: &'static str,
    /// The longest wait in minutes, when a profile says.
    pub minutes: Option<u64>,
    /// The profile files that show it.
    pub profiles: Vec<String>,
    /// The runtime proved them leaked (a `goroutineleak` profile, or a
    /// `(leaked)` wait).
    pub leaked: bool,
    /// The blocked operation's line (1-based) in the finding's file.
    pub line: usize,
}

impl Evidence {
    /// `1,204 goroutines blocked at file.go:42`.
    #[must_use]
    pub fn describe(&self, path: &str) -> String {
        let n = self.goroutines;
        let mut s =
            format!("{} goroutine{} blocked at {path}:{}", thousands(n), if n == 1 { "" } else { "s" }, self.line);
        if let Some(m) = self.minutes {
            let _ = write!(s, " for up to {m} minute{}", if m == 1 { "" } else { "s" });
        }
        s
    }

    fn merge(&mut self, other: &Evidence) {
        self.goroutines += other.goroutines;
        self.minutes = self.minutes.max(other.minutes);
        self.leaked |= other.leaked;
        for p in &other.profiles {
            if !self.profiles.contains(p) {
                self.profiles.push(p.clone());
            }
        }
    }
}

/// `1204` → `1,204`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Goroutines blocked at one line of a scanned file.
#[derive(Debug, Clone)]
pub struct Site {
    pub wait: Wait,
    pub evidence: Evidence,
    /// The lines of the same file their stacks run through below the
    /// blocked one (a goroutine blocked in a helper it called with the
    /// channel is the finding's whose goroutine makes that call).
    pub callers: Vec<usize>,
}

/// The profiles' sites, by scanned file, and what could not be mapped.
#[derive(Debug, Default)]
pub struct Mapping {
    pub by_file: HashMap<PathBuf, Vec<Site>>,
    pub notes: Vec<String>,
}

/// The components of a path as compared: `@version` dropped from each
/// (`repo@v1.2.3` is `repo`), `.` and the root left out.
fn components(path: &str) -> Vec<&str> {
    path.split(['/', '\\'])
        .filter(|c| !c.is_empty() && *c != ".")
        .map(|c| c.split_once('@').map_or(c, |(name, _)| name))
        .collect()
}

/// Map every stack of `profiles` to its top frame in `files` (the scanned
/// files, as walked from `roots`, the paths named on the command line: a
/// file's path below its root is what a profile's path must end with, or
/// share at least two components with).
#[must_use]
pub fn map(profiles: &[Profile], files: &[PathBuf], roots: &[PathBuf]) -> Mapping {
    // Scanned files by file name, with their components below their root.
    let mut by_name: HashMap<&str, Vec<(usize, Vec<&str>)>> = HashMap::new();
    for (i, f) in files.iter().enumerate() {
        let below = roots
            .iter()
            .filter(|r| r.is_dir())
            .filter_map(|r| f.strip_prefix(r).ok())
            .min_by_key(|rest| rest.components().count())
            .unwrap_or_else(|| f.file_name().map_or(f.as_path(), Path::new));
        let comps: Vec<&str> = below
            .components()
            .filter_map(|c| match c {
                Component::Normal(s) => s.to_str(),
                _ => None,
            })
            .collect();
        if let Some(last) = comps.last() {
            by_name.entry(last).or_default().push((i, comps));
        }
    }
    let mut out = Mapping::default();
    // A profile file name to the scanned file it names (asked once each).
    let mut resolved: HashMap<String, Option<usize>> = HashMap::new();
    let mut ambiguous: Vec<String> = Vec::new();
    let mut sites: HashMap<(usize, usize, Wait), Site> = HashMap::new();
    for p in profiles {
        for s in &p.stacks {
            let mut in_tree = s.frames.iter().filter_map(|f| {
                let at = *resolved.entry(f.file.clone()).or_insert_with(|| {
                    let (best, tie) = best_match(&f.file, &by_name);
                    if tie.is_some() && !ambiguous.contains(&f.file) {
                        ambiguous.push(f.file.clone());
                    }
                    if tie.is_some() { None } else { best }
                });
                at.map(|i| (i, f.line as usize))
            });
            let Some((file, line)) = in_tree.next() else { continue };
            let callers: Vec<usize> = in_tree.filter(|(f, _)| *f == file).map(|(_, l)| l).collect();
            let e = Evidence {
                goroutines: s.goroutines,
                wait: s.wait.runtime_name(),
                minutes: s.minutes,
                profiles: vec![p.name.clone()],
                leaked: s.leaked,
                line,
            };
            match sites.get_mut(&(file, line, s.wait)) {
                Some(site) => {
                    site.evidence.merge(&e);
                    for l in callers {
                        if !site.callers.contains(&l) {
                            site.callers.push(l);
                        }
                    }
                }
                None => {
                    sites.insert((file, line, s.wait), Site { wait: s.wait, evidence: e, callers });
                }
            }
        }
    }
    for f in ambiguous {
        out.notes
            .push(format!("profile: {f} matches several scanned files equally well; its goroutines are not mapped"));
    }
    let mut sites: Vec<_> = sites.into_iter().collect();
    sites.sort_by_key(|((file, line, wait), _)| (*file, *line, *wait));
    for ((file, _, _), site) in sites {
        out.by_file.entry(files[file].clone()).or_default().push(site);
    }
    out
}

/// The scanned file a profile's file name names: the one sharing the
/// longest path suffix with it, at least two components or the whole
/// scanned path; and a second one when two tie.
fn best_match(file: &str, by_name: &HashMap<&str, Vec<(usize, Vec<&str>)>>) -> (Option<usize>, Option<usize>) {
    let comps = components(file);
    let Some(last) = comps.last() else { return (None, None) };
    let Some(candidates) = by_name.get(last) else { return (None, None) };
    let mut best: Option<(usize, usize)> = None;
    let mut tie = None;
    for (i, scanned) in candidates {
        let shared = comps.iter().rev().zip(scanned.iter().rev()).take_while(|(a, b)| a == b).count();
        if shared < 2 && shared < scanned.len() {
            continue;
        }
        match best {
            Some((_, n)) if n > shared => {}
            Some((_, n)) if n == shared => tie = Some(*i),
            _ => {
                best = Some((*i, shared));
                tie = None;
            }
        }
    }
    (best.map(|(i, _)| i), tie)
}

/// A channel operation of a file that a goroutine can block in.
struct BlockingOp<'t> {
    node: Node<'t>,
    wait: Wait,
}

/// The channel operations on each line (0-based rows): sends, receives
/// (`<-c`, `range c`) and selects, at the line the runtime reports (a
/// select's `select` keyword, a send's `<-`).
fn ops_by_row(root: Node<'_>) -> HashMap<usize, Vec<BlockingOp<'_>>> {
    let mut out: HashMap<usize, Vec<BlockingOp<'_>>> = HashMap::new();
    syntax::walk_preorder(root, |n| {
        let wait = match n.kind() {
            k::SEND_STATEMENT => Some(Wait::Send),
            k::UNARY_EXPRESSION if n.child_by_field_name("operator").is_some_and(|o| o.kind() == "<-") => {
                Some(Wait::Receive)
            }
            k::RANGE_CLAUSE => Some(Wait::Receive),
            k::SELECT_STATEMENT => Some(Wait::Select),
            _ => None,
        };
        if let Some(wait) = wait {
            let mut rows = vec![n.start_position().row];
            if wait == Wait::Send
                && let Some(arrow) = (0..n.child_count()).filter_map(|i| n.child(i)).find(|c| c.kind() == "<-")
            {
                rows.push(arrow.start_position().row);
            }
            rows.dedup();
            for r in rows {
                out.entry(r).or_default().push(BlockingOp { node: n, wait });
            }
        }
        true
    });
    out
}

/// The file's sites against its outcomes: evidence on the findings whose
/// goroutines block at a site, a `blocked-goroutine` finding for a site no
/// finding explains (when the runtime proved the leak, or at least
/// `min_goroutines` are blocked there; none when `None`, and none where a
/// `//leakfix:ignore` comment names it), and a note for a site whose line
/// holds no such operation (the code changed since the profile was taken).
pub fn resolve(
    path: &str,
    src: &str,
    sites: &[Site],
    outcomes: &mut Vec<Outcome>,
    min_goroutines: Option<u64>,
    notes: &mut Vec<String>,
) {
    let Some(tree) = syntax::parse(src.as_bytes()) else { return };
    let ops = ops_by_row(tree.root_node());
    let trees = [tree.clone()];
    let facts = FileFacts::new(&trees, src.as_bytes());
    let lines = syntax::LineIndex::new(src.as_bytes());
    let line_of = |at: usize| lines.point(at).row + 1;
    for site in sites {
        let e = &site.evidence;
        let op = ops
            .get(&(e.line - 1))
            .and_then(|on_line| on_line.iter().find(|o| site.wait == Wait::Unknown || o.wait == site.wait));
        let Some(op) = op else {
            // debug=1 says no operation: a goroutine blocked on anything
            // else (a mutex, I/O) is not a channel's.
            if site.wait != Wait::Unknown {
                notes.push(format!(
                    "{} goroutine{} blocked in {} at {path}:{}, but that line holds none: the profile is stale for \
                     that site (the code changed since it was taken); not mapped",
                    thousands(e.goroutines),
                    if e.goroutines == 1 { "" } else { "s" },
                    e.wait,
                    e.line
                ));
            }
            continue;
        };
        // A profile without wait reasons (debug=1): the line's operation says.
        let e = &Evidence { wait: op.wait.runtime_name(), ..e.clone() };
        let mut explained = false;
        let through = |l: usize| l == e.line || site.callers.contains(&l);
        for o in outcomes.iter_mut().filter(|o| o.finding.waits.iter().any(|&w| through(line_of(w)))) {
            explained = true;
            match &mut o.evidence {
                Some(have) => have.merge(e),
                None => o.evidence = Some(e.clone()),
            }
        }
        let Some(min) = min_goroutines else { continue };
        let ignored = crate::transforms::suppressed(&facts, op.node)
            .is_some_and(|ids| ids.is_empty() || ids.iter().any(|i| i == BLOCKED_GOROUTINE));
        if explained || ignored || !(e.leaked || e.goroutines >= min) {
            continue;
        }
        let (channel, why) = why_no_fix(&facts, op);
        let function = enclosing_decl(op.node).map_or_else(String::new, |d| crate::transforms::decl_name(&facts, d));
        let proven = if e.leaked { "leaked (proven by the runtime)" } else { "blocked" };
        let finding = Finding {
            transform: BLOCKED_GOROUTINE,
            range: op.node.byte_range(),
            channel,
            function,
            message: format!("goroutines {proven} in {} here; leakfix has no fix: {why}", e.wait),
            fix: None,
            waits: vec![op.node.start_byte()],
            related: Vec::new(),
        };
        outcomes.push(Outcome { finding, status: Status::Unfixed, evidence: Some(e.clone()) });
    }
    outcomes.sort_by_key(|o| o.finding.range.start);
}

fn enclosing_decl(n: Node<'_>) -> Option<Node<'_>> {
    syntax::ancestors(n).find(|a| matches!(a.kind(), k::FUNCTION_DECLARATION | k::METHOD_DECLARATION))
}

/// The channel an operation blocks on (its text), and why no transform
/// fixes it, as far as the code shows.
fn why_no_fix(facts: &FileFacts<'_>, op: &BlockingOp<'_>) -> (String, String) {
    let n = op.node;
    let operand = match n.kind() {
        k::SEND_STATEMENT => n.child_by_field_name("channel"),
        k::UNARY_EXPRESSION => n.child_by_field_name("operand"),
        k::RANGE_CLAUSE => n.child_by_field_name("right"),
        _ => None,
    };
    let Some(ch) = operand else {
        return (String::new(), "the goroutine waits in a select, whose channels leakfix does not follow".to_owned());
    };
    let text = facts.text(ch).to_owned();
    let why = match ch.kind() {
        k::SELECTOR_EXPRESSION => {
            format!(
                "`{text}` is a field or another package's variable, not a channel made in the function that starts the goroutine"
            )
        }
        k::IDENTIFIER => match enclosing_decl(n) {
            Some(decl) => {
                let scopes = Scopes::of(decl, facts.src);
                match scopes.resolve(ch).map(|b| scopes.binding(b)) {
                    None => format!("`{text}` is a package-level variable, shared beyond one function"),
                    Some(b) if b.kind == BindingKind::Param => {
                        format!("`{text}` is a parameter: the channel is made by a caller leakfix did not follow")
                    }
                    Some(b) if b.init.is_some_and(|i| facts.text(i).starts_with("make(")) => format!(
                        "`{text}` is made in this function, but no transform's pattern matches it (for example, a sender \
                         sends more than once or in a loop, the receives cannot be counted, or the sender is an interface \
                         method)"
                    ),
                    Some(_) => format!(
                        "`{text}` is not made by `make` where it is declared (it holds another expression's channel)"
                    ),
                }
            }
            None => format!("`{text}` is used outside any function leakfix analyses"),
        },
        _ => format!("the channel is the value of `{text}`, not a variable"),
    };
    (text, why)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_with_thousands_separators() {
        assert_eq!(thousands(7), "7");
        assert_eq!(thousands(1204), "1,204");
        assert_eq!(thousands(1_000_000), "1,000,000");
    }

    #[test]
    fn profile_paths_match_by_their_longest_suffix() {
        let files: Vec<PathBuf> =
            ["pkg/a/x.go", "pkg/b/x.go", "main.go", "cmd/tool/main.go"].map(PathBuf::from).to_vec();
        let mut by_name: HashMap<&str, Vec<(usize, Vec<&str>)>> = HashMap::new();
        for (i, f) in files.iter().enumerate() {
            let comps: Vec<&str> = f.iter().filter_map(|c| c.to_str()).collect();
            by_name.entry(comps.last().copied().unwrap()).or_default().push((i, comps));
        }
        let best = |p: &str| best_match(p, &by_name);
        assert_eq!(best("/build/repo/pkg/a/x.go"), (Some(0), None));
        assert_eq!(best("github.com/org/repo/pkg/b/x.go"), (Some(1), None));
        assert_eq!(best("/root/go/pkg/mod/github.com/org/pkg@v1.2.3/b/x.go"), (Some(1), None), "@version dropped");
        assert_eq!(best("/elsewhere/x.go"), (None, None), "one component is not enough");
        assert_eq!(best("/build/repo/main.go"), (Some(2), None), "the whole scanned path");
        assert_eq!(best("/src/cmd/tool/main.go"), (Some(3), None));
        assert_eq!(best("/other/c/x.go"), (None, None));
        let (_, tie) = best("/x/pkg/x.go");
        assert_eq!(tie, None, "pkg/x.go is no scanned file's suffix");
    }
}
