use tree_sitter::Node;

use super::{Context, Finding, Transform};
use crate::analysis::channel_facts::loops_after_make;
use crate::analysis::relevance::GoroutineUse;
use crate::analysis::selects::{case_count, select_of};
use crate::analysis::{Channel, FileFacts, FileId, OpKind, Place, flow};
use crate::fix::Fix;
use crate::syntax::{kinds as k, named_children};

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
        let facts = cx.facts;
        if !ch.unbuffered(facts) || ch.ops.iter().any(|o| matches!(o.kind, OpKind::Range | OpKind::Close)) {
            return None;
        }
        // One receive, in the parent, outside loops, not a select with
        // other ways out (that is timeout-leak's shape).
        let recvs: Vec<_> = ch.ops_of(OpKind::Recv).collect();
        let [recv] = recvs[..] else { return None };
        if recv.place != Place::Parent
            || !loops_after_make(ch, recv.node).is_empty()
            || select_of(recv.node).is_some_and(|s| case_count(s) > 1)
        {
            return None;
        }
        let (func, sends) = sending_body(ch)?;
        let body = func.child_by_field_name("body")?;
        if sends.iter().any(|s| select_of(*s).is_some()) {
            return None;
        }
        if flow::send_bounds(body, facts.src, &|x| sends.iter().any(|s| s.id() == x.id())) != (1, 2) {
            return None;
        }
        let (first, second, skipped) = fall_through(facts, &sends)?;
        let line = |n: Node<'_>| n.start_position().row + 1;
        let message = format!(
            "the goroutine sends on `{}` on line {} and does not return, then sends again on line {}: the parent receives once, so the second send blocks forever",
            ch.name,
            line(first),
            line(second)
        );
        if !bare_return_compiles(func) {
            return Some(Finding::about(
                self,
                ch,
                format!("{message} (no fix: the function has unnamed results)"),
                None,
            ));
        }
        let Some(edit) = super::lines::line_after(facts.src, first, "return") else {
            return Some(Finding::about(self, ch, format!("{message} (no fix: the send does not end its line)"), None));
        };
        let last = flow::is_last_action(second, body);
        if skipped.is_empty() && last {
            return Some(Finding::about(self, ch, message, Some(Fix::safe(vec![edit]))));
        }
        let mut what: Vec<String> = skipped.iter().map(|s| format!("`{}`", first_line(facts, *s))).collect();
        if !last {
            what.push(format!("what follows the send on line {}", line(second)));
        }
        Some(Finding::about(
            self,
            ch,
            format!("{message} (unsafe fix: the `return` also skips {} on that path)", what.join(", ")),
            Some(Fix::is_unsafe(vec![edit])),
        ))
    }
}

/// The function whose body sends on the channel, in the checked file, and
/// its sends: the one goroutine that sends (a func literal, or a package
/// function started with the channel, `go reply(c, err)`), not started in a
/// loop after the make.
fn sending_body<'t>(ch: &Channel<'t>) -> Option<(Node<'t>, Vec<Node<'t>>)> {
    let mut senders = ch.sender_goroutines();
    senders.dedup();
    match (ch.escape, senders.as_slice()) {
        (None, [g]) => {
            let start = ch.starts[*g];
            if start.file() != FileId::OWN || !loops_after_make(ch, start.stmt).is_empty() {
                return None;
            }
            if ch.ops_of(OpKind::Send).any(|o| o.place != Place::Goroutine(*g)) {
                return None;
            }
            let sends = ch.ops_of(OpKind::Send).map(|o| o.node).collect::<Vec<_>>();
            let func = start.func.value;
            sends.iter().all(|s| crate::syntax::contains(func, *s)).then_some((func, sends))
        }
        _ => None,
    }
}

/// Two sends where the first ends the consequence of an `if` without
/// `else` and the path falls through to the second, later in the block
/// holding that `if`: the first, the second, and the statements between
/// the `if` and the second send.
fn fall_through<'t>(facts: &FileFacts<'t>, sends: &[Node<'t>]) -> Option<(Node<'t>, Node<'t>, Vec<Node<'t>>)> {
    let [a, b] = sends else { return None };
    let (first, second) = if a.start_byte() < b.start_byte() { (*a, *b) } else { (*b, *a) };
    let list = first.parent().filter(|l| l.kind() == k::STATEMENT_LIST)?;
    let consequence = list.parent().filter(|b| b.kind() == k::BLOCK)?;
    let branch = consequence.parent().filter(|i| i.kind() == k::IF_STATEMENT)?;
    if branch.child_by_field_name("alternative").is_some()
        || branch.child_by_field_name("consequence").is_none_or(|c| c.id() != consequence.id())
        || named_children(list).last().is_none_or(|l| l.id() != first.id())
    {
        return None;
    }
    let outer = branch.parent().filter(|l| l.kind() == k::STATEMENT_LIST)?;
    if second.parent().is_none_or(|p| p.id() != outer.id()) {
        return None;
    }
    let between: Vec<Node<'t>> = named_children(outer)
        .into_iter()
        .filter(|s| s.start_byte() > branch.end_byte() && s.end_byte() <= second.start_byte())
        .collect();
    // Nothing between may leave the path (then the second send is not
    // reached from the first).
    if between.iter().any(|s| !flow::jumps(*s, facts.src).is_empty()) {
        return None;
    }
    Some((first, second, between))
}

/// Would a bare `return` compile in `func`: no results, or named ones?
fn bare_return_compiles(func: Node<'_>) -> bool {
    match func.child_by_field_name("result") {
        None => true,
        Some(r) if r.kind() == k::PARAMETER_LIST => {
            named_children(r)
                .iter()
                .all(|p| p.kind() == k::PARAMETER_DECLARATION && p.child_by_field_name("name").is_some())
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
