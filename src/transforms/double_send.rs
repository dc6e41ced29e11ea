use crate::syntax::Fast as _;
use crate::syntax::Up as _;
use tree_sitter::Node;

use super::{Context, Finding, Transform};
use crate::analysis::channel_facts::loops_after_make;
use crate::analysis::relevance::GoroutineUse;
use crate::analysis::selects::{case_count, select_of};
use crate::analysis::{Channel, FileFacts, FileId, OpKind, Place, flow};
use crate::fix::Fix;
use crate::syntax::{Named as _, kinds as k, named_children};

/// A goroutine sends in a branch that falls through to a second send on the
/// same channel; the parent receives once, so the second send blocks.
pub struct DoubleSend;

impl Transform for DoubleSend {
    fn id(&self) -> &'static str {
        "double-send"
    }

    fn summary(&self) -> &'static str {
        "a goroutine sends in a branch without returning, then sends again; the parent receives once"
    }

    fn needs(&self) -> GoroutineUse {
        GoroutineUse::SendUnbuffered
    }

    fn docs(&self) -> &'static str {
        include_str!("../../transforms/double-send/README.md")
    }

    fn check<'t>(&self, cx: &Context<'_, 't>, ch: &Channel<'t>) -> Option<Finding> {
        // A goroutine handing the channel to a helper that may send twice is
        // an escape to every other transform; here it is the shape itself.
        let helpers;
        let ch = match ch.escape {
            Some((_, crate::analysis::channels::Escape::CalleeDoesMore)) => {
                helpers = crate::analysis::channels::with_sending_calls(cx.pkg, ch)?;
                &helpers
            }
            _ => ch,
        };
        let facts = cx.facts;
        if !ch.unbuffered(facts) || ch.ops.iter().any(|o| matches!(o.kind, OpKind::Range | OpKind::Close)) {
            return None;
        }
        let SendingBody { func, sends, goroutines, callers_last } = sending_body(cx, ch)?;
        let body = func.field("body")?;
        if sends.iter().any(|s| select_of(*s).is_some()) {
            return None;
        }
        let (least, most) = flow::send_bounds(body, facts.src, &|x| sends.iter().any(|s| s.id() == x.id()));
        if least != 1 || most < 2 {
            return None;
        }
        let FallThrough { sends: falls, next: second, skipped } = fall_through(facts, &sends)?;
        let line = |n: Node<'_>| n.start_position().row + 1;
        let message = message(ch.name, &falls, second, goroutines);
        if !bare_return_compiles(func) {
            return Some(Finding::about(
                self,
                ch,
                format!("{message} (no fix: the function has unnamed results)"),
                None,
            ));
        }
        if falls.iter().any(|s| results_shadowed(facts, func, *s)) {
            return Some(Finding::about(
                self,
                ch,
                format!("{message} (no fix: a named result is redeclared there, so a bare `return` would not compile)"),
                None,
            ));
        }
        let Some(edits) =
            falls.iter().map(|s| super::lines::line_after(facts.src, *s, "return")).collect::<Option<Vec<_>>>()
        else {
            return Some(Finding::about(self, ch, format!("{message} (no fix: the send does not end its line)"), None));
        };
        // With a `return` after each fall-through send, every send is the
        // last thing on its path, or not (then the fix says so).
        let last = callers_last
            && sends.iter().filter(|s| !falls.iter().any(|f| f.id() == s.id())).all(|s| flow::is_last_action(*s, body));
        let shared = shared_with_other_callers(cx, func, goroutines);
        if skipped.is_empty() && last && shared.is_none() {
            return Some(Finding::about(self, ch, message, Some(Fix::safe(edits))));
        }
        let mut what: Vec<String> = skipped.iter().map(|s| format!("`{}`", first_line(facts, *s))).collect();
        if !last && callers_last {
            what.push(format!("what follows the send on line {}", line(second)));
        }
        let mut why = Vec::new();
        if !what.is_empty() {
            let (returns, paths) = if falls.len() > 1 {
                ("the `return`s also skip", "those paths")
            } else {
                ("the `return` also skips", "that path")
            };
            why.push(format!("{returns} {} on {paths}", what.join(", ")));
        }
        if !callers_last {
            why.push("the goroutine then goes on past its call of the helper, where it used to block".to_string());
        }
        if let Some(shared) = shared {
            why.push(shared);
        }
        Some(Finding::about(
            self,
            ch,
            format!("{message} (unsafe fix: {})", why.join("; ")),
            Some(Fix::is_unsafe(edits)),
        ))
    }
}

/// The function whose body does the two sends, in the checked file, and
/// its sends on the channel, when the parent's receives match the
/// goroutines one for one once each sends exactly once:
///
/// - one goroutine that sends (a func literal, a closure variable, or a
///   package function started with the channel, `go reply(c, err)`), not
///   started in a loop after the make, and one receive in the parent,
///   outside loops and not in a `select` with other cases;
/// - or goroutines whose bodies hand the channel to one helper of the
///   package (`go func() { doubleSend(ch, err) }()`, the runtime's own
///   shape), each started once at the top of the parent's body, with as
///   many receives there, unconditional, and nothing between the make and
///   the last receive that can leave the function.
fn sending_body<'t>(cx: &Context<'_, 't>, ch: &Channel<'t>) -> Option<SendingBody<'t>> {
    if ch.escape.is_some() {
        return None;
    }
    let mut senders = ch.sender_goroutines();
    senders.dedup();
    if senders.is_empty() || ch.ops_of(OpKind::Send).any(|o| !matches!(o.place, Place::Goroutine(_))) {
        return None;
    }
    // Each goroutine's sending function and sends: its own body's, or the
    // one helper it calls with the channel.
    let mut bodies = Vec::new();
    let mut callers_last = true;
    for &g in &senders {
        let start = ch.starts[g];
        if start.file() != FileId::OWN || !loops_after_make(ch, start.stmt).is_empty() {
            return None;
        }
        let sends: Vec<Node<'t>> =
            ch.ops_of(OpKind::Send).filter(|o| o.place == Place::Goroutine(g)).map(|o| o.node).collect();
        let func = start.func.value;
        if sends.iter().all(|s| crate::syntax::contains(func, *s) && s.kind_str() == k::SEND_STATEMENT) {
            bodies.push((func, sends));
        } else {
            // The helper's `return` lets the goroutine run on after the
            // call, where it used to block.
            let call_last = start.body().is_some_and(|b| sends.iter().all(|s| flow::is_last_action(*s, b)));
            callers_last &= call_last;
            bodies.push(helper_sends(cx, ch, &sends)?);
        }
    }
    let recvs: Vec<_> = ch.ops_of(OpKind::Recv).collect();
    let single = |r: &crate::analysis::Op<'t>| {
        r.place == Place::Parent
            && loops_after_make(ch, r.node).is_empty()
            && select_of(ch.receive_site(r.node)).is_none_or(|s| case_count(s) <= 1)
    };
    let (func, sends) = bodies.first().cloned()?;
    if let ([_], [recv]) = (bodies.as_slice(), recvs.as_slice()) {
        return single(recv).then_some(SendingBody { func, sends, goroutines: 1, callers_last });
    }
    // Several goroutines: one helper, one receive each, all unconditional.
    let same = bodies.iter().all(|(f, s)| f.id() == func.id() && s.len() == sends.len());
    let body = ch.func.field("body")?;
    let list = named_children(body).into_iter().find(|l| l.kind_str() == k::STATEMENT_LIST)?;
    // The statement of the parent's body holding `n` (`n` itself, if it is one).
    let top = |n: Node<'t>| {
        std::iter::once(n).chain(crate::syntax::ancestors(n)).find(|a| a.up().is_some_and(|p| p.id() == list.id()))
    };
    let starts_on_top =
        senders.iter().all(|&g| top(ch.starts[g].stmt).is_some_and(|s| s.id() == ch.starts[g].stmt.id()));
    let recvs_on_top = recvs.iter().all(|r| single(r) && top(r.node).is_some() && unconditional(r.node, list));
    if !same || func.kind_str() == k::FUNC_LITERAL || recvs.len() != bodies.len() || !starts_on_top || !recvs_on_top {
        return None;
    }
    // Nothing from the make to the last receive may leave the function.
    let last = recvs.iter().map(|r| r.node.end_byte()).max()?;
    top(ch.stmt)?;
    let leaves = named_children(list)
        .into_iter()
        .filter(|s| s.end_byte() > ch.stmt.start_byte() && s.start_byte() < last)
        .any(|s| !cx.facts.jumps(s).is_empty());
    (!leaves).then_some(SendingBody { func, sends, goroutines: bodies.len(), callers_last })
}

/// What [`sending_body`] finds.
struct SendingBody<'t> {
    /// The function doing the sends, and its sends on the channel.
    func: Node<'t>,
    sends: Vec<Node<'t>>,
    goroutines: usize,
    /// Each goroutine calling a helper for its sends does nothing after
    /// the call (a `return` in the helper then lets nothing new run).
    callers_last: bool,
}

/// Is the receive `recv`, in a statement of the statement list `list`,
/// run whenever that statement is: not inside a branch, loop or nested
/// function (the statement itself included)?
fn unconditional(recv: Node<'_>, list: Node<'_>) -> bool {
    crate::syntax::ancestors(recv)
        .take_while(|a| a.id() != list.id())
        .all(|a| !crate::analysis::flow::branches(a.kind_str()) && a.kind_str() != k::FUNC_LITERAL)
}

/// A goroutine whose only operation on the channel is one call handing it
/// to a function of the checked file (`doubleSend(ch, err)`): that
/// function, and its sends on the parameter.
fn helper_sends<'t>(cx: &Context<'_, 't>, ch: &Channel<'t>, ops: &[Node<'t>]) -> Option<(Node<'t>, Vec<Node<'t>>)> {
    let [stmt] = ops else { return None };
    let call = stmt.named(0).filter(|c| c.kind_str() == k::CALL_EXPRESSION)?;
    let args = call.field("arguments")?;
    let index =
        named_children(args).iter().position(|a| a.kind_str() == k::IDENTIFIER && cx.facts.text(*a) == ch.name)?;
    let func = crate::analysis::starts::callee(cx.pkg, call)?;
    if func.file != FileId::OWN || func.value.kind_str() == k::FUNC_LITERAL {
        return None;
    }
    let param = crate::analysis::starts::param_ident(func.value, index, cx.facts.src)??;
    let summary = cx.pkg.direct_summary(func, param);
    if summary.escape.is_some() || summary.ops.iter().any(|(kind, _)| *kind != OpKind::Send) {
        return None;
    }
    Some((func.value, summary.ops.iter().map(|(_, n)| *n).collect()))
}

/// What a `return` after each fall-through send fixes: those sends (one
/// or more, in source order), the send that follows the first of them,
/// and the statements a `return` after one of them skips that it should
/// not (see [`fall_through`]).
struct FallThrough<'t> {
    sends: Vec<Node<'t>>,
    next: Node<'t>,
    skipped: Vec<Node<'t>>,
}

/// Two or more sends, the last a statement of a block and every other one
/// in an `if` without `else`, a statement of that block before it: a
/// fall-through, whose consequence ends with the send and cannot leave
/// (`if err != nil { out <- err }`), or a guard, whose consequence is the
/// send and `return` (`if n > max { out <- errRange; return }`). At least
/// one is a fall-through: from its send, the path reaches a later send
/// either way. A `return` after each fall-through's send leaves one send
/// on every path. What such a `return` would skip: the block's other
/// statements up to the last send, and the branches' tests that call
/// something.
fn fall_through<'t>(facts: &FileFacts<'t>, sends: &[Node<'t>]) -> Option<FallThrough<'t>> {
    let mut sends = sends.to_vec();
    sends.sort_by_key(Node::start_byte);
    let (&last, branched) = sends.split_last()?;
    let outer = last.up().filter(|l| l.kind_str() == k::STATEMENT_LIST)?;
    // The statement of `outer` holding each other send: one `if` each.
    let branches: Vec<Node<'t>> = branched
        .iter()
        .map(|s| crate::syntax::ancestors(*s).find(|a| a.up().is_some_and(|p| p.id() == outer.id())))
        .collect::<Option<_>>()?;
    if branches.windows(2).any(|w| w[0].id() == w[1].id()) {
        return None;
    }
    let mut falls = Vec::new();
    // What a `return` after a looped branch's send skips of its loop.
    let mut rest_of_loops: Vec<Node<'t>> = Vec::new();
    let mut looped_ifs: Vec<Node<'t>> = Vec::new();
    let mut clause_parts: Vec<Node<'t>> = Vec::new();
    for (&branch, &send) in branches.iter().zip(branched) {
        if is_guard(branch, send) {
            continue;
        }
        if branch.kind_str() == k::FOR_STATEMENT {
            let (inner, rest, parts) = looped_fall_through(facts, branch, send)?;
            looped_ifs.push(inner);
            rest_of_loops.extend(rest);
            clause_parts.extend(parts);
        } else if !is_fall_through(facts, branch, send) {
            return None;
        }
        falls.push((branch, send));
    }
    let &(first_branch, first) = falls.first()?;
    let between: Vec<Node<'t>> = named_children(outer)
        .into_iter()
        .filter(|s| s.start_byte() > first_branch.end_byte() && s.end_byte() <= last.start_byte())
        .collect();
    let is_branch = |s: &Node<'t>| branches.iter().any(|b| b.id() == s.id());
    // Nothing else between may leave the path (then the next send is not
    // reached from the first).
    if between.iter().filter(|s| !is_branch(s)).any(|s| !facts.jumps(*s).is_empty()) {
        return None;
    }
    // A receive the `return` would skip (in a test, a branch, a send's
    // value, or between) may strand the goroutine sending to it: refused.
    let receives = |n: Node<'t>| {
        crate::syntax::any_node(n, |x| {
            x.kind_str() == k::RANGE_CLAUSE
                || x.kind_str() == k::UNARY_EXPRESSION && x.field("operator").is_some_and(|o| o.kind_str() == "<-")
        })
    };
    if between.iter().chain(std::iter::once(&last)).any(|s| receives(*s)) {
        return None;
    }
    // A call that does more than build a value (`errors.New(...)`).
    let calls = |n: Node<'t>| {
        crate::syntax::any_node(n, |x| {
            x.kind_str() == k::CALL_EXPRESSION && !crate::analysis::known::builds_value(x, facts.src)
        })
    };
    let tests_call = |g: &Node<'t>| [g.field("condition"), g.field("initializer")].into_iter().flatten().any(calls);
    let mut skipped: Vec<Node<'t>> = between.iter().copied().filter(|s| !is_branch(s) || tests_call(s)).collect();
    // A later branch's other statements, the rest of a loop around a
    // branch (its later rounds), and a later send's value that calls
    // something, are skipped too.
    for (branch, send) in falls.iter().skip(1).filter(|(b, _)| b.kind_str() == k::IF_STATEMENT) {
        let cons = branch.field("consequence")?;
        skipped.extend(crate::syntax::statements(cons).into_iter().filter(|s| s.id() != send.id()));
    }
    let tests_receive =
        |g: &Node<'t>| [g.field("condition"), g.field("initializer")].into_iter().flatten().any(receives);
    if rest_of_loops.iter().chain(&clause_parts).any(|s| receives(*s)) || looped_ifs.iter().any(tests_receive) {
        return None;
    }
    skipped.extend(rest_of_loops);
    skipped.extend(clause_parts.into_iter().filter(|c| calls(*c)));
    skipped.extend(looped_ifs.into_iter().filter(tests_call));
    skipped.extend(
        sends.iter().copied().filter(|s| s.start_byte() > first.end_byte() && s.field("value").is_some_and(calls)),
    );
    skipped.sort_by_key(Node::start_byte);
    skipped.dedup_by_key(|s| s.id());
    let next = sends.iter().copied().find(|s| s.start_byte() > first.end_byte())?;
    Some(FallThrough { sends: falls.into_iter().map(|(_, s)| s).collect(), next, skipped })
}

/// `for ... { ...; if cond { ...; send } ... }`: a loop of a bounded
/// clause (`for i := 0; i < n; i++`, or ranging over a slice, an array, a
/// map or an integer held by a name declared so), nothing in it that can
/// leave it (`break`, `continue`, `return`, a panic), and the send a
/// fall-through of an `if` among the loop body's statements. Gives that
/// `if` (its test is skipped in the rounds left), the other statements a
/// `return` after the send skips there (the body's others and the `if`'s),
/// and a counting clause's test and step.
fn looped_fall_through<'t>(
    facts: &FileFacts<'t>,
    for_: Node<'t>,
    send: Node<'t>,
) -> Option<(Node<'t>, Vec<Node<'t>>, Vec<Node<'t>>)> {
    let body = for_.field("body")?;
    if !facts.jumps(for_).is_empty() || crate::analysis::flow::loops_between(send, for_).next().is_some() {
        return None;
    }
    let clause = named_children(for_).into_iter().find(|c| c.kind_str() != k::BLOCK && c.kind_str() != k::COMMENT)?;
    let bounded = match clause.kind_str() {
        k::FOR_CLAUSE => clause.field("condition").is_some(),
        k::RANGE_CLAUSE => clause.field("right").is_some_and(|r| {
            r.kind_str() == k::IDENTIFIER
                && facts.scopes_for(r).and_then(|(_, sc)| sc.resolve(r).map(|b| sc.binding(b))).is_some_and(|b| {
                    b.ty.is_some_and(|t| {
                        matches!(t.kind_str(), k::SLICE_TYPE | k::ARRAY_TYPE | k::MAP_TYPE)
                            || matches!(facts.text(t), "int" | "int64" | "int32" | "uint")
                    })
                })
        }),
        _ => false,
    };
    if !bounded {
        return None;
    }
    let stmts = crate::syntax::statements(body);
    let branch = stmts.iter().copied().find(|s| crate::syntax::contains(*s, send))?;
    if !is_fall_through(facts, branch, send) {
        return None;
    }
    let cons = branch.field("consequence")?;
    let mut rest: Vec<Node<'t>> = stmts.into_iter().filter(|s| s.id() != branch.id()).collect();
    rest.extend(crate::syntax::statements(cons).into_iter().filter(|s| s.id() != send.id()));
    // A counting clause's test and step run again in each round left.
    let clause_parts: Vec<Node<'t>> = if clause.kind_str() == k::FOR_CLAUSE {
        [clause.field("condition"), clause.field("update")].into_iter().flatten().collect()
    } else {
        Vec::new()
    };
    Some((branch, rest, clause_parts))
}

/// `if cond { ...; send }` without `else`, the send last in the
/// consequence, which nothing in it can leave before.
fn is_fall_through<'t>(facts: &FileFacts<'t>, branch: Node<'t>, send: Node<'t>) -> bool {
    let Some(cons) = branch.field("consequence") else { return false };
    let stmts = crate::syntax::statements(cons);
    branch.kind_str() == k::IF_STATEMENT
        && branch.field("alternative").is_none()
        && send.up().and_then(|l| l.up()).is_some_and(|b| b.id() == cons.id())
        && stmts.last().is_some_and(|l| l.id() == send.id())
        && facts.jumps(cons).is_empty()
}

/// `if cond { send; return }`: no initializer, no `else`, the consequence
/// exactly the send and a `return`, and no receive in the test (skipping it
/// could strand a sender waiting for it).
fn is_guard(g: Node<'_>, send: Node<'_>) -> bool {
    let Some(cons) = g.field("consequence") else { return false };
    let stmts = crate::syntax::statements(cons);
    let receives = g.field("condition").is_some_and(|c| {
        crate::syntax::any_node(c, |x| {
            x.kind_str() == k::UNARY_EXPRESSION && x.field("operator").is_some_and(|o| o.kind_str() == "<-")
        })
    });
    g.kind_str() == k::IF_STATEMENT
        && !receives
        && g.field("initializer").is_none()
        && g.field("alternative").is_none()
        && matches!(stmts[..], [a, r] if a.id() == send.id() && r.kind_str() == k::RETURN_STATEMENT)
}

/// The named function `func` holding the sends, when something other than
/// the `goroutines` starts or calls examined may call it (then the `return`
/// changes those calls too): said for the message. `None` for a literal,
/// or a function only they use: unexported, named nowhere else in its
/// file's code (its declaration and those calls aside) and spelled nowhere
/// in the directory's other files.
fn shared_with_other_callers(cx: &Context<'_, '_>, func: Node<'_>, goroutines: usize) -> Option<String> {
    if func.kind_str() == k::FUNC_LITERAL {
        return None;
    }
    let name = cx.facts.text(func.field("name")?);
    // Uses in this file's code (comments and strings aside).
    let here = crate::syntax::tokens::tokenize(cx.facts.src).map_or(usize::MAX, |toks| {
        toks.iter().filter(|t| **t == crate::syntax::tokens::Tok::Ident(name.as_bytes())).count()
    });
    let exported = name.starts_with(|c: char| c.is_uppercase());
    let why = if exported {
        "is exported: other packages may call it too"
    } else if here > 1 + goroutines {
        "is called elsewhere in this file too"
    } else if cx.pkg.named_elsewhere(name) {
        "is named in another file of the package (or one of them cannot be read), which may call it"
    } else {
        return None;
    };
    Some(format!("`{name}` {why}, and those calls then send once on that path as well"))
}

/// Is a named result of `func` redeclared where `at` is (`if err := f();
/// err != nil { ...; return }` with a result named `err`)? A bare `return`
/// there does not compile.
fn results_shadowed(facts: &FileFacts<'_>, func: Node<'_>, at: Node<'_>) -> bool {
    let Some(r) = func.field("result").filter(|r| r.kind_str() == k::PARAMETER_LIST) else { return false };
    let Some((_, scopes)) = facts.scopes_for(at) else { return true };
    named_children(r).into_iter().any(|p| {
        let mut c = p.walk();
        let names: Vec<_> = p.children_by_field_name("name", &mut c).collect();
        names.into_iter().any(|n| {
            let declared = scopes.resolve(n);
            declared.is_none() || scopes.resolve_name_at(facts.text(n), at.start_byte()) != declared
        })
    })
}

/// Would a bare `return` compile in `func`: no results, or named ones?
fn bare_return_compiles(func: Node<'_>) -> bool {
    match func.field("result") {
        None => true,
        Some(r) if r.kind_str() == k::PARAMETER_LIST => {
            named_children(r).iter().all(|p| p.kind_str() == k::PARAMETER_DECLARATION && p.field("name").is_some())
                && !named_children(r).is_empty()
        }
        Some(_) => false,
    }
}

/// The first line of a statement, for messages.
fn first_line<'t>(facts: &FileFacts<'t>, stmt: Node<'t>) -> &'t str {
    let text = facts.text(stmt);
    let line = text.lines().next().unwrap_or(text).trim_end_matches('{').trim();
    if line.len() > 60 { &line[..line.floor_char_boundary(60)] } else { line }
}

/// What the finding says: the fall-through sends `falls`, the send after
/// the first of them, and how many goroutines share the shape.
fn message(name: &str, falls: &[Node<'_>], second: Node<'_>, goroutines: usize) -> String {
    let line = |n: Node<'_>| n.start_position().row + 1;
    let first = falls[0];
    let lines: Vec<String> = falls.iter().map(|s| line(*s).to_string()).collect();
    if falls.len() > 1 && goroutines == 1 {
        format!(
            "the goroutine sends on `{name}` in {} branches without returning (lines {}), each falling through to a later send: the parent receives once, so a second send blocks forever",
            falls.len(),
            lines.join(", ")
        )
    } else if falls.len() > 1 {
        format!(
            "each of {goroutines} goroutines may send on `{name}` in {} branches without returning (lines {}), each falling through to a later send: the parent receives once per goroutine, so a second send blocks forever",
            falls.len(),
            lines.join(", ")
        )
    } else if goroutines == 1 {
        format!(
            "the goroutine sends on `{name}` on line {} and does not return, then sends again on line {}: the parent receives once, so the second send blocks forever",
            line(first),
            line(second)
        )
    } else {
        format!(
            "each of {goroutines} goroutines may send on `{name}` on line {} without returning, then again on line {}: the parent receives once per goroutine, so a second send blocks forever",
            line(first),
            line(second)
        )
    }
}
