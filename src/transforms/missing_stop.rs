//! A value whose starting method leaves a goroutine running until another
//! of its methods stops it, built and started in a function that never
//! stops it, or whose one stop an early exit skips (the runtime's
//! `MethodContractViolation` pattern).

use crate::syntax::Fast as _;
use crate::syntax::Up as _;
use tree_sitter::Node;

use super::{Context, Finding, Transform};
use crate::analysis::relevance::GoroutineUse;
use crate::analysis::scope::Binding;
use crate::analysis::{FileFacts, flow};
use crate::fix::Fix;
use crate::syntax::Named as _;
use crate::syntax::{ancestors_within, contains, kinds as k, named_children, statements};

pub struct MissingStop;

impl Transform for MissingStop {
    fn id(&self) -> &'static str {
        "missing-stop"
    }

    fn summary(&self) -> &'static str {
        "a value's Start-like method starts a goroutine only its Stop-like method ends; the function never calls it, or an early exit skips the call"
    }

    fn needs(&self) -> GoroutineUse {
        GoroutineUse::MethodStart
    }

    fn docs(&self) -> &'static str {
        include_str!("../../transforms/missing-stop/README.md")
    }

    fn check<'t>(&self, _cx: &Context<'_, 't>, _ch: &crate::analysis::Channel<'t>) -> Option<Finding> {
        None
    }

    fn check_decl<'t>(&self, cx: &Context<'_, 't>, decl: Node<'t>) -> Vec<Finding> {
        let facts = cx.facts;
        let mut out = Vec::new();
        // Only a function that names a method of this file starting a
        // goroutine (a text test before any name resolution).
        let text = &facts.src[decl.byte_range()];
        if !facts.starting_methods().iter().any(|m| memchr::memmem::find(text, m.as_bytes()).is_some()) {
            return out;
        }
        let Some((_, scopes)) = facts.scopes_for(decl) else { return out };
        // Only locals built here (a literal or a constructor) can qualify:
        // their method-call statements, not every node of the declaration.
        for b in &scopes.bindings {
            let Some(ty) = b.init.and_then(|i| built_type(facts, i)) else { continue };
            for u in &b.uses {
                let stmt = u
                    .up()
                    .filter(|s| s.kind_str() == k::SELECTOR_EXPRESSION)
                    .and_then(|s| s.up())
                    .filter(|c| c.kind_str() == k::CALL_EXPRESSION)
                    .and_then(|c| c.up())
                    .filter(|s| s.kind_str() == k::EXPRESSION_STATEMENT);
                if let Some(stmt) = stmt
                    && let Some((range, field, message, fix)) = started_not_stopped(cx.pkg, decl, stmt, b, ty)
                {
                    out.push(Finding {
                        transform: self.id(),
                        range,
                        channel: field,
                        function: String::new(),
                        message,
                        fix,
                        waits: Vec::new(),
                        related: Vec::new(),
                    });
                }
            }
        }
        out.sort_by_key(|f| f.range.start);
        out
    }
}

/// `x.Start()` as the statement `stmt` of `decl`, on the local `b`, a value
/// of type `ty` built in `decl` (a literal, or a constructor of this file
/// returning only fresh literals: nobody else holds it, so nobody else can
/// stop it) and used only through its methods and fields, whose goroutine
/// only `x.Stop()` ends, which `decl` never calls.
fn started_not_stopped<'t>(
    pkg: &crate::analysis::Package<'t>,
    decl: Node<'t>,
    stmt: Node<'t>,
    b: &Binding<'t>,
    ty: &'t str,
) -> Option<(std::ops::Range<usize>, String, String, Option<Fix>)> {
    let facts = pkg.own();
    let call = stmt.named(0).filter(|c| c.kind_str() == k::CALL_EXPRESSION)?;
    let sel = call.field("function").filter(|f| f.kind_str() == k::SELECTOR_EXPRESSION)?;
    let x = sel.field("operand").filter(|o| o.kind_str() == k::IDENTIFIER)?;
    let start_name = facts.text(sel.field("field")?);
    // Cheap tests first: a method of this file by that name, which starts
    // a goroutine.
    if !facts.has_method(start_name) {
        return None;
    }
    // Spelled as the token scan keeps it: `x := T{`, `x := &T{` or `var x =
    // T{`, every other `x` a selector's operand.
    if !crate::analysis::relevance::builds_and_starts(
        &facts.src[decl.byte_range()],
        ty.as_bytes(),
        start_name.as_bytes(),
    ) {
        return None;
    }
    let start = facts.method(ty, start_name)?;
    let (field, closes) = runs_until(facts, ty, start)?;
    // The method of the type that makes that goroutine go on: closes the
    // field, or sends on it (a `range` ends only on a close).
    let stop = facts.methods_on(ty).into_iter().find(|m| m.id() != start.id() && stops(facts, *m, field, closes))?;
    let stop_name = facts.text(stop.field("name")?);
    // `x`: declared here, never reassigned, used only as `x.m(...)` or
    // `x.f`, outside closures, and never with the stopping method, or with a
    // method that mentions the field.
    if b.kind != crate::analysis::scope::BindingKind::Local || !b.assignments.is_empty() || !contains(decl, b.ident) {
        return None;
    }
    let mut stop_calls = Vec::new();
    for u in &b.uses {
        let s = u.up().filter(|p| p.kind_str() == k::SELECTOR_EXPRESSION && p.field("operand") == Some(*u))?;
        if ancestors_within(decl, *u).iter().any(|a| a.kind_str() == k::FUNC_LITERAL) {
            return None;
        }
        let name = facts.text(s.field("field")?);
        // Touching the field the stopping method closes (the function may
        // close it itself: then a deferred stop would close it twice; or
        // send on it, which may end the goroutine). A send on a field whose
        // close alone ends it (`q.jobs <- j` to a ranging worker) does
        // neither.
        if name == field {
            if closes && sent_on(s) {
                continue;
            }
            return None;
        }
        if name == stop_name {
            stop_calls.push(s);
            continue;
        }
        let is_call = s.up().is_some_and(|c| c.kind_str() == k::CALL_EXPRESSION);
        // Another method may stop it: see `may_stop`.
        if is_call && name != start_name && may_stop(facts, ty, name, (field, closes), stop_name, &mut Vec::new()) {
            return None;
        }
        if !is_call && s.up().is_some_and(|p| p.kind_str() == k::UNARY_EXPRESSION && facts.text(p).starts_with('&')) {
            return None;
        }
    }
    let xname = facts.text(x);
    let line = |n: Node<'_>| n.start_position().row + 1;
    let ends = if stops(facts, stop, field, true) { "it closes" } else { "it sends on" };
    let defer = format!("defer {xname}.{stop_name}()");
    let (message, fix) = match stop_calls[..] {
        [] => {
            let fix = crate::transforms::lines::line_after(facts.src, stmt, &defer)
                .filter(|_| stmt.up().is_some_and(|l| l.kind_str() == k::STATEMENT_LIST))
                .map(|e| Fix::is_unsafe(vec![e]));
            let message = format!(
                "`{xname}.{start_name}()` starts a goroutine that only `{xname}.{stop_name}()` ends ({ends} `{field}`), and the function never calls it: the goroutine outlives it{}",
                if fix.is_some() {
                    format!(
                        ". Fix (unsafe: `{stop_name}` then runs when the function returns, after everything else it does from line {} on): `{defer}`",
                        line(stmt)
                    )
                } else {
                    String::new()
                }
            );
            (message, fix)
        }
        [sel] => {
            let (stop_stmt, exit, moved) = skipped_stop(pkg, decl, stmt, sel)?;
            let stopped_at = line(stop_stmt);
            let tail = match &moved {
                Ok(_) => format!(
                    ". Fix (unsafe: `{stop_name}` then also runs when the function leaves early or panics, after its results are evaluated): `{defer}` after the start, and the call on line {stopped_at} removed"
                ),
                Err(why) => format!(" (no fix: {why})"),
            };
            let message = format!(
                "`{xname}.{start_name}()` starts a goroutine that only `{xname}.{stop_name}()` ends ({ends} `{field}`), and {} leaves before `{xname}.{stop_name}()` on line {stopped_at}: the goroutine outlives the function{tail}",
                crate::transforms::capacity::describe(facts, exit),
            );
            (message, moved.ok().map(Fix::is_unsafe))
        }
        _ => return None,
    };
    Some((call.byte_range(), field.to_owned(), message, fix))
}

/// The edits moving a stop into a `defer`, or why it cannot move.
type Moved = Result<Vec<crate::fix::Edit>, &'static str>;

/// The one call of the stopping method, `sel` (the selector `x.Stop`),
/// when it is a statement of the function's top level after the start
/// `stmt` that a way out of the function between them skips: the call's
/// statement, that way out, and the edits that move the call into a
/// `defer` (`defer x.Stop()` after the start, the call's line removed), or
/// why it cannot move without running at another time on the normal path.
/// `None` when nothing skips the call, or it is not such a statement.
fn skipped_stop<'t>(
    pkg: &crate::analysis::Package<'t>,
    decl: Node<'t>,
    stmt: Node<'t>,
    sel: Node<'t>,
) -> Option<(Node<'t>, Node<'t>, Moved)> {
    let facts = pkg.own();
    let call = sel.up().filter(|c| c.kind_str() == k::CALL_EXPRESSION)?;
    // `x.Stop()`, or `defer x.Stop()` placed after an exit.
    let stop_stmt = call.up().filter(|s| matches!(s.kind_str(), k::EXPRESSION_STATEMENT | k::DEFER_STATEMENT))?;
    let deferred = stop_stmt.kind_str() == k::DEFER_STATEMENT;
    let body = decl.field("body")?;
    let list = body.named(0).filter(|l| l.kind_str() == k::STATEMENT_LIST)?;
    let top = |n: Node<'_>| n.up().is_some_and(|p| p.id() == list.id());
    if !top(stmt) || !top(stop_stmt) || stop_stmt.start_byte() < stmt.end_byte() {
        return None;
    }
    let window = stmt.end_byte()..stop_stmt.start_byte();
    let exit = crate::analysis::exits::exits_within(pkg, body, window).into_iter().find(|j| {
        j.start_byte() >= stmt.end_byte() && j.end_byte() <= stop_stmt.start_byte() && flow::leaves(*j, body, facts.src)
    })?;
    // Moved up, a deferred stop would run after the defers between, not
    // before them.
    let moved = if call.field("arguments").is_none_or(|a| !named_children(a).is_empty()) {
        Err("the call takes arguments, which a `defer` would evaluate at the start")
    } else if deferred && crate::transforms::lines::defer_in(list, stmt.end_byte() + 1..stop_stmt.start_byte()) {
        Err("a `defer` comes between the start and the deferred stop, and would then run before the stop")
    } else if !deferred && crate::transforms::lines::defer_after(list, stmt) {
        Err("a `defer` follows the start, which would then run before the stop instead of after it")
    } else if !deferred && !ends_plainly(facts, list, stop_stmt) {
        Err(
            "the call is not the function's last statement, or the `return` after it computes results that a deferred stop would then follow",
        )
    } else {
        crate::transforms::lines::moved_into_defer(facts.src, stmt, stop_stmt, &format!("{}()", facts.text(sel)))
            .ok_or("the start or the call shares its line with other code")
    };
    Some((stop_stmt, exit, moved))
}

/// Is `stmt` the last statement of the function body `list`, or followed
/// only by a `return` whose results are literals, `nil`, `true`, `false`,
/// or locals that nothing else can reach (never under `&`, never in a
/// function literal)? Such results read the same before and after a
/// deferred stop; `return c.total` may not (the stop may wait for the
/// goroutine's last write).
fn ends_plainly(facts: &FileFacts<'_>, list: Node<'_>, stmt: Node<'_>) -> bool {
    let results = match crate::transforms::lines::only_return_after(list, stmt) {
        Some(crate::transforms::lines::Tail::Nothing) => return true,
        Some(crate::transforms::lines::Tail::Return(r)) => r.named(0).map(named_children).unwrap_or_default(),
        None => return false,
    };
    let Some((_, scopes)) = facts.scopes_for(list) else { return false };
    results.iter().all(|v| match v.kind_str() {
        k::INT_LITERAL
        | k::FLOAT_LITERAL
        | k::RUNE_LITERAL
        | k::INTERPRETED_STRING_LITERAL
        | k::RAW_STRING_LITERAL
        | k::NIL
        | k::TRUE
        | k::FALSE => true,
        k::IDENTIFIER => scopes.resolve(*v).is_some_and(|id| {
            let b = scopes.binding(id);
            b.uses.iter().all(|u| {
                !u.up().is_some_and(|p| p.kind_str() == k::UNARY_EXPRESSION && facts.text(p).starts_with('&'))
                    && !ancestors_within(list, *u).iter().any(|a| a.kind_str() == k::FUNC_LITERAL)
            })
        }),
        _ => false,
    })
}

/// May the method `name` of `ty` stop the goroutine, or close its field
/// (a deferred stop would then close it twice)? Yes when it is not a method
/// of this file, when it touches `field` (closes it, hands it to a
/// function, sends on it, unless only a close ends the goroutine: `closes`),
/// calls the stopping method, hands its receiver
/// to anything, calls a func-valued field of it, or calls a method of the
/// type that may (followed through the file's methods, `seen` keeping each
/// once).
fn may_stop<'t>(
    facts: &FileFacts<'t>,
    ty: &str,
    name: &'t str,
    (field, closes): (&str, bool),
    stop_name: &str,
    seen: &mut Vec<&'t str>,
) -> bool {
    if seen.contains(&name) {
        return false;
    }
    seen.push(name);
    let Some(m) = facts.method(ty, name) else { return true };
    let (Some(r), Some(body)) = (receiver(facts, m), m.field("body")) else { return true };
    let text = facts.text(body);
    if text.contains(&format!(".{stop_name}(")) {
        return true;
    }
    // Every other use of the receiver is `r.f` or `r.m(...)`; a call of a
    // method of the type is followed.
    let mut may = false;
    crate::syntax::walk_preorder(body, |n| {
        if may {
            return false;
        }
        if n.kind_str() == k::IDENTIFIER && facts.text(n) == r {
            let sel = n.up().filter(|p| p.kind_str() == k::SELECTOR_EXPRESSION && p.field("operand") == Some(n));
            match sel {
                None => may = true, // handed on, assigned, returned
                Some(sel) => {
                    let called = sel.up().is_some_and(|c| c.kind_str() == k::CALL_EXPRESSION);
                    let member = sel.field("field").map(|f| facts.text(f));
                    if member == Some(field) {
                        // Only a send on a field whose close alone ends the
                        // goroutine leaves it running.
                        may = !(closes && sent_on(sel));
                    } else if let Some(member) = member.filter(|_| called) {
                        // A method of the type is followed; a func-valued
                        // field may be anything.
                        may = facts.method(ty, member).is_none()
                            || may_stop(facts, ty, member, (field, closes), stop_name, seen);
                    }
                }
            }
        }
        !may
    });
    may
}

/// Is the selector `sel` (`r.jobs`) the channel of a send statement?
fn sent_on(sel: Node<'_>) -> bool {
    sel.up()
        .is_some_and(|p| p.kind_str() == k::SEND_STATEMENT && p.field("channel").is_some_and(|c| c.id() == sel.id()))
}

/// The type of a fresh value that the expression `init` builds: `T` for
/// `T{...}` or `&T{...}` (its methods are then looked up in this file), or
/// for a call of a function
/// of this file declared to return `T` or `*T` whose every `return` returns
/// such a literal.
fn built_type<'t>(facts: &FileFacts<'t>, init: Node<'t>) -> Option<&'t str> {
    let literal_type = |e: Node<'t>| literal_type_name(facts, e);
    if let Some(t) = literal_type(init) {
        return Some(t);
    }
    let call = crate::syntax::unparen(init);
    let f =
        call.field("function").filter(|f| call.kind_str() == k::CALL_EXPRESSION && f.kind_str() == k::IDENTIFIER)?;
    let decl = facts.func(facts.text(f))?;
    let result = decl.field("result")?;
    let t = crate::analysis::starts::type_name(facts, result)?;
    let mut returns = Vec::new();
    crate::syntax::walk_preorder(decl.field("body")?, |n| {
        if n.kind_str() == k::RETURN_STATEMENT {
            returns.push(n);
        }
        n.kind_str() != k::FUNC_LITERAL
    });
    let fresh = !returns.is_empty()
        && returns.iter().all(|r| {
            let values = r.named(0).map(named_children).unwrap_or_default();
            matches!(values.as_slice(), [v] if literal_type(*v) == Some(t) || fresh_local(facts, *v, t, &returns))
        });
    fresh.then_some(t)
}

/// Is `v` a local of the constructor holding a fresh literal of type `t`
/// (`w := &T{...}` ... `return w`), never reassigned, and otherwise only
/// given fields (`w.f = ...`): nobody else gets hold of it before it is
/// returned (a method call could store it, an argument hand it on).
fn fresh_local<'t>(facts: &FileFacts<'t>, v: Node<'t>, t: &str, returns: &[Node<'t>]) -> bool {
    if v.kind_str() != k::IDENTIFIER {
        return false;
    }
    let Some((_, scopes)) = facts.scopes_for(v) else { return false };
    let Some(b) = scopes.resolve(v).map(|b| scopes.binding(b)) else { return false };
    if b.init.is_none_or(|i| literal_type_name(facts, i) != Some(t)) || !b.assignments.is_empty() {
        return false;
    }
    b.uses.iter().filter(|u| u.id() != b.ident.id()).all(|u| {
        let returned = u.up().and_then(|l| l.up()).is_some_and(|r| returns.iter().any(|x| x.id() == r.id()));
        let field_set = u
            .up()
            .filter(|s| s.kind_str() == k::SELECTOR_EXPRESSION && s.field("operand") == Some(*u))
            .and_then(|s| s.up())
            .filter(|l| l.kind_str() == k::EXPRESSION_LIST)
            .is_some_and(|l| {
                l.up().is_some_and(|a| a.kind_str() == k::ASSIGNMENT_STATEMENT && a.field("left") == Some(l))
            });
        returned || field_set
    })
}

/// The type name of a composite literal `e` (`T{...}`, `&T{...}`).
fn literal_type_name<'t>(facts: &FileFacts<'t>, e: Node<'t>) -> Option<&'t str> {
    crate::analysis::starts::type_name(facts, crate::analysis::starts::literal_type(e)?)
}

/// The name of the receiver of method `m`.
fn receiver<'t>(facts: &FileFacts<'t>, m: Node<'t>) -> Option<&'t str> {
    let p = m.field("receiver")?.named(0)?;
    Some(facts.text(p.field("name")?))
}

/// Is `e` the selector `r.f` (operand `r`), and its field name?
fn field_of<'t>(facts: &FileFacts<'t>, e: Node<'t>, r: &str) -> Option<&'t str> {
    let e = crate::syntax::unparen(e);
    if e.kind_str() != k::SELECTOR_EXPRESSION {
        return None;
    }
    let operand = e.field("operand")?;
    if operand.kind_str() != k::IDENTIFIER || facts.text(operand) != r {
        return None;
    }
    Some(facts.text(e.field("field")?))
}

/// The field channel whose close (or, with `false`, a send or close) is the
/// only way the goroutine started by method `start` ends: `go func() { for
/// { select { ... case <-r.done: return } } }()` (every way out of the loop
/// in that case), or `go func() { for v := range r.jobs { ... } }()` (no way
/// out but the close, `true`). The goroutine is started at the method's top
/// level.
fn runs_until<'t>(facts: &FileFacts<'t>, ty: &str, start: Node<'t>) -> Option<(&'t str, bool)> {
    let r = receiver(facts, start)?;
    let body = start.field("body")?;
    let go = statements(body).into_iter().find(|s| s.kind_str() == k::GO_STATEMENT)?;
    let call = go.named(0).filter(|c| c.kind_str() == k::CALL_EXPRESSION)?;
    let (run, r) = goroutine_body(facts, ty, call, r)?;
    let l = flow::BodyLoop::of(run, facts.src)?;
    if let Some(clause) = named_children(l.looped).into_iter().find(|c| c.kind_str() == k::RANGE_CLAUSE) {
        // Ranging over a field: only its close ends the loop.
        let field = field_of(facts, clause.field("right")?, r)?;
        return l.leaving.is_empty().then_some((field, true));
    }
    // `for { ... }` (or a clause without a condition): every way out is in
    // a case receiving from one field, which surely leaves.
    let mut field = None;
    for recv in l.exit_receives(facts.src)? {
        let f = field_of(facts, recv.field("operand")?, r)?;
        if field.is_some_and(|g| g != f) {
            return None;
        }
        field = Some(f);
    }
    Some((field?, false))
}

/// The body the goroutine that `call` starts runs, with the name its
/// receiver has there: a func literal's (`r` still), or, for `go r.loop()`
/// or `go func() { r.loop() }()`, the method `loop` of the same type's
/// (with its own receiver name), called without arguments or with plain
/// ones (`go r.janitor(time.Minute)`: no func literal, nothing the receiver
/// names; the loop's ways out are on the receiver's fields either way).
fn goroutine_body<'t>(facts: &FileFacts<'t>, ty: &str, call: Node<'t>, r: &'t str) -> Option<(Node<'t>, &'t str)> {
    let plain_args = |c: Node<'_>| {
        c.field("arguments").is_some_and(|a| {
            !crate::syntax::any_node(a, |x| {
                x.kind_str() == k::FUNC_LITERAL
                    || x.kind_str() == k::VARIADIC_ARGUMENT
                    || (x.kind_str() == k::IDENTIFIER && facts.text(x) == r)
            })
        })
    };
    let method_of = |c: Node<'t>| {
        let sel = c.field("function").filter(|f| f.kind_str() == k::SELECTOR_EXPRESSION && plain_args(c))?;
        sel.field("operand").filter(|o| o.kind_str() == k::IDENTIFIER && facts.text(*o) == r)?;
        let m = facts.method(ty, facts.text(sel.field("field")?))?;
        Some((m.field("body")?, receiver(facts, m)?))
    };
    let f = call.field("function")?;
    if f.kind_str() != k::FUNC_LITERAL {
        return method_of(call);
    }
    let body = f.field("body")?;
    if let [only] = statements(body)[..]
        && let Some(c) =
            only.named(0).filter(|c| only.kind_str() == k::EXPRESSION_STATEMENT && c.kind_str() == k::CALL_EXPRESSION)
        && let Some(found) = method_of(c)
    {
        return Some(found);
    }
    Some((body, r))
}

/// Does method `m` close the field `field` of its receiver at its top level
/// (or, unless `close_only`, send on it)?
fn stops<'t>(facts: &FileFacts<'t>, m: Node<'t>, field: &str, close_only: bool) -> bool {
    let (Some(r), Some(body)) = (receiver(facts, m), m.field("body")) else { return false };
    statements(body).into_iter().any(|s| match s.kind_str() {
        k::EXPRESSION_STATEMENT => s.named(0).filter(|c| c.kind_str() == k::CALL_EXPRESSION).is_some_and(|c| {
            let args = c.field("arguments").map(named_children).unwrap_or_default();
            c.field("function").is_some_and(|f| facts.text(f) == "close")
                && matches!(args.as_slice(), [a] if field_of(facts, *a, r) == Some(field))
        }),
        k::SEND_STATEMENT => !close_only && s.field("channel").is_some_and(|c| field_of(facts, c, r) == Some(field)),
        _ => false,
    })
}
