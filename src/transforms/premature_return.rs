use super::capacity::{capacity_finding, describe};
use super::{Context, Finding, Transform};
use crate::analysis::channel_facts::{exits_after, loops_after_make};
use crate::analysis::relevance::GoroutineUse;
use crate::analysis::selects::guarded_by_select;
use crate::analysis::{Channel, OpKind, Place};

/// A goroutine sends once; the parent can leave before receiving.
pub struct PrematureReturn;

impl Transform for PrematureReturn {
    fn id(&self) -> &'static str {
        "premature-return"
    }

    fn summary(&self) -> &'static str {
        "a goroutine sends once on an unbuffered channel and the parent can return before receiving"
    }

    fn needs(&self) -> GoroutineUse {
        GoroutineUse::SendUnbuffered
    }

    fn reads_remote_senders(&self) -> bool {
        true
    }

    fn docs(&self) -> &'static str {
        include_str!("../../transforms/premature-return/README.md")
    }

    fn check<'t>(&self, cx: &Context<'_, 't>, ch: &Channel<'t>) -> Option<Finding> {
        let facts = cx.facts;
        if !ch.unbuffered(facts) {
            return None;
        }
        let sender = ch.sole_sender(cx.pkg)?;
        // Ranging over the channel (a fan-in whose closer ends the range)
        // is a receive loop: ncast-leak's.
        if ch.ops_of(OpKind::Range).next().is_some() {
            return None;
        }
        // A sender that may not send can be correlated with the early exit.
        if !sender.every_path {
            return None;
        }
        if !loops_after_make(ch, sender.go).is_empty() {
            return None;
        }
        let recvs: Vec<_> = ch.ops_of(OpKind::Recv).collect();
        if recvs.iter().any(|r| r.place != Place::Parent || r.node.start_byte() < sender.go.end_byte()) {
            return None;
        }
        if !recvs.is_empty() && recvs.iter().all(|r| guarded_by_select(ch.receive_site(r.node)).is_some()) {
            return None; // timeout-leak's shape
        }
        let (message, exit) = match recvs.iter().map(|r| r.node).min_by_key(tree_sitter::Node::start_byte) {
            None => (format!("nothing receives from `{}`: the goroutine sending on it blocks forever", ch.name), None),
            Some(_) => {
                let exit = exits_after(cx.pkg, ch, sender.go, false).into_iter().next()?;
                let message = format!(
                    "{} leaves before receiving from `{}`: the goroutine sending on it then blocks forever",
                    describe(facts, exit),
                    ch.name
                );
                (message, Some(exit))
            }
        };
        let f = capacity_finding(self, cx.pkg, ch, (sender.last, sender.gated), "1", message);
        Some(match exit {
            Some(e) => f.with_related(e.start_byte(), "this exit leaves before the receive"),
            None => f,
        })
    }
}
