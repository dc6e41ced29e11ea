//! From profile stacks to the scanned files: a stack's site is its top
//! frame in a scanned file, matched by the longest path suffix (profiles
//! name files by absolute build paths, `-trimpath` module paths or
//! module-cache paths with `@version`). At a site the line must hold a
//! channel operation of the reported kind ([`resolve`]); the site then
//! confirms the finding whose goroutine blocks there, or becomes a
//! `blocked-goroutine` finding of its own.

use crate::syntax::Fast as _;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Component, Path, PathBuf};

use tree_sitter::Node;

use super::{Profile, Wait};
use crate::analysis::FileFacts;
use crate::analysis::scope::BindingKind;
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
    /// blocked one, and where they were started when the profile says (a
    /// goroutine blocked in a helper is the finding's whose goroutine made
    /// the call or the `go` statement).
    pub callers: Vec<usize>,
    /// The blocked frame's function, as the profile names it
    /// (`main.fetch.func1`): the code at the line must be in it.
    pub function: String,
    /// Every stack of the site says where its goroutine was started.
    pub created_known: bool,
}

/// The profiles' sites, by scanned file, and what could not be mapped.
#[derive(Debug, Default)]
pub struct Mapping {
    pub by_file: HashMap<PathBuf, Vec<Site>>,
    pub notes: Vec<String>,
}

/// The components of a profile's file name as compared (`@version`
/// dropped: `repo@v1.2.3` is `repo`), and how many components follow the
/// last one that names a dependency (a module-cache `@version` or a
/// `vendor` directory): a match must reach past it.
fn components(path: &str) -> (Vec<&str>, Option<usize>) {
    let comps: Vec<&str> = path.split(['/', '\\']).filter(|c| !c.is_empty() && *c != ".").collect();
    let dependency = comps.iter().rposition(|c| c.contains('@') || *c == "vendor").map(|i| comps.len() - 1 - i);
    (comps.into_iter().map(|c| c.split_once('@').map_or(c, |(name, _)| name)).collect(), dependency)
}

/// A scanned file as a profile may name it: its absolute path, and its
/// import path form (`module/dir/file.go`, what `-trimpath` builds write),
/// as components.
struct Scanned {
    absolute: Vec<String>,
    module: Option<Vec<String>>,
}

fn normal_components(p: &Path) -> Vec<String> {
    p.components()
        .filter_map(|c| match c {
            Component::Normal(s) => s.to_str().map(str::to_owned),
            _ => None,
        })
        .collect()
}

/// `module/dir/file.go` for the file at `abs`, from the nearest go.mod's
/// `module` line (the directories' answers cached in `modules`).
fn module_form(abs: &Path, modules: &mut HashMap<PathBuf, Option<(PathBuf, String)>>) -> Option<Vec<String>> {
    let dir = abs.parent()?;
    let found = match modules.get(dir) {
        Some(f) => f.clone(),
        None => {
            let f = dir.ancestors().find_map(|d| {
                let text = std::fs::read_to_string(d.join("go.mod")).ok()?;
                let module = text.lines().find_map(|l| l.trim().strip_prefix("module "))?;
                Some((d.to_path_buf(), module.trim().trim_matches('"').to_owned()))
            });
            modules.insert(dir.to_path_buf(), f.clone());
            f
        }
    };
    let (root, module) = found?;
    let mut comps: Vec<String> = module.split('/').filter(|c| !c.is_empty()).map(str::to_owned).collect();
    comps.extend(normal_components(abs.strip_prefix(&root).ok()?));
    Some(comps)
}

/// Map every stack of `profiles` to its top frame in `files` (the scanned
/// files, as walked). A stack whose top frame is not in a scanned file
/// gives no site: its lower frames are where it was called from, not where
/// it blocks.
#[must_use]
pub fn map(profiles: &[Profile], files: &[PathBuf]) -> Mapping {
    let cwd = std::env::current_dir().unwrap_or_default();
    let mut modules = HashMap::new();
    let mut by_name: HashMap<String, Vec<(usize, Scanned)>> = HashMap::new();
    for (i, f) in files.iter().enumerate() {
        let abs = if f.is_absolute() { f.clone() } else { cwd.join(f.strip_prefix(".").unwrap_or(f)) };
        let absolute = normal_components(&abs);
        let Some(last) = absolute.last().cloned() else { continue };
        let module = module_form(&abs, &mut modules);
        by_name.entry(last).or_default().push((i, Scanned { absolute, module }));
    }
    let mut out = Mapping::default();
    // A profile file name to the scanned file it names (asked once each).
    let mut resolved: HashMap<String, Option<usize>> = HashMap::new();
    let mut ambiguous: Vec<String> = Vec::new();
    let mut sites: HashMap<(usize, usize, Wait), Site> = HashMap::new();
    let mut lookup = |file: &str| -> Option<usize> {
        *resolved.entry(file.to_owned()).or_insert_with(|| {
            let (best, tie) = best_match(file, &by_name);
            if tie.is_some() && !ambiguous.iter().any(|a| a == file) {
                ambiguous.push(file.to_owned());
            }
            if tie.is_some() { None } else { best }
        })
    };
    for p in &dedup(profiles) {
        for s in &p.stacks {
            let Some(top) = s.frames.first() else { continue };
            let Some(file) = lookup(&top.file) else { continue };
            let line = top.line as usize;
            let callers: Vec<usize> = s
                .frames
                .iter()
                .skip(1)
                .chain(&s.created_by)
                .filter(|f| lookup(&f.file) == Some(file))
                .map(|f| f.line as usize)
                .collect();
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
                    site.created_known &= s.created_by.is_some();
                }
                None => {
                    let site = Site {
                        wait: s.wait,
                        evidence: e,
                        callers,
                        function: top.function.clone(),
                        created_known: s.created_by.is_some(),
                    };
                    sites.insert((file, line, s.wait), site);
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

/// The profiles, each file once (the same file named twice would count its
/// goroutines twice).
fn dedup(profiles: &[Profile]) -> Vec<&Profile> {
    let mut seen = Vec::new();
    profiles
        .iter()
        .filter(|p| {
            let key = std::fs::canonicalize(&p.name).unwrap_or_else(|_| PathBuf::from(&p.name));
            if seen.contains(&key) {
                return false;
            }
            seen.push(key);
            true
        })
        .collect()
}

/// The scanned file a profile's file name names, and a second one when two
/// tie: the one whose absolute path shares the longest suffix with it (at
/// least two components), or whose import path form it ends with whole;
/// past the dependency component (module cache, `vendor/`) if it has one.
fn best_match(file: &str, by_name: &HashMap<String, Vec<(usize, Scanned)>>) -> (Option<usize>, Option<usize>) {
    let (comps, dependency) = components(file);
    let Some(last) = comps.last() else { return (None, None) };
    let Some(candidates) = by_name.get(*last) else { return (None, None) };
    let shared = |scanned: &[String]| comps.iter().rev().zip(scanned.iter().rev()).take_while(|(a, b)| *a == b).count();
    let mut best: Option<(usize, usize)> = None;
    let mut tie = None;
    for (i, scanned) in candidates {
        let by_path = shared(&scanned.absolute);
        let by_module = scanned.module.as_ref().map_or(0, |m| shared(m));
        let whole_module = scanned.module.as_ref().is_some_and(|m| by_module == m.len());
        let score = if whole_module { by_module.max(by_path) } else { by_path };
        if score < 2 || dependency.is_some_and(|d| score <= d) {
            continue;
        }
        match best {
            Some((_, n)) if n > score => {}
            Some((_, n)) if n == score => tie = Some(*i),
            _ => {
                best = Some((*i, score));
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
        let wait = match n.kind_str() {
            k::SEND_STATEMENT => Some(Wait::Send),
            k::UNARY_EXPRESSION if n.field("operator").is_some_and(|o| o.kind_str() == "<-") => Some(Wait::Receive),
            k::RANGE_CLAUSE => Some(Wait::Receive),
            k::SELECT_STATEMENT => Some(Wait::Select),
            _ => None,
        };
        if let Some(wait) = wait {
            let mut rows = vec![n.start_position().row];
            if wait == Wait::Send
                && let Some(arrow) = (0..n.child_count()).filter_map(|i| n.child(i)).find(|c| c.kind_str() == "<-")
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
    let stale = |e: &Evidence, why: &str| {
        format!(
            "{} goroutine{} blocked in {} at {path}:{}, but {why}: the profile is stale for that site (the code \
             changed since it was taken); not mapped",
            thousands(e.goroutines),
            if e.goroutines == 1 { "" } else { "s" },
            e.wait,
            e.line
        )
    };
    for site in sites {
        let e = &site.evidence;
        let on_line: Vec<&BlockingOp<'_>> = ops
            .get(&(e.line.saturating_sub(1)))
            .map(|l| l.iter().filter(|o| site.wait == Wait::Unknown || o.wait == site.wait).collect())
            .unwrap_or_default();
        let op = match on_line.as_slice() {
            [op] => *op,
            // debug=1 says no operation: a goroutine blocked on anything
            // else (a mutex, I/O) is not a channel's.
            [] if site.wait == Wait::Unknown => continue,
            [] => {
                notes.push(stale(e, "that line holds none"));
                continue;
            }
            // Several on the line: the profile does not say which.
            _ => {
                if site.wait != Wait::Unknown {
                    notes.push(format!(
                        "{} goroutines blocked in {} at {path}:{}, a line with several such operations; not mapped",
                        thousands(e.goroutines),
                        e.wait,
                        e.line
                    ));
                }
                continue;
            }
        };
        // The line must be in the function the profile names.
        let decl = facts.decl_at(op.node.start_byte());
        let here = decl.map(|d| crate::transforms::decl_name(&facts, d));
        if !here.as_deref().is_some_and(|h| same_function(&site.function, h)) {
            notes
                .push(stale(e, &format!("that line is in `{}`, not in `{}`", here.unwrap_or_default(), site.function)));
            continue;
        }
        // A profile without wait reasons (debug=1): the line's operation says.
        let e = &Evidence { wait: op.wait.runtime_name(), ..e.clone() };
        let mut explained = false;
        for o in outcomes.iter_mut() {
            let f = &o.finding;
            let blocks_here =
                f.waits.contains(&op.node.start_byte()) || f.waits.iter().any(|&w| site.callers.contains(&line_of(w)));
            if !blocks_here {
                continue;
            }
            // A function started or called from elsewhere too: the stack
            // must show this finding's function below it (a caller, or the
            // `go` statement).
            let home = facts.decl_at(f.range.start);
            let in_home = home.is_some_and(|h| decl.is_some_and(|d| d.id() == h.id()));
            let via_home = home.is_some_and(|h| {
                site.callers.iter().any(|&l| h.start_position().row < l && l <= h.end_position().row + 1)
            });
            if !in_home && !via_home {
                continue;
            }
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
        let function = decl.map_or_else(String::new, |d| crate::transforms::decl_name(&facts, d));
        let proven = if e.leaked { "leaked (proven by the runtime)" } else { "blocked" };
        // Unproven waits in a loop's receive are what a pool's idle
        // workers look like too: say so.
        let idle = if !e.leaked && op.wait != Wait::Send && in_loop(op.node) {
            " (a receive in a loop: a pool's idle workers wait like this too; a leak if their number keeps growing \
             from profile to profile)"
        } else {
            ""
        };
        let finding = Finding {
            transform: BLOCKED_GOROUTINE,
            range: op.node.byte_range(),
            channel,
            function,
            message: format!("goroutines {proven} in {} here{idle}; leakfix has no fix: {why}", e.wait),
            fix: None,
            waits: vec![op.node.start_byte()],
            related: Vec::new(),
        };
        outcomes.push(Outcome { finding, status: Status::Unfixed, evidence: Some(e.clone()) });
    }
    outcomes.sort_by_key(|o| o.finding.range.start);
}

/// Is `op` in a loop of the function (declaration or literal) it is in (a
/// `range` clause is in its own loop)?
fn in_loop(op: Node<'_>) -> bool {
    op.kind_str() == k::RANGE_CLAUSE
        || crate::analysis::flow::innermost_function(op)
            .is_some_and(|f| crate::analysis::flow::loops_between(op, f).next().is_some())
}

/// Is the profile's function symbol (`example.com/p.(*T).m.func1`,
/// `main.f.func2.1`, `p.F[...]`) code of the declaration named `decl`
/// (`f`, or `T.m` for a method)?
fn same_function(symbol: &str, decl: &str) -> bool {
    // The package path ends at the first `.` after its last `/`.
    let after_slash = symbol.rfind('/').map_or(0, |i| i + 1);
    let Some(dot) = symbol[after_slash..].find('.') else { return false };
    let rest = &symbol[after_slash + dot + 1..];
    let rest = rest.replace("[...]", "");
    if let Some(method) = rest.strip_prefix("(*") {
        // `(*T).m...`
        let Some((ty, tail)) = method.split_once(").") else { return false };
        let name = tail.split('.').next().unwrap_or(tail);
        return decl == format!("{ty}.{name}");
    }
    let mut parts = rest.split('.');
    let first = parts.next().unwrap_or_default();
    let second = parts.next();
    decl == first || second.is_some_and(|m| decl == format!("{first}.{m}"))
}

/// The channel an operation blocks on (its text), and why no transform
/// fixes it, as far as the code shows.
fn why_no_fix(facts: &FileFacts<'_>, op: &BlockingOp<'_>) -> (String, String) {
    let n = op.node;
    let operand = match n.kind_str() {
        k::SEND_STATEMENT => n.field("channel"),
        k::UNARY_EXPRESSION => n.field("operand"),
        k::RANGE_CLAUSE => n.field("right"),
        _ => None,
    };
    let Some(ch) = operand else {
        return (String::new(), "the goroutine waits in a select, whose channels leakfix does not follow".to_owned());
    };
    let text = facts.text(ch).to_owned();
    let why = match ch.kind_str() {
        k::SELECTOR_EXPRESSION => {
            format!(
                "`{text}` is a field or another package's variable, not a channel made in the function that starts the goroutine"
            )
        }
        k::IDENTIFIER => match facts.scopes_for(n) {
            Some((_, scopes)) => match scopes.resolve(ch).map(|b| scopes.binding(b)) {
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
            },
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
    fn profile_symbols_name_their_declaration() {
        assert!(same_function("main.fetch.func1", "fetch"));
        assert!(same_function("example.com/a/b.(*server).handle.func1", "server.handle"));
        assert!(same_function("example.com/a/b.store.get", "store.get"));
        assert!(same_function("p.Map[...].Load", "Map.Load"));
        assert!(!same_function("main.first.func1", "second"));
        assert!(!same_function("example.com/a/b.(*server).handle", "handle"));
    }

    #[test]
    fn an_unproven_wait_in_a_loops_receive_says_idle_workers_look_the_same() {
        let src = "package p\n\nfunc pool(jobs chan int) {\n\tfor i := 0; i < 200; i++ {\n\t\tgo func() {\n\t\t\tfor j := range jobs {\n\t\t\t\t_ = j\n\t\t\t}\n\t\t}()\n\t}\n}\n\nfunc one(c chan int) {\n\tgo func() {\n\t\t<-c\n\t}()\n}\n";
        let site = |line: usize, function: &str, leaked: bool| Site {
            wait: Wait::Receive,
            evidence: Evidence {
                goroutines: 500,
                wait: "chan receive",
                minutes: None,
                profiles: vec!["p.pb.gz".into()],
                leaked,
                line,
            },
            callers: Vec::new(),
            function: function.into(),
            created_known: false,
        };
        let message = |s: Site| {
            let mut outcomes = Vec::new();
            resolve("p.go", src, &[s], &mut outcomes, Some(100), &mut Vec::new());
            let [o] = &outcomes[..] else { panic!("one finding: {outcomes:?}") };
            o.finding.message.clone()
        };
        assert!(message(site(6, "p.pool.func1", false)).contains("idle workers"));
        assert!(!message(site(6, "p.pool.func1", true)).contains("idle workers"), "proven by the runtime");
        assert!(!message(site(15, "p.one.func1", false)).contains("idle workers"), "no loop");
    }

    #[test]
    fn counts_read_with_thousands_separators() {
        assert_eq!(thousands(7), "7");
        assert_eq!(thousands(1204), "1,204");
        assert_eq!(thousands(1_000_000), "1,000,000");
    }

    #[test]
    fn profile_paths_match_by_their_longest_suffix_never_into_a_dependency() {
        let scanned = |abs: &str, module: &str| Scanned {
            absolute: abs.split('/').filter(|c| !c.is_empty()).map(str::to_owned).collect(),
            module: Some(module.split('/').map(str::to_owned).collect()),
        };
        let mut by_name: HashMap<String, Vec<(usize, Scanned)>> = HashMap::new();
        for (i, (abs, module)) in [
            ("/w/repo/pkg/a/x.go", "example.com/repo/pkg/a/x.go"),
            ("/w/repo/pkg/b/x.go", "example.com/repo/pkg/b/x.go"),
            ("/w/repo/main.go", "example.com/repo/main.go"),
        ]
        .into_iter()
        .enumerate()
        {
            by_name.entry(abs.rsplit('/').next().unwrap().to_owned()).or_default().push((i, scanned(abs, module)));
        }
        let best = |p: &str| best_match(p, &by_name);
        assert_eq!(best("/build/repo/pkg/a/x.go"), (Some(0), None));
        assert_eq!(best("example.com/repo/pkg/b/x.go"), (Some(1), None), "a -trimpath path");
        assert_eq!(best("/root/go/pkg/mod/example.com/dep@v1.2.3/pkg/a/x.go"), (None, None), "a dependency's file");
        assert_eq!(best("example.com/dep@v1.2.3/pkg/a/x.go"), (None, None), "a dependency, -trimpath");
        assert_eq!(best("/build/repo/vendor/example.com/x/pkg/a/x.go"), (None, None), "vendored");
        assert_eq!(best("/elsewhere/x.go"), (None, None), "one component is not enough");
        assert_eq!(best("/build/repo/main.go"), (Some(2), None));
        assert_eq!(best("/src/other/main.go"), (None, None), "a file name alone");
        assert_eq!(best("/x/pkg/x.go"), (None, None));
    }
}
