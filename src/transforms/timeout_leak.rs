use super::capacity::capacity_finding;
use super::{Context, Finding, Transform};
use crate::analysis::channel_facts::loops_after_make;
use crate::analysis::relevance::GoroutineUse;
use crate::analysis::selects::{guarded_by_select, other_case_can_fire, select_receives_every_send};
use crate::syntax::Fast as _;
use crate::syntax::Up as _;

use crate::analysis::{Channel, OpKind, Place, flow};
use crate::syntax::{contains, kinds as k};

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

    fn needs(&self) -> GoroutineUse {
        GoroutineUse::SendUnbuffered
    }

    fn reads_remote_senders(&self) -> bool {
        true
    }

    fn docs(&self) -> &'static str {
        include_str!("../../transforms/timeout-leak/README.md")
    }

    fn check<'t>(&self, cx: &Context<'_, 't>, ch: &Channel<'t>) -> Option<Finding> {
        let facts = cx.facts;
        if !ch.unbuffered(facts) {
            return None;
        }
        let sender = ch.sole_sender(cx.pkg)?;
        // Ranging over the channel is a receive loop: ncast-leak's.
        if !loops_after_make(ch, sender.go).is_empty() || ch.ops_of(OpKind::Range).next().is_some() {
            return None;
        }
        let recvs: Vec<_> = ch.ops_of(OpKind::Recv).collect();
        if recvs.is_empty()
            || recvs.iter().any(|r| {
                // (A receive of a constructor's call holds its start.)
                r.place != Place::Parent || (r.node.start_byte() < sender.go.end_byte() && !contains(r.node, sender.go))
            })
        {
            return None;
        }
        let mut selects = Vec::new();
        for r in &recvs {
            let site = ch.receive_site(r.node);
            // A closure holding the select, called in a loop, may run it
            // until it receives.
            if site.id() != r.node.id() && !loops_after_make(ch, r.node).is_empty() {
                return None;
            }
            let sel = guarded_by_select(site)?;
            selects.push((sel, site));
        }
        // A select whose other cases can never fire always receives.
        if selects.iter().all(|(sel, _)| !other_case_can_fire(facts, *sel, ch)) {
            return None;
        }
        // A case a goroutine signals may fire because the send completed.
        if selects.iter().any(|(sel, _)| crate::analysis::selects::other_case_signalled(cx.pkg, *sel, ch)) {
            return None;
        }
        // A sender that sends on exactly one of the select's channels is
        // always received.
        if selects.iter().all(|(sel, _)| select_receives_every_send(cx.pkg, ch, *sel)) {
            return None;
        }
        // A select repeated in a loop leaks only if a case other than the
        // result can leave the loop.
        for (sel, recv) in &selects {
            let loops = loops_after_make(ch, *sel);
            let Some(outer) = loops.last() else { continue };
            let result_case =
                recv.up().and_then(|_| crate::syntax::ancestors(*recv).find(|a| a.kind_str() == k::COMMUNICATION_CASE));
            let escapes = crate::analysis::exits::exits(cx.pkg, *sel)
                .into_iter()
                .any(|j| !result_case.is_some_and(|c| contains(c, j)) && flow::leaves(j, *outer, facts.src));
            if !escapes {
                return None;
            }
        }
        let line = selects[0].0.start_position().row + 1;
        let select = selects[0].0.start_byte();
        let called = ch
            .called
            .iter()
            .find(|(_, r)| r.id() == selects[0].1.id())
            .map(|(call, recv)| {
                let line = call.start_position().row + 1;
                match crate::analysis::flow::innermost_function(*recv).and_then(|f| f.field("name")) {
                    Some(name) => format!(" (in `{}`, called on line {line})", facts.text(name)),
                    None => format!(" (in the closure called on line {line})"),
                }
            })
            .unwrap_or_default();
        Some(
            capacity_finding(
                self,
                cx.pkg,
                ch,
                (sender.last, sender.gated),
                "1",
                format!(
                    "when the select on line {line}{called} takes another case, the goroutine sending on `{}` blocks forever",
                    ch.name
                ),
            )
            .with_related(select, "this select can take another case"),
        )
    }
}
