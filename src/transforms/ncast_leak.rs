use crate::syntax::Fast as _;
use tree_sitter::Node;

use super::capacity::{capacity_finding, describe};
use super::{Context, Finding, Transform};
use crate::analysis::channel_facts::{exits_after, loops_after_make};
use crate::analysis::exits::exits;
use crate::analysis::relevance::GoroutineUse;
use crate::analysis::selects::leaves_by_an_independent_case;
use crate::analysis::types::{
    Shape, binding_shape_in_package, declared_shape, field_type, is_sequence_in_package, shape_in_package,
};
use crate::analysis::{Channel, FileFacts, OpKind, Package, Place, Scopes, flow};
use crate::syntax::Named as _;
use crate::syntax::{kinds as k, named_children};

/// Goroutines started in a loop each send once; the parent receives fewer
/// times than it started them.
pub struct NcastLeak;

impl Transform for NcastLeak {
    fn id(&self) -> &'static str {
        "ncast-leak"
    }

    fn summary(&self) -> &'static str {
        "goroutines started in a loop send on one unbuffered channel and the parent receives fewer times"
    }

    fn needs(&self) -> GoroutineUse {
        GoroutineUse::SendUnderBuffered
    }

    fn docs(&self) -> &'static str {
        include_str!("../../transforms/ncast-leak/README.md")
    }

    fn check<'t>(&self, cx: &Context<'_, 't>, ch: &Channel<'t>) -> Option<Finding> {
        let facts = cx.facts;
        // Unbuffered, or buffered by a literal the senders may outnumber.
        let buffer = literal_capacity(facts, ch)?;
        let Some(sender) = ch.sole_sender(cx.pkg) else { return self.several(cx, ch, buffer) };
        // If some goroutines may not send at all, fewer receives can be
        // right; not when the parent ranges until the closer closes the
        // channel after every sender is done (it counts nothing) and stops
        // ranging early.
        let ranged = ch.ops_of(OpKind::Range).next().is_some();
        let may_not_send = !sender.every_path && !ranged;
        // The launch loop, or the outermost of nested launch loops.
        let loops = loops_after_make(ch, sender.go);
        let launch = *loops.last()?;
        // Ranging over the channel is receiving in a loop (the sole sender
        // allows it when a closer closes the channel after every send).
        let recvs: Vec<_> = ch.ops.iter().filter(|o| matches!(o.kind, OpKind::Recv | OpKind::Range)).collect();
        if recvs.iter().any(|r| r.place != Place::Parent || r.node.start_byte() < launch.end_byte()) {
            return None;
        }
        // How many sends the parent surely takes on the leaking path.
        // (With the exit before any receive, if there is one.)
        let (reason, received, exit) = match recvs.first() {
            None if may_not_send => return None,
            None => (format!("nothing receives from `{}`", ch.name), 0, None),
            Some(_) => {
                let early = exits_after(cx.pkg, ch, launch, true).into_iter().next();
                // An exit before any receive can be the path where no sender
                // sends; not another case of the receiving select (a timeout,
                // `ctx.Done()`), which leaves whatever the senders do. Without
                // such a case, goroutines that may not send can make fewer
                // receives right.
                let leaves_anyway = early.is_some_and(|j| leaves_by_an_independent_case(cx.pkg, ch, j));
                // Or the receiving loop's select has such a case (`for range
                // objs { select { case n := <-sizes: ...; case <-ctx.Done():
                // return ... } }`): errgroup workers that send only on
                // success are this shape.
                let loop_leaves_anyway = early.is_none()
                    && may_not_send
                    && exits_after(cx.pkg, ch, launch, false)
                        .into_iter()
                        .any(|j| leaves_by_an_independent_case(cx.pkg, ch, j));
                if (early.is_some() && !sender.every_path || may_not_send) && !leaves_anyway && !loop_leaves_anyway {
                    return None;
                }
                if let Some(j) = early {
                    (format!("{} leaves before receiving from `{}`", describe(facts, j), ch.name), 0, early)
                } else {
                    let (reason, received) =
                        receives_fewer(cx.pkg, ch, &recvs.iter().map(|r| r.node).collect::<Vec<_>>())?;
                    (reason, received, None)
                }
            }
        };
        let (_, scopes) = facts.scopes_for(ch.make)?;
        let count = nested_count(cx, scopes, ch, &loops, sender.go).and_then(|c| len_is_builtin(cx, c));
        // A literal count the buffer and the receives cover cannot leak.
        if let Ok(n) = count.as_deref().map(str::parse::<u64>)
            && n.is_ok_and(|n| n <= buffer + received)
        {
            return None;
        }
        let closer_started = |c: usize| exit.is_none_or(|e| e.start_byte() > ch.starts[c].stmt.end_byte());
        let closer = if ch.wait_closer(cx.pkg).is_some_and(closer_started) {
            format!(", and so does the goroutine that closes `{}` after them", ch.name)
        } else {
            String::new()
        };
        let message = format!(
            "goroutines started in the {} on line {} each send on `{}`, but {reason}{}: the rest block forever{closer}",
            if loops.len() > 1 { "nested loops" } else { "loop" },
            launch.start_position().row + 1,
            ch.name,
            too_small(buffer)
        );
        match count {
            // Without a fix, a buffered channel's leak is not shown: the
            // count the buffer must reach is unknown.
            Err(_) if buffer > 0 => None,
            Ok(count) => Some(capacity_finding(self, cx.pkg, ch, (sender.last, sender.gated), &count, message)),
            Err(why) => Some(Finding::about(self, ch, format!("{message} (no fix: {why})"), None)),
        }
    }
}

/// The channel's capacity when it is none or an integer literal (decimal).
fn literal_capacity(facts: &FileFacts<'_>, ch: &Channel<'_>) -> Option<u64> {
    match ch.capacity {
        None => Some(0),
        Some(c) if c.kind_str() == k::INT_LITERAL => facts.text(c).parse().ok(),
        Some(_) => None,
    }
}

/// What a message adds about a buffer that is there but too small.
fn too_small(buffer: u64) -> String {
    if buffer == 0 { String::new() } else { format!(", and the channel's capacity {buffer} is too small") }
}

impl NcastLeak {
    /// Several goroutines started outside any loop, each sending once
    /// ([`crate::analysis::channel_facts::Senders`]): the capacity is their
    /// number, written as a literal.
    fn several<'t>(&self, cx: &Context<'_, 't>, ch: &Channel<'t>, buffer: u64) -> Option<Finding> {
        let facts = cx.facts;
        let senders = ch.senders(cx.pkg)?;
        let last_start = *senders.stmts.last()?;
        let recvs: Vec<_> = ch.ops_of(OpKind::Recv).map(|r| r.node).collect();
        // Receives in a loop after every start (`for range 3 { if err :=
        // <-errc; err != nil { return err } }`) leak only when the loop can
        // be left early; none of them is then counted as surely received.
        let looped_recvs = recvs.iter().any(|r| !loops_after_make(ch, *r).is_empty());
        if looped_recvs
            && recvs.iter().any(|r| loops_after_make(ch, *r).last().unwrap_or(r).start_byte() < last_start.end_byte())
        {
            return None;
        }
        // Receives between the starts: an exit must leave more goroutines
        // unreceived than the buffer holds.
        let interleaved = recvs.iter().any(|r| r.start_byte() < last_start.end_byte());
        let pending = if interleaved { Some(senders.exit_with_pending(cx.pkg, ch)?) } else { None };
        let n = senders.most;
        let receives = ch.most_receives_on_a_path();
        // A launch loop's goroutines count as the loop's iterations, once
        // for each start in its body.
        let (capacity, literal) = match &senders.looped {
            None => (n.to_string(), Some(n)),
            Some((gos, launch)) => looped_capacity(cx, ch, gos, *launch, n - 1)?,
        };
        // `fmt.Println(<-errc); os.Exit(1)`: the first result ends the process.
        if recvs.iter().any(|r| flow::ends_process_after(*r, facts.src)) {
            return None;
        }
        let (reason, received) = if looped_recvs {
            if let Some(j) = exits_after(cx.pkg, ch, last_start, true).into_iter().next() {
                (format!("{} leaves before receiving from `{}`", describe(facts, j), ch.name), 0)
            } else {
                let (reason, received) = receives_fewer(cx.pkg, ch, &recvs)?;
                (reason, usize::try_from(received).ok()?)
            }
        } else if let Some((j, pending)) = pending {
            let left = if pending == 1 { "one of them".to_owned() } else { format!("{pending} of them") };
            (format!("{} leaves with {left} not yet received", describe(facts, j)), n - pending)
        } else if recvs.is_empty() {
            (format!("nothing receives from `{}`", ch.name), 0)
        } else if let Some(j) = exits_after(cx.pkg, ch, last_start, false).into_iter().next() {
            (format!("{} leaves before receiving from `{}`", describe(facts, j), ch.name), 0)
        } else {
            let times = if receives == 1 { "once".to_owned() } else { format!("{receives} times") };
            (format!("the parent receives at most {times}"), receives)
        };
        if literal.and_then(|n| u64::try_from(n).ok()).is_some_and(|n| n <= buffer + received as u64) {
            return None;
        }
        if senders.looped.is_some() && buffer > 0 {
            return None;
        }
        let lines = senders.stmts.iter().map(|s| (s.start_position().row + 1).to_string()).collect::<Vec<_>>();
        let who = match &senders.looped {
            None if n == lines.len() => format!("{n} goroutines (started on lines {})", lines.join(", ")),
            None => format!("up to {n} goroutines on one path (started on lines {})", lines.join(", ")),
            Some((gos, launch)) if n == 1 => {
                let at: Vec<_> = gos.iter().map(|g| (g.start_position().row + 1).to_string()).collect();
                format!(
                    "goroutines started in the loop on line {} ({} each iteration, on lines {})",
                    launch.start_position().row + 1,
                    gos.len(),
                    at.join(", ")
                )
            }
            Some((gos, launch)) => {
                let each = if gos.len() > 1 { format!(" ({} each iteration)", gos.len()) } else { String::new() };
                let others: Vec<_> = senders
                    .stmts
                    .iter()
                    .filter(|s| s.id() != launch.id())
                    .map(|s| (s.start_position().row + 1).to_string())
                    .collect();
                format!(
                    "goroutines started in the loop on line {}{each} and on line{} {}",
                    launch.start_position().row + 1,
                    if others.len() == 1 { "" } else { "s" },
                    others.join(", ")
                )
            }
        };
        let message =
            format!("{who} each send once on `{}`, but {reason}{}: the rest block forever", ch.name, too_small(buffer));
        Some(capacity_finding(self, cx.pkg, ch, (senders.last, senders.gated), &capacity, message))
    }
}

/// The capacity for a launch loop that starts `gos` each iteration, with
/// `more` goroutines started besides, as written at the make, and its
/// value when a literal; `None` when the starts count differently.
fn looped_capacity<'t>(
    cx: &Context<'_, 't>,
    ch: &Channel<'t>,
    gos: &[Node<'t>],
    launch: Node<'t>,
    more: usize,
) -> Option<(String, Option<usize>)> {
    let facts = cx.facts;
    let (_, scopes) = facts.scopes_for(ch.make)?;
    let mut counts = gos.iter().map(|go| sender_count(cx, scopes, ch, launch, *go).and_then(|c| len_is_builtin(cx, c)));
    let count = counts.next()?.ok()?;
    if !counts.all(|c| c.is_ok_and(|c| c == count)) {
        return None;
    }
    let each = gos.len();
    let literal = count.parse::<usize>().ok().and_then(|c| c.checked_mul(each)?.checked_add(more));
    // Arithmetic in the bound's own type may overflow (`2*n` for
    // `n uint8 = 200` is 144; `max(n, 0)+1` for `n int8 = 127`
    // is negative and `make` panics): an int first.
    let narrow = (each > 1 || more > 0)
        && literal.is_none()
        && !count.starts_with("len(")
        && !bound_is_int(facts, scopes, launch);
    if narrow && scopes.resolve_name_at("int", ch.make.start_byte()).is_some() {
        return None;
    }
    let count = if narrow { format!("int({count})") } else { count };
    let looped = match each {
        1 => count,
        _ if count.contains(['+', '-', ' ']) && !narrow => format!("{each}*({count})"),
        _ => format!("{each}*{count}"),
    };
    let written = if more == 0 { looped } else { format!("{looped}+{more}") };
    Some((literal.map_or(written, |n| n.to_string()), literal))
}

/// Why the receives cannot drain every sender, with how many receives
/// surely happen, or `None` if they may drain them all.
fn receives_fewer<'t>(pkg: &Package<'t>, ch: &Channel<'t>, recvs: &[Node<'t>]) -> Option<(String, u64)> {
    let facts = pkg.own();
    // A range over the channel (a `for` statement) is its own receiving loop.
    let looped: Vec<_> = recvs
        .iter()
        .filter_map(|r| {
            let own = (r.kind_str() == k::FOR_STATEMENT).then_some(*r);
            loops_after_make(ch, *r).last().copied().or(own)
        })
        .collect();
    if looped.is_empty() {
        // Several straight-line receives mean the author counted the senders.
        return (recvs.len() == 1).then(|| ("the parent receives once".to_owned(), 1));
    }
    if looped.len() != recvs.len() {
        return None;
    }
    let mut loops = looped.clone();
    loops.sort_by_key(Node::start_byte);
    loops.dedup_by_key(|l| l.id());
    let last = *loops.last()?;
    // Every receive is in a loop: it leaks only if a loop bounded like the
    // launch (a range or counting clause, not `for {}`) can end early. Out
    // of a loop other than the last, only an exit of the function counts:
    // after a `break` the later loop receives the rest.
    loops.iter().find_map(|l| {
        if !named_children(*l).iter().any(|c| c.kind_str() == k::RANGE_CLAUSE || c.kind_str() == k::FOR_CLAUSE) {
            return None;
        }
        let stops_receiving = |j: &Node<'_>| {
            l.id() == last.id()
                || !matches!(j.kind_str(), k::BREAK_STATEMENT | k::CONTINUE_STATEMENT | k::GOTO_STATEMENT)
        };
        exits(pkg, *l)
            .into_iter()
            .find(|j| flow::leaves(*j, *l, facts.src) && stops_receiving(j))
            .map(|j| (format!("the receiving loop can end early ({})", describe(facts, j)), 0))
    })
}

/// Why the number of senders cannot be written at the make.
#[derive(Debug, thiserror::Error)]
enum NoCount {
    #[error("the loop has no body")]
    NoBody,
    #[error("no goroutine")]
    NoStart,
    #[error("goroutines are started in a nested loop")]
    NestedLoop,
    #[error("the loop has no range or counting clause")]
    NoClause,
    #[error("no range expression")]
    NoRangeExpression,
    #[error("the number of iterations of `range {0}` cannot be written at the make")]
    RangeNotWritable(String),
    #[error("the loop is not `for i := 0; i < n; i++`")]
    NotCounting,
    #[error("no loop bound")]
    NoBound,
    #[error("the loop bound `{0}` is a call")]
    BoundIsCall(String),
    #[error("the loop bound `{0}` cannot be written at the make")]
    BoundNotWritable(String),
    #[error("unresolved")]
    Unresolved,
    #[error("`{0}` may be negative and go.mod predates the `max` builtin")]
    MaybeNegative(String),
    #[error("`{0}` may be negative and `max` may not be the builtin here (the package declares or assigns the name)")]
    MaxNotBuiltin(String),
    #[error("the type of `{0}` is not known from this file")]
    UnknownType(String),
    #[error("`{0}` is not a local variable")]
    NotLocal(String),
    #[error("`{0}` is not in scope at the make")]
    NotInScope(String),
    #[error("`{0}` is reassigned or its address is taken")]
    Reassigned(String),
    #[error("code between the make and the loop may change `{0}`")]
    FieldMayChange(String),
    #[error(
        "the loop may change `{0}` while it runs (a call or a channel operation in it, a write to the field or to what holds it, or its address taken)"
    )]
    LoopMayChange(String),
    #[error("elements of `{0}` are assigned in the function")]
    ElementsAssigned(String),
    #[error("`len` may not be the builtin here (the package declares or assigns the name)")]
    LenNotBuiltin,
    #[error("`int` is redeclared here, so the product of the counts cannot be converted to it")]
    IntShadowed,
    #[error("the loop can be left before its bound, which then over-counts the goroutines")]
    LeavesEarly,
    #[error(
        "the loop may skip its go statement (a branch, a `continue` or a `goto`), so its bound may be far over the goroutines"
    )]
    NotEveryIteration,
}

/// The number of goroutines started by `go` in the nested `loops` (innermost
/// first): the product of each loop's iterations, each written at the make
/// (so no inner count depends on an outer iteration). Literals multiply out.
fn nested_count<'t>(
    cx: &Context<'_, 't>,
    scopes: &Scopes<'t>,
    ch: &Channel<'t>,
    loops: &[Node<'t>],
    go: Node<'t>,
) -> Result<String, NoCount> {
    let mut counts = Vec::with_capacity(loops.len());
    let mut inner = go;
    for l in loops {
        counts.push((sender_count(cx, scopes, ch, *l, inner)?, bound_is_int(cx.facts, scopes, *l)));
        inner = *l;
    }
    let literal = counts.iter().try_fold(1u64, |acc, (c, _)| acc.checked_mul(c.parse().ok()?));
    if let Some(n) = literal {
        return Ok(n.to_string());
    }
    if counts.len() == 1 {
        return Ok(counts.remove(0).0);
    }
    // A product needs one type: `len` and a bound declared `int` are ints,
    // a literal adapts, a bound of another integer type (`n uint8`) is
    // converted.
    let convert = counts.iter().any(|(c, int)| !int && c.parse::<u64>().is_err() && !c.starts_with("len("));
    if convert && scopes.resolve_name_at("int", ch.make.start_byte()).is_some() {
        return Err(NoCount::IntShadowed);
    }
    let factor = |(c, int): (String, bool)| {
        if int || c.parse::<u64>().is_ok() || c.starts_with("len(") { c } else { format!("int({c})") }
    };
    Ok(counts.into_iter().rev().map(factor).collect::<Vec<_>>().join("*"))
}

/// Is the bound of this counting loop (`i < n`, `range n`) an `int`: an
/// identifier declared `int`, or initialised with `len(...)` or an integer
/// literal?
fn bound_is_int(facts: &FileFacts<'_>, scopes: &Scopes<'_>, launch: Node<'_>) -> bool {
    let Some(clause) =
        named_children(launch).into_iter().find(|c| c.kind_str() == k::RANGE_CLAUSE || c.kind_str() == k::FOR_CLAUSE)
    else {
        return false;
    };
    let bound = match clause.kind_str() {
        k::RANGE_CLAUSE => clause.field("right"),
        _ => clause.field("condition").and_then(|c| c.field("right")),
    };
    let Some(b) = bound.filter(|b| b.kind_str() == k::IDENTIFIER).and_then(|b| scopes.resolve(b)) else {
        return false;
    };
    let b = scopes.binding(b);
    let len_call =
        |i: Node<'_>| i.kind_str() == k::CALL_EXPRESSION && i.field("function").is_some_and(|f| facts.text(f) == "len");
    match (b.ty, b.init) {
        (Some(t), _) => facts.text(t) == "int",
        (None, Some(i)) => i.kind_str() == k::INT_LITERAL || len_call(i),
        (None, None) => false,
    }
}

/// An expression, valid at the make, for the number of goroutines the loop
/// starts (at most one per iteration).
fn sender_count<'t>(
    cx: &Context<'_, 't>,
    scopes: &Scopes<'t>,
    ch: &Channel<'t>,
    launch: Node<'t>,
    go: Node<'t>,
) -> Result<String, NoCount> {
    let facts = cx.facts;
    let body = launch.field("body").ok_or(NoCount::NoBody)?;
    // The go statement must run at most once per iteration of this loop.
    if !crate::syntax::contains(body, go) {
        return Err(NoCount::NoStart);
    }
    if flow::loops_between(go, body).next().is_some() {
        return Err(NoCount::NestedLoop);
    }
    let clause = named_children(launch)
        .into_iter()
        .find(|c| c.kind_str() == k::RANGE_CLAUSE || c.kind_str() == k::FOR_CLAUSE)
        .ok_or(NoCount::NoClause)?;
    if clause.kind_str() == k::RANGE_CLAUSE {
        let over = clause.field("right").ok_or(NoCount::NoRangeExpression)?;
        if over.kind_str() == k::SELECTOR_EXPRESSION {
            return field_count(cx, scopes, ch, (launch, go), over, true);
        }
        return match shape_in_package(cx.pkg, scopes, over) {
            Shape::Collection if over.kind_str() == k::IDENTIFIER => {
                stable_name(cx, scopes, ch, over).map(|n| format!("len({n})"))
            }
            Shape::NonNegInt if over.kind_str() == k::IDENTIFIER || over.kind_str() == k::INT_LITERAL => {
                runs_to_its_bound(cx, launch, go)?;
                count_int(cx, scopes, ch, over, true)
            }
            Shape::SignedInt => {
                runs_to_its_bound(cx, launch, go)?;
                count_int(cx, scopes, ch, over, true)
            }
            _ => Err(NoCount::RangeNotWritable(facts.text(over).to_owned())),
        };
    }
    // for i := 0; i < n; i++
    let init = clause.field("initializer").filter(|i| i.kind_str() == k::SHORT_VAR_DECLARATION);
    let cond = clause.field("condition").filter(|c| c.kind_str() == k::BINARY_EXPRESSION);
    let update = clause.field("update").filter(|u| u.kind_str() == k::INC_STATEMENT);
    let (Some(init), Some(cond), Some(update)) = (init, cond, update) else {
        return Err(NoCount::NotCounting);
    };
    let lhs = init.field("left").map(named_children).unwrap_or_default();
    let rhs = init.field("right").map(named_children).unwrap_or_default();
    let ok_init = matches!((lhs.as_slice(), rhs.as_slice()), ([i], [z]) if z.kind_str() == k::INT_LITERAL && facts.text(*z) == "0" && i.kind_str() == k::IDENTIFIER);
    let var = lhs.first().and_then(|i| scopes.resolve(*i));
    let op = cond.field("operator").map(|o| o.kind_str());
    let left = cond.field("left");
    let right = cond.field("right").ok_or(NoCount::NoBound)?;
    let counter = update.named(0);
    let same = |n: Option<Node>| n.is_some_and(|n| n.kind_str() == k::IDENTIFIER && scopes.resolve(n) == var);
    let only_update = var.is_some_and(|v| scopes.binding(v).assignments.len() == 1);
    if !(ok_init && op == Some("<") && same(left) && same(counter) && only_update) {
        return Err(NoCount::NotCounting);
    }
    if right.kind_str() == k::SELECTOR_EXPRESSION {
        return field_count(cx, scopes, ch, (launch, go), right, false);
    }
    runs_to_its_bound(cx, launch, go)?;
    count_int(cx, scopes, ch, right, false)
}

/// A loop counting to an integer bound must run to it for the bound to
/// count the goroutines: a `break`, `return` or `goto` out of it (a retry
/// loop bounded by `math.MaxInt`) makes the bound an over-count that `make`
/// may refuse. (A range over a collection is bounded by what exists.)
fn runs_to_its_bound<'t>(cx: &Context<'_, 't>, launch: Node<'t>, go: Node<'t>) -> Result<(), NoCount> {
    let leaves = exits(cx.pkg, launch).into_iter().any(|j| flow::leaves(j, launch, cx.facts.src));
    if leaves {
        return Err(NoCount::LeavesEarly);
    }
    // And it starts a goroutine on every iteration: the go statement is one
    // of the body's own statements, and no `continue` skips it. Else the
    // bound may be far over the goroutines, and a buffer of that many
    // elements more than `make` can allocate.
    let body = launch.field("body");
    let top = body.and_then(|b| b.named(0)).is_some_and(|list| crate::syntax::Up::up(&go) == Some(list));
    // (A `goto` may jump over it too.)
    let skips = body.is_some_and(|b| {
        crate::syntax::any_node(b, |n| {
            (n.kind_str() == k::CONTINUE_STATEMENT
                && flow::jump_target(n, cx.facts.src).is_none_or(|t| t.id() == launch.id()))
                || n.kind_str() == k::GOTO_STATEMENT
        })
    });
    if top && !skips { Ok(()) } else { Err(NoCount::NotEveryIteration) }
}

/// A count from a field of a struct type of the package: `len(x.f)` for
/// `range x.f` over a slice, array, string or map field, `x.f` for `range
/// x.f` or `i < x.f` over an integer field (`max(x.f, 0)` when signed),
/// when `x` is stable and the loop is the statement right after the make
/// (nothing between them can change the field). A map, and the bound of a
/// condition evaluated on every iteration, need more: nothing in the loop
/// may change the field ([`may_change_in`]; entries added while ranging
/// may be produced, a changed bound changes the count).
fn field_count<'t>(
    cx: &Context<'_, 't>,
    scopes: &Scopes<'t>,
    ch: &Channel<'t>,
    (launch, go): (Node<'t>, Node<'t>),
    over: Node<'t>,
    range: bool,
) -> Result<String, NoCount> {
    let text = cx.facts.text(over);
    let not_writable =
        || if range { NoCount::RangeNotWritable(text.to_owned()) } else { NoCount::BoundNotWritable(text.to_owned()) };
    let x = over.field("operand").filter(|o| o.kind_str() == k::IDENTIFIER).ok_or_else(not_writable)?;
    let ty = field_type(cx.pkg, over).ok_or_else(not_writable)?;
    let is_map = ty.value.kind_str() == k::MAP_TYPE;
    let shape = declared_shape(cx.pkg, ty);
    let count = match shape {
        Shape::Collection if range => format!("len({text})"),
        Shape::NonNegInt => text.to_owned(),
        Shape::SignedInt => clamped(cx, text.to_owned(), range)?,
        _ => return Err(not_writable()),
    };
    stable_name(cx, scopes, ch, x)?;
    let next = std::iter::successors(ch.stmt.next_named_sibling(), Node::next_named_sibling).find(|n| !n.is_extra());
    if next.is_none_or(|n| n.id() != launch.id()) {
        return Err(NoCount::FieldMayChange(text.to_owned()));
    }
    if (is_map || !range) && may_change_in(cx, launch, over, is_map) {
        return Err(NoCount::LoopMayChange(text.to_owned()));
    }
    if shape != Shape::Collection {
        runs_to_its_bound(cx, launch, go)?;
    }
    Ok(count)
}

/// May the loop `launch` change the field `sel` names (`x.f`)?
/// Outside the goroutines it starts: a call other than a go statement's
/// (whose arguments must then be calls-free too), or a channel operation
/// or inner range (another goroutine may change the field while the loop
/// waits). Anywhere in the loop, goroutines included (they run while it
/// does): an assignment, `++`/`--` included, to a selector of the same
/// field name, to `x` or anything reached from it (`x.config = c`, `x.f[k]
/// = v`), through a pointer (`*p += 3`), or for a map to any index (an
/// alias, `m[k] = v`); a call handing `x` on, of a func-valued local (a
/// method value), or of a method on `x` that is not read-only
/// ([`read_only_method`]). And anywhere in the loop's function: the
/// address of `x` or of such a field taken.
fn may_change_in<'t>(cx: &Context<'_, 't>, launch: Node<'t>, sel: Node<'t>, is_map: bool) -> bool {
    let facts = cx.facts;
    let field = sel.field("field").map(|f| facts.text(f));
    let x = sel.field("operand").map(|o| facts.text(o));
    let Some(body) = launch.field("body") else { return true };
    let names_field =
        |t: Node<'_>| t.kind_str() == k::SELECTOR_EXPRESSION && t.field("field").map(|f| facts.text(f)) == field;
    let is_x = |t: Node<'_>| t.kind_str() == k::IDENTIFIER && Some(facts.text(t)) == x;
    // `x`, `x.a.b`, `x.f[k]`, `(*x)`, `*p`, `m[k]` for a map.
    let written = |mut t: Node<'_>| -> bool {
        loop {
            if names_field(t) || (is_map && t.kind_str() == k::INDEX_EXPRESSION) {
                return true;
            }
            match t.kind_str() {
                k::SELECTOR_EXPRESSION | k::INDEX_EXPRESSION => t = t.field("operand").unwrap_or(t),
                k::PARENTHESIZED_EXPRESSION => t = t.named(0).unwrap_or(t),
                k::IDENTIFIER => return is_x(t),
                _ => return true,
            }
        }
    };
    let Some((_, scopes)) = facts.scopes_for(launch) else { return true };
    let call_may_change = |call: Node<'t>| {
        let args = call.field("arguments").map(named_children).unwrap_or_default();
        let Some(f) = call.field("function") else { return true };
        let local_func = f.kind_str() == k::IDENTIFIER && scopes.resolve(f).is_some();
        let on_x = f.kind_str() == k::SELECTOR_EXPRESSION && f.field("operand").is_some_and(&written);
        args.into_iter().any(is_x)
            || local_func
            || (on_x && !crate::analysis::starts::callee(cx.pkg, call).is_some_and(|m| read_only_method(cx, m)))
    };
    let mut changes = false;
    crate::syntax::walk_preorder(body, |n| {
        let in_goroutine = crate::syntax::ancestors_within(body, n).iter().any(|a| a.kind_str() == k::FUNC_LITERAL);
        match n.kind_str() {
            k::ASSIGNMENT_STATEMENT => {
                changes |= n.field("left").map(named_children).unwrap_or_default().into_iter().any(written);
            }
            k::INC_STATEMENT | k::DEC_STATEMENT => changes |= n.named(0).is_some_and(written),
            k::CALL_EXPRESSION => {
                // The call a go statement starts runs in its goroutine.
                let started = crate::syntax::Up::up(&n).is_some_and(|g| g.kind_str() == k::GO_STATEMENT);
                changes |= (!in_goroutine && !started) || call_may_change(n);
            }
            k::SEND_STATEMENT | k::SELECT_STATEMENT | k::RANGE_CLAUSE if !in_goroutine => changes = true,
            k::UNARY_EXPRESSION if !in_goroutine => {
                changes |= n.field("operator").is_some_and(|o| o.kind_str() == "<-");
            }
            _ => {}
        }
        !changes
    });
    // `p := &x.f` (or `&x`), anywhere in the function.
    changes
        || crate::syntax::any_node(flow::innermost_function(launch).unwrap_or(launch), |n| {
            n.kind_str() == k::UNARY_EXPRESSION
                && n.field("operator").is_some_and(|o| o.kind_str() == "&")
                && n.field("operand").is_some_and(|o| names_field(o) || is_x(o))
        })
}

/// Is `m` a method of the checked file that writes nothing but its own
/// locals? Every assignment, `++`/`--` targets a plain identifier that is
/// not its receiver, it takes no address and calls no method on its
/// receiver (nor hands it on).
fn read_only_method(cx: &Context<'_, '_>, m: crate::analysis::InFile<Node<'_>>) -> bool {
    let facts = cx.facts;
    if m.file != crate::analysis::FileId::OWN || m.value.kind_str() != k::METHOD_DECLARATION {
        return false;
    }
    let recv = m.value.field("receiver").and_then(|r| r.named(0)).and_then(|p| p.field("name")).map(|n| facts.text(n));
    let Some(body) = m.value.field("body") else { return false };
    let plain = |t: Node<'_>| t.kind_str() == k::IDENTIFIER && Some(facts.text(t)) != recv;
    !crate::syntax::any_node(body, |n| match n.kind_str() {
        k::ASSIGNMENT_STATEMENT => !n.field("left").map(named_children).unwrap_or_default().into_iter().all(plain),
        k::INC_STATEMENT | k::DEC_STATEMENT => !n.named(0).is_some_and(plain),
        k::UNARY_EXPRESSION => n.field("operator").is_some_and(|o| o.kind_str() == "&"),
        k::CALL_EXPRESSION => {
            let on_recv = n
                .field("function")
                .filter(|f| f.kind_str() == k::SELECTOR_EXPRESSION)
                .and_then(|f| f.field("operand"))
                .is_some_and(|o| Some(facts.text(o)) == recv);
            let handed = n
                .field("arguments")
                .map(named_children)
                .unwrap_or_default()
                .into_iter()
                .any(|a| Some(facts.text(a)) == recv);
            on_recv || handed
        }
        _ => false,
    })
}

/// A count from an integer bound `n` (`len(x)`, a literal or a local).
fn count_int<'t>(
    cx: &Context<'_, 't>,
    scopes: &Scopes<'t>,
    ch: &Channel<'t>,
    n: Node<'t>,
    range_int: bool,
) -> Result<String, NoCount> {
    let facts = cx.facts;
    match n.kind_str() {
        k::INT_LITERAL => return Ok(facts.text(n).to_owned()),
        k::CALL_EXPRESSION => {
            let f = n.field("function");
            let args = n.field("arguments").map(named_children).unwrap_or_default();
            if f.is_some_and(|f| f.kind_str() == k::IDENTIFIER && facts.text(f) == "len" && scopes.resolve(f).is_none())
                && let [x] = args.as_slice()
                && x.kind_str() == k::IDENTIFIER
                && shape_in_package(cx.pkg, scopes, *x) == Shape::Collection
            {
                return stable_name(cx, scopes, ch, *x).map(|x| format!("len({x})"));
            }
            return Err(NoCount::BoundIsCall(facts.text(n).to_owned()));
        }
        k::IDENTIFIER => {}
        _ => return Err(NoCount::BoundNotWritable(facts.text(n).to_owned())),
    }
    let name = stable_name(cx, scopes, ch, n)?;
    let b = scopes.binding(scopes.resolve(n).ok_or(NoCount::Unresolved)?);
    match binding_shape_in_package(cx.pkg, scopes, b) {
        Shape::NonNegInt => Ok(name),
        Shape::SignedInt => clamped(cx, name, range_int),
        _ => Err(NoCount::UnknownType(name)),
    }
}

/// A signed count clamped at 0, `max(n, 0)`: `make` panics on a negative
/// size where the loop just ran zero times. `max` is a builtin since Go
/// 1.21 (range over an int, `range_int`, needs Go 1.22, so that form
/// implies it), and must be the builtin here
/// ([`crate::analysis::Package::builtin_unshadowed`]): a local, a parameter
/// or a package-level function or variable of that name would make the
/// capacity call it, or not compile.
fn clamped(cx: &Context<'_, '_>, n: String, range_int: bool) -> Result<String, NoCount> {
    if !range_int && cx.go_version().is_some_and(|v| v < (1, 21)) {
        Err(NoCount::MaybeNegative(n))
    } else if !cx.pkg.builtin_unshadowed("max") {
        Err(NoCount::MaxNotBuiltin(n))
    } else {
        Ok(format!("max({n}, 0)"))
    }
}

/// `count`, unless it calls `len` where `len` may not be the builtin
/// ([`crate::analysis::Package::builtin_unshadowed`]): a parameter or a
/// package function of that name would be called, or not compile.
fn len_is_builtin(cx: &Context<'_, '_>, count: String) -> Result<String, NoCount> {
    if count.contains("len(") && !cx.pkg.builtin_unshadowed("len") {
        return Err(NoCount::LenNotBuiltin);
    }
    Ok(count)
}

/// `x` names the same variable at the make as at the loop, and is never
/// assigned after its declaration.
fn stable_name<'t>(
    cx: &Context<'_, 't>,
    scopes: &Scopes<'t>,
    ch: &Channel<'t>,
    x: Node<'t>,
) -> Result<String, NoCount> {
    let facts = cx.facts;
    let name = facts.text(x);
    let b = scopes.resolve(x).ok_or_else(|| NoCount::NotLocal(name.to_owned()))?;
    if scopes.resolve_name_at(name, ch.make.start_byte()) != Some(b) {
        return Err(NoCount::NotInScope(name.to_owned()));
    }
    if !scopes.binding(b).assignments.is_empty() {
        return Err(NoCount::Reassigned(name.to_owned()));
    }
    // `m[k] = v` can add map entries while the loop ranges over m
    // (`s[i] = v` on a slice or array cannot change its length).
    let stored_into = !is_sequence_in_package(cx.pkg, scopes.binding(b))
        && crate::analysis::types::elements_assigned(scopes.binding(b));
    if stored_into {
        return Err(NoCount::ElementsAssigned(name.to_owned()));
    }
    Ok(name.to_owned())
}
