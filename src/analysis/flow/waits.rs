//! How a goroutine's loop ends: the loop at the top of its body and the
//! ways out of it. A goroutine that runs `for { select { ... case <-done:
//! return } }` ends only when `done` is closed (or sent on); missing-stop
//! and skipped-close both ask which receives those are.

use crate::syntax::Fast as _;
use tree_sitter::Node;

use super::jumps::{is_conditional_exit, jump_target, jumps};
use crate::syntax::Named as _;
use crate::syntax::{ancestors_within, contains, kinds as k, named_children, statements, text, unparen};

/// The loop among the statements of a function body (labelled or not),
/// with the jumps of the body that take control out of it (every jump but
/// a `continue` of it and a `break` of a statement inside it).
pub struct BodyLoop<'t> {
    pub looped: Node<'t>,
    pub leaving: Vec<Node<'t>>,
}

impl<'t> BodyLoop<'t> {
    /// The first loop among the statements of `body`.
    #[must_use]
    pub fn of(body: Node<'t>, src: &[u8]) -> Option<Self> {
        let looped = statements(body).into_iter().find_map(|s| match s.kind_str() {
            k::FOR_STATEMENT => Some(s),
            k::LABELED_STATEMENT => named_children(s).into_iter().find(|c| c.kind_str() == k::FOR_STATEMENT),
            _ => None,
        })?;
        let stays = |j: Node<'_>| match j.kind_str() {
            k::CONTINUE_STATEMENT => jump_target(j, src).is_none_or(|t| contains(looped, t)),
            k::BREAK_STATEMENT => jump_target(j, src).is_some_and(|t| contains(looped, t) && t.id() != looped.id()),
            _ => false,
        };
        let leaving = jumps(body, src).into_iter().filter(|j| !stays(*j)).collect();
        Some(BodyLoop { looped, leaving })
    }

    /// `for { ... }`, or a clause without a condition.
    #[must_use]
    pub fn endless(&self) -> bool {
        named_children(self.looped)
            .iter()
            .all(|c| c.kind_str() == k::BLOCK || (c.kind_str() == k::FOR_CLAUSE && c.field("condition").is_none()))
    }

    /// For an endless loop, the receives (`<-x`) of the `select` cases that
    /// hold every way out, each case surely leaving once it receives: one
    /// of its own statements is a way out (not `if cond { return }`, nor a
    /// `require` check that may go on), or `if !ok { return }` after `_, ok
    /// := <-x` (a closed channel gives `ok == false`). `None` when a way
    /// out is elsewhere, or there is none.
    #[must_use]
    pub fn exit_receives(&self, src: &[u8]) -> Option<Vec<Node<'t>>> {
        if !self.endless() || self.leaving.is_empty() {
            return None;
        }
        let mut out: Vec<Node<'t>> = Vec::new();
        for &j in &self.leaving {
            let case = ancestors_within(self.looped, j).into_iter().find(|a| a.kind_str() == k::COMMUNICATION_CASE)?;
            let list = named_children(case).into_iter().find(|c| c.kind_str() == k::STATEMENT_LIST);
            let leaves = |st: Node<'_>| self.leaving.contains(&st) && !is_conditional_exit(st, src);
            let surely = list.is_some_and(|l| {
                named_children(l).into_iter().any(|st| leaves(st) || not_ok_leaves(src, case, st, &leaves))
            });
            if !surely {
                return None;
            }
            let comm = case.field("communication")?;
            let recv = match comm.kind_str() {
                k::RECEIVE_STATEMENT => comm.field("right")?,
                k::EXPRESSION_STATEMENT => comm.named(0)?,
                _ => comm,
            };
            let recv = unparen(recv);
            if recv.kind_str() != k::UNARY_EXPRESSION || !text(recv, src).starts_with("<-") {
                return None;
            }
            if !out.iter().any(|r| r.id() == recv.id()) {
                out.push(recv);
            }
        }
        Some(out)
    }
}

/// `if !ok { return }` (any way out `leaves` accepts, as the block's own
/// statement), in the select case `case` receiving `_, ok := <-ch`.
fn not_ok_leaves(src: &[u8], case: Node<'_>, st: Node<'_>, leaves: &dyn Fn(Node<'_>) -> bool) -> bool {
    let Some(comm) = case.field("communication").filter(|c| c.kind_str() == k::RECEIVE_STATEMENT) else {
        return false;
    };
    let ok = comm.field("left").and_then(|l| l.named(1)).filter(|o| o.kind_str() == k::IDENTIFIER);
    let cond = st.field("condition").map(unparen);
    let negated = cond.filter(|c| c.kind_str() == k::UNARY_EXPRESSION && text(*c, src).starts_with('!'));
    let tested = negated.and_then(|c| c.field("operand")).map(unparen);
    st.kind_str() == k::IF_STATEMENT
        && st.field("initializer").is_none()
        && ok.zip(tested).is_some_and(|(o, t)| t.kind_str() == k::IDENTIFIER && text(o, src) == text(t, src))
        && st.field("consequence").is_some_and(|b| statements(b).into_iter().any(leaves))
}
