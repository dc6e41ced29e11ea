use crate::syntax::Fast as _;
use crate::syntax::Up as _;
use tree_sitter::Node;

use super::{Context, Finding, Transform};
use crate::analysis::channel_facts::{joined_by, joined_through_ranger};
use crate::analysis::relevance::GoroutineUse;
use crate::analysis::{Channel, FileFacts, OpKind, Place, flow};
use crate::fix::{Edit, Fix};
use crate::syntax::{ancestors, kinds as k};

/// A goroutine ranges over a channel that nothing closes.
pub struct UnclosedRange;

impl Transform for UnclosedRange {
    fn id(&self) -> &'static str {
        "unclosed-range"
    }

    fn summary(&self) -> &'static str {
        "a goroutine ranges over a channel that is never closed"
    }

    fn needs(&self) -> GoroutineUse {
        GoroutineUse::Range
    }

    fn docs(&self) -> &'static str {
        include_str!("../../transforms/unclosed-range/README.md")
    }

    fn check<'t>(&self, cx: &Context<'_, 't>, ch: &Channel<'t>) -> Option<Finding> {
        let facts = cx.facts;
        if ch.escape.is_some() || ch.ops_of(OpKind::Close).next().is_some() {
            return None;
        }
        let ranges: Vec<_> = ch.ops_of(OpKind::Range).collect();
        let plain_recv = ch.ops_of(OpKind::Recv).next().is_some();
        if ranges.is_empty() || ranges.iter().any(|r| !matches!(r.place, Place::Goroutine(_))) {
            return None;
        }
        // The range must be unable to end any other way than by a close.
        for r in &ranges {
            let file = match r.place {
                Place::Goroutine(g) => cx.pkg.file(ch.starts[g].file()),
                _ => facts,
            };
            if file.jumps(r.node).iter().any(|j| flow::leaves(*j, r.node, file.src)) {
                return None;
            }
        }
        let range_line = ranges[0].node.start_position().row + 1;
        let message = format!(
            "the goroutine ranging over `{}` on line {range_line} never ends: nothing closes the channel",
            ch.name
        );
        let finding = |fix: Option<Fix>, why: Option<NoClose>| {
            let message = why.map_or_else(|| message.clone(), |w| format!("{message} (no fix: {w})"));
            Finding::about(self, ch, message, fix)
        };
        // A receive that is not a range would see the close as an endless
        // stream of zero values (or a drain loop would never end).
        if plain_recv {
            return Some(finding(None, Some(NoClose::AlsoReceived)));
        }
        let place = match where_to_close(facts, ch, &ranges.iter().map(|r| r.place).collect::<Vec<_>>()) {
            Ok(place) => place,
            // The ranging goroutine may count the items itself (`wg.Done()`
            // per item, the seed's example): after that Wait, all are in.
            Err(why @ NoClose::NotJoined) => match joined_through_ranger(cx.pkg, ch) {
                Some(wait) => Close::AfterWait(wait),
                // Or one goroutine sends, and may close it when done.
                None => match sole_sender_body(ch) {
                    Some(first) => Close::DeferInSender(first),
                    None => return Some(finding(None, Some(why))),
                },
            },
            Err(why) => return Some(finding(None, Some(why))),
        };
        if ch.recv_only {
            return Some(finding(None, Some(NoClose::ReceiveOnly)));
        }
        // What a ranger does once its range ends never ran before.
        let released = ranges.iter().all(|r| match r.place {
            Place::Goroutine(g) => crate::analysis::channel_facts::released_cleanly(cx.pkg, &ch.starts[g], r.node),
            _ => false,
        });
        if !released {
            return Some(finding(None, Some(NoClose::AfterRangePanics)));
        }
        let edit = match place {
            Close::DeferAfterMake => line_after(facts, ch, ch.stmt, &format!("defer close({})", ch.name)),
            Close::AfterWait(wait) => line_after(facts, ch, wait, &format!("close({})", ch.name)),
            Close::DeferInSender(first) => {
                super::lines::line_before(facts.src, first, &format!("defer close({})", ch.name))
            }
        };
        match edit {
            Some(edit) => Some(finding(Some(Fix::safe(vec![edit])), None)),
            None => Some(finding(None, Some(NoClose::AnchorNotAtLineEnd))),
        }
    }
}

/// Why no close can be inserted.
#[derive(Debug, Clone, Copy, thiserror::Error)]
enum NoClose {
    #[error("the channel is also received from outside a range, which a close would change")]
    AlsoReceived,
    #[error("the variable is receive-only")]
    ReceiveOnly,
    #[error(
        "after its range the ranging goroutine panics, exits, or closes a channel that something else may close too: the close would make that code run"
    )]
    AfterRangePanics,
    #[error("the statement to insert after does not end its line")]
    AnchorNotAtLineEnd,
    #[error("the channel is made inside a loop")]
    MadeInLoop,
    #[error("the range is not in a goroutine")]
    RangeNotInGoroutine,
    #[error("a deferred function sends on the channel")]
    DeferredSend,
    #[error("the ranging goroutine also sends")]
    RangerSends,
    #[error("a goroutine sends from a deferred function, possibly after it is joined")]
    SendAfterJoin,
    #[error("a goroutine sending on it is not joined by a WaitGroup Wait before return")]
    NotJoined,
    #[error("no body")]
    NoBody,
    #[error("the function can return before waiting for the goroutines that send")]
    ReturnBeforeWait,
    #[error("the function sends again after waiting for the goroutines")]
    SendAfterWait,
}

/// Where the close goes.
enum Close<'t> {
    /// All sends are the function's own: `defer close(c)` after the make.
    DeferAfterMake,
    /// Goroutines send: `close(c)` right after the `wg.Wait()` that joins
    /// them, so a panic before the Wait leaves the leak rather than making
    /// a joined sender panic on a closed channel.
    AfterWait(Node<'t>),
    /// One goroutine, started once, does every send: `defer close(c)` as
    /// the first statement of its body (given here), which runs after its
    /// last send.
    DeferInSender(Node<'t>),
}

/// The first statement of the body of the one goroutine sending on the
/// channel, when it may close it as it ends: a func literal of the file
/// started once (`go`, `wg.Go`, `g.Go`; not in a loop after the make), every
/// send on the channel its own (in its body, not deferred or in a nested
/// goroutine, or one call away), none by the parent or a ranging goroutine,
/// and the make not in a loop. Its deferred close then runs after its last
/// send: no send can meet it, and nothing else closes the channel.
fn sole_sender_body<'t>(ch: &Channel<'t>) -> Option<Node<'t>> {
    use crate::analysis::StartKind;
    let sends: Vec<_> = ch.ops_of(OpKind::Send).collect();
    let Place::Goroutine(g) = sends.first()?.place else { return None };
    if sends.iter().any(|s| s.place != Place::Goroutine(g))
        || ch.ops_of(OpKind::Range).any(|r| r.place == Place::Goroutine(g))
        || flow::loops_between(ch.stmt, ch.func).next().is_some()
    {
        return None;
    }
    let start = ch.starts[g];
    let lit = start.func.value;
    if start.file() != crate::analysis::FileId::OWN
        || lit.kind_str() != k::FUNC_LITERAL
        || !matches!(start.kind, StartKind::Go | StartKind::WaitGroupGo | StartKind::ErrGroupGo)
        || !crate::analysis::channel_facts::loops_after_make(ch, start.stmt).is_empty()
        || ch.starts.iter().enumerate().any(|(i, s)| i != g && s.func.value.id() == lit.id())
    {
        return None;
    }
    // Sends in the literal itself, outside its defers.
    let deferred = |n: Node<'t>| {
        crate::syntax::ancestors_within(lit, n)
            .iter()
            .any(|a| matches!(a.kind_str(), k::DEFER_STATEMENT | k::FUNC_LITERAL))
    };
    if sends.iter().any(|s| !crate::syntax::contains(lit, s.node) || deferred(s.node)) {
        return None;
    }
    crate::syntax::statements(lit.field("body")?).first().copied()
}

/// Where closing the channel is safe: after every send has completed.
fn where_to_close<'t>(facts: &FileFacts<'t>, ch: &Channel<'t>, range_ctx: &[Place]) -> Result<Close<'t>, NoClose> {
    if flow::loops_between(ch.stmt, ch.func).next().is_some() {
        return Err(NoClose::MadeInLoop);
    }
    for ctx in range_ctx {
        if !matches!(ctx, Place::Goroutine(_)) {
            return Err(NoClose::RangeNotInGoroutine);
        }
    }
    let mut last_wait: Option<Node> = None;
    let mut first_go: Option<Node> = None;
    for s in ch.ops_of(OpKind::Send) {
        match s.place {
            Place::Parent => {}
            Place::Deferred => return Err(NoClose::DeferredSend),
            Place::Goroutine(g) => {
                if range_ctx.contains(&s.place) {
                    return Err(NoClose::RangerSends);
                }
                let go = ch.starts[g];
                // A deferred send may run after the goroutine's `wg.Done()`.
                if ancestors(s.node)
                    .take_while(|a| a.id() != go.func.value.id())
                    .any(|a| a.kind_str() == k::DEFER_STATEMENT)
                {
                    return Err(NoClose::SendAfterJoin);
                }
                let wait = joined_by(facts, ch, &go).ok_or(NoClose::NotJoined)?;
                if last_wait.is_none_or(|w| wait.start_byte() > w.start_byte()) {
                    last_wait = Some(wait);
                }
                if first_go.is_none_or(|f| go.stmt.start_byte() < f.start_byte()) {
                    first_go = Some(go.stmt);
                }
            }
        }
    }
    let (Some(first), Some(wait)) = (first_go, last_wait) else { return Ok(Close::DeferAfterMake) };
    // Nothing may leave between starting the senders and waiting for them.
    let body = ch.func.field("body").ok_or(NoClose::NoBody)?;
    let region = ch.stmt.up().unwrap_or(body);
    let early = facts.jumps(body).into_iter().any(|j| {
        j.start_byte() > first.start_byte() && j.start_byte() < wait.start_byte() && flow::leaves(j, region, facts.src)
    });
    if early {
        return Err(NoClose::ReturnBeforeWait);
    }
    if ch.ops_of(OpKind::Send).any(|s| s.place == Place::Parent && s.node.start_byte() > wait.start_byte()) {
        return Err(NoClose::SendAfterWait);
    }
    Ok(Close::AfterWait(wait))
}

/// A new line `text` after statement `anchor` (the make's, or the Wait's),
/// if it is a statement of a block and ends its line.
fn line_after(facts: &FileFacts<'_>, ch: &Channel<'_>, anchor: Node<'_>, text: &str) -> Option<Edit> {
    let parent = anchor.up()?;
    if parent.kind_str() != k::STATEMENT_LIST || ch.func.field("body").is_none() {
        return None;
    }
    super::lines::line_after(facts.src, anchor, text)
}
