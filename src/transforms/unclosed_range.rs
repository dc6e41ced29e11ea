use tree_sitter::Node;

use super::{Context, Finding, Transform};
use crate::analysis::{flow, Channel, Ctx, FileFacts, OpKind};
use crate::fix::{Edit, Fix};
use crate::syntax::{contains, kinds as k, named_children};

/// A goroutine ranges over a channel that nothing closes.
pub struct UnclosedRange;

impl Transform for UnclosedRange {
    fn id(&self) -> &'static str {
        "unclosed-range"
    }

    fn summary(&self) -> &'static str {
        "a goroutine ranges over a channel that is never closed"
    }

    fn check<'t>(&self, cx: &Context<'_, 't>, ch: &Channel<'t>) -> Option<Finding> {
        let facts = cx.facts;
        if ch.escape.is_some() || ch.ops_of(OpKind::Close).next().is_some() {
            return None;
        }
        let ranges: Vec<_> = ch.ops_of(OpKind::Range).collect();
        if ranges.is_empty() || ranges.iter().any(|r| !matches!(r.ctx, Ctx::Goroutine(_))) {
            return None;
        }
        // The range must be unable to end any other way than by a close.
        for r in &ranges {
            let src = match r.ctx {
                Ctx::Goroutine(g) => ch.goroutines[g].src,
                _ => facts.src,
            };
            if flow::jumps(r.node, src).iter().any(|j| flow::leaves(*j, r.node, src)) {
                return None;
            }
        }
        let range_line = ranges[0].node.start_position().row + 1;
        let message = format!(
            "the goroutine ranging over `{}` on line {range_line} never ends: nothing closes the channel",
            ch.name
        );
        let finding = |fix: Option<Fix>, why: Option<&str>| Finding {
            transform: self.id(),
            range: ch.make.byte_range(),
            message: why.map_or_else(|| message.clone(), |w| format!("{message} (no fix: {w})")),
            fix,
        };
        if let Err(why) = safe_to_close(facts, ch, &ranges.iter().map(|r| r.ctx).collect::<Vec<_>>()) {
            return Some(finding(None, Some(why)));
        }
        if ch.recv_only {
            return Some(finding(None, Some("the variable is receive-only")));
        }
        match defer_close(facts, ch) {
            Some(edit) => Some(finding(Some(Fix::safe(vec![edit])), None)),
            None => Some(finding(None, Some("the make is not a statement of its own line in the function body"))),
        }
    }
}

/// `defer close(c)` at return is safe when every send has completed by then.
fn safe_to_close<'t>(facts: &FileFacts<'t>, ch: &Channel<'t>, range_ctx: &[Ctx]) -> Result<(), &'static str> {
    if !flow::loops_between(ch.stmt, ch.func).next().is_none() {
        return Err("the channel is made inside a loop");
    }
    for ctx in range_ctx {
        if !matches!(ctx, Ctx::Goroutine(_)) {
            return Err("the range is not in a goroutine");
        }
    }
    let mut wait_after = 0usize;
    let mut first_go: Option<Node> = None;
    for s in ch.ops_of(OpKind::Send) {
        match s.ctx {
            Ctx::Parent => {}
            Ctx::Deferred => return Err("a deferred function sends on the channel"),
            Ctx::Goroutine(g) => {
                if range_ctx.contains(&s.ctx) {
                    return Err("the ranging goroutine also sends");
                }
                let go = ch.goroutines[g];
                let wait = joined_by(facts, ch, go.func, go.stmt).ok_or("a goroutine sending on it is not joined by a WaitGroup Wait before return")?;
                wait_after = wait_after.max(wait.start_byte());
                first_go = Some(first_go.map_or(go.stmt, |f: Node| if go.stmt.start_byte() < f.start_byte() { go.stmt } else { f }));
            }
        }
    }
    if let Some(first) = first_go {
        // Nothing may leave between starting the senders and waiting for them.
        let body = ch.func.child_by_field_name("body").ok_or("no body")?;
        let region = ch.stmt.parent().unwrap_or(body);
        let early = flow::jumps(body, facts.src).into_iter().any(|j| {
            j.start_byte() > first.start_byte() && j.start_byte() < wait_after && flow::leaves(j, region, facts.src)
        });
        if early {
            return Err("the function can return before waiting for the goroutines that send");
        }
    }
    Ok(())
}

/// The `wg.Wait()` statement that joins goroutine `func` (started by `go`):
/// the goroutine defers `wg.Done()` at its top level, and the parent calls
/// `wg.Wait()` in the channel's block after the go statement.
fn joined_by<'t>(facts: &FileFacts<'t>, ch: &Channel<'t>, func: Node<'t>, go: Node<'t>) -> Option<Node<'t>> {
    if func.kind() != k::FUNC_LITERAL {
        return None;
    }
    let (_, scopes) = facts.scopes_for(func)?;
    let body = func.child_by_field_name("body")?.named_child(0)?;
    let wg = named_children(body).into_iter().find_map(|s| {
        let call = (s.kind() == k::DEFER_STATEMENT).then(|| s.named_child(0))??;
        method_call_on(facts, call, "Done")
    })?;
    let wg = scopes.resolve(wg)?;
    let block = ch.stmt.parent()?;
    named_children(block).into_iter().find(|s| {
        s.start_byte() > go.end_byte()
            && s.kind() == k::EXPRESSION_STATEMENT
            && s.named_child(0)
                .and_then(|c| method_call_on(facts, c, "Wait"))
                .is_some_and(|w| scopes.resolve(w) == Some(wg))
            && !contains(go, *s)
    })
}

/// For `x.method()`, the identifier `x`.
fn method_call_on<'t>(facts: &FileFacts<'_>, call: Node<'t>, method: &str) -> Option<Node<'t>> {
    if call.kind() != k::CALL_EXPRESSION {
        return None;
    }
    let f = call.child_by_field_name("function").filter(|f| f.kind() == k::SELECTOR_EXPRESSION)?;
    let field = f.child_by_field_name("field")?;
    let operand = f.child_by_field_name("operand").filter(|o| o.kind() == k::IDENTIFIER)?;
    (facts.text(field) == method).then_some(operand)
}

/// `defer close(c)` on the line after the make's statement, with the same
/// indentation and line ending, if the statement ends its line.
fn defer_close(facts: &FileFacts<'_>, ch: &Channel<'_>) -> Option<Edit> {
    let src = facts.src;
    let parent = ch.stmt.parent()?;
    if parent.kind() != k::STATEMENT_LIST || ch.func.child_by_field_name("body").is_none() {
        return None;
    }
    let end = ch.stmt.end_byte();
    let nl = end + memchr::memchr(b'\n', &src[end..])?;
    let rest = std::str::from_utf8(&src[end..nl]).ok()?.trim_end_matches('\r').trim();
    if !(rest.is_empty() || rest.starts_with("//")) {
        return None;
    }
    let line_start = src[..ch.stmt.start_byte()].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let indent: String = std::str::from_utf8(&src[line_start..ch.stmt.start_byte()]).ok()?.to_owned();
    if !indent.chars().all(|c| c == ' ' || c == '\t') {
        return None;
    }
    let eol = if nl > 0 && src[nl - 1] == b'\r' { "\r\n" } else { "\n" };
    Some(Edit::insertion(nl + 1, format!("{indent}defer close({}){eol}", ch.name)))
}
