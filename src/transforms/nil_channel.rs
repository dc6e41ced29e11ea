use super::{Context, Finding, Transform};
use crate::analysis::relevance::GoroutineUse;
use crate::analysis::selects::{case_count, select_of};
use crate::analysis::{Channel, OpKind, Place};
use crate::syntax::Fast as _;

/// A goroutine uses a channel variable that is never given a channel.
pub struct NilChannel;

impl Transform for NilChannel {
    fn id(&self) -> &'static str {
        "nil-channel"
    }

    fn summary(&self) -> &'static str {
        "a goroutine sends on, receives from or ranges over a `var c chan T` that is never assigned (report only)"
    }

    fn needs(&self) -> GoroutineUse {
        GoroutineUse::NilChannel
    }

    fn makes_fixes(&self) -> bool {
        false
    }

    fn docs(&self) -> &'static str {
        include_str!("../../transforms/nil-channel/README.md")
    }

    fn check<'t>(&self, cx: &Context<'_, 't>, ch: &Channel<'t>) -> Option<Finding> {
        // Every use is seen and none gives the variable a channel: not an
        // assignment, not its address, not a closure that is not a goroutine.
        // A goroutine's call of a helper that only sends on it, any number
        // of times (`forward(c, items)`), is a send at the call, as when the
        // helper is the goroutine's own function (`go forward(c, items)`).
        let sending;
        let ch = match ch.escape {
            None => ch,
            Some((_, crate::analysis::channels::Escape::CalleeDoesMore)) => {
                sending = crate::analysis::channels::with_sending_calls(cx.pkg, ch)?;
                &sending
            }
            // Used in a closure, returned or stored, but never assigned nor
            // its address taken anywhere (closures included): it stays nil.
            Some(_) if never_assigned(cx, ch) => ch,
            Some(_) => return None,
        };
        if ch.escape.is_some() && !never_assigned(cx, ch) {
            return None;
        }
        // The first operation a goroutine makes on it that cannot go on: a
        // send, a receive or a range, outside a select that has another way out.
        let op = ch.ops.iter().find(|o| {
            matches!(o.place, Place::Goroutine(_))
                && matches!(o.kind, OpKind::Send | OpKind::Recv | OpKind::Range)
                && select_of(o.node).is_none_or(|s| case_count(s) == 1)
        })?;
        let Place::Goroutine(g) = op.place else { return None };
        let verb = match op.kind {
            OpKind::Send => "sends on",
            OpKind::Recv => "receives from",
            _ => "ranges over",
        };
        let line = |n: tree_sitter::Node<'_>| n.start_position().row + 1;
        // An operation in a helper the goroutine calls is at the call.
        let call = crate::analysis::exits::statement_call(op.node)
            .and_then(|c| c.field("function"))
            .map(|f| format!(" in `{}`", cx.facts.text(f)))
            .unwrap_or_default();
        Some(Finding::about(
            self,
            ch,
            format!(
                "`{}` is declared without a value and never assigned: it is nil, and the goroutine started on line {} {verb} it{call} on line {}, which blocks forever (make the channel, or assign it before the goroutine starts)",
                ch.name,
                line(ch.starts[g].stmt),
                line(op.node),
            ),
            None,
        ))
    }
}

/// Is the nil channel's variable (`var c chan T`) never assigned, nor its
/// address taken (`&c` counts as an assignment), anywhere in its function,
/// closures included? Then whatever else holds its value holds nil.
fn never_assigned(cx: &Context<'_, '_>, ch: &Channel<'_>) -> bool {
    if ch.make.kind_str() != crate::syntax::kinds::VAR_SPEC {
        return false;
    }
    let Some(ident) = ch.make.field("name") else { return false };
    let Some((_, scopes)) = cx.facts.scopes_for(ident) else { return false };
    scopes
        .resolve(ident)
        .map(|b| scopes.binding(b))
        .is_some_and(|b| b.assignments.is_empty() && b.ident.id() == ident.id())
}
