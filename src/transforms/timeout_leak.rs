use super::{Context, Finding, Transform, capacity_finding, case_count, loops_after_make, select_of, sole_sender};
use tree_sitter::Node;

use crate::analysis::scope::BindingKind;
use crate::analysis::{Channel, FileFacts, OpKind, Place, Scopes, flow};
use crate::syntax::{contains, kinds as k, named_children};

/// The parent's only receive is a select case beside a timeout, a
/// cancellation, a default or another channel.
pub struct TimeoutLeak;

impl Transform for TimeoutLeak {
    fn id(&self) -> &'static str {
        "timeout-leak"
    }

    fn summary(&self) -> &'static str {
        "the parent receives in a select with a timeout, ctx.Done() or default case; the sender blocks when it is not chosen"
    }

    fn docs(&self) -> &'static str {
        include_str!("../../transforms/timeout-leak/README.md")
    }

    fn check<'t>(&self, cx: &Context<'_, 't>, ch: &Channel<'t>) -> Option<Finding> {
        let facts = cx.facts;
        if !ch.unbuffered(facts) {
            return None;
        }
        let sender = sole_sender(cx.pkg, ch)?;
        if !loops_after_make(ch, sender.go).is_empty() {
            return None;
        }
        let recvs: Vec<_> = ch.ops_of(OpKind::Recv).collect();
        if recvs.is_empty()
            || recvs.iter().any(|r| r.place != Place::Parent || r.node.start_byte() < sender.go.end_byte())
        {
            return None;
        }
        let mut selects = Vec::new();
        for r in &recvs {
            let sel = select_of(r.node).filter(|s| case_count(*s) > 1)?;
            selects.push((sel, r.node));
        }
        // A select whose other cases can never fire always receives.
        if selects.iter().all(|(sel, _)| !other_case_can_fire(facts, *sel, ch)) {
            return None;
        }
        // A select repeated in a loop leaks only if a case other than the
        // result can leave the loop.
        for (sel, recv) in &selects {
            let loops = loops_after_make(ch, *sel);
            let Some(outer) = loops.last() else { continue };
            let result_case =
                recv.parent().and_then(|_| crate::syntax::ancestors(*recv).find(|a| a.kind() == "communication_case"));
            let escapes = flow::jumps(*sel, facts.src)
                .into_iter()
                .any(|j| !result_case.is_some_and(|c| contains(c, j)) && flow::leaves(j, *outer, facts.src));
            if !escapes {
                return None;
            }
        }
        let line = selects[0].0.start_position().row + 1;
        Some(capacity_finding(
            self,
            facts,
            ch,
            &sender,
            "1",
            format!(
                "when the select on line {line} takes another case, the goroutine sending on `{}` blocks forever",
                ch.name
            ),
        ))
    }
}

/// Can a case of `sel` other than the ones receiving from `ch` be chosen?
/// Not when it waits on a nil channel: a `var c chan T` never assigned, or
/// `ctx.Done()` of `context.Background()` / `context.TODO()`.
fn other_case_can_fire(facts: &FileFacts<'_>, sel: Node<'_>, ch: &Channel<'_>) -> bool {
    let Some((_, scopes)) = facts.scopes_for(sel) else { return true };
    let recvs: Vec<_> = ch.ops_of(OpKind::Recv).map(|o| o.node).collect();
    named_children(sel).into_iter().any(|case| match case.kind() {
        k::DEFAULT_CASE => true,
        k::COMMUNICATION_CASE => {
            let Some(comm) = case.child_by_field_name("communication") else { return true };
            if recvs.iter().any(|r| contains(comm, *r)) {
                return false;
            }
            let target = match comm.kind() {
                k::SEND_STATEMENT => comm.child_by_field_name("channel"),
                _ => {
                    let mut op = None;
                    crate::syntax::walk_preorder(comm, |n| {
                        if op.is_none() && n.kind() == k::UNARY_EXPRESSION {
                            op = n.child_by_field_name("operand");
                        }
                        op.is_none()
                    });
                    op
                }
            };
            !target.is_some_and(|t| is_nil_channel(facts, scopes, t))
        }
        _ => false,
    })
}

fn is_nil_channel(facts: &FileFacts<'_>, scopes: &Scopes<'_>, e: Node<'_>) -> bool {
    let unchanged = |ident: Node<'_>| {
        (ident.kind() == k::IDENTIFIER)
            .then(|| scopes.resolve(ident))
            .flatten()
            .map(|b| scopes.binding(b))
            .filter(|b| b.assignments.is_empty() && b.kind == BindingKind::Local)
    };
    // An unbuffered local channel that nothing ever receives from: a send
    // on it cannot complete.
    let send_only = |b: &crate::analysis::scope::Binding<'_>| {
        let unbuffered = b.init.is_some_and(|i| {
            let args = i.child_by_field_name("arguments").map(named_children).unwrap_or_default();
            i.kind() == k::CALL_EXPRESSION
                && i.child_by_field_name("function").is_some_and(|f| facts.text(f) == "make")
                && args.first().is_some_and(|t| t.kind() == k::CHANNEL_TYPE)
                && (args.len() == 1 || args.get(1).is_some_and(|c| facts.text(*c) == "0"))
        });
        unbuffered
            && b.uses.iter().all(|u| {
                u.parent().is_some_and(|p| {
                    p.kind() == k::SEND_STATEMENT && p.child_by_field_name("channel").is_some_and(|c| c.id() == u.id())
                })
            })
    };
    if e.parent().is_some_and(|p| p.kind() == k::SEND_STATEMENT) && unchanged(e).is_some_and(send_only) {
        return true;
    }
    match e.kind() {
        // `var never chan T`: receiving from it blocks forever.
        k::IDENTIFIER => {
            unchanged(e).is_some_and(|b| b.init.is_none() && b.ty.is_some_and(|t| t.kind() == k::CHANNEL_TYPE))
        }
        // `ctx.Done()` of a background context is nil.
        k::CALL_EXPRESSION => {
            let f = e.child_by_field_name("function").filter(|f| f.kind() == k::SELECTOR_EXPRESSION);
            let Some(f) = f else { return false };
            let is_done = f.child_by_field_name("field").is_some_and(|x| facts.text(x) == "Done");
            let Some(operand) = f.child_by_field_name("operand") else { return false };
            // The context, written in place or held in an unchanged local.
            let ctx = if operand.kind() == k::CALL_EXPRESSION {
                Some(operand)
            } else {
                unchanged(operand).and_then(|b| b.init)
            };
            let never_done = |c: Node<'_>| {
                let t = facts.text(c);
                matches!(t, "context.Background()" | "context.TODO()") || t.starts_with("context.WithoutCancel(")
            };
            is_done && ctx.is_some_and(never_done)
        }
        _ => false,
    }
}
